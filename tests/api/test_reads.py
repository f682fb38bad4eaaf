"""Reads answer what the CLI prints for the same question: the claim's wire form, the
who-backs and actor documents, the analyses' documents and the export files."""

from __future__ import annotations

import json
import re

import pytest

from tests.api.conftest import Api
from tests.factory import run_cli


def _url(api: Api) -> str:
    return api.kb.store.engine.url.render_as_string(hide_password=False)


def _cli_json(capsys: pytest.CaptureFixture[str], api: Api, *args: str) -> object:
    code, out, err = run_cli(capsys, *args, "--format", "json", "--db", _url(api))
    assert code == 0, err
    return json.loads(out)


def test_claims_are_the_cli_wire_form(api: Api, capsys: pytest.CaptureFixture[str]) -> None:
    answer = api.get("/api/claims?actor=Hamas&type=funding&type=arms&since=2009")
    assert answer.status_code == 200
    assert answer.headers["content-type"] == "application/json"
    expected = _cli_json(capsys, api, "claims", "--actor", "Hamas", "--type", "funding",
                         "--type", "arms", "--since", "2009")
    assert answer.json()["items"] == expected
    assert answer.json()["total"] == len(expected) > 0


def test_one_claim_is_its_wire_form(api: Api, capsys: pytest.CaptureFixture[str]) -> None:
    every = _cli_json(capsys, api, "claims")
    assert isinstance(every, list)
    first = every[0]
    assert api.get(f"/api/claims/{first['id']}").json() == first


def test_who_backs_is_the_cli_document(api: Api, capsys: pytest.CaptureFixture[str]) -> None:
    doc = api.get("/api/who-backs/Hamas?min_grade=C").json()
    left_out = doc.pop("left_out")
    assert doc == _cli_json(capsys, api, "who-backs", "Hamas", "--min-grade", "C")
    assert left_out == {"undated": 0, "unreviewed": 0}
    assert [p["actor"]["id"] for p in doc["patrons"]][:1] == ["iran"]


def test_backed_by_is_the_cli_document(api: Api, capsys: pytest.CaptureFixture[str]) -> None:
    doc = api.get("/api/backed-by/Iran").json()
    doc.pop("left_out")
    assert doc == _cli_json(capsys, api, "backed-by", "Iran")
    assert doc["role"] == "clients"


def test_actor_profile_is_the_cli_document(api: Api, capsys: pytest.CaptureFixture[str]) -> None:
    doc = api.get("/api/actors/hamas").json()  # an id resolves like a name
    doc.pop("left_out")
    assert doc == _cli_json(capsys, api, "actor", "Hamas")
    assert "Islamic Resistance Movement" in doc["actor"]["aliases"]


def test_actor_list_filters_by_kind_and_name(api: Api, capsys: pytest.CaptureFixture[str]
                                             ) -> None:
    states = api.get("/api/actors?kind=state&limit=500").json()
    assert states["items"] == _cli_json(capsys, api, "actors", "--kind", "state")
    assert {a["id"] for a in api.get("/api/actors?query=hizb").json()["items"]} == {"hezbollah"}


@pytest.mark.parametrize(("name", "query", "cli"), [
    ("patrons", "actor=Hamas&top=3", ["patrons", "Hamas", "--top", "3"]),
    ("clients", "actor=Iran", ["clients", "Iran"]),
    ("dependence", "actor=Hamas&as_of=2020", ["dependence", "Hamas", "--as-of", "2020"]),
    ("brokers", "to=Hamas", ["brokers", "--to", "Hamas"]),
    ("paths", "a=Iran&b=Hamas&k=2", ["paths", "Iran", "Hamas", "--k", "2"]),
    ("interdiction", "a=Iran&b=Hamas", ["interdiction", "Iran", "Hamas"]),
    ("blocs", "since=2010&until=2021", ["blocs", "--since", "2010", "--until", "2021"]),
    ("changes", "y1=2010&y2=2020", ["changes", "2010", "2020"]),
    ("crossings", "kind=sect", ["crossings", "--kind", "sect"]),
])
def test_analyses_are_the_cli_documents(api: Api, capsys: pytest.CaptureFixture[str], name: str,
                                        query: str, cli: list[str]) -> None:
    answer = api.get(f"/api/analyses/{name}?{query}")
    assert answer.status_code == 200, answer.text
    assert answer.json() == _cli_json(capsys, api, "analyze", *cli)


