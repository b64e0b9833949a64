"""Vocabulary of the generated innovation network (bench/netgen.py): RDF terms and name material.

Every IRI the generator writes is declared here, once, in ``TERMS``; ``vocab(ox)`` turns them
into pyoxigraph NamedNodes, where a misspelt attribute (``V.scheme.lcation``) raises
AttributeError. The word lists are French, with accents on purpose.
"""

from __future__ import annotations

from types import SimpleNamespace

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "time": "http://www.w3.org/2006/time#",
    "ig": "https://w3id.org/innograph/ns#",
}
ID = "https://w3id.org/innograph/id/"

TERMS = {
    "rdf": ["type"],
    "rdfs": ["label"],
    "xsd": ["date", "decimal", "boolean"],
    "org": ["Organization", "OrganizationalCollaboration", "Post", "Membership",
            "heldBy", "postIn", "member", "organization", "role", "memberDuring",
            "memberOf", "hasMember", "classification"],
    "foaf": ["Person", "name"],
    "schema": ["Place", "location", "containedInPlace", "jobTitle", "worksFor",
               "MonetaryGrant", "MonetaryAmount", "funder", "fundedItem", "amount",
               "value", "currency", "NewsArticle", "headline", "datePublished",
               "publisher", "inLanguage", "mentions"],
    "prov": ["wasDerivedFrom"],
    "skos": ["Concept", "prefLabel", "altLabel"],
    "time": ["Interval", "Instant", "hasBeginning", "hasEnd", "inXSDDate"],
    "ig": ["Company", "Hospital", "University", "ResearchCentre", "TrainingCentre",
           "PublicAuthority", "ChamberOfCommerce", "MediaOutlet", "Cluster",
           "SME", "StartUp", "LargeBuyer", "siren", "current", "evidence",
           "Project", "Participation", "participant", "project", "participatesIn"],
}


class Terms:
    """Fixed set of NamedNodes for one namespace; unknown names fail loudly."""

    def __init__(self, ox, prefix: str, names: list[str]):
        self._prefix = prefix
        for n in names:
            object.__setattr__(self, n, ox.NamedNode(NS[prefix] + n))

    def __getattr__(self, name):  # only called when the attribute is missing
        raise AttributeError(f"{self._prefix}:{name} is not in the benchmark's vocabulary")


def vocab(ox) -> SimpleNamespace:
    """``V.ig.Company``, ``V.rdf.type``...: one attribute per prefix of ``TERMS``."""
    return SimpleNamespace(**{p: Terms(ox, p, names) for p, names in TERMS.items()})


# --------------------------------------------------------------------------
# Name material (French, with accents on purpose).
# --------------------------------------------------------------------------

