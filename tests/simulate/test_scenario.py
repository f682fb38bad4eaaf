"""Scenario files: shape and limits checked with file, line and field; names resolved."""

from __future__ import annotations

from pathlib import Path

import pytest

from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.simulate import scenario as sc
from tests.simulate.conftest import write

GOOD = """\
name: test
horizon: 30
runs: 500
seed: 3
triggers:
  - {actor: Israel, action: attacks, target: Hamas, date: 2023-10-07}
overrides:
  - remove: {from: Iran, to: Hezbollah, layer: support}
  - reweight: {from: Iran, to: Hamas, factor: 0.5}
  - force_in: {actor: Houthis, against: Israel, day: 3}
  - force_out: {actor: Syria}
  - posture: {actor: Hezbollah, shift: -1.5}
params: {pull: 1.5}
"""


def _error(tmp_path: Path, text: str) -> InputError:
    with pytest.raises(InputError) as info:
        sc.load(write(tmp_path, "s.yaml", text))
    return info.value


def test_good_scenario_reads_every_part(tmp_path: Path) -> None:
    s = sc.load(write(tmp_path, "s.yaml", GOOD))
    assert (s.horizon, s.runs, s.seed) == (30, 500, 3)
    assert s.triggers[0].date == "2023-10-07" and s.triggers[0].level == 2
    assert [(c.source, c.factor) for c in s.ties] == [("Iran", 0.0), ("Iran", 0.5)]
    assert [(f.actor, f.against, f.day) for f in s.forced] == [("Houthis", "Israel", 3),
                                                               ("Syria", None, 0)]
    assert s.postures[0].shift == -1.5 and s.params == {"pull": 1.5}


def test_horizon_of_zero_names_its_line(tmp_path: Path) -> None:
    err = _error(tmp_path, GOOD.replace("horizon: 30", "horizon: 0"))
    assert (err.line, err.field) == (2, "horizon") and err.file and err.file.endswith("s.yaml")


def test_runs_over_the_maximum_are_refused(tmp_path: Path) -> None:
    err = _error(tmp_path, GOOD.replace("runs: 500", f"runs: {sc.MAX_RUNS + 1}"))
    assert (err.line, err.field) == (3, "runs") and f"{sc.MAX_RUNS:,}" in str(err)


def test_unknown_action_and_bad_date_name_the_trigger_line(tmp_path: Path) -> None:
    err = _error(tmp_path, GOOD.replace("action: attacks", "action: hugs"))
    assert (err.line, err.field) == (6, "triggers[0].action")
    err = _error(tmp_path, GOOD.replace("2023-10-07", "2023-10"))
    assert (err.line, err.field) == (6, "triggers[0].date")


def test_unknown_key_and_bad_override(tmp_path: Path) -> None:
    assert _error(tmp_path, GOOD + "colour: red\n").field == "colour"
    err = _error(tmp_path, GOOD.replace("layer: support", "layer: trade"))
    assert (err.line, err.field) == (8, "overrides[0].remove.layer")


def test_phrase_reads_actor_action_target() -> None:
    s = sc.from_phrase("Hezbollah fires on Israel", "2023-10-08", runs=10)
    t = s.triggers[0]
    assert (t.actor, t.action, t.target, t.level) == ("Hezbollah", "fires on", "Israel", 1)
    with pytest.raises(InputError, match="ACTOR ACTION TARGET"):
        sc.from_phrase("Israel and Hamas", "2023-10-08")


def test_unknown_actor_names_file_line_and_field(tmp_path: Path,
                                                 network_kb: KnowledgeBase) -> None:
    s = sc.load(write(tmp_path, "s.yaml", GOOD.replace("target: Hamas", "target: Hamsa")))
    with pytest.raises(InputError) as info:
        sc.resolve(s, network_kb.resolve)
    assert (info.value.line, info.value.field) == (6, "triggers[0].target")
    assert "unknown actor 'Hamsa'" in str(info.value) and "Hamas" in str(info.value)


def test_resolution_gives_day_offsets_and_default_read_date(tmp_path: Path,
                                                            network_kb: KnowledgeBase) -> None:
    text = GOOD.replace("triggers:\n", "triggers:\n  - {actor: Israel, action: strikes, "
                        "target: Hezbollah, date: 2023-10-09}\n")
    plan = sc.resolve(sc.load(write(tmp_path, "s.yaml", text)), network_kb.resolve)
    assert plan.as_of == 20231006 and plan.start == 20231007
    assert sorted(plan.triggers) == [("israel", "hamas", 2, 0), ("israel", "hezbollah", 2, 2)]
    assert plan.forced_in[0][:3] == ("houthis", "israel", 3)
    assert plan.forced_out == ("syria",) and plan.postures == {"hezbollah": -1.5}


def test_read_date_after_the_trigger_is_refused(tmp_path: Path,
                                                network_kb: KnowledgeBase) -> None:
    s = sc.load(write(tmp_path, "s.yaml", "as_of: 2024-01-01\n" + GOOD))
    with pytest.raises(InputError) as info:
        sc.resolve(s, network_kb.resolve)
    assert (info.value.line, info.value.field) == (1, "as_of")
