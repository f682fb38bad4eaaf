"""``/api/users``, ``/api/tokens`` and ``/api/audit``: accounts and the audit log (admin).

A token's secret is in the answer that issues it and nowhere else, ever.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from patron.api.auth import Admin
from patron.api.errors import NotFound
from patron.api.paging import Paging, page
from patron.api.service import Service, service
from patron.store.accounts import ROLES, Issued

__all__ = ["router"]

router = APIRouter(prefix="/api", tags=["admin"])
Svc = Annotated[Service, Depends(service)]


class UserIn(BaseModel):
    name: str = Field(min_length=1, max_length=120)
    role: str = Field(description=f"One of {', '.join(ROLES)}")
    token: bool = Field(True, description="Also issue the user's first token")


class TokenIn(BaseModel):
    label: str | None = Field(None, max_length=200, description="What the token is for")


def _issued(issued: Issued) -> dict[str, Any]:
    return {**issued.token.record(), "token": issued.secret,
            "note": "store the token now: it is not shown again"}  # fmt: skip


@router.get("/users")
def list_users(svc: Svc, _user: Admin) -> dict[str, Any]:
    """Every user with their role and how many tokens they hold."""
    return {"users": [u.record() for u in svc.accounts.users()]}


@router.post("/users", status_code=201)
def add_user(svc: Svc, user: Admin, body: UserIn) -> dict[str, Any]:
    """Add a user (and, unless ``token`` is false, issue their first token)."""
    made = svc.accounts.add_user(body.name, body.role, by=user.name)
    out: dict[str, Any] = {"user": made.record()}
    if body.token:
        issued = svc.accounts.issue(made.name, by=user.name, label="first token")
        assert issued is not None, "the user was just added"
        out["token"] = _issued(issued)
    return out


@router.delete("/users/{name}", status_code=204)
def remove_user(svc: Svc, user: Admin, name: str) -> Response:
    """Remove a user and revoke their tokens."""
    if not svc.accounts.remove_user(name, by=user.name):
        raise NotFound(f"no user {name!r}")
    return Response(status_code=204)


@router.get("/users/{name}/tokens")
def list_tokens(svc: Svc, _user: Admin, name: str) -> dict[str, Any]:
    """A user's tokens (their public ids and labels, never secrets)."""
    if svc.accounts.user(name) is None:
        raise NotFound(f"no user {name!r}")
    return {"tokens": [t.record() for t in svc.accounts.tokens(name)]}


@router.post("/users/{name}/tokens", status_code=201)
def issue_token(svc: Svc, user: Admin, name: str, body: TokenIn) -> dict[str, Any]:
    """Issue a token for a user; the answer is the only place its secret appears."""
    issued = svc.accounts.issue(name, by=user.name, label=body.label)
    if issued is None:
        raise NotFound(f"no user {name!r}")
    return _issued(issued)


@router.delete("/tokens/{token_id}", status_code=204)
def revoke_token(svc: Svc, user: Admin, token_id: str) -> Response:
    """Revoke a token by its public id."""
    if not svc.accounts.revoke(token_id, by=user.name):
        raise NotFound(f"no token {token_id!r}")
    return Response(status_code=204)


@router.get("/audit")
def list_audit(request: Request, response: Response, svc: Svc, _user: Admin,
               at: Paging) -> dict[str, Any]:
    """The audit log, newest first: who wrote what, when."""
    items = svc.accounts.entries(limit=at.limit, offset=at.offset)
    return page(request, response, at, [e.record() for e in items], svc.accounts.count())
