"""Press articles: reading, cleaning, splitting, and the facts extracted with their evidence."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from innograph.errors import InputError
from innograph.load import ingest
from innograph.loaders.text import decode, read_articles
from tests.conftest import DATA

ARTICLES = DATA / "articles"
SEEDS = Path(__file__).resolve().parents[2] / "innograph" / "examples" / "seeds"


def facts(kg, kind: str) -> set[tuple]:
    """(subject label, object label) pairs of one fact kind, read back from the store by SPARQL."""
    queries = {
        "member_of": "SELECT ?a ?b WHERE { ?m a org:Membership ; org:member/rdfs:label ?a ; org:organization/rdfs:label ?b }",
        "holds_post": "SELECT ?a ?b WHERE { ?p a org:Post ; org:heldBy/rdfs:label ?a ; org:postIn/rdfs:label ?b }",
        "funds": "SELECT ?a ?b WHERE { ?g a schema:MonetaryGrant ; schema:funder/rdfs:label ?a ; schema:fundedItem/rdfs:label ?b }",
        "supports": "SELECT ?a ?b WHERE { ?i schema:sponsor ?s . ?s rdfs:label ?a . ?i rdfs:label ?b }",
        "partner_of": "SELECT ?a ?b WHERE { ?x ig:partnerOf ?y . ?x rdfs:label ?a . ?y rdfs:label ?b }",
        "organizes": "SELECT ?a ?b WHERE { ?e schema:organizer/rdfs:label ?a ; rdfs:label ?b }",
        "located_in": "SELECT ?a ?b WHERE { ?x schema:location/rdfs:label ?b ; rdfs:label ?a }",
        "created_by": "SELECT ?a ?b WHERE { ?x schema:founder/rdfs:label ?b ; rdfs:label ?a }",
        "quoted": "SELECT ?a ?b WHERE { ?q a schema:Quotation ; schema:creator/rdfs:label ?a ; schema:text ?b }",
    }
    from innograph.queries.sparql import run

    return {(r["a"].value, r["b"].value) for r in run(kg, queries[kind]).rows()}


@pytest.fixture(scope="module")
def seeds_kg(tmp_path_factory):
    from innograph.graph.store import KnowledgeGraph

    kg = KnowledgeGraph(tmp_path_factory.mktemp("seeds") / "store")
    for path in sorted(SEEDS.glob("*.txt")):
        ingest(kg, path)
    yield kg
    kg.close()


def test_one_named_graph_per_article_with_metadata(seeds_kg):
    sources = {s.label: s for s in seeds_kg.sources()}
    assert len(sources) == 3  # the first seed file holds two articles
    rows = {r["h"].value: r for r in seeds_kg.query(
        "SELECT ?h ?pub ?date ?author WHERE { GRAPH ?g { ?g schema:headline ?h "
        "OPTIONAL { ?g schema:publisher/rdfs:label ?pub } OPTIONAL { ?g schema:datePublished ?date } "
        "OPTIONAL { ?g schema:author/rdfs:label ?author } } }")}
    hospimedia = next(r for h, r in rows.items() if "rejoint" in h)
    assert hospimedia["pub"].value == "Hospimedia"
    assert hospimedia["date"].value == "2020-01-22"
    assert hospimedia["author"].value == "Géraldine Tribault"


def test_core_seed_facts_are_extracted(seeds_kg):
    assert ("CHU de Rouen", "ECOSYSTEM Cléon 4.0") in facts(seeds_kg, "member_of")
    posts = facts(seeds_kg, "holds_post")
    for person, org in [("Guillaume Laurent", "CHU de Rouen"), ("Vincent Laudat", "CCI Rouen Métropole"),
                        ("David Mallet", "Médical Training Center")]:
        assert (person, org) in posts
    assert ("Métropole Rouen Normandie", "Médical Training Center") in facts(seeds_kg, "funds")
    assert ("CCI Rouen Métropole", "Forum Digitalisation") in facts(seeds_kg, "organizes")
    assert {a for a, _ in facts(seeds_kg, "quoted")} >= {"Guillaume Laurent", "Vincent Laudat", "David Mallet"}


def test_seed_supporters_listed_with_a_repeated_de_are_read(seeds_kg):
    """"avec le soutien de l'État, de la Région …, de la Métropole et de l'Université …": the list goes on
    past an item that names no organization (the gold's two supports, not only its core facts)."""
    supports = facts(seeds_kg, "supports")
    assert {("Région Normandie", "Médical Training Center"),
            ("Université de Rouen Normandie", "Médical Training Center")} <= supports


def test_every_fact_node_has_its_evidence_and_offsets_point_into_the_text(seeds_kg):
    rows = list(seeds_kg.query(
        "SELECT ?f ?ev ?s ?e ?g WHERE { GRAPH ?g { ?f ig:evidence ?ev ; ig:charStart ?s ; ig:charEnd ?e ; prov:wasDerivedFrom ?g } }",
        ))
    assert len(rows) > 20
    missing = list(seeds_kg.query(
        "SELECT ?f WHERE { VALUES ?t { org:Post org:Membership schema:MonetaryGrant ig:Agreement schema:Quotation } "
        "?f a ?t . FILTER NOT EXISTS { ?f ig:evidence ?ev } }"))
    assert missing == []
    from innograph.loaders.text import read_articles as read

    texts = {}
    for path in SEEDS.glob("*.txt"):
        for article in read(path):
            texts[article.headline] = article.text
    for row in rows:
        start, end, evidence = int(row["s"].value), int(row["e"].value), row["ev"].value
        assert any(text[start:end].strip() == evidence for text in texts.values()), evidence


def test_amounts_are_decimal_euros_and_data_conforms(seeds_kg):
    amounts = [r["v"] for r in seeds_kg.query("SELECT ?v WHERE { ?a a schema:MonetaryAmount ; schema:value ?v }")]
    assert amounts and all(a.datatype.value.endswith("#decimal") for a in amounts)
    from innograph.ontology.shacl import validate

    report = validate(seeds_kg)
    assert report.conforms, [f.as_dict() for f in report.violations]


def test_french_article_with_furniture_and_markdown(kg):
    ingest(kg, ARTICLES / "fr-startup.md")
    [source] = kg.sources()
    assert source.label.startswith("La start-up nantaise Biolumen")
    assert ("Bpifrance", "Biolumen") in facts(kg, "funds")
    assert ("Biolumen", "Atlanpole Biothérapies") in facts(kg, "member_of")
    assert ("Biolumen", "Julie Marchand") in facts(kg, "created_by")
    assert ("Biolumen", "Nantes") in facts(kg, "located_in")
    assert ("CCI Nantes Saint-Nazaire", "Biotech Ouest") in facts(kg, "organizes")
    assert any(a == "Marc Leroy" for a, _ in facts(kg, "holds_post"))
    posts = {r["o"].value: r["c"].value for r in kg.query(
        "SELECT ?o ?c WHERE { ?p org:heldBy/rdfs:label 'Marc Leroy' ; ig:current ?c ; org:postIn/rdfs:label ?o }")}
    assert posts["Sanofi de Nantes"] == "false"  # "ancien directeur de l'usine Sanofi": a former post
    assert set(posts) <= {"Sanofi de Nantes", "Biolumen"}  # he joined Biolumen's team: a current post there
    date = list(kg.query("SELECT ?d WHERE { ?m a org:Membership ; org:memberDuring/time:hasBeginning/time:inXSDDate ?d }"))
    assert [r["d"].value for r in date] == ["2021-04-12"]
    grant = list(kg.query("SELECT ?v WHERE { ?g schema:fundedItem/rdfs:label 'Biolumen' ; schema:amount/schema:value ?v }"))
    assert {r["v"].value for r in grant} == {"40000000"}
    text = " ".join(r["t"].value for r in kg.query("SELECT ?t WHERE { ?s ig:evidence ?t }"))
    assert "abonné" not in text and "photo" not in text and "Imprimer" not in text


def test_english_article(kg):
    ingest(kg, ARTICLES / "en-health-cluster.txt")
    assert ("Northbridge Hospital", "MedTech Valley") in facts(kg, "member_of")
    assert ("Helen Price", "Northbridge Hospital") in facts(kg, "holds_post")
    assert ("Westshire County Council", "Arden Robotics") in facts(kg, "funds")
    assert ("Kinetiq", "Maria Lopez") in facts(kg, "created_by")
    assert ("MedTech Valley", "Westshire Chamber of Commerce") in facts(kg, "created_by")
    assert ("Arden Robotics", "Leeds") in facts(kg, "located_in")
    assert any(a == "Kinetiq" or b == "Kinetiq" for a, b in facts(kg, "partner_of"))
    lang = list(kg.query("SELECT ?l WHERE { GRAPH ?g { ?g schema:inLanguage ?l } }"))
    assert [r["l"].value for r in lang] == ["en"]


def test_html_scripts_styles_and_navigation_are_dropped(kg):
    ingest(kg, ARTICLES / "page.html")
    [source] = kg.sources()
    assert source.label == "Le Campus Numérique rejoint le cluster Digital Loire"
    labels = {r["l"].value for r in kg.query("SELECT ?l WHERE { ?x rdfs:label ?l }")}
    assert "CHU de Nulle Part" not in " ".join(labels)
    assert ("Campus Numérique", "Digital Loire") in facts(kg, "member_of")
    meta = list(kg.query("SELECT ?d ?p WHERE { GRAPH ?g { ?g schema:datePublished ?d ; schema:publisher/rdfs:label ?p } }"))
    assert [(r["d"].value, r["p"].value) for r in meta] == [("2023-03-14", "Ouest Innovation")]


def test_reloading_an_edited_document_replaces_its_facts(kg, tmp_path):
    path = tmp_path / "article.txt"
    path.write_text("Un pôle grandit\n\nLa PME Alphatec a rejoint le cluster Seine Robotique en 2021.\n", encoding="utf-8")
    ingest(kg, path)
    assert facts(kg, "member_of") == {("Alphatec", "Seine Robotique")}
    path.write_text("Un pôle grandit\n\nLa PME Betatec a rejoint le cluster Seine Robotique en 2021.\n", encoding="utf-8")
    ingest(kg, path)
    assert facts(kg, "member_of") == {("Betatec", "Seine Robotique")}
    assert len(kg.sources()) == 1


def test_cp1252_and_bom_files_decode(tmp_path):
    text = "Le Pôle Élan rejoint le réseau\n\nLa société Élan a rejoint le réseau Normandie Énergies."
    cp = tmp_path / "cp1252.txt"
    cp.write_bytes(text.encode("cp1252"))
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert read_articles(cp)[0].text == read_articles(bom)[0].text
    assert "Élan" in read_articles(cp)[0].text


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"   \n\n  ", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4, "binary"),
])
def test_bad_files_are_clear_errors_and_leave_the_store_unchanged(kg, tmp_path, content, message):
    ingest(kg, ARTICLES / "en-health-cluster.txt")
    before = len(kg)
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(InputError, match=message) as caught:
        ingest(kg, path)
    assert "bad.txt" in str(caught.value)
    assert len(kg) == before


