"""Generate ``ns.py``, the Python vocabulary module, from the ontology's Turtle.

Vocabulary is code: every class and property the ontology declares becomes an attribute of a
``DefinedNamespace`` with ``_fail = True``, so a misspelt term fails when it is used instead of
silently minting a wrong IRI. The organization kinds (the ``ig:`` subclasses of
``org:Organization``) are generated too, as ``ORG_KIND_NAMES`` (re-exported by
:mod:`innograph.ontology.kinds`). Run it after editing ``innograph.ttl``::

    python -m innograph.ontology.generate          # rewrites ns.py next to this file
    python -m innograph.ontology.generate --check  # exit 1 if ns.py is out of date

The test suite runs ``--check``, so the module and the Turtle cannot disagree.
"""

from __future__ import annotations

import argparse
import keyword
import sys
from collections import defaultdict
from pathlib import Path

from rdflib import OWL, RDF, RDFS, SKOS, Graph, Literal, URIRef

HERE = Path(__file__).resolve().parent
ONTOLOGY = HERE / "innograph.ttl"
TARGET = HERE / "ns.py"

#: Python class name for each namespace the ontology may use, in output order.
NAMESPACES: dict[str, str] = {
    "https://w3id.org/innograph/ns#": "IG",
    "http://www.w3.org/ns/org#": "ORG",
    "http://xmlns.com/foaf/0.1/": "FOAF",
    "https://schema.org/": "SDO",
    "http://www.w3.org/ns/prov#": "PROV",
    "http://purl.org/dc/terms/": "DCTERMS",
    "http://www.w3.org/2004/02/skos/core#": "SKOS",
    "http://www.w3.org/2006/time#": "TIME",
}

DECLARING_TYPES = (
    OWL.Class,
    RDFS.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.SymmetricProperty,
    OWL.TransitiveProperty,
    OWL.FunctionalProperty,
    RDF.Property,
    SKOS.Concept,
    SKOS.ConceptScheme,
)


def declared_terms(graph: Graph) -> dict[str, dict[str, str]]:
    """Namespace IRI → {local name: English label} for every term the ontology declares."""
    found: dict[str, dict[str, str]] = defaultdict(dict)
    for kind in DECLARING_TYPES:
        for term in graph.subjects(RDF.type, kind):
            if not isinstance(term, URIRef):
                continue
            for ns in NAMESPACES:
                if str(term).startswith(ns):
                    local = str(term)[len(ns) :]
                    if local.isidentifier() and not keyword.iskeyword(local):
                        found[ns][local] = _english_label(graph, term)
                    break
    return found


def organization_kinds(graph: Graph) -> tuple[str, ...]:
    """Local names of the ig: classes declared direct subclasses of org:Organization, sorted."""
    ig, org = "https://w3id.org/innograph/ns#", URIRef("http://www.w3.org/ns/org#Organization")
    return tuple(sorted(str(c)[len(ig):] for c in graph.subjects(RDFS.subClassOf, org)
                        if isinstance(c, URIRef) and str(c).startswith(ig)))


def _english_label(graph: Graph, term: URIRef) -> str:
    for label in graph.objects(term, RDFS.label):
        if isinstance(label, Literal) and label.language == "en":
            return str(label)
    return ""


def render(terms: dict[str, dict[str, str]], org_kinds: tuple[str, ...] = ()) -> str:
    """The text of ns.py for the given terms (deterministic: sorted names)."""
    out = [
        '"""The innograph vocabulary as Python names. GENERATED from innograph.ttl: do not edit.',
        "",
        "Regenerate with ``python -m innograph.ontology.generate``. A term that the ontology does not",
        "declare raises AttributeError:",
        "",
        ">>> from innograph.ontology.ns import IG, ORG",
        ">>> str(ORG.memberOf)",
        "'http://www.w3.org/ns/org#memberOf'",
        ">>> IG.Hospitl",
        "Traceback (most recent call last):",
        "...",
        "AttributeError: term 'Hospitl' not in namespace 'https://w3id.org/innograph/ns#'",
        '"""',
        "",
        "from rdflib.namespace import DefinedNamespace, Namespace",
        "from rdflib.term import URIRef",
        "",
        f"__all__ = {[NAMESPACES[ns] for ns in NAMESPACES if terms.get(ns)] + ['ORG_KIND_NAMES']!r}",
        "",
        "#: The organization kinds: local names of the ig: subclasses of org:Organization.",
        f"ORG_KIND_NAMES = {tuple(org_kinds)!r}",
    ]
    for ns, name in NAMESPACES.items():
        if not terms.get(ns):
            continue
        out += ["", "", f"class {name}(DefinedNamespace):", f'    """Terms of <{ns}> used by innograph."""', ""]
        out.append("    _fail = True")
        out.append(f'    _NS = Namespace("{ns}")')
        out.append("")
        for local in sorted(terms[ns]):
            label = terms[ns][local].replace("\n", " ")
            out.append(f"    {local}: URIRef" + (f"  # {label}" if label else ""))
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="exit 1 if ns.py is out of date")
    args = parser.parse_args(argv)
    graph = Graph().parse(ONTOLOGY, format="turtle")
    text = render(declared_terms(graph), organization_kinds(graph))
    if args.check:
        current = TARGET.read_text(encoding="utf-8") if TARGET.exists() else ""
        if current != text:
            print(f"{TARGET} is out of date: run python -m innograph.ontology.generate", file=sys.stderr)
            return 1
        return 0
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
