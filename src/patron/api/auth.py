"""Who is asking, and may they: bearer tokens and the three roles.

Every endpoint but ``/api/health`` and the OpenAPI pages needs a token
(``Authorization: Bearer patron_…``): none, or one the store does not know, is a 401;
a role too weak for the endpoint is a 403. Roles are ordered
(:data:`patron.store.accounts.ROLES`): viewer reads, analyst also writes knowledge
(ingest, comments), admin also manages users and tokens.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from typing import Annotated, Any

from fastapi import Depends
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from patron.api.errors import Forbidden, Unauthorized
from patron.api.service import Service, service
from patron.store.accounts import User, rank

__all__ = ["Admin", "Analyst", "Viewer", "current_user", "require"]

_bearer = HTTPBearer(auto_error=False, description="A token from `patron users token NAME`")


async def current_user(
    svc: Annotated[Service, Depends(service)],
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> User:
    """The user whose token the request carries; 401 without a known one."""
    if credentials is None or not credentials.credentials:
        raise Unauthorized("no token: send 'Authorization: Bearer TOKEN' "
                           "(patron users token NAME makes one)")  # fmt: skip
    user = svc.authenticate(credentials.credentials)
    if user is None:
        raise Unauthorized("unknown or revoked token")
    return user


def require(
    role: str, asker: Callable[..., Coroutine[Any, Any, User]] = current_user
) -> Callable[[User], Coroutine[Any, Any, User]]:
    """A dependency passing users whose role is at least ``role`` (403 otherwise);
    ``asker`` says who is asking (a bearer token here; the pages pass their session)."""
    needed = rank(role)

    # The dependency as a default, not in the annotation: annotations are strings here
    # (postponed), and FastAPI resolves them in the module's globals, not this closure.
    async def check(user: User = Depends(asker)) -> User:
        if rank(user.role) < needed:
            raise Forbidden(f"this needs the {role} role; {user.name} is {user.role}")
        return user

    return check


Viewer = Annotated[User, Depends(require("viewer"))]
Analyst = Annotated[User, Depends(require("analyst"))]
Admin = Annotated[User, Depends(require("admin"))]
