"""Partnerships and money received, read from the parse (loaders/syntaxpartners.py), the trained
model switched off. Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


def facts(text: str, kind: str) -> set[frozenset | tuple]:
    found = pairs(text, kind)
    return {frozenset(p) for p in found} if kind == "partner_of" else found


@pytest.mark.parametrize("text, a, b", [
    ("La société Norvik s'est associée avec le groupe Telmar pour construire une usine.", "Norvik", "Telmar"),
    ("Le Tchad et l'Angola ont signé un accord de remboursement de la dette.", "Tchad", "Angola"),
    ("Le groupe Velmar a signé avec la société Sonelco un contrat de fourniture d'électricité.", "Velmar", "Sonelco"),
    ("La société Norvik a conclu un partenariat avec l'université de Bergen.", "Norvik", "université de Bergen"),
    ("Un accord entre la Banque ouest-africaine de développement et le groupe Telmar a été conclu hier.",
     "Banque ouest-africaine de développement", "Telmar"),
    ("Kelmar Industries fabrique des ballons. Un accord entre Norvalis Technologies et la société française "
     "Kelmar Industries a été signé hier.", "Norvalis Technologies", "Kelmar Industries"),
    ("La société Kelmar Industries a conclu un accord avec Norvalis Technologies pour recruter un ingénieur.",
     "Kelmar Industries", "Norvalis Technologies"),
    ("Un accord de coopération que la Bolivie a signé avec le Portugal en 1997 prend fin.", "Bolivie", "Portugal"),
    ("Le Pérou est le premier partenaire commercial de la Bolivie.", "Pérou", "Bolivie"),
    ("La société Norvik, qui s'est associée à Telmar Industries pour construire une usine, a recruté.",
     "Norvik", "Telmar Industries"),
    ("La Bolivie s'est alliée au Pérou contre le Chili.", "Bolivie", "Pérou"),
])
def test_partners(text, a, b):
    assert frozenset((a, b)) in facts(text, "partner_of")


@pytest.mark.parametrize("text", [
    "Le président a signé un décret avec le Premier ministre.",
    "La société Norvik a signé le registre de l'Assemblée avec le groupe Telmar.",
])
def test_signing_something_else_than_an_agreement_makes_no_partners(text):
    assert not facts(text, "partner_of")


@pytest.mark.parametrize("text", [
    # reported, alleged, sought or undone: no partnership stated
    "Le président de Norvalis Technologies nous a dit que l'accord avec Kelmar Industries portait sur des ballons.",
    "Le ministre a prétendu que la Bolivie a conclu un accord avec le groupe Kelmar Industries.",
    "Le vice-président de Norvalis Technologies avait annulé l'accord avec Kelmar Industries.",
    "Le Portugal et la Bolivie souhaitaient un accord de paix avec le groupe Kelmar Industries.",
    # a person's contract is a post, not a partnership of the organization named before
    "La star de Norvalis Technologies, Paul Varga, prolonge son contrat avec Kelmar Industries.",
])
def test_no_partners_where_no_agreement_is_made(text):
    assert not facts(text, "partner_of")


def test_who_reports_on_a_funding_funds_nothing():
    text = ("La Fédération orvanaise de football a déclaré que son enquête portait sur le financement d'un voyage "
            "de Kelmar Industries.")
    assert not facts(text, "funds")


def test_money_received_from_a_funder():
    text = "Le laboratoire Biolys a reçu des fonds de la Fondation Carvalho pour ses essais."
    assert facts(text, "funds") == {("Fondation Carvalho", "Biolys")}


def test_an_amount_received_names_the_receiver_as_funded():
    text = "La start-up Kelvo a reçu un investissement de 3 millions d'euros du fonds Arbios Capital."
    assert ("Kelvo", "Arbios Capital") not in facts(text, "funds")
    assert ("Arbios Capital", "Kelvo") in facts(text, "funds")


def test_a_diploma_obtained_is_no_funding():
    assert not facts("La chercheuse Ana Pires a obtenu un diplôme de l'Institut Pasteur.", "funds")


def test_every_funder_of_a_list_with_acronyms_funds():
    text = "Le centre Kelmar Lab a reçu 6,5 millions de livres du Conseil Norvalis Research (CNR) et de la Fondation Orvane."
    assert {("Conseil Norvalis Research", "Kelmar Lab"), ("Fondation Orvane", "Kelmar Lab")} <= facts(text, "funds")


def test_finance_as_a_field_is_no_funding():
    text = "Le rapport de Kelmar Industries, qui veut réinventer la finance mondiale, cite Norvalis Technologies comme modèle."
    assert not facts(text, "funds")


@pytest.mark.parametrize("text, expected", [
    ("L'Agence Nordique de l'eau travaille avec le Togo pour rénover les puits.", {("Agence Nordique", "Togo")}),
    ("La Fondation Arcadia, qui avait travaillé aux côtés de l'Union des Forgerons entre 2019 et 2021, a publié un rapport.",
     {("Fondation Arcadia", "Union des Forgerons")}),
    ("L'Union des Forgerons dit travailler avec la Fondation Arcadia pour appliquer les règles.",
     {("Union des Forgerons", "Fondation Arcadia")}),
])
def test_two_organizations_working_together_are_partners(text, expected):
    assert pairs(text, "partner_of") == expected


@pytest.mark.parametrize("text", [
    "La Fondation Arcadia est prête à travailler avec l'Union des Forgerons.",  # offered, not done
    "Paul Kamga travaille avec la Fondation Arcadia depuis 2019.",  # a person: a post, not a partnership
])
def test_work_only_offered_or_a_persons_work_is_no_partnership(text):
    assert not pairs(text, "partner_of")


def test_a_sponsor_of_a_club_funds_it():
    assert pairs("La société Kalabrew est le principal sponsor du FC Mirova.", "funds") == {("Kalabrew", "FC Mirova")}


def test_every_two_parties_listed_after_between_are_partners():
    text = "Un accord a été signé entre la Bolivie, le Portugal, la Norvège et la Grèce en 1997."
    countries = ["Bolivie", "Portugal", "Norvège", "Grèce"]
    assert facts(text, "partner_of") == {frozenset((a, b)) for i, a in enumerate(countries) for b in countries[i + 1:]}


@pytest.mark.parametrize("text", [
    "Les négociations d'un accord entre la Bolivie et le Pérou ont échoué.",  # sought, not made
    "Le risque associé à Telmar Industries est faible.",  # no 'se': no allying
    "Paul Varga, associé au cabinet Telmar Industries, a parlé.",
])
def test_no_partners_sought_or_linked(text):
    assert not facts(text, "partner_of")


@pytest.mark.parametrize("text, expected", [
    ("La Banque du Sahel est un partenaire de longue date de l'Agence Orvane.",
     {frozenset({"Banque du Sahel", "Agence Orvane"})}),
    ("Le Pérou est un allié de la Bolivie.", {frozenset({"Pérou", "Bolivie"})}),
    # the pronoun after the colon is the subject of the clause before it
    ("L'Agence Orvane et la Banque du Sahel ont un atout : elles sont les partenaires historiques de l'Union andine.",
     {frozenset({"Agence Orvane", "Union andine"}), frozenset({"Banque du Sahel", "Union andine"})}),
])
def test_a_partner_of_long_standing_an_ally_and_a_pronoun_after_a_colon(text, expected):
    assert facts(text, "partner_of") == expected


def test_allied_as_a_verb_or_a_pronoun_of_another_number_is_not_read_as_the_noun():
    assert facts("Le Pérou s'est allié à la Bolivie.", "partner_of") == {frozenset({"Pérou", "Bolivie"})}
    assert not facts("Le Pérou et la Bolivie ont un atout : il est un partenaire de longue date de l'Union andine.",
                     "partner_of")


@pytest.mark.parametrize("text, expected", [
    ("La Fondation Orvane est l'un des principaux bailleurs de fonds de l'Agence Kelvane.",
     {("Fondation Orvane", "Agence Kelvane")}),
    ("La Fondation Orvane est le mécène de l'Agence Kelvane.", {("Fondation Orvane", "Agence Kelvane")}),
])
def test_a_backer_named_by_its_noun_funds(text, expected):
    assert facts(text, "funds") == expected
