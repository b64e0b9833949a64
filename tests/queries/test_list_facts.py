"""Listing facts with their evidence: every kind read as ontology.md stores it, in the gold's direction."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal

import pyoxigraph as ox
import pytest

from innograph.errors import NotFoundError, UsageError
from innograph.graph.facts import Excerpt, FactWriter
from innograph.graph.sources import SourcePayload
from innograph.graph.store import KnowledgeGraph
from innograph.ontology.ns import ORG, SDO
from innograph.queries.facts import FACT_KINDS, kind_names, list_entities, list_facts
from tests.queries.conftest import load_writer

SOURCE = "https://w3id.org/innograph/source/facts-test-0001"


def _ev(text: str) -> Excerpt:
    return Excerpt(text, 0, len(text))


@pytest.fixture
def graph():
    """One article's worth of facts of every kind, written as the document loader writes them."""
    w = FactWriter(SOURCE)
    hospital = w.organization("CH Belledonne", kind="Hospital", aliases=["Centre hospitalier Belledonne"])
    cluster = w.organization("Alpes Santé Innovation", kind="Cluster")
    region = w.organization("Région Sud-Est", kind="PublicAuthority")
    chamber = w.organization("CCI Isère-Alpes", kind="ChamberOfCommerce")
    startup = w.organization("Hydrolia", kind="Company")
    university = w.organization("Université Dauphiné-Savoie", kind="University")
    person = w.person("Sophie Marchand")
    former = w.person("Jean-Pierre Roussel")
    platform = w.project("Print'Med 3D")
    fair = w.event("Medi'Tech", start="2022-03-22", end="2022-03-23")
    lyon = w.place("Lyon")
    w.membership(hospital, cluster, since="2021-04", evidence=_ev("Le CH a adhéré au pôle en avril 2021."))
    w.post(person, hospital, title="directrice générale", evidence=_ev("Sophie Marchand, directrice générale du CH"))
    w.post(former, hospital, title="directeur", current=False, evidence=_ev("ancien directeur du CH"))
    w.grant(region, platform, amount=750000, evidence=_ev("La Région accorde 750 000 euros à Print'Med 3D."))
    w.support(cluster, platform, evidence=_ev("avec le soutien du pôle"))
    w.agreement([university, startup, hospital], date="2022-03-02", label="convention",
                evidence=_ev("L'université, Hydrolia et le CH ont signé une convention le 2 mars 2022."))
    w.organizes(fair, chamber, evidence=_ev("Medi'Tech, organisé par la CCI"))
    w.located_in(fair, lyon, evidence=_ev("Medi'Tech se tiendra à Lyon"))
    w.located_in(startup, lyon, evidence=_ev("Hydrolia, start-up lyonnaise"))
    w.attends(fair, startup, evidence=_ev("Hydrolia exposera au salon"))
    w.founded(startup, person, evidence=_ev("Hydrolia, fondée par Sophie Marchand"))
    w.quotation(person, "Nous voulons ouvrir nos services", evidence=_ev("« Nous voulons ouvrir nos services », dit-elle"))
    w.author(w.source, person)
    w.mentions(w.source, hospital)
    kg = KnowledgeGraph()
    kg.replace("article", [SourcePayload(
        iri=SOURCE, label="article.txt", loader="documents", types=(str(SDO.NewsArticle),), triples=w.triples,
        description=[(ox.NamedNode(str(SDO.headline)), ox.Literal("Le CH adhère au pôle"))],
    )])
    yield kg
    kg.close()


def by_kind(facts):
    out: dict[str, list] = {}
    for fact in facts:
        out.setdefault(fact.kind, []).append(fact)
    return out


