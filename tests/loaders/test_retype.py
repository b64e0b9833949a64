"""Names typed from their context (loaders/retype.py): the tagger's person or place that the
sentence says is an organization, and the names that stay what they are. The rules alone (the
trained model switched off); every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import kinds, read  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


def analysed(text: str, lang: str):
    return read(text, lang)


def facts(text: str, lang: str = "fr") -> set[tuple]:
    _, found = analysed(text, lang)
    return {(r.kind, r.subject.label, r.object.label) for r in found
            if r.object is not None and r.kind not in ("mentioned", "quoted")}


@pytest.mark.parametrize("text, name, lang", [
    # the object of a title's "chez" / "de" / "at"
    ("Marc Tessier, analyste des réseaux chez Quorvane, estime que la demande ralentit.", "Quorvane", "fr"),
    ("C'est \"oui\", pour Paul Martin, cofondateur et directeur général de Vantorix, une entreprise de livraison.",
     "Vantorix", "fr"),
    ("John Smith, an analyst at Quorvane, said prices rose.", "Quorvane", "en"),
    # an organization noun the name is apposed to, with or without the comma the parser drops
    ("M. Morel croit à la capacité de sa société, Morvan, à produire le vaccin.", "Morvan", "fr"),
    # a legal form after the name
    ("He joined Tarvix Ltd in 2001.", "Tarvix Ltd", "en"),
])
def test_context_makes_an_organization(text, name, lang):
    assert "organization" in kinds(text, lang).get(name, set())


def test_a_retyped_name_is_an_organization_in_every_mention():
    found = kinds("Marc Tessier, analyste chez Quorvane, a présenté les chiffres. Quorvane recrute vingt ingénieurs.")
    assert found.get("Quorvane") == {"organization"}


@pytest.mark.parametrize("text, name, kind", [
    # a person with an honorific is a person, whatever the title before it
    ("M. Vantor a parlé. Le porte-parole de M. Vantor a dit non.", "Vantor", "person"),
    # a full name after a title's "de" may be the person the title serves
    ("Le porte-parole de Jean Vasseur a refusé de répondre.", "Jean Vasseur", "person"),
    # "le chef de son parti, X": the name is the title's person, not the party
    ("Le chef de son parti, Pierre Lemaire, a salué le résultat.", "Pierre Lemaire", "person"),
    # a place a government or territorial title holds stays a place
    ("Le maire de Lyon a inauguré la ligne.", "Lyon", "place"),
])
def test_names_that_keep_their_kind(text, name, kind):
    assert kinds(text).get(name) == {kind}


def test_a_place_named_as_one_elsewhere_is_an_organization_only_where_the_context_says():
    found = kinds("Le directeur général de Valmoria, Paul Durand, a parlé. Le siège est situé à Valmoria depuis 1990.")
    assert found.get("Valmoria") in ({"organization", "place"}, {"organization"})


def test_posts_read_through_a_retyped_name():
    assert ("holds_post", "Paul Martin", "Vantorix") in facts(
        "C'est \"oui\", pour Paul Martin, cofondateur et directeur général de Vantorix, une entreprise de livraison.")
    assert ("holds_post", "John Smith", "Quorvane") in facts("John Smith, an analyst at Quorvane, said prices rose.", "en")


def test_context_kind_is_shared_with_the_relation_model():
    """The function reads one name in its parse: what the model calls for its candidate pairs."""
    from innograph.loaders.nlp import pipeline
    from innograph.loaders.retype import context_kind

    doc = pipeline("en")("Grant is the chief executive officer of Corvantis.")
    span = next(s for s in [doc[7:8]] if s.text == "Corvantis")
    assert context_kind("person", "Corvantis", span) == "organization"
    assert context_kind("place", "Corvantis", span) == "organization"
    assert context_kind("person", "Grant", doc[0:1]) == "person"
    assert context_kind("organization", "Corvantis", span) == "organization"


def test_an_organization_said_to_hold_a_persons_title_or_to_be_born_is_a_person():
    from innograph.loaders.nlp import pipeline
    from innograph.loaders.retype import context_kind

    doc = pipeline("en")("Marvin Keltz (born 2 May 1950) is a Canadian chemist.")
    assert context_kind("organization", "Marvin Keltz", doc[0:2]) == "person"
    doc = pipeline("en")("Orvane Partners is an executive search firm based in Leeds.")
    assert context_kind("organization", "Orvane Partners", doc[0:2]) == "organization"
    doc = pipeline("en")("Keltz Labs is the leader of the market.")
    assert context_kind("organization", "Keltz Labs", doc[0:2]) == "organization"


def test_a_french_name_cut_after_its_adjective_goes_on_through_its_complement():
    from innograph.loaders.mentions import ArticleEntities
    from innograph.loaders.nlp import pipeline
    from innograph.loaders.nameends import french_name_ends

    text = "Selon Marie Vallet de l'Institut canadien de politique énergétique, la demande baisse."
    ents = ArticleEntities(text)
    ents.lang = "fr"
    start = text.index("Institut")
    cut = start + len("Institut canadien")
    ents.mention(start, cut, ents.entity("organization", text[start:cut]), "ner")  # as the tagger may cut it
    french_name_ends(ents, [(0, pipeline("fr")(text))])
    assert [m.text for m in ents.mentions] == ["Institut canadien de politique énergétique"]


def test_a_descriptor_name_ends_before_de_and_a_place():
    found = facts("Le Dr Paul Adoko, de l'hôpital Brennmoor de Manchester, affirme que le risque est faible.")
    assert ("holds_post", "Paul Adoko", "Brennmoor") in found
    assert kinds("Le Dr Paul Adoko, de l'hôpital Brennmoor de Manchester, affirme que le risque est faible.").get(
        "Manchester") == {"place"}
    # a capitalized cue word keeps its complement
    assert "Université de Lyon" in kinds("Paul Adoko, professeur à l'Université de Lyon, a publié l'étude.")
    # and so does a body named in lower-case words only: its place is what names it
    found = facts("Awa Ndiaye, directrice exécutive de l'association des boulangers du Sénégal, a parlé.")
    assert ("holds_post", "Awa Ndiaye", "association des boulangers du Sénégal") in found


def test_a_project_named_by_an_acronym_that_a_title_completes_is_an_organization():
    text = "Il a rejoint le RCV (Racing Club Valmorin) cet été. L'entraîneur du RCV, Marc Dulac, est satisfait."
    assert kinds(text)["RCV"] == {"organization"}
    assert ("holds_post", "Marc Dulac", "Racing Club Valmorin") in facts(text)


def test_a_project_no_title_completes_stays_a_project():
    assert kinds("Le consortium lance le projet Horizon Vert cette année.")["Horizon Vert"] == {"project"}


def test_an_institution_s_name_keeps_the_town_it_ends_with():
    found = kinds("La chercheuse enseigne à l'Université des arts et des métiers de Grenoble depuis 2010.")
    assert found.get("Université des arts et des métiers de Grenoble") == {"organization"}
    assert "Grenoble" not in found


def test_a_town_after_an_institution_with_a_place_preposition_stays_a_place():
    found = kinds("Le directeur de l'Institut des arts et des métiers à Grenoble a démissionné.")
    assert found.get("Grenoble") == {"place"}
