"""Turning pydantic's validation errors into Patron's one-line :class:`InputError`."""

from __future__ import annotations

from pydantic import ValidationError

from patron.errors import InputError

__all__ = ["input_error"]


def input_error(
    exc: ValidationError, *, file: str | None, line: int | None, prefix: str = ""
) -> InputError:
    """The first problem in ``exc``, naming its field."""
    first = exc.errors()[0]
    field = ".".join(str(part) for part in first["loc"]) or None
    message = str(first["msg"]).removeprefix("Value error, ")
    if first["type"] == "extra_forbidden":
        message = "unknown field"
    if first["type"] == "missing":
        message = "required field is missing"
    full_field = f"{prefix}{field}" if field else (prefix.rstrip(".") or None)
    return InputError(message, file=file, line=line, field=full_field)
