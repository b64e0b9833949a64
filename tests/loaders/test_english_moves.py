"""English posts read from a move: a person who leaves an organization ("left X", "resigned / retired
from X", "quit X") held a post there, a former one; a gerund phrase of time ("Before joining X,",
"after leaving X", "While working for X,") has the clause's subject for its own. A place left, a
wish to leave, a negated leaving and a party left give no post. "created / started / set up" found
an organization only with their agent ("set up by A"), and a fronted founding participle's subject
is the clause's. The rules alone; every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs, read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def posts(text: str) -> set[tuple]:
    return pairs(text, "holds_post", "en")


def current_of(text: str, person: str, org: str):
    _, found = read(text, "en")
    [current] = {r.attrs.get("current") for r in found
                 if r.kind == "holds_post" and (r.subject.label, r.object.label) == (person, org)}
    return current


@pytest.mark.parametrize("text, person, org", [
    ("Helen Marsh left Corvel Robotics in 2019 to start a bakery.", "Helen Marsh", "Corvel Robotics"),
    ("In March, Omar Reddy resigned from Brightwater Labs after a dispute over pay.", "Omar Reddy", "Brightwater Labs"),
    ("Dr Lena Fisk retired from the Northfield Institute of Oncology last year.", "Lena Fisk",
     "Northfield Institute of Oncology"),
    ("In 2012 Mia Torres quit Borex Holdings to run for mayor.", "Mia Torres", "Borex Holdings"),
])
def test_a_person_who_leaves_an_organization_held_a_former_post_there(text, person, org):
    assert (person, org) in posts(text)
    assert current_of(text, person, org) is False


@pytest.mark.parametrize("text, person, org", [
    ("Before joining Corvel Robotics, Helen Marsh was an engineer at a car maker.", "Helen Marsh", "Corvel Robotics"),
    ("Prior to joining Brightwater Labs, Omar Reddy taught chemistry in Leeds.", "Omar Reddy", "Brightwater Labs"),
    ("Since joining Kestrel Analytics in 2015, Paul Abney has doubled its sales.", "Paul Abney", "Kestrel Analytics"),
    ("While working for Brightwater Labs, Omar Reddy wrote two novels.", "Omar Reddy", "Brightwater Labs"),
    ("Omar Reddy wrote two novels while working at Brightwater Labs.", "Omar Reddy", "Brightwater Labs"),
])
def test_a_gerund_of_joining_or_working_has_the_clauses_subject(text, person, org):
    assert (person, org) in posts(text)
    assert current_of(text, person, org) is True


def test_a_gerund_of_leaving_has_the_clauses_subject():
    text = "Helen Marsh opened a bakery in York after leaving Corvel Robotics in 2019."
    assert ("Helen Marsh", "Corvel Robotics") in posts(text)


@pytest.mark.parametrize("text", [
    "Helen Marsh left Paris in 2019 to start a bakery.",  # a place
    "Omar Reddy wants to leave Brightwater Labs.",  # a wish
    "Paul Abney did not leave Kestrel Analytics.",  # negated
    "By joining Corvel Robotics, Helen Marsh could have lost her pension.",  # no phrase of time
])
def test_no_post_from_a_place_a_wish_a_negation_or_another_gerund(text):
    assert not posts(text)


def founders(text: str) -> set[tuple]:
    return pairs(text, "created_by", "en")


@pytest.mark.parametrize("text, org, people", [
    ("Velmar Foods was set up by Anna Berg and Tom Reyes in 2010.", "Velmar Foods", {"Anna Berg", "Tom Reyes"}),
    ("Founded in 1990 by Anna Berg, Velmar Foods has grown fast.", "Velmar Foods", {"Anna Berg"}),
])
def test_a_founding_by_an_agent_and_a_fronted_founding_participle(text, org, people):
    assert {p for o, p in founders(text) if o == org} == people


@pytest.mark.parametrize("text", [
    "Anna Berg created a website for Velmar Foods.",  # no agent: anything is created
    "Anna Berg set the prices at Velmar Foods.",
    "Tom Reyes started a new job at Velmar Foods.",
])
def test_creating_starting_or_setting_without_an_agent_founds_nothing(text):
    assert not founders(text)
