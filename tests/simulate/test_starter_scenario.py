"""The demo's question on the starter knowledge base, with the shipped fitted parameters."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from patron.kb import KnowledgeBase
from patron.simulate import fitted
from patron.simulate import scenario as sc
from patron.simulate.simulation import Simulation
from tests.simulate.conftest import write

HAMAS = """\
as_of: 2023-10-06
horizon: 90
runs: 20000
seed: 7
triggers:
  - {actor: Israel, action: attacks, target: Hamas, date: 2023-10-07}
"""


@pytest.fixture(scope="module")
def starter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KnowledgeBase]:
    kb = KnowledgeBase.open(f"sqlite:///{tmp_path_factory.mktemp('sim') / 'kb.db'}",
                            create=True)
    kb.init()
    yield kb
    kb.close()


def _hezbollah_joins(kb: KnowledgeBase, tmp_path: Path, extra: str = "") -> float:
    spec = sc.load(write(tmp_path, "s.yaml", HAMAS + extra))
    sim = Simulation.build(kb.store, sc.resolve(spec, kb.resolve), fitted.load().params)
    runs = sim.run()
    return float((runs.join[:, sim.ties.index("hezbollah")] >= 0).mean())


def test_cutting_iran_support_to_hezbollah_lowers_its_join_probability_on_the_starter_base(
        starter: KnowledgeBase, tmp_path: Path) -> None:
    before = _hezbollah_joins(starter, tmp_path)
    after = _hezbollah_joins(starter, tmp_path, "overrides:\n"
                             "  - remove: {from: Iran, to: Hezbollah, layer: support}\n")
    assert before > 0.0
    assert after < before
