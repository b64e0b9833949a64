"""What the tests of the rule readers share: one article read by the document loader, the trained
relation model switched off (the rules alone)."""

from __future__ import annotations

import pytest


@pytest.fixture
def rules_only(monkeypatch):
    """Relations from the rules alone: the trained model is switched off."""
    monkeypatch.setenv("INNOGRAPH_RELATIONS", "rules")


def read(text: str, language: str = "fr"):
    """(entities, relations) of one article of `text`, as the document loader reads it."""
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article

    [(entities, relations)] = analyse([Article(text=text, language=language)])
    return entities, relations


def kinds(text: str, language: str = "fr") -> dict[str, set[str]]:
    """Each mention's text -> the kinds its mentions were given."""
    entities, _ = read(text, language)
    found: dict[str, set[str]] = {}
    for m in entities.mentions:
        found.setdefault(m.text, set()).add(m.entity.kind)
    return found


#: A sentence of match words closing a sports test article: a side is read only in an article about sport.
MATCH_WORDS = " L'équipe a remporté la victoire en finale du championnat après un bon match."


def posts(text: str) -> set[tuple]:
    """(person, organization) of the article's posts (French)."""
    return pairs(text, "holds_post")


def pairs(text: str, kind: str, language: str = "fr") -> set[tuple]:
    """(subject label, object label) of the article's relations of `kind`."""
    _, found = read(text, language)
    return {(r.subject.label, r.object.label) for r in found if r.object is not None and r.kind == kind}
