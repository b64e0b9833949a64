"""Sports teams the tagger does not know (loaders/teams.py): clubs it takes for places, national
sides named by a nickname. The rules alone (the trained model switched off); every sentence here
is our own, with invented players and sides."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import kinds, read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def test_a_name_with_a_club_form_is_a_club_and_so_is_its_city_alone_in_the_article():
    ents, found = read("Le défenseur Paul Arnaud a quitté le Grenoble Foot FC en mai. "
                       "Grenoble avait pourtant prolongé son contrat.")
    clubs = {m.text: m.entity for m in ents.mentions}
    assert clubs["Grenoble Foot FC"].kind == "organization"
    assert clubs["Grenoble"] is clubs["Grenoble Foot FC"]
    assert ("Paul Arnaud", "Grenoble Foot FC") in {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post"}


def test_a_city_after_a_place_preposition_stays_a_place_beside_its_club():
    ents, _ = read("Le Grenoble Foot FC a gagné. Le match a eu lieu à Grenoble dimanche.")
    city = [m for m in ents.mentions if m.text == "Grenoble"]
    assert city and all(m.entity.kind == "place" for m in city)


@pytest.mark.parametrize("text, club", [
    ("Le club a signé une victoire 2-0 contre Grenoble samedi.", "Grenoble"),
    ("Après avoir battu Valenciennes, l'équipe est remontée au classement.", "Valenciennes"),
    ("Classement : 1. Marc Dutreil (FRA/Amiens) 2. Jan Vos (NED/Valenciennes).", "Amiens"),
    ("Il a marqué 40 buts en trois saisons pour Valenciennes.", "Valenciennes"),
    ("Le joueur, passé par le club belge de Charleroi, a signé.", "Charleroi"),
    ("Le club italien de première division, Vérone, signe le prêt du défenseur de 24 ans.", "Vérone"),
    ("Le défenseur, prêté par Bologne pour six mois, a joué son premier match dimanche.", "Bologne"),
])
def test_a_city_a_sports_context_names_as_a_side_is_a_club(text, club):
    assert kinds(text)[club] == {"organization"}


def test_a_capitalised_plural_a_player_s_title_governs_is_a_side_everywhere_in_the_article():
    text = ("Le capitaine des Pélicans, Ousmane Traoré, a marqué deux buts samedi. "
            "Les Pélicans affronteront ensuite le Bénin.")
    ents, found = read(text)
    sides = [m for m in ents.mentions if m.text == "Pélicans"]
    assert len(sides) == 2 and all(m.entity.kind == "organization" for m in sides)
    assert ("Ousmane Traoré", "Pélicans") in {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post"}


def test_a_nickname_followed_by_a_demonym_in_a_game_is_a_side_with_its_demonym():
    assert kinds("Les Pélicans togolais ont perdu le match contre le Bénin.")["Pélicans togolais"] == {"organization"}


def test_a_city_a_player_joins_or_is_lent_to_is_a_club_but_not_a_city_a_minister_joins():
    found = kinds("En 2016, le gardien a rejoint Valence comme remplaçant, puis il a été prêté à Getafe pour une saison.")
    assert found.get("Valence") == {"organization"} and found.get("Getafe") == {"organization"}
    assert found_kind("Le ministre a rejoint Dakar mardi pour une réunion du gouvernement.", "Dakar") == {"place"}


def found_kind(text: str, name: str) -> set[str]:
    return kinds(text).get(name, set())


def _city_clubs(text: str, city: str) -> list[tuple[str, str]]:
    """city_clubs on `text` where the tagger found `city` (a place): (text, kind) of the mentions."""
    from innograph.loaders.mentions import ArticleEntities
    from innograph.loaders.teams import city_clubs

    ents = ArticleEntities(text)
    ents.lang = "fr"
    start = text.index(city)
    ents.mention(start, start + len(city), ents.entity("place", city), "ner")
    city_clubs(ents)
    return [(m.text, m.entity.kind) for m in ents.mentions]


def test_a_word_and_its_city_in_a_game_is_one_club_but_a_cup_or_a_city_out_of_sport_is_none():
    assert _city_clubs("L'Aurore de Tunis a battu son rival 2-1 en finale.", "Tunis") == [
        ("Aurore de Tunis", "organization")]
    assert _city_clubs("La Coupe de Tunis a été jouée dimanche, le match a été gagné.", "Tunis") == [("Tunis", "place")]
    assert _city_clubs("La Marina de Tunis attire les touristes en été.", "Tunis") == [("Tunis", "place")]


def test_people_named_by_a_capitalised_plural_and_a_demonym_out_of_a_game_are_no_side():
    found = kinds("Les Noirs américains ont manifesté à Chicago avec des voisins.")
    assert not any("organization" in found[text] for text in found if text.startswith("Noirs"))


@pytest.mark.parametrize("text, club", [
    ("Il est nommé entraîneur du Bordeaux Sporting.", "Bordeaux Sporting"),  # no city takes an article
    ("L'ancien manager de Sunderland, Paul Dole, a parlé.", "Sunderland"),
])
def test_a_club_the_tagger_left_out_after_an_article_is_found_from_its_title_or_game(text, club):
    assert "organization" in kinds(text).get(club, set())



def test_a_name_a_club_cannot_have_is_left_to_the_tagger():
    from innograph.loaders.nameshapes import club_shaped

    assert club_shaped("Sunderland") and club_shaped("Etoile de Brenz")
    assert not any(club_shaped(text) for text in ("Coupe des nations", "Victoire 2-1", "Ivoiriens", "City mardi"))


@pytest.mark.parametrize("text, club", [
    ("Dans le groupe B, Korvala (Mali) a fait match nul 1-1 face aux Ghanéens.", "Korvala"),
    ("En coupe dimanche, Vendrasse, vainqueur l'an dernier, s'est incliné devant les promus.", "Vendrasse"),
    ("En championnat samedi, Vendrasse a largement battu les promus.", "Vendrasse"),
    ("Le match du championnat a fini ainsi : Marvejols 2-1 Korvala.", "Marvejols"),
])
def test_a_town_a_match_report_gives_a_country_a_result_or_a_score_is_a_club(text, club):
    assert kinds(text)[club] == {"organization"}


@pytest.mark.parametrize("text, town", [
    ("Le match de la coupe s'est joué à Korvala (Mali) devant 20 000 spectateurs.", "Korvala"),
    ("Le ministre est arrivé hier à Bamako. Korvala (Mali) a reçu la délégation.", "Korvala"),
    ("Trois personnes sont candidates à la présidence de la fédération de football : Korval (Mali), "
     "Jacques Dumont (Sénégal) et Paul Arnaud (Niger).", "Korval"),
])
def test_a_town_in_brackets_stays_a_place_after_a_place_word_with_no_game_around_or_among_persons(text, town):
    assert kinds(text)[town] == {"place"}


@pytest.mark.parametrize("text", [
    "Le Togo affronte le Bénin samedi. Le capitaine des Pélicans togolais, Ousmane Traoré, a marqué deux buts.",
    "Le Togo affronte le Bénin samedi. Ousmane Traoré, capitaine des Grands Pélicans du Togo, a marqué deux buts. "
    "L'entraîneur des Grands Pélicans est satisfait.",
])
def test_a_national_side_s_nickname_is_a_name_of_its_country_and_its_posts_go_there(text):
    ents, found = read(text)
    sides = [m for m in ents.mentions if "Pélicans" in m.text]
    assert sides and all(m.entity.label == "Togo" for m in sides)
    assert ("Ousmane Traoré", "Togo") in {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post"}


def test_a_club_s_nickname_with_its_town_stays_its_own_side():
    ents, _ = read("Le capitaine des Grands Pélicans de Valmont, Ousmane Traoré, a marqué deux buts.")
    assert {m.entity.label for m in ents.mentions if "Pélicans" in m.text} == {"Grands Pélicans de Valmont"}


@pytest.mark.parametrize("text, club", [
    ("L'attaquant Jean Vallet a marqué deux buts avec le FC Korvala lors du match contre le Ghana.", "FC Korvala"),
    ("A l'époque, Dumont était directeur du KSV Orvane Nord, alors en deuxième division du championnat.",
     "KSV Orvane Nord"),
])
def test_a_club_s_form_or_acronym_and_the_words_after_it_are_one_club(text, club):
    assert kinds(text).get(club) == {"organization"}


@pytest.mark.parametrize("text, name", [
    ("Le gardien du PSG Paul Arnaud a été blessé. Paul Arnaud sera absent trois semaines.", "Paul Arnaud"),
    ("Le directeur du SDF Orvane, Paul Vallet, a parlé aux ministres.", "SDF"),
])
def test_an_acronym_keeps_apart_from_a_person_named_again_and_out_of_sport(text, name):
    assert name in kinds(text)
