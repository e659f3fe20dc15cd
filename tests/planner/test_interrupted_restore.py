"""A restore killed between its renames is finished or undone at the next open, and said so:
never a missing plan taken for a new one, never an empty plan in its place.

The child (restore_child.py) restores a backup over a damaged plan and is SIGKILLed right before
the rename the test chooses; the test then opens the plan as the planner does.
"""

from __future__ import annotations

import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from planner.storage import backup as backups
from planner.storage.backup import Kind
from planner.storage.db import PlanDamagedError, PlanError, open_plan, restoring_path
from tests.hostile import planfiles as hostile
from tests.hostile.make_corpus import CORPUS
from tests.planner.plan_files import NOW, count_deals, damage_table, make_many
from tests.planner.test_plan_schema import without_offscreen_limits
from tests.test_cli import one_line, run

CHILD = Path(__file__).with_name("restore_child.py")
DEALS = 200


def hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


@pytest.fixture
def damaged(tmp_path: Path) -> tuple[Path, Path, bytes]:
    """A damaged plan with the -wal a crash left beside it, and its last good backup."""
    path = make_many(tmp_path / "mine.plan", DEALS)
    plan = open_plan(path)
    taken = backups.take_backup(plan, NOW)
    plan.close()
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE opportunity SET next_step = 'the last edit' WHERE id = 1")
    wal = path.with_name("mine.plan-wal").read_bytes()
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
    damage_table(path, "opportunity")
    path.with_name("mine.plan-wal").write_bytes(wal)
    return path, taken.path, wal


def kill_restore_at(path: Path, backup: Path, step: str) -> None:
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(backup), step],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    line = child.stdout.readline()
    if line != f"at {step}\n".encode():
        child.kill()
        raise AssertionError(line + child.communicate(timeout=30)[1])
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL


@pytest.mark.parametrize("step", ["wal", "final"])
@pytest.mark.slow
def test_a_restore_killed_after_the_plan_was_set_aside_is_finished(
    damaged: tuple[Path, Path, bytes], step: str
) -> None:
    path, backup, wal = damaged
    damaged_bytes = path.read_bytes()
    kill_restore_at(path, backup, step)
    assert not path.exists()  # the state the next start used to fill with an empty plan
    plan = open_plan(path)
    try:
        assert not plan.created
        assert plan.notice is not None
        assert str(plan.notice) == (
            "A restore of mine.plan was interrupted; it has now been finished: the plan holds the "
            f"backup that was chosen, and the damaged plan is kept in {backups.backup_dir(path)}."
        )
        assert plan.notes == [str(plan.notice)]
        assert plan.query("SELECT COUNT(*) FROM opportunity") == [(DEALS,)]
        assert plan.query("PRAGMA integrity_check") == [("ok",)]
    finally:
        plan.close()
    (aside,) = [b.path for b in backups.list_backups(path) if b.kind is Kind.DAMAGED]
    assert aside.read_bytes() == damaged_bytes
    assert aside.with_name(aside.name + "-wal").read_bytes() == wal  # kept with it, for salvage
    assert hidden(path.parent) == []
    assert sorted(p.name for p in path.parent.iterdir()) == ["mine.plan", "mine.plan.backups"]


@pytest.mark.parametrize(
    ("step", "left"), [("copy", "..mine.plan.restoring.partial"), ("aside", ".mine.plan.restoring")]
)
@pytest.mark.slow
def test_a_restore_killed_before_the_plan_was_set_aside_leaves_it_as_it_was(
    damaged: tuple[Path, Path, bytes], step: str, left: str
) -> None:
    path, backup, wal = damaged
    damaged_bytes = path.read_bytes()
    kill_restore_at(path, backup, step)
    assert hidden(path.parent) == [left]
    with pytest.raises(PlanDamagedError):
        open_plan(path)  # damaged as before: the seller is offered the restore again
    assert path.read_bytes() == damaged_bytes
    assert path.with_name("mine.plan-wal").read_bytes() == wal
    assert hidden(path.parent) == []  # the copy, whole or not, is gone
    assert [b.kind for b in backups.list_backups(path)] == [Kind.AUTO]


def test_a_whole_copy_left_beside_a_plan_still_in_place_is_removed_and_said(tmp_path: Path) -> None:
    path = make_many(tmp_path / "mine.plan", 10)
    staged = restoring_path(path)
    shutil.copyfile(path, staged)
    plan = open_plan(path)
    try:
        assert str(plan.notice) == (
            "A restore of mine.plan was interrupted before it replaced the plan, so the plan was "
            "left as it was."
        )
    finally:
        plan.close()
    assert not staged.exists()


