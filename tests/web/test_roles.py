"""The pages' role matrix: every page route with no session, viewer, analyst and admin.

No session: a page sends the browser to ``/login`` (303); a role too weak is a 403 page;
otherwise the page answers. Page writes carry the session's CSRF token here (its check
has its own tests). A last test fails when a page route is missing from the matrix.
"""

from __future__ import annotations

from typing import Any

import pytest

from patron.store.accounts import rank
from patron.web.app import PAGES as web_pages
from tests.web.conftest import Pages

WHO = ("nobody", "viewer", "analyst", "admin")

SIMULATION = {"trigger": "Iran attacks Qatar", "date": "2023-10-07", "runs": "100"}
ARTICLE = ("note.txt", b"Iran sent money to Hamas in 2021, officials said.", "text/plain")

#: (method, route, url, form, needed role, answer when allowed)
PAGES: list[tuple[str, str, str, Any, str | None, int]] = [
    ("GET", "/login", "", None, None, 200),
    ("POST", "/login", "", "TOKEN", None, 303),
    ("POST", "/logout", "", {}, "viewer", 303),
    ("GET", "/", "", None, "viewer", 200),
    ("GET", "/explore/network.json", "", None, "viewer", 200),
    ("GET", "/explore/edge", "/explore/edge?source=iran&target=hamas&layer=support", None,
     "viewer", 200),
    ("GET", "/actors/{name}", "/actors/hamas", None, "viewer", 200),
    ("GET", "/actors/{name}/timeline.json", "/actors/hamas/timeline.json", None, "viewer", 200),
    ("GET", "/claims", "/claims?actor=Hamas", None, "viewer", 200),
    ("GET", "/claims/{claim_id}", "", None, "viewer", 200),
    ("GET", "/simulate", "", None, "viewer", 200),
    ("POST", "/simulate", "", SIMULATION, "viewer", 200),
    ("GET", "/review", "", None, "analyst", 200),
    ("POST", "/review/{claim_id}", "", {"status": "accepted"}, "analyst", 200),
    ("POST", "/review/{claim_id}/comment", "", {"text": "checked"}, "analyst", 200),
    ("POST", "/review/{claim_id}/correct", "", {"grade": "B2"}, "analyst", 200),
    ("GET", "/upload", "", None, "analyst", 200),
    ("POST", "/upload", "", "FILE", "analyst", 200),
    ("GET", "/upload/jobs/{job_id}", "/upload/jobs/no-such-job", None, "analyst", 404),
]  # fmt: skip


def _expected(ok: int, needed: str | None, who: str) -> int:
    if needed is None:
        return ok
    if who == "nobody":
        return 303
    return 403 if rank(who) < rank(needed) else ok


@pytest.mark.parametrize("who", WHO)
@pytest.mark.parametrize(("method", "route", "url", "form", "needed", "ok"), PAGES,
                         ids=[f"{p[0]} {p[1]}" for p in PAGES])
def test_page_role_matrix(pages: Pages, method: str, route: str, url: str, form: Any,
                          needed: str | None, ok: int, who: str) -> None:
    asked = (url or route).format(claim_id=pages.claims["wire"], name="hamas")
    if method == "GET":
        answer = pages.get(asked, who)
    elif form == "FILE":
        answer = pages.post(asked, {"kind": "articles"}, who, files={"files": ARTICLE})
    elif form == "TOKEN":
        answer = pages.post(asked, {"token": pages.tokens["viewer"]}, who)
    else:
        answer = pages.post(asked, form, who)
    assert answer.status_code == _expected(ok, needed, who), answer.text[:300]
    if answer.status_code == 303 and needed is not None:
        assert answer.headers["location"].startswith("/login")
    if answer.status_code == 403:
        assert f"needs the {needed} role" in answer.text


def test_every_page_route_is_in_the_matrix() -> None:
    routes = {(m, r.path) for router in web_pages for r in router.routes
              for m in getattr(r, "methods", None) or () if m != "HEAD"}  # fmt: skip
    assert len(routes) >= 19
    assert routes == {(p[0], p[1]) for p in PAGES}
