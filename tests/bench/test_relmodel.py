"""The trained relation classifier (loaders/relmodel.py): features, candidates, the shipped weights,
and how it combines with the rules. The sentences are written for these tests."""

from __future__ import annotations

import numpy as np
import pytest

from innograph.loaders import relcandidates, relfeatures, relmodel, relscore
from innograph.loaders.relations import Relation

spacy = pytest.importorskip("spacy")


def _analyse(text: str, lang: str):
    from innograph.loaders.detect import detect
    from innograph.loaders.documents import _sentences
    from innograph.loaders.mentions import ArticleEntities, Gazetteer
    from innograph.loaders.nlp import pipeline

    docs = [(0, pipeline(lang)(text))]
    ents = detect(ArticleEntities(text, Gazetteer()), docs)
    return ents, docs, _sentences(text, docs)


def test_the_weights_ship_with_the_package_and_are_small():
    assert relscore.WEIGHTS.is_file()
    assert relscore.WEIGHTS.stat().st_size < 5_000_000
    model = relscore.load_model("en")
    assert model is not None and {"post", "founder", "seat"} <= set(model.weights)
    for relation, w in model.weights.items():
        assert w.shape == (len(model.vocab) + 1,), relation
        assert 0.0 < model.thresholds[relation] < 1.0
    assert relscore.load_model("xx") is None


def test_a_model_scores_features_it_knows_and_ignores_the_others():
    model = relscore.Model({"a": 0, "b": 1}, {"post": np.array([2.0, -1.0, 0.0])}, {"post": 0.5})
    assert model.score("post", ["a"]) == pytest.approx(1 / (1 + np.exp(-2.0)))
    assert model.score("post", ["a", "a", "unknown"]) == model.score("post", ["a"])
    assert model.score("post", []) == pytest.approx(0.5)
    assert model.score("seat", ["a"]) == 0.0


def test_the_dependency_path_runs_up_to_the_common_head_and_down():
    nlp = spacy.blank("en")
    doc = nlp("Maria joined Brightwave")
    heads, deps = [1, 1, 1], ["nsubj", "ROOT", "dobj"]
    for token, head, dep in zip(doc, heads, deps):
        token.head, token.dep_ = doc[head], dep
    labels, words = relfeatures.dep_path(doc[0], doc[2])
    assert labels == ["nsubj^", "vdobj"] and words == ["joined"]


def test_candidates_pair_people_with_organizations_in_one_sentence():
    text = "Maria Lindqvist, the chief executive of Brightwave Systems, spoke in Oslo on Monday."
    ents, docs, sentences = _analyse(text, "en")
    found = {(c.relation, c.subject.entity.label, c.object.entity.label) for c in relcandidates.candidates(ents, docs, sentences, "en")}
    assert ("post", "Maria Lindqvist", "Brightwave Systems") in found
    assert ("ceo", "Maria Lindqvist", "Brightwave Systems") in found
    assert all(r != "member" or s != o for r, s, o in found)
    feats = next(c.features for c in relcandidates.candidates(ents, docs, sentences, "en") if c.relation == "post")
    assert any(f.startswith("en|p:") for f in feats) and "order=so" in feats


def test_no_chief_executive_is_proposed_without_the_words():
    text = "Maria Lindqvist met the engineers of Brightwave Systems in Oslo."
    ents, docs, sentences = _analyse(text, "en")
    assert not [c for c in relcandidates.candidates(ents, docs, sentences, "en") if c.relation == "ceo"]


def test_the_model_adds_a_post_the_rules_did_not_read(monkeypatch):
    text = "Last spring Daniel Hughes became the head of research at Quillmark Labs."
    ents, docs, sentences = _analyse(text, "en")
    monkeypatch.setenv("INNOGRAPH_RELATIONS", "both")
    out = relmodel.propose(ents, docs, sentences, [], lang="en")
    posts = [(r.subject.label, r.object.label) for r in out if r.kind == "holds_post"]
    assert ("Daniel Hughes", "Quillmark Labs") in posts
    assert all(0.0 < r.attrs["score"] <= 1.0 for r in out)


