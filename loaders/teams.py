"""Sports teams the tagger does not know: clubs it took for places ("Valmont City FC", "rejoindre
Orvane", "une victoire contre Kelmar", "du club kényan X") and national sides named by a
nickname ("le capitaine des Grands Faucons", "les Faucons kényans").

Everything here is read from the context a name stands in, never from a list of club names:

- a club's form word opening or closing a name ("FC X", "X City FC", "AS X");
- a place named after that club's name in the same article ("Valmont" after "Valmont City FC");
- a sports context before or after a name the tagger typed place (:func:`club_context`);
- a capitalised plural after "les / des / aux" that a demonym follows or that a player's or a
  coach's title governs (:func:`nicknames`): every "les <nickname>" of the article is then the side.
"""

from __future__ import annotations

import re

from innograph.graph.normalize import fold_same_length
from innograph.loaders.demonyms import COUNTRY_OF
from innograph.loaders.mentions import PLACE_BEFORE, country_key, words_key
from innograph.loaders import lexicon as lx
from innograph.loaders.cues import case_word, fold_word
from innograph.loaders.sportwords import SPORT_WORDS as _SPORT_WORDS


#: Titles of a team's players (folded): "le défenseur de X", "le capitaine des X".
PLAYER_TITLES = (
    "joueur joueuse joueurs joueuses attaquant attaquante attaquants defenseur defenseuse defenseurs milieu "
    "gardien gardienne gardiens capitaine capitaines ailier ailiers buteur buteuse portier meneur"
).split()
#: Titles of a team's players and staff, and its own nouns ("le sélectionneur des X", "l'équipe des X").
TEAM_TITLES = PLAYER_TITLES + (
    "entraineur entraineuse entraineurs selectionneur selectionneuse selectionneurs coach staff maillot equipe selection"
).split()

_TEAM_WORD = r"[A-ZÀ-Ý][\w\-]*"
_TEAM_TITLE = re.compile(rf"(?<![\w])(?:{'|'.join(TEAM_TITLES)})(?![\w])")
#: "les Faucons", "des Grands Faucons", "aux Étoiles Rouges": one or two capitalised words, the last a plural.
_NICKNAME = re.compile(rf"(?<![\w])(?:[Ll]es|des|aux)[ \t]+(?P<name>(?:{_TEAM_WORD}[ \t]+)?[A-ZÀ-Ý][\w\-]*[sx]"
                       rf"(?:[ \t]+(?:de[ \t]+la|de|du|d['’])[ \t]*{_TEAM_WORD})?)(?![\w\-])")
_GOVERNED = re.compile(rf"(?<![\w])(?:{'|'.join(TEAM_TITLES)})(?:[ \t]+[a-z\-]+)?[ \t]+$")
_NICKNAMED = re.compile(r"(?:surnomme\w*|appele\w*|au nom)[ \t]+$")
_HEAD = re.compile(r"\S+(?:[ \t]+[A-ZÀ-Ý]\S*)?")
_NEXT_WORD = re.compile(r"[ \t]+(?P<word>[a-zà-ÿ\-]+)")


def nicknames(ents) -> None:
    """Organization mentions for the national sides and clubs an article names by a nickname.

    A capitalised plural after "les / des / aux" is a team's nickname when, somewhere in the
    article, a demonym follows it ("les Faucons congolais") or a player's, a coach's or a team's
    title governs it ("l'entraîneur des Étoiles Rouges", "l'équipe des X", "surnommée les X"); a
    demonym ("les Ivoiriens"), a country ("les Comores") or a name already typed person is none.
    """
    if ents.lang != "fr":
        return
    hits = list(_NICKNAME.finditer(ents.text))
    head = {m["name"]: _HEAD.match(m["name"]).group(0) for m in hits}
    confirmed = {head[m["name"]] for m in hits if _nickname_cue(ents, m) and _may_be_team(ents, m["name"])}
    longer: dict[str, set] = {}  # "Faucons" -> {"Faucons de Valmont"}: the side a bare "les Faucons" is
    for name in head:
        if name != head[name]:
            longer.setdefault(head[name], set()).add(name)
    for m in hits:
        if head[m["name"]] not in confirmed:
            continue
        forms = longer.get(head[m["name"]], set())
        name = next(iter(forms)) if len(forms) == 1 else m["name"]
        start, end = m.span("name")
        after, demonym = _NEXT_WORD.match(ents.text, end), None
        if after and fold_same_length(after["word"]) in COUNTRY_OF:  # "les Faucons ivoiriens"
            end, demonym = after.end(), after["word"]  # (a demonym says whose side it is: not the long form's)
            name = ents.text[start:end]
        entity = _side_country(ents, name, demonym) or ents.entity("organization", name)
        if ents.text[start:end].startswith(name):  # (not a bare "Faucons" for "Faucons de Valmont": another side's elsewhere)
            ents.add_alias(entity, ents.text[start:end])
        _mention(ents, start, end, entity)


