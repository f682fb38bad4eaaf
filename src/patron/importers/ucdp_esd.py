"""UCDP External Support Dataset → support claims, one per supporter, type and year.

Two shapes are read, told apart by their header:

* **v1.0 supporter level** (triad-year, 1975-2009): one row per recipient ×
  year × supporter with that supporter's own type flags. Each flag becomes a
  claim; ``external_alleged = 1`` becomes stance ``alleged`` (grade B3), an
  established row stance ``asserted`` (grade B2).
* **v18.1 actor-year** (1975-2017): one row per warring party and year, the
  supporters comma-separated in ``ext_name`` and type flags aggregated over them,
  split by state (``_s``) and non-state (``_ns``) supporters, with counts. The file
  does not say which supporter gave which type (the triad-year file would). A
  type is attributed to a supporter exactly when every supporter of its class
  gave it (``ext_w_count_s == ext_count_s``): stance ``asserted``, grade B2. The
  types only some of them gave are not attributed to anyone: each supporter of
  the class gets one ``backing`` claim (support of an unnamed kind, which the
  listing itself establishes) graded B3, whose statement names those types and
  how many supporters shared them. Saying "Qatar gave arms" on that evidence
  would state as UCDP's finding what UCDP did not find.

Types map through ``vocab.yaml`` (``VOCAB.type_for_ucdp``; "other" and
"unknown" support land in ``backing``); a flag no type claims is skipped. UCDP names resolve through
``ucdp_names.yaml`` then the gazetteer; an unknown name becomes a new actor
``ucdp-<actor id>`` (v18.1 ids) or ``ucdp-v1-<id>`` (v1.0 has its own numbering),
with the UCDP name and id as aliases.
"""

from __future__ import annotations

import re
from functools import cache
from importlib.resources import files
from pathlib import Path

import yaml

from patron.errors import InputError
from patron.importers.batch import (
    ActorBook,
    ImportBatch,
    ImportReport,
    Progress,
    slug,
    tracked,
)
from patron.importers.csvrows import Row, flag, integer, read_rows, require_columns
from patron.model import Attribution, Claim, Document, Evidence, document_id
from patron.timespan import TimeSpan
from patron.vocab import VOCAB

__all__ = ["ORIGIN", "V1_DOCUMENT", "V18_DOCUMENT", "read"]

ORIGIN = "import:ucdp-esd"
_URL = "https://ucdp.uu.se/downloads/"
_PUBLISHER = "UCDP"
V1_DOCUMENT = Document(
    id=document_id(_URL, None, "External Support Dataset v1.0, disaggregated (supporter) version"),
    title="External Support Dataset v1.0, disaggregated (supporter) version",
    publisher=_PUBLISHER,
    published="2011",
    url=_URL,
    kind="dataset",
)
V18_DOCUMENT = Document(
    id=document_id(_URL, None, "External Support Dataset v18.1, actor-year version"),
    title="External Support Dataset v18.1, actor-year version",
    publisher=_PUBLISHER,
    published="2018",
    url=_URL,
    kind="dataset",
)
# v1.0 flag column suffix -> UCDP support code ("$" was renamed FUNDING in the CSV).
_V1_FLAGS = {
    "X": "x", "Y": "y", "L": "l", "W": "w", "M": "m", "T": "t",
    "FUNDING": "$", "I": "i", "O": "o", "U": "u",
}  # fmt: skip
_V1_COLUMNS = (
    "ywp_year", "ywp_name", "actorID", "bc_name", "external_exists", "external_name",
    "external_nameid", "external_alleged", "external_type_code", "external_type_text",
    *(f"external_type_{k}" for k in _V1_FLAGS),
)  # fmt: skip
_V18_CODES = ("x", "p", "y", "w", "m", "t", "f", "i", "l", "o", "u")
_V18_COLUMNS = (
    "year", "actor_id", "actor_name", "actor_nonstate", "ext_id", "ext_name", "ext_sup",
    "ext_count", "ext_count_s", "ext_count_ns", "location",
    *(f"ext_{c}_count{k}" for c in _V18_CODES for k in ("", "_s", "_ns")),
)  # fmt: skip
_GOVERNMENT = re.compile(r"^Governments? of (?:the )?(.+)$")
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*$")
_STATE_GRADE, _ALLEGED_GRADE = "B2", "B3"


