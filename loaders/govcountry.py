"""The country a government title is held for when the text does not say it ("le président X"):
the country its sentence names, else the one the article is about; and which of these guesses
stand once the whole article is read. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`."""

from __future__ import annotations

from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word
from innograph.loaders.demonyms import COUNTRY_OF, GOVERNMENT_TITLES
from innograph.loaders.mentions import country_key
from innograph.loaders.syntaxposts import _FIELD_OF


#: Folded country name -> one name of its country, so that the names of one country are counted as one
#: ("centrafrique", "republique centrafricaine"), as the demonym table groups them.
_SAME_COUNTRY = {k: min(keys) for keys in COUNTRY_OF.values() for k in keys}


def _country_id(name: str) -> str:
    key = country_key(name)
    return _SAME_COUNTRY.get(key, key)


class CountryMixin:
    def drop_guesses(self, found: list) -> list:
        """A bare title's country is a guess, ranked: a country its sentence names (2) over the
        article's country (1). A person the article gives a country post otherwise ("le président
        ougandais X") keeps no guess of another country; a person with guesses only keeps the best
        ranked one, and none when two countries tie ("le président X" in sentences naming Russia
        and Uganda, each once)."""
        stated: dict[int, set] = {}
        guessed_only = {(id(p), id(c)): rank for p, c, rank in self.guessed if (id(p), id(c)) not in self.stated}
        for r in found:
            if r.kind == "holds_post" and r.object is not None and r.object.org_kind == "PublicAuthority" \
                    and country_key(r.object.label) in lx.COUNTRIES and (id(r.subject), id(r.object)) not in guessed_only:
                stated.setdefault(id(r.subject), set()).add(id(r.object))
        best: dict[int, dict] = {}
        for (p, c), rank in guessed_only.items():
            ranks = best.setdefault(p, {})
            ranks[c] = max(rank, ranks.get(c, 0))
        wrong = set()
        for p, ranks in best.items():
            top = max(ranks.values())
            keep = [c for c, rank in ranks.items() if rank == top]
            keep = stated[p] if p in stated else set() if len(keep) > 1 else set(keep)  # (a stated pair stays)
            wrong |= {(p, c) for c in ranks if c not in keep}
        return [r for r in found if r.kind != "holds_post" or (id(r.subject), id(r.object)) not in wrong]

    def guess_rank(self, token, country) -> int:
        """2 when the title's sentence names the guessed country, else 1 (the article's)."""
        sent = self.sentence(token)
        if sent is None:
            return 1
        key = country_key(country.label)
        return 2 if any(country_key(m.entity.label) == key for m in self.ents.within(sent.start, sent.end, "place", "organization")) else 1

    def named_country(self, keys):
        """The country (one of the folded names `keys`) the article names, as an actor."""
        e = self.ents.country_named(keys)
        return e if e is None or e.kind == "organization" else self.as_organization(e)

    def article_country(self) -> list:
        """The country the article is about: the one it names most, if no other is named as often
        (its demonyms count as naming it: "congolais", "la justice congolaise", "les Congolais"; so
        does an organization's name that ends with it: "la Cour suprême du Congo")."""
        if not hasattr(self, "_country"):
            counts: dict[str, list] = {}  # folded country name -> [entity, times named]
            for m in self.ents.mentions:
                if m.entity.kind in ("place", "organization") and country_key(m.entity.label) in lx.COUNTRIES:
                    counts.setdefault(_country_id(m.entity.label), [m.entity, 0])[1] += 1
            for m in self.ents.mentions:
                tail = _FIELD_OF.match(m.entity.label) if m.entity.kind == "organization" else None
                if tail and country_key(tail.group(1)) in lx.COUNTRIES:
                    counts.setdefault(_country_id(tail.group(1)), [self.country(tail.group(1).strip()), 0])[1] += 1
            if counts:  # (one pass over the article's words, once per article with a bare title)
                for t in (t for _, doc in self.docs for t in doc if t.is_lower or (t.is_title and self.mention(t) is None)):
                    named = {_SAME_COUNTRY[k] for k in COUNTRY_OF.get(fold_word(t), ())} & counts.keys()
                    if len(named) == 1:
                        counts[named.pop()][1] += 1
            ranked = sorted(counts.values(), key=lambda x: -x[1])
            top = ranked[0][0] if ranked and ranked[0][1] >= 2 and (len(ranked) == 1 or ranked[0][1] >= 2 * ranked[1][1]) \
                else None  # clearly the article's country
            self._country = [] if top is None else [top if top.kind == "organization" else self.as_organization(top)]
        return self._country

    def sentence_country(self, token) -> list:
        """The country a bare government title is held for: the one its sentence names, else (when
        the sentence names none) the one the article is about; none when another title of the sentence
        has its demonym ("le président X et le président russe Y": not Russia's)."""
        sent = self.sentence(token)
        if sent is None:
            return []
        named = {id(m.entity): m.entity for m in self.ents.within(sent.start, sent.end, "place", "organization")
                 if country_key(m.entity.label) in lx.COUNTRIES}
        if any(m.start > self.pos(token) for m in self.ents.within(sent.start, sent.end, "place", "organization")
               if id(m.entity) in named):
            return []  # "le président X ... à l'égard de l'Ukraine": a country named after it may be anything
        every, named = named, {id(e): e for e in {_country_id(e.label): e for e in named.values()}.values()}  # (one per country)
        if len(named) > 1:
            return []
        if named and case_word(token) in ("a", "au", "aux") and self._country_subject(token.sent, every):
            return []  # "la France a demandé au président X": the country addresses him, X is not its
        if not named and any(t.i != token.i and fold_word(t) == fold_word(token) and not any(c.dep_ == "nmod" for c in t.children)
                             for t in token.sent):
            return []  # "le président X et le président Y": one article's country is not both's
        found = [e if e.kind == "organization" else self.as_organization(e) for e in named.values()] or self.article_country()
        if any(t.is_lower and fold_word(t) in COUNTRY_OF and t.head.i != token.i and fold_word(t.head) in GOVERNMENT_TITLES
               for t in token.sent):
            return []  # "le président X et le président russe Y": the other title's country, not X's
        return found

    def _country_subject(self, sent, named: dict) -> bool:
        """Whether one of the countries `named` is a subject in the sentence `sent` ("la France a
        demandé au président X"), not a place ("le rapport sur la Gambie remis au président X")."""
        return any(t.dep_.startswith("nsubj") and (m := self.mention(t)) is not None and id(m.entity) in named
                   for t in sent)

    def state_head(self, t):
        """'le chef de l'État X', 'l'ancien chef d'État Y': a head of state, held for the country
        a demonym after "État" names ("chef de l'État ivoirien"), else guessed as for a bare
        president. Returns (countries, guessed), or None when `t` heads no such title."""
        doc = t.doc
        if fold_word(t) not in ("chef", "cheffe") or doc.lang_ != "fr":
            return None
        k = t.i + 1 + (t.i + 2 < len(doc) and fold_word(doc[t.i + 1]) == "de" and fold_word(doc[t.i + 2]) in ("l'", "l’"))
        if k + 1 >= len(doc) or fold_word(doc[k]) not in ("de", "d'", "d’", "l'", "l’") or fold_word(doc[k + 1]) != "etat":
            return None
        after = doc[k + 2] if k + 2 < len(doc) else None
        keys = COUNTRY_OF.get(fold_word(after)) if after is not None and after.is_lower else None
        if keys:
            named = self.named_country(keys)
            return ([named] if named is not None else []), False
        if after is not None and fold_word(after) in ("de", "du", "des", "d'", "d’"):
            return None  # "le chef de l'État du Bénin": its complement says whose
        return self.sentence_country(t), True

    def republic_country(self, title, rep) -> list | None:
        """'le président de la République (togolaise / islamique d'Iran / centrafricaine)': the country
        the republic's demonym or name says, acting; 'de la République' alone, the sentence's or the
        article's (as for "du pays"). None when the words say none of these (any name then)."""
        m = self.mention(rep)
        label = m.entity.label if m is not None else ""
        if country_key(label) in lx.COUNTRIES:  # "la République centrafricaine": a country's own name; "la
            return [self.as_organization(m.entity)]  # République islamique d'Iran": Iran (namepatterns.official_country_names)
        keys = next((COUNTRY_OF[fold_word(a)] for a in rep.children if a.dep_ == "amod" and fold_word(a) in COUNTRY_OF), None)
        named = self.named_country(keys) if keys else None
        if named is not None:
            return [named]
        of = [o for c in rep.children if c.dep_ == "nmod" and case_word(c) in ("de", "d'", "d’", "du")
              for o in self.orgs(c, actors=True) if country_key(o.label) in lx.COUNTRIES]
        if of:
            return of  # ("la République islamique d'Iran" read as words)
        if all(x.dep_ in ("case", "det", "punct") for x in rep.children):
            return self.sentence_country(title)  # (nothing else: "la République" is no organization's name)
        return None

    def government_country(self, title, gov) -> list:
        """'le porte-parole du gouvernement togolais' / '... du gouvernement': a post held in the
        name of the country the government's demonym names, else of the country of the sentence or
        article (as for "du pays"); the government's own complement ("du gouvernement de X") says whose."""
        keys = next((COUNTRY_OF[fold_word(a)] for a in gov.children if a.dep_ == "amod" and fold_word(a) in COUNTRY_OF), None)
        if keys:
            named = self.named_country(keys)
            return [named] if named is not None else []
        if all(x.dep_ in ("case", "det", "punct") for x in gov.children):
            return self.sentence_country(title)
        return self.orgs(gov, retype=True) or self.deeper_orgs(gov, actors=True)
