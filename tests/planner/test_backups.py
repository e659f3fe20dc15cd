"""Automatic backups: the online backup API, when they are taken, rotation, restore, Save a copy."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from planner.storage import backup as backups
from planner.storage import settings as settings_repo
from planner.storage.backup import Backup, Kind
from planner.storage.db import PlanDB, PlanError, PlanReadOnlyError, open_plan
from tests.planner.plan_files import NOW, count_deals, dump_file, make_demo
from tests.planner.test_open_plan import fingerprint


def names(plan_path: Path) -> list[str]:
    return sorted(p.name for p in backups.backup_dir(plan_path).iterdir())


def test_a_backup_is_a_whole_private_copy(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        taken = backups.take_backup(plan, NOW)
    finally:
        plan.close()
    assert taken.path == tmp_path / "mine.plan.backups" / "2026-11-26_093000-auto.plan"
    assert (taken.taken, taken.kind) == (NOW, Kind.AUTO)
    assert stat.S_IMODE(taken.path.stat().st_mode) == 0o600
    assert stat.S_IMODE(taken.path.parent.stat().st_mode) == 0o700
    # One self-contained file (rollback journal, no -wal), exactly the plan's rows.
    assert taken.path.read_bytes()[18:20] == b"\x01\x01"
    assert names(path) == [taken.path.name]
    assert dump_file(taken.path) == dump_file(path)
    assert backups.summarise(taken.path, check=True) == backups.BackupSummary(40)


def test_backup_sees_every_committed_edit_still_in_the_wal(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        settings_repo.set_setting(plan, "plan_name", "Q4")  # committed, not yet checkpointed
        assert (tmp_path / "mine.plan-wal").stat().st_size > 0
        taken = backups.take_backup(plan, NOW)
    finally:
        plan.close()
    conn = sqlite3.connect(taken.path)
    assert conn.execute("SELECT value FROM settings WHERE key = 'plan_name'").fetchone() == ('"Q4"',)
    conn.close()


def test_backup_on_open_skips_new_memory_and_read_only_plans(tmp_path: Path) -> None:
    new = open_plan(tmp_path / "new.plan")
    try:
        assert new.created
        assert backups.backup_on_open(new, NOW) is None
    finally:
        new.close()
    assert not backups.backup_dir(tmp_path / "new.plan").exists()
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    viewer = open_plan(path, read_only=True)
    try:
        assert backups.backup_on_open(viewer, NOW) is None
        assert backups.maybe_backup(viewer, NOW) is None
        taken = backups.backup_on_open(plan, NOW)
        assert taken is not None
        assert [b.path for b in backups.list_backups(path)] == [taken.path]
    finally:
        viewer.close()
        plan.close()


def test_backups_while_editing_are_at_most_hourly(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        at = dt.datetime(2026, 11, 26, 10, 0)
        assert backups.maybe_backup(plan, at) is not None
        assert backups.maybe_backup(plan, at + dt.timedelta(minutes=59)) is None
        assert backups.maybe_backup(plan, at + dt.timedelta(minutes=60)) is not None
        # A clock set back (or a new time zone) does not stop backups.
        assert backups.maybe_backup(plan, at - dt.timedelta(hours=5)) is not None
        # A restore's safety copy is not an automatic backup: the hourly one still comes.
        backups.take_backup(plan, at + dt.timedelta(minutes=90), Kind.RESTORE)
        assert backups.maybe_backup(plan, at + dt.timedelta(minutes=100)) is None
        assert backups.maybe_backup(plan, at + dt.timedelta(minutes=120)) is not None
    finally:
        plan.close()
    # Rotation keeps today's newest automatic backup, and the safety copy.
    assert names(path) == ["2026-11-26_113000-before-restore.plan", "2026-11-26_120000-auto.plan"]


def _auto(when: dt.datetime) -> Backup:
    return Backup(Path(f"{when:%Y-%m-%d_%H%M%S}-auto.plan"), when, Kind.AUTO)


def test_rotation_keeps_the_newest_of_each_of_the_last_days_and_weeks() -> None:
    now = dt.datetime(2026, 11, 26, 18, 0)  # a Thursday
    hourly = [now - dt.timedelta(hours=h) for h in range(0, 24 * 70, 3)]  # ten weeks, every 3 hours
    taken = [_auto(t) for t in hourly]
    upgrade = Backup(Path("u.plan"), now - dt.timedelta(days=20), Kind.UPGRADE)
    old_restore = Backup(Path("r.plan"), now - dt.timedelta(days=40), Kind.RESTORE)
    damaged = Backup(Path("d.plan"), now - dt.timedelta(days=400), Kind.DAMAGED)
    keep = backups.backups_to_keep([*taken, upgrade, old_restore, damaged], now, 7, 4)
    kept = sorted((b.taken for b in taken if b.path in keep), reverse=True)
    daily = kept[:7]
    assert [d.date() for d in daily] == [now.date() - dt.timedelta(days=n) for n in range(7)]
    assert daily[0] == now  # the newest backup is always kept
    assert all(d == max(t for t in hourly if t.date() == d.date()) for d in daily)
    weeks = {t.isocalendar()[:2] for t in kept}
    assert len(weeks) == 4
    assert len(kept) == 7 + 2  # this week's and last week's newest are daily ones already
    # Safety copies stay as long as the weekly backups reach back; damaged plans always.
    assert {upgrade.path, damaged.path} <= keep
    assert old_restore.path not in keep


def test_prune_deletes_only_what_rotation_drops(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        start = dt.datetime(2026, 11, 1, 12, 0)
        for day in range(26):
            backups.take_backup(plan, start + dt.timedelta(days=day))
        backups.take_backup(plan, start, Kind.UPGRADE)
        backups.take_backup(plan, start + dt.timedelta(days=19), Kind.UPGRADE)
        (backups.backup_dir(path) / "notes.txt").write_text("mine")
        settings_repo.set_setting(plan, backups.KEEP_DAILY_KEY, 3)
        settings_repo.set_setting(plan, backups.KEEP_WEEKLY_KEY, 2)
        assert backups.retention(plan) == (3, 2)
        taken = backups.maybe_backup(plan, dt.datetime(2026, 11, 27, 12, 0))
    finally:
        plan.close()
    assert taken is not None
    assert names(path) == [
        "2026-11-20_120000-before-upgrade.plan",  # the one of Nov 1 is older than two weeks
        "2026-11-22_120000-auto.plan",  # newest of last week
        "2026-11-25_120000-auto.plan",
        "2026-11-26_120000-auto.plan",
        "2026-11-27_120000-auto.plan",
        "notes.txt",
    ]


@pytest.mark.parametrize("value", ['"7"', "0", "-3", "true", "1e9", "[1]", "not json", "7.5"])
def test_unusable_retention_settings_read_as_defaults(tmp_path: Path, value: str) -> None:
    plan = open_plan(tmp_path / "mine.plan")
    try:
        with plan.atomic():
            for key in (backups.KEEP_DAILY_KEY, backups.KEEP_WEEKLY_KEY):
                plan.execute("INSERT INTO settings (key, value) VALUES (?, ?)", [key, value])
        assert backups.retention(plan) == (backups.DEFAULT_KEEP_DAILY, backups.DEFAULT_KEEP_WEEKLY)
    finally:
        plan.close()


def test_restore_keeps_the_current_plan_as_a_backup_first(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    before = dump_file(path)
    plan = open_plan(path)
    try:
        old = backups.take_backup(plan, NOW)
        with plan.atomic():
            plan.execute("DELETE FROM opportunity WHERE id <= 10")
        edited = dump_file_of(plan)
        kept = backups.restore_backup(plan, old.path, NOW + dt.timedelta(hours=1))
        assert kept.kind is Kind.RESTORE
        assert plan.query("SELECT COUNT(*) FROM opportunity") == [(40,)]
        assert plan.query("PRAGMA journal_mode") == [("wal",)]
    finally:
        plan.close()
    assert dump_file(path) == before
    assert dump_file(kept.path) == edited
    # The restored plan opens like any other, and can be restored back.
    plan = open_plan(path)
    try:
        backups.restore_backup(plan, kept.path, NOW + dt.timedelta(hours=2))
    finally:
        plan.close()
    assert count_deals(path) == 30


def dump_file_of(plan: PlanDB) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table, read through an open plan (like `dump_file` for closed files)."""
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'"
        )
    ]
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in sorted(tables)}