#: A nickname's country: "Faucons du Kenya", "Grands Aigles de Korvanie".
_OF_COUNTRY = re.compile(r"[ \t]+(?:de[ \t]+la|de|du|d['’])[ \t]*(?P<country>[A-ZÀ-Ý][\w\-]*)$")


def _side_country(ents, name: str, demonym: str | None):
    """The country a national side's nickname stands for ("les Faucons du Kenya", "les Faucons
    kényans"): the article's entity for it (the side and its country are one, the nickname one of
    its names), or None (a club's nickname, "les Faucons de Valmont")."""
    of = _OF_COUNTRY.search(name)
    if of is not None and country_key(of["country"]) in lx.COUNTRIES:
        keys = {country_key(of["country"])}
    elif of is None and demonym:
        keys = COUNTRY_OF.get(fold_same_length(demonym).lower(), frozenset())
    else:
        return None
    named = ents.country_named(keys)
    if named is not None:
        return named
    return ents.entity("place", of["country"]) if of is not None else None


def _nickname_cue(ents, m) -> bool:
    before = ents.folded[max(0, m.start() - 40):m.start()]
    after = _NEXT_WORD.match(ents.text, m.end("name"))
    if after and fold_same_length(after["word"]) in COUNTRY_OF:  # (and a game around: not "les Noirs américains")
        return bool(_SPORT_WORDS.search(ents.folded, max(0, m.start() - 150), m.end() + 150))
    return m.group(0)[:3].lower() == "des" and bool(_GOVERNED.search(before)) or bool(_NICKNAMED.search(before))


def _may_be_team(ents, name: str) -> bool:
    key = fold_same_length(name).lower()
    if key in COUNTRY_OF or country_key(name) in lx.COUNTRIES or key.split()[0] in COUNTRY_OF:
        return False
    return not any(e.kind == "person" and name in e.names() for e in ents.entities)


def _mention(ents, start: int, end: int, entity) -> None:
    """Mention `entity` there, taking over a mention of the same or a shorter extent (but for an
    organization's of the same extent, which becomes `entity` when that is a side's country)."""
    same = next((o for o in ents.mentions if o.start == start and o.end == end and o.entity.kind == "organization"), None)
    if same is not None:
        if entity.kind == "place" and same.entity is not entity:  # (a side's nickname found as its own organization)
            ents.merge(entity, same.entity)
        return
    for other in list(ents.mentions):
        if start < other.end and other.start < end and other.end - other.start <= end - start:
            ents.mentions.remove(other)
    ents.mention(start, end, entity, "ner")


def club_forms(ents) -> None:
    """A name that opens or closes with a club's form ("Valmont City FC", "AS Kelmar") is a club,
    whatever the tagger typed it; so is, elsewhere in the article, a place named by what that club's
    name has before or after its form ("Valmont", "Kelmar") unless a place preposition precedes it."""
    clubs = {}
    for m in ents.mentions:
        words = m.entity.label.split()
        if len(words) > 1 and (words[0] in lx.CLUB_FORMS or words[-1] in lx.CLUB_FORMS) and m.entity.kind in ("place", "person", "organization"):
            if m.entity.kind != "organization":
                club = ents.entity("organization", m.entity.label, org_kind=lx.kind_of(m.entity.label))
                for name in m.entity.names():
                    ents.add_alias(club, name)
                m.entity = club
            core = " ".join(w for w in words if w not in lx.CLUB_FORMS)
            clubs.setdefault(words_key(core), m.entity)
    if not clubs:
        return
    for m in ents.mentions:
        if m.entity.kind != "place" or PLACE_BEFORE.search(ents.folded[max(0, m.start - 12):m.start]):
            continue
        key = words_key(m.entity.label)
        club = clubs.get(key) or next((c for k, c in clubs.items() if k.startswith(key + " ")), None)
        if club is not None and country_key(m.entity.label) not in lx.COUNTRIES:
            ents.add_alias(club, m.entity.label)
            m.entity = club



