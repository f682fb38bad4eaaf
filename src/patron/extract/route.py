"""Routes: the ordered places support passes through.

"smuggled through Sudan, Egypt and the Sinai into Gaza" → [sudan, egypt, sinai,
gaza-strip]. A route starts at a route word (through, via, across) and takes every
place or state that follows, joined only by commas, "and", "then" or a
destination word ("into", "to"); it never includes the patron itself.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from patron.extract.mentions import Mention

__all__ = ["find_route"]

_START = re.compile(
    r"\b(?:through|via|across|by way of|overland through|by sea to|"
    r"by land through|transiting)\s+$",
    re.IGNORECASE,
)
_JOIN = re.compile(
    r"^(?:\s*,\s*|\s*,?\s+and\s+(?:then\s+)?|\s+then\s+|\s*,?\s*(?:and\s+)?"
    r"(?:on\s+)?(?:in)?to\s+|\s+before\s+(?:reaching|entering)\s+|\s*[-–>→]+\s*)"
    r"(?:the\s+)?$",
    re.IGNORECASE,
)
_ROUTE_KINDS = frozenset({"place", "state"})


def find_route(text: str, mentions: Sequence[Mention], patron: str | None = None) -> list[str]:
    """Actor ids of the places on the first route phrase in ``text`` (sentence offsets)."""
    places = [m for m in mentions if m.kind in _ROUTE_KINDS]
    for i, first in enumerate(places):
        lead = text[max(0, first.start - 40) : first.start]
        lead = re.sub(r"(?:the\s+)$", "", lead, flags=re.IGNORECASE)
        if not _START.search(lead):
            continue
        route = [first.actor]
        prev = first
        for nxt in places[i + 1 :]:
            if not _JOIN.match(text[prev.end : nxt.start]):
                break
            route.append(nxt.actor)
            prev = nxt
        # "…into Gaza" right after the list: a destination joined by into/to.
        return [p for p in dict.fromkeys(route) if p != patron]
    return []
