"""The ontology (ontology/innograph.ttl) and the SHACL shapes (ontology/shapes.ttl).

Checks that both files parse, that every declared term is labelled in English and French, that
every term docs/ontology.md promises is declared, and that the shapes accept well-formed core
things and report malformed ones, validating as users do:
``pyshacl.validate(data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs")``.
"""

import re
from pathlib import Path

import pytest
from rdflib import DCTERMS, OWL, RDF, RDFS, SH, SKOS, Graph, Literal, Namespace, URIRef

pyshacl = pytest.importorskip("pyshacl")

ROOT = Path(__file__).parents[2]
ONTOLOGY_DIR = ROOT / "ontology"
ONTOLOGY_TTL = ONTOLOGY_DIR / "innograph.ttl"
SHAPES_TTL = ONTOLOGY_DIR / "shapes.ttl"
# The data-model contract: the project's copy if it has one, else the shared one.
ONTOLOGY_MD_CANDIDATES = (ROOT / "docs" / "ontology.md", Path("/work/shared/docs/ontology.md"))

IG = Namespace("https://w3id.org/innograph/ns#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
EX = Namespace("https://example.org/")

DECLARATION_TYPES = (
    OWL.Class,
    OWL.ObjectProperty,
    OWL.DatatypeProperty,
    OWL.AnnotationProperty,
    OWL.SymmetricProperty,
    RDF.Property,
)
# Meta-vocabulary used by the contract itself (rdfs:label, rdfs:subClassOf, xsd:date): not declared.
UNDECLARED_PREFIXES = {"rdf", "rdfs", "owl", "xsd"}

PREFIXES = """
@prefix rdfs:    <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
@prefix dcterms: <http://purl.org/dc/terms/> .
@prefix org:     <http://www.w3.org/ns/org#> .
@prefix foaf:    <http://xmlns.com/foaf/0.1/> .
@prefix schema:  <https://schema.org/> .
@prefix prov:    <http://www.w3.org/ns/prov#> .
@prefix skos:    <http://www.w3.org/2004/02/skos/core#> .
@prefix time:    <http://www.w3.org/2006/time#> .
@prefix ig:      <https://w3id.org/innograph/ns#> .
@prefix ex:      <https://example.org/> .
"""

# Things every example below can refer to; valid on their own.
CONTEXT = """
ex:article a schema:NewsArticle , ig:Source ;
    schema:headline "L'hôpital rejoint le cluster"@fr ;
    schema:datePublished "2020-01-22"^^xsd:date ;
    schema:publisher ex:outlet ;
    schema:inLanguage "fr" .
ex:outlet a org:Organization , ig:MediaOutlet ; rdfs:label "Journal Exemple" .
ex:hospital a org:Organization , ig:Hospital ;
    rdfs:label "Hôpital Exemple"@fr ;
    skos:altLabel "HE" .
ex:cluster a org:Organization , org:OrganizationalCollaboration , ig:Cluster ;
    rdfs:label "Cluster Exemple" .
ex:authority a org:Organization , ig:PublicAuthority ; rdfs:label "Métropole Exemple"@fr .
ex:jeanne a foaf:Person ; rdfs:label "Jeanne Exemple" ; foaf:name "Jeanne Exemple" .
ex:project a ig:Project ; rdfs:label "Plateforme Exemple" .
"""

# A conforming example of each core thing (with the provenance every fact node carries).
CONFORMING = {
    "organization": """
        ex:company a org:Organization , ig:Company ;
            rdfs:label "Exemple Industries" ;
            skos:altLabel "EXI" , "Exemple Industries SA" ;
            org:classification ig:SME ;
            ig:siren "056800659" ;
            ig:vatNumber "FR12056800659" ;
            schema:location ex:town .
        ex:town a schema:Place ; rdfs:label "Villeexemple" .
    """,
    "person": """
        ex:paul a foaf:Person ;
            rdfs:label "Paul Exemple" ;
            foaf:name "Paul Exemple" , "Paul EXEMPLE" .
    """,
    "post": """
        ex:post a org:Post ;
            org:heldBy ex:jeanne ;
            org:postIn ex:hospital ;
            schema:jobTitle "directrice générale adjointe"@fr ;
            ig:current false ;
            prov:wasDerivedFrom ex:article ;
            ig:evidence "assure Jeanne Exemple, directrice générale adjointe"@fr ;
            ig:charStart 120 ; ig:charEnd 190 ; ig:confidence 0.9 .
        ex:jeanne schema:worksFor ex:hospital .
    """,
    "membership": """
        ex:hospital org:memberOf ex:cluster . ex:cluster org:hasMember ex:hospital .
        ex:membership a org:Membership ;
            org:member ex:hospital ;
            org:organization ex:cluster ;
            org:memberDuring [ a time:Interval ;
                time:hasBeginning [ a time:Instant ; time:inXSDDate "2020-01-16"^^xsd:date ] ] ;
            prov:wasDerivedFrom ex:article ;
            ig:evidence "l'Hôpital Exemple a officiellement intégré le cluster"@fr .
    """,
    "participation": """
        ex:hospital ig:participatesIn ex:project .
        ex:participation a ig:Participation ;
            ig:participant ex:hospital ; org:member ex:hospital ;
            ig:project ex:project ; org:organization ex:project ;
            org:role ex:coordinator ;
            prov:wasDerivedFrom ex:cordis ;
            ig:evidence "organizations.csv, row 12" .
        ex:cordis a schema:Dataset , ig:Source .
    """,
    "grant": """
        ex:project schema:funder ex:authority .
        ex:grant a schema:MonetaryGrant ;
            schema:funder ex:authority ;
            schema:fundedItem ex:project ;
            schema:amount [ a schema:MonetaryAmount ;
                schema:value "500000"^^xsd:decimal ; schema:currency "EUR" ] ;
            prov:wasDerivedFrom ex:article ;
            ig:evidence "financée à hauteur de 500 000 €"@fr .
    """,
    "agreement": """
        ex:authority ig:partnerOf ex:hospital . ex:hospital ig:partnerOf ex:authority .
        ex:agreement a ig:Agreement ;
            rdfs:label "Convention cadre"@fr ;
            ig:party ex:authority , ex:hospital ;
            dcterms:date "2016-07"^^xsd:gYearMonth ;
            prov:wasDerivedFrom ex:article ;
            ig:evidence "ont signé en juillet 2016 une convention cadre"@fr .
    """,
    "quotation": """
        ex:quote a schema:Quotation ;
            schema:text "C'est un grand jour"@fr ;
            schema:creator ex:jeanne ;
            schema:isPartOf ex:article ;
            prov:wasDerivedFrom ex:article ;
            ig:evidence "« C'est un grand jour », assure Jeanne Exemple"@fr .
    """,
    "event": """
        ex:fair a schema:Event ;
            rdfs:label "Salon Exemple" ;
            schema:startDate "2020-07-01"^^xsd:date ;
            schema:endDate "2020-07-02"^^xsd:date ;
            schema:organizer ex:authority ;
            schema:location ex:hospital ;
            schema:attendee ex:jeanne .
    """,
    "article": """
        ex:article2 a schema:NewsArticle , ig:Source ;
            schema:headline "La métropole soutient l'innovation"@fr ;
            schema:datePublished "2017-02-24T08:00:00Z"^^xsd:dateTime ;
            schema:author ex:jeanne ;
            schema:mentions ex:hospital ;
            schema:isPartOf ex:file .
    """,
    "source": """
        ex:file a ig:Source , schema:Dataset ;
            ig:sourcePath "corpus/seeds/000.txt" ;
            ig:contentHash "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" ;
            ig:tripleCount 42 ;
            ig:loader "press" ;
            ig:loadedAt "2024-05-01T12:00:00Z"^^xsd:dateTime .
    """,
    "merge": """
        ex:merge a ig:Merge ;
            ig:mergedFrom ex:hospital-old ;
            ig:mergedInto ex:hospital ;
            ig:mergeRule "siren" ;
            ig:confidence 1.0 .
    """,
}

# Malformed examples: (id, Turtle, focus node, result path that must be reported).
VIOLATIONS = [
    (
        "post-without-heldBy",
        """ex:post a org:Post ; org:postIn ex:hospital ; schema:jobTitle "directeur" ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.post,
        ORG.heldBy,
    ),
    (
        "post-held-by-an-organization",
        """ex:post a org:Post ; org:heldBy ex:authority ; org:postIn ex:hospital ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.post,
        ORG.heldBy,
    ),
    (
        "post-with-two-current-values",
        """ex:post a org:Post ; org:heldBy ex:jeanne ; org:postIn ex:hospital ;
               ig:current true , false ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.post,
        IG.current,
    ),
    (
        "organization-with-two-labels",
        """ex:company a ig:Company ; rdfs:label "Exemple Industries" , "EXI" .""",
        EX.company,
        RDFS.label,
    ),
    (
        "organization-without-label",
        """ex:company a ig:Company ; skos:altLabel "EXI" .""",
        EX.company,
        RDFS.label,
    ),
    (
        "siren-missing-leading-zero",
        """ex:company a ig:Company ; rdfs:label "Exemple Industries" ; ig:siren "56800659" .""",
        EX.company,
        IG.siren,
    ),
    (
        "classification-as-string",
        """ex:company a ig:Company ; rdfs:label "Exemple Industries" ;
               org:classification "PME" .""",
        EX.company,
        ORG.classification,
    ),
    (
        "person-without-label",
        """ex:paul a foaf:Person ; foaf:name "Paul Exemple" .""",
        EX.paul,
        RDFS.label,
    ),
    (
        "amount-with-string-value",
        """ex:amount a schema:MonetaryAmount ; schema:value "500000" ; schema:currency "EUR" .""",
        EX.amount,
        SCHEMA.value,
    ),
    (
        "amount-with-integer-value",
        """ex:amount a schema:MonetaryAmount ; schema:value 500000 ; schema:currency "EUR" .""",
        EX.amount,
        SCHEMA.value,
    ),
    (
        "amount-in-euro-not-EUR",
        """ex:amount a schema:MonetaryAmount ; schema:value 500000.0 ; schema:currency "euro" .""",
        EX.amount,
        SCHEMA.currency,
    ),
    (
        "grant-without-funder",
        """ex:grant a schema:MonetaryGrant ; schema:fundedItem ex:project ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.grant,
        SCHEMA.funder,
    ),
    (
        "grant-amount-as-number",
        """ex:grant a schema:MonetaryGrant ; schema:funder ex:authority ; schema:amount 500000.0 ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.grant,
        SCHEMA.amount,
    ),
    (
        "agreement-with-one-party",
        """ex:agreement a ig:Agreement ; ig:party ex:authority ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.agreement,
        IG.party,
    ),
    (
        "membership-without-member",
        """ex:membership a org:Membership ; org:organization ex:cluster ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.membership,
        ORG.member,
    ),
    (
        "membership-during-a-date",
        """ex:membership a org:Membership ; org:member ex:hospital ; org:organization ex:cluster ;
               org:memberDuring "2020-01-16"^^xsd:date ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.membership,
        ORG.memberDuring,
    ),
    (
        "participation-without-project",
        """ex:participation a ig:Participation ; ig:participant ex:hospital ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.participation,
        IG.project,
    ),
    (
        "quotation-without-creator",
        """ex:quote a schema:Quotation ; schema:text "C'est un grand jour" ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." .""",
        EX.quote,
        SCHEMA.creator,
    ),
    (
        "event-ending-before-it-starts",
        """ex:fair a schema:Event ; schema:startDate "2020-07-02"^^xsd:date ;
               schema:endDate "2020-07-01"^^xsd:date .""",
        EX.fair,
        SCHEMA.startDate,
    ),
    (
        "event-date-as-string",
        """ex:fair a schema:Event ; schema:startDate "1er juillet 2020" .""",
        EX.fair,
        SCHEMA.startDate,
    ),
    (
        "article-date-as-string",
        """ex:article2 a schema:NewsArticle ; schema:headline "Titre" ;
               schema:datePublished "22/01/2020" .""",
        EX.article2,
        SCHEMA.datePublished,
    ),
    (
        "article-with-two-headlines",
        """ex:article2 a schema:NewsArticle ; schema:headline "Titre" , "Autre titre" .""",
        EX.article2,
        SCHEMA.headline,
    ),
    (
        "fact-without-source",
        """ex:quote a schema:Quotation ; schema:text "C'est un grand jour" ;
               schema:creator ex:jeanne ;
               ig:evidence "..." .""",
        EX.quote,
        PROV.wasDerivedFrom,
    ),
    (
        "confidence-above-one",
        """ex:quote a schema:Quotation ; schema:text "C'est un grand jour" ;
               schema:creator ex:jeanne ;
               prov:wasDerivedFrom ex:article ; ig:evidence "..." ; ig:confidence 1.5 .""",
        EX.quote,
        IG.confidence,
    ),
    (
        "source-with-short-hash",
        """ex:file a ig:Source ; ig:contentHash "e3b0c442" .""",
        EX.file,
        IG.contentHash,
    ),
]


@pytest.fixture(scope="module")
def ontology():
    return Graph().parse(ONTOLOGY_TTL, format="turtle")


@pytest.fixture(scope="module")
def shapes():
    return Graph().parse(SHAPES_TTL, format="turtle")


@pytest.fixture
def validate(ontology, shapes):
    """Validate CONTEXT plus a Turtle snippet; return (conforms, results graph, results text)."""

    def _validate(snippet, **options):
        data = Graph().parse(data=PREFIXES + CONTEXT + snippet, format="turtle")
        return pyshacl.validate(
            data, shacl_graph=shapes, ont_graph=ontology, inference="rdfs", **options
        )

    return _validate


def results(report):
    """(focus node, result path, severity) of every result in a validation report graph."""
    return {
        (
            report.value(r, SH.focusNode),
            report.value(r, SH.resultPath),
            report.value(r, SH.resultSeverity),
        )
        for r in report.subjects(RDF.type, SH.ValidationResult)
    }


# --- Both files parse, with rdflib and with Oxigraph -------------------------------------------


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_parses_with_rdflib(path):
    assert len(Graph().parse(path, format="turtle")) > 0


@pytest.mark.parametrize("path", [ONTOLOGY_TTL, SHAPES_TTL], ids=lambda p: p.name)
def test_parses_with_oxigraph(path):
    pyoxigraph = pytest.importorskip("pyoxigraph")
    assert len(list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))) > 0


