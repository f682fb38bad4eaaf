"""``patron review``: the review queue, and accept, reject, correct or comment on a claim.

Every write is a row in ``reviews`` (the claim itself is never changed) and an audit
row, made as ``cli:LOGIN``; ``patron review show CLAIM`` prints the trail.
"""

from __future__ import annotations

from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from patron.cli.claims import defined_actors
from patron.cli.options import DbOpt, FormatOpt, LimitOpt, operator
from patron.cli.output import Format, emit
from patron.cli.tables import claims_table
from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.store import pages, reviews
from patron.store.filters import ClaimFilter
from patron.wire import claim_record

__all__ = ["review_app"]

review_app = typer.Typer(no_args_is_help=True, help="Review machine-extracted claims: queue, "
                         "accept, reject, correct, comment, show.")  # fmt: skip
_err = Console(stderr=True)

ClaimArg = Annotated[str, typer.Argument(metavar="CLAIM", help="A claim id (clm-…)")]
CommentOpt = Annotated[str | None, typer.Option("--comment", "-m", help="Why")]
NewGradeOpt = Annotated[str | None, typer.Option("--grade", help="A new Admiralty grade (B2…)")]
NewStanceOpt = Annotated[str | None, typer.Option("--stance", help="A new stance (alleged…)")]


def _unknown(claim_id: str) -> InputError:
    return InputError(f"no claim {claim_id!r} (patron review queue lists those waiting)",
                      field="CLAIM")  # fmt: skip


def _said(made: reviews.Review) -> None:
    _err.print(f"{made.claim}: {made.status}, {made.stance}, {made.grade} (review "
               f"{made.id} by {made.by})", highlight=False)  # fmt: skip


@review_app.command("queue")
def queue(limit: LimitOpt = 20, fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
    """Machine-extracted claims nobody has reviewed yet, in load order."""
    kb = KnowledgeBase.open(db)
    items, total = reviews.queue(kb.store, ClaimFilter(), limit=limit or max(kb.store.count(), 1))
    names, docs = kb.citations(items)
    defined = defined_actors(kb, items) if fmt is not Format.table else {}
    emit(fmt, rows=(claim_record(c, names, docs, defined) for c in items),
         table=lambda: claims_table(items, names, docs))  # fmt: skip
    if fmt is Format.table:
        _err.print(f"{total} claims wait for review", highlight=False)


def _verdict(claim_id: str, status: str, comment: str | None, grade: str | None,
             stance: str | None, db: str | None) -> None:
    kb = KnowledgeBase.open(db)
    made = reviews.review(kb.store, claim_id, status, by=operator(), comment=comment,
                          grade=grade, stance=stance)  # fmt: skip
    if made is None:
        raise _unknown(claim_id)
    _said(made)


@review_app.command("accept")
def accept(claim: ClaimArg, comment: CommentOpt = None, grade: NewGradeOpt = None,
           stance: NewStanceOpt = None, db: DbOpt = None) -> None:
    """Accept a claim (optionally with a new grade or stance)."""
    _verdict(claim, "accepted", comment, grade, stance, db)


@review_app.command("reject")
def reject(claim: ClaimArg, comment: CommentOpt = None, db: DbOpt = None) -> None:
    """Reject a claim: analyses leave it out."""
    _verdict(claim, "rejected", comment, None, None, db)


@review_app.command("reopen")
def reopen(claim: ClaimArg, comment: CommentOpt = None, db: DbOpt = None) -> None:
    """Put a reviewed claim back in the queue."""
    _verdict(claim, "proposed", comment, None, None, db)


@review_app.command("correct")
def correct(
    claim: ClaimArg,
    type: Annotated[str | None, typer.Option("--type", "-t", help="The right claim type")] = None,
    subject: Annotated[str | None, typer.Option(help="The right subject (name or id)")] = None,
    object: Annotated[str | None, typer.Option(help="The right object (name or id)")] = None,
    start: Annotated[str | None, typer.Option(help="The right start, YYYY[-MM[-DD]]")] = None,
    end: Annotated[str | None, typer.Option(help="The right end, YYYY[-MM[-DD]]")] = None,
    stance: NewStanceOpt = None,
    grade: NewGradeOpt = None,
    comment: CommentOpt = None,
    db: DbOpt = None,
) -> None:
    """Correct a claim. A new type, side or time stores a corrected claim with the same
    evidence and rejects this one; a new stance or grade alone accepts it with them."""
    kb = KnowledgeBase.open(db)
    changes = {k: v for k, v in {
        "type": type, "subject": subject and kb.resolve(subject).id,
        "object": object and kb.resolve(object).id, "time_start": start, "time_end": end,
        "stance": stance, "grade": grade}.items() if v is not None}  # fmt: skip
    if not changes:
        raise InputError("nothing to correct: give --type, --subject, --object, --start, "
                         "--end, --stance or --grade", field="CLAIM")  # fmt: skip
    made = reviews.correct(kb.store, claim, changes, by=operator(), comment=comment)
    if made is None:
        raise _unknown(claim)
    _said(made.review)
    if made.claim is not None:
        print(made.claim.id)
        _err.print(f"stored {made.claim.id} in its place", highlight=False)


@review_app.command("comment")
def comment(claim: ClaimArg,
            text: Annotated[str, typer.Argument(metavar="TEXT", help="The comment")],
            db: DbOpt = None) -> None:  # fmt: skip
    """Comment on a claim, leaving its review status as it is."""
    if not text.strip():
        raise InputError("an empty comment", field="TEXT")
    kb = KnowledgeBase.open(db)
    made = reviews.add_comment(kb.store, claim, text, by=operator())
    if made is None:
        raise _unknown(claim)
    _said(made)


@review_app.command("show")
def show(claim: ClaimArg, fmt: FormatOpt = Format.table, db: DbOpt = None) -> None:
    """A claim's reviews, corrections and comments, oldest first."""
    kb = KnowledgeBase.open(db)
    if pages.claim(kb.store, claim) is None:
        raise _unknown(claim)
    rows = reviews.history(kb.store, claim)

    def table() -> Table:
        out = Table(title=f"{claim}: {len(rows)} reviews")
        for col in ("at", "by", "status", "stance", "grade", "comment"):
            out.add_column(col)
        for r in rows:
            note = (r.comment or "") + (f" → {r.corrected}" if r.corrected else "")
            out.add_row(r.at, r.by or "", r.status, r.stance, r.grade, note)
        return out

    emit(fmt, rows=(r.record() for r in rows), table=table)
