"""An actor's profile: who it is, who backs it, whom it backs, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.table import Table

from patron.graph.backing import (
    Backing,
    TypeSummary,
    backed_by,
    by_source,
    source_records,
    who_backs,
)
from patron.model import Actor, Claim, Document
from patron.output import actor_record, claim_record, stance_style
from patron.store import ClaimFilter, Store
from patron.store.filters import Unreviewed
from patron.timespan import TimeSpan

__all__ = [
    "Profile",
    "TimelineRow",
    "profile",
    "profile_document",
    "profile_table",
    "timeline_rows",
]


@dataclass
class Profile:
    actor: Actor
    parent: Actor | None
    organs: list[Actor]
    patrons: Backing
    clients: Backing
    timeline: list[Claim]
    documents: dict[str, Document]
    names: dict[str, str]


@dataclass
class TimelineRow:
    """Claims of one source that say the same thing of consecutive years, as one row."""

    claims: list[Claim]

    @property
    def first(self) -> Claim:
        return self.claims[0]

    @property
    def span(self) -> TimeSpan:
        return TypeSummary("", self.claims).span


#: Claims a year or less apart (end to start, ``yyyymmdd``) join one row.
_YEAR = 10000


def timeline_rows(claims: list[Claim]) -> list[TimelineRow]:
    """The timeline with a dataset's year-by-year claims folded into runs.

    Claims join a row when they share subject, type, object, stance, grade and
    source document and follow each other with no gap of more than a year; a gap
    starts a new row, so a relationship that stopped and resumed shows twice.
    Rows come in time order.
    """
    runs: dict[tuple[str, ...], list[tuple[list[Claim], int]]] = {}  # (claims, latest end)
    for c in sorted(claims, key=lambda c: (c.time.bounds(), c.id)):
        key = (c.subject, c.type, c.object, c.stance, c.grade, c.evidence.document)
        rows = runs.setdefault(key, [])
        lo, hi = c.time.bounds()
        if rows and lo <= rows[-1][1] + _YEAR:
            rows[-1][0].append(c)
            rows[-1] = (rows[-1][0], max(rows[-1][1], hi))
        else:
            rows.append(([c], hi))
    out = [TimelineRow(r) for rows in runs.values() for r, _ in rows]
    return sorted(out, key=lambda r: (r.first.time.bounds(), r.first.id))


def profile(store: Store, actor: Actor, *, unreviewed: Unreviewed = "include") -> Profile:
    """``actor``'s profile; ``unreviewed`` as in :class:`~patron.store.ClaimFilter`."""
    timeline = store.claims(ClaimFilter(actors=(actor.id,), unreviewed=unreviewed))
    ids = {c.subject for c in timeline} | {c.object for c in timeline} | {actor.id}
    organs = [a for a in store.actors(kind=None) if a.part_of == actor.id]
    return Profile(
        actor=actor,
        parent=store.actor(actor.part_of) if actor.part_of else None,
        organs=organs,
        patrons=who_backs(store, actor, ClaimFilter(unreviewed=unreviewed)),
        clients=backed_by(store, actor, ClaimFilter(unreviewed=unreviewed)),
        timeline=timeline,
        documents=store.documents(c.evidence.document for c in timeline),
        names=store.display_names(ids),
    )


def _summary(backing: Backing) -> list[dict[str, Any]]:
    return [
        {
            "actor": {"id": p.actor.id, "name": p.actor.name},
            "types": p.types,
            "claims": [c.id for c in p.claims],
            "sources": p.sources,
            "by_source": source_records(p.claims, backing.documents),
        }
        for p in backing.partners
    ]


def profile_document(prof: Profile) -> dict[str, Any]:
    return {
        "actor": actor_record(prof.actor),
        "part_of": {"id": prof.parent.id, "name": prof.parent.name} if prof.parent else None,
        "organs": [{"id": a.id, "name": a.name, "kind": a.kind} for a in prof.organs],
        "patrons": _summary(prof.patrons),
        "clients": _summary(prof.clients),
        "timeline": [claim_record(c, prof.names, prof.documents) for c in prof.timeline],
    }


def _brief(documents: dict[str, Document], doc_id: str) -> str:
    doc = documents.get(doc_id)
    return doc.brief() if doc else doc_id


def profile_table(prof: Profile) -> Group:
    a = prof.actor
    head = Table.grid(padding=(0, 2))
    head.add_row("[bold]" + a.name + "[/]", f"{a.kind} · {a.id}")
    for label, value in (
        ("country", a.country),
        ("part of", prof.parent.name if prof.parent else None),
        ("organs", ", ".join(o.name for o in prof.organs)),
        ("aliases", ", ".join(a.acronyms + a.aliases)),
        ("sect", a.sect),
        ("ideology", ", ".join(a.ideology)),
        ("active", a.active.label() if a.active else None),
    ):
        if value:
            head.add_row(label, value)
    parts: list[Any] = [head]
    for title, backing in (("Patrons", prof.patrons), ("Clients", prof.clients)):
        t = Table(title=title, title_justify="left")
        t.add_column("actor")
        t.add_column("support types")
        t.add_column("claims", justify="right")
        t.add_column("sources: time covered", overflow="fold")
        for p in backing.partners:
            spans = by_source(p.claims)
            cell = "; ".join(
                f"{_brief(backing.documents, e.document)} {e.span.label()}"
                for e in spans[:3]
            )
            t.add_row(
                p.actor.name,
                ", ".join(p.types) or "(denied only)",
                str(len(p.claims)),
                escape(cell) + (f" (+{len(spans) - 3} more)" if len(spans) > 3 else ""),
            )
        parts.append(t)
    tl = Table(title="Timeline", title_justify="left")
    for col in ("time", "subject", "type", "object", "stance", "grade", "source"):
        tl.add_column(col)
    for row in timeline_rows(prof.timeline):
        c = row.first
        count = f" ×{len(row.claims)}" if len(row.claims) > 1 else ""
        tl.add_row(
            row.span.label() + count,
            prof.names.get(c.subject, c.subject),
            c.type,
            prof.names.get(c.object, c.object),
            stance_style(c.stance),
            c.grade,
            escape(_brief(prof.documents, c.evidence.document)),
        )
    parts.append(tl)
    return Group(*parts)
