"""The grade extraction proposes (review sets the final one).

Source reliability comes from the kind of document (a government report or
dataset: B; news, think tanks and scholarship: C; anything else: F, cannot be
judged). Credibility comes from the stance: a single uncorroborated assertion is
"possibly true" (3), an allegation "doubtful" (4), a disputed or denied claim
"improbable" (5).

>>> propose_grade("government_report", "asserted"), propose_grade(None, "alleged")
('B3', 'F4')
"""

from __future__ import annotations

__all__ = ["propose_grade"]

_RELIABILITY = {
    "government_report": "B",
    "dataset": "B",
    "news": "C",
    "think_tank": "C",
    "academic": "C",
    "reference": "C",
}
_CREDIBILITY = {"asserted": 3, "reported": 3, "alleged": 4, "disputed": 5, "denied": 5}


def propose_grade(document_kind: str | None, stance: str) -> str:
    return f"{_RELIABILITY.get(document_kind or '', 'F')}{_CREDIBILITY[stance]}"
