"""Write transactions on a SQLite file another process holds: wait, retry, then say so."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from patron.errors import StoreError
from patron.kb import KnowledgeBase
from patron.model import Document
from patron.store import engine as engines
from tests.factory import MINI, claim


@pytest.fixture
def quick_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy timeout of 0.1 s and short pauses, so the test waits well under a second."""
    monkeypatch.setattr(engines, "BUSY_TIMEOUT_S", 0.1)
    monkeypatch.setattr(engines, "_BACKOFF_S", 0.05)


def _kb(tmp_path: Path) -> tuple[KnowledgeBase, Path]:
    path = tmp_path / "kb.db"
    kb = KnowledgeBase.open(f"sqlite:///{path}", create=True)
    kb.init(MINI)
    kb.store.close()  # connections opened from now on get the quick busy timeout
    return kb, path


def _hold_write_lock(path: Path) -> sqlite3.Connection:
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_a_write_waits_for_another_writer_and_then_stores(
    tmp_path: Path, quick_busy: None
) -> None:
    kb, path = _kb(tmp_path)
    other = _hold_write_lock(path)
    threading.Timer(0.4, other.rollback).start()  # longer than the busy timeout: a retry
    c = claim(start="2040", end="2040")
    assert kb.store.add([Document(id="doc-test", title="Test")], [c]) == (1, 1)
    assert kb.store.claims()[-1].id == c.id
    other.close()


def test_a_write_that_stays_locked_says_busy_and_stores_nothing(
    tmp_path: Path, quick_busy: None
) -> None:
    kb, path = _kb(tmp_path)
    before = kb.store.count()
    other = _hold_write_lock(path)
    with pytest.raises(StoreError, match="busy: another process kept it locked"):
        kb.store.add([Document(id="doc-test", title="Test")], [claim(start="2041", end="2041")])
    other.rollback()
    other.close()
    assert kb.store.count() == before


def test_the_schema_revision_is_alembics_head() -> None:
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    config = Config()
    config.set_main_option("script_location", str(engines._MIGRATIONS))
    assert ScriptDirectory.from_config(config).get_current_head() == engines.SCHEMA_REVISION


def test_a_knowledge_base_of_an_older_schema_is_upgraded_when_opened(tmp_path: Path) -> None:
    """A knowledge base made before reviews carried a stance (revision 0003) reads claims
    again once opened: its schema is brought up to date, its claims kept."""
    from alembic import command
    from alembic.config import Config

    url = f"sqlite:///{tmp_path / 'old.db'}"
    kb = KnowledgeBase.open(url, create=True)
    kb.init(MINI)
    before = [c.id for c in kb.store.claims()]
    config = Config()
    config.set_main_option("script_location", str(engines._MIGRATIONS))
    with kb.store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0003")
    assert engines.behind(kb.store.engine)
    kb.close()
    reopened = KnowledgeBase.open(url)
    assert not engines.behind(reopened.store.engine)
    assert [c.id for c in reopened.store.claims()] == before
    reopened.close()
