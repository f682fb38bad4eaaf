"""How much each output depends on each tie: one-at-a-time and variance-based.

The ties examined are the :data:`TOP_TIES` heaviest among the simulated actors that
touch a trigger's party or one of the likeliest joiners. The outputs are the
probability of a multi-front war and each of the :data:`TOP_OUTPUTS` likeliest
joiners' probability of joining within 30 days (or the horizon, if shorter).

*One at a time*: each tie removed alone, everything else as fitted; the change in
each output, with common random numbers (the same seed), so the difference is the
tie's effect and not Monte Carlo noise.

*Variance-based*: every examined tie's weight multiplied by an independent factor
drawn uniformly from [0, 2] (from "absent" to "twice as strong"), ``samples`` times;
the first-order index of tie k is Var(E[Y | factor_k]) / Var(Y), estimated by
binning factor_k into √samples equal-count bins (the correlation ratio), less the
value expected from noise alone. It says what share of the output's variance the
uncertainty about that tie explains on its own.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import replace
from typing import Any

import numpy as np
import numpy.typing as npt

from patron.simulate.outcome import MULTI_FRONT, fronts_per_run, join_probabilities
from patron.simulate.simulation import Simulation
from patron.wire import actor_ref

__all__ = ["TOP_OUTPUTS", "TOP_TIES", "sensitivity"]

TOP_TIES = 10
TOP_OUTPUTS = 3
_LAYERS = ("support", "alignment", "hostility")
F = npt.NDArray[np.float64]
Tie = tuple[str, int, int]


def _examined(sim: Simulation, focus: list[int]) -> list[Tie]:
    t = sim.ties
    near = {i for i, *_ in sim.setup.starts} | set(focus)
    found: list[tuple[float, Tie]] = []
    for layer in _LAYERS:
        mat = getattr(t, layer)
        for i, j in zip(*np.nonzero(mat), strict=True):
            if layer == "alignment" and j <= i:
                continue
            if int(i) in near or int(j) in near:
                found.append((float(mat[i, j]), (layer, int(i), int(j))))
    found.sort(key=lambda x: (-x[0], x[1]))
    return [tie for _, tie in found[:TOP_TIES]]


def _scaled(sim: Simulation, ties: list[Tie], factors: F) -> Simulation:
    t = sim.ties
    mats = {layer: getattr(t, layer).copy() for layer in _LAYERS}
    for (layer, i, j), f in zip(ties, factors, strict=True):
        mats[layer][i, j] *= f
        if layer == "alignment":
            mats[layer][j, i] *= f
    shared = t.shared
    if any(layer == "support" for layer, *_ in ties):
        # common-patron support among the followed actors moves with their support ties;
        # patrons outside the simulated set are kept as read
        before = _shared(t.support)
        shared = np.maximum(t.shared - before + _shared(mats["support"]), 0.0)
    return sim.with_ties(replace(t, support=mats["support"], alignment=mats["alignment"],
                                 hostility=mats["hostility"], shared=shared))


def _shared(support: F) -> F:
    n = support.shape[0]
    out = np.zeros((n, n))
    for k in range(n):
        row = support[k]
        out += np.minimum(row[:, None], row[None, :])
    np.fill_diagonal(out, 0.0)
    return out


def _outputs(sim: Simulation, runs: int, seed: int, focus: list[int], days: int) -> F:
    result = sim.run(runs, seed)
    probs = join_probabilities(result, sim.setup.horizon)
    h = max(k for k in probs if k <= days)
    multi = float((fronts_per_run(sim, result) >= MULTI_FRONT).mean())
    return np.array([multi, *(float(probs[h][i]) for i in focus)])


def _first_order(x: F, y: F) -> F:
    """Binned correlation ratio of each column of ``x`` for output ``y``, noise removed."""
    m = len(y)
    bins = max(2, int(math.sqrt(m)))
    var = float(y.var())
    out = np.zeros(x.shape[1])
    if var <= 0:
        return out
    for k in range(x.shape[1]):
        groups = np.array_split(np.argsort(x[:, k], kind="stable"), bins)
        means = np.array([y[g].mean() for g in groups])
        sizes = np.array([len(g) for g in groups])
        between = float(np.sum(sizes * (means - y.mean()) ** 2) / m)
        out[k] = max(0.0, between / var - (bins - 1) / m)
    return out


def sensitivity(sim: Simulation, focus: list[int], runs: int = 2000, samples: int = 64,
                seed: int = 11, progress: Callable[[int, int], None] | None = None
                ) -> dict[str, Any]:
    """One-at-a-time and first-order variance-based sensitivity (module doc)."""
    focus = focus[:TOP_OUTPUTS]
    ties = _examined(sim, focus)
    days = min(30, sim.setup.horizon)
    names = sim.ties.names
    outputs = ["multi_front", *(f"join_{days}d:{sim.ties.ids[i]}" for i in focus)]
    steps = 1 + len(ties) + samples
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)

    base = _outputs(sim, runs, seed, focus, days)
    tick()
    one: list[F] = []
    for k in range(len(ties)):
        factors = np.ones(len(ties))
        factors[k] = 0.0
        one.append(_outputs(_scaled(sim, ties, factors), runs, seed, focus, days) - base)
        tick()
    rng = np.random.Generator(np.random.PCG64(seed))
    x = rng.uniform(0.0, 2.0, size=(samples, len(ties)))
    y = np.zeros((samples, len(outputs)))
    small = max(200, runs // 2)
    for m in range(samples):
        y[m] = _outputs(_scaled(sim, ties, x[m]), small, seed, focus, days)
        tick()
    first = np.array([_first_order(x, y[:, o]) for o in range(len(outputs))]) if ties else \
        np.zeros((len(outputs), 0))

    def tie_ref(tie: Tie) -> dict[str, Any]:
        layer, i, j = tie
        return {"from": actor_ref(sim.ties.ids[i], names[i]),
                "to": actor_ref(sim.ties.ids[j], names[j]), "layer": layer,
                "weight": round(float(getattr(sim.ties, layer)[i, j]), 4),
                "claims": sim.ties.claims.get((layer, sim.ties.ids[i], sim.ties.ids[j]), [])[:5]}

    return {
        "outputs": outputs,
        "baseline": {o: round(float(v), 4) for o, v in zip(outputs, base, strict=True)},
        "ties": [{**tie_ref(tie),
                  "remove": {o: round(float(d), 4) for o, d in zip(outputs, one[k], strict=True)},
                  "first_order": {o: round(float(first[q, k]), 3)
                                  for q, o in enumerate(outputs)}}
                 for k, tie in enumerate(ties)],
        "method": {"one_at_a_time": f"tie removed, {runs} runs, same seed",
                   "variance_based": f"{samples} samples of factors U[0, 2] on every examined "
                                     f"tie, {small} runs each; first-order index by binned "
                                     "correlation ratio"},
    }
