"""The benchmark's corpora: the French press annotations are honest and kept apart, KnowledgeNet is
scored as documented, and the judged precision sample is counted right."""

from __future__ import annotations

import re
from types import SimpleNamespace

import pytest

from tests.conftest import BENCH, SHARED, bench_script

PRESS_FR = SHARED / "corpus" / "press-fr"
#: Every French annotation part in the repository (dev, dev2, dev3, train, train2-*, extra): not the
#: precision samples, which judge extracted facts instead of annotating articles.
PARTS = sorted(p.name.removeprefix("press-fr.").removesuffix(".yaml")
               for p in (BENCH / "gold").glob("press-fr.*.yaml") if "precision-sample" not in p.name)


@pytest.fixture(scope="module")
def bench():
    with bench_script("extraction.py", "bench_extraction_corpora") as module:
        yield module


@pytest.fixture(scope="module")
def golds(bench):
    return {part: bench.load_gold(BENCH / "gold" / f"press-fr.{part}.yaml") for part in PARTS}


@pytest.mark.skipif(not PRESS_FR.is_dir(), reason="needs the shared corpus")
@pytest.mark.parametrize("part", PARTS)
def test_every_french_fact_is_where_its_quote_says(bench, golds, part):
    gold = golds[part]
    texts = {name: bench.fold((PRESS_FR / name).read_text(encoding="utf-8")) for name in gold.files}
    for fact in gold.facts:
        assert gold.entity(fact.subject) and gold.entity(fact.object), fact.describe()
        for piece in re.split(r"\.\.\.|…|\(\.\.\.\)", fact.quote or ""):
            assert bench.fold(piece) in " ".join(texts.values()), (fact.describe(), piece)


def test_the_french_parts_share_no_article_and_dev_is_large_enough(golds):
    parts = {part: set(gold.files) for part, gold in golds.items()}
    for part, files in parts.items():
        assert not any(files & other for name, other in parts.items() if name != part), part
    assert len(parts["dev"]) >= 40 and len(golds["dev"].facts) >= 80
    kinds = {f.kind for f in golds["dev"].facts}
    assert kinds >= {"holds_post", "created_by", "funds", "member_of", "partner_of", "located_in"}


def test_french_press_golds_read_the_shared_corpus(bench):
    assert bench.documents_dir(BENCH / "gold" / "press-fr.dev.yaml") == PRESS_FR
    assert bench.documents_dir(SHARED / "corpus" / "seeds.gold.yaml") == SHARED / "corpus" / "seeds"


def _passage(corpora):
    text = "Nora Vale founded Tidewell Analytics, a firm based in Leeds. She is its CEO."
    rows = [
        ("FOUNDED_BY", (18, 36, "Tidewell Analytics", "Q1"), (0, 9, "Nora Vale", "Q2")),
        ("CEO", (18, 36, "Tidewell Analytics", "Q1"), (63, 66, "She", "")),
        ("HEADQUARTERS", (18, 36, "Tidewell Analytics", "Q1"), (53, 58, "Leeds", "Q3")),
    ]
    p = corpora.Passage("kn9-1-0", text)
    for prop, s, o in rows:
        p.props.add(prop)
        keys = []
        for start, end, mention, uri in (s, o):
            key = corpora._mention_key({"uri": uri, "text": mention})
            p.names[key]
            if corpora._is_name(mention):
                p.names[key].add(mention)
            keys.append(key)
        p.facts.add((prop, *keys))
    p.props.add("EMPLOYEE_OR_MEMBER_OF")  # annotated, no fact
    return p


def _fact(kind, subject, obj, *, role=None, person=False):
    def entity(name, iri, is_person):
        return SimpleNamespace(iri=iri, names=(name,), type_names=("Person",) if is_person else ("Organization",))

    return SimpleNamespace(kind=kind, subject=entity(subject, "s:" + subject, person), object=entity(obj, "o:" + obj, False),
                           role=role)


