"""Seats a name or a sentence's shape tells, for :class:`.syntaxseats.SeatsMixin`: an institution
named with its town ("l'Institut X de P": also named without it), an embassy and the town after it, a
club named with its country in a match report ("Club X d'Algérie", "le Club X (Ghana)"), a sentence
opening on where its subject is ("Basée à P, près de Q, la société X ...").
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders import lexicon as lx
from innograph.loaders.mentions import country_key
from innograph.loaders.sportwords import SPORT_WORDS as _MATCH_WORDS

#: "(ACR)" right after a name.
ACRONYM_GAP = re.compile(r"^\s*\(\s*[A-Z][A-Za-z0-9&.\-]{1,9}\s*\)")
#: A place named after a preposition of place ("à Kidal (Mali)", "dans la ville de X (P)") is a town.
AT_PLACE = re.compile(r"(?<![\w])(?:a|au|aux|en|dans|pres de|ville de|region de|province de)\s+(?:la\s+|le\s+|l')?$")

#: "l'Institut X de P", "la X University de P": the name ends with the town it is in.
_NAMED_TOWN = re.compile(r"^(?P<head>\S+(?:\s+\S+)+?)\s+(?:de|d['’])\s*(?P<town>[A-ZÀ-Ý][\w'’\-]+(?:[ \-][A-ZÀ-Ý][\w'’\-]+)?)$")
_REGION_WORDS = frozenset("pays province region republique royaume etat etats ile iles cote golfe".split())
INSTITUTION_WORDS = frozenset("universite university institut institute centre center academie academy ecole "
                              "school college musee museum tribunal observatoire hopital hospital clinique laboratoire "
                              "bibliotheque conservatoire".split())


#: "l'ambassade de France", "le consulat du Ghana" (folded name, and the place the tagger may have read
#: inside it: "au Mali").
_EMBASSY = re.compile(r"^(?:ambassade|consulat(?:\s+general)?|haut[\s\-]commissariat|embassy|consulate|high\s+commission)"
                      r"\s+(?:de\s+la\s+|de\s+l'|du\s+|des\s+|de\s+|d'|of\s+(?:the\s+)?)(?P<country>[^,()]+?)"
                      r"(?:\s+(?:a|au|aux|en|in)\s+(?:la\s+|le\s+|l'|les\s+)?(?P<place>[^,()]+))?$", re.I)
_EMBASSY_AT = re.compile(r"^\s*,?\s*(?:à|in)\s+$")


#: A sentence opening on where its subject is: "Basée à P", "Établi en 1948 à P", "Founded in 1990 in P"
#: (folded text before the place).
_FRONTED = re.compile(r"^[\W_]*(?:basee?s?|installee?s?|implantee?s?|situee?s?|etablie?s?|fondee?s?|creee?s?|based|"
                      r"headquartered|founded|established)\s+(?:(?:en|in)\s+\d{4}\s*,?\s+)?(?:a|au|aux|en|dans|in)\s+"
                      r"(?:la\s+|le\s+|l'|les\s+|the\s+)?$")
#: From that place to the subject's name: more of where ("(P)", ", près de Q", ", dans le sud de R"), the
#: comma, and at most a determiner and two words ("la société", "l'entreprise").
_FRONTED_REST = re.compile(r"^(?:\s*\([^)]{1,30}\)|\s*,\s*(?:pres\s+d[e']|non\s+loin\s+d[e']|a\s+\d+\s+km\s+d[e']|dans|au|aux|"
                           r"en|a|near|in)\s*[^,;:.()]{0,50})*\s*,\s*(?:(?:(?:la|le|les|the)\s+|l')(?:[a-z\-]+\s+){0,2})?$")


#: First words of names that are no club: "le gouvernement du Ghana", "l'ambassade du Mali".
_NO_CLUB = frozenset("gouvernement ministere ministre president presidence ambassade armee banque parlement "
                     "assemblee senat conseil universite ecole hopital affaires organisation association federation "
                     "confederation ligue coupe championnat selection equipe union".split())
#: A national side is named in the plural ("les Faucons du Y", "les Lions de X"): no club, no seat.
_PLURAL_BEFORE = re.compile(r"(?<![\w])(?:les|des|aux)\s+$")


_OF_COUNTRY_GAP = re.compile(r"^\s*(?:de\s+la\s+|de\s+l['’]|du\s+|des\s+|de\s+|d['’])$")
#: "Club X d'Algérie" read as one name: the club, and the country it is from.
_NAMED_COUNTRY = re.compile(r"^(?P<head>.+?)\s+(?:de\s+la\s+|de\s+l['’]|du\s+|de\s+|d['’])(?P<country>[A-ZÀ-Ý].+)$")


def club_of_country(sent, folded: str, club, country) -> bool:
    """'le Club X du Ghana', 'Y United de Zambie' in a match report: a club (an organization, not a
    country, an acronym or a public body like a ministry) and the country it is from."""
    if club.entity.kind != "organization" or country_key(country.entity.label) not in lx.COUNTRIES:
        return False
    if country_key(club.entity.label) in lx.COUNTRIES or re.fullmatch(r"[A-ZÀ-Ý]{2,6}", club.text):
        return False
    gap = sent.text[club.end - sent.start:country.start - sent.start]
    first = fold_same_length(club.entity.label.split()[0]).lower()
    return _OF_COUNTRY_GAP.match(gap) is not None and first not in _NO_CLUB and _MATCH_WORDS.search(folded) is not None \
        and not _PLURAL_BEFORE.search(folded[:club.start - sent.start])


def bracketed(sent, name, place) -> bool:
    """'<Name> (<place>)': the place alone in brackets right after the name."""
    return sent.text[name.end - sent.start:place.start - sent.start].strip() == "(" \
        and sent.text[place.end - sent.start:].lstrip().startswith(")")


def short_form_of(sent, name, short) -> bool:
    """'<Name> (<ACR>)': `short` is an acronym in brackets right after the organization `name`."""
    return name.entity.kind == "organization" and bracketed(sent, name, short) \
        and ACRONYM_GAP.match(sent.text[name.end - sent.start:]) is not None


def club_and_country(sent, folded: str, name, country) -> bool:
    """'<Name> (<country>)' in a match report: a club the tagger took for a place and its country
    ('le Club X (Ghana) a battu ...'), not a town ('à X (Ghana)') nor a country."""
    gap = sent.text[name.end - sent.start:country.start - sent.start]
    if gap.strip() != "(" or not sent.text[country.end - sent.start:].lstrip().startswith(")"):
        return False
    if country_key(country.entity.label) not in lx.COUNTRIES or country_key(name.entity.label) in lx.COUNTRIES:
        return False
    before = folded[:name.start - sent.start]
    if AT_PLACE.search(before) and not before.endswith(("face a ", "face au ")):
        return False
    return _MATCH_WORDS.search(folded) is not None


class SeatNamesMixin:
    """The seats names and sentence shapes tell (uses the reader's `_group` and `_add`)."""

    def _named_town(self, sent, group) -> None:
        """'l'Institut X de Kiev', 'la X University de Baltimore': an institution whose name ends with
        'de <Town>' after two words or more is also named without its town (an alias); the town in a
        name is no seat ('l'université de P' alone is left: the town is its whole name)."""
        m = _NAMED_TOWN.match(group.label)
        if m is None or fold_same_length(m["head"].split()[0]).lower() not in INSTITUTION_WORDS \
                and fold_same_length(m["head"].split()[-1]).lower() not in INSTITUTION_WORDS:
            return
        if m["town"] not in sent.text or fold_same_length(m["head"].split()[-1]).lower() in _REGION_WORDS:
            return  # ("l'hôpital du Pays de X")
        self.ents.add_alias(group, m["head"])

    def _fronted(self, sent, folded: str, names) -> None:
        """'Basée à P, près de Q, dans le sud de R, la société X ...', 'Établi en 1948 à P, l'Organisme
        X ...': a sentence opening on where its subject is, the subject an organization's name."""
        place = next((m for m in names if m.entity.kind == "place" and _FRONTED.match(folded[:m.start - sent.start])), None)
        if place is None:
            return
        last = place
        for m in names:
            if m.start >= last.end and m.entity.kind == "place" and re.fullmatch(r"[ \t]*,[ \t]*", folded[last.end - sent.start:m.start - sent.start]):
                last = m  # "Headquartered in P, Q, X ...": the place goes on
                continue
            if m.start >= place.end and _FRONTED_REST.match(folded[last.end - sent.start:m.start - sent.start]):
                group = self._group(m)
                if group is not None:
                    self._add("located_in", group, place.entity, sent)
                return

    def _embassy(self, sent, group, mention, after) -> None:
        """'l'ambassade de France à Lagos', 'le consulat du Ghana, à Lyon' (the tagger reading the
        embassy and its town apart): a country's embassy or consulate is in the town named right after
        it. A place inside the name ('l'ambassade de X au pays Y') is no seat, as for other names:
        the training parts gave it 1 right of 3."""
        label = group.label
        m = _EMBASSY.match(fold_same_length(label))
        if m is None or m["place"] is not None \
                or country_key(label[m.start("country"):m.end("country")]) not in lx.COUNTRIES:
            return
        if after is not None and after.entity.kind == "place" \
                and _EMBASSY_AT.match(sent.text[mention.end - sent.start:after.start - sent.start]):
            self._add("located_in", group, after.entity, sent)

    def _named_country(self, sent, folded: str, group, mention) -> None:
        """'Club X d'Algérie' taken as one name in a sports text: the club X is in that country, and
        'Club X' is a name of it (an alias); not a national side in the plural ('les Faucons du Y')."""
        m = _NAMED_COUNTRY.match(group.label)
        if m is None or country_key(m["country"]) not in lx.COUNTRIES:
            return
        first = fold_same_length(m["head"].split()[0]).lower()
        if first in _NO_CLUB | INSTITUTION_WORDS or not any(w[:1].isupper() for w in m["head"].split()) \
                or _PLURAL_BEFORE.search(folded[:mention.start - sent.start]):
            return
        self._add("located_in", group, self.ents.entity("place", m["country"]), sent)
        self.ents.add_alias(group, m["head"])
