"""The day-by-day engine, vectorised over runs, and a per-run loop of the same model.

Every random number a run uses is drawn before day 0 (:class:`Draws`), one of each
kind per run and actor, because an actor joins at most once: a unit-exponential
threshold τ (an inactive actor joins on the first day its cumulative rate Σ λ
reaches τ, which gives exactly the daily probability 1 − exp(−λ) of
:mod:`patron.simulate.hazard`), a uniform number for the side, and geometric delays
to escalation and to the end of its engagement. Both engines consume the same
draws, so the same seed gives the same numbers and the loop checks the vectorised
engine.

Between two events of a run (a join, an escalation, an end) its rates are constant,
so the day its threshold is reached can be computed at the event: with ``rem`` the
part of τ not yet used up and Λ the day's total rate, the actor joins on day
``t − 1 + max(1, ⌈rem / Λ⌉)`` unless another event comes first. Invariant of the day
loop: ``rate``, ``total``, ``rem`` and ``cross`` (that day, per run and candidate)
are those of the run's current engagement state; they are recomputed only for the
runs whose state changed, and both engines do the same arithmetic in the same
order, so they agree exactly.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from patron.simulate.hazard import Params, Sides, coupling, static_rate, terms
from patron.simulate.network import Ties

__all__ = ["Draws", "Runs", "Setup", "Start", "run_loop", "run_vectorised", "setup"]

I16 = npt.NDArray[np.int16]
F32 = npt.NDArray[np.float32]
F64 = npt.NDArray[np.float64]
X = npt.NDArray[np.int64]
B = npt.NDArray[np.bool_]
#: A scheduled engagement: (actor index, side, first day, level).
Start = tuple[int, int, int, int]
_NONE = -1


@dataclass(frozen=True)
class Setup:
    """Everything the engines read: the hazard as arrays, the starts and the blocked."""

    n: int
    horizon: int
    params: Params
    coupling: F64  # (2N, 2N), see hazard.coupling
    base: F64  # (2N,), see hazard.static_rate
    pull: F32  # (N, N) pull[j, i]: to name who pulled a joiner in
    hostile: F32  # (N, N) hostility[i, k]: to pick a joiner's target
    starts: tuple[Start, ...]
    blocked: B  # (N,) never joins by the hazard: parties, forced in or out
    principal: tuple[int, int]  # the first trigger's target and attacker


def setup(ties: Ties, params: Params, starts: list[Start], blocked: list[int], horizon: int,
          posture: dict[int, float] | None = None) -> Setup:
    """Arrays for the engines. ``starts[0]`` and ``starts[1]`` are the first trigger's
    target (side 0) and attacker (side 1)."""
    parties = (frozenset(i for i, s, *_ in starts if s == 0),
               frozenset(i for i, s, *_ in starts if s == 1))
    shift = np.zeros(ties.n)
    for i, value in (posture or {}).items():
        shift[i] += value
    base = static_rate(params, ties, Sides(parties), shift)
    pull, _, _ = terms(ties)
    block = np.zeros(ties.n, dtype=bool)
    block[[i for i, *_ in starts] + blocked] = True
    return Setup(ties.n, horizon, params, coupling(params, ties), base, pull.astype(np.float32),
                 ties.hostility.astype(np.float32), tuple(starts), block,
                 (starts[0][0], starts[1][0]))


@dataclass(frozen=True)
class Draws:
    """The random numbers of ``runs`` runs (module doc), from one seed."""

    tau: F32
    side: F32
    escalate: I16
    end: I16

    @classmethod
    def make(cls, seed: int, runs: int, n: int, params: Params) -> Draws:
        rng = np.random.Generator(np.random.PCG64(seed))
        cap = np.iinfo(np.int16).max

        def delays(p: float) -> I16:
            return np.minimum(rng.geometric(p, size=(runs, n)), cap).astype(np.int16)

        return cls(rng.standard_exponential((runs, n), dtype=np.float32),
                   rng.random((runs, n), dtype=np.float32),
                   delays(params.escalation_rate), delays(params.end_rate))


@dataclass(frozen=True)
class Runs:
    """What happened in each run, ``(runs, N)`` arrays of days (−1: never within the
    horizon): ``join`` (parties: their first day), ``side`` (−1 none), ``target`` and
    ``puller`` (actor indexes; −1: none, the joiner came in on its own), ``escalated``,
    ``ended``."""

    join: I16
    side: npt.NDArray[np.int8]
    target: I16
    puller: I16
    escalated: I16
    ended: I16

    @classmethod
    def empty(cls, runs: int, n: int) -> Runs:
        def blank() -> I16:
            return np.full((runs, n), _NONE, dtype=np.int16)

        return cls(blank(), np.full((runs, n), _NONE, dtype=np.int8), blank(), blank(), blank(),
                   blank())


class _Schedule:
    """Escalations and ends by day: batches of (run indexes, actor indexes, sides)."""

    def __init__(self) -> None:
        self.days: dict[tuple[int, str], list[tuple[X, X, X]]] = defaultdict(list)

    def add(self, kind: str, day: X, r: X, i: X, s: X, horizon: int) -> None:
        keep = np.flatnonzero(day < horizon)
        if not len(keep):
            return
        order = keep[np.argsort(day[keep], kind="stable")]
        days = day[order]
        cut = np.flatnonzero(days[1:] != days[:-1]) + 1
        for lo, hi in zip([0, *cut.tolist()], [*cut.tolist(), len(order)], strict=True):
            part = order[lo:hi]
            self.days[(int(days[lo]), kind)].append((r[part], i[part], s[part]))

    def pop(self, day: int, kind: str) -> tuple[X, X, X] | None:
        """The day's batches of one kind, joined in the order they were scheduled."""
        found = self.days.pop((day, kind), [])
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        r, i, s = zip(*found, strict=True)
        return np.concatenate(r), np.concatenate(i), np.concatenate(s)