#: A club's form or acronym and the one or two capitalised words after it: "le FC Valmont", "du KSV Orvane Nord".
_FORM_NAME = re.compile(r"(?<![\w\-])(?P<form>[A-Z]{2,5})(?P<rest>(?:[ \t]+[A-ZÀ-Ý][\w\-]+){1,2})(?![\w\-'’])")
#: What stands before a club named by an acronym other than a club's form: a player's or a club's title.
_FORM_TITLE = re.compile(rf"(?<![\w])(?:{'|'.join(TEAM_TITLES)}|club|directeur|president)s?[ \t]+(?:du|de[ \t]+l['’]|de)[ \t]*$")


def club_acronyms(ents) -> None:
    """'le FC Valmont', 'directeur du KSV Orvane Nord': a club's form ("FC", "AS") or, after a
    player's, a staff member's or a club's title, an acronym, and the capitalised words right after
    it are one club's name when the tagger found the words alone (a place or a person named nowhere
    else in the article) or not at all (French press, a game or a player's title around)."""
    if ents.lang != "fr":
        return
    for m in _FORM_NAME.finditer(ents.text):
        if m["form"] not in lx.CLUB_FORMS and not _FORM_TITLE.search(ents.folded[max(0, m.start() - 40):m.start()]):
            continue
        inside = [o for o in ents.mentions if o.start < m.end() and m.start() < o.end]
        words = [o for o in inside if o.start >= m.start("rest")]
        if any(o.start < m.start() or o.end > m.end() or (o.start == m.start() and o.end > m.end("form")) for o in inside) \
                or len(words) > 1 or any(o.entity.kind not in ("place", "person") or _named_elsewhere(ents, o) for o in words):
            continue  # (not past a club's whole name, "le FC Valmont X Y", nor into a person named again)
        around = ents.folded[max(0, m.start() - 150):m.end() + 150]
        if not (_SPORT_WORDS.search(around) or _TEAM_TITLE.search(around)):
            continue
        name = m.group(0)
        for o in inside:
            ents.mentions.remove(o)
        ents.mention(m.start(), m.end(), ents.entity("organization", name, org_kind=lx.kind_of(name)), "pattern")


def _named_elsewhere(ents, mention) -> bool:
    return any(o is not mention and o.entity is mention.entity for o in ents.mentions)


#: "l'Espérance de X", "le Raja de X": a determined capitalised word, then "de" and a city the tagger found.
_CITY_CLUB = re.compile(r"(?<![\w])(?:[Ll]e|[Ll]a|[Ll]['’])[ \t]*(?P<first>[A-ZÀ-Ý][a-zà-ÿ\-]{2,})[ \t]+(?:de|du|d['’])[ \t]*$")
#: Capitalised words before "de <city>" that name a competition, a venue or a body, not a club.
_NOT_CLUB_FIRST = frozenset("coupe ligue championnat supercoupe copa trophee tournoi stade palais parc federation "
                            "confederation association universite banque region province ville mairie republique "
                            "royaume etat gouvernement ministere assemblee senat cour tribunal".split())


def city_clubs(ents) -> None:
    """'l'Espérance de X', 'le Mouloudia d'X' in a game's or a player's story: a club named by a
    word and its city (the tagger found only the city), one name, not a place."""
    if ents.lang != "fr":
        return
    for m in list(ents.mentions):
        if m.entity.kind != "place" or country_key(m.entity.label) in lx.COUNTRIES:
            continue
        lead = _CITY_CLUB.search(ents.text, max(0, m.start - 40), m.start)
        if lead is None or fold_same_length(lead["first"]).lower() in _NOT_CLUB_FIRST \
                or lx.kind_of(lead["first"]) or fold_same_length(lead["first"]).lower() in COUNTRY_OF \
                or fold_same_length(lead["first"]).lower() in lx.NOT_NAMES or not ents.free(lead.start("first"), lead.end("first")):
            continue
        around = ents.folded[max(0, m.start - 150):m.end + 150]
        if _SPORT_WORDS.search(around) or _TEAM_TITLE.search(around):
            start = lead.start("first")
            _mention(ents, start, m.end, ents.entity("organization", ents.text[start:m.end]))


