"""GDELT import speed and memory: patron (DuckDB) beside pandas reading the same file.

Target (DESIGN.md): >= 1,000,000 rows/s, peak memory flat in the file size
(under 2 GB). Each measurement runs in its own process, which reports its own
peak RSS (``resource.getrusage``), so one cannot inflate the other.

* ``patron``: ``patron.sources.gdelt.read`` + ``store_batch`` into a fresh SQLite
  knowledge base holding the shipped gazetteer: parse, map, aggregate, store.
* ``pandas``: ``pandas.read_csv`` of the same file (C engine, the same columns,
  1,000,000-row chunks so it fits in memory), counting rows and nothing more.

    python bench/gdelt_import.py [--rows 10000000] [--columns 61] [--results]
"""

from __future__ import annotations

import argparse
import csv
import datetime
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
sys.path.insert(0, str(HERE.parent / "src"))


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_patron(path: Path) -> dict[str, float]:
    from patron.kb import KnowledgeBase
    from patron.sources import gdelt
    from patron.sources.importing import ActorBook, store_batch

    db = OUT / "gdelt_bench.db"
    db.unlink(missing_ok=True)
    kb = KnowledgeBase.open(f"sqlite:///{db}", create=True)
    kb.init()
    start = time.perf_counter()
    report = store_batch(kb, gdelt.read([path], ActorBook.of(kb)))
    seconds = time.perf_counter() - start
    kb.close()
    return {"rows": report.rows_read, "seconds": seconds, "claims": report.claims_made,
            "peak_mb": _peak_mb()}  # fmt: skip


def measure_pandas(path: Path) -> dict[str, float]:
    import pandas as pd

    from patron.sources.gdelt import LAYOUTS

    with path.open("rb") as stream:
        names = LAYOUTS[stream.readline().count(b"\t") + 1]
    wanted = [f"Actor{i}{f}" for i in (1, 2)
              for f in ("KnownGroupCode", "CountryCode", "Type1Code", "Name")]  # fmt: skip
    wanted += ["EventCode", "SQLDATE"] + (["SOURCEURL"] if "SOURCEURL" in names else [])
    start = time.perf_counter()
    rows = 0
    chunks = pd.read_csv(path, sep="\t", header=None, names=names, usecols=wanted, dtype=str,
                         quoting=csv.QUOTE_NONE, engine="c", chunksize=1_000_000)  # fmt: skip
    for chunk in chunks:
        rows += len(chunk)
    return {"rows": rows, "seconds": time.perf_counter() - start, "peak_mb": _peak_mb()}


def _child(which: str, path: Path) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--measure", which, str(path)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _row(label: str, m: dict[str, float]) -> str:
    rate = m["rows"] / m["seconds"]
    cells = [label, f"{m['rows']:,.0f}", f"{m['seconds']:.1f} s", f"{rate:,.0f}",
             f"{m['peak_mb']:,.0f} MB"]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--columns", type=int, default=61, choices=(57, 58, 61))
    parser.add_argument("--results", action="store_true", help="append to bench/RESULTS.md")
    parser.add_argument("--measure", nargs=2, metavar=("WHICH", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        which, file = args.measure
        fn = measure_patron if which == "patron" else measure_pandas
        print(json.dumps(fn(Path(file))))
        return
    from gdelt_generate import generate

    OUT.mkdir(exist_ok=True)
    path = OUT / f"gdelt-{args.rows}-{args.columns}.tsv"
    if not path.exists():
        start = time.perf_counter()
        generate(path, args.rows, args.columns)
        print(f"generated {path} ({path.stat().st_size / 1e9:.1f} GB) "
              f"in {time.perf_counter() - start:.0f} s")  # fmt: skip
    patron = _child("patron", path)
    pandas = _child("pandas", path)
    size = path.stat().st_size / 1e9
    lines = [
        f"GDELT {'2.0' if args.columns == 61 else '1.0'} events, {args.rows:,} rows, "
        f"{args.columns} columns, {size:.1f} GB; {os.cpu_count()} cores; "
        f"{datetime.date.today().isoformat()}",
        "",
        "| reader | rows | time | rows/s | peak RSS |",
        "|---|---|---|---|---|",
        _row(f"patron import gdelt (DuckDB; {patron['claims']:,.0f} claims stored)", patron),
        _row("baseline: pandas.read_csv, same columns, 1M-row chunks", pandas),
        "",
        f"patron / pandas: {patron['seconds'] and pandas['seconds'] / patron['seconds']:.1f}x "
        "the rows/s",
    ]
    print("\n".join(lines))
    if args.results:
        _append(lines, args)


def _append(lines: list[str], args: argparse.Namespace) -> None:
    results = HERE / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    head = "## GDELT import"
    command = (f"Command: `.venv/bin/python bench/gdelt_import.py --rows {args.rows} "
               f"--columns {args.columns} --results` (also run by `make bench`)")  # fmt: skip
    block = "\n".join(["", command, "", *lines, ""])
    if head not in text:
        text = text.rstrip("\n") + f"\n\n{head}\n"
    text = text.rstrip("\n") + "\n" + block
    results.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
