"""The layers of the library, read from the code with `ast`: ontology ← graph ← {loaders, queries}
← innograph (session API, load orchestration, rendering, command line, server).

Every import counts, also those inside functions (a lazy import is still a dependency); only
imports under ``if TYPE_CHECKING:`` are left out. The test fails on an import against the layers
and on any cycle between modules.
"""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

ROOT = Path(__file__).resolve().parents[1]
#: Folder in the source tree -> the package it installs as (see pyproject.toml).
PACKAGES = {"ontology": "innograph.ontology", "graph": "innograph.graph", "loaders": "innograph.loaders",
            "queries": "innograph.queries", "innograph": "innograph"}
#: Modules every layer may use: the error hierarchy, the version, the shipped examples.
BASE = {"innograph", "innograph.errors", "innograph.examples"}
LOWER = {"innograph.ontology": 0, "innograph.graph": 1, "innograph.loaders": 2, "innograph.queries": 2}
TOP = 3


def modules() -> dict[str, Path]:
    found = {}
    for folder, package in PACKAGES.items():
        for path in sorted((ROOT / folder).rglob("*.py")):
            parts = path.relative_to(ROOT / folder).with_suffix("").parts
            if any(part.startswith(".") or part in ("static", "__pycache__") for part in parts):
                continue
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found[".".join((package, *parts))] = path
    return found


def _type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def imported_names(path: Path) -> set[str]:
    """Every module name `path` imports, as written (absolute imports only)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            names.add(node.module)
    return names


def imports(name: str, path: Path, known: set[str]) -> set[str]:
    """The innograph modules `name` imports (a ``from package import submodule`` names the submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    skip: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and _type_checking(node):
            skip.update(id(n) for child in node.body for n in ast.walk(child))
    found = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - (node.level - 1)]
                base = ".".join([*anchor, base] if base else anchor)
            for alias in node.names:
                sub = f"{base}.{alias.name}"
                found.add(sub if sub in known else base)
    return {_owner(m, known) for m in found if m == "innograph" or m.startswith("innograph.")} - {name, None}


def _owner(module: str, known: set[str]) -> str | None:
    while module and module not in known:
        module = module.rpartition(".")[0]
    return module or None


def layer(module: str) -> int | None:
    if module in BASE:
        return None
    for package, level in LOWER.items():
        if module == package or module.startswith(package + "."):
            return level
    return TOP


@pytest.fixture(scope="module")
def graph() -> nx.DiGraph:
    known = modules()
    g = nx.DiGraph()
    for name, path in known.items():
        g.add_node(name)
        for target in imports(name, path, set(known)):
            g.add_edge(name, target)
    return g


def test_the_import_graph_is_read(graph):
    assert graph.has_edge("innograph.cli.query", "innograph.cli.app")
    assert graph.has_edge("innograph.api", "innograph.load")
    assert len(graph) > 60


def test_no_import_against_the_layers(graph):
    wrong = []
    for a, b in graph.edges:
        la, lb = layer(a), layer(b)
        if la is None or lb is None:
            continue
        if lb > la or (la == lb == 2 and a.split(".")[1] != b.split(".")[1]):
            wrong.append(f"{a} -> {b}")
    assert not wrong, "imports against the layers (ontology <- graph <- {loaders, queries} <- innograph):\n" + \
        "\n".join(sorted(wrong))


def test_base_modules_import_nothing_above(graph):
    wrong = [f"{a} -> {b}" for a in BASE if a in graph for b in graph.successors(a)
             if layer(b) is not None and a != "innograph"]
    assert not wrong, "\n".join(wrong)


def test_no_module_cycles(graph):
    cycles = [sorted(c) for c in nx.strongly_connected_components(graph) if len(c) > 1]
    assert not cycles, "module cycles:\n" + "\n".join(" <-> ".join(c) for c in sorted(cycles))


def test_no_printing_libraries_below_the_front_door():
    """Output is the front door's business: no rich or click in ontology, graph, loaders, queries."""
    wrong = []
    for name, path in modules().items():
        if layer(name) in (0, 1, 2):
            found = {m for m in imported_names(path) if m.split(".")[0] in ("rich", "click")}
            wrong += [f"{name} imports {m}" for m in sorted(found)]
    assert not wrong, "\n".join(wrong)


def test_missing_extra_errors_name_extras_that_exist():
    """``MissingExtraError("x")`` tells the user to install ``innograph[x]``: x must be an extra."""
    import tomllib

    extras = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
                 ["optional-dependencies"])
    wrong = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "MissingExtraError"
                    and node.args and isinstance(node.args[0], ast.Constant)
                    and node.args[0].value not in extras):
                wrong.append(f"{name}:{node.lineno}: MissingExtraError({node.args[0].value!r})")
    assert not wrong, f"extras are {sorted(extras)}:\n" + "\n".join(wrong)
