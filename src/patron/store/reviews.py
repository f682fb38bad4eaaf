"""Reviews of claims: accept, reject, correct and comment, each a row in ``reviews``.

Invariant: a claim's row is never changed. Every review row holds the claim's review
status, stance and grade *after* it, so the latest row gives the claim's state
(:mod:`patron.store.current`); a comment repeats the state it found. A correction that
changes what the claim says (its sides, type or time) stores a new claim with the same
evidence, accepted, and rejects the old one with a pointer to it (``corrected``); one
that changes only the stance or grade is a review row carrying them. Each write and its
audit row go in one transaction.

The review rows of a claim travel with it in its wire form (``reviews``: see
:func:`wire`), so ``export jsonl`` → ``claims load`` keeps them (the loader stores
them with :meth:`patron.store.Store.add`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Connection, insert, select

from patron.errors import InputError
from patron.model import MAX_COMMENT, Claim, Evidence, ReviewEntry, TimeSpan
from patron.store import current, pages
from patron.store.accounts import now, record
from patron.store.filters import ClaimFilter
from patron.store.repository import Store, _chunks, insert_claim
from patron.store.schema import actors, claims, reviews
from patron.validation import input_error
from patron.vocab import VOCAB, parse_grade

__all__ = [
    "CORRECTABLE",
    "MAX_COMMENT",
    "Correction",
    "Review",
    "add_comment",
    "correct",
    "histories",
    "history",
    "queue",
    "review",
    "wire",
    "wired",
]

#: What a correction may change.
CORRECTABLE = ("type", "subject", "object", "time_start", "time_end", "stance", "grade")

_SAYS = frozenset({"type", "subject", "object", "time_start", "time_end"})


@dataclass(frozen=True)
class Review:
    """One row: the claim's state after it, who wrote it, when, and why."""

    id: int
    claim: str
    status: str
    stance: str
    grade: str
    by: str | None
    comment: str | None
    at: str
    corrected: str | None = None

    def record(self) -> dict[str, Any]:
        return {"id": self.id, "claim": self.claim, "status": self.status,
                "stance": self.stance, "grade": self.grade, "by": self.by,
                "comment": self.comment, "at": self.at, "corrected": self.corrected}  # fmt: skip


@dataclass(frozen=True)
class Correction:
    """A correction: the review rows it wrote and the claim it stored, if any."""

    review: Review
    claim: Claim | None  # None: only the stance or grade changed


def _row(r: Any) -> Review:
    return Review(int(r.id), r.claim_id, r.status, r.stance, r.grade, r.reviewer, r.comment,
                  r.at, r.corrected)  # fmt: skip


def _state(conn: Connection, claim_id: str) -> tuple[str, str, str] | None:
    """The claim's (review status, stance, grade) now; None for an unknown claim."""
    row = conn.execute(
        select(current.REVIEW, current.STANCE, current.GRADE)
        .select_from(current.SOURCE).where(claims.c.id == claim_id)
    ).first()  # fmt: skip
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def _check_text(comment: str | None, field: str = "comment") -> str | None:
    if comment is None:
        return None
    if len(comment) > MAX_COMMENT:
        raise InputError(f"longer than {MAX_COMMENT} characters", field=field)
    return comment


def _check_status(status: str) -> str:
    if status not in VOCAB.reviews:
        raise InputError(f"unknown review status {status!r}; one of "
                         f"{', '.join(VOCAB.reviews)}", field="status")  # fmt: skip
    return status


def _check_stance(stance: str) -> str:
    if stance not in VOCAB.stances:
        raise InputError(f"unknown stance {stance!r}; one of {', '.join(VOCAB.stances)}",
                         field="stance")  # fmt: skip
    return stance


def _check_grade(grade: str) -> str:
    try:
        rel, cred = parse_grade(grade)
    except ValueError as exc:
        raise InputError(str(exc), field="grade") from exc
    if cred is None:
        raise InputError(f"a grade needs both letter and digit: {grade!r}", field="grade")
    return f"{rel}{cred}"


