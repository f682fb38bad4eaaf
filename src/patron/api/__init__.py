"""The REST API (FastAPI): thin over the library the CLI calls, with tokens, roles and an
audit log of every write. :func:`create_app` builds it; ``patron serve`` runs it.

FastAPI is imported on first use of :func:`create_app`, not with this package: the
CLI registers ``patron serve`` and ``patron users`` from :mod:`patron.api.commands`,
and no other command should pay for the web stack.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from patron.api.app import create_app

__all__ = ["create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from patron.api.app import create_app

        return create_app
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
