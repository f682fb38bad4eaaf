"""``/simulate``: pick a trigger, run the escalation model (the API's own endpoint
code, :func:`patron.api.routes.simulations.run_simulation`), see who joins, how
likely and how soon, and the cascades."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request, Response
from pydantic import ValidationError

from patron.api.routes.simulations import API_MAX_RUNS, SimulationIn, run_simulation
from patron.api.service import Service, service
from patron.errors import InputError
from patron.simulate.scenario import ACTIONS, DEFAULT_HORIZON
from patron.web.render import page
from patron.web.route import WebRoute
from patron.web.session import PageViewer, Written

__all__ = ["router"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]
Field = Annotated[str, Form(max_length=300)]
_RUNS = 2_000


@router.get("/simulate")
def simulate_form(request: Request, _user: PageViewer) -> Response:
    return page(request, "simulate.html", actions=list(ACTIONS), horizon=DEFAULT_HORIZON,
                runs=_RUNS, max_runs=API_MAX_RUNS)  # fmt: skip


def _number(value: str, field: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError as exc:
        raise InputError(f"not a whole number: {value!r}", field=field) from exc


@router.post("/simulate")
def simulate_run(request: Request, svc: Svc, user: PageViewer, _w: Written,
                 trigger: Field, date: Field, as_of: Field = "", days: Field = "",
                 runs: Field = "", seed: Field = "") -> Response:  # fmt: skip
    """Run one trigger (a simulation reads and writes nothing: viewers may run it)."""
    try:
        body = SimulationIn(trigger=trigger.strip() or None, date=date.strip() or None,
                            as_of=as_of.strip() or None, days=_number(days, "days"),
                            runs=_number(runs, "runs") or _RUNS,
                            seed=_number(seed, "seed"))  # fmt: skip
    except ValidationError as exc:
        err = exc.errors()[0]
        raise InputError(str(err["msg"]), field=".".join(str(p) for p in err["loc"])) from exc
    result = run_simulation(svc, user, body)
    return page(request, "simulate_result.html", result=result)
