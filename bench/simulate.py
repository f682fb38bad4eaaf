"""Escalation engine speed: actor-days per second, vectorised over runs, beside a per-run
Python loop of the same model measured in the same run, on one thread.

The scenario is the demo's: Israel attacks Hamas on 2023-10-07, the network read as
of 2023-10-06 from the starter knowledge base (built once into bench/out/), with the
fitted parameters in data/simulate/fitted.yaml. An actor-day is one simulated actor
on one simulated day of one run (runs × actors × days). Both engines consume the
same random draws; the bench checks that they return identical runs.

    python bench/simulate.py [--runs 20000] [--loop-runs 1000] [--repeat 3] [--days 90]
"""

from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[_var] = "1"  # one core: set before NumPy loads its BLAS

import argparse  # noqa: E402
import time  # noqa: E402
from pathlib import Path  # noqa: E402

import numpy as np  # noqa: E402

from patron.kb import KnowledgeBase  # noqa: E402
from patron.simulate import fitted  # noqa: E402
from patron.simulate import scenario as sc  # noqa: E402
from patron.simulate.engine import run_loop, run_vectorised  # noqa: E402
from patron.simulate.simulation import Simulation  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
DATA = Path(__file__).resolve().parent.parent / "data"


def knowledge_base() -> KnowledgeBase:
    OUT.mkdir(exist_ok=True)
    path = OUT / "simulate_starter.db"
    fresh = not path.exists()
    kb = KnowledgeBase.open(f"sqlite:///{path}", create=fresh)
    if fresh:
        kb.init(DATA)
    return kb


def best(fn: object, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=20000)
    parser.add_argument("--loop-runs", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--days", type=int, default=90)
    args = parser.parse_args()
    kb = knowledge_base()
    spec = sc.from_phrase("Israel attacks Hamas", "2023-10-07", as_of="2023-10-06",
                          horizon=args.days, runs=args.runs)
    params = fitted.load().params
    t0 = time.perf_counter()
    sim = Simulation.build(kb.store, sc.resolve(spec, kb.resolve), params)
    read = time.perf_counter() - t0
    n, days = sim.ties.n, args.days
    draws = sim.draws(args.runs, spec.seed)
    vec = best(lambda: run_vectorised(sim.setup, draws), args.repeat)
    small = sim.draws(args.loop_runs, spec.seed)
    loop = best(lambda: run_loop(sim.setup, small), 1)
    a, b = run_vectorised(sim.setup, small), run_loop(sim.setup, small)
    same = all(np.array_equal(getattr(a, f), getattr(b, f))
               for f in ("join", "side", "target", "puller", "escalated", "ended"))
    joins = int((run_vectorised(sim.setup, draws).join >= 0).sum() - 2 * args.runs)
    vec_rate = args.runs * n * days / vec
    loop_rate = args.loop_runs * n * days / loop
    print(f"scenario: Israel attacks Hamas, network as of 2023-10-06: {n} actors, {days} days; "
          f"network read and arrays built in {read:.1f} s")
    print(f"{'engine':<38} {'runs':>8} {'seconds':>9} {'actor-days/s':>16}")
    print(f"{'vectorised over runs (best of ' + str(args.repeat) + ')':<38} {args.runs:>8,} "
          f"{vec:>9.3f} {vec_rate:>16,.0f}")
    print(f"{'baseline: per-run Python loop':<38} {args.loop_runs:>8,} {loop:>9.3f} "
          f"{loop_rate:>16,.0f}")
    print(f"ratio: {vec_rate / loop_rate:.1f}x; identical runs on the loop's {args.loop_runs} "
          f"runs: {same}; joins in the vectorised runs: {joins:,}")
    kb.close()


if __name__ == "__main__":
    main()
