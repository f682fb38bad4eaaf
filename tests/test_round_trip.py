"""Round trips: ``export jsonl`` → fresh ``init`` → ``claims load`` → ``export jsonl`` is
byte-identical, actors that extraction and imports made and reviews included; FtM export → import
into an empty knowledge base keeps every claim."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from patron.importers import acled, gdelt, ucdp_esd
from patron.importers import ftm as ftm_import
from patron.importers.batch import ActorBook, store_batch
from patron.interop import ftm
from patron.kb import KnowledgeBase
from patron.model import Actor
from patron.store import ClaimFilter, Store, reviews
from tests.factory import MINI, REPO, run_cli

sys.path.insert(0, str(REPO / "bench"))
from gdelt_generate import generate

EXAMPLES = REPO / "examples" / "documents"
ACLED = REPO / "tests" / "data" / "acled" / "sample.csv"
UCDP = sorted((REPO / "tests" / "data" / "ucdp_esd").glob("*.csv"))

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
    db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kb = KnowledgeBase.open(db_url, create=True)
    kb.init(MINI)
    claims = tmp_path / "every-field.jsonl"
    claims.write_text("".join(json.dumps(c, ensure_ascii=False) + "\n" for c in _EVERY_FIELD),
                      encoding="utf-8")  # fmt: skip
    kb.load_claims([claims])
    events = generate(tmp_path / "events.tsv", rows=20_000, columns=61, seed=5)
    assert store_batch(kb, gdelt.read([events], ActorBook.of(kb))).claims_new > 0
    monkeypatch.setenv("PATRON_RELATIONS", "rules")  # the rules find the same candidates always
    assert kb.ingest([EXAMPLES]).actors_new > 0  # candidate actors found by extraction
    assert store_batch(kb, acled.read(ACLED, ActorBook.of(kb))).actors_created > 0
    for path in UCDP:  # actors the imports mint, with aliases
        assert store_batch(kb, ucdp_esd.read(path, ActorBook.of(kb))).actors_created > 0
    machine = [c for c in kb.store.claims() if c.origin.startswith("extract")][:3]
    reviews.review(kb.store, machine[0].id, "accepted", by="ana", grade="B2",
                   comment='checked <b>"twice"</b>')  # fmt: skip
    reviews.add_comment(kb.store, machine[0].id, "still holds", by="bo")
    fixed = reviews.correct(kb.store, machine[1].id, {"stance": "alleged"}, by="ana")
    other = "funding" if machine[2].type != "funding" else "training"
    moved = reviews.correct(kb.store, machine[2].id, {"type": other}, by="bo")
    assert fixed is not None and moved is not None and moved.claim is not None
    kb.close()
    first = _export_jsonl(db_url, capsys)
    dump = tmp_path / "export.jsonl"
    dump.write_text(first, encoding="utf-8")

    fresh = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert run_cli(capsys, "init", "--db", fresh, "--data-dir", str(MINI), "--no-datasets")[0] == 0
    code, _, err = run_cli(capsys, "claims", "load", str(dump), "--db", fresh)
    assert code == 0, err
    assert _export_jsonl(fresh, capsys) == first
    records = [json.loads(x) for x in first.splitlines()]
    assert {"accepted", "rejected", "proposed"} <= {r["review"] for r in records}
    trails = {r["id"]: r for r in records if "reviews" in r}
    assert set(trails) == {*(c.id for c in machine), moved.claim.id}
    assert [x["by"] for x in trails[machine[0].id]["reviews"]] == ["ana", "bo"]
    assert trails[machine[0].id]["grade"] == "B2"  # as it stands after its review...
    assert trails[machine[0].id]["stored"]["review"] == "proposed"  # ...and as stored
    assert trails[machine[1].id]["stance"] == "alleged"
    assert trails[machine[2].id]["reviews"][-1]["corrected"] == moved.claim.id
    defined = {r[side]["id"]: r[side] for r in records for side in ("subject", "object")
               if "kind" in r[side]}  # fmt: skip
    assert {d["origin"] for d in defined.values()} == {"extract:candidate", "import"}
    assert any(d.get("aliases") for d in defined.values())
    loaded = KnowledgeBase.open(fresh)
    assert {a.id: a for a in loaded.store.actors(defined)} == {
        i: Actor.model_validate({k: v for k, v in d.items() if k != "origin"})
        for i, d in defined.items()
    }
    loaded.close()


def test_a_loaded_definition_makes_its_actor_with_the_claims_or_not_at_all(
    kb: KnowledgeBase, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    brigade = {"id": "new-test-brigades", "name": "Test Brigades", "kind": "armed_group",
               "origin": "extract:candidate"}
    good = {"subject": "iran", "type": "arms", "object": brigade, "time": {"start": "2021"},
            "source": {"title": "T", "url": "https://example.org/brigades"}}
    bad = {**good, "object": "new-no-such-group"}  # unknown, and not defined
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db_url)
    assert code == 2
    assert err.strip() == f"error: {path}:2: object: unknown actor 'new-no-such-group'"
    assert kb.store.actor("new-test-brigades") is None  # all or nothing
    later = {**good, "object": "new-test-brigades"}  # defined on an earlier line: enough
    path.write_text(json.dumps(good) + "\n" + json.dumps(later) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db_url)
    assert code == 0, err
    assert err.strip().endswith(", 1 new actor")
    made = kb.store.made_actors(["new-test-brigades", "iran"])
    assert {i: (a.name, a.kind, o) for i, (a, o) in made.items()} == {
        "new-test-brigades": ("Test Brigades", "armed_group", "extract:candidate")}
    redefined = {**good, "object": {**brigade, "name": "Other"}}  # a known actor stays as it is
    path.write_text(json.dumps(redefined) + "\n", encoding="utf-8")
    assert run_cli(capsys, "claims", "load", str(path), "--db", db_url)[0] == 0
    assert kb.store.actor("new-test-brigades").name == "Test Brigades"  # type: ignore[union-attr]


@pytest.mark.parametrize(("definition", "field"), [
    ({"id": "new-x", "name": "X", "kind": "army"}, "object.kind"),
    ({"id": "New X", "name": "X", "kind": "armed_group"}, "object.id"),
    ({"id": "new-x", "kind": "armed_group"}, "object.name"),
    ({"id": "new-x", "name": "X", "kind": "armed_group", "colour": "red"}, "object.colour"),
    ({"id": "new-x", "name": "X", "kind": "armed_group", "origin": "gazetteer"}, "object.origin"),
])  # fmt: skip
def test_a_bad_definition_is_refused_with_its_line_and_field(
    kb: KnowledgeBase, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    definition: dict[str, str], field: str,
) -> None:
    record = {"subject": "iran", "type": "arms", "object": definition,
              "source": {"title": "T", "url": "https://example.org/bad"}}
    path = tmp_path / "in.jsonl"
    path.write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db_url)
    assert code == 2
    assert err.startswith(f"error: {path}:2: {field}:"), err


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


@pytest.mark.parametrize(("trail", "field"), [
    ("accepted", "reviews"),
    (["accepted"], "reviews[0]"),
    ([{"status": "fine", "stance": "asserted", "grade": "B2", "at": "2026-12-01T10:00:00"}],
     "reviews[0].status"),
    ([{"status": "accepted", "stance": "asserted", "grade": "B", "at": "2026-12-01T10:00:00"}],
     "reviews[0].grade"),
    ([{"status": "accepted", "stance": "asserted", "grade": "B2", "at": "yesterday"}],
     "reviews[0].at"),
    ([{"status": "accepted", "stance": "asserted", "grade": "B2"}], "reviews[0].at"),
    ([{"status": "accepted", "stance": "asserted", "grade": "B2", "at": "2026-12-01T10:00:00",
       "corrected": "clm-x"}], "reviews[0].corrected"),
])  # fmt: skip
def test_a_bad_review_row_is_refused_with_its_line_and_field(
    kb: KnowledgeBase, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    trail: object, field: str,
) -> None:
    record = {"subject": "iran", "type": "arms", "object": "hamas", "reviews": trail,
              "source": {"title": "T", "url": "https://example.org/reviewed"}}
    path = tmp_path / "in.jsonl"
    path.write_text("\n" + json.dumps(record) + "\n", encoding="utf-8")
    before = kb.store.count()
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db_url)
    assert code == 2
    assert err.startswith(f"error: {path}:2: {field}:"), err
    assert kb.store.count() == before


def test_loading_a_trail_twice_stores_it_once(
    kb: KnowledgeBase, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    row = {"status": "rejected", "stance": "alleged", "grade": "C3",
           "at": "2026-12-01T10:00:00.000+00:00", "by": "ana", "comment": "no second source"}
    record = {"subject": "iran", "type": "arms", "object": "hamas", "reviews": [row],
              "source": {"title": "T", "url": "https://example.org/twice"}}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(record) + "\n", encoding="utf-8")
    for _ in range(2):
        assert run_cli(capsys, "claims", "load", str(path), "--db", db_url)[0] == 0
    (claim,) = [c for c in kb.store.claims() if c.evidence.document and "twice" in (
        kb.store.document(c.evidence.document).url or "")]  # type: ignore[union-attr]
    assert (claim.review, claim.stance) == ("rejected", "alleged")
    assert [r.comment for r in reviews.history(kb.store, claim.id)] == ["no second source"]
