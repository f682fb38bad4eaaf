"""Pages over a test knowledge base: a TestClient with a session cookie per role, and,
for the browser tests, a server on a free loopback port and Debian's chromium.

:func:`seed` adds what pages must show and must not run: a machine-extracted claim
awaiting review, and a hostile document (script and event-handler payloads in its text,
title and publisher, the claim's quote and an actor's name).
"""

from __future__ import annotations

import shutil
import socket
import threading
import time
import warnings
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from patron.api import create_app
from patron.api.service import Service
from patron.kb import KnowledgeBase
from patron.model import Actor, Claim, Document, Evidence, TimeSpan
from patron.store.accounts import ROLES
from tests.conftest import NETWORK

with warnings.catch_warnings():
    warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
    from fastapi.testclient import TestClient

ARTIFACTS = Path(__file__).parent / "artifacts"
CHROMIUM = shutil.which("chromium")

#: Each payload sets ``window.__pwned`` if it ever runs.
PAYLOADS = (
    "<script>window.__pwned = 'script'</script>",
    '<img src=x onerror="window.__pwned = \'img\'">',
    '<svg onload="window.__pwned = \'svg\'"></svg>',
    "\"'><script>window.__pwned = 'attr'</script>",
)
EVIL_NAME = 'Evil <img src=x onerror="window.__pwned = \'name\'"> Front'
XSS_SENTENCE = (f"Iran arms the Evil Front {PAYLOADS[0]} through {PAYLOADS[1]} couriers, "
                "officials said.")  # fmt: skip
XSS_TEXT = f"Preamble {PAYLOADS[2]}.\n\n{XSS_SENTENCE}\n\nClosing line {PAYLOADS[3]}."
WIRE_SENTENCE = "Iran sent money to Hamas last spring, two officials said."


def _claim(doc: str, subject: str, type_: str, object_: str, text: str, sentence: str,
           **more: Any) -> Claim:  # fmt: skip
    at = text.index(sentence)
    return Claim(subject=subject, type=type_, object=object_,
                 time=TimeSpan(start="2022", end="2022"),
                 evidence=Evidence(document=doc, quote=sentence, span=(at, at + len(sentence))),
                 origin="extract:rules@test", review="proposed", stance="reported",
                 grade="C3", score=0.81, **more)  # fmt: skip


def seed(kb: KnowledgeBase) -> dict[str, str]:
    """Add the hostile document and two machine-extracted claims; their ids by name."""
    wire_text = f"Headline.\n\n{WIRE_SENTENCE}\n\nMore text."
    evil = Actor(id="evil-front", name=EVIL_NAME, kind="armed_group",
                 aliases=(PAYLOADS[0],))  # fmt: skip
    docs = [
        Document(id="doc-xss", title=f"Hostile {PAYLOADS[0]} title",
                 publisher=f"Publisher {PAYLOADS[1]}", published="2022-05",
                 url="javascript:window.__pwned='url'", kind="news", text=XSS_TEXT),
        Document(id="doc-wire", title="A wire story", publisher="Test Wire",
                 published="2022-04", url="https://example.org/wire", kind="news",
                 text=wire_text),
    ]  # fmt: skip
    xss = _claim("doc-xss", "iran", "arms", "evil-front", XSS_TEXT, XSS_SENTENCE)
    wire = _claim("doc-wire", "iran", "funding", "hamas", wire_text, WIRE_SENTENCE)
    kb.store.add(docs, [xss, wire], [evil], actor_origin="gazetteer")
    kb.refresh_names()
    return {"xss": xss.id, "wire": wire.id}


