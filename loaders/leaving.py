"""Former posts read from English verbs of leaving an organization: "P left X", "P resigned / retired
from X", "P quit X", and the gerund phrases of time whose subject is the clause's ("After leaving X,
P founded Y"). A person who leaves an organization held a post there, now a
former one (a body left says no post, and a membership carries no end). French "a quitté X" is read with the moves of :mod:`.sportposts`.
Mixed into :class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import fold_word, gerund_subjects, subjects_of, unreal

#: The verbs whose direct object is the organization left ("left X", "quit X").
_LEFT_OBJECT = frozenset("left leave leaves leaving quit quits quitting".split())


class LeavingMixin:
    """holds_post (current: false) from lexicon.LEAVING_VERBS_EN (a membership left is
    :meth:`.syntaxmembers.MembersMixin.leaving`'s)."""

    def leaving_post(self, v) -> None:
        if v.doc.lang_ != "en" or unreal(v) or self.wished(v):
            return
        word = fold_word(v)
        if word in _LEFT_OBJECT:
            places = [c for c in v.children if c.dep_ == "dobj"]
        else:  # "resigned from X", "retired from the company"
            places = [p for c in v.children if c.dep_ == "prep" and fold_word(c) == "from" for p in c.children if p.dep_ == "pobj"]
        orgs = [o for p in places for o in self.orgs(p)]
        if not orgs:
            return
        subjects = subjects_of(v) or gerund_subjects(v)
        if not subjects and v.dep_ == "conj":  # "P joined A in 1990 and left it in 2001"
            subjects = subjects_of(v.head)
        people = self.people(subjects[0]) if subjects else []
        for org in orgs:
            if self.body(org):
                continue  # a party or a body left: no longer a member, and a membership has no end here
            for person in people:
                self.add("holds_post", person, org, v, title=None, current=False)
