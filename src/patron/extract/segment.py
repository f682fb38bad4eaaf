"""Scraped text → sentences, with boilerplate left out.

Pages come with menus, link lists, tables of contents, bylines and blocks of
unrelated headlines. A line that does not read like prose (no closing
punctuation and few words, many separators, a known boilerplate prefix) yields
no sentence, so it can yield no claim. Headings glued to the sentence before
them ("…Western influence.Shifting Sands: The Evolution of Support") are cut off
at the missing space.

Lines are grouped into blocks first, and no sentence runs across two blocks. A
heading (``#``, setext, or a short Title Case or capitals line), a list item and
a menu or link line each start a block of their own, so a heading is never
quoted as the start of the sentence under it; a blank line ends a block; a prose
line joins the block above only when it reads as the rest of a hard-wrapped line.

>>> [s.text for s in sentences("Home | World | Iran\\nIran funds Hamas. It says so.")]
['Iran funds Hamas.', 'It says so.']
>>> [s.text for s in sentences("Why Tehran Pays for the Gaza Rockets\\nIran funds Hamas.")]
['Iran funds Hamas.']
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import NamedTuple

__all__ = ["Sentence", "is_boilerplate", "paragraphs", "sentences"]


class Sentence(NamedTuple):
    start: int
    end: int
    text: str
    block: int  # index of the block (paragraph, heading, list item, menu) it came from


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
_TOC = re.compile(r"(\.{4,}|…{2,})\s*\d+\s*$|^\s*\d+(\.\d+)*\s+\S.{0,70}\s\d+\s*$")
# What opens a list item or a heading line: a bullet, "1." / "1)", "2.1 " before a
# capital, "a)" / "(a)" / "a." / "(iv)", or Markdown's "#".
_MARKER = re.compile(
    r"\s*(?:[-*+•▪◦‣]|\d{1,3}[.)]|\d{1,2}(?:\.\d{1,2})+\.?(?=\s+[A-Z])"
    r"|\(?[a-zA-Z]\)|\([ivx]{1,4}\)|[a-z]\.|#{1,6}(?=\s|$))(?:\s+|$)"
)
_MARKER_FIRST = frozenset("-*+•▪◦‣#(0123456789")
_ATX = re.compile(r"\s{0,3}#{1,6}(?:\s|$)")
# A setext underline or a thematic break ("=====", "-----", "* * *").
_RULE = re.compile(r"\s{0,3}([-=_*])(?:\s*\1){2,}\s*$")
_UNDERLINE = re.compile(r"\s{0,3}(?:={3,}|-{3,})\s*$")
_UNDERLINE_FIRST = frozenset(" =-")
_CLOSERS = frozenset(".!?\"”’')]")  # what a line that closes a sentence ends with
_CLOSE = re.compile(r"[.!?](?:[\"”’')\]]|\[\d{1,3}\])*\s*$")  # "… Iraq.[3]" too
_INNER_END = re.compile(r"[a-z]{2}[.!?]\s")  # "Istanbul. A", not "U.S. S" or "Mr. S"
_WORD_BEFORE = re.compile(r"[\w.]+$")
_BREAK = re.compile(r"[.!?][\"”’')\]]*(?:\s+|(?=[A-Z][a-z]))")
_SEPARATORS = ("|", "•", "·", "»", "›")
_LINE_BREAKS = "\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"  # what str.splitlines splits at
# Words a Title Case heading leaves in lower case; a line ending in one is wrapped prose.
_SMALL_WORDS = frozenset(
    [
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of",
        "on", "onto", "or", "over", "per", "so", "than", "the", "to", "up", "upon", "via",
        "vs", "with", "yet", "amid", "among", "after", "against", "under", "without", "within",
    ]
)
# Words no sentence or heading ends with: the small words and a few more ("said" is
# left out: headlines end "…, UN report says").
_DANGLING_WORDS = _SMALL_WORDS | frozenset(
    [
        "including", "that", "which", "who", "whose", "whom", "where", "when", "while",
        "is", "are", "was", "were", "has", "have", "had", "will", "would", "its", "their",
        "his", "her", "our", "this", "these", "those", "if",
    ]
)
_MONTHS = frozenset(
    [
        "January", "February", "March", "April", "May", "June", "July", "August",
        "September", "October", "November", "December", "Jan.", "Feb.", "Mar.", "Apr.",
        "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
    ]
)
_QUOTES = "\"'“‘«"
_OPENERS = _QUOTES + "([*_"
_HEADING_WORDS = 12  # a longer line without closing punctuation is prose, not a heading
_SHORT_LINE = 40  # a line this short (or shorter) is not the first part of a wrapped line
_WRAP_WIDTH = 150  # nor is a line this long: nobody wraps text that wide
_WRAP_SLACK = 12  # how much longer than the line above a wrapped line may run
# Line kinds. A blank line ends a block; a standalone line (heading, menu, rule) is
# a block by itself; a list item opens a block its wrapped lines may continue; a
# prose line may continue the block above it.
_BLANK, _ALONE, _ITEM, _PROSE = range(4)


def is_boilerplate(line: str) -> bool:
    """True for lines that are navigation, lists of links, headings or page furniture."""
    text = line.strip()
    marker = _marker(text)
    if marker:
        text = text[marker.end() :].strip()
    if not text:
        return True
    head = text[:20].lower()
    if head.startswith(_JUNK_PREFIXES):
        return True
    if text[-1].isdigit() and _TOC.search(text):
        return True
    if _is_menu(text):
        return True
    words = len(text.split(maxsplit=14))  # only whether it is under 3 or under 14 matters
    if words < 3 or (words < 14 and head.startswith(_SHORT_JUNK_PREFIXES)):
        return True
    # A line without closing punctuation is a heading, a headline or a link unless it
    # runs long (a wrapped or unpunctuated paragraph).
    return words < 14 and not _CLOSE.search(text)


def _marker(text: str) -> re.Match[str] | None:
    """The list marker or ``#`` that opens ``text`` (stripped on the left), if any."""
    if text[:1] in _MARKER_FIRST or text[1:2] in (")", "."):
        return _MARKER.match(text)
    return None


