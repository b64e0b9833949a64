"""French membership lists and seats read by the rules alone (the trained model switched off):
"<Org> regroupe / est composée de A, B et C", "les (pays) membres de <Org>, dont A et B",
"<Org>, dont le siège est à <Place>", "<Org> a son siège à <Place>", "<Org>, un X basé en <Place>".
Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs as facts  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text, group, members", [
    ("L'Alliance sahélienne regroupe le Mali, le Niger et le Burkina Faso.",
     "Alliance sahélienne", {"Mali", "Niger", "Burkina Faso"}),
    ("L'Union des ports du Nord est composée de la Norvège, de la Suède et du Danemark.",
     "Union des ports du Nord", {"Norvège", "Suède", "Danemark"}),
    ("Les pays membres de l'Union monétaire de l'Ouest, dont le Sénégal et le Mali, ont voté.",
     "Union monétaire de l'Ouest", {"Sénégal", "Mali"}),
    ("Les membres de la Fédération bancaire, dont BNP Paribas et Crédit Agricole, ont voté contre.",
     "Fédération bancaire", {"BNP Paribas", "Crédit Agricole"}),
    ("Les pays du groupe Velcor (Pérou, Bolivie et Équateur) ont signé.", "Velcor", {"Pérou", "Bolivie", "Équateur"}),
    ("Trois pays de l'Organisation des États andins, à savoir le Pérou, la Bolivie et l'Équateur, ont voté.",
     "Organisation des États andins", {"Pérou", "Bolivie", "Équateur"}),
    ("Les 12 pays producteurs de cacao de l'Organisation du cacao (qui comprend également le Ghana) se réunissent.",
     "Organisation du cacao", {"Ghana"}),
    ("Les pays membres de l'Union douanière du Golfe, à savoir le Qatar, Oman et le Koweït, ont voté.",
     "Union douanière du Golfe", {"Qatar", "Oman", "Koweït"}),
    ("L'Union des ports du Sud est composée du Portugal, de l'Espagne et de la Grèce.",
     "Union des ports du Sud", {"Portugal", "Espagne", "Grèce"}),
    ("L'Union douanière du Golfe compte six pays membres, dont le Qatar et Oman.", "Union douanière du Golfe",
     {"Qatar", "Oman"}),
    ("Le Qatar, Oman et le Koweït, membres de la Ligue du Golfe, ont fermé leurs frontières.",
     "Ligue du Golfe", {"Qatar", "Oman", "Koweït"}),
    ("Paul Varga et Jean Dutronc, tous deux membres du Rassemblement civique, ont été arrêtés.",
     "Rassemblement civique", {"Paul Varga", "Jean Dutronc"}),
])
def test_every_name_of_a_member_list_is_a_member(text, group, members):
    assert facts(text, "member_of") == {(m, group) for m in members}


def test_a_list_verb_with_no_list_of_names_gives_no_member():
    assert not facts("L'Alliance sahélienne regroupe ses activités à Niamey et à Bamako.", "member_of")


def test_the_minister_of_a_country_is_no_member_in_the_countrys_name():
    assert ("Ghana", "Ligue du Golfe") not in facts("Le ministre du Ghana, membre de la Ligue du Golfe, a parlé.", "member_of")


def test_a_member_belongs_to_the_body_its_noun_names_not_to_a_further_one():
    found = facts("Lucie Varenne, membre de l'Alliance Corvane, a présenté le rapport lundi.", "member_of")
    assert ("Lucie Varenne", "Alliance Corvane") in found
    found = facts("Lucie Varenne, membre du comité d'éthique de l'Institut Bellarive, a présenté le rapport lundi.", "member_of")
    assert ("Lucie Varenne", "Institut Bellarive") not in found


def test_countries_listed_after_a_region_are_no_members():
    assert not facts("Les pays d'Afrique de l'Ouest (Ghana, Togo et Bénin) ont fermé leurs frontières.", "member_of")


@pytest.mark.parametrize("text, org, place", [
    ("L'Organisation mondiale du commerce, dont le siège est à Genève, a publié un rapport.",
     "Organisation mondiale du commerce", "Genève"),
    ("La Banque mondiale a son siège à Washington.", "Banque mondiale", "Washington"),
    ("Le groupe Carrefour, un distributeur basé en France, a ouvert un magasin.", "Carrefour", "France"),
])
def test_an_organizations_seat(text, org, place):
    assert facts(text, "located_in") == {(org, place)}


def test_someone_based_somewhere_places_no_organization():
    assert not facts("Le Mali a quitté la Banque mondiale, selon un journaliste basé à Dakar.", "located_in")


def test_based_after_an_organization_completing_a_noun_is_said_of_the_noun():
    """'un ancien officier de la Stasi basé en Saxe': the officer is based there (no comma)."""
    from innograph.loaders.cues import completes_a_noun

    assert completes_a_noun("Selon lui, un ancien officier de la ")
    assert completes_a_noun("Un ingénieur du groupe ")
    assert not completes_a_noun("Le groupe ")


@pytest.mark.parametrize("text", [
    "Un ingénieur du groupe Valtec basé à Lyon a présenté le robot.",
    "Une chercheuse de l'institut Orvane installée à Nantes a publié l'étude.",
])
def test_a_person_based_somewhere_does_not_place_the_organization_they_work_for(text):
    assert not facts(text, "located_in")


def test_an_organization_based_somewhere_is_still_placed_there():
    assert facts("La société Nexora basée à Lisbonne recrute des ingénieurs.", "located_in") == {("Nexora", "Lisbonne")}


@pytest.mark.parametrize("text, group, members", [
    ("Le Portugal et l'Irlande sont membres de l'Union européenne.", "Union européenne", {"Portugal", "Irlande"}),
    ("Le Mali et le Niger, qui sont tous deux membres de la Cédéao, ont protesté.", "Cédéao", {"Mali", "Niger"}),
    ("Membre de l'Union africaine depuis 1963, le Ghana soutient la réforme.", "Union africaine", {"Ghana"}),
    ("Le Kenya, membre de la Communauté d'Afrique de l'Est, a voté.", "Communauté d'Afrique de l'Est", {"Kenya"}),
    ("Le Soudan est devenu membre de la Ligue du Nil en 1956.", "Ligue du Nil", {"Soudan"}),
])
def test_countries_and_organizations_that_are_members(text, group, members):
    assert {(m, group) for m in members} <= facts(text, "member_of")


def test_an_organization_joining_a_named_group():
    text = "La société Kelmar Industries a rejoint le pôle de compétitivité Norvalis Technologies en 2020."
    assert facts(text, "member_of") == {("Kelmar Industries", "Norvalis Technologies")}


@pytest.mark.parametrize("text", [
    # the group is no close complement of the verb
    "La société Kelmar Industries a rejoint cette vague en lançant un service avec Norvalis Technologies.",
    # the member is the person named after the organization, not the organization
    "Kelmar Industries a gelé ses achats et M. Paul Varga a quitté son siège de membre du conseil de "
    "Norvalis Technologies.",
])
def test_no_membership_of_the_organization_named_first(text):
    assert ("Kelmar Industries", "Norvalis Technologies") not in facts(text, "member_of")


def test_a_relative_clause_on_coordinated_countries_makes_each_a_member():
    text = ("La Bolivie veut un statut neutre, à l'instar du Portugal ou de la Grèce, qui sont toutes deux membres "
            "de l'Union européenne.")
    assert facts(text, "member_of") == {("Portugal", "Union européenne"), ("Grèce", "Union européenne")}


@pytest.mark.parametrize("text, expected", [
    ("Marie Dubois, qui fait partie du collectif Avenir Citoyen, a été arrêtée.", ("Marie Dubois", "Avenir Citoyen")),
    ("Le Togo fait partie de la Communauté des États du Golfe.", ("Togo", "Communauté des États du Golfe")),
    ("Le Parti du Progrès, auquel Jean Morel appartenait, a perdu les élections.", ("Jean Morel", "Parti du Progrès")),
    ("La Norvège est l'un des cinq membres fondateurs de l'Alliance du Nord.", ("Norvège", "Alliance du Nord")),
])
def test_being_part_of_belonging_to_or_one_of_the_members_is_membership(text, expected):
    assert expected in facts(text, "member_of")


@pytest.mark.parametrize("text", [
    "Le Togo fait partie du groupe A avec le Ghana.",  # a group of a draw
    "Paul Kamga fait partie de l'équipe du FC Kalamba.",  # a player: a post, not a membership
    "La société Nordiva appartient au groupe Helix Holding.",  # ownership
    "Paul Kamga, un étudiant qui fait partie du groupe retenu près de la gare de Kalamba, a témoigné.",
])
def test_a_draw_a_team_an_owner_or_a_crowd_is_no_membership(text):
    assert not facts(text, "member_of")


@pytest.mark.parametrize("text, expected", [
    ("La Bolivie a été suspendue de l'Union sud-américaine des nations en mars.",
     {("Bolivie", "Union sud-américaine des nations")}),
    ("La Communauté andine a suspendu la Bolivie de ses instances.", {("Bolivie", "Communauté andine")}),
    ("En 2004, Karim Sall quitte le Parti démocratique nordique.", {("Karim Sall", "Parti démocratique nordique")}),
    ("La Bolivie quittait le bloc de la Communauté andine.", {("Bolivie", "Communauté andine")}),
])
def test_leaving_or_being_suspended_from_a_body_was_membership(text, expected):
    assert facts(text, "member_of") == expected


@pytest.mark.parametrize("text", [
    "Le gouvernement bolivien a suspendu la radio Telmar FM.",  # a ban of a company
    "Karim Sall a été suspendu par la Fédération andine de football.",  # a ban of a person
    "La Bolivie a été exclue de la Coupe andine de football.",  # a competition
    "Karim Sall a quitté le club Deportivo Kelmar en 2010.",  # a club: a post, read elsewhere
])
def test_a_ban_a_competition_or_a_club_left_is_no_membership(text):
    assert not facts(text, "member_of")


@pytest.mark.parametrize("text, group, members", [
    ("Le Pérou et la Bolivie, deux pays de la Communauté andine, ont voté contre.",
     "Communauté andine", {"Pérou", "Bolivie"}),
    ("Le Pérou, la Bolivie et l'Équateur, trois membres de la Communauté andine, ont signé le texte.",
     "Communauté andine", {"Pérou", "Bolivie", "Équateur"}),
    ("Le Pérou, l'un des membres fondateurs de la Communauté andine, a menacé de partir.",
     "Communauté andine", {"Pérou"}),
    ("Les pays de la Communauté andine, dont le Pérou et la Bolivie, ont voté contre.",
     "Communauté andine", {"Pérou", "Bolivie"}),
    ("Parmi les membres de la Communauté andine figurent le Pérou, la Bolivie et l'Équateur.",
     "Communauté andine", {"Pérou", "Bolivie", "Équateur"}),
    ("La Communauté andine regroupe quatre pays, dont le Pérou et la Bolivie.",
     "Communauté andine", {"Pérou", "Bolivie"}),
    ("Le Pérou, la Bolivie et l'Équateur ont quitté la Communauté andine en mars.",
     "Communauté andine", {"Pérou", "Bolivie", "Équateur"}),
    ("Le Pérou et la Bolivie font partie de la Communauté andine.", "Communauté andine", {"Pérou", "Bolivie"}),
    ("La Bolivie est devenue le cinquième membre de la Communauté andine.", "Communauté andine", {"Bolivie"}),
])
def test_counted_apposed_and_plural_memberships(text, group, members):
    assert facts(text, "member_of") == {(m, group) for m in members}


@pytest.mark.parametrize("text", [
    "Le Pérou et la Bolivie, deux pays d'Amérique du Sud, ont voté contre.",  # a region, no body
    "Les présidents du Pérou et de la Bolivie ont quitté la Communauté andine hier soir.",  # persons left a meeting
    "Le Pérou et la Bolivie ont quitté Lima pour Genève.",  # places
])
def test_a_region_or_the_heads_of_countries_make_no_counted_membership(text):
    assert not facts(text, "member_of")


@pytest.mark.parametrize("text, group, members", [
    ("La Communauté andine, dont le Pérou est membre, a voté contre.", "Communauté andine", {"Pérou"}),
    ("La Communauté andine, dont font partie le Pérou et la Bolivie, a voté contre.",
     "Communauté andine", {"Pérou", "Bolivie"}),
    ("La Communauté andine, dont le Pérou et la Bolivie sont tous deux membres, a voté contre.",
     "Communauté andine", {"Pérou", "Bolivie"}),
    ("Le Pérou, pays membre de la Communauté andine, a voté contre.", "Communauté andine", {"Pérou"}),
    ("Le Pérou, État membre de la Communauté andine, a voté contre.", "Communauté andine", {"Pérou"}),
])
def test_members_named_in_a_dont_clause_or_by_an_apposed_member_country(text, group, members):
    assert facts(text, "member_of") == {(m, group) for m in members}


@pytest.mark.parametrize("text", [
    "La Fédération andine, dont Paul Varga est membre du conseil, a voté contre.",  # a member of its council
    "La Communauté andine, dont le Pérou a quitté la présidence, a voté contre.",  # no membership verb
])
def test_a_dont_clause_without_a_plain_membership_makes_no_member(text):
    assert not facts(text, "member_of")


def test_an_organizations_own_seat_is_no_membership():
    assert not facts("La Banque Orvane a son siège au Luxembourg.", "member_of")


@pytest.mark.parametrize("text, language, member, group", [
    ("Chris Dorval is the managing partner and a founding member of Velmar Robinson & Ellis, LLP.", "en",
     "Chris Dorval", "Velmar Robinson & Ellis"),
    ("Paul Dorval was a founding member of the Korvale Society.", "en", "Paul Dorval", "Korvale Society"),
    ("Paul Dorval, membre fondateur de l'Alliance Korvale, a parlé hier.", "fr", "Paul Dorval", "Alliance Korvale"),
])
def test_a_founding_member_is_a_member_and_a_founder(text, language, member, group):
    assert (member, group) in facts(text, "member_of", language)
    assert (group, member) in facts(text, "created_by", language)


@pytest.mark.parametrize("text, kind, pair", [
    # a title coordinated with the English copula's complement shares its subject
    ("Paul Dorval is a British businessman and the founder of Velmar Industries.", "created_by",
     ("Velmar Industries", "Paul Dorval")),
    ("Paul Dorval is a businessman and the chairman of Velmar Industries.", "holds_post", ("Paul Dorval", "Velmar Industries")),
])
def test_a_title_coordinated_with_a_copulas_complement(text, kind, pair):
    assert pair in facts(text, kind, "en")


@pytest.mark.parametrize("text, language", [
    ("Le Maroc refuse que la Norvège et l'Islande rejoignent l'Organisation des ports du Nord.", "fr"),
    ("La Norvège souhaite rejoindre l'Organisation des ports du Nord.", "fr"),
    ("Norway wants to join the Northern Ports Organization.", "en"),
])
def test_a_joining_wished_feared_or_refused_is_no_membership(text, language):
    assert not facts(text, "member_of", language)


@pytest.mark.parametrize("text, language, member", [
    ("La Norvège a rejoint l'Organisation des ports du Nord en 2024.", "fr", "Norvège"),
    ("Norway joined the Northern Ports Organization in 2024.", "en", "Norway"),
])
def test_a_joining_done_is_a_membership(text, language, member):
    assert {m for m, _ in facts(text, "member_of", language)} == {member}


def test_member_states_are_a_common_noun_not_a_member():
    found = facts("L'Alliance sahélienne compte neuf États membres, dont le Tchad et le Niger.", "member_of")
    assert found == {("Tchad", "Alliance sahélienne"), ("Niger", "Alliance sahélienne")}


@pytest.mark.parametrize("text, member, group", [
    ("Le Maroc a réintégré l'Union des ports du Nord en 2017.", "Maroc", "Union des ports du Nord"),
    ("Le Tchad et le Niger adhéreront à l'Alliance sahélienne l'an prochain.", "Tchad", "Alliance sahélienne"),
    ("Selon le communiqué, la Norvège et la Suède rejoindront l'Union des ports du Nord en 2027.", "Norvège", "Union des ports du Nord"),
])
def test_every_form_of_a_joining_verb_is_a_joining(text, member, group):
    assert (member, group) in facts(text, "member_of")
