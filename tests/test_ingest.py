"""patron ingest: idempotent, safe to kill, and flat in memory on a large text file."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from patron import kb as kb_module
from patron.extract import pipeline
from patron.kb import KnowledgeBase
from patron.readers import documents
from patron.store import repository
from tests.factory import MINI, REPO, run_cli

EXAMPLES = REPO / "examples" / "documents"


def test_ingesting_twice_stores_nothing_new(kb: KnowledgeBase) -> None:
    first = kb.ingest([EXAMPLES])
    assert first.documents_new >= 10 and first.claims_new > 0
    claims = kb.store.count()
    second = kb.ingest([EXAMPLES])
    assert second.documents_new == 0 and second.claims_new == 0
    assert second.documents_known == first.documents_read
    assert kb.store.count() == claims


def test_ingested_claims_cite_their_document_and_quote(kb: KnowledgeBase) -> None:
    kb.ingest([EXAMPLES / "iran-hamas-analysis.html"])
    claims = [c for c in kb.store.claims() if c.origin.startswith("extract:")]
    assert len(claims) >= 3
    (doc_id,) = {c.evidence.document for c in claims}
    doc = kb.store.document(doc_id)
    assert doc is not None and doc.text
    assert doc.title == "Shifting Sands? Iran, Hamas and the Politics of Support"
    assert [c.id for c in claims if not c.evidence.span] == []
    quoted = [doc.text[c.evidence.span[0]:c.evidence.span[1]] for c in claims
              if c.evidence.span]
    assert quoted == [c.evidence.quote for c in claims]
    assert ("In the 1990s Iran's assistance to Hamas was modest, consisting mainly of money and "
            "political recognition.") in quoted
    assert ("iran", "hamas") in {(c.subject, c.object) for c in claims}


def test_footer_of_unrelated_headlines_yields_no_claims(kb: KnowledgeBase) -> None:
    report = kb.ingest([EXAMPLES / "iran-hamas-analysis.html", EXAMPLES / "red-sea-houthis.html"])
    assert report.documents_new == 2
    claims = [c for c in kb.store.claims() if c.origin.startswith("extract:")]
    quotes = {c.evidence.quote or "" for c in claims}
    assert len(quotes) >= 3
    junk = ("Related", "Most read", "Subscribe", "football", "Cookie", "weekly flights",
            "gas supply", "wrestling")
    assert [(word, q) for q in quotes for word in junk if word in q] == []
    # the news page names Iran with Hamas only in its footer and headline list
    documents = kb.store.documents({c.evidence.document for c in claims})
    assert {d.title for d in documents.values()} == {
        "Shifting Sands? Iran, Hamas and the Politics of Support"}


def _counts(url: str) -> tuple[int, int, int]:
    engine = create_engine(url)
    with engine.connect() as conn:
        out = tuple(int(conn.execute(text(f"SELECT count(*) FROM {t}")).scalar_one())
                    for t in ("documents", "claims", "actors"))
    engine.dispose()
    return out  # type: ignore[return-value]


def test_killed_ingest_resumes_without_duplicates(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    base = (EXAMPLES / "iran-hamas-support.txt").read_text(encoding="utf-8")
    for i in range(400):
        (corpus / f"doc{i:03d}.txt").write_text(f"Report {i}.\n\n{base}", encoding="utf-8")
    killed, clean = f"sqlite:///{tmp_path / 'killed.db'}", f"sqlite:///{tmp_path / 'clean.db'}"
    for url in (killed, clean):
        assert run_cli(capsys, "init", "--db", url, "--data-dir", str(MINI))[0] == 0
    env = {**os.environ, "PATRON_DB": killed}
    proc = subprocess.Popen([sys.executable, "-m", "patron", "ingest", str(corpus)], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and _counts(killed)[0] < 20 and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    partial = _counts(killed)[0]
    assert run_cli(capsys, "ingest", str(corpus), "--db", killed)[0] == 0
    assert run_cli(capsys, "ingest", str(corpus), "--db", clean)[0] == 0
    assert _counts(killed) == _counts(clean)
    assert partial < _counts(killed)[0]  # the kill landed mid-run


def _large(tmp_path: Path, size: int) -> Path:
    sys.path.insert(0, str(REPO / "bench"))
    from large_text import generate

    return generate(tmp_path / "large.txt", size)


def _stored(kb: KnowledgeBase) -> tuple[object, ...]:
    claims = kb.store.claims()
    docs = [kb.store.document(d) for d in sorted({c.evidence.document for c in claims})]
    return tuple(claims), tuple(docs), tuple(kb.store.actors())


def _ingest(url: str, path: Path, *, large: bool) -> tuple[KnowledgeBase, int]:
    """Ingest ``path`` into a fresh knowledge base, in pieces or whole; returns the
    knowledge base and the peak of memory Python allocated meanwhile (bytes)."""
    kb = KnowledgeBase.open(url, create=True)
    kb.init(MINI)
    with pytest.MonkeyPatch.context() as patch:
        if large:
            patch.setattr(documents, "LARGE_TEXT", 1_000)
            patch.setattr(pipeline, "BLOCK_CHARS", 8_000)
            patch.setattr(kb_module, "SPOOL_CLAIMS", 20)
            patch.setattr(repository, "_TEXT_PIECE", 16_000)
            patch.setattr(documents, "_PIECE", 16_000)
        kb.extractor()  # the relation model, loaded once a process, is not what is measured
        tracemalloc.start()
        report = kb.ingest([path])
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    assert report.documents_new == 1 and report.claims_new > 200
    return kb, peak


def test_a_large_text_file_is_stored_as_whole_but_in_a_fraction_of_the_memory(
    tmp_path: Path,
) -> None:
    """Read and extracted a block at a time, its claims spooled to disk, its text stored
    a piece at a time: the same rows as reading it whole, in well under the memory."""
    path = _large(tmp_path, 300_000)
    whole, whole_peak = _ingest(f"sqlite:///{tmp_path / 'whole.db'}", path, large=False)
    parts, parts_peak = _ingest(f"sqlite:///{tmp_path / 'parts.db'}", path, large=True)
    assert _stored(parts) == _stored(whole)
    assert parts_peak < whole_peak / 4, (parts_peak, whole_peak)
    again = parts.ingest([path])  # known by its content: nothing read twice
    assert (again.documents_known, again.claims_new) == (1, 0)
    whole.close()
    parts.close()


def test_a_large_file_that_changes_while_it_is_ingested_is_skipped_whole(
    kb: KnowledgeBase, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(documents, "LARGE_TEXT", 1_000)
    path = _large(tmp_path, 20_000)
    before = kb.store.count(), kb.store.actors()
    real = documents.TextFile.pieces

    def edited(self: documents.TextFile) -> Iterator[str]:
        yield from real(self)
        path.write_text("Iran funds Hamas.", encoding="utf-8")  # after extraction read it

    monkeypatch.setattr(documents.TextFile, "pieces", edited)
    report = kb.ingest([path])
    assert [s.reason for s in report.skipped] == ["changed while it was read; ingest it again"]
    assert report.documents_new == report.claims_new == 0
    assert (kb.store.count(), kb.store.actors()) == before
