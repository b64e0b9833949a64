#!/usr/bin/env python3
"""Load benchmark: ``innograph load`` against rdflib and raw pyoxigraph.

Generates a realistic, skewed innovation network as N-Triples (the terms of
``shared/docs/ontology.md``), then loads that one file, each time in a fresh
child process, with:

* ``innograph --store DIR load FILE`` -- the product's CLI, whole process;
* ``rdflib.Graph().parse(FILE, format="nt")`` -- rdflib's in-memory default store;
* ``pyoxigraph.Store(DIR).bulk_load(...)`` -- the raw engine under the product,
  into a named graph on disk like the product (and ``Store.load``, for information).

It prints time, rate, peak RSS (each child's own, from ``os.wait4``) and store
size, counts the triples back, and checks the acceptance ratios:
innograph / rdflib >= 8x and innograph / pyoxigraph bulk_load >= 0.7x.

Example::

    python bench/load.py --triples 1000000 --json bench-load.json

The generator is importable, for tests::

    >>> import tempfile, pathlib
    >>> from load import generate            # doctest: +SKIP
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "g.nt"
    >>> generate(p, triples=5000, seed=1)    # doctest: +SKIP
    5000
"""

from __future__ import annotations

import argparse
import datetime as _dt
import json
import math
import os
import platform
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------
# Vocabulary: every IRI the generator writes is declared here, once.
# A misspelt attribute (V.scheme.lcation) raises AttributeError.
# --------------------------------------------------------------------------

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


class _Terms:
    """Fixed set of NamedNodes for one namespace; unknown names fail loudly."""

    def __init__(self, ox, prefix: str, names: list[str]):
        self._prefix = prefix
        for n in names:
            object.__setattr__(self, n, ox.NamedNode(NS[prefix] + n))

    def __getattr__(self, name):  # only called when the attribute is missing
        raise AttributeError(f"{self._prefix}:{name} is not in the benchmark's vocabulary")


def _vocab(ox):
    return argparse.Namespace(**{p: _Terms(ox, p, names) for p, names in TERMS.items()})


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

_KIND_NAMES = ["Company", "Hospital", "University", "ResearchCentre", "TrainingCentre",
               "PublicAuthority", "ChamberOfCommerce", "MediaOutlet", "Cluster"]
# share of organizations per kind (Company takes the remainder)
_KIND_SHARE = {"Hospital": 0.015, "University": 0.012, "ResearchCentre": 0.04,
               "TrainingCentre": 0.035, "PublicAuthority": 0.035, "ChamberOfCommerce": 0.01,
               "MediaOutlet": 0.012, "Cluster": 0.006}

# counts at 1M triples (before the article phase fills the exact target)
_BASE = {"orgs": 28_000, "people": 22_000, "projects": 7_000, "memberships": 8_000,
         "grants": 6_000, "articles": 15_000, "communes": 1_400}
_PER_UNIT = 1_000_000


def _slug(text: str) -> str:
    t = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", "-", t).strip("-") or "x"


def _ascii_fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")


_STOP = {"de", "du", "des", "la", "le", "les", "l", "et", "pour", "&", "en", "d", "à", "sur"}


def _acronym(label: str) -> str | None:
    words = [w for w in re.split(r"[\s'’\-–]+", label) if w and w.lower() not in _STOP]
    if len(words) < 2:
        return None
    return "".join(_ascii_fold(w[0]).upper() for w in words if w[0].isalpha()) or None


def _siren(rng: random.Random, used: set) -> str:
    """A fresh 9-digit SIREN with a valid Luhn check digit."""
    while True:
        body = [rng.randrange(10) for _ in range(8)]
        if body[0] == 0:
            continue
        total = 0
        for i, d in enumerate(body):  # Luhn over the 8 digits, check digit appended
            if i % 2 == 0:
                d *= 2
                if d > 9:
                    d -= 9
            total += d
        check = (10 - total % 10) % 10
        s = "".join(map(str, body)) + str(check)
        if s not in used:
            used.add(s)
            return s


class _Emitter:
    """Collects pyoxigraph Triples and serializes them to N-Triples in chunks."""

    def __init__(self, ox, fh, chunk: int = 100_000):
        self._ox, self._fh, self._chunk = ox, fh, chunk
        self._Triple = ox.Triple
        self._fmt = ox.RdfFormat.N_TRIPLES
        self._buf: list = []
        self._written = 0

    def __call__(self, s, p, o) -> None:
        buf = self._buf
        buf.append(self._Triple(s, p, o))
        if len(buf) >= self._chunk:
            self.flush()

    def flush(self) -> None:
        if self._buf:
            self._ox.serialize(self._buf, self._fh, format=self._fmt)
            self._written += len(self._buf)
            self._buf = []

    @property
    def count(self) -> int:
        return self._written + len(self._buf)


def _plan(triples: int | None, overrides: dict) -> dict:
    if triples is not None:
        scale = triples / _PER_UNIT
    elif overrides.get("orgs"):
        scale = overrides["orgs"] / _BASE["orgs"]
    elif overrides.get("people"):
        scale = overrides["people"] / _BASE["people"]
    elif overrides.get("projects"):
        scale = overrides["projects"] / _BASE["projects"]
    else:
        scale = 1.0
    plan = {k: max(1, round(v * scale)) for k, v in _BASE.items()}
    plan["orgs"] = max(plan["orgs"], 120)
    plan["people"] = max(plan["people"], 10)
    plan["projects"] = max(plan["projects"], 2)
    plan["communes"] = max(0, plan["communes"] - len(CITIES))
    for k, v in overrides.items():
        if v is not None:
            plan[k] = v
    return plan


