"""``patron eval``: extraction scored on labelled data (cases, re3d, Multi-CoPED,
whole documents). ``patron eval model`` is :mod:`patron.cli.learn`'s."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from patron.cli.extract import extractor_for
from patron.cli.options import DbOpt, FormatOpt
from patron.cli.output import Format, emit
from patron.evaluate.cameo import evaluate_cameo
from patron.evaluate.cases import evaluate_cases, load_cases
from patron.evaluate.documents import evaluate_documents
from patron.evaluate.re3d import evaluate_re3d
from patron.evaluate.scoring import Score

__all__ = ["eval_app"]

eval_app = typer.Typer(help="Score extraction on labelled data.", no_args_is_help=True)


def _score_table(title: str, scores: dict[str, Score]) -> Table:
    table = Table(title=title)
    for col in ("", "tp", "fp", "fn", "precision", "recall", "F1"):
        table.add_column(col, justify="right" if col else "left")
    for name, s in scores.items():
        table.add_row(name, str(s.tp), str(s.fp), str(s.fn), f"{s.precision:.3f}",
                      f"{s.recall:.3f}", f"{s.f1:.3f}")
    return table


@eval_app.command("cases")
def eval_cases(file: Annotated[Path, typer.Argument(help="Labelled case file (YAML)")],
               db: DbOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Precision, recall and F1 per family and type on a labelled case file."""
    report = evaluate_cases(extractor_for(db), load_cases(file))
    tally = report.tally

    def table() -> Table:
        t = _score_table(f"{report.cases} cases ({report.junk_cases} without claims)",
                         {**{f"family {k}": v for k, v in sorted(tally.by_family.items())},
                          **dict(sorted(tally.by_type.items()))})
        t.caption = (f"stance accuracy {tally.stance_accuracy:.3f}; hedged stated as asserted: "
                     f"{tally.hedged_as_asserted}; claims from junk cases: {report.junk_claims}")
        return t

    emit(fmt, rows=report.errors, document=report.as_dict(), table=table)


@eval_app.command("re3d")
def eval_re3d(folder: Annotated[Path, typer.Argument(help="re3d folder (subsets inside)")],
              db: DbOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Positive (AlliesOf, Likes) and negative (FightingAgainst, Dislikes) ties on re3d."""
    report = evaluate_re3d(extractor_for(db), folder)
    emit(fmt, rows=report.examples, document=report.as_dict(),
         table=lambda: _score_table(f"re3d: {report.documents} documents, {report.gold} gold "
                                    "relations", report.scores))


@eval_app.command("cameo")
def eval_cameo(file: Annotated[Path, typer.Argument(help="cameo_class TSV (sentence, label)")],
               ner: Annotated[Path | None, typer.Option(help="matching CoNLL file")] = None,
               db: DbOpt = None, fmt: FormatOpt = Format.table) -> None:
    """Support found in Multi-CoPED sentences coded as material cooperation (class 2)."""
    report = evaluate_cameo(extractor_for(db), file, ner)

    def table() -> Table:
        t = _score_table(f"{report.sentences} sentences, {report.material_cooperation} coded "
                         "material cooperation", {"support found": report.detection})
        t.caption = f"roles right {report.roles_right} of {report.roles_checked} checked"
        return t

    emit(fmt, rows=report.examples, document=report.as_dict(), table=table)


@eval_app.command("documents")
def eval_documents(
    expected: Annotated[Path, typer.Argument(help="Expected claims per document (YAML)")],
    folder: Annotated[Path | None, typer.Option(help="Documents folder [default: documents/ "
                                                     "beside EXPECTED]")] = None,
    db: DbOpt = None,
    fmt: FormatOpt = Format.table,
) -> None:
    """End to end: read whole documents, extract, and score support claims per document."""
    report = evaluate_documents(extractor_for(db), expected,
                                folder or expected.parent / "documents")

    def table() -> Table:
        t = _score_table(f"{report.documents} documents", {"support claims": report.support})
        t.caption = f"hedged stated as asserted: {report.hedged_as_asserted}"
        return t

    emit(fmt, rows=report.errors, document=report.as_dict(), table=table)
