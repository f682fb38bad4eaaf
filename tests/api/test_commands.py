"""``patron serve`` (loopback unless told otherwise) and ``patron users …``."""

from __future__ import annotations

import json
from typing import Any

import pytest

from patron.kb import KnowledgeBase
from patron.store.accounts import Accounts
from tests.factory import run_cli


def _url(kb: KnowledgeBase) -> str:
    return kb.store.engine.url.render_as_string(hide_password=False)


@pytest.fixture
def served(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    """What ``patron serve`` hands Uvicorn, instead of serving."""
    import uvicorn

    seen: dict[str, Any] = {}

    def run(app: Any, **options: Any) -> None:
        seen.update(options, app=app)

    monkeypatch.setattr(uvicorn, "run", run)
    return seen


def test_serve_binds_loopback_by_default(capsys: pytest.CaptureFixture[str], kb: KnowledgeBase,
                                         served: dict[str, Any]) -> None:
    code, _, err = run_cli(capsys, "serve", "--db", _url(kb))
    assert code == 0, err
    assert (served["host"], served["port"]) == ("127.0.0.1", 8000)
    assert served["app"].openapi_url == "/api/openapi.json"
    assert served["app"].state.service.freeze_gc is True
    assert "warning" not in err


def test_serve_elsewhere_warns(capsys: pytest.CaptureFixture[str], kb: KnowledgeBase,
                               served: dict[str, Any]) -> None:
    code, _, err = run_cli(capsys, "serve", "--host", "0.0.0.0", "--port", "9001", "--db",
                           _url(kb))
    assert code == 0 and served["host"] == "0.0.0.0" and served["port"] == 9001
    assert "reachable from other machines" in err


def test_serve_without_a_knowledge_base_is_one_line(capsys: pytest.CaptureFixture[str],
                                                    served: dict[str, Any]) -> None:
    code, _, err = run_cli(capsys, "serve")  # PATRON_DB: a file that does not exist
    assert code == 2 and "patron init" in err and not served


def test_users_add_list_token_revoke_remove(capsys: pytest.CaptureFixture[str],
                                            kb: KnowledgeBase) -> None:
    db = ("--db", _url(kb))
    code, out, err = run_cli(capsys, "users", "add", "lena", "--role", "analyst", *db)
    assert code == 0, err
    first = out.strip()
    assert first.startswith("patron_") and "not shown again" in err
    accounts = Accounts(kb.store)
    assert accounts.authenticate(first) is not None
    code, out, _ = run_cli(capsys, "users", "token", "lena", "--label", "laptop", *db)
    second = out.strip()
    assert code == 0 and second != first
    code, out, _ = run_cli(capsys, "users", "list", "--json", *db)
    (row,) = [json.loads(line) for line in out.splitlines()]
    assert (row["name"], row["role"], row["tokens"]) == ("lena", "analyst", 2)
    assert first not in out and second not in out
    laptop = next(t["id"] for t in row["token_ids"] if t["label"] == "laptop")
    assert run_cli(capsys, "users", "revoke", laptop, *db)[0] == 0
    assert accounts.authenticate(second) is None and accounts.authenticate(first) is not None
    assert run_cli(capsys, "users", "remove", "lena", *db)[0] == 0
    assert accounts.authenticate(first) is None and accounts.users() == []
    actions = [e.action for e in reversed(accounts.entries())]
    assert actions == ["user.add", "token.issue", "token.issue", "token.revoke", "user.remove"]
    assert all(e.who.startswith("cli") for e in accounts.entries())


def test_users_errors_are_one_line_and_exit_2(capsys: pytest.CaptureFixture[str],
                                              kb: KnowledgeBase) -> None:
    db = ("--db", _url(kb))
    assert run_cli(capsys, "users", "add", "x", "--role", "root", *db)[0] == 2
    for args in (("token", "ghost"), ("remove", "ghost"), ("revoke", "feedbeef")):
        code, _, err = run_cli(capsys, "users", *args, *db)
        assert code == 2 and "error" in err and len(err.strip().splitlines()) == 1


def test_serve_with_workers_hands_uvicorn_the_factory(capsys: pytest.CaptureFixture[str],
                                                      kb: KnowledgeBase,
                                                      served: dict[str, Any]) -> None:
    import os

    code, _, err = run_cli(capsys, "serve", "--workers", "2", "--db", _url(kb))
    assert code == 0, err
    assert served["app"] == "patron.api.app:served" and served["factory"] is True
    assert served["workers"] == 2 and served["host"] == "127.0.0.1"
    assert os.environ["PATRON_DB"] == _url(kb)
    from patron.api.app import served as factory

    app = factory()
    assert app.state.service.freeze_gc is True
    app.state.service.close()