def generate(path, *, triples: int | None = 1_000_000, seed: int = 0, orgs: int | None = None,
             people: int | None = None, projects: int | None = None,
             memberships: int | None = None, grants: int | None = None,
             articles: int | None = None, stats: dict | None = None) -> int:
    """Write a generated innovation network to ``path`` as N-Triples; return the triple count.

    ``triples`` is the target: entity counts scale with it and the last phase (news
    articles and their ``schema:mentions``) tops the file up to exactly that many
    triples. ``orgs``/``people``/... override single counts; with ``triples=None``
    nothing is topped up. Same arguments and seed, same bytes. No triple repeats.
    If ``stats`` is a dict, it receives the plan and per-phase triple counts.
    """
    import pyoxigraph as ox

    rng = random.Random(seed)
    plan = _plan(triples, {"orgs": orgs, "people": people, "projects": projects,
                           "memberships": memberships, "grants": grants, "articles": articles})
    V = _vocab(ox)
    NN, Lit = ox.NamedNode, ox.Literal
    RDF_TYPE, LABEL = V.rdf.type, V.rdfs.label
    XSD_DATE, XSD_DEC, XSD_BOOL = V.xsd.date, V.xsd.decimal, V.xsd.boolean
    TRUE, FALSE = Lit("true", datatype=XSD_BOOL), Lit("false", datatype=XSD_BOOL)
    phases: dict[str, int] = {}
    slugs: dict[str, int] = {}

    def iri(kind: str, label: str):
        base = _slug(label)
        n = slugs.get(kind + "/" + base, 0) + 1
        slugs[kind + "/" + base] = n
        return NN(f"{ID}{kind}/{base}" if n == 1 else f"{ID}{kind}/{base}-{n}")

    def rand_date(y0: int, y1: int):
        a, b = _dt.date(y0, 1, 1).toordinal(), _dt.date(y1, 12, 31).toordinal()
        # skewed towards recent dates, like news coverage
        return _dt.date.fromordinal(b - int((b - a) * rng.random() ** 1.6)).isoformat()

    def zipf_cum(n: int, s: float) -> list[float]:
        acc, out = 0.0, []
        for r in range(1, n + 1):
            acc += 1.0 / r ** s
            out.append(acc)
        return out

    def cum(weights) -> list[float]:
        acc, out = 0.0, []
        for w in weights:
            acc += w
            out.append(acc)
        return out

    choices = rng.choices

    with open(path, "wb") as fh:
        emit = _Emitter(ox, fh)
        mark = 0

        def phase(name: str) -> None:
            nonlocal mark
            phases[name] = emit.count - mark
            mark = emit.count

        # ---- places: regions (hubs) and communes -------------------------------
        region_nodes, region_w = [], []
        for label, w in REGIONS:
            n = iri("place", label)
            region_nodes.append(n)
            region_w.append(w)
            emit(n, RDF_TYPE, V.schema.Place)
            emit(n, LABEL, Lit(label))
        city_labels = [c for c, _ in CITIES]
        city_region = [r for _, r in CITIES]
        region_cum = cum(region_w)
        seen = set(city_labels)
        for _ in range(plan["communes"]):
            for _attempt in range(20):
                label = rng.choice(COMMUNE_BASES) + rng.choice(COMMUNE_LINKS) + rng.choice(RIVERS)
                if label not in seen:
                    break
            else:
                label = f"{label} {len(seen)}"
            seen.add(label)
            city_labels.append(label)
            city_region.append(choices(range(len(REGIONS)), cum_weights=region_cum)[0])
        city_nodes = []
        for label, r in zip(city_labels, city_region):
            n = iri("place", label)
            city_nodes.append(n)
            emit(n, RDF_TYPE, V.schema.Place)
            emit(n, LABEL, Lit(label))
            emit(n, V.schema.containedInPlace, region_nodes[r])
        city_cum = zipf_cum(len(city_nodes), 1.05)
        n_cities = len(city_nodes)
        phase("places")

        # ---- classification concepts -------------------------------------------
        for c, fr, en in ((V.ig.SME, "PME", "SME"), (V.ig.StartUp, "Start-up", "Start-up"),
                          (V.ig.LargeBuyer, "Donneur d'ordres", "Large buyer")):
            emit(c, RDF_TYPE, V.skos.Concept)
            emit(c, V.skos.prefLabel, Lit(fr, language="fr"))
            emit(c, V.skos.prefLabel, Lit(en, language="en"))
        phase("concepts")

        # ---- organizations ---------------------------------------------------------
        n_orgs = plan["orgs"]
        per_kind = {k: max(1, round(n_orgs * s)) for k, s in _KIND_SHARE.items()}
        per_kind["PublicAuthority"] = max(per_kind["PublicAuthority"], len(REGIONS) + 2)
        per_kind["Company"] = max(1, n_orgs - sum(per_kind.values()))
        org_nodes: list = []
        org_label: list[str] = []
        org_kind: list[str] = []
        org_city: list[int] = []
        org_w: list[float] = []      # how much an organization attracts people and projects
        org_memw: list[float] = []   # how likely it is to join a cluster
        org_is_sme: list[bool] = []
        used_labels: set[str] = set()
        sirens: set[str] = set()
        funder_idx: list[int] = []
        funder_w: list[float] = []
        pick_city = lambda: choices(range(n_cities), cum_weights=city_cum)[0]  # noqa: E731

        def unique_label(label: str, city: int) -> str:
            if label in used_labels:
                place = city_labels[city]
                cand = f"{label} {place}" if place not in label else label
                k = 2
                while cand in used_labels:
                    cand = f"{label} ({k})"
                    k += 1
                label = cand
            used_labels.add(label)
            return label

        def add_org(kind: str, label: str, alts: list[str], weight: float, memw: float,
                    city: int | None = None, *, classification=None, siren=False,
                    place=None, funder_weight: float = 0.0) -> int:
            city = pick_city() if city is None else city
            label = unique_label(label, city)
            n = iri("organization", label)
            i = len(org_nodes)
            org_nodes.append(n)
            org_label.append(label)
            org_kind.append(kind)
            org_city.append(city)
            org_w.append(weight)
            org_memw.append(memw)
            org_is_sme.append(classification is V.ig.SME or classification is V.ig.StartUp)
            emit(n, RDF_TYPE, V.org.Organization)
            emit(n, RDF_TYPE, getattr(V.ig, kind))
            if kind == "Cluster":
                emit(n, RDF_TYPE, V.org.OrganizationalCollaboration)
            emit(n, LABEL, Lit(label))
            done = {label}
            for a in alts:
                if a and a not in done:
                    done.add(a)
                    emit(n, V.skos.altLabel, Lit(a))
            if classification is not None:
                emit(n, V.org.classification, classification)
            if siren:
                emit(n, V.ig.siren, Lit(_siren(rng, sirens)))
            if place is None:
                # about one in five is only known by its region: region places become hubs
                place = region_nodes[city_region[city]] if rng.random() < 0.2 else city_nodes[city]
            emit(n, V.schema.location, place)
            if funder_weight:
                funder_idx.append(i)
                funder_w.append(funder_weight)
            return i

        def variants(label: str) -> list[str]:
            out = []
            r = rng.random()
            if r < 0.18:
                a = _acronym(label)
                if a and len(a) >= 2:
                    out.append(a)
            elif r < 0.28:
                out.append(_ascii_fold(label))
            elif r < 0.34:
                out.append(label.upper())
            if rng.random() < 0.08:
                for lf in LEGAL[3:]:
                    if label.endswith(lf):
                        out.append(label[: -len(lf)])
                        break
            return out

        paris = city_labels.index("Paris")
        # public authorities: regional councils and national funders are the hubs
        for r, (label, w) in enumerate(REGIONS):
            seat = next((c for c in range(len(CITIES)) if city_region[c] == r), 0)
            add_org("PublicAuthority", f"Région {label}", [f"Conseil régional {label}"],
                    weight=4.0 * w / 10, memw=0.3, city=seat, place=region_nodes[r],
                    funder_weight=3.0 * w)
        for k, (label, alts) in enumerate(AUTHORITIES[: max(0, per_kind["PublicAuthority"] - len(REGIONS))]):
            add_org("PublicAuthority", label, alts, weight=2.0, memw=0.0, city=paris,
                    funder_weight=[60, 25, 15, 20, 8, 10, 5][k])
        for _ in range(per_kind["PublicAuthority"] - len(REGIONS) - len(AUTHORITIES)):
            c = pick_city()
            pat = rng.random()
            if pat < 0.35:
                label = f"Métropole de {city_labels[c]}" if c < 40 else f"Communauté de communes {rng.choice(AREAS)}"
            elif pat < 0.6:
                label = f"Mairie de {city_labels[c]}"
            elif pat < 0.8:
                label = f"Département {'de la' if rng.random() < 0.3 else 'de'} {rng.choice(DEPTS)}"
            else:
                label = f"Agglomération de {city_labels[c]}"
            add_org("PublicAuthority", label, variants(label), weight=1.0, memw=0.4, city=c,
                    funder_weight=1.0)

        # clusters: Zipf-ranked, the first ones are the big hubs
        cluster_idx: list[int] = []
        for k in range(per_kind["Cluster"]):
            if k < len(CLUSTERS):
                label, alts = CLUSTERS[k]
                c = pick_city() if k > 3 else [0, 0, 0, 2][k]
            else:
                label = (f"Cluster {rng.choice(ACTIVITIES).lower()} {rng.choice(AREAS)}"
                         if rng.random() < 0.6 else f"Grappe {rng.choice(RESEARCH_TOPICS)} {rng.choice(AREAS)}")
                alts, c = variants(label), pick_city()
            cluster_idx.append(add_org("Cluster", label, alts, weight=3.0, memw=0.02, city=c))
        cluster_cum = zipf_cum(len(cluster_idx), 1.1)

        for k in range(per_kind["University"]):
            if k < len(UNIVERSITIES):
                label, alts = UNIVERSITIES[k]
                w = 40.0 * min(rng.paretovariate(2.0), 8.0)
            else:
                c = pick_city()
                label = rng.choice([f"IUT de {city_labels[c]}", f"École d'ingénieurs de {city_labels[c]}",
                                    f"École de management de {city_labels[c]}",
                                    f"École supérieure {rng.choice(EPONYMS)}"])
                alts, w = variants(label), 8.0 * min(rng.paretovariate(2.0), 8.0)
            add_org("University", label, alts, weight=w, memw=3.0)

        for k in range(per_kind["ResearchCentre"]):
            if k < len(RESEARCH):
                label, alts = RESEARCH[k]
                w = 60.0 * min(rng.paretovariate(1.5), 10.0)
            else:
                c = pick_city()
                label = rng.choice([f"Laboratoire de {rng.choice(RESEARCH_TOPICS)} de {city_labels[c]}",
                                    f"Institut {rng.choice(SURNAMES)}",
                                    f"Centre de recherche en {rng.choice(RESEARCH_TOPICS)}",
                                    f"Centre technique {rng.choice(ACTIVITIES).lower()}"])
                alts, w = variants(label), 4.0 * min(rng.paretovariate(1.5), 15.0)
            add_org("ResearchCentre", label, alts, weight=w, memw=1.5)

        for k in range(per_kind["Hospital"]):
            if k < len(HOSPITALS):
                label, alts = HOSPITALS[k]
                w = 20.0
            else:
                c = pick_city()
                label = rng.choice([f"Centre hospitalier de {city_labels[c]}",
                                    f"Clinique {rng.choice(EPONYMS)}"])
                alts, w = variants(label), 3.0 * min(rng.paretovariate(2.0), 8.0)
                if label.startswith("Centre hospitalier de ") and rng.random() < 0.5:
                    alts.append("CH " + label[len("Centre hospitalier de "):])
            add_org("Hospital", label, alts, weight=w, memw=0.5)

        for _ in range(per_kind["TrainingCentre"]):
            c = pick_city()
            label = rng.choice([f"CFA de l'industrie de {city_labels[c]}", f"Lycée professionnel {rng.choice(EPONYMS)}",
                                f"AFPA {city_labels[c]}", f"Greta {rng.choice(AREAS)}",
                                f"Campus des métiers {rng.choice(AREAS)}"])
            add_org("TrainingCentre", label, variants(label), weight=0.8, memw=0.7, city=c)

        for _ in range(per_kind["ChamberOfCommerce"]):
            c = pick_city()
            if rng.random() < 0.7:
                label, alts = f"Chambre de commerce et d'industrie de {city_labels[c]}", [f"CCI {city_labels[c]}"]
            else:
                label, alts = f"Chambre de métiers et de l'artisanat de {rng.choice(DEPTS)}", ["CMA"]
            add_org("ChamberOfCommerce", label, alts, weight=2.5, memw=1.0, city=c)

        media_idx: list[int] = []
        for k in range(per_kind["MediaOutlet"]):
            if k < len(MEDIA):
                label, alts = MEDIA[k], []
            else:
                c = pick_city()
                label = rng.choice([f"L'Écho de {city_labels[c]}", f"{city_labels[c]} Infos",
                                    f"Radio {rng.choice(AREAS)[3:].strip()}"])
                alts = variants(label)
            media_idx.append(add_org("MediaOutlet", label, alts, weight=0.05, memw=0.0))
        media_cum = zipf_cum(len(media_idx), 1.2)

        for k in range(per_kind["Company"]):
            if k < len(LARGE_BUYERS):
                label, alts = LARGE_BUYERS[k]
                add_org("Company", label, list(alts), weight=25.0 * min(rng.paretovariate(1.5), 20.0), memw=3.0,
                        classification=V.ig.LargeBuyer, siren=True, funder_weight=0.5)
                continue
            c = pick_city()
            foreign = rng.random() < 0.07
            pat = rng.random()
            if foreign:
                label = rng.choice(BRAND_ROOTS) + rng.choice(BRAND_SUFFIXES) + rng.choice(FOREIGN_LEGAL)
            elif pat < 0.45:
                label = rng.choice(BRAND_ROOTS) + rng.choice(BRAND_SUFFIXES) + rng.choice(LEGAL)
            elif pat < 0.75:
                where = rng.choice(AREAS) if rng.random() < 0.6 else f"de {city_labels[c]}"
                label = f"{rng.choice(ACTIVITIES)} {where}"
            else:
                s = rng.choice(SURNAMES)
                label = rng.choice([f"Établissements {s}", f"{s} et Fils", f"{s} Frères",
                                    f"{s} & Associés", f"Groupe {s}"]) + rng.choice(LEGAL)
            r = rng.random()
            if r < 0.05:
                cls, w, mw = V.ig.LargeBuyer, 10.0 * min(rng.paretovariate(1.5), 25.0), 3.0
            elif r < 0.22:
                cls, w, mw = V.ig.StartUp, 1.2 * min(rng.paretovariate(1.8), 20.0), 1.2
            else:
                cls, w, mw = V.ig.SME, min(rng.paretovariate(2.0), 15.0), 1.0
            add_org("Company", label, variants(label), weight=w, memw=mw, city=c,
                    classification=cls, siren=not foreign)
        org_cum = cum(org_w)
        memw_cum = cum(org_memw)
        funder_cum = cum(funder_w)
        n_org_total = len(org_nodes)
        phase("organizations")

        # ---- article IRIs (described last, they fill the target) -----------------
        n_articles = max(1, plan["articles"])
        article_nodes = [NN(f"{ID}article/{i}") for i in range(n_articles)]
        article_topic: list = [None] * n_articles  # one entity the headline can name

        def source(subject_label: str):
            a = rng.randrange(n_articles)
            if article_topic[a] is None:
                article_topic[a] = subject_label
            return article_nodes[a]

        # ---- people and posts -------------------------------------------------------
        person_nodes: list = []
        person_label: list[str] = []
        post_no = 0
        for _ in range(plan["people"]):
            fem = rng.random() < 0.45
            name = f"{rng.choice(FIRST_F if fem else FIRST_M)} {rng.choice(SURNAMES)}"
            p = iri("person", name)
            person_nodes.append(p)
            person_label.append(name)
            emit(p, RDF_TYPE, V.foaf.Person)
            emit(p, LABEL, Lit(name))
            emit(p, V.foaf.name, Lit(name))
            r = rng.random()
            n_posts = 1 if r < 0.70 else 2 if r < 0.92 else 3 if r < 0.98 else 4
            employers: list[int] = []
            while len(employers) < n_posts:
                o = choices(range(n_org_total), cum_weights=org_cum)[0]
                if o not in employers:
                    employers.append(o)
            for j, o in enumerate(employers):
                current = j == 0 or (j == 1 and rng.random() < 0.15)
                post_no += 1
                post = NN(f"{ID}post/{post_no}")
                title = rng.choice(JOB_TITLES)[1 if fem else 0]
                emit(post, RDF_TYPE, V.org.Post)
                emit(post, V.org.heldBy, p)
                emit(post, V.org.postIn, org_nodes[o])
                emit(post, V.schema.jobTitle, Lit(title))
                emit(post, V.ig.current, TRUE if current else FALSE)
                emit(post, V.prov.wasDerivedFrom, source(name))
                if current:
                    ev = f"« {name}, {title.lower()} de {org_label[o]}, a présenté la feuille de route. »"
                    emit(p, V.schema.worksFor, org_nodes[o])
                else:
                    ev = f"{name}, ancien{'ne' if fem else ''} {title.lower()} de {org_label[o]}, a rejoint une autre structure."
                emit(post, V.ig.evidence, Lit(ev))
        phase("people+posts")

        # ---- cluster memberships ---------------------------------------------------
        pairs: set[tuple[int, int]] = set()
        n_cl = len(cluster_idx)
        for m in range(plan["memberships"]):
            for _attempt in range(50):
                cl = cluster_idx[choices(range(n_cl), cum_weights=cluster_cum)[0]]
                mem = choices(range(n_org_total), cum_weights=memw_cum)[0]
                if mem != cl and (mem, cl) not in pairs:
                    break
            else:
                continue
            pairs.add((mem, cl))
            ms = NN(f"{ID}membership/{m + 1}")
            iv = NN(f"{ID}membership/{m + 1}/interval")
            start = NN(f"{ID}membership/{m + 1}/start")
            role = rng.choice(ROLES_MEMBER)
            emit(ms, RDF_TYPE, V.org.Membership)
            emit(ms, V.org.member, org_nodes[mem])
            emit(ms, V.org.organization, org_nodes[cl])
            emit(ms, V.org.role, Lit(role))
            emit(ms, V.org.memberDuring, iv)
            emit(ms, V.prov.wasDerivedFrom, source(org_label[cl]))
            emit(ms, V.ig.evidence, Lit(f"{org_label[mem]} a rejoint le pôle {org_label[cl]} en tant que {ROLES_FR[role]}."))
            emit(iv, RDF_TYPE, V.time.Interval)
            emit(iv, V.time.hasBeginning, start)
            d0 = rand_date(2005, 2024)
            emit(start, RDF_TYPE, V.time.Instant)
            emit(start, V.time.inXSDDate, Lit(d0, datatype=XSD_DATE))
            if rng.random() < 0.1:
                end = NN(f"{ID}membership/{m + 1}/end")
                emit(iv, V.time.hasEnd, end)
                emit(end, RDF_TYPE, V.time.Instant)
                d1 = max(d0, rand_date(2008, 2025))
                emit(end, V.time.inXSDDate, Lit(d1, datatype=XSD_DATE))
            emit(org_nodes[mem], V.org.memberOf, org_nodes[cl])
            emit(org_nodes[cl], V.org.hasMember, org_nodes[mem])
        phase("memberships")

        # ---- projects and participations ---------------------------------------------
        project_nodes: list = []
        project_label: list[str] = []
        part_no = 0
        for _ in range(plan["projects"]):
            acro = "".join(rng.choice(SYLLABLES) for _ in range(rng.choice((2, 2, 3))))
            label = f"{acro} – {rng.choice(PROJECT_TOPICS)}{rng.choice(PROJECT_QUALIFIERS)}"
            pr = iri("project", label)
            project_nodes.append(pr)
            project_label.append(label)
            emit(pr, RDF_TYPE, V.ig.Project)
            emit(pr, LABEL, Lit(label))
            k = 31
            while k > 30:  # 2..30 participants, power-law-ish (resampled, not clipped)
                k = int(2 * rng.paretovariate(1.2))
            members: list[int] = []
            while len(members) < k:
                o = choices(range(n_org_total), cum_weights=org_cum)[0]
                if o not in members and org_kind[o] != "MediaOutlet":
                    members.append(o)
            src = source(label)
            for j, o in enumerate(members):
                part_no += 1
                pa = NN(f"{ID}participation/{part_no}")
                emit(pa, RDF_TYPE, V.ig.Participation)
                emit(pa, V.ig.participant, org_nodes[o])
                emit(pa, V.ig.project, pr)
                emit(pa, V.org.role, Lit("coordinator" if j == 0 else "participant"))
                emit(pa, V.prov.wasDerivedFrom, src)
                emit(org_nodes[o], V.ig.participatesIn, pr)
        phase("projects+participations")

        # ---- grants --------------------------------------------------------------------
        funded: set[tuple[int, int]] = set()
        companies = [i for i in range(n_org_total) if org_kind[i] == "Company"]
        n_fund = len(funder_idx)
        for g in range(plan["grants"]):
            f = funder_idx[choices(range(n_fund), cum_weights=funder_cum)[0]]
            if rng.random() < 0.7:
                j = rng.randrange(len(project_nodes))
                item, item_label, key = project_nodes[j], project_label[j], (-1 - j, f)
            else:
                o = rng.choice(companies)
                item, item_label, key = org_nodes[o], org_label[o], (o, f)
            gr = NN(f"{ID}grant/{g + 1}")
            am = NN(f"{ID}grant/{g + 1}/amount")
            value = round(math.exp(rng.gauss(math.log(150_000), 1.1)), -2 if rng.random() < 0.8 else 0)
            value_s = f"{value:.2f}"
            emit(gr, RDF_TYPE, V.schema.MonetaryGrant)
            emit(gr, V.schema.funder, org_nodes[f])
            emit(gr, V.schema.fundedItem, item)
            emit(gr, V.schema.amount, am)
            emit(gr, V.prov.wasDerivedFrom, source(org_label[f]))
            emit(gr, V.ig.evidence, Lit(f"{org_label[f]} accorde {value:,.0f} € à {item_label}.".replace(",", " ")))
            emit(am, RDF_TYPE, V.schema.MonetaryAmount)
            emit(am, V.schema.value, Lit(value_s, datatype=XSD_DEC))
            emit(am, V.schema.currency, Lit("EUR"))
            if key not in funded:
                funded.add(key)
                emit(item, V.schema.funder, org_nodes[f])
        phase("grants")

        # ---- news articles: described last; mentions top up to the exact target --------
        mentionable = n_org_total + len(person_nodes) + len(project_nodes)

        def entity(i: int):
            if i < n_org_total:
                return org_nodes[i]
            i -= n_org_total
            if i < len(person_nodes):
                return person_nodes[i]
            return project_nodes[i - len(person_nodes)]

        base_per_article = 5
        budget = None if triples is None else triples - emit.count - base_per_article * n_articles
        for a in range(n_articles):
            art = article_nodes[a]
            topic = article_topic[a]
            c = city_labels[pick_city()]
            o1 = org_label[choices(range(n_org_total), cum_weights=org_cum)[0]]
            headline = rng.choice(HEADLINES).format(
                org=topic or o1, org2=o1, cluster=org_label[cluster_idx[0]] if topic is None else topic,
                project=topic or "SYNERGIE", person=topic or rng.choice(person_label), city=c,
                funder=org_label[funder_idx[0]])
            emit(art, RDF_TYPE, V.schema.NewsArticle)
            emit(art, V.schema.headline, Lit(headline, language="fr"))
            emit(art, V.schema.datePublished, Lit(rand_date(2012, 2025), datatype=XSD_DATE))
            emit(art, V.schema.publisher, org_nodes[media_idx[choices(range(len(media_idx)), cum_weights=media_cum)[0]]])
            emit(art, V.schema.inLanguage, Lit("fr"))
            left = n_articles - a
            if budget is None:
                k = min(mentionable, int(rng.paretovariate(2.0) * 1.5))
            elif left == 1:
                k = max(0, budget)
            else:
                mean = max(0.0, budget / left)
                k = min(max(0, budget), int(mean * rng.paretovariate(2.5) * 0.6 + 0.5))
            k = min(k, mentionable)
            seen_m: set[int] = set()
            while len(seen_m) < k:
                if rng.random() < 0.6:
                    e = choices(range(n_org_total), cum_weights=org_cum)[0]
                else:
                    e = rng.randrange(mentionable)
                if e not in seen_m:
                    seen_m.add(e)
                    emit(art, V.schema.mentions, entity(e))
            if budget is not None:
                budget -= k
        phase("articles")
        emit.flush()

    if stats is not None:
        stats.update(plan=plan, phases=phases, organizations=n_org_total,
                     people=len(person_nodes), posts=post_no, projects=len(project_nodes),
                     participations=part_no, clusters=len(cluster_idx), places=len(city_nodes) + len(REGIONS))
    return emit.count


