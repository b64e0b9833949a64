"""Country demonyms (French and English), written from general knowledge for every state, with
their feminine and plural forms: "le président ivoirien X", "la ministre sud-africaine de la Santé
X", "the Kenyan president X" state a post held in the name of that country.

``COUNTRY_OF`` maps each folded form (masculine, feminine, plurals, English adjective) to the
folded names of its country as :data:`innograph.loaders.lexicon.COUNTRIES` writes them;
``COUNTRY_CANON`` maps each of those names to its country's first one.
"""

from __future__ import annotations

from innograph.graph.normalize import unaccented

# country names (folded, "|" between names of one country) : French masculine adjective[/feminine] [English adjective]
_TABLE = """
afghanistan: afghan afghan
afrique du sud|south africa: sud-africain south-african
albanie|albania: albanais albanian
algerie|algeria: algerien algerian
allemagne|germany: allemand german
angola: angolais angolan
arabie saoudite|saudi arabia: saoudien saudi
argentine|argentina: argentin argentinian
armenie|armenia: armenien armenian
australie|australia: australien australian
autriche|austria: autrichien austrian
azerbaidjan|azerbaijan: azerbaidjanais azerbaijani
bahrein|bahrain: bahreini/bahreinie bahraini
bangladesh: bangladais bangladeshi
belgique|belgium: belge belgian
benin: beninois beninese
bielorussie|belarus: bielorusse belarusian
birmanie|myanmar: birman burmese
bolivie|bolivia: bolivien bolivian
bosnie herzegovine|bosnia and herzegovina: bosnien bosnian
botswana: botswanais botswanan
bresil|brazil: bresilien brazilian
bulgarie|bulgaria: bulgare bulgarian
burkina faso: burkinabe burkinabe
burundi: burundais burundian
cambodge|cambodia: cambodgien cambodian
cameroun|cameroon: camerounais cameroonian
canada: canadien canadian
cap vert|cape verde: capverdien cape-verdean
centrafrique|republique centrafricaine|central african republic: centrafricain central-african
chili|chile: chilien chilean
chine|china: chinois chinese
chypre|cyprus: chypriote cypriot
colombie|colombia: colombien colombian
comores|comoros: comorien comorian
congo|republique du congo: congolais congolese
republique democratique du congo|rdc|rd congo|rdcongo|drc|democratic republic of the congo: congolais congolese
coree du sud|south korea: sud-coreen south-korean
coree du nord|north korea: nord-coreen north-korean
costa rica: costaricien costa-rican
cote d ivoire|ivory coast: ivoirien ivorian
croatie|croatia: croate croatian
cuba: cubain cuban
danemark|denmark: danois danish
djibouti: djiboutien djiboutian
egypte|egypt: egyptien egyptian
emirats arabes unis|united arab emirates|uae: emirati/emiratie emirati
equateur|ecuador: equatorien ecuadorian
erythree|eritrea: erythreen eritrean
espagne|spain: espagnol spanish
estonie|estonia: estonien estonian
eswatini|swaziland: swazi swazi
etats unis|united states|usa: americain american
etiopie|ethiopie|ethiopia: ethiopien ethiopian
finlande|finland: finlandais finnish
france: francais french
gabon: gabonais gabonese
gambie|gambia: gambien gambian
georgie|georgia: georgien georgian
ghana: ghaneen ghanaian
grece|greece: grec/grecque greek
guatemala: guatemalteque guatemalan
guinee|guinea: guineen guinean
guinee bissau|guinea bissau: bissau-guineen bissau-guinean
guinee equatoriale|equatorial guinea: equato-guineen equatoguinean
haiti: haitien haitian
honduras: hondurien honduran
hongrie|hungary: hongrois hungarian
inde|india: indien indian
indonesie|indonesia: indonesien indonesian
irak|iraq: irakien iraqi
iran: iranien iranian
irlande|ireland: irlandais irish
islande|iceland: islandais icelandic
israel: israelien israeli
italie|italy: italien italian
jamaique|jamaica: jamaicain jamaican
japon|japan: japonais japanese
jordanie|jordan: jordanien jordanian
kazakhstan: kazakh kazakh
kenya: kenyan kenyan
kirghizistan|kyrgyzstan: kirghiz kyrgyz
kosovo: kosovar kosovar
koweit|kuwait: koweitien kuwaiti
laos: laotien laotian
lesotho: lesothan basotho
lettonie|latvia: letton/lettone latvian
liban|lebanon: libanais lebanese
liberia: liberien liberian
libye|libya: libyen libyan
lituanie|lithuania: lituanien lithuanian
luxembourg: luxembourgeois luxembourgish
macedoine du nord|north macedonia: macedonien macedonian
madagascar: malgache malagasy
malaisie|malaysia: malaisien malaysian
malawi: malawite malawian
mali: malien malian
malte|malta: maltais maltese
maroc|morocco: marocain moroccan
maurice|mauritius: mauricien mauritian
mauritanie|mauritania: mauritanien mauritanian
mexique|mexico: mexicain mexican
moldavie|moldova: moldave moldovan
mongolie|mongolia: mongol mongolian
montenegro: montenegrin montenegrin
mozambique: mozambicain mozambican
namibie|namibia: namibien namibian
nepal: nepalais nepalese
nicaragua: nicaraguayen nicaraguan
niger: nigerien nigerien
nigeria: nigerian nigerian
norvege|norway: norvegien norwegian
nouvelle zelande|new zealand: neo-zelandais new-zealander
oman: omanais omani
ouganda|uganda: ougandais ugandan
ouzbekistan|uzbekistan: ouzbek uzbek
pakistan: pakistanais pakistani
palestine: palestinien palestinian
panama: panameen panamanian
paraguay: paraguayen paraguayan
pays bas|netherlands: neerlandais dutch
perou|peru: peruvien peruvian
philippines: philippin filipino
pologne|poland: polonais polish
portugal: portugais portuguese
qatar: qatari/qatarie qatari
roumanie|romania: roumain romanian
royaume uni|united kingdom|uk|grande bretagne|great britain: britannique british
russie|russia: russe russian
rwanda: rwandais rwandan
salvador|el salvador: salvadorien salvadoran
senegal: senegalais senegalese
serbie|serbia: serbe serbian
seychelles: seychellois seychellois
sierra leone: sierra-leonais sierra-leonean
singapour|singapore: singapourien singaporean
slovaquie|slovakia: slovaque slovak
slovenie|slovenia: slovene slovenian
somalie|somalia: somalien somali
soudan|sudan: soudanais sudanese
soudan du sud|south sudan: sud-soudanais south-sudanese
sri lanka: sri-lankais sri-lankan
suede|sweden: suedois swedish
suisse|switzerland: suisse swiss
syrie|syria: syrien syrian
tadjikistan|tajikistan: tadjik tajik
taiwan: taiwanais taiwanese
tanzanie|tanzania: tanzanien tanzanian
tchad|chad: tchadien chadian
republique tcheque|tchequie|czech republic|czechia: tcheque czech
thailande|thailand: thailandais thai
togo: togolais togolese
tunisie|tunisia: tunisien tunisian
turkmenistan: turkmene turkmen
turquie|turkey: turc/turque turkish
ukraine: ukrainien ukrainian
uruguay: uruguayen uruguayan
venezuela: venezuelien venezuelan
vietnam|viet nam: vietnamien vietnamese
yemen: yemenite yemeni
zambie|zambia: zambien zambian
zimbabwe: zimbabween zimbabwean
union sovietique|urss|soviet union|ussr: sovietique soviet
yougoslavie|yugoslavia: yougoslave yugoslav
tchecoslovaquie|czechoslovakia: tchecoslovaque czechoslovak
zaire: zairois zairean
rhodesie|rhodesia: rhodesien rhodesian
allemagne de l est|rda|east germany: est-allemand east-german
allemagne de l ouest|rfa|west germany: ouest-allemand west-german
timor oriental|east timor: timorais timorese
"""


