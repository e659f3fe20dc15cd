"""`planner export --format pdf|html|md|csv|xlsx|json` and `planner review FILE.json` for the command line."""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from planner import i18n
from planner.storage.db import PlanDB, PlanError, open_plan

if TYPE_CHECKING:
    from planner.exchange.pack import Pack

# The paper sizes of planner.exchange.pack, here so that building the parser at every start
# does not import the pack builder (about 70 ms); a test checks the two agree.
PAPER_SIZES = ("a4", "letter")

# How planner/cli.py wires these (the parser's `export` subcommand already has --db and --out):
#
#     from planner.pack_commands import PACK_FORMATS, add_pack_arguments, add_review_arguments
#     EXPORT_FORMATS = ("crm-csv", *PACK_FORMATS)      # or let add_pack_arguments extend them
#     ... in _add_export(commands), after the parser is made:  add_pack_arguments(command)
#     ... in build_parser(), beside the other commands:         add_review_arguments(commands)
#     ... in run_command(args):
#         if args.command == "export" and args.format in PACK_FORMATS:
#             from planner.pack_commands import run_pack_export
#             return run_pack_export(args)
#         if args.command == "review":
#             from planner.pack_commands import check_review_file
#             return check_review_file(args)  # None: the file is a bundle, open the review window
#
# The PDF needs Qt, which planner/ never imports: `run_pack_export` takes the PDF writer as an
# argument, and by default looks up `ui.pack_pdf.write_pdf_headless` by name when (and only
# when) a PDF is asked for, as an entry point would. Nothing in planner/ imports ui/.

PROG = "planner"
PACK_FORMATS: tuple[str, ...] = ("pdf", "html", "md", "csv", "xlsx", "json")
PdfWriter = Callable[["Pack", Path], Path]
ParserT = TypeVar("ParserT", bound=argparse.ArgumentParser)  # cli.py's parsers are a subclass
DEFAULT_PDF_WRITER = "ui.pack_pdf:write_pdf_headless"


def add_pack_arguments(export: argparse.ArgumentParser) -> None:
    """Add the review-pack options to an `export` parser (its --format choices grow to take the formats)."""
    fmt = next((a for a in export._actions if a.dest == "format"), None)
    if fmt is None:
        export.add_argument("--format", choices=PACK_FORMATS, required=True, help="what to write")
    else:
        fmt.choices = tuple(dict.fromkeys([*(fmt.choices or ()), *PACK_FORMATS]))
    dests = {a.dest for a in export._actions}
    if "db" not in dests:
        export.add_argument("--db", type=Path, metavar="PATH", help="the plan")
    if "out" not in dests:
        export.add_argument("--out", type=Path, metavar="PATH", required=True, help="the file to write")
    export.add_argument(
        "--account",
        action="append",
        metavar="NAME",
        help="review pack: the open deals of this account and its subsidiaries (repeatable)",
    )
    export.add_argument(
        "--quarter", metavar="2026Q4", help="review pack: the open deals closing in a quarter"
    )
    export.add_argument(
        "--pipeline", metavar="NAME", help="review pack: the deals of one pipeline (default: every pipeline)"
    )
    export.add_argument(
        "--include-private", action="store_true", help="review pack: include the seller's private notes"
    )
    export.add_argument("--paper", choices=PAPER_SIZES, help="review pack PDF: paper size (default: locale)")


def add_review_arguments(commands: argparse._SubParsersAction[ParserT]) -> ParserT:
    """Add `review FILE.json`: open a plan bundle read-only to write coaching notes."""
    review = commands.add_parser(
        "review",
        help="open a plan bundle (JSON) read-only and write coaching notes on it",
        description="Open a plan bundle (planner export --format json) read-only, under a Review mode"
        " banner; add coaching notes per deal and on the whole plan, then save them for the seller.",
    )
    review.add_argument("file", type=Path, metavar="FILE.json", help="the plan bundle")
    return review


def _error(message: str) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return 1


def _pipeline_id(plan: PlanDB, name: str | None) -> int | None:
    from planner.exchange.pack import PackError
    from planner.storage import pipelines as pipeline_repo

    if name is None:
        return None
    found = pipeline_repo.find_pipeline(plan, name)
    if found is None:
        names = ", ".join(f"“{p.name}”" for p in pipeline_repo.list_pipelines(plan))
        raise PackError(f"The plan has no pipeline named “{name}” (it has {names}).")
    return found


def _account_ids(plan: PlanDB, names: list[str]) -> list[int]:
    from planner.exchange.pack import PackError
    from planner.storage import accounts as account_repo

    accounts = account_repo.list_accounts(plan)
    ids = []
    for name in names:
        found = [a for a in accounts if a.name.casefold() == name.strip().casefold()]
        if not found:
            close = [a.name for a in accounts if name.strip().casefold() in a.name.casefold()]
            hint = f" Did you mean {', '.join(f'“{n}”' for n in close[:3])}?" if close else ""
            raise PackError(f"The plan has no account named “{name}”.{hint}")
        if len(found) > 1:
            raise PackError(f"Several accounts are named “{name}”; rename one in the planner first.")
        ids.append(found[0].id)
    return ids