REGIONS = [  # (label, weight): the benchmark's region is Auvergne-Rhône-Alpes
    ("Auvergne-Rhône-Alpes", 40), ("Île-de-France", 14), ("Provence-Alpes-Côte d'Azur", 6),
    ("Occitanie", 6), ("Nouvelle-Aquitaine", 5), ("Grand Est", 5), ("Hauts-de-France", 4),
    ("Pays de la Loire", 4), ("Bretagne", 4), ("Bourgogne-Franche-Comté", 4),
    ("Normandie", 3), ("Centre-Val de Loire", 3), ("Corse", 1),
]
CITIES = [  # (label, region index), roughly by size so Zipf ranks make sense
    ("Lyon", 0), ("Paris", 1), ("Grenoble", 0), ("Saint-Étienne", 0), ("Clermont-Ferrand", 0),
    ("Villeurbanne", 0), ("Marseille", 2), ("Toulouse", 3), ("Annecy", 0), ("Chambéry", 0),
    ("Bordeaux", 4), ("Nantes", 7), ("Lille", 6), ("Strasbourg", 5), ("Valence", 0),
    ("Rennes", 8), ("Montpellier", 3), ("Nice", 2), ("Vénissieux", 0), ("Échirolles", 0),
    ("Meylan", 0), ("Crolles", 0), ("Dijon", 9), ("Besançon", 9), ("Bourg-en-Bresse", 0),
    ("Roanne", 0), ("Vienne", 0), ("Saclay", 1), ("Boulogne-Billancourt", 1), ("Écully", 0),
    ("Aix-en-Provence", 2), ("Rouen", 10), ("Caen", 10), ("Orléans", 11), ("Tours", 11),
    ("Reims", 5), ("Metz", 5), ("Nancy", 5), ("Mulhouse", 5), ("Brest", 8), ("Angers", 7),
    ("Le Mans", 7), ("Saint-Nazaire", 7), ("Amiens", 6), ("Roubaix", 6), ("Dunkerque", 6),
    ("Limoges", 4), ("Poitiers", 4), ("Pau", 4), ("La Rochelle", 4), ("Nîmes", 3),
    ("Perpignan", 3), ("Toulon", 2), ("Avignon", 2), ("Valbonne", 2), ("Le Havre", 10),
    ("Cherbourg-en-Cotentin", 10), ("Bourges", 11), ("Chartres", 11), ("Belfort", 9),
    ("Montbéliard", 9), ("Chalon-sur-Saône", 9), ("Troyes", 5), ("Lorient", 8),
    ("Lannion", 8), ("Valenciennes", 6), ("Massy", 1), ("Évry-Courcouronnes", 1),
    ("Créteil", 1), ("Nanterre", 1), ("Saint-Denis", 1), ("Ajaccio", 12), ("Bastia", 12),
    ("Annemasse", 0), ("Aix-les-Bains", 0), ("Oyonnax", 0), ("Romans-sur-Isère", 0),
    ("Saint-Priest", 0), ("Vaulx-en-Velin", 0), ("Bron", 0), ("Villefontaine", 0),
    ("Thonon-les-Bains", 0), ("Le Puy-en-Velay", 0), ("Aurillac", 0), ("Vichy", 0),
    ("Montluçon", 0), ("Moulins", 0), ("Montélimar", 0), ("Voiron", 0), ("Cluses", 0),
    ("Pontcharra", 0), ("Rillieux-la-Pape", 0), ("Décines-Charpieu", 0), ("Givors", 0),
]
COMMUNE_BASES = ["Saint-Jean", "Saint-Martin", "Sainte-Marie", "Villeneuve", "Montagny",
                 "Châteauneuf", "Beaumont", "Pont", "Neuville", "Bourg", "Saint-Genis",
                 "Saint-Égrève", "Sainte-Foy", "Champagne", "Condrieu", "Vaux", "Bréhal",
                 "Saint-Rémy", "Notre-Dame", "Fontaine", "Rochefort", "Mâcon", "Brignais",
                 "Saint-Just", "Chaponost", "Vernaison", "Saint-Didier", "Charbonnières"]
COMMUNE_LINKS = ["-sur-", "-lès-", "-de-", "-en-", "-sous-", "-près-"]
RIVERS = ["Saône", "Rhône", "Isère", "Loire", "Drôme", "Marne", "Oise", "Vienne", "Garonne",
          "Dordogne", "Ain", "Arve", "Doubs", "Allier", "Ardèche", "Gier", "Azergues",
          "Brévenne", "Bièvre", "Yzeron", "Vercors", "Bugey", "Forêt", "Mont-d'Or"]
AREAS = ["du Forez", "de la Vallée de l'Arve", "du Dauphiné", "du Beaujolais", "de Savoie",
         "du Vercors", "du Bugey", "des Monts du Lyonnais", "du Grésivaudan", "de l'Ain",
         "de la Drôme", "du Velay", "d'Auvergne", "de Bretagne", "du Jura", "de Provence",
         "de Gascogne", "d'Alsace", "de Normandie", "du Val de Loire", "du Pilat",
         "de la Plaine de l'Ain", "du Chablais", "de l'Oisans", "du Roannais"]
DEPTS = ["Ain", "Allier", "Ardèche", "Cantal", "Drôme", "Isère", "Loire", "Haute-Loire",
         "Puy-de-Dôme", "Rhône", "Savoie", "Haute-Savoie", "Côte-d'Or", "Doubs", "Gironde",
         "Hérault", "Bouches-du-Rhône", "Nord", "Bas-Rhin", "Finistère", "Loire-Atlantique"]
FIRST_F = ["Hélène", "Léa", "Cécile", "Zoé", "Anaïs", "Maëlle", "Gaëlle", "Chloé", "Noémie",
           "Agnès", "Bénédicte", "Claire", "Élodie", "Émilie", "Françoise", "Inès", "Joëlle",
           "Laëtitia", "Mélanie", "Nathalie", "Océane", "Pénélope", "Sophie", "Thérèse",
           "Valérie", "Véronique", "Camille", "Juliette", "Aurélie", "Sandrine", "Béatrice",
           "Marie-Hélène", "Geneviève", "Solène", "Clémence", "Anne-Sophie", "Maïa", "Léonie"]
