"""GDELT event files → claims aggregated per dyad, claim type and month.

GDELT 1.0 (57 columns in the 1979-2013 backfile, 58 with ``SOURCEURL`` in the
daily files) and 2.0 (61 columns) tab-separated event files, zipped or not, are
streamed through DuckDB: one ``GROUP BY`` scan keeps memory flat in the file
size, and only the groups (dyad × CAMEO-mapped type × month) reach Python.

* **Types**: an event code maps to the claim type whose ``cameo`` list in
  ``vocab.yaml`` holds its longest prefix; a code listed under two types goes to
  the first in vocabulary order (072 → arms, 062 → training). Only the
  ``support`` and ``hostility`` families are imported by default.
* **Actors**: a known-group code (``cameo_groups.yaml``); else a country code
  (the first three letters of the actor code, ISO 3166 alpha-3, matched to a
  state's ``iso3``) when the actor is the state itself (no further role codes,
  or only GOV, MIL, SPY); else the actor name through the gazetteer, never
  to a state (``IRNCVL`` "Iranian civilians" is not Iran). Events whose actors
  resolve to nothing are skipped and counted; GDELT never mints actors.
* **Claims**: stance ``reported`` (machine-coded news), grade F3 with three or
  more distinct source URLs, else F4. The evidence is a document listing source
  URLs of the group's events: a deterministic sample of at most ten (the first
  five URLs, in sort order, of each raw group DuckDB returns), since keeping
  every URL would make memory grow with the file.
"""

from __future__ import annotations

import re
import shutil
import tempfile
import zipfile
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import duckdb
import yaml

from patron.errors import InputError
from patron.importers.batch import ActorBook, ImportBatch, ImportReport, Progress
from patron.model import Attribution, Claim, Document, Evidence, TimeSpan, document_id
from patron.vocab import VOCAB

__all__ = ["FAMILIES", "LAYOUTS", "ORIGIN", "read"]

ORIGIN = "import:gdelt"
FAMILIES = ("support", "hostility")
_STATE_ROLES = ("GOV", "MIL", "SPY")
_MAX_URLS = 10
_URLS_PER_GROUP = 5
_ACTOR_FIELDS = ("Code", "Name", "CountryCode", "KnownGroupCode", "Type1Code")


def _names(geo_adm2: bool, url: bool) -> list[str]:
    head = ["GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate"]
    actors = [
        f"Actor{i}{f}"
        for i in (1, 2)
        for f in (*_ACTOR_FIELDS[:4], "EthnicCode", "Religion1Code", "Religion2Code",
                  "Type1Code", "Type2Code", "Type3Code")
    ]  # fmt: skip
    event = ["IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
             "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone"]  # fmt: skip
    geo_fields = ["Type", "FullName", "CountryCode", "ADM1Code"]
    geo_fields += ["ADM2Code"] if geo_adm2 else []
    geo_fields += ["Lat", "Long", "FeatureID"]
    geos = [f"{g}Geo_{f}" for g in ("Actor1", "Actor2", "Action") for f in geo_fields]
    tail = ["DATEADDED"] + (["SOURCEURL"] if url else [])
    return head + actors + event + geos + tail


LAYOUTS: dict[int, list[str]] = {
    57: _names(geo_adm2=False, url=False),  # GDELT 1.0 backfile
    58: _names(geo_adm2=False, url=True),  # GDELT 1.0 daily files
    61: _names(geo_adm2=True, url=True),  # GDELT 2.0
}
_TYPED = {"SQLDATE": "INTEGER"}


