"""Fixtures for the graph queries: the hand-made seed graph, and small graphs built with FactWriter."""

from __future__ import annotations

import pytest

from innograph.examples import handmade_example
from innograph.graph.facts import FactWriter
from innograph.load import ingest
from innograph.graph.sources import SourcePayload
from innograph.graph.store import KnowledgeGraph


@pytest.fixture(scope="module")
def seeds():
    """An in-memory graph holding the hand-made rendering of the seed articles."""
    kg = KnowledgeGraph()
    ingest(kg, handmade_example())
    yield kg
    kg.close()


def load_writer(kg: KnowledgeGraph, writer: FactWriter, label: str = "test") -> None:
    """Put a FactWriter's triples into `kg` as one source."""
    kg.replace(label, [SourcePayload(iri=writer.source.value, label=label, loader="test", triples=writer.triples)])


@pytest.fixture
def writer() -> FactWriter:
    return FactWriter("https://w3id.org/innograph/source/test-0001")
