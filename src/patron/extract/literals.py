"""What literal text every match of a regular expression must contain, read off the pattern.

Prefilters are derived from the patterns they guard, never written beside them, so a
pattern changed without its prefilter cannot drift from it:

- ``literal_starts``: the text every match begins with at a word start, so a pattern
  is tried only where it can match (``patron.extract.cues``);
- ``required_literals``: strings one of which occurs in every match, wherever it
  begins, so a rule runs only on a sentence where its trigger can occur
  (``patron.extract.rules``). Matches on a slice of a text are substrings of it, so
  the keys hold for rules that match after a mention (``text[m.end:]``) too.

Both read the stdlib's own parse of the pattern. Keys are case-folded as ``fold``
folds a text, the way the ``re`` module compares letters under IGNORECASE (a key
found in ``fold(text)`` is what matters; a pattern without IGNORECASE only matches
less).

>>> sorted(required_literals(re.compile(r"\\b(?:fund(?:s|ed)?|pa(?:ys|id))\\s+by\\b", re.I)))
['fund', 'funded', 'funds', 'paid', 'pays']
>>> sorted(required_literals(re.compile(r"^['’]s?\\s+(?:main\\s+)?backer")))
['backer']
"""

from __future__ import annotations

import importlib
import re
from typing import Any

__all__ = ["fold", "literal_starts", "required_literals"]

_PARSER: Any = importlib.import_module("re._parser")  # the stdlib's own pattern parser
_SRE: Any = importlib.import_module("_sre")  # the case mapping the regex engine uses
_CASEFIX: Any = importlib.import_module("re._casefix")
_PREFIX_CAP = 8  # characters of literal prefix worth indexing
_MAX_CLASS = 12  # a character class larger than this ends the prefix
_MAX_STRINGS = 64  # strings of a literal run before it is cut into pieces


def _fold_table() -> dict[str, str]:
    """Non-ASCII letters as IGNORECASE compares them: the engine's lower case, and an
    ASCII letter where the engine takes them for one ("ſ" for "s", "ı" for "i")."""
    out: dict[str, str] = {}
    for code, others in _CASEFIX._EXTRA_CASES.items():
        ascii_ = [chr(c) for c in (code, *others) if c < 128]
        if ascii_ and code >= 128:
            out[chr(code)] = ascii_[0]
    return out


_EXTRA = _fold_table()
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _fold_char(m: re.Match[str]) -> str:
    ch = m.group()
    low = chr(_SRE.unicode_tolower(ord(ch)))
    return _EXTRA.get(low, _EXTRA.get(ch, low))


def fold(text: str) -> str:
    """``text`` lower-cased letter by letter as the regex engine compares letters under
    IGNORECASE ("İ" is "i", "ſ" is "s"), so a key of a pattern is found in it wherever the
    pattern matches.

    >>> fold("İstanbul ſupports HAMAS")
    'istanbul supports hamas'
    """
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_fold_char, text).lower()


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
    ['fund', 'funded', 'funds', 'pay']
    >>> literal_starts(re.compile(r"\\w+ed")) is None
    True
    """
    out: set[str] = set()
    if not _starts(_items(_PARSER.parse(pattern.pattern, pattern.flags)), "", False, out):
        return None
    return frozenset(out)


class _Found:
    """What a piece of a pattern says of the text it matches.

    ``exact``: every string it can match, where that set is small and known (else None);
    ``clause``: strings one of which occurs in every match (None: nothing is known).
    """

    __slots__ = ("clause", "exact")

    def __init__(self, exact: frozenset[str] | None, clause: frozenset[str] | None) -> None:
        self.exact = exact
        self.clause = clause


_EMPTY = frozenset({""})
_NOTHING = _Found(None, None)


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective clause: its shortest string longer, then fewer strings."""
    if a is None or "" in a:
        return None if b is None or "" in b else b
    if b is None or "" in b:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


def _sequence(items: list[tuple[Any, Any]]) -> _Found:
    """A sequence: runs of exactly known pieces concatenate; the best clause wins."""
    run: frozenset[str] = _EMPTY
    whole: frozenset[str] | None = _EMPTY
    best: frozenset[str] | None = None
    for item in items:
        found = _node(item)
        best = _better(best, found.clause)
        if found.exact is None:
            best = _better(best, run)
            run = _EMPTY
            whole = None
            continue
        joined = frozenset(a + b for a in run for b in found.exact)
        if len(joined) > _MAX_STRINGS:
            best = _better(best, run)
            run, whole = found.exact, None
        else:
            run = joined
            whole = joined if whole is not None else None
    best = _better(best, run)
    return _Found(whole, best)


def _node(item: tuple[Any, Any]) -> _Found:
    op, av = item
    name = str(op)
    if name == "LITERAL":
        ch = fold(chr(av))
        return _Found(frozenset({ch}), frozenset({ch}))
    if name == "IN":
        chars = [chr(v) for k, v in av if str(k) == "LITERAL"]
        if len(chars) != len(av) or len(chars) > _MAX_CLASS:
            return _NOTHING
        one_of = frozenset(fold(c) for c in chars)
        return _Found(one_of, one_of)
    if name in ("AT", "ASSERT_NOT"):
        return _Found(_EMPTY, None)  # zero width, and says nothing of the text
    if name == "ASSERT":  # zero width, but what it looks at is there
        return _Found(_EMPTY, _sequence(_items(av[1])).clause)
    if name == "SUBPATTERN":
        return _sequence(_items(av[-1]))
    if name == "BRANCH":
        found = [_sequence(_items(b)) for b in av[1]]
        exact: frozenset[str] | None = frozenset()
        clause: frozenset[str] | None = frozenset()
        for f in found:
            exact = None if exact is None or f.exact is None else exact | f.exact
            clause = (None if clause is None or f.clause is None or "" in f.clause
                      else clause | f.clause)  # fmt: skip
        if exact is not None and len(exact) > _MAX_STRINGS:
            exact = None
        return _Found(exact, _better(clause, exact))
    if name in ("MAX_REPEAT", "MIN_REPEAT"):
        low, high, sub = av[0], av[1], _sequence(_items(av[2]))
        if low == 0:
            optional = sub.exact | _EMPTY if high == 1 and sub.exact is not None else None
            return _Found(optional, None)
        return _Found(sub.exact if low == high == 1 else None, _better(sub.clause, sub.exact))
    return _NOTHING


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Folded strings one of which every match of ``pattern`` contains, wherever it starts.

    Of the pieces every match must have, the most selective: the one whose shortest
    string is longest. None when no piece is known (the pattern could match without
    any literal text: ``\\w+\\s+\\w+``).

    >>> sorted(required_literals(re.compile(r"\\b(?:is|was)\\s+(?:a\\s+)?member\\s+of\\b")))
    ['member']
    >>> required_literals(re.compile(r"\\w+\\s+\\w+")) is None
    True
    """
    found = _sequence(_items(_PARSER.parse(pattern.pattern, pattern.flags)))
    return _better(found.clause, found.exact)
