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

#: Capitalized last words that make the words before them an organization's name, and its kind
#: (None: the word says none): "Pennine Health Innovation Network", "Arden Robotics", "Yorkshire
#: Innovation Fund", "Harlan Dental Foundation".
NAME_ENDINGS: dict[str, str | None] = {
    "foundation": None, "society": None, "institute": "ResearchCentre", "university": "University",
    "college": "University", "hospital": "Hospital",
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
    "llc": "Company", "llp": "Company", "corp": "Company", "corporation": "Company", "incorporated": "Company",
    "pty": "Company", "srl": "Company", "bv": "Company",
    "logistics": "Company", "solutions": "Company", "holdings": "Company", "consulting": "Company",
    "software": "Company", "analytics": "Company", "motors": "Company", "airlines": "Company", "airways": "Company",
    "insurance": "Company", "pharmaceuticals": "Company", "biosciences": "Company", "telecom": "Company",
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
        "chargee de", "charge de", "vice-chancellor", "coordinatrice", "coordinateur",
        "registrar", "correspondent", "correspondante", "journalist", "journaliste", "reporter", "editor",
        "redacteur", "redactrice", "chief scientific officer", "cheffe de clinique", "chef de clinique",
    },
    key=lambda t: -len(t),
)

# -- titles written systematically: loaders/titles.py (re-exported here) ----------------------------
from .titles import FOUNDER_HEADS, QUALIFIED_HEADS, SYSTEMATIC_TITLES, TITLE_HEADS, VERB_LIKE_TITLES  # noqa: E402,F401

#: Nouns of membership: "membre de X", "a member of X" (a club's player holds a post there: TITLE_HEADS).
MEMBER_NOUNS = frozenset("member members membre membres player players adherent adherente adherents adherentes militant militante "
                         "militants militantes".split())
#: People an organization serves or holds, not its staff: "avocat des victimes de Y", "X, patiente de
#: l'hôpital Y" say no post at Y (folded, French and English, singular and plural).
CLIENTELE_NOUNS = frozenset("""victime victimes client cliente clients clientes patient patiente patients patientes
habitant habitante habitants habitantes resident residente residents residentes supporter supporters fan fans partisan
partisane partisans partisanes eleve eleves etudiant etudiante etudiants etudiantes otage otages detenu detenue detenus detenues
prisonnier prisonniere prisonniers prisonnieres refugie refugiee refugies refugiees usager usagere usagers usageres
consommateur consommatrice consommateurs consommatrices electeur electrice electeurs electrices citoyen citoyenne citoyens
citoyennes victim victims customer customers
student students hostage hostages prisoner prisoners detainee detainees refugee refugees consumer consumers voter voters""".split())
#: Verbs (folded surface forms: the pipeline has no lemmatizer) of founding an organization.
FOUNDING_VERBS = frozenset(
    "founded co-founded cofounded established formed fonde fondee fondes fondees fonda fonderent cofonde cofondee "
    "co-fonde co-fondee cree creee crees creees crea found".split()
)
#: English verbs that found an organization only when their agent is said ("created by A", "started
#: in 2001 by A", "set up by A"): active, they make anything ("created a website", "started a job").
FOUNDING_AGENT_VERBS = frozenset("created started set".split())
#: Words that place an organization: "based in X", "basée à X", "headquartered in X".
BASED_WORDS = frozenset(
    "based headquartered located situated basé base basee bases basees installe installee installes installees "
    "implante implantee implantes implantees situe situee domicilie domiciliee".split()
)
SEAT_NOUNS = frozenset("headquarters hq siege".split())
#: Verbs of joining an organization: "X a rejoint Y", "X joined Y", "X adhère à Y", "X a réintégré Y"
#: (folded surface forms of each verb's present, future, imperfect, participles and gerund: no lemmatizer).
JOINING_VERBS = frozenset(
    "joined joins join joining rejoined rejoins rejoin "
    "rejoint rejoins rejoindre rejoignent rejoindra rejoindront rejoignait rejoignaient rejoignant "
    "integre integrer integrent integrera integreront integrait integraient integrant "
    "reintegre reintegrer reintegrent reintegrera reintegreront reintegrait reintegraient "
    "adhere adherer adherent adhera adhereront adherait adheraient".split()
)
#: Verbs of a seat on a body ("X siège au conseil de Y", "X sits on the board of Y"), folded.
SITTING_VERBS = frozenset("siege siegent siegeait siegeaient sieger siegera siegeront sit sits sat sitting".split())
#: French verbs of a player's or a coach's move (loaders/sportposts.py): leaving a club ("a quitté A"),
#: signing at one ("a signé au club B"), a loan ("prêté par A à B"); the contracts a player signs.
LEAVING_VERBS = frozenset("quitte quitter quittait quittent quitteront quittera".split())
#: English verbs of leaving an organization ("left X", "resigned from X"; loaders/leaving.py).
LEAVING_VERBS_EN = frozenset("left leave leaves leaving quit quits quitting resigned resign resigns resigning retired "
                             "retire retires retiring departed depart departs departing".split())
