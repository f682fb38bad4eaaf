"""Scenarios on a knowledge base: the network as of the read date, overrides, summaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.simulate import scenario as sc
from patron.simulate.outcome import summarise
from patron.simulate.simulation import Simulation
from tests.simulate.conftest import PARAMS, write

HAMAS = """\
horizon: 60
runs: 20000
seed: 5
triggers:
  - {actor: Israel, action: attacks, target: Hamas, date: 2023-10-07}
"""


def _sim(kb: KnowledgeBase, tmp_path: Path, extra: str = "") -> Simulation:
    spec = sc.load(write(tmp_path, "s.yaml", HAMAS + extra))
    return Simulation.build(kb.store, sc.resolve(spec, kb.resolve), PARAMS)


def _p(sim: Simulation, actor: str) -> float:
    runs = sim.run()
    return float((runs.join[:, sim.ties.index(actor)] >= 0).mean())


def test_removing_iran_support_to_hezbollah_lowers_its_join_probability(
        network_kb: KnowledgeBase, tmp_path: Path) -> None:
    before = _p(_sim(network_kb, tmp_path), "hezbollah")
    cut = _sim(network_kb, tmp_path,
               "overrides:\n  - remove: {from: Iran, to: Hezbollah, layer: support}\n")
    assert cut.ties.weight("iran", "hezbollah", "support") == 0.0
    after = _p(cut, "hezbollah")
    assert before > 0.02 and after < before - 0.01  # 20,000 runs: the SE is about 0.003


def test_the_same_scenario_and_seed_give_identical_numbers(network_kb: KnowledgeBase,
                                                           tmp_path: Path) -> None:
    a = summarise(_sim(network_kb, tmp_path), _sim(network_kb, tmp_path).run(2000), 0.001)
    b = summarise(_sim(network_kb, tmp_path), _sim(network_kb, tmp_path).run(2000), 0.001)
    assert a.document() == b.document()


def test_forced_in_and_out(network_kb: KnowledgeBase, tmp_path: Path) -> None:
    sim = _sim(network_kb, tmp_path, "overrides:\n"
               "  - force_in: {actor: Houthis, against: Israel, day: 4}\n"
               "  - force_out: {actor: Hezbollah}\n")
    runs = sim.run(3000)
    h, z = sim.ties.index("houthis"), sim.ties.index("hezbollah")
    assert (runs.join[:, h] == 4).all() and (runs.side[:, h] == 0).all()
    assert (runs.join[:, z] == -1).all()


def test_a_read_date_before_any_claim_is_a_clear_error(network_kb: KnowledgeBase,
                                                       tmp_path: Path) -> None:
    spec = sc.load(write(tmp_path, "s.yaml", "as_of: 1950-01-01\n" + HAMAS))
    with pytest.raises(InputError) as info:
        Simulation.build(network_kb.store, sc.resolve(spec, network_kb.resolve), PARAMS)
    assert (info.value.line, info.value.field) == (1, "as_of")
    assert "no dated claim begins on or before 1950-01-01" in str(info.value)


def test_a_party_with_no_ties_yet_is_a_clear_error(network_kb: KnowledgeBase,
                                                   tmp_path: Path) -> None:
    text = HAMAS.replace("target: Hamas, date: 2023-10-07", "target: Houthis, date: 1985-06-01")
    spec = sc.load(write(tmp_path, "s.yaml", text))
    with pytest.raises(InputError) as info:
        Simulation.build(network_kb.store, sc.resolve(spec, network_kb.resolve), PARAMS)
    assert info.value.field == "triggers[0].target" and "no ties" in str(info.value)


def test_removing_a_tie_the_network_lacks_is_an_error(network_kb: KnowledgeBase,
                                                      tmp_path: Path) -> None:
    with pytest.raises(InputError) as info:
        _sim(network_kb, tmp_path, "overrides:\n  - remove: {from: Qatar, to: Houthis}\n")
    assert info.value.line == 7 and "no support tie from Qatar to Houthis" in str(info.value)


def test_summary_is_consistent_with_the_runs(network_kb: KnowledgeBase,
                                             tmp_path: Path) -> None:
    sim = _sim(network_kb, tmp_path)
    runs = sim.run(4000)
    out = summarise(sim, runs, 0.001)
    roles = {r["actor"]["id"]: r for r in out.actors}
    assert roles["hamas"]["role"] == "attacked" and roles["hamas"]["join"]["1"] == 1.0
    assert abs(sum(out.fronts["distribution"].values()) - 1) < 1e-3
    nobody = float(((runs.join >= 0).sum(axis=1) == 2).mean())
    quiet = [c for c in out.cascades["openings"] if c["cascade"] == "no one joins"]
    assert quiet and abs(quiet[0]["probability"] - nobody) < 1e-4
    hez = roles["hezbollah"]
    assert hez["join"]["7"] <= hez["join"]["30"] <= hez["join"]["60"]
    assert hez["against"][0]["target"]["id"] == "israel"
