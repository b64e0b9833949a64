"""Looking entities up: fuzzy, accent-insensitive names, ambiguity, and everything about one."""

from __future__ import annotations

import pytest

from innograph.errors import NotFoundError
from innograph.queries.lookup import AmbiguousName, resolve, search, show


@pytest.mark.parametrize("name, label", [
    ("CHU de Rouen", "CHU de Rouen"),
    ("chu de rouen", "CHU de Rouen"),
    ("MEDICAL TRAINING CENTER", "Médical Training Center"),
    ("MTC", "Médical Training Center"),
    ("Metropole Rouen Normandie", "Métropole Rouen Normandie"),
    ("Robotcat", "Robotcath"),
    ("Robotkath", "Robotcath"),
    ("Renault", "Renault Cléon"),
    ("https://w3id.org/innograph/id/organization/insa", "INSA"),
])
def test_names_resolve(seeds, name, label):
    from innograph.graph.projection import projection

    assert projection(seeds).labels[resolve(seeds, name)] == label


def test_ambiguous_lists_candidates_and_unknown_says_so(seeds):
    with pytest.raises(AmbiguousName) as caught:
        resolve(seeds, "Normandie")
    labels = {c.label for c in caught.value.candidates}
    assert {"Région Normandie", "Métropole Rouen Normandie", "Université de Rouen Normandie"} <= labels
    assert "Région Normandie" in str(caught.value)
    with pytest.raises(NotFoundError):
        resolve(seeds, "Zzyzx Corporation")


def test_search_ranks_and_filters(seeds):
    hits = search(seeds, "rouen")
    assert hits[0].label == "Rouen" and hits[0].score == 1.0
    assert {"CHU de Rouen", "CCI Rouen Métropole"} <= {h.label for h in hits}
    only = search(seeds, "rouen", kinds={"Hospital"})
    assert [h.label for h in only] == ["CHU de Rouen"]
    assert not search(seeds, "zzyzx")


def test_show_lists_every_fact_with_evidence(seeds):
    entity = show(seeds, "CHU de Rouen")
    assert entity.kind == "Hospital" and "CHU" in entity.aliases
    relations = {(f.relation, f.other) for f in entity.facts}
    assert ("member_of", "ECOSYSTEM Cléon 4.0") in relations
    assert ("partner_of", "Métropole Rouen Normandie") in relations
    assert ("holds_post", "Guillaume Laurent") in relations
    assert all(f.evidence for f in entity.facts)
    membership = next(f for f in entity.facts if f.relation == "member_of")
    assert membership.date == "2020-01-16" and membership.text == "joined"
    assert any("officiellement intégré" in (e.text or "") for e in membership.evidence)
    assert show(seeds, "CHU de Rouen", limit=2).facts.__len__() == 2
    assert not [f for f in show(seeds, "CHU de Rouen", as_of="2015").facts if f.relation == "member_of"]


def test_kinds_are_matched_whatever_their_case(seeds):
    from innograph.errors import UsageError
    from innograph.queries.brokers import brokers

    assert [h.kind for h in search(seeds, "rouen", kinds=["hospital"])] == ["Hospital"]
    assert [h.kind for h in search(seeds, "rouen", kinds=["HOSPITAL"])] == ["Hospital"]
    with pytest.raises(UsageError):
        search(seeds, "rouen", kinds=["spaceship"])
    assert brokers(seeds, between=("hospital", "company")).to_dict() == \
        brokers(seeds, between=("Hospital", "Company")).to_dict()
