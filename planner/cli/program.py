"""The `planner` command: its one parser, and `main`, which runs a command or hands over to the window."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable

from planner import __version__, i18n
from planner.cli import agenda, crm, demo, forecast_calls, pack, reports, search, stats
from planner.cli.common import PROG, CliParser, UsageError, plan_path
from planner.exchange.pack_writers import PACK_FORMATS, PdfWriter

# What opens a window for `planner [--db PATH]` and `planner review FILE.json`: given by the
# program's entry point (ui/app.py), as Qt is no part of planner/.
Window = Callable[[argparse.Namespace], int]


def build_parser() -> argparse.ArgumentParser:
    """The `planner` command's parser: each command group adds its subcommands."""
    parser = CliParser(
        prog=PROG,
        description="Opportunity Planner: plan B2B deals offline with the Miller Heiman method.",
        epilog="Without a command, opens the planner window.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--db",
        type=plan_path,
        metavar="PATH",
        help="the plan file to open (created empty when missing); default: your data folder",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=CliParser)
    demo.add_demo_command(commands)
    crm.add_import_command(commands)
    export = crm.add_export_command(commands)
    pack.add_pack_arguments(export)
    pack.add_review_arguments(commands)
    reports.add_report_commands(commands)
    agenda.add_agenda_command(commands)
    search.add_search_command(commands)
    stats.add_stats_command(commands)
    forecast_calls.add_forecast_calls_command(commands)
    return parser


def parse(argv: list[str]) -> argparse.Namespace:
    """Parse arguments; raises UsageError for wrong ones."""
    return build_parser().parse_args(argv)


def run_command(args: argparse.Namespace, *, pdf_writer: PdfWriter | None = None) -> int | None:
    """Run a command that needs no window; None means 'open the GUI'.

    `pdf_writer` writes the review pack's PDF (it needs Qt); without one, `export --format pdf`
    says so in one line. The command line speaks English: its output is held in English even
    when a translation is installed (a test runs it so), as are the exports and review packs it
    writes.
    """
    with i18n.english():
        return _run_command(args, pdf_writer)


def _run_command(args: argparse.Namespace, pdf_writer: PdfWriter | None) -> int | None:
    report = reports.run_report_command(args)
    if report is not None:
        return report
    found = search.run_search_command(args)
    if found is not None:
        return found
    called = forecast_calls.run_forecast_calls(args)
    if called is not None:
        return called
    if args.command in ("demo", "import", "export") and args.db is None:
        raise UsageError(f"{PROG} {args.command}: error: --db PATH is required")
    if args.command == "demo":
        return demo.run_demo(args.db)
    if args.command == "import":
        return crm.run_import(args)
    if args.command == "export" and args.format in PACK_FORMATS:
        return pack.run_pack_export(args, pdf_writer=pdf_writer)
    if args.command == "export":
        return crm.run_export(args)
    if args.command == "agenda":
        return agenda.run_agenda(args)
    if args.command == "stats":
        return stats.run_stats(args)
    if args.command == "review":
        return pack.check_review_file(args)  # None: a valid bundle, which the window opens
    return None


def main(argv: list[str], *, pdf_writer: PdfWriter | None = None, window: Window | None = None) -> int:
    """`planner [--db PATH] [COMMAND ...]`: the exit status.

    The program's entry point (ui/app.py) gives what needs Qt: the PDF writer and the window.
    Without them (`python -m planner.cli`), the commands that need them say so in one line.
    """
    try:
        try:
            args = parse(argv)
            result = run_command(args, pdf_writer=pdf_writer)
        finally:
            # Here rather than at exit, where a closed pipe could only print "Exception ignored".
            if sys.stdout is not None:  # None in the windowed Windows program
                sys.stdout.flush()
    except UsageError as exc:
        print(exc, file=sys.stderr)
        return 2
    except BrokenPipeError:
        return _stdout_closed()
    if result is not None:
        return result
    if window is None:
        print(
            f"{PROG}: this command line has no window: run the installed “planner” command.", file=sys.stderr
        )
        return 1
    return window(args)


def _stdout_closed() -> int:
    """`planner forecast | head -1`: the reader stopped early, which is no error worth a word.

    What is still buffered goes to devnull, or the interpreter's last flush fails again; 141 is
    what a shell reports for a program that SIGPIPE ended.
    """
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return 141
