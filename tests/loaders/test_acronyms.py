"""Acronyms defined in the text (loaders/acronyms.py). The rules alone (the trained model switched
off); every sentence here is our own, with invented names."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def entity_of(text: str, name: str):
    ents, _ = read(text)
    [entity] = {id(m.entity): m.entity for m in ents.mentions if m.text == name}.values()
    return entity


def test_an_acronym_a_device_s_description_defines_is_a_project_with_that_description_as_a_name():
    text = ("Après VELORA (Dispositif portable de mesure cardiaque) et le laboratoire CERVAL, "
            "la Région a soutenu la création d'un centre de simulation à hauteur de 200 000 euros.")
    velora = entity_of(text, "VELORA")
    assert velora.kind == "project"
    assert "Dispositif portable de mesure cardiaque" in velora.names()


def test_an_acronym_whose_long_form_names_a_body_is_no_project():
    text = ("Après VELORA (Service régional de mesure cardiaque) et le laboratoire CERVAL, "
            "la Région a soutenu la création d'un centre de simulation à hauteur de 200 000 euros.")
    ents, _ = read(text)
    assert not any(m.entity.kind == "project" for m in ents.mentions if "VELORA" in m.entity.names())
    assert {m.entity.kind for m in ents.mentions if m.text.startswith("Service")} == {"organization"}


@pytest.mark.parametrize("text, long, acronym", [
    ("Le président du mouvement ivoirien des droits de l'homme (MIDH), Koffi Yao, a protesté.",
     "mouvement ivoirien des droits de l'homme", "MIDH"),
    ("Maria Lopes, présidente de la société portugaise de cardiologie et de pneumologie (SPCP), a parlé.",
     "société portugaise de cardiologie et de pneumologie", "SPCP"),
])
def test_a_lower_case_body_whose_initials_spell_the_acronym_after_it_is_its_long_form(text, long, acronym):
    entity = entity_of(text, long)
    assert entity.kind == "organization" and acronym in entity.names()


def test_lower_case_words_are_no_long_form_unless_a_body_opens_them_and_the_initials_spell_it_all():
    ents, _ = read("La hausse des prix à la consommation (HPC) inquiète Marc Duval. "
                   "Le syndicat national des boulangers (SNBP) a protesté.")
    assert not any(m.text.startswith(("hausse", "prix", "syndicat")) for m in ents.mentions)
