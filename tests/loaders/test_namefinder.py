"""Where the tagger's names start and end, and which person or organization a name the tagger
mistyped is (loaders/namefinder.py, mentions.py, retype.py). The rules alone (the trained model
switched off); every sentence here is our own, with invented names."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def mentions(text: str, lang: str = "fr") -> list[tuple[str, str, str]]:
    """(text, kind, entity label) of each mention, in order."""
    ents, _ = read(text, lang)
    return [(m.text, m.entity.kind, m.entity.label) for m in ents.mentions]


def test_a_name_cut_inside_a_hyphenated_word_goes_on_to_its_end():
    found = mentions("Le président ghanéen Kofi Mensah-Boateng a parlé mardi. "
                     "Monsieur Kofi Mensah-Boateng a répondu.")
    assert [m for m in found if m[0].startswith("Kofi")] == [
        ("Kofi Mensah-Boateng", "person", "Kofi Mensah-Boateng")] * 2


def test_a_clitic_after_a_hyphen_is_not_part_of_a_name():
    from innograph.loaders.namefinder import _word_end

    text = "Sommes-nous prêts ? Park Sun-ho a parlé."
    assert _word_end(text, len("Sommes")) == len("Sommes")
    assert _word_end(text, text.index("Sun") + 3) == text.index("Sun") + len("Sun-ho")


def test_a_name_run_over_a_closing_bracket_and_a_sentence_end_is_read_as_its_pieces():
    found = mentions("Il faut gagner [à Lorient]. Marc Dufresne est parti.")
    assert ("Marc Dufresne", "person", "Marc Dufresne") in found
    assert not any("]" in text for text, _, _ in found)


def test_an_honorific_period_does_not_break_a_name():
    from innograph.loaders.namefinder import _pieces

    text = "Selon M. Diallo et F.W. Kessler. Paul Ba a signé"
    assert _pieces(text, 0, len(text)) == [(0, text.index("Kessler") + len("Kessler")), (text.index("Paul"), len(text))]


def test_a_surname_the_tagger_took_for_a_place_is_the_person_named_in_full():
    found = mentions("La ministre Najet Belhadi a reçu les élus. Selon Belhadi, la paix est revenue. "
                     "Le gouvernement de Belhadi a tenu.")
    assert [m for m in found if m[0] == "Belhadi"] == [("Belhadi", "person", "Najet Belhadi")] * 2


def test_a_place_preposition_keeps_a_surname_a_place():
    from innograph.loaders.mentions import ArticleEntities

    text = "Paul Verbier est né à Verbier."
    ents = ArticleEntities(text)
    person = ents.entity("person", "Paul Verbier")
    ents.mention(0, len("Paul Verbier"), person, "ner")
    ents.mention(text.index("à Verbier") + 2, len(text) - 1, ents.entity("place", "Verbier"), "ner")
    ents.finish()
    assert [(m.text, m.entity.kind) for m in ents.mentions] == [("Paul Verbier", "person"), ("Verbier", "place")]


def test_a_place_the_context_calls_an_organization_more_often_is_one_everywhere():
    found = mentions("Le PDG de Zorblat, Jean Martin, a démissionné. Paul Durand est devenu l'actionnaire "
                     "principal de Zorblat. Les critiques ont nui à Zorblat.")
    assert {kind for text, kind, _ in found if text == "Zorblat"} == {"organization"}