PLAYER_SIGNING_VERBS = frozenset("signe signer signera signeront signait signent prolonge prolonger prolongera".split())
LOAN_VERBS = frozenset("prete pretee pretes pretees".split())
CONTRACT_NOUNS = frozenset("contrat contrats engagement prolongation bail".split())
#: A club's verbs of hiring and firing a player or a coach ("X a engagé / limogé l'entraîneur Y").
HIRING_VERBS = frozenset("engage engagee recrute recrutee recrutes enrole enrolee embauche embauchee nomme nommee designe "
                         "designee".split())
FIRING_VERBS = frozenset("limoge limogee licencie licenciee congedie congediee".split())
SCORING_VERBS = frozenset("marque marquer marquait marquent marquera".split())  # "X a marqué pour le club Y"
LOSING_VERBS = frozenset("perd perdre perdra perdront perdent perdu perdait prive privee prives privees".split())  # "Y perdra X (pour la CAN)"
GOAL_NOUNS = frozenset("but buts tete frappe tir penalty reprise volee double doubles triple triples".split())  # "Y s'est imposé grâce à un but (une tête) de X"
#: Leagues a one-word name is enough for ("la Liga", "la NBA"); LEAGUE_WORDS adds the words of the
#: other leagues' names ("la Ligue 1", "le championnat").
LEAGUE_NAMES = frozenset("liga bundesliga mls nba nfl".split())
LEAGUE_WORDS = frozenset("ligue league championnat".split()) | LEAGUE_NAMES
#: First words of a competition's name ("la Coupe d'Afrique", "la CAN"): no one's post is there; with
#: bodies, the words of a name that is no player's side.
#: The abbreviations a club's name opens or closes with ("FC Valmont", "Orvane FC", "AS Kelmar").
CLUB_FORMS = frozenset("FC AFC CF SC AC AS ASC CS JS RC TP".split())
COMPETITION_WORDS = frozenset("coupe can mondial tournoi jeux".split())
NO_SIDE_WORDS = COMPETITION_WORDS | frozenset("federation confederation ministere gouvernement".split())
#: Words no club's name has, in any place of it (:func:`.nameshapes.club_shaped`): a competition's or a
#: league's, French or English ("la Coupe des Marais", "the Levant League"), a trophy's or a game's ("le
#: Trophée de Brenz", "le match"). Wider than COMPETITION_WORDS, which says no one holds a post there:
#: a league has a president.
NO_CLUB_WORDS = COMPETITION_WORDS | LEAGUE_WORDS | frozenset(
    "cup championship games trophee trophy copa super premier premiere ballon victoire match serie".split())