def test_knowledgenet_facts_are_counted_per_property(bench):
    corpora = bench.corpora
    p = _passage(corpora)
    facts = [
        _fact("created_by", "Tidewell Analytics Ltd", "Nora Vale"),  # legal form dropped: right
        _fact("located_in", "Tidewell Analytics", "Leeds, England"),  # wrong place name: "Leeds, England" != "Leeds"
        _fact("holds_post", "Nora Vale", "Tidewell Analytics", role="chief executive officer", person=True),
    ]
    counts = corpora.score_knowledgenet([p], {p.key: facts})
    founded, ceo, hq, emp = (counts[k] for k in ("FOUNDED_BY", "CEO", "HEADQUARTERS", "EMPLOYEE_OR_MEMBER_OF"))
    assert (founded.gold, founded.found, founded.predicted, founded.right) == (1, 1, 1, 1)
    assert (ceo.gold, ceo.unnamed, ceo.predicted, ceo.right) == (0, 1, 1, 0)  # "She" names no one
    assert (hq.gold, hq.found, hq.predicted, hq.right) == (1, 0, 1, 0)
    assert (emp.gold, emp.predicted, emp.right) == (0, 1, 0)  # annotated with no fact: a false positive
    overall = counts["overall"]
    assert overall.gold == 2 and overall.found == 1 and overall.predicted == 4 and overall.right == 1
    assert overall.precision == 0.25 and overall.recall == 0.5


def test_kn_predictions_map_our_kinds(bench):
    corpora = bench.corpora
    post = _fact("holds_post", "Ada Brook", "Pellow Group", role="Managing Director", person=True)
    assert [p for p, *_ in corpora.kn_predictions(post)] == ["EMPLOYEE_OR_MEMBER_OF", "CEO"]
    assert [p for p, *_ in corpora.kn_predictions(_fact("holds_post", "Ada Brook", "Pellow Group", person=True))] \
        == ["EMPLOYEE_OR_MEMBER_OF"]
    assert [p for p, *_ in corpora.kn_predictions(_fact("located_in", "Pellow Group", "Derby"))] == ["HEADQUARTERS"]
    assert corpora.kn_predictions(_fact("funds", "Pellow Group", "Derby")) == []


def test_knowledgenet_names_match_without_legal_form_or_possessive(bench):
    key = bench.corpora._kn_key
    assert key("Pellow Group plc") == key("Pellow Group") == key("Pellow Group's") == key("Pellow Group’")
    assert key("Ada Brook's") == key("Ada Brook") != key("Ada Brooks")


def test_a_judged_sample_gives_precision_with_an_interval(bench, tmp_path):
    judged = tmp_path / "sample.yaml"
    judged.write_text("facts:\n"
                      "  - {kind: holds_post, verdict: yes}\n  - {kind: holds_post, verdict: no}\n"
                      "  - {kind: holds_post, verdict: yes}\n  - {kind: funds, verdict: yes}\n"
                      "  - {kind: funds, verdict: null}\n", encoding="utf-8")
    result = bench.sampling.estimate(judged)
    assert result["judged"] == 4 and result["unjudged"] == 1
    assert result["kinds"]["holds_post"]["precision"] == pytest.approx(2 / 3)
    assert result["overall"]["precision"] == 0.75
    lo, hi = result["overall"]["interval"]
    assert 0.25 < lo < 0.75 < hi < 1.0
    assert "overall" in bench.sampling.format_estimate(result)
    assert bench.sampling.wilson(0, 0) == (0.0, 1.0)
    assert result["by"] == {}


def test_a_judged_sample_tells_the_rules_facts_from_the_models(bench, tmp_path):
    judged = tmp_path / "sample.yaml"
    judged.write_text("facts:\n"
                      "  - {kind: holds_post, by: rules, verdict: yes}\n  - {kind: holds_post, by: model, verdict: no}\n"
                      "  - {kind: holds_post, by: model, verdict: yes}\n  - {kind: funds, by: rules, verdict: null}\n",
                      encoding="utf-8")
    result = bench.sampling.estimate(judged)
    assert {k: (v["judged"], v["right"]) for k, v in result["by"].items()} == {"model": (2, 1), "rules": (1, 1)}
    assert "by model" in bench.sampling.format_estimate(result)


