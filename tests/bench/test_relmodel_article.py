"""The article-level features of the relation model (loaders/relfeatures.article_features): what the
whole article says of a pair, read for French only. The sentences are written for these tests."""

from __future__ import annotations

import pytest

from innograph.loaders import relcandidates
from innograph.loaders.relations import Relation

pytest.importorskip("spacy")

MATCH = ("Victoire du club Norvalle FC contre Dremont.\n\n"
         "Le club a gagné le match grâce aux buts de Paul Kerbel et de Yanis Morvan pour le Norvalle FC, "
         "après une saison difficile pour l'équipe et son entraîneur.")


def _analyse(text: str, lang: str):
    from innograph.loaders.detect import detect
    from innograph.loaders.documents import _sentences
    from innograph.loaders.mentions import ArticleEntities, Gazetteer
    from innograph.loaders.nlp import pipeline

    docs = []
    offset = 0
    for piece in text.split("\n\n"):
        docs.append((offset, pipeline(lang)(piece)))
        offset += len(piece) + 2
    ents = detect(ArticleEntities(text, Gazetteer()), docs)
    return ents, docs, _sentences(text, docs)


def _entity(ents, label):
    return next(e for e in ents.entities if e.label == label)


def test_a_teammate_the_rules_placed_and_the_sports_report_are_features_of_a_french_pair():
    ents, docs, sentences = _analyse(MATCH, "fr")
    club, placed = _entity(ents, "Norvalle FC"), _entity(ents, "Paul Kerbel")
    rule = Relation("holds_post", placed, club, 0, len(MATCH), MATCH, {})
    found = [c for c in relcandidates.candidates(ents, docs, sentences, "fr", rules=[rule])
             if c.relation == "post" and c.subject.entity.label == "Yanis Morvan" and c.object.entity is club]
    assert found
    features = set(found[0].features)
    assert "fr|sib_ruled" in features  # the rules placed the player listed with him in the club
    assert "fr|art_sport=1" in features or "fr|art_sport=2" in features
    assert "fr|o_hl=1" in features and "fr|s_hl=0" in features  # the club is named in the headline
    assert "fr|o_ruleposts=1" in features
    alone = [c for c in relcandidates.candidates(ents, docs, sentences, "fr", rules=[])
             if c.relation == "post" and c.subject.entity.label == "Yanis Morvan" and c.object.entity is club]
    assert alone and "fr|sib_ruled" not in alone[0].features and "fr|o_ruleposts=0" in alone[0].features


def test_without_the_rules_relations_or_in_english_there_are_no_article_features():
    ents, docs, sentences = _analyse(MATCH, "fr")
    plain = relcandidates.candidates(ents, docs, sentences, "fr")
    assert plain and not any(f.startswith("fr|art_sport") for c in plain for f in c.features)
    text = "Dana Whitby scored twice for Harrowgate United in the league match on Sunday."
    ents, docs, sentences = _analyse(text, "en")
    english = relcandidates.candidates(ents, docs, sentences, "en", rules=[])
    assert english and not any("art_sport" in f or "sib_ruled" in f for c in english for f in c.features)


def test_a_person_and_a_place_make_a_post_candidate_without_a_title():
    ents, docs, sentences = _analyse("Paul Kerbel a marqué deux buts pour la Norvège lors du match.", "fr")
    assert _entity(ents, "Norvège").kind == "place"
    found = {(c.relation, c.subject.entity.label, c.object.entity.label)
             for c in relcandidates.candidates(ents, docs, sentences, "fr", ["placepost", "govpost"])}
    assert found == {("placepost", "Paul Kerbel", "Norvège")}  # (govpost wants a title word)
