"""Fixtures for the tests that talk to real servers (never mocks).

`bash .ci/with-servers.sh CMD` starts an Oxigraph SPARQL server and a Bolt server (ArcadeDB) on
127.0.0.1 and exports their addresses as INNOGRAPH_TEST_* variables; `make test` runs the whole
suite that way. Set INNOGRAPH_TEST_BOLT_URI (and _USER, _PASSWORD, _DATABASE) yourself to test
against a real Neo4j instead. Without the variables these tests skip, unless
INNOGRAPH_REQUIRE_SERVERS=1 (the script sets it), where they fail: CI must not pass by skipping.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path
from typing import NamedTuple

import pytest

HERE = Path(__file__).resolve().parent

SKIP_MESSAGE = "needs the test servers: run `make test` or `bash .ci/with-servers.sh pytest`"


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "integration: talks to the real servers started by .ci/with-servers.sh"
    )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test of this folder `integration` (select or skip them with -m)."""
    for item in items:
        if HERE in Path(item.path).resolve().parents:
            item.add_marker(pytest.mark.integration)


def _required() -> bool:
    return os.environ.get("INNOGRAPH_REQUIRE_SERVERS") == "1"


def _env(*names: str) -> list[str]:
    """The values of these variables; skip (or fail, when servers are required) if one is unset."""
    missing = [name for name in names if not os.environ.get(name)]
    if missing:
        if _required():
            pytest.fail(
                f"INNOGRAPH_REQUIRE_SERVERS=1 but {', '.join(missing)} is not set: "
                "run the tests through `bash .ci/with-servers.sh pytest`",
                pytrace=False,
            )
        pytest.skip(SKIP_MESSAGE)
    return [os.environ[name] for name in names]


class SparqlServer(NamedTuple):
    """The three endpoints of a SPARQL 1.1 server."""

    query: str
    update: str
    gsp: str


class BoltServer(NamedTuple):
    """An open neo4j driver and the database to use (None: the server's default)."""

    driver: object
    database: str | None


@pytest.fixture(scope="session")
def sparql_server() -> SparqlServer:
    query, update, gsp = _env(
        "INNOGRAPH_TEST_SPARQL_QUERY", "INNOGRAPH_TEST_SPARQL_UPDATE", "INNOGRAPH_TEST_SPARQL_GSP"
    )
    return SparqlServer(query, update, gsp)


@pytest.fixture(scope="session")
def bolt_server():
    uri, user, password = _env(
        "INNOGRAPH_TEST_BOLT_URI", "INNOGRAPH_TEST_BOLT_USER", "INNOGRAPH_TEST_BOLT_PASSWORD"
    )
    try:
        import neo4j
    except ImportError:
        if _required():
            pytest.fail(
                "the neo4j driver is not installed: pip install -e '.[neo4j]'", pytrace=False
            )
        pytest.skip("needs the neo4j driver: pip install -e '.[neo4j]'")
    database = os.environ.get("INNOGRAPH_TEST_BOLT_DATABASE") or None
    with neo4j.GraphDatabase.driver(uri, auth=(user, password)) as driver:
        driver.verify_connectivity()
        yield BoltServer(driver, database)


@pytest.fixture
def run_iri() -> str:
    """An IRI prefix unique to this test run, so reruns on the same server never collide."""
    return f"https://w3id.org/innograph/test/{uuid.uuid4().hex}/"
