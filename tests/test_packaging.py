"""One import name: the top-level folders install under innograph.*, nothing else."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_subpackages_import_under_one_name():
    import innograph.graph.store
    import innograph.loaders.rdf
    import innograph.ontology.ns
    import innograph.queries.sparql  # noqa: F401

    assert Path(innograph.graph.store.__file__).parent.name == "graph"


def test_no_top_level_graph_or_queries_module(tmp_path):
    probe = "import importlib.util as u; print([n for n in ('graph','queries','loaders','ontology') if u.find_spec(n)])"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_import_is_light(tmp_path):
    probe = "import sys, innograph; print(sorted(m for m in ('spacy','neo4j','pyshacl','rich','networkx') if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


@pytest.mark.slow
def test_wheel_holds_only_the_innograph_package(tmp_path):
    build = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        check=True, capture_output=True, text=True,
    )
    # every folder of data files is declared: no wall of setuptools warnings at `make demo`
    assert "would be ignored" not in build.stdout + build.stderr
    [wheel] = tmp_path.glob("innograph-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    tops = {n.split("/", 1)[0] for n in names}
    assert tops == {"innograph", next(t for t in tops if t.endswith(".dist-info"))}
    for expected in ("innograph/graph/store.py", "innograph/ontology/innograph.ttl", "innograph/ontology/shapes.ttl",
                     "innograph/loaders/rdf.py", "innograph/loaders/relmodel.npz", "innograph/queries/sparql.py",
                     "innograph/queries/sparql/people.rq", "innograph/server/static/index.html",
                     "innograph/server/static/vendor/yasgui.min.js", "innograph/server/static/vendor/cytoscape.LICENSE",
                     "innograph/examples/seeds/000_165a3a16ab718192.txt", "innograph/examples/seeds-handmade.ttl",
                     "innograph/examples/who-works-where.rq", "innograph/examples/seeds.gold.yaml"):
        assert expected in names
    entry_points = next(n for n in names if n.endswith("entry_points.txt"))
    text = zipfile.ZipFile(wheel).read(entry_points).decode()
    assert "innograph = innograph.cli:main" in text
