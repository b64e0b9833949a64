"""The extraction scorer (bench/extraction.py): folding, matching rules, arithmetic, and the seeds."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from innograph.load import ingest
from innograph.graph.store import KnowledgeGraph
from innograph.queries.facts import Entity, Fact
from tests.conftest import SEEDS_GOLD, TESTS, bench_script



@pytest.fixture(scope="module")
def bench():
    with bench_script("extraction.py", "bench_extraction") as module:
        yield module


@pytest.fixture(scope="module")
def handmade_store():
    from innograph.examples import handmade_example

    kg = KnowledgeGraph()
    ingest(kg, handmade_example())
    yield kg
    kg.close()


def entity(label: str, *aliases: str, types: tuple[str, ...] = ()) -> Entity:
    return Entity(iri=f"https://example.org/{label.replace(' ', '-')}", label=label, names=(label, *aliases),
                  types=types)


def fact(kind: str, subject: Entity | None, obj: Entity | None = None, **attrs) -> Fact:
    attrs.setdefault("evidence", "a sentence")
    attrs.setdefault("source", "https://example.org/g")
    attrs.setdefault("source_label", "doc.txt")
    return Fact(kind, subject, obj, **attrs)


def write_gold(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "tiny.gold.yaml"
    path.write_text(text, encoding="utf-8")
    return path


TINY = """
entities:
  - {label: "CHU de Valmont", type: Hospital, aliases: ["CHU", "Centre hospitalier universitaire de Valmont"]}
  - {label: "Pôle Santé Sud", type: Cluster}
  - {label: "Métropole de Valmont", type: PublicAuthority, aliases: ["la Métropole"]}
  - {label: "Anne Leroy", type: Person}
  - {label: "Paul Martin", type: Person}
facts:
  - {kind: member_of, subject: "CHU de Valmont", object: "Pôle Santé Sud", date: 2021-03, core: true, quote: "Le CHU a rejoint le pôle"}
  - {kind: holds_post, subject: "Anne Leroy", object: "CHU de Valmont", role: "directrice générale", core: true, quote: "Anne Leroy, directrice"}
  - {kind: partner_of, subject: "Métropole de Valmont", object: "CHU de Valmont", date: 2016-07, quote: "ont signé"}
  - {kind: quoted, subject: "Anne Leroy", core: true, quote: "Nous sommes le premier employeur de la région"}
  - {kind: funds, subject: "Métropole de Valmont", object: "Pôle Santé Sud", amount: 500000, currency: EUR, quote: "500 000 €"}
