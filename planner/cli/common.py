"""What every command of the `planner` command line shares: its name, usage errors, argument types."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import NoReturn

from planner import PROG as PROG  # the command's name, kept beside what the parser needs
from planner import calendar
from planner.paths import plan_path as plan_path  # the type of every path argument


class UsageError(Exception):
    """Wrong arguments: exit 2 with one line on stderr."""


class CliParser(argparse.ArgumentParser):
    """The parser of `planner` and of each of its subcommands."""

    def error(self, message: str) -> NoReturn:
        # argparse prints the whole usage; a one-line error is easier to read and to test.
        raise UsageError(f"{self.prog}: error: {message} (see '{PROG} --help')")


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