@cache
def _name_table() -> dict[str, str]:
    text = files("patron.importers").joinpath("ucdp_names.yaml").read_text(encoding="utf-8")
    return {str(k): str(v) for k, v in (yaml.safe_load(text) or {}).items()}


class _Names:
    """UCDP names → actor ids, minting new actors the gazetteer lacks."""

    def __init__(self, book: ActorBook, id_prefix: str, alias_label: str) -> None:
        self.book = book
        self.seen: dict[str, bool] = {}  # UCDP name → resolved to an actor known before
        self.prefix = id_prefix
        self.label = alias_label

    def actor(self, name: str, ucdp_id: str | None, kind: str) -> str:
        found = self._actor(name.strip(), ucdp_id, kind)
        self.seen.setdefault(name.strip(), self.book.gazetteer_knows(found))
        return found

    def _actor(self, name: str, ucdp_id: str | None, kind: str) -> str:
        mapped = _name_table().get(name)
        if mapped and self.book.known(mapped):
            return mapped
        gov = _GOVERNMENT.match(name)
        plain = gov.group(1) if gov else name
        base = _PAREN.sub("", plain)
        found = self.book.find(name, plain, base)
        if found and (not gov or self.book.kind(found) == "state"):
            return found
        new_id = f"{self.prefix}{ucdp_id}" if ucdp_id else f"{self.prefix}{slug(name)}"
        aliases = [name, f"{self.label} {ucdp_id}" if ucdp_id else ""]
        return self.book.get(
            base,
            new_id=new_id,
            kind="state" if gov else kind,
            aliases=aliases,
            source="UCDP External Support Dataset",
        )


def _coalition(name: str) -> list[str]:
    """``Governments of USA, United Kingdom`` → one UCDP government name each."""
    if name.startswith("Governments of "):
        return [f"Government of {n.strip()}" for n in name[15:].split(",") if n.strip()]
    if ", Government of " in name:
        return [n.strip() for n in re.split(r",\s*(?=Government of )", name)]
    return [name]


def _claim(
    subject: str,
    type_: str,
    object_: str,
    year: int,
    doc: Document,
    *,
    stance: str,
    grade: str,
    quote: str,
    statement: str,
) -> Claim:
    return Claim(
        subject=subject,
        type=type_,
        object=object_,
        time=TimeSpan(start=str(year), end=str(year)),
        evidence=Evidence(document=doc.id, quote=quote),
        attribution=Attribution(by=_PUBLISHER),
        stance=stance,
        grade=grade,
        origin=ORIGIN,
        statement=statement,
    )


def _types(codes: list[str]) -> list[str]:
    """Patron types for UCDP codes, in vocabulary order, once each."""
    found = {t for c in codes if (t := VOCAB.type_for_ucdp(c))}
    return [t for t in VOCAB.types_in("support") if t in found]


def _v1_kind(nameid: int | None) -> str:
    """v1.0 supporter ids: Gleditsch-Ward codes for states, 1xxx rebel groups,
    90xx sub-national governments, 92xx companies, 94xx international bodies."""
    if nameid is None or nameid < 1000:
        return "state"
    if nameid < 2000:
        return "armed_group"
    if 9000 <= nameid < 9100:
        return "state_organ"
    if 9200 <= nameid < 9300:
        return "intermediary"
    if 9400 <= nameid < 9500:
        return "intl_org"
    return "political_org"