_MENU_ITEM = 60  # characters a menu item averages at most


def _is_menu(text: str) -> bool:
    """Does ``text`` hold two menu separators or more between short items
    ("Home | World · Iran")?"""
    # ``in`` first: most lines hold none, and it is faster than a regex or five counts.
    if (
        "|" not in text and "•" not in text and "·" not in text
        and "»" not in text and "›" not in text
    ):
        return False
    count = sum(text.count(sep) for sep in _SEPARATORS)
    # menu items are short: a long text that happens to hold two bullets is prose
    return count >= 2 and len(text) / (count + 1) < _MENU_ITEM


def _closes(line: str) -> bool:
    """Does ``line`` end a sentence (final ., ! or ?, perhaps before quotes)?"""
    if line[-1:] not in _CLOSERS:
        return False
    return _CLOSE.search(line, max(0, len(line) - 12)) is not None


def _ends_sentence(line: str) -> bool:
    """Does the stripped ``line`` end a sentence? A final "U.S." or "Lt. Gen." does not."""
    if not _closes(line):
        return False
    return line[-1] != "." or _is_break(line, len(line) - 1)


def _is_heading(body: str, next_line: str) -> bool:
    """Is ``body`` (a line without closing punctuation or list marker) a heading?

    A heading here is short, in Title Case or capitals, and not followed by a line in
    lower case (which would make it the first half of a wrapped sentence). A line
    ending in a comma, a dash or a small word ("…Islamic Jihad and the"), or with a
    sentence end inside ("Istanbul. According to the Treasury"), is prose.
    """
    if not body or body[-1] in ",;-–—&/" or _closes(body) or body.count(",") > 1:
        return False
    if next_line.lstrip()[:1].islower():
        return False
    words = body.split(maxsplit=_HEADING_WORDS)
    if len(words) > _HEADING_WORDS or words[-1] in _SMALL_WORDS or _INNER_END.search(body):
        return False
    if body.isupper():
        return True
    capitals = 0
    for word in words:
        word = word.lstrip(_OPENERS)
        if not word[:1].isalpha():
            continue
        if word[0].isupper():
            capitals += 1
        elif word.rstrip(",:;") not in _SMALL_WORDS:
            return False
    return capitals > 0


def _underlines(line: str) -> bool:
    """Is ``line`` a setext underline ("=====" or "-----"), making the line above a heading?"""
    return line[:1] in _UNDERLINE_FIRST and _UNDERLINE.match(line) is not None


