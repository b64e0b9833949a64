"""Players' and coaches' posts read from the parse by the rules alone (the trained model switched
off): moves between clubs (joining through an infinitive, leaving, signing, loans, "en provenance
de"), sports positions, national sides. Every sentence here is our own, with invented names."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def posts(text: str) -> set[tuple]:
    """(subject, object, current) of the article's posts between named entities."""
    _, found = read(text, "fr")
    return {(r.subject.label, r.object.label, r.attrs.get("current")) for r in found
            if r.kind == "holds_post" and r.object is not None}


def test_a_club_left_for_another_is_a_former_post_and_the_club_joined_a_current_one():
    found = posts("Le défenseur Marc Oyono a quitté le Sporting Club de Lorvane pour rejoindre le FC Ostrande en janvier.")
    assert found == {("Marc Oyono", "Sporting Club de Lorvane", False), ("Marc Oyono", "FC Ostrande", True)}


def test_the_relative_who_left_is_its_antecedent_and_signing_at_a_club_is_a_post():
    found = posts("Amadou Ndiaye, qui a quitté l'AS Norvane l'été dernier, a signé au FC Ostrande.")
    assert found == {("Amadou Ndiaye", "AS Norvane", False), ("Amadou Ndiaye", "FC Ostrande", True)}


def test_a_loan_gives_a_post_at_the_lending_club_and_at_the_borrowing_one():
    found = posts("Le gardien Amadou Ndiaye a été prêté par le FC Ostrande à l'AS Norvane.")
    assert found == {("Amadou Ndiaye", "FC Ostrande", True), ("Amadou Ndiaye", "AS Norvane", True)}


def test_joining_through_an_infinitive_and_the_club_of_provenance():
    assert ("Paul Ekeke", "AS Norvane", True) in posts("Paul Ekeke a accepté de rejoindre l'AS Norvane en prêt.")
    found = posts("L'attaquant Samuel Obi a rejoint le FC Ostrande en provenance du Sporting Club de Lorvane.")
    assert found == {("Samuel Obi", "FC Ostrande", True), ("Samuel Obi", "Sporting Club de Lorvane", False)}


def test_an_agreement_signed_a_country_left_or_a_party_left_is_no_post():
    assert not posts("Le ministre Paul Obi a signé un accord avec la Banque Ostrande.")
    assert not posts("Le Ghana a battu le Togo. Kofi Mensah a quitté le Ghana pour rejoindre sa famille.")
    assert not posts("En 2004, Kofi Mensah a quitté le Parti du renouveau ostrandais.")


def test_a_move_told_with_a_pronoun_needs_the_previous_sentences_subject():
    found = posts("Samuel Obi est né à Lorvane. Il a ensuite rejoint le Sporting Club de Lorvane.")
    assert ("Samuel Obi", "Sporting Club de Lorvane", True) in found
    found = posts("Le Sporting Club de Lorvane a gagné samedi. Le club a ensuite fêté son titre. "
                  "Il est ensuite parti avant de rejoindre l'AS Corvelle.")
    assert not {p for p in found if p[1] == "AS Corvelle"}, found  # the club is no person


def test_a_midfielder_is_a_post_and_the_middle_of_something_is_not():
    assert ("Jean Kouassi", "AS Norvane", True) in posts(
        "Le milieu de terrain de l'AS Norvane, Jean Kouassi, a prolongé son contrat.")
    assert not posts("Jean Kouassi se trouvait au milieu de la Banque Ostrande.")


def test_a_national_side_is_its_countrys():
    assert ("Amadou Ndiaye", "Cameroun", True) in posts(
        "Amadou Ndiaye, l'entraîneur de la sélection nationale du Cameroun, a dévoilé sa liste.")
    assert ("Amadou Ndiaye", "Sénégal", True) in posts(
        "Le sélectionneur sénégalais Amadou Ndiaye a dévoilé sa liste de joueurs pour le Sénégal.")
    # a coach's nationality is no side: only a national coach's demonym names one
    assert not {p for p in posts("L'entraîneur français Paul Martin a quitté la France pour le Maroc.") if p[1] == "France"}


def test_a_club_that_hires_or_fires_holds_the_post():
    assert ("Samir Benali", "FC Ostrande", True) in posts(
        "Le club portugais FC Ostrande a engagé l'attaquant ivoirien Samir Benali.")
    assert ("Samir Benali", "FC Ostrande", True) in posts("Samir Benali a été recruté par le FC Ostrande.")
    assert ("Amadou Ndiaye", "Sporting Club de Lorvane") in {
        p[:2] for p in posts("Le Sporting Club de Lorvane a limogé l'entraîneur Amadou Ndiaye.")}
    # a person who fires, or an organization that starts proceedings, gives no post
    assert not posts("Le président Paul Obi a limogé le ministre Jean Kouassi.")
    assert not posts("La Banque Ostrande a engagé des poursuites contre Jean Kouassi.")


def test_a_captains_demonym_names_the_national_side():
    assert ("Kofi Mensah", "Ghana", True) in posts(
        "Le Ghana a battu le Togo. Le capitaine ghanéen Kofi Mensah a marqué deux buts.")


def test_the_organization_right_after_a_title_when_the_parser_hangs_it_elsewhere():
    found = posts("Marc Lasorte a été nommé entraîneur d'Al Norvane au printemps, après le départ de Paul Ekeke.")
    assert ("Marc Lasorte", "Al Norvane", True) in found


