"""patron ingest: idempotent, and safe to kill."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from patron.kb import KnowledgeBase
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
    assert claims
    for c in claims:
        doc = kb.store.document(c.evidence.document)
        assert doc is not None and doc.text and c.evidence.span
        assert doc.text[c.evidence.span[0]:c.evidence.span[1]] == c.evidence.quote


def test_footer_of_unrelated_headlines_yields_no_claims(kb: KnowledgeBase) -> None:
    kb.ingest([EXAMPLES / "iran-hamas-analysis.html", EXAMPLES / "red-sea-houthis.html"])
    quotes = {c.evidence.quote or "" for c in kb.store.claims()
              if c.origin.startswith("extract:")}
    assert quotes
    for junk in ("Related", "Most read", "Subscribe", "football", "Cookie"):
        assert not any(junk in q for q in quotes), junk


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
