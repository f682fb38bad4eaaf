"""The tree passes its linters: ruff on src, tests and bench, and mypy --strict on src
(pyproject.toml configures both). Run here so that a change CI tests cannot land with a
lint error that only `make lint` would have shown."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest

from tests.factory import REPO


def _tool(name: str) -> str:
    found = shutil.which(name, path=str(REPO / ".venv" / "bin")) or shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (pip install -e '.[test]' brings it)")
    return found


def test_ruff_finds_nothing() -> None:
    done = subprocess.run([_tool("ruff"), "check", "--no-cache", "src", "tests", "bench"],
                          cwd=REPO, capture_output=True, text=True, timeout=300)  # fmt: skip
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]


def test_mypy_strict_finds_nothing() -> None:
    done = subprocess.run([sys.executable, "-m", "mypy", "src"], cwd=REPO,
                          capture_output=True, text=True, timeout=900)  # fmt: skip
    if "No module named mypy" in done.stderr:
        pytest.skip("mypy is not installed (pip install -e '.[test]' brings it)")
    assert done.returncode == 0, done.stdout[-4000:] + done.stderr[-2000:]
