"""An API client per test over tests/conftest.py's ``kb`` (SQLite, and PostgreSQL when
PATRON_TEST_PG is set), with one user of each role and their tokens."""

from __future__ import annotations

import shutil
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from patron.api import create_app
from patron.api.service import Service
from patron.kb import KnowledgeBase
from patron.store.accounts import ROLES

with warnings.catch_warnings():
    # Starlette 1.x suggests httpx2 for its test client; httpx is what it runs on today.
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

#: Who asks: no token, then each role, weakest first.
WHO = ("nobody", *ROLES)


@dataclass
class Api:
    client: TestClient
    service: Service
    tokens: dict[str, str]  # role → token

    @property
    def kb(self) -> KnowledgeBase:
        return self.service.kb

    def headers(self, who: str) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.tokens[who]}"} if who in self.tokens else {}

    def get(self, path: str, who: str = "viewer", **kw: Any) -> httpx.Response:
        return self.client.get(path, headers={**self.headers(who), **kw.pop("headers", {})},
                               **kw)

    def post(self, path: str, body: Any, who: str = "analyst") -> httpx.Response:
        return self.client.post(path, json=body, headers=self.headers(who))

    def delete(self, path: str, who: str = "admin") -> httpx.Response:
        return self.client.delete(path, headers=self.headers(who))

    def audit(self) -> list[dict[str, Any]]:
        """The audit log, oldest first."""
        return [e.record() for e in reversed(self.service.accounts.entries(limit=1000))]


def make_api(kb: KnowledgeBase) -> Api:
    app = create_app(kb)
    service: Service = app.state.service
    tokens = {}
    for role in ROLES:
        service.accounts.add_user(f"the-{role}", role, by="test")
        issued = service.accounts.issue(f"the-{role}", by="test")
        assert issued is not None
        tokens[role] = issued.secret
    return Api(TestClient(app, raise_server_exceptions=False), service, tokens)


@pytest.fixture
def api(kb: KnowledgeBase) -> Iterator[Api]:
    """The API over the small test knowledge base (tests/data/mini)."""
    made = make_api(kb)
    with made.client:
        yield made


@pytest.fixture
def network_api(network_url: str, tmp_path: Path) -> Iterator[Api]:
    """The API over a copy of the graph tests' small network (simulations need its ties)."""
    copy = tmp_path / "network.db"
    shutil.copyfile(network_url.removeprefix("sqlite:///"), copy)
    kb = KnowledgeBase.open(f"sqlite:///{copy}")
    made = make_api(kb)
    with made.client:
        yield made
    kb.close()