def test_a_50_mb_file_is_refused_with_a_clear_error(kg, tmp_path):
    path = tmp_path / "huge.txt"
    with open(path, "wb") as stream:
        stream.truncate(50 * 1024 * 1024)  # sparse: no need to write 50 MB
    with pytest.raises(InputError, match="too large"):
        ingest(kg, path)
    assert len(kg) == 0


def test_cli_load_of_a_directory_and_bad_input_exit_code(run, tmp_path):
    result = run("load", ARTICLES)
    assert result.exit_code == 0, result.output
    sources = json.loads(run("sources", "--format", "json").stdout)
    assert len(sources) == 4
    (tmp_path / "empty.md").write_text("")
    bad = run("load", tmp_path / "empty.md")
    assert bad.exit_code == 3 and "empty.md" in bad.stderr


def test_decode_refuses_nul_bytes():
    with pytest.raises(InputError):
        decode(b"abc\x00def" * 10)


def test_a_bad_file_in_a_batch_stops_there_after_storing_the_files_before_it(run, tmp_path):
    for name, text in [("a.txt", "Un pôle grandit\n\nLa PME Alphatec a rejoint le cluster Seine Robotique.\n"),
                       ("b.txt", ""),
                       ("c.txt", "Un autre\n\nLa PME Gammatec a rejoint le cluster Seine Robotique.\n")]:
        (tmp_path / name).write_text(text, encoding="utf-8")
    result = run("load", tmp_path)
    assert result.exit_code == 3 and "b.txt" in result.stderr
    sources = json.loads(run("sources", "--format", "json").stdout)
    assert [Path(s["path"]).name for s in sources] == ["a.txt"]


def test_max_size_raises_the_limit_for_big_articles(run, tmp_path):
    path = tmp_path / "long.txt"
    path.write_text("Un long article\n\n" + "La PME Alphatec a rejoint le cluster Seine Robotique. " * 2000, encoding="utf-8")
    refused = run("load", path, "--max-size", "0.05")
    assert refused.exit_code == 3 and "too large" in refused.stderr and "long.txt" in refused.stderr
    assert run("load", path, "--max-size", "1").exit_code == 0


def test_appointments_and_people_joining_organizations_are_posts(kg):
    ingest(kg, ARTICLES / "appointments.txt")
    posts = facts(kg, "holds_post")
    assert posts >= {("Jeanne Martin", "Alphatec"), ("Pierre Durand", "Alphatec"), ("Sophie Klein", "CCI Loire-Estuaire"),
                     ("Mark Evans", "Brightline Robotics"), ("Anna Weber", "Brightline Robotics")}
    assert facts(kg, "member_of") == set()  # a person joining a company is not a member organization
    places = {r["l"].value for r in kg.query("SELECT ?l WHERE { ?p a schema:Place ; rdfs:label ?l }")}
    assert "London" in places and "In London" not in places