def _feminine(masc: str) -> str:
    for end, fem in (("ien", "ienne"), ("een", "eenne"), ("e", "e"), ("c", "que")):
        if masc.endswith(end):
            return masc[: len(masc) - len(end)] + fem
    return masc + "e"


def _plural(form: str) -> str:
    return form if form.endswith(("s", "x")) else form + "s"


def _table() -> dict[str, frozenset]:
    country_of: dict[str, frozenset] = {}
    for line in _TABLE.strip().splitlines():
        names, forms = line.split(":")
        masc_fem, english = forms.split()
        masc, _, fem = masc_fem.partition("/")
        fem = fem or _feminine(masc)
        keys = frozenset(n.strip() for n in names.split("|"))
        for form in {masc, fem, _plural(masc), _plural(fem), english, english + "s"}:
            for variant in (form, form.replace("-", " ")):
                country_of[variant] = country_of.get(variant, frozenset()) | keys  # ("congolais": either Congo)
    return country_of


def _canon() -> dict[str, str]:
    return {name.strip(): line.split(":")[0].split("|")[0].strip()
            for line in _TABLE.strip().splitlines() for name in line.split(":")[0].split("|")}


#: Folded demonym (any gender and number, French or English, "sud-africaine", "kenyans") -> the
#: folded names of its country.
COUNTRY_OF = _table()
#: Each folded name of a country -> the first name of its line: the names of one country said in
#: several ways in one article ("la RDC", "la RD Congo"; "le Royaume-Uni", "la Grande-Bretagne") are one.
COUNTRY_CANON = _canon()


def nationality(word: str) -> bool:
    """Whether `word` is a nationality, whatever its case and accents ("Burkinabè", "Sénégalaise")."""
    return unaccented(word).lower() in COUNTRY_OF

#: Titles held in a country's name: with a demonym ("le président ivoirien", "the Kenyan
#: minister") they are a post of that country; other titles with a demonym ("un analyste
#: français") only say a nationality.
GOVERNMENT_TITLES = frozenset(
    "president presidente presidents presidentes ministre ministres minister ministers ambassadeur ambassadrice "
    "ambassadeurs ambassador ambassadors secretaire secretary dirigeant dirigeante dirigeants leader leaders roi reine "
    "king queen chancelier chanceliere chancellor premier prime negociateur negociatrice negotiator envoye envoyee "
    "envoy vice-president vice-presidente vice-president chef head monarque monarch emir sultan "
    "procureur procureure commissaire commissioner gouvernement government consul consule consuls emissaire".split()
)
