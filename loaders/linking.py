"""Settling which entity each mention of an article names, once every mention is found.

The finders of loaders/detect.py each read one shape; only with all their mentions in hand can
an article say that "Kandeh", which the tagger took for a place, is "Aminata Kandeh", that
"le gardien de X Mendy" is a club and a person, or that "Acme Widgets, LLC" ends at its legal
form. :func:`finish` runs these passes in order and drops the entities no mention names.
"""

from __future__ import annotations

import re

from innograph.loaders import lexicon as lx
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import PLACE_BEFORE, ArticleEntities, Mention, name_key, words_key

_LEGAL_FORM = (r"(?:L\.?L\.?C\.?|Inc\.?|Ltd\.?|Limited|LLP|L\.?P\.|PLC|plc|GmbH|AG|S\.?A\.?S?|SARL|S\.?p\.?A\.?|"
               r"B\.?V\.?|N\.?V\.?|Pty(?:\.|[ \t]+Ltd\.?)?|Co\.,?[ \t]+Ltd\.?|Corp\.?)")
_LEGAL_AFTER_COMMA = re.compile(rf",?[ \t]+{_LEGAL_FORM}(?![\w])")
#: A legal form closing a two-word mention ("Dallas LLC"): the tail of a longer name.
_LEGAL_TAIL = re.compile(rf"^[A-ZÀ-Ý][\w\-]*[ \t]+{_LEGAL_FORM}$")
#: A legal form closing a name: a company's, whatever runs before it.
_LEGAL_END = re.compile(rf"[ \t,]{_LEGAL_FORM}$")
#: A title and "de" right before a name (folded text): "le gardien de X".
_TITLE_OF = re.compile(r"(?<![\w])(?P<title>[a-z\-]+)(?:[ \t]+(?P<adj>[a-z\-]+))?[ \t]+(?:de|du|d['’])[ \t]*$")
#: A determined title, maybe with a nationality, right before a name: "le président (ivoirien) X".
_TITLE_LEAD = re.compile(r"(?:(?<![\w])(?:le|la|du|au|les|des|aux)[ \t]+|(?<![\w])l['’])(?P<title>[a-z\-]+)"
                         r"(?:[ \t]+(?P<adj>[a-z\-]+))?[ \t]+$")
#: An honorific right before a name: "M. X", "Mme X".
_HONORIFIC_LEAD = re.compile(rf"(?:^|[^\w.]){lx.SURNAME_HONORIFICS}[ \t]+$")
_HONORIFIC_OPEN = re.compile(rf"{lx.SURNAME_HONORIFICS}[ \t]+\S+$")


def finish(ents: ArticleEntities) -> ArticleEntities:
    """Run the passes over every mention of `ents`, sort the mentions, keep the entities named."""
    legal_forms(ents)
    ents.merge_acronyms()
    # "Medisense" alone, then "Medisense Robotics": one organization, named by its first word.
    multi = [e for e in ents.entities if e.kind == "organization" and len(e.label.split()) > 1]
    for e in [e for e in ents.entities if e.kind == "organization" and len(e.label.split()) == 1]:
        longer = [o for o in multi if o.label.split()[0].lower() == e.label.lower()]
        if len(longer) == 1 and len(e.label) >= 4:
            ents.merge(longer[0], e)
    # "Kapadia" taken for an organization when a person of that surname was named: the person.
    surnames: dict[str, list] = {}
    for e in ents.entities:
        if e.kind == "person" and len(e.label.split()) > 1:
            surnames.setdefault(e.label.split()[-1].lower(), []).append(e)
    for m in ents.mentions:
        if m.entity.kind == "organization" and m.entity.org_kind is None and len(m.entity.label.split()) == 1:
            people = surnames.get(m.entity.label.lower(), [])
            if len(people) == 1:
                m.entity = people[0]
    people_taken_for_places(ents, surnames)
    # "Marchetti" / "Mme Odile" after "Paolo Marchetti" / "Odile Brana Keita": one person when
    # exactly one full name of the article ends (else starts) with that word.
    merge_short_people(ents, surnames)
    names_run_into_people(ents, surnames)
    # A name taken for a person that is also an organization's name is the organization.
    orgs = {e.key: e for e in ents.entities if e.kind == "organization"}
    for m in ents.mentions:
        if m.entity.kind == "person" and m.entity.key in orgs:
            m.entity = orgs[m.entity.key]
    # "Chief Executive Officer", "Directeur Général" written with capitals are titles, no organization.
    ents.mentions = [m for m in ents.mentions if not (m.entity.kind == "organization" and _a_title(m.entity.label))]
    ents.link_known()
    ents.mentions.sort(key=lambda m: m.start)
    used = {id(m.entity) for m in ents.mentions}
    ents.entities = [e for e in ents.entities if id(e) in used]
    return ents


_TITLE_NAMES = frozenset(lx.TITLES) | lx.SYSTEMATIC_TITLES


