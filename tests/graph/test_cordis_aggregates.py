"""Issue 9.1 on the real CORDIS sample: SPARQL aggregates over several sources give the figures an
independent pandas computation gives from the raw file (the default graph is a set)."""

from __future__ import annotations

from decimal import Decimal

import pytest

from innograph.graph.store import KnowledgeGraph
from tests.conftest import SHARED

CORDIS = SHARED / "data" / "cordis-h2020"

#: The natural question: French organizations by projects and EC total, top 15.
QUERY = """
SELECT ?o ?projects ?ec WHERE {
  { SELECT ?o (COUNT(DISTINCT ?p) AS ?projects) WHERE {
      ?o schema:address/schema:addressCountry "FR" ; ig:participatesIn ?p } GROUP BY ?o }
  { SELECT ?o (SUM(?v) AS ?ec) WHERE {
      ?g a schema:MonetaryGrant ; schema:fundedItem ?o ; schema:amount/schema:value ?v } GROUP BY ?o }
  OPTIONAL { ?o rdfs:label ?name }
} ORDER BY DESC(?ec) LIMIT 15
"""


@pytest.mark.slow
def test_top_french_organizations_match_pandas(tmp_path):
    pd = pytest.importorskip("pandas")
    from innograph.load import ingest

    if not (CORDIS / "organizations.csv").exists():
        pytest.skip("no CORDIS sample in shared/data")
    with KnowledgeGraph(tmp_path / "store") as kg:
        # several sources that state the same organizations (labels, addresses, types)
        ingest(kg, CORDIS / "organizations.csv", kind="cordis")
        ingest(kg, CORDIS / "projects.csv", kind="cordis")
        ingest(kg, SHARED / "data" / "sirene-large-employers" / "sirene_5000FR.csv", kind="sirene")
        rows = [(r["o"].value.rsplit("/", 1)[-1], int(r["projects"].value), Decimal(r["ec"].value))
                for r in kg.query(QUERY)]

    raw = pd.read_csv(CORDIS / "organizations.csv", sep=None, engine="python", dtype=str)
    french = raw[raw["country"] == "FR"].copy()
    french["ec"] = french["ecContribution"].fillna("").str.replace(",", ".").map(
        lambda v: Decimal(v) if v.strip() else Decimal(0))
    expected = (french.groupby("organisationID")
                .agg(projects=("projectID", "nunique"), ec=("ec", "sum"))
                .sort_values("ec", ascending=False).head(15))
    assert [(i, int(r.projects), r.ec) for i, r in expected.iterrows()] == rows