# --- The ontology --------------------------------------------------------------------------------


def declared_terms(graph):
    return {term for kind in DECLARATION_TYPES for term in graph.subjects(RDF.type, kind)}


def test_ontology_header(ontology):
    header = URIRef("https://w3id.org/innograph/ns")
    assert (header, RDF.type, OWL.Ontology) in ontology
    assert ontology.value(header, OWL.versionInfo) == Literal("0.1.0")
    for prop in (DCTERMS.title, DCTERMS.description, RDFS.comment):
        assert {o.language for o in ontology.objects(header, prop)} >= {"en", "fr"}, prop


def test_every_declared_term_is_labelled_in_english_and_french(ontology):
    terms = declared_terms(ontology)
    assert len(terms) > 50
    problems = []
    for term in sorted(terms):
        languages = {label.language for label in ontology.objects(term, RDFS.label)}
        missing = {"en", "fr"} - languages
        if missing:
            problems.append(f"{term}: no rdfs:label in {sorted(missing)}")
        if not any(ontology.objects(term, RDFS.comment)):
            problems.append(f"{term}: no rdfs:comment")
        if ontology.value(term, RDFS.isDefinedBy) is None:
            problems.append(f"{term}: no rdfs:isDefinedBy")
    assert not problems, "\n".join(problems)


