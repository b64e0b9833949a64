"""`innograph facts`: what was extracted, with its evidence, as a table, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json

import pytest


@pytest.fixture
def loaded(run, example):
    result = run("load", example)
    assert result.exit_code == 0, result.output
    return run


def test_table_shows_kind_subject_detail_object_evidence_source(loaded):
    result = loaded("facts", "--kind", "holds_post", "--kind", "funds")
    assert result.exit_code == 0, result.output
    out = result.stdout
    for column in ("kind", "subject", "detail", "object", "evidence", "source"):
        assert column in out
    assert "Guillaume Laurent" in out and "directeur général adjoint" in out
    assert "Paul Carvalo" in out and "(former)" in out
    assert "500,000 EUR" in out and "Médical Training Center" in out
    assert "seeds-handmade.ttl" in out
    assert "9 facts" in result.stderr


def test_json_lists_every_fact_with_its_evidence(loaded):
    result = loaded("facts", "--format", "json")
    assert result.exit_code == 0, result.output
    facts = json.loads(result.stdout)
    non_mentions = [f for f in facts if f["kind"] != "mentioned"]
    assert len(non_mentions) == 26  # the 23 facts of the seeds' gold, and 3 more places the hand-maker added
    membership = next(f for f in facts if f["kind"] == "member_of")
    assert membership["subject_label"] == "CHU de Rouen"
    assert membership["object_label"] == "ECOSYSTEM Cléon 4.0"
    assert "ECOSYSTEM" in membership["object_names"]
    assert membership["date"] == "2020-01-16"
    assert membership["evidence"].startswith("le CHU de Rouen a officiellement intégré")
    assert membership["source_label"] == "seeds-handmade.ttl"
    grant = next(f for f in facts if f["kind"] == "funds" and f["amount"])
    assert (grant["amount"], grant["currency"]) == (500000, "EUR")
    quotes = [f for f in facts if f["kind"] == "quoted"]
    assert {q["subject_label"] for q in quotes} == {"Guillaume Laurent", "Vincent Laudat", "David Mallet"}


def test_csv_and_kind_filter(loaded):
    result = loaded("facts", "--kind", "partner_of", "--kind", "founded_by", "--format", "csv")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert sorted(r["kind"] for r in rows) == ["created_by", "partner_of"]
    agreement = next(r for r in rows if r["kind"] == "partner_of")
    assert {agreement["subject_label"], agreement["object_label"]} == {"CHU de Rouen", "Métropole Rouen Normandie"}
    assert agreement["date"] == "2016-07" and agreement["label"] == "convention cadre"


def test_source_filter(loaded):
    assert loaded("facts", "--source", "seeds-handmade.ttl", "--kind", "quoted").exit_code == 0
    missing = loaded("facts", "--source", "nope.txt")
    assert missing.exit_code == 2
    assert "no source 'nope.txt'" in missing.stderr and "seeds-handmade.ttl" in missing.stderr


def test_unknown_kind_is_a_usage_error_listing_the_kinds(run):
    result = run("facts", "--kind", "member")
    assert result.exit_code == 2
    assert "unknown fact kind 'member'" in result.stderr
    assert "member_of" in result.stderr and "holds_post" in result.stderr


def test_empty_store(run):
    result = run("facts", "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout) == []


def test_help_lists_every_kind(run):
    from innograph.queries.facts import FACT_KINDS

    result = run("facts", "--help")
    assert result.exit_code == 0, result.output
    help_text = " ".join(result.stdout.split())
    assert all(kind in help_text for kind in FACT_KINDS)
