"""Four processes ingesting and loading into one knowledge base at once (SQLite file and,
when PATRON_TEST_PG is set, PostgreSQL): no "database is locked", nothing lost, nothing
stored twice."""

from __future__ import annotations

import json
from pathlib import Path

from sqlalchemy import func, select

from patron.kb import KnowledgeBase
from patron.store.schema import claims, documents
from tests.factory import MINI
from tests.processes import log_of, start

WRITERS = 4
_PAIRS = [("iran", "funding", "hamas"), ("qatar", "safe_haven", "hamas"),
          ("irgc", "training", "hezbollah"), ("iran", "arms", "kataib-hezbollah")]  # fmt: skip
_SENTENCES = [
    "Iran funds Hamas, officials said in {n}.",
    "Qatar hosts the Hamas political office, the report of {n} says.",
    "The IRGC trains Hezbollah fighters, according to a {n} assessment.",
]


def _claim_line(n: int) -> str:
    subject, type_, object_ = _PAIRS[n % len(_PAIRS)]
    year = str(1800 + n % 300)
    return json.dumps({
        "subject": subject, "type": type_, "object": object_,
        "time": {"start": year, "end": year}, "stance": "reported", "grade": "C3",
        "source": {"title": f"Concurrency report {n}", "publisher": "Tests",
                   "url": f"https://example.org/report/{n}"},
        "statement": f"Test claim number {n}.",
    })  # fmt: skip


def _inputs(tmp_path: Path, writer: int) -> tuple[Path, Path]:
    """Writer ``writer``'s claim file and document folder: most of both are shared with
    every other writer (the same content-addressed claims written at once), some its own."""
    shared, own = range(400), range(1000 + 100 * writer, 1100 + 100 * writer)
    claim_file = tmp_path / f"claims-{writer}.jsonl"
    claim_file.write_text("".join(_claim_line(n) + "\n" for n in [*shared, *own]), "utf-8")
    folder = tmp_path / f"docs-{writer}"
    folder.mkdir()
    for n in [*range(6), 100 + writer]:
        text = " ".join(s.format(n=1990 + n) for s in _SENTENCES)
        (folder / f"doc-{n}.txt").write_text(text + "\n", encoding="utf-8")
    return claim_file, folder


def _stored(kb: KnowledgeBase) -> tuple[set[str], set[str], int, int]:
    """Claim ids, document ids, claim rows and distinct load-order numbers."""
    with kb.store.engine.connect() as conn:
        rows, seqs = conn.execute(
            select(func.count(), func.count(claims.c.seq.distinct())).select_from(claims)
        ).one()
        docs = set(conn.execute(select(documents.c.id)).scalars())
    return {c.id for c in kb.store.claims()}, docs, int(rows), int(seqs)


def _expected(tmp_path: Path, inputs: list[tuple[Path, Path]]) -> tuple[set[str], set[str]]:
    """What one writer after another stores (content-addressed: the same on any backend)."""
    kb = KnowledgeBase.open(f"sqlite:///{tmp_path / 'sequential.db'}", create=True)
    kb.init(MINI)
    for claim_file, folder in inputs:
        kb.ingest([folder])
        kb.load_claims([claim_file])
    ids, docs, _, _ = _stored(kb)
    kb.close()
    return ids, docs


def test_four_writers_at_once_lose_nothing_and_store_nothing_twice(
    db_url: str, tmp_path: Path
) -> None:
    base = KnowledgeBase.open(db_url, create=True)
    base.init(MINI)
    base.close()
    inputs = [_inputs(tmp_path, w) for w in range(WRITERS)]
    logs = [tmp_path / f"writer-{w}.log" for w in range(WRITERS)]
    procs = []
    for w, ((claim_file, folder), log) in enumerate(zip(inputs, logs, strict=True)):
        ingest = ["ingest", str(folder), "--db", db_url]
        load = ["claims", "load", str(claim_file), "--db", db_url]
        procs.append(start(log, *([ingest, load] if w % 2 else [load, ingest])))
    for p in procs:
        p.join(timeout=240)
    outputs = [log_of(log) for log in logs]
    assert [p.exitcode for p in procs] == [0] * WRITERS, outputs
    assert not [o for o in outputs if "locked" in o or "Traceback" in o], outputs

    kb = KnowledgeBase.open(db_url)
    ids, docs, rows, seqs = _stored(kb)
    kb.close()
    assert (ids, docs) == _expected(tmp_path, inputs)
    assert rows == seqs == len(ids)  # one row per claim, each with its own place in load order
