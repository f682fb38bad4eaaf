"""The smallest inputs the reader fuzz tests (test_fuzz.py) found that raised a
traceback or an error without its line: each is now an InputError naming file, line
and field, or a Skipped saying why."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from patron.kb import KnowledgeBase
from patron.model import Document
from patron.readers import claimfile
from patron.readers.documents import Skipped, read_file
from tests.factory import run_cli
from tests.fuzzing import gazetteer, raised

_NAMES = gazetteer()[1]


def test_a_yaml_control_character_names_its_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"claims:\n  - subject: iran\x00\n")
    assert raised(claimfile.read_path, path, _NAMES).line == 2


def test_a_bare_yaml_list_entry_that_is_not_a_mapping_names_a_line(tmp_path: Path) -> None:
    path = tmp_path / "claims.yaml"
    path.write_bytes(b"-\n")
    err = raised(claimfile.read_path, path, _NAMES)
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
    err = raised(claimfile.read_path, path, _NAMES)
    assert (err.line, err.field) == (2, field)


def test_a_route_that_is_not_a_list_names_line_and_field(tmp_path: Path) -> None:
    record = {"subject": "iran", "type": "funding", "object": "hamas", "route": 5,
              "source": {"title": "T"}}  # fmt: skip
    path = tmp_path / "claims.jsonl"
    path.write_text(json.dumps(record) + "\n", "utf-8")
    assert raised(claimfile.read_path, path, _NAMES).field == "route"


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