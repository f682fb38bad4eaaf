"""A knowledge base holding tests/data/network, built once and only read by the tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from patron.graph.view import Slice, View, open_view
from patron.kb import KnowledgeBase

NETWORK = Path(__file__).resolve().parent.parent / "data" / "network"


@pytest.fixture(scope="session")
def network_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('network') / 'kb.db'}"
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
def view_2015(network_kb: KnowledgeBase) -> View:
    return open_view(network_kb.store, Slice.of(as_of="2015"))


@pytest.fixture
def view_all(network_kb: KnowledgeBase) -> View:
    return open_view(network_kb.store)
