"""Where a sentence's trigger words are, found in one C-level scan.

Running every trigger pattern over every sentence costs a full regular-expression
pass per pattern. Instead one Aho-Corasick automaton holds the literal text every
match of a trigger pattern must begin with at a word start, derived from the pattern
itself (``patron.extract.literals.literal_starts``), so a pattern is tried only at
the word starts where it can match.

Invariant: ``Cues.matches(text, i)`` yields exactly what ``TRIGGERS[i][1].finditer(text)``
yields. Every match begins at a word start with one of the derived prefixes, and the
pattern itself is still what decides there (look-behinds see the text before the
start, as they do in ``finditer``).

>>> c = cues("Iran said it funds Hamas.")
>>> c.may_match(TRIGGER_INDEX["funding"]), c.may_match(TRIGGER_INDEX["arms"])
(True, False)
>>> [m.group(0) for m in c.matches("Iran said it funds Hamas.", TRIGGER_INDEX["funding"])]
['funds']
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from typing import NamedTuple

import ahocorasick_rs

from patron.extract import lexicon as lx
from patron.extract.literals import literal_starts

__all__ = [
    "PARTICIPLES",
    "RECEIVING",
    "SENTENCE",
    "TRIGGERS",
    "TRIGGER_INDEX",
    "Cues",
    "PatternIndex",
    "cues",
]

# The patterns looked up by position: each verb type, then the general giving verbs.
TRIGGERS: tuple[tuple[str | None, re.Pattern[str]], ...] = (
    *lx.VERB_TYPES,
    (None, lx.GENERIC_VERBS),
)
TRIGGER_INDEX: dict[str | None, int] = {name: i for i, (name, _) in enumerate(TRIGGERS)}

# Word characters (as ``\\w`` has them) stay, everything else becomes a space, and
# letters beyond ASCII become "x": keys are ASCII, so no key can match one anyway, and
# an ASCII-only result lets ``str.translate`` take its fast path.
_ASCII_WORDS = str.maketrans(
    {c: (c if c.isalnum() or c == "_" else " ") for c in map(chr, range(128))}
)
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _non_ascii(m: re.Match[str]) -> str:
    ch = m.group()
    return "x" if ch.isalnum() or ch == "_" else " "


def _words(lowered: str) -> str:
    """``lowered`` with the same length, its words kept and the rest made spaces."""
    if not lowered.isascii():
        lowered = _NON_ASCII.sub(_non_ascii, lowered)
    return lowered.translate(_ASCII_WORDS)


class PatternIndex:
    """The literal word-start prefixes of some patterns in one automaton."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self.patterns = tuple(patterns)
        self.indexed: dict[int, frozenset[str]] = {}
        for index, rx in enumerate(self.patterns):
            found = literal_starts(rx)
            if found is not None:
                self.indexed[index] = found
        self.unindexed = frozenset(range(len(self.patterns))) - self.indexed.keys()
        keys: dict[str, set[int]] = {}
        for index, prefixes in self.indexed.items():
            for prefix in prefixes:
                keys.setdefault(" " + _words(prefix), set()).add(index)
        self._values = [tuple(sorted(ix)) for ix in keys.values()]
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(keys), implementation=ahocorasick_rs.Implementation.ContiguousNFA
        )

    def scan(self, text: str) -> Cues:
        """Where each pattern may match in ``text``, in one pass."""
        lowered = text.lower()
        starts: dict[int, list[int]] = {}
        values = self._values
        # A key's leading space stands one before its word: in the text, the word starts
        # where the key starts in the padded copy.
        for key, at, _ in self._automaton.find_matches_as_indexes(
            " " + _words(lowered), overlapping=True
        ):
            for index in values[key]:
                starts.setdefault(index, []).append(at)
        if len(lowered) != len(text):  # a letter lower-cased to two: offsets moved
            return Cues(self, None)
        for index, positions in starts.items():
            if len(positions) > 1:
                starts[index] = sorted(set(positions))
        return Cues(self, starts)


class Cues(NamedTuple):
    """One text's scan: where each pattern may match."""

    table: PatternIndex
    starts: dict[int, list[int]] | None  # pattern → word starts to try; None: try everywhere

    def may_match(self, pattern: int) -> bool:
        """False only where the pattern cannot match anywhere in the text."""
        return (
            self.starts is None or pattern not in self.table.indexed or pattern in self.starts
        )

    def candidates(self) -> list[int]:
        """The patterns that may match somewhere in the text, in table order."""
        table = self.table
        if self.starts is None:
            return list(range(len(table.patterns)))
        return sorted(table.unindexed.union(self.starts))

    def matches(self, text: str, pattern: int) -> list[re.Match[str]]:
        """What ``finditer(text)`` of the pattern yields, trying only where it can match."""
        rx = self.table.patterns[pattern]
        if self.starts is None or pattern not in self.table.indexed:
            return list(rx.finditer(text))
        out = []
        done = 0
        for pos in self.starts.get(pattern, ()):
            if pos < done:
                continue  # inside the previous match: finditer does not look there
            m = rx.match(text, pos)
            if m is not None:
                done = m.end()
                out.append(m)
        return out

    def search(self, text: str, pattern: int, pos: int, endpos: int) -> re.Match[str] | None:
        """What ``search(text, pos, endpos)`` of the pattern returns."""
        rx = self.table.patterns[pattern]
        if self.starts is None or pattern not in self.table.indexed:
            return rx.search(text, pos, endpos)
        positions = self.starts.get(pattern)
        if not positions:
            return None
        for at in positions[bisect.bisect_left(positions, pos) :] if pos else positions:
            if at >= endpos:
                break
            m = rx.match(text, at, endpos)
            if m is not None:
                return m
        return None


# The sentence-level patterns: each trigger by its index in TRIGGERS, then the
# passive participles ("funded by") and the verbs of receiving.
SENTENCE = PatternIndex([rx for _, rx in TRIGGERS] + [lx.PARTICIPLES, lx.RECEIVE_VERBS])
PARTICIPLES = len(TRIGGERS)
RECEIVING = PARTICIPLES + 1


def cues(text: str) -> Cues:
    """Where the trigger patterns may match in a sentence."""
    return SENTENCE.scan(text)
