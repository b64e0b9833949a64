"""A trained relation classifier for pairs of entities named in one sentence.

The rules (:mod:`.relations`) read what they were written for; this model reads the pairs they
leave: a person and an organization in one sentence with no post read between them, an
organization and a place with no seat read, and so on. Each candidate (entity, entity, sentence)
is described by sparse features — the entity kinds and their order, the dependency path between
the two names (labels and words on it), the words between them and around them, title words,
how many other names stand between (:mod:`.relfeatures`), whether the rules already gave the
person a post, and for French the article around the pair (a sports report, the headline's names,
the posts the rules read, a teammate they placed) — and, in French, dense columns: the pipeline's
own word vectors of the path, title and neighbouring words (:mod:`.relvectors`), which carry to
words never seen in training — scored by one logistic regression per relation, its weights shipped
with the package (``relmodel.npz``, trained by ``bench/train_relations.py`` on KnowledgeNet folds 1–2 for
English and on the annotated French press train part; numpy only at run time, nothing downloaded).
A French relation ships only when its out-of-part precision reaches 0.85 (the trainer's gate); none does
with the current rules (held out, the post model was right on 7 of 15 pairs at 0.9), so the weights hold
English only and French is read by the rules alone.

Relations and the facts they give (subject → object, as the loader writes them):

========  ======================  ==========================================
relation  pair                    fact
========  ======================  ==========================================
post      person → organization   holds_post (title read nearby when there)
govpost   person → place          holds_post of a country or city, only with a title word
                                  near ("le ministre ghanéen de la Santé, X"); the place
                                  is then an actor: a public authority of that name
placepost person → place          holds_post of a place named as a side, with or without a
                                  title ("X a marqué le but du Sénégal"; a club named after
                                  its town); the place is then an actor, as for govpost
ceo       person → organization   holds_post with a chief-executive title
founder   organization → person   created_by (founded_by)
seat      organization → place    located_in
member    organization → organization   member_of
========  ======================  ==========================================

The model only adds: a pair the rules already related (either direction, any kind) is left to
the rules. ``INNOGRAPH_RELATIONS=rules`` turns the model off, ``=model`` keeps only the model's
facts for the kinds above (to measure what each adds); the default is both.
``INNOGRAPH_RELMODEL`` names another weights file (one trained with a part held out, to score it).

Three modules: the candidates (:mod:`.relcandidates`), the weights, scores and thresholds
(:mod:`.relscore`), and here the facts proposed from them.
"""

from __future__ import annotations

import os

from innograph.graph.normalize import fold_same_length
from innograph.loaders.relcandidates import CEO_WORDS, CROSS_RELATIONS, RELATIONS, Candidate
from innograph.loaders.relscore import load_model, scored

#: Fact kinds the model can state (``INNOGRAPH_RELATIONS=model`` drops the rules' facts of these).
MODEL_KINDS = frozenset(k for *_, k in RELATIONS.values())
CEO_TITLE = {"en": "CEO", "fr": "directeur général"}


def mode() -> str:
    value = os.environ.get("INNOGRAPH_RELATIONS", "both").strip().lower()
    return value if value in ("rules", "model", "both") else "both"


def _ceo_title(c: Candidate, lang: str) -> str:
    """The chief executive's title as the sentence writes it ("Chief Executive Officer")."""
    found = CEO_WORDS.search(fold_same_length(c.sentence.text))
    if found is None:
        return CEO_TITLE.get(lang, "CEO")
    return c.sentence.text[found.start():found.end()]


#: Relations whose place object is written as an actor (the place is not retyped before).
_PLACE_POSTS = frozenset(("govpost", "placepost", *CROSS_RELATIONS))


def propose(ents, docs, sentences, relations, *, lang: str) -> list:
    """The rules' relations plus the model's (see the module doc for ``INNOGRAPH_RELATIONS``)."""
    which = mode()
    if which == "rules":
        return relations
    model = load_model(lang)
    if model is None:
        return relations
    from innograph.loaders.relations import Relation

    kept = [r for r in relations if not (which == "model" and r.kind in MODEL_KINDS)]
    best = scored(ents, docs, sentences, kept, model, lang)
    out = list(kept)
    in_rules = {id(e) for r in kept for e in (r.subject, r.object)}
    for (s, o, relation), (p, c) in best.items():
        kind = RELATIONS[relation][2]
        retyped = [(m.entity, k) for m, k in zip((c.subject, c.object), RELATIONS[relation][:2])
                   if m.entity.kind != k and relation not in _PLACE_POSTS]
        if any(id(e) in in_rules for e, _ in retyped):
            continue  # the rules read it as it was typed
        for entity, k in retyped:
            entity.kind = k
            if k != "organization":
                entity.org_kind = None
        attrs: dict = {"score": round(p, 3)}
        if relation == "ceo":
            attrs["title"] = _ceo_title(c, lang)
        elif kind == "holds_post":
            if relation == "post" and (s, o, "ceo") in best and CEO_WORDS.search(fold_same_length(c.title or "")):
                continue  # the same post as the chief executive's
            attrs["title"] = c.title
        if relation == "govpost":  # the country or city acts: it is written as a public authority
            c.object.entity.kind, c.object.entity.org_kind = "organization", "PublicAuthority"
        elif relation == "placepost":  # a side or club named by its place: an organization
            if (s, o, "govpost") in best:
                continue  # the same post, read with its title
            c.object.entity.kind = "organization"
        elif relation in CROSS_RELATIONS and c.object.entity.kind == "place":  # a side named by its place
            c.object.entity.kind = "organization"
        out.append(Relation(kind, c.subject.entity, c.object.entity, c.sentence.start, c.sentence.end,
                            c.sentence.text, attrs))
    return out
