"""`planner forecast`, `planner hygiene` and `planner calls`: the forecast, the clean-up list and the
call plans on the command line."""

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
    from planner.forecast import Comparison, Forecast
    from planner.green_sheet import CallRow
    from planner.hygiene import Cleanup

REPORT_COMMANDS = ("forecast", "hygiene", "calls")


def add_report_commands(commands: argparse._SubParsersAction[Any]) -> None:
    """Add `forecast`, `hygiene` and `calls` to the `planner` command's subcommands."""
    forecast = commands.add_parser(
        "forecast",
        help="the quarter against its target: won, commit, best case, pipeline, weighted, coverage",
        description="Print a quarter's forecast by month against the target, the funnel balance, the "
        "slip trend and what changed since last week and last month. Reads the plan; writes nothing.",
    )
    forecast.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    forecast.add_argument(
        "--quarter",
        type=common.quarter,
        metavar="QUARTER",
        help="the quarter, like 2026Q4: of the plan's fiscal year when it starts later than January,"
        " named by the year it ends in (with a year from April, 2027Q1 is Apr-Jun 2026);"
        " default: the current one",
    )
    forecast.add_argument("--json", action="store_true", help="print the figures as JSON")
    forecast.add_argument(
        "--today", type=common.day, metavar="DATE", help="count as of this day (YYYY-MM-DD); default: today"
    )
    clean = commands.add_parser(
        "hygiene",
        help="the quarter-end clean-up: stale, slipping, overdue, premature and incomplete deals",
        description="List every open deal the red-flag rules call stale, slipping, overdue, premature "
        "or incomplete, most valuable first, with the reasons. Reads the plan; writes nothing.",
    )
    clean.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    clean.add_argument("--json", action="store_true", help="print the list as JSON")
    clean.add_argument(
        "--today", type=common.day, metavar="DATE", help="count as of this day (YYYY-MM-DD); default: today"
    )
    calls = commands.add_parser(
        "calls",
        help="the call plans (Green Sheets): upcoming meetings, then past ones with what the customer "
        "committed to",
        description="List every call plan: the upcoming meetings (soonest first), then the past ones "
        "(latest first) with their debrief and the customer's commitment. Reads the plan; writes nothing.",
    )
    calls.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    calls.add_argument("--json", action="store_true", help="print the list as JSON")
    calls.add_argument(
        "--today",
        type=common.day,
        metavar="DATE",
        help="what is upcoming as of this day (YYYY-MM-DD); default: today",
    )


