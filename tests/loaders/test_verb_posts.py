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