def test_every_kind_is_read_in_the_gold_direction(graph):
    facts = by_kind(list_facts(graph))
    assert Counter({k: len(v) for k, v in facts.items()}) == Counter(
        member_of=1, holds_post=2, funds=1, supports=1, partner_of=3, organizes=1, event_location=1,
        located_in=1, attends=1, created_by=1, quoted=1, author_of=1, mentioned=1)
    pair = lambda f: (f.subject.label, f.object.label if f.object else None)
    assert pair(facts["member_of"][0]) == ("CH Belledonne", "Alpes Santé Innovation")
    assert pair(facts["funds"][0]) == ("Région Sud-Est", "Print'Med 3D")  # funder first
    assert pair(facts["supports"][0]) == ("Alpes Santé Innovation", "Print'Med 3D")  # supporter first
    assert pair(facts["organizes"][0]) == ("CCI Isère-Alpes", "Medi'Tech")
    assert pair(facts["event_location"][0]) == ("Medi'Tech", "Lyon")  # an event's place
    assert pair(facts["located_in"][0]) == ("Hydrolia", "Lyon")  # anything else's place
    assert pair(facts["attends"][0]) == ("Hydrolia", "Medi'Tech")  # attendee first
    assert pair(facts["created_by"][0]) == ("Hydrolia", "Sophie Marchand")  # created thing first
    assert pair(facts["author_of"][0]) == ("Sophie Marchand", "Le CH adhère au pôle")  # object: headline
    assert pair(facts["mentioned"][0]) == ("CH Belledonne", "Le CH adhère au pôle")
    assert {frozenset(pair(f)) for f in facts["partner_of"]} == {
        frozenset(p) for p in [("CH Belledonne", "Hydrolia"), ("CH Belledonne", "Université Dauphiné-Savoie"),
                               ("Hydrolia", "Université Dauphiné-Savoie")]}


def test_attributes_and_evidence(graph):
    facts = by_kind(list_facts(graph))
    membership = facts["member_of"][0]
    assert membership.date == "2021-04"  # a month: time:inXSDgYearMonth
    assert membership.evidence == "Le CH a adhéré au pôle en avril 2021."
    assert (membership.start, membership.end) == (0, len(membership.evidence))
    assert membership.source == SOURCE and membership.source_label == "article.txt"
    assert membership.headline == "Le CH adhère au pôle"
    assert membership.subject.names == ("CH Belledonne", "Centre hospitalier Belledonne")
    assert "Hospital" in membership.subject.type_names
    posts = {f.subject.label: f for f in facts["holds_post"]}
    assert (posts["Sophie Marchand"].role, posts["Sophie Marchand"].current) == ("directrice générale", True)
    assert posts["Jean-Pierre Roussel"].current is False and "(former)" in posts["Jean-Pierre Roussel"].detail
    grant = facts["funds"][0]
    assert (grant.amount, grant.currency) == (Decimal(750000), "EUR")
    assert grant.to_dict()["amount"] == 750000 and "750,000 EUR" in grant.detail
    assert all(f.date == "2022-03-02" and f.label == "convention" for f in facts["partner_of"])
    assert facts["organizes"][0].date == "2022-03-22"  # the event's start
    assert facts["event_location"][0].evidence == "Medi'Tech se tiendra à Lyon"
    assert facts["quoted"][0].quote == "Nous voulons ouvrir nos services"
    assert facts["author_of"][0].evidence is None  # a bare edge
    record = facts["holds_post"][0].to_dict()
    assert {"kind", "subject", "subject_label", "subject_names", "object", "role", "current", "evidence",
            "start", "end", "source", "source_label", "headline", "node"} <= set(record)


def test_filters(graph):
    assert {f.kind for f in list_facts(graph, kind=["funds", "founded_by"])} == {"funds", "created_by"}
    assert [f.kind for f in list_facts(graph, kind="located_in")] == ["located_in"]
    assert len(list_facts(graph, source="article.txt")) == len(list_facts(graph))
    assert len(list_facts(graph, source=SOURCE, kind="quoted")) == 1
    with pytest.raises(UsageError, match="unknown fact kind 'nope'; use one of: member_of, holds_post"):
        list_facts(graph, kind=["member_of", "nope"])
    with pytest.raises(NotFoundError):
        list_facts(graph, source="no-such-source")
    assert kind_names(None) == FACT_KINDS


def test_two_sources_are_kept_apart(graph):
    other = FactWriter("https://w3id.org/innograph/source/facts-test-0002")
    hospital = other.organization("CH Belledonne", kind="Hospital")
    cluster = other.organization("Alpes Santé Innovation", kind="Cluster")
    other.membership(hospital, cluster, since="2021-04-28", evidence=_ev("Le CH a signé la charte."))
    load_writer(graph, other, label="second.txt")
    members = list_facts(graph, kind="member_of")
    assert sorted((f.source_label, f.date) for f in members) == [("article.txt", "2021-04"), ("second.txt", "2021-04-28")]
    assert [f.date for f in list_facts(graph, kind="member_of", source="second.txt")] == ["2021-04-28"]


