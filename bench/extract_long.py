"""Extraction time on long text with and without sentence punctuation (1, 10, 50 MB).

A scraped page or transcript may have no sentence ends at all; extraction must
still cost time linear in its length and flat memory. Input: the example
documents' text (txt and md) repeated to each size, once as written (the
baseline, measured in the same run) and once with every sentence end (. ! ?)
and line break removed, so the whole file is one "sentence" to the segmenter.
Prints seconds, MB/s and peak memory per size; linear cost shows as a constant
MB/s across sizes.

    python bench/extract_long.py [--sizes 1,10,50]
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "documents"


def _corpus() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    parts += [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.md"))]
    return "\n\n".join(parts)


def _run(path: Path) -> tuple[float, int]:
    """Wall seconds and peak RSS (KB) of ``patron extract PATH -f jsonl``."""
    patron = Path(sys.executable).with_name("patron")
    t0 = time.perf_counter()
    subprocess.run([str(patron), "extract", str(path), "-f", "jsonl"], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    took = time.perf_counter() - t0
    return took, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="1,10,50", help="sizes in MB, comma-separated")
    args = parser.parse_args()
    text = _corpus()
    flat = re.sub(r"\s+", " ", re.sub(r"[.!?]", "", text))
    print(f"{'input':28s} {'MB':>5s} {'seconds':>9s} {'MB/s':>7s} {'peak RSS (max so far)':>22s}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in (float(x) for x in args.sizes.split(",")):
            for label, body in (("baseline: punctuated", text), ("no sentence ends", flat)):
                size = int(mb * 1_000_000)
                path = Path(tmp) / f"{label[:8].strip(':')}-{mb:g}.txt"
                path.write_text((body + " ") * (size // (len(body) + 1) + 1), encoding="utf-8")
                took, rss = _run(path)
                print(f"{label:28s} {mb:5g} {took:9.1f} {mb / took:7.3f} {rss / 1024:19.0f} MB")


if __name__ == "__main__":
    main()
