"""Where a sentence's trigger words are, found in one C-level scan.

Running every trigger pattern over every sentence costs a full regular-expression
pass per pattern. Instead one Aho-Corasick automaton holds two kinds of key, each
required to begin a word:

- the lexicon's STEMS, which say which trigger types can occur at all;
- the literal text every match of a trigger pattern must begin with, derived from
  the pattern itself (``literal_starts``), so a pattern is tried only at the word
  starts where it can match.

Invariant: ``Cues.matches(text, i)`` yields exactly what ``TRIGGERS[i][1].finditer(text)``
yields. Every match begins at a word start with one of the derived prefixes, and the
pattern itself is still what decides there (look-behinds see the text before the
start, as they do in ``finditer``).

>>> c = cues("Iran said it funds Hamas.")
>>> sorted(c.present, key=str)
['funding']
>>> [m.group(0) for m in c.matches("Iran said it funds Hamas.", TRIGGER_INDEX["funding"])]
['funds']
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

import ahocorasick_rs

from patron.extract import lexicon as lx

__all__ = [
    "PARTICIPLES",
    "RECEIVING",
    "SENTENCE",
    "TRIGGERS",
    "TRIGGER_INDEX",
    "Cues",
    "PatternIndex",
    "cues",
    "literal_starts",
]

# The patterns looked up by position: each verb type, then the general giving verbs.
TRIGGERS: tuple[tuple[str | None, re.Pattern[str]], ...] = (
    *lx.VERB_TYPES,
    (None, lx.GENERIC_VERBS),
)
TRIGGER_INDEX: dict[str | None, int] = {name: i for i, (name, _) in enumerate(TRIGGERS)}

_PARSER: Any = importlib.import_module("re._parser")  # the stdlib's own pattern parser
_PREFIX_CAP = 8  # characters of literal prefix worth indexing
_MAX_CLASS = 12  # a character class larger than this ends the prefix


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


def _items(sub: Any) -> list[tuple[Any, Any]]:
    return list(sub)


def _starts(items: list[tuple[Any, Any]], prefix: str, bounded: bool, out: set[str]) -> bool:
    """Add to ``out`` every literal prefix a match of ``items`` can begin with.

    Returns False where a match could begin without a word boundary before a word
    character, or with no literal text at all: such a pattern cannot be indexed.
    """
    if len(prefix) >= _PREFIX_CAP or not items:
        out.add(prefix)
        return bool(prefix) and bounded
    (op, av), rest = items[0], items[1:]
    name = str(op)
    if name == "AT":  # a boundary counts only before the first letter
        return _starts(rest, prefix, bounded or (not prefix and str(av) == "AT_BOUNDARY"), out)
    if name in ("ASSERT", "ASSERT_NOT"):
        return _starts(rest, prefix, bounded, out)
    if name in ("LITERAL", "IN"):
        chars = [chr(av)] if name == "LITERAL" else [chr(v) for k, v in av if str(k) == "LITERAL"]
        if name == "IN" and (len(chars) != len(av) or len(chars) > _MAX_CLASS):
            out.add(prefix)
            return bool(prefix) and bounded
        if not prefix and not all(c.isalnum() or c == "_" for c in chars):
            return False  # a match starting on punctuation is not at a word start
        return all(_starts(rest, prefix + c.lower(), bounded, out) for c in chars)
    if name == "SUBPATTERN":
        return _starts([*_items(av[-1]), *rest], prefix, bounded, out)
    if name == "BRANCH":
        return all(_starts([*_items(b), *rest], prefix, bounded, out) for b in av[1])
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, sub = av[0], _items(av[2])
        if prefix and low >= 1 and sub == _items(_PARSER.parse(r"\s")):
            out.add(prefix + " ")  # "a\s+role": the word "a", then some space
            return bounded
        # The first repetition's prefix (what follows it cannot be known here), or,
        # where it is optional, also whatever comes after it.
        first = _starts(sub, prefix, bounded, out)
        return first and (low >= 1 or _starts(rest, prefix, bounded, out))
    out.add(prefix)
    return bool(prefix) and bounded


def literal_starts(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Lower-cased literal text that every match of ``pattern`` begins with, at a word start.

    None when the pattern can match without such a prefix (it is then scanned whole).

    >>> sorted(literal_starts(re.compile(r"\\b(?:fund(?:s|ed)?|pay)\\b")))
    ['fund', 'pay']
    >>> literal_starts(re.compile(r"\\w+ed")) is None
    True
    """
    out: set[str] = set()
    if not _starts(_items(_PARSER.parse(pattern.pattern, pattern.flags)), "", False, out):
        return None
    return frozenset(out)


class PatternIndex:
    """The literal word-start prefixes of some patterns (and named stems) in one automaton."""

    def __init__(
        self,
        patterns: Sequence[re.Pattern[str]],
        stems: Mapping[str | None, Sequence[str]] | None = None,
    ) -> None:
        self.patterns = tuple(patterns)
        self.indexed: dict[int, frozenset[str]] = {}
        for index, rx in enumerate(self.patterns):
            found = literal_starts(rx)
            if found is not None:
                self.indexed[index] = found
        self.unindexed = frozenset(range(len(self.patterns))) - self.indexed.keys()
        keys: dict[str, tuple[set[str | None], set[int]]] = {}
        for name, words in (stems or {}).items():
            for stem in words:
                keys.setdefault(" " + _words(stem), (set(), set()))[0].add(name)
        for index, prefixes in self.indexed.items():
            for prefix in prefixes:
                keys.setdefault(" " + _words(prefix), (set(), set()))[1].add(index)
        self._values = [(frozenset(names), tuple(sorted(ix))) for names, ix in keys.values()]
        self._automaton = ahocorasick_rs.AhoCorasick(
            list(keys), implementation=ahocorasick_rs.Implementation.ContiguousNFA
        )

    def scan(self, text: str) -> Cues:
        """The stems present in ``text`` and where each pattern may match, in one pass."""
        lowered = text.lower()
        present: set[str | None] = set()
        starts: dict[int, list[int]] = {}
        values = self._values
        # A key's leading space stands one before its word: in the text, the word starts
        # where the key starts in the padded copy.
        for key, at, _ in self._automaton.find_matches_as_indexes(
            " " + _words(lowered), overlapping=True
        ):
            names, indexes = values[key]
            if names:
                present |= names
            for index in indexes:
                starts.setdefault(index, []).append(at)
        if len(lowered) != len(text):  # a letter lower-cased to two: offsets moved
            return Cues(self, present, None)
        for index, positions in starts.items():
            if len(positions) > 1:
                starts[index] = sorted(set(positions))
        return Cues(self, present, starts)


class Cues(NamedTuple):
    """One text's scan: which stems it has and where each pattern may match."""

    table: PatternIndex
    present: set[str | None]  # names whose stems begin a word
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
SENTENCE = PatternIndex([rx for _, rx in TRIGGERS] + [lx.PARTICIPLES, lx.RECEIVE_VERBS], lx.STEMS)
PARTICIPLES = len(TRIGGERS)
RECEIVING = PARTICIPLES + 1


def cues(text: str) -> Cues:
    """The trigger types present in a sentence and where its patterns may match."""
    return SENTENCE.scan(text)
