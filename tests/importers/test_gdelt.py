"""GDELT import: support and hostility events become monthly claims per dyad."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

from patron.errors import InputError
from patron.importers import gdelt
from patron.importers.batch import ActorBook, store_batch
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from tests.factory import REPO

sys.path.insert(0, str(REPO / "bench"))
from gdelt_generate import generate


def _row(columns: int, **values: str) -> str:
    names = gdelt.LAYOUTS[columns]
    return "\t".join(values.get(n, "") for n in names)


def _event(columns: int = 61, **values: str) -> str:
    base = {"GLOBALEVENTID": "1", "SQLDATE": "20240305", "EventCode": "071",
            "Actor1Code": "IRNGOV", "Actor1Name": "IRAN", "Actor2Code": "PSEREB",
            "Actor2Name": "HAMAS", "Actor2KnownGroupCode": "HMS",
            "SOURCEURL": "https://news.example.org/a"}  # fmt: skip
    return _row(columns, **{**base, **values})


def test_support_events_aggregate_per_dyad_type_and_month(
    kb: KnowledgeBase, tmp_path: Path
) -> None:
    lines = [
        _event(),
        _event(SOURCEURL="https://news.example.org/b"),
        _event(SQLDATE="20240410"),
        _event(EventCode="190", Actor1Code="ISRMIL", Actor1Name="ISRAEL", Actor1CountryCode="ISR"),
        _event(EventCode="010"),  # a statement: no claim type
        _event(Actor1Code="IRNCVL"),  # Iranian civilians are not Iran
    ]
    path = tmp_path / "events.tsv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = store_batch(kb, gdelt.read([path], ActorBook.of(kb)))
    claims = kb.store.claims(ClaimFilter(origins=("import:gdelt",)))
    got = {(c.subject, c.type, c.object, c.time.label()) for c in claims}
    assert ("iran", "funding", "hamas", "2024-03") in got
    assert ("iran", "funding", "hamas", "2024-04") in got
    assert len(claims) == len(got) == 2 + ("israel" in {a.id for a in kb.store.actors()})
    march = next(c for c in claims if c.time.start == "2024-03")
    doc = kb.store.document(march.evidence.document)
    assert doc is not None and doc.text is not None
    assert doc.text.splitlines() == ["https://news.example.org/a", "https://news.example.org/b"]
    assert (march.stance, march.grade) == ("reported", "F4")
    assert report.rows_read == 6
    assert report.skipped["events whose CAMEO code maps to no imported claim type"] == 1
    assert report.skipped["events whose actors resolve to no known actor"] >= 1


def test_zipped_v1_files_and_idempotent_reimport(kb: KnowledgeBase, tmp_path: Path) -> None:
    plain = generate(tmp_path / "day.export.CSV", rows=2000, columns=58)
    archive = tmp_path / "day.export.CSV.zip"
    with zipfile.ZipFile(archive, "w") as z:
        z.write(plain, plain.name)
    backfile = generate(tmp_path / "old.csv", rows=500, columns=57)
    first = store_batch(kb, gdelt.read([archive, backfile], ActorBook.of(kb)))
    assert first.rows_read == 2500 and first.claims_new > 0
    again = store_batch(kb, gdelt.read([archive, backfile], ActorBook.of(kb)))
    assert again.claims_new == 0 and again.claims_made == first.claims_made


def test_type_of_takes_the_longest_prefix() -> None:
    assert gdelt.type_of("0332") == "arms"
    assert gdelt.type_of("033") is None
    assert gdelt.type_of("1831") == "attack"


@pytest.mark.parametrize(
    ("line", "message", "field"),
    [
        (_event(SQLDATE="2024-03-05"), "not a valid value", "SQLDATE"),
        (_event() + "\textra", "expected 61 tab-separated columns, found 62", None),
    ],
)
def test_malformed_line_is_named(
    kb: KnowledgeBase, tmp_path: Path, line: str, message: str, field: str | None
) -> None:
    path = tmp_path / "bad.tsv"
    path.write_text(_event() + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        gdelt.read([path], ActorBook.of(kb))
    assert info.value.line == 2 and message in info.value.message
    assert info.value.field == field and info.value.file == str(path)


def test_wrong_shape_is_refused(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "other.tsv"
    path.write_text("a\tb\tc\n", encoding="utf-8")
    with pytest.raises(InputError, match="not a GDELT event file"):
        gdelt.read([path], ActorBook.of(kb))
