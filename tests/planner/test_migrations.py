"""Migrations on an empty database: every table of the first schema, default stages, idempotence."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from planner.model import FunnelLevel
from planner.stages import DEFAULT_STAGES
from planner.storage import stages as stage_repo
from planner.storage.db import APPLICATION_ID, PlanDamagedError, PlanDB, open_plan
from planner.storage.migrations import KNOWN_MIGRATIONS, MIGRATION_SET, build_migrations

TABLES = {
    "settings",
    "account",
    "stage",
    "opportunity",
    "stage_history",
    "close_date_history",
    "person",
    "buying_influence",
    "competitor",
    "manual_flag",
    "action",
    "note",
    "funnel_snapshot",
    "funnel_snapshot_deal",
    "call_plan",
    "commitment",
    "amount_history",
    "import_change",
    "pipeline",
    "review_mark",
    "review_mark_deal",
    "coaching_item",
    "verdict",
    "forecast_call",
    "forecast_call_deal",
    # The search index and the tables SQLite keeps its data in.
    "search_index",
    "search_index_data",
    "search_index_idx",
    "search_index_docsize",
    "search_index_config",
    "search_index_queue",
    "_sqlite_migrations",
}


def _tables(plan: PlanDB) -> set[str]:
    return {r[0] for r in plan.query("SELECT name FROM sqlite_master WHERE type = 'table'")}


def test_empty_database_gets_every_table(plan: PlanDB) -> None:
    assert _tables(plan) == TABLES


def test_known_migrations_match_the_registered_set(plan: PlanDB) -> None:
    migrations = build_migrations()
    assert [m.name for m in migrations.applied(plan.db)] == list(KNOWN_MIGRATIONS)
    assert migrations.pending(plan.db) == []


def test_default_stages_follow_the_method(plan: PlanDB) -> None:
    stages = stage_repo.list_stages(plan)
    assert [s.name for s in stages] == [s.name for s in DEFAULT_STAGES]
    assert [s.probability for s in stages] == [10, 25, 50, 80, 100, 0, 0]
    assert [s.stale_after_days for s in stages] == [30, 21, 21, 14, None, None, None]
    assert stages[3].level is FunnelLevel.BEST_FEW
    assert stages[0].exit_commitments == ("Agreed to a discovery meeting", "Confirmed a problem or goal")


def test_reopening_applies_nothing_twice(tmp_path: Path) -> None:
    path = tmp_path / "a.plan"
    open_plan(path).close()
    open_plan(path).close()
    conn = sqlite3.connect(path)
    rows = conn.execute(
        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
    ).fetchall()
    stage_count = conn.execute("SELECT COUNT(*) FROM stage").fetchone()[0]
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    conn.close()
    assert [r[0] for r in rows] == list(KNOWN_MIGRATIONS)
    assert stage_count == len(DEFAULT_STAGES)
    assert app_id == APPLICATION_ID


def test_a_plan_with_tables_but_no_schema_record_is_not_migrated(tmp_path: Path) -> None:
    # Our mark, a table the first migration would clash with, and no record of any migration:
    # not a file this program made (it sets the mark and the record in one transaction), so
    # it is refused as damaged and stays as it was. (A failed migration rolling back is
    # test_upgrades.py::test_a_failed_upgrade_leaves_the_plan_as_it_was.)
    path = tmp_path / "clash.plan"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("CREATE TABLE account (x)")
    conn.commit()
    conn.close()
    with pytest.raises(PlanDamagedError, match="its schema record is missing"):
        open_plan(path)
    conn = sqlite3.connect(path)
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "opportunity" not in tables
