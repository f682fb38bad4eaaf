"""Templates: one Jinja2 environment, autoescaping every template, and the helpers
pages share.

Invariant: text from the knowledge base (document text, quotes, actor names, titles,
comments) reaches a page only through autoescaped ``{{ }}`` or through
:func:`highlight`, which escapes each piece itself; no template marks stored text
``|safe``. Data for scripts goes in ``<script type="application/json">`` blocks
through Jinja's ``tojson``, which writes ``<``, ``>``, ``&`` and ``'`` as ``\\u003c``
and so on, or comes from a JSON endpoint.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from patron.store.accounts import User, rank
from patron.vocab import VOCAB

__all__ = ["CSP", "env", "highlight", "page", "security_headers"]

#: Scripts from this server only: no inline script, no eval, no framing. Style
#: attributes are allowed ('unsafe-inline' in style-src only): sigma.js and vis-timeline
#: position their canvases and items with them. Stylesheets still come from here.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
       "img-src 'self' data:; "
       "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
       "frame-ancestors 'none'")  # fmt: skip

env = Environment(
    loader=FileSystemLoader(Path(__file__).parent / "templates"),
    autoescape=True,  # every template, whatever its name
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
env.globals["vocab"] = VOCAB


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{100 * value:.1f}%"


def _web_url(value: str | None) -> str | None:
    """``value`` when it is an http(s) link; None otherwise (no ``javascript:`` hrefs)."""
    if value and value.strip().lower().startswith(("http://", "https://")):
        return value.strip()
    return None


env.filters["pct"] = _pct
env.filters["web_url"] = _web_url


def security_headers() -> dict[str, str]:
    return {
        "Content-Security-Policy": CSP,
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "same-origin",
        "X-Frame-Options": "DENY",
        "Cache-Control": "no-store",
    }


def page(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    """Render template ``name`` with ``context``, the user and the CSRF token."""
    user: User | None = getattr(request.state, "user", None)
    html = env.get_template(name).render(
        request=request,
        user=user,
        analyst=user is not None and rank(user.role) >= rank("analyst"),
        csrf=getattr(request.state, "csrf", ""),
        partial=request.headers.get("hx-request") == "true",
        **context,
    )
    return HTMLResponse(html, status_code=status, headers=security_headers())


def highlight(text: str, start: int, end: int) -> Markup:
    """``text`` escaped, with ``text[start:end]`` inside ``<mark>``: each piece is
    escaped on its own, and only the two tags are markup.

    >>> str(highlight("a <b> c", 2, 5))
    'a <mark>&lt;b&gt;</mark> c'
    """
    return (escape(text[:start]) + Markup("<mark id=\"quote\">") + escape(text[start:end])
            + Markup("</mark>") + escape(text[end:]))  # fmt: skip