def _append(
    conn: Connection, claim_id: str, state: tuple[str, str, str], *, by: str,
    comment: str | None, action: str, corrected: str | None = None,
) -> Review:
    status, stance, grade = state
    at = now()
    new_id = conn.execute(
        insert(reviews).values(claim_id=claim_id, status=status, stance=stance, grade=grade,
                               reviewer=by, comment=comment, at=at, corrected=corrected)
        .returning(reviews.c.id)
    ).scalar_one()  # fmt: skip
    detail: dict[str, Any] = {"review": int(new_id), "status": status, "stance": stance,
                              "grade": grade}  # fmt: skip
    if corrected:
        detail["corrected"] = corrected
    record(conn, by, action, claim_id, detail)
    return Review(int(new_id), claim_id, status, stance, grade, by, comment, at, corrected)


def add_comment(store: Store, claim_id: str, text: str, *, by: str) -> Review | None:
    """Comment on a claim as ``by``, leaving its state as it is; None for an unknown claim."""
    _check_text(text)

    def work(conn: Connection) -> Review | None:
        state = _state(conn, claim_id)
        if state is None:
            return None
        return _append(conn, claim_id, state, by=by, comment=text, action="comment")

    return store._write(work)


def review(
    store: Store, claim_id: str, status: str, *, by: str, comment: str | None = None,
    grade: str | None = None, stance: str | None = None,
) -> Review | None:
    """Set a claim's review status (``accepted``, ``rejected``, or back to ``proposed``),
    and with it, where given, its grade or stance; None for an unknown claim."""
    _check_status(status)
    _check_text(comment)
    new_grade = None if grade is None else _check_grade(grade)
    new_stance = None if stance is None else _check_stance(stance)

    def work(conn: Connection) -> Review | None:
        state = _state(conn, claim_id)
        if state is None:
            return None
        _, was_stance, was_grade = state
        after = (status, new_stance or was_stance, new_grade or was_grade)
        return _append(conn, claim_id, after, by=by, comment=comment, action="review")

    return store._write(work)


def _corrected_claim(old: Claim, changes: Mapping[str, str | None], by: str) -> Claim:
    data = old.model_dump(mode="python")
    for side in ("subject", "object"):
        if side in changes and changes[side] != getattr(old, side):
            data[side] = changes[side]
            data["evidence"][f"{side}_span"] = None  # the old mention names someone else
    for key in ("type", "stance", "grade"):
        if changes.get(key) is not None:
            data[key] = changes[key]
    if "time_start" in changes or "time_end" in changes:
        start = changes.get("time_start", old.time.start)
        end = changes.get("time_end", old.time.end)
        data["time"] = {"start": start, "end": end}
    if data["subject"] == data["object"]:
        raise InputError(f"subject and object would be the same actor: {data['object']}",
                         field="object" if "object" in changes else "subject")  # fmt: skip
    data.update(id="", origin=f"review:{by}", review="accepted", score=None)
    data["evidence"] = Evidence(**data["evidence"])
    if isinstance(data["time"], dict):
        try:
            data["time"] = TimeSpan(**data["time"])
        except ValidationError as exc:
            raise input_error(exc, file=None, line=None, prefix="time.") from exc
    try:
        return Claim.model_validate(data)
    except ValidationError as exc:
        raise input_error(exc, file=None, line=None) from exc