#: A national side ("la sélection du Cameroun", "l'équipe nationale algérienne") and the posts whose
#: demonym names the side ("le sélectionneur sénégalais", "le capitaine ghanéen").
NATIONAL_SIDE_NOUNS = frozenset("selection equipe".split())
NATIONAL_COACHES = frozenset("selectionneur selectionneuse selectionneurs capitaine".split())
#: Sports a side plays: "l'équipe nationale de football du X".
SPORT_NOUNS = frozenset("football basket basketball handball rugby volley volleyball hockey cricket tennis athletisme "
                        "natation cyclisme boxe lutte judo".split())
#: Verbs of working for an organization: "X worked at Y", "X a travaillé chez Y", "employed by Y".
WORKING_VERBS = frozenset(
    "work works worked working employed serves served serving teach teaches taught teaching travaille travaillait travaillent "
    "travaillant "
    "enseigne enseignait enseignent enseignaient "
    "employe employee officie officiait exerce exercait joue jouait jouent evolue evoluait evoluent".split()
)
#: Verbs of leading an organization, and the title they give: "X dirige Y", "X heads Y".
LEADING_VERBS = {
    **dict.fromkeys("dirige dirigent dirigeait dirigera".split(), "directeur"),
    **dict.fromkeys("preside president presidait presidera".split(), "président"),
    **dict.fromkeys("heads headed leads chairs chaired runs directs directed".split(), "head"),
}
#: First words of bodies a person joins as a member, not as staff ("a rejoint l'Académie des X").
MEMBERSHIP_BODIES = frozenset(
    "academie academy association parti party club syndicat union alliance federation ordre council conseil "
    "commission committee comite board senat senate parlement parliament assemblee assembly".split()
)
#: Verbs of funding, active or passive: "financé par X", "X funds Y".
FUNDING_VERBS = frozenset(
    "funded financed finance finances financee financees financent financera financeront funds subventionne "
    "subventionnee subventionnes subventionnees subsidised subsidized bankrolled cofinance cofinancee co-finance co-financed".split()
)
#: Nouns of money lent or granted: "un prêt de 50 M$ accordé par X", "a grant from X".
LOAN_NOUNS = frozenset("pret prets credit credits subvention subventions don dons loan loans grant grants financement financements".split())
#: Verbs whose subject receives a loan or grant: "X a obtenu un prêt de Y".
RECEIVING_VERBS = frozenset("obtenu obtient obtiennent recu recoit recoivent beneficie decroche obtained received receives secured won got gets".split())
#: Verbs whose subject and "avec / with" complement are partners.
ALLYING_VERBS = frozenset(
    "associe associee associes associees associent associera associeront allie alliee allies alliees allient alliera collabore collaborent collaborera collaboreront "
    "collaborait cooperent coopere cooperera cooperait partners partnered partnering collaborates collaborated "
    "teamed allied cooperates cooperated".split()
)
#: Verbs of signing or concluding: partners when their object is an agreement ("ont signé un accord").
SIGNING_VERBS = frozenset("signe signent signer signeront signera conclu conclut concluent noue nouent scelle scellent "
                          "annoncent signed signs sign concluded announced entered".split())
#: Nouns of an agreement between parties.
AGREEMENT_NOUNS = frozenset(
    "accord accords partenariat partenariats alliance alliances convention conventions protocole contrat contrats "
    "collaboration collaborations cooperation memorandum agreement agreements partnership partnerships "
    "deal joint-venture coentreprise".split()
)
#: Money a receiving verb may take as its object, beyond LOAN_NOUNS ("a reçu des fonds de X").
MONEY_NOUNS = frozenset("fonds investissement investissements investment investments funding financements".split())
#: Nouns that describe an organization in apposition or after a copula ("X is a manufacturer based in").
ORG_DESCRIPTIONS = frozenset(
    "manufacturer maker producer provider supplier retailer distributor publisher label charity nonprofit "
    "developer operator airline carrier brand chain organisation organization institution insurer lender "
    "fabricant constructeur fournisseur distributeur editeur operateur assureur ong marque chaine".split()
)
#: Nouns that introduce an organization's name with adjectives between ("la revue scientifique X").
OUTLET_NOUNS = frozenset("revue publication chaine radio journal magazine quotidien hebdomadaire site ong organisme "
                         "cabinet syndicat mouvement coalition alliance fondation institut".split())