def _read_v1(row: Row, names: _Names, batch: ImportBatch) -> None:
    report = batch.report
    year = integer(row, "ywp_year")
    assert year is not None
    exists = integer(row, "external_exists", required=False)
    if exists not in (None, -1, 0, 1):
        raise row.error(f"expected -1, 0 or 1, found {row['external_exists']!r}", "external_exists")
    alleged = flag(row, "external_alleged")
    supporter = row["external_name"]
    codes = [code for col, code in _V1_FLAGS.items() if flag(row, f"external_type_{col}")]
    if not supporter:
        return report.skip("rows with no external supporter")
    if exists == -1:
        return report.skip("rows whose support is unclear (external_exists = -1)")
    if exists != 1 and not alleged:
        return report.skip("rows with a supporter but no support (external_exists = 0)")
    types = _types(codes)
    if not types:
        return report.skip("rows with only other or unknown support (O, U)")
    nameid = integer(row, "external_nameid", required=False)
    subject = names.actor(supporter, str(nameid) if nameid is not None else None, _v1_kind(nameid))
    stance, grade = ("alleged", _ALLEGED_GRADE) if alleged else ("asserted", _STATE_GRADE)
    code = row["external_type_code"]
    quote = f"{supporter} → {row['ywp_name']}, {year}: {code} ({row['external_type_text']})"
    for recipient in _coalition(row["ywp_name"]):
        kind = "state" if _GOVERNMENT.match(recipient) else "armed_group"
        object_ = names.actor(recipient, _ucdp_id(row, "actorID", row["actorID"]), kind)
        if object_ == subject:
            report.skip("rows where supporter and recipient are one actor")
            continue
        for t in types:
            label = VOCAB.claim_types[t].label
            statement = (
                f"UCDP ESD v1.0 records {'alleged ' if alleged else ''}{label} support from "
                f"{supporter} to {recipient} in {year} ({row['bc_name']} conflict)."
            )
            batch.add_claim(
                _claim(
                    subject,
                    t,
                    object_,
                    year,
                    V1_DOCUMENT,
                    stance=stance,
                    grade=grade,
                    quote=quote,
                    statement=statement,
                )
            )


def _ucdp_id(row: Row, column: str, text: str) -> str | None:
    """A UCDP actor id as written in Patron's ids (``"1051"``, ``"1051.0"``: 1051)."""
    text = text.strip()
    if not text:
        return None
    try:
        number = float(text)
    except ValueError:
        number = -1.0
    if not (0 <= number < 1e12 and number == int(number)):
        raise row.error(f"expected a UCDP actor id (a whole number), found {text!r}", column)
    return str(int(number))


def _split_supporters(row: Row) -> list[tuple[str, str | None]]:
    # Names are joined by "," without a space; a name may itself hold ", ".
    found = [n.strip() for n in re.split(r",(?!\s)", row["ext_name"]) if n.strip()]
    listed = row["ext_id"].split(",") if row["ext_id"] else []
    ids = [_ucdp_id(row, "ext_id", i) or "" for i in listed]
    if len(ids) != len(found):
        ids = [""] * len(found)  # UCDP's lists disagree: keep names, drop ids
    return [(n, i or None) for n, i in zip(found, ids, strict=True)]


def _is_state(name: str) -> bool:
    return bool(_GOVERNMENT.match(name)) or name.endswith(" elements")


