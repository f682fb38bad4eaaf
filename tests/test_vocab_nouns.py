"""What is given names a support type through one table, lexicon.SUPPORT_NOUNS: the
scan (NOUN_TYPES) and the head-noun lookup (NOUN_FOR) derive from it."""

from __future__ import annotations

import re

import pytest

from patron.extract import lexicon as lx
from patron.extract import relation
from patron.vocab import VOCAB


def test_every_row_names_a_support_type() -> None:
    support = VOCAB.types_in("support")
    assert all(row.type in support for row in lx.SUPPORT_NOUNS)
    assert [t for t, _ in lx.NOUN_TYPES] == [
        row.type for row in lx.SUPPORT_NOUNS for _ in range(bool(row.words or row.phrases)
                                                             + bool(row.signs))]


def test_a_noun_names_the_type_of_its_row_in_the_scan_and_as_a_head() -> None:
    for row in lx.SUPPORT_NOUNS:
        for word in row.words:
            assert lx.NOUN_FOR[word] == row.type, word
            assert relation._noun_types(f"sent {word} to") == [row.type], word
    assert lx.NOUN_FOR["weapons"] == "arms" and lx.NOUN_FOR["payments"] == "funding"
    assert relation._noun_types("sent $5 million to") == ["funding"]


def test_head_nouns_name_their_type_only_as_a_head() -> None:
    heads = [(w, row.type) for row in lx.SUPPORT_NOUNS for w in row.heads]
    assert ("data", "intelligence") in heads and ("hosting", "safe_haven") in heads
    for word, type_ in heads:
        assert lx.NOUN_FOR[word] == type_
        assert relation._noun_types(f"sent {word} to") == [], word  # bare "data" is nothing


def test_carriers_name_no_type() -> None:
    for word in lx.CARRIERS:
        assert word not in lx.NOUN_FOR
        assert relation._noun_types(f"an Iranian {word}") == []
    assert frozenset(lx.CARRIERS) == relation._CARRIERS


def _alternatives(rx: re.Pattern[str]) -> list[str]:
    """The words of the first group of bare alternatives in a pattern ("(support|aid)")."""
    found = re.search(r"\(((?:[a-z]+\|)+[a-z]+)\)", rx.pattern)
    assert found, rx.pattern
    return found.group(1).split("|")


@pytest.mark.parametrize("name", ["_OWN_SUPPORT", "_FROM_NOUN", "_WITH_HELP_OF", "_ITS_SUPPORT"])
def test_every_head_noun_a_rule_parses_is_in_the_table(name: str) -> None:
    words = _alternatives(getattr(relation, name))
    assert len(words) >= 6
    assert [w for w in words if w not in lx.NOUN_FOR] == [], name

