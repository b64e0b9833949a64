"""Cue words in French and English: organization kinds, titles, relation verbs, demonyms.

These are lexicons of the languages, not lists of entities: they say that "CHU" and
"hospital" name hospitals, that "directeur" is a title and "rejoindre" a way of joining.
Every entry is written folded (lower case, no accents) — see :func:`innograph.graph.iri.fold`.
"""

from __future__ import annotations

#: Words that name an organization when followed by its name ("Université de Nantes"), or alone
#: as a short form of a name already seen ("l'Université"). Value: the ig: kind.
NAME_CUES: dict[str, str] = {
    # hospitals
    "chu": "Hospital", "chru": "Hospital", "chr": "Hospital", "ch": "Hospital", "aphp": "Hospital",
    "hopital": "Hospital", "hopitaux": "Hospital", "clinique": "Hospital", "hospital": "Hospital",
    "centre hospitalier universitaire": "Hospital", "centre hospitalier": "Hospital",
    "groupe hospitalier": "Hospital", "institut de cancerologie": "Hospital", "medical center": "Hospital",
    # chambers of commerce
    "cci": "ChamberOfCommerce", "ccir": "ChamberOfCommerce", "cma": "ChamberOfCommerce",
    "chambre de commerce et d industrie": "ChamberOfCommerce", "chambre de commerce": "ChamberOfCommerce",
    "chambre de metiers": "ChamberOfCommerce", "chamber of commerce": "ChamberOfCommerce",
    # universities and schools
    "universite": "University", "university": "University", "univ": "University", "ecole": "University",
    "insa": "University", "iut": "University", "college": "University", "school of": "University",
    "institut polytechnique": "University", "polytech": "University", "business school": "University",
    # research
    "cnrs": "ResearchCentre", "inserm": "ResearchCentre", "inria": "ResearchCentre", "cea": "ResearchCentre",
    "inrae": "ResearchCentre", "laboratoire": "ResearchCentre", "institut": "ResearchCentre",
    "institute": "ResearchCentre", "research centre": "ResearchCentre", "research center": "ResearchCentre",
    "centre de recherche": "ResearchCentre", "lab": "ResearchCentre", "laboratory": "ResearchCentre",
    # training
    "training center": "TrainingCentre", "training centre": "TrainingCentre", "centre de formation": "TrainingCentre",
    "campus des metiers": "TrainingCentre", "cfa": "TrainingCentre", "academy": "TrainingCentre",
    # public authorities
    "metropole": "PublicAuthority", "region": "PublicAuthority", "departement": "PublicAuthority",
    "conseil regional": "PublicAuthority", "conseil departemental": "PublicAuthority", "ville": "PublicAuthority",
    "mairie": "PublicAuthority", "communaute d agglomeration": "PublicAuthority", "agglomeration": "PublicAuthority",
    "communaute de communes": "PublicAuthority", "prefecture": "PublicAuthority", "ministere": "PublicAuthority",
    "etat": "PublicAuthority", "bpifrance": "PublicAuthority", "ademe": "PublicAuthority", "agence": "PublicAuthority",
    "ministry": "PublicAuthority", "council": "PublicAuthority", "city of": "PublicAuthority", "county": "PublicAuthority",
    "agency": "PublicAuthority", "government": "PublicAuthority", "commission europeenne": "PublicAuthority",
    "european commission": "PublicAuthority",
    # clusters and networks
    "pole de competitivite": "Cluster", "pole": "Cluster", "cluster": "Cluster", "reseau": "Cluster",
    "grappe": "Cluster", "technopole": "Cluster", "french tech": "Cluster",
    # media
    "journal": "MediaOutlet", "magazine": "MediaOutlet", "radio": "MediaOutlet", "tv": "MediaOutlet",
}

