"""The examples in the extract modules' docstrings hold."""

from __future__ import annotations

import doctest

import pytest

from patron.extract import (
    cues,
    dates,
    grade,
    hedge,
    lexicon,
    literals,
    money,
    nominals,
    pairs,
    pipeline,
    rules,
    segment,
)


@pytest.mark.parametrize("module", [cues, dates, grade, hedge, lexicon, literals, money,
                                    nominals, pairs, pipeline, rules, segment])
def test_doctests_hold(module: object) -> None:
    result = doctest.testmod(module)  # type: ignore[arg-type]
    assert result.attempted > 0 and result.failed == 0
