"""Plan files carry only our schema: foreign triggers, views, tables and indexes never run and are
never copied; our own tables changed outside the planner are damage.

The hostile plans come from tests/hostile/planfiles.py (tests/data/hostile/planfiles/).
"""

from __future__ import annotations

import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.storage import backup as backups
from planner.storage import migrations, schema_check, schema_objects
from planner.storage import opportunities as opportunity_repo
from planner.storage.backup import Kind
from planner.storage.db import PlanDamagedError, PlanReadOnlyError, open_plan
from planner.storage.salvage import salvage
from tests.hostile import planfiles as hostile
from tests.hostile.make_corpus import CORPUS
from tests.planner.plan_files import NOW, TODAY, count_deals, make_demo, read_only
from tests.planner.test_open_plan import fingerprint
from tests.test_cli import one_line, run

HOSTILE = CORPUS / "planfiles"
# What Qt's offscreen platform says about itself when a window is shown (not the planner's words).
OFFSCREEN_LIMITS = re.compile(r"^This plugin does not support \w+\(\)$")
FIXTURES = sorted((Path(__file__).resolve().parent.parent / "data").glob("plan-*.plan"))
FOREIGN_PLANS = {
    "foreign-trigger.plan": ("trigger “wipe” on “opportunity”",),
    "foreign-view-and-table.plan": ("view “spy”", "table “exfil”"),
}


def without_offscreen_limits(stderr: str) -> str:
    return "".join(line for line in stderr.splitlines(True) if not OFFSCREEN_LIMITS.match(line.strip()))


def copy_of(name: str, folder: Path) -> Path:
    """A private copy of a hostile plan (never opened where the corpus keeps it)."""
    path = folder / name
    shutil.copyfile(HOSTILE / name, path)
    path.chmod(0o600)
    return path


def schema_of(path: Path) -> set[tuple[str, str]]:
    conn = read_only(path)
    try:
        return {(r[0], r[1]) for r in conn.execute("SELECT type, name FROM sqlite_master")}
    finally:
        conn.close()


