"""Generated inputs for every importer: bad input is refused, never a traceback.

UCDP ESD, ACLED, GDELT and FollowTheMoney files either import or raise an
:class:`~patron.errors.InputError` naming the file and the line (and the field,
where one field is at fault). Budget and pieces: :mod:`tests.fuzzing`.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile

from hypothesis import given
from hypothesis import strategies as st

from patron.importers import acled, ftm, gdelt, ucdp_esd
from patron.vocab import VOCAB
from tests.fuzzing import (
    CLAIM_FIELDS,
    INVALID_UTF8,
    book,
    dates,
    fuzzing,
    json_values,
    lines,
    names,
    record,
    refused_cleanly,
    write,
)


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
    events = []
    for _ in range(draw(st.integers(0, 4))):
        width = layout if draw(st.integers(0, 9)) else draw(st.integers(1, 70))
        row = [draw(cells[n]) if n in cells else "" for n in (names_ + [""] * 70)[:width]]
        events.append("\t".join(row))
    data = "\n".join(events).encode() + draw(st.sampled_from([b"\n", b"", b"\r\n"]))
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
_PATRON = st.fixed_dictionaries({"patron": record(CLAIM_FIELDS)}).map(json.dumps)
_FTM_VALUES = st.one_of(_IDS, names, dates, _PATRON, st.sampled_from(list(VOCAB.claim_types)))
ftm_entities = st.fixed_dictionaries(
    {"id": _IDS, "schema": st.sampled_from(_FTM_SCHEMATA)},
    optional={"properties": st.one_of(
        st.dictionaries(st.sampled_from(_FTM_PROPS), st.lists(_FTM_VALUES, max_size=2),
                        max_size=6), json_values)},
)  # fmt: skip


@fuzzing
@given(_UCDP_COLUMNS.flatmap(lambda cols: csv_files(cols, _UCDP_CELLS, _FLAGS)))
def test_ucdp_esd_reads_or_names_file_and_line(data: bytes) -> None:
    path = write("ucdp.csv", data)
    refused_cleanly(lambda: ucdp_esd.read(path, book()), path)


@fuzzing
@given(csv_files(acled._COLUMNS, _ACLED_CELLS, st.text(max_size=12)))
def test_acled_reads_or_names_file_and_line(data: bytes) -> None:
    path = write("acled.csv", data)
    refused_cleanly(lambda: acled.read(path, book()), path)


@fuzzing
@given(gdelt_files())
def test_gdelt_reads_or_names_file_and_line(file: tuple[str, bytes]) -> None:
    path = write(*file)
    refused_cleanly(lambda: gdelt.read([path], book()), path)


@fuzzing
@given(lines(ftm_entities))
def test_ftm_reads_or_names_file_and_line(data: bytes) -> None:
    path = write("entities.ftm.json", data)
    refused_cleanly(lambda: ftm.read(path, book()), path)


@fuzzing
@given(st.one_of(INVALID_UTF8, st.binary(max_size=60)))
def test_bytes_that_are_not_utf8_are_refused_by_every_importer(data: bytes) -> None:
    for reader in (ucdp_esd.read, acled.read, ftm.read):
        path = write("bytes.csv", data)
        refused_cleanly(lambda: reader(path, book()), path)  # noqa: B023 (called at once)
    path = write("bytes.tsv", data)
    refused_cleanly(lambda: gdelt.read([path], book()), path)
