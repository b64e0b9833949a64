"""Posts, memberships and appointments read by word order and cue words (French and English), the
surface patterns of :class:`innograph.loaders.relations.Extractor` that the parse's readers
(:mod:`.syntaxposts`, :mod:`.verbposts`, :mod:`.syntaxmembers`) do not replace: "X, directeur de Y",
"le président de Y, X", "Son président, X", "Y, présidé par X", "X a rejoint Y", "X a été nommé
directeur de Y" (a paragraph in the other language than the article's is parsed with the wrong model).
Mixed into the Extractor (uses its `add`, `mentions`, `subject_of`, `ents`, `folded`, `text`,
`sentences`)."""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import clean_title, cue_pattern, founder_only
from innograph.loaders.dates import find_dates
from innograph.loaders.mentions import Mention
from innograph.loaders.text import Sentence

_TITLE_RE = cue_pattern(lx.TITLES)
_MEMBER_RE = cue_pattern(lx.MEMBERSHIP_VERBS)
_REVERSE_MEMBER_RE = cue_pattern(lx.REVERSE_MEMBERSHIP_VERBS)
_WHO_LEADS_RE = re.compile(r"[ \t]*,[ \t]*(?:qui|who)[ \t]+(?P<verb>preside|presidait|dirige|dirigeait|pilote|anime|heads|headed|leads|led|chairs|chaired|runs|ran|directs|founded|a fonde|a cofonde|co-founded)[ \t]+(?:aujourd'hui[ \t]+|desormais[ \t]+|now[ \t]+|currently[ \t]+)?")
_LEADS_TITLE = {"preside": "président", "presidait": "président", "dirige": "directeur", "dirigeait": "directeur",
                "pilote": "responsable", "anime": "animateur", "heads": "head", "headed": "head", "leads": "head",
                "led": "head", "chairs": "chair", "chaired": "chair", "runs": "head", "ran": "head", "directs": "director"}
_APPOINTED_RE = re.compile(r"(?<![\w])(?:a ete nomme|a ete nommee|est nomme|est nommee|nomme|nommee|devient|deviendra|est devenu|est devenue|prend la tete de|prendra la tete de|was appointed|has been appointed|is appointed|appointed|was named|has been named|named|becomes|became|takes the helm of|took the helm of|promoted to|elected|elu|elue)(?![\w])")
_LED_BY_RE = cue_pattern(lx.LED_BY)
_POSSESSIVE_TITLE_RE = re.compile(r"(?<![\w])(?:son|sa|ses|its|their|leur|the[ \t]+[\w\-]+'s)[ \t]+(?:(?:new|nouveau|nouvelle|actuel|actuelle|current)[ \t]+)?")
_PREP = r"(?:[ \t]+(?:de[ \t]+la|de[ \t]+l'|du|des|de|d'|of[ \t]+the|of|at|chez|au[ \t]+sein[ \t]+de|au[ \t]+sein[ \t]+du|a[ \t]+la[ \t]+tete[ \t]+de|a[ \t]+la|a[ \t]+l'|au|aux|a|pour[ \t]+la|pour[ \t]+l'|pour[ \t]+le|pour)[ \t]*)"
_FORMER = ("etait", "fut", "ancien", "ancienne", "ex", "former", "then", "a l'epoque", "was")
#: The noun a title's own complement opens with ("avocate des victimes de Y": "victimes").
_FIRST_COMPLEMENT = re.compile(r"[ \t]+(?:de[ \t]+la|de[ \t]+l'|des|du|de|d')[ \t]*(?:les[ \t]+)?(?P<noun>[a-z\-]+)")
_ACCORDING_TO = re.compile(r"(?<![\w])(?:selon|d'apres|according[ \t]+to)[ \t]+$")


