"""Accounts of the REST API: users with a role, their tokens, and the audit log.

Invariants: a token's secret is shown once, when it is issued, and never stored; the
store keeps its SHA-256 digest and compares digests only. Every write made here
(a user added or removed, a token issued or revoked) writes its audit row in the
same transaction, so the log holds a row for every change and no row for a change
that was rolled back. Roles are ordered: each one may do what the ones before it may.

>>> rank("viewer") < rank("analyst") < rank("admin")
True
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from sqlalchemy import Connection, delete, func, insert, select

from patron.errors import InputError
from patron.store.repository import Store
from patron.store.schema import audit, tokens, users

__all__ = [
    "ROLES",
    "Accounts",
    "Entry",
    "Issued",
    "Token",
    "User",
    "digest",
    "now",
    "rank",
    "record",
]

T = TypeVar("T")

#: The roles, weakest first: viewer reads; analyst also ingests and comments;
#: admin also manages users and tokens.
ROLES = ("viewer", "analyst", "admin")
_TOKEN_PREFIX = "patron_"
_NAME_LIMIT = 120


def rank(role: str) -> int:
    """How strong ``role`` is (its place in :data:`ROLES`)."""
    return ROLES.index(role)


def now() -> str:
    """The time of a write, UTC, to the millisecond: ``2026-12-03T17:50:34.823+00:00``."""
    return datetime.now(UTC).isoformat(timespec="milliseconds")


def digest(secret: str) -> str:
    """What the store keeps of a token: its SHA-256, hex. A token carries 256 random
    bits, so a fast hash is enough (no password stretching needed)."""
    return hashlib.sha256(secret.encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class User:
    name: str
    role: str
    created: str
    tokens: int = 0

    def record(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "created": self.created,
                "tokens": self.tokens}  # fmt: skip


@dataclass(frozen=True)
class Token:
    """A token as listings show it: its public id, never its secret."""

    id: str
    user: str
    label: str | None
    created: str

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "user": self.user, "label": self.label, "created": self.created}


@dataclass(frozen=True)
class Issued:
    """A token just issued, with the secret to hand to its user (shown this once)."""

    token: Token
    secret: str


@dataclass(frozen=True)
class Entry:
    """One audit row: who did what, to what, when."""

    id: int
    at: str
    who: str
    action: str
    target: str | None
    detail: dict[str, Any]

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "at": self.at, "who": self.who, "action": self.action,
                "target": self.target, "detail": self.detail}  # fmt: skip


def record(
    conn: Connection, who: str, action: str, target: str | None, detail: dict[str, Any]
) -> None:
    """Write one audit row on ``conn``, inside the caller's write transaction."""
    conn.execute(insert(audit).values(at=now(), who=who, action=action, target=target,
                                      detail=detail))  # fmt: skip


def _check_name(name: str) -> str:
    clean = name.strip()
    if not clean or len(clean) > _NAME_LIMIT or any(ch.isspace() for ch in clean):
        raise InputError(
            f"a user name is 1 to {_NAME_LIMIT} characters without spaces, not {name!r}",
            field="name",
        )
    return clean


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise InputError(f"unknown role {role!r}; one of {', '.join(ROLES)}", field="role")
    return role


