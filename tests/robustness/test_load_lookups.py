"""A folder load asks the store about each file once before parsing it; what it reports stays the
same: a file listed twice in one load is stored once, then 'unchanged'; an unchanged folder
loads as 'unchanged'; a changed file is replaced."""

from __future__ import annotations

from innograph.graph.store import KnowledgeGraph
from innograph.load import ingest_many

# Our own sentences.
TEXTS = {
    "a.txt": "Claire Dubois est la directrice générale de la société Atelier Brissac.",
    "b.txt": "Northfield Robotics, a company based in Leeds, was founded by Amir Patel.",
}


def _folder(tmp_path):
    for name, text in TEXTS.items():
        (tmp_path / name).write_text(text + "\n", encoding="utf-8")
    return [tmp_path / name for name in TEXTS]


def _statuses(kg, paths, **options):
    return [r.status for r in ingest_many(kg, paths, kind="documents", **options)]


def test_a_file_listed_twice_in_one_load_is_stored_once(tmp_path):
    a, b = _folder(tmp_path)
    kg = KnowledgeGraph()
    assert _statuses(kg, [a, b, a]) == ["loaded", "loaded", "unchanged"]
    once = KnowledgeGraph()
    assert _statuses(once, [a, b]) == ["loaded", "loaded"]
    assert len(kg) == len(once)
    assert len(kg.sources_from(str(a.resolve()))) == 1


def test_reloading_reports_unchanged_and_a_changed_file_is_replaced(tmp_path):
    a, b = _folder(tmp_path)
    kg = KnowledgeGraph()
    assert _statuses(kg, [a, b]) == ["loaded", "loaded"]
    size = len(kg)
    assert _statuses(kg, [a, b]) == ["unchanged", "unchanged"]
    assert len(kg) == size
    b.write_text("Maria Lopez became chief executive of Harbour Grain Ltd.\n", encoding="utf-8")
    assert _statuses(kg, [a, b]) == ["unchanged", "loaded"]
    assert "Harbour Grain" in str(list(kg.store))
    assert _statuses(kg, [a, b], force=True) == ["loaded", "loaded"]
