"""Scorers' lists, brackets, line-ups, training clubs, games of a national side and a side led to a
result, read by word order in match reports (loaders/sportlines.py), by the rules alone. Every
sentence here is our own, with invented names; each article closes with a sentence of match words,
since a side is read only in an article about sport."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import MATCH_WORDS as MATCH, posts  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def test_a_list_of_scorers_with_their_minutes_and_a_sides_goals():
    found = posts("Paul Ardent (9e), Marc Tissot (40e) et Luc Morel (71e) ont signé les trois buts du FC Valmonde." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde"), ("Luc Morel", "FC Valmonde")} <= found


def test_a_goal_of_a_player_for_a_side():
    assert ("Paul Ardent", "FC Valmonde") in posts("Le but de Paul Ardent pour le FC Valmonde a suffi." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") in posts("Un doublé de Paul Ardent (12e, 57e) pour le FC Valmonde a suffi." + MATCH)


def test_a_club_in_brackets_after_a_player_but_not_an_acronym_or_a_country():
    assert ("Paul Ardent", "FC Valmonde") in posts("Paul Ardent (FC Valmonde) a été élu meilleur joueur du tournoi." + MATCH)
    found = posts("Lionel Bardot (KEN/FC Valmonde) et Marc Tissot (OUG/Sporting Rivebourg) sont nommés." + MATCH)
    assert {("Lionel Bardot", "FC Valmonde"), ("Marc Tissot", "Sporting Rivebourg")} <= found
    assert not posts("Le cabinet Valmonde Partners (VP) a audité les comptes du club." + MATCH)
    assert ("Paul Ardent", "Kenya") not in posts("L'arbitre Paul Ardent (Kenya) dirigera la rencontre." + MATCH)


def test_a_line_up_after_a_colon_opening_the_sentence_or_after_a_squads_noun():
    found = posts("FC Valmonde : Paul Ardent, Marc Tissot, Luc Morel." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde"), ("Luc Morel", "FC Valmonde")} <= found
    found = posts("Le sélectionneur a publié la liste des 23 du Kenya : Paul Ardent, Marc Tissot et Luc Morel." + MATCH)
    assert {("Paul Ardent", "Kenya"), ("Luc Morel", "Kenya")} <= found
    assert not posts("Deux gardes surveillaient les bureaux du Sporting Rivebourg : Paul Ardent et Marc Tissot." + MATCH)


def test_a_players_training_club_and_the_clubs_he_went_through():
    assert ("Paul Ardent", "FC Valmonde") in posts("Paul Ardent a été formé au FC Valmonde." + MATCH)
    assert ("Paul Ardent", "Sporting Rivebourg") in posts("Paul Ardent, formé au club Sporting Rivebourg, a signé un contrat de trois ans." + MATCH)
    found = posts("Paul Ardent est passé par le FC Valmonde et le Sporting Rivebourg." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Paul Ardent", "Sporting Rivebourg")} <= found
    assert ("Paul Ardent", "Kenya") not in posts("Paul Ardent a été formé au Kenya avant de partir." + MATCH)


def test_games_played_or_missed_with_a_national_side():
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a disputé quatre des six matchs du Kenya au tournoi régional." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Blessé au genou, le gardien Paul Ardent a manqué trois rencontres du Kenya cet automne." + MATCH)


def test_a_side_led_to_a_result():
    assert ("Paul Ardent", "FC Valmonde") in posts("L'entraîneur Paul Ardent a conduit le FC Valmonde en finale." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") not in posts("Paul Ardent a conduit le bus du FC Valmonde jusqu'au stade." + MATCH)


def test_a_pronoun_subject_right_before_a_move():
    found = posts("Paul Ardent a grandi à Nairobi. Après une belle saison, il est transféré au FC Valmonde, où il brille encore." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") in found


def test_nothing_outside_sport():
    assert not posts("Deux policiers étaient de service à la Banque Valmonde : Paul Ardent et Marc Tissot.")
    assert not posts("Paul Ardent (Valmonde Conseil) a présenté le rapport annuel.")


def test_a_sides_goal_by_its_player_and_the_pass_it_came_from():
    assert ("Paul Ardent", "FC Valmonde") in posts("Le FC Valmonde a ouvert le score par Paul Ardent à la 12e minute." + MATCH)
    found = posts("Le FC Valmonde a égalisé grâce à Paul Ardent sur une passe décisive de Marc Tissot." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde")} <= found
    found = posts("Paul Ardent a ouvert le score pour le FC Valmonde sur une passe de Marc Tissot." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde")} <= found


def test_a_side_deprived_of_its_players():
    found = posts("Le FC Valmonde perdra Paul Ardent et Marc Tissot pendant la coupe." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde")} <= found
    assert ("Paul Ardent", "FC Valmonde") in posts("Le FC Valmonde sera privé de son capitaine Paul Ardent." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") in posts("Le FC Valmonde, qui devrait perdre Paul Ardent, recrute." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") not in posts("Le FC Valmonde a perdu face à Paul Ardent et ses joueurs." + MATCH)
    assert not posts("La Banque Valmonde perdra Paul Ardent en juin.")


def test_a_title_over_a_peoples_name_names_its_national_side():
    assert ("Paul Ardent", "Cameroun") in posts("L'entraîneur des Camerounaises, Paul Ardent, a salué le public. Le Cameroun a perdu." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Le capitaine des Kényans, Paul Ardent, a marqué. Le Kenya est qualifié." + MATCH)
    assert ("Paul Ardent", "Kenya") not in posts("Le chef des Kényans, Paul Ardent, a parlé. Le Kenya est en crise.")


def test_an_arrival_a_signing_a_title_with_a_side_and_a_call_up():
    for text in ("Paul Ardent, arrivé au FC Valmonde en 2019, est blessé.", "Paul Ardent s'est engagé pour trois ans au FC Valmonde.",
                 "Paul Ardent, recruté l'été dernier par le FC Valmonde, est blessé.", "Paul Ardent a été sacré champion avec le FC Valmonde."):
        assert ("Paul Ardent", "FC Valmonde") in posts(text + MATCH), text
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a remporté la coupe d'Afrique avec le Kenya en 2012." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a été convoqué par le Kenya." + MATCH)
    assert ("Paul Ardent", "Kenya") in posts("Paul Ardent a été sélectionné en équipe du Kenya." + MATCH)


def test_an_arrival_in_a_town_or_a_country_is_no_side():
    assert not posts("Paul Ardent est arrivé à Nairobi lundi." + MATCH)
    assert not posts("Paul Ardent est arrivé au Kenya lundi." + MATCH)
    assert not posts("Paul Ardent a été convoqué par la Fédération Kényane de Football." + MATCH)
