"""``patron analyze …``: network analyses over the claim graph.

Each command parses arguments, calls one library function in ``patron.graph``,
prints its answer (every figure with the claim ids behind it) and, with
``--plot FILE.png|svg``, draws the matching picture.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from patron.cli.options import DbOpt, FormatOpt, SinceOpt, UntilOpt, unreviewed_mode
from patron.cli.output import Format, emit, note_undated, note_unreviewed
from patron.errors import InputError
from patron.graph.view import Slice, View, open_view
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter

__all__ = ["analyze_app"]

analyze_app = typer.Typer(
    no_args_is_help=True,
    help="Analyses of the network: patrons, dependence, brokers, paths, blocs, changes…",
)

AsOfOpt = Annotated[
    str | None, typer.Option("--as-of", help="Only claims holding during YYYY[-MM[-DD]]")
]
PlotOpt = Annotated[
    Path | None, typer.Option("--plot", help="Also draw the picture to FILE.png or FILE.svg")
]
TopOpt = Annotated[int, typer.Option("--top", min=1, help="At most this many rows")]

Column = tuple[str, Callable[[dict[str, Any]], Any]]


def _name(ref: dict[str, str] | None) -> str:
    return ref["name"] if ref else ""


def _claims(ids: Sequence[str]) -> str:
    return f"{len(ids)}: {', '.join(ids[:2])}{'…' if len(ids) > 2 else ''}"


def _table(title: str, rows: list[dict[str, Any]], columns: list[Column]) -> Table | str:
    if not rows:
        return f"{title}: nothing found in this slice."
    table = Table(title=title, title_justify="left")
    for header, _ in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(str(get(row)) for _, get in columns))
    return table


def _print(fmt: Format, document: dict[str, Any], rows: list[dict[str, Any]], title: str,
           columns: list[Column]) -> None:
    emit(fmt, rows=rows, document=document, table=lambda: _table(title, rows, columns))


def _view(db: str | None, as_of: str | None, since: str | None, until: str | None,
          plot: Path | None) -> tuple[KnowledgeBase, View]:
    if plot is not None:
        from patron.graph.plot import check_target

        check_target(plot)
    slice_ = Slice.of(as_of=as_of, since=since, until=until)
    mode = unreviewed_mode(None)
    kb = KnowledgeBase.open(db)
    window = ClaimFilter(lo=slice_.lo, hi=slice_.hi, unreviewed=mode)
    note_undated(kb.store.undated_left_out(window))
    note_unreviewed(kb.store.unreviewed_left_out(window))
    return kb, open_view(kb.store, slice_, ClaimFilter(unreviewed=mode))


@analyze_app.command("patrons")
def patrons_cmd(actor: str, top: TopOpt = 20, as_of: AsOfOpt = None, since: SinceOpt = None,
                until: UntilOpt = None, plot: PlotOpt = None, db: DbOpt = None,
                fmt: FormatOpt = Format.table) -> None:
    """ACTOR's patrons, ranked by strength and breadth of support types."""
    _ranking("patrons", actor, top, as_of, since, until, plot, db, fmt)


@analyze_app.command("clients")
def clients_cmd(actor: str, top: TopOpt = 20, as_of: AsOfOpt = None, since: SinceOpt = None,
                until: UntilOpt = None, plot: PlotOpt = None, db: DbOpt = None,
                fmt: FormatOpt = Format.table) -> None:
    """Whom ACTOR supports, ranked by strength and breadth of support types."""
    _ranking("clients", actor, top, as_of, since, until, plot, db, fmt)


def _ranking(role: str, actor: str, top: int, as_of: str | None, since: str | None,
             until: str | None, plot: Path | None, db: str | None, fmt: Format) -> None:
    from patron.graph.patrons import clients, patrons

    kb, view = _view(db, as_of, since, until, plot)
    who = kb.resolve(actor)
    result = (patrons if role == "patrons" else clients)(view, who.id)
    result.ranked = result.ranked[:top]
    if plot is not None:
        from patron.graph.plot import ego

        ego(view, who.id, plot, layers=("support",))
    _print(fmt, result.document(), result.rows(), f"{role.title()} of {who.name}", [
        ("#", lambda r: r["rank"]),
        ("actor", lambda r: _name(r["actor"]) + (
            f" (counted in {_name(r['counted_in'])})" if r["counted_in"] else "")),
        ("strength", lambda r: f"{r['strength']:.3f}"),
        ("types", lambda r: ", ".join(r["types"])),
        ("sources", lambda r: r["sources"]),
        ("strained", lambda r: "yes" if r["strained"] else ""),
        ("claims", lambda r: _claims(r["claims"])),
    ])


