"""Claims in files: curated YAML (``sources`` + ``claims``) and JSON lines.

The wire form is the one ``patron claims --format jsonl`` prints, so listings
load back. Actor references may be an id, any name the gazetteer knows, or
``{"id": ...}``. A reference that also carries a ``kind`` defines its actor
(:func:`patron.wire.actor_definition`: what ``export`` writes for actors that
extraction or an import made): an actor the knowledge base does not know is then
made from it, with the claims, from the first definition of its id in the file;
an actor it knows is left as it is. A file loads
whole or not at all: every record is checked before anything is stored.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TextIO

from pydantic import ValidationError

from patron import yamlfile
from patron.actors.resolver import Resolver
from patron.errors import AmbiguousActor, InputError, UnknownActor, decode_utf8
from patron.model import Actor, Claim, Document, Evidence, ReviewEntry, document_id
from patron.validation import input_error

__all__ = ["LOADED", "ClaimBatch", "read_jsonl", "read_path", "read_yaml"]

_DOC_FIELDS = ("title", "publisher", "published", "url", "kind")


#: The origin of an actor a claim file defines without saying where it came from.
LOADED = "load"


class ClaimBatch:
    """Documents, claims and the actors they define, read from one file, all checked."""

    def __init__(self) -> None:
        self.documents: dict[str, Document] = {}
        self.claims: list[Claim] = []
        self.actors: dict[str, Actor] = {}  # defined in the file, unknown to the resolver
        self.origins: dict[str, str] = {}  # actor id → its origin
        self.reviews: dict[str, list[ReviewEntry]] = {}  # claim id → its review rows


def _actor_ref(
    value: Any, resolver: Resolver, batch: ClaimBatch, *, file: str, line: int | None, field: str
) -> str:
    name = value.get("id") if isinstance(value, dict) else value
    if not isinstance(name, str) or not name.strip():
        raise InputError("expected an actor id or name", file=file, line=line, field=field)
    try:
        return resolver.resolve(name)
    except AmbiguousActor as exc:
        raise InputError(str(exc), file=file, line=line, field=field) from exc
    except UnknownActor as exc:
        if isinstance(value, dict) and "kind" in value:
            return _define(value, batch, file=file, line=line, field=field)
        if name in batch.actors:
            return name
        raise InputError(str(exc), file=file, line=line, field=field) from exc


def _define(
    value: dict[str, Any], batch: ClaimBatch, *, file: str, line: int | None, field: str
) -> str:
    """Make the actor a reference defines; returns its id."""
    fields = {k: v for k, v in value.items() if k != "origin"}
    origin = value.get("origin", LOADED)
    if not isinstance(origin, str) or not 0 < len(origin) <= 60 or origin == "gazetteer":
        raise InputError(
            "expected where the actor came from (extract:candidate, import, load...); "
            "gazetteer actors come from `patron init`",
            file=file,
            line=line,
            field=f"{field}.origin",
        )
    try:
        actor = Actor.model_validate(fields)
    except ValidationError as exc:
        raise input_error(exc, file=file, line=line, prefix=f"{field}.") from exc
    if actor.id not in batch.actors:  # the first definition stands, as in the store
        batch.actors[actor.id] = actor
        batch.origins[actor.id] = origin
    return actor.id


def _document(value: Any, *, file: str, line: int | None, doc_id: str | None) -> Document:
    if not isinstance(value, dict):
        raise InputError(
            "expected a source object (title, publisher, published, url)",
            file=file,
            line=line,
            field="source",
        )
    fields = {k: value.get(k) for k in _DOC_FIELDS}
    ident = doc_id or value.get("id") or document_id(fields["url"], None, fields["title"])
    try:
        return Document(id=ident, **fields)
    except ValidationError as exc:
        raise input_error(exc, file=file, line=line, prefix="source.") from exc


def parse_record(
    record: dict[str, Any],
    resolver: Resolver,
    batch: ClaimBatch,
    *,
    file: str,
    line: int | None,
    sources: dict[str, Document] | None = None,
    has_document: Callable[[str], bool] | None = None,
) -> Claim:
    """One claim from its wire form; its document is added to ``batch``."""

    def where(field: str) -> int | None:
        return yamlfile.line_of(record, field) if "__lines__" in record else line

    data = yamlfile.strip_lines(record)
    for key in ("subject", "type", "object"):
        if key not in data:
            raise InputError("required field is missing", file=file, line=where(key), field=key)
    data["subject"] = _actor_ref(
        data["subject"], resolver, batch, file=file, line=where("subject"), field="subject"
    )
    data["object"] = _actor_ref(
        data["object"], resolver, batch, file=file, line=where("object"), field="object"
    )
    route = data.get("route") or []
    if not isinstance(route, list):
        raise InputError("expected a list of places", file=file, line=where("route"), field="route")
    data["route"] = [
        _actor_ref(p, resolver, batch, file=file, line=where("route"), field="route")
        for p in route
    ]
    evidence = data.pop("evidence", None) or {}
    if not isinstance(evidence, dict):
        raise InputError("expected an object (document, quote, span)", file=file,
                         line=where("evidence"), field="evidence")  # fmt: skip
    evidence = dict(evidence)
    source = data.pop("source", None)
    if isinstance(source, str):  # a source id: defined in this YAML file, or already stored
        if sources is not None and source in sources:
            document = sources[source]
        elif has_document is not None and has_document(source):
            document = None
            evidence["document"] = source
        else:
            raise InputError(
                f"unknown source {source!r}: not defined in this file nor stored in the "
                "knowledge base",
                file=file,
                line=where("source"),
                field="source",
            )
    elif source is not None:
        document = _document(
            source, file=file, line=where("source"), doc_id=evidence.get("document")
        )
    elif (isinstance(evidence.get("document"), str) and has_document
          and has_document(evidence["document"])):  # fmt: skip
        document = None
    else:
        raise InputError(
            "a claim needs a source (or evidence.document already stored)",
            file=file,
            line=where("source"),
            field="source",
        )
    if document is not None:
        batch.documents[document.id] = document
        evidence["document"] = document.id
    try:
        data["evidence"] = Evidence.model_validate(evidence) if evidence else evidence
    except ValidationError as exc:
        raise input_error(exc, file=file, line=where("evidence"), prefix="evidence.") from exc
    if isinstance(data.get("type"), dict):
        data["type"] = data["type"].get("id")
    given_id = data.pop("id", None)
    rows = _reviews(data.pop("reviews", None), file=file, line=where("reviews"))
    stored = data.pop("stored", None)
    if stored is not None:  # the state the claim was stored with, before its reviews
        if not isinstance(stored, dict) or set(stored) - {"review", "stance", "grade"}:
            raise InputError("expected an object with review, stance and grade", file=file,
                             line=where("stored"), field="stored")  # fmt: skip
        data.update(stored)
    try:
        claim = Claim.model_validate(data)
    except ValidationError as exc:
        field = ".".join(str(p) for p in exc.errors()[0]["loc"])
        raise input_error(exc, file=file, line=where(field)) from exc
    if given_id and given_id != claim.id:
        raise InputError(
            f"{given_id} does not match the claim's content ({claim.id}): "
            "claims are content-addressed; drop the id or restore the content",
            file=file,
            line=where("id"),
            field="id",
        )
    if rows:
        batch.reviews.setdefault(claim.id, []).extend(rows)
    return claim


def _reviews(value: Any, *, file: str, line: int | None) -> list[ReviewEntry]:
    """A claim's review rows (``reviews`` in its wire form), each checked."""
    if value is None:
        return []
    if not isinstance(value, list):
        raise InputError("expected a list of review rows", file=file, line=line, field="reviews")
    rows = []
    for i, item in enumerate(value):
        if not isinstance(item, dict):
            raise InputError("expected an object", file=file, line=line, field=f"reviews[{i}]")
        try:
            rows.append(ReviewEntry.model_validate(item))
        except ValidationError as exc:
            raise input_error(exc, file=file, line=line, prefix=f"reviews[{i}].") from exc
    return rows