def test_bare_edges_of_hand_written_rdf():
    turtle = """
    @prefix org: <http://www.w3.org/ns/org#> . @prefix schema: <https://schema.org/> .
    @prefix ig: <https://w3id.org/innograph/ns#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
    @prefix e: <https://example.org/> .
    e:a rdfs:label "A" ; org:memberOf e:c ; ig:partnerOf e:b ; schema:location e:lyon .
    e:c org:hasMember e:a .
    e:b rdfs:label "B" ; ig:partnerOf e:a ; schema:funder e:r ; schema:founder _:someone .
    _:someone rdfs:label "Someone" .
    e:p rdfs:label "P" ; schema:worksFor e:a .
    e:fair a schema:Event ; schema:location e:lyon ; schema:organizer e:a .
    """
    kg = KnowledgeGraph()
    kg.replace("hand", [SourcePayload(iri="https://example.org/graph/hand", label="hand.ttl", loader="rdf",
                                      triples=list(ox.parse(turtle.encode(), ox.RdfFormat.TURTLE)))])
    facts = by_kind(list_facts(kg))
    assert {k: len(v) for k, v in facts.items()} == {
        "member_of": 1, "holds_post": 1, "funds": 1, "partner_of": 1, "organizes": 1,
        "event_location": 1, "located_in": 1, "created_by": 1}
    assert all(f.evidence is None and f.node is None for fs in facts.values() for f in fs)
    assert facts["funds"][0].subject.iri == "https://example.org/r"  # funder first, even bare
    assert facts["holds_post"][0].current is True
    assert facts["created_by"][0].object.label == "Someone"  # a blank node keeps its names
    assert facts["created_by"][0].object.iri.startswith("_:")


def test_handmade_seeds(seeds):
    facts = list_facts(seeds)
    counts = Counter(f.kind for f in facts)
    assert counts == Counter(mentioned=27, holds_post=5, funds=4, located_in=4, quoted=3, supports=2,
                             organizes=2, event_location=2, member_of=1, partner_of=1, created_by=1, author_of=1)
    membership = next(f for f in facts if f.kind == "member_of")
    assert membership.date == "2020-01-16"
    assert membership.headline in ("Le CHU de Rouen rejoint le cluster Ecosystem Cleon 4.0",
                                   "Le CHU de Rouen intègre l'ECOSYSTEM CLEON 4.0")
    assert {f.object.label for f in facts if f.kind == "funds"} == {
        "GENESIS", "INSA", "Médical Training Center", "plateforme de stéréotaxie"}
    assert len(list_entities(seeds)) == 26


def test_derived_resolution_graph_is_left_out(graph):
    copy = FactWriter("https://w3id.org/innograph/source/resolution")
    copy.add(ox.NamedNode("https://example.org/kept"), ORG.memberOf, ox.NamedNode("https://example.org/cluster"))
    graph.replace("innograph:resolution", [SourcePayload(
        iri="https://w3id.org/innograph/source/resolution", label="resolution", loader="resolve",
        triples=copy.triples)])
    assert len(list_facts(graph, kind="member_of")) == 1
    assert len(list_facts(graph, kind="member_of", source="resolution")) == 1  # when asked for by name


def test_empty_store():
    assert list_facts(KnowledgeGraph()) == []


def test_a_file_of_several_articles_is_one_source_key():
    payloads = []
    for n in (1, 2):
        w = FactWriter(f"https://w3id.org/innograph/source/press-review-{n}")
        org = w.organization(f"Entreprise {n}", kind="Company")
        w.located_in(org, w.place("Lyon"), evidence=_ev(f"L'entreprise {n}, une PME lyonnaise"))
        payloads.append(SourcePayload(iri=w.source.value, label=f"Article {n}", loader="documents", triples=w.triples))
    kg = KnowledgeGraph()
    kg.replace("/data/revue.txt", payloads)
    assert len(list_facts(kg, source="/data/revue.txt")) == 2  # the file: both articles
    assert len(list_facts(kg, source="revue.txt")) == 2
    assert [f.subject.label for f in list_facts(kg, source="Article 2")] == ["Entreprise 2"]


