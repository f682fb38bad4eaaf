"""The graph tests' small network (tests/data/network) as a knowledge base, built once,
and fixed model parameters so the tests do not depend on the fitted file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from patron.kb import KnowledgeBase
from patron.simulate.hazard import Params

NETWORK = Path(__file__).resolve().parent.parent / "data" / "network"
#: Strong enough that joins happen in a few thousand runs on the small network.
PARAMS = Params(alpha=-7.0, pull=0.8, hostility=0.4, past=0.2, deterrence=0.3,
                end_rate=0.05, escalation_rate=0.05)


@pytest.fixture(scope="session")
def network_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('simnet') / 'kb.db'}"
    base = KnowledgeBase.open(url, create=True)
    base.init(NETWORK)
    base.close()
    return url


@pytest.fixture
def network_kb(network_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(network_url)
    yield base
    base.close()


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
