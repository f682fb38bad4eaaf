"""Backtest: leave-one-episode-out scores beside the baselines, and the scores themselves."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from patron.kb import KnowledgeBase
from patron.simulate.backtest import MODELS, backtest
from patron.simulate.scores import bootstrap, calibration, log_score
from tests.simulate.test_episodes import episodes_file


def test_no_change_brier_is_the_observed_join_rate(tmp_path: Path,
                                                   network_kb: KnowledgeBase) -> None:
    result = backtest(network_kb.store, episodes_file(tmp_path), network_kb.resolve, runs=300,
                      horizon=30)
    assert [e["id"] for e in result["episodes"]] == ["E1", "E3", "E5"]
    block = result["scores"]["all_candidates"]["horizons"]
    for h, row in block.items():
        rate = row["events"] / row["forecasts"]
        assert abs(row["no_change"]["brier"]["mean"] - rate) < 1e-4, h
        for m in MODELS:
            score = row[m]["brier"]
            assert score["lo"] <= score["mean"] + 1e-9 and score["mean"] <= score["hi"] + 1e-9
    assert block["30"]["events"] == 1  # Hezbollah on day 6 of "war two"
    focus = result["scores"]["focus:hezbollah"]["horizons"]["30"]
    assert focus["forecasts"] == 2 and focus["events"] == 1  # in E5 it is the attacker
    assert set(result["scores"]["all_candidates"]["crps_days"]) == set(MODELS)


def test_log_score_calibration_and_bootstrap() -> None:
    p, y = np.array([0.001, 0.5, 0.9]), np.array([0, 1, 1])
    assert abs(log_score(p, y) - float(np.mean(-np.log([0.999, 0.5, 0.9])))) < 1e-9
    rows = calibration(p, y)
    assert sum(r["n"] for r in rows) == 3 and rows[-1]["observed"] == 1.0
    lo, hi = bootstrap([np.array([0.0]), np.array([1.0])], lambda v: float(v.mean()), 500)
    assert lo == 0.0 and hi == 1.0  # two episodes: the resamples run from all-0 to all-1
