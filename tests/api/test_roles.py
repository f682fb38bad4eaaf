"""The role matrix: every endpoint, asked with no token and by each role.

Reads answer viewers and up; ingest and comments need an analyst; accounts and the
audit log need an admin; health and the OpenAPI pages answer anyone. Every endpoint
the app has must be in :data:`ENDPOINTS`, so a new one cannot skip this test.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from pathlib import Path

import pytest

from patron.kb import KnowledgeBase
from patron.store.accounts import rank
from tests.api.conftest import WHO, Api, make_api
from tests.factory import MINI

# (method, route, the URL asked or "" for the route itself, body, role needed (None:
# anyone), status when allowed). {claim_id}, {name} and {token_id} are made fresh for
# each case, so a removal in one case leaves the others theirs; a "FRESH" body too.
ENDPOINTS: list[tuple[str, str, str, object, str | None, int]] = [
    ("GET", "/api/health", "", None, None, 200),
    ("GET", "/api/docs", "", None, None, 200),
    ("GET", "/api/openapi.json", "", None, None, 200),
    ("GET", "/api/actors", "", None, "viewer", 200),
    ("GET", "/api/actors/{name}", "/api/actors/Hamas", None, "viewer", 200),
    ("GET", "/api/claims", "/api/claims?actor=Hamas", None, "viewer", 200),
    ("GET", "/api/claims/{claim_id}", "", None, "viewer", 200),
    ("GET", "/api/claims/{claim_id}/reviews", "", None, "viewer", 200),
    ("POST", "/api/claims/{claim_id}/comments", "", {"text": "checked"}, "analyst", 201),
    ("POST", "/api/claims/{claim_id}/review", "", {"status": "accepted"}, "analyst", 201),
    ("POST", "/api/claims/{claim_id}/correction", "", {"stance": "alleged"}, "analyst", 201),
    ("GET", "/api/reviews/queue", "", None, "viewer", 200),
    ("GET", "/api/who-backs/{actor}", "/api/who-backs/Hamas", None, "viewer", 200),
    ("GET", "/api/backed-by/{actor}", "/api/backed-by/Iran", None, "viewer", 200),
    ("GET", "/api/documents", "", None, "viewer", 200),
    ("GET", "/api/documents/{doc_id}", "/api/documents/test-report", None, "viewer", 200),
    ("GET", "/api/documents/{doc_id}/text", "/api/documents/test-report/text", None, "viewer", 200),
    ("POST", "/api/documents", "", "FRESH", "analyst", 201),
    ("GET", "/api/analyses", "", None, "viewer", 200),
    ("GET", "/api/analyses/patrons", "/api/analyses/patrons?actor=Hamas", None, "viewer", 200),
    ("GET", "/api/analyses/clients", "/api/analyses/clients?actor=Iran", None, "viewer", 200),
    ("GET", "/api/analyses/dependence", "/api/analyses/dependence?actor=Hamas", None, "viewer",
     200),
    ("GET", "/api/analyses/brokers", "", None, "viewer", 200),
    ("GET", "/api/analyses/paths", "/api/analyses/paths?a=Iran&b=Hamas", None, "viewer", 200),
    ("GET", "/api/analyses/interdiction", "/api/analyses/interdiction?a=Iran&b=Hamas", None,
     "viewer", 200),
    ("GET", "/api/analyses/blocs", "", None, "viewer", 200),
    ("GET", "/api/analyses/changes", "/api/analyses/changes?y1=2010&y2=2020", None, "viewer", 200),
    ("GET", "/api/analyses/crossings", "", None, "viewer", 200),
    ("POST", "/api/simulations", "", {"trigger": "Iran attacks Qatar", "date": "2023-10-07",
                                      "runs": 100}, "viewer", 200),
    ("GET", "/api/exports/{fmt}", "/api/exports/csv", None, "viewer", 200),
    ("GET", "/api/users", "", None, "admin", 200),
    ("POST", "/api/users", "", "FRESH", "admin", 201),
    ("DELETE", "/api/users/{name}", "", None, "admin", 204),
    ("GET", "/api/users/{name}/tokens", "", None, "admin", 200),
    ("POST", "/api/users/{name}/tokens", "", {"label": "laptop"}, "admin", 201),
    ("DELETE", "/api/tokens/{token_id}", "", None, "admin", 204),
    ("GET", "/api/audit", "", None, "admin", 200),
]
_fresh = itertools.count()


@pytest.fixture(scope="module")
def matrix_api(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Api]:
    """One API for the whole matrix (SQLite: who may call what does not depend on the
    backend; the other API tests run on both)."""
    url = f"sqlite:///{Path(tmp_path_factory.mktemp('roles')) / 'kb.db'}"
    kb = KnowledgeBase.open(url, create=True)
    kb.init(MINI)
    made = make_api(kb)
    with made.client:
        yield made
    kb.close()


def _expected(ok: int, needed: str | None, who: str) -> int:
    if needed is None:
        return ok
    if who == "nobody":
        return 401
    return 403 if rank(who) < rank(needed) else ok


def _body(route: str, body: object, n: int) -> object:
    if body != "FRESH":
        return body
    if route == "/api/users":
        return {"name": f"newcomer-{n}", "role": "viewer"}
    return {"name": f"n{n}.txt", "text": f"Iran funds Hamas, officials said ({n})."}


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "route", "url", "body", "needed", "ok"), ENDPOINTS,
                         ids=[f"{e[0]} {e[1]}" for e in ENDPOINTS])
def test_role_matrix(matrix_api: Api, method: str, route: str, url: str, body: object,
                     needed: str | None, ok: int, who: str) -> None:
    accounts = matrix_api.service.accounts
    n = next(_fresh)
    name = f"target-{n}"
    accounts.add_user(name, "viewer", by="test")
    issued = accounts.issue(name, by="test")
    assert issued is not None
    claim = matrix_api.kb.store.claims()[0].id
    asked = (url or route).format(claim_id=claim, name=name, token_id=issued.token.id)
    answer = matrix_api.client.request(method, asked, json=_body(route, body, n),
                                       headers=matrix_api.headers(who))  # fmt: skip
    assert answer.status_code == _expected(ok, needed, who), answer.text
    if answer.status_code in (401, 403):
        kind = "Unauthorized" if who == "nobody" else "Forbidden"
        assert answer.json()["error"]["type"] == kind


def test_every_endpoint_is_in_the_matrix(matrix_api: Api) -> None:
    schema = matrix_api.client.get("/api/openapi.json").json()
    routes = {(m.upper(), path) for path, ops in schema["paths"].items() for m in ops}
    listed = {(e[0], e[1]) for e in ENDPOINTS}
    assert routes - listed == set(), "endpoints missing from the role matrix"
    assert listed - routes == {("GET", "/api/docs"), ("GET", "/api/openapi.json")}