@dataclass
class Pages:
    client: TestClient
    service: Service
    tokens: dict[str, str]  # role → token
    claims: dict[str, str]

    @property
    def kb(self) -> KnowledgeBase:
        return self.service.kb

    def login(self, who: str) -> None:
        """Hold ``who``'s session cookie from now on (``nobody``: none)."""
        self.client.cookies.clear()
        if who in self.tokens:
            self.client.cookies.set("patron_session", self.tokens[who])

    def get(self, path: str, who: str = "viewer", **kw: Any) -> httpx.Response:
        self.login(who)
        return self.client.get(path, follow_redirects=False, **kw)

    def post(self, path: str, data: dict[str, Any], who: str = "analyst", *,
             csrf: bool = True, **kw: Any) -> httpx.Response:  # fmt: skip
        from patron.web.session import csrf_token

        self.login(who)
        headers = {"X-CSRF-Token": csrf_token(self.tokens[who])} if csrf and who in self.tokens \
            else {}  # fmt: skip
        return self.client.post(path, data=data, headers={**headers, **kw.pop("headers", {})},
                                follow_redirects=False, **kw)  # fmt: skip


def users(service: Service) -> dict[str, str]:
    tokens = {}
    for role in ROLES:
        service.accounts.add_user(f"the-{role}", role, by="test")
        issued = service.accounts.issue(f"the-{role}", by="test")
        assert issued is not None
        tokens[role] = issued.secret
    return tokens


@pytest.fixture
def pages(kb: KnowledgeBase) -> Iterator[Pages]:
    """The pages over the small test knowledge base (tests/data/mini) and :func:`seed`."""
    ids = seed(kb)
    app = create_app(kb)
    service: Service = app.state.service
    made = Pages(TestClient(app, raise_server_exceptions=False), service, users(service), ids)
    with made.client:
        yield made


# --- the browser tests' server and browser ------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Site:
    base: str
    tokens: dict[str, str]
    claims: dict[str, str]
    kb: KnowledgeBase


def serve(kb: KnowledgeBase, claims: dict[str, str]) -> Iterator[Site]:
    """Run the app over ``kb`` with uvicorn in a thread until the generator is closed."""
    import uvicorn

    app = create_app(kb)
    tokens = users(app.state.service)
    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning",
                                           lifespan="off"))  # fmt: skip
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    try:
        yield Site(f"http://127.0.0.1:{port}", tokens, claims, kb)
    finally:
        server.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    """A served copy of the graph tests' network (it has the ties simulations need), with
    :func:`seed`'s claims; one per test module."""
    url = f"sqlite:///{tmp_path_factory.mktemp('site') / 'kb.db'}"
    kb = KnowledgeBase.open(url, create=True)
    kb.init(NETWORK)
    claims = seed(kb)
    yield from serve(kb, claims)
    kb.close()


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (apt-get install chromium; .ci/run installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        # SwiftShader: software WebGL for sigma.js where there is no GPU (CI)
        made = p.chromium.launch(executable_path=CHROMIUM,
                                 args=["--enable-unsafe-swiftshader", "--no-sandbox"])  # fmt: skip
        yield made
        made.close()


@dataclass
class Tab:
    page: Any
    site: Site
    errors: list[str]
    dialogs: list[str]

    def go(self, path: str) -> None:
        self.page.goto(self.site.base + path)

    def shot(self, name: str) -> Path:
        ARTIFACTS.mkdir(exist_ok=True)
        path = ARTIFACTS / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        print(f"screenshot: {path}")
        return path

    def pwned(self) -> Any:
        return self.page.evaluate("() => window.__pwned")


def open_tab(browser: Any, site: Site, role: str | None) -> Iterator[Tab]:
    context = browser.new_context(viewport={"width": 1400, "height": 900})
    if role is not None:
        context.add_cookies([{"name": "patron_session", "value": site.tokens[role],
                              "url": site.base, "httpOnly": True, "sameSite": "Strict"}])
    page = context.new_page()
    page.set_default_timeout(15_000)
    tab = Tab(page, site, [], [])
    page.on("pageerror", lambda exc: tab.errors.append(str(exc)))
    page.on("dialog", lambda d: (tab.dialogs.append(d.message), d.dismiss()))
    try:
        yield tab
    finally:
        context.close()


@pytest.fixture
def tab(browser: Any, site: Site) -> Iterator[Tab]:
    """A browser tab holding an analyst's session."""
    yield from open_tab(browser, site, "analyst")
