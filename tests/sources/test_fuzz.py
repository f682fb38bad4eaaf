"""Generated inputs for every reader and importer: bad input is refused, never a traceback.

Importers (claim files, UCDP ESD, ACLED, GDELT, FollowTheMoney) either read the file
or raise an :class:`~patron.errors.InputError` naming the file and the line (and the
field, where one field is at fault). Document readers (HTML, Markdown, RSS, plain
text, JSON lines) yield documents or a :class:`~patron.sources.readers.Skipped`
saying why, as ``ingest`` promises; they raise nothing.

The budget is the Hypothesis profile's: the default (100 inputs a test) in ``make
test``, 100,000 under ``make fuzz`` (``--hypothesis-profile=fuzz``, see conftest.py).
Inputs are built from the formats' own pieces (valid names, dates, codes and
columns, mixed with arbitrary text and bytes), so they reach past the first check.
"""

from __future__ import annotations

import csv
import io
import json
import tempfile
import zipfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from patron.actors import gazetteer
from patron.actors.resolver import Resolver, from_actors
from patron.errors import InputError
from patron.model import Actor, Document
from patron.sources import acled, claimfile, ftm, gdelt, ucdp_esd
from patron.sources.importing import ActorBook
from patron.sources.readers import Skipped, read_file
from patron.vocab import VOCAB
from tests.factory import MINI

fuzzing = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)
_DIR = Path(tempfile.mkdtemp(prefix="patron-fuzz-"))


@cache
def _gazetteer() -> tuple[list[Actor], Resolver]:
    actors = gazetteer.load_dir(MINI / "actors")
    return actors, from_actors(actors)


def _book() -> ActorBook:
    actors, names = _gazetteer()
    return ActorBook.over(actors, names)


def _write(name: str, data: bytes) -> Path:
    path = _DIR / name
    path.write_bytes(data)
    return path


# Problems of the file as a whole, which no line of it can be blamed for.
_WHOLE_FILE = ("not a zip file", "empty file", "cannot read")


def _refused_cleanly(read: Callable[[], object], path: Path) -> None:
    """``read()`` succeeds or raises an InputError naming ``path`` and a line."""
    try:
        read()
    except InputError as exc:
        assert exc.file is not None and exc.file.startswith(str(path)), str(exc)
        assert exc.line is not None or exc.message.startswith(_WHOLE_FILE), str(exc)
        assert exc.message, str(exc)


def _read_documents(path: Path) -> list[Document | Skipped]:
    """Documents or Skipped; an empty file may yield neither."""
    items = list(read_file(path))
    assert all(isinstance(i, Document | Skipped) for i in items)
    return items


# --- pieces -----------------------------------------------------------------

_NAMES = ["iran", "Iran", "hamas", "Hamas", "IRGC", "qatar", "sudan", "Georgia", "nobody",
          "", " ", "Harakat al-Muqawamah al-Islamiyyah", "حماس", "Government of Iran"]  # fmt: skip
names = st.one_of(st.sampled_from(_NAMES), st.text(max_size=20))
dates = st.one_of(
    st.sampled_from(["2020", "2020-02", "2020-02-29", "2021-02-29", "2020-13", "0000", "9999",
                     "20200101", "2020-1-1", "1990s", "-5", "", "2017-10-07T00:00:00"]),
    st.from_regex(r"\A\d{1,5}(-\d{1,2}(-\d{1,2})?)?\Z"),
    st.text(max_size=12),
)  # fmt: skip
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30))
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                         inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


