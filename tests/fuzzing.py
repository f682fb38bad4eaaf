"""Shared pieces of the fuzz tests (readers/test_fuzz.py, importers/test_fuzz.py).

Readers and importers either read a file or raise an
:class:`~patron.errors.InputError` naming the file and the line (and the field,
where one field is at fault); document readers yield documents or a
:class:`~patron.readers.documents.Skipped` saying why. Never a traceback.

The budget is the Hypothesis profile's: the default (100 inputs a test) in ``make
test``, 100,000 under ``make fuzz`` (``--hypothesis-profile=fuzz``, see conftest.py).
Inputs are built from the formats' own pieces (valid names, dates, codes and
columns, mixed with arbitrary text and bytes), so they reach past the first check.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from patron.actors import gazetteer as gazetteer_files
from patron.actors.resolver import Resolver, from_actors
from patron.errors import InputError
from patron.importers.batch import ActorBook
from patron.model import Actor
from patron.vocab import VOCAB
from tests.factory import MINI

__all__ = [
    "CLAIM_FIELDS",
    "INVALID_UTF8",
    "book",
    "dates",
    "fuzzing",
    "gazetteer",
    "json_values",
    "lines",
    "names",
    "raised",
    "record",
    "refused_cleanly",
    "write",
]

fuzzing = settings(
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                           HealthCheck.filter_too_much],
)
_DIR = Path(tempfile.mkdtemp(prefix="patron-fuzz-"))


@cache
def gazetteer() -> tuple[list[Actor], Resolver]:
    """The test gazetteer (tests/data/mini) and its resolver, loaded once."""
    actors = gazetteer_files.load_dir(MINI / "actors")
    return actors, from_actors(actors)


def book() -> ActorBook:
    """A fresh actor book over the test gazetteer."""
    actors, resolver = gazetteer()
    return ActorBook.over(actors, resolver)


def write(name: str, data: bytes) -> Path:
    path = _DIR / name
    path.write_bytes(data)
    return path


# Problems of the file as a whole, which no line of it can be blamed for.
_WHOLE_FILE = ("not a zip file", "empty file", "cannot read")


def refused_cleanly(read: Callable[[], object], path: Path) -> None:
    """``read()`` succeeds or raises an InputError naming ``path`` and a line."""
    try:
        read()
    except InputError as exc:
        assert exc.file is not None and exc.file.startswith(str(path)), str(exc)
        assert exc.line is not None or exc.message.startswith(_WHOLE_FILE), str(exc)
        assert exc.message, str(exc)


def raised(read: object, *args: object) -> InputError:
    """The InputError ``read(*args)`` raises (the test fails if it raises none)."""
    with pytest.raises(InputError) as info:
        read(*args)  # type: ignore[operator]
    return info.value


# --- pieces -----------------------------------------------------------------

_NAMES = ["iran", "Iran", "hamas", "Hamas", "IRGC", "qatar", "sudan", "Georgia", "nobody",
          "", " ", "Harakat al-Muqawamah al-Islamiyyah", "حماس", "Government of Iran"]  # fmt: skip
names = st.one_of(st.sampled_from(_NAMES), st.text(max_size=20))
dates = st.one_of(
    st.sampled_from(["2020", "2020-02", "2020-02-29", "2021-02-29", "2020-13", "0000", "9999",
                     "20200101", "2020-1-1", "1990s", "-5", "", "2017-10-07T00:00:00"]),
    st.from_regex(r"\A\d{1,5}(-\d{1,2}(-\d{1,2})?)?\Z"),
    st.text(max_size=12),
)  # fmt: skip
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=30))
json_values = st.recursive(
    scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8),
                                                                         inner, max_size=4),
    max_leaves=12,
)  # fmt: skip


def _sometimes(value: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(value, value, value, json_values)


def record(fields: dict[str, st.SearchStrategy[Any]]) -> st.SearchStrategy[dict[str, Any]]:
    """A JSON object with some of ``fields`` (each usually well-formed) and stray keys."""
    return st.fixed_dictionaries({}, optional={k: _sometimes(v) for k, v in fields.items()}) | \
        st.dictionaries(st.text(max_size=10), json_values, max_size=5)  # fmt: skip


def lines(records: st.SearchStrategy[Any]) -> st.SearchStrategy[bytes]:
    """JSON lines of ``records`` with now and then a line that is not JSON, or not UTF-8."""
    line = st.one_of(records.map(json.dumps), records.map(json.dumps),
                     st.text(max_size=40), st.just(""))  # fmt: skip
    text = st.lists(line, max_size=6).map(lambda ls: "\n".join(ls).encode())
    return st.one_of(text, text, text, st.tuples(text, st.binary(max_size=8)).map(b"".join))


CLAIM_FIELDS: dict[str, st.SearchStrategy[Any]] = {
    "subject": st.one_of(names, st.fixed_dictionaries({"id": names})),
    "object": st.one_of(names, st.fixed_dictionaries({"id": names, "name": names})),
    "type": st.one_of(st.sampled_from(list(VOCAB.claim_types)), st.text(max_size=10),
                      st.fixed_dictionaries({"id": st.sampled_from(list(VOCAB.claim_types))})),
    "time": record({"start": dates, "end": dates, "precision": st.text(max_size=8)}),
    "magnitude": record({"amount": st.floats(), "currency": st.sampled_from(["USD", "usd", ""]),
                         "per": st.sampled_from(["year", "once", "decade"])}),
    "route": st.lists(names, max_size=3),
    "attribution": record({"by": st.text(max_size=10), "date": dates}),
    "stance": st.one_of(st.sampled_from(list(VOCAB.stances)), st.text(max_size=8)),
    "grade": st.one_of(st.sampled_from(["B2", "A1", "F6", "G7", "B", "b2", "B0"]),
                       st.text(max_size=3)),
    "source": st.one_of(st.text(max_size=10), record({
        "title": st.text(max_size=20), "publisher": st.text(max_size=10), "published": dates,
        "url": st.text(max_size=20), "kind": st.text(max_size=8), "id": st.text(max_size=8)})),
    "evidence": record({"document": st.text(max_size=10), "quote": st.text(max_size=20),
                        "span": st.lists(st.integers(), max_size=3),
                        "subject_span": st.lists(st.integers(), max_size=3)}),
    "score": st.one_of(st.floats(), st.text(max_size=4)),
    "review": st.sampled_from(["proposed", "accepted", "nope"]),
    "statement": st.text(max_size=30),
    "origin": st.text(max_size=10),
    "id": st.text(max_size=10),
}  # fmt: skip
"""A claim record's fields (claim files, and the Patron fields of an FtM link)."""

INVALID_UTF8 = st.tuples(st.text(max_size=10).map(str.encode),
                         st.sampled_from([b"\xff", b"\xc3", b"\xed\xa0\x80", b"\xe2\x82", b"\x80",
                                          b"\xf8\x88\x80\x80\x80"]),
                         st.binary(max_size=20)).map(b"".join)  # fmt: skip
