"""Scoring the model on past episodes, leave-one-episode-out, beside two baselines.

For each episode: fit the parameters on the others (:func:`patron.simulate.calibrate.fit`),
simulate the held-out trigger on the network as of the day before it, and score
every candidate's forecast (P(join within 1, 7, 30, 90 days); the join day's
distribution) against what the file records (:mod:`patron.simulate.episodes`: an
actor it does not name as joining did not join).

Baselines, scored the same way:

``no-change``
    nobody joins: every probability 0 (clipped to :data:`~patron.simulate.scores.EPS`
    for the log score).
``base-rate``
    every candidate joins at the pooled daily rate of the *training* episodes,
    (joins + ½) / (at-risk candidate-days + 1).

Scores are means over (episode, candidate) pairs, and over the focal actor alone
(Hezbollah by default, the one actor the file reports on in every episode), with
95% intervals from a bootstrap that resamples whole episodes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from patron.model import Actor
from patron.simulate import calibrate, episodes
from patron.simulate.calibrate import Observed
from patron.simulate.outcome import HORIZONS
from patron.simulate.scores import EPS, bootstrap, calibration, crps_days
from patron.simulate.simulation import Simulation
from patron.store import Store
from patron.store.filters import Unreviewed

__all__ = ["MODELS", "backtest", "score"]

F = npt.NDArray[np.float64]
MODELS = ("model", "no_change", "base_rate")


def _forecasts(obs: Observed, train: Sequence[Observed], runs: int, seed: int,
               horizon: int) -> dict[str, Any]:
    fitted = calibrate.fit(train)
    ep = obs.episode
    plan = calibrate.plan_of(ep, horizon, runs, seed)
    sim = Simulation.from_view(plan, obs.sim.view, fitted.params(),
                               extra=tuple(j.actor for j in ep.joins))
    result = sim.run(runs, seed)
    parties = {i for i, *_ in sim.setup.starts}
    free = [i for i in range(sim.ties.n) if i not in parties]
    days = np.arange(horizon)
    joined = result.join[:, free]
    cdf = ((joined[:, :, None] >= 0) & (joined[:, :, None] <= days[None, None, :])).mean(axis=0)
    observed: dict[int, int] = {}
    for j in ep.joins:
        i = sim.ties.index(j.actor)
        if i in free:
            observed[free.index(i)] = j.day
    q = fitted.base_rate
    return {
        "episode": ep, "ids": [sim.ties.ids[i] for i in free], "fit": fitted,
        "cdf": {"model": cdf, "no_change": np.zeros_like(cdf),
                "base_rate": np.broadcast_to(1 - (1 - q) ** (days + 1.0), cdf.shape)},
        "observed": observed,
    }


def _losses(f: dict[str, Any], model: str, h: int, mask: npt.NDArray[np.bool_]
            ) -> dict[str, Any]:
    cdf: F = f["cdf"][model][mask]
    n = cdf.shape[0]
    p = cdf[:, h - 1] if n else np.zeros(0)
    idx = np.nonzero(mask)[0]
    y = np.array([1 if f["observed"].get(int(k), 10**9) < h else 0 for k in idx], dtype=np.int64)
    q = np.clip(p, EPS, 1 - EPS)
    return {"brier": (p - y) ** 2, "log": -(y * np.log(q) + (1 - y) * np.log(1 - q)),
            "p": p, "y": y.astype(np.float64)}


def score(folds: list[dict[str, Any]], horizon: int, focus: str | None) -> dict[str, Any]:
    """Scores per horizon and model, with episode-bootstrap intervals (module doc)."""
    out: dict[str, Any] = {}
    subsets = {"all_candidates": None, **({f"focus:{focus}": focus} if focus else {})}
    for label, only in subsets.items():
        masks = [np.array([only is None or a == only for a in f["ids"]]) for f in folds]
        per_h: dict[str, Any] = {}
        for h in [h for h in HORIZONS if h <= horizon]:
            row: dict[str, Any] = {}
            losses = {m: [_losses(f, m, h, k) for f, k in zip(folds, masks, strict=True)]
                      for m in MODELS}
            for m in MODELS:
                row[m] = {}
                for kind in ("brier", "log"):
                    groups = [x[kind] for x in losses[m]]
                    allv = np.concatenate(groups)
                    row[m][kind] = _with_interval(allv, groups)
                    if m != "model":
                        diff = [a[kind] - b[kind] for a, b in zip(losses["model"], losses[m],
                                                                  strict=True)]
                        row[m][f"{kind}_model_minus_this"] = _with_interval(
                            np.concatenate(diff), diff)
            p = np.concatenate([x["p"] for x in losses["model"]])
            y = np.concatenate([x["y"] for x in losses["model"]]).astype(np.int64)
            row["calibration"] = calibration(p, y)
            row["events"] = int(y.sum())
            row["forecasts"] = len(y)
            per_h[str(h)] = row
        crps: dict[str, Any] = {}
        for m in MODELS:
            groups = []
            for f, k in zip(folds, masks, strict=True):
                idx = np.nonzero(k)[0]
                groups.append(np.array([crps_days(f["cdf"][m][i], f["observed"].get(int(i)))
                                        for i in idx]))
            crps[m] = _with_interval(np.concatenate(groups), groups)
        out[label] = {"horizons": per_h, "crps_days": crps}
    return out


def _with_interval(values: F, groups: Sequence[F]) -> dict[str, float]:
    lo, hi = bootstrap(list(groups), lambda v: float(v.mean()) if len(v) else 0.0)
    return {"mean": round(float(values.mean()) if len(values) else 0.0, 5),
            "lo": round(lo, 5), "hi": round(hi, 5)}


def backtest(store: Store, path: Path, lookup: Callable[[str], Actor], *, runs: int = 2000,
             seed: int = 7, horizon: int = 90, focus: str | None = "Hezbollah",
             unreviewed: Unreviewed = "exclude",
             progress: Callable[[int, int], None] | None = None) -> dict[str, Any]:
    """Leave-one-episode-out scores of the model and both baselines (module doc)."""
    eps = episodes.read(path, lookup)
    steps = 2 * len(eps)
    obs = []
    for k, ep in enumerate(eps):
        obs.append(calibrate.observe(store, ep, unreviewed, str(path)))
        if progress:
            progress(k + 1, steps)
    folds = []
    for k, held in enumerate(obs):
        train = [o for o in obs if o is not held]
        folds.append(_forecasts(held, train, runs, seed, horizon))
        if progress:
            progress(len(eps) + k + 1, steps)
    focus_id = lookup(focus).id if focus else None
    return {
        "file": {"name": path.name, "sha256": episodes.sha256(path)},
        "runs": runs, "seed": seed, "horizon": horizon,
        "episodes": [{
            **f["episode"].record(),
            "candidates": len(f["ids"]),
            "fold_fit": {k: round(v, 4) for k, v in f["fit"].values.items()},
            "focus": None if focus_id not in f["ids"] else {
                "actor": focus_id,
                "join": {str(h): round(float(f["cdf"]["model"][f["ids"].index(focus_id)][h - 1]),
                                       4) for h in HORIZONS if h <= horizon},
                "joined_day": (None if f["ids"].index(focus_id) not in f["observed"]
                               else f["observed"][f["ids"].index(focus_id)] + 1),
            },
        } for f in folds],
        "scores": score(folds, horizon, focus_id),
        "baselines": {"no_change": "nobody joins (p = 0, clipped to 0.001 for the log score)",
                      "base_rate": "pooled daily joining rate of the training episodes"},
    }
