"""`planner import` and `planner export`: the command-line side of imports and CRM exports."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from planner.cli import PROG, UsageError
from planner.exchange.amounts import NumberStyle
from planner.exchange.crm_export import crm_csv
from planner.exchange.files import write_private
from planner.exchange.import_plan import ImportOptions, build_preview
from planner.exchange.importer import problem_lines, summarise
from planner.exchange.layouts import Field, Layout
from planner.exchange.pipeline_import import import_with_pipelines
from planner.exchange.problems import Severity
from planner.exchange.sources import load
from planner.exchange.values import DateOrder
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, PlanError, open_plan


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
            source=None if args.source == "auto" else Layout(args.source),
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


def _crm_csv(args: argparse.Namespace, plan: PlanDB) -> tuple[bytes, str]:
    if args.source is None:
        raise UsageError(
            f"{PROG} export: error: --format crm-csv needs --source salesforce|hubspot|pipedrive"
        )
    crm = Layout(args.source)
    export = crm_csv(plan, crm)
    plural = "" if export.deals == 1 else "s"
    return export.data, f"Wrote {export.deals:,} changed deal{plural} to {args.out} ({crm.label} layout)"


# `planner export --format NAME`: each format is a function of the arguments and the open plan
# returning the file's bytes and the line to print. The plan exports (pdf, html, md, csv, xlsx,
# json) join here, and in planner.cli.EXPORT_FORMATS, as they are built.
EXPORTERS: dict[str, Callable[[argparse.Namespace, PlanDB], tuple[bytes, str]]] = {"crm-csv": _crm_csv}


def run_export(args: argparse.Namespace) -> int:
    """`planner export --format FORMAT --db PATH --out PATH` (crm-csv also needs --source)."""
    exporter = EXPORTERS[args.format]
    if args.format == "crm-csv" and args.source is None:  # a usage error, before the plan is opened
        raise UsageError(
            f"{PROG} export: error: --format crm-csv needs --source salesforce|hubspot|pipedrive"
        )
    try:
        plan = open_plan(args.db, create=False)
    except PlanError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    for note in plan.notes:  # exporting only reads: a plan open read-only exports too
        print(f"{PROG}: {args.db}: {note}", file=sys.stderr)
    try:
        data, message = exporter(args, plan)
    finally:
        plan.close()
    try:
        write_private(args.out, data)
    except OSError as exc:
        print(f"{PROG}: Cannot write {args.out}: {exc.strerror or exc}.", file=sys.stderr)
        return 1
    print(message)
    return 0