"""


# -- folding and comparisons -----------------------------------------------------------------------

def test_fold(bench):
    assert bench.fold("CCI de Rouen-Métropole") == bench.fold("cci de rouen  METROPOLE") == "cci de rouen metropole"
    assert bench.fold("Cœur d’Œuvre") == "coeur d oeuvre"
    assert bench.fold("Médical Training Center") == bench.fold("MEDICAL training-center")
    assert bench.fold(None) == "" and bench.fold("  — ") == ""


def test_names_match_by_label_or_alias_on_both_sides(bench):
    assert bench.names_match(["CHU de Valmont", "CHU"], ["chu"])
    assert bench.names_match(["Métropole"], ["Métropole Rouen Normandie", "METROPOLE"])
    assert not bench.names_match(["CHU de Valmont"], ["CHU de Valmont-Sud"])  # equality, not containment
    assert not bench.names_match([""], [""])
    assert bench.names_match(["Université de Valmont"], ["l'Université de Valmont"])
    assert bench.names_match(["The Western Engineer"], ["Western Engineer"])


def test_dates(bench):
    import datetime

    assert bench.dates_agree("2016-07", "2016-07-15") and bench.dates_agree("2016-07-15", "2016-07")
    assert bench.dates_agree("2016", "2016-07-15") and bench.dates_agree(datetime.date(2020, 1, 16), "2020-01-16")
    assert not bench.dates_agree("2016-07", "2016-08-01")
    assert not bench.dates_agree("2020-01-16", "2020-01-22")
    assert not bench.dates_agree("2016-1", "2016-11")  # a prefix only at a date-part boundary
    assert not bench.dates_agree("2016-07", None)
    assert bench.iso_date("2020-01-16T10:12:00+01:00") == "2020-01-16"


def test_quotes_contained_either_way(bench):
    gold = "Nous sommes le premier employeur régional avec plus de 10 000 collaborateurs"
    assert bench.quotes_match(gold, "« " + gold + ", nous disposons d'un budget de 750 millions d'euros »")
    assert bench.quotes_match(gold, "Nous sommes le premier employeur régional avec plus de")  # 9/12 words
    assert not bench.quotes_match(gold, "Nous sommes le premier")  # 4/12 words
    assert not bench.quotes_match(gold, "C'est effectivement un grand jour")
    elided = "Après GENESIS (...) et l'INSA (...), la Métropole a apporté son soutien"
    full = ("Après GENESIS (Système implantable de neurostimulation médullaire) et l'INSA (Institut National "
            "des Sciences Appliquées), la Métropole a apporté son soutien")
    assert bench.quotes_match(elided, full)
    assert bench.quote_overlap("C’est un grand jour", '"C\'est un grand jour", dit-il') == 1.0


def test_role_and_headline_rules(bench):
    assert bench.role_agrees("directeur", "Directeur")
    assert bench.role_agrees("directrice générale", "cofondatrice et directrice générale")
    assert not bench.role_agrees("directeur", "directrice")
    assert not bench.role_agrees("président", "vice-président") and not bench.role_agrees("director", "deputy director")
    assert bench.headline_match("Le CHU rejoint le cluster", ["Article de X : Le CHU rejoint le cluster"])
    assert not bench.headline_match("Le CHU", ["Le CHU rejoint le cluster"])  # too short to be contained


# -- matching and arithmetic --------------------------------------------------------------------------

def test_tiny_case_arithmetic(bench, tmp_path):
    gold = bench.load_gold(write_gold(tmp_path, TINY))
    chu = entity("Centre hospitalier universitaire de Valmont", "CHU")  # matched by aliases on both sides
    pole = entity("pôle santé sud")  # case and accents
    metro = entity("Métropole de Valmont")
    anne = entity("Anne LEROY")
    wrong = entity("Clinique du Parc")
    facts = [
        fact("member_of", chu, pole, date="2021-03-12"),
        fact("member_of", chu, pole, date="2021-03-12", source_label="other.txt"),  # same fact, 2nd article
        fact("holds_post", anne, chu, role="directrice générale", current=True),
        fact("holds_post", anne, wrong, role="directrice"),  # false positive
        fact("partner_of", chu, metro, date="2016-08"),  # symmetric; date mismatch
        fact("quoted", anne, None, quote="« Nous sommes le premier employeur de la région », dit-elle"),
        fact("quoted", anne, None, quote="Une autre phrase qui n'est pas dans la référence"),  # not counted
        fact("mentioned", chu, None),  # kind absent from the gold: not counted
    ]
    report = bench.score_facts(gold, facts)
    kinds = report.kinds
    assert (kinds["member_of"].predicted, kinds["member_of"].correct, kinds["member_of"].found) == (1, 1, 1)
    assert (kinds["holds_post"].predicted, kinds["holds_post"].correct) == (2, 1)
    assert kinds["holds_post"].precision == 0.5 and kinds["holds_post"].recall == 1.0
    assert kinds["holds_post"].f1 == pytest.approx(2 * 0.5 * 1.0 / 1.5)
    assert kinds["partner_of"].found == 1
    assert kinds["quoted"].predicted == 1 and kinds["quoted"].found == 1
    assert kinds["funds"].found == 0 and kinds["funds"].precision == 0.0 and kinds["funds"].recall == 0.0
    overall = report.overall
    assert (overall.gold, overall.predicted, overall.found, overall.correct) == (5, 5, 4, 4)
    assert report.precision == 0.8 and report.recall == 0.8 and report.f1 == pytest.approx(0.8)
    assert (report.core_found, report.core_total) == (3, 3)
    assert [g.kind for g in report.misses] == ["funds"]
    assert [p.fact.object.label for p in report.false_positives] == ["Clinique du Parc"]
    assert report.uncounted_kinds == {"mentioned": 1}
    assert len(report.unannotated_quotes) == 1
    dates = report.attributes["date"]
    assert (dates.compared, dates.correct) == (2, 1)
    assert dates.mismatches[0]["gold"] == "2016-07" and dates.mismatches[0]["extracted"] == ["2016-08"]
    assert report.attributes["role"].correct == 1
    assert report.attributes["amount"].compared == 0  # the grant was missed
    text = report.format()
    assert "MISSES (1" in text and "FALSE POSITIVES (1" in text and "Clinique du Parc" in text
    assert json.loads(json.dumps(report.to_dict(), default=str))["overall"]["precision"] == 0.8

    strict = bench.score_facts(gold, facts, strict_quotes=True)
    assert strict.kinds["quoted"].predicted == 2 and strict.kinds["quoted"].correct == 1


def test_reports_on_disjoint_articles_add_up(bench, tmp_path):
    gold = bench.load_gold(write_gold(tmp_path, TINY))
    chu, pole, anne = entity("Centre hospitalier universitaire de Valmont", "CHU"), entity("pôle santé sud"), \
        entity("Anne LEROY")
    one = bench.score_facts(gold, [fact("member_of", chu, pole)])
    two = bench.score_facts(gold, [fact("holds_post", anne, chu), fact("holds_post", anne, entity("Clinique du Parc"))])
    total = bench.combined([one, two])
    assert list(total)[-1] == "overall"
    assert (total["holds_post"].gold, total["holds_post"].predicted, total["holds_post"].correct) == (2, 2, 1)
    assert (total["overall"].gold, total["overall"].predicted, total["overall"].found) == (10, 3, 2)
    assert total["overall"].precision == pytest.approx(2 / 3)
    assert bench.format_scores(total).splitlines()[-1].startswith("overall")


def test_wrong_speaker_is_a_false_positive(bench, tmp_path):
    gold = bench.load_gold(write_gold(tmp_path, TINY))
    paul = entity("Paul Martin")
    report = bench.score_facts(gold, [fact("quoted", paul, None, quote="Nous sommes le premier employeur de la région")])
    assert report.kinds["quoted"].correct == 0 and len(report.false_positives) == 1


def test_attributes_amount_current_and_missing(bench, tmp_path):
    gold = bench.load_gold(write_gold(tmp_path, TINY + """
  - {kind: holds_post, subject: "Paul Martin", object: "CHU de Valmont", role: "directeur", current: false, quote: "ancien directeur"}
