"""``patron simulate …``: escalation scenarios, their calibration and their backtest.

``patron simulate SCENARIO.yaml`` or ``patron simulate --trigger "A attacks B" --date D``
runs a scenario; ``patron simulate calibrate EPISODES.csv`` refits the parameters;
``patron simulate backtest EPISODES.csv`` scores the model on history. The library
(:mod:`patron.simulate`) does the work; these commands parse and print.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console, Group, RenderableType
from rich.table import Table
from typer.core import TyperGroup

from patron.cli.imports import row_progress
from patron.cli.options import DbOpt, FormatOpt, UnreviewedOpt, unreviewed_mode
from patron.cli.output import Format, emit
from patron.errors import InputError
from patron.kb import KnowledgeBase

__all__ = ["simulate_app"]


class _RunByDefault(TyperGroup):
    """``patron simulate X`` runs a scenario unless X names a subcommand."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h"):
            args = ["run", *args]
        return super().parse_args(ctx, args)


simulate_app = typer.Typer(
    cls=_RunByDefault, no_args_is_help=True,
    help="Escalation simulation: SCENARIO.yaml, or --trigger \"A attacks B\" --date D; "
         "calibrate and backtest on past episodes.")
_err = Console(stderr=True)

RunsOpt = Annotated[int | None, typer.Option("--runs", help="Monte Carlo runs [default: the "
                                             "scenario's, else 10,000]", show_default=False)]
DaysOpt = Annotated[int | None, typer.Option("--days", help="Horizon in days [default: the "
                                             "scenario's, else 90]", show_default=False)]
SeedOpt = Annotated[int | None, typer.Option("--seed", help="Random seed [default: the "
                                             "scenario's, else 7]", show_default=False)]
EpisodesArg = Annotated[Path, typer.Argument(help="Episodes CSV (see patron.simulate.episodes)",
                                             show_default=False)]


@contextmanager
def _opened(db: str | None) -> Iterator[KnowledgeBase]:
    kb = KnowledgeBase.open(db)
    try:
        yield kb
    finally:
        kb.close()


def _pct(p: float | None) -> str:
    if p is None:
        return ""
    return "<0.1%" if 0 < p < 0.001 else f"{p:.1%}"


