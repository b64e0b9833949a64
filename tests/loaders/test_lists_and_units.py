"""What the French parse and tagger break, read by the rules alone: lists of subjects, units named inside
an organization (and units one leads), a person's name run on into "d'<Name>", a name the tagger missed
set off after a person, a capitalized cue or a descriptor that starts a new name rather than the short
form of one named before. Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import kinds, pairs, read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text, members, group", [
    # the parser roots the sentence on the first name and makes the last one the verb's subject
    ("La Bulgarie, la Roumanie et la Croatie sont membres de l'Union européenne.",
     {"Bulgarie", "Roumanie", "Croatie"}, "Union européenne"),
    ("Renault, Airbus et Safran sont membres du pôle Normandie AeroEspace.",
     {"Renault", "Airbus", "Safran"}, "Normandie AeroEspace"),
    # the parser hangs the second and third names under the first
    ("Pierre Martin, Julie Durand et Marc Petit sont membres du Parti socialiste.",
     {"Pierre Martin", "Julie Durand", "Marc Petit"}, "Parti socialiste"),
    # "membres" parsed as the object of "devenir"
    ("Hier, la Bulgarie, la Roumanie et la Croatie sont devenues membres de l'Union européenne.",
     {"Bulgarie", "Roumanie", "Croatie"}, "Union européenne"),
])
def test_every_name_of_a_listed_subject_is_a_member(text, members, group):
    assert {(m, group) for m in members} <= pairs(text, "member_of")


def test_a_name_behind_a_preposition_opens_no_list():
    found = pairs("Selon Le Monde, Renault et Airbus sont membres du pôle Normandie AeroEspace.", "member_of")
    assert {("Renault", "Normandie AeroEspace"), ("Airbus", "Normandie AeroEspace")} <= found
    assert not {m for m, _ in found} - {"Renault", "Airbus"}


@pytest.mark.parametrize("text, person, employer", [
    ("Marc Petit, biologiste au département Kessler de génétique de l'université de Lyon, a parlé.",
     "Marc Petit", "université de Lyon"),
    # the parser hangs the organization on the title, beside the unit
    ("Marc Petit, président du groupe Kessler de l'Institut Pasteur, a parlé.", "Marc Petit", "Institut Pasteur"),
])
def test_a_post_in_a_named_unit_is_at_the_organization_it_belongs_to(text, person, employer):
    found = pairs(text, "holds_post")
    assert (person, employer) in found and not {o for p, o in found if o != employer}


def test_a_person_s_name_ends_before_an_elided_d_and_a_name():
    found = kinds("Hier soir, le milieu de terrain Pierre Martin d'Arsenal est blessé.")
    assert found.get("Pierre Martin") == {"person"}


@pytest.mark.parametrize("text, employer", [
    ("Julie Roux, du Harbor and Freight Office, a parlé.", "Harbor and Freight Office"),
    ("Julie Roux, de Tarvik Agri-Foods, a parlé.", "Tarvik Agri-Foods"),
])
def test_a_name_the_tagger_missed_set_off_after_a_person_is_who_they_speak_for(text, employer):
    assert ("Julie Roux", employer) in pairs(text, "holds_post")


@pytest.mark.parametrize("text", [
    "Karim Benali, de Tizi Ouzou, a parlé.",  # a town: where the person is from
    "Julie Roux, de Lyon Ouest à Paris, a parlé.",  # the apposition goes on
])
def test_a_town_set_off_after_a_person_is_no_employer(text):
    assert not pairs(text, "holds_post")


def test_a_capitalized_cue_with_its_adjective_starts_a_name_of_its_own():
    # "Institut" alone would be the short form of the institute named before; "Institut national ..." is another
    text = ("Anne Roy, du Quorvex Research Institute, juge le projet risqué. "
            "Marc Petit, de l'Institut national des sciences marines, estime au contraire qu'il est sûr.")
    found = pairs(text, "holds_post")
    assert ("Anne Roy", "Quorvex Research Institute") in found
    assert ("Marc Petit", "Quorvex Research Institute") not in found


@pytest.mark.parametrize("descriptor", ["l'hôpital", "la clinique"])
def test_a_descriptor_followed_by_a_name_introduces_that_name(descriptor):
    # the descriptor alone would be the short form of the hospital named before
    text = (f"Anne Roy, chirurgienne à l'hôpital universitaire de Quorvex, juge le projet risqué. "
            f"Marc Petit, anesthésiste à {descriptor} Tarvik Santé, estime au contraire qu'il est sûr.")
    found = pairs(text, "holds_post")
    assert ("Marc Petit", "hôpital universitaire de Quorvex") not in found
    assert any(p == "Marc Petit" and "Tarvik" in o for p, o in found)


@pytest.mark.parametrize("text, employer, title", [
    ("Anne Roy dirige le groupe de recherche sur les sols à l'université de Lyon.", "université de Lyon",
     "directeur du groupe de recherche sur les sols"),
    # the subject is the first clause's
    ("Anne Roy est géologue et dirige l'équipe d'étude des volcans actifs à l'université de Clermont (France).",
     "université de Clermont", "directeur de l'équipe d'étude des volcans actifs"),
])
def test_leading_a_unit_at_an_organization_is_a_post_there(text, employer, title):
    _, found = read(text)
    [post] = [r for r in found if r.kind == "holds_post"]
    assert (post.subject.label, post.object.label) == ("Anne Roy", employer)
    assert post.attrs["title"] == title


def test_leading_a_unit_in_a_town_is_no_post():
    assert not pairs("Anne Roy dirige le groupe de recherche sur les sols à Lyon.", "holds_post")


def test_a_descriptor_before_the_name_named_before_still_stands_for_it():
    # "la société X" again: the descriptor is X's short form, and "son directeur" is X's
    text = ("Lyon : la société Quorvex ouvre un atelier\n\nLa société Quorvex, installée à Lyon, a annoncé "
            "lundi un nouvel atelier. Son directeur général, Paul Roux, a présenté le projet aux élus.")
    assert ("Paul Roux", "Quorvex") in pairs(text, "holds_post")


@pytest.mark.parametrize("text, people, org", [
    # a plural title, then its holders set off by a comma (the parser hangs them on the organization)
    ("Les dirigeants de la société Finora, Paul Ravel et Marc Ody, ont signé l'accord.", {"Paul Ravel", "Marc Ody"}, "Finora"),
    # a plural title apposed to the last name of a list: every name's
    ("Paul Ravel et Marc Ody, dirigeants de la société Finora, ont signé l'accord.", {"Paul Ravel", "Marc Ody"}, "Finora"),
])
def test_a_plural_title_is_every_listed_name(text, people, org):
    assert {(p, org) for p in people} <= pairs(text, "holds_post")


@pytest.mark.parametrize("text", [
    "Pour les dirigeants de la société Finora, Paul Ravel est un problème.",  # behind a preposition: what they think
    "Les chercheurs de l'Institut Pasteur, Paul Ravel les a rencontrés hier.",  # the name opens a clause
])
def test_a_name_after_a_plural_title_that_opens_a_clause_holds_nothing(text):
    assert not pairs(text, "holds_post")


def test_a_title_set_off_after_a_name_is_not_the_next_names():
    found = pairs("Ousmane Diallo, directeur technique de Sonatel, et Awa Ndiaye, cheffe de projet de Vitalia, négocient.",
                  "holds_post")
    assert ("Ousmane Diallo", "Sonatel") in found and ("Awa Ndiaye", "Vitalia") in found
    assert ("Awa Ndiaye", "Sonatel") not in found


def test_a_plural_title_set_off_with_les_after_one_name_is_a_list_not_a_post():
    assert not pairs("Marc Ody, les ingénieurs de la société Vendrel et les syndicats ont signé la pétition.", "holds_post")