def _pdf_writer() -> PdfWriter:
    module, _, name = DEFAULT_PDF_WRITER.partition(":")
    writer: PdfWriter = getattr(importlib.import_module(module), name)
    return writer


def write_pack(pack: Pack, fmt: str, out: Path, *, pdf_writer: PdfWriter | None = None) -> list[Path]:
    """Write one format of a pack; returns the files written (CSV writes two). In English, even
    from a translated window (see `build_pack`)."""
    with i18n.english():
        return _write_pack(pack, fmt, out, pdf_writer=pdf_writer)


def _write_pack(pack: Pack, fmt: str, out: Path, *, pdf_writer: PdfWriter | None) -> list[Path]:
    from planner.exchange.pack import PackError

    if fmt == "html":
        from planner.exchange.pack_html import write_html

        return [write_html(pack, out)]
    if fmt == "md":
        from planner.exchange.pack_markdown import write_markdown

        return [write_markdown(pack, out)]
    if fmt == "csv":
        from planner.exchange.pack_csv import write_csv

        return write_csv(pack, out)
    if fmt == "xlsx":
        from planner.exchange.pack_xlsx import write_xlsx

        return [write_xlsx(pack, out)]
    if fmt == "json":
        from planner.exchange.pack_json import write_json

        return [write_json(pack, out)]
    if fmt == "pdf":
        return [(pdf_writer or _pdf_writer())(pack, out)]
    raise PackError(f"Unknown format “{fmt}”; use one of {', '.join(PACK_FORMATS)}.")


def run_pack_export(
    args: argparse.Namespace, *, pdf_writer: PdfWriter | None = None, today: dt.date | None = None
) -> int:
    """`planner export --db PATH --format FMT --out PATH [--account NAME]... [--quarter Q] ...`.

    Prints each written path; returns 0. Errors: one line on stderr, 1 (2 for a missing --db).
    """
    from planner.exchange.pack import PackError, PackOptions, PackScope, build_pack, parse_quarter

    db: Path | None = getattr(args, "db", None)
    if db is None:
        print(f"{PROG} export: error: --db PATH is required", file=sys.stderr)
        return 2
    try:
        if args.quarter:
            parse_quarter(args.quarter)
        # Read-only: an export never changes the plan, and works while the planner has it open.
        plan = open_plan(Path(db), create=False, read_only=True)
    except (PackError, PlanError) as exc:
        return _error(str(exc))
    for note in plan.notes:  # objects in the file our migrations did not make (it is only read)
        print(f"{PROG}: {db}: {note}", file=sys.stderr)
    try:
        account_ids = _account_ids(plan, args.account or [])
        scope = PackScope(
            account_ids=tuple(account_ids),
            quarter=args.quarter or None,
            pipeline_id=_pipeline_id(plan, getattr(args, "pipeline", None)),
        )
        options = PackOptions(
            include_private_notes=bool(args.include_private), paper=getattr(args, "paper", None)
        )
        pack = build_pack(plan, scope, options, today or dt.date.today())
    except PackError as exc:
        return _error(str(exc))
    finally:
        plan.close()
    try:
        written = write_pack(pack, args.format, Path(args.out), pdf_writer=pdf_writer)
    except PackError as exc:
        return _error(str(exc))
    for path in written:
        print(path)
    return 0


def check_review_file(args: argparse.Namespace) -> int | None:
    """`planner review FILE.json`, before any window: None when the file is a bundle to open, else 1."""
    from planner.exchange.review import ReviewError, load_bundle

    try:
        bundle = load_bundle(Path(args.file))
    except ReviewError as exc:
        return _error(str(exc))
    bundle.plan.close()
    return None


def standalone_parser() -> argparse.ArgumentParser:
    """A `planner` parser with only these commands (tests, and `python -m planner.pack_commands`)."""
    parser = argparse.ArgumentParser(prog=PROG)
    commands = parser.add_subparsers(dest="command", required=True)
    export = commands.add_parser("export", help="export a review pack")
    export.add_argument("--db", type=Path, metavar="PATH", help="the plan")
    export.add_argument("--out", type=Path, metavar="PATH", required=True, help="the file to write")
    export.add_argument("--format", choices=("crm-csv",), required=True, help="what to write")
    add_pack_arguments(export)
    add_review_arguments(commands)
    return parser


def main(argv: list[str] | None = None) -> int:
    """`python -m planner.pack_commands export ...`: the commands without the rest of the planner."""
    args = standalone_parser().parse_args(argv)
    if args.command == "review":
        result = check_review_file(args)
        return 0 if result is None else result
    return run_pack_export(args)


if __name__ == "__main__":
    raise SystemExit(main())
