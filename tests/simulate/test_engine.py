"""The engines: the threshold construction gives the hazard's probabilities, the same
seed gives the same numbers, and the per-run loop agrees with the vectorised engine."""

from __future__ import annotations

import math

import numpy as np

from patron.simulate.engine import Draws, run_loop, run_vectorised, setup
from patron.simulate.hazard import Params
from patron.simulate.network import build

IDS = ["attacker", "attacked", "friend", "stranger"]


def _ties(support: float = 0.0, hostility: float = 0.0):  # type: ignore[no-untyped-def]
    weights = {}
    if support:
        weights[("support", "friend", "attacked")] = support
    if hostility:
        weights[("hostility", "attacker", "friend")] = hostility
    return build(IDS, IDS, weights, {}, {})


def _setup(params: Params, horizon: int = 60, **tie_args: float):  # type: ignore[no-untyped-def]
    starts = [(1, 0, 0, 2), (0, 1, 0, 2)]  # attacked on side 0, attacker on side 1, day 0
    return setup(_ties(**tie_args), params, starts, [], horizon)


def test_join_probability_is_one_minus_exp_of_the_cumulative_rate() -> None:
    params = Params(alpha=-4.0, pull=0.0, hostility=0.0, past=0.0, deterrence=0.0)
    runs = run_vectorised(_setup(params), Draws.make(1, 20000, 4, params))
    rate = 2 * math.exp(-4.0)  # two sides, the same rate each
    for h in (1, 7, 30):
        expected = 1 - math.exp(-rate * h)
        seen = float(((runs.join[:, 3] >= 0) & (runs.join[:, 3] < h)).mean())
        assert abs(seen - expected) < 4 * math.sqrt(expected * (1 - expected) / 20000) + 1e-3


def test_a_supporter_of_the_attacked_joins_more_and_on_its_side() -> None:
    params = Params(alpha=-8.0, pull=1.0, hostility=0.0, past=0.0, deterrence=0.0,
                    end_rate=1e-6)  # the war goes on: the attacked keeps pulling
    runs = run_vectorised(_setup(params, support=3.0), Draws.make(2, 5000, 4, params))
    friend, stranger = runs.join[:, 2] >= 0, runs.join[:, 3] >= 0
    assert friend.mean() > 3 * stranger.mean()
    # side 0 at exp(-8 + 2 log 4), side 1 at exp(-8): 16 to 1
    assert abs((runs.side[friend, 2] == 0).mean() - 16 / 17) < 0.03
    ours = friend & (runs.side[:, 2] == 0)
    assert (runs.target[ours, 2] == 0).all()  # it fights the attacker
    assert (runs.puller[ours, 2] == 1).all()  # pulled in by the attacked


def test_same_seed_same_numbers_other_seed_other_numbers() -> None:
    params = Params(alpha=-5.0, pull=1.0)
    s = _setup(params, support=2.0)
    a = run_vectorised(s, Draws.make(7, 3000, 4, params))
    b = run_vectorised(s, Draws.make(7, 3000, 4, params))
    c = run_vectorised(s, Draws.make(8, 3000, 4, params))
    assert np.array_equal(a.join, b.join) and np.array_equal(a.ended, b.ended)
    assert not np.array_equal(a.join, c.join)


def test_loop_and_vectorised_engines_agree_exactly() -> None:
    params = Params(alpha=-4.5, pull=0.9, hostility=0.5, end_rate=0.05, escalation_rate=0.1)
    s = _setup(params, support=2.0, hostility=1.0)
    draws = Draws.make(3, 400, 4, params)
    a, b = run_vectorised(s, draws), run_loop(s, draws)
    for name in ("join", "side", "target", "puller", "escalated", "ended"):
        assert np.array_equal(getattr(a, name), getattr(b, name)), name
    assert (a.join[:, 2:] >= 0).sum() > 100  # the comparison saw many joins


def test_engagements_escalate_and_end_at_their_rates() -> None:
    params = Params(alpha=-3.0, pull=0.0, end_rate=1.0, escalation_rate=1.0)
    runs = run_vectorised(_setup(params, horizon=30), Draws.make(4, 2000, 4, params))
    assert (runs.ended[:, :2] == 1).all()  # the parties stop the day after they start
    joined = (runs.join[:, 3] >= 0) & (runs.join[:, 3] < 29)
    # the end comes first on the same day: a joiner that stops does not escalate
    assert (runs.ended[joined, 3] == runs.join[joined, 3] + 1).all()
    assert (runs.escalated[joined, 3] == -1).all()
