"""Institutions a French article names in lower case after a title (loaders/institutions.py).
The rules alone (the trained model switched off); every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def organizations(text: str) -> set[str]:
    ents, _ = read(text)
    return {m.text for m in ents.mentions if m.entity.kind == "organization"}


def posts(text: str) -> set[tuple[str, str]]:
    _, found = read(text)
    return {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post" and r.object is not None}


@pytest.mark.parametrize("text, holder, body", [
    ("Hier, le responsable du service des forêts kényan, Joseph Otieno, a tout démenti.", "Joseph Otieno", "service des forêts kényan"),
    ("Ibrahim Diop, chef des routes au ministère des transports malien, a tout démenti.",
     "Ibrahim Diop", "ministère des transports malien"),
])
def test_a_lower_case_institution_after_a_title_is_the_post_s_organization(text, holder, body):
    assert body in organizations(text)
    assert (holder, body) in posts(text)


@pytest.mark.parametrize("text, not_a_body", [
    ("Paul Marlow, directeur de l'entreprise, a parlé.", "entreprise"),
    ("Anna Weiss, chercheuse au département de pathologie de l'université de Brenz, a parlé.",
     "département de pathologie"),  # a university's department: only a demonym makes it a public body
    ("Le service des forêts kényan a publié un rapport.", "service des forêts kényan"),  # no title: not read
])
def test_an_institution_noun_without_a_name_or_a_title_is_no_organization(text, not_a_body):
    assert not any(not_a_body in name for name in organizations(text))


def test_an_institution_noun_before_its_proper_name_leaves_the_post_to_the_name():
    text = "Sir Alan Brisk, patron de l'agence spatiale britannique VORTEQ, pense que la mission partira en mai."
    assert not any(name.startswith("agence") for name in organizations(text))


@pytest.mark.parametrize("text, body", [
    ("L'armée togolaise a confirmé mardi la mort de deux soldats.", "armée togolaise"),
    ("Paul Amegah a rejoint en 1975 l'armée de l'air béninoise.", "armée de l'air béninoise"),
])
def test_a_state_s_army_named_by_its_demonym_is_an_organization_without_a_title(text, body):
    assert body in organizations(text)


@pytest.mark.parametrize("text, holder, body", [
    ("Paul Weber, chercheur à l'Institut Holm pour la recherche sur le sang, a parlé.",
     "Paul Weber", "Institut Holm pour la recherche sur le sang"),
    ("Le général Tom Brask, commandant du commandement canadien pour l'Arctique, a parlé.",
     "Tom Brask", "commandement canadien pour l'Arctique"),
])
def test_a_name_goes_on_through_its_pour_complement_after_a_title(text, holder, body):
    assert body in organizations(text)
    assert (holder, body) in posts(text)


def test_a_pour_complement_fits_the_name_when_its_acronym_follows_but_not_a_gift_s_purpose():
    assert "Association kivutienne pour la défense des droits" in organizations(
        "Selon l'Association kivutienne pour la défense des droits (AKDD), rien n'a changé.")
    assert "Fondation Dorval" in organizations("La Fondation Dorval a donné 3 millions pour la recherche sur le sang.")


def test_a_proper_name_stops_before_pour_and_a_territory():
    found = organizations("Anna Berg, rédactrice en chef de Radio Kelvane pour l'Afrique, a parlé mardi.")
    assert "Radio Kelvane" in found
    assert not any("pour" in name for name in found)
