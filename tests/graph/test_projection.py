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
from innograph.graph.projection import cache_path, context_hubs, edge_filter, fingerprint, projection
from innograph.graph.sources import SourcePayload
from innograph.graph.store import KnowledgeGraph
from innograph.errors import UsageError
from innograph.graph.projection import ordinal_iso
from innograph.ontology.ns import IG, SDO
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
    g = to_networkx(kg)
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


def cordis_like(kg, projects: int = 30):
    """A programme funder granting every participant of every project, and two regional ties."""
    w = FactWriter("https://w3id.org/innograph/source/programme")
    commission = w.organization("Programme Funder", kind="PublicAuthority")
    region = w.organization("Region Test", kind="PublicAuthority")
    orgs = [w.organization(f"Org {i}", kind="Company") for i in range(projects + 1)]
    for i in range(projects):
        year = 2010 + i % 10
        project = w.project(f"P{i}", start=f"{year}-03-01", end=f"{year + 1}-06-30")
        for org in (orgs[i], orgs[i + 1]):
            part = w.participation(org, project, role="coordinator" if org is orgs[i] else "participant")
            grant = w.grant(commission, org, amount="1000.50", iri=part.value + "-grant")
            w.add(grant, ox.NamedNode(str(SDO.fundedItem)), project)
            w.add(project, ox.NamedNode(str(SDO.funder)), commission)
    w.grant(region, orgs[0], amount=500)
    load(kg, w, "programme")
    return w, orgs


def test_participations_take_their_project_period_and_as_of_is_a_period(kg):
    cordis_like(kg)
    p = projection(kg)
    part = p.edge_kinds.index("participates_in")
    spans = {p.labels[p.dst[e]]: (ordinal_iso(p.start[e]), ordinal_iso(p.end[e]))
             for e in range(p.n_edges) if p.ekind[e] == part}
    assert spans["P0"] == ("2010-03-01", "2011-06-30")
    funds = p.edge_kinds.index("funds")
    grant = next(e for e in range(p.n_edges) if p.ekind[e] == funds and p.labels[p.dst[e]] == "Org 1"
                 and p.labels[p.src[e]] == "Programme Funder")  # Org 1's grants for P0 and P1
    assert (ordinal_iso(p.start[grant]), ordinal_iso(p.end[grant])) == ("2010-03-01", "2012-06-30")
    valid = edge_filter(p, as_of="2016")  # a year: every project running at some time in 2016
    running = {p.labels[p.dst[e]] for e in range(p.n_edges) if p.ekind[e] == part and valid(e)}
    assert running == {f"P{i}" for i in range(30) if 2010 + i % 10 in (2015, 2016)}
    on_day = edge_filter(p, as_of="2016-01-15")
    assert {p.labels[p.dst[e]] for e in range(p.n_edges) if p.ekind[e] == part and on_day(e)} == {
        f"P{i}" for i in range(30) if 2010 + i % 10 == 2015}
    with pytest.raises(UsageError):
        edge_filter(p, as_of="soon")


def test_a_programme_funder_is_context_and_can_be_excluded(kg):
    cordis_like(kg)
    p = projection(kg)
    hubs = context_hubs(p)
    assert {p.labels[n] for n in hubs} == {"Programme Funder"}  # the region funds one: a tie
    valid = edge_filter(p, exclude=hubs)
    touching = [e for e in range(p.n_edges) if hubs & {p.src[e], p.dst[e]}]
    assert touching and not any(valid(e) for e in touching)
    no_projects = edge_filter(p, exclude=["project", "funds"])
    assert not any(no_projects(e) for e in range(p.n_edges))  # every edge is funds or to a project
    with pytest.raises(UsageError):
        edge_filter(p, exclude=["nothing"])


def test_edge_keys_round_trip_and_nothing_is_kept_on_the_store(kg, example):
    ingest(kg, example)
    p = projection(kg)
    assert all(p.edge(p.key(e)) == e for e in range(p.n_edges))
    assert p.edge(("https://example.org/none", "funds", p.iris[0])) is None
    assert not any(k.startswith("_innograph") for k in vars(kg))


def test_graphml_carries_the_store_attributes(kg):
    w, orgs = cordis_like(kg)
    w2 = FactWriter("https://w3id.org/innograph/source/address")
    org = w2.organization("Org 0", kind="Company", iri=orgs[0].value, vat="FR40303265045", classification=("SME",))
    w2.address(org, locality="Rouen", country="FR")
    load(kg, w2, "address")
    buffer = io.BytesIO()
    write_graph(projection(kg), buffer, "graphml", kg=kg)
    g = nx.read_graphml(io.BytesIO(buffer.getvalue()), force_multigraph=True)
    node = g.nodes[orgs[0].value]
    assert (node["country"], node["city"], node["vat"], node["sme"]) == ("FR", "Rouen", "FR40303265045", True)
    funder = next(n for n, d in g.nodes(data=True) if d["label"] == "Programme Funder")
    def edge(a, b, kind):
        return next(d for d in g.get_edge_data(a, b).values() if d["kind"] == kind)

    grant = edge(funder, orgs[1].value, "funds")
    assert grant["amount"] == pytest.approx(2001.0) and grant["currency"] == "EUR"
    project = next(n for n, d in g.nodes(data=True) if d["label"] == "P0")
    part = edge(orgs[0].value, project, "participates_in")
    assert (part["role"], part["start"], part["end"]) == ("coordinator", "2010-03-01", "2011-06-30")
    assert "amount" not in edge(funder, project, "funds")  # counted towards the grantee


def test_resolution_names_the_node_and_its_kind(kg):
    """ig:canonical and ig:canonicalKind (written by resolve) pick the IRI and kind of a merged node."""
    w = FactWriter("https://w3id.org/innograph/source/canonical")
    cordis = w.organization("Hospices Test", kind="PublicAuthority", iri="https://example.org/org/cordis/1")
    siren = w.organization("HOSPICES TEST", kind="PublicAuthority", iri="https://example.org/org/siren/2")
    cluster = w.organization("Cluster", kind="Cluster")
    w.membership(cordis, cluster)
    for iri in (cordis, siren):
        w.add(iri, ox.NamedNode(str(IG.canonical)), siren)
    w.add(siren, ox.NamedNode(str(IG.canonicalKind)), ox.NamedNode(str(IG.Hospital)))
    load(kg, w, "canonical")
    p = projection(kg)
    node = p.index(cordis.value)
    assert node == p.index(siren.value) and p.iris[node] == siren.value and p.kinds[node] == "Hospital"
    assert (p.iris[node], "member_of", cluster.value) in {p.key(e) for e in range(p.n_edges)}
