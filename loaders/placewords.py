"""Places in words (folded): the world's countries and the continents, which are actors or no
organization's name alone, the nouns of kinds of places, and the demonyms of French cities and regions and of some English-speaking
cities ("rouennais" → Rouen). Re-exported by :mod:`.lexicon`, where the loaders read them.
"""

from __future__ import annotations

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


#: Continents (French and English names, folded): places no organization is named after alone.
CONTINENTS = frozenset(("afrique africa europe asie asia amerique america oceanie oceania antarctique antarctica "
                        "eurasie eurasia").split())


#: Nouns of kinds of places (folded, French and English): a town, a division or a form of a state, a
#: feature of the land or the water, a built place. Capitalised, one starts a place's name ("la Vallée
#: X", "le Stade Y") or ends one after a country's name ("X City", "Y State").
PLACE_NOUNS = frozenset(("ville city town region province state etat etats county district republique royaume "
                         "ile iles island islands peninsule corne golfe bay baie mer ocean lac lake riviere river "
                         "fleuve vallee valley mont monts mountains plateau desert cote coast "
                         "stade palais place square pont aeroport gare port parc").split())


#: Countries (French and English names, folded): places that are also actors when they fund, join
#: or sign ("le Ghana a obtenu un prêt", "Morocco joined the union"). A list of the world's states.
COUNTRIES = frozenset(
    (
        "afghanistan|afrique du sud|south africa|albanie|albania|algerie|algeria|allemagne|germany|andorre|andorra|"
        "angola|arabie saoudite|saudi arabia|argentine|argentina|armenie|armenia|australie|australia|autriche|austria|"
        "azerbaidjan|azerbaijan|bahamas|bahrein|bahrain|bangladesh|barbade|barbados|belgique|belgium|belize|benin|"
        "bhoutan|bhutan|bielorussie|belarus|birmanie|myanmar|bolivie|bolivia|bosnie herzegovine|bosnia and herzegovina|"
        "botswana|bresil|brazil|brunei|bulgarie|bulgaria|burkina faso|burundi|cambodge|cambodia|cameroun|cameroon|"
        "canada|cap vert|cape verde|centrafrique|republique centrafricaine|central african republic|chili|chile|chine|"
        "china|chypre|cyprus|colombie|colombia|comores|comoros|congo|republique du congo|republique democratique du congo|"
        "rdc|rdcongo|rd congo|democratic republic of the congo|drc|coree du sud|south korea|coree du nord|north korea|costa rica|"
        "cote d ivoire|ivory coast|croatie|croatia|cuba|danemark|denmark|djibouti|dominique|dominica|egypte|egypt|"
        "emirats arabes unis|united arab emirates|uae|equateur|ecuador|erythree|eritrea|espagne|spain|estonie|estonia|"
        "eswatini|swaziland|etats unis|united states|usa|etiopie|ethiopie|ethiopia|fidji|fiji|finlande|finland|france|"
        "gabon|gambie|gambia|georgie|georgia|ghana|grece|greece|grenade|grenada|guatemala|guinee|guinea|guinee bissau|"
        "guinea bissau|guinee equatoriale|equatorial guinea|guyana|haiti|honduras|hongrie|hungary|inde|india|indonesie|"
        "indonesia|irak|iraq|iran|irlande|ireland|islande|iceland|israel|italie|italy|jamaique|jamaica|japon|japan|"
        "jordanie|jordan|kazakhstan|kenya|kirghizistan|kyrgyzstan|kiribati|kosovo|koweit|kuwait|laos|lesotho|lettonie|"
        "latvia|liban|lebanon|liberia|libye|libya|liechtenstein|lituanie|lithuania|luxembourg|macedoine du nord|"
        "north macedonia|madagascar|malaisie|malaysia|malawi|maldives|mali|malte|malta|maroc|morocco|maurice|mauritius|"
        "mauritanie|mauritania|mexique|mexico|moldavie|moldova|monaco|mongolie|mongolia|montenegro|mozambique|namibie|"
        "namibia|nauru|nepal|nicaragua|niger|nigeria|norvege|norway|nouvelle zelande|new zealand|oman|ouganda|uganda|"
        "ouzbekistan|uzbekistan|pakistan|palestine|panama|papouasie nouvelle guinee|papua new guinea|paraguay|"
        "pays bas|netherlands|perou|peru|philippines|pologne|poland|portugal|qatar|roumanie|romania|royaume uni|"
        "united kingdom|uk|grande bretagne|great britain|russie|russia|rwanda|salvador|el salvador|samoa|"
        "sao tome et principe|sao tome and principe|senegal|serbie|serbia|seychelles|sierra leone|singapour|singapore|"
        "slovaquie|slovakia|slovenie|slovenia|somalie|somalia|soudan|sudan|soudan du sud|south sudan|sri lanka|suede|"
        "sweden|suisse|switzerland|suriname|syrie|syria|tadjikistan|tajikistan|taiwan|tanzanie|tanzania|tchad|chad|"
        "republique tcheque|tchequie|czech republic|czechia|thailande|thailand|timor oriental|east timor|togo|tonga|"
        "trinite et tobago|trinidad and tobago|tunisie|tunisia|turkmenistan|turquie|turkey|tuvalu|ukraine|uruguay|"
        "vanuatu|venezuela|vietnam|viet nam|yemen|zambie|zambia|zimbabwe|"
        # states of the last century, still named as actors in history ("l'URSS a signé")
        "union sovietique|urss|soviet union|ussr|yougoslavie|yugoslavia|tchecoslovaquie|czechoslovakia|"
        "zaire|rhodesie|rhodesia|allemagne de l est|rda|east germany|allemagne de l ouest|rfa|west germany"
    ).split("|")
)

_US_STATES = """Alabama AL Ala.|Alaska AK|Arizona AZ Ariz.|Arkansas AR Ark.|California CA Calif.|Colorado CO Colo.|
Connecticut CT Conn.|Delaware DE Del.|District of Columbia DC D.C.|Florida FL Fla.|Georgia GA Ga.|Hawaii HI|Idaho ID|
Illinois IL Ill.|Indiana IN Ind.|Iowa IA|Kansas KS Kan.|Kentucky KY Ky.|Louisiana LA La.|Maine ME|Maryland MD Md.|
Massachusetts MA Mass.|Michigan MI Mich.|Minnesota MN Minn.|Mississippi MS Miss.|Missouri MO Mo.|Montana MT Mont.|
Nebraska NE Neb.|Nevada NV Nev.|New Hampshire NH N.H.|New Jersey NJ N.J.|New Mexico NM N.M.|New York NY N.Y.|
North Carolina NC N.C.|North Dakota ND N.D.|Ohio OH|Oklahoma OK Okla.|Oregon OR Ore.|Pennsylvania PA Pa.|
Rhode Island RI R.I.|South Carolina SC S.C.|South Dakota SD S.D.|Tennessee TN Tenn.|Texas TX|Utah UT|Vermont VT Vt.|
Virginia VA Va.|Washington WA Wash.|West Virginia WV W.Va.|Wisconsin WI Wis.|Wyoming WY Wyo."""


def _us_states() -> dict[str, str]:
    out = {}
    for line in _US_STATES.replace("\n", "").split("|"):
        codes = [w for w in line.split() if w.isupper() or "." in w]
        out.update(dict.fromkeys(codes, " ".join(w for w in line.split() if w not in codes)))
    return out


#: The states of the United States (and its capital district) by the postal code and the newswire
#: abbreviation an English text writes after a town ("Haverhill, MA", "McLean, Va.") -> the name.
US_STATES = _us_states()
