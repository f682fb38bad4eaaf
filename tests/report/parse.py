"""Reading a brief back: its factual sentences and the claim ids they cite."""

from __future__ import annotations

import re
from html.parser import HTMLParser

__all__ = ["HEDGE_WORDS", "html_facts", "markdown_facts"]

#: Words a sentence resting only on alleged, disputed or denied claims must use
#: (kept here, apart from the library's own list, so the test can catch it).
HEDGE_WORDS = ("alleges", "allege", "alleged", "disputed", "denies", "deny", "denied")

_MARKS = re.compile(r"((?:\[\^c\d+\])+)$")
_NOTE = re.compile(r"^\[\^(c\d+)\]: `(clm-[0-9a-f]+)`")


def markdown_facts(text: str) -> list[tuple[str, list[str]]]:
    """``(sentence, claim ids)`` for every line that is not a heading, a quoted note,
    an image or a footnote; a line without markers comes back with no ids."""
    notes = {m[1]: m[2] for line in text.splitlines() if (m := _NOTE.match(line))}
    out = []
    for line in text.splitlines():
        if not line.strip() or line.startswith(("#", ">", "![", "[^")):
            continue
        m = _MARKS.search(line)
        labels = re.findall(r"\[\^(c\d+)\]", m[1]) if m else []
        out.append((line[: m.start()] if m else line, [notes.get(x, "?" + x) for x in labels]))
    return out


class _Facts(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.facts: list[list[str]] = []
        self.sources: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag == "script":
            self.scripts += 1
        if tag == "span" and found.get("class") == "fact":
            self.facts.append((found.get("data-claims") or "").split())
        if tag == "li" and found.get("data-claim"):
            self.sources.append(str(found["data-claim"]))


def html_facts(text: str) -> tuple[list[list[str]], list[str], int]:
    """Claim ids of each ``span.fact``, the ids of the source list, and how many
    ``<script>`` elements the page has."""
    parser = _Facts()
    parser.feed(text)
    return parser.facts, parser.sources, parser.scripts
