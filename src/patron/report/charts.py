"""The brief's charts as PNG bytes: support claims over time, and the client's ego network."""

from __future__ import annotations

import io
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt

from patron.graph import plot
from patron.graph.view import View
from patron.model import Claim
from patron.timespan import OPEN_END
from patron.vocab import STRAINS, VOCAB

__all__ = ["STANCE_COLOURS", "ego_network", "support_over_time", "years_of"]

STANCE_COLOURS = {"asserted": "#2b7bba", "reported": "#74a9cf", "alleged": "#e6550d",
                  "disputed": "#fdae6b", "denied": "#969696"}


def years_of(claim: Claim, last: int) -> range:
    """The years a claim's span covers; an open end runs to ``last``; undated: none."""
    lo, hi = claim.time.bounds()
    if not claim.time.start and not claim.time.end:
        return range(0)
    first = lo // 10000 if claim.time.start else hi // 10000
    end = last if hi == OPEN_END else hi // 10000
    return range(first, max(first, end) + 1)


def support_over_time(support: Sequence[Claim], events: Sequence[Claim], title: str) -> bytes:
    """Stacked bars: support claims holding each year, by stance; ruptures and
    resumptions as vertical lines."""
    ends = [c.time.bounds() for c in support if c.time.start or c.time.end]
    last = max((max(lo, hi if hi != OPEN_END else 0) // 10000 for lo, hi in ends), default=0)
    counts: dict[str, Counter[int]] = {s: Counter() for s in STANCE_COLOURS}
    for c in support:
        counts[c.stance].update(years_of(c, last))
    years = sorted({y for cnt in counts.values() for y in cnt})
    fig, ax = plt.subplots(figsize=(10, 4))
    bottom = [0] * len(years)
    for stance, colour in STANCE_COLOURS.items():
        heights = [counts[stance][y] for y in years]
        if any(heights):
            ax.bar(years, heights, bottom=bottom, color=colour, label=stance)
            bottom = [b + h for b, h in zip(bottom, heights, strict=True)]
    for e in events:
        if e.type in VOCAB.modifiers and e.time.start:
            year = e.time.bounds()[0] // 10000
            strains = VOCAB.claim_types[e.type].modifies == STRAINS
            ax.axvline(year, color="#d43d2a" if strains else "#31a354",
                       linestyle="--", linewidth=1)
    ax.set_xlabel("year (dashed: red rupture, green resumption)")
    ax.set_ylabel("support claims holding")
    ax.set_title(title)
    if years:
        ax.legend(fontsize=8, loc="upper left")
    fig.tight_layout()
    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=100)
    plt.close(fig)
    return buffer.getvalue()


def ego_network(view: View, client: str, patron: str) -> bytes:
    """:func:`patron.graph.plot.ego` of the client, the patron highlighted."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "ego.png"
        plot.ego(view, client, path, highlight=[patron] if patron in view.graph else [])
        return path.read_bytes()
