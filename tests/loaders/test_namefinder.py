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


def test_a_name_the_tagger_started_after_a_hyphen_starts_at_its_words_start():
    assert ("Abdoul-Karim Sow", "person", "Abdoul-Karim Sow") in mentions(
        "Abdoul-Karim Sow, chef de mission de l'ONG Vela au Mali, a parlé.")
    from innograph.loaders.namefinder import _word_start

    text = "les milices anti-Balaka"
    assert _word_start(text, text.index("Balaka")) == text.index("Balaka")  # a lower-case prefix names nothing


def test_a_monarch_of_a_country_is_the_person_then_the_country():
    found = mentions("Le roi Albert IX de Belgique a parlé. Le roi Henri IX d'Espagne aussi.")
    assert ("Albert IX", "person", "Albert IX") in found and ("Henri IX", "person", "Henri IX") in found
    assert {m[2] for m in found if m[1] == "place"} >= {"Belgique", "Espagne"}


def test_letters_of_an_honour_or_a_rank_after_a_name_are_no_part_of_it():
    found = mentions("Marie Holt QC est avocate. John Barnes OBE a parlé hier.")
    assert ("Marie Holt", "person", "Marie Holt") in found and ("John Barnes", "person", "John Barnes") in found


def test_the_web_and_the_internet_are_no_organizations():
    found = mentions("La société Vexor a ouvert un site Web. Sur Internet, l'association Terre Claire publie ses comptes.")
    assert not any(m[0] in ("Web", "Internet") for m in found)
    assert ("Web Summit", "event", "Web Summit") in mentions("Le Web Summit a lieu à Lisbonne, selon Paul Roy.")


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
    from innograph.loaders.linking import finish
    from innograph.loaders.mentions import ArticleEntities

    text = "Paul Verbier est né à Verbier."
    ents = ArticleEntities(text)
    person = ents.entity("person", "Paul Verbier")
    ents.mention(0, len("Paul Verbier"), person, "ner")
    ents.mention(text.index("à Verbier") + 2, len(text) - 1, ents.entity("place", "Verbier"), "ner")
    finish(ents)
    assert [(m.text, m.entity.kind) for m in ents.mentions] == [("Paul Verbier", "person"), ("Verbier", "place")]


def test_a_place_the_context_calls_an_organization_more_often_is_one_everywhere():
    found = mentions("Le PDG de Zorblat, Jean Martin, a démissionné. Paul Durand est devenu l'actionnaire "
                     "principal de Zorblat. Les critiques ont nui à Zorblat.")
    assert {kind for text, kind, _ in found if text == "Zorblat"} == {"organization"}


@pytest.mark.parametrize("text, name", [
    ("Selon la commissaire Greta von der Brelin, présidente de la Commission, le plan est prêt.",
     "Greta von der Brelin"),
    ("Karim el-Haddadi, ancien président du pays, a été arrêté.", "Karim el-Haddadi"),
])
def test_a_person_s_name_keeps_its_lower_case_particles(text, name):
    assert (name, "person", name) in mentions(text)


def test_de_before_a_name_the_article_gives_an_organization_ends_the_person():
    from innograph.loaders.namefinder import _other_name_after_particle
    from innograph.loaders.mentions import ArticleEntities

    ents = ArticleEntities("")
    ents.entity("organization", "Fédération Kalo")
    # the person's name ends at the particle: the words after it are the organization's, or a country's
    assert _other_name_after_particle(ents, ["Ahmad", "de", "la", "Fédération", "Kalo"]) == (1, "Fédération Kalo")
    assert _other_name_after_particle(ents, ["Ahmad", "du", "Sénégal"]) == (1, "Sénégal")  # a country
    assert _other_name_after_particle(ents, ["Amandine", "de", "Valrose"]) is None  # a particle of the name


def test_a_person_s_name_ends_before_a_title_with_its_complement():
    found = mentions("Le Dr Ilse Varnhagen Professeure de chimie minérale à l'Université libre "
                     "de Brenz a parlé.")
    assert ("Ilse Varnhagen", "person", "Ilse Varnhagen") in found


def test_a_person_after_an_honorific_the_tagger_called_misc_is_a_person():
    found = mentions("Cet acide permet selon le Dr Hanna Kowalczyk d'aider à prévenir la maladie.")
    assert ("Hanna Kowalczyk", "person", "Hanna Kowalczyk") in found