def test_the_rules_keep_the_pairs_they_read_and_the_mode_switches(monkeypatch):
    text = "Last spring Daniel Hughes became the head of research at Quillmark Labs."
    ents, docs, sentences = _analyse(text, "en")
    person = next(e for e in ents.entities if e.kind == "person")
    org = next(e for e in ents.entities if e.kind == "organization")
    rule = Relation("holds_post", person, org, 0, len(text), text, {"title": "head of research"})
    monkeypatch.setenv("INNOGRAPH_RELATIONS", "both")
    assert relmodel.propose(ents, docs, sentences, [rule], lang="en") == [rule]
    monkeypatch.setenv("INNOGRAPH_RELATIONS", "rules")
    assert relmodel.propose(ents, docs, sentences, [], lang="en") == []
    monkeypatch.setenv("INNOGRAPH_RELATIONS", "model")
    only = relmodel.propose(ents, docs, sentences, [rule], lang="en")
    assert rule not in only and any(r.kind == "holds_post" for r in only)


def test_a_name_running_across_a_sentence_end_joins_the_two_sentences():
    from types import SimpleNamespace

    from innograph.loaders.text import Sentence

    text = "Ada Brook runs Hooray! Labs. She lives in Leeds."
    sentences = [Sentence(0, 22, text[0:22]), Sentence(23, 28, text[23:28]), Sentence(29, 48, text[29:48])]
    mentions = [SimpleNamespace(start=15, end=27)]  # "Hooray! Labs"
    joined = relcandidates._joined(text, sentences, mentions)
    assert [(s.start, s.end) for s in joined] == [(0, 28), (29, 48)]
    assert joined[0].text == "Ada Brook runs Hooray! Labs."


def test_a_chief_executive_is_added_where_the_rules_read_another_post(monkeypatch):
    text = "Daniel Hughes is the chairman and chief executive officer of Quillmark Labs."
    ents, docs, sentences = _analyse(text, "en")
    person = next(e for e in ents.entities if e.kind == "person")
    org = next(e for e in ents.entities if e.kind == "organization")
    rule = Relation("holds_post", person, org, 0, len(text), text, {"title": "chairman"})
    monkeypatch.setenv("INNOGRAPH_RELATIONS", "both")
    out = relmodel.propose(ents, docs, sentences, [rule], lang="en")
    titles = sorted(r.attrs.get("title") for r in out if r.kind == "holds_post")
    assert titles == ["chairman", "chief executive officer"]
    ceo_rule = Relation("holds_post", person, org, 0, len(text), text, {"title": "Chief Executive Officer"})
    assert relmodel.propose(ents, docs, sentences, [ceo_rule], lang="en") == [ceo_rule]


def test_a_name_typed_person_that_is_headquartered_is_an_organization_for_the_model():
    from types import SimpleNamespace

    nlp = spacy.blank("en")
    doc = nlp("Tom Fenwick is headquartered in Leeds")
    heads, deps = [1, 3, 3, 3, 3, 4], ["compound", "nsubjpass", "auxpass", "ROOT", "prep", "pobj"]
    for token, head, dep in zip(doc, heads, deps):
        token.head, token.dep_ = doc[head], dep
    person = SimpleNamespace(entity=SimpleNamespace(kind="person", label="Tom Fenwick"))
    assert relcandidates._kind(person, doc[0:2]) == "organization"
    doc2 = nlp("Tom Fenwick is based in Leeds")
    for token, head, dep in zip(doc2, heads, deps):
        token.head, token.dep_ = doc2[head], dep
    assert relcandidates._kind(person, doc2[0:2]) == "person"  # a person can be based somewhere
    place = SimpleNamespace(entity=SimpleNamespace(kind="place", label="Leeds"))
    assert relcandidates._kind(place, doc[5:6]) == "place"


def test_a_name_typed_person_after_a_title_and_of_is_an_organization_for_the_model():
    from types import SimpleNamespace

    nlp = spacy.blank("en")
    doc = nlp("Ada Brook is the CEO of Fenwick")
    heads, deps = [1, 2, 2, 4, 2, 4, 5], ["compound", "nsubj", "ROOT", "det", "attr", "prep", "pobj"]
    for token, head, dep in zip(doc, heads, deps):
        token.head, token.dep_ = doc[head], dep
    tagged = SimpleNamespace(entity=SimpleNamespace(kind="person", label="Fenwick"))
    assert relcandidates._kind(tagged, doc[6:7]) == "organization"  # the typing the rules' detection uses too
    person = SimpleNamespace(entity=SimpleNamespace(kind="person", label="Ada Brook"))
    assert relcandidates._kind(person, doc[0:2]) == "person"


def _parsed(text: str, heads: list[int], deps: list[str]):
    doc = spacy.blank("en")(text)
    for token, head, dep in zip(doc, heads, deps):
        token.head, token.dep_ = doc[head], dep
    return doc


