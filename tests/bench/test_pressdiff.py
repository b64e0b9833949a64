"""bench/pressdiff.py: the facts a change adds and removes over a press folder, never-tuned parts aside."""

from __future__ import annotations

import json

import pytest

from tests.conftest import bench_script

ARTICLE = """\
Vallorbe : la société Ferlinox ouvre un atelier

La société Ferlinox, installée à Vallorbe, a annoncé lundi l'ouverture d'un atelier. \
Son directeur général, Aurélien Mistral, a présenté le projet aux élus.
"""


@pytest.fixture(scope="module")
def pressdiff():
    with bench_script("pressdiff.py", "bench_pressdiff") as module:
        yield module


@pytest.fixture()
def press(tmp_path):
    (tmp_path / "business").mkdir()
    (tmp_path / "business" / "ferlinox.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "business" / "empty.txt").write_text("Un titre\n\nRien à lire ici.\n", encoding="utf-8")
    return tmp_path


def test_the_facts_of_every_article_are_read_with_their_sentence(pressdiff, press):
    pytest.importorskip("spacy")
    facts = pressdiff.read_facts(pressdiff.press_articles(press, never_tuned=True), press)
    post = [f for f in facts if f[1] == "holds_post"]
    assert [f[:4] for f in post] == [["business/ferlinox.txt", "holds_post", "Aurélien Mistral", "Ferlinox"]]
    assert "directeur général" in post[0][4]


def test_the_never_tuned_parts_articles_are_left_out_unless_asked(pressdiff, press, monkeypatch, tmp_path_factory):
    gold = tmp_path_factory.mktemp("gold") / "press-fr.dev.yaml"
    gold.write_text("documents:\n  - file: business/ferlinox.txt\nentities: []\nfacts: []\n", encoding="utf-8")
    monkeypatch.setattr(pressdiff, "NEVER_TUNED", (gold,))
    assert [p.name for p in pressdiff.press_articles(press)] == ["empty.txt"]
    assert [p.name for p in pressdiff.press_articles(press, never_tuned=True)] == ["empty.txt", "ferlinox.txt"]


def test_the_diff_counts_each_fact_and_keeps_a_sentence(pressdiff):
    before = [["a.txt", "holds_post", "A", "X", "A dirige X."], ["a.txt", "located_in", "X", "P", "X, à P."]]
    after = [["a.txt", "holds_post", "A", "X", "A dirige X."], ["a.txt", "holds_post", "A", "X", "A, patron de X."],
             ["b.txt", "member_of", "X", "Y", "X a rejoint Y."]]
    added, removed = pressdiff.diff(before, after)
    assert [f[:4] for f in added] == [["a.txt", "holds_post", "A", "X"], ["b.txt", "member_of", "X", "Y"]]
    assert removed == [["a.txt", "located_in", "X", "P", "X, à P."]]


def test_the_command_line_writes_and_compares(pressdiff, tmp_path, capsys):
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    one.write_text(json.dumps([]), encoding="utf-8")
    two.write_text(json.dumps([["a.txt", "funds", "X", "Y", "X finance Y."]]), encoding="utf-8")
    assert pressdiff.main(["diff", str(one), str(two)]) == 0
    out = capsys.readouterr().out
    assert "added: 1 fact(s) in 1 article(s)" in out and "funds: X → Y" in out
    assert pressdiff.main(["diff", str(one), str(tmp_path / "missing.json")]) == 2
