"""SIGKILL at random moments during ``ingest``, ``claims load`` and every ``import``.

After each kill the SQLite file passes its integrity and foreign-key checks and holds
nothing or everything from the interrupted input (``ingest``: whole files, in order),
and running the command again reaches exactly the claim ids of an uninterrupted run.
Kill moments are spread evenly (with jitter, seeded) over 1.2 times the uninterrupted
run's length, so trials land before, during and after the write.
"""

from __future__ import annotations

import csv
import json
import random
import shutil
import sqlite3
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from patron.kb import KnowledgeBase
from patron.readers.documents import input_files, read_file
from tests.factory import MINI, REPO
from tests.processes import log_of, start

TRIALS = 20
_DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Case:
    """A command on the base knowledge base: ``args(db)`` and what it reads."""

    name: str
    args: Callable[[str], list[str]]
    files: tuple[Path, ...] = ()  # ingest only: the files, in the order they are stored


def _claims_file(path: Path, n: int = 2000) -> Path:
    pairs = [("iran", "funding", "hamas"), ("qatar", "safe_haven", "hamas"),
             ("irgc", "training", "hezbollah")]  # fmt: skip
    with path.open("w", encoding="utf-8") as out:
        for i in range(n):
            subject, type_, object_ = pairs[i % len(pairs)]
            year = str(1700 + i % 400)
            out.write(json.dumps({
                "subject": subject, "type": type_, "object": object_,
                "time": {"start": year, "end": year}, "stance": "alleged", "grade": "C4",
                "source": {"title": f"Crash report {i}", "url": f"https://example.org/c/{i}"},
                "statement": f"Claim {i} of the crash trials.",
            }) + "\n")  # fmt: skip
    return path


def _scaled_csv(sample: Path, out: Path, copies: int, vary: Callable[[dict[str, str], int], None]
                ) -> Path:  # fmt: skip
    with sample.open(encoding="utf-8", newline="") as stream:
        rows = list(csv.DictReader(stream))
    with out.open("w", encoding="utf-8", newline="") as stream:
        writer = csv.DictWriter(stream, fieldnames=list(rows[0]))
        writer.writeheader()
        for k in range(copies):
            for row in rows:
                row = dict(row)
                vary(row, k)
                writer.writerow(row)
    return out


def _ucdp_year(row: dict[str, str], k: int) -> None:
    row["ywp_year"] = str(1800 + k)


def _acled_event(row: dict[str, str], k: int) -> None:
    row["event_id_cnty"] = f"{row['event_id_cnty']}-{k}"
    row["event_date"] = f"{2000 + k % 25}-{1 + k % 12:02d}-{1 + k % 28:02d}"


def _documents(folder: Path) -> Path:
    folder.mkdir()
    for n in range(8):
        text = (f"Iran funds Hamas, officials said in {1990 + n}. Qatar hosts the Hamas "
                f"political office, a report of {1990 + n} says.")  # fmt: skip
        (folder / f"{n:02d}-article.txt").write_text(text + "\n", encoding="utf-8")
    wire = [{"title": f"Wire {n}", "text": f"The IRGC trains Hezbollah fighters, a {2000 + n} "
             "assessment says. Iran arms Hamas."} for n in range(6)]  # fmt: skip
    (folder / "09-wire.jsonl").write_text("".join(json.dumps(w) + "\n" for w in wire), "utf-8")
    return folder


