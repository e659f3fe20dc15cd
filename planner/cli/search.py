"""`planner search`: what the plan holds that matches a text, as the window's search shows it."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any, TextIO

from planner.cli import common
from planner.cli.common import PROG
from planner.storage.db import PlanError, open_plan

COMMAND = "search"


def add_search_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add `search` to the `planner` command's subcommands."""
    search = commands.add_parser(
        COMMAND,
        help="find deals, accounts, people, actions, notes, call plans and competitors by their words",
        description="Print what the plan holds that matches TEXT, grouped by kind, best first: the "
        "same results as the window's search (Ctrl+K). Every word must match the start of a word; "
        "accents and case do not matter. Reads the plan; writes nothing.",
    )
    search.add_argument(
        "--db", type=common.plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan (must exist)"
    )
    search.add_argument("text", metavar="TEXT", help="what to look for")
    search.add_argument("--json", action="store_true", help="print the results as JSON")


def run_search_command(args: argparse.Namespace) -> int | None:
    """Run `planner search` (exit code); None for any other command."""
    if getattr(args, "command", None) != COMMAND:
        return None
    path: Path | None = getattr(args, "db", None)
    if path is None:
        print(f"{PROG} {COMMAND}: error: --db PATH is required", file=sys.stderr)
        return 2
    try:
        plan = open_plan(path, create=False, read_only=True)
    except PlanError as exc:
        return common.fail(" ".join(str(exc).split()))
    for note in plan.notes:  # objects in the file our migrations did not make (it is only read)
        print(f"{PROG}: {path}: {note}", file=sys.stderr)
    from planner import search

    try:
        results = search.search(plan, args.text)
    except search.SearchIndexDamagedError:
        return common.fail(f"{path}: {search.DAMAGED}")
    finally:
        plan.close()
    if args.json:
        json.dump(search.results_json(results), sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        print_results(results, sys.stdout)
    return 0


def print_results(results: Any, out: TextIO) -> None:
    """The results as text: a heading per group, then one line per result."""
    from planner.search import Results

    assert isinstance(results, Results)
    if not results.groups:
        out.write(f"Nothing matches “{' '.join(results.text.split())[:80]}”.\n")
        return
    for group, hits in results.groups:
        out.write(f"{group.label}\n")
        for hit in hits:
            out.write(f"  {hit.title}" + (f" · {hit.detail}" if hit.detail else "") + "\n")
    if results.truncated:
        out.write("More rows match than are shown: type more words to narrow them.\n")
