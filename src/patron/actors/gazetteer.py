"""The starter gazetteer: actor YAML files under ``data/actors/``.

Loading validates every entry and the references between entries (``part_of``)
before anything is stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pydantic import ValidationError

from patron import yamlfile
from patron.errors import InputError
from patron.model import Actor
from patron.validation import input_error

__all__ = ["load_dir", "load_file"]


def load_file(path: Path) -> list[Actor]:
    entries = yamlfile.load(path)
    if not isinstance(entries, list):
        raise InputError("expected a list of actors", file=str(path), line=1)
    out: list[Actor] = []
    for entry in entries:
        if not isinstance(entry, dict):
            raise InputError("expected a mapping", file=str(path))
        data: dict[str, Any] = yamlfile.strip_lines(entry)
        try:
            out.append(Actor.model_validate(data))
        except ValidationError as exc:
            field = ".".join(str(p) for p in exc.errors()[0]["loc"])
            raise input_error(exc, file=str(path), line=yamlfile.line_of(entry, field)) from exc
    return out


def load_dir(folder: Path) -> list[Actor]:
    """All actors in ``folder/*.yaml``; ids must be unique and ``part_of`` must resolve."""
    actors: list[Actor] = []
    where: dict[str, str] = {}
    for path in sorted(folder.glob("*.yaml")):
        for actor in load_file(path):
            if actor.id in where:
                raise InputError(
                    f"duplicate actor id {actor.id!r} (also in {where[actor.id]})",
                    file=str(path),
                    field="id",
                )
            where[actor.id] = str(path)
            actors.append(actor)
    for actor in actors:
        if actor.part_of and actor.part_of not in where:
            raise InputError(
                f"part_of refers to unknown actor {actor.part_of!r}",
                file=where[actor.id],
                field=f"{actor.id}.part_of",
            )
    return actors
