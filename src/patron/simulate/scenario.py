"""Scenarios: what an analyst asks the simulator, from YAML or from a ``--trigger`` phrase.

A scenario is read in two steps. :func:`load` / :func:`from_phrase` check its shape
and limits without a knowledge base; :func:`resolve` turns its names into actor ids
through the gazetteer. Every error names the file, the YAML line and the field, so a
bad scenario is one line on stderr and exit code 2.

Every field, with example values (``examples/scenarios/`` holds runnable files)::

    name: Israel attacks Hamas, October 2023
    as_of: 2023-10-06          # the network is read as of this day (default: the day
    horizon: 90                #   before the first trigger); days simulated
    runs: 10000
    seed: 7
    triggers:
      - {actor: Israel, action: attacks, target: Hamas, date: 2023-10-07}
    overrides:
      - remove: {from: Syria, to: Hezbollah, layer: support}     # the land bridge cut
      - reweight: {from: Iran, to: Hezbollah, layer: support, factor: 0.5}
      - force_in: {actor: Houthis, against: Israel, day: 12}
      - force_out: {actor: Iran}
      - posture: {actor: Hezbollah, shift: -1.0}               # log-hazard shift
    params: {pull: 1.0}        # override a fitted parameter (patron.simulate.hazard)
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from patron import yamlfile
from patron.errors import AmbiguousActor, InputError, UnknownActor

__all__ = [
    "ACTIONS",
    "DEFAULT_HORIZON",
    "DEFAULT_RUNS",
    "DEFAULT_SEED",
    "LAYERS",
    "MAX_HORIZON",
    "MAX_RUNS",
    "Force",
    "Posture",
    "Resolved",
    "Scenario",
    "TieChange",
    "Trigger",
    "Where",
    "day_number",
    "from_phrase",
    "load",
    "resolve",
]

#: The most runs one simulation may ask for. The engine keeps about ten
#: ``runs × actors`` arrays of 4 bytes; at 100,000 runs and the 64-actor cap that is
#: about 256 MB, and the Monte Carlo error of a probability is already below 0.2
#: points, so more runs buy memory, not precision.
MAX_RUNS = 100_000
#: The longest horizon in days: a year. Beyond it the network read at the trigger
#: date says little about who fights (ties are re-weighed with recency at the read date).
MAX_HORIZON = 365
DEFAULT_RUNS = 10_000
DEFAULT_HORIZON = 90
DEFAULT_SEED = 7
#: What a trigger's action means for the level the attacker fights at:
#: 2 = direct strikes, 1 = proxy or limited fire (rockets, raids, shelling).
ACTIONS: dict[str, int] = {
    "attacks": 2, "strikes": 2, "invades": 2, "bombs": 2,
    "fires on": 1, "raids": 1, "shells": 1,
}
#: Tie layers an override may name (those the hazard reads).
LAYERS = ("support", "alignment", "hostility")
_PHRASE = re.compile(
    r"^\s*(?P<actor>.+?)\s+(?P<action>" + "|".join(sorted(ACTIONS, key=len, reverse=True))
    + r")\s+(?P<target>.+?)\s*$", re.IGNORECASE)
_KEYS = {"name", "as_of", "horizon", "runs", "seed", "triggers", "overrides", "params"}


@dataclass(frozen=True)
class Where:
    """Where a scenario item was written: file and line (either may be unknown)."""

    file: str | None = None
    line: int | None = None

    def error(self, message: str, field: str) -> InputError:
        return InputError(message, file=self.file, line=self.line, field=field)


@dataclass(frozen=True)
class Trigger:
    actor: str
    action: str
    target: str
    date: str
    where: Where = Where()

    @property
    def level(self) -> int:
        return ACTIONS[self.action]


@dataclass(frozen=True)
class TieChange:
    """``remove`` (factor 0) or ``reweight`` one tie ``source → target`` of ``layer``."""

    source: str
    target: str
    layer: str
    factor: float
    where: Where = Where()


@dataclass(frozen=True)
class Force:
    """``force_in`` (``against`` set: the actor fights it from ``day``) or ``force_out``."""

    actor: str
    against: str | None = None
    day: int = 0
    where: Where = Where()


@dataclass(frozen=True)
class Posture:
    """Add ``shift`` to an actor's log-hazard: −1 multiplies its hazard by about 0.37."""

    actor: str
    shift: float
    where: Where = Where()


