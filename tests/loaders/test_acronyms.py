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
