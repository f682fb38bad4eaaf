"""Proper scores for join forecasts: Brier, log, CRPS of timing, calibration, bootstrap.

>>> round(brier(np.array([0.2, 0.9]), np.array([0, 1])), 3)
0.025
>>> round(crps_days(np.array([0.0, 0.5, 1.0]), 1), 3)   # joined on day 2 of 3
0.25
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence

import numpy as np
import numpy.typing as npt

__all__ = ["BINS", "EPS", "bootstrap", "brier", "calibration", "crps_days", "log_score"]

F = npt.NDArray[np.float64]
#: Forecasts are clipped to [EPS, 1 − EPS] for the log score, so a forecast of 0 for
#: an event that happened costs −log(EPS) ≈ 6.9 nats rather than infinity.
EPS = 1e-3
#: Calibration bins of the forecast probability.
BINS = (0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 1.0)


def brier(p: F, y: npt.NDArray[np.int64]) -> float:
    return float(np.mean((p - y) ** 2))


def log_score(p: F, y: npt.NDArray[np.int64]) -> float:
    """Mean negative log-likelihood in nats (lower is better)."""
    q = np.clip(p, EPS, 1 - EPS)
    return float(-np.mean(y * np.log(q) + (1 - y) * np.log(1 - q)))


def crps_days(cdf: F, observed: int | None) -> float:
    """CRPS of a join-day forecast: ``cdf[t]`` = P(joined by day t) for t < horizon;
    ``observed`` the day it joined (0-based) or None (not within the horizon). In days."""
    days = np.arange(len(cdf))
    step = (days >= observed).astype(float) if observed is not None else np.zeros(len(cdf))
    return float(np.sum((cdf - step) ** 2))


def calibration(p: F, y: npt.NDArray[np.int64]) -> list[dict[str, float | int | str]]:
    """Per forecast bin: count, mean forecast, observed frequency."""
    rows: list[dict[str, float | int | str]] = []
    for lo, hi in itertools.pairwise(BINS):
        mask = (p >= lo) & ((p < hi) if hi < 1 else (p <= hi))
        n = int(mask.sum())
        rows.append({"bin": f"{lo:g}–{hi:g}", "n": n,
                     "forecast": round(float(p[mask].mean()), 4) if n else 0.0,
                     "observed": round(float(y[mask].mean()), 4) if n else 0.0})
    return rows


def bootstrap(groups: Sequence[F], stat: Callable[[F], float], draws: int = 2000,
              seed: int = 5) -> tuple[float, float]:
    """95% percentile interval of ``stat`` over the concatenated groups, resampling whole
    groups (episodes) with replacement: scores within an episode are not independent."""
    rng = np.random.Generator(np.random.PCG64(seed))
    k = len(groups)
    values = []
    for _ in range(draws):
        pick = rng.integers(0, k, size=k)
        values.append(stat(np.concatenate([groups[i] for i in pick])))
    lo, hi = np.percentile(values, [2.5, 97.5])
    return float(lo), float(hi)
