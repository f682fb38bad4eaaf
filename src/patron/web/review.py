"""``/review``: the review queue (analysts): machine-extracted claims awaiting review,
each with accept, reject, correct and comment, and its audit trail.

Every action is one call of :mod:`patron.store.reviews` (which writes the review row
and its audit row together) and answers with the claim's card redrawn, its new state
and trail in it (an htmx partial).
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Query, Request, Response

from patron.api.errors import NotFound
from patron.api.service import Service, service
from patron.errors import AmbiguousActor, InputError, UnknownActor
from patron.store import pages, reviews
from patron.web.evidence import evidence_rows
from patron.web.render import page
from patron.web.route import WebRoute
from patron.web.session import PageAnalyst, Written

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]
Text = Annotated[str, Form(max_length=reviews.MAX_COMMENT)]
Short = Annotated[str, Form(max_length=300)]
_PAGE = 20


def card(request: Request, svc: Service, claim_id: str, done: str | None = None) -> Response:
    """A claim's review card: the claim as it stands now, its actions and its trail."""
    found = pages.claim(svc.kb.store, claim_id)
    if found is None:
        raise NotFound(f"no claim {claim_id!r}")
    return page(request, "review_card.html", row=evidence_rows(svc.kb, [found])[0],
                history=reviews.history(svc.kb.store, claim_id), done=done)  # fmt: skip


@router.get("/review")
def review_queue(request: Request, svc: Svc, _user: PageAnalyst,
                 offset: Annotated[int, Query(ge=0)] = 0) -> Response:  # fmt: skip
    store = svc.kb.store
    items, total = reviews.queue(store, offset=offset, limit=_PAGE)
    rows = evidence_rows(svc.kb, items)
    trails = reviews.histories(store, (c.id for c in items))
    return page(request, "review.html", rows=rows, trails=trails, total=total, offset=offset,
                size=_PAGE)  # fmt: skip


def _or_none(value: str) -> str | None:
    return value.strip() or None


@router.post("/review/{claim_id}")
def post_review(request: Request, svc: Svc, user: PageAnalyst, _w: Written, claim_id: str,
                status: Short, comment: Text = "", grade: Short = "") -> Response:  # fmt: skip
    """Accept or reject (or send back to ``proposed``), with an optional comment and grade."""
    made = reviews.review(svc.kb.store, claim_id, status, by=user.name,
                          comment=_or_none(comment), grade=_or_none(grade))  # fmt: skip
    if made is None:
        raise NotFound(f"no claim {claim_id!r}")
    return card(request, svc, claim_id, done=f"{made.status} by {user.name}")


@router.post("/review/{claim_id}/comment")
def post_comment(request: Request, svc: Svc, user: PageAnalyst, _w: Written, claim_id: str,
                 text: Text) -> Response:  # fmt: skip
    if not text.strip():
        raise InputError("write a comment first", field="text")
    if reviews.add_comment(svc.kb.store, claim_id, text.strip(), by=user.name) is None:
        raise NotFound(f"no claim {claim_id!r}")
    return card(request, svc, claim_id, done=f"comment by {user.name}")


def _actor(svc: Service, name: str, field: str) -> str:
    try:
        return svc.kb.resolve(name).id
    except (UnknownActor, AmbiguousActor) as exc:
        raise InputError(str(exc), field=field) from exc


@router.post("/review/{claim_id}/correct")
def post_correction(request: Request, svc: Svc, user: PageAnalyst, _w: Written,
                    claim_id: str, type: Short = "", subject: Short = "", object: Short = "",
                    stance: Short = "", grade: Short = "", time_start: Short = "",
                    time_end: Short = "", comment: Text = "") -> Response:  # fmt: skip
    """Correct what the claim says; fields left empty stay as they are."""
    given = {"type": type, "subject": subject, "object": object, "stance": stance,
             "grade": grade, "time_start": time_start, "time_end": time_end}  # fmt: skip
    changes: dict[str, str | None] = {k: v.strip() for k, v in given.items() if v.strip()}
    for side in ("subject", "object"):
        if side in changes:
            changes[side] = _actor(svc, changes[side] or "", side)
    if not changes:
        raise InputError("nothing to correct: fill in at least one field", field="type")
    made = reviews.correct(svc.kb.store, claim_id, changes, by=user.name,
                           comment=_or_none(comment))  # fmt: skip
    if made is None:
        raise NotFound(f"no claim {claim_id!r}")
    if made.claim is None:
        return card(request, svc, claim_id, done=f"corrected by {user.name}")
    return card(request, svc, made.claim.id,
                done=f"corrected by {user.name}: this claim replaces {claim_id}")
