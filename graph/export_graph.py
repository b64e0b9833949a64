"""The projection for other tools: a networkx graph, GraphML and GEXF (Gephi).

Nodes carry ``label``, ``kind`` and ``iri`` and, when the store is given and knows them,
``country``, ``city``, ``sme`` and their identifiers (``siren``, ``vat``, ``cordis_id``; a merged
node gathers those of every IRI merged into it). Edges, directed as the fact reads (member →
cluster, funder → funded, person → employer), carry ``kind``, ``weight``, ``count``, and when
known ``start`` and ``end`` dates (ISO), ``role`` (a participation's or membership's role, a
post's title) and ``amount`` with ``currency`` (the sum of the grants behind a funds edge; a
grant to an organization for a project counts on the funder → organization edge). Parallel
edges of different kinds are kept (keyed by kind).

>>> from innograph.examples import handmade_example
>>> from innograph.load import ingest
>>> from innograph.graph.store import KnowledgeGraph
>>> kg = KnowledgeGraph(); _ = ingest(kg, handmade_example())
>>> g = to_networkx(kg)
>>> g.nodes["https://w3id.org/innograph/id/organization/chu-de-rouen"]["kind"]
'Hospital'
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal, InvalidOperation

import pyoxigraph as ox
from rdflib.namespace import RDF

from innograph.errors import UsageError
from innograph.graph.projection import NODATE, COORDINATOR, FORMER, edge_filter, ordinal_iso
from innograph.ontology.kinds import JOB_TITLE, KINDS, ROLE
from innograph.ontology.ns import IG, ORG, SDO

GRAPH_FORMATS = ("graphml", "gexf")
_TYPE = ox.NamedNode(str(RDF.type))

#: Node attribute -> predicate of the node (identifiers) or of its schema:address.
_IDENTIFIERS = {"siren": IG.siren, "vat": IG.vatNumber, "cordis_id": IG.cordisId}
_ADDRESS = {"country": SDO.addressCountry, "city": SDO.addressLocality}


def to_networkx(kg=None, *, as_of=None, projection=None, weak: bool = True, exclude=None):
    """The projection as a ``networkx.MultiDiGraph`` keyed by IRI (``weak=False`` drops co-mentions).

    With `kg`, nodes and edges get the attributes the store knows (see the module's doc).
    """
    import networkx as nx

    from innograph.graph.projection import projection as project

    p = projection if projection is not None else project(kg)
    valid = edge_filter(p, as_of=as_of, exclude=exclude)
    store = getattr(kg, "store", kg) if kg is not None else None
    node_attrs = _node_attributes(store, p) if store is not None else {}
    edge_attrs = edge_attributes(store, p) if store is not None else {}
    g = nx.MultiDiGraph()
    for n in range(p.n_nodes):
        g.add_node(p.iris[n], label=p.labels[n], kind=p.kinds[n], **node_attrs.get(n, {}))
    weak_code = p.edge_kinds.index("co_mentioned")
    for e in range(p.n_edges):
        if not valid(e) or (not weak and p.ekind[e] == weak_code):
            continue
        kind = p.edge_kinds[p.ekind[e]]
        attrs = {"kind": kind, "weight": round(float(p.weight[e]), 6), "count": p.count[e]}
        if p.start[e] != NODATE:
            attrs["start"] = ordinal_iso(p.start[e])
        if p.end[e] != NODATE:
            attrs["end"] = ordinal_iso(p.end[e])
        if p.flags[e] & COORDINATOR:
            attrs["role"] = "coordinator"
        elif p.flags[e] & FORMER:
            attrs["role"] = "former"
        attrs.update(edge_attrs.get((p.src[e], p.dst[e], kind), {}))
        g.add_edge(p.iris[p.src[e]], p.iris[p.dst[e]], key=kind, **attrs)
    return g


def write_graph(p, stream, fmt: str, *, as_of=None, kg=None, exclude=None) -> tuple[int, int]:
    """Write projection `p` to the binary `stream` as GraphML or GEXF; return (nodes, edges).

    With `kg` (the store `p` was built from), nodes and edges carry the store's attributes too.
    """
    import networkx as nx

    if fmt not in GRAPH_FORMATS:
        raise UsageError(f"unknown graph format {fmt!r}; use one of: {', '.join(GRAPH_FORMATS)}")
    g = to_networkx(kg, projection=p, as_of=as_of, exclude=exclude)
    if fmt == "graphml":
        nx.write_graphml(g, stream, encoding="utf-8")
    else:
        nx.write_gexf(g, stream, encoding="utf-8")
    return g.number_of_nodes(), g.number_of_edges()


def _objects(store, predicate) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for q in store.quads_for_pattern(None, ox.NamedNode(str(predicate)), None, None):
        if q.object.value not in out[q.subject.value]:
            out[q.subject.value].append(q.object.value)
    return out


def _node_attributes(store, p) -> dict[int, dict]:
    """Country, city, SME and identifiers of the projection's nodes, from every IRI merged in."""
    attrs: dict[int, dict] = defaultdict(dict)

    def put(iri: str, name: str, values: list[str]) -> None:
        n = p.index(iri)
        if n is not None and values:
            known = attrs[n].get(name)
            merged = sorted({*(known.split("; ") if known else ()), *values})
            attrs[n][name] = "; ".join(merged)

    for name, predicate in _IDENTIFIERS.items():
        for iri, values in _objects(store, predicate).items():
            put(iri, name, values)
    addresses = _objects(store, SDO.address)
    for name, predicate in _ADDRESS.items():
        parts = _objects(store, predicate)
        for iri, found in addresses.items():
            put(iri, name, [v for a in found for v in parts.get(a, ())])
    sme = str(IG.SME)
    for iri, classes in _objects(store, ORG.classification).items():
        n = p.index(iri)
        if n is not None:
            attrs[n]["sme"] = attrs[n].get("sme", False) or sme in classes
    return attrs


def edge_attributes(store, p) -> dict[tuple[int, int, str], dict]:
    """Roles and grant amounts of the projection's edges, read from the fact nodes (GraphML export
    and the Neo4j push state them alike)."""
    out: dict[tuple[int, int, str], dict] = defaultdict(dict)
    titles = {**_objects(store, ROLE), **_objects(store, JOB_TITLE)}
    values = _objects(store, SDO.value)
    currencies = _objects(store, SDO.currency)
    amounts = _objects(store, SDO.amount)
    roles: dict[tuple[int, int, str], set[str]] = defaultdict(set)
    for kind in KINDS.values():
        if not (kind.projected and kind.node and kind.object_role) or kind.subject_role == kind.object_role:
            continue
        nodes = {q.subject.value for q in store.quads_for_pattern(None, _TYPE, ox.NamedNode(kind.node), None)}
        subjects, objects = _objects(store, kind.subject_role), _objects(store, kind.object_role)
        for f in nodes:
            ends = _ends(p, subjects.get(f, ()), objects.get(f, ()), kind.name == "funds")
            for u, v in ends:
                roles[(u, v, kind.name)].update(titles.get(f, ()))
                if kind.name == "funds":
                    _add_amount(out[(u, v, kind.name)], [x for m in amounts.get(f, ()) for x in values.get(m, ())],
                                [c for m in amounts.get(f, ()) for c in currencies.get(m, ())])
    for key, found in roles.items():
        if found:
            out[key]["role"] = "; ".join(sorted(found))
    return out


def _ends(p, subjects, objects, one_recipient: bool) -> list[tuple[int, int]]:
    """The edges a fact node stands for; a grant counts once: towards its organization when it
    names one (a participant's grant for a project), else towards its item."""
    ids = [(p.index(a), p.index(b)) for a in subjects for b in objects]
    ids = [(u, v) for u, v in ids if u is not None and v is not None and u != v]
    if one_recipient:
        to_orgs = [(u, v) for u, v in ids if p.is_organization(v)]
        ids = to_orgs[:1] or ids[:1]
    return ids


def _add_amount(rec: dict, amounts: list[str], currencies: list[str]) -> None:
    for text in amounts[:1]:
        try:
            value = Decimal(text)
        except InvalidOperation:
            continue
        rec["amount"] = float(Decimal(str(rec.get("amount", 0))) + value)
        rec.setdefault("currency", (currencies or ["EUR"])[0])


__all__ = ["to_networkx", "write_graph", "edge_attributes", "GRAPH_FORMATS"]
