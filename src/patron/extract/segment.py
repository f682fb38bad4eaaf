"""Scraped text → sentences, with boilerplate left out.

Pages come with menus, link lists, tables of contents, bylines and blocks of
unrelated headlines. A line that does not read like prose (no closing
punctuation and few words, many separators, a known boilerplate prefix) yields
no sentence, so it can yield no claim. Headings glued to the sentence before
them ("…Western influence.Shifting Sands: The Evolution of Support") are cut off
at the missing space.

>>> [s.text for s in sentences("Home | World | Iran\\nIran funds Hamas. It says so.")]
['Iran funds Hamas.', 'It says so.']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

__all__ = ["Sentence", "is_boilerplate", "sentences"]


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    block: int  # index of the paragraph (line block) it came from


_ABBREVIATIONS = frozenset(
    [
        "mr",
        "mrs",
        "ms",
        "dr",
        "gen",
        "lt",
        "col",
        "maj",
        "capt",
        "sgt",
        "sen",
        "rep",
        "gov",
        "pres",
        "st",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
        "corp",
        "no",
        "vol",
        "vs",
        "etc",
        "e.g",
        "i.e",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "u.s",
        "u.n",
        "u.k",
        "e.u",
        "a.m",
        "p.m",
        "approx",
        "est",
        "fig",
        "al",
    ]
)
_LONGEST_ABBREVIATION = 1 + max(len(a) for a in _ABBREVIATIONS)
# Page furniture wherever it stands; and prefixes that mark furniture only on a
# short line ("By Leila Haddad, 18 March" is a byline, "By 2015 Iran had cut
# its funding to Hamas and its leaders had left" is not).
_JUNK_PREFIXES = (
    "related", "read more", "see also", "subscribe", "sign up", "follow us", "share this",
    "share on", "copyright", "©", "all rights reserved", "cookie", "we use cookies",
    "advertisement", "skip to", "table of contents", "most read", "most popular",
    "you may also like", "click here", "tags:", "filed under", "topics:",
)
_SHORT_JUNK_PREFIXES = (
    "menu", "contents", "trending", "more from", "more on", "newsletter", "photo:", "image:",
    "caption:", "listen to", "watch:", "published", "updated", "by ", "recommended",
)
_SENTENCE_END = re.compile(r"[a-z0-9)][.!?](?:\s|$)")
_BULLET_CHARS = frozenset("-*+•▪◦0123456789")
_TOC = re.compile(r"(\.{4,}|…{2,})\s*\d+\s*$|^\s*\d+(\.\d+)*\s+\S.{0,70}\s\d+\s*$")
_BULLET = re.compile(r"^\s*(?:[-*+•▪◦]|\d+[.)])\s+")
_CLOSE = re.compile(r"[.!?][\"”’')\]]*\s*$")
_WORD_BEFORE = re.compile(r"[\w.]+$")
_BREAK = re.compile(r"[.!?][\"”’')\]]*(?:\s+|(?=[A-Z][a-z]))")


def is_boilerplate(line: str) -> bool:
    """True for lines that are navigation, lists of links, headings or page furniture."""
    text = line.strip()
    if text[:1] in _BULLET_CHARS:
        text = _BULLET.sub("", text).strip()
    if not text:
        return True
    head = text[:20].lower()
    if head.startswith(_JUNK_PREFIXES):
        return True
    if text[-1].isdigit() and _TOC.search(text):
        return True
    if text.count("|") + text.count("•") + text.count("·") + text.count("»") + text.count("›") >= 2:
        return True
    words = len(text.split(maxsplit=14))  # only whether it is under 3 or under 14 matters
    if words < 3 or (words < 14 and head.startswith(_SHORT_JUNK_PREFIXES)):
        return True
    # A line without closing punctuation is a heading, a headline or a link unless it
    # runs long (a wrapped or unpunctuated paragraph).
    return words < 14 and not _CLOSE.search(text)


def _blocks(text: str) -> list[tuple[int, int]]:
    """Lines, with hard-wrapped prose lines joined back into one block."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for line in text.splitlines(keepends=True):
        start, end = pos, pos + len(line.rstrip("\r\n"))
        pos += len(line)
        if spans and _continues(text, spans[-1], (start, end)):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def _continues(text: str, prev: tuple[int, int], line: tuple[int, int]) -> bool:
    before = text[prev[0] : prev[1]].rstrip()
    after = text[line[0] : line[1]].lstrip()
    if not before or not after or _BULLET.match(after) or before.startswith("#"):
        return False
    if _CLOSE.search(before) or len(before) <= 40 or after.startswith(("#", "|")):
        return False
    # Wrapped prose: the previous line stops mid-sentence and this one goes on, in lower
    # case or up to a sentence end (a list of headlines has neither).
    return after[0].islower() or bool(_SENTENCE_END.search(after))


def _is_break(text: str, at: int) -> bool:
    """Is the punctuation at ``at`` a sentence end (not an abbreviation or initial)?"""
    if text[at] != ".":
        return True
    if at >= _LONGEST_ABBREVIATION and text[at - _LONGEST_ABBREVIATION : at].isalpha():
        return not text[at + 1 : at + 2].isdecimal()  # a long word: no abbreviation
    m = _WORD_BEFORE.search(text, max(0, at - 12), at)
    word = m.group(0).lower() if m else ""
    if word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    return not text[at + 1 : at + 2].isdecimal()  # 3.5 million


def sentences(
    text: str, keep: Callable[[int, int], bool] | None = None
) -> list[Sentence]:
    """Sentences of ``text`` with character offsets, boilerplate lines skipped.

    ``keep(start, end)`` may skip blocks, and then sentences, before more work is
    done on them (extraction keeps only those that name two actors).
    """
    out: list[Sentence] = []
    for block_no, (b_start, b_end) in enumerate(_blocks(text)):
        if keep is not None and not keep(b_start, b_end):
            continue
        block = text[b_start:b_end]
        if not _BREAK.search(block) and not _CLOSE.search(block) and is_boilerplate(block):
            continue
        bullet = _BULLET.match(block)
        cursor = bullet.end() if bullet else 0
        pieces: list[tuple[int, int]] = []
        for m in _BREAK.finditer(block):
            if _is_break(block, m.start()):
                end = m.start() + 1 + len(m.group(0)[1:].rstrip())
                pieces.append((cursor, end))
                cursor = m.end()
        if cursor < len(block):
            pieces.append((cursor, len(block)))
        for s, e in pieces:
            piece = block[s:e]
            stripped = piece.strip()
            if not stripped:
                continue
            lead = len(piece) - len(piece.lstrip())
            start = b_start + s + lead
            if keep is not None and not keep(start, start + len(stripped)):
                continue
            if is_boilerplate(stripped):
                continue
            out.append(Sentence(start, start + len(stripped), stripped, block_no))
    return out