#: Capitalized last words that make the words before them an organization's name, and its kind:
#: "Pennine Health Innovation Network", "Arden Robotics", "Yorkshire Innovation Fund".
NAME_ENDINGS: dict[str, str] = {
    "infirmary": "Hospital", "clinic": "Hospital", "hospital trust": "Hospital",
    "network": "Cluster", "consortium": "Cluster", "alliance": "Cluster", "association": "Cluster",
    "cluster": "Cluster", "health trust": "Hospital", "nhs trust": "Hospital", "foundation trust": "Hospital",
    "combined authority": "PublicAuthority", "authority": "PublicAuthority", "agglo": "PublicAuthority",
    "agglomeration": "PublicAuthority", "communaute": "PublicAuthority", "growth board": "PublicAuthority", "centre": "ResearchCentre",
    "center": "ResearchCentre", "fund": "Company", "ventures": "Company", "capital": "Company",
    "partners": "Company", "robotics": "Company", "diagnostics": "Company", "surgical": "Company",
    "technologies": "Company", "technology": "Company", "systems": "Company", "labs": "Company",
    "therapeutics": "Company", "pharma": "Company", "biotech": "Company", "industries": "Company",
    "aerospace": "Company", "energy": "Company", "ltd": "Company", "limited": "Company", "inc": "Company",
    "plc": "Company", "gmbh": "Company", "sas": "Company", "sarl": "Company", "group": "Company",
}

#: Words that say what the named thing that follows (or precedes, in apposition) is, without
#: being part of its name: "la start-up Robotik", "Robotik, entreprise lyonnaise".
DESCRIPTORS: dict[str, str] = {
    "entreprise": "Company", "societe": "Company", "start up": "Company", "startup": "Company",
    "jeune pousse": "Company", "pme": "Company", "eti": "Company", "groupe": "Company", "industriel": "Company",
    "equipementier": "Company", "fabricant": "Company", "constructeur": "Company", "editeur": "Company",
    "usine": "Company", "site": "Company", "fonds": "Company", "fund": "Company", "investisseur": "Company",
    "investor": "Company", "filiale": "Company", "firme": "Company", "spin off": "Company",
    "company": "Company", "firm": "Company", "manufacturer": "Company", "group": "Company", "sme": "Company",
    "maker": "Company", "supplier": "Company", "plant": "Company", "factory": "Company", "subsidiary": "Company",
    "cluster": "Cluster", "pole": "Cluster", "association": "Cluster", "reseau": "Cluster", "network": "Cluster",
    "hopital": "Hospital", "clinique": "Hospital", "hospital": "Hospital",
    "laboratoire": "ResearchCentre", "labo": "ResearchCentre",
    "journal": "MediaOutlet", "quotidien": "MediaOutlet", "magazine": "MediaOutlet", "newspaper": "MediaOutlet",
}

#: Classifications (org:classification) implied by a descriptor.
CLASSIFICATION = {"pme": "SME", "sme": "SME", "start up": "StartUp", "startup": "StartUp", "jeune pousse": "StartUp"}

EVENT_CUES = frozenset(
    "forum salon colloque congres conference rencontres rencontre festival sommet assises journee journees "
    "hackathon challenge trophees prix exposition expo seminaire webinaire inauguration "
    "summit fair show expo conference meetup convention symposium workshop event evenement manifestation day days "
    "week semaine".split()
) | {"rendez vous"}
PROJECT_CUES = frozenset("plateforme projet programme platform project programme program essai etude trial study".split())

