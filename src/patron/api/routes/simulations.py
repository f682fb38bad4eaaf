"""``POST /api/simulations``: run an escalation scenario (``patron simulate``).

A simulation reads the knowledge base and writes nothing, so a viewer may run one.
It is the one costly read: runs are capped at :data:`API_MAX_RUNS` (the CLI allows
:data:`patron.simulate.scenario.MAX_RUNS`), and the tie sensitivity, seconds more,
is off unless asked for.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends
from pydantic import BaseModel, Field

from patron.api.auth import Viewer
from patron.api.params import unreviewed_mode
from patron.api.service import Service, service
from patron.errors import InputError
from patron.simulate import scenario as sc

__all__ = ["API_MAX_RUNS", "router"]

router = APIRouter(prefix="/api/simulations", tags=["simulations"])
Svc = Annotated[Service, Depends(service)]

#: Most Monte Carlo runs one request may ask for.
API_MAX_RUNS = 20_000
_DEFAULT_RUNS = 2_000


class SimulationIn(BaseModel):
    trigger: str | None = Field(None, max_length=300, examples=["Israel attacks Hamas"],
                                description='"ACTOR attacks TARGET" (strikes, invades…)')
    date: str | None = Field(None, max_length=10, examples=["2023-10-07"],
                             description="Day of the trigger, YYYY-MM-DD")
    scenario: str | None = Field(None, max_length=100_000,
                                 description="A scenario file's YAML, instead of a trigger")
    as_of: str | None = Field(None, max_length=10, description="Read the network as of this "
                              "day [default: the day before the trigger]")
    days: int | None = Field(None, ge=1, description="Horizon in days [default 90]")
    runs: int | None = Field(None, ge=1, le=API_MAX_RUNS,
                             description=f"Monte Carlo runs [default {_DEFAULT_RUNS:,}]")
    seed: int | None = Field(None, ge=0, description="Random seed [default 7]")
    sensitivity: bool = Field(False, description="Also the tie sensitivity (seconds more)")
    unreviewed: str | None = Field(None, pattern="^(include|exclude)$")


def _scenario(body: SimulationIn) -> sc.Scenario:
    if body.scenario is not None and body.trigger is not None:
        raise InputError("give scenario or trigger, not both", field="trigger")
    if body.scenario is not None:
        with tempfile.TemporaryDirectory(prefix="patron-scenario-") as folder:
            path = Path(folder) / "scenario.yaml"
            path.write_text(body.scenario, encoding="utf-8")
            spec = sc.load(path)
        spec = replace(spec, file="scenario", as_of=body.as_of or spec.as_of)
        if body.runs is None and spec.runs > API_MAX_RUNS:
            raise InputError(f"the scenario asks for {spec.runs:,} runs; the API runs at most "
                             f"{API_MAX_RUNS:,} (set runs)", field="runs")
        h, r, s = sc.check_limits(body.days or spec.horizon, body.runs or spec.runs,
                                  spec.seed if body.seed is None else body.seed,
                                  sc.Where(), sc.Where(), sc.Where())  # fmt: skip
        return replace(spec, horizon=h, runs=r, seed=s)
    if body.trigger is None:
        raise InputError('give a trigger "A attacks B" and its date, or a scenario',
                         field="trigger")  # fmt: skip
    if body.date is None:
        raise InputError("a trigger needs its date, YYYY-MM-DD", field="date")
    return sc.from_phrase(body.trigger, body.date, as_of=body.as_of,
                          horizon=body.days or sc.DEFAULT_HORIZON,
                          runs=body.runs or _DEFAULT_RUNS,
                          seed=sc.DEFAULT_SEED if body.seed is None else body.seed)  # fmt: skip


@router.post("")
def run_simulation(svc: Svc, _user: Viewer, body: SimulationIn) -> dict[str, Any]:
    """Who joins, against whom, how soon; fronts and cascades (``patron simulate
    --format json``'s document)."""
    from patron.simulate.run import simulate

    spec = _scenario(body)
    outcome = simulate(svc.kb, spec, sensitivity=body.sensitivity,
                       unreviewed=unreviewed_mode(body.unreviewed))  # fmt: skip
    return outcome.document()