def run_report_command(args: argparse.Namespace) -> int | None:
    """Run `forecast`, `hygiene` or `calls` (exit code); None for any other command.

    Read-only: a missing plan is refused, never created; errors are one line on stderr.
    """
    command = getattr(args, "command", None)
    if command not in REPORT_COMMANDS:
        return None
    path: Path | None = getattr(args, "db", None)
    if path is None:
        print(f"{PROG} {command}: error: --db PATH is required", file=sys.stderr)
        return 2
    today: dt.date = getattr(args, "today", None) or dt.date.today()
    try:
        plan = open_plan(path, create=False, read_only=True)
    except PlanError as exc:
        print(f"{PROG}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
    for note in plan.notes:  # objects in the file our migrations did not make (it is only read)
        print(f"{PROG}: {path}: {note}", file=sys.stderr)
    from planner import forecast as fc
    from planner import hygiene

    try:
        if command == "calls":
            from planner import green_sheet

            rows = green_sheet.list_calls(plan, today)
            if args.json:
                _dump(green_sheet.calls_json(rows, today))
            else:
                print_calls(rows, today, sys.stdout)
            return 0
        facts = fc.load_plan_facts(plan)
        if command == "hygiene":
            cleanup = hygiene.cleanup_list(plan, today, facts)
            if args.json:
                _dump(hygiene.cleanup_json(cleanup))
            else:
                print_cleanup(cleanup, sys.stdout)
            return 0
        quarter = None
        if getattr(args, "quarter", None):
            quarter = fc.parse_quarter(args.quarter, facts.start_month)
        result = fc.load_forecast(plan, quarter, today, facts)
        compared = fc.comparisons(plan, facts, today)
        if args.json:
            _dump(fc.forecast_json(result, compared))
        else:
            print_forecast(result, compared, sys.stdout)
        return 0
    finally:
        plan.close()


def _dump(value: dict[str, Any]) -> None:
    json.dump(value, sys.stdout, indent=2, ensure_ascii=False)
    sys.stdout.write("\n")


def _money(value: float) -> str:
    return f"{value:,.0f}"


def _date(day: dt.date | None) -> str:
    return f"{day.day} {day:%b %Y}" if day else "no date"


def print_forecast(
    result: Forecast, compared: tuple[Comparison, ...] | list[Comparison], out: TextIO
) -> None:
    """The forecast as text: the same figures as the forecast view."""
    from planner import forecast as fc
    from planner.forecast import ChangeKind

    base = result.base_currency
    quarter = result.quarter
    out.write(
        f"Forecast {quarter.label} ({quarter.span}) · amounts in {base} · as of {_date(result.today)}\n"
    )
    if quarter.start_month != 1:
        out.write(f"Fiscal year starting in {fc.Month(2000, quarter.start_month).label[:3]}\n")
    out.write("\n")
    headers = ["Month", *(fc.COLUMN_LABELS[c] for c in fc.COLUMNS), "Deals"]
    rows = [
        [m.month.label, *(_money(m.figures.value(c)) for c in fc.COLUMNS), str(m.figures.count("weighted"))]
        for m in result.months
    ]
    rows.append(
        ["Quarter", *(_money(result.total.value(c)) for c in fc.COLUMNS), str(result.total.count("weighted"))]
    )
    widths = [max(len(r[i]) for r in [headers, *rows]) for i in range(len(headers))]
    for row in [headers, *rows]:
        cells = [
            row[0].ljust(widths[0]),
            *(cell.rjust(w) for cell, w in zip(row[1:], widths[1:], strict=True)),
        ]
        out.write("  ".join(cells).rstrip() + "\n")
    out.write("\n")
    for line in fc.summary_lines(result):
        out.write(line + "\n")
    out.write("\nFunnel (open deals, any close date)\n")
    for level in result.levels:
        t = level.totals
        worth, weighted = _money(t.amount), _money(t.weighted)
        out.write(f"  {level.level.label}: {fc.deals_text(t.count)}, {worth} {base} (weighted {weighted})\n")
    out.write(f"\nConversion from Above the Funnel to won: {result.conversion.describe()}\n")
    out.write("\nFunnel balance\n")
    if result.diagnostics:
        for diagnostic in result.diagnostics:
            out.write(f"  {diagnostic.title}: {diagnostic.message}\n")
    else:
        out.write("  No warning: the top, the middle and the Best Few look balanced.\n")
    moved = [w for w in result.slips if w.moved]
    out.write(f"\nClose dates moved out of {quarter.label}, by week\n")
    if moved:
        for week in moved:
            out.write(
                f"  week of {_date(week.week)}: {fc.deals_text(week.moved)}, {_money(week.value)} {base}\n"
            )
    else:
        out.write("  None in the weeks shown.\n")
    for comparison in compared:
        out.write("\n" + fc.comparison_heading(comparison) + "\n")
        if comparison.since is None:
            continue
        for kind in ChangeKind:
            changes = comparison.changes.get(kind, ())
            if not changes:
                continue
            out.write(f"  {kind.label}: {len(changes)}, {_money(comparison.value(kind))} {base}\n")
            for change in changes:
                out.write(f"    {change.title} ({change.detail})\n")


def print_cleanup(cleanup: Cleanup, out: TextIO) -> None:
    """The clean-up list as text: the same rows and reasons as the hygiene view."""
    base = cleanup.base_currency
    out.write(
        f"Quarter-end clean-up · {len(cleanup.rows)} of {cleanup.open_deals} open deals · "
        f"worth {_money(cleanup.value)} {base} · as of {_date(cleanup.today)}\n"
    )
    for row in cleanup.rows:
        if row.value is not None:
            worth = f"{_money(row.value)} {base}"
        elif row.amount is not None:
            worth = f"{_money(row.amount)} {row.currency} (no rate)"
        else:
            worth = "no amount"
        account = f" · {row.account}" if row.account else ""
        out.write(f"\n{worth} · {row.title}{account} · {row.stage} · closes {_date(row.close_date)}\n")
        for reason in row.reasons:
            out.write(f"  - {reason}\n")


def _moment(value: dt.datetime) -> str:
    return f"{_date(value.date())}, {value:%H:%M}"


def print_calls(rows: list[CallRow], today: dt.date, out: TextIO) -> None:
    """The call plans as text: upcoming, then past with their debrief."""
    upcoming = [r for r in rows if r.upcoming]
    past = [r for r in rows if not r.upcoming]
    out.write(f"Call plans · {len(upcoming)} upcoming, {len(past)} past · as of {_date(today)}\n")
    for heading, group in (("Upcoming", upcoming), ("Past", past)):
        out.write(f"\n{heading}\n")
        if not group:
            out.write("  None.\n")
        for row in group:
            call = row.call
            account = f" · {row.account}" if row.account else ""
            out.write(f"  {_moment(call.meeting_at)} · {call.title or 'Meeting'} · {row.deal}{account}\n")
            if call.debriefed_on is not None:
                got = call.debrief_commitment or "no commitment"
                out.write(f"    debriefed {_date(call.debriefed_on)}; the customer committed to: {got}\n")
            elif not row.upcoming:
                out.write("    not debriefed yet\n")
            elif call.best_action:
                out.write(f"    best action commitment to ask for: {call.best_action}\n")
