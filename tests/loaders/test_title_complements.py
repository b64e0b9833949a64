"""A title noun and its complements, read by the rules alone: the organizations listed after one
title (with or without a repeated "de"), a title split in two by the parser, titles qualified by the
word after them, titles of monarchs and chancellors with a demonym, and titles not (yet) held.
Every sentence here is our own."""

from __future__ import annotations

import pytest

pytest.importorskip("spacy")

from tests.loaders.conftest import pairs  # noqa: E402


pytestmark = pytest.mark.usefixtures("rules_only")


def posts(text: str) -> set[tuple]:
    return pairs(text, "holds_post")


@pytest.mark.parametrize("text, person, orgs", [
    # the organizations listed after one title, then the name set off by commas
    ("L'ancien défenseur de Lorient, Nantes et Brest, Paul Vimard, a pris sa retraite.",
     "Paul Vimard", {"Lorient", "Nantes", "Brest"}),
    # a bare second name (no "de", no article) shares the first one's "de"
    ("L'ancien manager de Lorient et Brest Paul Vimard est arrivé hier.",
     "Paul Vimard", {"Lorient", "Brest"}),
    ("L'ancien attaquant de Lorient et de Brest Paul Vimard a signé un contrat.",
     "Paul Vimard", {"Lorient", "Brest"}),
])
def test_the_organizations_listed_after_one_title(text, person, orgs):
    assert {(person, o) for o in orgs} <= posts(text)


def test_a_title_the_parser_split_in_two_is_the_persons():
    assert ("Paul Vimard", "Fondation Kelberg") in posts(
        "Paul Vimard, ancien consul belge et président-directeur général de la Fondation Kelberg, a parlé.")


@pytest.mark.parametrize("text, person, org", [
    ("L'attachée de presse de la Fondation Kelberg, Julie Morand, a démenti.", "Julie Morand", "Fondation Kelberg"),
    ("Le chargé de mission de la Fondation Kelberg, Paul Morand, a été convoqué.", "Paul Morand", "Fondation Kelberg"),
    ("Le chancelier autrichien, Paul Morand, a déclaré que l'Autriche restera neutre.", "Paul Morand", "Autriche"),
    ("Le roi du Maroc, Hassan Morand, a reçu les ministres.", "Hassan Morand", "Maroc"),
])
def test_qualified_titles_chancellors_and_monarchs(text, person, org):
    assert (person, org) in posts(text)


def test_a_truck_loaded_with_sand_is_no_title():
    assert not posts("Un camion chargé de sable a été arrêté par Paul Morand à Lyon.")


def test_a_government_post_abroad_is_the_countrys_not_the_citys():
    found = posts("L'ambassadeur américain à Vienne, Paul Morand, a été convoqué. Les États-Unis protestent.")
    assert ("Paul Morand", "États-Unis") in found
    assert ("Paul Morand", "Vienne") not in found


def test_a_name_right_after_a_nested_title_is_that_titles():
    found = posts("La pression a forcé le roi Albert III de Norlande - cousin de la reine Mathilde - à relâcher son emprise.")
    assert ("Mathilde", "Norlande") not in found


def test_a_title_one_may_hold_one_day_is_not_held():
    found = posts("Paul Morand, ministre régional et éventuel futur chancelier autrichien, a parlé. L'Autriche vote.")
    assert ("Paul Morand", "Allemagne") not in found


@pytest.mark.parametrize("text, person, org", [
    # "l'un des T de Y": the one stands where the title would
    ("Selon Jean Dubois, l'un des dirigeants du club Lorient, la saison est finie.", "Jean Dubois", "Lorient"),
    # the complement the parser hung on the title's adjective
    ("L'un des maires adjoints de Lyon, Jean Dubois, a démissionné.", "Jean Dubois", "Lyon"),
    # a second title of the one named, after the first one's complement and a comma
    ("L'envoyé de l'Union africaine au Sahel, l'ancien président ghanéen Jean Dubois, est arrivé au Ghana.",
     "Jean Dubois", "Union africaine"),
])
def test_one_of_the_titled_a_title_with_its_adjectives_complement_and_a_second_title(text, person, org):
    assert (person, org) in posts(text)


def test_a_titled_name_then_a_second_title_is_a_list_of_two_people():
    found = posts("Le président du Gabon Paul Morand, le dirigeant du Togo Jean Dubois et des "
                  "représentants de l'ONU ont assisté.")
    assert ("Paul Morand", "Gabon") in found
    assert ("Paul Morand", "Togo") not in found


def test_a_bare_title_after_a_titled_name_describes_that_name():
    found = posts("Le ministre Jean Dubois est arrivé au Mali, et l'ambassadeur Paul Morand, conseiller spécial de la "
                  "Fondation Kelberg, se rend au Kenya.")
    assert ("Paul Morand", "Fondation Kelberg") in found


def test_an_ambassador_accredited_to_an_organization_is_his_countrys():
    found = posts("Le Kenya a protesté. L'ambassadeur kényan auprès des Nations unies, Paul Morand, a rejeté le rapport.")
    assert ("Paul Morand", "Kenya") in found
    assert ("Paul Morand", "Nations unies") not in found


def test_a_preposition_the_parser_took_for_an_adjective_is_no_word_of_a_title():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from innograph.loaders.syntaxposts import title_text

    # "l'ambassadrice malienne auprès de ...": "auprès" hung on the title as an adjective
    doc = Doc(Vocab(), words=["ambassadrice", "malienne", "auprès", "de"], heads=[0, 0, 0, 2],
              deps=["ROOT", "amod", "amod", "fixed"])
    assert title_text(doc[0]) == "ambassadrice malienne"


def test_the_name_after_a_title_whose_complement_is_long_holds_it():
    # the title's own words run over a dozen words before the comma and the name
    text = ("« Nous ne céderons pas », a répété le président de la fédération nationale des producteurs de lait "
            "et de fromage de chèvre (FNPLFC), Jean Morel.")
    assert ("Jean Morel", "fédération nationale des producteurs de lait et de fromage de chèvre") in posts(text)