@cache
def _group_table() -> dict[str, str]:
    text = files("patron.importers").joinpath("cameo_groups.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in (yaml.safe_load(text) or {}).items()}


@cache
def _prefixes(families: tuple[str, ...]) -> dict[str, str]:
    """CAMEO code prefix → claim type (the first type in vocabulary order listing it)."""
    prefixes: dict[str, str] = {}
    for name, t in VOCAB.claim_types.items():
        if t.family in families:
            for code in t.cameo:
                prefixes.setdefault(code, name)
    return prefixes


@cache
def type_of(code: str, families: tuple[str, ...] = FAMILIES) -> str | None:
    """The claim type of a CAMEO event code: its longest mapped prefix decides.

    >>> type_of("0711"), type_of("190"), type_of("010")
    ('funding', 'attack', None)
    """
    prefixes = _prefixes(families)
    for n in range(len(code), 0, -1):
        if code[:n] in prefixes:
            return prefixes[code[:n]]
    return None


# Grouping by the raw fields and mapping them in Python is cheaper than mapping
# in SQL, and the groups number thousands, not millions. SQL only tells mapped
# codes from the rest (string ranges: cheap), so that unmapped events collapse
# to a few groups per code and month and skip the URL sample. Measured on 10
# million rows (61 columns, 4.4 GB, 2 cores; bench/gdelt_import.py): DuckDB's CSV
# scan alone (``count(*)``) is about two thirds of the query's CPU time, the
# GROUP BY about a sixth and the URL sample the rest; a CASE mapping codes to
# types, a ``prefix()`` test or a joined code table costs more than it saves.
# An actor code starts with its country (ISO alpha-3) followed by role codes,
# so the code, known group and name are all an actor needs.
_KEYS = [f"Actor{i}{f}" for i in (1, 2) for f in ("Code", "KnownGroupCode", "Name")]


def _mapped_test(families: tuple[str, ...]) -> str:
    """SQL: EventCode has a mapped prefix, as ranges ``p <= code < p'`` (``p'``: ``p``
    with its last character incremented); true exactly when ``type_of`` is not None."""
    prefixes = sorted(_prefixes(families))
    ranges: list[list[str]] = []
    for p in prefixes:
        if any(p.startswith(q) for q in prefixes if q != p):
            continue  # covered by a shorter prefix
        low, high = p, p[:-1] + chr(ord(p[-1]) + 1)
        if ranges and ranges[-1][1] == low:
            ranges[-1][1] = high
        else:
            ranges.append([low, high])
    tests = [f"(EventCode >= {_quote(lo)} AND EventCode < {_quote(hi)})" for lo, hi in ranges]
    return "(" + (" OR ".join(tests) or "false") + ")"


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def scan(paths: Sequence[Path], layout: int) -> str:
    """The ``read_csv`` table expression for event files of one layout (strict:
    every line must have the layout's columns, SQLDATE must be an integer)."""
    columns = ", ".join(f"'{n}': '{_TYPED.get(n, 'VARCHAR')}'" for n in LAYOUTS[layout])
    sources = ", ".join(_quote(str(p)) for p in paths)
    return (f"read_csv([{sources}], delim='\t', header=false, quote='', escape='', "
            f"auto_detect=false, strict_mode=true, columns={{{columns}}})")  # fmt: skip


def _sql(paths: Sequence[Path], layout: int, families: tuple[str, ...]) -> str:
    url = f"min(SOURCEURL, {_URLS_PER_GROUP}) FILTER (WHERE mapped)" if layout != 57 else "NULL"
    keys = ", ".join(f"CASE WHEN mapped THEN {k} END AS {k}" for k in _KEYS)
    return f"""
    SELECT {", ".join(_KEYS)}, EventCode, month, count(*) AS n, {url}
    FROM (SELECT {keys}, EventCode, SQLDATE // 100 AS month, {"SOURCEURL, " * (layout != 57)}mapped
          FROM (SELECT *, {_mapped_test(families)} AS mapped FROM {scan(paths, layout)}))
    GROUP BY ALL
    """


_LINE = re.compile(r"CSV Error on Line: (\d+)")
_COLUMN = re.compile(r'converting column "([^"]+)"')
_COUNT = re.compile(r"Expected Number of Columns: (\d+) Found: (\d+)")


def _input_error(exc: duckdb.Error, paths: Sequence[Path], names: dict[Path, str],
                 layout: int) -> InputError:  # fmt: skip
    """DuckDB's complaint as an InputError naming the user's file (a zip member by the
    archive and its name) and the line; a complaint without a line is located by
    reading the file (:func:`_first_bad_line`)."""
    text = str(exc)
    line = _LINE.search(text)
    # DuckDB names the file on a line "  file = PATH"; the echoed data line may hold
    # "file = " too, so only a line naming one of the files read counts.
    lines = {ln.strip() for ln in text.splitlines()}
    named = [p for p in paths if f"file = {p}" in lines]
    path = named[0] if named else (paths[0] if len(paths) == 1 else None)
    file = names.get(path, str(path)) if path is not None else None
    number = int(line.group(1)) if line else None
    if count := _COUNT.search(text):
        message = f"expected {count.group(1)} tab-separated columns, found {count.group(2)}"
        return InputError(message, file=file, line=number)
    if column := _COLUMN.search(text):
        original = re.search(r'Could not convert string "([^"]*)"', text)
        value = f" {original.group(1)!r}" if original else ""
        return InputError(f"not a valid value{value}", file=file, line=number,
                          field=column.group(1))  # fmt: skip
    for candidate in [path] if path is not None else paths:
        if number is None and (found := _first_bad_line(candidate, layout)):
            number, problem, field = found
            return InputError(problem, file=names.get(candidate, str(candidate)), line=number,
                              field=field)  # fmt: skip
    first = text.splitlines()[0] if text else exc.__class__.__name__
    return InputError(f"cannot read as a GDELT event file: {first}", file=file, line=number)


def _first_bad_line(path: Path, layout: int) -> tuple[int, str, str | None] | None:
    """The first line of ``path`` that breaks the layout: (line, problem, field)."""
    crlf: bool | None = None
    with path.open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            body = raw.removesuffix(b"\n")
            ends_cr = body.endswith(b"\r")
            if raw.endswith(b"\n"):
                if crlf is None:
                    crlf = ends_cr
                elif crlf != ends_cr:
                    return number, "line ends with \\r\\n and \\n both in one file", None
            if b"\r" in body.removesuffix(b"\r"):
                return number, "a carriage return inside a line", None
            try:
                fields = body.removesuffix(b"\r").decode("utf-8").split("\t")
            except UnicodeDecodeError:
                return number, "not UTF-8", "encoding"
            if len(fields) != layout:
                return number, f"expected {layout} tab-separated columns, found {len(fields)}", None
            if not re.fullmatch(r"\s*[+-]?\d*\s*", fields[1]):
                return number, f"not a valid value {fields[1]!r}", "SQLDATE"
    return None


def _layout(path: Path, name: str) -> int:
    with path.open("rb") as stream:
        first = stream.readline()
    columns = first.count(b"\t") + 1
    if columns not in LAYOUTS:
        raise InputError(
            f"not a GDELT event file: {columns} tab-separated columns on the first line "
            "(GDELT 1.0 has 57 or 58, GDELT 2.0 has 61)",
            file=name,
            line=1,
        )
    return columns


@contextmanager
def _unzipped(paths: Sequence[Path]) -> Iterator[dict[Path, str]]:
    """Paths DuckDB can read, each with the name errors give it (a zip member is
    ``ARCHIVE (MEMBER)``): zip members are extracted (streamed) to a temporary folder."""
    with tempfile.TemporaryDirectory(prefix="patron-gdelt-") as tmp:
        out: dict[Path, str] = {}
        for i, path in enumerate(paths):
            if not path.exists():
                raise InputError("no such file", file=str(path))
            if path.suffix.lower() != ".zip":
                out[path] = str(path)
                continue
            try:
                with zipfile.ZipFile(path) as archive:
                    for member in archive.namelist():
                        target = Path(tmp) / f"{i}-{len(out)}-{Path(member).name}"
                        with archive.open(member) as src, target.open("wb") as dst:
                            shutil.copyfileobj(src, dst, 1 << 20)
                        out[target] = f"{path} ({member})"
            except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, EOFError,
                    zlib.error) as exc:  # fmt: skip
                raise InputError(f"not a zip file: {exc}", file=str(path)) from exc
        yield out


