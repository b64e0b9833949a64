"""Titles and nationalities around names (loaders/namefinder.py, mentions.py, detect.py): a title
with a nationality is no organization, a one-word name after a title is a person, a nationality
before a name is not part of it, "Congrès" with a nationality is a legislature. Rules alone; every
sentence is our own, with invented names."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def mentions(text: str) -> list[tuple[str, str, str]]:
    ents, _ = read(text, "fr")
    return [(m.text, m.entity.kind, m.entity.label) for m in ents.mentions]


def test_a_title_with_a_nationality_and_a_portfolio_is_no_organization():
    found = mentions("Mardi, le ministre norvégien des Affaires étrangères a rencontré trois ambassadeurs.")
    assert not any("ministre" in label.lower() for _, _, label in found)
    found = mentions("Le Ministre tchadien a quitté la réunion avant la fin.")
    assert not any(kind == "organization" for _, kind, _ in found)


def test_congres_with_a_nationality_or_national_is_an_organization_and_so_is_congres_alone_after_it():
    found = mentions("Les élus du Congrès péruvien ont rejeté le texte. Le Congrès doit encore voter le budget.")
    assert ("Congrès péruvien", "organization", "Congrès péruvien") in found
    assert ("Congrès", "organization", "Congrès péruvien") in found
    found = mentions("Il a quitté le Congrès national tanzanien en 2004 pour fonder son propre mouvement.")
    assert ("Congrès national tanzanien", "organization", "Congrès national tanzanien") in found


def test_a_congress_that_is_a_meeting_stays_an_event():
    found = mentions("Le Congrès mondial des apiculteurs se tiendra à Lyon en octobre.")
    assert not any(kind == "organization" and label.startswith("Congrès") for _, kind, label in found)


def test_a_one_word_name_right_after_a_determined_title_is_a_person():
    found = mentions("Il pourrait être reçu par le président Bandolo la semaine prochaine, selon ses proches. "
                     "Les partisans de Bandolo attendent ce moment.")
    assert [kind for text, kind, _ in found if text == "Bandolo"] and all(
        kind == "person" for text, kind, _ in found if text == "Bandolo")


def test_a_nationality_before_a_name_is_not_part_of_it():
    found = mentions("Le match sera arbitré par la Brésilienne Neuza Bacca et la Japonaise Yoshiko Yamada, "
                     "assistées de deux arbitres locaux.")
    assert ("Neuza Bacca", "person", "Neuza Bacca") in found
    assert ("Yoshiko Yamada", "person", "Yoshiko Yamada") in found


def test_a_club_run_into_a_player_named_in_full_elsewhere_is_the_club_then_the_player():
    found = mentions("Marc Dubois a marqué trois buts cette saison. Le capitaine de Valmont Dubois a parlé après le match.")
    assert ("Valmont", "organization", "Valmont") in found
    assert ("Dubois", "person", "Marc Dubois") in found
    assert not any(text == "Valmont Dubois" for text, _, _ in found)


@pytest.mark.parametrize("words, person", [
    ("Ghanéen Kofi Mensah", True),  # "le Ghanéen Kofi Mensah" the tagger took for an organization
    ("Sénégalais Moussa Diop Kane", True),
    ("American Dental Society", False),  # an English name, no French nationality noun
    ("Ivoirien FC Korvala", False),  # an acronym: a club
    ("Kényan Orvane", False),  # one word
])
def test_a_french_nationality_noun_then_a_first_name_and_surname_read_as_a_person(words, person):
    from innograph.loaders.namefinder import _person_after

    assert _person_after(words.split()) is person


def test_a_surname_after_an_honorific_is_a_person_named_without_it():
    found = mentions("Le syndicat a publié un communiqué jeudi. Pour M. Xolandi, la grève continuera. "
                     "La porte-parole Berradine Okafo a répondu que le dialogue restait ouvert. Puis Mme Okafo a quitté la salle.")
    assert ("Xolandi", "person", "Xolandi") in found
    assert any(kind == "person" and label == "Berradine Okafo" and text.endswith("Okafo") and text != "Berradine Okafo"
               for text, kind, label in found)


def test_a_surname_alone_after_a_determined_title_is_a_person():
    found = mentions("Les troupes se sont retirées dimanche après que le général Vardakis a donné son accord.")
    assert ("Vardakis", "person", "Vardakis") in found


@pytest.mark.parametrize("text, word", [
    ("Les ventes ont baissé, a expliqué le directeur Afrique de la banque.", "Afrique"),  # a region, no person
    ("Le sélectionneur ivoirien a quitté le stade sans parler.", "ivoirien"),
    ("Nous avons joint le représentant Résident adjoint du programme à Niamey.", "Résident"),  # a title word
])
def test_a_title_before_a_region_or_no_name_gives_no_person(text, word):
    assert not any(kind == "person" and word in t for t, kind, _ in mentions(text))


def test_a_name_a_title_relates_to_a_group_is_no_group():
    found = mentions("Piotr Valenko, le fondateur du groupe de presse Orvex, a démenti l'information. "
                     "Anna Kessling, du groupe de réflexion Meridia Policy, juge la décision prudente.")
    assert not any(kind == "organization" and label in ("Piotr Valenko", "Anna Kessling") for _, kind, label in found)


def test_the_french_verb_a_after_a_name_is_no_article_before_an_event():
    found = mentions("L'entraîneur de Valmont, Jorge Malvado, a remporté le prix du meilleur technicien de la saison.")
    assert not any(kind == "event" and "Malvado" in label for _, kind, label in found)
