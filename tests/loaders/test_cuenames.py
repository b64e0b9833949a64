"""Where an organization's name ends (loaders/cuenames.py): a cue word described in lower case up
to the proper noun that ends its name is one name, and a place or a second organization after it
is not part of it. Rules alone; every sentence is our own, with invented names."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs, read  # noqa: E402

pytestmark = pytest.mark.usefixtures("rules_only")


def organizations(text: str) -> set[str]:
    ents, _ = read(text, "fr")
    return {m.text for m in ents.mentions if m.entity.kind == "organization"}


def kind_of(text: str) -> dict[str, str]:
    """Each mention's text -> its entity's kind (French)."""
    ents, _ = read(text, "fr")
    return {m.text: m.entity.kind for m in ents.mentions}


def test_lower_case_fields_between_the_cue_and_the_proper_noun_belong_to_the_name():
    found = organizations("Selon Karima Osseni, chercheuse à l'université d'agronomie et de commerce de Varna, "
                          "les prix du blé vont encore monter cet hiver.")
    assert "université d'agronomie et de commerce de Varna" in found
    found = organizations("Le directeur de l'Institut des matériaux composites de Tarvik a présenté trois prototypes.")
    assert "Institut des matériaux composites de Tarvik" in found


def test_an_adjective_after_the_cue_belongs_to_the_name_and_a_town_after_it_does_not():
    kinds = kind_of("Rami Soltane, chirurgien à l'hôpital militaire de Tamarin à Corvel, a opéré le blessé.")
    assert kinds.get("hôpital militaire de Tamarin") == "organization"
    assert "Tamarin" not in kinds
    assert kinds.get("Corvel") == "place"


def test_a_second_organization_inside_the_description_is_not_swallowed():
    found = organizations("Un professeur de l'école de droit de l'université de Kelvar a signé la tribune.")
    assert not any(name.startswith("école de droit") for name in found)
    assert "université de Kelvar" in found


def test_a_post_goes_to_the_whole_name():
    found = pairs("Karima Osseni, chercheuse à l'université d'agronomie et de commerce de Varna, a publié l'étude.",
                  "holds_post")
    assert ("Karima Osseni", "université d'agronomie et de commerce de Varna") in found


def test_a_described_town_or_newspaper_is_no_organization():
    found = organizations("La ville portuaire de Malvane attend les navires, écrit le journal régional de Tarvik.")
    assert not any(name.startswith(("ville", "journal")) for name in found)


def test_a_place_s_institution_described_in_lower_case_is_named_up_to_the_place():
    found = organizations("Selon le bureau du gouverneur de Tarvik, les routes rouvriront jeudi.")
    assert "bureau du gouverneur de Tarvik" in found
    found = organizations("Le conseil d'administration de Velloria a changé de président.")
    assert not any(name.startswith("conseil") for name in found)  # a company's board, no place's body


def test_the_seat_of_a_government_stands_for_it():
    kinds = kind_of("Le Kremlin a démenti lundi. Un conseiller de la Maison Blanche a confirmé au Pentagone.")
    assert kinds.get("Kremlin") == "organization"
    assert kinds.get("Maison Blanche") == "organization"
    assert kinds.get("Pentagone") == "organization"
    found = pairs("Jane Doeling, conseillère juridique de la Maison Blanche depuis 2019, quitte son poste.", "holds_post")
    assert ("Jane Doeling", "Maison Blanche") in found


def test_a_surname_that_is_also_a_seat_stays_a_person():
    ents, _ = read("Jean Matignon a ouvert sa boulangerie à Tarvik.", "fr")
    assert not any(m.entity.kind == "organization" and "Matignon" in m.text for m in ents.mentions)


def test_an_embassy_is_named_by_its_country_and_the_country_it_is_in():
    found = organizations("Une diplomate de l'ambassade du Portugal au Sénégal a reçu les candidats lundi.")
    assert "ambassade du Portugal au Sénégal" in found
    found = organizations("Les visas sont délivrés par l'ambassade du Portugal, a rappelé le consul.")
    assert "ambassade du Portugal" in found


def test_a_country_ends_a_described_body_before_its_de():
    kinds = kind_of("Selon l'agence nationale de l'eau du Ghana, trois barrages débordent.")
    assert kinds.get("agence nationale de l'eau") == "organization"
    assert kinds.get("Ghana") == "place"


def test_a_name_before_a_comma_is_an_event_only_when_an_article_and_an_event_word_follow():
    # "les prix", "avec trois forums": neither "le" nor "a" is the article they start with
    assert "event" not in kind_of("Selon Marc Dorval, de Quentavia, les prix vont baisser.").values()
    assert "event" not in kind_of("Pour Anne Roussel, Directrice de Vellora, avec trois forums par an, le réseau grandit.").values()
    assert kind_of("Le Salon Vert, la foire agricole de la région, ouvre demain.").get("Salon Vert") == "event"


def test_a_descriptor_s_field_may_stand_between_it_and_the_name():
    kinds = kind_of("Brett Cole, un analyste de la société de cybersécurité Vexor, a répondu.")
    assert kinds.get("Vexor") == "organization"
    assert kind_of("Le groupe de réflexion Orbis House a publié un rapport.").get("Orbis House") == "organization"
    # an English name that goes on with "and" is left whole to the tagger, never cut at "and"
    found = organizations("Selon Paul Roy, du groupe de réflexion Center for Maritime and Coastal Studies, la mer monte.")
    assert "Center for Maritime" not in found
    # an article after "de" is no field: "la société de la famille X" is not X
    assert "Moreau" not in organizations("La société de la famille Moreau a fermé, selon Paul Roy.")


def test_a_french_verb_a_is_no_article_of_an_apposed_descriptor():
    # "Lyon, a levé des fonds": "a" is the verb, "fonds" no descriptor of Lyon
    assert kind_of("La société Vexor, basée à Lyon, a levé des fonds.").get("Lyon") == "place"
    assert kind_of("Robotik, une entreprise lyonnaise, a levé des fonds.").get("Robotik") == "organization"


@pytest.mark.parametrize("text, name", [
    ("Jordan Hale set up Velmar Media LLC in 2009.", "Velmar Media LLC"),
    ("She spent ten years at Harlow Steel Corporation before retiring.", "Harlow Steel Corporation"),
    ("Anna Berg is a partner of Berg & Lowe Associates LLC in Denver.", "Berg & Lowe Associates LLC"),
    ("He chairs the Harlow & Sons Foundation.", "Harlow & Sons Foundation"),
])
def test_a_legal_form_or_a_name_ending_makes_the_capitalized_words_before_it_a_name_with_its_ampersands(text, name):
    ents, _ = read(text, "en")
    assert name in {m.text for m in ents.mentions if m.entity.kind == "organization"}
