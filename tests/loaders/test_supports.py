"""Support read by the rules alone (the trained model switched off) from the verbs and participles of
supporting in their past, imperfect, future and plural forms, and "appuyer": "X a soutenu / soutenait /
appuie Y", "Y, appuyé par X", "les rebelles du Y sont soutenus par X". Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs as facts  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text, supporter, supported", [
    ("La Fondation Orvane a soutenu l'association Terre Claire pendant dix ans.", "Fondation Orvane", "Terre Claire"),
    ("La Fondation Orvane soutenait déjà l'association Terre Claire en 2015.", "Fondation Orvane", "Terre Claire"),
    ("La Banque du Sahel appuie l'Agence Orvane dans son programme.", "Banque du Sahel", "Agence Orvane"),
    ("La Fondation Orvane continue de soutenir l'association Terre Claire.", "Fondation Orvane", "Terre Claire"),
    ("Les rebelles du Front Kalani sont soutenus par le Rwanda.", "Rwanda", "Front Kalani"),
    ("L'Agence Orvane, appuyée par la Banque du Sahel, a ouvert trois écoles.", "Banque du Sahel", "Agence Orvane"),
    # a relative's copula, a copula's noun
    ("Le mouvement Arvak, qui est soutenu par la Norvège et la Suède, a gagné.", "Suède", "Arvak"),
    ("La radio Vexa est une station soutenue par la Fondation Kelberg.", "Fondation Kelberg", "Vexa"),
])
def test_past_plural_and_appuyer_forms_of_support(text, supporter, supported):
    assert (supporter, supported) in facts(text, "supports")


@pytest.mark.parametrize("text", [
    "La Fondation Orvane ne soutient pas l'association Terre Claire.",  # denied
    "La Fondation Orvane s'appuie sur l'association Terre Claire pour ses enquêtes.",  # relies on
    "La Fondation Orvane a soutenu que l'association Terre Claire avait menti.",  # argued
])
def test_denied_relied_on_or_argued_is_no_support(text):
    assert not facts(text, "supports")


@pytest.mark.parametrize("text, funder, funded", [
    ("La Banque Orvane a fait don de 2 millions d'euros à la Fondation Kelberg.", "Banque Orvane", "Fondation Kelberg"),
    ("La Banque Orvane donnera 3 millions d'euros à l'association Terre Claire.", "Banque Orvane", "Terre Claire"),
])
def test_money_given_or_donated_with_an_amount_is_funding(text, funder, funded):
    assert (funder, funded) in facts(text, "funds")


def test_something_given_with_no_money_is_no_funding():
    assert not facts("La Banque Orvane donne une conférence à l'association Terre Claire.", "funds")


def test_supported_financially_is_funding():
    text = "La Fondation Orvane a soutenu financièrement l'association Terre Claire."
    assert facts(text, "funds") == {("Fondation Orvane", "Terre Claire")}
    assert not facts(text, "supports")


def test_help_named_by_grace_au_soutien_de_goes_on_the_subject_after_it():
    text = "Grâce au soutien de la Banque du Sahel, l'Agence Orvane a ouvert trois écoles."
    assert facts(text, "supports") == {("Banque du Sahel", "Agence Orvane")}


def test_the_receiver_of_a_grant_does_not_fund_its_giver():
    text = "L'Agence Orvane a reçu une subvention de la Banque du Sahel."
    assert ("Agence Orvane", "Banque du Sahel") not in facts(text, "funds")
