"""What every analysis answer shares: the slice it covers and how its weights were made."""

from __future__ import annotations

from typing import Any

from patron.graph.view import View

__all__ = ["WEIGHTING", "header"]

WEIGHTING = "patron.graph.weight.edge_weight"


def header(view: View, analysis: str) -> dict[str, Any]:
    """The first keys of an analysis's JSON document."""
    return {
        "analysis": analysis,
        "slice": view.slice.record(),
        "reference_day": view.ref,
        "weighting": WEIGHTING,
        "claims_in_slice": len(view.claims),
    }
