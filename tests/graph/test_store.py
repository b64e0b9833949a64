"""The store: one named graph per source, atomic replacement, nothing half-written."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from innograph.errors import InputError, NotFoundError
from innograph.load import expand, ingest
from innograph.graph.sources import ONTOLOGY_GRAPH, ontology_hash
from innograph.graph.store import KnowledgeGraph
from tests.conftest import DATA


def quads(kg) -> set[tuple[str, str, str, str]]:
    """The store's quads as strings, blank nodes kept (they are stable within one store)."""
    return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in kg.store}


def test_each_file_is_one_named_graph_described_inside_itself(kg):
    result = ingest(kg, DATA / "small.ttl")
    assert result.status == "loaded"
    [source] = kg.sources()
    assert source.label == "small.ttl"
    assert source.triples == 12
    assert source.path == str((DATA / "small.ttl").resolve())
    graphs = {str(g.value) for g in kg.store.named_graphs()}
    assert graphs == {source.iri}
    assert ox.Quad(ox.NamedNode(source.iri), ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                   ox.NamedNode("https://w3id.org/innograph/ns#Source"), ox.NamedNode(source.iri)) in kg.store


def test_loading_twice_changes_nothing(kg):
    ingest(kg, DATA / "small.ttl")
    before = len(kg)
    again = ingest(kg, DATA / "small.ttl")
    assert again.status == "unchanged"
    assert len(kg) == before
    forced = ingest(kg, DATA / "small.ttl", force=True)
    assert forced.status == "loaded"
    assert len(kg) == before


def test_an_edited_file_replaces_its_old_facts(kg, tmp_path):
    path = tmp_path / "members.ttl"
    shutil.copy(DATA / "small.ttl", path)
    ingest(kg, path)
    path.write_text(path.read_text().replace("Hôpital Nord", "Hôpital Sud"))
    ingest(kg, path)
    labels = {row["l"].value for row in kg.query("SELECT ?l WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?l }")}
    assert "Hôpital Sud" in labels and "Hôpital Nord" not in labels
    assert len(kg.sources()) == 1
    assert not any("#staging-" in str(g.value) for g in kg.store.named_graphs())


def test_malformed_file_names_file_and_line_and_leaves_store_unchanged(kg, tmp_path):
    ingest(kg, DATA / "small.ttl")
    before = quads(kg)
    with pytest.raises(InputError) as caught:
        ingest(kg, DATA / "malformed.ttl")
    assert caught.value.path.endswith("malformed.ttl")
    assert caught.value.line == 4
    assert "malformed.ttl:4" in str(caught.value)
    assert quads(kg) == before


def test_malformed_replacement_keeps_the_previous_version(kg, tmp_path):
    path = tmp_path / "x.ttl"
    shutil.copy(DATA / "small.ttl", path)
    ingest(kg, path)
    before = quads(kg)
    shutil.copy(DATA / "malformed.ttl", path)
    with pytest.raises(InputError):
        ingest(kg, path)
    assert quads(kg) == before


def test_missing_file_is_an_input_error_naming_it():
    with pytest.raises(InputError, match="nope/missing.ttl"):
        expand(["nope/missing.ttl"])


def test_remove_source_removes_exactly_its_triples(kg, example):
    ingest(kg, DATA / "small.ttl")
    only_small = quads(kg)
    ingest(kg, example)
    removed = kg.remove_source("seeds-handmade.ttl")
    assert removed > 200
    assert quads(kg) == only_small
    with pytest.raises(NotFoundError, match="known sources: small.ttl"):
        kg.remove_source("seeds-handmade.ttl")


def test_named_graphs_of_a_trig_file_go_to_the_file_source(kg, tmp_path):
    path = tmp_path / "two.trig"
    path.write_text(
        "<https://example.org/g1> { <https://example.org/a> <https://example.org/p> 1 . }\n"
        "<https://example.org/g2> { <https://example.org/b> <https://example.org/p> 2 . }\n"
        "<https://example.org/c> <https://example.org/p> 3 .\n"
    )
    [source] = ingest(kg, path).sources
    assert source.triples == 3
    assert {str(g.value) for g in kg.store.named_graphs()} == {source.iri}


