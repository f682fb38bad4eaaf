"""Fitting the hazard's global parameters to past episodes by (penalised) maximum likelihood.

For each episode the network is read as of the day before its trigger, and each
candidate's daily joining rate follows :mod:`patron.simulate.hazard` with the
engagement state the file records: the trigger's parties fight at direct-strike
level for the observed window, a joiner at level 1 from its first to its last day.
A candidate is at risk from day 1 until it joins; then the log-likelihood is the
discrete-time one of the hazard (survive: −Λ; join on side s: log(1 − e^−Λ) + log
λ_s/Λ). So the fitted parameters say how the *network as of the trigger* raises or
lowers the rate: an episode with a denser, more committed network around the
attacked actor is expected to draw more joiners, and the fit is penalised when
history disagrees.

Ten rows identify little. The log-likelihood is therefore penalised by a stated
Gaussian prior on each parameter (:data:`PRIOR`), and the standard errors are the
Laplace ones (the inverse Hessian of the penalised negative log-likelihood at the
optimum); a standard error close to its prior's scale says the data did not move
that parameter. ``end_rate`` is the maximum-likelihood geometric rate of the
observed engagement durations; ``escalation_rate`` is not identified by a file with
no levels and is fixed (:data:`ESCALATION_RATE`).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from patron.errors import InputError
from patron.simulate.episodes import Episode
from patron.simulate.hazard import Params, Sides, deterrence, terms
from patron.simulate.scenario import Resolved, Scenario, Trigger
from patron.simulate.simulation import Simulation, read_network
from patron.store import Store
from patron.store.filters import Unreviewed

__all__ = ["ESCALATION_RATE", "FITTED", "PRIOR", "Fit", "Observed", "end_rate", "fit",
           "observe", "plan_of"]

F = npt.NDArray[np.float64]
#: The parameters fitted by likelihood, in the order of the design columns.
FITTED = ("alpha", "pull", "hostility", "past", "deterrence")
#: Gaussian prior (mean, sd) per fitted parameter, on the log-rate scale. alpha's
#: mean, e^−9 ≈ 1.2e−4 a day, is about a 1% chance of joining in 90 days for an actor
#: with no ties to the fighting; each slope is centred on "no effect" with sd 1
#: (a unit of log(1 + weight) multiplying the rate by e ≈ 2.7 is one sd).
PRIOR: dict[str, tuple[float, float]] = {
    "alpha": (-9.0, 3.0), "pull": (0.0, 1.0), "hostility": (0.0, 1.0), "past": (0.0, 1.0),
    "deterrence": (0.0, 1.0),
}
#: Daily probability that proxy fire becomes direct strikes: an assumption (about a
#: month at level 1 on average), not fitted; a scenario can change it in ``params``.
ESCALATION_RATE = 1 / 30


def plan_of(ep: Episode, horizon: int, runs: int = 1000, seed: int = 7) -> Resolved:
    """The episode's trigger as a resolved scenario (network as of the day before)."""
    name = ep.names.get
    triggers = tuple(Trigger(name(ep.attacker, ep.attacker), "attacks", name(t, t),
                             ep.date.isoformat()) for t in ep.targets)
    scenario = Scenario(triggers=triggers, name=f"{ep.id}: {ep.context}", horizon=horizon,
                        runs=runs, seed=seed)
    return Resolved(scenario, ep.as_of, ep.day,
                    tuple((ep.attacker, t, 2, 0) for t in ep.targets), (), (), (), {},
                    dict(ep.names))


@dataclass(frozen=True)
class Observed:
    """An episode's at-risk (candidate, day) rows: ``x[row, side, column]`` (columns of
    :data:`FITTED`: 1, pull, hostility, past, −deterrence), ``joined[row]`` (−1 or the
    side), ``actor[row]``, ``day[row]``; ``sim`` the episode's network and arrays."""

    episode: Episode
    sim: Simulation
    x: F
    joined: npt.NDArray[np.int64]
    actor: npt.NDArray[np.int64]
    day: npt.NDArray[np.int64]

    @property
    def candidates(self) -> list[int]:
        parties = {i for i, *_ in self.sim.setup.starts}
        return [i for i in range(self.sim.ties.n) if i not in parties]


