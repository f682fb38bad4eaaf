"""Sensitivity: removing a tie that pulls actors in lowers the outputs it feeds."""

from __future__ import annotations

from pathlib import Path

from patron.kb import KnowledgeBase
from patron.simulate.sensitivity import TOP_TIES, sensitivity
from tests.simulate.test_simulation import _sim


def test_one_at_a_time_and_first_order_indices(network_kb: KnowledgeBase,
                                               tmp_path: Path) -> None:
    sim = _sim(network_kb, tmp_path)
    focus = [sim.ties.index("hezbollah"), sim.ties.index("iran")]
    calls: list[int] = []
    out = sensitivity(sim, focus, runs=3000, samples=32, progress=lambda d, t: calls.append(d))
    assert calls[-1] == 1 + len(out["ties"]) + 32
    assert 0 < len(out["ties"]) <= TOP_TIES
    by = {(t["from"]["id"], t["to"]["id"], t["layer"]): t for t in out["ties"]}
    iran_hamas = by[("iran", "hamas", "support")]
    assert iran_hamas["remove"]["join_30d:iran"] < -0.01  # Iran is pulled in through it
    for t in out["ties"]:
        assert all(0.0 <= v <= 1.0 for v in t["first_order"].values())
    total = sum(t["first_order"]["join_30d:iran"] for t in out["ties"])
    assert by[("iran", "hamas", "support")]["first_order"]["join_30d:iran"] >= 0.5 * total