def _read_v18(row: Row, names: _Names, batch: ImportBatch) -> None:
    report = batch.report
    if not flag(row, "ext_sup"):
        return report.skip("rows with no external support that year")
    year = integer(row, "year")
    assert year is not None
    supporters = _split_supporters(row)
    if not supporters:
        raise row.error("ext_sup is 1 but no supporter is named", "ext_name")
    recipient_kind = "armed_group" if flag(row, "actor_nonstate") else "state"
    recipients = [
        names.actor(r, _ucdp_id(row, "actor_id", row["actor_id"]), recipient_kind)
        for r in _coalition(row["actor_name"])
    ]
    n_state = sum(_is_state(n) for n, _ in supporters)
    by_class = (n_state, len(supporters) - n_state) == (
        integer(row, "ext_count_s", required=False) or 0,
        integer(row, "ext_count_ns", required=False) or 0,
    )
    everyone = ", ".join(n for n, _ in supporters)
    for name, ucdp_id in supporters:
        state = _is_state(name)
        suffix = ("_s" if state else "_ns") if by_class else ""
        peers = [n for n, _ in supporters if not by_class or _is_state(n) == state]
        exact: dict[str, bool] = {}
        for code in _V18_CODES:
            given = integer(row, f"ext_{code}_count{suffix}", required=False) or 0
            t = VOCAB.type_for_ucdp(code)
            if given and t:
                exact[t] = exact.get(t, False) or given >= len(peers)
        if not exact:
            report.skip("supporters with only other or unknown support (o, u)")
            continue
        kind = "state_organ" if name.endswith(" elements") else "armed_group"
        subject = names.actor(name, ucdp_id, kind)
        found = _types([c for c in _V18_CODES if VOCAB.type_for_ucdp(c) in exact])
        some = [t for t in found if not exact[t]]
        klass = "" if not by_class else ("state " if state else "non-state ")
        for object_, recipient in zip(recipients, _coalition(row["actor_name"]), strict=True):
            if object_ == subject:
                report.skip("supporters who are the recipient")
                continue
            quote = f"{recipient}, {year}: external supporters {everyone}"
            for t in found:
                if exact[t] and not (t == "backing" and some):
                    statement = (
                        f"UCDP ESD v18.1 records {VOCAB.claim_types[t].label} support to "
                        f"{recipient} in {year} from every {klass}supporter, {name} among "
                        f"them ({row['location']})."
                    )
                    batch.add_claim(_claim(subject, t, object_, year, V18_DOCUMENT,
                                           stance="asserted", grade=_STATE_GRADE,
                                           quote=quote, statement=statement))
            if some:
                labels = ", ".join(VOCAB.claim_types[t].label for t in some)
                statement = (
                    f"UCDP ESD v18.1 lists {name} among the {len(peers)} {klass}supporters "
                    f"of {recipient} in {year} ({', '.join(peers)}); it records {labels} "
                    "from some of them without saying which."
                )
                batch.add_claim(_claim(subject, "backing", object_, year, V18_DOCUMENT,
                                       stance="asserted", grade=_ALLEGED_GRADE,
                                       quote=quote, statement=statement))


def read(path: Path, book: ActorBook, progress: Progress | None = None) -> ImportBatch:
    """Read a UCDP ESD CSV (v1.0 supporter level or v18.1 actor-year) whole."""
    file = str(path)
    minted_before = set(book.new)
    with read_rows(path) as (header, rows):
        if "ywp_name" in header:
            require_columns(header, _V1_COLUMNS, file=file)
            names = _Names(book, "ucdp-v1-", "UCDP ESD v1.0 actor")
            reader, doc = _read_v1, V1_DOCUMENT
        elif "ext_name" in header:
            require_columns(header, _V18_COLUMNS, file=file)
            names = _Names(book, "ucdp-", "UCDP actor")
            reader, doc = _read_v18, V18_DOCUMENT
        else:
            raise InputError(
                "not a UCDP ESD file: expected the v1.0 supporter-level columns "
                "(ywp_name, external_name, ...) or the v18.1 actor-year columns "
                "(actor_name, ext_name, ...)",
                file=file,
                line=1,
            )
        batch = ImportBatch(ImportReport(source=f"UCDP ESD ({doc.title})"))
        batch.documents[doc.id] = doc
        for row in tracked(list(rows), progress, every=200):
            batch.report.rows_read += 1
            reader(row, names, batch)
    batch.actors = [a for i, a in book.new.items() if i not in minted_before]
    batch.report.names = names.seen
    return batch
