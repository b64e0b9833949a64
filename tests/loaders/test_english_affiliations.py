"""English posts a name's own words say: "X of Y", "X, of Y," or "X at <University>" (the organization
X speaks for), "Y is led by <title> A, <title> B and <title> C", and a title after a copula coordinated to a verb whose
subject is a name ("X founded and is CEO of Y"). A place, a peerage's territory or a name the tagger
cut after "the" is no employer. The rules alone; every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def posts(text: str) -> set[tuple]:
    return pairs(text, "holds_post", "en")


@pytest.mark.parametrize("text, person, org", [
    ("Tom Reyes of Brightwater Labs said the results were encouraging.", "Tom Reyes", "Brightwater Labs"),
    ("Speaking on Monday, Anna Berg of Corvel University warned against delays.", "Anna Berg", "Corvel University"),
    ("Paul Baker, of the Northfield Trust, said the plan was sound.", "Paul Baker", "Northfield Trust"),
    ("Lord Alan Pryce of the Ministry of Fisheries answered the question.", "Alan Pryce", "Ministry of Fisheries"),
])
def test_an_organization_after_a_name_behind_of_is_the_persons_employer(text, person, org):
    assert (person, org) in posts(text)


@pytest.mark.parametrize("text, person, org", [
    ("Ruth Hale at Corvel University said the survey was small.", "Ruth Hale", "Corvel University"),
    ("Selling will go on, says Prof Dan Ortiz at Northfield Institute of Technology.", "Dan Ortiz",
     "Northfield Institute of Technology"),
])
def test_a_named_institution_after_a_name_behind_at_is_the_persons_employer(text, person, org):
    assert (person, org) in posts(text)


def test_an_organization_whose_name_says_no_institution_behind_at_is_no_employer():
    assert not posts("The president met Tom Reyes at NATO on Monday.")


@pytest.mark.parametrize("text", [
    "Joan Ferrel of Leeds said the plan was sound.",  # a place
    "Earl Henry Voss of Kettlebrook opened the fair.",  # a peerage's territory
])
def test_a_place_or_a_peerage_after_of_is_no_employer(text):
    assert not posts(text)


def test_every_titled_name_an_organization_is_led_by_holds_a_post_there():
    found = posts("Corvel Robotics is led by President Ian Shaw, Chief Financial Officer Rita Gomez and Chief Operating Officer "
                  "Sam Ohara.")
    assert {("Ian Shaw", "Corvel Robotics"), ("Rita Gomez", "Corvel Robotics"), ("Sam Ohara", "Corvel Robotics")} <= found


def test_a_name_after_led_by_that_follows_other_words_is_no_leader():
    assert ("Sam Ohara", "Corvel Robotics") not in posts("Corvel Robotics is led by people who met Sam Ohara in Leeds.")


def test_a_title_after_a_coordinated_copula_is_the_first_verbs_named_subjects():
    # "is" has no subject of its own: the title is the subject's of the verb it is coordinated to
    assert ("Tom Reyes", "Brightwater Labs") in posts("Tom Reyes founded and is now CEO of Brightwater Labs.")


def test_a_coordinated_copula_after_a_pronoun_takes_no_guess():
    # the first verb's subject is a pronoun: no post is read through it
    text = "Anna Berg met Tom Reyes in Leeds. She lived abroad and was a press officer for Brightwater Labs."
    assert ("Tom Reyes", "Brightwater Labs") not in posts(text)


@pytest.mark.parametrize("text, holders, org", [
    ("Northfield College mathematician John Harris proved the lemma in 2004.", {"John Harris"}, "Northfield College"),
    ("The flat was rented by Brightwater Labs chemist Tom Reyes.", {"Tom Reyes"}, "Brightwater Labs"),
    ("The book was written by Corvel University professors Maria Lopez and David Kim.", {"Maria Lopez", "David Kim"},
     "Corvel University"),
])
def test_an_organization_compounded_to_a_title_before_a_name_is_the_employer(text, holders, org):
    assert {p for p, o in posts(text) if o == org} == holders


def test_a_singular_title_before_a_name_is_not_that_names_conjuncts():
    found = posts("Fake accounts of Brightwater Labs chemist Tom Reyes, actor Paul Baker and Anna Berg were removed.")
    assert ("Tom Reyes", "Brightwater Labs") in found
    assert not {p for p, o in found if o == "Brightwater Labs"} - {"Tom Reyes"}


@pytest.mark.parametrize("text", [
    "Health Secretary Anna Berg said the hospital would reopen.",  # a government's field
    "Transport Secretary Paul Baker met the unions on Monday.",
])
def test_a_portfolio_before_a_title_is_no_employer(text):
    assert not posts(text)


@pytest.mark.parametrize("text, person, org", [
    ("Mark Doyle is an American businessman, chairman and CEO of Borex Foods.", "Mark Doyle", "Borex Foods"),
    ("Zhang Hong is a Chinese businessman, Chairman and CEO of Eastriver Group, a logistics company.", "Zhang Hong",
     "Eastriver Group"),
])
def test_titles_apposed_to_a_copulas_noun_take_the_of_the_parser_hung_on_that_noun(text, person, org):
    assert (person, org) in posts(text)


@pytest.mark.parametrize("text, person, org", [
    ("Alan Brennan is a professor emeritus of physics at Northfield University.", "Alan Brennan", "Northfield University"),
    ("John Hale is also a visiting professor of Urban Planning at Northfield University.", "John Hale",
     "Northfield University"),
])
def test_a_professors_field_is_no_employer_and_the_university_is(text, person, org):
    found = posts(text)
    assert (person, org) in found
    assert {o for p, o in found if p == person} == {org}