@analyze_app.command("dependence")
def dependence_cmd(actor: str, as_of: AsOfOpt = None, since: SinceOpt = None,
                   until: UntilOpt = None, plot: PlotOpt = None, db: DbOpt = None,
                   fmt: FormatOpt = Format.table) -> None:
    """Share of ACTOR's support from each patron, and its concentration (HHI)."""
    from patron.graph.dependence import dependence

    kb, view = _view(db, as_of, since, until, plot)
    who = kb.resolve(actor)
    result = dependence(view, who.id)
    if plot is not None:
        from patron.graph.plot import ego

        ego(view, who.id, plot, layers=("support",))
    doc = result.document()
    title = (f"Dependence of {who.name}: HHI {doc['hhi']} ({doc['concentration']}), "
             f"{doc['effective_patrons']} effective patrons")
    _print(fmt, doc, result.rows(), title, [
        ("patron", lambda r: _name(r["patron"])),
        ("share", lambda r: f"{r['share']:.1%}"),
        ("strength", lambda r: f"{r['strength']:.3f}"),
        ("types", lambda r: ", ".join(r["types"])),
        ("claims", lambda r: _claims(r["claims"])),
    ])


@analyze_app.command("brokers")
def brokers_cmd(
    to: Annotated[str | None, typer.Option("--to", help="Only support reaching this actor")] = None,
    top: TopOpt = 10, as_of: AsOfOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    plot: PlotOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Actors and places that carry support between others (betweenness on routes)."""
    from patron.graph.brokers import brokers

    kb, view = _view(db, as_of, since, until, plot)
    target = kb.resolve(to).id if to else None
    result = brokers(view, to=target, top=top)
    if plot is not None:
        from patron.graph.plot import network

        sizes = {b.actor: 300 + 4000 * b.score for b in result.brokers}
        network(view, plot, "Brokers of support", sizes=sizes, layers=("support", "transit"))
    title = "Brokers" + (f" of support reaching {view.name(target)}" if target else "")
    _print(fmt, result.document(), result.rows(), title, [
        ("#", lambda r: r["rank"]),
        ("actor", lambda r: _name(r["actor"])),
        ("kind", lambda r: r["kind"]),
        ("score", lambda r: f"{r['score']:.3f}"),
        ("claims", lambda r: _claims(r["claims"])),
    ])


@analyze_app.command("paths")
def paths_cmd(
    source: Annotated[str, typer.Argument(metavar="A")],
    target: Annotated[str, typer.Argument(metavar="B")],
    k: Annotated[int, typer.Option("--k", min=1, help="At most this many routes")] = 5,
    max_hops: Annotated[int, typer.Option("--max-hops", min=1)] = 8,
    as_of: AsOfOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    plot: PlotOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """How support gets from A to B: routes through organs, intermediaries and places."""
    from patron.graph.paths import paths

    kb, view = _view(db, as_of, since, until, plot)
    a, b = kb.resolve(source), kb.resolve(target)
    result = paths(view, a.id, b.id, k=k, max_hops=max_hops)
    if plot is not None:
        from patron.graph.plot import ego

        ego(view, a.id, plot, layers=("support",),
            highlight=[n for p in result.paths for n in p.nodes])
    _print(fmt, result.document(), result.rows(), f"Routes from {a.name} to {b.name}", [
        ("#", lambda r: r["rank"]),
        ("route", lambda r: " → ".join(_name(n) for n in r["route"])),
        ("strength", lambda r: f"{r['strength']:.3f}"),
        ("claims", lambda r: _claims(r["claims"])),
    ])


@analyze_app.command("interdiction")
def interdiction_cmd(
    source: Annotated[str, typer.Argument(metavar="A")],
    target: Annotated[str, typer.Argument(metavar="B")],
    as_of: AsOfOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    plot: PlotOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """The fewest places or intermediaries whose removal cuts A's support routes to B."""
    from patron.graph.interdiction import interdiction

    kb, view = _view(db, as_of, since, until, plot)
    a, b = kb.resolve(source), kb.resolve(target)
    result = interdiction(view, a.id, b.id)
    if plot is not None:
        from patron.graph.plot import ego

        ego(view, a.id, plot, layers=("support",),
            highlight=[n for route, _ in result.routes for n in route])
    if not result.reachable:
        title = f"No recorded route from {a.name} to {b.name}"
    elif not result.cuttable:
        title = f"{a.name}'s routes to {b.name} pass only through actors that cannot be removed"
    else:
        title = f"Cut {a.name}'s recorded routes to {b.name} by removing"
    if result.direct:
        title += f" ({len(result.direct)} direct support claims have no recorded route)"
    _print(fmt, result.document(), result.rows(), title, [
        ("node", lambda r: _name(r["node"])),
        ("kind", lambda r: r["kind"]),
        ("routes' claims", lambda r: _claims(r["claims"])),
    ])


@analyze_app.command("blocs")
def blocs_cmd(
    min_size: Annotated[int, typer.Option("--min-size", min=1)] = 2,
    seed: Annotated[int, typer.Option(help="Seed of the Louvain start")] = 7,
    as_of: AsOfOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    plot: PlotOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Groups tied by support and alignment and opposed by hostility (signed communities)."""
    from patron.graph.blocs import blocs

    _, view = _view(db, as_of, since, until, plot)
    result = blocs(view, seed=seed, min_size=min_size)
    if plot is not None:
        from patron.graph.plot import network

        network(view, plot, "Blocs", groups=[b.members for b in result.blocs],
                layers=("support", "alignment", "hostility"))
    _print(fmt, result.document(), result.rows(), "Blocs", [
        ("bloc", lambda r: r["bloc"]),
        ("members", lambda r: ", ".join(_name(m) for m in r["members"])),
        ("held by", lambda r: "; ".join(
            " – ".join(_name(x) for x in t["between"]) for t in r["held_by"][:3])),
        ("opposed to", lambda r: ", ".join(str(o["bloc"]) for o in r["opposed_to"])),
    ])


@analyze_app.command("changes")
def changes_cmd(
    first: Annotated[str, typer.Argument(metavar="Y1", help="YYYY[-MM[-DD]]")],
    second: Annotated[str, typer.Argument(metavar="Y2", help="YYYY[-MM[-DD]]")],
    plot: PlotOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Ties that appeared, ended, strengthened or weakened between Y1 and Y2."""
    from patron.graph.changes import changes, check_dates, series

    if plot is not None:
        from patron.graph.plot import check_target

        check_target(plot)
    check_dates(first, second)
    mode = unreviewed_mode(None)
    kb = KnowledgeBase.open(db)
    note_unreviewed(kb.store.unreviewed_left_out(ClaimFilter(unreviewed=mode)))
    result = changes(kb.store, first, second, unreviewed=mode)
    if plot is not None:
        from patron.graph.plot import timeline

        picked = [c for c in result.changes if c.layer == "support"][:6]
        organs = {a: result.after.organs(a) for c in picked for a in (c.source, c.target)}
        y1, y2 = sorted((int(first[:4]), int(second[:4])))
        data = series(kb.store, [(c.source, c.target, "support") for c in picked],
                      range(y1, y2 + 1), organs)
        timeline(data, plot, f"Support over time, {first} to {second}")
    _print(fmt, result.document(), result.rows(), f"Changes from {first} to {second}", [
        ("from", lambda r: _name(r["from"])),
        ("to", lambda r: _name(r["to"])),
        ("layer", lambda r: r["layer"]),
        ("change", lambda r: r["label"]),
        ("weight", lambda r: f"{r['weight_before']:.2f} → {r['weight_after']:.2f}"),
        ("events", lambda r: "; ".join(f"{e['type']} {e['time']}" for e in r["events"])),
        ("claims", lambda r: _claims(r["claims_before"] + r["claims_after"]
                                     + [e["claim"] for e in r["events"]])),
    ])


@analyze_app.command("crossings")
def crossings_cmd(
    kind: Annotated[list[str] | None, typer.Option(
        "--kind", help="sect, secular-religious or ideology (repeat)")] = None,
    as_of: AsOfOpt = None, since: SinceOpt = None, until: UntilOpt = None,
    plot: PlotOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Support that crosses sect or ideology (a Shia state backing a Sunni group)."""
    from patron.graph.crossings import crossings

    known = ("sect", "secular-religious", "ideology")
    for k in kind or []:
        if k not in known:
            raise InputError(f"unknown crossing {k!r}; one of {', '.join(known)}", field="--kind")
    _, view = _view(db, as_of, since, until, plot)
    result = crossings(view, kinds=tuple(kind or ()))
    if plot is not None:
        from patron.graph.plot import network

        patrons = sorted({c.patron for c in result.crossings})
        clients = sorted({c.client for c in result.crossings} - set(patrons))
        network(view, plot, "Support across sect or ideology", groups=[patrons, clients],
                layers=("support",))
    _print(fmt, result.document(), result.rows(), "Support across sect or ideology", [
        ("patron", lambda r: f"{_name(r['patron'])} ({r['patron_sect'] or '?'})"),
        ("client", lambda r: f"{_name(r['client'])} ({r['client_sect'] or '?'})"),
        ("crosses", lambda r: ", ".join(r["crosses"])),
        ("weight", lambda r: f"{r['weight']:.3f}"),
        ("claims", lambda r: _claims(r["claims"])),
    ])