def _sometimes(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(value, value, value, json_values)


def _record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object with some of ``fields`` (each usually well-formed) and stray keys."""
    return st.fixed_dictionaries({}, optional={k: _sometimes(v) for k, v in fields.items()}) | \
        st.dictionaries(st.text(max_size=10), json_values, max_size=5)  # fmt: skip


def _lines(records: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    """JSON lines of ``records`` with now and then a line that is not JSON, or not UTF-8."""
    line = st.one_of(records.map(json.dumps), records.map(json.dumps),
                     st.text(max_size=40), st.just(""))  # fmt: skip
    text = st.lists(line, max_size=6).map(lambda ls: "\n".join(ls).encode())
    return st.one_of(text, text, text, st.tuples(text, st.binary(max_size=8)).map(b"".join))


_CLAIM_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "subject": st.one_of(names, st.fixed_dictionaries({"id": names})),
    "object": st.one_of(names, st.fixed_dictionaries({"id": names, "name": names})),
    "type": st.one_of(st.sampled_from(list(VOCAB.claim_types)), st.text(max_size=10),
                      st.fixed_dictionaries({"id": st.sampled_from(list(VOCAB.claim_types))})),
    "time": _record({"start": dates, "end": dates, "precision": st.text(max_size=8)}),
    "magnitude": _record({"amount": st.floats(), "currency": st.sampled_from(["USD", "usd", ""]),
                          "per": st.sampled_from(["year", "once", "decade"])}),
    "route": st.lists(names, max_size=3),
    "attribution": _record({"by": st.text(max_size=10), "date": dates}),
    "stance": st.one_of(st.sampled_from(list(VOCAB.stances)), st.text(max_size=8)),
    "grade": st.one_of(st.sampled_from(["B2", "A1", "F6", "G7", "B", "b2", "B0"]),
                       st.text(max_size=3)),
    "source": st.one_of(st.text(max_size=10), _record({
        "title": st.text(max_size=20), "publisher": st.text(max_size=10), "published": dates,
        "url": st.text(max_size=20), "kind": st.text(max_size=8), "id": st.text(max_size=8)})),
    "evidence": _record({"document": st.text(max_size=10), "quote": st.text(max_size=20),
                         "span": st.lists(st.integers(), max_size=3),
                         "subject_span": st.lists(st.integers(), max_size=3)}),
    "score": st.one_of(st.floats(), st.text(max_size=4)),
    "review": st.sampled_from(["proposed", "accepted", "nope"]),
    "statement": st.text(max_size=30),
    "origin": st.text(max_size=10),
    "id": st.text(max_size=10),
}  # fmt: skip


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode()


@st.composite
def csv_files(draw: st.DrawFn, columns: tuple[str, ...], cells: dict[str, st.SearchStrategy[str]],
              default: st.SearchStrategy[str]) -> bytes:  # fmt: skip
    """A CSV with (usually) the needed columns; cells usually well-formed; rows of any length."""
    header = list(columns)
    if draw(st.integers(0, 9)) == 0 and header:
        header.pop(draw(st.integers(0, len(header) - 1)))
    header += draw(st.lists(st.text(max_size=6), max_size=2))
    rows = []
    for _ in range(draw(st.integers(0, 4))):
        row = [draw(cells.get(c, default)) for c in header]
        if draw(st.integers(0, 9)) == 0:
            row = row[: draw(st.integers(0, len(row)))]
        rows.append(row)
    data = _csv(header, rows)
    if draw(st.integers(0, 9)) == 0:
        data += draw(st.binary(max_size=20))
    return data


_FLAGS = st.sampled_from(["0", "1", "", "-1", "2", "1.0", "0.5", "x", "nan", "inf", "1e3"])
_YEARS = st.sampled_from(["2008", "2008.0", "", "-3", "1e9", "20x", "99999999999999999999"])
_UCDP_NAMES = st.one_of(names, st.sampled_from([
    "Governments of USA, United Kingdom", "Government of Iran", "Hamas, Government of Syria",
    "Iran,Syria", "Government of ", "Governments of ", "X (Y)", "()", "Syria elements"]))
_UCDP_CELLS: dict[str, st.SearchStrategy[str]] = {
    "ywp_year": _YEARS, "year": _YEARS, "ywp_name": _UCDP_NAMES, "external_name": _UCDP_NAMES,
    "actor_name": _UCDP_NAMES, "ext_name": _UCDP_NAMES, "external_nameid": _YEARS,
    "actorID": st.sampled_from(["1051", "", "a"]), "ext_id": st.sampled_from(["1,2", "3", ""]),
}  # fmt: skip
_UCDP_COLUMNS = st.sampled_from([ucdp_esd._V1_COLUMNS, ucdp_esd._V18_COLUMNS, ("a", "b")])
_ACLED_CELLS: dict[str, st.SearchStrategy[str]] = {
    "event_date": st.one_of(dates, st.sampled_from(["05 March 2024", "03/05/2024"])),
    "event_type": st.sampled_from([*acled._VIOLENT, "Protests", ""]),
    "event_id_cnty": st.sampled_from(["SYN1", "", "x"]),
    "actor1": st.one_of(names, st.sampled_from(["Military Forces of Qatar (2013-)",
                                               "Civilians (Lebanon)", "Government of Iran"])),
    "actor2": names, "assoc_actor_1": st.sampled_from(["Hamas; IRGC", ";", ""]),
}  # fmt: skip


@st.composite
def gdelt_files(draw: st.DrawFn) -> tuple[str, bytes]:
    layout = draw(st.sampled_from([57, 58, 61, 61]))
    names_ = gdelt.LAYOUTS[layout]
    cells = {
        "SQLDATE": st.one_of(st.sampled_from(["20240305", "2024", "", "-1", "x", "2.5",
                                              "99999999999"]), st.text(max_size=6)),
        "EventCode": st.sampled_from(["071", "190", "010", "", "0", "07", "x'", "1900000"]),
        "Actor1Code": st.sampled_from(["IRNGOV", "IRN", "IRNCVL", "", "PSEREB", "X"]),
        "Actor2Code": st.sampled_from(["PSEREB", "ISRMIL", "", "IRN"]),
        "Actor1Name": names, "Actor2Name": names,
        "Actor2KnownGroupCode": st.sampled_from(["HMS", "", "HEZ", "ZZZ"]),
        "SOURCEURL": st.text(max_size=15),
    }  # fmt: skip
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        width = layout if draw(st.integers(0, 9)) else draw(st.integers(1, 70))
        row = [draw(cells[n]) if n in cells else "" for n in (names_ + [""] * 70)[:width]]
        lines.append("\t".join(row))
    data = "\n".join(lines).encode() + draw(st.sampled_from([b"\n", b"", b"\r\n"]))
    if draw(st.integers(0, 9)) == 0:
        data += draw(st.binary(max_size=20))
    if draw(st.integers(0, 9)) == 0:
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("events.CSV", data)
        return "events.zip", buffer.getvalue() if draw(st.booleans()) else buffer.getvalue()[:30]
    return "events.tsv", data


_FTM_SCHEMATA = ["UnknownLink", "Payment", "Membership", "Organization", "PublicBody", "Person",
                 "Territory", "Company", "Article", "Documentation", "Thing", "Nonsense", ""]
_FTM_PROPS = ["name", "alias", "role", "purpose", "subject", "object", "payer", "beneficiary",
              "member", "organization", "status", "startDate", "endDate", "summary",
              "description", "proof", "country", "classification", "parent", "wikidataId",
              "abbreviation", "title", "publisher", "publishedAt", "sourceUrl", "keywords",
              "amount", "currency", "nonsense"]  # fmt: skip
_IDS = st.sampled_from(["a", "b", "actor-iran", "actor-hamas", "doc", "", "c"])
_PATRON = st.fixed_dictionaries({"patron": _record(_CLAIM_FIELDS)}).map(json.dumps)
_FTM_VALUES = st.one_of(_IDS, names, dates, _PATRON, st.sampled_from(list(VOCAB.claim_types)))
ftm_entities = st.fixed_dictionaries(
    {"id": _IDS, "schema": st.sampled_from(_FTM_SCHEMATA)},
    optional={"properties": st.one_of(
        st.dictionaries(st.sampled_from(_FTM_PROPS), st.lists(_FTM_VALUES, max_size=2),
                        max_size=6), json_values)},
)  # fmt: skip

_HTML_BITS = ["<html>", "<head>", "<title>", "</title>", "<body>", "<p>", "</p>", "<div>",
              "<script>alert(1)</script>", "<meta name='date' content='2020-13-45'>",
              "<meta property='og:url' content='http://x'>", "&amp;", "&#0;", "&#xD800;",
              "<![CDATA[", "]]>", "<!--", "-->", "<table><tr><td>", "<a href='", "'>", "\x00",
              "Iran funds Hamas. ", "\n"]  # fmt: skip
_MD_BITS = ["# ", "## ", "**", "__", "`", "*", "[a](b)", "![x](y)", "[", "](", ")", "> ", "\n",
            "Iran funds Hamas. ", "---\n", "\r"]  # fmt: skip
_RSS_BITS = ["<?xml version='1.0'?>", "<rss version='2.0'>", "<channel>", "<title>", "</title>",
             "<item>", "</item>", "<description>", "</description>", "<pubDate>",
             "Mon, 32 Foo 2024", "</pubDate>", "<link>", "</link>", "<feed xmlns="
             "'http://www.w3.org/2005/Atom'>", "<entry>", "<updated>2024-13-01</updated>",
             "&lt;p&gt;", "<![CDATA[<b>x</b>]]>", "Iran funds Hamas.", "</channel></rss>",
             "<!DOCTYPE x [<!ENTITY a 'b'>]>", "&a;"]  # fmt: skip


def _markup(bits: list[str]) -> st.SearchStrategy[bytes]:
    return st.lists(st.one_of(st.sampled_from(bits), st.text(max_size=15)), max_size=30).map(
        lambda parts: "".join(parts).encode("utf-8", "surrogatepass"))


# --- importers ----------------------------------------------------------------


def _has_document(doc_id: str) -> bool:
    """The knowledge base's answer (it is asked with source ids only)."""
    assert isinstance(doc_id, str), doc_id
    return doc_id == "known"


@fuzzing
@given(_lines(_record(_CLAIM_FIELDS)),
       st.lists(_record(_CLAIM_FIELDS), max_size=3), st.lists(_record({
           "id": st.text(max_size=6), "title": st.text(max_size=10), "published": dates}),
           max_size=2))  # fmt: skip
def test_claim_files_read_or_name_file_and_line(
    data: bytes, claims: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> None:
    path = _write("claims.jsonl", data)
    _refused_cleanly(lambda: claimfile.read_path(path, _gazetteer()[1], _has_document), path)
    text = yaml.safe_dump({"sources": sources, "claims": claims}, allow_unicode=True)
    path = _write("claims.yaml", text.encode())
    _refused_cleanly(lambda: claimfile.read_path(path, _gazetteer()[1], _has_document), path)


@fuzzing
@given(_UCDP_COLUMNS.flatmap(lambda cols: csv_files(cols, _UCDP_CELLS, _FLAGS)))
def test_ucdp_esd_reads_or_names_file_and_line(data: bytes) -> None:
    path = _write("ucdp.csv", data)
    _refused_cleanly(lambda: ucdp_esd.read(path, _book()), path)


@fuzzing
@given(csv_files(acled._COLUMNS, _ACLED_CELLS, st.text(max_size=12)))
def test_acled_reads_or_names_file_and_line(data: bytes) -> None:
    path = _write("acled.csv", data)
    _refused_cleanly(lambda: acled.read(path, _book()), path)


@fuzzing
@given(gdelt_files())
def test_gdelt_reads_or_names_file_and_line(file: tuple[str, bytes]) -> None:
    path = _write(*file)
    _refused_cleanly(lambda: gdelt.read([path], _book()), path)


@fuzzing
@given(_lines(ftm_entities))
def test_ftm_reads_or_names_file_and_line(data: bytes) -> None:
    path = _write("entities.ftm.json", data)
    _refused_cleanly(lambda: ftm.read(path, _book()), path)


# --- document readers ---------------------------------------------------------


@fuzzing
@given(_markup(_HTML_BITS))
def test_html_yields_documents_or_says_why_not(data: bytes) -> None:
    _read_documents(_write("page.html", data))


@fuzzing
@given(_markup(_MD_BITS))
def test_markdown_yields_documents_or_says_why_not(data: bytes) -> None:
    _read_documents(_write("brief.md", data))


@fuzzing
@given(_markup(_RSS_BITS))
def test_rss_yields_documents_or_says_why_not(data: bytes) -> None:
    _read_documents(_write("feed.xml", data))


@fuzzing
@given(st.one_of(st.text().map(str.encode),
                 _lines(_record({"text": st.text(max_size=30), "title": json_values,
                                 "published": dates, "url": json_values}))))  # fmt: skip
def test_plain_text_and_json_lines_yield_documents_or_say_why_not(data: bytes) -> None:
    _read_documents(_write("notes.txt", data))
    _read_documents(_write("wire.jsonl", data))


_INVALID_UTF8 = st.tuples(st.text(max_size=10).map(str.encode),
                          st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x82", b"\x80",
                                           b"\xf8\x88\x80\x80\x80"]),
                          st.binary(max_size=20)).map(b"".join)  # fmt: skip


@fuzzing
@given(st.one_of(_INVALID_UTF8, st.binary(max_size=60)))
def test_bytes_that_are_not_utf8_are_refused_by_every_reader(data: bytes) -> None:
    for suffix in (".html", ".md", ".xml", ".txt", ".jsonl"):
        _read_documents(_write("bytes" + suffix, data))
    path = _write("bytes.jsonl", data)
    _refused_cleanly(lambda: claimfile.read_path(path, _gazetteer()[1]), path)
    path = _write("bytes.yaml", data)
    _refused_cleanly(lambda: claimfile.read_path(path, _gazetteer()[1]), path)
    for reader in (ucdp_esd.read, acled.read, ftm.read):
        path = _write("bytes.csv", data)
        _refused_cleanly(lambda: reader(path, _book()), path)  # noqa: B023 (called at once)
    path = _write("bytes.tsv", data)
    _refused_cleanly(lambda: gdelt.read([path], _book()), path)
