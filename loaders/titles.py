"""Titles written systematically: every French title noun in its masculine and feminine forms with
the usual adjectives and prefixes, every English chief officer and title noun with its prefixes.

:data:`SYSTEMATIC_TITLES` are the phrases the surface reader matches; :data:`TITLE_HEADS` the single
words that head a title in the parse. Entries are folded like the rest of the lexicon.
"""

from __future__ import annotations

#: English chief officers: "chief X officer" for every function.
_EN_FUNCTIONS = (
    "executive financial operating technology technical information marketing commercial scientific medical "
    "legal people digital data strategy product security risk compliance investment revenue sustainability "
    "innovation communications creative procurement customer nursing content business growth experience "
    "transformation administrative accounting research"
).split()
#: English title nouns; each also with vice-, deputy, assistant, associate, executive, senior, interim, acting, co-.
_EN_BASES = (
    "president chairman chairwoman chairperson chair director manager head leader secretary treasurer governor "
    "commissioner editor dean chancellor rector provost principal owner coach captain trustee administrator "
    "coordinator superintendent counsel controller executive representative adviser advisor consultant "
    "researcher professor lecturer scientist engineer analyst economist architect producer officer ceo cfo cto "
    "coo cio cmo founder cofounder co-founder spokesperson spokesman spokeswoman ambassador minister mayor "
    "publisher partner specialist expert judge curator investigator employee staffer attache"
).split()
_EN_PREFIXES = ("vice ", "deputy ", "assistant ", "associate ", "executive ", "senior ", "interim ", "acting ", "co ")
#: French titles, masculine and feminine: each also with the adjectives below and "vice-", "co-", "sous-".
_FR_PAIRS = (
    "directeur directrice|president presidente|fondateur fondatrice|cofondateur cofondatrice|gerant gerante|"
    "administrateur administratrice|tresorier tresoriere|gouverneur gouverneure|ambassadeur ambassadrice|"
    "conseiller conseillere|delegue deleguee|chef cheffe|patron patronne|dirigeant dirigeante|associe associee|"
    "redacteur redactrice|professeur professeure|chercheur chercheuse|ingenieur ingenieure|doyen doyenne|"
    "recteur rectrice|prefet prefete|depute deputee|senateur senatrice|coordinateur coordinatrice|"
    "animateur animatrice|entraineur entraineuse|selectionneur selectionneuse|joueur joueuse|avocat avocate|"
    "attaquant attaquante|defenseur defenseuse|gardien gardienne|ailier ailiere|"
    "footballeur footballeuse|"
    "consultant consultante|representant representante|inspecteur inspectrice|commandant commandante|"
    "charge chargee|specialiste specialiste|expert experte|juge juge|cadre cadre|conservateur conservatrice|"
    "investigateur investigatrice|attache attachee|employe employee|salarie salariee|president-directeur presidente-directrice|proprietaire proprietaire|secretaire secretaire|"
    "ministre ministre|maire maire|responsable responsable|commissaire commissaire|economiste economiste|"
    "porte-parole porte-parole|capitaine capitaine|analyste analyste|pdg pdg|dg dg|dga dga|"
    "coequipier coequipiere|remplacant remplacante|arbitre arbitre|envoye envoyee|emissaire emissaire|officier officiere|"
    "agent agente|espion espionne|"
    "commentateur commentatrice|presentateur presentatrice|collaborateur collaboratrice|"
    "chancelier chanceliere|roi reine|empereur imperatrice|emir emir|sultan sultan|monarque monarque"
)
#: Title nouns marked for gender (French pairs whose two forms differ, English "-man" / "-woman"); the
#: epicene ones ("ministre", "responsable") are in neither.
FEMININE_HEADS = frozenset([f for m, f in (p.split() for p in _FR_PAIRS.split("|")) if m != f] + ["chairwoman", "spokeswoman"])
MASCULINE_HEADS = frozenset([m for m, f in (p.split() for p in _FR_PAIRS.split("|")) if m != f] + ["chairman", "spokesman"])
#: Title nouns that are also a verb's forms ("l'envoyé de X" but "X a envoyé", "en remplaçant X"): a title
#: only as a noun (read in :mod:`.syntaxposts`).
VERB_LIKE_TITLES = frozenset("envoye envoyee envoyes envoyees remplacant remplacante remplacants remplacantes".split())
#: Professions that name a post when the person exercises them at an organization ("épidémiologiste à
#: l'université X", "a virologist at Y"): sciences and medicine, law, press; FR masculine/feminine, EN.
_FR_PROFESSIONS = (
    "epidemiologiste immunologiste virologue virologiste biologiste microbiologiste sociologue psychologue "
    "psychiatre neurologue cardiologue dermatologue pediatre gynecologue oncologue endocrinologue radiologue "
    "anesthesiste nutritionniste dieteticien|dieteticienne geneticien|geneticienne physicien|physicienne chimiste "
    "mathematicien|mathematicienne historien|historienne politologue anthropologue archeologue climatologue "
    "pharmacologue toxicologue statisticien|statisticienne demographe geographe juriste medecin "
    "infirmier|infirmiere pharmacien|pharmacienne veterinaire chirurgien|chirurgienne dentiste orthophoniste "
    "kinesitherapeute sage-femme journaliste correspondant|correspondante reporter editorialiste "
    "chroniqueur|chroniqueuse photographe strategiste diplomate consul|consule enseignant|enseignante "
    "maitre-assistant|maitre-assistante doctorant|doctorante procureur|procureure magistrat|magistrate "
    "notaire architecte urbaniste technicien|technicienne informaticien|informaticienne economiste "
    "epidemiologist immunologist virologist biologist microbiologist sociologist psychologist psychiatrist "
    "neurologist cardiologist dermatologist pediatrician paediatrician gynaecologist oncologist radiologist "
    "nutritionist dietitian geneticist physicist chemist mathematician historian anthropologist archaeologist "
    "climatologist pharmacologist toxicologist statistician demographer geographer lawyer attorney physician "
    "nurse pharmacist veterinarian surgeon dentist journalist correspondent reporter columnist photographer "
    "strategist diplomat consul lecturer postdoc prosecutor"
).replace("|", " ").split()
_FR_ADJECTIVES = (("general", "generale"), ("adjoint", "adjointe"), ("delegue", "deleguee"), ("executif", "executive"),
                  ("financier", "financiere"), ("technique", "technique"), ("commercial", "commerciale"),
                  ("scientifique", "scientifique"), ("regional", "regionale"), ("national", "nationale"),
                  ("honoraire", "honoraire"), ("interimaire", "interimaire"), ("general adjoint", "generale adjointe"))