#: What stands before a club named by its city: "du club kényan X", "l'équipe italienne de X", a
#: win or a game against it, the side that beat it, the club one plays or scores for.
_CLUB_BEFORE = re.compile(
    r"(?:(?<![\w])(?:club|equipe|formation)s?[ \t]+(?:(?P<demonym>(?!de[ \t]|du[ \t]|d['’])[a-z\-]+)[ \t]+)?(?:de[ \t]+|d['’][ \t]*)?"
    r"|(?<![\w])milieu[ \t]+de[ \t]+terrain[ \t]+(?:de[ \t]+|du[ \t]+|d['’][ \t]*)"
    r"|(?<![\w])(?:entraineur|entraineuse|manager|selectionneur|capitaine|attaquant|attaquante|defenseur|gardien|gardienne|"
    r"joueur|joueuse|ailier|coach)s?(?:[ \t]+[a-z\-]+)?[ \t]+(?:du|de[ \t]+la|de[ \t]+l['’]|de|d['’])[ \t]*"
    r"|(?<![\w])(?:affront\w*|battu\w*|battre|battant|bat|elimine\w*|surclass\w*)[ \t]+(?:par[ \t]+)?(?:le[ \t]+|l['’])?"
    r"|(?<![\w])(?:victoire|defaite|match|matchs|matches|nul|finale|rencontre|jou\w*|perdu|gagne|impose\w*)"
    r"(?:[ \t]+[\w\-]+){0,3}?[ \t]+(?:contre|face[ \t]+a|face[ \t]+au)[ \t]+(?:le[ \t]+|l['’])?"
    r"|(?<![\w])(?:jou\w*|marque\w*|buts?|apparitions?|signe\w*|evolu\w*|saisons?)(?:[ \t]+[\w\-]+){0,5}?[ \t]+pour[ \t]+(?:le[ \t]+|l['’])?"
    r"|(?<![\w])(?:jou\w*|signe\w*|evolu\w*)[ \t]+(?:au|avec)[ \t]+)$")
#: A player's move: "a rejoint X", "rejoindre le X", "transféré à X", "prêté au X", "en provenance de X",
#: "un transfert d'X" (a club only where a game or a player is around: "il a rejoint Paris" may be a city).
_TRANSFER_BEFORE = re.compile(
    r"(?<![\w])(?:(?:rejoint|rejoindre|rejoignent|rejoignait|rejoindra)[ \t]+(?:le[ \t]+|l['’])?"
    r"|(?:transfere|transferee|prete|pretee)s?[ \t]+(?:a|au|vers|par)[ \t]+(?:le[ \t]+|l['’])?"
    r"|(?:en[ \t]+provenance|transfert)[ \t]+(?:de[ \t]+|du[ \t]+|d['’][ \t]*))$")
#: "le club italien (de première division), X", "une autre équipe italienne, X": a club apposed to its description.
_CLUB_APPOSED = re.compile(r"(?<![\w])(?:club|equipe|formation)s?[ \t]+(?P<demonym>[a-z\-]+)(?:[ \t]+(?:de|du)[ \t]+[\w\- ]{1,25}?)?"
                           r"[ \t]*,[ \t]*$")
#: "(ARG/X)": a player's country code, a slash and their club.
_CODE_BEFORE = re.compile(r"\([A-Z]{3}/$")
#: "X contre Y", "X 2-1 Y" between two teams.
_AGAINST_AFTER = re.compile(r"^[ \t]+(?:\d+[-–:]\d+[ \t]+)?contre[ \t]+(?:le[ \t]+|l['’])?[A-ZÀ-Ý]")
#: What a side does or is given right after its name in a game's report (folded): its country in
#: brackets ("X (Mali)"), a result ("X, tenant du titre, s'est imposé", "X a battu Y"), a score ("X 2-1 Y").
_COUNTRY_AFTER = re.compile(r"^[ \t]*\((?P<country>[^()\d]{3,30})\)")
_RESULT_AFTER = re.compile(
    r"^(?:[ \t]*,[^,.;()]{1,60},)?[ \t]+(?:s['’][ \t]*est[ \t]+(?:[a-z]+ment[ \t]+)?(?:impose|incline)e?s?"
    r"|a[ \t]+(?:[a-z]+ment[ \t]+)?(?:battu|elimine|surclasse|domine|fait[ \t]+match[ \t]+nul)|bat|elimine|surclasse)(?![\w])")
