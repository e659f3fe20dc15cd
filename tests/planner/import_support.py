"""Helpers shared by the import tests: fixture paths, the real CRM exports, database fingerprints."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import pytest

from planner.exchange.import_plan import ImportOptions, ImportPreview, build_preview
from planner.exchange.importer import ImportResult, apply_import
from planner.exchange.sources import load
from planner.storage.db import PlanDB

TODAY = dt.date(2026, 11, 26)
DATA = Path(__file__).resolve().parents[1] / "data" / "import"
# The real exports live beside the repository (../shared/data), never inside the package.
SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"


def shared(name: str) -> Path:
    """A folder of real CRM exports; the test is skipped, saying why, when they are not there."""
    folder = SHARED / name
    if not folder.is_dir():
        pytest.skip(f"the real CRM exports are not at {folder} (../shared/data beside the repository)")
    return folder


def fingerprint(plan: PlanDB) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, settings included: 'unchanged' means equal fingerprints."""
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'search_index%' ORDER BY name"
        )
    ]
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in tables}


def preview(plan: PlanDB, paths: Sequence[Path], options: ImportOptions | None = None) -> ImportPreview:
    return build_preview(plan, load(paths), options, TODAY)


def run(plan: PlanDB, paths: Sequence[Path], options: ImportOptions | None = None) -> ImportResult:
    """Preview and apply, as the command line does."""
    return apply_import(plan, preview(plan, paths, options))


def deals(plan: PlanDB) -> dict[str, dict[str, Any]]:
    """Deals by external id, with their stage and account names."""
    rows = plan.query(
        "SELECT o.external_id, o.title, s.name, a.name, o.amount, o.currency, o.close_date, o.product,"
        " o.next_step, o.forecast_category, o.closed_on, o.close_reason, o.id, o.created"
        " FROM opportunity o JOIN stage s ON s.id = o.stage_id LEFT JOIN account a ON a.id = o.account_id"
    )
    keys = (
        "title", "stage", "account", "amount", "currency", "close_date", "product", "next_step",
        "forecast", "closed_on", "close_reason", "id", "created",
    )  # fmt: skip
    return {r[0]: dict(zip(keys, r[1:], strict=True)) for r in rows}
