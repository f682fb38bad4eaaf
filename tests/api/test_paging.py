"""Listings come a page at a time: total, limit, offset and next, in the store's order."""

from __future__ import annotations

from patron.store import ClaimFilter
from tests.api.conftest import Api


def test_walking_the_pages_gives_every_claim_once_in_order(api: Api) -> None:
    url: str | None = "/api/claims?limit=2"
    seen: list[str] = []
    pages = 0
    while url:
        answer = api.get(url)
        body = answer.json()
        seen += [c["id"] for c in body["items"]]
        url = body["next"]
        if url:
            assert answer.headers["link"] == f'<{url}>; rel="next"'
        pages += 1
    every = [c.id for c in api.kb.store.claims(ClaimFilter())]
    assert seen == every and body["total"] == len(every)
    assert pages == (len(every) + 1) // 2 > 1


def test_next_keeps_the_filters(api: Api) -> None:
    body = api.get("/api/claims?actor=Hamas&limit=1").json()
    assert body["total"] > 1
    assert "actor=Hamas" in body["next"] and "offset=1" in body["next"]


def test_the_last_page_has_no_next(api: Api) -> None:
    total = api.get("/api/claims").json()["total"]
    last = api.get(f"/api/claims?offset={total - 1}&limit=5")
    body = last.json()
    assert len(body["items"]) == 1 and body["next"] is None and "link" not in last.headers
    assert api.get(f"/api/claims?offset={total + 10}").json()["items"] == []


def test_limits_are_bounded(api: Api) -> None:
    for bad in ("limit=0", "limit=501", "offset=-1", "limit=many"):
        answer = api.get(f"/api/claims?{bad}")
        assert answer.status_code == 422
        assert answer.json()["error"]["field"] == bad.split("=")[0]


def test_actor_and_document_listings_page_too(api: Api) -> None:
    first = api.get("/api/actors?limit=3").json()
    second = api.get(first["next"]).json()
    assert len(first["items"]) == 3 and first["total"] == second["total"] > 3
    assert not {a["id"] for a in first["items"]} & {a["id"] for a in second["items"]}
    docs = api.get("/api/documents?limit=1").json()
    assert docs["total"] == 2 and docs["next"] is not None
