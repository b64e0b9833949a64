"""The innograph ontology: Turtle terms, SHACL shapes, and the generated Python namespace.

>>> ontology_path().name
'innograph.ttl'
>>> from innograph.ontology import IG
>>> str(IG.Hospital)
'https://w3id.org/innograph/ns#Hospital'
"""

from __future__ import annotations

from pathlib import Path

from innograph.ontology.ns import DCTERMS, FOAF, IG, ORG, PROV, SDO, SKOS, TIME

HERE = Path(__file__).resolve().parent

#: The ontology's namespace IRI, published with ``innograph.ttl``.
NAMESPACE = "https://w3id.org/innograph/ns#"

#: Prefixes used for display and serialization.
PREFIXES: dict[str, str] = {
    "ig": NAMESPACE,
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "owl": "http://www.w3.org/2002/07/owl#",
}


def ontology_path() -> Path:
    """Path of the ontology's Turtle file."""
    return HERE / "innograph.ttl"


def shapes_path() -> Path:
    """Path of the SHACL shapes' Turtle file."""
    return HERE / "shapes.ttl"


def shorten(iri: str) -> str:
    """A prefixed name for display when a known prefix fits, else the IRI.

    >>> shorten("http://www.w3.org/ns/org#memberOf")
    'org:memberOf'
    """
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns) and iri[len(ns):].replace("_", "").replace("-", "").isalnum():
            return f"{prefix}:{iri[len(ns):]}"
    return iri


__all__ = [
    "DCTERMS", "FOAF", "IG", "ORG", "PROV", "SDO", "SKOS", "TIME",
    "NAMESPACE", "PREFIXES", "ontology_path", "shapes_path", "shorten",
]
