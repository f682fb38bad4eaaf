"""How long `patron init` takes on the shipped starter data, and what the datasets add.

Baseline in the same run: init without the starter datasets (gazetteer and
curated claims only, `--no-datasets`). Then init with the UCDP External Support
Dataset on a fresh SQLite file, and again on the same file (nothing new to
store). Prints the share of ESD rows turned into claims and of ESD names that
resolved to the gazetteer.

    python bench/starter_init.py [--runs 3]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from patron.kb import KnowledgeBase, LoadReport

DATA = Path(__file__).resolve().parent.parent / "data"


def _timed(url: str, *, datasets: bool) -> tuple[float, LoadReport]:
    t0 = time.perf_counter()
    kb = KnowledgeBase.open(url, create=True)
    report = kb.init(DATA, datasets=datasets)
    kb.close()
    return time.perf_counter() - t0, report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    rows: dict[str, list[float]] = {"baseline: init --no-datasets": [], "init (fresh)": [],
                                    "init again (same file)": []}
    report = LoadReport()
    for i in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            rows["baseline: init --no-datasets"].append(
                _timed(f"sqlite:///{tmp}/base-{i}.db", datasets=False)[0])
            url = f"sqlite:///{tmp}/full-{i}.db"
            took, report = _timed(url, datasets=True)
            rows["init (fresh)"].append(took)
            rows["init again (same file)"].append(_timed(url, datasets=True)[0])
    for label, samples in rows.items():
        print(f"{label:32s} median {statistics.median(samples):6.2f} s "
              f"(min {min(samples):.2f}, max {max(samples):.2f}, {len(samples)} runs)")
    print(f"curated: {report.claims_new:,} claims; actors {report.actors_total:,}")
    for d in report.datasets:
        skipped = sum(d.skipped.values())
        known = sum(d.names.values())
        print(f"{d.source}: {d.rows_read:,} rows, {d.rows_read - skipped:,} "
              f"({(d.rows_read - skipped) / d.rows_read:.1%}) made {d.claims_new:,} claims; "
              f"{len(d.names)} names, {known} ({known / len(d.names):.0%}) to the gazetteer, "
              f"{len(d.names) - known} to actors the dataset adds; "
              f"skipped: {dict(d.skipped)}")


if __name__ == "__main__":
    main()
