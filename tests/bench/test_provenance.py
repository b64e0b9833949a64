"""bench/provenance.py: each fact's reader, joined with the gold the way bench/extraction.py scores."""

from __future__ import annotations

import importlib

import pytest

from tests.conftest import bench_script

ARTICLE = """\
Vallorbe : la société Ferlinox ouvre un atelier

La société Ferlinox, installée à Vallorbe, a annoncé lundi l'ouverture d'un nouvel atelier de découpe. \
Son directeur général, Aurélien Mistral, a présenté le projet aux élus. « Nous voulons embaucher vingt \
personnes d'ici l'été », a déclaré Aurélien Mistral.

Clémence Urbain, présidente de l'association Cap Métal, a salué une bonne nouvelle pour la vallée.
"""

GOLD = """\
documents:
  - file: article.txt
entities:
  - {label: Ferlinox, type: Company}
  - {label: Aurélien Mistral, type: Person}
facts:
  - {kind: holds_post, subject: Aurélien Mistral, object: Ferlinox, role: directeur général}
"""


@pytest.fixture(scope="module")
def prov():
    with bench_script("provenance.py", "bench_provenance") as module:
        yield module


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("prov")
    (root / "docs").mkdir()
    (root / "docs" / "article.txt").write_text(ARTICLE, encoding="utf-8")
    for part in ("train9-own", "train4-own"):  # a write part and a check part, the same text
        (root / f"press-fr.{part}.yaml").write_text(GOLD, encoding="utf-8")
    return root


@pytest.fixture(scope="module")
def written(prov, corpus):
    return prov.score_part(corpus / "press-fr.train9-own.yaml", corpus / "docs")


def test_records_match_the_benchmark_score(prov, corpus, written):
    records, _ = written
    with bench_script("extraction.py", "bench_extraction_prov") as bench:
        score = bench.score(corpus / "press-fr.train9-own.yaml", corpus / "docs")
    assert len(records) == score.overall.predicted
    assert sum(r["right"] for r in records) == score.overall.correct


def test_each_prediction_names_the_readers_that_made_it(written):
    records, fires = written
    post = [r for r in records if r["kind"] == "holds_post" and "Ferlinox" in r["says"]]
    assert post and post[0]["right"]
    stranger = [r for r in records if "Cap Métal" in r["says"]]
    assert stranger and not any(r["right"] for r in stranger)  # not in the gold: wrong
    for r in records:
        assert r["readers"] and "(unknown)" not in r["readers"]
        for reader in r["readers"]:
            module = reader.split(".")[0]
            assert importlib.import_module(f"innograph.loaders.{module}")
        assert all(":" in b for b in r["branches"])  # the line that called add
    for reader in post[0]["readers"]:
        assert fires["readers"][reader]["holds_post"][0] >= 1 and fires["readers"][reader]["holds_post"][1] == 1


def test_the_check_group_keeps_counts_only(prov, corpus, written):
    records, _ = prov.score_part(corpus / "press-fr.train4-own.yaml", corpus / "docs")
    assert records and all(r["group"] == "check" for r in records)
    assert all("says" not in r and "evidence" not in r and "source" not in r for r in records)
    assert not any(a.startswith("http") for r in records for a in r["articles"])
    both = written[0] + records
    shown = prov.false_positives(both, next(r for r in records if not r["right"])["readers"][0])
    assert "[train4-own]" not in shown and "[train9-own]" in shown


def test_the_table_counts_each_reader_and_what_it_alone_made(prov, written):
    records, fires = written
    rows = prov.table(records, fires)
    for row in rows:
        mine = [r for r in records if row["reader"] in r["readers"] and r["kind"] == row["kind"]]
        w = row["write"]
        assert w["pred"] == len(mine) == w["right"] + w["wrong"]
        assert w["alone_right"] + w["alone_wrong"] == sum(len(r["readers"]) == 1 for r in mine)
        assert row["check"]["pred"] == 0
    assert [r["write"]["wrong"] for r in rows] == sorted((r["write"]["wrong"] for r in rows), reverse=True)
    assert "P both" in prov.format_table(rows)


def test_a_missing_gold_file_is_a_clear_error(prov, tmp_path, capsys):
    assert prov.main([str(tmp_path / "press-fr.train9-none.yaml")]) == 2
    assert "cannot read the gold file" in capsys.readouterr().err