def _side_of(ep: Episode, target: str, line: int, file: str | None) -> int:
    if target == ep.attacker:
        return 0
    if target in ep.targets:
        return 1
    raise InputError(f"{ep.names.get(target, target)} is not a party to the episode's trigger",
                     file=file, line=line, field="target")


def observe(store: Store, ep: Episode, unreviewed: Unreviewed = "exclude",
            file: str | None = None) -> Observed:
    """The rows of one episode (module doc)."""
    plan = plan_of(ep, ep.days)
    view = read_network(store, ep.as_of, unreviewed, plan.scenario.at("date"), "date_start")
    sim = Simulation.from_view(plan, view, Params(), extra=tuple(j.actor for j in ep.joins))
    ties = sim.ties
    n = ties.n
    pull, host, record = terms(ties)
    parties = (frozenset(i for i, s, *_ in sim.setup.starts if s == 0),
               frozenset(i for i, s, *_ in sim.setup.starts if s == 1))
    d = deterrence(ties, Sides(parties))
    level = np.zeros((ep.days, 2 * n))
    for i, side, _, lvl in sim.setup.starts:
        level[:, side * n + i] = lvl
    joined_at: dict[int, tuple[int, int]] = {}
    for j in ep.joins:
        i, side = ties.index(j.actor), _side_of(ep, j.target, j.line, file)
        # as in the engine: a join on day d moves the others' rates from day d + 1
        level[j.day + 1:j.end + 1, side * n + i] = 1
        joined_at[i] = (j.day, side)
    rows_x, rows_y, rows_i, rows_t = [], [], [], []
    free = [i for i in range(n) if i not in parties[0] | parties[1]]
    for t in range(ep.days):
        lt = level[t]
        p_side = [lt[s * n:(s + 1) * n] @ pull for s in (0, 1)]
        h_side = [lt[(1 - s) * n:(2 - s) * n] @ host for s in (0, 1)]
        for i in free:
            first, side = joined_at.get(i, (ep.days, -1))
            if t > first:
                continue
            rows_x.append([[1.0, p_side[s][i], h_side[s][i], record[i], -d[i, s]]
                           for s in (0, 1)])
            rows_y.append(side if t == first else -1)
            rows_i.append(i)
            rows_t.append(t)
    return Observed(ep, sim, np.array(rows_x, dtype=np.float64).reshape(-1, 2, len(FITTED)),
                    np.array(rows_y, dtype=np.int64), np.array(rows_i, dtype=np.int64),
                    np.array(rows_t, dtype=np.int64))


def _objective(data: Sequence[Observed]) -> Callable[[F], tuple[float, F]]:
    x = np.concatenate([o.x for o in data])
    y = np.concatenate([o.joined for o in data])
    mean = np.array([PRIOR[k][0] for k in FITTED])
    sd = np.array([PRIOR[k][1] for k in FITTED])
    hit = y >= 0
    rows = np.nonzero(hit)[0]

    def f(theta: F) -> tuple[float, F]:
        lam = np.exp(np.clip(x @ theta, -50, 30))  # (rows, 2)
        total = lam.sum(axis=1)
        dlam = (lam[:, :, None] * x).sum(axis=1)  # dΛ/dθ
        ll = -total[~hit].sum()
        grad = -dlam[~hit].sum(axis=0)
        if len(rows):
            t = total[rows]
            chosen = x[rows, y[rows]]
            ll += float(np.sum(np.log(-np.expm1(-t)) + np.log(lam[rows, y[rows]]) - np.log(t)))
            inv = np.exp(-t) / -np.expm1(-t)  # 1 / (e^t - 1) without overflow
            grad += (dlam[rows] * inv[:, None] + chosen - dlam[rows] / t[:, None]).sum(0)
        ll -= float(np.sum((theta - mean) ** 2 / (2 * sd**2)))
        grad -= (theta - mean) / sd**2
        return -float(ll), -grad

    return f


def _hessian(f: Callable[[F], tuple[float, F]], theta: F, h: float = 1e-5) -> F:
    k = len(theta)
    out = np.zeros((k, k))
    for j in range(k):
        e = np.zeros(k)
        e[j] = h
        out[:, j] = (f(theta + e)[1] - f(theta - e)[1]) / (2 * h)
    return (out + out.T) / 2


