"""Relations read from the dependency parse (loaders/syntax.py), and the lexicons behind them.

Every sentence here is our own; none is taken from the corpora."""

from __future__ import annotations

import pytest

from innograph.loaders import lexicon as lx

pytest.importorskip("spacy")


def relations(text: str, lang: str) -> set[tuple]:
    """(kind, subject label, object label) of one text, with the entities' aliases as labels too."""
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article

    [(_, found)] = analyse([Article(text=text, language=lang)])
    out = set()
    for r in found:
        if r.object is None:
            continue
        for s in r.subject.names():
            for o in r.object.names():
                out.add((r.kind, s, o))
    return out


# -- posts -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "Hélène Morvan est directrice financière chez Kerlann Industries.",
    "Hélène Morvan, directrice générale adjointe de Kerlann Industries, a présenté les résultats.",
    "Hélène Morvan a été nommée présidente de Kerlann Industries en janvier.",
    "La directrice de Kerlann Industries, Hélène Morvan, a présenté les résultats.",
    "Hélène Morvan dirige Kerlann Industries depuis trois ans.",
])
def test_french_posts_whatever_the_preposition_or_the_construction(text):
    assert ("holds_post", "Hélène Morvan", "Kerlann Industries") in relations(text, "fr")


@pytest.mark.parametrize("text", [
    "Two years ago Daniel Osei became chief operating officer of Tamber Logistics.",
    "Daniel Osei serves as chief financial officer at Tamber Logistics.",
    "Daniel Osei, the chief technology officer of Tamber Logistics, spoke on Monday.",
    "Daniel Osei was named president and chief executive officer of Tamber Logistics.",
])
def test_english_posts_through_copulas_appointments_and_appositions(text):
    assert ("holds_post", "Daniel Osei", "Tamber Logistics") in relations(text, "en")


@pytest.mark.parametrize("text, person, org", [
    ("Le Dr Jonas Berg, de l'hôpital Saint-Luc, a répondu aux questions.", "Jonas Berg", "Saint-Luc"),
    ("Lena Brun, spécialiste des réseaux chez Telcobis, estime que le marché ralentit.", "Lena Brun", "Telcobis"),
    ("Le président de Kerlann Industries, Yves Tanguy, a signé le contrat.", "Yves Tanguy", "Kerlann Industries"),
    ("Sophie Morel prend la tête de la Chambre de commerce de Brest.", "Sophie Morel", "Chambre de commerce de Brest"),
])
def test_french_posts_from_affiliations_appositions_and_leading(text, person, org):
    assert ("holds_post", person, org) in relations(text, "fr")


def test_a_person_joining_an_academy_is_a_member():
    found = relations("Jean Kaboré a rejoint l'Académie des sciences du Burkina en 2020.", "fr")
    assert ("member_of", "Jean Kaboré", "Académie des sciences du Burkina") in found


def test_coordinated_titles_each_keep_their_organization():
    found = relations("Ama Mensah, présidente de Volta Conseil et fondatrice de Kente Studio, a pris la parole.", "fr")
    assert ("holds_post", "Ama Mensah", "Volta Conseil") in found
    assert ("created_by", "Volta Conseil", "Ama Mensah") not in found  # she founded the other one


def test_a_pronoun_never_holds_a_post_through_an_organization():
    found = relations("Tamber Logistics a ouvert un entrepôt. Il est directeur de Kerlann Industries.", "fr")
    assert not any(k == "holds_post" and s == "Tamber Logistics" for k, s, _ in found)


@pytest.mark.parametrize("text, org", [
    # the parser labels "Il" of "Il est / était T de Y" an expletive, as in "il est temps de"
    ("Paul Ndiaye a grandi à Thiès. Il est directeur de la Banque Kerlann depuis 2019.", "Banque Kerlann"),
    ("Paul Ndiaye a grandi à Thiès. Il était alors le capitaine de l'AS Corvelle.", "AS Corvelle"),
])
def test_a_pronoun_labelled_expletive_still_holds_the_title_it_is_the_subject_of(text, org):
    found = relations(text, "fr")
    assert ("holds_post", "Paul Ndiaye", org) in found