#: Job titles (folded). Multi-word ones first when matching.
TITLES = sorted(
    {
        "directeur general adjoint", "directrice generale adjointe", "directeur general delegue",
        "directeur general", "directrice generale", "directeur", "directrice", "president directeur general",
        "president", "presidente", "vice president", "vice presidente", "pdg", "dg", "dga", "fondateur",
        "fondatrice", "cofondateur", "cofondatrice", "co fondateur", "co fondatrice", "gerant", "gerante",
        "responsable", "chef de projet", "chef de service", "chef", "maire", "adjoint au maire", "ministre",
        "secretaire general", "secretaire generale", "delegue general", "deleguee generale", "delegue",
        "deleguee", "administrateur", "administratrice", "professeur", "professeure", "chercheur", "chercheuse",
        "ingenieur", "ingenieure", "doyen", "doyenne", "recteur", "rectrice", "prefet", "prefete", "depute",
        "deputee", "senateur", "senatrice", "conseiller", "conseillere", "manager", "animateur", "animatrice",
        "coordinateur", "coordinatrice", "porte parole", "charge de mission", "chargee de mission",
        "chief executive officer", "chief executive", "chief technology officer", "chief operating officer",
        "chief financial officer", "ceo", "cto", "coo", "cfo", "founder", "co founder", "cofounder",
        "chairman", "chairwoman", "chair", "president", "vice president", "director", "managing director",
        "general manager", "head", "head of research", "dean", "professor", "mayor", "minister", "partner",
        "executive director", "chief", "spokesperson", "spokesman", "spokeswoman", "researcher", "engineer",
        "associe", "associee", "vice chancellor", "chancellor", "rector", "provost", "trustee", "board member",
        "ingenieure de recherche", "ingenieur de recherche", "chief operating officer", "chief scientific officer",
        "head of", "lead", "principal", "secretary general", "directeur technique", "directrice technique",
        "directeur industriel", "directrice industrielle", "directeur de la recherche", "responsable des",
        "cheffe", "cheffe de service", "chef de service", "medecin", "chirurgien", "chirurgienne", "infirmier",
        "infirmiere", "pharmacien", "pharmacienne", "avocat", "avocate", "scientist", "data scientist", "analyst",
        "consultant", "economist", "physician", "surgeon", "nurse", "doctor", "managing partner", "general partner",
        "head of automation", "chargee de", "charge de", "vice-chancellor", "coordinatrice", "coordinateur",
        "registrar", "correspondent", "correspondante", "journalist", "journaliste", "reporter", "editor",
        "redacteur", "redactrice", "chief scientific officer", "cheffe de clinique", "chef de clinique",
    },
    key=lambda t: -len(t),
)

FORMER_CUES = ("ancien", "ancienne", "ex", "former", "previously", "a l epoque", "alors", "etait", "was", "then")

MEMBERSHIP_VERBS = (
    "integre", "integrer", "integrent", "integrera", "rejoint", "rejoindre", "rejoignent", "rejoindra",
    "adhere", "adherer", "adherent", "adhesion", "devient membre", "devenu membre", "devenue membre",
    "devenir membre", "est membre", "sont membres", "joined", "joins", "join", "became a member",
    "becomes a member", "has become a member", "is a member", "member of", "membre depuis", "membre du",
    "membre de la", "membre de l", "member since", "adhere a", "adhere au",
)
#: Who takes part in an event: "Parmi les exposants figurera X", "Exhibitors will include X".
ATTEND_CUES = ("exposants", "exposant", "exhibitors", "exhibitor",
               "participants", "confirme leur venue", "confirme sa venue",
               "attendees", "will attend", "attended", "inaugure par", "inauguree par", "inaugurated by",
               "opened by", "en presence de", "en presence du", "in the presence of", "will include")
REVERSE_MEMBERSHIP_VERBS = ("accueille", "accueillent", "welcomes", "welcomed", "compte parmi ses membres")
#: Verbs that give money only when an amount is named in the sentence ("apportera 800 000 euros au X").
WEAK_FUNDING_CUES = ("apporte", "apportera", "apportent", "apporter", "versera", "accordera", "debloque", "debloquera",
                     "injecte", "injectera", "met sur la table", "provide", "provides", "will provide", "gives",
                     "will give", "commits", "committed", "pledged", "pledges", "contributes", "will contribute")
#: Verbs of non-financial support, the supporter being the subject: "La CCI apporte son appui aux Rencontres".
SUPPORT_VERBS = ("soutient", "soutiennent", "soutiendra", "apporte son appui", "apporte son soutien",
                 "apportent leur soutien", "apportent leur appui", "parraine", "parrainent", "supports", "backs",
                 "sponsors", "is supporting", "will support")
#: Verbs whose subject receives the money ("X lève 40 M€ auprès de Y", "X raised $3m from Y").
RAISE_CUES = ("leve", "levee", "levee de fonds", "a leve", "raised", "raises", "raise", "secured", "secures", "obtient", "obtenu",
              "lands", "landed", "wins",
              "decroche", "beneficie", "received", "receives", "won")
FUNDING_CUES = (
    "finance", "financee", "finances", "financees", "financer", "financement", "subventionne", "subvention",
    "a hauteur de", "investit", "investi", "investissement de",
    "dote", "dotation", "soutien financier", "aide de", "funded", "funding", "funds",
    "grant", "invested", "invests", "backed", "financed", "awarded", "fund", "to fund", "will provide", "provides",
    "provided", "accorde", "accordee", "octroie", "octroye", "alloue", "verse", "subvention de",
)
SUPPORT_CUES = ("avec le soutien de", "avec le soutien du", "avec le soutien des", "avec l appui de", "soutenu par",
                "l appui de", "l appui du", "l appui des", "beneficie du soutien de", "beneficie du soutien du",
                "compter sur le soutien de", "support from", "backing from", "with the backing of",
                "soutenue par", "with the support of", "supported by", "with support from", "en partenariat avec")
