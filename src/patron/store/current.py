"""A claim as it stands now: its stored row with the state its latest review gave it.

Claims are never overwritten; each row of ``reviews`` holds the claim's review status,
stance and grade after that review (a comment repeats them). So a claim read from the
store is its row joined to its latest review, if it has one: every read of claims goes
through :data:`SOURCE` and :data:`COLUMNS`, and every filter on stance, grade or review
status through :data:`REVIEW`, :data:`STANCE` and :data:`GRADE`.

    >>> [c.name for c in COLUMNS][-3:]
    ['review', 'stance', 'grade']
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from patron.store.schema import claims, reviews

__all__ = ["COLUMNS", "GRADE", "REVIEW", "SOURCE", "STANCE"]

_latest = (
    select(reviews.c.claim_id, func.max(reviews.c.id).label("rid"))
    .group_by(reviews.c.claim_id)
    .subquery("latest_review")
)
_last = reviews.alias("last_review")

#: ``claims`` with each claim's latest review beside it (none: NULLs).
SOURCE: Any = claims.outerjoin(_latest, _latest.c.claim_id == claims.c.id).outerjoin(
    _last, _last.c.id == _latest.c.rid
)

REVIEW: Any = func.coalesce(_last.c.status, claims.c.review)
STANCE: Any = func.coalesce(_last.c.stance, claims.c.stance)
GRADE: Any = func.coalesce(_last.c.grade, claims.c.grade)

_NOW = {"review", "stance", "grade"}

#: A claim's columns with review, stance and grade as they stand now.
COLUMNS: list[Any] = [
    *(col for col in claims.c if col.name not in _NOW),
    REVIEW.label("review"),
    STANCE.label("stance"),
    GRADE.label("grade"),
]