def test_the_analyses_listed_are_those_served(api: Api) -> None:
    listed = api.get("/api/analyses").json()["analyses"]
    for entry in listed:
        assert api.get(entry["endpoint"] + "?actor=Hamas&a=Iran&b=Hamas&y1=2010&y2=2020"
                       ).status_code == 200


@pytest.mark.parametrize("fmt", ["json", "jsonl", "csv", "gexf", "graphml", "edges", "ftm"])
def test_exports_are_the_cli_files(api: Api, capsys: pytest.CaptureFixture[str],
                                   fmt: str) -> None:
    answer = api.get(f"/api/exports/{fmt}?actor=Hamas&stance=asserted&stance=reported")
    assert answer.status_code == 200
    code, out, err = run_cli(capsys, "export", fmt, "--actor", "Hamas", "--stance", "asserted",
                             "--stance", "reported", "--db", _url(api))
    assert code == 0, err
    assert answer.content == out.encode("utf-8") and answer.content
    assert "attachment" in answer.headers["content-disposition"]


def test_document_with_its_claims(api: Api) -> None:
    doc = api.get("/api/documents/test-report").json()
    assert doc["document"]["publisher"] == "Test Publisher" and "text" not in doc["document"]
    assert doc["total"] == len(doc["items"]) > 0
    assert {c["evidence"]["document"] for c in doc["items"]} == {"test-report"}
    listed = api.get("/api/documents").json()
    assert "test-report" in [d["id"] for d in listed["items"]]


def test_simulation_is_the_cli_document(network_api: Api,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    body = {"trigger": "Israel attacks Hamas", "date": "2023-10-07", "runs": 500, "seed": 3}
    answer = network_api.post("/api/simulations", body, who="viewer")
    assert answer.status_code == 200, answer.text
    code, out, err = run_cli(capsys, "simulate", "--trigger", "Israel attacks Hamas", "--date",
                             "2023-10-07", "--runs", "500", "--seed", "3", "--no-sensitivity",
                             "--format", "json", "--db", _url(network_api))
    assert code == 0, err
    assert answer.json() == json.loads(out)


def test_simulation_runs_are_capped(network_api: Api) -> None:
    body = {"trigger": "Israel attacks Hamas", "date": "2023-10-07", "runs": 10**6}
    answer = network_api.post("/api/simulations", body, who="viewer")
    assert answer.status_code == 422 and answer.json()["error"]["field"] == "runs"


def test_simulation_from_scenario_yaml(network_api: Api) -> None:
    yaml_text = ("name: test\ntriggers:\n  - {actor: Israel, action: attacks, target: Hamas, "
                 "date: 2023-10-07}\nruns: 300\n")
    answer = network_api.post("/api/simulations", {"scenario": yaml_text}, who="viewer")
    assert answer.status_code == 200, answer.text
    assert answer.json()["scenario"]["name"] == "test"
    assert answer.json()["scenario"]["runs"] == 300


def test_the_openapi_pages_load_nothing_from_elsewhere(api: Api) -> None:
    page = api.get("/api/docs", who="nobody")
    assert page.status_code == 200
    sources = re.findall(r'(?:src|href)="([^"]+)"', page.text)
    assert sources and all(s.startswith("/static/vendor/") for s in sources), sources
    assert "cdn." not in page.text and "https://" not in page.text
    for source in sources:
        assert api.get(source, who="nobody").status_code == 200, source
    assert "/api/openapi.json" in page.text
