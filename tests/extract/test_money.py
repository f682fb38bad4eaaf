from __future__ import annotations

import pytest

from patron.extract.money import find_money


@pytest.mark.parametrize(("text", "amount", "currency", "per"), [
    ("$100 million annually", 1e8, "USD", "year"),
    ("about €30m a month", 3e7, "EUR", "month"),
    ("$700 million a year", 7e8, "USD", "year"),
    ("86 billion roubles", None, None, None),
    ("1.2 billion dollars", 1.2e9, "USD", None),
])
def test_amounts_have_currency_and_period(text: str, amount: float | None,
                                          currency: str | None, per: str | None) -> None:
    found = find_money(text)
    if amount is None:
        assert found is None
        return
    assert found is not None
    assert (found.amount, found.currency, found.per) == (amount, currency, per)


def test_vague_amounts_give_none() -> None:
    assert find_money("tens of millions of dollars") is None