def _ftm_file(base: Path, claims: Path, out: Path) -> Path:
    """FtM of the base knowledge base plus the claim file: new claims, known actors."""
    source = base.parent / "ftm-source.db"
    shutil.copy(base, source)
    kb = KnowledgeBase.open(f"sqlite:///{source}")
    kb.load_claims([claims])
    from patron.interop import ftm
    from patron.store import ClaimFilter

    with out.open("w", encoding="utf-8") as stream:
        ftm.export(kb.store, ClaimFilter(), stream)
    kb.close()
    return out


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Case]]:
    root = tmp_path_factory.mktemp("crash")
    base = root / "base.db"
    kb = KnowledgeBase.open(f"sqlite:///{base}", create=True)
    kb.init(MINI)
    kb.close()
    claims = _claims_file(root / "claims.jsonl")
    ucdp = _scaled_csv(_DATA / "ucdp_esd" / "v1-sample.csv", root / "ucdp.csv", 150, _ucdp_year)
    acled = _scaled_csv(_DATA / "acled" / "sample.csv", root / "acled.csv", 300, _acled_event)
    sys.path.insert(0, str(REPO / "bench"))
    from gdelt_generate import generate

    events = generate(root / "events.tsv", rows=200_000, columns=61, seed=3)
    ftm_file = _ftm_file(base, claims, root / "entities.ftm.json")
    docs = _documents(root / "docs")
    warm = start(root / "warm.log", ["--help"])  # the fork server starts (imports) here
    warm.join(120)
    files = tuple(p for p in input_files([docs]) if isinstance(p, Path))
    cases = [
        Case("claims load", lambda db: ["claims", "load", str(claims), "--db", db]),
        Case("ingest", lambda db: ["ingest", str(docs), "--db", db], files),
        Case("import ucdp-esd", lambda db: ["import", "ucdp-esd", str(ucdp), "--db", db]),
        Case("import acled", lambda db: ["import", "acled", str(acled), "--db", db]),
        Case("import gdelt", lambda db: ["import", "gdelt", str(events), "--db", db]),
        Case("import ftm", lambda db: ["import", "ftm", str(ftm_file), "--db", db]),
    ]
    return base, {c.name: c for c in cases}


def _claim_ids(db: Path) -> dict[str, str]:
    """Stored claims: id → document id."""
    with sqlite3.connect(db) as conn:
        return dict(conn.execute("SELECT id, document_id FROM claims").fetchall())


def _checks_pass(db: Path) -> bool:
    with sqlite3.connect(db) as conn:
        ok = conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        return ok and conn.execute("PRAGMA foreign_key_check").fetchall() == []


def _run(case: Case, db: Path, log: Path, kill_after: float | None = None) -> float:
    """Run the case's command on ``db``; kill it after ``kill_after`` s. Returns wall time."""
    began = time.perf_counter()
    process = start(log, case.args(f"sqlite:///{db}"))
    if kill_after is not None:
        process.join(kill_after)
        process.kill()
    process.join(300)
    assert process.exitcode in ((0, -9) if kill_after is not None else (0,)), log_of(log)
    return time.perf_counter() - began


def _whole_files_in_order(case: Case, stored: set[str], base: set[str],
                          by_doc: dict[str, set[str]]) -> bool:  # fmt: skip
    """``stored`` is the base plus the claims of the first k input files, for some k."""
    expected = set(base)
    if stored == expected:
        return True
    for path in case.files:
        for item in read_file(path):
            expected |= by_doc.get(getattr(item, "id", ""), set())
        if stored == expected:
            return True
    return False


@pytest.mark.parametrize("name", ["claims load", "ingest", "import ucdp-esd", "import acled",
                                  "import gdelt", "import ftm"])  # fmt: skip
def test_a_killed_write_leaves_nothing_or_everything_and_a_rerun_completes(
    setup: tuple[Path, dict[str, Case]], name: str, tmp_path: Path
) -> None:
    base_db, cases = setup
    case = cases[name]
    base = set(_claim_ids(base_db))
    full_db = tmp_path / "full.db"
    shutil.copy(base_db, full_db)
    length = _run(case, full_db, tmp_path / "full.log")
    full = _claim_ids(full_db)
    assert set(full) > base  # the input adds claims, so "nothing" and "everything" differ
    by_doc: dict[str, set[str]] = {}
    for claim_id, doc_id in full.items():
        if claim_id not in base:
            by_doc.setdefault(doc_id, set()).add(claim_id)
    rng = random.Random(f"crash-{name}")
    outcomes: list[str] = []
    for trial in range(TRIALS):
        db = tmp_path / f"trial-{trial}.db"
        shutil.copy(base_db, db)
        log = tmp_path / f"trial-{trial}.log"
        _run(case, db, log, kill_after=1.2 * length * (trial + rng.random()) / TRIALS)
        assert _checks_pass(db), f"trial {trial}: integrity check failed"
        stored = set(_claim_ids(db))
        if case.files:
            assert _whole_files_in_order(case, stored, base, by_doc), f"trial {trial}: part file"
        else:
            assert stored in (base, set(full)), f"trial {trial}: {len(stored - base)} claims"
        outcomes.append("nothing" if stored == base else "all" if stored == set(full) else "part")
        _run(case, db, log)
        assert set(_claim_ids(db)) == set(full), f"trial {trial}: the rerun differs"
        db.unlink()
    print(f"{name}: {length:.2f} s uninterrupted; after the kill {outcomes}")