@dataclass
class _Group:
    events: int = 0
    urls: set[str] = field(default_factory=set)


class _Actors:
    """Raw GDELT actor fields → actor id, cached (GDELT never mints actors)."""

    def __init__(self, book: ActorBook) -> None:
        self.book = book
        self.cache: dict[tuple[str | None, ...], str | None] = {}

    def __call__(self, fields: tuple[str | None, ...]) -> str | None:
        if fields not in self.cache:
            self.cache[fields] = self._resolve(*(f or "" for f in fields))
        return self.cache[fields]

    def _resolve(self, code: str, group: str, name: str) -> str | None:
        if group:
            mapped = _group_table().get(group)
            if mapped and self.book.known(mapped):
                return mapped
        roles = [code[i : i + 3] for i in range(3, len(code), 3)]
        state = self.book.iso3.get(code[:3])
        if state and not group and all(r in _STATE_ROLES for r in roles):
            return state
        if not name:
            return None
        found = self.book.find(name)
        return found if found and self.book.kind(found) != "state" else None


def _claim(
    subject: str, type_: str, object_: str, month: int, group: _Group
) -> tuple[Claim, Document]:
    when = f"{month // 100:04d}-{month % 100:02d}"
    urls = sorted(group.urls)
    label = VOCAB.claim_types[type_].label
    summary = f"{group.events} GDELT events coded {label}, {subject} → {object_}, {when}"
    doc_text = "\n".join(urls) if urls else summary
    doc = Document(
        id=document_id(urls[0] if urls else None, doc_text),
        title=f"GDELT events: {summary}",
        publisher="GDELT Project",
        published=when,
        url=urls[0] if urls else None,
        kind="gdelt-events",
        text=doc_text,
    )
    claim = Claim(
        subject=subject,
        type=type_,
        object=object_,
        time=TimeSpan(start=when, end=when),
        stance="reported",
        grade="F3" if len(urls) >= 3 else "F4",
        attribution=Attribution(by="GDELT Project"),
        evidence=Evidence(document=doc.id, quote=f"{summary}; sources: {', '.join(urls)}"),
        origin=ORIGIN,
        statement=f"Machine-coded news events (GDELT): {summary}.",
    )
    return claim, doc


