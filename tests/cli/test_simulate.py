"""``patron simulate``: table and JSON output; bad input is one line and exit code 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from tests.factory import run_cli
from tests.simulate.conftest import write
from tests.simulate.test_episodes import episodes_file
from tests.simulate.test_simulation import HAMAS


def _run(capsys: pytest.CaptureFixture[str], url: str, params: Path,
         *args: str) -> tuple[int, str, str]:
    return run_cli(capsys, "simulate", *args, "--params", str(params), "--db", url)


def test_trigger_phrase_as_json(capsys: pytest.CaptureFixture[str], network_url: str,
                                params_file: Path) -> None:
    code, out, err = _run(capsys, network_url, params_file, "--trigger", "Israel attacks Hamas",
                          "--date", "2023-10-07", "--runs", "2000", "--no-sensitivity",
                          "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert doc["scenario"]["as_of"] is None and doc["scenario"]["as_of_day"] == 20231006
    assert doc["params"]["pull"] == 0.8 and doc["sensitivity"] is None
    rows = {r["actor"]["id"]: r for r in doc["actors"]}
    assert set(rows["hezbollah"]["join"]) == {"1", "7", "30", "90"}
    assert 0 <= doc["fronts"]["multi_front"] <= 1


def test_scenario_file_as_table(capsys: pytest.CaptureFixture[str], network_url: str,
                                params_file: Path, tmp_path: Path) -> None:
    path = write(tmp_path, "s.yaml", HAMAS.replace("runs: 20000", "runs: 2000"))
    code, out, err = _run(capsys, network_url, params_file, str(path))
    assert code == 0, err
    assert "Hezbollah" in out and "multi-front" in out and "Sensitivity to ties" in out


@pytest.mark.parametrize(("edit", "message"), [
    (("horizon: 60", "horizon: 0"), "s.yaml:1: horizon: must be between 1 and 365, got 0"),
    (("runs: 20000", "runs: 100001"), "s.yaml:2: runs: must be between 1 and 100,000"),
    (("target: Hamas", "target: Hamsa"), "s.yaml:5: triggers[0].target: unknown actor 'Hamsa'"),
    (("horizon: 60", "as_of: 1950-01-01\nhorizon: 60"),
     "s.yaml:1: as_of: no dated claim begins on or before 1950-01-01"),
])
def test_bad_scenarios_exit_2_naming_file_line_and_field(
        capsys: pytest.CaptureFixture[str], network_url: str, params_file: Path,
        tmp_path: Path, edit: tuple[str, str], message: str) -> None:
    path = write(tmp_path, "s.yaml", HAMAS.replace(*edit))
    code, out, err = _run(capsys, network_url, params_file, str(path), "--no-sensitivity")
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1


def test_calibrate_writes_the_fitted_file_and_backtest_scores(
        capsys: pytest.CaptureFixture[str], network_url: str, tmp_path: Path) -> None:
    path, out_file = episodes_file(tmp_path), tmp_path / "fitted.yaml"
    code, out, err = run_cli(capsys, "simulate", "calibrate", str(path), "-o", str(out_file),
                             "--db", network_url)
    assert code == 0, err
    assert "pull" in out and yaml.safe_load(out_file.read_text())["command"].endswith(
        "episodes.csv")
    code, out, err = run_cli(capsys, "simulate", "backtest", str(path), "--runs", "200",
                             "--db", network_url, "--format", "json")
    assert code == 0, err
    doc = json.loads(out)
    assert {"all_candidates", "focus:hezbollah"} == set(doc["scores"])
