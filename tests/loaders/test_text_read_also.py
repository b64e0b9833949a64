"""Links to other articles that a page runs into the text ("Lire aussi : <headline>") are set
apart from the prose around them (loaders/markup.py). The sentences are our own."""

from __future__ import annotations

from pathlib import Path

from innograph.loaders.markup import read_also_pieces
from innograph.loaders.text import read_articles


def paragraphs(body: str) -> list[str]:
    [article] = read_articles(Path("a.txt"), text="Un titre pour le dossier\n\n" + body)
    return article.text.split("\n\n")[1:]


def test_a_headline_run_into_the_next_sentence_becomes_its_own_paragraph():
    found = paragraphs("Le club a gagné samedi. Lire aussi : Paul Arnaud signe à Vestrand En Ligue 1, "
                       "le leader a encore gagné.")
    assert found == ["Le club a gagné samedi.", "Paul Arnaud signe à Vestrand", "En Ligue 1, le leader a encore gagné."]


def test_several_headlines_go_apart_up_to_where_the_prose_starts_again():
    found = paragraphs("Il a parlé. A lire aussi sur BBC Afrique : Le marché grandit encore La pluie revient "
                       "L'entraîneur du club, Marc Dutreil, a démissionné mardi.")
    assert found[0] == "Il a parlé."
    assert found[-1] == "L'entraîneur du club, Marc Dutreil, a démissionné mardi."
    assert not any("lire aussi" in p.lower() for p in found)


def test_prose_right_after_the_link_words_is_kept_in_its_paragraph():
    assert read_also_pieces("Il a parlé. Lire aussi: Le maire avait promis un pont. Il ne l'a pas fait.") == [
        "Il a parlé.", "Le maire avait promis un pont. Il ne l'a pas fait."]
    assert paragraphs("Il a parlé. Lire aussi: Le maire avait promis un pont. Il ne l'a pas fait.") == [
        "Il a parlé. Le maire avait promis un pont. Il ne l'a pas fait."]


def test_a_headline_at_the_end_of_a_line_is_set_apart_and_a_line_without_a_link_is_unchanged():
    assert read_also_pieces("Fin du récit. Lire aussi : Un pont neuf à Brenz") == ["Fin du récit.", "", "Un pont neuf à Brenz", ""]
    assert read_also_pieces("Il a lu aussi le journal.") == ["Il a lu aussi le journal."]