def test_a_grant_is_one_row_with_its_funder_recipient_and_item():
    """As CORDIS writes a participant's grant (funded items: the organization and the project),
    and a grant that names only a project: every grant is one row, none is dropped."""
    w = FactWriter("https://w3id.org/innograph/source/grants")
    commission = w.organization("Programme Funder", kind="PublicAuthority")
    project = w.project("P1")
    lonely = w.project("P2")
    for name, amount in (("Alpha", "1000.25"), ("Beta", "2000")):
        org = w.organization(name, kind="Company")
        part = w.participation(org, project, role="participant")
        grant = w.grant(commission, org, amount=amount, iri=part.value + "-grant")
        w.add(grant, SDO.fundedItem, project)
        w.add(project, SDO.funder, commission)
    w.grant(commission, lonely, amount=500, iri=lonely.value + "-grant")  # no participants known
    kg = KnowledgeGraph()
    load_writer(kg, w)
    grants = list_facts(kg, kind="funds")
    rows = sorted((f.subject.label, f.object.label, f.item.label if f.item else None, f.amount) for f in grants)
    assert rows == [("Programme Funder", "Alpha", "P1", Decimal("1000.25")),
                    ("Programme Funder", "Beta", "P1", Decimal("2000")),
                    ("Programme Funder", "P2", "P2", Decimal("500"))]
    flat = grants.to_dicts()
    assert {r["item_label"] for r in flat} == {"P1", "P2"} and all(isinstance(r["subject_names"], str) for r in flat)
    assert sorted(r["amount"] for r in flat) == [Decimal("500"), Decimal("1000.25"), Decimal("2000")]  # exact in CSV
    assert grants.to_dict()[0]["subject_names"] == ["Programme Funder"]


@pytest.mark.slow
def test_the_funding_of_the_shared_cordis_sample_adds_up(tmp_path):
    """Issue 9.2: `facts --kind funds` sums to the EC contributions of organizations.csv (pandas),
    also with projects.csv loaded: a project's ecMaxContribution is a ceiling, not a grant."""
    pd = pytest.importorskip("pandas")
    from tests.conftest import SHARED

    cordis = SHARED / "data" / "cordis-h2020"
    if not (cordis / "organizations.csv").exists():
        pytest.skip("no CORDIS sample in shared/data")
    from innograph.load import ingest

    orgs = pd.read_csv(cordis / "organizations.csv", dtype=str)
    ec = pd.to_numeric(orgs.ecContribution.str.replace(",", ".", regex=False), errors="coerce")
    expected = ec[ec > 0].sum()
    with KnowledgeGraph(tmp_path / "store") as kg:
        ingest(kg, cordis / "organizations.csv", kind="cordis")
        alone = list_facts(kg, kind="funds")
        ingest(kg, cordis / "projects.csv", kind="cordis")
        grants = list_facts(kg, kind="funds")
    assert len({g.node for g in grants}) == len(grants) == len(alone) == int((ec > 0).sum())  # each grant once
    assert all(g.object is not g.item for g in grants)  # every grant names its recipient
    for found in (alone, grants):
        assert float(sum(g.amount for g in found)) == pytest.approx(expected, abs=0.01)


def test_stats_say_what_they_count(graph):
    """Participations are not memberships, inverse and symmetric edges count once per pair."""
    from innograph.queries.stats import summary

    w = FactWriter("https://w3id.org/innograph/source/stats")
    org = w.organization("CH Belledonne", kind="Hospital")
    w.participation(org, w.project("P1"), role="coordinator")
    load_writer(graph, w)
    stats = summary(graph)
    facts = {f["kind"]: f for f in stats["facts"]}
    assert (facts["member_of"]["edges"], facts["member_of"]["nodes"]) == (1, 1)
    assert (facts["participates_in"]["edges"], facts["participates_in"]["nodes"]) == (1, 1)
    assert facts["partner_of"]["edges"] == 3 and facts["funds"]["edges"] == 1  # not the grant's own funder
    assert (facts["event_location"]["edges"], facts["located_in"]["edges"]) == (1, 1)
    assert stats["organizations"] == {"typed": 6, "after resolution": 6}
    rows = stats.to_dicts()
    assert {"group", "name", "count", "counts"} == set(rows[0]) and stats.to_dict()["triples"] == stats["triples"]
