"""``patron`` commands in child processes that a test can kill or run side by side.

Children are forked from a multiprocessing fork server that imported Patron once,
so a child starts in milliseconds and a kill lands while the command works, not
while Python imports. Each child writes its stdout and stderr to a log file.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from multiprocessing.process import BaseProcess
from pathlib import Path

__all__ = ["log_of", "start"]

_PRELOAD = [
    "patron.cli",
    "patron.kb",
    "patron.importers.acled",
    "patron.importers.ftm",
    "patron.importers.gdelt",
    "patron.importers.ucdp_esd",
    "sqlalchemy.dialects.sqlite",
]
_context = multiprocessing.get_context("forkserver")
_context.set_forkserver_preload(_PRELOAD)


def _main(args: list[str]) -> int:
    from patron.cli import main

    sys.argv = ["patron", *args]
    try:
        main()
    except SystemExit as exc:
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return 0


def _run(commands: list[list[str]], log: str) -> None:  # runs in the child
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(fd, 1)
    os.dup2(fd, 2)
    sys.stdout = open(1, "w", closefd=False)  # noqa: SIM115 (the process ends with it)
    sys.stderr = open(2, "w", closefd=False)  # noqa: SIM115
    code = 0
    for args in commands:
        code = code or _main(args)
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def start(log: Path, *commands: list[str]) -> BaseProcess:
    """A started child running ``patron ARGS`` for each of ``commands`` in turn; its
    exit code is the first non-zero one (``.kill()`` sends SIGKILL)."""
    process = _context.Process(target=_run, args=(list(commands), str(log)), daemon=True)
    process.start()
    return process


def log_of(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace") if log.exists() else ""
