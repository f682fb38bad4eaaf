"""Each test gets a fresh knowledge base; store tests run on SQLite and, when
PATRON_TEST_PG names a PostgreSQL database, on PostgreSQL too."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings
from sqlalchemy import create_engine, text

from patron.kb import KnowledgeBase
from tests.factory import MINI, REPO

PG_URL = os.environ.get("PATRON_TEST_PG")

# `make fuzz` (pytest --hypothesis-profile=fuzz): 100,000 generated inputs a fuzz test;
# `make test` keeps Hypothesis's default budget (100 a test). PATRON_FUZZ_EXAMPLES
# sets another budget for the fuzz profile (a quicker local search).
settings.register_profile(
    "fuzz", max_examples=int(os.environ.get("PATRON_FUZZ_EXAMPLES", "100000")), deadline=None
)
BACKENDS = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def _fresh_pg(url: str) -> str:
    engine = create_engine(url)
    with engine.begin() as conn:
        conn.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
        conn.execute(text("CREATE SCHEMA public"))
    engine.dispose()
    return url


@pytest.fixture(params=BACKENDS)
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A URL to an empty database, once per backend."""
    if request.param == "postgres":
        if not PG_URL:
            pytest.skip(
                "PATRON_TEST_PG is not set: no PostgreSQL to test against (.ci/run starts one)"
            )
        return _fresh_pg(PG_URL)
    return f"sqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'kb.db'}"


@pytest.fixture
def kb(db_url: str) -> Iterator[KnowledgeBase]:
    """A knowledge base holding the small test gazetteer and claims (tests/data/mini)."""
    base = KnowledgeBase.open(db_url, create=True)
    base.init(MINI)
    yield base
    base.close()


@pytest.fixture(autouse=True)
def _isolated_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """No test reads or writes the developer's patron.db."""
    monkeypatch.setenv("PATRON_DB", f"sqlite:///{tmp_path / 'default.db'}")
    monkeypatch.setenv("COLUMNS", "200")


#: The graph tests' small network (tests/data/network), used by graph and simulate tests.
NETWORK = Path(__file__).resolve().parent / "data" / "network"


@pytest.fixture(scope="session")
def network_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The small network as a SQLite knowledge base, built once a session."""
    url = f"sqlite:///{tmp_path_factory.mktemp('network') / 'kb.db'}"
    base = KnowledgeBase.open(url, create=True)
    base.init(NETWORK)
    base.close()
    return url


@pytest.fixture
def network_kb(network_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(network_url)
    yield base
    base.close()


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The demo knowledge base (``make demo``: starter data plus examples/documents),
    built once a session; report and CLI tests only read it."""
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'kb.db'}"
    base = KnowledgeBase.open(url, create=True)
    base.init()
    base.ingest([REPO / "examples" / "documents"])
    base.close()
    return url


@pytest.fixture(scope="session")
def demo_kb(demo_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(demo_url)
    yield base
    base.close()
