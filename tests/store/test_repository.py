"""Store behaviour on every backend (SQLite always; PostgreSQL when PATRON_TEST_PG is set)."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from patron.errors import StoreError
from patron.kb import KnowledgeBase
from patron.model import Document
from patron.store import ClaimFilter, Store, repository
from patron.store.schema import metadata
from patron.timespan import date_bounds
from tests.factory import MINI, claim

DOC = Document(id="doc-test", title="Test", publisher="Tests", published="2020")


def test_migrations_build_exactly_the_declared_schema(kb: KnowledgeBase) -> None:
    with kb.store.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_init_twice_stores_nothing_new(kb: KnowledgeBase) -> None:
    before = kb.store.count()
    report = kb.init(MINI)
    assert report.claims_new == 0 and report.actors_new == 0
    assert kb.store.count() == before


def test_adding_the_same_claim_twice_keeps_one_row(kb: KnowledgeBase) -> None:
    c = claim(start="2030", end="2030")
    assert kb.store.add([DOC], [c]) == (1, 1)
    assert kb.store.add([DOC], [c, c]) == (0, 0)
    assert kb.store.count(ClaimFilter(types=("funding",), lo=20300101)) == 1


def test_a_failed_write_leaves_the_store_as_it_was(kb: KnowledgeBase) -> None:
    before = kb.store.count()
    good = claim(start="2031", end="2031")
    orphan = claim(subject="nobody-knows-me", start="2031", end="2031")  # FK violation
    with pytest.raises(StoreError):
        kb.store.add([DOC], [good, orphan])
    assert kb.store.count() == before
    assert kb.store.document("doc-test") is None


def test_batches_and_a_text_in_pieces_store_as_one_add_would(kb: KnowledgeBase) -> None:
    a, b = claim(start="2032", end="2032"), claim(start="2033", end="2033")
    pieces = ["Iran funds ", "Hamas", ".", "", " É" * 3]
    calls = []

    def texts() -> list[str]:
        calls.append(1)
        return pieces

    doc = Document(id="doc-test", title="T")
    added = kb.store.add_batches([doc], lambda: [[a], [b, a], []], texts={"doc-test": texts})
    assert added == (1, 2)  # a claim in two batches is stored once
    assert kb.store.document("doc-test") == doc.model_copy(update={"text": "".join(pieces)})
    assert [c.id for c in kb.store.claims() if c.id in (a.id, b.id)] == [a.id, b.id]
    read = len(calls)
    assert kb.store.add_batches([doc], lambda: [[a, b]], texts={"doc-test": texts}) == (0, 0)
    assert len(calls) == read  # a stored document's text is not read again


def test_a_text_appended_in_pieces_is_the_whole_text(kb: KnowledgeBase) -> None:
    """The way PostgreSQL stores a long text (SQLite writes it in place)."""
    kb.store.add([Document(id="doc-appended", text="")], [])
    pieces = ["Iran ", "funds ", "Hamas ", "é’" * 5]
    with pytest.MonkeyPatch.context() as patch, kb.store.engine.begin() as conn:
        patch.setattr(repository, "_TEXT_PIECE", 8)
        repository._append_text(conn, "doc-appended", pieces)
    assert kb.store.document("doc-appended").text == "".join(pieces)  # type: ignore[union-attr]


def test_a_failed_batch_leaves_the_store_as_it_was(kb: KnowledgeBase) -> None:
    before = kb.store.count()
    orphan = claim(subject="nobody-knows-me", start="2031", end="2031")
    with pytest.raises(StoreError):
        kb.store.add_batches([DOC], lambda: [[claim(start="2031", end="2031")], [orphan]],
                             texts={DOC.id: lambda: ["some ", "text"]})  # fmt: skip
    assert kb.store.count() == before
    assert kb.store.document(DOC.id) is None


def test_claims_round_trip_every_field(kb: KnowledgeBase) -> None:
    stored = kb.store.claims(ClaimFilter(subjects=("irgc",)))
    assert len(stored) == 1
    c = stored[0]
    assert c.route == ("sudan", "egypt", "sinai", "gaza-strip")
    assert c.time.start == "2009" and c.time.end is None and c.time.precision == "year"
    assert c.stance == "reported" and c.grade == "C3"
    funding = kb.store.claims(ClaimFilter(types=("funding",), lo=date_bounds("2020")[0]))
    assert funding[0].magnitude is not None and funding[0].magnitude.amount == 1e8


def test_time_filter_keeps_claims_overlapping_the_window(kb: KnowledgeBase) -> None:
    flt = ClaimFilter(
        objects=("hamas",),
        families=("support",),
        lo=date_bounds("2013")[0],
        hi=date_bounds("2016")[1],
    )
    kept = {(c.subject, c.type, c.time.label()) for c in kb.store.claims(flt)}
    assert ("iran", "funding", "1993–2011") not in kept
    assert ("iran", "funding", "2020") not in kept
    assert ("irgc", "arms", "since 2009") in kept
    assert ("qatar", "safe_haven", "since 2012") in kept


def test_min_grade_filters_on_both_axes(kb: KnowledgeBase) -> None:
    grades = {c.grade for c in kb.store.claims(ClaimFilter(min_grade="B2"))}
    assert grades and grades <= {"A1", "A2", "B1", "B2"}


def test_origin_filter_matches_prefixes(kb: KnowledgeBase) -> None:
    assert kb.store.count(ClaimFilter(origins=("curated",))) == kb.store.count()
    assert kb.store.count(ClaimFilter(origins=("import",))) == 0


def test_opening_a_missing_knowledge_base_says_run_init(sqlite_url: str) -> None:
    with pytest.raises(StoreError, match="patron init"):
        Store.open(sqlite_url)


def test_opening_a_missing_sqlite_file_leaves_no_empty_file_behind(tmp_path: Path) -> None:
    path = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="patron init"):
        Store.open(f"sqlite:///{path}")
    assert not path.exists()
