"""The Iran → Hamas brief on the demo knowledge base (tests/conftest.py's ``demo_kb``),
written once and only read by the tests."""

from __future__ import annotations

import pytest

from patron.kb import KnowledgeBase
from patron.report import Brief, build_brief


@pytest.fixture(scope="session")
def iran_hamas(demo_kb: KnowledgeBase) -> Brief:
    """Extracted, unreviewed claims included: they carry the unattributed and
    machine-hedged wording the checks must also hold for."""
    return build_brief(demo_kb, demo_kb.resolve("Iran"), demo_kb.resolve("Hamas"), runs=2000,
                       unreviewed="include")
