"""Seats (located_in) read by the one seats reader (loaders/syntaxseats.py), the trained model
switched off. Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


def seats(text: str, language: str = "fr") -> set[tuple]:
    _, found = read(text, language)
    return {(r.subject.label, r.object.label) for r in found if r.kind == "located_in"}


@pytest.mark.parametrize("text, language, org, place", [
    ("Le groupe Velmar, un fabricant de pneus basé à Lyon, a annoncé des bénéfices.", "fr", "Velmar", "Lyon"),
    ("Arkwell Systems, a software firm based in Leeds, said on Monday that it would hire forty engineers.",
     "en", "Arkwell Systems", "Leeds"),
    ("Le ministre s'est rendu au siège de la Banque africaine de développement à Abidjan.", "fr",
     "Banque africaine de développement", "Abidjan"),
    ("Le ministre a été reçu au siège de l'Organisation des pêcheurs du Nord, dans la capitale, Oslo.", "fr",
     "Organisation des pêcheurs du Nord", "Oslo"),
    ("Le club Sportivo Norte avait son siège à Rosario avant de déménager.", "fr", "Sportivo Norte", "Rosario"),
    ("Une étude de l'université de Marbourg, en Allemagne, montre que le sommeil protège le cœur.", "fr",
     "université de Marbourg", "Allemagne"),
    ("Les joueuses de l'Atlético Veranda (Uruguay) ont gagné.", "fr", "Atlético Veranda", "Uruguay"),
    ("Le groupe Kelmar, fabricant mondial de pièces détachées basé en Allemagne, a publié ses comptes.",
     "fr", "Kelmar", "Allemagne"),
    ("Nahalat Industries, l'une des rares entreprises basées aux États-Unis, a réagi.", "fr",
     "Nahalat Industries", "États-Unis"),
    ("Le docteur Raul Pereira, de l'hôpital Santa Clara, au Brésil, a soigné le patient.", "fr", "Santa Clara", "Brésil"),
    ("La presse a demandé à l'ambassade du Portugal à Londres de commenter.", "fr", "ambassade du Portugal", "Londres"),
    ("Basée à Brême, près de Hambourg, dans le nord de l'Allemagne, Ferval Steel a été enregistrée en 2016.", "fr",
     "Ferval Steel", "Brême"),
    ("Fondée en 1990 à Lyon, la société Velmar fabrique des pneus.", "fr", "Velmar", "Lyon"),
    ("Le directeur du Vienna Metal Exchange (UK) a parlé à la presse.", "fr", "Vienna Metal Exchange", "UK"),
    ("Le chercheur Paul Marn, du cercle de réflexion Centre of Atlantic Studies à Bruxelles, estime que la crise "
     "va durer.", "fr", "Centre of Atlantic Studies", "Bruxelles"),
    ("Elle est maintenant membre de Fleet Court Chambers à Londres et pratique le droit commercial.", "fr",
     "Fleet Court Chambers", "Londres"),
    ("Il dirige un programme à l'Instituto do Mar (InMar), également à São Paulo.", "fr", "Instituto do Mar", "São Paulo"),
    ("La start-up Velmar Industries est basée à Abidjan.", "fr", "Velmar Industries", "Abidjan"),
    ("Velmar Industries, qui est basée à Abidjan, a recruté.", "fr", "Velmar Industries", "Abidjan"),
    ("Velmar Industries est une entreprise ivoirienne basée à Abidjan.", "fr", "Velmar Industries", "Abidjan"),
    ("Velmar Industries, l'opérateur sud-africain, est basé à Johannesburg.", "fr", "Velmar Industries",
     "Johannesburg"),
    ("Le siège de Velmar Industries est situé à Lyon depuis 1990.", "fr", "Velmar Industries", "Lyon"),
    ("Le siège social de la société Kervel Group se trouve à Nantes.", "fr", "Kervel Group", "Nantes"),
])
def test_a_seat_stated_in_the_sentence(text, language, org, place):
    assert (org, place) in seats(text, language)


def test_the_place_of_a_seat_may_hang_from_the_verb():
    text = ("La Compagnie fluviale du Rhin transporte du charbon depuis 1950. "
            "Pendant trente ans, elle a eu son siège à Mannheim.")
    assert ("Compagnie fluviale du Rhin", "Mannheim") in seats(text)


@pytest.mark.parametrize("text", [
    "Un ingénieur du groupe Velmar basé à Lyon a témoigné.",
    "Le ministre a quitté le siège de la Banque africaine de développement pour rentrer à Abidjan.",
    "Un porte-parole de l'Union des pêcheurs a été reçu à Oslo.",
    "Léa Morvan, de la radio Onda Sur, à Lima, raconte la grève.",  # the journalist is in Lima
    "Le fabricant Gralon, autrefois situé à Brest, a fermé ses portes.",  # a former seat
    "La société française Velmoria a signé un contrat avec la ville.",  # a nationality, not a seat
    "Kelmar Industries, dont les employés sont basés à Lyon, a réagi.",  # the employees are there
    "L'usine de Telmar Industries à Lyon emploie 300 personnes.",  # the plant is there
    "L'usine du groupe Telmar Industries à Lyon emploie 300 personnes.",
    "Né en 1970 à Lyon, Paul Marn a rejoint Velmar en 1999.",  # a person's birthplace
    "Basée à Rennes, elle travaille désormais pour Kervel Media.",  # the subject is no name
    "Sur son compte officiel, l'ambassade de Suède au Niger a démenti.",  # a place inside the name
    "Le maire de Bordeaux à Paris pour rencontrer le ministre.",  # a post in a town, no organization
    "Le PDG de Velmar Industries est basé à Lyon depuis 2010.",  # the chief is
    "Paul Marn, de Velmar Industries, est basé à Lyon.",  # the person is
    "Le patron de Velmar Industries, Paul Marn, est basé à Londres.",  # the chief is
    "Il vit à Lyon, où est basé son frère, employé de Velmar Industries.",
])
def test_no_seat_without_a_seat_statement(text):
    assert not seats(text)


def test_a_participle_taken_for_a_name_is_no_organization():
    """'Installée' opening a sentence may be tagged as a name: it is not what is in the town."""
    found = seats("Installée à Nantes depuis dix ans, Arvel Group emploie 300 personnes.")
    assert found == {("Arvel Group", "Nantes")}


def test_a_town_after_a_hospitals_cut_name_is_a_name_not_a_seat():
    """The tagger cuts 'l'hôpital Saint-Arnaud de Bordeaux' before its town: 'Saint-Arnaud de Bordeaux'
    is a name of it, and a town inside a name is no seat (as when the name is read whole)."""
    entities, found = read("Le patient a été soigné à l'hôpital Saint-Arnaud de Bordeaux pendant un mois.")
    assert not [r for r in found if r.kind == "located_in"]
    assert any("Saint-Arnaud de Bordeaux" in e.names() for e in entities.entities)


@pytest.mark.parametrize("text, seat", [
    ("Velmar Industries, une société de conseil de Dakar, a levé des fonds.", ("Velmar Industries", "Dakar")),
    ("Le Korvale Institute, un groupe de réflexion de Londres, a publié un rapport.", ("Korvale Institute", "Londres")),
])
def test_a_descriptor_with_its_field_then_a_town_is_a_seat(text, seat):
    assert seat in seats(text)


@pytest.mark.parametrize("text, org, places", [
    # a participle coordinated to another one ("founded ... and headquartered in")
    ("Vexa Robotics is a robotics firm founded in 2001 and headquartered in Leeds, England.",
     "Vexa Robotics", {"Leeds", "England"}),
    # the region after the town and a comma, whatever the parse made of it
    ("Korvale is a milling firm based in Mwanza, Tanzania producing flour for the region.",
     "Korvale", {"Mwanza", "Tanzania"}),
])
def test_every_place_of_a_seat_is_read(text, org, places):
    assert {(org, p) for p in places} <= seats(text, "en")


def test_a_nationality_after_a_name_and_its_article_is_no_seat():
    # English "a" is no French "à", and a nationality the tagger took for a place is no town
    assert not seats("Kestrel Analytics, a Norwegian company, opened an office in Bergen.", "en")


@pytest.mark.parametrize("text, org, town, state", [
    ("Arkwell Systems is headquartered in Haverhill, MA, in a former shoe factory.", "Arkwell Systems", "Haverhill",
     "Massachusetts"),
    ("Corvel Foods is based in Tulsa, Okla., and runs ten shops.", "Corvel Foods", "Tulsa", "Oklahoma"),
])
def test_a_us_state_written_by_its_code_after_the_town_is_a_seat_too(text, org, town, state):
    _, found = read(text, "en")
    seated = {(r.subject.label, n) for r in found if r.kind == "located_in" for n in r.object.names()}
    assert {(org, town), (org, state)} <= seated


def test_a_state_code_is_the_states_alias():
    from tests.loaders.conftest import read as read_text

    entities, _ = read_text("Arkwell Systems is headquartered in Haverhill, MA, in a former shoe factory.", "en")
    [state] = [m.entity for m in entities.mentions if m.text == "MA"]
    assert state.kind == "place" and state.label == "Massachusetts" and "MA" in state.names()


@pytest.mark.parametrize("text", [
    "The report, OK, was late.",  # no town before the code
    "Arkwell Systems hired Tom Reyes, ME, and two nurses.",  # a person before it
])
def test_a_capitalized_pair_of_letters_after_no_town_is_no_state(text):
    entities, _ = read(text, "en")
    assert not [m for m in entities.mentions if m.text in ("OK", "ME")]
