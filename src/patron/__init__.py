"""Patron: who backs whom in armed conflict, as a sourced, time-aware claim graph.

The names below are the library's public API; everything else is reachable by
its module but may change. A knowledge base is opened (or created) from a
database URL::

    from patron import ClaimFilter, KnowledgeBase

    kb = KnowledgeBase.open("sqlite:///patron.db", create=True)
    kb.init()  # the starter gazetteer, curated claims and datasets
    funding = kb.store.claims(ClaimFilter(types=("funding",)))

The names load on first use (PEP 562): importing a light module such as
``patron.vocab`` or ``patron.model`` must not pull in the store and the
extraction pipeline behind :class:`KnowledgeBase`.
"""

from __future__ import annotations

import importlib
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from patron.errors import AmbiguousActor, InputError, PatronError, StoreError, UnknownActor
    from patron.kb import IngestReport, KnowledgeBase, LoadReport
    from patron.model import Actor, Attribution, Claim, Document, Evidence, Magnitude, TimeSpan
    from patron.store import ClaimFilter, Store
    from patron.vocab import VOCAB

__all__ = [
    "VOCAB",
    "Actor",
    "AmbiguousActor",
    "Attribution",
    "Claim",
    "ClaimFilter",
    "Document",
    "Evidence",
    "IngestReport",
    "InputError",
    "KnowledgeBase",
    "LoadReport",
    "Magnitude",
    "PatronError",
    "Store",
    "StoreError",
    "TimeSpan",
    "UnknownActor",
    "__version__",
]

_HOME = {
    **dict.fromkeys(
        ("AmbiguousActor", "InputError", "PatronError", "StoreError", "UnknownActor"),
        "patron.errors",
    ),
    **dict.fromkeys(("IngestReport", "KnowledgeBase", "LoadReport"), "patron.kb"),
    **dict.fromkeys(
        ("Actor", "Attribution", "Claim", "Document", "Evidence", "Magnitude", "TimeSpan"),
        "patron.model",
    ),
    **dict.fromkeys(("ClaimFilter", "Store"), "patron.store"),
    "VOCAB": "patron.vocab",
}

try:
    __version__: str | None = version("patron")
except PackageNotFoundError:  # a source tree that was never installed
    __version__ = None


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'patron' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_HOME})
