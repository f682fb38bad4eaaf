"""ACLED CSV exports → ``attack`` claims and alignment claims between co-fighters.

* Events of the political-violence types (Battles, Explosions/Remote violence,
  Violence against civilians) become ``attack`` claims ``actor1 → actor2`` dated
  to the event day, with the place (location, admin1, country) and ACLED's notes
  in the quote and the ``source`` column as the attribution. Stance ``reported``
  (ACLED codes from reporting), grade B2.
* Associated actors (``assoc_actor_1``/``assoc_actor_2``, ``;``-separated) fought
  alongside the main actor: each becomes an ``alliance`` claim with it.
* Civilians, protesters and unidentified groups are not actors: events whose
  target is one yield no attack claim (counted as skipped).

ACLED names its state forces "Military Forces of Israel (2022-)": those resolve
to the state; other names resolve through the gazetteer or become new actors
``acled-<slug>``. Every event is its own source document (the ACLED event id).
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

from patron.importers.batch import (
    ActorBook,
    ImportBatch,
    ImportReport,
    Progress,
    slug,
    tracked,
)
from patron.importers.csvrows import Row, read_rows, require_columns
from patron.model import Attribution, Claim, Document, Evidence, TimeSpan, document_id

__all__ = ["ORIGIN", "read"]

ORIGIN = "import:acled"
_COLUMNS = (
    "event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
    "assoc_actor_1", "actor2", "assoc_actor_2", "country", "admin1", "location",
    "source", "notes",
)  # fmt: skip
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians")
_STATE_FORCES = re.compile(
    r"^(?:Military|Police|Navy|Air) Forces of (?P<state>.+?)(?: \(.*\))?$|"
    r"^Government of (?P<gov>.+?)(?: \(.*\))?$"
)
_NOT_ACTORS = re.compile(r"^(?:Civilians|Protesters|Rioters|Unidentified)\b")
_PAREN = re.compile(r"\s*\([^)]*\)\s*$")
_URL = "https://acleddata.com/"


def _date(row: Row) -> str:
    text = row["event_date"]
    for fmt in ("%Y-%m-%d", "%d %B %Y", "%d-%B-%Y", "%m/%d/%Y"):
        try:
            return datetime.strptime(text, fmt).date().isoformat()
        except ValueError:
            continue
    raise row.error(f"not a date: {text!r} (expected YYYY-MM-DD or '05 March 2024')",
                    "event_date")  # fmt: skip


def _actor(name: str, book: ActorBook) -> str | None:
    """The actor an ACLED name means, minting ``acled-<slug>``; None for non-actors."""
    if not name or _NOT_ACTORS.match(name):
        return None
    forces = _STATE_FORCES.match(name)
    if forces:
        state = book.find(forces.group("state") or forces.group("gov"))
        if state and book.kind(state) == "state":
            return state
    found = book.find(name, _PAREN.sub("", name))
    if found:
        return found
    kind = "state_organ" if forces else "armed_group"
    return book.get(_PAREN.sub("", name) or name, new_id=f"acled-{slug(name)}", kind=kind,
                    aliases=[name], source="ACLED")  # fmt: skip


def _document(row: Row, day: str) -> Document:
    title = f"ACLED event {row['event_id_cnty']}: {row['sub_event_type'] or row['event_type']}"
    return Document(
        id=document_id(_URL, None, title),
        title=title,
        publisher="ACLED",
        published=day,
        url=_URL,
        kind="dataset-event",
    )


def _read_row(row: Row, book: ActorBook, batch: ImportBatch) -> None:
    report = batch.report
    if not row["event_id_cnty"]:
        raise row.error("a value is required", "event_id_cnty")
    day = _date(row)
    if row["event_type"] not in _VIOLENT:
        return report.skip(f"events of type {row['event_type'] or '(none)'}")
    doc = _document(row, day)
    place = ", ".join(p for p in (row["location"], row["admin1"], row["country"]) if p)
    quote = row["notes"] or f"{row['sub_event_type']} in {place}"
    made = 0

    def add(subject: str, type_: str, object_: str, statement: str) -> None:
        nonlocal made
        if subject == object_:
            return
        batch.add_claim(
            Claim(
                subject=subject,
                type=type_,
                object=object_,
                time=TimeSpan(start=day, end=day),
                stance="reported",
                grade="B2",
                attribution=Attribution(by=row["source"] or None, date=day),
                evidence=Evidence(document=doc.id, quote=quote),
                origin=ORIGIN,
                statement=statement,
            )
        )
        batch.documents[doc.id] = doc
        made += 1

    one, two = _actor(row["actor1"], book), _actor(row["actor2"], book)
    if one and two:
        add(one, "attack", two, f"ACLED: {row['actor1']} — {row['sub_event_type']} — "
            f"{row['actor2']}, {place}, {day}.")  # fmt: skip
    for main, column, label in ((one, "assoc_actor_1", "actor1"), (two, "assoc_actor_2", "actor2")):
        for name in filter(None, (n.strip() for n in row[column].split(";"))):
            other = _actor(name, book)
            if main and other:
                add(other, "alliance", main, f"ACLED: {name} fought alongside {row[label]} "
                    f"({row['sub_event_type']}, {place}, {day}).")  # fmt: skip
    if not made:
        report.skip("violent events with no identified actor pair (civilians, unidentified)")


def read(path: Path, book: ActorBook, progress: Progress | None = None) -> ImportBatch:
    """Read an ACLED CSV export whole."""
    batch = ImportBatch(ImportReport(source=f"ACLED {path.name}"))
    with read_rows(path) as (header, rows):
        require_columns(header, _COLUMNS, file=str(path))
        for row in tracked(list(rows), progress):
            batch.report.rows_read += 1
            _read_row(row, book, batch)
    batch.actors = list(book.new.values())
    return batch