@dataclass(frozen=True)
class Scenario:
    triggers: tuple[Trigger, ...]
    name: str = ""
    as_of: str | None = None
    horizon: int = DEFAULT_HORIZON
    runs: int = DEFAULT_RUNS
    seed: int = DEFAULT_SEED
    ties: tuple[TieChange, ...] = ()
    forced: tuple[Force, ...] = ()
    postures: tuple[Posture, ...] = ()
    params: dict[str, float] = field(default_factory=dict)
    file: str | None = None
    lines: dict[str, int] = field(default_factory=dict)

    def at(self, key: str) -> Where:
        return Where(self.file, self.lines.get(key))

    def record(self) -> dict[str, Any]:
        return {
            "name": self.name, "as_of": self.as_of, "horizon": self.horizon,
            "runs": self.runs, "seed": self.seed,
            "triggers": [{"actor": t.actor, "action": t.action, "target": t.target,
                          "date": t.date} for t in self.triggers],
            "overrides": [
                *({"tie": {"from": c.source, "to": c.target, "layer": c.layer,
                           "factor": c.factor}} for c in self.ties),
                *({"force_in" if f.against else "force_out": {
                    "actor": f.actor, "against": f.against, "day": f.day}} for f in self.forced),
                *({"posture": {"actor": p.actor, "shift": p.shift}} for p in self.postures),
            ],
            "params": dict(self.params),
        }


def day_number(text: str, where: Where, field_name: str) -> int:
    """``YYYY-MM-DD`` → ``yyyymmdd``; a day is required (a trigger happens on a day)."""
    try:
        y, m, d = _full_date(text)
    except ValueError as exc:
        raise where.error(str(exc), field_name) from exc
    return y * 10000 + m * 100 + d


def _full_date(text: str) -> tuple[int, int, int]:
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError as exc:
        raise ValueError(f"not a day (YYYY-MM-DD): {text!r}") from exc
    return day.year, day.month, day.day