_SCORE_AFTER = re.compile(r"^[ \t]+\d{1,2}[-–]\d{1,2}[ \t]+(?:le[ \t]+|l['’])?[A-ZÀ-Ý]")
#: A town, not a side, before its country in brackets: "à X (Pays)", "le stade de X (Pays)".
_TOWN_BEFORE = re.compile(r"(?:(?:^|[^\w])(?:a|au|aux|en|dans|vers|pres[ \t]+de|in|at|near|from)"
                          r"|(?:stade|ville|region|province|capitale|banlieue|quartier|village|commune|localite)"
                          r"[ \t]+(?:de|du|d['’]))[ \t]*$")


def club_context(span) -> bool:
    """Whether the context of a name typed place says it is a club (French press): see
    :data:`_CLUB_BEFORE`, :data:`_CODE_BEFORE`, :data:`_AGAINST_AFTER`."""
    doc = span.doc
    before = "".join(t.text_with_ws for t in doc[max(0, span.start - 12):span.start])
    if _CODE_BEFORE.search(before):
        return True
    hit = _CLUB_BEFORE.search(fold_same_length(before))
    if hit is not None and (hit["demonym"] is None or hit["demonym"] in COUNTRY_OF):
        return True
    hit = _CLUB_APPOSED.search(fold_same_length(before))
    if hit is not None and hit["demonym"] in COUNTRY_OF:
        return True
    around = fold_same_length(doc[max(0, span.start - 40):span.end + 40].text)
    if _TRANSFER_BEFORE.search(fold_same_length(before)) and (_SPORT_WORDS.search(around) or _TEAM_TITLE.search(around)):
        return True  # "il a rejoint X", "prêté à X", "en provenance de X" in a game's or a player's story
    after = "".join(t.text_with_ws for t in doc[span.end - 1:span.end + 16])[len(span[-1].text):]
    if _AGAINST_AFTER.match(after):
        return True
    return _reported_side(span, fold_same_length(before), after)


def _reported_side(span, before: str, after: str) -> bool:
    """A town the report gives a country in brackets, a result or a score (:data:`_COUNTRY_AFTER`,
    :data:`_RESULT_AFTER`, :data:`_SCORE_AFTER`) in an article about a game: a side."""
    bracket = _COUNTRY_AFTER.match(after)
    if bracket is not None:
        if country_key(bracket["country"]) not in lx.COUNTRIES or _TOWN_BEFORE.search(before):
            return False
        if sum(e.label_ == "PER" and e.end < len(span.doc) and span.doc[e.end].text == "(" for e in span.sent.ents) > 1:
            return False  # ("X (Pays), Jean Y (Pays), Paul Z (Pays)": a list of persons and their countries)
    elif not (_RESULT_AFTER.match(fold_same_length(after)) or _SCORE_AFTER.match(after)):
        return False
    doc = span.doc
    around = fold_same_length(doc[max(0, span.start - 80):span.end + 80].text)
    return bool(_SPORT_WORDS.search(around))


#: In an article about sport, what stands before a club named by its town (folded): a career at it
#: ("a passé trois saisons à X", "son arrivée à X", "son passage à X", "signé à X", "qui évolue en
#: première division à X", "jouait alors à X", "un transfert de Y à X"), a game against it ("contre X",
#: "face à X", "le match qui a opposé Y à X"). A town where a game is played ("le match aller à X", "un nul à X") is none of these.
_SPORTS_BEFORE = re.compile(
    r"(?<![\w])(?:(?:passe|passait|passee|passes)[ \t]+(?:[\w\-]+[ \t]+){1,2}(?:ans|annees|saisons|mois)"
    r"|(?:son|sa|ses|de|en)[ \t]+(?:[\w\-]+[ \t]+)?(?:arrivee|passage|passages|sejour|sejours|carriere|signature)"
    r"|signee?s?|evolu\w*(?:[ \t]+[^.,;:!?]{1,40}?)?|jouai(?:t|ent)(?:[ \t]+(?:egalement|aussi|alors|encore|deja|toujours))?"
    r"|(?:transfert|pret)[ \t]+(?:de[ \t]+|du[ \t]+|d['’][ \t]*)[\w\-]+(?:[ \t]+[\w\-]+)?"
    r"|(?:oppose|opposait|opposera|opposant)(?:[ \t]+[\w\-]+){1,3}"
    r")[ \t]+(?:a|au)[ \t]+$"
    r"|(?<![\w])(?:contre|face[ \t]+a|face[ \t]+au)[ \t]+(?:le[ \t]+|l['’][ \t]*)?$")
