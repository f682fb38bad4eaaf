"""What every request works on: the knowledge base, its accounts, and its change counter.

Invariant: everything kept in memory here is a function of the store at one value of
the change counter (:func:`patron.store.pages.state`): the name index
(:attr:`KnowledgeBase.resolver`), the network views analyses read, the answers kept
by ETag, and which token belongs to whom. When the counter moves (a write here, or
``patron ingest`` in another process) all of them are dropped and rebuilt on demand.
The counter is read once per request (:func:`service`).

A view holds millions of objects for as long as the counter stands; each full pass of
Python's cycle collector would walk them all (a pause of some 300 ms every few
thousand requests on the demo knowledge base). So a service that has the process to
itself (``freeze_gc``: ``patron serve``) freezes everything then alive out of the
collector's passes once a view is built (:func:`gc.freeze`), and thaws it when the
views are dropped, so that they can be freed.
"""

from __future__ import annotations

import gc
import threading
from collections import OrderedDict
from dataclasses import dataclass, field

from fastapi import Request

from patron.api.answers import Answers
from patron.graph.view import Slice, View, open_view
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter, accounts, pages
from patron.store.accounts import Accounts, User, digest
from patron.store.filters import Unreviewed

__all__ = ["Service", "open_service", "service"]

_VIEWS_KEPT = 4


@dataclass
class Service:
    kb: KnowledgeBase
    accounts: Accounts
    owned: bool = False  # opened by the app (closed with it), not handed to it
    freeze_gc: bool = False  # the process is this service's alone (see the module doc)
    answers: Answers = field(default_factory=Answers)
    _seen: str = ""
    _views: OrderedDict[tuple[object, ...], View] = field(default_factory=OrderedDict)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _building: threading.Lock = field(default_factory=threading.Lock)
    _users: dict[str, User] = field(default_factory=dict)  # token digest → its user

    def state(self) -> str:
        """The change counter now; drops what was kept when it moved."""
        now = pages.state(self.kb.store)
        if now != self._seen:
            with self._lock:
                if now != self._seen:
                    self.kb.refresh_names()
                    self.answers.clear()
                    self._views.clear()
                    self._users.clear()
                    if self.freeze_gc:
                        gc.unfreeze()
                    self._seen = now
        return now

    def authenticate(self, secret: str) -> User | None:
        """The user holding token ``secret`` (:meth:`Accounts.authenticate`), kept
        while the counter stands: every change to users and tokens is audited, and
        an audit row moves the counter."""
        key = digest(secret)
        found = self._users.get(key)
        if found is None:
            found = self.accounts.authenticate(secret)
            if found is not None:
                self._users[key] = found
        return found

    def view(self, slice_: Slice, unreviewed: Unreviewed) -> View:
        """The network view of ``slice_`` (the last few are kept). One is built at a
        time: requests that need the same view while it is built wait for it."""
        key = (self._seen, slice_.lo, slice_.hi, slice_.label, unreviewed)
        with self._building:
            found = self._views.get(key)
            if found is None:
                found = open_view(self.kb.store, slice_, ClaimFilter(unreviewed=unreviewed))
                self._views[key] = found
                while len(self._views) > _VIEWS_KEPT:
                    self._views.popitem(last=False)
                if self.freeze_gc:
                    gc.freeze()
            self._views.move_to_end(key)
            return found

    def close(self) -> None:
        if self.owned:
            self.kb.close()


def open_service(source: KnowledgeBase | str | None, *, freeze_gc: bool = False) -> Service:
    """A service over ``source``: a knowledge base, or the URL of one (``None``: the
    ``PATRON_DB`` setting; opening it brings an older schema up to date)."""
    owned = not isinstance(source, KnowledgeBase)
    kb = KnowledgeBase.open(source) if not isinstance(source, KnowledgeBase) else source
    return Service(kb, accounts.Accounts(kb.store), owned=owned, freeze_gc=freeze_gc)


async def service(request: Request) -> Service:
    """The app's service, with the request's change counter read into
    ``request.state.version``."""
    svc: Service = request.app.state.service
    if not hasattr(request.state, "version"):
        request.state.version = svc.state()
    return svc