def test_a_plural_title_gives_its_post_to_the_people_it_lists():
    found = posts("Le club a connu des managers du FC Ostrande comme Paul Ekeke, Marc Oyono, Sir Jean Kouassi et Ali Bakary.")
    assert {p[:2] for p in found} >= {("Paul Ekeke", "FC Ostrande"), ("Marc Oyono", "FC Ostrande"),
                                      ("Jean Kouassi", "FC Ostrande"), ("Ali Bakary", "FC Ostrande")}
    # "comme" after a singular title, or a list with no title, is no post
    assert not posts("Des stars comme Paul Ekeke et Marc Oyono ont critiqué le FC Ostrande.")


def test_a_player_who_scores_for_a_club_plays_there():
    assert ("Paul Ekeke", "FC Ostrande", True) in posts(
        "Paul Ekeke a marqué son centième but pour le FC Ostrande dimanche soir.")
    assert not posts("Paul Ekeke a marqué les esprits pour la première fois à Lorvane.")


def test_a_contract_signed_or_extended_with_a_club_is_a_post_there():
    assert ("Paul Ekeke", "FC Ostrande", True) in posts("Paul Ekeke signera lundi un nouveau contrat avec le FC Ostrande.")
    assert ("Paul Ekeke", "FC Ostrande", True) in posts("Paul Ekeke prolonge de dix ans son contrat avec le FC Ostrande.")
    assert not posts("Le gouvernement prolonge le confinement avec la Banque Ostrande.")


def test_a_national_side_named_with_its_sport_and_a_second_de_complement_of_the_title():
    assert ("Jean Okaro", "Tchad") in {p[:2] for p in posts(
        "Jean Okaro fut entraîneur de l'équipe nationale de basket du Tchad.")}
    found = posts("Le gardien du FC Marvelle et de l'équipe nationale du Tchad Jean Okaro a été blessé.")
    assert {("Jean Okaro", "FC Marvelle", True), ("Jean Okaro", "Tchad", True)} <= found
    found = posts("Le président de la Banque Ostrande et de la Fondation Arvelle, Paul Ekeke, a démissionné.")
    assert {("Paul Ekeke", "Banque Ostrande", True), ("Paul Ekeke", "Fondation Arvelle", True)} <= found
    # a second title coordinated with its own complement keeps it
    found = posts("Paul Ekeke, directeur de la Banque Ostrande et président de la Fondation Arvelle, a démissionné.")
    assert found == {("Paul Ekeke", "Banque Ostrande", True), ("Paul Ekeke", "Fondation Arvelle", True)}


def test_en_tant_que_names_the_post_the_subject_holds():
    assert ("Salim Kerrou", "FC Marvelle", True) in posts(
        "Salim Kerrou a vécu une première saison pénible en tant qu'entraîneur du FC Marvelle.")


def test_a_teammate_and_a_substitute_of_a_club_play_there_and_replacing_is_no_title():
    assert ("Paul Atangana", "FC Marvelle", True) in posts(
        "Le défenseur Marc Ilunga a réagi aux critiques contre son coéquipier du FC Marvelle, Paul Atangana.")
    assert not posts("Le club a battu Orvale FC en remplaçant Jean Okaro par Paul Verdan.")


def test_a_side_that_joins_countries_in_a_round_is_no_member_of_them():
    _, found = read("Les Lions d'Ostrande rejoignent en demi-finale le Sénégal, le Ghana et le Maroc.", "fr")
    assert not [r for r in found if r.kind == "member_of"]


def test_goals_that_win_a_match_are_the_subject_sides_players():
    found = posts("Le FC Ostrande a dominé l'AS Norvane (3:1) grâce à des buts de Paul Ekeke et de Marc Oyono.")
    assert ("Paul Ekeke", "FC Ostrande", True) in found
    assert not any(p[1] == "AS Norvane" for p in found)
    assert not posts("La Banque Ostrande a gagné grâce à un bon placement de Paul Ekeke.")


def test_a_sides_goals_are_their_scorers_side_whoever_the_parse_makes_the_scorer():
    match = " Le match de championnat a été serré jusqu'à la finale, la victoire est revenue à l'équipe."
    found = posts("Paul Ekeke et Marc Oyono ont inscrit les deux buts du FC Ostrande." + match)
    assert {("Paul Ekeke", "FC Ostrande", True), ("Marc Oyono", "FC Ostrande", True)} <= found
    assert ("Paul Ekeke", "Sénégal", True) in posts("Le deuxième but du Sénégal, inscrit par Paul Ekeke, a tout changé." + match)
    assert ("Paul Ekeke", "FC Ostrande", True) in posts("Le but du FC Ostrande a été marqué par Paul Ekeke." + match)
    assert ("Paul Ekeke", "Sénégal", True) in posts("Paul Ekeke marque l'unique but de la victoire du Sénégal dimanche." + match)
    assert ("Paul Ekeke", "Sénégal", True) in posts("Le Sénégal s'est imposé grâce à un but de Paul Ekeke." + match)


def test_the_goal_of_an_organization_outside_sport_is_no_post():
    assert not posts("Paul Ekeke a marqué le but de la Banque Ostrande dans sa présentation aux actionnaires.")


def test_a_title_subject_moves_as_the_name_it_introduces():
    found = posts("L'attaquant du FC Ostrande Paul Ekeke a quitté l'AS Norvane en janvier.")
    assert ("Paul Ekeke", "AS Norvane", False) in found


def test_a_loan_told_by_a_participle_on_the_name_is_the_names():
    found = posts("Paul Ekeke, prêté en août dernier par le club du FC Ostrande, a marqué deux fois.")
    assert ("Paul Ekeke", "FC Ostrande", True) in found