def test_blank_nodes_of_two_files_stay_apart(kg, tmp_path):
    for name in ("a.nt", "b.nt"):
        (tmp_path / name).write_text('_:b0 <https://example.org/p> "1" .\n')
        ingest(kg, tmp_path / name)
    subjects = {str(q.subject) for q in kg.store.quads_for_pattern(None, ox.NamedNode("https://example.org/p"), None, None)}
    assert len(subjects) == 2


def test_gzip_compressed_files_load(kg, tmp_path):
    path = tmp_path / "small.ttl.gz"
    path.write_bytes(gzip.compress((DATA / "small.ttl").read_bytes()))
    assert ingest(kg, path).triples == 12


def test_interrupted_load_is_swept_on_next_open(store_path):
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, DATA / "small.ttl")
        keep = quads(kg)
        # What a load killed before its completion mark leaves behind:
        partial = ox.NamedNode("https://w3id.org/innograph/source/killed-0123456789ab")
        staging = ox.NamedNode(kg.sources()[0].iri + "#staging-0000")
        for graph in (partial, staging):
            kg.store.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p"), ox.Literal("half"), graph))
    with KnowledgeGraph(store_path) as kg:
        assert quads(kg) == keep


def test_rdflib_view_reads_the_same_store_without_copying(kg):
    ingest(kg, DATA / "small.ttl")
    from rdflib import URIRef

    rows = list(kg.rdflib.query("SELECT ?l WHERE { GRAPH ?g { <https://example.org/id/acme> rdfs:label ?l } }"))
    assert [str(r[0]) for r in rows] == ["ACME Rouen"]
    assert (URIRef("https://example.org/id/acme"), None, None) in kg.rdflib.graph(URIRef(kg.sources()[0].iri))


def test_a_file_where_the_store_should_be_is_a_clear_error(tmp_path):
    from innograph.errors import StoreError

    bogus = tmp_path / "file"
    bogus.write_text("x")
    with pytest.raises(StoreError, match="is a file"):
        KnowledgeGraph(bogus)


def test_directories_and_globs_expand_to_loadable_files(tmp_path):
    (tmp_path / "sub").mkdir()
    for name in ("a.ttl", "sub/b.nt", "image.png", ".hidden/c.ttl"):
        path = tmp_path / name
        path.parent.mkdir(exist_ok=True)
        path.write_text("")
    assert [p.relative_to(tmp_path).as_posix() for p in expand([tmp_path])] == ["a.ttl", "sub/b.nt"]
    assert [p.name for p in expand([str(tmp_path / "**" / "*.nt")])] == ["b.nt"]
    with pytest.raises(InputError, match="no file matches"):
        expand([str(tmp_path / "*.trig")])


@pytest.mark.parametrize("suffix,text", [
    (".nt", '<https://example.org/a> <https://example.org/p> "x" .\n'),
    (".nq", '<https://example.org/a> <https://example.org/p> "x" <https://example.org/g> .\n'),
    (".jsonld", '{"@id": "https://example.org/a", "https://example.org/p": "x"}'),
    (".rdf", '<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
             'xmlns:ex="https://example.org/"><rdf:Description rdf:about="https://example.org/a">'
             '<ex:p>x</ex:p></rdf:Description></rdf:RDF>'),
    (".trig", '{ <https://example.org/a> <https://example.org/p> "x" . }'),
    (".ttl", '<https://example.org/a> <https://example.org/p> "x" .'),
])
def test_every_common_rdf_format_loads(kg, tmp_path: Path, suffix: str, text: str):
    path = tmp_path / f"one{suffix}"
    path.write_text(text)
    assert ingest(kg, path).triples == 1
    assert kg.query('ASK { <https://example.org/a> <https://example.org/p> "x" }')


