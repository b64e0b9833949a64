"""Founders (created_by) from the parse: the agent of a founding verb, passive or participle
("founded by A, B and C", "une société fondée par A"), or the subject of an active one with an
organization object ("A a fondé X avec B"). Mixed into :class:`innograph.loaders.syntax.SyntaxReader`.
"""

from __future__ import annotations

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, subjects_of


class FoundersMixin:
    """created_by from a founding verb (called on the cue words of lexicon.FOUNDING_VERBS)."""

    def founding(self, v) -> None:
        agents = [c for c in v.children if c.dep_ == "obl:agent" or (c.dep_ == "agent")]
        word = fold_word(v)
        if word in lx.FOUNDING_AGENT_VERBS and v.doc.lang_ == "en" and (not agents or (
                word == "set" and not any(c.dep_ == "prt" and fold_word(c) == "up" for c in v.children))):
            return  # "created a website": a founding only with its agent ("created by A", "set up by A")
        founders = []
        for a in agents:
            target = next((o for o in a.children if o.dep_ == "pobj"), None) if a.dep_ == "agent" else a
            if target is not None:
                founders += self.people(target) or self.orgs(target)
        if founders:  # "X was founded by A, B and C", "a company founded by A"
            created = []
            for c in v.children:  # (what is founded is no person: "X, fondée par A", with X tagged a person)
                if c.dep_ in ("nsubjpass", "nsubj:pass", "nsubj"):
                    created += self.orgs(c, retype="person")
            if not created and v.dep_ in ("acl", "relcl"):
                created = self.orgs(v.head, retype="person") or self._apposed_org(v.head)
            if not created and v.dep_ == "advcl" and v.i < v.head.i:  # "Founded in 1990 by A, X has grown": the
                created = [o for c in subjects_of(v.head) for o in self.orgs(c)]  # participle's subject is the clause's
            for org in created:
                for founder in founders:
                    self.add("created_by", org, founder, v)
            return
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        objects = [c for c in v.children if c.dep_ in ("dobj", "obj")]
        created = self.orgs(objects[0], retype="person") if objects else self.shared_object(v)
        if subjects and created:  # "A founded X", "A a fondé X avec B", "A founded and built X"
            people = self.people(subjects[0])
            with_ = [o for c in v.children if c.dep_ == "prep" and fold_word(c) in ("with", "alongside") for o in c.children if o.dep_ == "pobj"]
            with_ += [c for c in v.children if c.dep_ in ("obl", "obl:mod") and case_word(c) in ("avec",)]
            for w in with_:
                people += self.people(w)
            for org in created:
                for person in people:
                    self.add("created_by", org, person, v)

    def shared_object(self, v) -> list:
        """What a founding verb with no object of its own founded: its conjunct's object ("A founded and
        built X", "A a créé et dirigé X") or the organization of its conjunct's title ("A founded and
        became CEO of X")."""
        for c in v.children:
            if c.dep_ != "conj" or c.i < v.i:
                continue
            for d in c.children:
                if d.dep_ in ("dobj", "obj"):
                    return self.orgs(d, retype="person")
                if d.dep_ in ("attr", "oprd", "xcomp") and fold_word(d) in lx.TITLE_HEADS:
                    return self.title_orgs(d)
        return []

    def _apposed_org(self, noun) -> list:
        """The organization a descriptor noun describes: 'X, a startup founded by', 'X is a firm in'."""
        if noun.dep_ == "appos":
            return self.orgs(noun.head)
        if noun.dep_ in ("attr", "ROOT") and fold_word(noun) in lx.ORG_NOUNS | lx.ORG_DESCRIPTIONS:
            verb = noun.head if noun.dep_ == "attr" else noun
            return [o for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass") for o in self.orgs(c)]
        return []
