"""What every command of the `planner` command line shares: its name, usage errors, argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import NoReturn

from planner import calendar

PROG = "planner"


class UsageError(Exception):
    """Wrong arguments: exit 2 with one line on stderr."""


class CliParser(argparse.ArgumentParser):
    """The parser of `planner` and of each of its subcommands."""

    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage; a one-line error is easier to read and to test.
        raise UsageError(f"{self.prog}: error: {message} (see '{PROG} --help')")


def plan_path(text: str) -> Path:
    """A path argument (--db, --out, files): an empty one is refused rather than read as '.'."""
    # Path("") is ".", the current folder: say what is wrong instead.
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty")
    return Path(text)


def quarter(text: str) -> str:
    """A --quarter argument, like 2026Q4; its months come later, from the plan's fiscal year."""
    try:
        return calendar.parse_quarter(text).label
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def day(text: str) -> dt.date:
    """A --today argument: YYYY-MM-DD."""
    try:
        return calendar.parse_day(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def fail(message: str) -> int:
    """One line on stderr; exit status 1."""
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1
