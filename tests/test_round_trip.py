"""Round trips: ``export jsonl`` → fresh ``init`` → ``claims load`` → ``export jsonl`` is
byte-identical; FtM export → import into an empty knowledge base keeps every claim."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from patron.interop import ftm
from patron.kb import KnowledgeBase
from patron.sources import acled, gdelt
from patron.sources import ftm as ftm_import
from patron.sources.importing import ActorBook, store_batch
from patron.store import ClaimFilter, Store
from tests.factory import MINI, REPO, run_cli

sys.path.insert(0, str(REPO / "bench"))
from gdelt_generate import generate

EXAMPLES = REPO / "examples" / "documents"
ACLED = REPO / "tests" / "data" / "acled" / "sample.csv"

_EVERY_FIELD = [
    {"subject": "iran", "type": "funding", "object": "hamas",
     "time": {"start": "2019-03", "end": "2019-11-30"},
     "magnitude": {"amount": 3.5e7, "currency": "USD", "per": "month"},
     "route": ["sudan", "egypt", "sinai"], "attribution": {"by": "A minister", "date": "2019-12"},
     "stance": "disputed", "grade": "C3", "review": "accepted", "score": 0.73,
     "origin": "extract:rules@0.1",
     "source": {"title": "Round trip", "publisher": "Tests", "published": "2019-12-02",
                "url": "https://example.org/rt", "kind": "news"},
     "evidence": {"quote": "Iran sent money « through » Sudan.", "span": [10, 44],
                  "subject_span": [10, 14], "object_span": [30, 35]},
     "statement": "Ünïcode, \"quotes\", =formulas and <tags> survive."},
    {"subject": "qatar", "type": "safe_haven", "object": "hamas", "time": {"start": "2012"},
     "stance": "denied", "grade": "A1", "review": "rejected",
     "source": {"title": "Second", "url": "https://example.org/rt2"}},
]  # fmt: skip


def _export_jsonl(db: str, capsys: pytest.CaptureFixture[str]) -> str:
    code, out, err = run_cli(capsys, "export", "jsonl", "--db", db)
    assert code == 0, err
    return out


def test_export_init_load_export_is_byte_identical(
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    kb = KnowledgeBase.open(db_url, create=True)
    kb.init(MINI)
    claims = tmp_path / "every-field.jsonl"
    claims.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in _EVERY_FIELD),
                      encoding="utf-8")  # fmt: skip
    kb.load_claims([claims])
    events = generate(tmp_path / "events.tsv", rows=20_000, columns=61, seed=5)
    assert store_batch(kb, gdelt.read([events], ActorBook.of(kb))).claims_new > 0
    kb.close()
    first = _export_jsonl(db_url, capsys)
    dump = tmp_path / "export.jsonl"
    dump.write_text(first, encoding="utf-8")

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert run_cli(capsys, "init", "--db", fresh, "--data-dir", str(MINI), "--no-datasets")[0] == 0
    code, _, err = run_cli(capsys, "claims", "load", str(dump), "--db", fresh)
    assert code == 0, err
    assert _export_jsonl(fresh, capsys) == first
    assert {"accepted", "rejected", "proposed"} <= {json.loads(x)["review"]
                                                   for x in first.splitlines()}  # fmt: skip


def _ftm(store: Store) -> str:
    out = io.StringIO()
    ftm.export(store, ClaimFilter(), out)
    return out.getvalue()


def test_ftm_export_import_keeps_every_claim_and_minted_actor(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    kb.ingest([EXAMPLES])  # candidate actors found by extraction
    store_batch(kb, acled.read(ACLED, ActorBook.of(kb)))  # actors the import mints
    first = _ftm(kb.store)
    path = tmp_path / "kb.ftm.jsonl"
    path.write_text(first, encoding="utf-8")
    empty = KnowledgeBase(Store.open(f"sqlite:///{tmp_path / 'empty.db'}", create=True))
    store_batch(empty, ftm_import.read(path, ActorBook.of(empty)))
    fields = ("id", "subject", "type", "object", "stance", "grade", "origin", "review", "score")
    keep = {tuple(c.model_dump()[f] for f in fields) for c in kb.store.claims()}
    assert {tuple(c.model_dump()[f] for f in fields) for c in empty.store.claims()} == keep
    assert {c.origin.split(":")[0] for c in empty.store.claims()} >= {"curated", "import"}
    assert _ftm(empty.store) == first
    empty.close()
