"""The held-out-style test documents and their gold (tests/data/documents*): honest and consistent.

Every gold fact must be read where its `quote` says, name gold entities, and the documents must
keep the traps they were written with (encodings, page furniture, two articles in one file).
"""

from __future__ import annotations

import html
import re

import pytest

from tests.conftest import DATA, SEEDS_GOLD, SHARED, bench_script

GOLD = DATA / "documents.gold.yaml"
DOCS = DATA / "documents"


@pytest.fixture(scope="module")
def bench():
    with bench_script("extraction.py", "bench_extraction_gold") as module:
        yield module


@pytest.fixture(scope="module")
def gold(bench):
    return bench.load_gold(GOLD)


def plain_text(path) -> str:
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    if path.suffix == ".html":
        text = re.sub(r"<(script|style|nav)\b.*?</\1>", " ", text, flags=re.S)
        text = html.unescape(re.sub(r"<[^>]+>", " ", text))
    return text


@pytest.fixture(scope="module")
def texts(gold):
    return {name: plain_text(DOCS / name) for name in gold.files}


def test_the_gold_lists_every_document(gold):
    on_disk = sorted(p.name for p in DOCS.iterdir() if p.is_file())
    assert sorted(gold.files) == on_disk
    assert len(on_disk) >= 6
    languages = [a["language"] for d in gold.documents for a in d["articles"]]
    assert languages.count("fr") >= 3 and languages.count("en") >= 3
    assert any(len(d["articles"]) == 2 for d in gold.documents)  # one file, two outlets


def test_encodings_and_furniture_are_there():
    assert (DOCS / "fr_startup_levee.md").read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 with BOM
    cp1252 = (DOCS / "fr_revue_de_presse_cp1252.txt").read_bytes()
    with pytest.raises(UnicodeDecodeError):
        cp1252.decode("utf-8")
    assert "Région" in cp1252.decode("cp1252")
    page = (DOCS / "en_partnership.html").read_text(encoding="utf-8")
    assert all(tag in page for tag in ("<script>", "<style>", "<nav>"))
    assert "[Imprimer](#)" in (DOCS / "fr_hopital_pole_sante.txt").read_text(encoding="utf-8")


def test_headlines_and_article_lengths(gold, texts, bench):
    for document in gold.documents:
        text = bench.fold(texts[document["file"]])
        for article in document["articles"]:
            assert bench.fold(article["headline"]) in text, article["headline"]
        words = len(texts[document["file"]].split()) / len(document["articles"])
        assert 200 <= words <= 700, (document["file"], words)


def test_every_fact_is_where_its_quote_says(gold, texts, bench):
    everything = bench.fold(" ".join(texts.values()))
    headlines = {a["headline"] for d in gold.documents for a in d["articles"]}
    for fact in gold.facts:
        assert fact.quote, fact.describe()
        for piece in re.split(r"\.\.\.|…|\(\.\.\.\)", fact.quote):
            assert bench.fold(piece) in everything, (fact.describe(), piece)
        assert gold.entity(fact.subject), fact.describe()
        if fact.kind == "author_of":
            assert fact.object in headlines, fact.describe()
        elif fact.kind != "quoted":
            assert gold.entity(fact.object), fact.describe()


def test_names_differ_from_the_seeds(gold, bench):
    seeds = bench.load_gold(SEEDS_GOLD)
    for entity in gold.entities:
        assert not any(seeds.entity(name) for name in entity.names), entity.label


def test_the_phenomena_are_annotated(gold):
    kinds = {f.kind for f in gold.facts}
    assert kinds >= {"member_of", "holds_post", "funds", "supports", "partner_of", "organizes", "event_location",
                     "attends", "located_in", "created_by", "quoted", "author_of"}
    assert any(f.kind == "holds_post" and f.current is False for f in gold.facts)
    assert {f.currency for f in gold.facts if f.kind == "funds"} >= {"EUR", "USD"}
    assert all(f.date for f in gold.facts if f.kind in ("member_of", "partner_of"))
    assert sum(f.core for f in gold.facts) >= len(gold.facts) / 2


@pytest.mark.skipif(not (SHARED / "corpus" / "seeds.gold.yaml").exists(), reason="needs the shared corpus")
def test_the_shipped_seed_gold_is_the_shared_one():
    # the example corpus ships its gold, so its tests and benchmark run without the shared folder
    assert SEEDS_GOLD.read_bytes() == (SHARED / "corpus" / "seeds.gold.yaml").read_bytes()
    assert sorted(p.name for p in (SEEDS_GOLD.parent / "seeds").glob("*.txt")) == \
        sorted(p.name for p in (SHARED / "corpus" / "seeds").glob("*.txt"))