"""))
    metro, pole, chu, paul = entity("Métropole de Valmont"), entity("Pôle Santé Sud"), entity("CHU"), entity("Paul Martin")
    report = bench.score_facts(gold, [
        fact("funds", metro, pole, amount=Decimal("500000.00"), currency="EUR"),
        fact("holds_post", paul, chu, role="directeur", current=True),
        fact("member_of", chu, pole),  # no date: missing
    ])
    assert report.attributes["amount"].correct == 1 and report.attributes["currency"].correct == 1
    assert report.attributes["current"].compared == 1 and report.attributes["current"].correct == 0
    assert len(report.attributes["date"].missing) == 1


def test_entity_scores(bench, tmp_path):
    gold = bench.load_gold(write_gold(tmp_path, TINY))
    hospital = "https://w3id.org/innograph/ns#Hospital"
    person = "http://xmlns.com/foaf/0.1/Person"
    extracted = [entity("CHU", types=(hospital,)), entity("Anne Leroy", types=(hospital,)), entity("Ailleurs")]
    scores = bench.score_entities(gold, extracted)
    assert (scores.gold, scores.found, scores.typed, scores.extracted, scores.matching) == (5, 2, 1, 3, 2)
    assert scores.extra == ["Ailleurs"] and "Anne Leroy (Person, extracted as Hospital)" in scores.wrong_type
    assert entity("x", types=(person,)).type_names == ("Person",)


def test_gold_loading(bench, tmp_path):
    gold = bench.load_gold(SEEDS_GOLD)
    assert len(gold.facts) == 23 and sum(g.core for g in gold.facts) == 13
    assert gold.entity("CCI de Rouen-Métropole").label == "CCI Rouen Métropole"  # by alias, folded
    assert gold.facts[0].date == "2020-01-16"  # YAML dates become ISO text
    partner = next(g for g in gold.facts if g.kind == "partner_of")
    assert partner.date == "2016-07"
    assert next(g for g in gold.facts if g.amount is not None).amount == 500000
    assert gold.files == ["000_165a3a16ab718192.txt", "004_489302e067a3c65f.txt"]
    assert bench.documents_dir(SEEDS_GOLD) == SEEDS_GOLD.parent / "seeds"
    with pytest.raises(bench.BenchError, match="unknown kind 'nope'"):
        bench.load_gold(write_gold(tmp_path, "facts:\n  - {kind: nope, subject: x}\n"))
    with pytest.raises(bench.BenchError, match="needs a 'facts' list"):
        bench.load_gold(write_gold(tmp_path, "entities: []\n"))


# -- the hand-made seed graph against the seeds' gold ---------------------------------------------

def test_handmade_seeds_score_near_100(bench, handmade_store):
    report = bench.score(SEEDS_GOLD, store=handmade_store)
    assert report.recall >= 0.95
    assert report.core_recall == 1.0
    assert report.overall.found == 23
    # The hand-maker also placed the CHU, the CCI and the MTC in Rouen: not in the gold.
    assert sorted(p.fact.subject.label for p in report.false_positives) == [
        "CCI Rouen Métropole", "CHU de Rouen", "Médical Training Center"]
    assert all(a.correct == a.compared and not a.missing for a in report.attributes.values())
    assert report.entities.found == report.entities.typed == 26
    assert report.uncounted_kinds == {"mentioned": 27}


def test_command_line_on_a_store(bench, tmp_path, capsys):
    from innograph.examples import handmade_example

    store = tmp_path / "store"
    with KnowledgeGraph(store) as kg:
        ingest(kg, handmade_example())
    out_json = tmp_path / "score.json"
    code = bench.main([str(SEEDS_GOLD), "--store", str(store), "--json", str(out_json)])
    printed = capsys.readouterr().out
    assert code == 1  # precision 0.885 < 0.9: the three extra places
    assert "overall" in printed and "FALSE POSITIVES (3)" in printed and "precision 0.885 >= 0.90 FAIL" in printed
    data = json.loads(out_json.read_text())
    assert data["overall"]["found"] == 23 and data["core"]["recall"] == 1.0
    assert len(data["false_positives"]) == 3 and data["false_positives"][0]["fact"]["evidence"] is None
    assert bench.main([str(SEEDS_GOLD), "--store", str(tmp_path / "none")]) == 2


def test_a_missing_loader_fails_clearly(bench, monkeypatch, tmp_path):
    monkeypatch.setattr(bench, "LOADER", "no-such-loader")
    with pytest.raises(bench.BenchError, match="'no-such-loader'.*not available yet.*--store DIR") as info:
        bench.score(SEEDS_GOLD)
    assert info.value.exit_code == 2
    gold = write_gold(tmp_path, "documents:\n  - file: gone.txt\nfacts: []\n")
    with pytest.raises(bench.BenchError, match="no such directory"):
        bench.score(gold)


def test_throughput_breakdown_restores_what_it_wraps(bench):
    from innograph import load as ingest_module

    from innograph import loaders

    kg = KnowledgeGraph()
    loader = loaders.get(bench.LOADER)
    before = (ingest_module.loader_gazetteer, type(loader).read, kg.replace)
    with bench._Breakdown(kg) as split:
        kg.replace("x", [])
    assert split.seconds["store write"] >= 0.0 and "gazetteer" in split.seconds
    assert (ingest_module.loader_gazetteer, type(loader).read, kg.replace) == before
    assert "read" not in vars(loader) and "replace" not in vars(kg)
    assert [p.name for p in bench.collect_documents([TESTS / "data" / "documents"])] == sorted(
        p.name for p in (TESTS / "data" / "documents").iterdir())


@pytest.mark.slow
def test_the_document_loader_meets_the_seed_acceptance(bench):
    """The issue's acceptance on the seed documents: every core fact, >= 80% of all, precision >= 0.9."""
    report = bench.score(SEEDS_GOLD)
    assert report.core_recall == 1.0, [m.describe() for m in report.misses if m.core]
    assert report.recall >= 0.80
    assert report.precision >= 0.90, [p.fact.kind for p in report.false_positives]


@pytest.mark.slow
def test_a_floor_on_the_blind_set(bench):
    """Texts written without sight of the extractor: a floor that catches regressions, not a goal."""
    report = bench.score(TESTS / "data" / "blind.gold.yaml", TESTS / "data" / "blind")
    assert report.precision >= 0.85
    assert report.recall >= 0.60
