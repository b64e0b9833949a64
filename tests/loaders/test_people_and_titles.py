"""People the tagger leaves out or cuts, titles it takes for organizations, and the titles of one post
said together, read by the rules alone (the trained model switched off). Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def names(text: str, kind: str, language: str = "en") -> set[str]:
    ents, _ = read(text, language)
    return {m.entity.label for m in ents.mentions if m.entity.kind == kind}


def posts(text: str, language: str = "en") -> dict[tuple, str]:
    _, found = read(text, language)
    return {(r.subject.label, r.object.label): r.attrs.get("title") for r in found if r.kind == "holds_post"}


@pytest.mark.parametrize("text, language, person", [
    ("Holmgren is a senior lecturer at Quorvex University.", "en", "Holmgren"),
    ("Kaboré est président de la Fédération lorraine de judo.", "fr", "Kaboré"),
])
def test_a_name_a_person_s_title_is_said_of_is_a_person(text, language, person):
    assert person in names(text, "person", language)


@pytest.mark.parametrize("text", [
    "Quorvex is a leader in search engines.",  # a leader may be an organization
    "Quorvex Systems is a manufacturer of chips.",
])
def test_an_organization_a_role_of_organizations_is_said_of_stays_no_person(text):
    assert not names(text, "person")


@pytest.mark.parametrize("text, full, other", [
    ('Margaret L. "Peggy" Holmgren is the chief executive of Quorvex Systems.', 'Margaret L. "Peggy" Holmgren', "Peggy Holmgren"),
    ("Roberto (Bob) Varetti is the CEO of Quorvex Systems.", "Roberto (Bob) Varetti", "Roberto Varetti"),
])
def test_a_name_with_a_nickname_inside_is_one_person(text, full, other):
    ents, _ = read(text, "en")
    [person] = {m.entity for m in ents.mentions if m.entity.kind == "person"}
    assert person.label == full and other in person.aliases


def test_a_parenthesis_between_an_organization_and_a_word_is_no_person():
    assert not names("The fund (Quorvex) Holdings was sold to Tarvik Inc. last year.", "person")


@pytest.mark.parametrize("text, language", [
    ("Ana Ruiz, MD - Founder, Chief Operating Officer, Chief Financial Officer", "en"),
    ("Le Directeur Général, Paul Martin, a parlé.", "fr"),
])
def test_a_title_written_with_capitals_is_no_organization(text, language):
    assert not {n for n in names(text, "organization", language) if "officer" in n.lower() or "directeur" in n.lower()}


@pytest.mark.parametrize("text, language, pair, title", [
    ("John Fraser is the chairman and CEO of Acme Foods.", "en", ("John Fraser", "Acme Foods"), "chairman, CEO"),
    ("Jean Dupont est président et directeur général de la société Robotix.", "fr", ("Jean Dupont", "Robotix"),
     "président, directeur général"),
])
def test_two_titles_sharing_one_complement_make_one_post_with_both(text, language, pair, title):
    assert posts(text, language) == {pair: title}


def test_titles_with_their_own_complements_keep_them_apart():
    found = posts("Jeanne Morel, présidente de Robotix et fondatrice de la société Talvéo, a parlé.", "fr")
    assert found == {("Jeanne Morel", "Robotix"): "présidente"}


def test_an_academic_discipline_is_no_employer():
    found = posts("Jane Roe is Professor of Economics at Quorvex University.")
    assert set(found) == {("Jane Roe", "Quorvex University")}


@pytest.mark.parametrize("text, orgs", [
    ("Ruth Okafor was a chemist, Professor of Chemistry at Tarvik College and at Quorvex University.",
     {"Tarvik College", "Quorvex University"}),
    ("Jane Roe is a lecturer at Acme University and Quorvex College.", {"Acme University", "Quorvex College"}),
])
def test_a_title_apposed_to_the_copula_s_complement_and_its_coordinated_employers(text, orgs):
    found = posts(text)
    assert {org for _, org in found} >= orgs and {person for person, _ in found} == {text.split(" was")[0].split(" is")[0]}


def test_a_nickname_between_names_the_tagger_typed_apart_is_one_person():
    ents, _ = read("Harriet Ann (Hattie) Moss (1901 – 1977) was a professor at Tarvik College.", "en")
    assert {m.entity.label for m in ents.mentions if m.entity.kind == "person"} == {"Harriet Ann (Hattie) Moss"}


@pytest.mark.parametrize("text, language", [
    ("Anna Berg founded and became CEO of Quorvex Labs.", "en"),
    ("Anna Berg founded and ran Quorvex Labs until 2010.", "en"),
])
def test_a_founding_verb_shares_its_conjunct_s_organization(text, language):
    _, found = read(text, language)
    assert {(r.object.label, r.subject.label) for r in found if r.kind == "created_by"} == {("Anna Berg", "Quorvex Labs")}


@pytest.mark.parametrize("text, org, town", [
    ("Ndovu is a family-owned tea company based in Kericho, Kenya.", "Ndovu", "Kericho"),  # the tagger left it out
    ("Marco Bellini SpA is a freight carrier headquartered in Genoa, Italy.", "Marco Bellini SpA", "Genoa"),  # typed a person
])
def test_an_organization_said_so_or_with_a_legal_form_is_placed(text, org, town):
    _, found = read(text, "en")
    assert (org, town) in {(r.subject.label, r.object.label) for r in found if r.kind == "located_in"}


@pytest.mark.parametrize("text", [
    "Marlow is an investor based in London.",  # a person may be an investor
    "John Smith is a consultant headquartered in Milan.",  # no organization is named
])
def test_a_person_based_somewhere_places_no_organization(text):
    _, found = read(text, "en")
    assert not [r for r in found if r.kind == "located_in"]


@pytest.mark.parametrize("text, language, seat", [
    ("Headquartered in Reno, Nevada, Quorvex Systems had revenues of 2 billion dollars.", "en", ("Quorvex Systems", "Reno")),
    ("Basée à Rouen, en Normandie, la société Robotix fabrique des robots.", "fr", ("Robotix", "Rouen")),
])
def test_a_sentence_opening_on_its_subject_s_seat_places_the_subject_not_a_place(text, language, seat):
    _, found = read(text, language)
    assert {(r.subject.label, r.object.label) for r in found if r.kind == "located_in"} == {seat}


@pytest.mark.parametrize("text, language, kept", [
    ("Lindqvist was the Professor Emeritus of Urban Studies at Quorvex University.", "en", None),
    ("Claire Aubry, qui travaille pour Médecins du Monde depuis 2015, a parlé.", "fr", "Médecins du Monde"),
])
def test_a_title_with_its_field_is_no_organization_but_a_plural_opening_a_name_is(text, language, kept):
    orgs = names(text, "organization", language)
    assert not any(o.startswith("Professor") for o in orgs)
    assert kept is None or kept in orgs


@pytest.mark.parametrize("label, a_title", [
    ("Professor Emeritus of Urban Studies", True), ("Minister of Energy", True), ("Chief Operating Officer", True),
    ("Médecins du Monde", False), ("Bank of Tarvik", False), ("Quorvex Systems", False),
])
def test_which_names_are_titles_and_nothing_more(label, a_title):
    from innograph.loaders.linking import _a_title

    assert _a_title(label) is a_title


def test_an_and_inside_an_organization_s_name_keeps_the_post_at_the_next_one():
    found = posts("Rod Marley, head of the Centre for Law and Society at Quorvex University, disagreed.")
    assert ("Rod Marley", "Quorvex University") in found


@pytest.mark.parametrize("text, org", [
    ("John Fraser is the EMEA CEO of Quorvex Technologies.", "Quorvex Technologies"),  # a region before the title
    ("John Fraser, Acme's CEO, resigned.", "Acme"),  # a possessive with no "of" complement still names it
])
def test_a_title_s_of_complement_before_a_name_in_front_of_it(text, org):
    assert {o for _, o in posts(text)} == {org}


def test_a_place_then_a_legal_form_end_the_organization_s_name():
    ents, found = read("Tarvik Game Studios Austin LLC is a game developer founded in 2011 by Tom Marlow.", "en")
    [org] = {m.entity for m in ents.mentions if m.entity.kind == "organization"}
    assert "Tarvik Game Studios Austin LLC" in org.names()
    assert {(r.subject.label, r.object.label) for r in found if r.kind == "created_by"} == {(org.label, "Tom Marlow")}
