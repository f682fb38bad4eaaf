"""``patron serve`` (the REST API under Uvicorn) and ``patron users …`` (accounts).

Token secrets are printed once, on stdout, when issued; everything else goes to
stderr. Account changes made here are audited as ``cli:LOGIN``.
"""

from __future__ import annotations

import json
import os
from typing import Annotated

import typer
from rich.console import Console

from patron import settings
from patron.cli.options import DbOpt, operator
from patron.errors import InputError
from patron.store.accounts import ROLES, Accounts, Issued

__all__ = ["serve", "users_app"]

users_app = typer.Typer(no_args_is_help=True,
                        help="Accounts of the REST API: add, list, token, revoke, remove.")
_err = Console(stderr=True)

NameArg = Annotated[str, typer.Argument(help="User name")]


def _accounts(db: str | None) -> Accounts:
    from patron.api.service import open_service

    return open_service(db).accounts


def _print_issued(issued: Issued) -> None:
    print(issued.secret)
    _err.print(f"token {issued.token.id} for {issued.token.user}: store it now, it is not "
               "shown again", highlight=False)  # fmt: skip


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on (loopback by default; "
                                            "anything else exposes the API)")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    workers: Annotated[int, typer.Option(min=1, max=64, help="Server processes (each "
                                         "keeps its own answers and views)")] = 1,
    db: DbOpt = None,
) -> None:
    """Serve the REST API (OpenAPI pages at /api/docs)."""
    import uvicorn

    from patron.api.app import create_app

    url = db or settings.get().db
    app = create_app(url, freeze_gc=True)  # checks the knowledge base before serving
    if host not in ("127.0.0.1", "localhost", "::1"):
        _err.print(f"[yellow]warning:[/] listening on {host}: reachable from other machines")
    _err.print(f"serving {url} on http://{host}:{port}/api/docs", highlight=False)
    if workers == 1:
        uvicorn.run(app, host=host, port=port, log_level="warning")
        return
    os.environ["PATRON_DB"] = url  # each worker process opens it (patron.api.app.served)
    uvicorn.run("patron.api.app:served", factory=True, host=host, port=port, workers=workers,
                log_level="warning")


@users_app.command("add")
def add(
    name: NameArg,
    role: Annotated[str, typer.Option(help=f"One of {', '.join(ROLES)}")] = "viewer",
    token: Annotated[bool, typer.Option(help="Also issue and print a first token")] = True,
    db: DbOpt = None,
) -> None:
    """Add a user; prints their first token (once)."""
    accounts = _accounts(db)
    made = accounts.add_user(name, role, by=operator())
    _err.print(f"added {made.name} ({made.role})", highlight=False)
    if token:
        issued = accounts.issue(made.name, by=operator(), label="first token")
        assert issued is not None, "the user was just added"
        _print_issued(issued)


@users_app.command("list")
def list_users(
    as_json: Annotated[bool, typer.Option("--json", help="JSON lines, one user each")] = False,
    db: DbOpt = None,
) -> None:
    """Every user, their role and tokens (ids and labels, never secrets)."""
    accounts = _accounts(db)
    tokens = accounts.tokens()
    for user in accounts.users():
        mine = [t.record() for t in tokens if t.user == user.name]
        if as_json:
            print(json.dumps({**user.record(), "token_ids": mine}, ensure_ascii=False))
        else:
            ids = ", ".join(t["id"] + (f" ({t['label']})" if t["label"] else "") for t in mine)
            print(f"{user.name}\t{user.role}\t{user.created}\t{ids}")


@users_app.command("token")
def token(
    name: NameArg,
    label: Annotated[str | None, typer.Option(help="What the token is for")] = None,
    db: DbOpt = None,
) -> None:
    """Issue another token for a user; prints it (once)."""
    issued = _accounts(db).issue(name, by=operator(), label=label)
    if issued is None:
        raise InputError(f"no user {name!r} (patron users list)", field="NAME")
    _print_issued(issued)


@users_app.command("revoke")
def revoke(
    token_id: Annotated[str, typer.Argument(metavar="TOKEN_ID", help="A token's id "
                                            "(patron users list)")],
    db: DbOpt = None,
) -> None:
    """Revoke a token by its id."""
    if not _accounts(db).revoke(token_id, by=operator()):
        raise InputError(f"no token {token_id!r} (patron users list)", field="TOKEN_ID")
    _err.print(f"revoked {token_id}", highlight=False)


@users_app.command("remove")
def remove(name: NameArg, db: DbOpt = None) -> None:
    """Remove a user and revoke their tokens."""
    if not _accounts(db).remove_user(name, by=operator()):
        raise InputError(f"no user {name!r} (patron users list)", field="NAME")
    _err.print(f"removed {name}", highlight=False)