def _a_title(label: str) -> bool:
    """A name that is a job title and nothing more ("Chief Medical Officer", "Postmaster General",
    "Professor Emeritus of Transportation Sciences": a title head, then its field; a plural head opens
    an organization's name: "Médecins du Monde")."""
    key = words_key(label)
    words = key.split()
    return key in _TITLE_NAMES or (len(words) > 2 and words[0] in lx.TITLE_HEADS and not words[0].endswith(("s", "x"))
                                   and any(w in ("of", "de", "du", "des") for w in words[1:3]))


def legal_forms(ents: ArticleEntities) -> None:
    """'Sheffield-based Forgeline Robotics' is the name after the place; 'Acme Widgets, LLC',
    'Borealis Foods, Inc.': the legal form after a comma ends the name, as after a place the
    tagger read apart ('Quorvex Studios Dallas LLC')."""
    for m in ents.mentions:
        based = re.match(r"[A-ZÀ-Ý][\w\-]*?-based\s+(?=\S)", m.text)
        if based:
            m.start += based.end()
            m.text = ents.text[m.start:m.end]
    for m in [m for m in ents.mentions if m.entity.kind in ("organization", "person", "place")]:
        legal = _LEGAL_AFTER_COMMA.match(ents.text, m.end)
        tail = m.entity.kind != "person" and ((legal and not legal.group(0).startswith(",")) or _LEGAL_TAIL.match(m.text))
        before = next((o for o in ents.mentions if o.entity.kind == "organization" and o.end < m.start
                       and re.fullmatch(r"[ \t]+", ents.text[o.end:m.start])), None) if tail else None
        if before is not None:  # "Quorvex Studios Dallas LLC", the place read apart with or without its form: one name
            ents.mentions.remove(m)
            before.end = m.end
            m = before
            m.text = ents.text[m.start:m.end]
            ents.add_alias(m.entity, m.text)
        if legal:
            if m.entity.kind != "organization":  # "Tamber Freight, LLC" taken for a person: a company
                m.entity = ents.entity("organization", m.text, org_kind="Company")
            for other in [o for o in ents.mentions if m.end < o.end and o.start < legal.end() and o is not m]:
                ents.mentions.remove(other)
            m.end = legal.end()
            m.text = ents.text[m.start:m.end]
            ents.add_alias(m.entity, m.text)
    for m in [m for m in ents.mentions if m.entity.kind == "organization"]:
        if _LEGAL_AFTER_COMMA.fullmatch(" " + m.text):  # a legal form alone is no organization
            ents.mentions.remove(m)


def names_run_into_people(ents: ArticleEntities, surnames: dict) -> None:
    """'le gardien de X Mendy', 'Valmont United Marc Dubois': a name the tagger ran on into a
    person of the article (their full name, or the surname of exactly one person named in full,
    or a name a title is apposed to: :func:`_titled_tail`) is that person, when what stands before
    is an organization of the article or follows a title and "de" (then it is made one)."""
    for m in list(ents.mentions):
        words = m.text.split()
        if m.entity.kind not in ("person", "organization") or len(words) < 2 or m.source not in ("ner", "gazetteer") \
                or any(o.entity is m.entity for o in ents.mentions if o is not m) or _LEGAL_END.search(m.text):
            continue  # (a name said twice, or closed by a legal form, is no run-on)
        split = _person_named(ents, m, words, surnames) or _person_titled(ents, m, words)
        if split is None:
            continue
        head, person, org = split
        start = m.start + m.text.index(words[len(head.split())], len(head))
        ents.mentions.append(Mention(m.start, m.start + len(head), head, org, m.source))
        m.start, m.text, m.entity = start, ents.text[start:m.end], person


def _person_named(ents: ArticleEntities, m: Mention, words: list[str], surnames: dict):
    """(head, person, organization) where the name's tail is a person named in full elsewhere."""
    for n in range(1, len(words)):
        tail = " ".join(words[n:])
        named = [e for e in ents.entities if e.kind == "person" and e is not m.entity and len(e.label.split()) > 1
                 and (e.label == tail or (n == len(words) - 1 and e in surnames.get(tail.lower(), [])))]
        if len(named) != 1 or " ".join(words[:n]) in named[0].label:
            continue
        head = " ".join(words[:n])
        org = ents.named(head)
        titled = _TITLE_OF.search(ents.folded, max(0, m.start - 40), m.start)
        if org is None and titled is not None and (titled["title"] in lx.TITLE_HEADS or titled["adj"] in lx.TITLE_HEADS) and lx.kind_of(head) is None:
            org = ents.entity("organization", head)  # "le gardien de X Y": X is whose gardien Y is
        if org is not None and org.kind == "organization":
            return head, named[0], org
    return None


def _person_titled(ents: ArticleEntities, m: Mention, words: list[str]):
    """(head, person, organization) where the name's tail is a person a title is apposed to
    (:func:`_titled_tail`), the shortest such tail first."""
    if m.entity.kind != "organization":
        return None
    for n in range(len(words) - 2, 0, -1):
        if _titled_tail(ents, m, words, n):
            head = " ".join(words[:n])
            org = ents.named(head)
            org = org if org is not None and org.kind == "organization" else ents.entity("organization", head)
            return head, ents.entity("person", " ".join(words[n:])), org
    return None


