"""``/api/claims``: claims with their evidence (``patron claims``), one claim, and its
reviews: accept or reject, correct, comment (analysts), and the trail of them."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Request, Response
from pydantic import BaseModel, Field

from patron.api.auth import Analyst
from patron.api.caching import CachingRoute, Tag
from patron.api.errors import NotFound
from patron.api.paging import Paging, page
from patron.api.params import Filters
from patron.api.records import claim_records
from patron.api.service import Service, service
from patron.errors import AmbiguousActor, InputError, UnknownActor
from patron.model import MAX_COMMENT
from patron.store import pages, reviews

__all__ = ["router"]

router = APIRouter(prefix="/api/claims", tags=["claims"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]


class CommentIn(BaseModel):
    text: str = Field(min_length=1, max_length=MAX_COMMENT, description="The comment")


class ReviewIn(BaseModel):
    status: Literal["accepted", "rejected", "proposed"] = Field(
        description="accepted or rejected; proposed reopens the claim")
    comment: str | None = Field(default=None, max_length=MAX_COMMENT)
    grade: str | None = Field(default=None, description="A new Admiralty grade (B2...)")
    stance: str | None = Field(default=None, description="A new stance (alleged...)")


class CorrectionIn(BaseModel):
    type: str | None = None
    subject: str | None = Field(default=None, description="An actor's id or name")
    object: str | None = Field(default=None, description="An actor's id or name")
    time_start: str | None = None
    time_end: str | None = None
    stance: str | None = None
    grade: str | None = None
    comment: str | None = Field(default=None, max_length=MAX_COMMENT)


@router.get("")
def list_claims(request: Request, response: Response, svc: Svc, _tag: Tag, at: Paging,
                flt: Filters) -> dict[str, Any]:
    """Claims passing the filters, oldest span first, in ``patron claims --format json``'s
    wire form; ``left_out.undated`` counts claims a time window left out for having no
    date."""
    store = svc.kb.store
    items = pages.claims_page(store, flt, offset=at.offset, limit=at.limit)
    return page(request, response, at, claim_records(svc.kb, items), store.count(flt),
                left_out={"undated": store.undated_left_out(flt)})


@router.get("/{claim_id}")
def get_claim(svc: Svc, _tag: Tag, claim_id: str) -> dict[str, Any]:
    """One claim in its wire form (with its review rows, where it has any)."""
    found = pages.claim(svc.kb.store, claim_id)
    if found is None:
        raise NotFound(f"no claim {claim_id!r}")
    return claim_records(svc.kb, [found])[0]


@router.get("/{claim_id}/reviews")
def list_reviews(svc: Svc, _tag: Tag, claim_id: str) -> dict[str, Any]:
    """The claim's reviews, corrections and comments, oldest first: each with the
    claim's status, stance and grade after it."""
    if pages.claim(svc.kb.store, claim_id) is None:
        raise NotFound(f"no claim {claim_id!r}")
    rows = reviews.history(svc.kb.store, claim_id)
    return {"claim": claim_id, "reviews": [r.record() for r in rows]}


@router.post("/{claim_id}/comments", status_code=201)
def post_comment(svc: Svc, user: Analyst, claim_id: str, body: CommentIn) -> dict[str, Any]:
    """Comment on a claim (analyst). The claim and its review status stay as they are;
    the comment is audited."""
    made = reviews.add_comment(svc.kb.store, claim_id, body.text, by=user.name)
    if made is None:
        raise NotFound(f"no claim {claim_id!r}")
    return made.record()


@router.post("/{claim_id}/review", status_code=201)
def post_review(svc: Svc, user: Analyst, claim_id: str, body: ReviewIn) -> dict[str, Any]:
    """Accept or reject a claim (analyst), optionally with a comment, a new grade or a
    new stance; audited."""
    made = reviews.review(svc.kb.store, claim_id, body.status, by=user.name,
                          comment=body.comment, grade=body.grade, stance=body.stance)  # fmt: skip
    if made is None:
        raise NotFound(f"no claim {claim_id!r}")
    return made.record()


def _actor_id(svc: Service, name: str | None, field: str) -> str | None:
    if name is None:
        return None
    try:
        return svc.kb.resolve(name).id
    except (UnknownActor, AmbiguousActor) as exc:
        raise InputError(str(exc), field=field) from exc


@router.post("/{claim_id}/correction", status_code=201)
def post_correction(svc: Svc, user: Analyst, claim_id: str,
                    body: CorrectionIn) -> dict[str, Any]:
    """Correct a claim (analyst). A new type, side or time stores a corrected claim
    (accepted, origin ``review:NAME``, the same evidence) and rejects this one pointing
    to it; a new stance or grade alone is an accepting review carrying them. Audited."""
    changes = body.model_dump(exclude_none=True, exclude={"comment"})
    for side in ("subject", "object"):
        if side in changes:
            changes[side] = _actor_id(svc, changes[side], side)
    if not changes:
        raise InputError("nothing to correct", field="body")
    made = reviews.correct(svc.kb.store, claim_id, changes, by=user.name, comment=body.comment)
    if made is None:
        raise NotFound(f"no claim {claim_id!r}")
    fixed = claim_records(svc.kb, [made.claim])[0] if made.claim else None
    return {"review": made.review.record(), "claim": fixed}
