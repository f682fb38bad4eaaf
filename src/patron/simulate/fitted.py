"""The fitted parameters kept in the repository (``data/simulate/fitted.yaml``).

``patron simulate calibrate EPISODES.csv`` writes the file; every simulation reads
it. It keeps the command that made it, the SHA-256 of the episode file, a
fingerprint of the claims the networks were read from, each parameter with its
standard error, and the pooled base rate the base-rate baseline uses.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from patron import settings
from patron.errors import InputError
from patron.simulate.hazard import Params

__all__ = ["Fitted", "default_path", "load", "save"]


def default_path() -> Path:
    return settings.get().data_dir / "simulate" / "fitted.yaml"


@dataclass(frozen=True)
class Fitted:
    """Parameters, their standard errors (None: fixed, not fitted), the daily base rate."""

    params: Params
    se: dict[str, float | None] = field(default_factory=dict)
    base_rate: float = 0.0
    record: dict[str, Any] = field(default_factory=dict)


def load(path: Path | None = None) -> Fitted:
    """The fitted parameters; the hazard's defaults with a note when no file exists."""
    target = path or default_path()
    if not target.is_file():
        return Fitted(Params(), record={"note": f"no fitted parameters at {target}; "
                                        "run patron simulate calibrate"})
    try:
        data = yaml.safe_load(target.read_text(encoding="utf-8"))
        values = {k: float(v["value"]) for k, v in data["parameters"].items()}
        se = {k: (None if v.get("se") is None else float(v["se"]))
              for k, v in data["parameters"].items()}
        return Fitted(Params(**values), se, float(data["base_rate"]["daily"]), data)
    except (KeyError, TypeError, ValueError, yaml.YAMLError) as exc:
        raise InputError(f"not a fitted-parameter file: {exc}", file=str(target)) from exc


def save(record: dict[str, Any], path: Path) -> None:
    """Write ``record`` as YAML in a stable order (same inputs, same bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Fitted parameters of the escalation model (patron.simulate.hazard).\n"
              "# Written by the command below; do not edit by hand.\n")
    body = yaml.safe_dump(record, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + body, encoding="utf-8")