class Accounts:
    """Users, tokens and the audit log of one knowledge base."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _write(self, work: Callable[[Connection], T]) -> T:
        return self.store._write(work)

    # --- users ------------------------------------------------------------

    def add_user(self, name: str, role: str, *, by: str) -> User:
        """A new user; InputError when the name is taken or the role unknown."""
        name, role = _check_name(name), _check_role(role)
        created = now()

        def work(conn: Connection) -> User:
            if conn.execute(select(users.c.id).where(users.c.name == name)).first():
                raise InputError(f"user {name!r} exists already", field="name")
            conn.execute(insert(users).values(name=name, role=role, created=created))
            record(conn, by, "user.add", name, {"role": role})
            return User(name, role, created)

        return self._write(work)

    def users(self) -> list[User]:
        count = (select(tokens.c.user_id, func.count().label("n"))
                 .group_by(tokens.c.user_id).subquery())  # fmt: skip
        stmt = (
            select(users, func.coalesce(count.c.n, 0).label("n"))
            .outerjoin(count, count.c.user_id == users.c.id)
            .order_by(users.c.name)
        )
        with self.store.engine.connect() as conn:
            return [User(r.name, r.role, r.created, int(r.n)) for r in conn.execute(stmt)]

    def user(self, name: str) -> User | None:
        return next((u for u in self.users() if u.name == name), None)

    def remove_user(self, name: str, *, by: str) -> bool:
        """Remove a user and revoke their tokens; False when there is no such user.
        Audit rows keep the user's name."""

        def work(conn: Connection) -> bool:
            row = conn.execute(select(users).where(users.c.name == name)).first()
            if row is None:
                return False
            revoked = conn.execute(delete(tokens).where(tokens.c.user_id == row.id)).rowcount
            conn.execute(delete(users).where(users.c.id == row.id))
            record(conn, by, "user.remove", name, {"role": row.role, "tokens_revoked": revoked})
            return True

        return self._write(work)

    # --- tokens -----------------------------------------------------------

    def issue(self, name: str, *, by: str, label: str | None = None) -> Issued | None:
        """A new token for user ``name`` (None when there is no such user)."""
        secret = _TOKEN_PREFIX + secrets.token_urlsafe(32)
        token_id = secrets.token_hex(4)
        created = now()

        def work(conn: Connection) -> Issued | None:
            row = conn.execute(select(users.c.id).where(users.c.name == name)).first()
            if row is None:
                return None
            conn.execute(insert(tokens).values(id=token_id, hash=digest(secret),
                                               user_id=row.id, label=label,
                                               created=created))  # fmt: skip
            record(conn, by, "token.issue", name, {"token": token_id, "label": label})
            return Issued(Token(token_id, name, label, created), secret)

        return self._write(work)

    def tokens(self, name: str | None = None) -> list[Token]:
        stmt = (select(tokens, users.c.name.label("user"))
                .join(users, users.c.id == tokens.c.user_id)
                .order_by(users.c.name, tokens.c.created, tokens.c.id))  # fmt: skip
        if name is not None:
            stmt = stmt.where(users.c.name == name)
        with self.store.engine.connect() as conn:
            return [Token(r.id, r.user, r.label, r.created) for r in conn.execute(stmt)]

    def revoke(self, token_id: str, *, by: str) -> bool:
        """Revoke a token by its public id; False when there is no such token."""

        def work(conn: Connection) -> bool:
            stmt = (select(users.c.name).select_from(tokens)
                    .join(users, users.c.id == tokens.c.user_id)
                    .where(tokens.c.id == token_id))  # fmt: skip
            owner = conn.execute(stmt).scalar()
            if owner is None:
                return False
            conn.execute(delete(tokens).where(tokens.c.id == token_id))
            record(conn, by, "token.revoke", owner, {"token": token_id})
            return True

        return self._write(work)

    def authenticate(self, secret: str) -> User | None:
        """The user holding the token ``secret``; None for an unknown or revoked one."""
        stmt = (select(users.c.name, users.c.role, users.c.created)
                .join(tokens, tokens.c.user_id == users.c.id)
                .where(tokens.c.hash == digest(secret)))  # fmt: skip
        with self.store.engine.connect() as conn:
            row = conn.execute(stmt).first()
        return User(row.name, row.role, row.created) if row else None

    # --- the audit log ------------------------------------------------------

    def log(self, who: str, action: str, target: str | None, detail: dict[str, Any]) -> None:
        """Audit a write that ran in its own transaction (an ingest through
        :class:`patron.kb.KnowledgeBase`): the row follows it, in a second one."""
        self._write(lambda conn: record(conn, who, action, target, detail))

    def entries(self, *, limit: int = 100, offset: int = 0) -> list[Entry]:
        """Audit rows, newest first."""
        stmt = select(audit).order_by(audit.c.id.desc()).limit(limit).offset(offset)
        with self.store.engine.connect() as conn:
            return [Entry(r.id, r.at, r.who, r.action, r.target, dict(r.detail or {}))
                    for r in conn.execute(stmt)]  # fmt: skip

    def count(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(audit)).scalar_one())
