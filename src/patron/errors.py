"""The one small exception tree.

    PatronError
    ├── InputError       bad input: carries file, line and field
    ├── UnknownActor     a name resolves to no actor: carries the closest candidates
    ├── AmbiguousActor   a name resolves to several actors: carries them
    └── StoreError       the knowledge base cannot do what was asked

The CLI maps every one of them to a one-line message and exit code 2.
"""

from __future__ import annotations

__all__ = [
    "AmbiguousActor",
    "InputError",
    "PatronError",
    "StoreError",
    "UnknownActor",
    "decode_utf8",
]


class PatronError(Exception):
    """Base of every error Patron raises on purpose."""


class InputError(PatronError):
    """A file, line or value the user gave is malformed.

    >>> str(InputError("bad type 'fundin'", file="a.jsonl", line=3, field="type"))
    "a.jsonl:3: type: bad type 'fundin'"
    """

    def __init__(
        self,
        message: str,
        *,
        file: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.file is not None:
            where = self.file + (f":{self.line}" if self.line is not None else "") + ": "
        elif self.line is not None:
            where = f"line {self.line}: "
        if self.field:
            where += f"{self.field}: "
        return where + self.message


class UnknownActor(PatronError):
    """No actor answers to ``name``; ``candidates`` are the closest names."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        hint = f"; did you mean: {', '.join(candidates)}?" if candidates else ""
        super().__init__(f"unknown actor {name!r}{hint}")


class AmbiguousActor(PatronError):
    """Several actors answer to ``name``; ``candidates`` lists them."""

    def __init__(self, name: str, candidates: list[str]) -> None:
        self.name = name
        self.candidates = candidates
        super().__init__(f"ambiguous actor {name!r}: could be {', '.join(candidates)}")


class StoreError(PatronError):
    """The knowledge base is missing, unreadable or refuses a write."""


def decode_utf8(data: bytes, file: str) -> str:
    """``data`` as UTF-8 text (a leading byte-order mark dropped), or an
    :class:`InputError` naming the line and column of the first byte that is not.

    >>> decode_utf8(b"ok\\n", "a.jsonl")
    'ok\\n'
    >>> decode_utf8(b'{"a": 1}\\n\\xff\\n', "a.jsonl")
    Traceback (most recent call last):
    ...
    patron.errors.InputError: a.jsonl:2: encoding: not UTF-8: byte 0xff at column 1
    """
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise InputError(
            f"not UTF-8: byte 0x{data[exc.start]:02x} at column {column}",
            file=file,
            line=line,
            field="encoding",
        ) from exc
