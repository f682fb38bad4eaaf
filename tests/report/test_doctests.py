"""The examples in the report modules' docstrings hold."""

from __future__ import annotations

import doctest

import pytest

from patron.report import outlook, render, wording


@pytest.mark.parametrize("module", [outlook, render, wording])
def test_doctests_hold(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