def test_a_player_s_club_and_a_club_named_after_its_town_are_organizations():
    found = mentions("Marc Olier, ancien défenseur de Valmont City, a commenté le match. Il a grandi à Valmont City.")
    assert [kind for text, kind, _ in found if text == "Valmont City"] == ["organization", "place"]
    found = mentions("Il s'est entraîné dans son ancienne équipe de Harlingen. Il a rejoint le club de Tarvisio en 2019.")
    assert {text: kind for text, kind, _ in found} == {"Harlingen": "organization", "Tarvisio": "organization"}


def test_a_continent_stays_a_place_after_a_player_title():
    found = mentions("Les joueurs d'Amérique du Sud ont protesté.")
    assert [kind for text, kind, _ in found if text == "Amérique du Sud"] == ["place"]


def test_a_capitalized_name_after_a_place_preposition_does_not_name_a_project():
    found = mentions("Le laboratoire envisage aussi un essai de vaccin en Zembrie, peut-être au printemps.")
    assert not any(text == "Zembrie" and kind == "project" for text, kind, _ in found)
    found = mentions("Le laboratoire lance le projet Horizon Vert.")
    assert any(kind == "project" and "Horizon Vert" in label for _, kind, label in found)


def test_a_place_the_tagger_found_after_an_article_with_its_adjective_is_an_organization():
    found = mentions("Il a été suspendu par la Confédération sahélienne de volley (Csv) en mai. La Csv a fait appel.")
    assert ("Confédération sahélienne de volley", "organization", "Confédération sahélienne de volley") in found
    assert [kind for text, kind, _ in found if text == "Csv"] == ["organization", "organization"]


def test_a_title_after_an_article_is_no_organization():
    found = mentions("Le Premier ministre Kembo a démissionné mardi.")
    assert not any(kind == "organization" and "ministre" in text for text, kind, _ in found)


def test_an_acronym_and_the_continent_after_it_are_one_organization():
    found = mentions("Zawadi Kenga, rédactrice en chef de BBC Afrique, explique la situation.")
    assert ("BBC Afrique", "organization", "BBC Afrique") in found


def test_etat_in_a_common_noun_or_a_title_is_no_organization():
    found = mentions("Le secrétaire d'État Paul Marlow a parlé après le coup d'État. Le Conseil d'État a tranché.")
    assert ("Paul Marlow", "person", "Paul Marlow") in found
    assert [text for text, kind, _ in found if kind == "organization"] == ["Conseil d'État"]


def _finished(text: str, name: str, kind: str) -> list[tuple[str, str]]:
    """The mentions after the linking passes, when the tagger found `name` alone, typed `kind`."""
    from innograph.loaders.linking import finish
    from innograph.loaders.mentions import ArticleEntities

    ents = ArticleEntities(text)
    start = text.index(name)
    ents.mention(start, start + len(name), ents.entity(kind, name), "ner")
    finish(ents)
    return [(m.text, m.entity.kind) for m in ents.mentions]


def test_a_one_word_name_the_tagger_took_for_a_place_after_an_honorific_is_a_person():
    found = _finished("Selon M. Korvath, les travaux reprendront lundi.", "Korvath", "place")
    assert found == [("Korvath", "person")]


@pytest.mark.parametrize("name, head, person", [
    ("KTV Monde Anaïs Ruyter", "KTV Monde", "Anaïs Ruyter"),  # an acronym and one more word, then the person
    ("KTV Anaïs Ruyter", "KTV", "Anaïs Ruyter"),
])
def test_an_organization_run_into_a_person_a_title_is_apposed_to_is_the_two(name, head, person):
    found = _finished(f"« Rien n'est joué », a déclaré à {name}, professeure de droit à Valmont.", name, "organization")
    assert found == [(head, "organization"), (person, "person")]


def test_an_organization_name_with_no_title_apposed_is_not_split():
    found = _finished("Le contrat a été signé avec KTV Monde Grand Ouest, qui diffusera les matchs.",
                      "KTV Monde Grand Ouest", "organization")
    assert [text for text, _ in found] == ["KTV Monde Grand Ouest"]


@pytest.mark.parametrize("text, name", [
    ("Outre Karl Jensen, trois joueurs ont signé cet été.", "Karl Jensen"),
    ("Avec Lorenzo Vettali, le club a gagné six matchs.", "Lorenzo Vettali"),
    ("Malgré Karl Jensen, le projet avance.", "Karl Jensen"),
])
def test_a_preposition_opening_a_sentence_is_no_part_of_a_name(text, name):
    found = mentions(text)
    assert not any(m[0].split()[0] in ("Outre", "Avec", "Malgré") for m in found)
    assert any(m[0] == name and m[1] == "person" for m in found)


