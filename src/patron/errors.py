"""The one small exception tree.

    PatronError
    ├── InputError       bad input: carries file, line and field
    ├── UnknownActor     a name resolves to no actor: carries the closest candidates
    ├── AmbiguousActor   a name resolves to several actors: carries them
    └── StoreError       the knowledge base cannot do what was asked

The CLI maps every one of them to a one-line message and exit code 2.
"""

from __future__ import annotations

__all__ = ["AmbiguousActor", "InputError", "PatronError", "StoreError", "UnknownActor"]


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