PARTNER_CUES = ("convention", "partenariat", "accord", "protocole", "contrat", "partnership", "agreement",
                "memorandum", "alliance", "collabore", "collaborent", "cooperation", "collaboration")
SIGN_VERBS = ("signe", "signent", "signer", "ont signe", "a signe", "signed", "sign", "signs", "conclu", "noue",
              "scelle", "announced", "annoncent", "entered")
#: Participles that introduce who leads an organization: "le pôle, présidé par X".
LED_BY = {"preside par": "président", "presidee par": "présidente", "dirige par": "directeur", "dirigee par": "directrice",
          "led by": "head", "headed by": "head", "chaired by": "chair", "run by": "head", "anime par": "animateur",
          "animee par": "animatrice", "pilote par": "responsable", "pilotee par": "responsable"}
FOUNDER_TITLES = ("fondateur", "fondatrice", "cofondateur", "cofondatrice", "co fondateur", "co fondatrice",
                  "founder", "co founder", "cofounder")
ORGANIZER_CUES = ("organise par", "organisee par", "organises par", "organisees par", "organized by", "organised by",
                  "hosted by", "a l initiative de", "porte par", "portee par")
QUOTE_VERBS = frozenset(
    "assure affirme souligne explique precise poursuit detaille complete ajoute indique declare estime confie "
    "rappelle insiste observe note conclut commente temoigne resume analyse martele reconnait admet lance "
    "glisse raconte annonce se rejouit se felicite avance juge considere ajoute-t-il "
    "says said explains explained adds added notes noted states stated stresses stressed continues "
    "continued comments commented according told remarks remarked insists insisted concludes concluded "
    "souvient raconte-t-il explique-t-il estime-t-il ajoute-t-il precise-t-il poursuit-t-il "
    "describes described calls called salue voit parle qualifie evoque decrit resume sourit glisse s'amuse "
    "plaisante tranche avertit previent ironise s'enthousiasme enchaine reprend nuance defend souffle admet "
    "renchérit rencherit reconnait souligne-t-il insiste-t-elle argues argued recalls recalled warns warned".split()
)
#: Honorifics that may stand between a verb and a name: "said Professor Martin Okafor".
HONORIFICS = ("professor", "prof", "professeur", "professeure", "dr", "docteur", "docteure", "m", "mme", "mr", "mrs",
              "ms", "sir", "dame", "maitre", "me", "pr")

