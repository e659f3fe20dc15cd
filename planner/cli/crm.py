"""`planner import` and `planner export --format crm-csv`: deals from CRM exports, and changed deals back."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.cli.common import PROG, CliParser, UsageError, plan_path
from planner.exchange import crm as crm_profiles
from planner.exchange.pack_writers import PACK_FORMATS
from planner.storage.db import PlanDB, PlanError, open_plan

if TYPE_CHECKING:
    from planner.exchange.layouts import Field
    from planner.exchange.values import DateOrder

# The CRM choices of the command line, in one place. `--source` of import: "auto" recognises the
# CRM from each file's headers; `--source` of export --format crm-csv: the CRM to write for.
CRM_SOURCES = crm_profiles.export_keys()
SOURCES = ("auto", *crm_profiles.keys())
# `planner export --format`: crm-csv goes back to the CRM; the others are the review pack.
EXPORT_FORMATS = ("crm-csv", *PACK_FORMATS)


def add_import_command(commands: argparse._SubParsersAction[CliParser]) -> None:
    """Add `import FILE... --db PATH` to the `planner` command's subcommands."""
    command = commands.add_parser(
        "import",
        help="import deals from CRM exports (CSV, XLSX, a folder or a Salesforce export ZIP)",
        description="Import deals from CRM exports into a plan. Re-importing updates the deals the CRM "
        "owns and keeps your planning (influences, actions, notes, commitments).",
    )
    command.add_argument("files", nargs="+", type=plan_path, metavar="FILE", help="CSV, XLSX, folder or ZIP")
    command.add_argument(
        "--db",
        type=plan_path,
        metavar="PATH",
        default=argparse.SUPPRESS,
        help="the plan (created when missing)",
    )
    command.add_argument("--source", choices=SOURCES, default="auto", help="the CRM the files come from")
    command.add_argument(
        "--mapping", type=plan_path, metavar="MAPPING.json", help="column -> field mapping of the deals file"
    )
    command.add_argument(
        "--stage-map", type=plan_path, metavar="STAGES.json", help="file stage -> plan stage name"
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


def add_export_command(commands: argparse._SubParsersAction[CliParser]) -> CliParser:
    """Add `export --format FORMAT --db PATH --out PATH`; the review pack adds its own options."""
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
    command.add_argument("--db", type=plan_path, metavar="PATH", default=argparse.SUPPRESS, help="the plan")
    command.add_argument("--out", type=plan_path, metavar="PATH", required=True, help="the file to write")
    return command


def _usage(option: str, message: str) -> UsageError:
    return UsageError(f"{PROG} import: error: {option}: {message}")


def _read_json(path: Path, option: str) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise _usage(option, f"{path} does not exist") from None
    except OSError as exc:
        raise _usage(option, f"cannot read {path}: {exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _usage(option, f"{path} is not valid JSON ({exc})") from None


def _field(name: object, option: str) -> Field | None:
    from planner.exchange.layouts import Field

    if name is None or (isinstance(name, str) and name.strip().casefold() in ("", "ignore", "none")):
        return None
    text = str(name).strip().casefold().replace(" ", "_").replace("-", "_")
    try:
        return Field(text)
    except ValueError:
        known = ", ".join(f.value for f in Field)
        raise _usage(option, f"“{name}” is not a field (fields: {known})") from None


def read_mapping(path: Path) -> tuple[dict[str, Field | None], DateOrder | None, str | None]:
    """A --mapping file: {"columns": {header: field}, "date_order": "dmy", "default_currency": "USD"}.

    A plain {header: field} object is read as its "columns".
    """
    from planner.exchange.values import DateOrder

    raw = _read_json(path, "--mapping")
    if not isinstance(raw, dict):
        raise _usage("--mapping", f"{path} must hold a JSON object of column -> field")
    columns = raw.get("columns", raw) if isinstance(raw.get("columns"), dict) else raw
    mapping = {
        str(h): _field(f, "--mapping")
        for h, f in columns.items()
        if h not in ("date_order", "default_currency")
    }
    order: DateOrder | None = None
    if "date_order" in raw:
        try:
            order = DateOrder(str(raw["date_order"]).lower())
        except ValueError:
            raise _usage("--mapping", "date_order must be “mdy” or “dmy”") from None
    currency = raw.get("default_currency")
    return mapping, order, str(currency).upper() if currency else None


def read_stage_map(path: Path, plan: PlanDB) -> dict[str, str]:
    """A --stage-map file: {file stage: plan stage name}; every plan stage named must exist."""
    from planner.storage import stages as stage_repo

    raw = _read_json(path, "--stage-map")
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise _usage("--stage-map", f"{path} must hold a JSON object of file stage -> plan stage name")
    names = {s.name.casefold() for s in stage_repo.list_stages(plan) if not s.retired}
    for stage, target in raw.items():
        if target.casefold() not in names:
            raise _usage("--stage-map", f"the plan has no stage “{target}” (for “{stage}”)")
    return {str(k): v for k, v in raw.items()}


def _open(path: Path) -> tuple[PlanDB, bool]:
    """The plan, and whether this run created it (so a failed import can leave no file behind).

    Only open_plan knows: a missing plan may be a restore it just finished, not a new one.
    """
    plan = open_plan(path, create=True)
    if plan.notice:
        print(f"{PROG}: {plan.notice}", file=sys.stderr)
    return plan, plan.created


def _remove(path: Path) -> None:
    for name in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        name.unlink(missing_ok=True)


def run_import(args: argparse.Namespace) -> int:
    """`planner import FILE... --db PATH`: 0 imported, 1 nothing importable (reasons on stderr), 2 usage."""
    # Here, not at the top: the parser is built at every start, and these take a tenth of a second.
    from planner.exchange.amounts import NumberStyle
    from planner.exchange.import_plan import ImportOptions, build_preview
    from planner.exchange.importer import problem_lines, summarise
    from planner.exchange.pipeline_import import import_with_pipelines
    from planner.exchange.problems import Severity
    from planner.exchange.sources import load

    mapping: dict[str, Field | None] = {}
    order: DateOrder | None = None
    currency: str | None = None
    if args.mapping is not None:
        mapping, order, currency = read_mapping(args.mapping)
    try:
        plan, fresh = _open(args.db)
    except PlanError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    ok = False
    try:
        # A plan another window is writing opens read-only (when the storage layer says why).
        reason = getattr(plan, "read_only_reason", None)
        if reason and not args.dry_run:
            print(f"{PROG}: {args.db}: {reason}", file=sys.stderr)
            return 1
        stage_map = read_stage_map(args.stage_map, plan) if args.stage_map is not None else {}
        options = ImportOptions(
            source=None if args.source == "auto" else crm_profiles.by_key(args.source),
            mappings={"*": mapping} if mapping else {},
            stage_map=stage_map,
            owner=args.owner,
            date_orders={"*": order} if order else {},
            default_currency=currency,
            number_styles={"*": NumberStyle(args.number_style)} if args.number_style else {},
        )
        loaded = load(args.files)
        preview = build_preview(plan, loaded, options)
        undecided = [t for t in preview.tables if t.amounts is not None and not t.amounts.decided]
        if undecided:
            # Nothing from any file: a guess could make every amount a thousand times off.
            if args.json:
                print(json.dumps(summarise(preview).as_json(), indent=2, ensure_ascii=False))
            for table in undecided:
                assert table.amounts is not None
                print(
                    f"{PROG}: {table.amounts.question(table.name)}; nothing was imported: say which "
                    "with --decimal-comma (1.234,56) or --decimal-point (1,234.56)",
                    file=sys.stderr,
                )
            return 1
        if not preview.importable:
            summary = summarise(preview)
            if args.json:
                print(json.dumps(summary.as_json(), indent=2, ensure_ascii=False))
            reasons = [p.line() for p in preview.problems if p.severity is Severity.ERROR]
            if not reasons:
                reasons = ["no row could be imported:", *problem_lines(summary.problems)]
            for reason in reasons:
                print(f"{PROG}: {reason}", file=sys.stderr)
            return 1
        if args.dry_run:
            summary = summarise(preview, dry_run=True)
        else:
            try:
                summary = import_with_pipelines(plan, loaded, preview).summary
            except (sqlite3.Error, OSError) as exc:
                print(
                    f"{PROG}: nothing was imported: the plan could not be written ({exc}).", file=sys.stderr
                )
                return 1
        ok = True
        if args.json:
            print(json.dumps(summary.as_json(), indent=2, ensure_ascii=False))
        else:
            print("\n".join(summary.lines()))
        return 0
    finally:
        plan.close()
        if fresh and not (ok and not args.dry_run):
            _remove(args.db)  # the plan this run created holds nothing: leave no file behind


_NEEDS_SOURCE = f"{PROG} export: error: --format crm-csv needs --source {'|'.join(CRM_SOURCES)}"


def _crm_csv(args: argparse.Namespace, plan: PlanDB) -> tuple[bytes, str]:
    from planner.exchange.crm_export import CrmExportRefusedError, contact_roles_path, crm_csv
    from planner.exchange.files import write_private

    if args.source is None:
        raise UsageError(_NEEDS_SOURCE)
    crm = crm_profiles.by_key(args.source)
    _remember_export_choices(args, plan, crm)
    try:
        export = crm_csv(plan, crm)
    except CrmExportRefusedError as exc:
        raise ExportRefusedError(str(exc)) from None
    plural = "" if export.deals == 1 else "s"
    lines = [f"Wrote {export.deals:,} changed deal{plural} to {args.out} ({crm.label} layout)"]
    if export.contact_roles is not None:
        roles_path = contact_roles_path(args.out)
        write_private(roles_path, export.contact_roles)
        lines.append(f"Wrote {export.roles:,} contact role{'' if export.roles == 1 else 's'} to {roles_path}")
    lines += export.notes
    return export.data, "\n".join(lines)


def _remember_export_choices(args: argparse.Namespace, plan: PlanDB, crm: crm_profiles.CrmProfile) -> None:
    """--crm-stage and --reason-field: checked, then remembered in the plan for later exports."""
    from planner.exchange.crm_export import (
        chosen_stage_map,
        crm_stage_values,
        set_chosen_stage_map,
        set_reason_field,
    )
    from planner.storage import stages as stage_repo

    known = crm_stage_values(plan, crm)
    stage_names = {s.name.casefold(): s.name for s in stage_repo.list_stages(plan)}
    chosen = chosen_stage_map(plan, crm)
    for item in args.crm_stage:
        name, sep, value = str(item).partition("=")
        stage = stage_names.get(name.strip().casefold())
        if not sep or stage is None:
            raise UsageError(
                f"{PROG} export: error: --crm-stage: “{item}” is not STAGE=VALUE for a plan stage"
            )
        if value.strip() not in known:
            raise UsageError(
                f"{PROG} export: error: --crm-stage: {crm.label} has no stage “{value.strip()}” "
                f"(known: {', '.join(known)})"
            )
        chosen[stage] = value.strip()
    if args.crm_stage:
        set_chosen_stage_map(plan, crm, chosen)
    if args.reason_field is not None:
        set_reason_field(plan, crm, args.reason_field)


class ExportRefusedError(Exception):
    """The export was refused for a reason to print as one line."""


# `planner export --format NAME` for the CRM: each format is a function of the arguments and the
# open plan returning the file's bytes and the line to print (the review pack's formats are
# planner/cli/pack.py's).
EXPORTERS: dict[str, Callable[[argparse.Namespace, PlanDB], tuple[bytes, str]]] = {"crm-csv": _crm_csv}


def run_export(args: argparse.Namespace) -> int:
    """`planner export --format FORMAT --db PATH --out PATH` (crm-csv also needs --source)."""
    from planner.exchange.files import write_private

    exporter = EXPORTERS[args.format]
    if args.format == "crm-csv" and args.source is None:  # a usage error, before the plan is opened
        raise UsageError(_NEEDS_SOURCE)
    try:
        plan = open_plan(args.db, create=False)
    except PlanError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    for note in plan.notes:  # exporting only reads: a plan open read-only exports too
        print(f"{PROG}: {args.db}: {note}", file=sys.stderr)
    try:
        data, message = exporter(args, plan)
    except ExportRefusedError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    finally:
        plan.close()
    try:
        write_private(args.out, data)
    except OSError as exc:
        print(f"{PROG}: Cannot write {args.out}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    print(message)
    return 0
