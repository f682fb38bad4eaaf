"""FollowTheMoney JSON lines → actors, documents and claims.

Reads what ``patron export ftm`` writes (exactly: the Patron fields in a link's
``description`` restore every claim field, so ids, stances, grades and sources
survive the round trip) and FtM from other tools: ``UnknownLink`` entities whose
``role`` is a Patron claim type, ``Payment`` (funding) and ``Membership``
(member_of) become claims with stance from ``status`` when it is a Patron stance
(else ``reported``) and grade F6; their source is the ``proof`` document, or
the FtM file itself when there is none.

Legal entities resolve through the gazetteer (``actor-<id>`` ids and names
first); the rest become actors with kind from ``classification`` or schema.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from followthemoney import model
from followthemoney.exc import InvalidData
from followthemoney.proxy import EntityProxy
from pydantic import ValidationError

from patron.errors import InputError, decode_utf8
from patron.ftmkeys import ACTOR_PREFIX, FIELDS_KEY, LINK_ENDS
from patron.importers.batch import (
    ActorBook,
    ImportBatch,
    ImportReport,
    Progress,
    slug,
    tracked,
)
from patron.model import Actor, Claim, Document, Evidence, TimeSpan, document_id
from patron.validation import input_error
from patron.vocab import VOCAB

__all__ = ["ORIGIN", "read"]

ORIGIN = "import:ftm"
_KIND_OF_SCHEMA = {
    "PublicBody": "state_organ",
    "Person": "person",
    "Territory": "place",
    "Company": "intermediary",
}
_DEFAULT_TYPE = {"Payment": "funding", "Membership": "member_of"}


def _entities(path: Path) -> list[tuple[int, EntityProxy]]:
    file = str(path)
    out: list[tuple[int, EntityProxy]] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc.strerror or exc}", file=file) from exc
    for number, text in enumerate(decode_utf8(raw, file).split("\n"), start=1):
        if not text.strip():
            continue
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", file=file, line=number) from exc
        try:
            out.append((number, model.get_proxy(data, cleaned=False)))
        except (InvalidData, TypeError, AttributeError, KeyError) as exc:
            field = "schema" if isinstance(data, dict) and "schema" in data else None
            raise InputError(
                f"not a FollowTheMoney entity: {exc}", file=file, line=number, field=field
            ) from exc
    return out


def _first(entity: EntityProxy, prop: str) -> str | None:
    if not entity.schema.get(prop):
        return None
    return entity.first(prop)


def _actor(entity: EntityProxy, book: ActorBook, parents: dict[str, str]) -> str | None:
    name = _first(entity, "name")
    if not name:
        return None
    ident = str(entity.id)
    own = ident[len(ACTOR_PREFIX) :] if ident.startswith(ACTOR_PREFIX) else None
    if own and book.known(own):
        return own
    aliases = entity.get("alias", quiet=True)
    found = book.find(name, *aliases)
    if found:
        return found
    kind = _first(entity, "classification")
    if kind not in VOCAB.actor_kinds:
        kind = _KIND_OF_SCHEMA.get(entity.schema.name, "political_org")
    country = _first(entity, "country")
    new_id = own or f"ftm-{slug(name)}"
    parent = _first(entity, "parent")
    if parent:
        parents[new_id] = parent
    return book.add(
        Actor(
            id=new_id,
            name=name,
            kind=kind,
            country=country.upper() if country else None,
            wikidata=_first(entity, "wikidataId"),
            aliases=tuple(aliases),
            acronyms=tuple(entity.get("abbreviation", quiet=True)),
            source="FollowTheMoney import",
        )
    )


def _day(value: str | None) -> str | None:
    """An FtM date as Patron keeps it: FtM dates are ISO prefixes that may carry a time
    ("2023-10-07T06:30"); the day is what a document's date holds."""
    return value.split("T", 1)[0] if value else value


def _document(entity: EntityProxy) -> Document:
    return Document(
        id=str(entity.id),
        title=_first(entity, "title") or _first(entity, "name"),
        publisher=_first(entity, "publisher"),
        published=_day(_first(entity, "publishedAt") or _first(entity, "date")),
        url=_first(entity, "sourceUrl"),
        kind=_first(entity, "keywords"),
    )