def test_read_only_the_interrupted_restore_is_left_alone_and_explained(tmp_path: Path) -> None:
    folder = tmp_path / "interrupted-restore"
    shutil.copytree(CORPUS / "planfiles" / "interrupted-restore", folder)
    path = folder / "mine.plan"
    with pytest.raises(PlanError) as raised:
        open_plan(path, read_only=True)
    assert str(raised.value) == (
        f"{path} is missing because a restore of it was interrupted. Open it in the planner window to "
        "finish the restore."
    )
    assert not path.exists()
    assert restoring_path(path).exists()


@pytest.mark.slow
def test_a_second_process_does_not_take_a_restore_in_progress_for_an_interrupted_one(
    damaged: tuple[Path, Path, bytes],
) -> None:
    path, backup, _wal = damaged
    child = subprocess.Popen(
        [sys.executable, str(CHILD), str(path), str(backup), "final"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline() == b"at final\n"
        # The restoring process still holds the copy: this open waits for it instead.
        with pytest.raises(PlanError, match="is being restored in another window"):
            open_plan(path)
        assert not path.exists()
        assert restoring_path(path).exists()
    finally:
        child.kill()
        child.communicate(timeout=30)
    plan = open_plan(path)
    try:
        assert plan.query("SELECT COUNT(*) FROM opportunity") == [(DEALS,)]
    finally:
        plan.close()


# --------------------------------------------------------------------------------------------
# The corpus's interrupted restore, through the command line


@pytest.fixture
def interrupted(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(CORPUS / "planfiles" / "interrupted-restore", folder)
    return folder / "mine.plan"


@pytest.mark.slow
def test_a_read_only_command_says_what_happened(tmp_path: Path, interrupted: Path) -> None:
    result = run(tmp_path, "forecast", "--db", str(interrupted))
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        f"planner: {interrupted} is missing because a restore of it was interrupted. Open it in "
        "the planner window to finish the restore."
    )
    assert not interrupted.exists()


@pytest.mark.slow
def test_the_window_finishes_the_restore_at_start(tmp_path: Path, interrupted: Path) -> None:
    left_wal = interrupted.with_name("mine.plan-wal").read_bytes()
    started = run(tmp_path, "--db", str(interrupted))  # offscreen, quit once shown
    assert started.returncode == 0, started.stderr
    assert one_line(without_offscreen_limits(started.stderr)) == (
        f"planner: {interrupted}: A restore of mine.plan was interrupted; it has now been finished: "
        "the plan holds the backup that was chosen, and the damaged plan is kept in "
        f"{backups.backup_dir(interrupted)}."
    )
    assert count_deals(interrupted) == hostile.RESTORED_DEALS
    aside = backups.backup_dir(interrupted) / "2026-11-26_093000-damaged.plan"
    assert aside.with_name(aside.name + "-wal").read_bytes() == left_wal
    assert hidden(interrupted.parent) == []
    forecast = run(tmp_path, "forecast", "--db", str(interrupted))
    assert forecast.returncode == 0, forecast.stderr
    assert forecast.stderr == ""


@pytest.mark.slow
def test_a_failed_import_never_removes_the_plan_a_restore_put_back(tmp_path: Path, interrupted: Path) -> None:
    nothing = tmp_path / "nothing.csv"
    nothing.write_text("Record ID,Deal Name,Deal Stage\n")
    result = run(tmp_path, "import", str(nothing), "--db", str(interrupted))
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == (
        f"planner: A restore of mine.plan was interrupted; it has now been finished: the plan holds "
        f"the backup that was chosen, and the damaged plan is kept in {backups.backup_dir(interrupted)}."
    )
    assert "Traceback" not in result.stderr
    assert count_deals(interrupted) == hostile.RESTORED_DEALS


@pytest.mark.slow
def test_demo_never_writes_into_a_plan_a_restore_put_back(tmp_path: Path, interrupted: Path) -> None:
    result = run(tmp_path, "demo", "--db", str(interrupted))
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == (
        f"planner: {interrupted} already exists; the demo plan is only written to a new file."
    )
    assert count_deals(interrupted) == hostile.RESTORED_DEALS
