"""Example data shipped with innograph: the seed press articles the project started from.

>>> sorted(p.name for p in seed_documents())
['000_165a3a16ab718192.txt', '004_489302e067a3c65f.txt']
"""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent


def seed_documents() -> list[Path]:
    """The two French press documents (one of them holds two articles)."""
    return sorted((HERE / "seeds").glob("*.txt"))


def handmade_example() -> Path:
    """A hand-made RDF rendering of the seed documents (written by a person, not extracted)."""
    return HERE / "seeds-handmade.ttl"
