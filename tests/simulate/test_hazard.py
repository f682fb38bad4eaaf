"""The hazard's terms: pull from ties to the fighting, deterrence, posture."""

from __future__ import annotations

import math

import numpy as np

from patron.simulate.hazard import Params, Sides, coupling, deterrence, static_rate, terms
from patron.simulate.network import build

IDS = ["israel", "hamas", "hezbollah", "iran", "united-states"]


def _ties():  # type: ignore[no-untyped-def]
    return build(IDS, IDS, {
        ("support", "iran", "hamas"): 2.0,
        ("support", "iran", "hezbollah"): 3.0,
        ("support", "united-states", "israel"): 4.0,
        ("hostility", "israel", "hezbollah"): 1.0,
        ("hostility", "united-states", "hezbollah"): 1.0,
        ("hostility", "hezbollah", "israel"): 1.5,
    }, {"hezbollah": 2.0}, {})


def test_common_patron_ties_two_clients() -> None:
    t = _ties()
    h, z = IDS.index("hamas"), IDS.index("hezbollah")
    assert t.shared[h, z] == t.shared[z, h] == 2.0  # min(Iran→Hamas, Iran→Hezbollah)
    pull, host, record = terms(t)
    assert math.isclose(pull[h, z], math.log1p(2.0))
    assert math.isclose(host[IDS.index("israel"), z], math.log1p(1.5))
    assert math.isclose(record[z], math.log1p(2.0))


def test_deterrence_counts_the_attacker_and_its_patrons() -> None:
    t = _ties()
    sides = Sides((frozenset({IDS.index("hamas")}), frozenset({IDS.index("israel")})))
    d = deterrence(t, sides)
    z = IDS.index("hezbollah")
    # Israel (weight 1) and the United States (support 4 → weight 4/5) attacked Hezbollah
    assert math.isclose(d[z, 0], math.log1p(1.0) * (1 + 0.8))
    assert d[z, 1] == 0.0  # nobody on Hamas's side is hostile to it


def test_static_rate_and_coupling_follow_the_parameters() -> None:
    t = _ties()
    p = Params(alpha=-8.0, pull=0.5, hostility=0.25, past=0.1, deterrence=1.0)
    sides = Sides((frozenset({1}), frozenset({0})))
    z, n = IDS.index("hezbollah"), len(IDS)
    base = static_rate(p, t, sides, np.array([0, 0, -1.0, 0, 0]))
    assert math.isclose(base[z], -8.0 + 0.1 * math.log1p(2.0)
                        - 1.0 * deterrence(t, sides)[z, 0] - 1.0)
    m = coupling(p, t)
    pull, host, _ = terms(t)
    assert math.isclose(m[1, z], 0.5 * pull[1, z])  # Hamas fighting on side 0 pulls to 0
    assert math.isclose(m[n + 0, z], 0.25 * host[0, z])  # Israel on side 1: hostility to 0
