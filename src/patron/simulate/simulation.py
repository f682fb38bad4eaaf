"""One scenario made ready to run: the network as of its read date, arrays, draws.

The network is read *as of* a day D: every dated claim that began on or before D
(claims with no date are left out, as in every time window), weighed with recency
to D, so a tie that ended years before counts less (half-life 5 years, see
:mod:`patron.graph.weight`). Machine-extracted claims no one reviewed are left out
unless asked for, as in the other commands.
"""

from __future__ import annotations

from dataclasses import dataclass

from patron.graph.view import Slice, View, open_view
from patron.simulate import network
from patron.simulate.engine import Draws, Runs, Setup, Start, run_loop, run_vectorised, setup
from patron.simulate.hazard import Params
from patron.simulate.network import Ties
from patron.simulate.scenario import Resolved, Where
from patron.store import ClaimFilter, Store
from patron.store.filters import Unreviewed

__all__ = ["Simulation", "day_label", "read_network"]


def day_label(day: int) -> str:
    """``20231006`` → ``'2023-10-06'``."""
    return f"{day // 10000}-{day // 100 % 100:02d}-{day % 100:02d}"


def read_network(store: Store, as_of: int, unreviewed: Unreviewed, where: Where,
                 field: str) -> View:
    """The view as of ``as_of`` (module doc); InputError when no claim is that old."""
    flt = ClaimFilter(hi=as_of, unreviewed=unreviewed)
    if store.count(flt) == 0:
        raise where.error(f"no dated claim begins on or before {day_label(as_of)}: there is "
                          "no network to read as of that day", field)
    window = Slice(None, as_of, f"as of {day_label(as_of)}")
    return open_view(store, window, ClaimFilter(unreviewed=unreviewed))


@dataclass(frozen=True)
class Simulation:
    """A resolved scenario with its network and engine arrays."""

    plan: Resolved
    view: View
    ties: Ties
    setup: Setup

    @classmethod
    def build(cls, store: Store, plan: Resolved, params: Params,
              unreviewed: Unreviewed = "exclude", limit: int = network.MAX_ACTORS,
              view: View | None = None) -> Simulation:
        s = plan.scenario
        where, field = (s.at("as_of"), "as_of") if s.as_of else (s.triggers[0].where, "date")
        view = view or read_network(store, plan.as_of, unreviewed, where, field)
        for k, (a, b, _, _) in enumerate(plan.triggers):
            for actor, side in ((a, "actor"), (b, "target")):
                if actor not in view.graph:
                    raise s.triggers[k].where.error(
                        f"{plan.names[actor]} has no ties in the network as of "
                        f"{day_label(plan.as_of)}", f"triggers[{k}].{side}")
        return cls.from_view(plan, view, params, limit)

    @classmethod
    def from_view(cls, plan: Resolved, view: View, params: Params,
                  limit: int = network.MAX_ACTORS, extra: tuple[str, ...] = ()) -> Simulation:
        """``extra``: actors to follow whatever their ties (the calibration's joiners)."""
        weights, attacks, claims = network.raw_ties(view)
        weights = network.apply_changes(weights, plan, plan.names)
        must = [x for a, b, *_ in plan.triggers for x in (a, b)]
        must += [a for a, *_ in plan.forced_in] + list(plan.forced_out) + sorted(plan.postures)
        must += list(extra)
        ids = network.candidates(view, weights, must, limit)
        ties = network.build(ids, [view.name(a) for a in ids], weights, attacks, claims)
        return cls(plan, view, ties, _setup(plan, ties, params))

    def with_ties(self, ties: Ties, params: Params | None = None) -> Simulation:
        """The same scenario over other tie arrays (sensitivity analysis)."""
        return Simulation(self.plan, self.view, ties,
                          _setup(self.plan, ties, params or self.setup.params))

    def with_params(self, params: Params) -> Simulation:
        return self.with_ties(self.ties, params)

    def draws(self, runs: int, seed: int) -> Draws:
        return Draws.make(seed, runs, self.ties.n, self.setup.params)

    def run(self, runs: int | None = None, seed: int | None = None, loop: bool = False) -> Runs:
        s = self.plan.scenario
        draws = self.draws(runs or s.runs, s.seed if seed is None else seed)
        return (run_loop if loop else run_vectorised)(self.setup, draws)


def _setup(plan: Resolved, ties: Ties, params: Params) -> Setup:
    at = {a: i for i, a in enumerate(ties.ids)}
    starts: dict[int, Start] = {}

    def start(actor: str, side: int, day: int, level: int) -> None:
        i = at[actor]
        old = starts.get(i)
        if old is None or day < old[2] or (day == old[2] and level > old[3]):
            starts[i] = (i, side, day, level)

    first = sorted(plan.triggers, key=lambda t: t[3])
    for attacker, target, level, day in first:
        start(target, 0, day, level)
        start(attacker, 1, day, level)
    sides = {ties.ids[i]: s for i, s, *_ in starts.values()}
    for actor, against, day, where in plan.forced_in:
        if against not in sides:
            raise where.error(f"{plan.names[against]} does not fight in this scenario (name a "
                              "trigger's party or an actor forced in before)", "against")
        start(actor, 1 - sides[against], day, 1)
        sides[actor] = 1 - sides[against]
    principal = [at[first[0][1]], at[first[0][0]]]
    ordered = [starts[principal[0]], starts[principal[1]]]
    ordered += [v for k, v in sorted(starts.items()) if k not in principal]
    blocked = [at[a] for a in plan.forced_out if a in at]
    posture = {at[a]: v for a, v in plan.postures.items() if a in at}
    return setup(ties, params, ordered, blocked, plan.scenario.horizon, posture)
