"""Candidates across sentences (loaders/sidepairs.py): a person and the side or body the article
names elsewhere, for the relation model to score. The articles are written for these tests."""

from __future__ import annotations

from innograph.loaders import relcandidates, relscore
from innograph.loaders.relations import Relation

MATCH = ("Le Norvalle FC bat le Dremont SC en finale de la coupe\n\n"
         "Le Norvalle FC a remporté la finale de la coupe face au Dremont SC, dimanche soir au stade.\n\n"
         "Paul Kerbel a ouvert le score d'une frappe puissante, puis Yanis Morvan a inscrit le deuxième but "
         "de la tête.\n\n"
         "L'entraîneur du Dremont SC, Marc Lestrade, a salué la victoire de son adversaire.")

REPORT = ("La Bolivie adopte un nouveau budget\n\n"
          "Le parlement de la Bolivie a voté mardi le budget de l'année prochaine.\n\n"
          "Le texte prévoit une hausse des dépenses de santé et d'éducation.\n\n"
          "Le président Henri Valmont a promis de le promulguer rapidement.\n\n"
          "Selon Claire Dumas, une habitante de la capitale, les prix montent.")


def _analyse(text: str):
    from innograph.loaders.detect import detect
    from innograph.loaders.documents import _sentences
    from innograph.loaders.mentions import ArticleEntities, Gazetteer
    from innograph.loaders.nlp import pipeline

    docs, offset = [], 0
    for piece in text.split("\n\n"):
        docs.append((offset, pipeline("fr")(piece)))
        offset += len(piece) + 2
    ents = detect(ArticleEntities(text, Gazetteer()), docs)
    return ents, docs, _sentences(text, docs)


def _entity(ents, label):
    return next(e for e in ents.entities if e.label == label)


def _pairs(cands, relation):
    return {(c.subject.entity.label, c.object.entity.label): c for c in cands if c.relation == relation}


def test_a_player_alone_in_his_sentence_is_paired_with_both_sides_of_the_match_report():
    ents, docs, sentences = _analyse(MATCH)
    club, scorer = _entity(ents, "Norvalle FC"), _entity(ents, "Paul Kerbel")
    cands = relcandidates.candidates(ents, docs, sentences, "fr", ["sidepost", "post"], rules=[])
    side = _pairs(cands, "sidepost")
    assert ("Paul Kerbel", "Norvalle FC") in side and ("Paul Kerbel", "Dremont SC") in side
    features = set(side[("Paul Kerbel", "Norvalle FC")].features)
    assert {"fr|sidepost|o_hl=1", "fr|sidepost|o_first=1", "fr|sidepost|n_sides=2"} <= features
    assert any(f.startswith("fr|sidepost|play:") for f in features)  # 'a ouvert le score'
    # the coach shares a sentence with the side he is named with: that pair is the same-sentence
    # candidates' (post), not a side pair
    assert ("Marc Lestrade", "Dremont SC") not in side
    assert ("Marc Lestrade", "Dremont SC") in _pairs(cands, "post")
    # a teammate the rules placed in the side is a feature of the other player's pair
    rule = Relation("holds_post", scorer, club, 0, len(MATCH), MATCH, {})
    placed = _pairs(relcandidates.candidates(ents, docs, sentences, "fr", ["sidepost"], rules=[rule]), "sidepost")
    assert "fr|sidepost|mate_here" in placed[("Yanis Morvan", "Norvalle FC")].features
    assert "fr|sidepost|o_ruleposts=1" in placed[("Yanis Morvan", "Norvalle FC")].features
    assert "fr|sidepost|mate_here" not in side[("Yanis Morvan", "Norvalle FC")].features


def test_a_title_that_wants_an_organization_is_paired_with_the_country_of_a_political_report():
    ents, docs, sentences = _analyse(REPORT)
    cands = relcandidates.candidates(ents, docs, sentences, "fr", ["sidepost", "titlepost"], rules=[])
    assert not _pairs(cands, "sidepost")  # no sports report
    title = _pairs(cands, "titlepost")
    assert ("Henri Valmont", "Bolivie") in title
    assert "fr|titlepost|title:président" in title[("Henri Valmont", "Bolivie")].features
    assert not any(s == "Claire Dumas" for s, _ in title)  # no title: nothing to pair


def test_side_pairs_are_made_only_when_asked_for_and_only_in_french_with_the_rules_read():
    ents, docs, sentences = _analyse(MATCH)
    assert not _pairs(relcandidates.candidates(ents, docs, sentences, "fr", ["post"], rules=[]), "sidepost")
    assert not _pairs(relcandidates.candidates(ents, docs, sentences, "fr", ["sidepost"]), "sidepost")
    assert not _pairs(relcandidates.candidates(ents, docs, sentences, "en", ["sidepost"], rules=[]), "sidepost")


def test_the_model_keeps_a_side_pair_by_the_words_of_the_persons_own_sentence():
    ents, docs, sentences = _analyse(MATCH)
    scorer = _entity(ents, "Paul Kerbel")
    cands = relcandidates.candidates(ents, docs, sentences, "fr", ["sidepost"], rules=[])
    side = _pairs(cands, "sidepost")[("Paul Kerbel", "Norvalle FC")]
    vocab = {f: i for i, f in enumerate(side.features)}
    import numpy as np

    weights = np.zeros(len(vocab) + 1, dtype="float32")
    weights[-1] = -3.0  # the bias
    weights[vocab["fr|sidepost|play:ouvert le score"]] = 10.0  # the scorer's own sentence decides
    model = relscore.Model(vocab, {"sidepost": weights}, {"sidepost": 0.5})
    best = relscore.scored(ents, docs, sentences, [], model, "fr")
    kept = {(s, o) for s, o, r in best if r == "sidepost"}
    assert (id(scorer), id(side.object.entity)) in kept
    assert all("fr|sidepost|play:ouvert le score" in c.features for _, c in best.values())
    assert len(kept) < len(_pairs(cands, "sidepost"))  # the pairs without those words are left
