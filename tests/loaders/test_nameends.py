"""Where a French organization's name ends (loaders/nameends.py, institutions.purpose_tails): its purpose ("pour la ...")
goes on the name, up to a verb, a comma or another name. Rules alone; every sentence is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


def names(text: str) -> set[str]:
    entities, _ = read(text)
    return {m.entity.label for m in entities.mentions if m.entity.kind == "organization"}


@pytest.mark.parametrize("text, name", [
    # the purpose, its own complements and a coordination
    ("Selon Paul Dorval, de l'Institut Nansen pour la recherche sur les glaces et les courants, la fonte accélère.",
     "Institut Nansen pour la recherche sur les glaces et les courants"),
    ("Paul Dorval, directeur de l'Institut Nansen pour la recherche polaire, a salué le don.",
     "Institut Nansen pour la recherche polaire"),
    # a bare cue word the tagger left alone, and the town its name ends with
    ("« Le climat change vite », déclare le professeur Paul Dorval, du Centre pour l'étude des océans de Brême.",
     "Centre pour l'étude des océans de Brême"),
])
def test_a_name_goes_on_with_its_purpose(text, name):
    assert name in names(text)


def test_a_purpose_that_names_another_organization_is_none():
    # "pour la société Y": the person left X for Y, X's name stops
    found = names("Paul Dorval a quitté l'Institut Nansen pour la société Veltrane.")
    assert "Institut Nansen" in found and not any(n.startswith("Institut Nansen pour") for n in found)


def test_an_english_name_goes_on_with_of():
    found = names("« C'est rare », explique Paul Dorval, conservateur honoraire du Harlan Brook Museum of "
                  "Maritime History à Brême.")
    assert "Harlan Brook Museum of Maritime History" in found


def test_the_english_end_of_a_name():
    from innograph.loaders.nameends import english_end

    def cut(text: str) -> str:
        return text[:english_end(text, text.index(" of"))]
    assert cut("la Wexford School of Marine and Polar Studies, a dit") == "la Wexford School of Marine and Polar Studies"
    assert cut("le Harlan Museum of the City of Brême and the") == "le Harlan Museum of the City of Brême"
    assert cut("le Harlan Museum of modern art") == "le Harlan Museum"  # lower-case words: no name


def test_a_date_after_a_name_is_no_part_of_it():
    found = names("Karl Jensen a été élue rectrice de l'université de Lorvanne en mai.")
    assert "université de Lorvanne" in found and not any("mai" in n for n in found)


def test_a_new_name_takes_its_whole_run_of_capitalized_words():
    # the parse hangs each capitalized word apart: the title's object is the whole run
    assert "Maison Arvelle Traiteur Breton" in names("Anna Berg, fondatrice de la Maison Arvelle Traiteur Breton, a parlé.")
    # a capitalized common noun with a hyphen is no name of its own
    assert "Start" not in names("Il reçoit Karl Jensen, fondateur de la Start-up Veltrane Labs, qui a développé une application.")


@pytest.mark.parametrize("text, name", [
    ("« Il y a confusion », déclare Karl Jensen, directeur général de l'Harlan Dental Foundation au Royaume-Uni.",
     "Harlan Dental Foundation"),
    ("Selon la Lorvane Dental Society, le fluor protège.", "Lorvane Dental Society"),
])
def test_an_english_name_ends_with_its_kind_word(text, name):
    assert name in names(text)


def test_an_english_name_ends_before_a_french_de_and_its_town():
    found = names("Karl Jensen, chercheur à la Harlan State University de Brême, a parlé.")
    assert "Harlan State University" in found and not any(n.endswith("Brême") for n in found)
    # a French name keeps its town
    assert "Banque Africaine de Lomé" in names("Karl Jensen, directeur de la Banque Africaine de Lomé, a parlé.")


def all_names(text: str) -> dict[str, set]:
    """Each organization's label -> all its names."""
    entities, _ = read(text)
    return {m.entity.label: set(m.entity.names()) for m in entities.mentions if m.entity.kind == "organization"}


@pytest.mark.parametrize("text, name, campus, town", [
    ("Selon Paul Dorn, chimiste de l'université de Floride à Miami (États-Unis), le lac est pollué.",
     "université de Floride", "université de Floride à Miami", "Miami"),
    ("Simon Halle, géologue de l'université du Wyoming à Laramie, a publié l'étude.",
     "université du Wyoming", "université du Wyoming à Laramie", "Laramie"),
])
def test_a_university_of_a_state_is_also_named_with_the_town_of_its_campus(text, name, campus, town):
    assert campus in all_names(text)[name]
    entities, _ = read(text)
    assert {m.text for m in entities.mentions if m.entity.kind == "place"} >= {town}  # the town stays a place


def test_a_name_after_a_university_and_a_is_its_campus_only_when_it_is_a_town():
    # told to a newspaper, not a campus
    assert all_names("Le chercheur Tom Bell de l'université de Leeds à The Guardian a parlé.")["université de Leeds"] \
        == {"université de Leeds"}


def test_an_ordinal_number_before_a_name_is_its_first_word():
    assert "12e Régiment de chasseurs Valmont" in names("Paul Roy, ex-commandant du 12e Régiment de chasseurs Valmont, a parlé.")
    entities, _ = read("Le 1er Forum Santé Numérique de Varenne a lieu en mai, selon Paul Roy.")
    assert any(m.text.startswith("1er Forum") for m in entities.mentions if m.entity.kind == "event")
    # a number that is no ordinal stays out
    assert not any(n.startswith("2 ") for n in names("Le score était de 2 Arsenal, dit Paul Roy."))


@pytest.mark.parametrize("text, name", [
    ("Paul Roy, chercheur au Centre d'Études Navales et Portuaires, a parlé.", "Centre d'Études Navales et Portuaires"),
    ("Paul Roy, chercheur à l'École des Hautes Études en Sciences Marines, a parlé.",
     "École des Hautes Études en Sciences Marines"),
])
def test_a_name_goes_on_through_a_coordinated_adjective_and_an_en_complement(text, name):
    assert name in names(text)


def test_a_second_name_after_et_is_no_part_of_the_first():
    found = names("Le Conseil National des Ports et la Banque Mondiale ont signé, selon Paul Roy.")
    assert "Banque Mondiale" in found and not any("et" in n.split() for n in found)


@pytest.mark.parametrize("text, name", [
    # a title's territory after a name: not the name's
    ("Paul Dorval, l'envoyé des Nations unies pour la Libye, a rencontré les deux camps.", "Nations unies"),
    # a body's remit, after its own "de": the name's
    ("Paul Dorval, secrétaire exécutif de la Commission économique des Nations unies pour l'Afrique, a parlé.",
     "Commission économique des Nations unies pour l'Afrique"),
])
def test_a_territory_after_pour_ends_a_bare_name(text, name):
    assert name in names(text)
