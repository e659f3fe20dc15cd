"""`planner forecast-calls`: a quarter's forecast calls and their accuracy, as text or JSON.

(`planner calls` lists the call plans, the Green Sheets; this command is about forecasts.)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from planner.cli import common
from planner.cli.common import PROG, fail
from planner.storage.db import PlanError, open_plan

if TYPE_CHECKING:
    from planner.forecast_calls import Accuracy

COMMAND = "forecast-calls"


def add_forecast_calls_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add `forecast-calls` to the `planner` command's subcommands."""
    parser = commands.add_parser(
        COMMAND,
        help="the forecast calls of a quarter (Commit, Best Case) and their accuracy against what was won",
        description="List the forecast calls recorded for a quarter and, week by week, the last call"
        " against the quarter's won amount (final once it has ended), with the deals that made the"
        " difference. Reads the plan; writes nothing.",
    )
    parser.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    parser.add_argument(
        "--quarter",
        type=common.quarter,
        metavar="QUARTER",
        help="the quarter, like 2026Q4 (of the plan's fiscal year); default: the current one",
    )
    parser.add_argument("--json", action="store_true", help="print the calls and accuracy as JSON")
    parser.add_argument(
        "--today", type=common.day, metavar="DATE", help="as of this day (YYYY-MM-DD); default: today"
    )


def run_forecast_calls(args: argparse.Namespace) -> int | None:
    """`planner forecast-calls --db PATH [--quarter Q] [--json]`: the exit status (None: another command)."""
    if getattr(args, "command", None) != COMMAND:
        return None
    from planner import calendar
    from planner import forecast_calls as fcalls

    path: Path | None = getattr(args, "db", None)
    if path is None:
        print(f"{PROG} {COMMAND}: error: --db PATH is required", file=sys.stderr)
        return 2
    today: dt.date = args.today or dt.date.today()
    try:
        plan = open_plan(path, create=False, read_only=True)
    except PlanError as exc:
        return fail(" ".join(str(exc).split()))
    for note in plan.notes:
        print(f"{PROG}: {path}: {note}", file=sys.stderr)
    try:
        start = calendar.plan_start_month(plan)
        quarter = (
            calendar.parse_quarter(args.quarter, start) if args.quarter else calendar.quarter_of(today, start)
        )
        result = fcalls.accuracy(plan, quarter, today)
        if args.json:
            json.dump(fcalls.accuracy_json(result), sys.stdout, indent=2, ensure_ascii=False)
            sys.stdout.write("\n")
        else:
            print_accuracy(result, sys.stdout)
        return 0
    finally:
        plan.close()


def _money(value: float) -> str:
    return f"{value:,.0f}"


def print_accuracy(result: Accuracy, out: TextIO) -> None:
    """The calls and the accuracy by week as text: the same figures as the Forecast tab."""
    quarter, currency = result.quarter, result.currency
    state = "ended" if result.ended else "not ended: won so far"
    out.write(
        f"Forecast calls {quarter.label} ({quarter.span}) · amounts in {currency} · as of {result.today}\n"
        f"Won: {_money(result.won)} ({state})\n\nCalls\n"
    )
    if not result.calls:
        out.write("  None recorded.\n")
    for call in result.calls:
        out.write(
            f"  {call.called_on}: Commit {_money(call.commit)}, Best Case {_money(call.best_case)}"
            f" (proposed {_money(call.proposed_commit)} / {_money(call.proposed_best_case)})"
            + (f" · {call.comment}" if call.comment else "")
            + "\n"
        )
    out.write("\nAccuracy by week (the week's last call against won)\n")
    for week in result.weeks:
        last = week.call
        if last is None:
            continue
        percent = "—" if week.commit_percent is None else f"{week.commit_percent:.1f} %"
        out.write(
            f"  week of {week.week}: call of {last.called_on}, Commit {_money(last.commit)},"
            f" won - Commit {_money(week.commit_difference or 0.0)}, won / Commit {percent}\n"
        )
        for difference in week.differences:
            out.write(
                f"    {difference.kind.label}: {difference.title} {_money(difference.effect)}"
                f" ({difference.detail})\n"
            )
        if week.adjustment:
            out.write(f"    Your change to the deals' Commit: {_money(week.adjustment)}\n")
        if week.other:
            out.write(f"    Other (committed deals won for another amount): {_money(week.other)}\n")
