"""Seats on bodies and on an organization's governing organs, read by the rules alone (the trained
model switched off): a committee or a commission named in lower case is a body of its own ("membre du
comité exécutif de Y"), a board or a political bureau is its organization's ("membre du conseil
d'administration de Y": a post at Y), "siéger / sit on" is a seat. Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def facts(text: str, language: str = "fr") -> set[tuple]:
    _, found = read(text, language)
    return {(r.kind, r.subject.label, r.object.label) for r in found
            if r.object is not None and r.kind in ("holds_post", "member_of", "created_by")}


def titles(text: str, language: str = "fr") -> dict[tuple, str]:
    _, found = read(text, language)
    return {(r.subject.label, r.object.label): r.attrs.get("title") for r in found if r.kind == "holds_post"}


@pytest.mark.parametrize("text, fact", [
    ("Lucie Varenne, membre du comité exécutif de la Ligue Corvane, a voté contre.",
     ("member_of", "Lucie Varenne", "comité exécutif de la Ligue Corvane")),
    ("Un membre du comité exécutif de la Ligue Corvane, Paul Brisset, a voté contre.",
     ("member_of", "Paul Brisset", "comité exécutif de la Ligue Corvane")),
    ("Hugo Marchal, président de la commission de l'énergie solaire, a démissionné.",
     ("holds_post", "Hugo Marchal", "commission de l'énergie solaire")),
])
def test_a_committee_or_a_commission_a_member_or_a_title_names_is_a_body(text, fact):
    assert fact in facts(text)


@pytest.mark.parametrize("text, holder, org, title", [
    ("Hugo Marchal, président du conseil d'administration de Velbrook Industries, a démissionné.",
     "Hugo Marchal", "Velbrook Industries", "président du conseil d'administration"),
    ("Lucie Varenne, membre du conseil d'administration de la société Talvéo, a démissionné.",
     "Lucie Varenne", "Talvéo", "membre du conseil d'administration"),
    ("Lucie Varenne est membre du directoire de la société Talvéo.", "Lucie Varenne", "Talvéo", "membre du directoire"),
])
def test_a_seat_on_a_board_is_a_post_at_its_organization(text, holder, org, title):
    assert ("holds_post", holder, org) in facts(text)
    assert not any(kind == "member_of" for kind, *_ in facts(text))
    assert titles(text)[(holder, org)] == title
    assert not any(o.startswith("conseil") for _, _, o in facts(text))


def test_a_seat_in_a_political_bureau_is_a_membership_of_its_party():
    found = facts("Paul Brisset, membre du bureau politique du Rassemblement civique, a parlé.")
    assert ("member_of", "Paul Brisset", "Rassemblement civique") in found


@pytest.mark.parametrize("text, language, fact", [
    ("Marie Lenoir siégeait au conseil de la Ligue Corvane jusqu'en 2019.", "fr",
     ("member_of", "Marie Lenoir", "conseil de la Ligue Corvane")),
    ("John Hartley sits on the board of Quorvex Systems.", "en", ("holds_post", "John Hartley", "Quorvex Systems")),
])
def test_sitting_on_a_body_is_a_seat(text, language, fact):
    assert fact in facts(text, language)


def test_sitting_on_a_board_before_is_a_former_post():
    _, found = read("John Hartley sat on the board of Quorvex Systems until 2019.", "en")
    [post] = [r for r in found if r.kind == "holds_post"]
    assert post.attrs["current"] is False


@pytest.mark.parametrize("text", [
    "Le siège de la société Talvéo est à Lyon.",  # the noun
    "He sat on the bench for the whole match.",
])
def test_a_seat_that_is_a_noun_or_no_body_gives_no_post(text):
    language = "en" if text.startswith("He") else "fr"
    assert not {f for f in facts(text, language) if f[0] in ("holds_post", "member_of")}


def test_the_organization_behind_du_is_the_one_named_before():
    """'le chef du parti': the preposition holds the article, and the party is the one named before."""
    found = facts("Le Parti des verts a gagné. Le chef du parti, Marc Dutoit, a parlé.")
    assert ("holds_post", "Marc Dutoit", "Parti des verts") in found


@pytest.mark.parametrize("text, kind, org", [
    ("Paul Brisset et Jean Durand sont membres du Rassemblement civique.", "member_of", "Rassemblement civique"),
    ("Paul Brisset et Jean Durand sont cofondateurs de la société Talvéo.", "created_by", "Talvéo"),
])
def test_coordinated_names_before_a_copula_all_hold_its_predicate(text, kind, org):
    found = facts(text)
    for person in ("Paul Brisset", "Jean Durand"):
        assert (kind, person, org) in found or (kind, org, person) in found
