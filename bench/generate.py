"""Generate a synthetic knowledge base: N actors and M claims, for benchmarks.

The shape imitates real data: a few heavily backed clients (power law over
objects), support types drawn from the vocabulary, time spans from 1980-2024,
all stances and grades. Ids are content-addressed like real claims.

    python bench/generate.py --claims 1000000 --actors 10000 --db sqlite:///bench/out/kb.db
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from rich.progress import Progress

from patron.model import Actor, Document, Evidence, claim_id
from patron.store import Store
from patron.timespan import TimeSpan
from patron.vocab import VOCAB

KINDS = ("state", "armed_group", "state_organ", "political_org", "intermediary")
STANCES = ("asserted", "reported", "alleged", "disputed", "denied")
STANCE_WEIGHTS = (50, 25, 15, 5, 5)


def actors(n: int) -> list[Actor]:
    out = [Actor(id="bench-hamas", name="Bench Hamas", kind="armed_group",
                 aliases=("Harakat Bench",))]
    out += [Actor(id=f"bench-{i}", name=f"Bench Actor {i}", kind=KINDS[i % len(KINDS)])
            for i in range(1, n)]
    return out


def generate(url: str, n_claims: int, n_actors: int, seed: int = 7) -> Store:
    rng = random.Random(seed)
    store = Store.open(url, create=True)
    people = actors(n_actors)
    store.put_actors(people, origin="bench")
    docs = [Document(id=f"doc-bench-{i}", title=f"Bench report {i}", publisher="Bench Wire",
                     published=f"{2000 + i % 24}") for i in range(2000)]
    store.add(docs, [])
    ids = [a.id for a in people]
    # Zipf-like popularity of clients: bench-hamas is the most backed actor.
    weights = [1.0 / (rank + 1) ** 0.8 for rank in range(len(ids))]
    types = list(VOCAB.claim_types)
    support = set(VOCAB.types_in("support"))
    seq = store.max_seq()
    batch: list[dict[str, object]] = []
    with Progress() as progress:
        task = progress.add_task("claims", total=n_claims)
        objects = rng.choices(ids, weights=weights, k=n_claims)
        seen: set[str] = set()
        for i in range(n_claims):
            obj = objects[i]
            subj = rng.choice(ids)
            if subj == obj:
                subj = ids[(ids.index(obj) + 1) % len(ids)]
            ctype = rng.choice(types) if rng.random() < 0.3 else rng.choice(sorted(support))
            start = rng.randint(1980, 2024)
            end = None if rng.random() < 0.3 else rng.randint(start, 2024)
            doc = f"doc-bench-{rng.randrange(len(docs))}"
            span = TimeSpan(start=str(start), end=str(end) if end else None)
            ident = claim_id(Evidence(document=doc), subj, ctype, obj, span)
            if ident in seen:
                continue
            seen.add(ident)
            seq += 1
            batch.append({
                "id": ident,
                "subject_id": subj, "object_id": obj, "type": ctype,
                "family": VOCAB.claim_types[ctype].family,
                "time_start": str(start), "time_end": str(end) if end else None,
                "precision": "year", "lo": start * 10000 + 101,
                "hi": end * 10000 + 1231 if end else 99991231,
                "amount": None, "currency": None, "per": None, "route": [],
                "attributed_by": None, "attributed_on": None,
                "stance": rng.choices(STANCES, STANCE_WEIGHTS)[0],
                "grade": f"{rng.choice('ABCDEF')}{rng.randint(1, 6)}",
                "document_id": doc, "quote": None, "span": None, "subject_span": None,
                "object_span": None, "origin": "bench", "review": "proposed",
                "statement": None, "seq": seq,
            })
            if len(batch) == 50000:
                store.add_rows(batch)
                progress.advance(task, len(batch))
                batch = []
        if batch:
            store.add_rows(batch)
            progress.advance(task, len(batch))
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--claims", type=int, default=1_000_000)
    parser.add_argument("--actors", type=int, default=10_000)
    parser.add_argument("--db", default="sqlite:///bench/out/kb.db")
    args = parser.parse_args()
    if args.db.startswith("sqlite:///"):
        path = Path(args.db.removeprefix("sqlite:///"))
        path.parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(str(path) + suffix).unlink(missing_ok=True)
    t0 = time.perf_counter()
    generate(args.db, args.claims, args.actors)
    print(f"generated {args.claims:,} claims over {args.actors:,} actors "
          f"in {time.perf_counter() - t0:.1f} s")


if __name__ == "__main__":
    main()
