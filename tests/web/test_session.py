"""Sessions: the login form, the cookie, the roles pages need, and the CSRF check."""

from __future__ import annotations

import pytest

from patron.web.session import csrf_token, safe_next
from tests.web.conftest import Pages

PAGES = ["/", "/explore/network.json", "/actors/hamas", "/claims", "/claims?actor=Hamas",
         "/simulate", "/review", "/upload"]  # fmt: skip


@pytest.mark.parametrize("path", PAGES)
def test_no_session_is_sent_to_login(pages: Pages, path: str) -> None:
    answer = pages.get(path, "nobody")
    assert answer.status_code == 303
    assert answer.headers["location"].startswith("/login?next=/")


def test_htmx_request_without_session_gets_hx_redirect(pages: Pages) -> None:
    answer = pages.get("/claims", "nobody", headers={"HX-Request": "true"})
    assert answer.status_code == 401
    assert answer.headers["hx-redirect"] == "/login?next=/claims"


def test_revoked_token_ends_the_session(pages: Pages) -> None:
    accounts = pages.service.accounts
    token = accounts.tokens("the-viewer")[0]
    assert pages.get("/claims").status_code == 200
    accounts.revoke(token.id, by="test")
    assert pages.get("/claims").status_code == 303


def test_login_sets_an_httponly_strict_cookie_and_goes_next(pages: Pages) -> None:
    pages.login("nobody")
    answer = pages.client.post("/login", data={"token": pages.tokens["viewer"],
                                               "next": "/claims?actor=Hamas"},
                               follow_redirects=False)  # fmt: skip
    assert answer.status_code == 303
    assert answer.headers["location"] == "/claims?actor=Hamas"
    cookie = answer.headers["set-cookie"].lower()
    assert "patron_session=" in cookie and "httponly" in cookie and "samesite=strict" in cookie


def test_login_with_unknown_token_fails(pages: Pages) -> None:
    pages.login("nobody")
    answer = pages.client.post("/login", data={"token": "patron_nope"})
    assert answer.status_code == 401
    assert "Unknown or revoked token" in answer.text
    assert "set-cookie" not in answer.headers


@pytest.mark.parametrize("asked", ["//evil.example/", "https://evil.example/", "\\\\evil", ""])
def test_login_never_sends_elsewhere(asked: str) -> None:
    assert safe_next(asked) == "/"


def test_logout_needs_the_csrf_token(pages: Pages) -> None:
    assert pages.post("/logout", {}, "viewer", csrf=False).status_code == 403
    answer = pages.post("/logout", {"csrf": csrf_token(pages.tokens["viewer"])}, "viewer",
                        csrf=False)  # fmt: skip
    assert answer.status_code == 303
    assert 'patron_session=""' in answer.headers["set-cookie"]


def test_viewer_pages_hide_analyst_links(pages: Pages) -> None:
    viewer = pages.get("/claims", "viewer").text
    analyst = pages.get("/claims", "analyst").text
    assert 'href="/review"' not in viewer and 'href="/review"' in analyst


@pytest.mark.parametrize("path", ["/review", "/upload"])
def test_viewer_cannot_open_analyst_pages(pages: Pages, path: str) -> None:
    answer = pages.get(path, "viewer")
    assert answer.status_code == 403
    assert "needs the analyst role" in answer.text


def test_pages_send_a_strict_content_security_policy(pages: Pages) -> None:
    csp = pages.get("/claims").headers["content-security-policy"]
    assert "script-src 'self'" in csp and "unsafe-eval" not in csp
    assert "'unsafe-inline'" not in csp.split("script-src")[1].split(";")[0]
    assert "frame-ancestors 'none'" in csp


def test_pages_are_not_in_the_openapi_schema(pages: Pages) -> None:
    paths = pages.client.get("/api/openapi.json").json()["paths"]
    assert all(p.startswith("/api/") for p in paths)
