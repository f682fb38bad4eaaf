"""Escalation episodes: a CSV of who opened a front when, read as triggers and joins.

The file's columns: ``event_id, date_start, date_end, actor, actor_kind, iran_aligned,
target, event_type, summary, war_context, hezbollah_joined_war, sources``; its actors
and targets are free text ("unknown (Israel suspected Palestinian groups); Hezbollah
denied"). They map to gazetteer actors by the rules in
``data/simulate/episode_rules.yaml``:

1. An episode is the rows sharing one ``war_context``.
2. Its trigger is the row whose actor reads ``A vs B[/C] (…)`` (A attacks B and C,
   from ``date_start`` to ``date_end``); else the rules file's entry for the context;
   else the context's first row whose actor names an actor (it attacks the row's
   target).
3. Every other row whose actor names a gazetteer actor is a join on ``date_start``
   against its target (a parenthesis in the target, "Israel (north)", is a place
   note and is dropped), fighting until ``date_end``.
4. A row whose actor starts with an ``unattributed`` prefix ("unknown") names no
   one: the file says the fire was not attributed, so it is no join.
5. An actor the file does not name as joining did not join (the file records the
   wars' belligerents; this is the assumption the calibration rests on).
6. ``hezbollah_joined_war`` is checked against the result: "yes" needs a Hezbollah
   join in the episode, "no" forbids one.

The observed window of an episode runs from its trigger to the last ``date_end`` of
its rows; nothing after it is observed.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from patron import settings
from patron.errors import AmbiguousActor, InputError, UnknownActor, decode_utf8
from patron.model import Actor
from patron.simulate.scenario import ACTIONS

__all__ = ["COLUMNS", "Episode", "Join", "read", "sha256"]

COLUMNS = ("event_id", "date_start", "date_end", "actor", "target", "war_context")
_VS = re.compile(r"^(?P<a>.+?)\s+vs\.?\s+(?P<b>[^(]+?)\s*(\(.*\))?\s*$", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(.*?\)\s*")


@dataclass(frozen=True)
class Join:
    """``actor`` fought ``target`` from ``day`` (days after the trigger) to ``end``."""

    actor: str
    target: str
    day: int
    end: int
    event: str
    line: int


@dataclass(frozen=True)
class Episode:
    """One trigger, the joins that followed it and how many days were observed."""

    id: str
    context: str
    attacker: str
    targets: tuple[str, ...]
    date: dt.date
    days: int
    joins: tuple[Join, ...]
    line: int
    unattributed: tuple[str, ...] = ()
    names: dict[str, str] = field(default_factory=dict)

    @property
    def day(self) -> int:
        """The trigger's day as ``yyyymmdd``."""
        return self.date.year * 10000 + self.date.month * 100 + self.date.day

    @property
    def as_of(self) -> int:
        before = self.date - dt.timedelta(days=1)
        return before.year * 10000 + before.month * 100 + before.day

    def durations(self) -> list[int]:
        """Days each observed engagement lasted: the trigger's, then each join's."""
        return [self.days] + [j.end - j.day + 1 for j in self.joins]

    def record(self) -> dict[str, Any]:
        return {
            "id": self.id, "context": self.context, "date": self.date.isoformat(),
            "attacker": self.attacker, "targets": list(self.targets), "days": self.days,
            "joins": [{"actor": j.actor, "target": j.target, "day": j.day + 1,
                       "event": j.event} for j in self.joins],
            "unattributed": list(self.unattributed),
        }


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rules(path: Path | None = None) -> dict[str, Any]:
    target = path or settings.get().data_dir / "simulate" / "episode_rules.yaml"
    data: dict[str, Any] = yaml.safe_load(target.read_text(encoding="utf-8"))
    return data


