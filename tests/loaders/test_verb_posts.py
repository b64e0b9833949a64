"""Posts read from verbs of leading, joining and working when their object is a common noun that
stands inside an organization ("le conseil d'administration de Y", "le service X du ministère Y") or
that a name is apposed to ("le géant minier public Y"). Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


@pytest.mark.parametrize("text, person, org", [
    # leading a company described before its name
    ("Marc Ody dirige désormais le géant minier public Ferranor.", "Marc Ody", "Ferranor"),
    # leading a part of an organization
    ("Ali Kone dirige une équipe de chercheurs de l'université de Lorvanne.", "Ali Kone", "université de Lorvanne"),
    # joining its board, a joining to come
    ("Julie Caron va rejoindre le conseil d'administration de la banque Ostrande.", "Julie Caron", "banque Ostrande"),
    # working in one of its departments
    ("Paul Sene travaillait au service des archives du ministère de l'Économie.", "Paul Sene", "ministère de l'Économie"),
])
def test_a_verbs_object_inside_an_organization_gives_a_post_there(text, person, org):
    assert (person, org) in pairs(text, "holds_post")


@pytest.mark.parametrize("text", [
    "Karim Diop a rejoint la famille de sa femme à Dakar.",
    "Nora Bel dirige les débats au nom de la présidence.",
])
def test_no_organization_behind_the_object_no_post(text):
    assert not pairs(text, "holds_post")


@pytest.mark.parametrize("text, person, org", [
    ("Anne Leroy, qui enseigne l'histoire à l'université de Varenne, a publié un livre.", "Anne Leroy", "université de Varenne"),
    ("Marc Roy a enseigné à l'Institut Halden pendant dix ans.", "Marc Roy", "Institut Halden"),
])
def test_teaching_at_an_organization_is_working_there(text, person, org):
    assert (person, org) in pairs(text, "holds_post")


def test_a_shop_sign_is_no_teaching():
    assert not pairs("L'enseigne Caravel a ouvert un magasin à Lyon, selon Paul Roy.", "holds_post")


@pytest.mark.parametrize("text, person, org", [
    # the name the small parse hangs beside the descriptor, or under the verb
    ("Luc Marin dirige l'entreprise Robotix depuis 2020.", "Luc Marin", "Robotix"),
    ("Luc Marin dirige la société Talvéo Systèmes depuis 2020.", "Luc Marin", "Talvéo Systèmes"),
])
def test_leading_an_organization_named_after_its_descriptor(text, person, org):
    assert (person, org) in pairs(text, "holds_post")


def test_leading_a_piece_of_work_for_an_organization_is_no_post_there():
    text = "Paul Roux, qui a dirigé une étude sur le bruit pour la Fondation Verlaine, a parlé."
    assert not pairs(text, "holds_post")


@pytest.mark.parametrize("text, title, current", [
    ("Luc Marin a pris la direction de la société Robotix en 2020.", "directeur", True),
    ("Luc Marin assure la présidence de la Fédération lorraine de judo.", "président", True),
    ("Luc Marin a pris la tête de la Fédération lorraine de judo en 2020.", "head", True),
    ("Luc Marin a quitté la direction de la société Robotix en 2020.", "directeur", False),
])
def test_taking_holding_or_leaving_the_helm_is_a_post(text, title, current):
    from tests.loaders.conftest import read

    _, found = read(text)
    [post] = [r for r in found if r.kind == "holds_post"]
    assert post.subject.label == "Luc Marin"
    assert (post.attrs["title"], post.attrs["current"]) == (title, current)


@pytest.mark.parametrize("text", [
    "La direction de la société Robotix a annoncé des licenciements.",  # the management, no one named
    "Luc Marin a critiqué la direction de la société Robotix.",
])
def test_the_management_criticised_or_acting_is_no_post(text):
    assert not pairs(text, "holds_post")


@pytest.mark.parametrize("text, person, org", [
    ("Luc Marin occupe le poste de directeur financier chez Robotix.", "Luc Marin", "Robotix"),
    ("Luc Marin a été nommé par la société Robotix.", "Luc Marin", "Robotix"),
    ("Luc Marin a été recruté par la société Robotix.", "Luc Marin", "Robotix"),
])
def test_a_post_named_by_its_role_noun_or_by_the_organization_that_appoints(text, person, org):
    assert (person, org) in pairs(text, "holds_post")


@pytest.mark.parametrize("text", [
    "Luc Marin occupe le poste de ministre depuis 2020 à Paris.",  # where, not for whom
    "Luc Marin a été nommé par le président Amadou Diallo.",  # a person appoints: no organization
])
def test_a_place_or_a_person_appointing_is_no_employer(text):
    assert not pairs(text, "holds_post")


def test_what_is_founded_is_an_organization_even_when_tagged_a_person():
    found = pairs("Robotix, fondée par Luc Marin et Paul Durand, vend des robots.", "created_by")
    assert found == {("Robotix", "Luc Marin"), ("Robotix", "Paul Durand")}


@pytest.mark.parametrize("text, person, org", [
    ("En travaillant pour Renault, Marie Dubois a appris le métier de soudeuse.", "Marie Dubois", "Renault"),
    ("Marie Dubois a appris le métier en travaillant chez Renault.", "Marie Dubois", "Renault"),
    ("En rejoignant Renault en 2010, Marie Dubois est devenue la première ingénieure du site.", "Marie Dubois",
     "Renault"),
])
def test_a_gerund_of_working_or_joining_has_the_clauses_subject(text, person, org):
    assert (person, org) in pairs(text, "holds_post")


def test_a_gerund_of_another_verb_gives_no_post():
    assert not pairs("En jouant avec ses enfants, Marie Dubois parle de Renault.", "holds_post")
