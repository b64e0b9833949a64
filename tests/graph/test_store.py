"""The store: one named graph per source, atomic replacement, nothing half-written."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest

from innograph.errors import InputError, NotFoundError
from innograph.load import expand, ingest
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
