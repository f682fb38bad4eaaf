"""Who backs whom: an actor's patrons or clients, each with the claims behind it.

Every partner row is built from claims only; nothing is inferred. Denied claims
are listed (an analyst must see the denial) but a partner's ``types`` count only
claims that are not denied.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from patron.graph.view import root_of, with_parents
from patron.graph.weight import edge_weight, reference_day, score
from patron.model import Actor, Claim, Document
from patron.store import ClaimFilter, Store
from patron.timespan import OPEN_END, TimeSpan, date_bounds
from patron.vocab import VOCAB

__all__ = [
    "Backing",
    "Partner",
    "SourceSpan",
    "TypeSummary",
    "backed_by",
    "by_source",
    "source_records",
    "who_backs",
]

Role = Literal["patrons", "clients"]
_CHANGE_TYPES = VOCAB.modifiers


@dataclass
class Partner:
    actor: Actor
    claims: list[Claim] = field(default_factory=list)

    @property
    def types(self) -> list[str]:
        """Support types with at least one claim that is not denied, in vocabulary order."""
        held = {c.type for c in self.claims if c.stance != "denied"}
        return [t for t in VOCAB.types_in("support") if t in held]

    @property
    def sources(self) -> int:
        return len({c.evidence.document for c in self.claims})

    def by_type(self) -> list[TypeSummary]:
        """Claims grouped by support type: standing types first, in vocabulary order."""
        groups: dict[str, list[Claim]] = {}
        for c in self.claims:
            groups.setdefault(c.type, []).append(c)
        order = {t: i for i, t in enumerate(VOCAB.types_in("support"))}
        summaries = [TypeSummary(t, cs) for t, cs in groups.items()]
        summaries.sort(key=lambda s: (s.type not in self.types, order.get(s.type, 99)))
        return summaries


@dataclass
class TypeSummary:
    """One support type between a patron and a client: every claim, and the best one.

    The best claim is the least hedged, then the best graded, then one that gives an
    amount, then the latest.
    """

    type: str
    claims: list[Claim]

    @property
    def best(self) -> Claim:
        return max(
            self.claims,
            key=lambda c: (
                VOCAB.stances[c.stance],
                _grade_key(c.grade),
                c.magnitude is not None,
                c.time.bounds(),
            ),
        )

    @property
    def span(self) -> TimeSpan:
        """From the earliest start to the latest end (open if any claim is open)."""
        starts = [c.time.start for c in self.claims if c.time.start]
        ends = [c.time.end for c in self.claims]
        start = min(starts, key=lambda d: date_bounds(d)[0]) if starts else None
        end = None
        if ends and all(ends):
            end = max((e for e in ends if e), key=lambda d: date_bounds(d)[1])
        return TimeSpan(start=start, end=end)

    def stance_counts(self) -> dict[str, int]:
        """``{"asserted": 3, "denied": 1}``, strongest stance first."""
        counts: dict[str, int] = {}
        for stance in sorted(VOCAB.stances, key=lambda s: -VOCAB.stances[s]):
            n = sum(1 for c in self.claims if c.stance == stance)
            if n:
                counts[stance] = n
        return counts


def _grade_key(grade: str) -> tuple[int, int]:
    """Higher is better: A1 > B2 > F6."""
    return (-ord(grade[0]), -int(grade[1]))


@dataclass(frozen=True)
class SourceSpan:
    """What one source says of a tie: its claims and the time they cover."""

    document: str
    span: TimeSpan
    claims: int


def by_source(claims: list[Claim]) -> list[SourceSpan]:
    """One entry per source document, the one reaching furthest back first.

    Sources that disagree (a dataset year against a curated claim) are all kept:
    each shows its own span, so a reader sees who backs a tie and since when.
    """
    groups: dict[str, list[Claim]] = {}
    for c in claims:
        groups.setdefault(c.evidence.document, []).append(c)
    spans = [SourceSpan(doc, TypeSummary("", items).span, len(items))
             for doc, items in groups.items()]
    return sorted(
        spans,
        key=lambda s: (date_bounds(s.span.start)[0] if s.span.start else OPEN_END, s.document),
    )


def source_records(claims: list[Claim], documents: dict[str, Document]) -> list[dict[str, Any]]:
    """:func:`by_source` in wire form: document id, citation, time covered, claim count."""
    out = []
    for entry in by_source(claims):
        doc = documents.get(entry.document)
        out.append({
            "document": entry.document,
            "citation": doc.citation() if doc else entry.document,
            "time": {"start": entry.span.start, "end": entry.span.end},
            "claims": entry.claims,
        })
    return out


@dataclass
class Backing:
    """The answer to who-backs / backed-by for one actor and window."""

    actor: Actor
    role: Role
    partners: list[Partner]
    changes: list[Claim]
    documents: dict[str, Document]
    names: dict[str, str]

    def claims(self) -> list[Claim]:
        return [c for p in self.partners for c in p.claims]


def _ranked(partners: list[Partner], hi: int | None, actors: dict[str, Actor]
            ) -> list[Partner]:
    """Strongest first: by the weight the network gives the tie
    (:func:`~patron.graph.weight.edge_weight`: breadth of support, independent
    sources, stance, grade and recency up to ``hi`` or the latest claim), then by
    breadth of support types, then sources.

    A state's organs (IRGC, Quds Force) count with the state and are listed right
    after it, so the strength of a patron includes what its organs give.
    """
    groups: dict[str, list[Partner]] = {}
    for p in partners:
        groups.setdefault(root_of(p.actor.id, actors), []).append(p)
    ref = reference_day((c for p in partners for c in p.claims), hi)

    def strength(members: list[Partner]) -> tuple[float, int, int]:
        claims = [c for p in members for c in p.claims]
        return (
            edge_weight(score(c, ref) for c in claims),
            len({t for p in members for t in p.types}),
            len({c.evidence.document for c in claims}),
        )

    ordered = sorted(groups.items(), key=lambda kv: (tuple(-x for x in strength(kv[1])), kv[0]))
    out: list[Partner] = []
    for root, members in ordered:
        members.sort(key=lambda p: (p.actor.id != root, -len(p.types), p.actor.name))
        out.extend(members)
    return out


def _query(store: Store, actor: Actor, role: Role, base: ClaimFilter) -> Backing:
    mine = (actor.id,)
    types = base.types or VOCAB.types_in("support")
    flt = ClaimFilter(
        types=types,
        families=("support",),
        stances=base.stances,
        origins=base.origins,
        min_grade=base.min_grade,
        lo=base.lo,
        hi=base.hi,
        unreviewed=base.unreviewed,
        objects=mine if role == "patrons" else (),
        subjects=mine if role == "clients" else (),
    )
    found = store.claims(flt)
    by_partner: dict[str, list[Claim]] = {}
    for claim in found:
        other = claim.subject if role == "patrons" else claim.object
        by_partner.setdefault(other, []).append(claim)
    changes = store.claims(
        ClaimFilter(
            actors=(actor.id,),
            types=_CHANGE_TYPES,
            lo=base.lo,
            hi=base.hi,
            min_grade=base.min_grade,
            origins=base.origins,
            unreviewed=base.unreviewed,
        )
    )
    actors = with_parents(store, by_partner)
    partners = [Partner(actors[pid], claims) for pid, claims in by_partner.items()]
    partners = _ranked(partners, base.hi, actors)
    every = found + changes
    ids = {c.subject for c in every} | {c.object for c in every}
    ids |= {place for c in every for place in c.route}
    ids |= {a.part_of for a in actors.values() if a.part_of}
    return Backing(
        actor=actor,
        role=role,
        partners=partners,
        changes=changes,
        documents=store.documents(c.evidence.document for c in every),
        names=store.display_names(ids | {actor.id}),
    )


def who_backs(store: Store, actor: Actor, flt: ClaimFilter = ClaimFilter()) -> Backing:
    """``actor``'s patrons: who supports it, with what, when, on what evidence.

    ``flt`` may narrow types (support types only), time, stance, grade and origin.
    """
    return _query(store, actor, "patrons", flt)


def backed_by(store: Store, actor: Actor, flt: ClaimFilter = ClaimFilter()) -> Backing:
    """``actor``'s clients: whom it supports."""
    return _query(store, actor, "clients", flt)