#: Verbs whose subject grants a loan or grant to someone: "X a accordé un prêt à Y".
GRANTING_VERBS = frozenset("accorde accordee octroie octroye octroyee consenti debloque alloue verse granted grants awarded "
                           "awards approved approves provided provides extended extends gave gives".split())
#: Hyphenated nouns, borrowed from English, that the French tokenizer would split in three ("start",
#: "-", "up"): it keeps the hyphenated words of its own French word list whole, and these are not in it.
#: A split noun breaks the parse around it ("directeur de la start-up béninoise X" hung X on the
#: person). Written as in running text; plurals and a capitalized first letter are added when loading.
HYPHENATED_LOANS_FR = ("start-up", "scale-up", "spin-off", "think-tank", "joint-venture", "week-end",
                       "pop-up", "best-seller", "check-up", "stand-up", "fact-checking", "know-how")
#: Nouns that stand for an organization named before ("la société", "the company").
ORG_NOUNS = frozenset(
    "company firm group startup start-up business corporation organisation organization agency bank enterprise club "
    "team federation association university fund operator studio band party societe entreprise groupe firme banque "
    "agence institution compagnie equipe federation universite fonds operateur parti".split()
)
#: Nouns that may stand right before an organization's name ("la société X", "l'association Y",
#: "l'institut Z"): the anaphoric nouns, the descriptors and the name cues together.
NAME_HEAD_NOUNS = ORG_NOUNS | frozenset(DESCRIPTORS) | frozenset(NAME_CUES)


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
                     "will give", "commits", "committed", "pledged", "pledges", "contributes", "will contribute",
                     "fait don", "font don", "fera don", "feront don", "donne", "donnent", "donnera", "offre", "offrira",
                     "donated", "donates", "will donate")
#: Verbs of non-financial support, the supporter being the subject, in their present, past, imperfect
#: and future forms (folded): "La CCI apporte son appui aux Rencontres", "X a soutenu Y", "X appuie Y".
SUPPORT_VERBS = ("soutient", "soutiennent", "soutiendra", "apporte son appui", "apporte son soutien",
                 "apportent leur soutien", "apportent leur appui", "parraine", "parrainent", "supports", "backs",
                 "sponsors", "is supporting", "will support",
                 "a soutenu", "ont soutenu", "avait soutenu", "avaient soutenu", "soutenait", "soutenaient",
                 "soutiendront", "continue de soutenir", "continuent de soutenir", "continue a soutenir",
                 "continuent a soutenir", "appuie", "appuient", "appuyait", "appuyaient", "a appuye", "ont appuye",
                 "appuiera", "appuieront")
#: Verbs whose subject receives the money ("X lève 40 M€ auprès de Y", "X raised $3m from Y").
RAISE_CUES = ("leve", "levee", "levee de fonds", "a leve", "raised", "raises", "raise", "secured", "secures", "obtient", "obtenu",
              "lands", "landed", "wins",
              "decroche", "beneficie", "received", "receives", "won", "recu", "recoit", "recoivent")
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
                "soutenue par", "with the support of", "supported by", "with support from", "en partenariat avec",
                "soutenus par", "soutenues par", "appuye par", "appuyee par", "appuyes par", "appuyees par")
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
#: Honorifics written before a person's name ("M. X", "said Professor X"): the graph's one list (folded,
#: no dot), and the same as a regular-expression alternation, longest first.
from innograph.graph.normalize import HONORIFIC_WORDS, HONORIFICS  # noqa: E402,F401


