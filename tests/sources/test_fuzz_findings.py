"""The smallest inputs the fuzz tests (test_fuzz.py) found that raised a traceback or an
error without its line: each is now an InputError naming file, line and field, or a
Skipped saying why."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from patron.actors import gazetteer
from patron.actors.resolver import from_actors
from patron.errors import InputError
from patron.kb import KnowledgeBase
from patron.model import Document
from patron.sources import claimfile, ftm, gdelt, ucdp_esd
from patron.sources.importing import ActorBook
from patron.sources.readers import Skipped, read_file
from tests.factory import MINI, run_cli

_ACTORS = gazetteer.load_dir(MINI / "actors")
_NAMES = from_actors(_ACTORS)
_V18 = ",".join(ucdp_esd._V18_COLUMNS)


def _book() -> ActorBook:
    return ActorBook.over(_ACTORS, _NAMES)


def _error(read: object, *args: object) -> InputError:
    with pytest.raises(InputError) as info:
        read(*args)  # type: ignore[operator]
    return info.value


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
    err = _error(ucdp_esd.read, path, _book())
    assert (err.line, err.field) == (2, "year")


def test_a_ucdp_actor_id_that_is_not_a_number_names_line_and_column(tmp_path: Path) -> None:
    zeros = ",".join(["0"] * (len(ucdp_esd._V18_COLUMNS) - 11))
    path = tmp_path / "ay.csv"
    path.write_text(f"{_V18}\n2008,1.5,nobody,0,\"1,2\",iran,1,0,0,0,0,{zeros}\n", "utf-8")
    err = _error(ucdp_esd.read, path, _book())
    assert (err.line, err.field) == (2, "actor_id")


def test_gdelt_line_endings_mixed_in_one_file_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "events.tsv"
    one, two = _gdelt_line(SOURCEURL="https://a.example"), _gdelt_line(SOURCEURL="0")
    path.write_bytes(f"{one}\n{two}\r\n".encode())
    err = _error(gdelt.read, [path], _book())
    assert (err.file, err.line) == (str(path), 2)


def test_gdelt_errors_in_a_zip_member_name_the_archive_and_member(tmp_path: Path) -> None:
    path = tmp_path / "day.export.CSV.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("day.export.CSV", _gdelt_line(SQLDATE="x") + "\n")
    err = _error(gdelt.read, [path], _book())
    assert (err.file, err.line, err.field) == (f"{path} (day.export.CSV)", 1, "SQLDATE")


def test_gdelt_data_that_reads_like_duckdbs_message_does_not_confuse_the_file(
    tmp_path: Path,
) -> None:
    path = tmp_path / "events.tsv"
    lines = [_gdelt_line(), _gdelt_line(SQLDATE="x", Actor2Name="file = ")]
    path.write_text("\n".join(lines) + "\n", "utf-8")
    err = _error(gdelt.read, [path], _book())
    assert (err.file, err.line, err.field) == (str(path), 2, "SQLDATE")


@pytest.mark.parametrize("day", ["", "2024", "20241301", "-1"])
def test_gdelt_events_without_a_possible_date_are_skipped_and_counted(
    tmp_path: Path, day: str
) -> None:
    path = tmp_path / "events.tsv"
    path.write_text(_gdelt_line(SQLDATE=day) + "\n" + _gdelt_line() + "\n", "utf-8")
    batch = gdelt.read([path], _book())
    assert batch.report.skipped["events without a valid date (SQLDATE)"] == 1
    assert [c.time.start for c in batch.claims] == ["2024-03"]


def test_an_ftm_file_that_is_not_utf8_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "entities.json"
    path.write_bytes(b'{"id": "a", "schema": "Person", "properties": {}}\n\x80\n')
    err = _error(ftm.read, path, _book())
    assert (err.line, err.field) == (2, "encoding")


def test_a_yaml_control_character_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"claims:\n  - subject: iran\x00\n")
    assert _error(claimfile.read_path, path, _NAMES).line == 2


def test_a_bare_yaml_list_entry_that_is_not_a_mapping_names_a_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"-\n")
    err = _error(claimfile.read_path, path, _NAMES)
    assert (err.line, err.field) == (1, "claims")


@pytest.mark.parametrize(("evidence", "field"), [
    ({"document": "", "subject_span": []}, "evidence.subject_span.0"),
    ({"span": "ab"}, "evidence.span"),
    (["not", "an", "object"], "evidence"),
])  # fmt: skip
def test_malformed_evidence_names_line_and_field(
    tmp_path: Path, evidence: object, field: str
) -> None:
    record = {"subject": "iran", "type": "funding", "object": "hamas", "evidence": evidence,
              "source": {"title": "T"}}  # fmt: skip
    path = tmp_path / "claims.jsonl"
    path.write_text("\n" + json.dumps(record) + "\n", "utf-8")
    err = _error(claimfile.read_path, path, _NAMES)
    assert (err.line, err.field) == (2, field)


def test_a_route_that_is_not_a_list_names_line_and_field(tmp_path: Path) -> None:
    record = {"subject": "iran", "type": "funding", "object": "hamas", "route": 5,
              "source": {"title": "T"}}  # fmt: skip
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    assert _error(claimfile.read_path, path, _NAMES).field == "route"


def test_a_malformed_claim_file_exits_2_with_one_line(
    kb: KnowledgeBase, db_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    record = {"subject": "iran", "type": "funding", "object": "hamas",
              "evidence": {"span": [1]}, "source": {"title": "T"}}  # fmt: skip
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    code, _, err = run_cli(capsys, "claims", "load", str(path), "--db", db_url)
    assert code == 2
    message = f"error: {path}:1: evidence.span.1: required field is missing"
    assert err.strip().splitlines() == [message]


def test_an_empty_feed_is_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_text("", "utf-8")
    assert [type(i) for i in read_file(path)] == [Skipped]


@pytest.mark.parametrize("text", ["//<!DOCTYPE x [<!ENTITY a 'b'>]>", "{target}"])
def test_a_feed_whose_text_looks_like_a_url_or_path_is_read_as_text(
    tmp_path: Path, text: str
) -> None:
    secret = tmp_path / "secret.xml"
    secret.write_text("<rss><channel><item><description>secret</description></item>"
                      "</channel></rss>", "utf-8")  # fmt: skip
    path = tmp_path / "feed.xml"
    path.write_text(text.format(target=secret), "utf-8")
    assert [type(i) for i in read_file(path)] == [Skipped]  # not a feed; nothing opened


def test_a_json_lines_document_holding_a_line_separator_stays_one_document(
    tmp_path: Path,
) -> None:
    path = tmp_path / "wire.jsonl"
    text = "Iran funds Hamas.\u2028Qatar hosts its office."
    path.write_text(json.dumps({"text": text}, ensure_ascii=False) + "\n", "utf-8")
    items = list(read_file(path))
    assert len(items) == 1 and isinstance(items[0], Document) and items[0].text == text


def test_an_ftm_date_with_a_time_keeps_its_day(tmp_path: Path) -> None:
    # Found by the 100,000-input run: FtM normalises "1000-1-1T0" to "1000-01-01T00",
    # which the document model refused with a traceback.
    path = tmp_path / "docs.ftm.json"
    path.write_text(json.dumps({"id": "a", "schema": "Article", "properties": {
        "title": ["A note"], "publishedAt": ["2023-10-7T6"]}}) + "\n", encoding="utf-8")
    batch = ftm.read(path, _book())
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
    err = _error(ftm.read, path, _book())
    assert (err.file, err.line) == (str(path), 2), str(err)
    assert "published" in str(err)
