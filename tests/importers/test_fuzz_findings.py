"""The smallest inputs the importer fuzz tests (test_fuzz.py) found that raised a
traceback or an error without its line: each is now an InputError naming file, line
and field."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from patron.importers import ftm, gdelt, ucdp_esd
from tests.fuzzing import book, raised

_V18 = ",".join(ucdp_esd._V18_COLUMNS)


def _gdelt_line(**values: str) -> str:
    base = {"GLOBALEVENTID": "1", "SQLDATE": "20240305", "EventCode": "071",
            "Actor1Code": "IRNGOV", "Actor1Name": "IRAN", "Actor2Code": "PSEREB",
            "Actor2Name": "HAMAS", "Actor2KnownGroupCode": "HMS"}  # fmt: skip
    return "\t".join({**base, **values}.get(n, "") for n in gdelt.LAYOUTS[61])


@pytest.mark.parametrize("value", ["inf", "nan", "1e400"])
def test_a_count_that_is_not_finite_names_line_and_column(tmp_path: Path, value: str) -> None:
    zeros = ",".join(["0"] * (len(ucdp_esd._V18_COLUMNS) - 11))
    path = tmp_path / "ay.csv"
    path.write_text(f"{_V18}\n{value},1,Hamas,1,,Iran,1,1,1,0,Israel,{zeros}\n", "utf-8")
    err = raised(ucdp_esd.read, path, book())
    assert (err.line, err.field) == (2, "year")


def test_a_ucdp_actor_id_that_is_not_a_number_names_line_and_column(tmp_path: Path) -> None:
    zeros = ",".join(["0"] * (len(ucdp_esd._V18_COLUMNS) - 11))
    path = tmp_path / "ay.csv"
    path.write_text(f"{_V18}\n2008,1.5,nobody,0,\"1,2\",iran,1,0,0,0,0,{zeros}\n", "utf-8")
    err = raised(ucdp_esd.read, path, book())
    assert (err.line, err.field) == (2, "actor_id")


def test_gdelt_line_endings_mixed_in_one_file_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    one, two = _gdelt_line(SOURCEURL="https://a.example"), _gdelt_line(SOURCEURL="0")
    path.write_bytes(f"{one}\n{two}\r\n".encode())
    err = raised(gdelt.read, [path], book())
    assert (err.file, err.line) == (str(path), 2)


def test_gdelt_errors_in_a_zip_member_name_the_archive_and_member(tmp_path: Path) -> None:
    path = tmp_path / "day.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("day.export.CSV", _gdelt_line(SQLDATE="x") + "\n")
    err = raised(gdelt.read, [path], book())
    assert (err.file, err.line, err.field) == (f"{path} (day.export.CSV)", 1, "SQLDATE")


def test_gdelt_data_that_reads_like_duckdbs_message_does_not_confuse_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "events.tsv"
    lines = [_gdelt_line(), _gdelt_line(SQLDATE="x", Actor2Name="file = ")]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    err = raised(gdelt.read, [path], book())
    assert (err.file, err.line, err.field) == (str(path), 2, "SQLDATE")


@pytest.mark.parametrize("day", ["", "2024", "20241301", "-1"])
def test_gdelt_events_without_a_possible_date_are_skipped_and_counted(
    tmp_path: Path, day: str
) -> None:
    path = tmp_path / "events.tsv"
    path.write_text(_gdelt_line(SQLDATE=day) + "\n" + _gdelt_line() + "\n", "utf-8")
    batch = gdelt.read([path], book())
    assert batch.report.skipped["events without a valid date (SQLDATE)"] == 1
    assert [c.time.start for c in batch.claims] == ["2024-03"]


def test_an_ftm_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "entities.json"
    path.write_bytes(b'{"id": "a", "schema": "Person", "properties": {}}\n\x80\n')
    err = raised(ftm.read, path, book())
    assert (err.line, err.field) == (2, "encoding")


def test_an_ftm_date_with_a_time_keeps_its_day(tmp_path: Path) -> None:
    # Found by the 100,000-input run: FtM normalises "1000-1-1T0" to "1000-01-01T00",
    # which the document model refused with a traceback.
    path = tmp_path / "docs.ftm.json"
    path.write_text(json.dumps({"id": "a", "schema": "Article", "properties": {
        "title": ["A note"], "publishedAt": ["2023-10-7T6"]}}) + "\n", encoding="utf-8")
    batch = ftm.read(path, book())
    assert batch.documents["a"].published == "2023-10-07"


def test_a_document_the_model_refuses_names_line_and_field(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # FtM cleans impossible dates away itself; whatever else the document model refuses
    # is named by line and field, not raised as a pydantic traceback.
    monkeypatch.setattr(ftm, "_day", lambda value: "2023-02-30")
    path = tmp_path / "docs.ftm.json"
    lines = [{"id": "n", "schema": "Note", "properties": {}},
             {"id": "b", "schema": "Article", "properties": {"publishedAt": ["2023-02-01"]}}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    err = raised(ftm.read, path, book())
    assert (err.file, err.line) == (str(path), 2), str(err)
    assert "published" in str(err)