#: Demonyms: adjective (folded, masculine and feminine forms) → place name.
DEMONYMS: dict[str, str] = {}
for _place, _forms in {
    "Rouen": "rouennais rouennaise", "Paris": "parisien parisienne parisian", "Lyon": "lyonnais lyonnaise",
    "Marseille": "marseillais marseillaise", "Lille": "lillois lilloise", "Nantes": "nantais nantaise",
    "Bordeaux": "bordelais bordelaise", "Toulouse": "toulousain toulousaine", "Rennes": "rennais rennaise",
    "Strasbourg": "strasbourgeois strasbourgeoise", "Grenoble": "grenoblois grenobloise",
    "Montpellier": "montpellierain montpellieraine", "Nice": "nicois nicoise", "Caen": "caennais caennaise",
    "Le Havre": "havrais havraise", "Brest": "brestois brestoise", "Dijon": "dijonnais dijonnaise",
    "Tours": "tourangeau tourangelle", "Angers": "angevin angevine", "Reims": "remois remoise",
    "Metz": "messin messine", "Nancy": "nanceien nanceienne nanceen", "Clermont-Ferrand": "clermontois clermontoise",
    "Limoges": "limougeaud limougeaude", "Orléans": "orleanais orleanaise", "Amiens": "amienois amienoise",
    "Normandie": "normand normande", "Bretagne": "breton bretonne", "Alsace": "alsacien alsacienne",
    "Occitanie": "occitan occitane", "Provence": "provencal provencale",
    "London": "londoner", "Manchester": "mancunian", "Berlin": "berliner",
    "Boston": "bostonian", "Besançon": "bisontin bisontine", "Mulhouse": "mulhousien mulhousienne",
    "Poitiers": "poitevin poitevine", "Perpignan": "perpignanais perpignanaise", "Avignon": "avignonnais avignonnaise",
    "Toulon": "toulonnais toulonnaise", "Saint-Étienne": "stephanois stephanoise", "Le Mans": "manceau mancelle",
    "Lorient": "lorientais lorientaise", "Vannes": "vannetais vannetaise", "Quimper": "quimperois quimperoise",
    "Saint-Nazaire": "nazairien nazairienne", "La Rochelle": "rochelais rochelaise", "Pau": "palois paloise",
    "Bayonne": "bayonnais bayonnaise", "Annecy": "annecien annecienne", "Chambéry": "chamberien chamberienne",
    "Valence": "valentinois valentinoise", "Nîmes": "nimois nimoise", "Aix-en-Provence": "aixois aixoise",
    "Cherbourg": "cherbourgeois cherbourgeoise", "Évreux": "ebroicien ebroicienne", "Troyes": "troyen troyenne",
    "Belfort": "belfortain belfortaine", "Colmar": "colmarien colmarienne", "Compiègne": "compiegnois compiegnoise",
    "Lens": "lensois lensoise", "Dunkerque": "dunkerquois dunkerquoise", "Calais": "calaisien calaisienne",
    "Valenciennes": "valenciennois valenciennoise", "Saint-Malo": "malouin malouine", "Niort": "niortais niortaise",
    "Angoulême": "angoumoisin angoumoisine", "Bourges": "berruyer berruyere", "Blois": "blesois blesoise",
    "Chartres": "chartrain chartraine", "Laval": "lavallois lavalloise", "Cholet": "choletais choletaise",
    "Grasse": "grassois grassoise", "Cannes": "cannois cannoise", "Antibes": "antibois antiboise",
    "Corse": "corse", "Lorraine": "lorrain lorraine", "Picardie": "picard picarde",
    "Bourgogne": "bourguignon bourguignonne", "Auvergne": "auvergnat auvergnate", "Savoie": "savoyard savoyarde",
    "Franche-Comté": "franc-comtois franc-comtoise", "Limousin": "limousin limousine",
    "Glasgow": "glaswegian", "Dundee": "dundonian", "Liverpool": "liverpudlian", "Birmingham": "brummie",
    "Newcastle": "geordie", "Aberdeen": "aberdonian", "Edinburgh": "edinburgher",
    "New York": "new-yorker", "Bristol": "bristolian", "Cardiff": "cardiffian", "Dublin": "dubliner",
}.items():
    for _form in _forms.split():
        DEMONYMS[_form] = _place

#: Words that look like names at the start of a sentence but are not.
NOT_NAMES = frozenset(
    "le la les un une des l d de du en au aux et ou mais donc car ni or ce cette ces son sa ses leur leurs "
    "nous vous ils elles il elle on je tu the a an of and or but in on at to for by with this that these those "
    "oui non pour apres avant lors selon depuis actuellement objectif economie image photo "
    "nos notre vos votre mes ma mon ton ta our your my his her".split()
)

#: Cue words that are themselves the name of one organization ("Bpifrance", "le CNRS").
PROPER_CUES = frozenset("cnrs inserm inria cea inrae bpifrance ademe aphp insa".split())

#: Acronyms that name a kind of organization, not one organization ("le CHU" needs an antecedent).
GENERIC_ACRONYMS = frozenset("chu chru chr ch cci ccir cma iut cfa pme eti".split())

STOPWORDS = frozenset("de du des d la le les l et en a au aux of the and for at in".split())


def kind_of(name: str) -> str | None:
    """The organization kind a name's own cue words say ("Institut National ..." → ResearchCentre).

    >>> kind_of("Chambre de commerce et d'industrie de Nantes")
    'ChamberOfCommerce'
    """
    from innograph.graph.iri import fold

    folded = f" {fold(name)} "
    for cue in _CUES_LONGEST_FIRST:
        if f" {cue} " in folded:
            return NAME_CUES[cue]
    return None


_CUES_LONGEST_FIRST = sorted(NAME_CUES, key=len, reverse=True)
