"""GDELT import speed and memory: patron (DuckDB) beside pandas reading the same file.

Target (DESIGN.md): >= 1,000,000 rows/s, peak memory flat in the file size
(under 2 GB). Each measurement runs in its own process, which reports its own
peak RSS (``resource.getrusage``), so one cannot inflate the other.

* ``patron``: ``patron.importers.gdelt.read`` + ``store_batch`` into a fresh SQLite
  knowledge base holding the shipped gazetteer: parse, map, aggregate, store.
* ``pandas``: ``pandas.read_csv`` of the same file (C engine, the same columns,
  1,000,000-row chunks so it fits in memory), counting rows and nothing more.
* ``scan``: DuckDB's ``count(*)`` over the same ``read_csv`` the import uses (same
  options, no projection, no work): the floor for any DuckDB-based import.

Each is run ``--repeat`` times (alternating, fresh process each time); the table
gives the median and the range. CPU time (user + system) is reported beside wall
time: on a shared machine a competing process shows as wall time well above CPU
time / cores. The load average before the run is printed too.

    python bench/gdelt_import.py [--rows 10000000] [--columns 61] [--repeat 3] [--results]

``--memory ROWS,ROWS,...`` instead imports a file of each size once (patron only) and
tabulates peak RSS beside the file size, to show memory stays flat as the file grows
(``--results`` writes that table to its own section of RESULTS.md).
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


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def measure_patron(path: Path) -> dict[str, float]:
    from patron.importers import gdelt
    from patron.importers.batch import ActorBook, store_batch
    from patron.kb import KnowledgeBase

    db = OUT / "gdelt_bench.db"
    db.unlink(missing_ok=True)
    kb = KnowledgeBase.open(f"sqlite:///{db}", create=True)
    kb.init()
    start, cpu = time.perf_counter(), _cpu()
    report = store_batch(kb, gdelt.read([path], ActorBook.of(kb)))
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    kb.close()
    return {"rows": report.rows_read, "seconds": seconds, "cpu": cpu,
            "claims": report.claims_made, "peak_mb": _peak_mb()}  # fmt: skip


def measure_scan(path: Path) -> dict[str, float]:
    import duckdb

    from patron.importers import gdelt

    with path.open("rb") as stream:
        layout = stream.readline().count(b"\t") + 1
    con = duckdb.connect()
    start, cpu = time.perf_counter(), _cpu()
    row = con.execute(f"SELECT count(*) FROM {gdelt.scan([path], layout)}").fetchone()
    seconds, cpu = time.perf_counter() - start, _cpu() - cpu
    con.close()
    return {"rows": row[0] if row else 0, "seconds": seconds, "cpu": cpu,
            "peak_mb": _peak_mb()}  # fmt: skip


def measure_pandas(path: Path) -> dict[str, float]:
    import pandas as pd

    from patron.importers.gdelt import LAYOUTS

    with path.open("rb") as stream:
        names = LAYOUTS[stream.readline().count(b"\t") + 1]
    wanted = [f"Actor{i}{f}" for i in (1, 2)
              for f in ("KnownGroupCode", "CountryCode", "Type1Code", "Name")]  # fmt: skip
    wanted += ["EventCode", "SQLDATE"] + (["SOURCEURL"] if "SOURCEURL" in names else [])
    start, cpu = time.perf_counter(), _cpu()
    rows = 0
    chunks = pd.read_csv(path, sep="\t", header=None, names=names, usecols=wanted, dtype=str,
                         quoting=csv.QUOTE_NONE, engine="c", chunksize=1_000_000)  # fmt: skip
    for chunk in chunks:
        rows += len(chunk)
    return {"rows": rows, "seconds": time.perf_counter() - start, "cpu": _cpu() - cpu,
            "peak_mb": _peak_mb()}  # fmt: skip


def _child(which: str, path: Path) -> dict[str, float]:
    cmd = [sys.executable, __file__, "--measure", which, str(path)]
    done = subprocess.run(cmd, check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median wall time, with the range of wall times."""
    ordered = sorted(runs, key=lambda m: m["seconds"])
    return {**ordered[len(ordered) // 2], "low": ordered[0]["seconds"],
            "high": ordered[-1]["seconds"]}  # fmt: skip


def _row(label: str, m: dict[str, float]) -> str:
    rate = m["rows"] / m["seconds"]
    low, high = f"{m['low']:.1f}", f"{m['high']:.1f}"
    spread = f" ({low}–{high})" if low != high else ""
    cells = [label, f"{m['rows']:,.0f}", f"{m['seconds']:.1f} s{spread}", f"{m['cpu']:.1f} s",
             f"{rate:,.0f}", f"{m['peak_mb']:,.0f} MB"]  # fmt: skip
    return "| " + " | ".join(cells) + " |"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000_000)
    parser.add_argument("--columns", type=int, default=61, choices=(57, 58, 61))
    parser.add_argument("--repeat", type=int, default=3, help="runs of each reader (median)")
    parser.add_argument("--results", action="store_true", help="write to bench/RESULTS.md")
    parser.add_argument("--memory", help="comma-separated row counts: peak RSS per file size")
    parser.add_argument("--measure", nargs=2, metavar=("WHICH", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure:
        which, file = args.measure
        fn = {"patron": measure_patron, "pandas": measure_pandas, "scan": measure_scan}[which]
        print(json.dumps(fn(Path(file))))
        return
    if args.memory:
        memory(args, [int(n) for n in args.memory.split(",")])
        return
    path = _file(args.rows, args.columns)
    load = os.getloadavg()[0]
    runs: dict[str, list[dict[str, float]]] = {"patron": [], "scan": [], "pandas": []}
    for _ in range(max(1, args.repeat)):
        for which, done in runs.items():
            done.append(_child(which, path))
    patron, scan, pandas = (_median(r) for r in runs.values())
    size = path.stat().st_size / 1e9
    lines = [
        f"GDELT {'2.0' if args.columns == 61 else '1.0'} events, {args.rows:,} rows, "
        f"{args.columns} columns, {size:.1f} GB; {os.cpu_count()} cores; "
        f"{datetime.date.today().isoformat()}; median of {max(1, args.repeat)} runs "
        f"(range); load average {load:.2f} before the run, {os.getloadavg()[0]:.2f} after",
        "",
        "| reader | rows | time | CPU time | rows/s | peak RSS |",
        "|---|---|---|---|---|---|",
        _row(f"patron import gdelt (DuckDB; {patron['claims']:,.0f} claims stored)", patron),
        _row("floor: DuckDB `count(*)` over the same `read_csv`, no work", scan),
        _row("baseline: pandas.read_csv, same columns, 1M-row chunks", pandas),
        "",
        f"patron / pandas: {pandas['seconds'] / patron['seconds']:.1f}x the rows/s; "
        f"patron / bare DuckDB scan: {scan['seconds'] / patron['seconds']:.2f}x",
    ]
    print("\n".join(lines))
    if args.results:
        _append(lines, args)


def _file(rows: int, columns: int) -> Path:
    from gdelt_generate import generate

    OUT.mkdir(exist_ok=True)
    path = OUT / f"gdelt-{rows}-{columns}.tsv"
    if not path.exists():
        start = time.perf_counter()
        generate(path, rows, columns)
        print(f"generated {path} ({path.stat().st_size / 1e9:.1f} GB) "
              f"in {time.perf_counter() - start:.0f} s")  # fmt: skip
    return path


def memory(args: argparse.Namespace, sizes: list[int]) -> None:
    """One patron import per file size; peak RSS beside the size shows memory is flat."""
    table = ["| rows | file | claims stored | time | CPU time | rows/s | peak RSS |",
             "|---|---|---|---|---|---|---|"]  # fmt: skip
    for rows in sizes:
        path = _file(rows, args.columns)
        m = _child("patron", path)
        size = path.stat().st_size / 1e9
        table.append(f"| {m['rows']:,.0f} | {size:.2f} GB | {m['claims']:,.0f} | "
                     f"{m['seconds']:.1f} s | {m['cpu']:.1f} s | {m['rows'] / m['seconds']:,.0f} "
                     f"| {m['peak_mb']:,.0f} MB |")  # fmt: skip
        print(table[-1])
    head = (f"GDELT {'2.0' if args.columns == 61 else '1.0'} events, {args.columns} columns; "
            f"{os.cpu_count()} cores; {datetime.date.today().isoformat()}; one run a size; "
            f"load average {os.getloadavg()[0]:.2f} after")  # fmt: skip
    lines = [head, "", *table]
    print("\n".join(lines))
    if args.results:
        results = HERE / "RESULTS.md"
        title = "## GDELT import memory as the file grows"
        command = (f"Command: `.venv/bin/python bench/gdelt_import.py --memory {args.memory} "
                   f"--columns {args.columns} --results`")  # fmt: skip
        block = "\n".join([title, "", command, "", *lines, ""])
        text = results.read_text(encoding="utf-8")
        if title in text:
            start = text.index(title)
            following = text.find("\n## ", start + len(title))
            text = text[:start] + block + ("\n" + text[following + 1 :] if following >= 0 else "")
        else:
            text = text.rstrip("\n") + "\n\n" + block
        results.write_text(text, encoding="utf-8")


def _append(lines: list[str], args: argparse.Namespace) -> None:
    """Replace the measured block of the GDELT section (a hand-written paragraph
    starting "Reading the figures" after it is kept)."""
    results = HERE / "RESULTS.md"
    text = results.read_text(encoding="utf-8") if results.exists() else "# Benchmark results\n"
    head = "## GDELT import"
    command = (f"Command: `.venv/bin/python bench/gdelt_import.py --rows {args.rows} "
               f"--columns {args.columns} --repeat {args.repeat} --results` "
               "(also run by `make bench`)")  # fmt: skip
    block = "\n".join([head, "", command, "", *lines, ""])
    if head not in text:
        results.write_text(text.rstrip("\n") + "\n\n" + block, encoding="utf-8")
        return
    start = text.index(head)
    following = text.find("\n## ", start + len(head))
    end = len(text) if following < 0 else following + 1
    keep = text.find("\nReading the figures", start, end)
    tail = text[keep + 1 : end] if keep >= 0 else ""
    section = block + ("\n" + tail if tail else "\n")
    results.write_text(text[:start] + section + text[end:], encoding="utf-8")


if __name__ == "__main__":
    main()
