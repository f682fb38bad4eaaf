"""patron extract: claims printed with every field, nothing stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from patron.cli import extract
from patron.errors import InputError
from patron.model import Document
from patron.readers.documents import read_documents
from patron.vocab import VOCAB
from tests.factory import MINI, REPO, run_cli

EXAMPLES = REPO / "examples" / "documents"
CLAIM_FIELDS = {"id", "subject", "type", "object", "time", "magnitude", "route", "attribution",
                "stance", "grade", "evidence", "origin", "review"}


def _lines(out: str) -> list[dict[str, Any]]:
    return [json.loads(line) for line in out.splitlines()]


def test_jsonl_carries_every_claim_field_and_spans_into_the_document(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run_cli(capsys, "extract", str(EXAMPLES), "--format", "jsonl")
    assert code == 0, err
    records = _lines(out)
    assert len(records) >= 20
    texts = {d.id: d.text for d in read_documents([EXAMPLES]) if isinstance(d, Document)}
    for record in records:
        assert record.keys() >= CLAIM_FIELDS
        for side in (record["subject"], record["object"]):  # a candidate comes defined
            assert set(side) == {"id", "name"} or side["origin"] == "extract:candidate"
        assert record["stance"] in VOCAB.stances
        assert record["origin"].startswith("extract:")
        evidence = record["evidence"]
        text = texts[evidence["document"]]
        start, end = evidence["span"]
        assert text[start:end] == evidence["quote"]
        for key in ("subject_span", "object_span"):
            s, e = evidence[key]
            assert start <= s < e <= end
            assert text[s:e].strip() == text[s:e]  # a mention, not a slice of one


def test_extract_stores_nothing_and_creates_no_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    db = tmp_path / "none.db"
    code, out, err = run_cli(capsys, "extract", str(EXAMPLES / "houthis-iran.txt"),
                             "--db", f"sqlite:///{db}", "-f", "jsonl")
    assert code == 0, err
    assert out.strip()
    assert not db.exists()


def test_output_file_holds_what_stdout_would_and_no_part_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "claims.jsonl"
    code, printed, err = run_cli(capsys, "extract", str(EXAMPLES), "-f", "jsonl")
    assert code == 0, err
    code, out, err = run_cli(capsys, "extract", str(EXAMPLES), "-f", "jsonl", "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8") == printed
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


def _failing_after_first_document(paths: list[Path]) -> Any:
    """The examples' first document, then a malformed file."""
    yield next(d for d in read_documents(paths) if isinstance(d, Document) and d.text
               and "Iran" in d.text)
    raise InputError("bad JSON", file="broken.jsonl", line=2, field="text")


def test_jsonl_is_written_as_documents_are_read(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(extract, "read_documents", _failing_after_first_document)
    code, out, err = run_cli(capsys, "extract", str(EXAMPLES), "-f", "jsonl")
    assert code == 2
    assert "broken.jsonl:2: text: bad JSON" in err
    assert _lines(out)  # the first document's claims were out before the failure


def test_failed_run_leaves_an_earlier_output_file_as_it_was(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    target = tmp_path / "claims.jsonl"
    target.write_text("earlier\n", encoding="utf-8")
    monkeypatch.setattr(extract, "read_documents", _failing_after_first_document)
    code, _, _ = run_cli(capsys, "extract", str(EXAMPLES), "-f", "jsonl", "-o", str(target))
    assert code == 2
    assert target.read_text(encoding="utf-8") == "earlier\n"
    assert [p.name for p in tmp_path.iterdir()] == ["claims.jsonl"]


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
def test_collected_formats_name_the_same_claims(
    capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    code, out, err = run_cli(capsys, "extract", str(EXAMPLES / "qatar-turkey-hamas.txt"),
                             "-f", fmt)
    assert code == 0, err
    assert "hamas" in out.lower()
    if fmt == "json":
        assert all(r.keys() >= CLAIM_FIELDS for r in json.loads(out))


def test_unreadable_file_is_reported_and_the_run_goes_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "blob.txt").write_bytes(bytes(range(256)) * 4)
    (tmp_path / "note.txt").write_text(
        "Iran has supplied the Houthis with drones and missile parts, according to a UN panel.",
        encoding="utf-8",
    )
    code, out, err = run_cli(capsys, "extract", str(tmp_path), "-f", "jsonl")
    assert code == 0, err
    assert "skipped" in err and "blob.txt" in err
    pairs = {(r["subject"]["id"], r["type"], r["object"]["id"]) for r in _lines(out)}
    assert ("iran", "arms", "houthis") in pairs
    assert {r["stance"] for r in _lines(out)} == {"reported"}


def test_extracted_claims_load_into_a_knowledge_base_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """`patron extract … -f jsonl | patron claims load` (here through a file)."""
    claims = tmp_path / "claims.jsonl"
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    assert run_cli(capsys, "extract", str(EXAMPLES), "-f", "jsonl", "-o", str(claims))[0] == 0
    assert run_cli(capsys, "init", "--db", url)[0] == 0
    extracted = len(claims.read_text(encoding="utf-8").splitlines())
    code, _, err = run_cli(capsys, "claims", "load", "-i", str(claims), "--db", url)
    assert code == 0, err
    assert f"read {extracted} claims: {extracted} new" in err
    code, _, err = run_cli(capsys, "claims", "load", "-i", str(claims), "--db", url)
    assert code == 0, err
    assert f"read {extracted} claims: 0 new" in err


def test_extracted_candidate_actors_load_with_their_claims(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Organisations and people the gazetteer lacks travel defined in the claims."""
    monkeypatch.setenv("PATRON_DATA_DIR", str(MINI))
    monkeypatch.setenv("PATRON_RELATIONS", "rules")
    claims = tmp_path / "claims.jsonl"
    assert run_cli(capsys, "extract", str(EXAMPLES), "-f", "jsonl", "-o", str(claims))[0] == 0
    records = _lines(claims.read_text(encoding="utf-8"))
    candidates = {r[side]["id"] for r in records for side in ("subject", "object")
                  if "kind" in r[side]}  # fmt: skip
    assert candidates and all(c.startswith("new-") for c in candidates)
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    assert run_cli(capsys, "init", "--db", url, "--no-datasets")[0] == 0
    code, _, err = run_cli(capsys, "claims", "load", "-i", str(claims), "--db", url)
    assert code == 0, err
    assert err.strip().endswith(f", {len(candidates)} new actor" + "s" * (len(candidates) > 1))


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_a_missing_path_exits_2_before_reading_anything(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "nope"
    args = [command, str(EXAMPLES), str(missing)]
    if command == "ingest":
        args += ["--db", f"sqlite:///{tmp_path / 'kb.db'}"]
    code, out, err = run_cli(capsys, *args)
    assert code == 2
    assert err.strip().endswith(f"error: {missing}: no such file or folder")
    assert out == ""


@pytest.mark.parametrize("command", ["extract", "ingest"])
def test_an_empty_folder_says_nothing_was_read(
    command: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.docx").write_bytes(b"not a kind we read")
    args = [command, str(empty), "--format", "jsonl"] if command == "extract" else [
        command, str(empty), "--db", f"sqlite:///{tmp_path / 'kb.db'}"]
    if command == "ingest":
        assert run_cli(capsys, "init", "--no-datasets", "--db", args[-1])[0] == 0
    code, _, err = run_cli(capsys, *args)
    assert code == 0, err
    assert "nothing was read: no documents" in err and str(empty) in err