def _choose(setup: Setup, level: F64, r: X, i: X, side: X) -> tuple[I16, I16]:
    """Targets and pullers of joiners ``(r, i)`` on ``side``, given the levels before they
    joined: the fighting enemy it is most hostile to (the principal enemy first on a
    tie), and the fighting ally that pulls hardest (−1 when none pulls)."""
    n = setup.n
    cols = np.arange(n)
    enemy = level[r[:, None], (1 - side)[:, None] * n + cols] > 0
    principal = np.where(side == 0, setup.principal[1], setup.principal[0])
    score = setup.hostile[i].astype(np.float64)
    score[np.arange(len(i)), principal] += 1e-9
    score = np.where(enemy, score, -np.inf)
    target = np.where(enemy.any(axis=1), score.argmax(axis=1), principal).astype(np.int16)
    ally = level[r[:, None], side[:, None] * n + cols] * setup.pull[:, i].T
    puller = np.where(ally.max(axis=1) > 0, ally.argmax(axis=1), _NONE).astype(np.int16)
    return target, puller


#: "Never within any horizon": the crossing day of an actor that cannot join.
_NEVER = 2**30


def _cross(day: int, rem: F64, total: F64) -> npt.NDArray[np.int32]:
    """The day the remaining threshold ``rem`` is used up at the daily rate ``total``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        days = np.ceil(rem / total)
    # fmax/fmin: a NaN (0/0, a threshold of exactly 0) means "today"
    return (np.fmin(np.fmax(days, 1.0), float(_NEVER)) + (day - 1)).astype(np.int32)


def _rates(setup: Setup, level: F64) -> tuple[F64, F64]:
    """λ per side (``(rows, 2N)``) and their total (``(rows, N)``) for engagement levels."""
    rate = np.exp(level @ setup.coupling + setup.base)
    n = setup.n
    return rate, rate[:, :n] + rate[:, n:]


def run_vectorised(setup: Setup, draws: Draws) -> Runs:
    """Simulate every run at once: ``(runs, N)`` state arrays stepped day by day."""
    runs, n = draws.tau.shape
    out = Runs.empty(runs, n)
    level = np.zeros((runs, 2 * n))
    rem = draws.tau.astype(np.float64)
    rem[:, setup.blocked] = np.inf
    rate = np.zeros((runs, 2 * n))
    total = np.zeros((runs, n))
    cross = np.full((runs, n), _NEVER, dtype=np.int32)
    since = np.zeros(runs, dtype=np.int64)
    hit = np.empty((runs, n), dtype=bool)
    schedule = _Schedule()
    every = np.arange(runs, dtype=np.int64)
    changed: list[X] = []
    for day in range(setup.horizon):
        for i, side, first, lvl in setup.starts:
            if first == day:
                level[:, side * n + i] = lvl
                out.join[:, i] = day
                out.side[:, i] = side
                ii = np.full(runs, i, dtype=np.int64)
                ss = np.full(runs, side, dtype=np.int64)
                schedule.add("end", day + draws.end[:, i].astype(np.int64), every, ii, ss,
                             setup.horizon)
                if lvl == 1:
                    schedule.add("escalate", day + draws.escalate[:, i].astype(np.int64), every,
                                 ii, ss, setup.horizon)
                changed.append(every)
        for kind in ("end", "escalate"):  # ends first: an actor that stops does not escalate
            batch = schedule.pop(day, kind)
            if batch is None:
                continue
            rr, ii, ss = batch
            col = ss * n + ii
            live = level[rr, col] > 0
            rr, ii, col = rr[live], ii[live], col[live]
            level[rr, col] = 0 if kind == "end" else 2
            (out.ended if kind == "end" else out.escalated)[rr, ii] = day
            changed.append(rr)
        if changed:
            rows = np.unique(np.concatenate(changed))
            changed = []
            left = rem[rows] - total[rows] * (day - since[rows])[:, None]
            since[rows] = day
            if day == 0 and len(rows) == runs:  # every run is in the same state on day 0
                one, one_total = _rates(setup, level[:1])
                rate[:], total[:] = one, one_total
                rows_total = total
            else:
                rows_rate, rows_total = _rates(setup, level[rows])
                rate[rows], total[rows] = rows_rate, rows_total
            rem[rows] = left
            cross[rows] = _cross(day, left, rows_total)
        np.equal(cross, day, out=hit)
        if not hit.any():
            continue
        r_hit, i_hit = np.divmod(np.flatnonzero(hit), n)  # flat: 30x faster than 2-D nonzero
        sides = (draws.side[r_hit, i_hit] * total[r_hit, i_hit] >= rate[r_hit, i_hit]).astype(
            np.int64)
        target, puller = _choose(setup, level, r_hit, i_hit, sides)
        out.join[r_hit, i_hit] = day
        out.side[r_hit, i_hit] = sides
        out.target[r_hit, i_hit] = target
        out.puller[r_hit, i_hit] = puller
        rem[r_hit, i_hit] = np.inf
        cross[r_hit, i_hit] = _NEVER
        level[r_hit, sides * n + i_hit] = 1
        schedule.add("end", day + draws.end[r_hit, i_hit].astype(np.int64), r_hit, i_hit, sides,
                     setup.horizon)
        schedule.add("escalate", day + draws.escalate[r_hit, i_hit].astype(np.int64), r_hit,
                     i_hit, sides, setup.horizon)
        changed.append(r_hit)
    return out


def run_loop(setup: Setup, draws: Draws) -> Runs:
    """The same model one run at a time, day by day in plain Python over ``(N,)``
    vectors: the reference the vectorised engine is checked and benchmarked against."""
    runs, n = draws.tau.shape
    out = Runs.empty(runs, n)
    for run in range(runs):
        level = np.zeros((1, 2 * n))
        rem = draws.tau[run].astype(np.float64)
        rem[setup.blocked] = np.inf
        rate = np.zeros(2 * n)
        total = np.zeros(n)
        cross = np.full(n, _NEVER, dtype=np.int32)
        since = 0
        events: dict[tuple[int, str], list[int]] = defaultdict(list)
        dirty = False
        for day in range(setup.horizon):
            for i, side, first, lvl in setup.starts:
                if first == day:
                    level[0, side * n + i] = lvl
                    out.join[run, i], out.side[run, i] = day, side
                    events[(day + int(draws.end[run, i]), "end")].append(side * n + i)
                    if lvl == 1:
                        events[(day + int(draws.escalate[run, i]), "escalate")].append(
                            side * n + i)
                    dirty = True
            for kind in ("end", "escalate"):
                for col in events.pop((day, kind), []):
                    if level[0, col] > 0:
                        level[0, col] = 0 if kind == "end" else 2
                        (out.ended if kind == "end" else out.escalated)[run, col % n] = day
                        dirty = True
            if dirty:
                rem -= total * (day - since)
                since = day
                rates, totals = _rates(setup, level)
                rate, total = rates[0], totals[0]
                cross = _cross(day, rem, total)
                dirty = False
            hits = np.flatnonzero(cross == day)
            if not len(hits):
                continue
            sides = (draws.side[run, hits] * total[hits] >= rate[hits]).astype(np.int64)
            target, puller = _choose(setup, level, np.zeros(len(hits), dtype=np.int64), hits,
                                     sides)
            for k, i in enumerate(hits.tolist()):
                side = int(sides[k])
                out.join[run, i], out.side[run, i] = day, side
                out.target[run, i], out.puller[run, i] = target[k], puller[k]
                rem[i] = np.inf
                cross[i] = _NEVER
                events[(day + int(draws.end[run, i]), "end")].append(side * n + i)
                events[(day + int(draws.escalate[run, i]), "escalate")].append(side * n + i)
            for k, i in enumerate(hits.tolist()):
                level[0, int(sides[k]) * n + i] = 1
            dirty = True
    return out
