"""``/claims``: the claim browser (the CLI's filters), and ``/claims/{id}``: one claim
with its quote highlighted in its document's text and its review trail."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request, Response
from markupsafe import Markup, escape

from patron.api.errors import NotFound
from patron.api.service import Service, service
from patron.errors import InputError
from patron.model import Claim
from patron.store import ClaimFilter, pages, reviews
from patron.store.filters import Unreviewed
from patron.web.evidence import evidence_rows
from patron.web.render import highlight, page
from patron.web.route import WebRoute
from patron.web.session import PageViewer

__all__ = ["locate", "router", "text_around"]

router = APIRouter(route_class=WebRoute, include_in_schema=False)
Svc = Annotated[Service, Depends(service)]

_MANY = ("actor", "subject", "object", "type", "stance", "origin")
_ONE = ("since", "until", "min_grade", "unreviewed")
_PAGE = 50
#: Characters of document text shown on each side of a quote.
CONTEXT = 3000


def _asked(request: Request) -> dict[str, list[str]]:
    """The filters as asked, empty form fields dropped."""
    q = request.query_params
    return {k: [v.strip() for v in q.getlist(k) if v.strip()] for k in (*_MANY, *_ONE)}


def _filter(svc: Service, asked: dict[str, list[str]]) -> ClaimFilter:
    def one(key: str) -> str | None:
        return asked[key][0] if asked[key] else None

    flt = ClaimFilter.checked(types=asked["type"], since=one("since"), until=one("until"),
                              min_grade=one("min_grade"), stances=asked["stance"],
                              origins=asked["origin"])  # fmt: skip
    mode = one("unreviewed") or "include"
    if mode not in ("include", "exclude", "only"):
        raise InputError(f"unknown value {mode!r}; one of include, exclude, only",
                         field="unreviewed")  # fmt: skip
    unreviewed: Unreviewed = "only" if mode == "only" else (
        "exclude" if mode == "exclude" else "include")
    kb = svc.kb
    ids = {k: tuple(kb.resolve(n).id for n in asked[k]) for k in ("actor", "subject", "object")}
    return ClaimFilter(**{**flt.__dict__, "actors": ids["actor"], "subjects": ids["subject"],
                          "objects": ids["object"], "unreviewed": unreviewed})  # fmt: skip


@router.get("/claims")
def claim_browser(request: Request, svc: Svc, _user: PageViewer,
                  offset: Annotated[int, Query(ge=0)] = 0) -> Response:  # fmt: skip
    asked = _asked(request)
    flt = _filter(svc, asked)
    store = svc.kb.store
    found = pages.claims_page(store, flt, offset=offset, limit=_PAGE)
    total = store.count(flt)
    query = [(k, v) for k, vs in asked.items() for v in vs]
    name = "claims_rows.html" if request.headers.get("hx-request") == "true" else "claims.html"
    return page(request, name, asked=asked, rows=evidence_rows(svc.kb, found), total=total,
                offset=offset, size=_PAGE, query=query,
                undated=store.undated_left_out(flt) if flt.windowed else 0)  # fmt: skip


def locate(text: str, claim: Claim) -> tuple[int, int] | None:
    """Where the claim's quote stands in ``text``: its recorded span when the text there
    is the quote, else the quote's first occurrence; None when it is not in the text."""
    ev = claim.evidence
    if ev.span and ev.span[1] <= len(text) and (
            not ev.quote or text[ev.span[0]:ev.span[1]] == ev.quote):
        return ev.span
    if ev.quote:
        at = text.find(ev.quote)
        if at >= 0:
            return at, at + len(ev.quote)
    return None


def text_around(text: str, where: tuple[int, int] | None) -> Markup:
    """The document text near the quote, escaped, the quote in ``<mark>``."""
    if where is None:
        cut = text[: 2 * CONTEXT]
        return escape(cut) + ("…" if len(text) > len(cut) else "")
    lo, hi = max(0, where[0] - CONTEXT), min(len(text), where[1] + CONTEXT)
    body = highlight(text[lo:hi], where[0] - lo, where[1] - lo)
    return (Markup("…") if lo else Markup("")) + body + (Markup("…") if hi < len(text) else "")


@router.get("/claims/{claim_id}")
def claim_page(request: Request, svc: Svc, _user: PageViewer, claim_id: str) -> Response:
    store = svc.kb.store
    found = pages.claim(store, claim_id)
    if found is None:
        raise NotFound(f"no claim {claim_id!r}")
    row = evidence_rows(svc.kb, [found])[0]
    doc = store.document(found.evidence.document)
    text = doc.text if doc is not None and doc.text else None
    where = locate(text, found) if text else None
    body: Any = text_around(text, where) if text else None
    return page(request, "claim.html", row=row, document=doc, text=body, found=where is not None,
                history=reviews.history(store, claim_id), done=None)  # fmt: skip
