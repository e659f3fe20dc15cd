"""`planner agenda`: what is overdue, due today, this week and later; as text, JSON or an .ics file."""

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
    from planner.agenda import AgendaItem

# The most days ahead an agenda looks: past this the dates are beyond what the plan keeps.
MAX_DAYS = 3660


def _days(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}” is not a whole number of days") from None
    if not 0 <= value <= MAX_DAYS:
        raise argparse.ArgumentTypeError(f"give 0 to {MAX_DAYS} days")
    return value


def add_agenda_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add `agenda` to the `planner` command's subcommands."""
    agenda = commands.add_parser(
        "agenda",
        help="what is overdue, due today, this week and later: actions, calls, close dates, "
        "snoozes that end, deals turning stale; or an iCalendar file of it",
        description="Print the agenda: open actions, call plans, close dates, snoozes that end and deals "
        "that turn stale, by section. --ics writes the calls, actions and close dates as an iCalendar "
        "file that calendar programs import; a re-export updates the events it wrote before (the plan "
        "remembers what it exported). Nothing is sent anywhere.",
    )
    agenda.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    agenda.add_argument(
        "--days", type=_days, metavar="N", help="how many days ahead (default: 14; 90 with --ics)"
    )
    output = agenda.add_mutually_exclusive_group()
    output.add_argument("--json", action="store_true", help="print the agenda as JSON")
    output.add_argument("--ics", type=common.plan_path, metavar="OUT", help="write an iCalendar (.ics) file")
    agenda.add_argument(
        "--today", type=common.day, metavar="DATE", help="as of this day (YYYY-MM-DD); default: today"
    )


def run_agenda(args: argparse.Namespace) -> int:
    """`planner agenda --db PATH [--days N] [--json | --ics OUT]`: the exit status."""
    from planner import agenda
    from planner.exchange import agenda_ics

    path: Path | None = getattr(args, "db", None)
    if path is None:
        print(f"{PROG} agenda: error: --db PATH is required", file=sys.stderr)
        return 2
    today: dt.date = args.today or dt.date.today()
    out: Path | None = args.ics
    try:
        # Reading opens the plan read-only; an export writes the plan's memory of what it exported.
        plan = open_plan(path, create=False, read_only=out is None)
    except PlanError as exc:
        return fail(" ".join(str(exc).split()))
    for note in plan.notes:
        print(f"{PROG}: {path}: {note}", file=sys.stderr)
    try:
        if out is not None:
            days = agenda.EXPORT_DAYS if args.days is None else args.days
            try:
                written, remembered = agenda_ics.export_agenda(plan, out, today, days)
            except OSError as exc:
                return fail(f"{out}: {exc.strerror or exc}")
            if not remembered:
                print(
                    f"{PROG}: {path}: the plan is read-only, so it cannot remember this export; "
                    "a changed event may not replace the old one in a calendar",
                    file=sys.stderr,
                )
            print(f"{out} ({written} events)")
            return 0
        items = agenda.load_agenda(plan, today, agenda.DEFAULT_DAYS if args.days is None else args.days)
    finally:
        plan.close()
    if args.json:
        json.dump(agenda_json(items, today), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_agenda(items, today, sys.stdout)
    return 0


def agenda_json(items: list[AgendaItem], today: dt.date) -> dict[str, Any]:
    """`planner agenda --json`: the items by section."""
    from planner.agenda import Section

    def row(item: AgendaItem) -> dict[str, Any]:
        return {
            "key": item.key,
            "kind": item.kind.value,
            "day": item.day.isoformat(),
            "at": item.at.isoformat(timespec="minutes") if item.at else None,
            "what": item.what,
            "deal_id": item.deal_id,
            "deal": item.deal,
            "account": item.account,
            "who": item.who,
            "why": item.why,
        }

    return {
        "as_of": today.isoformat(),
        "sections": {section.value: [row(i) for i in items if i.section is section] for section in Section},
    }


def _date(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def print_agenda(items: list[AgendaItem], today: dt.date, out: TextIO) -> None:
    """The agenda as text: one block per section, one line per item and its reason."""
    from planner.agenda import Section, counts, summary

    out.write(f"Agenda · {summary(items)} · as of {_date(today)}\n")
    found = counts(items)
    for section in Section:
        out.write(f"\n{section.label} ({found[section]})\n")
        group = [i for i in items if i.section is section]
        if not group:
            out.write("  Nothing.\n")
        for item in group:
            when = _date(item.day) + (f", {item.at:%H:%M}" if item.at else "")
            account = f" · {item.account}" if item.account else ""
            who = f" · {item.who}" if item.who else ""
            what = item.kind.label if item.what == item.kind.label else f"{item.kind.label}: {item.what}"
            out.write(f"  {when} · {what} · {item.deal}{account}{who}\n")
            out.write(f"    {item.why}\n")
