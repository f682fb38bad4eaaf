"""The printed forms: flat CSV rows, json/jsonl/csv/table output, notes on stderr, and
output files written whole or not at all."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from rich.table import Table

from patron.cli.output import (
    Format,
    emit,
    flatten,
    note_undated,
    note_unreviewed,
    written,
)

ROWS = [{"rank": 1, "actor": {"id": "iran", "name": "Iran"}, "claims": ["clm-a", "clm-b"]},
        {"rank": 2, "actor": {"id": "qatar", "name": "Qatar"}, "claims": []}]


def test_flatten_joins_nested_keys_and_lists() -> None:
    assert flatten({"subject": {"id": "iran", "name": "Iran"}, "time": {"start": "2017"},
                    "route": [{"id": "sudan"}, {"id": "egypt"}], "tags": ["a", 2],
                    "grade": "B2"}) == {
        "subject.id": "iran", "subject.name": "Iran", "time.start": "2017",
        "route": "sudan|egypt", "tags": "a|2", "grade": "B2"}


def _emitted(fmt: Format, **kwargs: object) -> str:
    out = io.StringIO()
    emit(fmt, out=out, **kwargs)  # type: ignore[arg-type]
    return out.getvalue()


def test_json_prints_the_document_when_there_is_one() -> None:
    text = _emitted(Format.json, rows=ROWS, document={"analysis": "patrons", "rows": 2})
    assert json.loads(text) == {"analysis": "patrons", "rows": 2}
    assert text.endswith("}\n") and "\n  " in text  # indented


def test_json_prints_the_rows_as_a_list_without_a_document() -> None:
    assert json.loads(_emitted(Format.json, rows=iter(ROWS))) == ROWS


def test_jsonl_prints_one_row_a_line_unescaped() -> None:
    rows = [{"name": "Kata’ib Hezbollah"}, {"name": "Hamas"}]
    assert _emitted(Format.jsonl, rows=rows) == (
        '{"name": "Kata’ib Hezbollah"}\n{"name": "Hamas"}\n')


def test_csv_has_a_header_of_every_column_and_flat_rows() -> None:
    rows = [{"actor": {"id": "iran"}, "score": 0.5}, {"actor": {"id": "qatar"}, "note": "x"}]
    assert _emitted(Format.csv, rows=rows) == (
        "actor.id,score,note\niran,0.5,\nqatar,,x\n")


def test_csv_writes_a_would_be_formula_as_text() -> None:
    rows = [{"quote": '=HYPERLINK("http://example.org")', "change": -0.25}]
    assert _emitted(Format.csv, rows=rows) == (
        'quote,change\n"\'=HYPERLINK(""http://example.org"")",-0.25\n')


def test_table_prints_the_table_not_the_rows() -> None:
    def table() -> Table:
        t = Table("rank", "actor")
        for row in ROWS:
            t.add_row(str(row["rank"]), row["actor"]["name"])  # type: ignore[index]
        return t

    lines = _emitted(Format.table, rows=ROWS, table=table).splitlines()
    assert [line.split() for line in lines if "Iran" in line or "Qatar" in line] == [
        ["│", "1", "│", "Iran", "│"], ["│", "2", "│", "Qatar", "│"]]
    assert "clm-a" not in "\n".join(lines)


def test_table_without_a_table_falls_back_to_jsonl() -> None:
    assert _emitted(Format.table, rows=ROWS[:1]) == json.dumps(ROWS[0]) + "\n"


def test_format_names_are_the_cli_choices() -> None:
    assert [f.value for f in Format] == ["table", "json", "jsonl", "csv"]


def test_notes_say_how_many_were_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    note_undated(1)
    note_unreviewed(1200)
    note_undated(0)
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        "1 claim with no date left out of the time window (drop --since/--until/--as-of to "
        "see them)",
        "1,200 machine-extracted claims awaiting review left out (--unreviewed include to "
        "see them, marked)",
    ]


def test_written_replaces_the_file_only_when_the_block_ends(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with written(target) as stream:
        stream.write("new\n")
        assert target.read_text(encoding="utf-8") == "old\n"  # not yet
    assert target.read_text(encoding="utf-8") == "new\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]


def test_written_keeps_the_old_file_on_an_error(tmp_path: Path) -> None:
    target = tmp_path / "out.jsonl"
    target.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), written(target) as stream:
        stream.write("half")
        raise RuntimeError("stopped")
    assert target.read_text(encoding="utf-8") == "old\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.jsonl"]  # no .part left


def test_written_without_a_file_is_stdout(capsys: pytest.CaptureFixture[str]) -> None:
    with written(None) as stream:
        stream.write("to the terminal\n")
    assert capsys.readouterr().out == "to the terminal\n"