FIRST_M = ["Jérôme", "François", "Éric", "Noël", "Loïc", "Benoît", "Cédric", "Clément",
           "Damien", "Étienne", "Frédéric", "Gaël", "Hervé", "Jean-Luc", "Jean-François",
           "Joël", "Jérémie", "Léo", "Mathéo", "Michaël", "Raphaël", "Rémi", "Stéphane",
           "Sébastien", "Théo", "Thierry", "Valentin", "Yannick", "Pierre", "Nicolas",
           "Julien", "Grégoire", "André", "Gérard", "Hugues", "Aurélien", "Anthony", "Maël"]
SURNAMES = ["Lefèvre", "Gérard", "Béranger", "Château", "Dupré", "Lemaître", "Bénard",
            "Février", "Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
            "Durand", "Leroy", "Moreau", "Simon", "Laurent", "Michel", "Garcia", "Faure",
            "Rousseau", "Blanc", "Guérin", "Muller", "Henry", "Roussel", "Nicolas", "Perrin",
            "Morin", "Mathieu", "Clément", "Gauthier", "Dumont", "Lopez", "Fontaine",
            "Chevalier", "Robin", "Masson", "Sánchez", "Gaillard", "Lefèbvre", "Mercier",
            "Boyer", "Girard", "André", "Fournier", "Giraud", "Bonnet", "Dupuis", "Brunet",
            "Rivière", "Lacroix", "Besançon", "Pelletier", "Lévêque", "Noël", "Barthélémy",
            "Vallée", "Prévost", "Joly", "Gaudin", "Carré", "Cochet", "Benoît", "Rémond",
            "Ménard", "Crépin", "Thévenin", "Brûlé", "Chênevert", "Lévy", "Aubé", "Bégué",
            "Nguyen", "Ben Saïd", "Ozturk", "Da Silva", "O'Neill", "Kowalski", "Haddad",
            "Boucher", "Vidal", "Renaud", "Meunier", "Colin", "Arnaud", "Roux", "Gilbert",
            "Marchand", "Picard", "Caron", "Charpentier", "Huet", "Lemoine", "Berthelot"]
EPONYMS = ["Jules-Verne", "Marie-Curie", "Louis-Pasteur", "George-Sand", "Émile-Zola",
           "Victor-Hugo", "Simone-Veil", "Jean-Jaurès", "Honoré-de-Balzac", "Paul-Éluard",
           "Ampère", "Édouard-Herriot", "Lumière", "Vaucanson", "Joseph-Marie-Jacquard"]
BRAND_ROOTS = ["Aéro", "Thermo", "Hydro", "Bio", "Nano", "Opti", "Électro", "Méca", "Plasti",
               "Géo", "Agri", "Éco", "Cryo", "Photo", "Robo", "Médi", "Chimi", "Numéri",
               "Lumi", "Alpi", "Rhôna", "Dauphi", "Volca", "Azur", "Océa", "Solé", "Forgé",
               "Véga", "Cristal", "Glacé", "Sylvé", "Pyré", "Ondé", "Quanti", "Vérti"]
BRAND_SUFFIXES = ["tech", "lis", "gen", "sys", "nov", "lab", "tronic", "flux", "mat", "ka",
                  "via", "line", "pharm", "sens", "logic", "form", "vert", "cité", "concept",
                  "dyn", "one", "wave", "pôle", "ïs", "éa", "ence", "ix", "o", "ium"]
LEGAL = ["", "", "", " SAS", " SA", " SARL", " SAS", " SCOP", " SASU"]
FOREIGN_LEGAL = [" GmbH", " Ltd", " S.p.A.", " B.V.", " Inc.", " AG", " S.L.", " AB"]
ACTIVITIES = ["Mécanique de précision", "Décolletage", "Plasturgie", "Usinage", "Chaudronnerie",
              "Traitement de surface", "Électronique", "Fonderie", "Menuiserie industrielle",
              "Ingénierie", "Métallerie", "Imprimerie", "Logiciels", "Biotechnologies",
              "Emballages", "Textiles techniques", "Énergies renouvelables",
              "Conseil en innovation", "Robotique", "Optique", "Fromagerie", "Câblerie",
              "Verrerie", "Céramiques techniques", "Maintenance aéronautique", "Scierie"]
