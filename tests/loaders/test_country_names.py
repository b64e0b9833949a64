"""One country said in several ways in one article ("la RD Congo", "la RDC") is one entity, as a
place and as the state acting; its names reach the graph as labels. Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from innograph.loaders import lexicon as lx  # noqa: E402
from innograph.loaders.demonyms import COUNTRY_CANON  # noqa: E402
from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def test_every_synonym_names_a_country():
    assert set(COUNTRY_CANON) <= lx.COUNTRIES
    assert COUNTRY_CANON["rdc"] == COUNTRY_CANON["rd congo"] == COUNTRY_CANON["republique democratique du congo"]
    assert COUNTRY_CANON["uk"] == COUNTRY_CANON["grande bretagne"] != COUNTRY_CANON["etats unis"]


def test_the_names_of_one_country_make_one_place_and_one_acting_state():
    ents, found = read("La RD Congo a rejoint l'Union des Grands Lacs en mars. Selon la RDC, cette adhésion "
                       "ouvre le marché. Paul Kabongo, ministre des Mines de la RD Congo, l'a saluée.")
    places = {m.entity for m in ents.mentions if m.entity.kind == "place"}
    assert len(places) == 1 and next(iter(places)).names() == {"RD Congo", "RDC"}
    states = {r.subject for r in found if r.kind == "member_of"} | {r.object for r in found if r.kind == "holds_post"}
    assert len(states) == 1 and next(iter(states)).names() == {"RD Congo", "RDC"}


def test_two_countries_stay_two():
    ents, _ = read("Il pleut. Le Royaume-Uni, les États-Unis et la Grande-Bretagne sont au Ghana.")
    places = {m.text: m.entity for m in ents.mentions if m.entity.kind == "place"}
    assert places["Royaume-Uni"] is places["Grande-Bretagne"] and len(set(places.values())) == 3


def test_a_place_s_other_names_are_its_alternative_labels_in_the_graph(tmp_path):
    from innograph.api import Session

    doc = tmp_path / "article.txt"
    doc.write_text("Adhésion\n\nLa RD Congo a rejoint l'Union des Grands Lacs en mars. Selon la RDC, cette "
                   "adhésion ouvre le marché.\n", encoding="utf-8")
    with Session(None) as kg:
        kg.load(doc, kind="documents")
        rows = kg.sparql("PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX schema: <https://schema.org/> "
                         "SELECT ?label ?alt WHERE { ?p a schema:Place ; rdfs:label ?label ; skos:altLabel ?alt }")
        names = {(str(r["label"].value), str(r["alt"].value)) for r in rows.rows()}
    assert names == {("RD Congo", "RDC")}


def test_a_country_in_brackets_after_an_organization_is_no_other_name_of_it():
    _, found = read("Selon Anna Lee, de l'Université de Tarvik (USA), c'est un tournant. L'Inde et les États-Unis "
                    "ont signé un accord commercial en mai.")
    partners = {frozenset((r.subject.label, r.object.label)) for r in found if r.kind == "partner_of"}
    assert partners == {frozenset(("Inde", "États-Unis"))}


@pytest.mark.parametrize("text, post", [
    ("Le Japon a voté hier. Taro Sato, l'ancien Premier ministre du Japon, a critiqué ce vote.", ("Taro Sato", "Japon")),
    ("La RD Congo a gagné. Le sélectionneur congolais Marc Dubois est content.", ("Marc Dubois", "RD Congo")),
])
def test_a_country_said_with_its_article_or_by_its_demonym_is_the_one_named(text, post):
    _, found = read(text)
    assert {(r.subject.label, r.object.label) for r in found if r.kind == "holds_post"} == {post}