#: First words of a minister's portfolio ("ministre de la Défense", "Minister of Health"): after such a
#: title they name a field, not an organization.
#: Academic disciplines (folded, French and English): "Professor of Psychology", "professeur de
#: Mathématiques" names a field, no organization.
DISCIPLINES = frozenset(
    "psychology psychologie mathematics mathematiques maths physics physique chemistry chimie biology biologie "
    "economics economie sociology sociologie anthropology anthropologie philosophy philosophie history histoire "
    "law droit medicine medecine engineering ingenierie linguistics linguistique statistics statistique statistiques "
    "geology geologie astronomy astronomie astrophysics astrophysique literature litterature neuroscience neurosciences "
    "genetics genetique epidemiology epidemiologie pharmacology pharmacologie surgery chirurgie pediatrics pediatrie "
    "cardiology cardiologie oncology oncologie immunology immunologie microbiology microbiologie virology virologie "
    "ecology geography geographie archaeology archeologie architecture music musique theology theologie "
    "education finance accounting management marketing journalism journalisme informatics informatique "
    "computing nursing dentistry psychiatry psychiatrie neurology neurologie radiology radiologie".split()
) | {"computer science", "political science", "political sciences", "sciences politiques", "science politique",
     "public health", "sante publique", "international relations", "relations internationales", "social sciences",
     "sciences sociales", "earth sciences", "sciences de la terre", "environmental science", "materials science"}
PORTFOLIOS = frozenset(
    "defense armees sante justice interieur finances finance economie budget affaires education enseignement "
    "recherche agriculture environnement ecologie energie mines petrole commerce industrie transports transport "
    "culture travail emploi sports jeunesse communication information numerique logement tourisme peche elevage "
    "famille femme femmes solidarite cooperation integration renseignement securite plan developpement sante administration decentralisation "
    "defence health interior treasury economy foreign home trade industry labour labor housing tourism "
    "agriculture environment energy transportation education culture sport youth information security "
    "intelligence immigration planning fisheries".split()
)

#: Nouns that stand for a post: "le poste de directeur", "ses fonctions de président", "son siège de
#: sénateur", "son rôle chez Y".
ROLE_NOUNS = frozenset("poste postes fonction fonctions role mandat carriere siege".split())

#: Nouns of a unit inside an organization, named after them ("au département Vauban de l'université
#: de Lorvanne", "the Smith Lab of X"): a post there is at the organization the unit belongs to.
UNIT_NOUNS = frozenset("departement departements division service laboratoire labo unite branche section pole groupe "
                       "department unit lab laboratory branch".split())

#: What one leads inside an organization ("dirige le groupe de recherche X à l'université Y"): a unit, a
#: team, a programme, a chair.
LED_UNITS = UNIT_NOUNS | frozenset("equipe programme projet chaire cellule group team program project".split())

#: Words written with a capital that the tagger takes for an organization's name and that name none alone:
#: the Web, the Internet ("son site Web", "sur Internet").
NETWORK_WORDS = frozenset("web internet".split())
#: Words that look like names at the start of a sentence but are not.
NOT_NAMES = frozenset(
    "le la les un une des l d de du en au aux et ou mais donc car ni or ce cette ces son sa ses leur leurs "
    "nous vous ils elles il elle on je tu the a an of and or but in on at to for by with this that these those "
    "oui non pour apres avant lors selon depuis actuellement objectif economie image photo "
    "avec outre sans malgre contre chez entre parmi durant pendant sous vers hormis sauf "
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
    from innograph.graph.normalize import fold

    folded = f" {fold(name)} "
    for cue in _CUES_LONGEST_FIRST:
        if f" {cue} " in folded:
            return NAME_CUES[cue]
    return None


_CUES_LONGEST_FIRST = sorted(NAME_CUES, key=len, reverse=True)


#: Honorifics a surname alone may follow ("M. Xolani", "Mme Berrada", "Dr Osei"), as a regular
#: expression on the text (case kept): the name after one is a person's. Fewer than HONORIFICS on
#: purpose: after "Sir", "Professeur" or "Me" a lone capitalised word is as often no surname.
SURNAME_HONORIFICS = r"(?:M\.|MM\.|Mme|Mlle|Dr|Pr)\.?"


# -- places in words: loaders/placewords.py (re-exported here) --------------------------------------
from .placewords import CONTINENTS, COUNTRIES, DEMONYMS, PLACE_NOUNS  # noqa: E402,F401