def _date_text(value: Any) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _int(value: Any, where: Where, name: str, lo: int, hi: int | None, why: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise where.error(f"must be a whole number, got {value!r}", name)
    if value < lo or (hi is not None and value > hi):
        limit = f"between {lo:,} and {hi:,}" if hi is not None else f"at least {lo:,}"
        raise where.error(f"must be {limit}, got {value:,}{why}", name)
    return value


def _float(value: Any, where: Where, name: str) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise where.error(f"must be a number, got {value!r}", name)
    return float(value)


def _text(item: dict[str, Any], key: str, where: Where, prefix: str) -> str:
    value = item.get(key)
    if value is None or str(value).strip() == "":
        raise where.error("missing", f"{prefix}.{key}")
    return _date_text(value).strip()


def check_limits(horizon: Any, runs: Any, seed: Any, where_h: Where, where_r: Where,
                 where_s: Where) -> tuple[int, int, int]:
    """The horizon, runs and seed, checked against :data:`MAX_HORIZON`/:data:`MAX_RUNS`."""
    return (
        _int(horizon, where_h, "horizon", 1, MAX_HORIZON, " days"),
        _int(runs, where_r, "runs", 1, MAX_RUNS, " (the engine's memory cap, see MAX_RUNS)"),
        _int(seed, where_s, "seed", 0, None),
    )


def _trigger(item: Any, where: Where, prefix: str) -> Trigger:
    if not isinstance(item, dict):
        raise where.error("a trigger is a mapping {actor, action, target, date}", prefix)
    at = Where(where.file, yamlfile.line_of(item) or where.line)
    action = _text(item, "action", at, prefix).lower()
    if action not in ACTIONS:
        raise Where(at.file, yamlfile.line_of(item, "action")).error(
            f"unknown action {action!r}; one of {', '.join(ACTIONS)}", f"{prefix}.action")
    date = _text(item, "date", at, prefix)
    day_number(date, Where(at.file, yamlfile.line_of(item, "date")), f"{prefix}.date")
    return Trigger(_text(item, "actor", at, prefix), action, _text(item, "target", at, prefix),
                   date, Where(at.file, at.line))


def _override(item: Any, where: Where, prefix: str) -> TieChange | Force | Posture:
    kinds = ("remove", "reweight", "force_in", "force_out", "posture")
    if not isinstance(item, dict) or len(yamlfile.strip_lines(item)) != 1:
        raise where.error(f"an override is one of {', '.join(kinds)}", prefix)
    kind = next(iter(yamlfile.strip_lines(item)))
    body = item[kind]
    at = Where(where.file, yamlfile.line_of(item, kind))
    name = f"{prefix}.{kind}"
    if kind not in kinds:
        raise at.error(f"unknown override {kind!r}; one of {', '.join(kinds)}", name)
    if not isinstance(body, dict):
        raise at.error("must be a mapping", name)
    if kind in ("remove", "reweight"):
        layer = str(body.get("layer", "support"))
        if layer not in LAYERS:
            raise at.error(f"unknown layer {layer!r}; one of {', '.join(LAYERS)}", f"{name}.layer")
        factor = 0.0
        if kind == "reweight":
            if "factor" not in body:
                raise at.error("missing", f"{name}.factor")
            factor = _float(body["factor"], at, f"{name}.factor")
            if factor < 0:
                raise at.error(f"must be zero or more, got {factor}", f"{name}.factor")
        return TieChange(_text(body, "from", at, name), _text(body, "to", at, name), layer,
                         factor, at)
    if kind == "posture":
        if "shift" not in body:
            raise at.error("missing", f"{name}.shift")
        return Posture(_text(body, "actor", at, name), _float(body["shift"], at, f"{name}.shift"),
                       at)
    day = _int(body.get("day", 0), at, f"{name}.day", 0, MAX_HORIZON - 1)
    against = _text(body, "against", at, name) if kind == "force_in" else None
    return Force(_text(body, "actor", at, name), against, day, at)


def load(path: Path) -> Scenario:
    """Read and check a scenario file (see the module doc for its shape)."""
    data = yamlfile.load(path)
    file = str(path)
    if not isinstance(data, dict):
        raise InputError("a scenario is a mapping (name, triggers, horizon, …)", file=file,
                         line=1)
    lines: dict[str, int] = {k: int(v) for k, v in data.get("__lines__", {}).items()}
    top = Where(file, 1)

    def at(key: str) -> Where:
        return Where(file, lines.get(key, 1))

    for key in yamlfile.strip_lines(data):
        if key not in _KEYS:
            raise at(key).error(f"unknown key; one of {', '.join(sorted(_KEYS))}", str(key))
    raw = data.get("triggers")
    if not isinstance(raw, list) or not raw:
        raise (at("triggers") if "triggers" in lines else top).error(
            "at least one trigger {actor, action, target, date}", "triggers")
    triggers = tuple(_trigger(t, at("triggers"), f"triggers[{i}]") for i, t in enumerate(raw))
    horizon, runs, seed = check_limits(
        data.get("horizon", DEFAULT_HORIZON), data.get("runs", DEFAULT_RUNS),
        data.get("seed", DEFAULT_SEED), at("horizon"), at("runs"), at("seed"))
    overrides = data.get("overrides") or []
    if not isinstance(overrides, list):
        raise at("overrides").error("must be a list", "overrides")
    items = [_override(o, at("overrides"), f"overrides[{i}]") for i, o in enumerate(overrides)]
    params = data.get("params") or {}
    if not isinstance(params, dict):
        raise at("params").error("must be a mapping name: value", "params")
    values = {str(k): _float(v, at("params"), f"params.{k}")
              for k, v in yamlfile.strip_lines(params).items()}
    as_of = data.get("as_of")
    return Scenario(
        triggers=triggers,
        name=str(data.get("name") or path.stem),
        as_of=_date_text(as_of) if as_of is not None else None,
        horizon=horizon, runs=runs, seed=seed,
        ties=tuple(o for o in items if isinstance(o, TieChange)),
        forced=tuple(o for o in items if isinstance(o, Force)),
        postures=tuple(o for o in items if isinstance(o, Posture)),
        params=values, file=file, lines=lines,
    )


def from_phrase(phrase: str, date: str, *, as_of: str | None = None,
                horizon: int = DEFAULT_HORIZON, runs: int = DEFAULT_RUNS,
                seed: int = DEFAULT_SEED) -> Scenario:
    """A one-trigger scenario from ``"Israel attacks Hezbollah"`` and ``--date``.

    >>> s = from_phrase("Israel attacks Hezbollah", "2024-09-27")
    >>> s.triggers[0].actor, s.triggers[0].action, s.triggers[0].target
    ('Israel', 'attacks', 'Hezbollah')
    """
    m = _PHRASE.match(phrase)
    if not m:
        raise InputError(f"cannot read {phrase!r}: write 'ACTOR ACTION TARGET' with ACTION one "
                         f"of {', '.join(ACTIONS)}", field="--trigger")
    day_number(date, Where(), "--date")
    h, r, s = check_limits(horizon, runs, seed, Where(), Where(), Where())
    trigger = Trigger(m["actor"], m["action"].lower(), m["target"], date)
    return Scenario(triggers=(trigger,), name=phrase.strip(), as_of=as_of, horizon=h, runs=r,
                    seed=s, lines={})


# --- resolution ---------------------------------------------------------------------


@dataclass(frozen=True)
class Resolved:
    """A scenario with actor ids and day numbers, ready for :mod:`patron.simulate.network`.

    ``triggers`` are ``(attacker, target, level, day)`` with ``day`` counted from the
    first trigger (day 0); ``as_of`` is ``yyyymmdd``.
    """

    scenario: Scenario
    as_of: int
    start: int
    triggers: tuple[tuple[str, str, int, int], ...]
    ties: tuple[tuple[str, str, str, float, Where], ...]
    forced_in: tuple[tuple[str, str, int, Where], ...]
    forced_out: tuple[str, ...]
    postures: dict[str, float]
    names: dict[str, str]


class _Names:
    def __init__(self, lookup: Any) -> None:
        self.lookup = lookup
        self.names: dict[str, str] = {}

    def __call__(self, name: str, where: Where, field_name: str) -> str:
        try:
            actor = self.lookup(name)
        except (UnknownActor, AmbiguousActor) as exc:
            raise where.error(str(exc), field_name) from exc
        self.names[actor.id] = actor.name
        return str(actor.id)


def _days_between(a: int, b: int) -> int:
    def to_date(n: int) -> dt.date:
        return dt.date(n // 10000, n // 100 % 100, n % 100)

    return (to_date(b) - to_date(a)).days


def resolve(scenario: Scenario, lookup: Any) -> Resolved:
    """Names → actor ids (``lookup(name) -> Actor``, e.g. ``KnowledgeBase.resolve``)."""
    names = _Names(lookup)
    days = [day_number(t.date, t.where, "date") for t in scenario.triggers]
    start = min(days)
    triggers = []
    for i, (t, day) in enumerate(zip(scenario.triggers, days, strict=True)):
        a = names(t.actor, t.where, f"triggers[{i}].actor")
        b = names(t.target, t.where, f"triggers[{i}].target")
        if a == b:
            raise t.where.error("an actor cannot attack itself", f"triggers[{i}].target")
        offset = _days_between(start, day)
        if offset >= scenario.horizon:
            raise t.where.error(f"{t.date} falls after the {scenario.horizon}-day horizon",
                                f"triggers[{i}].date")
        triggers.append((a, b, t.level, offset))
    attackers = {a for a, *_ in triggers}
    targets = {b for _, b, *_ in triggers}
    both = attackers & targets
    if both:
        raise scenario.triggers[0].where.error(
            f"{names.names[min(both)]} is on both sides of the triggers", "triggers")
    if scenario.as_of is not None:
        as_of = day_number(scenario.as_of, scenario.at("as_of"), "as_of")
        if as_of > start:
            raise scenario.at("as_of").error(
                f"{scenario.as_of} is after the first trigger ({scenario.triggers[0].date}): "
                "the network is read before the events it is asked about", "as_of")
    else:
        first = dt.date(start // 10000, start // 100 % 100, start % 100) - dt.timedelta(days=1)
        as_of = first.year * 10000 + first.month * 100 + first.day
    ties = tuple((names(c.source, c.where, "from"), names(c.target, c.where, "to"), c.layer,
                  c.factor, c.where) for c in scenario.ties)
    forced_in = tuple((names(f.actor, f.where, "actor"),
                       names(f.against, f.where, "against"), f.day, f.where)
                      for f in scenario.forced if f.against is not None)
    forced_out = tuple(names(f.actor, f.where, "actor")
                       for f in scenario.forced if f.against is None)
    postures: dict[str, float] = {}
    for p in scenario.postures:
        key = names(p.actor, p.where, "actor")
        postures[key] = postures.get(key, 0.0) + p.shift
    for actor, against, day, where in forced_in:
        if day >= scenario.horizon:
            raise where.error(f"day {day} is beyond the {scenario.horizon}-day horizon", "day")
        if actor in attackers | targets:
            raise where.error(f"{names.names[actor]} is already a party to a trigger", "actor")
        if actor in forced_out:
            raise where.error(f"{names.names[actor]} is forced both in and out", "actor")
        if actor == against:
            raise where.error("an actor cannot fight itself", "against")
    return Resolved(scenario, as_of, start, tuple(triggers), ties, forced_in, forced_out,
                    postures, names.names)
