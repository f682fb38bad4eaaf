"""Errors are JSON, ``{"error": {"type", "message", ...}}``, with the status the
PatronError tree maps to; a bad filter names the query parameter at fault."""

from __future__ import annotations

import pytest

from patron.errors import StoreError
from tests.api.conftest import Api


@pytest.mark.parametrize(("query", "field"), [
    ("type=fundin", "type"),
    ("stance=sure", "stance"),
    ("since=20x", "since"),
    ("until=2017-13", "until"),
    ("since=2019&until=2018", "until"),
    ("min_grade=Z9", "min_grade"),
])
def test_a_bad_filter_is_a_400_naming_the_parameter(api: Api, query: str, field: str) -> None:
    answer = api.get(f"/api/claims?{query}")
    assert answer.status_code == 400
    error = answer.json()["error"]
    assert error["type"] == "InputError" and error["field"] == field and error["message"]


def test_who_backs_takes_support_types_only(api: Api) -> None:
    error = api.get("/api/who-backs/Hamas?type=attack").json()["error"]
    assert error["field"] == "type" and "not a support type" in error["message"]


def test_an_unknown_actor_is_a_404_with_candidates(api: Api) -> None:
    for path in ("/api/who-backs/Hamaz", "/api/claims?actor=Hamaz", "/api/actors/Hamaz",
                 "/api/analyses/patrons?actor=Hamaz"):
        answer = api.get(path)
        assert answer.status_code == 404, path
        error = answer.json()["error"]
        assert error["type"] == "UnknownActor" and "Hamas (hamas)" in error["candidates"]


def test_unknown_ids_are_404(api: Api) -> None:
    for path in ("/api/claims/clm-nothing", "/api/claims/clm-nothing/reviews",
                 "/api/documents/nothing", "/api/documents/nothing/text", "/api/nothing"):
        answer = api.get(path)
        assert answer.status_code == 404, path
        assert answer.json()["error"]["message"]
    assert api.post("/api/claims/clm-nothing/comments", {"text": "x"}).status_code == 404
    assert api.post("/api/claims/clm-nothing/review", {"status": "accepted"}).status_code == 404
    assert api.post("/api/claims/clm-nothing/correction",
                    {"grade": "B2"}).status_code == 404
    assert api.delete("/api/users/nobody-here").status_code == 404
    assert api.delete("/api/tokens/feedbeef").status_code == 404


def test_a_malformed_request_is_a_422_naming_the_field(api: Api) -> None:
    answer = api.get("/api/analyses/changes?y1=2010")
    assert answer.status_code == 422
    assert answer.json()["error"] | {"problems": None} == {
        "type": "InputError", "message": "y2: Field required", "field": "y2", "problems": None}
    assert api.post("/api/documents", {"text": "no name"}).json()["error"]["field"] == "name"
    assert api.get("/api/exports/xlsx").json()["error"]["field"] == "fmt"


def test_analysis_arguments_are_checked(api: Api) -> None:
    assert api.get("/api/analyses/changes?y1=2020&y2=2010").json()["error"]["field"] == "y2"
    assert api.get("/api/analyses/changes?y1=20x&y2=2010").json()["error"]["field"] == "y1"
    assert api.get("/api/analyses/crossings?kind=caste").json()["error"]["field"] == "kind"
    answer = api.get("/api/analyses/blocs?as_of=2015&since=2010")
    assert answer.status_code == 400 and answer.json()["error"]["field"] == "as_of"
    assert api.get("/api/actors?kind=tribe").json()["error"]["field"] == "kind"


def test_an_unreachable_store_is_a_503(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    def busy(*_args: object, **_kw: object) -> None:
        raise StoreError("the knowledge base is busy")

    monkeypatch.setattr(api.kb.store, "count", busy)
    answer = api.get("/api/claims")
    assert answer.status_code == 503
    assert answer.json() == {"error": {"type": "StoreError",
                                       "message": "the knowledge base is busy"}}


def test_an_unexpected_failure_is_a_500_that_says_no_more(api: Api,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    def broken(*_args: object, **_kw: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(api.kb.store, "count", broken)
    answer = api.get("/api/claims")
    assert answer.status_code == 500
    assert "secret" not in answer.text and answer.json()["error"]["type"] == "InternalError"


def test_a_bad_token_is_a_401_with_a_challenge(api: Api) -> None:
    for headers in ({"Authorization": "Bearer patron_madeup"}, {"Authorization": "Basic eDp5"},
                    {}):
        answer = api.client.get("/api/claims", headers=headers)
        assert answer.status_code == 401
        assert answer.headers["www-authenticate"] == "Bearer"
