"""A knowledge base holding tests/data/network, built once and only read by the tests."""

from __future__ import annotations

import pytest

from patron.graph.view import Slice, View, open_view
from patron.kb import KnowledgeBase


@pytest.fixture
def view_2015(network_kb: KnowledgeBase) -> View:
    return open_view(network_kb.store, Slice.of(as_of="2015"))


@pytest.fixture
def view_all(network_kb: KnowledgeBase) -> View:
    return open_view(network_kb.store)
