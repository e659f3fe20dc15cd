"""The command line: one parser for every subcommand; the commands here need no Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from planner import __version__
from planner.storage.db import PlanError, open_plan

PROG = "planner"


class UsageError(Exception):
    """Wrong arguments: exit 2 with one line on stderr."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage; a one-line error is easier to read and to test.
        raise UsageError(f"{self.prog}: error: {message} (see '{PROG} --help')")


def _plan_path(text: str) -> Path:
    # Path("") is ".", the current folder: say what is wrong instead.
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty")
    return Path(text)


def build_parser() -> argparse.ArgumentParser:
    """The `planner` command's parser; later capabilities add their subcommands here."""
    parser = _Parser(
        prog=PROG,
        description="Opportunity Planner: plan B2B deals offline with the Miller Heiman method.",
        epilog="Without a command, opens the planner window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=_plan_path,
        metavar="PATH",
        help="the plan file to open (created empty when missing); default: your data folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    demo = commands.add_parser("demo", help="write the demo plan into a new file")
    # SUPPRESS: `planner --db X demo` and `planner demo --db X` both work.
    demo.add_argument(
        "--db", type=_plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the new plan file"
    )
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse arguments; raises UsageError for wrong ones."""
    return build_parser().parse_args(argv)


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
    try:
        populate_demo(plan)
    finally:
        plan.close()
    print(f"Demo plan written to {db_path}")
    return 0


def run_command(args: argparse.Namespace) -> int | None:
    """Run a command that needs no window; None means 'open the GUI'."""
    if args.command == "demo":
        if args.db is None:
            raise UsageError(f"{PROG} demo: error: --db PATH is required")
        return run_demo(args.db)
    return None
