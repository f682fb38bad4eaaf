"""Peak memory of ``ingest`` on large plain-text files (5, 20, 50 MB).

A plain-text file of many megabytes (a transcript, a book-length report, a dump
of pages) must ingest in flat memory: the reader and the extractor hold a block
of paragraphs at a time, not the whole text and its mentions. Input: the example
documents' paragraphs (txt and md), drawn in a seeded random order with their
years and amounts varied, written to each size. Each size is ingested into a
fresh copy of a knowledge base initialised with the starter gazetteer, in a
process of its own; the baseline, measured in the same run, is the same ingest
of one example document (what importing Python, the gazetteer and the model
costs before any text). Prints seconds, MB/s, claims, peak RSS, and peak RSS
above the baseline per character of input: flat memory shows as a figure that
falls as the file grows.

    python bench/large_text.py [--sizes 5,20,50] [--whole]

``--whole`` ingests as Patron did before the block reader: the file read whole,
extracted as one block, every claim held until the one write.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "documents"
_YEAR = re.compile(r"\b(19[89]\d|20[0-2]\d)\b")
_AMOUNT = re.compile(r"\$(\d+)")


def paragraphs() -> list[str]:
    """The example documents' paragraphs (txt and md), as written."""
    out: list[str] = []
    for path in sorted([*EXAMPLES.glob("*.txt"), *EXAMPLES.glob("*.md")]):
        text = path.read_text(encoding="utf-8")
        out += [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]
    return out


def _varied(paragraph: str, rng: random.Random) -> str:
    shift = rng.randint(-6, 6)
    text = _YEAR.sub(lambda m: str(min(2024, int(m.group(1)) + shift)), paragraph)
    return _AMOUNT.sub(lambda m: f"${int(m.group(1)) + rng.randint(0, 40)}", text)


def _blocks(size: int, seed: int) -> Iterator[str]:
    rng = random.Random(seed)
    pool = paragraphs()
    written = 0
    while written < size:
        block = _varied(rng.choice(pool), rng) + "\n\n"
        written += len(block)
        yield block


def generate(path: Path, size: int, seed: int = 14) -> Path:
    """Write about ``size`` characters of varied example paragraphs to ``path``."""
    with path.open("w", encoding="utf-8") as out:
        for block in _blocks(size, seed):
            out.write(block)
    return path


def _child(db: str, path: str, whole: bool) -> None:
    """Ingest ``path`` into ``db`` and print seconds, claims and peak RSS as JSON."""
    from patron.extract import pipeline
    from patron.kb import KnowledgeBase
    from patron.readers import documents

    if whole:  # as before the block reader: the file read whole, extracted as one block
        documents.LARGE_TEXT = pipeline.BLOCK_CHARS = 1 << 62
    kb = KnowledgeBase.open(db)
    t0 = time.perf_counter()
    report = kb.ingest([Path(path)])
    took = time.perf_counter() - t0
    kb.close()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    print(json.dumps({"seconds": took, "claims": report.claims_new, "peak": peak}))


def _measure(template: Path, work: Path, path: Path, whole: bool) -> dict[str, float]:
    db = work / "kb.db"
    shutil.copy(template, db)
    for suffix in ("-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    cmd = [sys.executable, __file__, "--child", f"sqlite:///{db}", str(path)]
    done = subprocess.run(cmd + (["--whole"] if whole else []), check=True,
                          capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="5,20,50", help="sizes in MB, comma-separated")
    parser.add_argument("--whole", action="store_true", help="the whole text at once")
    parser.add_argument("--child", nargs=2, metavar=("DB", "FILE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(*args.child, whole=args.whole)
        return
    from patron.kb import KnowledgeBase

    mode = "whole text" if args.whole else "blocks"
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        template = work / "template.db"
        kb = KnowledgeBase.open(f"sqlite:///{template}", create=True)
        kb.init(REPO / "data", datasets=False)
        kb.close()
        base = _measure(template, work, EXAMPLES / "iran-hamas-support.txt", args.whole)
        print(f"reader: {mode}; baseline (one example document): peak RSS "
              f"{base['peak'] / 2**20:.0f} MB")
        print(f"{'MB':>4s} {'seconds':>8s} {'MB/s':>6s} {'claims':>7s} {'peak RSS':>9s} "
              f"{'above baseline':>15s} {'bytes/char':>11s}")
        for mb in (float(x) for x in args.sizes.split(",")):
            path = generate(work / f"large-{mb:g}.txt", int(mb * 1_000_000))
            chars = len(path.read_text(encoding="utf-8"))
            got = _measure(template, work, path, args.whole)
            above = got["peak"] - base["peak"]
            print(f"{mb:4g} {got['seconds']:8.1f} {mb / got['seconds']:6.2f} "
                  f"{int(got['claims']):7d} {got['peak'] / 2**20:6.0f} MB "
                  f"{above / 2**20:12.0f} MB {above / chars:11.1f}")
            path.unlink()


if __name__ == "__main__":
    main()
