"""Integrity: a damaged plan is refused untouched; its latest good backup or a salvage copy replaces it."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.storage import backup as backups
from planner.storage.backup import Kind
from planner.storage.db import PlanDamagedError, PlanError, PlanReadOnlyError, open_plan
from planner.storage.salvage import salvage
from tests.planner.plan_files import (
    NOW,
    count_deals,
    damage_table,
    dump_file,
    make_demo,
    make_many,
)
from tests.planner.test_open_plan import fingerprint

DEALS = 200


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    """A plan of 200 deals, backed up, whose opportunity table then lost one page."""
    path = make_many(tmp_path / "mine.plan", DEALS)
    plan = open_plan(path)
    backups.take_backup(plan, NOW)
    plan.close()
    damage_table(path, "opportunity")
    return path


def test_a_damaged_plan_is_refused_and_nothing_is_written(damaged: Path) -> None:
    before = fingerprint(damaged)
    with pytest.raises(PlanDamagedError) as raised:
        open_plan(damaged)
    message = str(raised.value)
    assert message.startswith(f"{damaged} is damaged (")
    assert message.endswith("Nothing was written to it.")
    assert "\n" not in message
    assert raised.value.path == damaged
    assert fingerprint(damaged) == before  # no lock, -wal or -shm file either


def test_damage_with_a_crash_left_wal_is_refused_and_both_files_untouched(tmp_path: Path) -> None:
    # A crash leaves the last edits in the -wal file: refusing must not fold it into the plan.
    path = make_many(tmp_path / "live.plan", DEALS)
    plan = open_plan(path)
    with plan.atomic():
        plan.execute("UPDATE opportunity SET amount = -1 WHERE id = 1")
    crashed = tmp_path / "crashed.plan"
    shutil.copy(path, crashed)
    shutil.copy(tmp_path / "live.plan-wal", tmp_path / "crashed.plan-wal")
    plan.close()
    damage_table(crashed, "opportunity")
    wal = tmp_path / "crashed.plan-wal"
    before, wal_before = fingerprint(crashed), wal.read_bytes()
    with pytest.raises(PlanDamagedError):
        open_plan(crashed)
    assert fingerprint(crashed)[:3] == before[:3]
    assert wal.read_bytes() == wal_before


@pytest.mark.parametrize("change", ["no-record", "gap"])
def test_a_wrong_schema_record_is_damage(tmp_path: Path, change: str) -> None:
    path = make_demo(tmp_path / "mine.plan")
    conn = sqlite3.connect(path)
    if change == "no-record":
        conn.execute("DELETE FROM _sqlite_migrations")
    else:
        conn.execute("UPDATE _sqlite_migrations SET name = '0002_later' WHERE name = '0001_initial_schema'")
    conn.commit()
    conn.close()
    before = fingerprint(path)
    with pytest.raises(PlanError) as raised:
        open_plan(path)
    assert "damaged" in str(raised.value) or "newer version" in str(raised.value)
    assert fingerprint(path) == before


# Damage SQLite's page structure does not show: values a byte flip turned into something else.
VALUE_DAMAGE = {
    # A table name that is not UTF-8 any more.
    "schema-name": [
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET name = CAST(X'6e6fff' AS TEXT) WHERE name = 'note'",
    ],
    # The record of upgrades, unreadable.
    "schema-record": ["UPDATE _sqlite_migrations SET name = CAST(X'3030ff' AS TEXT) WHERE id = 1"],
    # A schema statement SQLite cannot parse, quoted over two lines in its error.
    "statement": [
        "PRAGMA writable_schema = ON",
        "UPDATE sqlite_master SET sql = 'CREATE TABLE note (a) ''x' || char(10) || 'y''' WHERE name = 'note'",
    ],
}


@pytest.mark.parametrize("case", list(VALUE_DAMAGE))
def test_damaged_values_are_refused_in_one_line_and_untouched(tmp_path: Path, case: str) -> None:
    path = make_demo(tmp_path / "mine.plan")
    conn = sqlite3.connect(path, isolation_level=None)
    for statement in VALUE_DAMAGE[case]:
        conn.execute(statement)
    conn.close()
    before = fingerprint(path)
    with pytest.raises(PlanDamagedError) as raised:
        open_plan(path)
    assert str(raised.value).endswith(". Nothing was written to it.")
    assert "\n" not in str(raised.value)
    assert fingerprint(path) == before


def test_salvage_copies_every_readable_row_into_a_new_plan(damaged: Path) -> None:
    before = fingerprint(damaged)
    original = dump_file(backups.latest_good_backup(damaged).path)  # type: ignore[union-attr]
    report = salvage(damaged, damaged.with_name("recovered.plan"))
    assert fingerprint(damaged)[:3] == before[:3]  # content, time and mode; the folder has the copy
    by_table = {t.table: t for t in report.tables}
    assert by_table["opportunity"].damaged
    assert not report.complete
    recovered = dump_file(report.dest)
    # One 4 KiB page holds a handful of 200-character titles: the rest is all there.
    assert DEALS - 30 < len(recovered["opportunity"]) < DEALS
    assert by_table["opportunity"].copied == len(recovered["opportunity"])
    assert set(recovered["opportunity"]) <= set(original["opportunity"])
    assert recovered["stage"] == original["stage"]
    # History rows of the lost deals were dropped, not left pointing nowhere.
    assert len(recovered["stage_history"]) == len(recovered["opportunity"])
    assert report.unlinked == DEALS - len(recovered["opportunity"])
    plan = open_plan(report.dest)
    try:
        assert plan.query("PRAGMA integrity_check") == [("ok",)]
        assert plan.query("PRAGMA foreign_key_check") == []
        assert not plan.read_only
    finally:
        plan.close()


def test_salvage_of_a_sound_plan_is_complete(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    report = salvage(path, tmp_path / "copy.plan")
    assert report.complete
    original, copied = dump_file(path), dump_file(report.dest)
    for table in (t for t in original if t != "_sqlite_migrations"):
        assert copied[table] == original[table], table
    assert report.copied == sum(len(original[t]) for t in original if t != "_sqlite_migrations")


def test_salvage_never_overwrites(tmp_path: Path, damaged: Path) -> None:
    taken = tmp_path / "taken.plan"
    taken.write_text("mine")
    with pytest.raises(PlanError, match="already exists"):
        salvage(damaged, taken)
    assert taken.read_text() == "mine"


def test_nothing_readable_is_said_plainly(tmp_path: Path) -> None:
    path = tmp_path / "noise.plan"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    with pytest.raises(PlanError, match="Nothing can be read"):
        salvage(path, tmp_path / "out.plan")
    assert not (tmp_path / "out.plan").exists()


def test_restoring_a_damaged_plan_keeps_it_aside_unchanged(damaged: Path) -> None:
    damaged_bytes = damaged.read_bytes()
    wal = damaged.with_name(damaged.name + "-wal")
    wal.write_bytes(b"last edits")  # as a crash would leave it
    latest = backups.latest_good_backup(damaged)
    assert latest is not None
    aside = backups.restore_file(damaged, latest.path, NOW)
    assert aside.kind is Kind.DAMAGED
    assert aside.path.read_bytes() == damaged_bytes
    assert aside.path.with_name(aside.path.name + "-wal").read_bytes() == b"last edits"
    assert not wal.exists()
    plan = open_plan(damaged)
    try:
        assert plan.query("SELECT COUNT(*) FROM opportunity") == [(DEALS,)]
    finally:
        plan.close()
    # Not offered as a backup to restore, never deleted by rotation.
    assert backups.latest_good_backup(damaged) == latest
    assert aside.path in backups.backups_to_keep(backups.list_backups(damaged), NOW, 1, 1)


def test_latest_good_backup_passes_over_damaged_backups(damaged: Path) -> None:
    good = backups.latest_good_backup(damaged)
    assert good is not None
    newer = backups.backup_dir(damaged) / "2026-11-27_100000-auto.plan"
    shutil.copy(good.path, newer)
    damage_table(newer, "opportunity")
    assert not backups.summarise(newer, check=True).usable
    assert backups.latest_good_backup(damaged) == good


LOCK_IN_CHILD = """
import sys
from pathlib import Path
from planner.storage.lock import acquire
lock = acquire(Path(sys.argv[1]))
print("locked" if lock else "busy", flush=True)
sys.stdin.readline()
"""


@pytest.mark.slow
def test_a_damaged_plan_is_not_replaced_while_another_process_has_it(damaged: Path) -> None:
    latest = backups.latest_good_backup(damaged)
    assert latest is not None
    # Another planner holds the plan's lock (it opened it before the damage): restoring waits.
    child = subprocess.Popen(
        [sys.executable, "-c", LOCK_IN_CHILD, str(damaged)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == "locked\n"
        before = fingerprint(damaged)
        with pytest.raises(PlanReadOnlyError, match="open in another window"):
            backups.restore_file(damaged, latest.path, NOW)
        assert fingerprint(damaged) == before
    finally:
        child.communicate("\n", timeout=30)
    backups.restore_file(damaged, latest.path, NOW)
    assert count_deals(damaged) == DEALS


def test_a_plan_open_here_is_never_replaced(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        taken = backups.take_backup(plan, NOW)
        with pytest.raises(PlanReadOnlyError, match="open in this window"):
            backups.restore_file(path, taken.path, NOW)
    finally:
        plan.close()
    assert count_deals(path) == 40
