"""The innograph vocabulary as Python names. GENERATED from innograph.ttl: do not edit.

Regenerate with ``python -m innograph.ontology.generate``. A term that the ontology does not
declare raises AttributeError:

>>> from innograph.ontology.ns import IG, ORG
>>> str(ORG.memberOf)
'http://www.w3.org/ns/org#memberOf'
>>> IG.Hospitl
Traceback (most recent call last):
...
AttributeError: term 'Hospitl' not in namespace 'https://w3id.org/innograph/ns#'
"""

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

__all__ = ['IG', 'ORG', 'FOAF', 'SDO', 'PROV', 'DCTERMS', 'SKOS', 'TIME', 'ORG_KIND_NAMES']

#: The organization kinds: local names of the ig: subclasses of org:Organization.
ORG_KIND_NAMES = ('ChamberOfCommerce', 'Cluster', 'Company', 'Hospital', 'MediaOutlet', 'PublicAuthority', 'ResearchCentre', 'TrainingCentre', 'University')


class IG(DefinedNamespace):
    """Terms of <https://w3id.org/innograph/ns#> used by innograph."""

    _fail = True
    _NS = Namespace("https://w3id.org/innograph/ns#")

    Agreement: URIRef  # Agreement
    ChamberOfCommerce: URIRef  # Chamber of commerce
    Cluster: URIRef  # Cluster
    Company: URIRef  # Company
    CordisTopic: URIRef  # CORDIS topics
    Hospital: URIRef  # Hospital
    IntermediateSizedCompany: URIRef
    LargeBuyer: URIRef
    LargeCompany: URIRef
    MediaOutlet: URIRef  # Media outlet
    Merge: URIRef  # Merge decision
    MergeCandidate: URIRef  # Merge candidate
    NAFActivity: URIRef  # NAF rev. 2 activities
    OrganizationClassification: URIRef  # Organization classification
    Participation: URIRef  # Project participation
    Project: URIRef  # Project, platform or programme
    PublicAuthority: URIRef  # Public authority
    ResearchCentre: URIRef  # Research centre
    SME: URIRef
    Sector: URIRef  # Sectors
    Source: URIRef  # Source
    StartUp: URIRef
    TrainingCentre: URIRef  # Training centre
    University: URIRef  # University
    canonical: URIRef  # canonical IRI
    canonicalKind: URIRef  # canonical kind
    charEnd: URIRef  # character end
    charStart: URIRef  # character start
    confidence: URIRef  # confidence
    contentHash: URIRef  # content hash
    cordisId: URIRef  # CORDIS identifier
    current: URIRef  # current
    decision: URIRef  # decision
    ecContribution: URIRef  # EC contribution
    ecMaxContribution: URIRef  # EC maximum contribution
    evidence: URIRef  # evidence
    fundingScheme: URIRef  # funding scheme
    kind: URIRef  # fact kind
    loadedAt: URIRef  # loaded at
    loader: URIRef  # loader
    mergeRule: URIRef  # merge rule
    mergedFrom: URIRef  # merged from
    mergedInto: URIRef  # merged into
    mergedName: URIRef  # merged name
    participant: URIRef  # participant
    participatesIn: URIRef  # participates in
    partnerOf: URIRef  # partner of
    party: URIRef  # party
    project: URIRef  # project
    projectStatus: URIRef  # project status
    siren: URIRef  # SIREN number
    sourcePath: URIRef  # source path
    totalCost: URIRef  # total cost
    tripleCount: URIRef  # triple count
    vatNumber: URIRef  # VAT number


