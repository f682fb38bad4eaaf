"""The examples in the simulate modules' docstrings hold."""

from __future__ import annotations

import doctest

import pytest

from patron.simulate import calibrate, outcome, scenario, scores


@pytest.mark.parametrize("module", [calibrate, outcome, scenario, scores])
def test_doctests_hold(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
