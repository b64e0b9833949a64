"""Clubs the tagger typed as places, read from a sports story (loaders/teams.py `sports_club`,
loaders/retype.py), and the posts read from them (loaders/sportlines.py). The rules alone (the
trained model switched off); every sentence here is our own, with invented players."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import kinds, read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")

#: Two sentences that make an article a sports story (sportwords.sports_text).
GAME = ("Le match de championnat s'est terminé sur un score nul, un but partout, devant les supporters "
        "de l'équipe. L'entraîneur a salué la saison de ses joueurs. ")


def posts(text: str) -> set[tuple[str, str]]:
    _, found = read(text)
    return {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post"}


def club_in_sports_story(sentence: str, name: str) -> tuple[str, str]:
    """(kind in a sports story, kind in the same sentence alone) that context_kind gives `name`."""
    from innograph.loaders.nlp import pipeline
    from innograph.loaders.retype import context_kind

    doc = pipeline("fr")(sentence)
    span = next(doc[i:i + 1] for i, t in enumerate(doc) if t.text == name)
    return context_kind("place", name, span, sports=True), context_kind("place", name, span)


@pytest.mark.parametrize("sentence, name", [
    ("Le défenseur a passé six saisons à Valenciennes avant de partir.", "Valenciennes"),
    ("Deux mois après son arrivée à Valenciennes, le milieu s'est blessé.", "Valenciennes"),
    ("Le gardien, qui jouait alors à Valenciennes, a été appelé en sélection.", "Valenciennes"),
    ("Il a obtenu un transfert de Lorient à Valenciennes l'été dernier.", "Valenciennes"),
    ("L'arbitre a sifflé trois penalties face à Valenciennes.", "Valenciennes"),
    ("Cet été, Valenciennes a recruté deux jeunes espoirs.", "Valenciennes"),
    ("Selon lui, le Valenciennes estime que le contrat est rompu.", "Valenciennes"),
    ("La star de Valenciennes a prolongé jusqu'en 2027.", "Valenciennes"),
    ("Marc Dutreil, de Valenciennes, sera titulaire samedi.", "Valenciennes"),
])
def test_a_town_a_sports_story_names_as_a_side_is_a_club_there_only(sentence, name):
    assert club_in_sports_story(sentence, name) == ("organization", "place")


@pytest.mark.parametrize("sentence, name", [
    ("Le match retour aura lieu à Valenciennes dimanche.", "Valenciennes"),
    ("Les deux équipes ont fait un nul au stade du Caire.", "Caire"),
    ("Il vit à Valenciennes avec sa famille depuis deux ans.", "Valenciennes"),
    ("Le pilote, Marc Dutreil, de Valenciennes, Hauts-de-France, n'a pas été retrouvé.", "Valenciennes"),
])
def test_a_town_where_a_game_is_played_or_a_player_lives_stays_a_place(sentence, name):
    assert club_in_sports_story(sentence, name)[0] == "place"


def test_a_career_at_a_town_is_a_post_at_its_club_and_the_venue_stays_a_place():
    text = GAME + ("Le défenseur Marc Dutreil a passé six saisons à Valenciennes avant de signer ailleurs. "
                   "Le prochain match aura lieu à Amiens.")
    found = kinds(text)
    assert found["Valenciennes"] == {"organization"} and found["Amiens"] == {"place"}
    assert ("Marc Dutreil", "Valenciennes") in posts(text)


def test_every_club_of_a_players_former_title_is_one_of_his_posts():
    text = GAME + "L'ancien défenseur de Lorient, Guingamp et Vannes, Marc Dutreil, a pris sa retraite."
    assert {("Marc Dutreil", club) for club in ("Lorient", "Guingamp", "Vannes")} <= posts(text)


@pytest.mark.parametrize("sentence, pair", [
    ("Le défenseur Marc Dutreil évolue désormais en deuxième division à Guingamp.", ("Marc Dutreil", "Guingamp")),
])
def test_a_player_who_plays_at_a_club_holds_a_post_there(sentence, pair):
    assert pair in posts(GAME + sentence)


def test_a_player_who_played_in_a_country_holds_no_post_in_its_side():
    assert not {p for p in posts(GAME + "Le défenseur Marc Dutreil jouait alors au Portugal.") if p[1] == "Portugal"}


def test_a_career_told_with_il_is_the_career_of_the_player_the_story_is_about():
    text = GAME + "Marc Dutreil est arrivé en janvier. Il a passé trois saisons à Valenciennes avant cela."
    assert ("Marc Dutreil", "Valenciennes") in posts(text)


@pytest.mark.parametrize("sentence, club, players", [
    ("Le club de Lorient devrait perdre Paul Martin, Luc Petit et Marc Durand pendant la Coupe d'Afrique.",
     "Lorient", {"Paul Martin", "Luc Petit", "Marc Durand"}),
    ("Le FC Nantes perdra Paul Martin pendant un mois.", "FC Nantes", {"Paul Martin"}),
    ("L'Olympique de Marseille sera privé de Paul Martin et de Luc Petit.", "Olympique de Marseille",
     {"Paul Martin", "Luc Petit"}),
    ("Le promu Stade Brestois perdra Paul Martin pendant deux semaines.", "Stade Brestois", {"Paul Martin"}),
    ("Le tirage a été cruel pour Lille, qui devrait perdre Paul Martin, Luc Petit et Marc Durand.", "Lille",
     {"Paul Martin", "Luc Petit", "Marc Durand"}),
])
def test_a_club_that_loses_a_player_is_his_club(sentence, club, players):
    assert {(p, club) for p in players} <= posts(GAME + sentence)


@pytest.mark.parametrize("text", [
    GAME + "L'Olympique de Marseille a perdu contre le FC Nantes.",  # a match lost: no player
    "Le Parti socialiste perdra Paul Martin aux prochaines élections.",  # no sports story
])
def test_losing_a_match_or_outside_sport_is_no_post(text):
    assert not posts(text)