#: Verbs whose subject (active or passive) is a side: it wins, loses, meets, signs or lends (folded forms).
_MATCH_VERBS = frozenset(
    "bat battent battu battue battus battra battait vaincu vaincue vainc impose imposee imposes incline inclinee "
    "inclines elimine eliminee elimines eliminera domine dominee surclasse ecrase humilie devance affronte affrontent "
    "affrontera affronteront affrontait emporte remporte remportent remportera gagne gagnent gagnera perd perdent "
    "perdu perdue perdra egalise concede encaisse mene menait recrute recrutent limoge prete transfere achete vendu "
    "vend prive privee".split())
#: Holders a club's name completes in a sports story beyond a player's or a staff title: "la star de
#: X", "le duo de X", "le président de X" (a town's own head is its "maire").
_SPORTS_HOLDERS = frozenset("star stars vedette vedettes duo trio legende icone recrue president presidente "
                            "proprietaire".split())
#: Words of a name typed place that no side's name has (an award, a rally, a competition).
_NOT_SIDE_WORDS = frozenset("ballon coupe trophee rallye tour jeux open grand".split())
#: Towns whose name takes "le" ("au Caire", "du Havre"): the article does not make them sides.
_ARTICLE_TOWNS = frozenset("caire cap havre mans creusot puy touquet piree kef bardo lamentin gosier".split())
_TOWN_NOUNS = frozenset("stade ville region province capitale quartier port aeroport".split())


def sports_club(span) -> bool:
    """Whether a name typed place, in an article about sport (the caller asks
    :func:`innograph.loaders.sportwords.sports_text`), stands where a side does: after a career's or
    a game's words (:data:`_SPORTS_BEFORE`), after a masculine article ("le X", "du X", "au X"), as
    the subject of a game's verb ("X a battu", "X a été éliminé", :data:`_MATCH_VERBS`), after "la
    star de", "le duo de" (:data:`_SPORTS_HOLDERS`), or set off after a person ("A, de X,")."""
    doc = span.doc
    before = fold_same_length("".join(t.text_with_ws for t in doc[max(0, span.start - 12):span.start]))
    if _SPORTS_BEFORE.search(before):
        return True
    words = fold_same_length(span.text).split()
    if (words[0] in COUNTRY_OF or _NOT_SIDE_WORDS.intersection(words) or words[0] in _ARTICLE_TOWNS
            or (span.end < len(doc) and (doc[span.end].text in ("-", "–") or doc[span.end].like_num))):
        return False  # ("le Bissau-Guinéen", "du Ballon d'Or", "le Dakar 2017", "au Caire")
    if span.start > 0 and fold_word(doc[span.start - 1]) in ("le", "du", "au"):
        return span.start < 2 or fold_word(doc[span.start - 2]) not in _TOWN_NOUNS  # (not "le stade du X")
    if _person_of(span):
        return True
    root = span.root
    if root.dep_ in ("flat:name", "appos") and root.head.i == span.start - 1:
        root = root.head  # "le leader X perdra ...": the noun the name is apposed to
    if root.dep_ == "conj" and root.head.dep_ in ("nsubj", "nsubj:pass"):
        root = root.head  # "X et Y ont battu ..."
    verbs = [root.head, *(c for c in root.head.children if c.dep_ == "xcomp")]  # ("X devrait perdre Y")
    if root.dep_ in ("nsubj", "nsubj:pass", "nsubjpass") and any(fold_word(v) in _MATCH_VERBS for v in verbs):
        return True
    return root.dep_ == "nmod" and case_word(root) in ("de", "d'", "d’", "du") and fold_word(root.head) in _SPORTS_HOLDERS


def _person_of(span) -> bool:
    """'A, de X,' / 'le Camerounais A de X': a player set off with his side (in an article about
    sport), the name right after a person's and 'de', maybe a comma between."""
    doc, i = span.doc, span.start - 1
    if i < 1 or fold_word(doc[i]) not in ("de", "d'", "d’"):
        return False
    i -= doc[i - 1].text == ","
    if i < 1 or doc[i - 1].ent_type_ != "PER":
        return False
    after = doc[span.end:span.end + 2]
    return not (len(after) == 2 and after[0].text == "," and after[1].ent_type_ == "LOC")  # (not "A, de X, <région>": a home town)