def test_classification_concepts_are_in_the_scheme(ontology):
    for concept in (IG.SME, IG.LargeBuyer, IG.StartUp):
        assert (concept, SKOS.inScheme, IG.OrganizationClassification) in ontology
        languages = {label.language for label in ontology.objects(concept, SKOS.prefLabel)}
        assert languages >= {"en", "fr"}, concept


def contract_terms(text, ig_namespace):
    """The `prefix:Local` terms named in backticks in ontology.md, as IRIs."""
    namespaces = dict(re.findall(r"`(\w+):`\s+(\S+)", text))
    namespaces["ig"] = ig_namespace
    terms = set()
    for span in re.findall(r"`([^`]+)`", text):
        for prefix, local in re.findall(r"(?<![\w/#])([a-z]+):([A-Za-z][\w-]*)", span):
            if prefix in UNDECLARED_PREFIXES:
                continue
            assert prefix in namespaces, f"ontology.md uses the undeclared prefix {prefix}:"
            terms.add((f"{prefix}:{local}", URIRef(namespaces[prefix] + local)))
    return terms


def test_every_term_of_the_contract_is_declared(ontology):
    doc = next((p for p in ONTOLOGY_MD_CANDIDATES if p.is_file()), None)
    if doc is None:
        pytest.skip("docs/ontology.md not found")
    terms = contract_terms(doc.read_text(encoding="utf-8"), str(IG))
    assert len(terms) > 40, "could not read the terms out of ontology.md"
    declared = declared_terms(ontology)
    missing = sorted(curie for curie, iri in terms if iri not in declared)
    assert not missing, f"named in {doc} but not declared in innograph.ttl: {missing}"