# --------------------------------------------------------------------------
# Child processes.
# --------------------------------------------------------------------------

COUNT_NAMED = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
COUNT_DEFAULT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
COUNT_GRAPHS = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _worker(method: str, file: str, store: str, graph: str) -> None:
    """Runs inside a measured child process; prints one JSON line on stdout."""
    t0 = time.perf_counter()
    if method == "rdflib":
        import rdflib
        t1 = time.perf_counter()
        g = rdflib.Graph()
        g.parse(file, format="nt")
        t2 = time.perf_counter()
        out = {"count": len(g), "import_s": t1 - t0, "load_s": t2 - t1,
               "version": f"rdflib {rdflib.__version__}"}
        print(json.dumps(out), flush=True)
        os._exit(0)  # skip tearing down millions of Python objects: not part of loading
    import pyoxigraph as ox
    t1 = time.perf_counter()
    if method in ("oxigraph-bulk", "oxigraph-load", "oxigraph-bulk-default"):
        st = ox.Store(store)
        fn = st.load if method == "oxigraph-load" else st.bulk_load
        to_graph = None if method == "oxigraph-bulk-default" else ox.NamedNode(graph)
        fn(path=file, format=ox.RdfFormat.N_TRIPLES, to_graph=to_graph)
        del st  # close the store: part of a load, as for the CLI
        t2 = time.perf_counter()
        print(json.dumps({"import_s": t1 - t0, "load_s": t2 - t1,
                          "version": f"pyoxigraph {ox.__version__}"}), flush=True)
    elif method == "count":
        st = ox.Store.read_only(store)
        q = lambda s: int(next(iter(st.query(s)))[0].value)  # noqa: E731
        print(json.dumps({"named": q(COUNT_NAMED), "default": q(COUNT_DEFAULT),
                          "graphs": q(COUNT_GRAPHS), "version": f"pyoxigraph {ox.__version__}"}),
              flush=True)
    else:
        raise SystemExit(f"unknown worker method {method!r}")