class ORG(DefinedNamespace):
    """Terms of <http://www.w3.org/ns/org#> used by innograph."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/org#")

    Membership: URIRef  # Membership
    Organization: URIRef  # Organization
    OrganizationalCollaboration: URIRef  # Organizational collaboration
    Post: URIRef  # Post
    classification: URIRef  # classification
    hasMember: URIRef  # has member
    heldBy: URIRef  # held by
    member: URIRef  # member
    memberDuring: URIRef  # member during
    memberOf: URIRef  # member of
    organization: URIRef  # organization
    postIn: URIRef  # post in
    role: URIRef  # role


class FOAF(DefinedNamespace):
    """Terms of <http://xmlns.com/foaf/0.1/> used by innograph."""

    _fail = True
    _NS = Namespace("http://xmlns.com/foaf/0.1/")

    Person: URIRef  # Person
    name: URIRef  # name


class SDO(DefinedNamespace):
    """Terms of <https://schema.org/> used by innograph."""

    _fail = True
    _NS = Namespace("https://schema.org/")

    Dataset: URIRef  # Dataset
    Event: URIRef  # Event
    MonetaryAmount: URIRef  # Monetary amount
    MonetaryGrant: URIRef  # Monetary grant
    NewsArticle: URIRef  # News article
    Place: URIRef  # Place
    PostalAddress: URIRef  # Postal address
    Project: URIRef  # Project
    QuantitativeValue: URIRef  # Quantitative value
    Quotation: URIRef  # Quotation
    address: URIRef  # address
    addressCountry: URIRef  # country
    addressLocality: URIRef  # locality
    amount: URIRef  # amount
    attendee: URIRef  # attendee
    author: URIRef  # author
    creator: URIRef  # creator
    currency: URIRef  # currency
    datePublished: URIRef  # date published
    description: URIRef  # description
    endDate: URIRef  # end date
    founder: URIRef  # founder
    fundedItem: URIRef  # funded item
    funder: URIRef  # funder
    headline: URIRef  # headline
    inLanguage: URIRef  # in language
    isPartOf: URIRef  # is part of
    jobTitle: URIRef  # job title
    location: URIRef  # location
    maxValue: URIRef  # maximum value
    mentions: URIRef  # mentions
    minValue: URIRef  # minimum value
    name: URIRef  # name
    numberOfEmployees: URIRef  # number of employees
    organizer: URIRef  # organizer
    postalCode: URIRef  # postal code
    publisher: URIRef  # publisher
    sponsor: URIRef  # sponsor
    startDate: URIRef  # start date
    streetAddress: URIRef  # street address
    text: URIRef  # text
    url: URIRef  # URL
    value: URIRef  # value
    worksFor: URIRef  # works for


class PROV(DefinedNamespace):
    """Terms of <http://www.w3.org/ns/prov#> used by innograph."""

    _fail = True
    _NS = Namespace("http://www.w3.org/ns/prov#")

    wasDerivedFrom: URIRef  # was derived from


class DCTERMS(DefinedNamespace):
    """Terms of <http://purl.org/dc/terms/> used by innograph."""

    _fail = True
    _NS = Namespace("http://purl.org/dc/terms/")

    date: URIRef  # date
    source: URIRef  # source
    subject: URIRef  # subject


class SKOS(DefinedNamespace):
    """Terms of <http://www.w3.org/2004/02/skos/core#> used by innograph."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2004/02/skos/core#")

    Concept: URIRef  # Concept
    ConceptScheme: URIRef  # Concept scheme
    altLabel: URIRef  # alternative label
    inScheme: URIRef  # in scheme
    notation: URIRef  # notation
    prefLabel: URIRef  # preferred label


class TIME(DefinedNamespace):
    """Terms of <http://www.w3.org/2006/time#> used by innograph."""

    _fail = True
    _NS = Namespace("http://www.w3.org/2006/time#")

    Instant: URIRef  # Instant
    Interval: URIRef  # Time interval
    hasBeginning: URIRef  # has beginning
    hasEnd: URIRef  # has end
    inXSDDate: URIRef  # in XSD date
    inXSDgYear: URIRef  # in XSD year
    inXSDgYearMonth: URIRef  # in XSD year and month