def _kind(text: str, closes: bool, dangling: bool, next_line: str) -> int:
    """What the stripped line ``text`` is (standalone, list item or prose).

    ``closes`` says whether it ends a sentence and ``next_line`` is the line after it.
    After a ``dangling`` line (see _dangles) a line of names is no heading, nor a day
    of the month a list item.
    """
    first = text[0]
    if first in "#|" and (first == "|" or _ATX.match(text)):
        return _ALONE
    if first in "-=_*" and _RULE.match(text):
        return _ALONE
    if _is_menu(text) or _underlines(next_line):
        return _ALONE
    marker = _marker(text)
    if marker and dangling and first.isdigit():
        return _PROSE
    body = text[marker.end() :] if marker else text
    # A short line is kept apart by _continues anyway; only a long one needs the test.
    if not (closes or dangling) and len(text) > _SHORT_LINE and _is_heading(body, next_line):
        return _ALONE
    return _ITEM if marker else _PROSE


def _continues(block_kind: int, prev: str, line: str) -> bool:
    """Does prose ``line`` carry on ``prev``, a line above it that stops mid-sentence?

    A line in lower case goes on from any line of three words or more, and a
    quotation from a line ending in a colon. Otherwise both lines must be long,
    ``prev`` no wider than text is wrapped, and ``line`` no longer than ``prev`` and
    its own first word could have made it: a hard wrap at a fixed width, not a
    heading or headline above a paragraph. The lines of a list item after the first
    are indented or begin in lower case.
    """
    before, after = prev.rstrip(), line.lstrip()
    if after[0].islower():
        return len(before.split(maxsplit=2)) > 2
    if before[-1] == ":" and after[0] in _QUOTES:
        return True
    if block_kind == _ITEM and len(after) == len(line):
        return False
    if not _SHORT_LINE < len(before) <= _WRAP_WIDTH:
        return False
    if len(after) <= _SHORT_LINE and not _may_end_short_line(after.rstrip()):
        return False
    space = after.find(" ")
    first_word = space if space > 0 else len(after)
    return len(line.rstrip()) <= len(before) + first_word + _WRAP_SLACK


def _may_end_short_line(text: str) -> bool:
    """Could ``text``, short, finish a wrapped line ("Ellwood said:")? A link cannot."""
    return text[-1] in ",;:" or _closes(text)