LARGE_BUYERS = [("Schneider Electric", ["Schneider"]), ("STMicroelectronics", ["ST", "STMicro"]),
                ("Soitec", []), ("Michelin", ["Manufacture française des pneumatiques Michelin"]),
                ("Renault Trucks", []), ("Airbus", []), ("Safran", []), ("Thales", []),
                ("EDF", ["Électricité de France"]), ("Engie", []), ("Sanofi", []),
                ("bioMérieux", ["Biomérieux"]), ("Boiron", []), ("Framatome", []), ("Arkema", []),
                ("Groupe SEB", ["SEB"]), ("Somfy", []), ("Salomon", []), ("Rossignol", []),
                ("Orano", ["Areva"]), ("Air Liquide", []), ("Alstom", []), ("Naval Group", ["DCNS"]),
                ("Dassault Systèmes", []), ("Capgemini", []), ("Sopra Steria", []),
                ("Valeo", []), ("Saint-Gobain", []), ("Vicat", []), ("Lactalis", []),
                ("Danone", []), ("Becton Dickinson France", ["BD"]), ("Caterpillar France", [])]
UNIVERSITIES = [("Université Grenoble Alpes", ["UGA"]),
                ("Université Claude Bernard Lyon 1", ["UCBL", "Lyon 1"]),
                ("Université Lumière Lyon 2", ["Lyon 2"]), ("Université Jean Moulin Lyon 3", ["Lyon 3"]),
                ("Université Jean Monnet Saint-Étienne", ["UJM"]),
                ("Université Savoie Mont Blanc", ["USMB"]), ("Université Clermont Auvergne", ["UCA"]),
                ("INSA Lyon", ["Institut national des sciences appliquées de Lyon"]),
                ("École centrale de Lyon", ["Centrale Lyon"]), ("Grenoble INP", ["Grenoble INP - UGA"]),
                ("École normale supérieure de Lyon", ["ENS de Lyon"]), ("Mines Saint-Étienne", ["EMSE"]),
                ("Sorbonne Université", []), ("Université Paris-Saclay", []),
                ("Université de Bordeaux", []), ("Aix-Marseille Université", ["AMU"]),
                ("Université de Strasbourg", ["Unistra"]), ("Université de Lille", []),
                ("Nantes Université", []), ("Université de Rennes", []),
                ("Université Toulouse III – Paul Sabatier", ["UT3"]), ("Université de Montpellier", []),
                ("Université Côte d'Azur", []), ("Université de Lorraine", []),
                ("Université de Caen Normandie", []), ("Université de Corse Pasquale Paoli", [])]
RESEARCH = [("CNRS", ["Centre national de la recherche scientifique"]),
            ("CEA", ["Commissariat à l'énergie atomique et aux énergies alternatives"]),
            ("CEA-Leti", ["Leti"]), ("Inria", []), ("Inserm", []), ("INRAE", []),
            ("IFP Énergies nouvelles", ["IFPEN"]), ("Institut Néel", []),
            ("Institut Laue-Langevin", ["ILL"]), ("ESRF", ["European Synchrotron"]),
            ("CEA-Liten", ["Liten"]), ("Centre Léon Bérard", ["CLB"])]
RESEARCH_TOPICS = ["matériaux avancés", "génie des procédés", "microélectronique", "santé numérique",
                   "biologie cellulaire", "énergie solaire", "hydrogène", "mécanique des fluides",
                   "chimie verte", "sciences de l'ingénieur", "intelligence artificielle",
                   "cybersécurité", "agroalimentaire", "imagerie médicale", "écologie alpine",
                   "photonique", "tribologie", "neurosciences", "glaciologie", "économie circulaire"]
HOSPITALS = [("Hospices civils de Lyon", ["HCL"]),
             ("Assistance publique – Hôpitaux de Paris", ["AP-HP"]),
             ("CHU Grenoble Alpes", ["CHUGA"]), ("CHU de Saint-Étienne", [])]
AUTHORITIES = [("Bpifrance", ["BPI France", "Banque publique d'investissement"]),
               ("Agence nationale de la recherche", ["ANR"]), ("ADEME", ["Agence de la transition écologique"]),
               ("Commission européenne", ["European Commission"]), ("Banque des Territoires", []),
               ("Secrétariat général pour l'investissement", ["SGPI"]),
               ("Ministère de l'Économie", [])]
MEDIA = ["Le Progrès", "Le Dauphiné libéré", "La Montagne", "Ouest-France", "Les Échos", "La Tribune",
         "Le Monde", "L'Usine nouvelle", "Sud Ouest", "La Voix du Nord", "Le Parisien",
         "France 3 Auvergne-Rhône-Alpes", "Lyon Décideurs", "Place Gre'net", "L'Essor savoyard",
         "Le Journal des entreprises", "Acteurs de l'économie", "Tout Lyon", "Le Bien public",
         "L'Est républicain", "Midi libre", "La Dépêche du Midi", "Nice-Matin", "Le Télégramme"]