def _sample(path, rows):
    path.write_text("facts:\n" + "".join(f"  - {{kind: holds_post, file: {f}, verdict: {v}}}\n" for f, v in rows),
                    encoding="utf-8")
    return path


def test_a_new_sample_draws_no_article_of_an_earlier_sample(bench, tmp_path):
    first = _sample(tmp_path / "press-fr.precision-sample.yaml", [("health/a.txt", "yes")])
    tenth = _sample(tmp_path / "press-fr.precision-sample-10.yaml", [("business/b.txt", "no")])
    second = _sample(tmp_path / "press-fr.precision-sample-2.yaml", [("technology/c.txt", "null")])
    assert bench.sampling.previous_samples(tmp_path) == [first, second, tenth]
    taken = bench.sampling.taken_files((), bench.sampling.previous_samples(tmp_path), skip=second)
    assert taken == {"health/a.txt", "business/b.txt"}
    assert bench.sampling.latest_sample(tmp_path) == tenth  # sample 2 has no verdict yet
    assert bench.sampling.latest_sample(tmp_path / "nowhere") is None


def test_the_french_parts_are_all_there_and_each_train_part_is_training_data(bench):
    assert {"dev", "dev2", "train", "extra"} <= set(PARTS)
    train = {p.name for p in bench.corpora.french_train_parts()}
    assert "press-fr.train.yaml" in train
    assert not train & {p.name for p in bench.corpora.NEVER_TUNED}
    assert train == {f"press-fr.{part}.yaml" for part in PARTS if part.startswith("train")}


@pytest.mark.skipif(not PRESS_FR.is_dir(), reason="needs the shared corpus")
def test_every_annotated_or_sampled_article_is_kept_out_of_a_new_draw(bench):
    taken = bench.sampling.taken_files()
    golds = bench.sampling.gold_files()
    assert {bench.corpora.FRENCH_DEV, bench.corpora.FRENCH_TRAIN, bench.sampling.FRENCH_EXTRA} <= set(golds)
    assert not set(golds) & set(bench.sampling.previous_samples())
    for gold in golds:
        assert set(bench.load_gold(gold).files) <= taken
    sampled = bench.sampling.taken_files(golds=())  # the samples alone, so the draw has a pool
    for sample in bench.sampling.previous_samples():
        drawn = {row["file"] for row in bench.sampling._rows(sample)}
        assert drawn <= taken and drawn <= sampled
        assert not drawn & {str(p.relative_to(PRESS_FR)) for p in bench.sampling.unannotated_articles(3, 40, sampled)}


def test_a_draw_from_a_corpus_with_every_article_taken_says_so(bench):
    everything = {f"{p.parent.name}/{p.name}" for p in PRESS_FR.glob("*/*.txt")}
    with pytest.raises(bench.BenchError, match="no unannotated article"):
        bench.sampling.unannotated_articles(3, 40, everything)


@pytest.mark.skipif(not PRESS_FR.is_dir(), reason="needs the shared corpus")
def test_any_french_part_counts_as_annotated_and_the_draw_reads_every_category(bench, tmp_path):
    (tmp_path / "press-fr.dev9.yaml").write_text("", encoding="utf-8")
    _sample(tmp_path / "press-fr.precision-sample-3.yaml", [("health/a.txt", "yes")])
    assert [p.name for p in bench.sampling.gold_files(tmp_path)] == ["press-fr.dev9.yaml"]
    drawn = bench.sampling.unannotated_articles(5, 400, set())
    assert {p.parent.name for p in drawn} == {d.name for d in PRESS_FR.iterdir() if d.is_dir()}


def test_a_judged_sample_is_never_drawn_over(bench, tmp_path):
    judged = _sample(tmp_path / "judged.yaml", [("health/a.txt", "yes")])
    with pytest.raises(bench.BenchError, match="already holds judged facts"):
        bench.sampling.sample(judged)