def _dangles(line: str) -> bool:
    """Does ``line`` stop where no sentence or heading can, so the next line goes on?

    It does after a comma or a hyphen ("rebel-"), a small word ("…spoken today to", "…images.
    The") or a month before the day ("…from March" / "27. Washington"), if it is long
    enough to be the first part of a wrapped line and not too wide for wrapped text.
    """
    text = line.rstrip()
    if not _SHORT_LINE < len(text) <= _WRAP_WIDTH:
        return False
    if text[-1] in ",-–—&":
        return True
    last = text[text.rfind(" ") + 1 :]
    return last.lower() in _DANGLING_WORDS or last in _MONTHS


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Each line of ``text`` as (start, end, text), the line break left out."""
    out: list[tuple[int, int, str]] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip(_LINE_BREAKS)
        out.append((pos, pos + len(body), body))
        pos += len(raw)
    return out


def _blocks(text: str) -> list[tuple[int, int]]:
    """Spans of the blocks of ``text``: headings, list items, menus and paragraphs.

    Hard-wrapped prose lines are joined back into the block they continue.
    """
    lines = _lines(text)
    spans: list[tuple[int, int]] = []
    open_kind = _BLANK  # kind of the block the next line may join; _BLANK when none
    prev, prev_closes = "", True
    for i, (start, end, line) in enumerate(lines):
        stripped = line.strip()
        if not stripped:
            open_kind = _BLANK
            continue
        closes = _ends_sentence(stripped)
        is_open = open_kind != _BLANK and not prev_closes
        dangling = is_open and _dangles(prev)
        kind = _kind(stripped, closes, dangling, lines[i + 1][2] if i + 1 < len(lines) else "")
        if kind == _PROSE and is_open and _continues(open_kind, prev, line):
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
            open_kind = _BLANK if kind == _ALONE else kind
        prev, prev_closes = line, closes
    return spans


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


#: The longest sentence extraction reads at once (characters). Real sentences are
#: far shorter; text with no punctuation (a scraped page, a transcript) is cut into
#: pieces this long, at a clause mark or a space, so cost stays linear in its length.
MAX_SENTENCE = 1000
_CLAUSE = re.compile(r"[;:,]\s|\s[-–—]\s")


def _bounded(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """``(start, end)`` cut into pieces of at most :data:`MAX_SENTENCE` characters."""
    out: list[tuple[int, int]] = []
    while end - start > MAX_SENTENCE:
        limit = start + MAX_SENTENCE
        floor = start + MAX_SENTENCE // 2
        clause = [m.end() for m in _CLAUSE.finditer(block, floor, limit)]
        cut = clause[-1] if clause else block.rfind(" ", floor, limit) + 1 or limit
        out.append((start, cut))
        start = cut
    out.append((start, end))
    return out


def _pieces(block: str) -> list[tuple[int, int]]:
    """Spans in ``block`` between sentence ends, a leading list marker or ``#`` left out;
    none longer than :data:`MAX_SENTENCE`."""
    marker = _MARKER.match(block)
    cursor = marker.end() if marker else 0
    pieces: list[tuple[int, int]] = []
    for m in _BREAK.finditer(block):
        if _is_break(block, m.start()):
            pieces.extend(_bounded(block, cursor, m.start() + 1 + len(m.group(0)[1:].rstrip())))
            cursor = m.end()
    if cursor < len(block):
        pieces.extend(_bounded(block, cursor, len(block)))
    return pieces


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
        for s, e in _pieces(block):
            piece = block[s:e]
            stripped = piece.strip()
            if not stripped:
                continue
            start = b_start + s + len(piece) - len(piece.lstrip())
            if keep is not None and not keep(start, start + len(stripped)):
                continue
            if is_boilerplate(stripped):
                continue
            out.append(Sentence(start, start + len(stripped), stripped, block_no))
    return out


_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # a line of whitespace only, between two "\n"
_OTHER_BREAKS = re.compile("[" + _LINE_BREAKS.replace("\n", "") + "]")
_SPACE = re.compile(r"\s")


def paragraphs(pieces: Iterable[str], limit: int) -> Iterator[tuple[int, str]]:
    """``(offset, text)``: the text ``pieces`` make, one after the other, in blocks of
    whole paragraphs of at most ``limit`` characters, so a long text is read a block at
    a time and the memory its extraction needs stays flat.

    A block ends after a blank line, or else after a line that ends a sentence (and is
    not a heading's underline's line above): no block of :func:`sentences` runs across
    either, so the sentences of the blocks are those of the whole text, at the same
    offsets. Only a paragraph longer than half of ``limit`` with neither inside is cut
    at a sentence end, or else at a space. A text of at most ``limit`` characters is one
    block, itself. At most ``limit`` characters plus one piece are held at once.

    >>> list(paragraphs(["Iran funds Hamas.\\n\\nQatar hosts its leaders."], 24))
    [(0, 'Iran funds Hamas.\\n\\n'), (19, 'Qatar hosts its leaders.')]
    """
    held, offset = "", 0  # held: the text from ``offset`` on not yet in a block
    for piece in pieces:
        held = held + piece if held else piece
        start = 0
        while len(held) - start > limit:
            cut = _cut(held, start, start + limit)
            yield offset + start, held[start:cut]
            start = cut
        if start:
            held, offset = held[start:], offset + start
    if held:
        yield offset, held


def _cut(text: str, lo: int, hi: int) -> int:
    """Where to end a block that starts at ``lo`` and may run to ``hi`` (see paragraphs)."""
    floor = lo + (hi - lo) // 2
    blank = 0
    for m in _BLANK_LINE.finditer(text, lo, hi):
        blank = m.end()
    if blank >= floor:
        return blank
    closed = _after_closing_line(text, floor, hi)
    if closed or blank:
        return closed or blank
    end = 0
    for m in _BREAK.finditer(text, floor, hi):
        if _is_break(text, m.start()):
            end = m.end()
    if end:
        return end
    space = 0
    for m in _SPACE.finditer(text, floor, hi):
        space = m.end()
    return space or hi


def _after_closing_line(text: str, floor: int, hi: int) -> int:
    """The last line start in ``(floor, hi]`` after a line that ends a sentence and
    before one that is no setext underline; 0 if none. Only lines broken by "\\n"
    count, and only a next line that ``text`` holds whole."""
    end = text.rfind("\n", floor, hi)
    while end >= floor:
        start = text.rfind("\n", 0, end) + 1
        line = text[start : end - 1 if end and text[end - 1] == "\r" else end]
        after = text.find("\n", end + 1)
        following = text[end + 1 : after - 1 if text[after - 1] == "\r" else after]
        if (
            after >= 0
            and not _OTHER_BREAKS.search(line)
            and not _OTHER_BREAKS.search(following)
            and _ends_sentence(line.strip())
            and not _underlines(following)
        ):
            return end + 1
        end = text.rfind("\n", floor, end)
    return 0
