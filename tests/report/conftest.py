"""The demo knowledge base (``make demo``: starter data plus examples/documents), built
once, and the Iran → Hamas brief on it, written once and only read by the tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from patron.kb import KnowledgeBase
from patron.report import Brief, build_brief
from tests.factory import REPO


@pytest.fixture(scope="session")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'kb.db'}"
    base = KnowledgeBase.open(url, create=True)
    base.init()
    base.ingest([REPO / "examples" / "documents"])
    base.close()
    return url


@pytest.fixture(scope="session")
def demo_kb(demo_url: str) -> Iterator[KnowledgeBase]:
    base = KnowledgeBase.open(demo_url)
    yield base
    base.close()


@pytest.fixture(scope="session")
def iran_hamas(demo_kb: KnowledgeBase) -> Brief:
    """Extracted, unreviewed claims included: they carry the unattributed and
    machine-hedged wording the checks must also hold for."""
    return build_brief(demo_kb, demo_kb.resolve("Iran"), demo_kb.resolve("Hamas"), runs=2000,
                       unreviewed="include")