#: A title apposed after a name (folded): ", ancien directeur de", ", professeure à", ", l'avocate".
_APPOSED_TITLE = re.compile(r"[ \t]*,[ \t]*(?:(?:l['’]|le|la|un|une)[ \t]*)?(?:(?:ancien|ancienne|ex)[ \t\-]+)?(?P<title>[a-z\-]+)")


def _titled_tail(ents: ArticleEntities, m: Mention, words: list[str], n: int) -> bool:
    """'a déclaré à XYZ Radio Ana Ruiz, professeure de ...': the last two or three capitalised
    words of an organization's name the tagger ran on are a person's, when a title is apposed
    to them and what stands before is an organization the article (or the store) knows, or
    an acronym and one more word."""
    tail, head = words[n:], " ".join(words[:n])
    if not 2 <= len(tail) <= 3 or not all(w[:1].isupper() and not w.isupper() for w in tail) \
            or lx.kind_of(" ".join(tail)) or any(w.lower() in lx.NOT_NAMES for w in tail):
        return False
    known = ents.gazetteer.entries.get(name_key(head))
    if ents.named(head) is None and not (known and known[0] == "organization"):
        # an acronym and one more word, unknown ("XYZ Radio"): the person's name is what follows it
        if not (len(words[0]) > 1 and words[0].isupper()) or n != min(2, len(words) - 2):
            return False
    title = _APPOSED_TITLE.match(ents.folded, m.end)
    return title is not None and title["title"] in lx.TITLE_HEADS


def people_taken_for_places(ents: ArticleEntities, surnames: dict) -> None:
    """A name the tagger took for a place that is a person of the article is that person:
    the same name (when the tagger took it for a person at least as often), or the surname of exactly one person named in full ("Kandeh" after
    "Aminata Kandeh"), unless a place preposition stands before it ("à Kandeh") or it is a
    country's name."""
    people = {e.key: e for e in ents.entities if e.kind == "person"}
    count: dict[int, int] = {}
    for m in ents.mentions:
        count[id(m.entity)] = count.get(id(m.entity), 0) + 1
    titled = {id(m.entity): m.entity for m in ents.mentions if titled_place(ents, m)}
    for org in [e for e in titled.values() if e.kind == "organization"]:
        named = surnames.get(org.label.lower(), [])
        ents.merge(named[0] if len(named) == 1 else ents.entity("person", org.label), org)
    for m in ents.mentions:
        if m.entity.kind != "place" or words_key(m.entity.label) in lx.COUNTRIES:
            continue
        person = people.get(m.entity.key)
        if person is None and id(m.entity) in titled:  # "le président X": X is a person everywhere
            named = surnames.get(m.entity.label.lower(), [])
            person = named[0] if len(named) == 1 else ents.entity("person", m.entity.label)
            people[m.entity.key] = person
            count[id(person)] = count[id(m.entity)]
        if person is not None and count.get(id(person), 0) < count[id(m.entity)]:
            person = None  # "Ankara" taken once for a person and more often for a place
        if person is None and len(m.entity.label.split()) == 1:
            named = surnames.get(m.entity.label.lower(), [])
            person = named[0] if len(named) == 1 else None
        if person is not None and not PLACE_BEFORE.search(ents.folded[max(0, m.start - 12):m.start]) \
                and not any(words_key(w) in lx.COUNTRIES for w in person.label.split()):  # (not "Turquie X")
            m.entity = person


def titled_place(ents: ArticleEntities, m: Mention) -> bool:
    """'le président X', 'du sélectionneur ivoirien X', 'M. X': a one-word name the tagger took for a
    place or an organization, right after a determined title (and maybe a nationality) or an
    honorific, is a person's."""
    if not (m.entity.kind == "place" or (m.entity.kind == "organization" and m.entity.org_kind is None
                                         and m.entity.cue is None and m.source in ("ner", "gazetteer"))) \
            or " " in m.entity.label or lx.kind_of(m.entity.label) or m.entity.label.isupper():
        return False
    if _HONORIFIC_LEAD.search(ents.text, max(0, m.start - 8), m.start) or _HONORIFIC_OPEN.match(m.text):
        return True  # "M. X", or the tagger's "Mme X" typed place
    lead = _TITLE_LEAD.search(ents.folded, max(0, m.start - 40), m.start)
    return lead is not None and lead["title"] in lx.TITLE_HEADS and (not lead["adj"] or lead["adj"] in COUNTRY_OF)


def merge_short_people(ents: ArticleEntities, surnames: dict) -> None:
    firsts: dict[str, list] = {}
    for e in ents.entities:
        if e.kind == "person" and len(e.label.split()) > 1:
            firsts.setdefault(e.label.split()[0].lower(), []).append(e)
    for e in [e for e in ents.entities if e.kind == "person" and len(e.label.split()) == 1]:
        word = e.label.lower()
        full = surnames.get(word) or ([] if word in surnames else firsts.get(word, []))
        if len(full) == 1:
            ents.merge(full[0], e)