def test_rdf_xml_external_entities_are_not_resolved(kg, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET")
    path = tmp_path / "xxe.rdf"
    path.write_text(
        f'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file://{secret}">]>'
        '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="https://example.org/">'
        '<rdf:Description rdf:about="https://example.org/a"><ex:p>&x;</ex:p></rdf:Description></rdf:RDF>'
    )
    try:
        ingest(kg, path)
    except InputError:
        pass  # refusing the entity outright is fine too
    assert not any("TOP-SECRET" in str(q.object) for q in kg.store)


# -- the default graph is a set, kept in step with the sources ---------------------------------

_SHARED = """@prefix ex: <https://example.org/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix org: <http://www.w3.org/ns/org#> .
ex:inserm a org:Organization ; rdfs:label "INSERM" ; ex:country "FR" .
ex:cea a org:Organization ; rdfs:label "CEA" ; ex:country "FR" .
"""
_GRANTS = {
    "a.ttl": 'ex:p1 ex:participant ex:inserm ; ex:amount 100.5 . ex:p2 ex:participant ex:cea ; ex:amount 7 .',
    "b.ttl": 'ex:p1 ex:participant ex:inserm ; ex:amount 100.5 . ex:p3 ex:participant ex:inserm ; ex:amount 20 .',
    "c.ttl": 'ex:p4 ex:participant ex:lonely ; ex:amount 1 .',
}
_BY_ORG = """SELECT ?o ?name (COUNT(DISTINCT ?p) AS ?n) (SUM(?amount) AS ?total) WHERE {
  ?p <https://example.org/participant> ?o ; <https://example.org/amount> ?amount .
  ?o <https://example.org/country> "FR" . OPTIONAL { ?o rdfs:label ?name } } GROUP BY ?o ?name ORDER BY ?name"""


def _union_is_the_merge(kg) -> None:
    """The default graph holds exactly the triples of the named graphs: the complete sources, the
    ontology (and graphs an update wrote)."""
    raw = kg._store
    assert {ox.NamedNode(ONTOLOGY_GRAPH), *kg.source_graphs()} <= set(raw.named_graphs())
    held = {(q.subject, q.predicate, q.object) for g in raw.named_graphs() for q in raw.quads_for_pattern(None, None, None, g)}
    union = {(q.subject, q.predicate, q.object) for q in raw.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert union == held


@pytest.fixture
def three_sources(kg, tmp_path):
    for name, grants in _GRANTS.items():
        (tmp_path / name).write_text(_SHARED + grants + "\n")
        ingest(kg, tmp_path / name)
    return tmp_path


def test_a_triple_in_several_sources_counts_once(kg, three_sources):
    rows = [(r["name"].value, int(r["n"].value), float(r["total"].value)) for r in kg.query(_BY_ORG)]
    assert rows == [("CEA", 1, 7.0), ("INSERM", 2, 120.5)]
    # the plain sums SPARQL users write: each triple once
    assert int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?o a org:Organization }")))["n"].value) == 2
    total = next(iter(kg.query("SELECT (SUM(?a) AS ?t) WHERE { ?p <https://example.org/amount> ?a }")))["t"].value
    assert float(total) == 100.5 + 7 + 20 + 1
    # direct store readers asking for the union get the set too
    direct = kg.store.query("SELECT (COUNT(*) AS ?n) WHERE { ?o a org:Organization }", use_default_graph_as_union=True,
                            prefixes={"org": "http://www.w3.org/ns/org#"})
    assert int(next(iter(direct))["n"].value) == 2
    # while GRAPH ?g still reaches each source
    per_source = kg.query('SELECT ?g WHERE { GRAPH ?g { ?o rdfs:label "INSERM" } }')
    assert sorted(r["g"].value for r in per_source) == sorted(s.iri for s in kg.sources())
    _union_is_the_merge(kg)


def test_a_triple_leaves_the_default_graph_with_its_last_source(kg, three_sources):
    inserm_label = 'ASK { <https://example.org/inserm> rdfs:label "INSERM" }'
    kg.remove_source("a.ttl")
    assert kg.query(inserm_label)
    _union_is_the_merge(kg)
    (three_sources / "b.ttl").write_text("@prefix ex: <https://example.org/> .\n" + _GRANTS["c.ttl"] + "\n")
    ingest(kg, three_sources / "b.ttl")  # replaced: p3 is no longer in any source, p4 still is
    assert not kg.query("ASK { <https://example.org/p3> ?p ?o }")
    assert kg.query("ASK { <https://example.org/p4> <https://example.org/amount> 1 }")
    assert kg.query(inserm_label)  # c.ttl still holds it
    _union_is_the_merge(kg)
    kg.remove_source("b.ttl")
    kg.remove_source("c.ttl")
    assert not kg.query("ASK { <https://example.org/p4> ?p ?o }") and not kg.query(inserm_label)
    assert kg.query("ASK { ig:Project rdfs:subClassOf schema:Project }")  # the ontology stays
    _union_is_the_merge(kg)


def test_a_failed_replacement_leaves_the_default_graph_as_it_was(kg, three_sources):
    before = {(q.subject, q.predicate, q.object) for q in kg._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    shutil.copy(DATA / "malformed.ttl", three_sources / "a.ttl")
    with pytest.raises(InputError):
        ingest(kg, three_sources / "a.ttl")
    after = {(q.subject, q.predicate, q.object) for q in kg._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    assert after == before
    _union_is_the_merge(kg)


def test_blank_nodes_reach_the_default_graph_as_in_their_source(kg, tmp_path):
    path = tmp_path / "b.ttl"
    path.write_text('<https://example.org/a> <https://example.org/p> [ <https://example.org/q> "x" ] .\n')
    ingest(kg, path)
    _union_is_the_merge(kg)
    assert kg.query('ASK { <https://example.org/a> <https://example.org/p> ?b . ?b <https://example.org/q> "x" }')
    kg.remove_source("b.ttl")
    _union_is_the_merge(kg)


def test_edit_keeps_the_default_graph_in_step(kg, three_sources):
    label, alt = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label"), ox.NamedNode("http://www.w3.org/2004/02/skos/core#altLabel")
    cea = ox.NamedNode("https://example.org/cea")
    graphs = kg.source_graphs()
    kg.edit(remove=[ox.Quad(cea, label, ox.Literal("CEA"), g) for g in graphs],
            add=[ox.Quad(cea, alt, ox.Literal("CEA"), g) for g in graphs])
    assert not kg.query('ASK { <https://example.org/cea> rdfs:label "CEA" }')
    assert kg.query('ASK { <https://example.org/cea> skos:altLabel "CEA" }')
    _union_is_the_merge(kg)


def test_a_killed_load_is_taken_out_of_the_default_graph_at_the_next_open(store_path, tmp_path):
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, DATA / "small.ttl")
        keep = quads(kg), {(q.subject, q.predicate, q.object) for q in kg._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}
        # what a load killed after writing its data (in a new graph and the default graph) leaves:
        partial = ox.NamedNode("https://w3id.org/innograph/source/killed-0123456789ab")
        x, p = ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p")
        kg._store.extend([ox.Quad(x, p, ox.Literal("half"), partial), ox.Quad(x, p, ox.Literal("half"))])
        assert not kg.query('ASK { GRAPH ?g { ?s ?p "half" } }')  # never a source meanwhile
    with KnowledgeGraph(store_path) as kg:
        assert (quads(kg), {(q.subject, q.predicate, q.object) for q in kg._store.quads_for_pattern(None, None, None, ox.DefaultGraph())}) == keep
        _union_is_the_merge(kg)


# -- the ontology lives in the store ------------------------------------------------------------

def test_the_ontology_is_in_the_default_graph_but_not_a_source(kg):
    ingest(kg, DATA / "small.ttl")
    assert kg.query("ASK { ig:Project rdfs:subClassOf* schema:Project }")
    subclasses = {r["c"].value for r in kg.query("SELECT ?c WHERE { ?c rdfs:subClassOf* schema:Project }")}
    assert "https://w3id.org/innograph/ns#Project" in subclasses
    assert [s.label for s in kg.sources()] == ["small.ttl"]
    assert ONTOLOGY_GRAPH not in {r["g"].value for r in kg.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")}
    assert ONTOLOGY_GRAPH not in {g.value for g in kg.store.named_graphs()}


def test_a_changed_ontology_is_reloaded_at_a_writable_open(store_path):
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, DATA / "small.ttl")
        expected = {(q.subject, q.predicate, q.object) for q in kg._store.quads_for_pattern(None, None, None, graph)}
        # an older version: one class less, another hash
        old = ox.Quad(ox.NamedNode(ONTOLOGY_GRAPH), ox.NamedNode("https://w3id.org/innograph/ns#contentHash"), ox.Literal(ontology_hash()), graph)
        stale = ox.Quad(ox.NamedNode("https://example.org/Old"), ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#subClassOf"), ox.NamedNode("https://schema.org/Project"), graph)
        kg.edit(remove=[old], add=[ox.Quad(old.subject, old.predicate, ox.Literal("0" * 64), graph), stale])
        assert kg.query("ASK { <https://example.org/Old> rdfs:subClassOf schema:Project }")
    with KnowledgeGraph(store_path, read_only=True) as reader:  # readers never update it
        assert reader.query("ASK { <https://example.org/Old> rdfs:subClassOf schema:Project }")
    with KnowledgeGraph(store_path) as kg:
        assert {(q.subject, q.predicate, q.object) for q in kg._store.quads_for_pattern(None, None, None, graph)} == expected
        assert not kg.query("ASK { <https://example.org/Old> ?p ?o }")
        _union_is_the_merge(kg)


def test_a_store_written_before_the_set_default_graph_is_upgraded(store_path):
    x, p = ox.NamedNode("https://example.org/x"), ox.NamedNode("https://example.org/p")
    g1, g2 = (ox.NamedNode(f"https://w3id.org/innograph/source/old-{i}") for i in (1, 2))
    raw = ox.Store(str(store_path))
    for g in (g1, g2):
        raw.extend([ox.Quad(x, p, ox.Literal("1"), g), ox.Quad(g, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                               ox.NamedNode("https://w3id.org/innograph/ns#Source"), g)])
    raw.flush()
    del raw
    with KnowledgeGraph(store_path, read_only=True) as reader:  # read as it was, with a warning
        assert int(next(iter(reader.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/p> ?o }")))["n"].value) == 2
    with KnowledgeGraph(store_path) as kg:
        assert int(next(iter(kg.query("SELECT (COUNT(*) AS ?n) WHERE { ?s <https://example.org/p> ?o }")))["n"].value) == 1
        _union_is_the_merge(kg)


# -- the library's SPARQL: no SERVICE, no updates, one-line errors --------------------------------

def test_service_is_refused_without_any_connection(kg):
    import socket

    from innograph.errors import UsageError

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.5)
    port = listener.getsockname()[1]
    with pytest.raises(UsageError, match=rf"SERVICE <http://127.0.0.1:{port}/sparql>"):
        kg.query(f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}")
    with pytest.raises(socket.timeout):
        listener.accept()
    listener.close()
    # the word in a string, a variable or a prefixed name is not a SERVICE clause
    assert not list(kg.query('SELECT ?service WHERE { ?service <https://example.org/SERVICE> "SERVICE" }'))


@pytest.mark.parametrize("update", ["DROP ALL", "LOAD <file:///etc/hostname>", "PREFIX ex: <https://example.org/> CLEAR DEFAULT",
                                    "INSERT DATA { <https://example.org/a> <https://example.org/b> 1 }"])
def test_updates_are_refused_by_the_query_path(kg, update):
    from innograph.errors import UsageError

    ingest(kg, DATA / "small.ttl")
    before = quads(kg)
    with pytest.raises(UsageError, match="SPARQL update"):
        kg.query(update)
    assert quads(kg) == before


def test_an_unknown_prefix_is_named_in_one_line(kg):
    from innograph.errors import UsageError

    with pytest.raises(UsageError) as caught:
        kg.query("SELECT * WHERE { ?s foaf:name ?n ; nope:thing ?x }")
    message = str(caught.value)
    assert "'nope:'" in message and "\n" not in message and "u{" not in message


# -- opening -------------------------------------------------------------------------------------

def _fingerprint(folder: Path) -> dict[str, tuple[int, str]]:
    import hashlib

    return {str(p.relative_to(folder)): (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
            for p in sorted(folder.rglob("*")) if p.is_file()}


def test_a_read_only_open_changes_no_file_and_refuses_writes(store_path):
    from innograph.errors import StoreError

    with KnowledgeGraph(store_path) as kg:
        ingest(kg, DATA / "small.ttl")
    before = _fingerprint(store_path)
    with KnowledgeGraph(store_path, read_only=True) as reader:
        assert [s.label for s in reader.sources()] == ["small.ttl"]
        assert reader.query('ASK { ?s rdfs:label "ACME Rouen" }')
        with pytest.raises(StoreError, match="read-only"):
            reader.remove_source("small.ttl")
    assert _fingerprint(store_path) == before


def test_reading_a_store_that_does_not_exist_creates_nothing(tmp_path):
    with KnowledgeGraph(tmp_path / "nothing", read_only=True) as reader:
        assert reader.sources() == []
        assert reader.query("ASK { ig:Project rdfs:subClassOf* schema:Project }")
    assert not (tmp_path / "nothing").exists()


def test_a_new_store_folder_is_created_with_its_parents(tmp_path):
    with KnowledgeGraph(tmp_path / "new" / "deeper" / "store") as kg:
        ingest(kg, DATA / "small.ttl")
    with KnowledgeGraph(tmp_path / "new" / "deeper" / "store", read_only=True) as reader:
        assert len(reader.sources()) == 1


def test_the_store_modules_docstring_examples_run():
    import doctest

    from innograph.graph import sparql_guard

    assert doctest.testmod(sparql_guard).failed == 0


def test_an_update_keeps_the_default_graph_in_step_and_never_loads(kg, three_sources):
    from innograph.errors import UsageError

    kg.update('INSERT DATA { GRAPH <https://example.org/edits> { <https://example.org/cea> <https://example.org/amount> 3 } } ;')
    assert kg.query("ASK { <https://example.org/cea> <https://example.org/amount> 3 }")
    kg.update("DELETE WHERE { GRAPH ?g { <https://example.org/p1> ?p ?o } }  # from every source")
    assert not kg.query("ASK { <https://example.org/p1> ?p ?o }")
    kg.update('INSERT DATA { <https://example.org/x> <https://example.org/y> "only in the default graph" }')
    assert not kg.query("ASK { <https://example.org/x> ?p ?o }")  # the default graph is derived
    _union_is_the_merge(kg)  # (with the edits graph, which is not a source, held too)
    before = quads(kg)
    for refused in ("LOAD <file:///etc/hostname> INTO GRAPH <https://example.org/x>",
                    "INSERT { GRAPH <https://example.org/g> { ?s ?p ?o } } WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"):
        with pytest.raises(UsageError, match="LOAD|SERVICE"):
            kg.update(refused)
    assert quads(kg) == before


def _without_load_time(kg) -> set[tuple[str, str, str, str]]:
    return {q for q in quads(kg) if "loadedAt" not in q[1]}


_TABLE = """@prefix ex: <https://example.org/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:g1 ex:amount "2.50"^^xsd:decimal ; ex:year "0042"^^xsd:integer ; ex:label "first" .
ex:g2 ex:amount "10.0"^^xsd:decimal ; ex:label "second" .
ex:g3 ex:amount "7"^^xsd:decimal ; ex:label "third" .
"""


@pytest.mark.parametrize("edit", [
    lambda text: text.replace('"second"', '"second, renamed"'),       # one value changed
    lambda text: text + 'ex:g4 ex:label "fourth" .\n',                # a row added
    lambda text: text.replace('ex:g3 ex:amount "7"^^xsd:decimal ; ex:label "third" .\n', ""),  # a row gone
    lambda text: text.replace("ex:label", "ex:name"),                 # everything changed
    lambda text: text + "ex:g5 ex:part [ ex:label \"blank\" ] .\n",   # blank nodes: replaced whole
])
def test_a_reloaded_source_ends_as_a_fresh_load_of_its_new_version(tmp_path, edit):
    path = tmp_path / "table.ttl"
    path.write_text(_TABLE)
    with KnowledgeGraph(tmp_path / "store") as kg, KnowledgeGraph(tmp_path / "fresh") as fresh:
        ingest(kg, DATA / "small.ttl")
        ingest(kg, path)
        path.write_text(edit(_TABLE))
        assert ingest(kg, path).status == "loaded"
        ingest(fresh, DATA / "small.ttl")
        ingest(fresh, path)
        if "[" in path.read_text():  # blank node labels differ between two stores: compare shapes
            assert len(quads(kg)) == len(quads(fresh))
        else:
            assert _without_load_time(kg) == _without_load_time(fresh)
        assert [(s.label, s.triples) for s in kg.sources()] == [(s.label, s.triples) for s in fresh.sources()]
        assert not any("#staging-" in str(g.value) for g in kg._store.named_graphs())
        _union_is_the_merge(kg)
        total = kg.query("SELECT (SUM(?a) AS ?t) WHERE { ?g <https://example.org/amount> ?a }")
        assert float(next(iter(total))["t"].value) == pytest.approx(2.5 + 10 + (0 if "g3" not in path.read_text() else 7))