def test_a_lower_case_title_the_tagger_called_an_organization_is_no_name():
    found = mentions("Le Ghana a voté. Kofi Mensah, ministre de l'Économie numérique du Ghana, a parlé.")
    assert not any(m[0] == "ministre" for m in found)


@pytest.mark.parametrize("text, club, person", [
    ("L'attaquante du FC Valmont Amina Oyelaran a marqué deux buts. Amina Oyelaran a été élue meilleure joueuse.",
     "FC Valmont", "Amina Oyelaran"),
    ("L'attaquant de Manchester City Tunde Ojo a marqué deux buts lors du match. Selon Tunde Ojo, la victoire "
     "était méritée.", "Manchester City", "Tunde Ojo"),
])
def test_a_person_the_article_names_apart_ends_a_name_the_tagger_ran_into_them(text, club, person):
    found = mentions(text)
    assert (club, "organization", club) in found and (person, "person", person) in found
    assert not any(m[0].startswith(club) and m[0].endswith(person) for m in found)


def test_a_surname_named_apart_does_not_split_the_person_s_full_name():
    found = mentions("Le maire est proche de Claire Le Vasseur. Le Vasseur a répondu hier.")
    assert ("Claire Le Vasseur", "person", "Claire Le Vasseur") in found
    found = mentions("Il est le fils de Karim Ben Amar. Ben Amar a répondu hier.")
    assert ("Karim Ben Amar", "person", "Karim Ben Amar") in found


def test_a_tail_named_apart_that_is_no_person_does_not_split_a_name():
    found = mentions("L'Agence Vela Presse rapporte le score. Vela Presse indique aussi la date.")
    assert ("Agence Vela Presse", "organization", "Agence Vela Presse") in found


def test_a_country_the_tagger_missed_is_a_place_and_a_title_s_country():
    ents, relations = read("Le sélectionneur de la Tunisie, Karim Belhadj, a parlé hier.", "fr")
    assert ("Tunisie", "place", "Tunisie") in [(m.text, m.entity.kind, m.entity.label) for m in ents.mentions]
    assert [(r.subject.label, r.object.label) for r in relations if r.kind == "holds_post"] == [("Karim Belhadj", "Tunisie")]


@pytest.mark.parametrize("text", [
    "La Banque d'Algérie a relevé ses taux.",  # a word of an organization's name
    "Radio Tunisie Sud a diffusé le match.",
    "L'Irlande du Nord a voté hier.",  # a longer place
    "Maurice Dupont est arrivé hier.",  # a first name
])
def test_a_country_s_name_inside_another_name_is_no_country(text):
    found = mentions(text)
    assert not any(m[1] == "place" and m[0] in ("Algérie", "Tunisie", "Irlande", "Maurice") for m in found)


def test_a_preposition_the_tagger_ran_a_name_into_is_no_part_of_it():
    # the tagger reads "Croix-Rouge au" as one organization before the country
    found = mentions("Interrogé par l'AFP, Ali-Hassan Moussa, responsable de la Croix-Rouge au Niger, affirme que l'aide arrive.")
    assert ("Croix-Rouge", "organization", "Croix-Rouge") in found
    assert not [m for m in found if m[2].endswith(" au")]


@pytest.mark.parametrize("text, person, org", [
    # a name the tagger missed, set off by commas after an opening participle and before a title
    ("Contacté par téléphone, Sidi-Mohamed Ould, trésorier de la Ligue des pêcheurs de Nouadhibou, confirme la grève.",
     "Sidi-Mohamed Ould", "Ligue des pêcheurs de Nouadhibou"),
    ("Dans un communiqué, Sidi-Mohamed Ould, trésorier de l'Association des pêcheurs de Kaédi, dément.",
     "Sidi-Mohamed Ould", "Association des pêcheurs de Kaédi"),
])
def test_a_name_set_off_before_a_title_is_a_person(text, person, org):
    ents, found = read(text)
    assert (person, "person") in {(m.entity.label, m.entity.kind) for m in ents.mentions}
    assert (person, org) in {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post"}


@pytest.mark.parametrize("text", [
    "Les pays voisins, Burkina Faso, Mali et Niger, ont signé.",  # no title after the names
    "Il vit à Dakar, Grand Yoff, quartier populaire de la ville.",  # a place's name, no title
])
def test_names_set_off_without_a_title_are_no_persons(text):
    ents, _ = read(text)
    assert not [m for m in ents.mentions if m.entity.kind == "person"]
