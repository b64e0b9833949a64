"""Fact kinds: the names users and gold files use (``member_of``...) and how each is stored.

Each kind has a direct edge (what paths walk) and, for facts that carry dates, roles, amounts
or evidence, a node class. This table is the single place that maps the two, as
``docs/ontology.md`` does; statistics, extraction scoring and projections read it.

>>> KINDS["member_of"].edge == str(ORG.memberOf)
True
>>> sorted(k.name for k in KINDS.values() if k.node == str(ORG.Post))
['holds_post']
"""

from __future__ import annotations

from dataclasses import dataclass

from innograph.ontology.ns import IG, ORG, SDO


@dataclass(frozen=True)
class FactKind:
    """A kind of fact: its name, direct edge predicate and (optional) node class."""

    name: str
    edge: str | None
    node: str | None
    label: str


KINDS: dict[str, FactKind] = {
    k.name: k
    for k in (
        FactKind("member_of", str(ORG.memberOf), str(ORG.Membership), "membership"),
        FactKind("holds_post", str(SDO.worksFor), str(ORG.Post), "post held"),
        FactKind("funds", str(SDO.funder), str(SDO.MonetaryGrant), "funding"),
        FactKind("supports", str(SDO.sponsor), None, "support"),
        FactKind("partner_of", str(IG.partnerOf), str(IG.Agreement), "partnership or agreement"),
        FactKind("participates_in", str(IG.participatesIn), str(IG.Participation), "project participation"),
        FactKind("organizes", str(SDO.organizer), None, "event organizer"),
        FactKind("event_location", str(SDO.location), None, "event or organization location"),
        FactKind("attends", str(SDO.attendee), None, "event attendee"),
        FactKind("created_by", str(SDO.founder), None, "founder or creator"),
        FactKind("quoted", None, str(SDO.Quotation), "quotation"),
        FactKind("author_of", str(SDO.author), None, "authorship"),
        FactKind("mentioned", str(SDO.mentions), None, "mention in an article"),
    )
}

#: Gold-file kinds that share a storage with another kind.
ALIASES = {"founded_by": "created_by", "located_in": "event_location"}


def kind(name: str) -> FactKind:
    """The fact kind called `name` (aliases accepted); ValueError lists the valid names."""
    key = ALIASES.get(name, name)
    try:
        return KINDS[key]
    except KeyError:
        valid = ", ".join(sorted([*KINDS, *ALIASES]))
        raise ValueError(f"unknown fact kind {name!r}; use one of: {valid}") from None
