"""Calibration: penalised ML recovers known parameters; a rerun writes the same file."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np

from patron.kb import KnowledgeBase
from patron.simulate import calibrate as cal
from patron.simulate import fitted
from patron.simulate.episodes import Episode
from patron.simulate.run import calibrate
from tests.simulate.test_episodes import episodes_file

TRUE = np.array([-6.0, 0.8, 0.5, 0.3, 0.6])


def _synthetic(rows: int, seed: int) -> cal.Observed:
    rng = np.random.Generator(np.random.PCG64(seed))
    x = np.ones((rows, 2, 5))
    x[:, :, 1] = rng.uniform(0, 4, (rows, 2))
    x[:, :, 2] = rng.uniform(0, 2, (rows, 2))
    x[:, :, 3] = rng.uniform(0, 2, (rows, 1))
    x[:, :, 4] = -rng.uniform(0, 2, (rows, 2))
    lam = np.exp(x @ TRUE)
    total = lam.sum(axis=1)
    joined = rng.random(rows) < 1 - np.exp(-total)
    side = (rng.random(rows) * total >= lam[:, 0]).astype(np.int64)
    ep = Episode("S", "synthetic", "a", ("b",), dt.date(2000, 1, 1), 10, (), 1)
    return cal.Observed(ep, None, x, np.where(joined, side, -1),  # type: ignore[arg-type]
                        np.zeros(rows, dtype=np.int64), np.zeros(rows, dtype=np.int64))


def test_penalised_ml_recovers_known_parameters() -> None:
    result = cal.fit([_synthetic(40000, 1)])
    got = np.array([result.values[k] for k in cal.FITTED])
    se = np.array([result.se[k] for k in cal.FITTED])
    assert result.joins > 200
    assert (np.abs(got - TRUE) < 4 * se).all(), (got, se)
    assert (se < 0.5).all()  # the data, not the prior, set them


def test_with_no_joins_the_slopes_stay_near_their_prior() -> None:
    data = _synthetic(2000, 2)
    quiet = cal.Observed(data.episode, data.sim, data.x, np.full(len(data.joined), -1),
                         data.actor, data.day)
    result = cal.fit([quiet])
    assert result.joins == 0
    assert result.values["alpha"] < cal.PRIOR["alpha"][0]  # nobody joined: lower base rate
    assert result.se["hostility"] > 0.5 * cal.PRIOR["hostility"][1]


def test_end_rate_is_the_geometric_mle() -> None:
    ep = Episode("S", "s", "a", ("b",), dt.date(2000, 1, 1), 10, (), 1)
    mu, se, n = cal.end_rate([ep, ep])
    assert (mu, n) == (0.1, 2) and se > 0


def test_calibration_on_a_file_is_deterministic(tmp_path: Path,
                                                network_kb: KnowledgeBase) -> None:
    path = episodes_file(tmp_path)
    first = calibrate(network_kb, path, "patron simulate calibrate episodes.csv")
    second = calibrate(network_kb, path, "patron simulate calibrate episodes.csv")
    assert first == second
    assert first["base_rate"]["joins"] == 1 and len(first["episodes"]) == 3
    out = tmp_path / "fitted.yaml"
    fitted.save(first, out)
    loaded = fitted.load(out)
    assert loaded.params.pull == first["parameters"]["pull"]["value"]
    assert loaded.se["escalation_rate"] is None
