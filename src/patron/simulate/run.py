"""The library calls behind ``patron simulate``: simulate a scenario, calibrate, backtest."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from patron.kb import KnowledgeBase
from patron.simulate import calibrate as cal
from patron.simulate import episodes, fitted
from patron.simulate.outcome import Outcome, summarise
from patron.simulate.scenario import Scenario, resolve
from patron.simulate.sensitivity import sensitivity as sensitivity_of
from patron.simulate.simulation import Simulation
from patron.store.filters import Unreviewed

__all__ = ["calibrate", "simulate"]

Progress = Callable[[int, int], None]


def simulate(kb: KnowledgeBase, scenario: Scenario, *, params_file: Path | None = None,
             sensitivity: bool = True, unreviewed: Unreviewed = "exclude",
             progress: Progress | None = None) -> Outcome:
    """Run ``scenario`` on the knowledge base with the fitted parameters (its ``params``
    override them) and summarise it; ``sensitivity`` adds the tie sensitivity."""
    found = fitted.load(params_file)
    params = found.params.with_values(scenario.params, scenario.file)
    plan = resolve(scenario, kb.resolve)
    sim = Simulation.build(kb.store, plan, params, unreviewed)
    runs = sim.run()
    outcome = summarise(sim, runs, found.base_rate, {
        "se": found.se, "file": str(params_file or fitted.default_path()),
        "command": found.record.get("command"), "note": found.record.get("note")})
    if sensitivity:
        focus = [sim.ties.index(a["actor"]["id"]) for a in outcome.actors
                 if a["role"] == "candidate"]
        outcome.sensitivity = sensitivity_of(sim, focus, runs=min(scenario.runs, 2000),
                                             seed=scenario.seed, progress=progress)
    if "note" in found.record:
        outcome.notes.append(str(found.record["note"]))
    return outcome


def calibrate(kb: KnowledgeBase, path: Path, command: str, *,
              unreviewed: Unreviewed = "exclude",
              progress: Progress | None = None) -> dict[str, Any]:
    """Fit the parameters to the episodes in ``path``; the fitted file's contents."""
    eps = episodes.read(path, kb.resolve)
    data = []
    for k, ep in enumerate(eps):
        data.append(cal.observe(kb.store, ep, unreviewed, str(path)))
        if progress:
            progress(k + 1, len(eps))
    result = cal.fit(data)
    return cal.record(result, data, path, episodes.sha256(path), command)