CLUSTERS = [("Minalogic", []), ("Axelera", []), ("Lyonbiopôle Auvergne-Rhône-Alpes", ["Lyonbiopôle"]),
            ("Tenerrdis", []), ("Plastipolis", []), ("Techtera", []), ("CARA", ["Cara European cluster for mobility solutions"]),
            ("Imaginove", []), ("Mont-Blanc Industries", ["Pôle Mont-Blanc Industries"]), ("Viaméca", ["Viameca"]),
            ("Élastopôle", ["Elastopole"]), ("Aerospace Valley", []), ("Systematic Paris-Region", ["Systematic"]),
            ("Cap Digital", []), ("Medicen Paris Region", ["Medicen"]), ("Mov'eo", ["Moveo"]),
            ("Vitagora", []), ("Végépolys Valley", []), ("Pôle Mer Méditerranée", []),
            ("Images & Réseaux", []), ("EMC2", []), ("Alsace BioValley", ["BioValley"]),
            ("Nuclear Valley", []), ("Polymeris", []), ("Cosmetic Valley", []), ("Derbi", []),
            ("Capenergies", []), ("Atlanpole Biotherapies", []), ("Hydreos", [])]
JOB_TITLES = [("Directeur général", "Directrice générale"), ("Président", "Présidente"),
              ("Responsable R&D", "Responsable R&D"), ("Ingénieur de recherche", "Ingénieure de recherche"),
              ("Chargé de mission innovation", "Chargée de mission innovation"),
              ("Directeur des opérations", "Directrice des opérations"),
              ("Fondateur", "Fondatrice"), ("Directeur technique", "Directrice technique"),
              ("Chef de projet", "Cheffe de projet"), ("Maître de conférences", "Maîtresse de conférences"),
              ("Professeur des universités", "Professeure des universités"),
              ("Délégué régional", "Déléguée régionale"), ("Vice-président", "Vice-présidente"),
              ("Directeur commercial", "Directrice commerciale"), ("Chercheur", "Chercheuse"),
              ("Responsable qualité", "Responsable qualité"), ("Élu", "Élue"),
              ("Directeur de l'innovation", "Directrice de l'innovation"), ("Gérant", "Gérante")]
PROJECT_TOPICS = ["Hydrogène vert pour la mobilité lourde", "Usine du futur et jumeau numérique",
                  "Recyclage des composites thermoplastiques", "Capteurs intelligents pour la santé",
                  "Batteries de nouvelle génération", "Textiles connectés et sécurité",
                  "Agriculture de précision en montagne", "Cybersécurité des systèmes embarqués",
                  "Imagerie médicale par intelligence artificielle", "Bâtiment bas carbone",
                  "Chimie biosourcée", "Électronique de puissance en carbure de silicium",
                  "Photonique intégrée sur silicium", "Thérapies géniques et biomédicaments",
                  "Mobilité partagée en zone rurale", "Décolletage de haute précision",
                  "Économie circulaire des métaux", "Réseaux de chaleur intelligents",
                  "Tourisme quatre saisons", "Réalité virtuelle pour la formation"]
PROJECT_QUALIFIERS = ["", "", " – phase II", " en Auvergne-Rhône-Alpes", " dans les Alpes",
                      " pour les PME", " à l'échelle européenne", " (démonstrateur)"]
SYLLABLES = ["HY", "DRO", "GÈ", "NE", "FLEX", "PRO", "NOV", "TEX", "SAN", "TÉ", "ALP", "MAT",
             "CAR", "BON", "PHO", "TON", "BIO", "MED", "VAL", "ÉCO", "CIR", "QUA", "TRO", "LUM"]
HEADLINES = ["{org} lève des fonds pour accélérer son développement",
             "{org} rejoint le pôle {cluster}",
             "Le projet {project} démarre à {city}",
             "{person} prend la tête de {org}",
             "À {city}, {org} inaugure un nouveau site de production",
             "{funder} soutient l'innovation à {city}",
             "Industrie : {org} et {org2} s'associent",
             "« Nous voulons recruter 50 personnes », annonce {person}"]
ROLES_MEMBER = ["member"] * 17 + ["founding member", "board member", "president"]
ROLES_FR = {"member": "membre", "founding member": "membre fondateur",
            "board member": "membre du conseil d'administration", "president": "président"}