@dataclass(frozen=True)
class Fit:
    """Fitted values, Laplace standard errors, the optimum's penalised log-likelihood."""

    values: dict[str, float]
    se: dict[str, float]
    loglik: float
    joins: int
    at_risk: int
    end_rate: tuple[float, float, int]
    base_rate: float

    def params(self) -> Params:
        return Params(**self.values, end_rate=self.end_rate[0], escalation_rate=ESCALATION_RATE)


def end_rate(episodes: Sequence[Episode]) -> tuple[float, float, int]:
    """Geometric MLE of the daily end probability from observed durations, its SE, n.

    >>> end_rate([])
    (0.03333333333333333, nan, 0)
    """
    days = [d for ep in episodes for d in ep.durations()]
    if not days:
        return 1 / 30, math.nan, 0
    mu = len(days) / sum(days)
    return mu, math.sqrt(mu * mu * (1 - mu) / len(days)), len(days)


def base_rate(data: Sequence[Observed]) -> float:
    """Pooled daily joining rate, (joins + ½) / (at-risk candidate-days + 1)."""
    joins = sum(int((o.joined >= 0).sum()) for o in data)
    days = sum(len(o.joined) for o in data)
    return (joins + 0.5) / (days + 1)


def fit(data: Sequence[Observed]) -> Fit:
    """Penalised ML by Newton's method with step halving, from the prior means."""
    f = _objective(data)
    theta = np.array([PRIOR[k][0] for k in FITTED])
    value, grad = f(theta)
    for _ in range(200):
        hess = _hessian(f, theta)
        step = np.linalg.solve(hess, grad)
        scale = 1.0
        while scale > 1e-6:
            cand = theta - scale * step
            new, new_grad = f(cand)
            if new <= value:
                break
            scale /= 2
        if scale <= 1e-6:
            break
        done = value - new < 1e-10
        theta, value, grad = cand, new, new_grad
        if done or np.max(np.abs(grad)) < 1e-8:
            break
    cov = np.linalg.inv(_hessian(f, theta))
    se = np.sqrt(np.clip(np.diag(cov), 0, None))
    return Fit(
        {k: float(v) for k, v in zip(FITTED, theta, strict=True)},
        {k: float(v) for k, v in zip(FITTED, se, strict=True)},
        -value,
        sum(int((o.joined >= 0).sum()) for o in data),
        sum(len(o.joined) for o in data),
        end_rate([o.episode for o in data]),
        base_rate(data),
    )


def fingerprint(data: Sequence[Observed]) -> str:
    """SHA-256 of the sorted ids of every claim the episodes' networks were read from."""
    ids = sorted({c for o in data for c in o.sim.view.claims})
    return hashlib.sha256("\n".join(ids).encode()).hexdigest()


def record(result: Fit, data: Sequence[Observed], path: Path, digest: str,
           command: str) -> dict[str, Any]:
    """The fitted file's contents (:mod:`patron.simulate.fitted`)."""
    mu, mu_se, n_durations = result.end_rate

    def entry(name: str) -> dict[str, Any]:
        mean, sd = PRIOR[name]
        return {"value": round(result.values[name], 6), "se": round(result.se[name], 6),
                "prior": {"mean": mean, "sd": sd}}

    return {
        "command": command,
        "episodes_file": {"name": path.name, "sha256": digest},
        "claims_fingerprint": {"sha256": fingerprint(data),
                               "claims": len({c for o in data for c in o.sim.view.claims})},
        "method": "penalised maximum likelihood (Gaussian prior below), Newton's method; "
                  "se: Laplace, from the Hessian at the optimum",
        "parameters": {
            **{k: entry(k) for k in FITTED},
            "end_rate": {"value": round(mu, 6), "se": None if math.isnan(mu_se) else
                         round(mu_se, 6), "method": f"geometric MLE of {n_durations} observed "
                         "engagement durations"},
            "escalation_rate": {"value": round(ESCALATION_RATE, 6), "se": None,
                                "method": "fixed assumption: the episodes record no levels"},
        },
        "base_rate": {"daily": round(result.base_rate, 8), "joins": result.joins,
                      "at_risk_actor_days": result.at_risk,
                      "rule": "(joins + 0.5) / (at-risk candidate-days + 1)"},
        "penalised_loglik": round(result.loglik, 4),
        "episodes": [{**o.episode.record(), "candidates": len(o.candidates),
                      "at_risk_days": len(o.joined)} for o in data],
    }
