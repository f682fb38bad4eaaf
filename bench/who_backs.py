"""who-backs latency over 1,000,000 generated claims (SQLite, warm).

Target (DESIGN.md): < 50 ms. Baseline in the same run: the same lookup with
SQLite told not to use the claims indexes (a full scan), so the ratio shows
what the index buys on this machine today.

    python bench/who_backs.py [--claims 1000000] [--actors 10000]
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import time
from pathlib import Path

from generate import generate

from patron.graph.backing import who_backs
from patron.kb import KnowledgeBase
from patron.store import ClaimFilter
from patron.timespan import date_bounds


def _ms(samples: list[float]) -> str:
    samples = sorted(samples)
    p95 = samples[int(0.95 * (len(samples) - 1))]
    return f"median {statistics.median(samples) * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--queries", type=int, default=200)
    args = parser.parse_args()
    path = Path("bench/out") / f"who_backs_{args.claims}.db"
    path.parent.mkdir(parents=True, exist_ok=True)
    url = f"sqlite:///{path}"
    if not path.exists():
        t0 = time.perf_counter()
        generate(url, args.claims, args.actors).close()
        print(f"generated {args.claims:,} claims in {time.perf_counter() - t0:.0f} s")
    kb = KnowledgeBase.open(url)
    total = kb.store.count()
    rng = random.Random(1)
    names = ["Bench Hamas", "Harakat Bench"] + [
        f"Bench Actor {rng.randrange(1, args.actors)}" for _ in range(args.queries)]
    window = ClaimFilter(lo=date_bounds("2013")[0], hi=date_bounds("2016")[1])

    def query(name: str, flt: ClaimFilter = ClaimFilter()) -> int:
        return len(who_backs(kb.store, kb.resolve(name), flt).claims())

    for name in names[:20]:  # warm caches and the resolver
        query(name)
    hot, rows_hot = [], 0
    for _ in range(20):
        t0 = time.perf_counter()
        rows_hot = query("Bench Hamas")
        hot.append(time.perf_counter() - t0)
    typical = []
    for name in names[2:]:
        t0 = time.perf_counter()
        query(name)
        typical.append(time.perf_counter() - t0)
    windowed = []
    for name in names[2:]:
        t0 = time.perf_counter()
        query(name, window)
        windowed.append(time.perf_counter() - t0)

    # Baseline: the same claim lookup with the indexes switched off (full scan).
    con = sqlite3.connect(path)
    support = ("funding", "arms", "materiel", "training", "troops", "intelligence",
               "safe_haven", "transit", "diplomatic", "humanitarian")
    marks = ",".join("?" * len(support))
    scan = []
    for i in range(5):
        t0 = time.perf_counter()
        con.execute(f"SELECT * FROM claims NOT INDEXED WHERE object_id = ? AND family = "
                    f"'support' AND type IN ({marks})", (f"bench-{i + 1}", *support)).fetchall()
        scan.append(time.perf_counter() - t0)
    con.close()

    print(f"claims in store: {total:,}")
    print(f"who-backs, most-backed actor ({rows_hot:,} support claims): {_ms(hot)}")
    print(f"who-backs, {len(typical)} random actors: {_ms(typical)}")
    print(f"who-backs --since 2013 --until 2016, same actors: {_ms(windowed)}")
    print(f"baseline, same lookup as a full scan (no index): {_ms(scan)}")
    ratio = statistics.median(scan) / statistics.median(typical)
    print(f"ratio baseline/median random: {ratio:.0f}x")


if __name__ == "__main__":
    main()
