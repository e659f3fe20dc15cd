"""`planner demo --db PATH`: the demo plan written into a new file."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from planner.cli.common import PROG, plan_path
from planner.storage.db import PlanError, open_plan


def add_demo_command(commands: argparse._SubParsersAction[Any]) -> None:
    """Add `demo` to the `planner` command's subcommands."""
    demo = commands.add_parser("demo", help="write the demo plan into a new file")
    # SUPPRESS: `planner --db X demo` and `planner demo --db X` both work.
    demo.add_argument(
        "--db", type=plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the new plan file"
    )


def run_demo(db_path: Path) -> int:
    """`planner demo --db PATH`: refuses to overwrite anything."""
    from planner.demo import populate_demo

    try:
        db_path.lstat()  # lstat: a dangling symlink exists too, and is not followed
    except FileNotFoundError:
        pass
    except OSError as exc:
        # Path.exists() raises PermissionError for a folder we may not enter.
        print(f"{PROG}: Cannot create {db_path}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    else:
        print(
            f"{PROG}: {db_path} already exists; the demo plan is only written to a new file.", file=sys.stderr
        )
        return 1
    try:
        plan = open_plan(db_path, create=True)
    except PlanError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    if not plan.created:
        # Made meanwhile, or a plan an interrupted restore had moved away, put back by open_plan.
        plan.close()
        for note in plan.notes:
            print(f"{PROG}: {note}", file=sys.stderr)
        print(
            f"{PROG}: {db_path} already exists; the demo plan is only written to a new file.", file=sys.stderr
        )
        return 1
    try:
        populate_demo(plan)
    finally:
        plan.close()
    print(f"Demo plan written to {db_path}")
    return 0
