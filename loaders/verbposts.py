"""Posts and membership read from verbs in the dependency parse: joining ("X a rejoint Y", "X joined
Y as T"), working ("X a travaillé chez Y"), leading ("X dirige Y") and the affiliation set off after a
name ("le Dr X, de l'hôpital Y"). Mixed into :class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import _case, _f, _unique, subjects_of
from innograph.loaders.mentions import country_key
from innograph.loaders.syntaxholders import _AS
from innograph.loaders.syntaxposts import _title_text

#: "X, de l'" / "X, du" / "X, chez" right after a person's name: the organization they speak for follows.
_SET_OFF_OF = re.compile(r",[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l['’]|du[ \t]+|des[ \t]+|d['’]|de[ \t]+|chez[ \t]+)")


class VerbPostsMixin:
    # -- membership ----------------------------------------------------------------------------
    def joining(self, v) -> None:
        subjects = [c for c in v.children if c.dep_ in ("nsubj",)]
        targets = [c for c in v.children if c.dep_ in ("dobj", "obj")]
        targets += [c for c in v.children if c.dep_.startswith("obl") and _case(c) in ("a", "au", "aux")]
        if not targets:
            return
        people = self.people(subjects[0]) if subjects else self.movers(v)  # ("a quitté A pour rejoindre B")
        members = [] if people or not subjects else self.orgs(subjects[0], actors=True)
        self.provenance(v, people)
        title = next((_title_text(p) for c in v.children if c.dep_ == "prep" and _f(c) in _AS
                      for p in c.children if p.dep_ == "pobj"), None) \
            or next((_title_text(c) for c in v.children if c.dep_.startswith("obl") and _case(c) in _AS), None)
        for org in self.orgs(targets[0], retype=True):
            for person in people:  # a person joining a company takes a post there, a body a seat
                if country_key(org.label) in lx.COUNTRIES:
                    continue  # "X a rejoint le Royaume-Uni": a journey
                if fold_same_length(org.label.split()[0]) in lx.MEMBERSHIP_BODIES or org.org_kind == "Cluster":
                    self.add("member_of", person, org, v)
                else:
                    self.add("holds_post", person, org, v, title=title, current=True)
            for member in members:
                if country_key(org.label) not in lx.COUNTRIES:  # "X rejoint le Y en quarts": a round, not a body
                    self.add("member_of", member, org, v)

    def working(self, v) -> None:
        """'X worked at Y', 'X a travaillé chez Y', 'X was employed by Y', 'X served as T at Y'."""
        orgs, title = [], None
        for c in v.children:
            if c.dep_ in ("prep", "agent") and _f(c) in ("at", "for", "with", "by", "in"):
                orgs += [o for p in c.children if p.dep_ == "pobj" for o in self.orgs(p, retype=_f(c) != "in")]
                title = title or next((_title_text(p) for p in c.children if p.dep_ == "pobj" and _f(p) in lx.TITLE_HEADS), None)
            elif c.dep_.startswith("obl") and _case(c) in ("chez", "pour", "a", "au", "aux", "aupres", "dans", "par"):
                orgs += self.orgs(c, retype=_case(c) in ("chez", "pour"))
            elif c.dep_ == "prep" and _f(c) in _AS:
                title = next((_title_text(p) for p in c.children if p.dep_ == "pobj"), None)
        if not orgs:
            return
        subjects = subjects_of(v)
        if not subjects and v.dep_ == "conj":  # "X a étudié à A et a ensuite travaillé chez B"
            subjects = subjects_of(v.head)
        people = self.people(subjects[0]) if subjects else []
        for person in people:
            for org in _unique(orgs):
                self.add("holds_post", person, org, v, title=title, current=True)

    def affiliation(self, doc, m) -> None:
        """'le Dr X, de l'hôpital Y', 'X de l'Institut Z': a person set off with the organization
        they speak for (French, a nominal modifier of the name or of the honorific before it, or,
        when the parse lost it, an organization named right after "X, de l'")."""
        span = doc.char_span(m.start - self.offset, m.end - self.offset, alignment_mode="expand")
        if span is None or doc.lang_ != "fr":
            return
        heads = list(span)
        if span.root.head.i == span.start - 1 and span.root.dep_ in ("flat:name", "appos", "nmod"):
            heads.append(span.root.head)  # "le Dr X, de Y": Y hangs from "Dr"
        found = False
        for h in heads:
            for c in h.children:
                if c.dep_ == "nmod" and c.i >= span.end and _case(c) in ("de", "du", "des", "d'", "d’", "chez"):
                    for org in self.orgs(c) or (self.new_organization(c) if _case(c) == "chez" else []):
                        self.add("holds_post", m.entity, org, c, title=None, current=True)
                        found = True
        after = _SET_OFF_OF.match(self.ents.text, m.end, min(len(self.ents.text), m.end + 12))
        if not found and after:
            org = self._at.get(after.end())
            token = next((t for t in doc if self.offset + t.idx >= after.end()), None)
            if org is not None and org.start == after.end() and org.entity.kind == "organization":
                if token is not None:
                    self.add("holds_post", m.entity, org.entity, token, title=None, current=True)
            elif org is None and token is not None:  # "X, de la société de conseil Y": through its descriptor
                for o in self.described_org(token):
                    self.add("holds_post", m.entity, o, token, title=None, current=True)

    def leading(self, v) -> None:
        """'X dirige Y', 'X heads Y', 'X préside Y': a post, titled by the verb."""
        subjects = [c for c in v.children if c.dep_ == "nsubj"]
        objects = [c for c in v.children if c.dep_ in ("obj", "dobj", "xcomp") or (c.dep_ == "obl:arg" and not _case(c))]
        if subjects and objects:
            for person in self.people(subjects[0]):
                for org in self.orgs(objects[0], retype=True):
                    self.add("holds_post", person, org, v, title=lx.LEADING_VERBS[_f(v)], current=True)