def _patron(entity: EntityProxy) -> dict[str, Any] | None:
    for text in entity.get("description", quiet=True):
        try:
            data = json.loads(text)
        except json.JSONDecodeError:
            continue
        if isinstance(data, dict) and isinstance(data.get(FIELDS_KEY), dict):
            return dict(data[FIELDS_KEY])
    return None


def _claim(
    entity: EntityProxy,
    ends: tuple[str, str],
    actors: dict[str, str],
    fallback_doc: Document,
    batch: ImportBatch,
) -> Claim | None:
    """The claim a link states; ``actors`` maps FtM entity ids to actor ids."""
    subject, object_ = ends
    schema = entity.schema.name
    fields = _patron(entity)
    type_ = _first(entity, "purpose" if schema == "Payment" else "role")
    if type_ not in VOCAB.claim_types:
        type_ = _DEFAULT_TYPE.get(schema)
    if type_ is None:
        batch.report.skip("links whose role is not a Patron claim type")
        return None
    if fields is None:
        stance = _first(entity, "status")
        proof = _first(entity, "proof")
        doc_id = proof if proof in batch.documents else fallback_doc.id
        if doc_id == fallback_doc.id:
            batch.documents[fallback_doc.id] = fallback_doc
        fields = {
            "time": TimeSpan(start=_first(entity, "startDate"), end=_first(entity, "endDate")),
            "stance": stance if stance in VOCAB.stances else "reported",
            "grade": "F6",
            "evidence": Evidence(document=doc_id),
            "origin": ORIGIN,
            "statement": _first(entity, "summary"),
        }
    route = [actors.get(ACTOR_PREFIX + r, r) for r in fields.get("route") or []]
    record = {**fields, "route": route, "subject": subject, "type": type_, "object": object_}
    return Claim.model_validate(record)


def read(path: Path, book: ActorBook, progress: Progress | None = None) -> ImportBatch:
    """Read an FtM JSON lines file whole; links become claims, legal entities actors."""
    file = str(path)
    found = _entities(path)
    batch = ImportBatch(ImportReport(source=f"FollowTheMoney {path.name}"))
    fallback = Document(
        id=document_id(None, None, f"FollowTheMoney entities ({path.name})"),
        title=f"FollowTheMoney entities ({path.name})",
        kind="dataset",
    )
    actor_of: dict[str, str] = {}
    parents: dict[str, str] = {}
    links: list[tuple[int, EntityProxy]] = []
    for line, entity in found:
        batch.report.rows_read += 1
        schema = entity.schema
        if schema.name in LINK_ENDS:
            links.append((line, entity))
            continue
        try:
            if schema.is_a("Document"):
                batch.documents[str(entity.id)] = _document(entity)
                continue
            if schema.is_a("LegalEntity") or schema.name == "Territory":
                actor = _actor(entity, book, parents)
                if actor:
                    actor_of[str(entity.id)] = actor
                else:
                    batch.report.skip("entities without a name")
                continue
        except ValidationError as exc:
            raise input_error(exc, file=file, line=line) from exc
        if schema.name != "Documentation":
            batch.report.skip(f"entities of schema {schema.name} (not mapped)")
    for line, entity in tracked(links, progress):
        source, target = LINK_ENDS[entity.schema.name]
        subject = actor_of.get(_first(entity, source) or "")
        object_ = actor_of.get(_first(entity, target) or "")
        if subject is None or object_ is None:
            batch.report.skip("links to an entity not in the file")
            continue
        try:
            claim = _claim(entity, (subject, object_), actor_of, fallback, batch)
        except ValidationError as exc:
            raise input_error(exc, file=file, line=line) from exc
        if claim is not None:
            batch.add_claim(claim)
    for actor_id, parent in parents.items():
        if parent in actor_of and actor_id in book.new:
            book.new[actor_id] = book.new[actor_id].model_copy(update={"part_of": actor_of[parent]})
    batch.actors = list(book.new.values())
    return batch