def read_yaml(
    path: Path, resolver: Resolver, has_document: Callable[[str], bool] | None = None
) -> ClaimBatch:
    """Curated claims: ``sources:`` (documents) and ``claims:`` referring to them (or to
    sources already stored, when ``has_document`` says so)."""
    file = str(path)
    data = yamlfile.load(path)
    if isinstance(data, list):  # a bare list of claims, from the first line on
        data = {"claims": data, "__line__": 1, "__lines__": {"claims": 1}}
    if not isinstance(data, dict):
        raise InputError("expected a mapping with sources and claims", file=file, line=1)
    batch = ClaimBatch()
    sources: dict[str, Document] = {}
    for key in ("sources", "claims"):
        if not isinstance(data.get(key) or [], list):
            raise InputError("expected a list", file=file, line=yamlfile.line_of(data, key),
                             field=key)  # fmt: skip
    for entry in data.get("sources") or []:
        if not isinstance(entry, dict):
            raise InputError("expected a mapping", file=file,
                             line=yamlfile.line_of(data, "sources"), field="sources")  # fmt: skip
        line = yamlfile.line_of(entry)
        if "id" not in entry:
            raise InputError("required field is missing", file=file, line=line, field="id")
        clean = yamlfile.strip_lines(entry)
        sources[str(clean["id"])] = _document(clean, file=file, line=line, doc_id=None)
    for entry in data.get("claims") or []:
        if not isinstance(entry, dict):
            raise InputError("expected a mapping", file=file, line=yamlfile.line_of(data, "claims"),
                             field="claims")  # fmt: skip
        batch.claims.append(
            parse_record(
                entry, resolver, batch, file=file, line=yamlfile.line_of(entry), sources=sources,
                has_document=has_document,
            )
        )
    return batch


def _json_lines(stream: TextIO, file: str) -> Iterator[tuple[int, dict[str, Any]]]:
    for number, text in enumerate(stream, start=1):
        if not text.strip():
            continue
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg}", file=file, line=number) from exc
        if not isinstance(record, dict):
            raise InputError("expected a JSON object", file=file, line=number)
        yield number, record


def read_jsonl(
    stream: TextIO,
    resolver: Resolver,
    *,
    file: str,
    has_document: Callable[[str], bool] | None = None,
) -> ClaimBatch:
    """One claim per line, in the wire form of ``patron claims --format jsonl``."""
    batch = ClaimBatch()
    for number, record in _json_lines(stream, file):
        batch.claims.append(
            parse_record(record, resolver, batch, file=file, line=number, has_document=has_document)
        )
    return batch


def read_path(
    path: Path, resolver: Resolver, has_document: Callable[[str], bool] | None = None
) -> ClaimBatch:
    """A claim file by its suffix: ``.yaml``/``.yml`` or JSON lines."""
    if path.suffix in (".yaml", ".yml"):
        return read_yaml(path, resolver, has_document)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", file=str(path)) from exc
    text = decode_utf8(data, str(path))
    return read_jsonl(io.StringIO(text), resolver, file=str(path), has_document=has_document)