# --- The shapes ----------------------------------------------------------------------------------


def test_context_alone_conforms(validate):
    conforms, report, text = validate("")
    assert conforms, text


@pytest.mark.parametrize("snippet", CONFORMING.values(), ids=CONFORMING.keys())
def test_conforming_examples_conform(validate, snippet):
    conforms, report, text = validate(snippet)
    assert conforms, text


@pytest.mark.parametrize(
    ("snippet", "focus", "path"),
    [case[1:] for case in VIOLATIONS],
    ids=[case[0] for case in VIOLATIONS],
)
def test_malformed_examples_are_reported(validate, snippet, focus, path):
    conforms, report, text = validate(snippet)
    assert not conforms
    assert (focus, path, SH.Violation) in results(report), text


def test_post_without_holder_report_names_heldBy(validate):
    snippet = VIOLATIONS[0][1]
    conforms, report, text = validate(snippet)
    assert not conforms
    assert "org:heldBy" in text  # the report text shows the result path
    assert results(report) == {(EX.post, ORG.heldBy, SH.Violation)}, text


def test_missing_evidence_is_a_warning_only(validate):
    snippet = """ex:agreement a ig:Agreement ; ig:party ex:authority , ex:hospital ;
                     prov:wasDerivedFrom ex:article ."""
    conforms, report, text = validate(snippet)
    assert results(report) == {(EX.agreement, IG.evidence, SH.Warning)}, text
    conforms, report, text = validate(snippet, allow_warnings=True)
    assert conforms, text


def test_participation_counts_as_membership(validate):
    # An ig:Participation is an org:Membership whose ig:participant / ig:project are its
    # org:member / org:organization under RDFS inference: the membership shape is satisfied.
    snippet = """ex:participation a ig:Participation ; ig:project ex:project ;
                     prov:wasDerivedFrom ex:article ; ig:evidence "..." ."""
    conforms, report, text = validate(snippet)
    found = results(report)
    assert (EX.participation, ORG.member, SH.Violation) in found, text
    assert (EX.participation, ORG.organization, SH.Violation) not in found, text
