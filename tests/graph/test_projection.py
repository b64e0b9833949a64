"""The projection: nodes and typed edges from the store, owl:sameAs collapsing, the cache and
its invalidation, and the exports for other tools."""

from __future__ import annotations

import io

import networkx as nx
import pyoxigraph as ox
import pytest

from innograph.graph import projection as projection_module
from innograph.graph.export_graph import to_networkx, write_graph
from innograph.graph.facts import FactWriter
from innograph.load import ingest
from innograph.graph.projection import cache_path, fingerprint, projection
from innograph.graph.sources import SourcePayload
from innograph.graph.store import KnowledgeGraph
from tests.conftest import DATA


def load(kg, writer, label):
    kg.replace(label, [SourcePayload(iri=writer.source.value, label=label, loader="test", triples=writer.triples)])


def edges(p):
    return {(p.labels[p.src[e]], p.edge_kinds[p.ekind[e]], p.labels[p.dst[e]]) for e in range(p.n_edges)}


def test_seed_projection_has_the_ontology_edges(kg, example):
    ingest(kg, example)
    p = projection(kg)
    found = edges(p)
    for edge in [("CHU de Rouen", "member_of", "ECOSYSTEM Cléon 4.0"),
                 ("Guillaume Laurent", "holds_post", "CHU de Rouen"),
                 ("Paul Carvalo", "holds_post", "Renault Cléon"),           # a former post, kept as an edge
                 ("Métropole Rouen Normandie", "funds", "Médical Training Center"),
                 ("Région Normandie", "supports", "Médical Training Center"),
                 ("CHU de Rouen", "partner_of", "Métropole Rouen Normandie"),
                 ("CCI Rouen Métropole", "organizes", "Forum Digitalisation"),
                 ("Forum Digitalisation", "event_location", "Médical Training Center"),
                 ("Robotcath", "located_in", "Rouen"),
                 ("ECOSYSTEM Cléon 4.0", "created_by", "CCI Rouen Métropole"),
                 ("CHU de Rouen", "co_mentioned", "Robotcath")]:
        assert edge in found
    # one edge per fact: memberOf and hasMember, partnerOf both ways, funder on the grant node
    assert sum(1 for e in found if e[1] == "member_of") == 1
    assert sum(1 for e in found if e[1] == "partner_of") == 1
    assert sum(1 for e in found if e[1] == "funds") == 4
    kinds = dict(zip(p.labels, p.kinds))
    assert kinds["CHU de Rouen"] == "Hospital" and kinds["GENESIS"] == "Project" and kinds["Rouen"] == "Place"
    assert all(p.degree(n) == len(p.neighbours(n)) for n in range(p.n_nodes))


def test_cache_is_reused_and_rebuilt_when_the_store_changes(store_path, example, monkeypatch, tmp_path):
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, example)
        first = projection(kg)
        path = cache_path(kg)
    assert path.exists() and path.parent.name == store_path.name + ".cache"
    built = []
    real_build = projection_module.build
    monkeypatch.setattr(projection_module, "build", lambda kg, key="": built.append(key) or real_build(kg, key))
    with KnowledgeGraph(store_path) as kg:
        again = projection(kg)
        assert not built and again.fingerprint == first.fingerprint and again.n_edges == first.n_edges
        ingest(kg, DATA / "small.ttl")  # a new source: the fingerprint changes
        changed = projection(kg)
        assert len(built) == 1 and changed.fingerprint != first.fingerprint
        assert "ACME Rouen" in list(changed.labels)
        kg.remove_source("small.ttl")
        assert fingerprint(kg) != changed.fingerprint
        assert "ACME Rouen" not in list(projection(kg).labels)
        assert len(built) == 2
        ingest(kg, example, force=True)  # the same bytes again: nothing to rebuild, or a rebuild
        projection(kg)
        assert len(built) in (2, 3)
        changed_file = tmp_path / "changed.ttl"
        changed_file.write_text((DATA / "small.ttl").read_text())
        ingest(kg, changed_file)
        projection(kg)
        count = len(built)
        changed_file.write_text((DATA / "small.ttl").read_text().replace("ACME Rouen", "ACME Normandie"))
        ingest(kg, changed_file)  # the same source, new content: rebuilt
        assert "ACME Normandie" in list(projection(kg).labels)
        assert len(built) == count + 1


def test_a_corrupt_cache_is_rebuilt(store_path, example):
    with KnowledgeGraph(store_path) as kg:
        ingest(kg, example)
        projection(kg)
        cache_path(kg).write_bytes(b"not a pickle")
    with KnowledgeGraph(store_path) as kg:
        assert projection(kg).n_edges > 100


def test_same_as_and_merge_collapse_nodes(kg):
    w = FactWriter("https://w3id.org/innograph/source/a")
    chu = w.organization("CHU de Rouen", kind="Hospital")
    chu2 = w.organization("Centre hospitalier universitaire de Rouen", kind="Hospital")
    chu3 = w.organization("C.H.U. Rouen", kind="Hospital")
    cluster = w.organization("Cluster", kind="Cluster")
    partner = w.organization("Partenaire", kind="Company")
    w.membership(chu2, cluster)
    w.agreement([chu3, partner])
    w.add(chu, ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs"), chu2)
    merge = ox.NamedNode("https://w3id.org/innograph/id/merge/1")
    ns = "https://w3id.org/innograph/ns#"
    w.add(merge, ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), ox.NamedNode(ns + "Merge"))
    w.add(merge, ox.NamedNode(ns + "mergedFrom"), chu3)
    w.add(merge, ox.NamedNode(ns + "mergedInto"), chu)
    load(kg, w, "a")
    p = projection(kg)
    node = p.index(chu.value)
    assert p.index(chu2.value) == node == p.index(chu3.value)
    assert p.iris[node] == chu.value and p.labels[node] == "CHU de Rouen"
    assert set(p.iris_of(node)) == {chu.value, chu2.value, chu3.value}
    assert {("CHU de Rouen", "member_of", "Cluster"), ("CHU de Rouen", "partner_of", "Partenaire")} <= edges(p)
    from innograph.queries.paths import paths

    found = paths(kg, "Cluster", "Partenaire")
    assert found[0].nodes == ["Cluster", "CHU de Rouen", "Partenaire"]
    assert all(h.evidence for h in found[0].hops)


def test_to_networkx_and_exports(kg, example):
    ingest(kg, example)
    g = kg.to_networkx()
    chu = "https://w3id.org/innograph/id/organization/chu-de-rouen"
    assert g.nodes[chu]["label"] == "CHU de Rouen"
    data = g.get_edge_data(chu, "https://w3id.org/innograph/id/organization/ecosystem-cleon-4-0")
    assert data["member_of"]["start"] == "2020-01-16" and data["member_of"]["weight"] == pytest.approx(0.9)
    assert to_networkx(kg, weak=False).number_of_edges() < g.number_of_edges()
    p = projection(kg)
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        buffer = io.BytesIO()
        n, m = write_graph(p, buffer, fmt)
        back = reader(io.BytesIO(buffer.getvalue()))
        assert (back.number_of_nodes(), back.number_of_edges()) == (n, m) == (p.n_nodes, p.n_edges)
        kinds = {d.get("kind") for _, d in back.nodes(data=True)}
        assert {"Hospital", "Person", "Project"} <= kinds