def _run_child(cmd: list[str], cwd: str | None = None) -> dict:
    """Run ``cmd`` as its own child; return wall time, exit code, its peak RSS and output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL, cwd=cwd)
        _, status, ru = os.wait4(proc.pid, 0)  # this child's own rusage (incl. its waited-for children)
        wall = time.perf_counter() - t0
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        return {"wall_s": wall, "rc": proc.returncode, "peak_rss_mb": ru.ru_maxrss / 1024,
                "cpu_s": ru.ru_utime + ru.ru_stime,
                "stdout": out.read().decode("utf-8", "replace"),
                "stderr": err.read().decode("utf-8", "replace")}


def _dir_mb(path: Path) -> float:
    total, seen = 0, set()
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                st = os.stat(os.path.join(root, f))
            except FileNotFoundError:
                continue
            if (st.st_dev, st.st_ino) not in seen:  # hard links (store snapshots) count once
                seen.add((st.st_dev, st.st_ino))
                total += st.st_size
    return total / 2**20


def _last_json(text: str) -> dict:
    for line in reversed(text.strip().splitlines()):
        line = line.strip()
        if line.startswith("{"):
            return json.loads(line)
    raise ValueError("no JSON line in worker output")


def _find_innograph(explicit: str | None) -> str | None:
    if explicit:
        return explicit
    venv = REPO_ROOT / ".venv" / "bin" / "innograph"
    if venv.exists():
        return str(venv)
    return shutil.which("innograph")


METHODS = {
    "innograph": "innograph --store DIR load FILE (CLI, whole process)",
    "rdflib": "rdflib Graph().parse(format='nt'), in memory",
    "oxigraph-bulk": "pyoxigraph Store(DIR).bulk_load(), named graph",
    "oxigraph-load": "pyoxigraph Store(DIR).load() (transactional), named graph",
    "oxigraph-bulk-default": "pyoxigraph Store(DIR).bulk_load(), default graph",
}


def _measure(method: str, *, file: Path, file_triples: int, workdir: Path, python: str,
             innograph: str | None, graph_iri: str, run_no: int, keep: bool) -> dict:
    store = workdir / f"store-{method}-{run_no}"
    res: dict = {"method": method, "description": METHODS[method], "run": run_no}
    if method == "innograph":
        cmd = [innograph, "--store", str(store), "load", str(file)]
        res["command"] = " ".join(cmd)
        r = _run_child(cmd, cwd=str(workdir))
        res.update(wall_s=r["wall_s"], peak_rss_mb=r["peak_rss_mb"], cpu_s=r["cpu_s"], rc=r["rc"],
                   seconds=r["wall_s"], timing="whole process, including interpreter start-up and imports")
        res["stdout_tail"] = r["stdout"][-2000:]
        res["stderr_tail"] = r["stderr"][-4000:]
        if r["rc"] != 0:
            res["error"] = f"exit code {r['rc']}: {r['stderr'].strip() or r['stdout'].strip()}"
            return res
    else:
        cmd = [python, str(Path(__file__).resolve()), "--worker", method, str(file),
               "--worker-store", str(store), "--worker-graph", graph_iri]
        r = _run_child(cmd, cwd=str(workdir))
        res.update(wall_s=r["wall_s"], peak_rss_mb=r["peak_rss_mb"], cpu_s=r["cpu_s"], rc=r["rc"])
        if r["rc"] != 0:
            res["error"] = f"exit code {r['rc']}: {r['stderr'].strip()[-4000:]}"
            return res
        w = _last_json(r["stdout"])
        res.update(seconds=w["load_s"], import_s=w["import_s"], version=w["version"],
                   timing="in-process load call (process wall clock in wall_s)")
        if "count" in w:
            res["count"] = w["count"]
    if method != "rdflib":
        res["store_mb"] = _dir_mb(store)
        counter = python
        if method == "innograph":  # count with the pyoxigraph that wrote the store, if we can
            sibling = Path(innograph).parent / "python"
            if sibling.exists():
                counter = str(sibling)
        c = _run_child([counter, str(Path(__file__).resolve()), "--worker", "count", str(file),
                        "--worker-store", str(store), "--worker-graph", graph_iri])
        if c["rc"] != 0 and counter != python:
            c = _run_child([python, str(Path(__file__).resolve()), "--worker", "count", str(file),
                            "--worker-store", str(store), "--worker-graph", graph_iri])
        if c["rc"] != 0:
            res["error"] = f"counting the store failed: {c['stderr'].strip()[-2000:]}"
        else:
            cj = _last_json(c["stdout"])
            res.update(named_quads=cj["named"], default_triples=cj["default"], graphs=cj["graphs"])
            # innograph's default graph is the set union of its named graphs (a derived copy)
            res["count"] = cj["named"] if method == "innograph" else cj["named"] + cj["default"]
            if method == "innograph":
                res["version"] = cj["version"] + " (reader)"
    if "count" in res:
        res["extra_triples"] = res["count"] - file_triples
        ok = res["count"] == file_triples or (method == "innograph" and 0 <= res["extra_triples"] <= max(1000, file_triples // 1000))
        res["count_ok"] = ok
    res["rate"] = file_triples / res["seconds"] if res.get("seconds") else None
    res["process_rate"] = file_triples / res["wall_s"] if res.get("wall_s") else None
    if not keep:
        shutil.rmtree(store, ignore_errors=True)
    return res


def _fmt(v, spec: str, dash: str = "—") -> str:
    return dash if v is None else format(v, spec)


def _table(results: list[dict], file_triples: int) -> str:
    head = ["method", "triples", "seconds", "triples/s", "process s", "peak RSS MB", "store MB", "count check"]
    rows = []
    for r in results:
        if r.get("skipped"):
            rows.append([r["method"], "—", "—", "—", "—", "—", "—", "SKIPPED"])
            continue
        if r.get("error") and r.get("seconds") is None:
            rows.append([r["method"], "—", "—", "—", _fmt(r.get("wall_s"), ".2f"), "—", "—", "FAILED"])
            continue
        check = "ok" if r.get("count_ok") else "MISMATCH"
        if r.get("extra_triples"):
            check += f" ({r['extra_triples']:+d} vs file)"
        secs = _fmt(r.get("seconds"), ".2f") + ("*" if r["method"] == "innograph" else "")
        rows.append([r["method"], _fmt(r.get("count"), ","), secs, _fmt(r.get("rate"), ",.0f"),
                     _fmt(r.get("wall_s"), ".2f"), _fmt(r.get("peak_rss_mb"), ",.0f"),
                     _fmt(r.get("store_mb"), ",.1f"), check])
    widths = [max(len(h), *(len(str(row[i])) for row in rows)) for i, h in enumerate(head)]
    line = lambda cells: "  ".join(str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(cells, widths)))  # noqa: E731
    out = [line(head), line(["-" * w for w in widths])] + [line(r) for r in rows]
    return "\n".join(out)


def _ratios(best: dict) -> list[dict]:
    out = []
    ig = best.get("innograph")
    for other, goal, label in (("rdflib", 8.0, "innograph rate / rdflib rate"),
                               ("oxigraph-bulk", 0.7, "innograph rate / raw pyoxigraph bulk_load rate")):
        o = best.get(other)
        entry = {"name": label, "goal": goal, "vs": other}
        if not ig or ig.get("rate") is None or not o or o.get("rate") is None:
            entry.update(ratio=None, verdict="NOT MEASURED")
        else:
            entry["ratio"] = ig["rate"] / o["rate"]
            entry["ratio_process"] = ig["process_rate"] / o["process_rate"]
            entry["verdict"] = "PASS" if entry["ratio"] >= goal else "FAIL"
        out.append(entry)
    return out


def _count_lines(path: Path) -> int:
    n = 0
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 24):
            n += chunk.count(b"\n")
    return n


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(
        prog="bench/load.py",
        description="Generate an innovation network as N-Triples and compare how fast and how "
                    "frugally `innograph load`, rdflib and raw pyoxigraph load it. Each "
                    "measured load runs in its own fresh child process; its peak RSS is its own.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="""timing:
  'seconds' is the in-process load call for rdflib and pyoxigraph (open + load + close for
  stores), and the WHOLE PROCESS wall clock for the innograph CLI (interpreter start-up and
  imports included, marked *). 'process s' is every child's whole wall clock. Rates and the
  acceptance ratios use 'seconds'; ratios over whole processes are printed for information.

