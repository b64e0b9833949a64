"""Games of a national side, arrivals, signings, titles and call-ups, and a pronoun subject before a
move, read by word order in match reports (loaders/sportlines.py), by the rules alone. Every
sentence here is our own, with invented names; each article closes with a sentence of match words,
since a side is read only in an article about sport."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import MATCH_WORDS as MATCH, posts  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def test_games_played_or_missed_with_a_national_side():
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a disputé quatre des six matchs du Kenya au tournoi régional." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Blessé au genou, le gardien Paul Ardent a manqué trois rencontres du Kenya cet automne." + MATCH)


def test_a_pronoun_subject_right_before_a_move():
    found = posts("Paul Ardent a grandi à Nairobi. Après une belle saison, il est transféré au FC Valmonde, où il brille encore." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") in found


def test_nothing_outside_sport():
    assert not posts("Deux policiers étaient de service à la Banque Valmonde : Paul Ardent et Marc Tissot.")
    assert not posts("Paul Ardent (Valmonde Conseil) a présenté le rapport annuel.")


def test_an_arrival_a_signing_a_title_with_a_side_and_a_call_up():
    for text in ("Paul Ardent, arrivé au FC Valmonde en 2019, est blessé.", "Paul Ardent s'est engagé pour trois ans au FC Valmonde.",
                 "Paul Ardent, recruté l'été dernier par le FC Valmonde, est blessé.", "Paul Ardent a été sacré champion avec le FC Valmonde."):
        assert ("Paul Ardent", "FC Valmonde") in posts(text + MATCH), text
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a gagné la coupe continentale avec le Kenya en 2012." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a été convoqué par le Kenya." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a été sélectionné en équipe du Kenya." + MATCH)


def test_an_arrival_in_a_town_or_a_country_is_no_side():
    assert not posts("Paul Ardent est arrivé à Nairobi lundi." + MATCH)
    assert not posts("Paul Ardent est arrivé au Kenya lundi." + MATCH)
    assert not posts("Paul Ardent a été convoqué par la Fédération Kényane de Football." + MATCH)
