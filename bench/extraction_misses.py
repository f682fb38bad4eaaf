"""Where the learned stage loses support claims on our cases, validation folds by document.

For each of the five folds the heads are trained on the other four (as ``patron eval
model`` does), the extractor runs on the held-out cases, and every gold support claim it
misses is put in one bucket: no candidate pair for the two actors (a mention is missing),
a candidate pair whose P(none) is at or above the threshold (with or without a rule
finding, within 0.2 of it or further), or a pair the head accepted whose claim came out
with another type, another direction or was filtered (stance, kinds, post-filters).
Prints the counts and, with --show BUCKET, the cases in it. Needs the `train` extra.

    .venv/bin/python bench/extraction_misses.py [--show "above threshold, no rule, far"]
"""

from __future__ import annotations

import argparse
from collections import Counter, defaultdict
from pathlib import Path

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.evaluate.cases import is_support, matches
from patron.extract.pipeline import Extractor
from patron.learn.build import default_paths, gather
from patron.learn.examples import FOLDS, fold_of
from patron.learn.train import fit
from patron.model import Document

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--show", help="print the misses of this bucket")
    args = parser.parse_args()
    actors = load_dir(settings.get().data_dir / "actors")
    corpus = gather(actors, default_paths(ROOT))
    buckets: Counter[str] = Counter()
    shown: dict[str, list[str]] = defaultdict(list)
    for k in range(FOLDS):
        model = fit([e for e in corpus.examples if e.fold != k])
        ex = Extractor(actors, model=model)
        none = model.relation.labels.index("none")
        for case in corpus.documents.get("cases", []):
            if fold_of(f"case:{case['id']}") != k:
                continue
            doc = Document(id=f"case-{case['id']}", text=case["text"])
            claims = ex.extract(doc).claims
            pairs: dict[tuple[str, str], tuple[float, bool]] = {}
            for unit in ex.units(doc):
                probs = model.relation.probabilities(model.rows(
                    [c.features for c in unit.candidates]))
                ruled = {(r.subject.actor, r.object.actor) for r in unit.rules}
                for c, p in zip(unit.candidates, probs, strict=True):
                    key = (c.subject.actor, c.object.actor)
                    if key not in pairs or p[none] < pairs[key][0]:
                        pairs[key] = (float(p[none]), key in ruled)
            for gold in case.get("claims") or []:
                if gold.get("stance") == "hypothetical" or gold.get("optional") or \
                        not is_support(gold["type"]) or any(matches(gold, c) for c in claims):
                    continue
                found = pairs.get((gold["subject"], gold["object"]))
                if found is None:
                    bucket = "no candidate pair"
                else:
                    p_none, ruled = found
                    limit = model.rule_threshold if ruled else model.threshold
                    if p_none >= limit:
                        bucket = (f"above threshold, {'rule' if ruled else 'no rule'}, "
                                  f"{'near' if p_none < limit + 0.2 else 'far'}")
                    else:
                        bucket = "accepted, then another type, direction or a filter"
                buckets[bucket] += 1
                shown[bucket].append(f"{case['id']}: {gold['subject']} {gold['type']} "
                                     f"{gold['object']} | {case['text'][:160]}")
        print(f"fold {k + 1} of {FOLDS}", flush=True)
    for bucket, n in buckets.most_common():
        print(f"{n:5d}  {bucket}")
    print(f"{sum(buckets.values()):5d}  missed in all")
    for line in shown.get(args.show or "", []):
        print("  " + line)


if __name__ == "__main__":
    main()