def _titles() -> set[str]:
    out = {f"chief {f} officer" for f in _EN_FUNCTIONS} | {f"chief {f}" for f in ("executive", "economist", "scientist", "engineer", "editor", "of staff")}
    out |= {f"{p}{t}" for p in ("interim ", "acting ", "deputy ") for t in list(out)}
    out |= set(_EN_BASES) | {p + b for p in _EN_PREFIXES for b in _EN_BASES if b not in ("ceo", "cfo", "cto", "coo", "cio", "cmo", "founder", "cofounder", "co-founder")}
    out |= {"managing director", "general manager", "general counsel", "managing editor", "editor in chief", "head coach",
            "managing partner", "general partner", "board member", "prime minister", "secretary general",
            "professor emeritus", "professor emerita"}
    for pair in _FR_PAIRS.split("|"):
        masc, fem = pair.split()
        for base, gender in ((masc, 0), (fem, 1)):
            out.add(base)
            out |= {f"{pre}{base}" for pre in ("vice ", "co ", "sous ")}
            out |= {f"{base} {adj[gender]}" for adj in _FR_ADJECTIVES}
    out |= {"premier ministre", "secretaire general", "secretaire generale", "chef d etat", "chef de l etat", "chef de projet",
            "chef de service", "charge de mission", "chargee de mission", "directeur des operations", "directrice des operations"}
    return {t.replace("-", " ") for t in out}


SYSTEMATIC_TITLES = frozenset(_titles())
#: Single words that head a title in the parse ("officer" in "chief executive officer", "directrice").
_NOT_HEADS = frozenset("partner principal charge chargee associe associee cadre attache attachee".split())
TITLE_HEADS = frozenset(
    {b.replace("-", " ") for b in _EN_BASES} | {w for pair in _FR_PAIRS.split("|") for w in pair.split()}
    | {"head", "chief", "co-founder", "co-fondateur", "co-fondatrice", "president-directeur", "porte-parole"}
    | {"emeritus", "emerita"}  # ("a professor emerita": the English parse heads the title on the adjective)
    | set(_FR_PROFESSIONS)
) - _NOT_HEADS
TITLE_HEADS = TITLE_HEADS | {w + "s" for w in TITLE_HEADS if not w.endswith("s")}
#: One-token French forms with a hyphenated prefix: "vice-présidente", "ex-ministres", "sous-directeur".
TITLE_HEADS = TITLE_HEADS | {f"{p}-{w}" for p in ("vice", "ex", "sous", "co") for pair in _FR_PAIRS.split("|")
                             for base in pair.split() for w in (base, base + "s") if base not in _NOT_HEADS}
FOUNDER_HEADS = frozenset("founder founders cofounder cofounders co-founder co-founders fondateur fondateurs fondatrice fondatrices "
                          "cofondateur cofondateurs cofondatrice cofondatrices co-fondateur co-fondateurs co-fondatrice co-fondatrices".split())
#: Titles whose head word alone means something else ("au milieu de", "le meneur", "chargé de"): a title
#: only with one of these words right after it ("milieu de terrain", "meneur de jeu", "attachée de presse",
#: "chargé de mission").
QUALIFIED_HEADS = {"milieu": ("terrain", "offensif", "defensif", "relayeur"), "meneur": ("jeu",),
                   "attache": ("presse",), "attachee": ("presse",),
                   "charge": ("mission", "projet", "communication"),
                   "chargee": ("mission", "projet", "communication")}
QUALIFIED_HEADS |= {w + "x" if w.endswith("u") else w + "s": q for w, q in QUALIFIED_HEADS.items()}
TITLE_HEADS = TITLE_HEADS | set(QUALIFIED_HEADS)
