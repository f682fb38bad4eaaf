"""The brief's escalation outlook: the client attacked by its strongest enemy, and
whether the patron joins, from :func:`patron.simulate.run.simulate`.

Its sentences are model output (``kind="model"``), not facts: they give the number
of runs and the Monte Carlo uncertainty (a 95 % normal interval on each share).
"""

from __future__ import annotations

import math

from patron.errors import PatronError
from patron.graph.view import View
from patron.kb import KnowledgeBase
from patron.model import Actor
from patron.report.brief import Section, Sentence
from patron.store.filters import Unreviewed

__all__ = ["enemy_of", "interval", "outlook_section"]


def interval(p: float, runs: int) -> tuple[float, float]:
    """95 % normal interval on a share of ``runs``.

    >>> [round(x, 3) for x in interval(0.5, 2000)]
    [0.478, 0.522]
    """
    half = 1.96 * math.sqrt(max(p * (1 - p), 0.0) / runs) if runs else 0.0
    return max(0.0, p - half), min(1.0, p + half)


def enemy_of(view: View, client: str, patron: str) -> str | None:
    """The actor whose hostility towards ``client`` weighs most (not the patron's side)."""
    best: tuple[float, str] | None = None
    for u in sorted(set(view.graph.predecessors(client))):
        tie = view.tie(u, client, "hostility")
        if tie is None or view.root(u) == view.root(patron) or view.kind(u) == "place":
            continue
        if best is None or tie["weight"] > best[0]:
            best = (float(tie["weight"]), u)
    return best[1] if best else None


def _day_after(day: int) -> str:
    import datetime as dt

    d = dt.date(day // 10000, day // 100 % 100, day % 100) + dt.timedelta(days=1)
    return d.isoformat()


def outlook_section(kb: KnowledgeBase, view: View, patron: Actor, client: Actor, runs: int,
                    unreviewed: Unreviewed, day: int | None) -> Section:
    """The outlook; ``day`` (``yyyymmdd``) is the day the network is read as of, the
    attack following on the next day (default: the view's reference day)."""
    from patron.simulate import scenario as sc
    from patron.simulate.run import simulate

    sec = Section("outlook", "Escalation outlook")
    enemy = enemy_of(view, client.id, patron.id) if client.id in view.graph else None
    if enemy is None:
        sec.add(Sentence(f"The knowledge base holds no hostile tie towards {client.name} to "
                         "start a scenario from; the simulator was not run.", kind="note"))
        return sec
    ref = day or (view.ref if 0 < view.ref < 99991231 else 20000101)
    as_of = f"{ref // 10000}-{ref // 100 % 100:02d}-{ref % 100:02d}"
    spec = sc.from_phrase(f"{enemy} attacks {client.id}", _day_after(ref), as_of=as_of,
                          runs=runs)
    try:
        outcome = simulate(kb, spec, sensitivity=False, unreviewed=unreviewed)
    except PatronError as exc:
        sec.add(Sentence(f"The simulator could not run this scenario: {exc}.", kind="note"))
        return sec
    doc = outcome.document()
    n = int(doc["scenario"]["runs"])
    enemy_name = view.name(enemy)
    sec.add(Sentence(f"Scenario: {enemy_name} attacks {client.name} on {_day_after(ref)}, the "
                     f"network read as of {as_of}; {n:,} Monte Carlo runs, seed "
                     f"{doc['scenario']['seed']}, horizon {doc['scenario']['horizon']} days "
                     "(patron.simulate, fitted parameters).", kind="model"))
    row = next((a for a in doc["actors"] if a["actor"]["id"] == patron.id), None)
    if row is None:
        sec.add(Sentence(f"{patron.name} is not among the actors the simulator follows in this "
                         "scenario.", kind="model"))
    else:
        parts = []
        for h, p in row["join"].items():
            lo, hi = interval(float(p), n)
            days = "day" if h == "1" else "days"
            parts.append(f"{float(p):.1%} within {h} {days} (95% interval {lo:.1%}–{hi:.1%})")
        text = f"Modelled chance that {patron.name} joins: " + "; ".join(parts)
        base = row.get("base_rate")
        if base:
            h, b = list(base.items())[-1]
            text += f"; the base-rate baseline gives {float(b):.1%} within {h} days"
        sec.add(Sentence(text + ".", kind="model"))
    fronts = doc["fronts"]
    lo, hi = interval(float(fronts["multi_front"]), n)
    sec.add(Sentence(f"Multi-front war ({fronts['definition']}): {fronts['multi_front']:.1%} "
                     f"(95% interval {lo:.1%}–{hi:.1%}).", kind="model"))
    ses = [v for v in doc["params"].get("fitted", {}).get("se", {}).values() if v is not None]
    sec.add(Sentence("The intervals cover Monte Carlo noise only; the model's parameters carry "
                     f"their own uncertainty ({len(ses)} fitted with standard errors), and "
                     "the network is only as complete as the claims behind it.", kind="model"))
    for note in outcome.notes:
        sec.add(Sentence(f"Simulator note: {note}.", kind="model"))
    return sec
