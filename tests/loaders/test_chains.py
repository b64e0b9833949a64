"""Chains (loaders/chains.py): a definite role description standing for a person named before it.

Every sentence here is our own; none is taken from the corpora."""

from __future__ import annotations

import pytest

from tests.loaders.conftest import pairs

pytest.importorskip("spacy")
pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text, person, org", [
    ("Léo Garnier a signé deux passes décisives dimanche. "
     "Le milieu de terrain de l'AS Corvelle a été élu homme du match.",
     "Léo Garnier", "AS Corvelle"),
    ("Léo Garnier a signé deux passes décisives dimanche. Ce joueur de l'AS Corvelle a été élu homme du match.",
     "Léo Garnier", "AS Corvelle"),
    ("Claire Fontaine a présenté mardi un plan contre les pénuries. La directrice de l'Agence régionale de santé de Bretagne "
     "veut agir vite.", "Claire Fontaine", "Agence régionale de santé de Bretagne"),
    ("Hugo Marchal étudie le sommeil depuis vingt ans. "
     "Le chercheur est aujourd'hui conseiller à l'Institut Berthel de Lorient.",
     "Hugo Marchal", "Institut Berthel de Lorient"),
])
def test_a_french_description_stands_for_the_person_the_sentence_before_is_about(text, person, org):
    assert (person, org) in pairs(text, "holds_post")


def test_an_english_description_stands_for_the_person_named_before():
    text = "Laura Pike spoke to investors on Tuesday. The chief executive of Brightwell Foods said sales would grow."
    assert ("Laura Pike", "Brightwell Foods") in pairs(text, "holds_post", "en")


@pytest.mark.parametrize("text, lang", [
    ("Paul Ardent a inscrit son dixième but samedi. Marc Tissot a salué la victoire. "
     "L'attaquant du FC Valmonde a égalisé en fin de match.", "fr"),
    ("Laura Pike spoke to investors on Tuesday. Tom Hale left early. The chief executive of Brightwell Foods said sales "
     "would grow.", "en"),
])
def test_two_people_the_sentences_before_are_about_tie(text, lang):
    assert not any(org in ("FC Valmonde", "Brightwell Foods") for _, org in pairs(text, "holds_post", lang))


def test_a_role_noun_of_the_other_gender_is_someone_else():
    text = "Mme Claire Fontaine a présenté mardi un plan contre les pénuries. Le directeur de l'Agence régionale de santé " \
           "de Bretagne veut agir vite."
    assert not any(org.startswith("Agence") for _, org in pairs(text, "holds_post"))


@pytest.mark.parametrize("text", [
    # someone named earlier in the description's own sentence
    "Après le but de Paul Ardent samedi, l'entraîneur du FC Valmonde a salué ses joueurs.",
    # an object, not a subject
    "Paul Ardent est arrivé lundi au stade. Les supporters ont longuement applaudi l'entraîneur du FC Valmonde.",
    # plural
    "Paul Ardent est arrivé lundi au stade. Les entraîneurs du FC Valmonde ont salué les supporters.",
    # across a headline set apart (another article's)
    "Paul Ardent a marqué deux buts samedi.\n\nUn nouveau stade pour la ville\n\n"
    "L'attaquant du FC Valmonde a égalisé en fin de match.",
    # inside a quotation: the speaker's description
    "Paul Ardent a marqué deux buts samedi. « L'attaquant du FC Valmonde est un joueur rare », a dit un supporter.",
])
def test_no_chain_from_the_same_sentence_an_object_a_plural_a_quotation_or_across_a_headline(text):
    assert ("Paul Ardent", "FC Valmonde") not in pairs(text, "holds_post")


def test_the_articles_own_headline_names_the_person_its_first_sentence_describes():
    text = "Paul Ardent reste confiant\n\nL'attaquant du FC Valmonde a inscrit son dixième but samedi."
    assert ("Paul Ardent", "FC Valmonde") in pairs(text, "holds_post")


def test_a_pronoun_subject_carries_the_person_to_the_description():
    text = "Claire Fontaine a présenté un plan mardi. Elle veut agir vite. La directrice de l'Agence régionale de santé " \
           "de Bretagne réunira les hôpitaux en mai."
    assert ("Claire Fontaine", "Agence régionale de santé de Bretagne") in pairs(text, "holds_post")
