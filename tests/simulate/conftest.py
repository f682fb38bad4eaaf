"""Fixed model parameters, so the simulate tests do not depend on the fitted file (the small
network they run on is tests/conftest.py's ``network_kb``)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from patron.simulate.hazard import Params

#: Strong enough that joins happen in a few thousand runs on the small network.
PARAMS = Params(alpha=-7.0, pull=0.8, hostility=0.4, past=0.2, deterrence=0.3,
                end_rate=0.05, escalation_rate=0.05)


@pytest.fixture
def params_file(tmp_path: Path) -> Path:
    """A fitted-parameter file holding :data:`PARAMS` and a base rate of 0.001 a day."""
    path = tmp_path / "fitted.yaml"
    data = {"command": "test", "parameters": {k: {"value": v, "se": None}
                                              for k, v in PARAMS.record().items()},
            "base_rate": {"daily": 0.001}}
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path
