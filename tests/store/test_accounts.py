"""Users, tokens and the audit log: digests only, and each change with its audit row
in one transaction."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from patron.errors import InputError, StoreError
from patron.kb import KnowledgeBase
from patron.store.accounts import ROLES, Accounts, digest, rank
from patron.store.schema import audit


def _audit_rows(kb: KnowledgeBase) -> int:
    with kb.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(audit)).scalar_one())


def test_roles_are_ordered_weakest_first() -> None:
    assert [rank(r) for r in ROLES] == [0, 1, 2] and ROLES[0] == "viewer"


def test_a_token_is_known_by_its_digest_only(kb: KnowledgeBase) -> None:
    accounts = Accounts(kb.store)
    accounts.add_user("ada", "admin", by="test")
    issued = accounts.issue("ada", by="test", label="ci")
    assert issued is not None
    user = accounts.authenticate(issued.secret)
    assert user is not None and (user.name, user.role) == ("ada", "admin")
    assert accounts.authenticate(issued.secret + "x") is None
    assert digest(issued.secret) != issued.secret and len(digest(issued.secret)) == 64
    assert [t.record() for t in accounts.tokens("ada")] == [issued.token.record()]


def test_a_refused_change_writes_no_audit_row(kb: KnowledgeBase) -> None:
    accounts = Accounts(kb.store)
    accounts.add_user("ada", "viewer", by="test")
    before = _audit_rows(kb)
    with pytest.raises(InputError, match="exists already"):
        accounts.add_user("ada", "admin", by="test")
    assert accounts.issue("nobody", by="test") is None
    assert not accounts.revoke("nothing", by="test")
    assert not accounts.remove_user("nobody", by="test")
    assert _audit_rows(kb) == before


def test_a_change_that_fails_takes_its_audit_row_with_it(kb: KnowledgeBase,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    accounts = Accounts(kb.store)
    accounts.add_user("ada", "viewer", by="test")
    before = _audit_rows(kb)
    import patron.store.accounts as module

    def failing(*_args: object) -> None:
        raise RuntimeError("disk full")

    real = module.record

    def record_then_fail(conn: object, *args: object) -> None:
        real(conn, *args)  # type: ignore[arg-type]
        failing()

    monkeypatch.setattr(module, "record", record_then_fail)
    with pytest.raises(RuntimeError):
        accounts.remove_user("ada", by="test")
    monkeypatch.undo()
    assert _audit_rows(kb) == before and accounts.user("ada") is not None


def test_removing_a_user_revokes_their_tokens(kb: KnowledgeBase) -> None:
    accounts = Accounts(kb.store)
    accounts.add_user("ada", "analyst", by="test")
    issued = [accounts.issue("ada", by="test") for _ in range(2)]
    assert accounts.user("ada") is not None and accounts.users()[0].tokens == 2
    assert accounts.remove_user("ada", by="boss")
    assert all(i is not None and accounts.authenticate(i.secret) is None for i in issued)
    last = accounts.entries(limit=1)[0]
    assert (last.who, last.action, last.detail) == ("boss", "user.remove",
                                                     {"role": "analyst", "tokens_revoked": 2})


def test_names_and_roles_are_checked(kb: KnowledgeBase) -> None:
    accounts = Accounts(kb.store)
    for name in ("", "two words", "x" * 121):
        with pytest.raises(InputError) as info:
            accounts.add_user(name, "viewer", by="test")
        assert info.value.field == "name"
    with pytest.raises(InputError) as info:
        accounts.add_user("ada", "owner", by="test")
    assert info.value.field == "role"


def test_a_store_failure_is_a_store_error(kb: KnowledgeBase) -> None:
    accounts = Accounts(kb.store)
    kb.store.engine.dispose()
    with kb.store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE audit")
    with pytest.raises(StoreError):
        accounts.add_user("ada", "viewer", by="test")