examples:
  python bench/load.py --triples 1000000
  python bench/load.py --triples 200000 --repeat 3 --json /tmp/load.json
  python bench/load.py --orgs 5000 --people 4000 --projects 1000 --generate-only --out net.nt
  python bench/load.py --input net.nt --methods rdflib,oxigraph-bulk

exit status: 0 all goals pass; 1 a goal fails or could not be measured (innograph missing);
  2 usage error; 3 a load failed or loaded a different number of triples.""")
    g = ap.add_argument_group("data")
    g.add_argument("--triples", type=int, default=None, metavar="N",
                   help="target triple count (default 1000000 unless counts below are given)")
    g.add_argument("--orgs", type=int, metavar="N", help="organizations")
    g.add_argument("--people", type=int, metavar="N", help="people (each holds 1-4 posts)")
    g.add_argument("--projects", type=int, metavar="N", help="projects (2-30 participants each)")
    g.add_argument("--memberships", type=int, metavar="N", help="cluster memberships")
    g.add_argument("--grants", type=int, metavar="N", help="grants")
    g.add_argument("--articles", type=int, metavar="N", help="source news articles")
    g.add_argument("--seed", type=int, default=42, help="random seed (default 42)")
    g.add_argument("--out", type=Path, help="write the N-Triples here and keep it (default: a temp dir)")
    g.add_argument("--input", type=Path, help="benchmark an existing N-Triples file instead of generating")
    g.add_argument("--generate-only", action="store_true", help="generate, print statistics and stop")
    m = ap.add_argument_group("measurement")
    m.add_argument("--innograph", metavar="PATH",
                   help="innograph executable (default: .venv/bin/innograph under the repo, else PATH)")
    m.add_argument("--python", default=sys.executable,
                   help="interpreter with rdflib and pyoxigraph for the baselines (default: this one)")
    m.add_argument("--methods", default="innograph,rdflib,oxigraph-bulk,oxigraph-load",
                   help="comma-separated, from: " + ", ".join(METHODS) + " (default: %(default)s)")
    m.add_argument("--repeat", type=int, default=1, metavar="N", help="best of N runs per method (default 1)")
    m.add_argument("--workdir", type=Path, help="where stores go (default: a fresh temp dir, removed after)")
    m.add_argument("--keep", action="store_true", help="keep stores and the generated file")
    m.add_argument("--json", type=Path, metavar="FILE", help="write results as JSON")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    ap.add_argument("--worker-store", help=argparse.SUPPRESS)
    ap.add_argument("--worker-graph", help=argparse.SUPPRESS)
    ap.add_argument("worker_file", nargs="?", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)

    if args.worker:
        _worker(args.worker, args.worker_file, args.worker_store, args.worker_graph)
        return 0
    if args.worker_file:
        ap.error(f"unexpected argument {args.worker_file!r}")
    methods = [s.strip() for s in args.methods.split(",") if s.strip()]
    for mth in methods:
        if mth not in METHODS:
            ap.error(f"unknown method {mth!r}; choose from {', '.join(METHODS)}")
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    counts = {k: getattr(args, k) for k in ("orgs", "people", "projects", "memberships", "grants", "articles")}
    triples = args.triples
    if triples is None and not any(v is not None for v in counts.values()):
        triples = 1_000_000
    if args.input and (args.triples or any(v is not None for v in counts.values())):
        ap.error("--input takes an existing file: drop the generator flags")

    err = lambda *a: print(*a, file=sys.stderr, flush=True)  # noqa: E731
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="innograph-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    report: dict = {"machine": {"python": platform.python_version(), "platform": platform.platform(),
                                "cpus": os.cpu_count()}}
    try:
        if args.input:
            file = args.input.resolve()
            t0 = time.perf_counter()
            file_triples = _count_lines(file)
            report["generator"] = {"input": str(file), "triples": file_triples,
                                   "bytes": file.stat().st_size}
            err(f"input {file}: {file_triples:,} triples (lines), {file.stat().st_size / 2**20:,.1f} MB")
        else:
            file = (args.out or workdir / f"innograph-{triples or 'custom'}-seed{args.seed}.nt").resolve()
            file.parent.mkdir(parents=True, exist_ok=True)
            stats: dict = {}
            err(f"generating {'~' if triples is None else ''}{triples or ''} triples (seed {args.seed}) -> {file}")
            t0 = time.perf_counter()
            file_triples = generate(file, triples=triples, seed=args.seed, stats=stats, **counts)
            gen_s = time.perf_counter() - t0
            size = file.stat().st_size
            report["generator"] = {"file": str(file), "triples": file_triples, "seconds": gen_s,
                                   "triples_per_s": file_triples / gen_s, "bytes": size,
                                   "seed": args.seed, **stats}
            err(f"generated {file_triples:,} triples, {size / 2**20:,.1f} MB "
                f"({size / file_triples:.0f} B/triple) in {gen_s:.1f} s ({file_triples / gen_s:,.0f} triples/s)")
            err("  " + ", ".join(f"{k} {v:,}" for k, v in stats["phases"].items()))
            err(f"  {stats['organizations']:,} organizations ({stats['clusters']} clusters), "
                f"{stats['people']:,} people, {stats['posts']:,} posts, {stats['projects']:,} projects, "
                f"{stats['participations']:,} participations, {stats['places']:,} places")
        if args.generate_only:
            if args.json:
                args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
            print(json.dumps(report["generator"], indent=2, ensure_ascii=False))
            return 0

        graph_iri = file.as_uri()
        innograph = None
        if "innograph" in methods:
            innograph = _find_innograph(args.innograph)
            if innograph and not (os.path.exists(innograph) or shutil.which(innograph)):
                err(f"--innograph {innograph}: no such executable")
                innograph = None
            if innograph is None:
                err("innograph CLI not found: SKIPPING its measurement. Install it, e.g.\n"
                    "  python3 -m venv .venv && .venv/bin/pip install -e .   (then it is picked up "
                    "from .venv/bin/innograph)\n  or pass --innograph /path/to/innograph")
            else:
                innograph = os.path.abspath(innograph) if os.path.exists(innograph) else shutil.which(innograph)
                s = min((_run_child([innograph, "--help"]) for _ in range(3)), key=lambda r: r["wall_s"])
                report["innograph_startup_s"] = s["wall_s"] if s["rc"] == 0 else None
                err(f"innograph: {innograph} (`innograph --help` takes {s['wall_s']:.2f} s, "
                    f"peak RSS {s['peak_rss_mb']:.0f} MB)")

        best: dict[str, dict] = {}
        runs: list[dict] = []
        failed = False
        for run_no in range(1, args.repeat + 1):
            for mth in methods:
                if mth == "innograph" and innograph is None:
                    best[mth] = {"method": mth, "description": METHODS[mth], "skipped": True,
                                 "error": "innograph executable not found"}
                    continue
                err(f"[run {run_no}/{args.repeat}] {mth} ...")
                res = _measure(mth, file=file, file_triples=file_triples, workdir=workdir,
                               python=args.python, innograph=innograph, graph_iri=graph_iri,
                               run_no=run_no, keep=args.keep)
                runs.append(res)
                if res.get("error"):
                    failed = True
                    err(f"  {mth} FAILED: {res['error']}")
                else:
                    err(f"  {res['seconds']:.2f} s, {res['rate']:,.0f} triples/s, peak RSS "
                        f"{res['peak_rss_mb']:,.0f} MB, counted {res.get('count')}")
                    if not res.get("count_ok"):
                        failed = True
                prev = best.get(mth)
                if prev is None or prev.get("error") or (not res.get("error") and res["seconds"] < prev["seconds"]):
                    best[mth] = res
        ordered = [best[mth] for mth in methods if mth in best]
        ratios = _ratios(best)
        report.update(file_triples=file_triples, repeat=args.repeat, results=ordered, runs=runs,
                      ratios=ratios)

        print(f"\nLoad benchmark: {file_triples:,} triples, {file.stat().st_size / 2**20:,.1f} MB N-Triples "
              f"({file.name}), best of {args.repeat}, {os.cpu_count()} CPUs")
        print(_table(ordered, file_triples))
        print("  seconds: in-process load call (store open+load+close) for rdflib/pyoxigraph;")
        print("   * innograph: whole process wall clock, including interpreter start-up and imports"
              + (f" (`innograph --help` alone: {report['innograph_startup_s']:.2f} s)"
                 if report.get("innograph_startup_s") else ""))
        print("  process s: each child's whole wall clock; peak RSS: that child's own maximum RSS;")
        print("  triples (stores): quads counted back in all graphs; rates use the file's triple count")
        for r in ordered:
            if r.get("graphs") is not None and r["method"] == "innograph":
                print(f"  innograph store: {r['named_quads']:,} quads in {r['graphs']} named graph(s), "
                      f"{r['default_triples']:,} in the default graph; {r['extra_triples']:+,} vs the file")
            if r.get("error") and not r.get("skipped"):
                print(f"  {r['method']} error: {r['error']}")
        print()
        for q in ratios:
            if q["ratio"] is None:
                print(f"{q['name']}: not measured (goal >= {q['goal']}x) -> {q['verdict']}")
            else:
                print(f"{q['name']}: {q['ratio']:.2f}x (goal >= {q['goal']}x) -> {q['verdict']}"
                      f"   [whole processes: {q['ratio_process']:.2f}x]")
        if args.json:
            args.json.parent.mkdir(parents=True, exist_ok=True)
            args.json.write_text(json.dumps(report, indent=2, ensure_ascii=False))
            err(f"results written to {args.json}")
        if failed:
            return 3
        return 0 if all(q["verdict"] == "PASS" for q in ratios) else 1
    finally:
        if not args.keep and args.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)  # --out files live elsewhere and stay


if __name__ == "__main__":
    sys.exit(main())