def correct(
    store: Store, claim_id: str, changes: Mapping[str, str | None], *, by: str,
    comment: str | None = None,
) -> Correction | None:
    """Correct a claim as ``by``; None for an unknown claim.

    ``changes`` holds any of :data:`CORRECTABLE`. A change to what the claim says
    stores a new accepted claim (origin ``review:BY``, the same evidence) and rejects
    this one pointing to it; a change of stance or grade alone is an accepting review
    row that carries them. Unknown actors, types, stances, grades or dates are an
    :class:`InputError` naming the field, and nothing is written.
    """
    unknown = sorted(set(changes) - set(CORRECTABLE))
    if unknown:
        raise InputError(f"cannot correct {', '.join(unknown)}; only {', '.join(CORRECTABLE)}",
                         field=unknown[0])  # fmt: skip
    _check_text(comment)
    stance = changes.get("stance")
    grade = changes.get("grade")
    if stance is not None:
        _check_stance(stance)
    if grade is not None:
        grade = _check_grade(grade)
    if changes.get("type") is not None and changes["type"] not in VOCAB.claim_types:
        raise InputError(f"unknown claim type {changes['type']!r}", field="type")
    old = pages.claim(store, claim_id)
    if old is None:
        return None
    says = {k: v for k, v in changes.items() if k in _SAYS}
    if not any(
        (getattr(old, k) if k in ("type", "subject", "object") else
         getattr(old.time, k.removeprefix("time_"))) != v
        for k, v in says.items()
    ):  # fmt: skip
        made = review(store, claim_id, "accepted", by=by, comment=comment, grade=grade,
                      stance=stance)  # fmt: skip
        assert made is not None  # the claim was there a moment ago; claims are never deleted
        return Correction(made, None)
    fixed = _corrected_claim(old, {**changes, "grade": grade}, by)

    def work(conn: Connection) -> Correction:
        for side in ("subject", "object"):
            actor_id = getattr(fixed, side)
            if conn.execute(select(actors.c.id).where(actors.c.id == actor_id)).first() is None:
                raise InputError(f"unknown actor {actor_id!r}", field=side)
        state = _state(conn, claim_id)
        assert state is not None
        insert_claim(conn, fixed)
        note = comment or f"corrected: {fixed.id} replaces it"
        rejected = _append(conn, claim_id, ("rejected", state[1], state[2]), by=by,
                           comment=note, action="correct", corrected=fixed.id)  # fmt: skip
        _append(conn, fixed.id, ("accepted", fixed.stance, fixed.grade), by=by,
                comment=comment or f"correction of {claim_id}", action="review")  # fmt: skip
        return Correction(rejected, fixed)

    return store._write(work)


def history(store: Store, claim_id: str) -> list[Review]:
    """The claim's review rows (reviews, corrections, comments), oldest first."""
    return histories(store, [claim_id]).get(claim_id, [])


def histories(store: Store, claim_ids: Iterable[str]) -> dict[str, list[Review]]:
    """Review rows of each claim that has any, oldest first."""
    out: dict[str, list[Review]] = {}
    ids = sorted(set(claim_ids))
    with store.engine.connect() as conn:
        if conn.execute(select(reviews.c.id).limit(1)).first() is None:
            return out  # no reviews at all: the usual case of a fresh knowledge base
        for chunk in _chunks(ids):
            stmt = select(reviews).where(reviews.c.claim_id.in_(chunk)).order_by(reviews.c.id)
            for r in conn.execute(stmt):
                out.setdefault(r.claim_id, []).append(_row(r))
    return out


def wired(store: Store, claim_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """For each claim with review rows, what its wire form adds: ``reviews`` (the rows,
    :func:`wire`) and ``stored`` (the review status, stance and grade it was stored with,
    before any review), so that loading the record elsewhere rebuilds both."""
    rows = histories(store, claim_ids)
    if not rows:
        return {}
    own = {}
    with store.engine.connect() as conn:
        for chunk in _chunks(sorted(rows)):
            stmt = select(claims.c.id, claims.c.review, claims.c.stance, claims.c.grade).where(
                claims.c.id.in_(chunk))
            own.update({r.id: {"review": r.review, "stance": r.stance, "grade": r.grade}
                        for r in conn.execute(stmt)})  # fmt: skip
    return {i: {"reviews": wire(rs), "stored": own[i]} for i, rs in rows.items()}


def queue(store: Store, flt: ClaimFilter = ClaimFilter(), *, offset: int = 0,
          limit: int = 50) -> tuple[list[Claim], int]:
    """Machine-extracted claims nobody has reviewed yet (that pass ``flt``), in load
    order from ``offset``; and how many there are."""
    waiting = replace(flt, unreviewed="only", limit=None)
    return pages.claims_page(store, waiting, offset=offset, limit=limit), store.count(waiting)


# --- the wire form -----------------------------------------------------------

def wire(rows: Iterable[Review]) -> list[dict[str, Any]]:
    """Review rows as a claim's wire form carries them (``reviews``), oldest first."""
    return [
        ReviewEntry.model_construct(**{k: getattr(r, k) for k in ReviewEntry.model_fields})
        .model_dump(exclude_none=True)
        for r in rows
    ]
