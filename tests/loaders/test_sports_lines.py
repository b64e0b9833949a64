"""Players and their sides read by word order in match reports and careers (loaders/sportlines.py),
by the rules alone. Every sentence here is our own, with invented names; each article closes with
a sentence of match words, since a side is read only in an article about sport."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import MATCH_WORDS as MATCH, posts  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def test_a_side_losing_to_another_gives_no_post_to_the_other_sides_coach():
    found = posts("Le FC Valmonde a perdu face à l'équipe de Paul Ardent samedi soir." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") not in found


def test_a_lead_or_a_goal_given_to_a_side():
    assert ("Paul Ardent", "FC Valmonde") in posts("Paul Ardent a ouvert le score pour le FC Valmonde à la 12e minute." + MATCH)
    assert ("Marc Tissot", "Sporting Rivebourg") in posts("Marc Tissot a donné l'avantage au Sporting Rivebourg juste avant la pause." + MATCH)
    found = posts("Paul Ardent et Marc Tissot ont marqué pour le FC Valmonde en seconde période." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde")} <= found


def test_goals_counted_for_a_side_through_the_previous_sentences_subject():
    found = posts("Paul Ardent est arrivé l'an dernier. Il a inscrit 14 buts en 30 matches pour le FC Valmonde." + MATCH)
    assert ("Paul Ardent", "FC Valmonde") in found


def test_a_career_debut_a_transfer_and_seasons_spent_elsewhere():
    found = posts("Paul Ardent a été transféré au FC Valmonde après deux saisons au Sporting Rivebourg." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Paul Ardent", "Sporting Rivebourg")} <= found
    assert ("Paul Ardent", "FC Valmonde") in posts("Paul Ardent a débuté au FC Valmonde à dix-sept ans." + MATCH)


def test_a_club_left_for_another():
    found = posts("Paul Ardent a quitté le FC Valmonde pour le Sporting Rivebourg en 2017." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Paul Ardent", "Sporting Rivebourg")} <= found


def test_caps_for_a_country_and_choosing_to_represent_it():
    assert ("Paul Ardent", "Sénégal") in posts("Paul Ardent compte 35 sélections avec le Sénégal." + MATCH)
    assert ("Paul Ardent", "Sénégal") in posts("Paul Ardent a choisi de représenter le Sénégal." + MATCH)
    assert ("Paul Ardent", "Sénégal") in posts("Paul Ardent, qui a obtenu 35 sélections avec le Sénégal, arrête sa carrière." + MATCH)
    assert ("Paul Ardent", "Sénégal") not in posts("Une décision de la ligue autorise Paul Ardent à représenter le Sénégal dès mars." + MATCH)


def test_no_side_outside_sport_and_no_town_for_a_club():
    assert posts("Le parti Renouveau perdra Paul Ardent et Marc Tissot aux prochaines élections.") == set()
    assert ("Paul Ardent", "Lyon") not in posts("Paul Ardent a débuté à Lyon en 2010." + MATCH)
    assert ("Paul Ardent", "Sénégal") not in posts("Paul Ardent a choisi de représenter le Sénégal à l'ONU.")


def test_playing_for_clubs_a_passage_and_a_debut_with_a_national_side():
    found = posts("Paul Ardent a déjà joué pour le FC Valmonde et l'AS Corvelle. Il a fait ses premiers pas avec l'équipe nationale du Sénégal en 2012." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Paul Ardent", "AS Corvelle"), ("Paul Ardent", "Sénégal")} <= found
    assert ("Paul Ardent", "AS Corvelle") in posts("Paul Ardent a fait un passage à l'AS Corvelle de 2015 à 2017." + MATCH)


def test_a_club_left_for_another_and_a_call_up():
    assert ("Paul Ardent", "FC Valmonde") in posts("Le Sénégalais Paul Ardent a quitté le club français de Lorvane pour le FC Valmonde." + MATCH)
    assert ("Paul Ardent", "Sénégal") in posts("Paul Ardent a été sélectionné à 12 reprises par le Sénégal." + MATCH)
    assert posts("Paul Ardent a quitté Paris pour Lyon au printemps." + MATCH) == set()


def test_a_group_of_a_sides_players_gives_the_post_to_the_names_it_lists():
    found = posts("Le duo du FC Valmonde, Paul Ardent et Marc Tissot, a porté l'équipe." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde")} <= found
    found = posts("Deux des cadres du Sénégal, Paul Ardent et Marc Tissot, sont blessés." + MATCH)
    assert {("Paul Ardent", "Sénégal"), ("Marc Tissot", "Sénégal")} <= found
    found = posts("Les trois attaquants du FC Valmonde - dont Paul Ardent (24 ans), Marc Tissot et Jean Corlay - sont blessés." + MATCH)
    assert {("Paul Ardent", "FC Valmonde"), ("Marc Tissot", "FC Valmonde"), ("Jean Corlay", "FC Valmonde")} <= found
    assert ("Paul Ardent", "FC Valmonde") not in posts("Les joueurs du FC Valmonde ont salué Paul Ardent." + MATCH)


def test_a_players_demonym_names_his_national_side_when_the_article_names_the_country():
    text = "L'attaquant sénégalais Paul Ardent a égalisé en fin de match. Le Sénégal jouera la finale." + MATCH
    assert ("Paul Ardent", "Sénégal") in posts(text)
    assert ("Paul Ardent", "Sénégal") in posts("L'international sénégalais Paul Ardent a rejoint le club. Le Sénégal a gagné." + MATCH)
    assert not posts("L'attaquant sénégalais Paul Ardent a égalisé en fin de match." + MATCH)
    assert not posts("L'entraîneur sénégalais Paul Ardent a salué ses joueurs. Le Sénégal jouera la finale." + MATCH)
