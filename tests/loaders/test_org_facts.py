"""Organization facts that are not stated, whatever the cue words say (the rules alone): a seat
read from a title's complement, money read from an interview, a short form read as a place.
Every sentence and name here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs as facts  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text", [
    "Le Centre Horizon a rappelé ces chiffres dans une interview accordée à Radio Lumière.",
    '"Nous avons tout essayé", explique Marc Tellier, professeur à l\'université de Lorraine, '
    "dans un entretien accordé à Radio Lumière.",
])
def test_an_interview_given_to_a_medium_is_no_funding(text):
    assert not facts(text, "funds")


def test_a_loan_granted_is_funding():
    assert facts("La Banque du Sahel a accordé un prêt de 3 millions d'euros à la société Agritech Sahel.",
                 "funds") == {("Banque du Sahel", "Agritech Sahel")}


def test_the_place_after_a_titles_organization_is_the_persons():
    text = "Le correspondant de Radio Lumière à Dakar, Jean Dutronc, a démissionné."
    assert facts(text, "holds_post") == {("Jean Dutronc", "Radio Lumière")}
    assert not facts(text, "located_in")


def test_a_university_named_before_its_town_is_there_even_after_a_title():
    text = "Le chercheur de l'université de Lorraine à Nancy, Jean Dutronc, a publié une étude."
    assert ("université de Lorraine", "Nancy") in facts(text, "located_in")


@pytest.mark.parametrize("short, name, spelled", [
    ("fav", "Fédération africaine de volley", True),
    ("uemf", "Union économique et monétaire du Fleuve", True),
    ("oslo", "Office scandinave des loisirs", False),   # the last letter starts no word: a town
    ("dakar", "Banque du Sahel", False),
    ("bs", "Banque du Sahel", True),
])
def test_a_short_form_spells_the_names_initials(short, name, spelled):
    from innograph.loaders.syntaxseats import spells_initials

    assert spells_initials(short, name) is spelled


def test_clubs_of_a_match_report_are_in_the_countries_after_them():
    text = "En demi-finale, Kalemba (Bénin) a battu Tamba (Togo) 2-1."
    assert facts(text, "located_in") == {("Kalemba", "Bénin"), ("Tamba", "Togo")}


@pytest.mark.parametrize("text", [
    "Le match s'est joué à Kalemba (Bénin) devant 20 000 spectateurs.",   # a town, after "à"
    "Kalemba (Bénin) et Tamba (Togo) sont deux villes frontalières.",      # no match report
])
def test_a_town_and_its_country_is_no_clubs_seat(text):
    assert not facts(text, "located_in")


@pytest.mark.parametrize("text, person, party", [
    ("Paul Morvan, député du parti Renouveau national, a voté contre.", "Paul Morvan", "parti Renouveau national"),
    ("Paul Morvan a rejoint le parti Renouveau national en 2010.", "Paul Morvan", "Renouveau national"),
])
def test_a_members_place_in_a_party_is_a_membership(text, person, party):
    assert facts(text, "member_of") == {(person, party)}
    assert not facts(text, "holds_post")


def test_a_party_leader_keeps_the_post():
    text = "Paul Morvan, le président du parti Renouveau national, a voté contre."
    assert ("Paul Morvan", "parti Renouveau national") in facts(text, "holds_post")
    assert not facts(text, "member_of")


def test_a_deputy_of_a_parliament_keeps_the_post():
    text = "Paul Morvan, député de l'Assemblée nationale du Kalindor, a voté contre."
    assert not facts(text, "member_of")


def test_a_speaker_after_the_members_of_a_group_is_no_member():
    assert not facts("Selon les militants du Rassemblement civique, Paul Varga a menti.", "member_of")


@pytest.mark.parametrize("text, funder, item", [
    ("En 2019, le Canada a accordé une aide de 12 millions de dollars au Niger.", "Canada", "Niger"),
    ("La Banque du Sahel a octroyé 2 millions d'euros au Kenya.", "Banque du Sahel", "Kenya"),
    ("L'Union européenne a alloué 40 millions d'euros au Niger pour la santé.", "Union européenne", "Niger"),
])
def test_money_granted_to_a_country_or_an_organization_funds_it(text, funder, item):
    assert facts(text, "funds") == {(funder, item)}


@pytest.mark.parametrize("text", [
    "Le club lyonnais a payé 35 millions d'euros à Séville pour ce transfert.",       # a price paid
    "La Banque du Sahel a accordé un délai de 3 mois au Kenya.",                     # no money
])
def test_a_sum_paid_or_a_delay_granted_is_no_funding(text):
    assert not facts(text, "funds")


@pytest.mark.parametrize("text", [
    "La société Orvane a versé 20 millions d'euros à la société Agrinova pour le rachat de ses usines.",
    "Le FC Tamba a versé 20 millions d'euros au Racing Vélo pour le transfert du défenseur.",
])
def test_a_price_paid_between_organizations_is_no_funding(text):
    assert not facts(text, "funds")


@pytest.mark.parametrize("text", [
    "Elle dirige les recherches de l'ONG Orvane Center for Clean Water in Africa.",
    "Elle dirige les recherches du Kalemba Institute for Water in Africa.",
])
def test_in_inside_an_english_name_of_a_french_sentence_is_no_seat(text):
    assert not facts(text, "located_in")


def test_english_in_after_a_research_centre_is_its_seat():
    assert facts("The Orvane Center in Boston hired ten engineers.", "located_in") == {("Orvane Center", "Boston")}


def test_an_agreement_with_a_former_player_of_a_club_is_no_partnership_with_the_club():
    text = "Le FC Tamba a signé un accord avec l'ancien joueur du Racing Vélo la semaine dernière."
    assert not facts(text, "partner_of")
    assert facts("Le FC Tamba a conclu un accord avec le Racing Vélo.", "partner_of") == {("FC Tamba", "Racing Vélo")}


@pytest.mark.parametrize("text, org, country", [
    ("Les paiements passent par l'Office des recettes fiscales (ORF) des États-Unis.", "Office des recettes fiscales",
     "États-Unis"),
    ("Selon l'Agence nationale des routes du Kenya, le pont est fermé.", "Agence nationale des routes", "Kenya"),
    ("Selon la Commission des droits humains (CDH) du Kenya, dix personnes ont été arrêtées.",
     "Commission des droits humains", "Kenya"),
])
def test_a_public_body_of_a_country_sits_in_it(text, org, country):
    assert (org, country) in facts(text, "located_in")


def test_a_hospital_and_its_acronym_before_its_town():
    text = "Il a été soigné à l'hôpital universitaire Orvane (HUO) à Nakuru pendant trois semaines."
    assert any(place == "Nakuru" for _, place in facts(text, "located_in"))


def test_a_verb_of_support_after_a_quotation_is_a_verb_of_saying():
    assert not facts('"Il faut agir vite et ensemble", soutient la Commission européenne.', "supports")


@pytest.mark.parametrize("text, supporters, supported", [
    ("Radio Kalemba, une radio soutenue par l'Union africaine, a diffusé le message.", {"Union africaine"}, "Radio Kalemba"),
    ("Le projet Solarix est réalisé avec le soutien de la Banque du Sahel et de l'Agence Orvane.",
     {"Banque du Sahel", "Agence Orvane"}, "Solarix"),
    # the list repeats its 'de' and one item names no organization
    ("En 2019, le Centre Horizon a été bâti avec le soutien de la Région Ardenne, de l'État et de "
     "l'Université de Valmont.", {"Région Ardenne", "Université de Valmont"}, "Centre Horizon"),
])
def test_the_supporters_are_the_names_listed_after_the_cue(text, supporters, supported):
    assert facts(text, "supports") == {(s, supported) for s in supporters}


def test_names_later_in_the_sentence_are_no_supporters():
    """The person listed right after the cue supports the fund; the names further on do not."""
    text = ("Le fonds Orvane, soutenu par Paul Varga et des patrons comme Jean Dutronc d'Agrinova, investit "
            "avec la Banque du Sahel.")
    assert facts(text, "supports") == {("Paul Varga", "Orvane")}


@pytest.mark.parametrize("text, supporters, supported", [
    ("La Bolivie soutient le Front de libération andin.", {"Bolivie"}, "Front de libération andin"),
    ("Le Front de libération andin, soutenu par la Bolivie et le Pérou, a attaqué.", {"Bolivie", "Pérou"},
     "Front de libération andin"),
    ("De l'autre côté, le Paraguay est soutenu par la Bolivie, le Pérou et plusieurs autres pays.",
     {"Bolivie", "Pérou"}, "Paraguay"),
    ("La Bolivie fournit des armes au Front de libération andin.", {"Bolivie"}, "Front de libération andin"),
    ("Le Paraguay a récemment reçu des livraisons d'armes de la Bolivie et du Pérou.", {"Bolivie", "Pérou"}, "Paraguay"),
    ("Avec le soutien officiel de la Banque andine de développement, la société Kelmar a ouvert une usine.",
     {"Banque andine de développement"}, "Kelmar"),
    ("La société Kelmar bénéficie de l'appui de la Banque andine de développement et du groupe Sonelco.",
     {"Banque andine de développement", "Sonelco"}, "Kelmar"),
])
def test_states_and_organizations_support(text, supporters, supported):
    assert facts(text, "supports") == {(s, supported) for s in supporters}


@pytest.mark.parametrize("text", [
    "Le ministre a dit que le Paraguay a reçu des armes de la Bolivie.",  # reported
    "La Bolivie a refusé de fournir des armes au Paraguay.",  # refused
    "Ils ont augmenté la fourniture d'armes au Paraguay.",  # a pronoun and a noun of giving
    "En Bolivie, la population soutient le Front de libération andin.",  # a place, not the subject
])
def test_no_support_said_refused_or_unnamed(text):
    assert not facts(text, "supports")


def test_a_person_before_the_cue_is_the_one_supported():
    text = "Marc Tellier, ancien trésorier de la Fédération Orvane, soutenu par l'Association des joueurs, est candidat."
    assert not facts(text, "supports")


def test_a_participle_goes_on_the_noun_before_it_not_on_the_subject():
    text = "L'entreprise Orvane Systems accuse un réseau de pirates soutenu par la Banque du Sahel."
    assert not facts(text, "supports")


def test_an_organization_named_as_a_complement_before_a_town_is_there():
    text = "Selon Paul Durand, associé du cabinet Verlaine Conseil à Lyon, le marché a reculé."
    assert facts(text, "located_in") == {("Verlaine Conseil", "Lyon")}


@pytest.mark.parametrize("text", [
    "Le bureau de la Fondation Arcadia à Lyon a fermé ses portes la semaine dernière.",
    "Les délégués se réuniront lors d'une conférence de la Fondation Arcadia à Lyon en mars.",
    "Le représentant de la Fondation Arcadia à Lyon, Paul Durand, a démissionné.",
    "Le Parti radical à Lyon a désigné son candidat.",
])
def test_an_office_a_meeting_a_posted_person_or_a_party_branch_at_a_town_is_no_seat(text):
    assert not facts(text, "located_in")


def test_an_institution_whose_name_ends_with_its_town_is_named_both_ways_but_not_placed_there():
    from tests.loaders.conftest import read

    ents, found = read("Marie Lenoir, chercheuse à l'Institut national de géologie de Montréal, a publié l'étude.")
    [post] = [r for r in found if r.kind == "holds_post"]
    assert post.object.label == "Institut national de géologie de Montréal"
    assert "Institut national de géologie" in post.object.names()
    assert not [r for r in found if r.kind == "located_in"]  # a town in a name is no stated seat


@pytest.mark.parametrize("text", [
    "Marie Lenoir, chercheuse à l'université de Montréal, a publié l'étude.",
    "Jean Morel, infirmier au Centre hospitalier régional du Pays de Caux, a témoigné.",
])
def test_a_town_that_is_the_whole_name_or_a_region_gives_no_seat_from_the_name(text):
    assert not facts(text, "located_in")


_MATCH = " Cette victoire qualifie le club pour la finale de la coupe."


def test_a_club_of_a_country_in_a_match_report_is_there():
    text = "En match de championnat, le FC Kalamba du Togo a battu l'AS Mirova 2-1." + _MATCH
    assert facts(text, "located_in") == {("FC Kalamba", "Togo")}


def test_a_club_read_with_its_country_as_one_name_is_there_and_named_without_it():
    from tests.loaders.conftest import read

    _, found = read("En match de championnat, le Kalamba Sporting Club de Guinée a battu le FC Mirova." + _MATCH)
    [seat] = [r for r in found if r.kind == "located_in"]
    assert seat.object.label == "Guinée" and "Kalamba Sporting Club" in seat.subject.names()


@pytest.mark.parametrize("text", [
    "En match de championnat, les Aigles Verts du Togo ont battu le FC Mirova." + _MATCH,  # a national side
    "Le ministre a reçu le FC Kalamba du Togo pour parler de budget et de routes.",  # no sports text
])
def test_a_national_side_or_a_club_outside_a_sports_text_gets_no_seat(text):
    assert not facts(text, "located_in")


@pytest.mark.parametrize("text, expected", [
    ("Les États-Unis ont annoncé un nouveau programme. Avec lui, l'aide américaine à la sécurité "
     "fournie au Niger atteint 40 millions de dollars.", {("États-Unis", "Niger")}),
    ("La France discute avec le Mali. L'aide militaire française au Mali a été suspendue.", {("France", "Mali")}),
])
def test_a_countrys_aid_to_another_named_by_its_adjective_is_funding(text, expected):
    assert facts(text, "funds") == expected


@pytest.mark.parametrize("text", [
    "Le Japon a promis une aide japonaise de 2 millions de dollars pour les victimes.",  # no recipient named
    "Une aide américaine à l'Ukraine a été votée.",  # the country is never named in the article
])
def test_national_aid_needs_a_recipient_and_the_country_named(text):
    assert not facts(text, "funds")
