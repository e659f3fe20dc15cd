"""`planner export --format pdf|html|md|csv|xlsx|json` (the review pack) and `planner review FILE.json…`."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import TypeVar

from planner.cli.common import PROG, fail, plan_path
from planner.exchange.pack_writers import NO_PDF_WRITER, PACK_FORMATS, PdfWriter, write_pack
from planner.storage.db import PlanDB, PlanError, open_plan

# The paper sizes of planner.exchange.pack, here so that building the parser at every start
# does not import the pack builder (about 70 ms); a test checks the two agree.
PAPER_SIZES = ("a4", "letter")
ParserT = TypeVar("ParserT", bound=argparse.ArgumentParser)  # the program's parsers are a subclass


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
        "--quarter",
        metavar="2026Q4",
        help="review pack: the open deals closing in a quarter, counted as the forecast counts it"
        " (of the plan's fiscal year, named by the year it ends in)",
    )
    export.add_argument(
        "--pipeline", metavar="NAME", help="review pack: the deals of one pipeline (default: every pipeline)"
    )
    export.add_argument(
        "--include-private", action="store_true", help="review pack: include the seller's private notes"
    )
    export.add_argument("--paper", choices=PAPER_SIZES, help="review pack PDF: paper size (default: locale)")
    export.add_argument(
        "--since",
        metavar="DATE",
        help="review pack: list on the manager's page the changes made on this day (YYYY-MM-DD) or later"
        " (default: since the last pack exported from the window)",
    )


def add_review_arguments(commands: argparse._SubParsersAction[ParserT]) -> ParserT:
    """Add `review FILE.json ...`: open one plan bundle, or a team's, read-only to write coaching notes."""
    review = commands.add_parser(
        "review",
        help="open plan bundles (JSON) read-only and write coaching notes on them",
        description="Open a plan bundle (planner export --format json) read-only, under a Review mode"
        " banner; add coaching notes per deal and on the whole plan, then save them for the seller."
        " Several bundles, or a folder of them, open together in one team window: a row per seller"
        " and the combined forecast and funnel; a bundle that cannot be read is refused (one line on"
        " stderr) and the others open.",
    )
    review.add_argument(
        "files",
        type=plan_path,
        nargs="+",
        metavar="FILE.json",
        help="a plan bundle, or a folder of them (several: the team roll-up)",
    )
    review.add_argument(
        "--json",
        action="store_true",
        help="print the team roll-up as JSON instead of opening a window (every bundle read in full)",
    )
    review.add_argument(
        "--currency",
        type=_currency_code,
        metavar="CODE",
        help="with --json: show amounts in this currency, converted with the --rate values",
    )
    review.add_argument(
        "--rate",
        type=_rate,
        action="append",
        metavar="CODE=RATE",
        help="with --currency: one unit of CODE in that currency, like USD=0.92 (repeatable)",
    )
    return review


def _currency_code(text: str) -> str:
    code = text.strip().upper()
    if len(code) != 3 or not code.isascii() or not code.isalpha():
        raise argparse.ArgumentTypeError(f"“{text}” is not a three-letter currency code")
    return code


def _rate(text: str) -> tuple[str, float]:
    code, _, value = text.partition("=")
    try:
        rate = float(value)
    except ValueError:
        rate = float("nan")
    if not 0 < rate < 1e9:  # also refuses NaN
        raise argparse.ArgumentTypeError(f"“{text}” is not a rate like USD=0.92")
    return _currency_code(code), rate


def is_team_review(files: list[Path]) -> bool:
    """Whether `planner review` opens the team window: several paths, or a folder."""
    return len(files) != 1 or files[0].is_dir()


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
    if args.format == "pdf" and pdf_writer is None:  # said before the plan is read
        return fail(NO_PDF_WRITER)
    since: dt.date | None = None
    if getattr(args, "since", None):
        try:
            since = dt.date.fromisoformat(args.since)
        except ValueError:
            return fail(f"“{args.since}” is not a date; write it like 2026-11-10.")
    try:
        if args.quarter:
            parse_quarter(args.quarter)
        # Read-only: an export never changes the plan, and works while the planner has it open.
        plan = open_plan(Path(db), create=False, read_only=True)
    except (PackError, PlanError) as exc:
        return fail(str(exc))
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
            include_private_notes=bool(args.include_private), paper=getattr(args, "paper", None), since=since
        )
        pack = build_pack(plan, scope, options, today or dt.date.today())
    except PackError as exc:
        return fail(str(exc))
    finally:
        plan.close()
    try:
        written = write_pack(pack, args.format, Path(args.out), pdf_writer=pdf_writer)
    except PackError as exc:
        return fail(str(exc))
    for path in written:
        print(path)
    return 0


def check_review_file(args: argparse.Namespace) -> int | None:
    """`planner review FILE.json ...`, before any window: None to open the window, else the status.

    One bundle is read here, and refused in one line when it cannot open. A team is read by the
    team window itself (it prints each refused file); with --json it is read in full and printed.
    """
    from planner.exchange.review import ReviewError, load_bundle

    if args.rate and not args.currency:
        return fail("--rate needs --currency CODE (the currency the rates convert into)")
    if args.json:
        return _print_team(args)
    if is_team_review(args.files):
        return None
    try:
        bundle = load_bundle(Path(args.files[0]))
    except ReviewError as exc:
        return fail(str(exc))
    bundle.plan.close()
    return None


def _print_team(args: argparse.Namespace) -> int:
    """`planner review --json A.json B.json`: the roll-up as JSON; refused files on stderr.

    Exit status 0 when at least one bundle was read, else 1.
    """
    import json

    from planner.exchange.rollup import Conversion, load_team, team_json

    team = load_team(args.files, full=True)
    for refusal in team.refused:
        print(f"{PROG}: {refusal.reason}", file=sys.stderr)
    conversion = Conversion(args.currency, dict(args.rate or ())) if args.currency else None
    print(json.dumps(team_json(team, conversion), ensure_ascii=False, indent=2))
    return 0 if team.sellers else 1
