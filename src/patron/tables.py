"""Rich tables for a person reading the terminal; scripts use ``--format json``."""

from __future__ import annotations

from rich.markup import escape
from rich.table import Table

from patron.graph.backing import Backing, TypeSummary, by_source
from patron.model import Actor, Claim, Document
from patron.output import stance_style

__all__ = ["actors_table", "backing_table", "claims_table", "source_cell"]


def source_cell(claim: Claim, documents: dict[str, Document]) -> str:
    """``Attributed speaker via Publisher, "Title", date``."""
    doc = documents.get(claim.evidence.document)
    text = doc.citation(short=True) if doc else claim.evidence.document
    if claim.attribution.by and (doc is None or claim.attribution.by != doc.publisher):
        text = f"{claim.attribution.by} via {text}"
    return text


def _extra(claim: Claim, names: dict[str, str]) -> str:
    parts = [claim.magnitude.label()] if claim.magnitude else []
    if claim.route:
        parts.append(" → ".join(names.get(p, p) for p in claim.route))
    return " ".join(parts)


_SOURCES_SHOWN = 3


def _sources_cell(claims: list[Claim], documents: dict[str, Document]) -> str:
    """Each source of the claims with the time it covers, furthest back first."""
    spans = by_source(claims)
    first: dict[str, Claim] = {}
    for c in claims:
        first.setdefault(c.evidence.document, c)
    lines = []
    for entry in spans[:_SOURCES_SHOWN]:
        cite = escape(source_cell(first[entry.document], documents))
        count = f" ×{entry.claims}" if entry.claims > 1 else ""
        lines.append(f"{cite}: {entry.span.label()}{count}")
    if len(spans) > _SOURCES_SHOWN:
        lines.append(f"[dim](+{len(spans) - _SOURCES_SHOWN} more sources)[/]")
    return "\n".join(lines)


def _summary_row(summary: TypeSummary, backing: Backing) -> list[str]:
    best = summary.best
    stances = ", ".join(
        stance_style(s) + (f" ×{n}" if n > 1 else "") for s, n in summary.stance_counts().items()
    )
    source = _sources_cell(summary.claims, backing.documents)
    return [
        summary.type,
        summary.span.label(),
        stances,
        best.grade,
        _extra(best, backing.names),
        source,
    ]


def _claim_row(claim: Claim, backing: Backing) -> list[str]:
    return [
        claim.type,
        claim.time.label(),
        stance_style(claim.stance),
        claim.grade,
        _extra(claim, backing.names),
        source_cell(claim, backing.documents),
    ]


def backing_table(backing: Backing, *, detail: bool = False) -> Table | str:
    """Patrons (or clients) with their support; one row per type, or per claim if ``detail``.

    A summary row spans every claim of that type: its time is the earliest start to
    the latest end, its stances are counted, and its grade and source are those of
    the best claim (least hedged, best graded, latest).
    """
    role = "Patron" if backing.role == "patrons" else "Client"
    name = backing.actor.name
    title = f"Who backs {name}" if backing.role == "patrons" else f"Whom {name} backs"
    if not backing.partners:
        return f"No support claims found for {name} with these filters."
    table = Table(
        title=title, caption=None if detail else "one row per type; --detail for every claim"
    )
    table.add_column(role, overflow="fold", max_width=30)
    for col in ("Type", "Time", "Stance", "Grade"):
        table.add_column(col, no_wrap=col != "Stance")
    table.add_column("Amount / route", overflow="fold", max_width=36)
    table.add_column("Source", overflow="fold")
    for partner in backing.partners:
        label = partner.actor.name
        if partner.actor.part_of:
            label += f" (part of {backing.names.get(partner.actor.part_of, partner.actor.part_of)})"
        rows = (
            [_claim_row(c, backing) for c in partner.claims]
            if detail
            else [_summary_row(s, backing) for s in partner.by_type()]
        )
        for i, row in enumerate(rows):
            table.add_row(f"[bold]{label}[/]" if i == 0 else "", *row)
        table.add_section()
    for c in backing.changes:
        who = f"{backing.names.get(c.subject, c.subject)} → {backing.names.get(c.object, c.object)}"
        table.add_row(f"[italic]{who}[/]", *_claim_row(c, backing))
    return table


def actors_table(items: list[Actor]) -> Table:
    table = Table(title=f"{len(items)} actors")
    for col in ("id", "name", "kind", "country", "part of", "aliases"):
        table.add_column(col, overflow="fold")
    for a in items:
        aliases = ", ".join((a.acronyms + a.aliases)[:4])
        table.add_row(a.id, a.name, a.kind, a.country or "", a.part_of or "", aliases)
    return table


def claims_table(items: list[Claim], names: dict[str, str], docs: dict[str, Document]) -> Table:
    table = Table(title=f"{len(items)} claims")
    for col in ("Subject", "Type", "Object", "Time", "Stance", "Grade", "Origin", "Source"):
        table.add_column(col, overflow="fold")
    for c in items:
        table.add_row(
            names.get(c.subject, c.subject),
            c.type,
            names.get(c.object, c.object),
            c.time.label(),
            stance_style(c.stance),
            c.grade,
            c.origin,
            source_cell(c, docs),
        )
    return table