@pytest.mark.parametrize("text", [
    "Paul Ndiaye a grandi à Thiès. On lui a demandé ce qu'il ferait s'il était président de la Banque Kerlann.",
    "Paul Ndiaye n'est pas le directeur de la Banque Kerlann, précise le communiqué.",
    "Paul Ndiaye a grandi à Thiès. Il n'a jamais été directeur de la Banque Kerlann.",
])
def test_a_title_under_a_condition_or_a_negation_is_no_post(text):
    found = relations(text, "fr")
    assert ("holds_post", "Paul Ndiaye", "Banque Kerlann") not in found


@pytest.mark.parametrize("text", [
    "Depuis mars, Paul Ndiaye n'est plus directeur de la Banque Kerlann.",
    "Paul Ndiaye a grandi à Thiès. Il n'est plus le directeur de la Banque Kerlann.",
])
def test_a_post_no_longer_held_is_a_former_post(text):
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article

    [(_, found)] = analyse([Article(text=text, language="fr")])
    [post] = [r for r in found if r.kind == "holds_post"]
    assert (post.subject.label, post.object.label, post.attrs["current"]) == ("Paul Ndiaye", "Banque Kerlann", False)


@pytest.mark.parametrize("name", ["Tamber Logistics", "Norvane Holdings", "Kestrel Airways", "Ardent Analytics"])
def test_english_company_name_endings_make_an_organization(name):
    from tests.loaders.conftest import kinds

    assert kinds(f"{name} a ouvert un entrepôt près du port.").get(name) == {"organization"}


@pytest.mark.parametrize("text, word", [
    ("Tamber Logistics is a Ghanaian company based in Accra.", "Ghanaian"),
    ("Grace Adjei sold her shares in a Norwegian company last year.", "Norwegian"),
])
def test_a_nationality_before_a_descriptor_is_no_organization(text, word):
    from tests.loaders.conftest import kinds

    assert "organization" not in kinds(text, "en").get(word, set())


# -- founders, places, membership, funding ------------------------------------------------------
def test_founders_through_a_conjunction():
    found = relations("Tamber Logistics was founded in 2014 by Grace Adjei, Samuel Boateng and Efua Owusu.", "en")
    assert {("created_by", "Tamber Logistics", p) for p in ("Grace Adjei", "Samuel Boateng", "Efua Owusu")} <= found


@pytest.mark.parametrize("text", [
    "The award went to Tamber Logistics co-founder Grace Adjei last year.",
    "The award went to Tamber Logistics founder Grace Adjei last year.",
])
def test_a_founder_title_between_the_company_and_the_name_is_a_founding_not_a_post(text):
    found = relations(text, "en")
    assert ("created_by", "Tamber Logistics", "Grace Adjei") in found
    assert ("holds_post", "Grace Adjei", "Tamber Logistics") not in found


def test_french_founders_of_a_company_named_after_its_descriptor():
    found = relations("La société Kerlann Industries, basée à Lorient, a été fondée par Yann Le Goff et Anne Riou.", "fr")
    assert ("created_by", "Kerlann Industries", "Yann Le Goff") in found
    assert ("created_by", "Kerlann Industries", "Anne Riou") in found
    assert ("located_in", "Kerlann Industries", "Lorient") in found


def test_headquarters_in_english():
    found = relations("Tamber Logistics is a freight company headquartered in Kumasi.", "en")
    assert ("located_in", "Tamber Logistics", "Kumasi") in found


def test_countries_are_actors_when_they_join_or_borrow():
    found = relations("Le Botswana a rejoint l'Alliance des ports du Sud en 2019.", "fr")
    assert ("member_of", "Botswana", "Alliance des ports du Sud") in found
    found = relations("La Banque ouest-africaine de développement a accordé un prêt de 40 millions d'euros au Togo.", "fr")
    assert ("funds", "Banque ouest-africaine de développement", "Togo") in found


def test_passive_funding():
    found = relations("Le programme Terres Vives est financé par la Banque africaine de développement.", "fr")
    assert ("funds", "Banque africaine de développement", "Terres Vives") in found


def test_a_diploma_obtained_is_not_funding():
    found = relations("Kofi Annor a obtenu un diplôme de l'Université de Kumasi.", "fr")
    assert not any(k == "funds" for k, *_ in found)


