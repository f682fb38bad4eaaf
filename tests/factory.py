"""Shared builders for tests."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from patron.model import Claim, Evidence, TimeSpan

MINI = Path(__file__).parent / "data" / "mini"
REPO = Path(__file__).resolve().parent.parent
SHARED_DATA = REPO.parent / "shared" / "data"


def claim(
    subject: str = "iran",
    type_: str = "funding",
    object_: str = "hamas",
    start: str | None = "2020",
    end: str | None = "2020",
    **fields: Any,
) -> Claim:
    """A claim on a test document; override any field."""
    evidence = fields.pop("evidence", Evidence(document="doc-test"))
    return Claim(
        subject=subject,
        type=type_,
        object=object_,
        time=TimeSpan(start=start, end=end),
        evidence=evidence,
        **fields,
    )


def run_cli(
    capsys: pytest.CaptureFixture[str], *args: str, monkeypatch: pytest.MonkeyPatch | None = None
) -> tuple[int, str, str]:
    """Run ``patron ARGS`` in-process; returns (exit code, stdout, stderr)."""
    from patron.cli import main

    old = sys.argv
    sys.argv = ["patron", *args]
    code = 0
    try:
        main()
    except SystemExit as exc:
        code = int(exc.code or 0)
    finally:
        sys.argv = old
    out, err = capsys.readouterr()
    return code, out, err
