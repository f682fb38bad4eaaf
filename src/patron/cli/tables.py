"""Rich tables for a person reading the terminal; scripts use ``--format json``.

The only place Rich renders Patron's records: the library (``patron.graph``,
``patron.kb``) hands over data, these functions lay it out.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.table import Table

from patron.graph.backing import Backing, TypeSummary, by_source
from patron.graph.profile import Profile, timeline_rows
from patron.model import Actor, Claim, Document

__all__ = [
    "actors_table",
    "backing_table",
    "claims_table",
    "profile_table",
    "source_cell",
    "stance_style",
]

_STANCE_STYLE = {
    "asserted": "green",
    "reported": "yellow",
    "alleged": "magenta",
    "disputed": "bright_red",
    "denied": "red",
}


def stance_style(stance: str) -> str:
    return f"[{_STANCE_STYLE.get(stance, 'white')}]{stance}[/]"


def source_cell(claim: Claim, documents: dict[str, Document], brief: bool = False) -> str:
    """``Attributed speaker via Publisher, "Title", date``; ``brief`` (narrow tables):
    ``Attributed speaker via Publisher (date)``."""
    doc = documents.get(claim.evidence.document)
    if doc is None:
        text = claim.evidence.document
    else:
        text = doc.brief() if brief else doc.citation(short=True)
    if claim.attribution.by and (doc is None or claim.attribution.by != doc.publisher):
        text = f"{claim.attribution.by} via {text}"
    return text


def _extra(claim: Claim, names: dict[str, str]) -> str:
    parts = [claim.magnitude.label()] if claim.magnitude else []
    if claim.route:
        parts.append(" → ".join(names.get(p, p) for p in claim.route))
    return " ".join(parts)


_SOURCES_SHOWN = 3


def _provenance(claims: list[Claim]) -> str:
    """`` [imported]``, `` [extracted, unreviewed]``…; nothing for curated claims."""
    kinds = sorted({c.provenance for c in claims} - {"curated"})
    return f" [dim]\\[{escape(', '.join(kinds))}][/]" if kinds else ""


def _brief_cell(claim: Claim, documents: dict[str, Document]) -> str:
    return source_cell(claim, documents, brief=True)


def _sources_cell(claims: list[Claim], documents: dict[str, Document], shown: int,
                  cite: Callable[[Claim, dict[str, Document]], str] = source_cell) -> str:
    """Each source of the claims with the time it covers and, unless curated, where the
    claims come from (imported, extracted and unreviewed), furthest back first."""
    spans = by_source(claims)
    of_doc: dict[str, list[Claim]] = {}
    for c in claims:
        of_doc.setdefault(c.evidence.document, []).append(c)
    lines = []
    for entry in spans[:shown]:
        mine = of_doc[entry.document]
        count = f" ×{entry.claims}" if entry.claims > 1 else ""
        lines.append(
            f"{escape(cite(mine[0], documents))}: {entry.span.label()}{count}{_provenance(mine)}"
        )
    if len(spans) > shown:
        lines.append(f"[dim](+{len(spans) - shown} more sources)[/]")
    return "\n".join(lines)


def _stances(summary: TypeSummary) -> str:
    return ", ".join(
        stance_style(s) + (f" ×{n}" if n > 1 else "") for s, n in summary.stance_counts().items()
    )


def _summary_row(summary: TypeSummary, backing: Backing, wide: bool) -> list[str]:
    best = summary.best
    extra = _extra(best, backing.names)
    if wide:
        return [
            summary.type,
            summary.span.label(),
            _stances(summary),
            best.grade,
            escape(extra),
            escape(", ".join(sorted({c.provenance for c in summary.claims}))),
            _sources_cell(summary.claims, backing.documents, _SOURCES_SHOWN),
        ]
    return [
        summary.type + (f"\n[dim]{escape(extra)}[/]" if extra else ""),
        summary.span.label(),
        f"{_stances(summary)} · {best.grade}",
        _sources_cell(summary.claims, backing.documents, 2, _brief_cell),
    ]


def _claim_row(claim: Claim, backing: Backing, wide: bool) -> list[str]:
    extra = _extra(claim, backing.names)
    source = escape(_brief_cell(claim, backing.documents)) + _provenance([claim])
    if wide:
        return [
            claim.type,
            claim.time.label(),
            stance_style(claim.stance),
            claim.grade,
            escape(extra),
            claim.provenance,
            escape(source_cell(claim, backing.documents)),
        ]
    return [
        claim.type + (f"\n[dim]{escape(extra)}[/]" if extra else ""),
        claim.time.label(),
        f"{stance_style(claim.stance)} · {claim.grade}",
        source,
    ]


def backing_table(backing: Backing, *, detail: bool = False, wide: bool = False) -> Table | str:
    """Patrons (or clients) with their support; one row per type, or per claim if ``detail``.

    A summary row spans every claim of that type: its time is the earliest start to
    the latest end, its stances are counted, and its grade is that of the best claim
    (least hedged, best graded, latest); its sources are listed with the time each
    covers. The default columns fit an 80-column terminal (stance and grade share
    one, amount and route sit under the type, a claim's origin is marked beside its
    source unless curated); ``wide`` gives each its own column.
    """
    role = "Patron" if backing.role == "patrons" else "Client"
    name = backing.actor.name
    title = f"Who backs {name}" if backing.role == "patrons" else f"Whom {name} backs"
    if not backing.partners:
        return f"No support claims found for {name} with these filters."
    hints = ["one row per type; --detail for every claim"] if not detail else []
    hints += [] if wide else ["--wide for every column"]
    # expand: the ratios share the terminal's width out (the source gets the most)
    table = Table(title=title, caption="; ".join(hints) or None, expand=True)
    table.add_column(role, ratio=3, overflow="fold")
    table.add_column("Type", width=14, overflow="fold")
    table.add_column("Time", width=12, overflow="fold")  # a date is never cut
    if wide:
        table.add_column("Stance", ratio=3, overflow="fold")
        table.add_column("Grade", ratio=1, overflow="fold")
        table.add_column("Amount / route", ratio=3)
        table.add_column("Origin", ratio=2)
    else:
        table.add_column("Stance · grade", ratio=3, overflow="fold")  # never cut a hedge
    table.add_column("Source", ratio=7)
    for partner in backing.partners:
        label = escape(partner.actor.name)
        if partner.actor.part_of:
            parent = backing.names.get(partner.actor.part_of, partner.actor.part_of)
            label += f" (part of {escape(parent)})"
        rows = (
            [_claim_row(c, backing, wide) for c in partner.claims]
            if detail
            else [_summary_row(s, backing, wide) for s in partner.by_type()]
        )
        for i, row in enumerate(rows):
            table.add_row(f"[bold]{label}[/]" if i == 0 else "", *row)
        table.add_section()
    for c in backing.changes:
        who = f"{backing.names.get(c.subject, c.subject)} → {backing.names.get(c.object, c.object)}"
        table.add_row(f"[italic]{escape(who)}[/]", *_claim_row(c, backing, wide))
    return table


def actors_table(items: list[Actor]) -> Table:
    table = Table(title=f"{len(items)} actors")
    for col in ("id", "name", "kind", "country", "part of", "aliases"):
        table.add_column(col, overflow="fold")
    for a in items:
        aliases = ", ".join((a.acronyms + a.aliases)[:4])
        table.add_row(a.id, a.name, a.kind, a.country or "", a.part_of or "", aliases)
    return table


def claims_table(items: list[Claim], names: dict[str, str], docs: dict[str, Document],
                 *, wide: bool = False) -> Table:
    """One row per claim. The default columns fit an 80-column terminal (stance and
    grade share one; origin is marked beside the source unless curated); ``wide``
    gives grade and origin their own columns and the full citation."""
    table = Table(title=f"{len(items)} claims", expand=True,
                  caption=None if wide else "--wide for every column")
    table.add_column("Subject", ratio=3, overflow="fold")
    table.add_column("Type", width=12, overflow="fold")
    table.add_column("Object", ratio=3, overflow="fold")
    table.add_column("Time", width=12, overflow="fold")
    if wide:
        for col in ("Stance", "Grade", "Origin"):
            table.add_column(col, ratio=2, overflow="fold")
    else:
        table.add_column("Stance · grade", width=13, overflow="fold")  # never cut a hedge
    table.add_column("Source", ratio=6)
    for c in items:
        head = [escape(names.get(c.subject, c.subject)), c.type,
                escape(names.get(c.object, c.object)), c.time.label()]
        if wide:
            table.add_row(*head, stance_style(c.stance), c.grade, escape(c.origin),
                          escape(source_cell(c, docs)))
        else:
            table.add_row(*head, f"{stance_style(c.stance)} · {c.grade}",
                          escape(_brief_cell(c, docs)) + _provenance([c]))
    return table


def _brief(documents: dict[str, Document], doc_id: str) -> str:
    doc = documents.get(doc_id)
    return doc.brief() if doc else doc_id


def profile_table(prof: Profile) -> Group:
    """``patron actor``: who the actor is, its patrons and clients, and its timeline
    (a dataset's year-by-year claims folded into runs by
    :func:`~patron.graph.profile.timeline_rows`)."""
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