def rows_of_our_tables(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    conn = read_only(path)
    try:
        applied = tuple(schema_check.applied_migrations(conn))
        return {
            table: conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            for table in [*schema_check.our_tables(applied), "_sqlite_migrations"]
        }
    finally:
        conn.close()


FOREIGN_NAMES = {("trigger", "wipe"), ("view", "spy"), ("table", "exfil")}


# --------------------------------------------------------------------------------------------
# What our migrations make


def migrated_in_memory(applied: tuple[str, ...]) -> set[tuple[str, str, str, str]]:
    """sqlite_master of a database the real migrations (sqlite-utils) brought to `applied`."""
    from sqlite_utils import Database

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        known = migrations.KNOWN_MIGRATIONS
        stop = known[len(applied)] if len(applied) < len(known) else None
        migrations.build_migrations().apply(Database(conn), stop_before=stop)
        rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL")
        return {
            (kind, name, table, " ".join(sql.split()))
            for kind, name, table, sql in rows
            if not name.startswith(("_sqlite_migrations", "idx__sqlite_migrations"))
        }
    finally:
        conn.close()


@pytest.mark.parametrize("version", range(1, len(migrations.KNOWN_MIGRATIONS) + 1))
def test_the_expected_schema_is_what_the_migrations_make(version: int) -> None:
    applied = migrations.KNOWN_MIGRATIONS[:version]
    assert set(migrations.SCHEMA_SQL) == set(migrations.KNOWN_MIGRATIONS)
    made = {
        (kind, name, table, " ".join(sql.split())) for kind, name, table, sql in schema_check.made_by(applied)
    }
    assert made == migrated_in_memory(applied)


def test_the_kept_list_of_this_version_is_what_its_migrations_make() -> None:
    # Opening a plan compares it with the kept list; after a new migration, `make schema-objects`.
    assert schema_objects.MIGRATIONS == migrations.KNOWN_MIGRATIONS, "run `make schema-objects`"
    assert schema_check.replayed(migrations.KNOWN_MIGRATIONS) == schema_objects.OBJECTS, (
        "run `make schema-objects`"
    )
    assert schema_check.made_by(migrations.KNOWN_MIGRATIONS) is schema_objects.OBJECTS


def test_an_older_version_is_replayed_from_its_migrations() -> None:
    older = migrations.KNOWN_MIGRATIONS[:-1]
    made = schema_check.made_by(older)
    assert made == schema_check.replayed(older)
    assert len(made) < len(schema_objects.OBJECTS)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_a_plan_of_every_shipped_schema_holds_only_our_schema(fixture: Path) -> None:
    conn = read_only(fixture)
    try:
        report = schema_check.inspect(conn, tuple(schema_check.applied_migrations(conn)))
    finally:
        conn.close()
    assert report == schema_check.SchemaReport((), ())


def test_sqlites_own_statistics_are_not_foreign(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    conn = sqlite3.connect(path)
    conn.execute("ANALYZE")  # sqlite_stat1, as `PRAGMA optimize` may make it
    conn.close()
    plan = open_plan(path)
    try:
        assert not plan.read_only
        assert plan.foreign is None
    finally:
        plan.close()


# --------------------------------------------------------------------------------------------
# Foreign objects: read-only, named, never run, never copied


@pytest.mark.parametrize("name", list(FOREIGN_PLANS))
def test_a_plan_with_foreign_objects_opens_read_only_and_says_which(tmp_path: Path, name: str) -> None:
    path = copy_of(name, tmp_path)
    before = fingerprint(path)
    plan = open_plan(path)
    try:
        assert plan.read_only
        assert plan.read_only_reason == plan.foreign
        reason = plan.read_only_reason or ""
        assert reason.startswith("This plan file holds objects that Opportunity Planner did not make (")
        for words in FOREIGN_PLANS[name]:
            assert words in reason
        assert "\n" not in reason
        assert plan.notes == [reason]
        assert len(opportunity_repo.list_opportunities(plan)) == hostile.DEALS
        deal = opportunity_repo.list_opportunities(plan)[0]
        draft = OpportunityDraft("Renamed", None, deal.stage_id)
        with pytest.raises(PlanReadOnlyError, match="did not make"):
            ops.update_opportunity(plan, deal.id, draft, TODAY)
    finally:
        plan.close()
    assert fingerprint(path) == before
    assert count_deals(path) == hostile.DEALS


def test_the_foreign_trigger_would_have_deleted_every_other_deal(tmp_path: Path) -> None:
    # What the corpus file does when an edit reaches it: the attack this guards against.
    path = copy_of("foreign-trigger.plan", tmp_path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE opportunity SET title = 'Renamed' WHERE id = 1")
    conn.commit()
    conn.close()
    assert count_deals(path) == 1


@pytest.mark.parametrize("name", list(FOREIGN_PLANS))
def test_save_a_copy_leaves_the_foreign_objects_out(tmp_path: Path, name: str) -> None:
    path = copy_of(name, tmp_path)
    plan = open_plan(path)
    copy = tmp_path / "clean.plan"
    try:
        backups.save_copy(plan, copy)
    finally:
        plan.close()
    assert not schema_of(copy) & FOREIGN_NAMES
    assert schema_of(copy) == schema_of(HOSTILE / name) - FOREIGN_NAMES
    assert rows_of_our_tables(copy) == rows_of_our_tables(path)
    clean = open_plan(copy)
    try:
        assert not clean.read_only
        deal = opportunity_repo.list_opportunities(clean)[0]
        draft = OpportunityDraft("Renamed", None, deal.stage_id)
        ops.update_opportunity(clean, deal.id, draft, TODAY)
        assert len(opportunity_repo.list_opportunities(clean)) == hostile.DEALS
        assert clean.query("PRAGMA integrity_check") == [("ok",)]
    finally:
        clean.close()


def test_backups_never_carry_a_foreign_trigger(tmp_path: Path) -> None:
    path = copy_of("foreign-trigger.plan", tmp_path)
    plan = open_plan(path)
    try:
        assert backups.backup_on_open(plan, NOW) is None  # read-only: no automatic backup at all
        taken = backups.take_backup(plan, NOW)
    finally:
        plan.close()
    assert ("trigger", "wipe") not in schema_of(taken.path)
    assert count_deals(taken.path) == hostile.DEALS
    assert backups.summarise(taken.path, check=True).usable


def test_restoring_a_backup_with_a_foreign_trigger_leaves_it_out(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    planted = backups.backup_dir(path) / "2026-11-25_093000-auto.plan"
    planted.parent.mkdir(mode=0o700)
    shutil.copyfile(HOSTILE / "foreign-trigger.plan", planted)
    assert backups.summarise(planted, check=True).usable  # its deals are worth restoring
    plan = open_plan(path)
    try:
        backups.restore_backup(plan, planted, NOW)
    finally:
        plan.close()
    assert ("trigger", "wipe") not in schema_of(path)
    plan = open_plan(path)
    try:
        assert not plan.read_only
        deal = opportunity_repo.list_opportunities(plan)[0]
        ops.update_opportunity(plan, deal.id, OpportunityDraft("Renamed", None, deal.stage_id), TODAY)
        assert len(opportunity_repo.list_opportunities(plan)) == hostile.DEALS
    finally:
        plan.close()


def test_restoring_a_damaged_plan_from_a_backup_with_a_foreign_trigger_leaves_it_out(tmp_path: Path) -> None:
    path = tmp_path / "mine.plan"
    shutil.copyfile(
        HOSTILE / "interrupted-restore" / "mine.plan.backups" / "2026-11-26_093000-damaged.plan", path
    )
    planted = backups.backup_dir(path) / "2026-11-25_093000-auto.plan"
    planted.parent.mkdir(mode=0o700)
    shutil.copyfile(HOSTILE / "foreign-trigger.plan", planted)
    with pytest.raises(PlanDamagedError):
        open_plan(path)
    backups.restore_file(path, planted, NOW)
    assert ("trigger", "wipe") not in schema_of(path)
    assert count_deals(path) == hostile.DEALS
    assert [b.kind for b in backups.list_backups(path)] == [Kind.DAMAGED, Kind.AUTO]


@pytest.mark.parametrize("name", list(FOREIGN_PLANS))
def test_salvage_leaves_the_foreign_objects_out(tmp_path: Path, name: str) -> None:
    path = copy_of(name, tmp_path)
    report = salvage(path, tmp_path / "salvaged.plan")
    assert report.complete
    assert not schema_of(tmp_path / "salvaged.plan") & FOREIGN_NAMES
    assert count_deals(tmp_path / "salvaged.plan") == hostile.DEALS


# --------------------------------------------------------------------------------------------
# Our own objects changed outside the planner: damage


CHANGES = {
    "table": "DROP INDEX note_opportunity; ALTER TABLE note RENAME TO note_old;"
    " CREATE TABLE note (id INTEGER PRIMARY KEY, body TEXT);"
    " INSERT INTO note (id, body) SELECT id, body FROM note_old; DROP TABLE note_old",
    "missing-index": "DROP INDEX opportunity_board",
    "partial-index": "DROP INDEX opportunity_stage;"
    " CREATE INDEX opportunity_stage ON opportunity(stage_id) WHERE amount > 0",
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_our_objects_changed_outside_the_planner_are_damage(tmp_path: Path, change: str) -> None:
    path = make_demo(tmp_path / "mine.plan")
    conn = sqlite3.connect(path)
    conn.executescript(CHANGES[change])
    conn.close()
    before = fingerprint(path)
    with pytest.raises(PlanDamagedError) as raised:
        open_plan(path)
    message = str(raised.value)
    assert "its schema was changed outside Opportunity Planner: " in message
    assert message.endswith("Nothing was written to it.")
    assert "\n" not in message
    assert fingerprint(path) == before
    # Not a backup to restore either; salvage still copies what can be read into our schema.
    assert not backups.summarise(path, check=True).usable
    assert salvage(path, tmp_path / "salvaged.plan").copied > 0
    open_plan(tmp_path / "salvaged.plan").close()


def test_a_hostile_name_is_shown_on_one_short_line(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    conn = sqlite3.connect(path)
    name = "evil\nline<b>bold</b>" + "x" * 200
    conn.execute(f'CREATE TABLE "{name}" (x)')
    for n in range(6):
        conn.execute(f"CREATE VIEW v{n} AS SELECT 1")
    conn.commit()
    conn.close()
    plan = open_plan(path)
    try:
        reason = plan.read_only_reason or ""
    finally:
        plan.close()
    assert "\n" not in reason
    assert "table “evil line<b>bold</b>xxxx" in reason
    assert "x" * 100 not in reason
    assert "3 more" in reason


# --------------------------------------------------------------------------------------------
# Through the command line


def test_the_command_line_never_writes_a_plan_with_a_foreign_trigger(tmp_path: Path) -> None:
    path = copy_of("foreign-trigger.plan", tmp_path)
    before = fingerprint(path)
    imported = run(tmp_path, "import", str(HOSTILE / "crm-next-steps.csv"), "--db", str(path))
    assert imported.returncode == 1
    line = one_line(imported.stderr)
    assert line.startswith(
        f"planner: {path}: This plan file holds objects that Opportunity Planner did not make ("
    )
    assert "trigger “wipe” on “opportunity”" in line
    forecast = run(tmp_path, "forecast", "--db", str(path))
    assert forecast.returncode == 0, forecast.stderr
    assert one_line(forecast.stderr) == line
    assert forecast.stdout
    export = run(tmp_path, "export", "--db", str(path), "--format", "json", "--out", "pack.json")
    assert export.returncode == 0, export.stderr
    assert one_line(export.stderr) == line
    started = run(tmp_path, "--db", str(path))  # the window, offscreen, quit once shown
    assert started.returncode == 0, started.stderr
    assert one_line(without_offscreen_limits(started.stderr)) == line
    for result in (imported, forecast, export, started):
        assert "Traceback" not in result.stderr
    assert fingerprint(path)[:3] == before[:3]
    assert count_deals(path) == hostile.DEALS
    assert not backups.backup_dir(path).exists()  # no backup carrying the trigger
