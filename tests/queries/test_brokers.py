"""Brokers: Gould–Fernandez roles against a hand-computed example, and the igraph measures
against networkx on the same organization graph."""

from __future__ import annotations

import itertools
import random

import networkx as nx
import pytest

from innograph.errors import UsageError
from innograph.queries.actors import actor_graph
from innograph.queries.brokers import ROLES, brokerage_roles, brokers


def test_gould_fernandez_hand_computed():
    """Broker b1 (group B), ties in: a1 a2 b2 c2 b3, out: b2 c1 a2, and a1 → a2.

    Pairs i → b1 → j (i ≠ j, no i → j), by hand:
      a1: b2 gatekeeper, c1 liaison (a2: a1 → a2 exists)  a2: b2 gatekeeper, c1 liaison
      b2: c1 representative, a2 representative            c2: b2 gatekeeper, c1 itinerant, a2 liaison
      b3: b2 coordinator, c1 representative, a2 representative
    """
    succ = {"a1": {"b1", "a2"}, "a2": {"b1"}, "b2": {"b1"}, "c2": {"b1"}, "b3": {"b1"},
            "b1": {"b2", "c1", "a2"}, "c1": set()}
    groups = {"a1": "A", "a2": "A", "b1": "B", "b2": "B", "b3": "B", "c1": "C", "c2": "C"}
    roles = brokerage_roles(succ, groups)
    assert roles["b1"] == {"coordinator": 1, "itinerant": 1, "gatekeeper": 3, "representative": 4, "liaison": 3}
    assert roles["c1"] == dict.fromkeys(ROLES, 0)
    assert roles["a2"] == {"coordinator": 0, "itinerant": 0, "gatekeeper": 0, "representative": 0, "liaison": 0}


def brute_force(succ, groups, b):
    counts = dict.fromkeys(ROLES, 0)
    preds = [i for i in succ if b in succ[i]]
    for i, j in itertools.product(preds, succ[b]):
        if i == j or i == b or j == b or j in succ[i]:
            continue
        gi, gb, gj = groups[i], groups[b], groups[j]
        role = ("coordinator" if gi == gb == gj else "itinerant" if gi == gj else
                "representative" if gi == gb else "gatekeeper" if gj == gb else "liaison")
        counts[role] += 1
    return counts


@pytest.mark.parametrize("seed", range(5))
def test_gould_fernandez_matches_brute_force(seed):
    rng = random.Random(seed)
    nodes = list(range(25))
    succ = {n: {m for m in nodes if m != n and rng.random() < 0.2} for n in nodes}
    groups = {n: rng.choice("XYZ") for n in nodes}
    roles = brokerage_roles(succ, groups)
    for b in nodes:
        assert roles[b] == brute_force(succ, groups, b)


def to_networkx(ag):
    g = nx.Graph()
    g.add_nodes_from(range(ag.graph.vcount()))
    g.add_weighted_edges_from((e.source, e.target, e["weight"]) for e in ag.graph.es)
    return g


def test_measures_agree_with_networkx(seeds):
    ag = actor_graph(seeds)
    found = brokers(seeds, n=100, actors=ag)
    g = to_networkx(ag)
    betweenness = nx.betweenness_centrality(g, normalized=False)
    constraint = nx.constraint(g, weight="weight")
    esize = nx.effective_size(g)
    by_label = {ag.label(v): v for v in range(ag.graph.vcount())}
    assert len(found) == ag.graph.vcount()
    for b in found:
        v = by_label[b.label]
        assert b.betweenness == pytest.approx(betweenness[v])
        if g.degree(v):
            assert b.constraint == pytest.approx(constraint[v])
            assert b.effective_size == pytest.approx(esize[v])
    assert found[0].label == "Médical Training Center"


def test_between_two_kinds_and_sampling(seeds):
    ag = actor_graph(seeds)
    between = brokers(seeds, between=("Hospital", "University"), n=3, actors=ag)
    assert between[0].betweenness > 0
    g = to_networkx(ag)
    kinds = {v: ag.kind(v) for v in g}
    subset = nx.betweenness_centrality_subset(
        g, [v for v in g if kinds[v] == "Hospital"], [v for v in g if kinds[v] == "University"], normalized=False)
    for b in between:
        v = next(v for v in g if ag.label(v) == b.label)
        assert b.betweenness == pytest.approx(subset[v])
    sampled = brokers(seeds, samples=3, n=3, actors=ag)
    assert len(sampled) == 3


@pytest.mark.parametrize("options", [{"n": 0}, {"between": ("Hospital", "Spaceship")}, {"samples": -1}])
def test_inputs_checked(seeds, options):
    with pytest.raises(UsageError):
        brokers(seeds, **options)
