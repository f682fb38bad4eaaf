"""An actor's profile: who it is, who backs it, whom it backs, and its timeline."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from patron.graph.backing import (
    Backing,
    TypeSummary,
    backed_by,
    source_records,
    who_backs,
)
from patron.model import Actor, Claim, Document
from patron.store import ClaimFilter, Store
from patron.store.filters import Unreviewed
from patron.timespan import TimeSpan
from patron.wire import actor_record, actor_ref, claim_record

__all__ = [
    "Profile",
    "TimelineRow",
    "profile",
    "profile_document",
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
            "actor": actor_ref(p.actor.id, p.actor.name),
            "types": p.types,
            "claims": [c.id for c in p.claims],
            "sources": p.sources,
            "by_source": source_records(p.claims, backing.documents),
        }
        for p in backing.partners
    ]


def profile_document(prof: Profile) -> dict[str, Any]:
    """The profile as JSON (``patron actor --format json``): claims in their wire form."""
    return {
        "actor": actor_record(prof.actor),
        "part_of": actor_ref(prof.parent.id, prof.parent.name) if prof.parent else None,
        "organs": [{**actor_ref(a.id, a.name), "kind": a.kind} for a in prof.organs],
        "patrons": _summary(prof.patrons),
        "clients": _summary(prof.clients),
        "timeline": [claim_record(c, prof.names, prof.documents) for c in prof.timeline],
    }