def test_a_name_typed_organization_that_reads_as_a_person_is_a_person_for_the_model():
    from types import SimpleNamespace

    def tagged(label):  # the one typing the rules' detection uses too (retype.context_kind)
        return SimpleNamespace(entity=SimpleNamespace(kind="organization", label=label), source="ner")

    doc = _parsed("Brook was a professor at Pellow University", [1, 1, 3, 1, 3, 6, 4],
                  ["nsubj", "ROOT", "det", "attr", "prep", "compound", "pobj"])
    assert relcandidates._kind(tagged("Brook"), doc[0:1]) == "person"
    assert relcandidates._kind(tagged("Pellow University"), doc[5:7]) == "organization"  # the object stays what it was
    leader = _parsed("Pellow is a leader in sensors", [1, 1, 3, 1, 3, 4], ["nsubj", "ROOT", "det", "attr", "prep", "pobj"])
    assert relcandidates._kind(tagged("Pellow"), leader[0:1]) == "organization"  # leaders may be companies
    born = _parsed("Ada Brook (born 1950) said", [1, 5, 3, 1, 3, 5, 5], ["compound", "nsubj", "punct", "acl", "npadvmod",
                                                                         "punct", "ROOT"])
    assert relcandidates._kind(tagged("Ada Brook"), born[0:2]) == "person"
    group = _parsed("Brook University (born 1950) said", [1, 5, 3, 1, 3, 5, 5], ["compound", "nsubj", "punct", "acl",
                                                                            "npadvmod", "punct", "ROOT"])
    assert relcandidates._kind(tagged("Brook University"), group[0:2]) == "organization"  # a kind of organization


def test_a_name_typed_organization_where_a_seat_is_placed_is_a_place_for_the_model():
    from types import SimpleNamespace

    def tagged(label):
        return SimpleNamespace(entity=SimpleNamespace(kind="organization", label=label), source="ner")

    doc = _parsed("Pellow Labs is based in Tarnford , Wexland", [1, 3, 3, 3, 3, 4, 5, 5],
                  ["compound", "nsubjpass", "auxpass", "ROOT", "prep", "pobj", "punct", "appos"])
    assert relcandidates._kind(tagged("Tarnford"), doc[5:6]) == "place"
    assert relcandidates._kind(tagged("Wexland"), doc[7:8]) == "place"  # the region set after the town
    assert relcandidates._kind(tagged("Pellow Labs"), doc[0:2]) == "organization"
    both = _parsed("offices located in Tarnford and Dunmere", [0, 0, 1, 2, 3, 3], ["ROOT", "acl", "prep", "pobj", "cc", "conj"])
    assert relcandidates._kind(tagged("Dunmere"), both[5:6]) == "place"
    worked = _parsed("She worked in Pellow Labs", [1, 1, 1, 4, 2], ["nsubj", "ROOT", "prep", "compound", "pobj"])
    assert relcandidates._kind(tagged("Pellow Labs"), worked[3:5]) == "organization"  # working in is no seat


def test_a_name_ending_with_a_title_word_is_a_title_the_model_states_nothing_about():
    from innograph.loaders.mentions import Entity

    assert relscore.generic(Entity("organization", "Data Quality Specialist"))
    assert relscore.generic(Entity("person", "Night Shift Employee"))
    assert not relscore.generic(Entity("organization", "Pellow Consultants"))  # a firm's name in the plural
    assert not relscore.generic(Entity("organization", "Brightwave Systems"))
    assert not relscore.generic(Entity("person", "Dean Hollis"))  # a title word that starts a name


def test_a_person_the_rules_gave_a_post_is_marked_on_the_model_candidates():
    text = "Maria Lindqvist, the chief executive of Brightwave Systems, spoke about Quillmark Labs."
    ents, docs, sentences = _analyse(text, "en")
    person = next(e for e in ents.entities if e.kind == "person")
    org = next(e for e in ents.entities if e.label == "Brightwave Systems")
    rule = Relation("holds_post", person, org, 0, len(text), text, {"title": "chief executive"})
    marked = relcandidates.candidates(ents, docs, sentences, "en", posted=relcandidates.posted([rule]))
    assert marked and all("en|posted" in c.features for c in marked if c.relation in ("post", "ceo"))
    plain = relcandidates.candidates(ents, docs, sentences, "en")
    assert not any("en|posted" in c.features for c in plain)
