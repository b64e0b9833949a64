"""A description set off after a person's name ("X, glaciologue à l'université Y,") says what X
does at the organization it ends with, whatever the noun: no lexicon of occupations is needed. Kin,
patients, pupils and past participles set off the same way say no post. Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def posts(text: str) -> set[tuple]:
    _, found = read(text)
    return {(r.subject.label, r.object.label, r.attrs.get("current")) for r in found if r.kind == "holds_post"}


@pytest.mark.parametrize("text, person, org", [
    # an occupation no title list holds, then "à" and the organization
    ("Paul Marchal, glaciologue à l'université de Lorvanne, a publié une étude sur le sommeil.",
     "Paul Marchal", "université de Lorvanne"),
    # two nouns coordinated, a field in between
    ("Claire Dumont, géologue et vulcanologue à l'université de Velmar, le confirme.",
     "Claire Dumont", "université de Velmar"),
    ("Marc Pichon, boursier en chimie à l'université de Brenval, a témoigné.",
     "Marc Pichon", "université de Brenval"),
    # "pour" and a descriptor noun before the name
    ("Luc Morand, volontaire pour l'association Terre Ondine, raconte sa journée.",
     "Luc Morand", "Terre Ondine"),
    # a descriptor noun with words of its own before the name
    ("Marc Bell, un chasseur de failles de la société de sécurité informatique Belmor, le confirme.",
     "Marc Bell", "Belmor"),
    # a title that looks like a participle
    ("Omar Sylla, chargé de communication auprès de l'entreprise Vendrel, explique le retard.",
     "Omar Sylla", "Vendrel"),
])
def test_a_description_set_off_after_a_name_ending_in_an_organization_is_a_post(text, person, org):
    assert (person, org, True) in posts(text)


def test_a_description_the_parser_made_a_second_subject_is_a_post():
    # the parser hangs "analyste" on the verb beside the name, as a second subject
    text = ("Le match a été reporté. Sophie Marchand, une juriste des contrats de la firme de conseil Norvex, "
            "a déclaré : \"Le calendrier doit changer.\"")
    assert ("Sophie Marchand", "Norvex", True) in posts(text)


def test_a_project_leader_title_names_no_project():
    # "chef de projet": a title's words, not a project named after "projet de"
    text = "Joint par téléphone, Awa Koné, cheffe de projet de Vitalia, confirme la fermeture."
    entities, _ = read(text)
    assert not [m for m in entities.mentions if m.entity.kind == "project"]
    assert ("Awa Koné", "Vitalia", True) in posts(text)


@pytest.mark.parametrize("text", [
    # the organization is the one of the people the title serves
    "Marie Roux, avocate des victimes de la société Vendrel, a parlé.",
    "Marie Roux, porte-parole des clients de la banque Ostrande, a parlé.",
    # running for a post
    "Marie Roux, candidate à la présidence de la société Vendrel, a parlé.",
])
def test_a_title_serving_an_organizations_people_or_running_for_its_post_is_no_post(text):
    assert not posts(text)


@pytest.mark.parametrize("text, org", [
    ("Marie Roux, candidate à un master de chimie à l'université de Lorvanne, a parlé.", "université de Lorvanne"),
    ("Marie Roux, responsable de la sécurité des usagers de la Régie des transports de Lorvane, a parlé.",
     "Régie des transports de Lorvane"),
])
def test_a_title_whose_field_names_people_farther_on_is_still_a_post(text, org):
    assert ("Marie Roux", org, True) in posts(text)


def test_a_former_description_is_a_former_post():
    text = "Eric Blanchard, ancien pilote et formateur bénévole à l'institut Norvel, le note."
    assert ("Eric Blanchard", "Norvel", False) in posts(text)


@pytest.mark.parametrize("text", [
    # kin: the title after it is someone else's
    "Anne Lebrun, fille du fondateur de la société Vertalis, a participé au débat.",
    "Hugo Bernier, frère du directeur de la banque Ostrande, a refusé de commenter.",
    # a pupil, a patient: no post
    "Lina Oury, ancienne élève de l'université de Lorvanne, a lancé son entreprise.",
    "Sami Toure, patient de l'hôpital Saint-Amand de Velmar, raconte son séjour.",
    # a past participle opens a clause, not a description
    "Jean Morvan, interrogé par la radio Ondes Libres, a démenti.",
    # a town's name is no employer
    "Malik Sow, accompagnateur de randonnées pour la ville de Tessoura, confirme la fermeture.",
    # a verb, a conjunction or a preposition after the comma
    "« Rien n'est joué », prévient Hugo Perrin, en référence à la banque Ostrande.",
    "Les joueurs Paul Rivet et Marc Ody, et le club Olympique de Velmar, ont signé.",
    # a founder founds, read elsewhere as such
    "Nina Rocher, cofondatrice de la société Vendrel, présente son bilan.",
])
def test_kin_pupils_patients_and_clauses_set_off_after_a_name_are_no_post(text):
    assert not posts(text)


@pytest.mark.parametrize("text, person, org", [
    # the same description as a copula's predicate, the honorific as the subject
    ("Le Dr Paul Morel est traqueur de tempêtes pour l'agence spatiale Orbitel.", "Paul Morel", "Orbitel"),
    # in a relative clause on the name
    ("Anna Roy, qui est glaciologue à l'université de Lorvanne, a publié une étude.", "Anna Roy",
     "université de Lorvanne"),
])
def test_a_description_as_the_predicate_of_a_copula_is_a_post(text, person, org):
    assert (person, org, True) in posts(text)


@pytest.mark.parametrize("text", [
    "Omar Ba est candidat au conseil de la Fédération de football de Velmar.",
    "Léa Fort est proche du directeur de la banque Ostrande.",
    # a name the model took for a person's, whose predicate says it is a group
    "Selon lui, Marvane est un groupe de mercenaires travaillant pour le ministère de la Défense.",
])
def test_a_candidate_or_a_relation_as_a_predicate_is_no_post(text):
    assert not posts(text)


@pytest.mark.parametrize("text, post", [
    # a title opening the sentence describes the person after its comma, even where a date after the
    # title made the parser end a sentence there
    ("Directeur de Velmar Industries depuis 2010, Paul Dorval a présenté les résultats.", ("Paul Dorval", "Velmar Industries")),
    ("Présidente de la Banque Korvale depuis mars, Claire Monet a annoncé un plan.", ("Claire Monet", "Banque Korvale")),
])
def test_a_title_opening_the_sentence_is_the_next_persons(text, post):
    assert post in {(person, org) for person, org, _ in posts(text)}


def test_a_title_opening_the_sentence_before_a_subject_is_not_the_persons():
    # the title has its own subject before the comma: no post for the person after it
    found = posts("Directeur de Velmar Industries, Paul Dorval l'a été, mais Claire Monet a pris sa place.")
    assert ("Claire Monet", "Velmar Industries") not in {(person, org) for person, org, _ in found}