@simulate_app.command("run", hidden=True)
def run_cmd(
    scenario: Annotated[Path | None, typer.Argument(metavar="[SCENARIO.yaml]",
                                                    show_default=False)] = None,
    trigger: Annotated[str | None, typer.Option("--trigger", help='"ACTOR attacks TARGET" '
                                                "(also strikes, invades, fires on, raids…)")
                       ] = None,
    date: Annotated[str | None, typer.Option("--date", help="Day of the trigger, YYYY-MM-DD")
                    ] = None,
    as_of: Annotated[str | None, typer.Option("--as-of", help="Read the network as of this "
                                              "day [default: the day before the trigger]")
                     ] = None,
    days: DaysOpt = None, runs: RunsOpt = None, seed: SeedOpt = None,
    sensitivity: Annotated[bool, typer.Option("--sensitivity/--no-sensitivity",
                                              help="Tie sensitivity (a few seconds)")] = True,
    params: Annotated[Path | None, typer.Option("--params", help="Fitted-parameter file "
                                                "[default: data/simulate/fitted.yaml]")] = None,
    unreviewed: UnreviewedOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Simulate a scenario: who joins, against whom, how soon; fronts and cascades."""
    from dataclasses import replace

    from patron.simulate import scenario as sc
    from patron.simulate.run import simulate

    mode = unreviewed_mode(unreviewed)
    if scenario is not None and trigger is not None:
        raise InputError("give SCENARIO.yaml or --trigger, not both", field="--trigger")
    if scenario is not None:
        spec = sc.load(scenario)
        if as_of is not None:
            spec = replace(spec, as_of=as_of)
        h, r, s = sc.check_limits(days if days is not None else spec.horizon,
                                  runs if runs is not None else spec.runs,
                                  seed if seed is not None else spec.seed,
                                  spec.at("horizon") if days is None else sc.Where(),
                                  spec.at("runs") if runs is None else sc.Where(),
                                  spec.at("seed") if seed is None else sc.Where())
        spec = replace(spec, horizon=h, runs=r, seed=s)
    elif trigger is not None:
        if date is None:
            raise InputError("--trigger needs --date YYYY-MM-DD", field="--date")
        spec = sc.from_phrase(trigger, date, as_of=as_of,
                              horizon=days if days is not None else sc.DEFAULT_HORIZON,
                              runs=runs if runs is not None else sc.DEFAULT_RUNS,
                              seed=seed if seed is not None else sc.DEFAULT_SEED)
    else:
        raise InputError("give SCENARIO.yaml or --trigger \"A attacks B\" --date YYYY-MM-DD",
                         field="SCENARIO")
    with _opened(db) as kb, row_progress("sensitivity") as advance:
        outcome = simulate(kb, spec, params_file=params, sensitivity=sensitivity,
                           unreviewed=mode, progress=advance)
    doc = outcome.document()
    emit(fmt, rows=outcome.rows(), document=doc, table=lambda: _outcome_table(doc))


def _outcome_table(doc: dict[str, Any]) -> RenderableType:
    s = doc["scenario"]
    horizons = list(doc["actors"][0]["join"]) if doc["actors"] else []
    title = (f"{s['name']}: network as of {doc['network']['slice']['label'][6:]}, "
             f"{doc['network']['actors']} actors, {s['runs']:,} runs, seed {s['seed']}, "
             f"{s['horizon']} days")
    table = Table(title=title, title_justify="left")
    table.add_column("actor")
    for h in horizons:
        table.add_column(f"≤{h}d", justify="right")
    table.add_column("against (share)")
    table.add_column("day q10·q50·q90", justify="right")
    table.add_column("direct strikes", justify="right")
    table.add_column(f"base rate ≤{horizons[-1]}d" if horizons else "base rate",
                     justify="right")
    shown = 0
    for row in doc["actors"]:
        if row["role"] == "candidate" and (max(row["join"].values()) < 0.005 or shown >= 15):
            continue
        shown += row["role"] == "candidate"
        name = row["actor"]["name"] + ("" if row["role"] == "candidate" else f" ({row['role']})")
        against = ", ".join(f"{t['target']['name']} {t['share']:.0%}" for t in row["against"][:2])
        q = row["days_to_join"]
        base = row["base_rate"][horizons[-1]] if row["base_rate"] else None
        table.add_row(name, *(_pct(row["join"][h]) for h in horizons), against,
                      f"{q['q10']}·{q['q50']}·{q['q90']}" if q else "",
                      _pct(row["direct_strikes"]), _pct(base))
    rest = sum(1 for r in doc["actors"] if r["role"] == "candidate") - shown
    fronts = doc["fronts"]
    dist = list(fronts["distribution"].items())
    shown_dist = " · ".join(f"{k}: {_pct(v)}" for k, v in dist[:8])
    if len(dist) > 8:
        shown_dist += f" · {dist[8][0]}+: {_pct(sum(v for _, v in dist[8:]))}"
    front_line = (f"fronts (pairs of belligerents) {shown_dist}; mean {fronts['mean']}; "
                  f"multi-front (3+) {_pct(fronts['multi_front'])} · base rate "
                  f"{_pct(fronts['multi_front_base_rate'])} · no change "
                  f"{_pct(fronts['multi_front_no_change'])}")
    ct = Table(title="Who pulls in whom: most frequent openings and links", title_justify="left")
    ct.add_column("opening (first joins of a run)", overflow="fold")
    ct.add_column("runs", justify="right")
    ct.add_column("link", overflow="fold")
    ct.add_column("runs", justify="right")
    openings, links = doc["cascades"]["openings"], doc["cascades"]["links"]
    for k in range(max(len(openings), len(links))):
        o = openings[k] if k < len(openings) else None
        li = links[k] if k < len(links) else None
        ct.add_row(o["cascade"] if o else "", _pct(o["probability"]) if o else "",
                   li["link"] if li else "", _pct(li["probability"]) if li else "")
    parts: list[RenderableType] = [table]
    if rest > 0:
        parts.append(f"({rest} more actors with smaller probabilities in --format json)")
    parts += [front_line, ct]
    sens = doc.get("sensitivity")
    if sens and sens["ties"]:
        st = Table(title="Sensitivity to ties: change when removed · first-order index",
                   title_justify="left")
        st.add_column("tie")
        for o in sens["outputs"]:
            st.add_column(o.replace("join_", "").replace(":", " "), justify="right")
        for t in sens["ties"]:
            st.add_row(f"{t['from']['name']} → {t['to']['name']} ({t['layer']}, "
                       f"{t['weight']:.2f})",
                       *(f"{t['remove'][o]:+.1%} · {t['first_order'][o]:.2f}"
                         for o in sens["outputs"]))
        parts.append(st)
    p = doc["params"]
    parts.append(f"parameters: alpha {p['alpha']:.2f}, pull {p['pull']:.2f}, hostility "
                 f"{p['hostility']:.2f}, past {p['past']:.2f}, deterrence {p['deterrence']:.2f}, "
                 f"end rate {p['end_rate']:.3f}/day, escalation rate "
                 f"{p['escalation_rate']:.3f}/day (patron.simulate.hazard)")
    parts += [f"note: {n}" for n in doc["notes"]]
    return Group(*parts)


@simulate_app.command("calibrate")
def calibrate_cmd(
    episodes_file: EpisodesArg,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="Fitted file to "
                                                "write [default: data/simulate/fitted.yaml]")
                      ] = None,
    unreviewed: UnreviewedOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Fit the model's parameters to past episodes (penalised ML) and write them."""
    from patron.simulate import fitted
    from patron.simulate.run import calibrate

    mode = unreviewed_mode(unreviewed)
    command = "patron simulate calibrate " + shlex.quote(str(episodes_file))
    with _opened(db) as kb, row_progress("reading episode networks") as advance:
        record = calibrate(kb, episodes_file, command, unreviewed=mode, progress=advance)
    target = output or fitted.default_path()
    fitted.save(record, target)
    _err.print(f"wrote {target}", highlight=False)
    rows = [{"parameter": k, **v} for k, v in record["parameters"].items()]

    def table() -> Table:
        t = Table(title=f"Fitted on {record['episodes_file']['name']}: "
                        f"{record['base_rate']['joins']} join(s) in "
                        f"{record['base_rate']['at_risk_actor_days']:,} at-risk actor-days",
                  title_justify="left")
        for c in ("parameter", "value", "se", "prior (mean, sd) / method"):
            t.add_column(c)
        for r in rows:
            prior = r.get("prior")
            t.add_row(r["parameter"], f"{r['value']:.4f}",
                      "" if r["se"] is None else f"{r['se']:.4f}",
                      f"{prior['mean']}, {prior['sd']}" if prior else r.get("method", ""))
        return t

    emit(fmt, rows=rows, document=record, table=table)


@simulate_app.command("backtest")
def backtest_cmd(
    episodes_file: EpisodesArg,
    runs: Annotated[int, typer.Option("--runs", min=1, max=100_000)] = 2000,
    seed: Annotated[int, typer.Option("--seed", min=0)] = 7,
    days: Annotated[int, typer.Option("--days", min=1, max=365)] = 90,
    focus: Annotated[str, typer.Option("--focus", help="Also score this actor alone")
                     ] = "Hezbollah",
    unreviewed: UnreviewedOpt = None, db: DbOpt = None, fmt: FormatOpt = Format.table,
) -> None:
    """Leave-one-episode-out scores of the model beside the no-change and base-rate
    baselines: Brier and log scores per horizon, calibration, CRPS of timing."""
    from patron.simulate.backtest import backtest

    mode = unreviewed_mode(unreviewed)
    with _opened(db) as kb, row_progress("leave-one-episode-out") as advance:
        result = backtest(kb.store, episodes_file, kb.resolve, runs=runs, seed=seed,
                          horizon=days, focus=focus, unreviewed=mode, progress=advance)
    rows = [{"subset": sub, "horizon": h, "model": m, **{k: v for k, v in row[m].items()}}
            for sub, block in result["scores"].items()
            for h, row in block["horizons"].items() for m in ("model", "no_change", "base_rate")]
    emit(fmt, rows=rows, document=result, table=lambda: _backtest_table(result))


def _ci(x: dict[str, float]) -> str:
    return f"{x['mean']:.4f} [{x['lo']:.4f}, {x['hi']:.4f}]"


def _backtest_table(result: dict[str, Any]) -> RenderableType:
    parts: list[RenderableType] = []
    for sub, block in result["scores"].items():
        t = Table(title=f"Leave-one-episode-out, {sub.replace('focus:', 'focus: ')} "
                        f"({len(result['episodes'])} episodes, {result['runs']:,} runs): "
                        "mean score [95% episode-bootstrap]", title_justify="left")
        for c in ("horizon", "events/forecasts", "score", "model", "no change", "base rate"):
            t.add_column(c)
        for h, row in block["horizons"].items():
            for kind in ("brier", "log"):
                t.add_row(f"≤{h}d", f"{row['events']}/{row['forecasts']}", kind,
                          *(_ci(row[m][kind]) for m in ("model", "no_change", "base_rate")))
        c = block["crps_days"]
        t.add_row("timing", "", "CRPS (days)",
                  *(_ci(c[m]) for m in ("model", "no_change", "base_rate")))
        parts.append(t)
    cal = result["scores"]["all_candidates"]["horizons"]
    h = "30" if "30" in cal else next(iter(cal))
    ct = Table(title=f"Calibration of the model, all candidates, ≤{h}d", title_justify="left")
    for col in ("forecast bin", "n", "mean forecast", "observed"):
        ct.add_column(col)
    for r in cal[h]["calibration"]:
        ct.add_row(str(r["bin"]), str(r["n"]), f"{r['forecast']:.4f}", f"{r['observed']:.4f}")
    parts.append(ct)
    return Group(*parts)
