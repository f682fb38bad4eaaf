"""What the runs say: join probabilities, timing, fronts, cascades, and the baselines.

Days are counted from the first trigger: day 1 is the trigger's day, so "within 7
days" means on the trigger's day or the six after it. A *front* is one pair of
belligerents: each distinct trigger pair is one, and each actor that joins (or is
forced in) opens one more against its target; a multi-front war has
:data:`MULTI_FRONT` or more.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from patron.simulate.engine import Runs
from patron.simulate.simulation import Simulation
from patron.wire import ActorRef, actor_ref

__all__ = ["HORIZONS", "MULTI_FRONT", "Outcome", "base_rate_join", "summarise"]

HORIZONS = (1, 7, 30, 90)
MULTI_FRONT = 3
_TOP_CASCADES = 5
#: Joins an opening shows (beyond them runs differ in detail and rarely repeat).
CASCADE_STEPS = 2
_QUANTILES = (0.1, 0.5, 0.9)


def base_rate_join(daily: float, days: int) -> float:
    """P(join within ``days``) at a constant daily rate (the base-rate baseline).

    >>> round(base_rate_join(0.01, 30), 4)
    0.2603
    """
    return 1.0 - (1.0 - daily) ** days


@dataclass
class Outcome:
    """The summary of one simulation; ``document()`` is the JSON form."""

    scenario: dict[str, Any]
    network: dict[str, Any]
    params: dict[str, Any]
    actors: list[dict[str, Any]]
    fronts: dict[str, Any]
    cascades: dict[str, Any]
    baselines: dict[str, Any]
    sensitivity: dict[str, Any] | None = None
    notes: list[str] = field(default_factory=list)

    def document(self) -> dict[str, Any]:
        return {
            "scenario": self.scenario, "network": self.network, "params": self.params,
            "actors": self.actors, "fronts": self.fronts, "cascades": self.cascades,
            "baselines": self.baselines, "sensitivity": self.sensitivity, "notes": self.notes,
            "model": "patron.simulate.hazard",
        }

    def rows(self) -> list[dict[str, Any]]:
        return self.actors


def _horizons(horizon: int) -> list[int]:
    """:data:`HORIZONS` shorter than the horizon, then the horizon itself."""
    return [h for h in HORIZONS if h < horizon] + [horizon]


def join_probabilities(runs: Runs, horizon: int) -> dict[int, npt.NDArray[np.float64]]:
    """``{h: P(join within h days)}`` per actor (parties and forced actors included)."""
    joined = runs.join >= 0
    return {h: (joined & (runs.join < h)).mean(axis=0) for h in _horizons(horizon)}


def fronts_per_run(sim: Simulation, runs: Runs) -> npt.NDArray[np.int64]:
    pairs = len({(a, b) for a, b, *_ in sim.plan.triggers})
    party = np.zeros(sim.ties.n, dtype=bool)
    for a, b, *_ in sim.plan.triggers:
        party[[sim.ties.index(a), sim.ties.index(b)]] = True
    joined = (runs.join >= 0) & ~party
    counts: npt.NDArray[np.int64] = pairs + joined.sum(axis=1).astype(np.int64)
    return counts


def _role(sim: Simulation, i: int) -> str:
    actor = sim.ties.ids[i]
    if any(actor == b for _, b, *_ in sim.plan.triggers):
        return "attacked"
    if any(actor == a for a, *_ in sim.plan.triggers):
        return "attacker"
    if any(actor == a for a, *_ in sim.plan.forced_in):
        return "forced in"
    if actor in sim.plan.forced_out:
        return "forced out"
    return "candidate"


def _ref(sim: Simulation, i: int) -> ActorRef:
    return actor_ref(sim.ties.ids[i], sim.ties.names[i])


def _actor_rows(sim: Simulation, runs: Runs, base_daily: float) -> list[dict[str, Any]]:
    horizon = sim.setup.horizon
    probs = join_probabilities(runs, horizon)
    rows: list[dict[str, Any]] = []
    for i in range(sim.ties.n):
        mask = runs.join[:, i] >= 0
        count = int(mask.sum())
        days = runs.join[mask, i].astype(np.int64) + 1
        targets = Counter(runs.target[mask, i].tolist())
        sides = Counter(runs.side[mask, i].tolist())
        role = _role(sim, i)
        rows.append({
            "actor": _ref(sim, i),
            "role": role,
            "join": {str(h): round(float(p[i]), 4) for h, p in probs.items()},
            "against": [{"target": _ref(sim, t), "share": round(c / count, 4)}
                        for t, c in targets.most_common(3) if t >= 0] if count else [],
            "side": {("attacked" if s == 0 else "attackers"): round(c / count, 4)
                     for s, c in sorted(sides.items())} if count else {},
            "days_to_join": ({f"q{int(q * 100)}": int(np.quantile(days, q, method="lower"))
                              for q in _QUANTILES} if count and role == "candidate" else None),
            "direct_strikes": round(float((runs.escalated[:, i] >= 0).mean()
                                          + ((runs.join[:, i] >= 0) & (runs.escalated[:, i] < 0)
                                             & _starts_direct(sim, i)).mean()), 4),
            "base_rate": (None if role != "candidate" else
                          {str(h): round(base_rate_join(base_daily, h), 4) for h in probs}),
        })
    rows.sort(key=_order)
    return rows


def _order(row: dict[str, Any]) -> tuple[bool, float, str]:
    return row["role"] == "candidate", -max(row["join"].values()), row["actor"]["id"]


def _starts_direct(sim: Simulation, i: int) -> bool:
    return any(a == i and level == 2 for a, _, _, level in sim.setup.starts)


def _fronts(sim: Simulation, runs: Runs, base_daily: float) -> dict[str, Any]:
    per_run = fronts_per_run(sim, runs)
    counts = Counter(per_run.tolist())
    total = len(per_run)
    pairs = len({(a, b) for a, b, *_ in sim.plan.triggers})
    free = sum(1 for i in range(sim.ties.n) if _role(sim, i) == "candidate")
    p = base_rate_join(base_daily, sim.setup.horizon)
    need = max(0, MULTI_FRONT - pairs - len(sim.plan.forced_in))
    tail = sum(math.comb(free, k) * p**k * (1 - p) ** (free - k) for k in range(need, free + 1))
    return {
        "distribution": {str(k): round(v / total, 4) for k, v in sorted(counts.items())},
        "mean": round(float(per_run.mean()), 3),
        "multi_front": round(float((per_run >= MULTI_FRONT).mean()), 4),
        "multi_front_base_rate": round(tail, 4),
        "multi_front_no_change": 1.0 if pairs + len(sim.plan.forced_in) >= MULTI_FRONT else 0.0,
        "definition": f"{MULTI_FRONT} or more pairs of belligerents within the horizon",
    }


def _cascades(sim: Simulation, runs: Runs) -> dict[str, Any]:
    """The most frequent openings (the first :data:`CASCADE_STEPS` joins of a run, in
    order, each with who pulled it in) and the most frequent pull links overall."""
    party = np.zeros(sim.ties.n, dtype=bool)
    for i, *_ in sim.setup.starts:
        party[i] = True
    joined = (runs.join >= 0) & ~party
    chains: Counter[tuple[tuple[int, int], ...]] = Counter()
    links: Counter[tuple[int, int]] = Counter()
    for r in np.nonzero(joined.any(axis=1))[0]:
        who = np.nonzero(joined[r])[0]
        order = sorted(who.tolist(), key=lambda i: (int(runs.join[r, i]), i))
        steps = [(int(runs.puller[r, i]), i) for i in order]
        links.update(steps)
        chains[tuple(steps[:CASCADE_STEPS])] += 1
    quiet = int((~joined.any(axis=1)).sum())
    if quiet:
        chains[()] = quiet
    total = runs.join.shape[0]

    def step(p: int, j: int) -> dict[str, Any]:
        return {"pulled_by": _ref(sim, p) if p >= 0 else None, "joiner": _ref(sim, j)}

    def text(p: int, j: int) -> str:
        return f"{sim.ties.names[p] if p >= 0 else 'on its own'} → {sim.ties.names[j]}"

    openings = [{"cascade": "; ".join(text(p, j) for p, j in chain) or "no one joins",
                 "steps": [step(p, j) for p, j in chain],
                 "probability": round(count / total, 4)}
                for chain, count in chains.most_common(_TOP_CASCADES)]
    pulls = [{**step(p, j), "link": text(p, j), "probability": round(count / total, 4)}
             for (p, j), count in links.most_common(_TOP_CASCADES)]
    return {"openings": openings, "links": pulls,
            "definition": f"an opening is a run's first {CASCADE_STEPS} joins in order; a "
                          "link is one actor pulling another in (the fighting ally whose "
                          "ties added most to the joiner's rate)"}


def summarise(sim: Simulation, runs: Runs, base_daily: float,
              fitted: dict[str, Any] | None = None) -> Outcome:
    """The :class:`Outcome` of ``runs`` of ``sim``; ``base_daily`` is the base-rate baseline's
    daily joining rate (from the fitted file)."""
    plan = sim.plan
    return Outcome(
        scenario={**plan.scenario.record(), "as_of_day": plan.as_of,
                  "start_day": plan.start, "runs": int(runs.join.shape[0])},
        network={"actors": sim.ties.n, "slice": sim.view.slice.record(),
                 "claims": len(sim.view.claims),
                 "ties": int((sim.ties.support > 0).sum() + (sim.ties.hostility > 0).sum()
                             + (sim.ties.alignment > 0).sum() // 2)},
        params={**sim.setup.params.record(), "fitted": fitted or {}},
        actors=_actor_rows(sim, runs, base_daily),
        fronts=_fronts(sim, runs, base_daily),
        cascades=_cascades(sim, runs),
        baselines={
            "no_change": "no one joins: every join probability 0, one front per trigger pair",
            "base_rate": {"daily": base_daily, "rule": "every candidate joins at the pooled "
                          "historical daily rate of the calibration episodes"},
        },
    )
