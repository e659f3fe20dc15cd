"""`planner stats`: the accountability figures per quarter and over the trailing quarters."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from planner.cli import common
from planner.cli.common import PROG
from planner.storage.db import PlanError, open_plan

if TYPE_CHECKING:
    from planner.accountability import Figures, PeriodFigures


def _quarter_count(text: str) -> int:
    from planner.accountability import MAX_QUARTERS

    try:
        count = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a number of quarters") from None
    if not 1 <= count <= MAX_QUARTERS:
        raise argparse.ArgumentTypeError(f"say 1 to {MAX_QUARTERS} quarters, not {count}")
    return count


def add_stats_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add `stats` to the `planner` command's subcommands."""
    stats = commands.add_parser(
        "stats",
        help="accountability figures per quarter: win rate, conversion, days per stage, cycle, "
        "deal size, velocity, slip rate, Economic buyer met, walk-aways",
        description="Print the accountability figures of the last quarters, each alone and together, "
        "from the plan's own history (docs/accountability.md defines each). Reads the plan; "
        "writes nothing.",
    )
    stats.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    stats.add_argument(
        "--quarters",
        type=_quarter_count,
        default=4,
        metavar="N",
        help="how many quarters, ending with --quarter (default: 4)",
    )
    stats.add_argument(
        "--quarter",
        type=common.quarter,
        metavar="QUARTER",
        help="the last quarter shown, like 2026Q4 (of the plan's fiscal year); default: the current one",
    )
    stats.add_argument("--json", action="store_true", help="print the figures as JSON")
    stats.add_argument(
        "--today", type=common.day, metavar="DATE", help="count as of this day (YYYY-MM-DD); default: today"
    )


def run_stats(args: argparse.Namespace) -> int:
    """Run `planner stats` (exit code); read-only, errors are one line on stderr."""
    path: Path | None = getattr(args, "db", None)
    if path is None:
        print(f"{PROG} stats: error: --db PATH is required", file=sys.stderr)
        return 2
    today: dt.date = args.today or dt.date.today()
    try:
        plan = open_plan(path, create=False, read_only=True)
    except PlanError as exc:
        print(f"{PROG}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    for note in plan.notes:  # objects in the file our migrations did not make (it is only read)
        print(f"{PROG}: {path}: {note}", file=sys.stderr)
    from planner import accountability, calendar

    try:
        quarter = None
        if args.quarter:
            quarter = calendar.parse_quarter(args.quarter, calendar.plan_start_month(plan))
        result = accountability.figures(plan, quarter, args.quarters, today=today)
    finally:
        plan.close()
    if args.json:
        json.dump(accountability.figures_json(result), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_figures(result, sys.stdout)
    return 0


def print_figures(result: Figures, out: TextIO) -> None:
    """The figures as text tables: the same values as the Performance tab."""
    from planner import accountability as acc

    base = result.base_currency
    out.write(
        f"Accountability figures, {result.trailing.label} · amounts in {base}"
        f" · as of {result.today.isoformat()}\n"
        "Each quarter counts the deals closed (won, lost, walked away) in it.\n\n"
    )
    periods = result.periods
    header = ["", *(p.label for p in periods)]
    rows = [
        ["Closed (won / lost / walked away)", *(f"{p.won} / {p.lost} / {p.walked_away}" for p in periods)]
    ]
    rows += [
        [acc.name(key), *(acc.figure_text(p.figure(key), base) for p in periods)] for key in acc.FIGURE_ORDER
    ]
    _table(header, rows, out)
    out.write(f"\nBy stage, {result.trailing.label}\n")
    stage_header = [
        "Stage",
        "Entered",
        acc.name("stage_conversion"),
        acc.name("stage_days_average"),
        acc.name("stage_days_median"),
    ]
    _table(stage_header, _stage_rows(result.trailing, base), out)
    out.write("\nDefinitions\n")
    for key in (*acc.FIGURE_ORDER, "stage_conversion", "stage_days_average", "stage_days_median"):
        out.write(f"  {acc.name(key)}: {acc.definition_text(key)}\n")


def _stage_rows(period: PeriodFigures, base: str) -> list[list[str]]:
    from planner import accountability as acc

    return [
        [
            s.stage,
            str(s.entered),
            acc.figure_text(s.conversion, base),
            acc.figure_text(s.average_days, base),
            acc.figure_text(s.median_days, base),
        ]
        for s in period.stages
    ]


def _table(header: list[str], rows: list[list[str]], out: TextIO) -> None:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    for row in [header, *rows]:
        cells = [row[0].ljust(widths[0]), *(c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True))]
        out.write("  ".join(cells).rstrip() + "\n")