class SurfacePostsMixin:
    """The word-order readers of posts, memberships and appointments."""

    def posts(self, sent: Sentence) -> None:
        """'X, directeur général du CHU', 'X, qui était alors directeur de Y', 'le président de Y, X'."""
        f = self.folded
        for person in self.mentions(sent, "person"):
            leads = _WHO_LEADS_RE.match(f, person.end)
            if leads and leads.end() <= sent.end:  # "X, qui préside aujourd'hui l'entreprise", "X, who heads Y"
                org = self.ents.starting_at(leads.end(), "organization")
                if org:
                    verb = re.sub(r"[ \t]+", " ", leads["verb"])
                    self.add("holds_post", person.entity, org.entity, sent, title=_LEADS_TITLE.get(verb, verb), current=True)
                    continue
            head = re.match(r"[ \t]*,[ \t]*(?P<pre>(?:(?:qui|who)[ \t]+(?:est|etait|fut|sera|is|was|has[ \t]+been)[ \t]+)?(?:(?:a[ \t]+l'epoque|alors|aujourd'hui|actuellement|desormais|now|currently)[ \t]+)?(?:l'|le[ \t]+|la[ \t]+|un[ \t]+|une[ \t]+|the[ \t]+|an?[ \t]+)?(?:(?:ancien|ancienne|ex|former|then)[ \t\-]+)?)", f[person.end:sent.end])
            if not head:
                continue
            pos = person.end + head.end()
            poss = re.match(r"(?:the[ \t]+)?([\w\-]+)'s[ \t]+", f[pos:sent.end]) if head["pre"].strip() in ("the", "") else None
            if poss and self.ents.starting_at(pos, "organization") is None:  # "X, the cluster's manager"
                title = _TITLE_RE.match(f, pos + poss.end())
                owner = self._antecedent(pos, "the " + poss.group(1) + "'s", sent) if title else None
                if title and owner is not None:
                    self.add("holds_post", person.entity, owner, sent,
                             title=clean_title(self.text[title.start():title.end()]), current=True)
                    continue
            title = _TITLE_RE.match(f, pos)
            if not title:  # "a former materials engineer at": up to two modifiers before the title
                # (not "X, et le directeur de Y, Z": the next item of a list; not "X, fille du fondateur de Y":
                # a title's complement is someone else's)
                mod = re.match(r"(?!(?:et|ou|ni|and|or)[ \t])(?:(?!(?:de|du|des|of)[ \t])[a-z\-]+[ \t]+){1,2}", f[pos:sent.end])
                title = _TITLE_RE.match(f, pos + mod.end()) if mod else None
            if not title:
                org = self.ents.starting_at(pos, "organization")  # "X, Corvista's co-founder"
                if org and f.startswith("'s ", org.end):
                    title = _TITLE_RE.match(f, org.end + 3)
                    if title:
                        self.add("holds_post", person.entity, org.entity, sent,
                                 title=clean_title(self.text[title.start():title.end()]), current=True)
                        if any(t in f[title.start():title.end()] for t in lx.FOUNDER_TITLES):
                            self.add("created_by", org.entity, person.entity, sent)
                continue
            addressed = not head["pre"].startswith(("qui", "who")) and re.search(  # (a relative clause is the person's)
                r"(?:^|[ \t])(?:a|au|aux|avec|par|de|d'|selon|d'apres|according[ \t]+to)[ \t]*(?:(?:m|mme|dr)\.?[ \t]+)?$",
                f[max(sent.start, person.start - 14):person.start])
            self._post_at(sent, person, pos, title.end(), former=any(w in head["pre"] for w in _FORMER), addressed=bool(addressed))
        for org in self.mentions(sent, "organization"):
            # "Mechatron Surgical's chief executive, Kevin Doyle" / "Pennine Ventures partner Alice Brennan"
            m = re.match(r"(?:'s)?[ \t]+", f[org.end:sent.end])
            title = _TITLE_RE.match(f, org.end + m.end()) if m else None
            if title:
                after = re.match(r"[ \t]*,?[ \t]*", f[title.end():sent.end])
                person = self.ents.starting_at(title.end() + after.end(), "person")
                if person and person.start - title.end() <= 3:
                    said = f[title.start():title.end()]
                    if not founder_only(said):  # "Corvista founder Ada Brill": founding is not a post
                        self.add("holds_post", person.entity, org.entity, sent,
                                 title=clean_title(self.text[title.start():title.end()]), current=True)
                    if any(t in said for t in lx.FOUNDER_TITLES):
                        self.add("created_by", org.entity, person.entity, sent)
        for poss in _POSSESSIVE_TITLE_RE.finditer(f, sent.start, sent.end):
            # "Son président, Antoine Ferrand" / "The cluster's director, Tom Akers"
            title = _TITLE_RE.match(f, poss.end())
            if not title or self._org_of_title(title.end(), sent):
                continue  # ("son ancien coach de Y, X": Y's, read with the title's complement)
            after = re.match(r"[ \t]*,[ \t]*", f[title.end():sent.end])
            person = self.ents.starting_at(title.end() + after.end(), "person") if after else None
            org = self._antecedent(poss.start(), f[poss.start():poss.end()], sent)
            if person and org:
                self.add("holds_post", person.entity, org, sent, title=clean_title(self.text[title.start():title.end()]), current=True)
        for cue in _LED_BY_RE.finditer(f, sent.start, sent.end):
            org = self.subject_of(sent, before=cue.start())
            key = re.sub(r"[\s'\-]+", " ", cue.group(0))
            for person, title in self._led_by_list(cue.end(), sent) if org else ():
                self.add("holds_post", person.entity, org.entity, sent, title=title or lx.LED_BY.get(key), current=True)
        for title in _TITLE_RE.finditer(f, sent.start, sent.end):
            org_m = self._org_after_title(title.end(), sent)
            if org_m is None:
                continue
            after = re.match(r"[ \t]*,?[ \t]*", f[org_m.end:sent.end])
            person = self.ents.starting_at(org_m.end + after.end(), "person") if after else None
            apposed = "," in after.group(0) and re.search(r",[ \t]*(?:le[ \t]+|la[ \t]+|l')?$", f[sent.start:title.start()]) \
                and any(m.end > title.start() - 8 for m in self.ents.within(sent.start, title.start(), "person"))
            if person and person.start - org_m.end <= 3 and not apposed:  # (not "A, T de Y, B a dit": A's title)
                self.add("holds_post", person.entity, org_m.entity, sent, title=clean_title(self.text[title.start():title.end()]), current=True)

    def _led_by_list(self, pos: int, sent: Sentence) -> list[tuple]:
        """'led by A', 'led by President A, Chief Financial Officer B and Treasurer C': the persons
        after the cue, each maybe after its own title (a few words, no comma), with that title."""
        out = []
        while True:
            person = min((m for m in self.ents.within(pos, sent.end, "person") if m.start <= pos + 45),
                         key=lambda m: m.start, default=None)
            words = self.text[pos:person.start].lstrip(" \t") if person else ""
            if person is None or not re.fullmatch(r"(?:[A-Za-zÀ-ÿ\-]+[ \t]+){0,4}", words) \
                    or (words and not any(w.lower() in lx.TITLE_HEADS for w in words.split())):
                return out  # (no name right after, or words that are no title before it)
            out.append((person, clean_title(words) if words.strip() else None))
            sep = re.match(r"[ \t]*(?:,[ \t]*(?:and[ \t]+|et[ \t]+)?|and[ \t]+|et[ \t]+)", self.folded[person.end:sent.end])
            if sep is None:
                return out
            pos = person.end + sep.end()

    def _org_of_title(self, pos: int, sent: Sentence) -> bool:
        """A title's own complement names an organization right after it ('coach de Y')."""
        of = re.match(r"[ \t]+(?:de[ \t]+la|de[ \t]+l'|du|des|de|d')[ \t]*", self.folded[pos:sent.end])
        return of is not None and self.ents.starting_at(pos + of.end(), "organization") is not None

    def _org_after_title(self, pos: int, sent: Sentence) -> Mention | None:
        m = re.match(rf"(?P<rest>[\w' \t\-]{{0,40}}?){_PREP}", self.folded[pos:sent.end])
        if not m:
            return None
        org = self.ents.starting_at(pos + m.end(), "organization")
        return org

    def _next_person(self, pos: int, sent: Sentence) -> bool:
        """A list goes on after an organization at `pos`: a person's name right after it, or 'et'
        and an article opening the next person's title and name (before any comma)."""
        if self.ents.starting_at(pos + re.match(r"[ \t]*", self.folded[pos:sent.end]).end(), "person") is not None:
            return True
        nxt = re.match(r"[ \t]+(?:et|and)[ \t]+(?:le|la|les|l'|the)[ \t]*[^,;:()]*", self.folded[pos:sent.end])
        return nxt is not None and any(m.start < pos + nxt.end() for m in self.ents.within(pos, sent.end, "person"))

    def _post_at(self, sent, person, title_start, title_end, *, former, addressed=False) -> None:
        if re.match(r"[ \t]+(?:de[ \t]+l'annee|of[ \t]+the[ \t]+year|de[ \t]+la[ \t]+saison)", self.folded[title_end:title_end + 20]):
            return  # "élu manager de l'année par X": an award, not a post
        org = None
        stop = self.folded.find(",", title_end, sent.end)  # the title's complement ends at a comma
        for m in re.finditer(rf"{_PREP}", self.folded[title_end:min(sent.end if stop < 0 else stop, title_end + 70)]):
            org = self.ents.starting_at(title_end + m.end(), "organization")
            if org is not None:
                rest_end = title_end + m.start()
                break
        if org is None or self._next_person(org.end, sent):
            return  # "A, le dirigeant de Y B" / "A, le président de Y et le procureur B": a list of people
        served = _FIRST_COMPLEMENT.match(self.folded, title_end, rest_end)
        if served and served["noun"] in lx.CLIENTELE_NOUNS:
            return  # "A, avocate des victimes de Y": the victims' organization, not A's
        second = re.search(r"(?<![\w'’])[A-ZÀ-Ý][^,;]*?[ \t](?:et|and)[ \t]+(?:(?:l['’]|le|la|the|an?|une?)[ \t]*)?(?P<t>[\w\-]+)",
                           self.text[title_end:rest_end])
        if second and fold_same_length(second["t"]).lower() in lx.TITLE_HEADS:
            return  # "A, présidente de X et fondatrice de Y": the title's own complement names X (read from the parse)
        if _ACCORDING_TO.search(self.folded, max(sent.start, person.start - 12), person.start) \
                and self.ents.starting_at(org.end + len(re.match(r"[ \t]*,?", self.folded[org.end:sent.end]).group(0)), "person"):
            return  # "Selon A, le président de Y, B a ...": B is the one apposed
        if addressed and not re.match(r"[ \t]*(?:[,.;:()]|$)", self.folded[org.end:sent.end]):
            return  # "une lettre adressée à M. A, le président de Y a déclaré", "au sujet de A, ...": the next clause's subject
        title = clean_title(self.text[title_start:rest_end])
        if founder_only(self.folded[title_start:rest_end]):
            self.add("created_by", org.entity, person.entity, sent)  # founding is not a post
        else:
            self.add("holds_post", person.entity, org.entity, sent, title=title, current=not former)
            if any(t in self.folded[title_start:rest_end] for t in lx.FOUNDER_TITLES):
                self.add("created_by", org.entity, person.entity, sent)
        # "X, chair of A and a former chief executive of B"
        chain = re.match(r"[ \t]+(?:and|et)[ \t]+(?:an?[ \t]+|une?[ \t]+|l'|le[ \t]+|la[ \t]+)?(?P<pre>(?:ancien|ancienne|ex|former)[ \t\-]+)?", self.folded[org.end:sent.end])
        if chain:
            title = _TITLE_RE.match(self.folded, org.end + chain.end())
            if title:
                self._post_at(sent, person, org.end + chain.end(), title.end(), former=bool(chain["pre"]))

    def _antecedent(self, pos: int, possessive: str, sent: Sentence | None = None):
        """The organization a possessive ('son', 'its', "the cluster's") refers to: the one its
        sentence opens with, else the subject of the sentence before if it is an organization; for
        "the cluster's", the latest organization of that kind before."""
        word = re.match(r"the[ \t]+([\w\-]+)'s", possessive)
        named = [m for m in self.mentions(sent, "organization", "person", "place") if m.end <= pos] if sent else []
        if not word and named and named[0].entity.kind == "organization" and named[0].start - sent.start <= 6:
            return named[0].entity  # "L'OMS a ..., a déclaré son responsable": the sentence opens with it
        if not word and named and named[-1].entity.kind != "organization":
            return None  # "ce qui a coûté à X ..., selon son directeur": the nearest name is not an organization
        prev = [s for s in self.sentences if s.end <= sent.start] if sent is not None and not word and not named else []
        first = self.mentions(prev[-1], "organization", "person", "place")[:1] if prev else []
        if first and first[0].entity.kind == "person":
            return None  # "Le président X a ... . Son porte-parole, Y": the previous sentence is about a person
        if not word and sent is not None:
            earlier = [s for s in self.sentences if s.end <= sent.start and s.subject_pos is not None]
            if earlier:
                m = self.ents.at(earlier[-1].subject_pos)
                if m and m.entity.kind == "organization":
                    return m.entity
        if not word:
            return None  # nothing says whose: the latest organization named was wrong as often as right
        before = [m for m in self.ents.mentions if m.end <= pos and m.entity.kind == "organization"]
        before = [m for m in before if m.entity.org_kind] or before
        kind = lx.DESCRIPTORS.get(word.group(1)) or lx.NAME_CUES.get(word.group(1))
        before = [m for m in before if kind is None or m.entity.org_kind == kind] or before
        return before[-1].entity if before else None

    def membership(self, sent: Sentence) -> None:
        f = self.folded
        for cue in _MEMBER_RE.finditer(f, sent.start, sent.end):
            person = self._person_subject(sent, cue.start())
            if person is not None:  # a person joining an organization takes a post, not a membership
                org = next((m for m in self.mentions(sent, "organization") if m.start >= cue.end()), None)
                role = re.search(rf"(?<![\w])(?:comme|en tant que|as|au poste de)[ \t]+(?:l'|le[ \t]+|la[ \t]+|an?[ \t]+|its[ \t]+|the[ \t]+)?(?P<t>{_TITLE_RE.pattern})", f[cue.end():sent.end])
                if org and role:
                    start = cue.end() + role.start("t")
                    self.add("holds_post", person.entity, org.entity, sent,
                             title=clean_title(self.text[start:cue.end() + role.end("t")]), current=True)
                return
            member = self.subject_of(sent, before=cue.start())
            after = [m for m in self.mentions(sent, "organization") if m.start >= cue.end()]
            if member and after and self._member_stated(sent, member, cue, after[0]):
                self.add("member_of", member.entity, after[0].entity, sent, date=self._date(sent))
                return
        for cue in _REVERSE_MEMBER_RE.finditer(f, sent.start, sent.end):
            host = self.subject_of(sent, before=cue.start())
            after = [m for m in self.mentions(sent, "organization") if m.start >= cue.end()]
            if host and after:
                self.add("member_of", after[0].entity, host.entity, sent, date=self._date(sent))
                return

    def _member_stated(self, sent: Sentence, member: Mention, cue, group: Mention) -> bool:
        """'X (a) rejoint / est membre de Y' said of X itself: X is the parsed subject (not a
        pronoun, not merely the nearest name), no person stands between X and the cue, and Y
        follows the cue closely ('a rejoint le pôle de compétitivité Y', not 'a rejoint cette
        vague ... Y')."""
        head = sent.subject_pos
        if member.source == "pronoun" or head is None or head >= member.end \
                or (head < member.start and not re.fullmatch(r"[\w\- ]{0,25}", self.folded[head:member.start])):
            return False  # ("La PME X a rejoint": the parsed subject may be the descriptor before the name)
        if any(member.end <= m.start < cue.start() for m in self.mentions(sent, "person")):
            return False
        return re.fullmatch(r"[ \t]*(?:[\w'\-]+[ \t]*){0,4}", self.folded[cue.end():group.start]) is not None

    def _person_subject(self, sent: Sentence, before: int) -> Mention | None:
        """The sentence's subject when it is a person (from the parse, else a person opening it)."""
        if sent.subject_pos is not None and sent.subject_pos < before:
            m = self.ents.at(sent.subject_pos)
            if m is not None:
                return m if m.entity.kind == "person" else None
        before_cue = [m for m in self.mentions(sent) if m.end <= before and m.entity.kind in ("person", "organization")]
        if before_cue and before_cue[-1].entity.kind == "person":
            between = self.folded[before_cue[-1].end:before]
            # "X a été nommée", "X, est aussi le PDG de", "X, who spent eight years as"
            if not re.search(r"[,;:]", between) or re.fullmatch(r"[ \t]*,[ \t]*(?:(?:who|qui)[ \t]+)?", between):
                return before_cue[-1]
        return None

    def appointments(self, sent: Sentence) -> None:
        """'X a été nommé directeur général de Y', 'X was appointed CEO of Y' by word order: it still
        reads a paragraph in the other language than the article's (parsed with the wrong model)."""
        f = self.folded
        for cue in _APPOINTED_RE.finditer(f, sent.start, sent.end):
            person = self._person_subject(sent, cue.start())
            if person is None:
                continue
            head = re.match(r"[ \t]*(?:au[ \t]+poste[ \t]+de[ \t]+|as[ \t]+|comme[ \t]+|en[ \t]+tant[ \t]+que[ \t]+)?(?:l'|le[ \t]+|la[ \t]+|the[ \t]+|an?[ \t]+|new[ \t]+|nouveau[ \t]+|nouvelle[ \t]+)?", f[cue.end():sent.end])
            pos = cue.end() + head.end()
            title = _TITLE_RE.match(f, pos)
            if title:
                self._post_at(sent, person, pos, title.end(), former=False)
            elif re.search(r"tete|helm|head", cue.group(0)):
                org = self.ents.starting_at(cue.end(), "organization")
                if org:
                    self.add("holds_post", person.entity, org.entity, sent, title="head", current=True)

    def _date(self, sent: Sentence) -> str | None:
        dates = find_dates(sent.text, today=self.today)
        return dates[0].value if dates else None