def _date(text: str, file: str, line: int, name: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise InputError(f"not a day (YYYY-MM-DD): {text!r}", file=file, line=line,
                         field=name) from exc


class _Reader:
    def __init__(self, file: str, lookup: Callable[[str], Actor], prefixes: list[str]) -> None:
        self.file = file
        self.lookup = lookup
        self.prefixes = [p.casefold() for p in prefixes]
        self.names: dict[str, str] = {}

    def actor(self, text: str, line: int, name: str) -> str:
        try:
            found = self.lookup(_PAREN.sub(" ", text).strip())
        except (UnknownActor, AmbiguousActor) as exc:
            raise InputError(str(exc), file=self.file, line=line, field=name) from exc
        self.names[found.id] = found.name
        return str(found.id)

    def unattributed(self, text: str) -> bool:
        return any(text.strip().casefold().startswith(p) for p in self.prefixes)


def read(path: Path, lookup: Callable[[str], Actor], rules_path: Path | None = None
         ) -> list[Episode]:
    """The episodes of ``path`` (module doc), in file order of their first row."""
    file = str(path)
    try:
        text = decode_utf8(path.read_bytes(), file)
    except OSError as exc:
        raise InputError(f"cannot read: {exc}", file=file) from exc
    reader = csv.DictReader(text.splitlines())
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(f"missing column(s): {', '.join(missing)}", file=file, line=1,
                         field=missing[0])
    conf = rules(rules_path)
    names = _Reader(file, lookup, list(conf.get("unattributed", [])))
    contexts: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for row in reader:
        contexts.setdefault(row["war_context"].strip(), []).append((reader.line_num, row))
    return [_episode(ctx, rows, names, conf.get("context_triggers", {}), file)
            for ctx, rows in contexts.items()]


def _episode(context: str, rows: list[tuple[int, dict[str, str]]], names: _Reader,
             supplements: dict[str, Any], file: str) -> Episode:
    trigger_row: tuple[int, dict[str, str]] | None = None
    attacker: str
    targets: tuple[str, ...]
    for line, row in rows:
        m = _VS.match(row["actor"].strip())
        if m:
            trigger_row = (line, row)
            attacker = names.actor(m["a"], line, "actor")
            targets = tuple(names.actor(b, line, "actor") for b in m["b"].split("/"))
            start = _date(row["date_start"], file, line, "date_start")
            end = _date(row["date_end"] or row["date_start"], file, line, "date_end")
            break
    else:
        extra = supplements.get(context)
        if extra is not None:
            line = rows[0][0]
            if extra.get("action", "attacks") not in ACTIONS:
                raise InputError(f"unknown action {extra['action']!r}", file=file, line=line,
                                 field="war_context")
            attacker = names.actor(str(extra["actor"]), line, "war_context")
            targets = (names.actor(str(extra["target"]), line, "war_context"),)
            start = dt.date.fromisoformat(str(extra["date"]))
            end = dt.date.fromisoformat(str(extra.get("end", extra["date"])))
        else:
            attributed = [(ln, r) for ln, r in rows if not names.unattributed(r["actor"])]
            if not attributed:
                raise InputError(f"no row of context {context!r} names an actor: no trigger",
                                 file=file, line=rows[0][0], field="actor")
            trigger_row = line, row = attributed[0]
            attacker = names.actor(row["actor"], line, "actor")
            targets = (names.actor(row["target"], line, "target"),)
            start = _date(row["date_start"], file, line, "date_start")
            end = _date(row["date_end"] or row["date_start"], file, line, "date_end")
    joins: list[Join] = []
    unattributed: list[str] = []
    last = end
    for line, row in rows:
        if trigger_row is not None and line == trigger_row[0]:
            continue
        if names.unattributed(row["actor"]):
            unattributed.append(row["event_id"])
            continue
        actor = names.actor(row["actor"], line, "actor")
        target = names.actor(row["target"], line, "target")
        first = _date(row["date_start"], file, line, "date_start")
        stop = _date(row["date_end"] or row["date_start"], file, line, "date_end")
        if first < start or stop < first:
            raise InputError(f"{first} is before the episode's trigger ({start}) or after its "
                             "own end", file=file, line=line, field="date_start")
        last = max(last, stop)
        joins.append(Join(actor, target, (first - start).days, (stop - start).days,
                          row["event_id"], line))
    _check_column(rows, joins, attacker, targets, names, file)
    head = (trigger_row or rows[0])[1]["event_id"]
    return Episode(head, context, attacker, targets, start, (last - start).days + 1,
                   tuple(joins), trigger_row[0] if trigger_row else rows[0][0],
                   tuple(unattributed), dict(names.names))


def _check_column(rows: list[tuple[int, dict[str, str]]], joins: list[Join], attacker: str,
                  targets: tuple[str, ...], names: _Reader, file: str) -> None:
    """``hezbollah_joined_war``: "yes" needs a Hezbollah join, "no" forbids one."""
    for line, row in rows:
        said = (row.get("hezbollah_joined_war") or "").strip().casefold()
        if said not in ("yes", "no"):
            continue
        who = names.actor("Hezbollah", line, "hezbollah_joined_war")
        joined = any(j.actor == who for j in joins) or (who == attacker and said == "yes")
        if (said == "yes") != joined and who not in targets:
            raise InputError(f"says {said!r} but the rules find Hezbollah "
                             f"{'joining' if joined else 'not joining'}", file=file, line=line,
                             field="hezbollah_joined_war")