# -- entities ------------------------------------------------------------------------------------
def test_acronym_and_long_form_are_one_organization_in_both_orders():
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article

    for text in ("L'Agence régionale des forêts (ARF) a lancé un appel. L'ARF financera dix projets.",
                 "L'ARF (Agence régionale des forêts) a lancé un appel. L'ARF financera dix projets."):
        [(ents, _)] = analyse([Article(text=text, language="fr")])
        orgs = [e for e in ents.entities if e.kind == "organization"]
        assert len(orgs) == 1 and {"ARF", "Agence régionale des forêts"} <= orgs[0].names(), text


def test_a_legal_form_after_a_comma_is_part_of_the_name():
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article

    [(ents, _)] = analyse([Article(text="Tamber Freight, LLC is a carrier based in Accra.", language="en")])
    labels = {n for e in ents.entities if e.kind == "organization" for n in e.names()}
    assert "Tamber Freight, LLC" in labels and "LLC" not in labels


# -- lexicons (forms written here, not read from any corpus) -------------------------------------
def test_titles_are_systematic_in_both_languages_and_genders():
    titles = lx.SYSTEMATIC_TITLES
    assert len(titles) >= 300
    for form in ("chief sustainability officer", "deputy director", "vice chair", "interim chief executive officer",
                 "directrice generale adjointe", "directeur general adjoint", "vice presidente", "tresoriere",
                 "ambassadrice", "gouverneure", "cofondatrice", "secretaire generale", "sous directrice"):
        assert form in titles, form
    for head in ("directrice", "officer", "presidente", "chairwoman", "fondatrice", "patronne"):
        assert head in lx.TITLE_HEADS, head


def test_verb_and_country_lexicons():
    assert {"funded", "financee", "subventionne", "cofinance"} <= lx.FUNDING_VERBS
    assert {"rejoint", "joined", "adhere"} <= lx.JOINING_VERBS
    assert {"pret", "loan", "grant", "subvention"} <= lx.LOAN_NOUNS
    assert {"accorde", "octroye", "granted"} <= lx.GRANTING_VERBS
    assert {"botswana", "cote d ivoire", "south africa", "royaume uni"} <= lx.COUNTRIES


def test_names_end_where_the_name_ends():
    from innograph.loaders.documents import analyse
    from innograph.loaders.text import Article

    text = ("Elle est membre de la Northern Association for Coastal Rowing depuis 2019. "
            "La start-up Quillon en Bretagne a levé deux millions d'euros.")
    [(ents, _)] = analyse([Article(text=text, language="fr")])
    labels = {e.label for e in ents.entities}
    assert "Northern Association for Coastal Rowing" in labels
    assert "Quillon" in labels and "Quillon en Bretagne" not in labels


def test_a_pronoun_takes_the_salient_person():
    found = relations("Awa Sy dirige Kora Labs depuis 2018. Elle est aussi membre de l'Académie des sciences du Sahel.", "fr")
    assert ("member_of", "Awa Sy", "Académie des sciences du Sahel") in found



def test_a_list_read_past_an_item_that_names_nothing():
    """relations._coordinated: "la Ville A, l'État et la Région B" keeps B when asked to
    pass over an item naming nothing (the funders' and supporters' lists), stops there if not."""
    from innograph.loaders.detect import detect
    from innograph.loaders.documents import _sentences
    from innograph.loaders.mentions import ArticleEntities, Gazetteer
    from innograph.loaders.nlp import parse
    from innograph.loaders.relations import Extractor

    text = "Le projet est soutenu par la Ville de Lorvane, l'État et la Région Ostrande depuis deux ans."
    docs = [(0, next(parse(iter([("fr", text)]))))]
    ents = detect(ArticleEntities(text, Gazetteer()), docs)
    sentences = _sentences(text, docs)
    reader = Extractor(ents, sentences, docs=docs)
    start = ents.folded.index("par la ville") + len("par ")
    assert [m.entity.label for m in reader._coordinated(start, sentences[0], "organization")] == ["Ville de Lorvane"]
    assert [m.entity.label for m in reader._coordinated(start, sentences[0], "organization", skip_unnamed=True)] == \
        ["Ville de Lorvane", "Région Ostrande"]
