"""Amounts of money with currency and period.

>>> find_money("Iran gives about $100 million annually to the group.")
Magnitude(amount=100000000.0, currency='USD', per='year')
>>> find_money("tens of millions of dollars") is None
True
"""

from __future__ import annotations

import re

from patron.model import Magnitude

__all__ = ["find_money"]

_SCALE = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
}
_SYMBOL = {"$": "USD", "us$": "USD", "€": "EUR", "£": "GBP"}
_WORD_CURRENCY = {
    "dollars": "USD",
    "dollar": "USD",
    "usd": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "eur": "EUR",
    "pounds": "GBP",
    "gbp": "GBP",
    "riyals": "SAR",
    "rials": "IRR",
}
_NUMBER = r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)"
_SCALE_RE = r"(?:\s*(thousand|million|billion|mn|bn|m|k|b)\b)?"
_PREFIXED = re.compile(r"(us\$|\$|€|£)\s?" + _NUMBER + _SCALE_RE, re.IGNORECASE)
_SUFFIXED = re.compile(
    _NUMBER + _SCALE_RE + r"\s+(?:us\s+)?(dollars?|usd|euros?|eur|pounds|gbp|"
    r"riyals|rials)\b",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_PER = (
    (
        re.compile(
            r"\b(?:a|per|each|every)\s+year\b|\bannual(?:ly)?\b|\byearly\b|/year\b|"
            r"\ba\s+year\b",
            re.IGNORECASE,
        ),
        "year",
    ),
    (re.compile(r"\b(?:a|per|each|every)\s+month\b|\bmonthly\b|/month\b", re.IGNORECASE), "month"),
    (re.compile(r"\b(?:a|per|each|every)\s+week\b|\bweekly\b", re.IGNORECASE), "week"),
)


def find_money(text: str) -> Magnitude | None:
    """The first amount in ``text`` with its period, or None (vague amounts give None)."""
    if not _DIGIT.search(text):
        return None
    m = _PREFIXED.search(text) if ("$" in text or "€" in text or "£" in text) else None
    if m:
        currency = _SYMBOL[m.group(1).lower()]
        number, scale, end = m.group(2), m.group(3), m.end()
    else:
        m = _SUFFIXED.search(text)
        if not m:
            return None
        number, scale, end = m.group(1), m.group(2), m.end()
        currency = _WORD_CURRENCY[m.group(3).lower()]
    amount = float(number.replace(",", "")) * _SCALE.get((scale or "").lower(), 1.0)
    tail = text[end : end + 40]
    per = next((p for rx, p in _PER if rx.search(tail)), None)
    return Magnitude(amount=amount, currency=currency, per=per)
