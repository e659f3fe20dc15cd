"""The command line: one parser for every subcommand; the commands here need no Qt."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import NoReturn

from planner import __version__, i18n
from planner.exchange import crm
from planner.pack_commands import PACK_FORMATS, add_pack_arguments, add_review_arguments
from planner.report_commands import add_report_commands, run_report_command
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
    _add_import(commands)
    _add_export(commands)
    add_review_arguments(commands)
    add_report_commands(commands)
    return parser


# The choices of `--source`: "auto" recognises the CRM from each file's headers.
SOURCES = ("auto", *crm.keys())
CRM_SOURCES = crm.export_keys()
# `planner export --format`: crm-csv goes back to the CRM; the others are the review pack.
EXPORT_FORMATS = ("crm-csv", *PACK_FORMATS)


def _add_import(commands: argparse._SubParsersAction[_Parser]) -> None:
    command = commands.add_parser(
        "import",
        help="import deals from CRM exports (CSV, XLSX, a folder or a Salesforce export ZIP)",
        description="Import deals from CRM exports into a plan. Re-importing updates the deals the CRM "
        "owns and keeps your planning (influences, actions, notes, commitments).",
    )
    command.add_argument("files", nargs="+", type=_plan_path, metavar="FILE", help="CSV, XLSX, folder or ZIP")
    command.add_argument(
        "--db",
        type=_plan_path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the plan (created when missing)",
    )
    command.add_argument("--source", choices=SOURCES, default="auto", help="the CRM the files come from")
    command.add_argument(
        "--mapping", type=_plan_path, metavar="MAPPING.json", help="column -> field mapping of the deals file"
    )
    command.add_argument(
        "--stage-map", type=_plan_path, metavar="STAGES.json", help="file stage -> plan stage name"
    )
    command.add_argument("--owner", metavar="NAME", help="import only the deals of this owner or sales agent")
    # Asked only when a file's amounts could be read two ways and nothing else in it says which.
    style = command.add_mutually_exclusive_group()
    style.add_argument(
        "--decimal-comma",
        dest="number_style",
        action="store_const",
        const="comma",
        help="the files write amounts like 1.234,56 (10.000 is ten thousand)",
    )
    style.add_argument(
        "--decimal-point",
        dest="number_style",
        action="store_const",
        const="point",
        help="the files write amounts like 1,234.56 (10.000 is ten)",
    )
    command.add_argument("--dry-run", action="store_true", help="show what would change; write nothing")
    command.add_argument("--json", action="store_true", help="print the summary as JSON")


def _add_export(commands: argparse._SubParsersAction[_Parser]) -> None:
    command = commands.add_parser(
        "export",
        help="export the review pack (pdf, html, md, csv, xlsx, json) or changed deals for the CRM",
        description="Export from a plan. pdf, html, md, csv, xlsx and json write the review pack for "
        "your manager; crm-csv writes each deal changed in the planner since it was imported (stage, "
        "close date, next step, probability, forecast category, amount, reason) in the CRM's import "
        "layout, with its CRM id, and refuses a stage the CRM does not know.",
    )
    command.add_argument("--format", choices=EXPORT_FORMATS, required=True, help="what to write")
    command.add_argument("--source", choices=CRM_SOURCES, help="the CRM (crm-csv)")
    command.add_argument(
        "--crm-stage",
        action="append",
        default=[],
        metavar="STAGE=VALUE",
        help="the CRM stage value for a plan stage with none (crm-csv; remembered in the plan)",
    )
    command.add_argument(
        "--reason-field",
        metavar="FIELD",
        help="the CRM field for lost and walk-away reasons, e.g. Loss_Reason__c (crm-csv; remembered)",
    )
    command.add_argument("--db", type=_plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan")
    command.add_argument("--out", type=_plan_path, metavar="PATH", required=True, help="the file to write")
    add_pack_arguments(command)


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


def run_command(args: argparse.Namespace) -> int | None:
    """Run a command that needs no window; None means 'open the GUI'.

    The command line speaks English: its output is held in English even when a translation is
    installed (a test runs it so), as are the exports and review packs it writes.
    """
    with i18n.english():
        return _run_command(args)


def _run_command(args: argparse.Namespace) -> int | None:
    report = run_report_command(args)
    if report is not None:
        return report
    if args.command in ("demo", "import", "export") and args.db is None:
        raise UsageError(f"{PROG} {args.command}: error: --db PATH is required")
    if args.command == "demo":
        return run_demo(args.db)
    if args.command == "import":
        from planner.exchange.commands import run_import

        return run_import(args)
    if args.command == "export" and args.format in PACK_FORMATS:
        from planner.pack_commands import run_pack_export

        return run_pack_export(args)
    if args.command == "export":
        from planner.exchange.commands import run_export

        return run_export(args)
    if args.command == "review":
        from planner.pack_commands import check_review_file

        return check_review_file(args)  # None: a valid bundle, which the window opens
    return None