def test_restore_refuses_an_unusable_backup_and_changes_nothing(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    junk = tmp_path / "mine.plan.backups" / "2026-11-20_100000-auto.plan"
    junk.parent.mkdir()
    junk.write_bytes(b"SQLite format 3\x00" + b"\x00" * 200)
    plan = open_plan(path)
    try:
        with pytest.raises(PlanError, match="cannot be restored"):
            backups.restore_backup(plan, junk, NOW)
    finally:
        plan.close()
    assert names(path) == [junk.name]  # no safety copy either: nothing happened
    assert count_deals(path) == 40


def test_restore_and_backups_refused_on_a_read_only_plan(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    writer = open_plan(path)
    old = backups.take_backup(writer, NOW)
    viewer = open_plan(path, read_only=True)
    try:
        with pytest.raises(PlanReadOnlyError):
            backups.restore_backup(viewer, old.path, NOW)
    finally:
        viewer.close()
        writer.close()


def test_save_copy_writes_a_new_private_plan_and_never_overwrites(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path, read_only=True)
    copy = tmp_path / "copy.plan"
    try:
        old = os.umask(0)
        try:
            backups.save_copy(plan, copy)
        finally:
            os.umask(old)
        before = fingerprint(copy)
        with pytest.raises(PlanError, match="already exists"):
            backups.save_copy(plan, copy)
        assert fingerprint(copy) == before
    finally:
        plan.close()
    assert stat.S_IMODE(copy.stat().st_mode) == 0o600
    assert dump_file(copy) == dump_file(path)
    reopened = open_plan(copy)
    assert not reopened.read_only
    reopened.close()


def test_list_backups_ignores_other_files(tmp_path: Path) -> None:
    folder = tmp_path / "mine.plan.backups"
    folder.mkdir()
    for name in ("2026-13-01_100000-auto.plan", "readme.txt", ".2026-11-01_100000-auto.plan.partial"):
        (folder / name).write_text("x")
    (folder / "2026-11-01_100000-weird.plan").write_text("x")
    (folder / "2026-11-01_100000-auto.plan").mkdir()
    assert backups.list_backups(tmp_path / "mine.plan") == []
    assert backups.list_backups(tmp_path / "elsewhere.plan") == []