@lru_cache(maxsize=4)
def _database(memory_limit: str, threads: int | None) -> duckdb.DuckDBPyConnection:
    """One in-memory DuckDB a process for each setting: starting one costs about 30 ms,
    more than reading a small file; each read takes its own cursor, which holds nothing
    after it (every query reads its files directly)."""
    config: dict[str, str | bool | int | float | list[str]] = {"memory_limit": memory_limit,
                                           "preserve_insertion_order": False}  # fmt: skip
    if threads:
        config["threads"] = threads
    return duckdb.connect(config=config)  # settings at connect: cheaper than SET after


def read(
    paths: Sequence[Path],
    book: ActorBook,
    progress: Progress | None = None,
    *,
    families: Sequence[str] = FAMILIES,
    threads: int | None = None,
    memory_limit: str = "1GB",
) -> ImportBatch:
    """Aggregate GDELT event files into claims (nothing is stored here)."""
    batch = ImportBatch(ImportReport(source=f"GDELT ({len(paths)} file{'s' * (len(paths) > 1)})"))
    groups: dict[tuple[str, str, str, int], _Group] = {}
    actors = _Actors(book)
    with _unzipped(paths) as plain:
        by_layout: dict[int, list[Path]] = {}
        for p, name in plain.items():
            by_layout.setdefault(_layout(p, name), []).append(p)
        con = _database(memory_limit, int(threads) if threads else None).cursor()
        try:
            done = 0
            for layout, members in sorted(by_layout.items()):
                try:
                    rows = con.execute(_sql(members, layout, tuple(families))).fetchall()
                except duckdb.Error as exc:
                    raise _input_error(exc, members, plain, layout) from exc
                _collect(rows, actors, groups, batch.report, tuple(families))
                done += len(members)
                if progress:
                    progress(done, len(plain))
        finally:
            con.close()
    for (s, t, o, month), group in sorted(groups.items()):
        claim, doc = _claim(s, t, o, month, group)
        batch.documents[doc.id] = doc
        batch.add_claim(claim)
    return batch


def _collect(
    rows: list[tuple[Any, ...]],
    actors: _Actors,
    groups: dict[tuple[str, str, str, int], _Group],
    report: ImportReport,
    families: tuple[str, ...],
) -> None:
    for row in rows:
        *keys, code, month, n, urls = row
        report.rows_read += n
        type_ = type_of(code or "", families)
        if type_ is None:
            report.skip("events whose CAMEO code maps to no imported claim type", n)
            continue
        one, two = tuple(keys[:3]), tuple(keys[3:])
        if not any(one) or not any(two):
            report.skip("events missing an actor", n)
            continue
        if month is None or not (1 <= month % 100 <= 12 and 1 <= month // 100 <= 9999):
            report.skip("events without a valid date (SQLDATE)", n)
            continue
        subject, object_ = actors(one), actors(two)
        if subject is None or object_ is None:
            report.skip("events whose actors resolve to no known actor", n)
            continue
        if subject == object_:
            report.skip("events between an actor and itself", n)
            continue
        group = groups.setdefault((subject, type_, object_, int(month)), _Group())
        group.events += n
        group.urls.update(u for u in urls or () if u)
        if len(group.urls) > _MAX_URLS:
            group.urls = set(sorted(group.urls)[:_MAX_URLS])
