"""``/api/documents``: sources with their claims; ingesting a new one (analyst)."""

from __future__ import annotations

import re
import tempfile
from pathlib import Path
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request, Response
from fastapi.responses import PlainTextResponse
from pydantic import BaseModel, Field

from patron.api.auth import Analyst
from patron.api.caching import CachingRoute, Tag
from patron.api.errors import NotFound
from patron.api.paging import Paging, page
from patron.api.records import claim_records
from patron.api.service import Service, service
from patron.errors import InputError
from patron.model import Document
from patron.readers.documents import SUFFIXES, Skipped
from patron.store import pages

__all__ = ["MAX_INGEST", "router"]

router = APIRouter(prefix="/api/documents", tags=["documents"], route_class=CachingRoute)
Svc = Annotated[Service, Depends(service)]

#: Longest text one ingest request takes, in characters (bigger files: ``patron ingest``).
MAX_INGEST = 20_000_000
_UNSAFE = re.compile(r"[^\w.\- ]+")


class DocumentIn(BaseModel):
    name: str = Field(min_length=1, max_length=200, description=(
        "File name; its suffix picks the reader (.txt, .md, .html, .jsonl, .xml/.rss) "
        "and its stem is the title of a plain-text document"))
    text: str = Field(max_length=MAX_INGEST, description="The file's contents")


def _meta(doc: Document) -> dict[str, Any]:
    return doc.model_dump(mode="json", exclude={"text"})


@router.get("")
def list_documents(request: Request, response: Response, svc: Svc, _tag: Tag,
                   at: Paging) -> dict[str, Any]:
    """Documents (without their text), by id."""
    docs, total = pages.documents_page(svc.kb.store, offset=at.offset, limit=at.limit)
    return page(request, response, at, [_meta(d) for d in docs], total)


@router.get("/{doc_id}")
def get_document(request: Request, response: Response, svc: Svc, _tag: Tag, at: Paging,
                 doc_id: str) -> dict[str, Any]:
    """One document (without its text) and a page of its claims, in load order."""
    found = svc.kb.store.documents([doc_id]).get(doc_id)
    if found is None:
        raise NotFound(f"no document {doc_id!r}")
    items, total = pages.document_claims(svc.kb.store, doc_id, offset=at.offset,
                                         limit=at.limit)  # fmt: skip
    return page(request, response, at, claim_records(svc.kb, items), total,
                document=_meta(found))


@router.get("/{doc_id}/text", response_class=PlainTextResponse)
def get_text(svc: Svc, tag: Tag, doc_id: str) -> PlainTextResponse:
    """The document's text as stored."""
    found = svc.kb.store.document(doc_id)
    if found is None:
        raise NotFound(f"no document {doc_id!r}")
    return PlainTextResponse(found.text or "", headers={"ETag": tag})


def _file_name(name: str) -> str:
    base = _UNSAFE.sub("_", Path(name.replace("\\", "/")).name).strip(" .")
    if not base or Path(base).suffix.lower() not in SUFFIXES:
        raise InputError(f"the name must end in one of {', '.join(sorted(SUFFIXES))}, "
                         f"not {name!r}", field="name")  # fmt: skip
    return base


@router.post("", status_code=201)
def ingest(svc: Svc, user: Analyst, body: DocumentIn) -> dict[str, Any]:
    """Read, extract and store one document, as ``patron ingest FILE`` (analyst); the
    ingest is audited. Storing the same text again stores nothing new."""
    name = _file_name(body.name)
    with tempfile.TemporaryDirectory(prefix="patron-ingest-") as folder:
        path = Path(folder) / name
        path.write_text(body.text, encoding="utf-8")
        seen: list[str] = []

        def note(item: Document | Skipped) -> None:
            if isinstance(item, Document):
                seen.append(item.id)

        report = svc.kb.ingest([path], progress=note)
    result = {
        "name": name,
        "documents": seen,
        "documents_read": report.documents_read,
        "documents_new": report.documents_new,
        "documents_known": report.documents_known,
        "claims_new": report.claims_new,
        "actors_new": report.actors_new,
        "skipped": [s.reason for s in report.skipped],
    }
    svc.accounts.log(user.name, "ingest", name, result)
    return result
