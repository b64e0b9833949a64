"""What a loader hands to the graph (a payload) and what the graph says of a source (info)."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
from rdflib.namespace import RDFS

from innograph.ontology.ns import IG


SOURCES_TEMPLATE = """
SELECT ?g ?label ?path ?loader ?hash ?count ?at (GROUP_CONCAT(STR(?type); separator=" ") AS ?types)
WHERE {{
  GRAPH ?g {{
    {head}
    OPTIONAL {{ ?g <{label}> ?label }}
    OPTIONAL {{ ?g <{loader}> ?loader }}
    OPTIONAL {{ ?g <{hash}> ?hash }}
    OPTIONAL {{ ?g <{count}> ?count }}
    OPTIONAL {{ ?g <{at}> ?at }}
    OPTIONAL {{ ?g a ?type }}
  }}
}}
GROUP BY ?g ?label ?path ?loader ?hash ?count ?at
ORDER BY ?label ?g
"""
SOURCE_TERMS = dict(label=RDFS.label, loader=IG.loader, hash=IG.contentHash, count=IG.tripleCount, at=IG.loadedAt)
#: Every complete source.
SOURCES_QUERY = SOURCES_TEMPLATE.format(
    head=f"?g a <{IG.Source}> . OPTIONAL {{ ?g <{IG.sourcePath}> ?path }}", **SOURCE_TERMS)
#: The sources read from one origin (bound through `substitutions`: ?path), without listing them all.
SOURCES_FROM_QUERY = SOURCES_TEMPLATE.format(
    head=f"?g <{IG.sourcePath}> ?path ; a <{IG.Source}> .", **SOURCE_TERMS)
COMPLETE_QUERY = f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?g a <{IG.Source}> }} }}"


@dataclass
class SourcePayload:
    """One source as a loader produced it: where its data is, and how to describe it.

    Data comes either as a file to bulk-load (`file` + `format`, the fast path for RDF) or as
    `triples` (pyoxigraph triples or quads; their graph is replaced by the source's graph), or
    both. `description` adds (predicate, object) pairs about the source itself — headline, date,
    publisher — stored with the source.
    """

    iri: str
    label: str
    loader: str
    types: tuple[str, ...] = ()
    file: Path | None = None
    format: ox.RdfFormat | None = None
    base_iri: str | None = None
    triples: Iterable[ox.Triple | ox.Quad] | None = None
    content_hash: str | None = None
    description: list[tuple[ox.NamedNode, ox.Term]] = field(default_factory=list)
    #: Problems found while reading (bad rows skipped, as InputErrors naming file, line, column and
    #: value); a list the loader may still fill while the store consumes `triples`.
    problems: list = field(default_factory=list)


@dataclass(frozen=True)
class SourceInfo:
    """A source as stored: its named graph IRI, label, origin path and size."""

    iri: str
    label: str | None
    path: str | None
    loader: str | None
    triples: int
    loaded_at: str | None
    content_hash: str | None
    types: tuple[str, ...] = ()

    @classmethod
    def from_solution(cls, row) -> SourceInfo:
        def value(name: str) -> str | None:
            term = row[name]
            return None if term is None else str(term.value)

        count = value("count")
        return cls(
            iri=value("g") or "",
            label=value("label"),
            path=value("path"),
            loader=value("loader"),
            triples=int(count) if count is not None else 0,
            loaded_at=value("at"),
            content_hash=value("hash"),
            types=tuple(sorted(set((value("types") or "").split()))),
        )

    def as_dict(self) -> dict[str, object]:
        return {
            "iri": self.iri,
            "label": self.label,
            "path": self.path,
            "loader": self.loader,
            "triples": self.triples,
            "loaded_at": self.loaded_at,
            "content_hash": self.content_hash,
            "types": list(self.types),
        }


#: The named graph holding the ontology (the ontology's own IRI); part of the default graph, not a source.
ONTOLOGY_GRAPH = "https://w3id.org/innograph/ns"


@lru_cache(maxsize=1)
def ontology_hash() -> str:
    """SHA-256 of the package's ontology file (the store reloads its copy when this changes)."""
    from innograph.ontology import ontology_path

    return hashlib.sha256(ontology_path().read_bytes()).hexdigest()


@lru_cache(maxsize=1)
def ontology_triples() -> tuple[ox.Triple, ...]:
    """The package's ontology (``ontology/innograph.ttl``) as triples, parsed once per process."""
    from innograph.ontology import ontology_path

    return tuple(ox.parse(path=str(ontology_path()), format=ox.RdfFormat.TURTLE))


@lru_cache(maxsize=1)
def ontology_quads() -> tuple[ox.Quad, ...]:
    """What a new store holds of the ontology: its graph (with the content-hash mark) and the
    same triples in the default graph."""
    graph = ox.NamedNode(ONTOLOGY_GRAPH)
    mark = ox.Triple(graph, ox.NamedNode("https://w3id.org/innograph/ns#contentHash"), ox.Literal(ontology_hash()))
    triples = (*ontology_triples(), mark)
    return tuple(ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples) + tuple(
        ox.Quad(t.subject, t.predicate, t.object, ox.DefaultGraph()) for t in triples)
