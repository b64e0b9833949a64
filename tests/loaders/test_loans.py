"""Hyphenated English loans in French text ("start-up", "spin-off"): one token each, so the parse around
them holds (lexicon.HYPHENATED_LOANS_FR, nlp.keep_whole). Rules alone; every sentence is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import kinds, pairs, posts, read  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("word", ["start-up", "start-ups", "Start-up", "Start-ups", "spin-off", "joint-ventures",
                                  "think-tank", "Week-end"])
def test_a_loan_is_one_token(word):
    from innograph.loaders.nlp import pipeline

    tokens = [t.text for t in pipeline("fr").tokenizer(f"Elle a rejoint une {word} l'an dernier.")]
    assert word in tokens


def test_other_hyphenated_words_are_left_to_the_tokenizer():
    from innograph.loaders.nlp import pipeline

    # the French rules still split a verb from its pronoun
    tokens = [t.text for t in pipeline("fr").tokenizer("Que dit-elle de la start-up ?")]
    assert "start-up" in tokens and "dit" in tokens and "-elle" in tokens


@pytest.mark.parametrize("text, post", [
    ("Paul Dorval, directeur de la start-up rwandaise Velmarix, a présenté son drone.", ("Paul Dorval", "Velmarix")),
    ("Claire Monet est présidente de la Start-up sénégalaise Korvela depuis mars.", ("Claire Monet", "Korvela")),
])
def test_a_title_of_a_start_up_is_a_post(text, post):
    assert post in posts(text)


@pytest.mark.parametrize("text, fact", [
    # a nationality written with a capital between the noun and the name is not the name's
    ("Paul Dorval et Anne Kiema, fondateurs de la Start-up Burkinabè Velmarix qui a développé une application.",
     ("created_by", "Velmarix", "Paul Dorval")),
    ("Paul Dorval, directeur de la société Sénégalaise Korvela, a signé le contrat.", ("holds_post", "Paul Dorval", "Korvela")),
])
def test_a_capitalized_nationality_is_not_part_of_the_name(text, fact):
    kind, subject, obj = fact
    assert (subject, obj) in pairs(text, kind)


def test_a_common_noun_with_a_capital_names_nothing():
    entities, _ = read("La Start-up a levé des fonds. Paul Dorval dirige la Société depuis mars.")
    assert not [m for m in entities.mentions if m.entity.kind == "organization"]


def test_a_participle_that_folds_to_an_event_word_is_a_verb():
    # "rencontré" folds to "rencontre" (a meeting): the person met is no event
    found = pairs("Nous avons rencontré Paul Dorval, fondateur de la start-up Velmarix.", "created_by")
    assert ("Velmarix", "Paul Dorval") in found
    assert kinds("Les Rencontres Orvaline de la mer ont ouvert hier.").get("Rencontres Orvaline de la mer") == {"event"}
