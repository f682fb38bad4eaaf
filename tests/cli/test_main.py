"""The command-line contract of DESIGN.md: formats, name resolution, exit codes."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from tests.factory import MINI, run_cli


@pytest.fixture
def db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    code, _, err = run_cli(capsys, "init", "--db", url, "--data-dir", str(MINI))
    assert code == 0, err
    return url


def _json(capsys: pytest.CaptureFixture[str], *args: str) -> object:
    code, out, err = run_cli(capsys, *args)
    assert code == 0, err
    return json.loads(out)


def test_who_backs_gives_one_answer_for_every_name_of_hamas(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = [
        _json(capsys, "who-backs", name, "--db", db, "--format", "json")
        for name in ("Hamas", "Harakat al-Muqawamah al-Islamiyyah", "حماس")
    ]
    assert answers[0] == answers[1] == answers[2]
    patrons = answers[0]["patrons"]  # type: ignore[index]
    assert patrons[0]["actor"] == {"id": "iran", "name": "Iran", "kind": "state", "part_of": None}
    first = patrons[0]["claims"][0]
    assert {
        "id",
        "subject",
        "type",
        "object",
        "time",
        "magnitude",
        "route",
        "attribution",
        "stance",
        "grade",
        "evidence",
        "origin",
        "review",
        "source",
    } <= set(first)
    assert first["subject"] == {"id": "iran", "name": "Iran"}
    assert {"subject_span", "object_span", "quote", "document"} <= set(first["evidence"])


@pytest.mark.parametrize("wide", [False, True])
def test_table_shows_time_stance_grade_and_source(
    db: str, wide: bool, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, out, _ = run_cli(capsys, "who-backs", "Hamas", "--db", db, *(["--wide"] if wide else []))
    assert code == 0
    for text in (
        "Iran",
        "Qatar",
        "since 2012",
        "reported",
        "C3",
        "Test Wire",
        "USD 100M/year",
        "Sudan → Egypt",
    ):
        assert text in out


def test_unknown_actor_exits_2_with_candidates(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run_cli(capsys, "who-backs", "Hamsa", "--db", db)
    assert code == 2
    assert out == ""
    assert "unknown actor 'Hamsa'" in err and "Hamas (hamas)" in err
    assert len(err.strip().splitlines()) == 1


def test_until_before_since_is_an_input_error(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(
        capsys, "who-backs", "Hamas", "--since", "2016", "--until", "2013", "--db", db
    )
    assert code == 2 and "--until" in err


def test_type_filter_refuses_non_support_types(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run_cli(capsys, "who-backs", "Hamas", "--type", "attack", "--db", db)
    assert code == 2 and "not a support type" in err


@pytest.mark.parametrize("fmt", ["table", "json", "jsonl", "csv"])
def test_every_data_command_takes_every_format(
    db: str, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    for args in (
        ["who-backs", "Hamas"],
        ["backed-by", "Iran"],
        ["actor", "Hamas"],
        ["actors", "--kind", "state"],
        ["claims", "--actor", "Hamas"],
    ):
        code, out, err = run_cli(capsys, *args, "--db", db, "--format", fmt)
        assert code == 0, (args, err)
        assert out.strip(), args
        if fmt == "jsonl":
            assert all(json.loads(line) for line in out.splitlines())
        if fmt == "csv":
            assert list(csv.DictReader(io.StringIO(out)))


def test_claims_filters_by_stance_and_origin(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    rows = _json(capsys, "claims", "--stance", "denied", "--db", db, "-f", "json")
    assert [(r["subject"]["id"], r["type"]) for r in rows] == [("qatar", "arms")]  # type: ignore[union-attr]
    rows = _json(capsys, "claims", "--origin", "import", "--db", db, "-f", "json")
    assert rows == []


def test_listing_loads_back_without_duplicates(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run_cli(capsys, "claims", "--db", db, "-f", "jsonl")
    dump = tmp_path / "all.jsonl"
    dump.write_text(out, encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(dump), "--db", db)
    assert code == 0, err
    assert "0 new" in err


def test_bad_line_in_a_load_stores_nothing_from_the_file(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = {"title": "T", "publisher": "P", "url": "https://example.org/t"}
    good = {
        "subject": "Iran",
        "type": "training",
        "object": "Hamas",
        "time": {"start": "2021"},
        "source": source,
    }
    bad = {**good, "type": "trainin"}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(good) + "\n" + json.dumps(bad) + "\n", encoding="utf-8")
    _refused_whole(capsys, db, path, f"error: {path}:2: type: unknown claim type 'trainin'")


def _refused_whole(capsys: pytest.CaptureFixture[str], db: str, path: Path, error: str) -> None:
    """Loading ``path`` exits 2 with exactly ``error`` and stores nothing from it."""
    before = _json(capsys, "claims", "--db", db, "-f", "json")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db)
    assert code == 2
    assert err.strip() == error
    assert _json(capsys, "claims", "--db", db, "-f", "json") == before


def test_a_score_outside_zero_to_one_is_refused_with_its_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = {"title": "T", "publisher": "P", "url": "https://example.org/t"}
    claim = {"subject": "Iran", "type": "training", "object": "Hamas", "source": source,
             "score": 7}
    path = tmp_path / "in.jsonl"
    path.write_text(json.dumps(claim) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db)
    assert code == 2
    assert err.startswith(f"error: {path}:1: score:"), err


def test_export_writes_a_file_of_every_claim(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "claims.csv"
    code, _, _ = run_cli(capsys, "export", "csv", "-o", str(out), "--db", db)
    assert code == 0
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 7
    assert {
        "subject.id",
        "subject.name",
        "time.start",
        "stance",
        "grade",
        "source.url",
        "evidence.document",
    } <= set(rows[0])


def test_command_on_missing_knowledge_base_says_run_init(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run_cli(
        capsys, "who-backs", "Hamas", "--db", f"sqlite:///{tmp_path / 'none.db'}"
    )
    assert code == 2 and "patron init" in err


_SOURCE = {"title": "T", "publisher": "P", "url": "https://example.org/t"}


def test_a_claims_file_that_is_not_utf8_is_refused_with_its_line(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = {"subject": "Iran", "type": "training", "object": "Hamas", "source": _SOURCE}
    path = tmp_path / "latin1.jsonl"
    latin1 = '{"subject": "Ir\xe1n"}\n'.encode("latin-1")
    path.write_bytes(json.dumps(good).encode() + b"\n" + latin1)
    _refused_whole(capsys, db, path,
                   f"error: {path}:2: encoding: not UTF-8: byte 0xe1 at column 16")


def test_a_time_window_leaves_undated_claims_out_and_says_how_many(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    undated = {"subject": "Qatar", "type": "funding", "object": "Hamas", "source": _SOURCE,
               "stance": "reported"}
    path = tmp_path / "undated.jsonl"
    path.write_text(json.dumps(undated) + "\n", encoding="utf-8")
    assert run_cli(capsys, "claims", "load", str(path), "--db", db)[0] == 0

    def qatar_funding(*window: str) -> tuple[bool, str]:
        code, out, err = run_cli(capsys, "who-backs", "Hamas", *window, "--db", db, "-f", "json")
        assert code == 0, err
        doc = json.loads(out)
        found = any(p["actor"]["id"] == "qatar" and "funding" in p["types"]
                    for p in doc["patrons"])
        return found, err

    assert qatar_funding() == (True, "")
    found, err = qatar_funding("--since", "2010", "--until", "2012")
    assert not found
    assert "1 claim with no date left out of the time window" in err


@pytest.fixture
def with_extracted(db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """The mini base plus one machine-extracted claim nobody reviewed (Qatar arms Hamas)."""
    made = {"subject": "Qatar", "type": "arms", "object": "Hamas", "source": _SOURCE,
            "time": {"start": "2021"}, "origin": "extract:rules@0.1", "stance": "reported",
            "grade": "C3"}
    path = tmp_path / "made.jsonl"
    path.write_text(json.dumps(made) + "\n", encoding="utf-8")
    assert run_cli(capsys, "claims", "load", str(path), "--db", db)[0] == 0
    return db


def _has_qatar_arms(out: str) -> bool:
    doc = json.loads(out)
    return any(p["actor"]["id"] == "qatar" and "arms" in p["types"] for p in doc["patrons"])


def test_unreviewed_extracted_claims_are_left_out_by_default_and_counted(
    with_extracted: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PATRON_UNREVIEWED", raising=False)
    code, out, err = run_cli(capsys, "who-backs", "Hamas", "--db", with_extracted, "-f", "json")
    assert code == 0 and not _has_qatar_arms(out)
    assert "1 machine-extracted claim awaiting review left out" in err
    code, out, err = run_cli(capsys, "who-backs", "Hamas", "--unreviewed", "include",
                             "--db", with_extracted, "-f", "json")
    assert code == 0 and _has_qatar_arms(out) and "awaiting review" not in err
    monkeypatch.setenv("PATRON_UNREVIEWED", "include")
    code, out, _ = run_cli(capsys, "who-backs", "Hamas", "--db", with_extracted, "-f", "json")
    assert code == 0 and _has_qatar_arms(out)
    # the claims listing is the raw record: everything, with its origin
    code, out, _ = run_cli(capsys, "claims", "--db", with_extracted, "-f", "jsonl")
    assert any(json.loads(line)["origin"] == "extract:rules@0.1" for line in out.splitlines())


def test_tables_mark_what_is_extracted_and_imported_beside_its_source(
    with_extracted: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "120")
    code, out, _ = run_cli(capsys, "who-backs", "Hamas", "--unreviewed", "include",
                           "--db", with_extracted)
    assert code == 0
    assert "[extracted, unreviewed]" in out
    code, out, _ = run_cli(capsys, "who-backs", "Hamas", "--unreviewed", "include", "--wide",
                           "--db", with_extracted)
    assert "Origin" in out and "extracted, unreviewed" in out and "curated" in out


def test_a_bad_unreviewed_setting_is_an_input_error(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PATRON_UNREVIEWED", "sometimes")
    code, _, err = run_cli(capsys, "who-backs", "Hamas", "--db", db)
    assert code == 2
    assert err.strip() == (
        "error: PATRON_UNREVIEWED: unknown value 'sometimes'; one of include, exclude")


@pytest.mark.parametrize("columns", [80, 100])
def test_default_tables_fit_the_terminal_and_never_cut_a_date(
    db: str, columns: int, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    code, out, _ = run_cli(capsys, "who-backs", "Hamas", "--db", db)
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert lines[-1].strip().startswith("one row per type")  # the caption, whole
    times = [line.split("│")[3].strip() for line in lines if line.count("│") >= 5]
    assert times and not any("…" in t for t in times)


def test_a_claim_may_name_a_stored_source_by_its_id(
    db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    by_id = {"subject": "Qatar", "type": "diplomatic", "object": "Hamas",
             "time": {"start": "2022"}, "source": "test-report"}  # defined in mini.yaml
    path = tmp_path / "by-id.jsonl"
    path.write_text(json.dumps(by_id) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db)
    assert code == 0, err
    rows = _json(capsys, "claims", "--subject", "Qatar", "--type", "diplomatic",
                 "--db", db, "-f", "json")
    assert any(r["source"]["title"] == "A report written for the test suite"
               for r in rows)  # type: ignore[union-attr]
    unknown = {**by_id, "source": "no-such-source"}
    path.write_text(json.dumps(unknown) + "\n", encoding="utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db)
    assert code == 2
    assert err.startswith(f"error: {path}:1: source: unknown source 'no-such-source'")


def test_actor_and_who_backs_say_which_sources_back_a_tie_and_since_when(
    db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    profile = _json(capsys, "actor", "Hamas", "--db", db, "-f", "json")
    iran = next(p for p in profile["patrons"] if p["actor"]["id"] == "iran")  # type: ignore[index]
    assert iran["by_source"] and all(s["time"]["start"] and s["citation"]
                                     for s in iran["by_source"])
    backing = _json(capsys, "who-backs", "Hamas", "--db", db, "-f", "json")
    first = backing["patrons"][0]  # type: ignore[index]
    assert first["by_source"] == iran["by_source"]


def test_the_claims_listing_fits_the_terminal_and_never_cuts_a_stance(
    db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("COLUMNS", "80")
    code, out, _ = run_cli(capsys, "claims", "--db", db)
    assert code == 0
    assert max(len(line) for line in out.splitlines()) <= 80
    assert "…" not in out
    assert "asserted · B2" in out or "reported · C3" in out
