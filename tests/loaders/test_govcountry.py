"""Posts held in a country's name (loaders/govcountry.py with the title reader): a head of state
named "chef de l'État", a president a report is handed to, a president "of the time", plural titles
that list their holders, two portfolios of one minister. Rules alone; every sentence is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")

_TOGO = "Le Togo prépare ses élections. Le Togo attend les résultats. "


def posts(text: str) -> set[tuple]:
    return pairs(text, "holds_post")


def test_a_head_of_state_is_the_countrys_not_the_states():
    found = posts(_TOGO + "Le chef de l'État togolais, Paul Koffi, a voté dans son village.")
    assert ("Paul Koffi", "Togo") in found
    assert not any(org.startswith("État") for _, org in found)
    # no demonym: the country is guessed as for a bare president (the article's)
    assert ("Paul Koffi", "Togo") in posts(_TOGO + "Hier, l'ancien chef d'État Paul Koffi a inauguré une école.")
    # a complement says whose: that country, not the article's
    found = posts(_TOGO + "Le chef de l'État du Bénin, Marc Dossou, a salué le scrutin.")
    assert ("Marc Dossou", "Togo") not in found


def test_a_president_a_report_is_handed_to_in_a_country_is_its_president():
    found = posts("Le rapport sur les abus commis en Gambie sera remis lundi au président Amadou Sarr.")
    assert ("Amadou Sarr", "Gambie") in found
    # the country as the subject addresses him: not its president
    assert ("Amadou Sarr", "Gambie") not in posts("La Gambie a remis lundi un rapport au président Amadou Sarr.")


def test_a_president_of_the_time_is_still_a_bare_title():
    assert ("Paul Koffi", "Togo") in posts(_TOGO + "Le projet fut soutenu par le président de l'époque, Paul Koffi.")
    # a date hung on the title says when, not whose
    assert ("Paul Koffi", "Togo") in posts(_TOGO + "Des officiers ont renversé le président Paul Koffi en avril.")
    assert ("Paul Koffi", "Togo") in posts(_TOGO + "Elle a battu le président sortant Paul Koffi en 2019.")


def test_a_plural_title_gives_the_post_to_every_name_it_lists():
    found = posts(_TOGO + "Le projet fut soutenu par les anciens présidents Paul Koffi (1990-1995) et Marc Amouzou (1995-2000).")
    assert {("Paul Koffi", "Togo"), ("Marc Amouzou", "Togo")} <= found
    found = posts(_TOGO + "Le projet fut soutenu par les anciens présidents Paul Koffi, Jean Amouzou et Marc Ablodé.")
    assert {("Paul Koffi", "Togo"), ("Jean Amouzou", "Togo"), ("Marc Ablodé", "Togo")} <= found


def test_a_minister_of_two_portfolios_is_the_name_after_both():
    found = posts("Au Pérou, tout le monde attend des nouvelles du ministre des Mines et des Transports, Carlos Ibarra.")
    assert ("Carlos Ibarra", "Pérou") in found


def test_a_title_apposed_to_a_name_after_de_is_that_persons_unless_it_opens_a_clause():
    found = posts("On retient surtout les idées de Kenji Mori, l'ancien Premier ministre du Japon, mort ce mois-ci. Le Japon le pleure.")
    assert ("Kenji Mori", "Japon") in found
    found = posts("Au sujet de Kenji Mori, le président de la Fédération nippone de judo a déclaré qu'il partirait.")
    assert not any(person == "Kenji Mori" for person, _ in found)
    found = posts("Le projet est né à la demande de Lucie Ferrand, qui était alors directrice de la société Ondalis "
                  "et qui cherchait des fournisseurs proches.")
    assert ("Lucie Ferrand", "Ondalis") in found  # a relative clause after the name says what she was


def test_a_country_named_only_inside_organizations_names_and_by_its_people_is_the_articles():
    text = ("La Cour suprême du Kenya a rendu son avis. Selon la Commission électorale du Kenya, les Kényans voteront "
            "en août. La semaine dernière, le juge a écrit au président Daniel Mwangi.")
    assert ("Daniel Mwangi", "Kenya") in posts(text)


def test_a_governments_spokesperson_speaks_for_its_country():
    assert ("Paul Koffi", "Togo") in posts(_TOGO + "Selon Paul Koffi, porte-parole du gouvernement, le scrutin sera libre.")
    assert ("Paul Koffi", "Togo") in posts(_TOGO + "Le porte-parole du gouvernement togolais, Paul Koffi, a rejeté les critiques.")
    found = posts(_TOGO + "Le porte-parole du gouvernement du Bénin, Paul Koffi, a rejeté les critiques.")
    assert ("Paul Koffi", "Bénin") in found and ("Paul Koffi", "Togo") not in found


def test_the_names_of_one_country_are_counted_as_one():
    # Birmanie and Myanmar, twice each, outnumber Laos named twice: the article's country
    text = ("La Birmanie vote dimanche. Le Myanmar attend les résultats. La Birmanie compte ses bulletins. Le Myanmar "
            "espère le calme. Le Laos observe. Le Laos s'inquiète. Le président Paul Koffi a salué le scrutin.")
    assert {org for person, org in posts(text) if person == "Paul Koffi"} in ({"Birmanie"}, {"Myanmar"})


@pytest.mark.parametrize("text, person, country", [
    # alone: the article's country, as for "du pays"
    (_TOGO + "Au Togo, le président de la République, Paul Koffi, a parlé.", "Paul Koffi", "Togo"),
    # the republic's demonym
    (_TOGO + "Le président de la République togolaise, Paul Koffi, a parlé.", "Paul Koffi", "Togo"),
    # the country its long name ends with
    ("Le Ghana a voté. Kofi Mensah, président de la République islamique du Ghana, a parlé.", "Kofi Mensah", "Ghana"),
])
def test_the_president_of_the_republic_holds_the_countrys_post(text, person, country):
    found = posts(text)
    assert (person, country) in found
    assert not any(org.startswith("République") for _, org in found)


def test_the_republic_alone_is_no_organization():
    assert not posts("Paul Koffi, le président de la République, s'est exprimé lundi.")
