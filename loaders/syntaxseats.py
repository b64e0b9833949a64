"""Where organizations are (located_in): one reader for the seats a sentence states, French and
English. Mixed into :class:`innograph.loaders.syntax.SyntaxReader`; the seats a name or a
sentence's shape tells (an institution's town, an embassy's, a club's country, "Basée à P, X")
are its base, :mod:`.seatnames`.

From the parse (:meth:`SeatsMixin.based`, called on the cue words of lexicon.BASED_WORDS and
SEAT_NOUNS):

* "X, basée à P", "a firm based in P", "Based in P, X ...", "X is headquartered in P";
* "dont le siège est à P", "its headquarters in P", "X avait son siège à P" (the place may hang
  from the verb rather than from the noun).

Read on the sentence's names where the small French parse loses the link
(:meth:`SeatsMixin.seats`):

* "<Org>, dont le siège (social) est à P", "<Org> a (installé) son siège à P", "le siège (social) de (la
  société) <Org> est (situé) / se trouve à P";
* "<Org> est / reste basée à P", "<Org>, qui est basée à P", "<Org> est une entreprise X basée à P" (the
  name the subject: not the complement of a noun or a preposition, "le PDG de X est basé à P");
* "<Org>, un grossiste basé / installé / implanté / situé en P" (the name right before the
  participle, or before its apposition; not when that name completes a noun with no comma:
  "un ingénieur du groupe X basé à Y" is the engineer's place);
* "au siège de <Org> à / dans P", "le siège de <Org>, à P";
* "Basée à P, près de Q, dans le sud de R, <Org> ...", "Établi en 1948 à P, <Org> ...": a sentence
  opening on where its subject is (not a participle the tagger took for a name, "Installée à P");
* "l'ambassade de <Country> à P": an embassy or a consulate is in the town named right after it (not
  a place inside its name, "l'ambassade de <Country> au Mali");
* "<Org> (P)" (also "(UK)" where the tagger read the country as an actor); for universities, research
  centres and hospitals "<Org>[,] (également) en / au / aux / à P",
  ("l'hôpital X de P" cut before its town gives an alias, no seat: the town completes the name, as when
  the name is read whole):
  a name right before a place names where it is — not after a person's "X, de la Y, à P" (the
  person is there), not a campus named by its town ("l'université X à P (UXP)"), not the name's
  own short form taken for a place ("la Fédération africaine de volley (Fav)"), not when an event
  or a former seat ("autrefois situé à") is read; a short form the tagger read apart right after
  the name ("l'Institut X (IX), à P") is passed over, here and in the readers below;
* in a match report, "<Name> (<country>)" where the tagger took the club for a place: the club is in
  that country (not after "à / dans / ville de": a town);
* "<Org> à <Town>" for an organization of any kind named as the complement of a preposition
  ("associé du cabinet X à P"): not a public authority, a media outlet or a party, not an office,
  force or meeting of it ("le bureau de X à P"), not a person posted there ("le représentant de X à P");
  also a name of two words or more typed as a place right after who works at or belongs to it ("membre
  de X à P", "chercheur invité à X à P");
* an institution whose name ends with "de <Town>" after two words or more ("l'Institut X de P",
  "la X University de P") is named with or without its town (an alias), but the town in a name
  is no stated seat: the seeds' gold gives "CHU de Rouen" or "Université de Rouen Normandie" none,
  and on the parts never tuned on such seats were 3 right of 10.
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word, completes_a_noun, subjects_of
from innograph.loaders.mentions import country_key, words_key
from innograph.loaders.retype import ORG_SUBJECT_WORDS
from innograph.loaders.seatnames import (ACRONYM_GAP, INSTITUTION_WORDS, SeatNamesMixin, bracketed, club_and_country,
                                         club_of_country, short_form_of)
from innograph.loaders.syntaxposts import _OWNER_POSSESSIVES
from innograph.loaders.sportwords import SPORT_WORDS as _MATCH_WORDS, sports_text

_PLACE_CASES = frozenset("in at a au en dans near pres".split())
#: "<Org>, dont le siège est à" / "<Org> a son siège à": the place follows.
_SEAT = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?(?:,\s*dont\s+le\s+siège(?:\s+social)?\s+(?:est|se\s+trouve|était)"
                   r"(?:\s+(?:situé|installé|basé))?|\s+(?:a|avait|possède|a\s+installé|a\s+établi)\s+(?:son|leur)"
                   r"\s+siège(?:\s+social)?)\s+(?:à|au|aux|en|dans)\s+(?:la\s+|le\s+|l['’]|les\s+)?", re.I)
#: "..., basée à" / "installé en" / "based in" right before a place (folded text; the words of
#: lx.BASED_WORDS): the nearest earlier name, an organization, is there.
_BASED_AT = re.compile(rf"(?<![\w])(?:{'|'.join(sorted(lx.BASED_WORDS, key=len, reverse=True))})\s+"
                       r"(?:a|au|aux|en|dans|in|at)\s+(?:la\s+|le\s+|l['’]|les\s+|the\s+)?$")
#: Between an organization and "basé": nothing, or an apposition ("Metro, un grossiste allemand",
#: "Metro, grossiste en produits frais", "X, l'une des organisations"), not a relative clause.
_NOT_APPOSITION = r"(?:dont|qui|que|où|selon|d'après|comme|pour|avec|par|après|avant|mais|et|which|who|that|according|with|by|and|but)"
_APPOSED = re.compile(rf"^(?:\s*,\s*(?:(?:l['’]une?\s+des|un|une|le|la|l['’]|des|les|an?|the)\s+)?(?!\s*{_NOT_APPOSITION}\b)"
                      r"[^,.;:\"«»()]{0,60}?)?\s*,?\s*$", re.I)
#: "X est basée à", "X, qui est basée à", "X est une entreprise ivoirienne basée à", "X, l'opérateur
#: national, est basé à" (folded gap between the name and the participle): the name is the subject.
_IS_BASED = re.compile(r"^(?:\s*,\s*(?:(?:la|le|les|l'|une?)\s*)[^,.;:\"«»()]{0,50},)?\s*(?:,\s*qui\s+)?"
                       r"(?:est|sont|etait|etaient|reste|restent)\s+"
                       r"(?:(?:une?|des)\s+[^,.;:\"«»()]{0,60}?)?\s*$")
#: A name governed by a preposition ("le PDG de X est basé à P", "chez X"): the participle goes with
#: another subject.
_GOVERNED = re.compile(r"(?<![\w'])(?:de|du|des|d'|a|au|aux|chez|pour|avec|par|sur|contre|entre|selon|dans|en)\s+"
                       r"(?:(?:la|le|les)\s+|l')?$")
#: "(au) siège de <Org>" right before the organization's name (folded text).
_SEAT_OF = re.compile(r"(?<![\w])(?:siege|sieges)(?:\s+social|\s+sociaux)?\s+(?:de\s+la|de\s+l'|du|des|de|d')\s*"
                      r"(?:(?:societe|entreprise|groupe|firme|banque|compagnie|organisation|fondation|association)\s+)?$")
#: Between "siège de <Org>" and its place: "à", "dans", ", à", "dans la capitale,".
#: Between a name and the place right after it: "(ACR)", a comma, "également", a preposition.
_NEXT_TO = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:(?:également|aussi)\s+)?(?:à|au|aux|en)\s+(?:la\s+|le\s+|l['’])?$")
#: "<Org> (ACR) des États-Unis": the country whose body it is, where it sits.
_OF_COUNTRY = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*|\)\s*)?(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])$")
#: Words that name a public or research body (folded): a team, a league or a people "du <pays>" is no seat.
_BODY_WORDS = frozenset("institut institute instituto centre center centers centres service services bureau agence agency "
                        "office commission comite committee conseil council banque bank autorite authority universite "
                        "university departement department fondation foundation tribunal cour court".split())
#: "l'hôpital X de Manchester", "l'université Y de Baltimore": the town completes the name.
_OF_TOWN = re.compile(r"^\s*(?:de|d['’]|du|des)\s*$")
#: "X, de la Y, à P" / "X de l'Y à P": Y is the affiliation of the person, who is at P.
_AFFILIATION = re.compile(r"(?:,|\b(?:chercheur|chercheuse|professeur|professeure|correspondant|correspondante|"
                          r"journaliste|géologue|économiste|expert|experte))\s*(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*"
                          r"(?:[a-zéèêàç-]+\s+)?$", re.I)
#: After the place: its acronym ("(UXP)", a campus named by its town) or a complement ("à Paris de ...").
_PLACE_TAIL = re.compile(r"^\s*(?:\(\s*[A-Z][A-Za-z]{1,7}\s*\)|(?:de|du|des|d['’]|of)\s)")
#: Kinds of organization whose name right before "à / en P" says where they are (a university, a
#: research centre); a company or a party "en P" is as often where it sells or acts.
_SITED = frozenset({"University", "ResearchCentre", "TrainingCentre"})  # (and hospitals "de <town>")
#: "autrefois / anciennement situé à": a former seat.
_FORMER = re.compile(r"(?<![\w])(?:autrefois|anciennement|jadis|auparavant|precedemment|formerly|previously)\s*$")
_SEAT_PLACE = re.compile(r"^\s*,?\s*(?:(?:est|etait|se\s+trouve|se\s+trouvait)\s+(?:(?:situe|installe|base|implante)e?\s+)?)?"
                         r"(?:a|au|aux|en|dans)\s+(?:la\s+|le\s+|l'|les\s+)?"
                         r"(?:(?:capitale|ville|region|province)\s*,?\s*(?:(?:de\s+la|de\s+l'|du|de|d')\s*)?)?$")


_TITLE_OF = re.compile(r"(?<![\w])(?P<title>[\w\-]+)[ \t]+(?:de[ \t]+la[ \t]+|de[ \t]+l'|du[ \t]+|des[ \t]+|de[ \t]+|d')$")


def of_a_title(folded_before: str, org_kind) -> bool:
    """Whether a name after `folded_before` completes a title ('le représentant de l'Office X à P',
    'secrétaire d'État à P'): the place then goes with the person or the portfolio, unless the name
    is of a kind that sits where it is named (a university, a research centre, a hospital)."""
    m = _TITLE_OF.search(folded_before)
    return m is not None and m["title"] in lx.TITLE_HEADS and org_kind not in _SITED | {"Hospital"}


_PART_BEFORE = re.compile(r"(?<![\w])(?:l'|d')?(?P<noun>[a-z\-]+)[ \t]+(?:de[ \t]+la|de[ \t]+l'|du|des|de|d')[ \t]*"
                          r"(?:(?:la|le|les)[ \t]+|l')?(?:[a-z\-]+[ \t]+){0,2}$")


def part_of_org(folded_before: str) -> bool:
    """Whether a name after `folded_before` is the owner of a part named before it ('l'usine de X',
    'le bureau du groupe X', 'les troupes de X'): 'X à P' then places the part, not X."""
    m = _PART_BEFORE.search(folded_before)
    return m is not None and m["noun"] in _PART_NOUNS


def spells_initials(key: str, name: str) -> bool:
    """Whether `key` (folded words) spells initials of `name`'s words in order, from the first:
    'Fav' for a 'Fédération africaine de volley' (a short form the tagger may take for a place in
    '<Org> (Fav)')."""
    letters = key.replace(" ", "")
    words = words_key(name).split()
    if len(letters) < 2 or not words or letters[0] != words[0][0]:
        return False
    rest = iter(w[0] for w in words[1:])
    return all(any(c == i for i in rest) for c in letters[1:]) and len(letters) <= len(words)





#: "<Org> à <Town>" for organizations of any kind: the name is the complement of a preposition
#: ("chercheur au groupe X à P", "associé de la société X à P", "membre de X à P"), with at most a few
#: descriptive words between ("du groupe de réflexion X à P"); the place is a town ("à").
_AT_TOWN = re.compile(r"^\s*(?:\([^)]{1,20}\)\s*)?,?\s*(?:(?:également|aussi)\s+)?à\s+$")
_COMPLEMENT_OF = re.compile(r"(?<![\w'])(?P<pre>de|du|des|d'|chez|a|au|aux|aupres\s+de|aupres\s+du|aupres\s+des)\s+"
                            r"(?:(?:la|le|les)\s+|l')?(?P<words>(?:[a-z\-]+\s+){0,5}?)$")
#: Who works at or belongs to an organization, right before its name: "membre de X à P", "chercheur
#: invité à X à P" (folded text); a name of two words or more the tagger took for a place is then the
#: organization (not "le maire de X à P": a post in a town is no work at an organization).
_WORKS_AT = re.compile(r"(?<![\w])(?:membre|membres|chercheur|chercheuse|chercheurs|consultant|consultante|associe|"
                       r"associee|avocat|avocate|analyste|economiste|professeur|professeure|stagiaire|employe|employee|"
                       r"salarie|salariee)(?:\s+(?:invitee?|principale?|associee?|senior))?\s+(?:de\s+la|de\s+l'|du|des|de|"
                       r"d'|a|au|aux|chez|aupres\s+d[eu]s?)\s*(?:(?:la|le|les)\s+|l')?$")
#: Nouns after which "X à P" is a part of X that is at P, or something that happens there: an office,
#: a force, a meeting, a match ("le bureau de l'Agence X à P", "les troupes de X à P").
_PART_NOUNS = frozenset("bureau bureaux ambassade ambassades consulat delegation representation mission missions antenne "
                        "antennes filiale filiales succursale succursales usine usines site sites campus branche agence "
                        "agences magasin magasins boutique boutiques hotel restaurant sommet reunion reunions conference "
                        "congres assemblee forum match matchs finale stade force forces troupes soldats militaires casques "
                        "personnel employes agents equipe equipes partisans militants manifestation manifestants camp base "
                        "bases operations operation centre centres bataillon contingent unite unites batiment batiments "
                        "immeuble locaux".split())
#: Bodies that act where they are named, or whose "X à P" is a local branch ("le parti X à P").
_ACTING_BODIES = frozenset("parti partis party parlement gouvernement armee police gendarmerie ministere".split())
#: Titles of people posted somewhere for an organization: "le correspondant de X à P" is the person's place.
_POSTED = frozenset("correspondant correspondante correspondants envoye envoyee envoyes representant representante "
                    "representants ambassadeur ambassadrice delegue deleguee consul attache reporter journaliste "
                    "chef porte-parole".split())


def _first_conjunct(t):
    """The first of the words `t` is coordinated to (itself if none)."""
    while t.dep_ == "conj" and t.head.i < t.i:
        t = t.head
    return t


class SeatsMixin(SeatNamesMixin):
    # -- from the parse ----------------------------------------------------------------------
    def based(self, t) -> None:
        place = self._place_of(t)
        if place is None and fold_word(t) in lx.SEAT_NOUNS and t.head.i != t.i and t.head.i < t.i:
            place = self._place_of(t.head, after=t.i)  # "X avait son siège à P": P hangs from the verb
        if place is None:
            return
        owners = []
        if fold_word(t) in lx.SEAT_NOUNS:  # "dont le siège est à X", "its headquarters in X"
            cop = t.head if t.dep_.startswith("nsubj") else None
            if cop is not None and cop.dep_ in ("acl:relcl", "relcl"):
                owners = self.orgs(cop.head)
            elif any(fold_word(c) in _OWNER_POSSESSIVES for c in t.children):
                owner = self.antecedent(t, "organization")
                owners = [owner] if owner is not None else []
        elif (v := _first_conjunct(t)).dep_ in ("acl", "amod", "appos", "relcl"):
            # ("a firm founded in 2001 and headquartered in P": the participle its first conjunct's)
            if fold_word(v.head) in lx.TITLE_HEADS:  # "un ingénieur du groupe X basé à Y": the person is
                return                        # based there, not the organization
            owners = self.orgs(v.head) or self._apposed_org(v.head)
            if not owners and (fold_word(t) in ORG_SUBJECT_WORDS or fold_word(v) in ORG_SUBJECT_WORDS) \
                    and v.head.dep_ in ("attr", "appos"):
                # "X is a trade fair organiser headquartered in P": only an organization has headquarters
                holder = v.head.head
                owners = [o for c in subjects_of(holder) for o in self.orgs(c)] if v.head.dep_ == "attr" else self.orgs(holder)
        elif v.dep_ == "advcl":  # "Based in X, the company ..."
            owners = [o for c in subjects_of(v.head) for o in self.orgs(c)]
        else:
            owners = [o for c in subjects_of(t) for o in self.orgs(c)]
        for org in owners:
            for p in self.places(place):
                self.add("located_in", org, p, t)

    def _place_of(self, t, after: int = -1):
        """The token naming a place in an 'in / à / en' complement of `t` (after token `after`)."""
        for c in t.children:
            if c.i <= after:
                continue
            place = None
            if c.dep_ == "prep" and fold_word(c) in _PLACE_CASES:
                place = next((o for o in c.children if o.dep_ == "pobj"), None)
            elif (c.dep_.startswith("obl") or c.dep_ == "nmod") and case_word(c) in _PLACE_CASES:
                place = c  # (nmod: "son siège à P")
            if place is not None and self.places(place):
                return place
        return None

    # -- on the sentence's names ---------------------------------------------------------------
    def seats(self, sent, names) -> None:
        """Seats stated around the names of one sentence (`names`: its mentions in order)."""
        folded = fold_same_length(sent.text)
        events = any(m.entity.kind == "event" for m in names)
        sports = _MATCH_WORDS.search(folded) is not None and sports_text(self.ents.folded)
        self._fronted(sent, folded, names)
        for i, m in enumerate(names):
            group = self._group(m)
            if group is not None:
                self._named_town(sent, group)
                self._embassy(sent, group, m, names[i + 1] if i + 1 < len(names) else None)
                if sports:
                    self._named_country(sent, folded, group, names[i])
            if group is not None and i + 1 < len(names) and names[i + 1].entity.kind == "place":
                seat = _SEAT.match(sent.text[m.end - sent.start:])
                if seat is not None and names[i + 1].start - m.end == seat.end():
                    self._add("located_in", group, names[i + 1].entity, sent)
                    continue
            if i > 0 and m.entity.kind == "organization" and names[i - 1].entity.kind == "organization" \
                    and country_key(m.entity.label) in lx.COUNTRIES \
                    and (self._of_country(sent, names[i - 1], m) or bracketed(sent, names[i - 1], m)):
                # "l'Office X (OX) des États-Unis", "la Bourse X (UK)" where the country was read as an actor
                self._add("located_in", names[i - 1].entity, self.ents.entity("place", m.entity.label), sent)
                continue
            if m.entity.kind != "place" or i == 0:
                continue
            prev = names[i - 1]
            if i > 1 and short_form_of(sent, names[i - 2], prev):
                prev = names[i - 2]  # "l'Institut X (IX), à P": the name, not its short form read apart
            group = self._group(prev)
            if group is None:
                continue
            based = _BASED_AT.search(folded[:m.start - sent.start])
            if based is not None and _FORMER.search(folded[:based.start()]):
                continue  # "autrefois situé à P"
            if based is not None and based.start() < prev.end - sent.start:
                continue  # the tagger took the participle itself for a name ("Installée à P, ...")
            if based is not None:
                gap = sent.text[prev.end - sent.start:based.start()]
                complement = "," not in gap and completes_a_noun(folded[:prev.start - sent.start])
                before = folded[:prev.start - sent.start]
                subject = _IS_BASED.match(folded[prev.end - sent.start:based.start()]) is not None \
                    and (_SEAT_OF.search(before) or not completes_a_noun(before) and not _GOVERNED.search(before))
                person = _AFFILIATION.search(sent.text[max(0, prev.start - sent.start - 40):prev.start - sent.start])
                if ((_APPOSED.match(gap) and not complement) or subject) and not person:
                    self._add("located_in", group, m.entity, sent)  # (not "A, de X, est basé à P": A is)
            elif _SEAT_OF.search(folded[:prev.start - sent.start]) \
                    and _SEAT_PLACE.match(folded[prev.end - sent.start:m.start - sent.start]):
                self._add("located_in", group, m.entity, sent)  # "au siège de l'Agence X à P"
            elif not events and prev.entity.kind == "organization" and self._town_in_name(sent, prev, m):
                # "l'Université X de P" cut before its town: a town inside a name is no seat, as when
                # the name is read whole
                gap = sent.text[prev.end - sent.start:m.start - sent.start]
                self.ents.add_alias(group, f"{prev.text}{gap}{m.text}")  # "X de P" is a name of it too
            elif not events and prev.entity.kind == "organization" and self._next_to(sent, prev, m):
                self._add("located_in", group, m.entity, sent)
            elif not events and prev.entity.kind == "organization" and self._at_town(sent, folded, prev, m):
                self._add("located_in", group, m.entity, sent)
            elif not events and prev.entity.kind == "place" and self._works_at_town(sent, folded, prev, m):
                self._add("located_in", group, m.entity, sent)  # "membre de X à P", X typed as a place
            elif sports and club_of_country(sent, folded, prev, m):
                self._add("located_in", group, m.entity, sent)  # "le Club X du Ghana a battu ..."
            elif prev.entity.kind == "place" and club_and_country(sent, folded, prev, m):
                club = self.ents.entity("organization", prev.entity.label)  # a club, no public authority
                self._add("located_in", club, m.entity, sent)  # "le match nul du Club X (Ghana)"

    def _of_country(self, sent, org, country) -> bool:
        """'<body> (ACR) des États-Unis', 'le Bureau X du Mexique': a public or research body of the
        country named right after it (not a team, a league or a people 'du <pays>')."""
        gap = sent.text[org.end - sent.start:country.start - sent.start]
        tail = sent.text[country.end - sent.start:]
        if not _OF_COUNTRY.match(gap) or country_key(country.entity.label) not in lx.COUNTRIES or _PLACE_TAIL.match(tail):
            return False
        acronym = ACRONYM_GAP.match(gap) is not None or (gap.lstrip().startswith(")") and org.start > sent.start
                                                          and sent.text[org.start - sent.start - 1] == "(")
        return acronym or bool(_BODY_WORDS & set(words_key(org.entity.label).split()))

    def _next_to(self, sent, org, place) -> bool:
        """'<Org> (P)', '<Org>, en P', '<Org> à P' (see the module doc for what is left out)."""
        text = sent.text
        gap = text[org.end - sent.start:place.start - sent.start]
        tail = text[place.end - sent.start:]
        if gap.strip() == "(":  # (not the name's own short form: "le Comité X (CoX)", "l'université X (UniX)")
            key = words_key(place.text)
            stems = {w[:3] for w in words_key(org.text).split() if len(w) >= 3}
            short = key not in lx.COUNTRIES and (sum(c.isupper() for c in place.text) >= 2 or key[:3] in stems
                                                 or spells_initials(key, org.text))
            return tail.lstrip().startswith(")") and not short
        if self._of_country(sent, org, place):
            return True
        if org.entity.org_kind not in _SITED | {"Hospital"} or not _NEXT_TO.match(gap) or _PLACE_TAIL.match(tail):
            return False
        return not _AFFILIATION.search(text[max(0, org.start - sent.start - 40):org.start - sent.start])

    def _town_in_name(self, sent, org, place) -> bool:
        """'l'hôpital X de P', 'l'université Y de P' cut before its town; not a country ('<body> des
        États-Unis')."""
        gap = sent.text[org.end - sent.start:place.start - sent.start]
        return org.entity.org_kind in _SITED | {"Hospital"} and _OF_TOWN.match(gap) is not None \
            and not _PLACE_TAIL.match(sent.text[place.end - sent.start:]) and country_key(place.entity.label) not in lx.COUNTRIES

    def _at_town(self, sent, folded: str, org, place) -> bool:
        """'<Org> à <Town>' for an organization of any kind named as the complement of a preposition
        ('consultant au groupe X à P', 'associé de X à P'): not a country or a public authority (they
        act where they are named), not a media outlet, not an office, force or meeting of the
        organization ('le bureau de X à P'), not a person posted there ('le correspondant de X à P')."""
        e = org.entity
        if e.org_kind in ("PublicAuthority", "MediaOutlet") or country_key(e.label) in lx.COUNTRIES \
                or country_key(place.entity.label) in lx.COUNTRIES or re.fullmatch(r"[A-ZÀ-Ý]{2,6}", org.text):
            return False
        gap = sent.text[org.end - sent.start:place.start - sent.start]
        if not _AT_TOWN.match(gap) or _PLACE_TAIL.match(sent.text[place.end - sent.start:]):
            return False
        before = _COMPLEMENT_OF.search(folded[max(0, org.start - sent.start - 80):org.start - sent.start])
        if before is None:
            return False
        words = before["words"].split() + [re.sub(r"^(?:l|d|qu)'", "", w) for w in  # ("l'usine de X à P")
                                           folded[:org.start - sent.start - len(before.group(0))].split()[-1:]]
        first = fold_same_length(e.label.split()[0]).lower()
        # (a name opening on an institution's word is the institution itself: "du Centre X à P")
        return not (set(words) & (_PART_NOUNS | _POSTED)) and first not in (_PART_NOUNS - INSTITUTION_WORDS) | _ACTING_BODIES

    def _works_at_town(self, sent, folded: str, org, place) -> bool:
        """'membre de X à P', 'chercheur invité à X à P' where the tagger took X (two words or more,
        no country) for a place: X is an organization in the town P."""
        if len(org.text.split()) < 2 or country_key(org.entity.label) in lx.COUNTRIES \
                or country_key(place.entity.label) in lx.COUNTRIES:
            return False
        gap = sent.text[org.end - sent.start:place.start - sent.start]
        return _AT_TOWN.match(gap) is not None and not _PLACE_TAIL.match(sent.text[place.end - sent.start:]) \
            and _WORKS_AT.search(folded[max(0, org.start - sent.start - 60):org.start - sent.start]) is not None
