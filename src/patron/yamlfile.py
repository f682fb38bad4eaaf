"""YAML that remembers where each mapping and key stood, for errors that name a line.

>>> data = load_text("- id: a\\n  name: A\\n")
>>> data[0]["__line__"], data[0]["__lines__"]["name"]
(1, 2)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from patron.errors import InputError, decode_utf8

__all__ = ["line_of", "load", "load_text", "strip_lines"]


# libyaml's parser where PyYAML was built with it (the wheels are): about 10x faster.
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    pass


def _mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping: dict[Any, Any] = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    mapping["__lines__"] = {str(k.value): k.start_mark.line + 1 for k, _ in node.value}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _mapping)


def load_text(text: str, file: str = "<string>") -> Any:
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = mark.line + 1 if mark is not None else None
        if isinstance(exc, yaml.reader.ReaderError):  # a character YAML does not allow
            line = text.count("\n", 0, exc.position) + 1
        raise InputError(
            f"invalid YAML: {getattr(exc, 'problem', exc)}", file=file, line=line
        ) from exc


def load(path: Path) -> Any:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", file=str(path)) from exc
    return load_text(decode_utf8(data, str(path)), str(path))


def line_of(mapping: dict[str, Any], field: str | None = None) -> int | None:
    """The line of ``field`` in ``mapping`` (or of the mapping itself)."""
    lines = mapping.get("__lines__", {})
    if field and field.split(".")[0] in lines:
        return int(lines[field.split(".")[0]])
    line = mapping.get("__line__")
    return int(line) if line is not None else None


def strip_lines(value: Any) -> Any:
    """The same data without the line bookkeeping."""
    if isinstance(value, dict):
        return {k: strip_lines(v) for k, v in value.items() if k not in ("__line__", "__lines__")}
    if isinstance(value, list):
        return [strip_lines(v) for v in value]
    return value
