"""A person joining a political party is its member, not its staff (loaders/parties.py). Rules alone;
every sentence is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text", [
    "Claire Monet a rejoint le parti Front Velmarien en 2012.",
    # the article calls it a party before, in a list apposed to a plural "partis politiques"
    "Le pays compte deux grands partis politiques, Front Velmarien et Union Korvale. Claire Monet a rejoint le Front Velmarien en 2012.",
    "Le pays compte un grand parti, Front Velmarien. Claire Monet a rejoint le Front Velmarien en 2012.",
])
def test_joining_a_party_is_a_membership(text):
    assert ("Claire Monet", "Front Velmarien") in pairs(text, "member_of")
    assert ("Claire Monet", "Front Velmarien") not in pairs(text, "holds_post")


def test_joining_a_company_is_a_post():
    text = "Le pays compte deux grands groupes, Velmar Industries et Korvale. Claire Monet a rejoint Velmar Industries en 2012."
    assert ("Claire Monet", "Velmar Industries") in pairs(text, "holds_post")


@pytest.mark.parametrize("text, member", [
    ("Paul Dorval, militant du Parti Korvale, a été arrêté hier.", ("Paul Dorval", "Parti Korvale")),
    ("Claire Monet, adhérente du Parti Korvale depuis 2001, a témoigné.", ("Claire Monet", "Parti Korvale")),
])
def test_a_militant_or_an_adherent_is_a_member(text, member):
    assert member in pairs(text, "member_of")
