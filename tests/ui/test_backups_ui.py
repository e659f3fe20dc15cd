"""Backups in the window: taken on open and hourly, Restore from backup…, a damaged plan's choices."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QFileDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.clock import FixedClock
from planner.model import OpportunityDraft
from planner.storage import backup as backups
from planner.storage.backup import Kind
from planner.storage.db import PlanDamagedError, PlanDB, open_plan
from tests.planner.plan_files import (
    NOW,
    count_deals,
    damaged_after_a_backup,
    dump_file,
    make_demo,
)
from tests.planner.test_open_plan import fingerprint
from tests.test_cli import run
from ui import windows
from ui.dialogs import restore_dialog
from ui.dialogs.restore_dialog import RESTORE, SALVAGE, RestoreDialog, run_restore_dialog
from ui.main_window import MainWindow
from ui.windows import WindowManager


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(NOW)


@pytest.fixture
def manager(qtbot: QtBot, tmp_path: Path, clock: FixedClock) -> Iterator[WindowManager]:
    m = WindowManager(tmp_path, clock)
    yield m
    if m.window is not None:
        m.window.undo_stack.clear()
        m.window.close()
        m.window.plan.close()


def auto_backups(path: Path) -> list[dt.datetime]:
    return [b.taken for b in backups.list_backups(path) if b.kind is Kind.AUTO]


def new_deal(window: MainWindow, title: str) -> None:
    assert window.deals.create_opportunity(OpportunityDraft(title, None, window.controller.columns[0].id))


def test_the_window_backs_up_on_open_then_at_most_hourly_while_editing(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path, clock: FixedClock
) -> None:
    path = make_demo(tmp_path / "mine.plan")
    window = manager.show_plan(open_plan(path))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: auto_backups(path) == [NOW])
    clock.set(NOW + dt.timedelta(minutes=30))
    new_deal(window, "Within the hour")
    assert auto_backups(path) == [NOW]
    clock.set(NOW + dt.timedelta(minutes=61))
    new_deal(window, "An hour later")
    assert auto_backups(path) == [clock.now()]  # same day: the newer one replaces it
    newest = backups.list_backups(path)[0].path
    assert count_deals(newest) == 42
    clock.set(NOW + dt.timedelta(minutes=130))
    window.undo_stack.undo()  # undo is an edit too
    assert count_deals(backups.list_backups(path)[0].path) == 41
    assert manager.backup_problem is None


def backups_on_open(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What each backup on open returned, once its timer (a second after the window shows) ran."""
    taken: list[object] = []
    real = windows._backup_on_open

    def spy(plan: PlanDB, now: dt.datetime) -> object:
        taken.append(real(plan, now))
        return taken[-1]

    monkeypatch.setattr(windows, "_backup_on_open", spy)
    return taken


def test_a_new_plan_is_backed_up_from_its_first_edit_not_when_opened(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    taken = backups_on_open(monkeypatch)
    window = manager.show_plan(open_plan(tmp_path / "new.plan"))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: len(taken) == 1)  # the backup on open ran, and took nothing
    assert taken == [None]
    assert not backups.backup_dir(tmp_path / "new.plan").exists()
    new_deal(window, "First deal")  # the first edit of a plan: its first backup
    assert len(auto_backups(tmp_path / "new.plan")) == 1


def test_a_failed_backup_is_reported_and_editing_goes_on(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path
) -> None:
    path = make_demo(tmp_path / "mine.plan")
    backups.backup_dir(path).write_text("a file where the backups folder should be")
    window = manager.show_plan(open_plan(path))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: manager.backup_problem is not None)
    assert manager.backup_problem is not None
    assert "The automatic backup failed" in manager.backup_problem
    assert window.statusBar().currentMessage() == manager.backup_problem
    new_deal(window, "Still saved")
    assert window.plan.query("SELECT COUNT(*) FROM opportunity") == [(41,)]


@pytest.fixture
def history(tmp_path: Path) -> Path:
    """A plan with three backups: 40 deals yesterday, 41 this morning, then a damaged one."""
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        backups.take_backup(plan, NOW - dt.timedelta(days=1))
        with plan.atomic():
            plan.execute("DELETE FROM opportunity WHERE id = 1")
        backups.take_backup(plan, NOW)
    finally:
        plan.close()
    broken = backups.backup_dir(path) / "2026-11-26_120000-damaged.plan"
    broken.write_bytes(b"not a plan")
    return path


def test_the_restore_dialog_lists_backups_with_date_and_deal_count(
    qtbot: QtBot, qtmodeltester: ModelTester, history: Path
) -> None:
    dialog = RestoreDialog(history)
    qtbot.addWidget(dialog)
    qtmodeltester.check(dialog.model)
    rows = [
        [dialog.model.index(r, c).data(Qt.ItemDataRole.DisplayRole) for c in range(3)]
        for r in range(dialog.model.rowCount())
    ]
    # Newest first; the damaged plan set aside is not offered.
    assert rows == [["2026-11-26 09:30", "Automatic", "39"], ["2026-11-25 09:30", "Automatic", "40"]]
    assert dialog.restore_button.isEnabled()
    selected = dialog.selected()
    assert selected is not None
    assert selected.taken == NOW


def test_restore_from_backup_keeps_the_current_plan_first_and_reopens(
    manager: WindowManager, qtbot: QtBot, history: Path, monkeypatch: pytest.MonkeyPatch, clock: FixedClock
) -> None:
    window = manager.show_plan(open_plan(history))
    qtbot.addWidget(window)
    new_deal(window, "Typed today")
    current = dump_file_of(window)

    def choose_yesterday(dialog: RestoreDialog) -> int:
        dialog.table.selectRow(1)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(RestoreDialog, "exec", choose_yesterday)
    asked: list[str] = []

    def question(*args: Any) -> QMessageBox.StandardButton:
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    clock.set(NOW + dt.timedelta(hours=3))
    restored = run_restore_dialog(window, window.plan, clock.now())
    assert restored == history
    assert "2026-11-25 09:30" in asked[0]
    assert "kept as a backup first" in asked[0]
    kept = [b for b in backups.list_backups(history) if b.kind is Kind.RESTORE]
    assert len(kept) == 1
    assert dump_file(kept[0].path) == current
    # The main window reopens the plan to show it (File → Restore from backup… wiring).
    reopened = manager.open_path(restored)
    assert reopened is not None
    qtbot.addWidget(reopened)
    assert reopened.plan.query("SELECT COUNT(*) FROM opportunity") == [(40,)]
    assert not reopened.plan.read_only


def dump_file_of(window: MainWindow) -> dict[str, list[tuple[Any, ...]]]:
    plan = window.plan
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'"
        )
    ]
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in sorted(tables)}


def test_declining_a_restore_changes_nothing(
    qtbot: QtBot, history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = open_plan(history)
    try:
        listed = backups.list_backups(history)
        monkeypatch.setattr(RestoreDialog, "exec", lambda _self: QDialog.DialogCode.Accepted.value)
        monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.No)
        assert run_restore_dialog(None, plan, NOW) is None
        assert backups.list_backups(history) == listed
        assert plan.query("SELECT COUNT(*) FROM opportunity") == [(39,)]
    finally:
        plan.close()


def test_restore_is_refused_on_a_read_only_plan(
    qtbot: QtBot, history: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warnings.append(a[2]))
    plan = open_plan(history, read_only=True)
    try:
        assert run_restore_dialog(None, plan, NOW) is None
    finally:
        plan.close()
    assert warnings[0].startswith("Nothing can be restored now.")


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    return damaged_after_a_backup(tmp_path / "mine.plan")


@pytest.fixture
def infos(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: shown.append(a[2]))
    return shown


def test_a_damaged_plan_is_replaced_by_its_latest_good_backup_on_request(
    manager: WindowManager, qtbot: QtBot, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    damaged_bytes = damaged.read_bytes()
    offered: list[Any] = []

    def choose(_parent: Any, error: PlanDamagedError, latest: Any) -> str:
        offered.append((error.path, latest.taken))
        return RESTORE

    monkeypatch.setattr(restore_dialog, "damaged_choice", choose)
    window = manager.open_path(damaged)
    assert window is not None
    qtbot.addWidget(window)
    assert offered == [(damaged, NOW)]
    assert window.plan.query("SELECT COUNT(*) FROM opportunity") == [(200,)]
    aside = [b for b in backups.list_backups(damaged) if b.kind is Kind.DAMAGED]
    assert len(aside) == 1
    assert aside[0].path.read_bytes() == damaged_bytes


def test_what_can_be_read_of_a_damaged_plan_goes_into_a_new_plan(
    manager: WindowManager,
    qtbot: QtBot,
    damaged: Path,
    monkeypatch: pytest.MonkeyPatch,
    infos: list[str],
    tmp_path: Path,
) -> None:
    before = fingerprint(damaged)
    monkeypatch.setattr(restore_dialog, "damaged_choice", lambda *a: SALVAGE)
    target = tmp_path / "recovered.plan"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window = manager.open_path(damaged)
    assert window is not None
    qtbot.addWidget(window)
    assert window.plan.path == target
    deals = window.plan.query("SELECT COUNT(*) FROM opportunity")[0][0]
    assert 170 < deals < 200
    assert f"records were copied into {target}." in infos[0]
    assert "Some rows could not be read" in infos[0]
    assert fingerprint(damaged)[:3] == before[:3]


def test_cancelling_leaves_the_damaged_plan_untouched(
    manager: WindowManager, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = fingerprint(damaged)
    monkeypatch.setattr(restore_dialog, "damaged_choice", lambda *a: restore_dialog.CANCEL)
    assert manager.open_path(damaged) is None
    assert manager.window is None
    assert fingerprint(damaged) == before


def test_the_damaged_plan_message_offers_both_ways_out(qtbot: QtBot, damaged: Path) -> None:
    with pytest.raises(PlanDamagedError) as raised:
        open_plan(damaged)
    latest = backups.latest_good_backup(damaged)
    seen: dict[str, Any] = {}

    def answer() -> None:
        box = QApplication.activeModalWidget()
        assert isinstance(box, QMessageBox)
        seen["text"] = box.text()
        seen["buttons"] = [b.text() for b in box.buttons()]
        button = next(b for b in box.buttons() if b.text() == "Copy what can be read…")
        button.click()

    QTimer.singleShot(0, answer)
    assert restore_dialog.damaged_choice(None, raised.value, latest) == SALVAGE
    assert seen["text"] == "mine.plan is damaged, so it was not opened. Nothing was written to it."
    assert "Restore the backup of 2026-11-26 09:30" in seen["buttons"]


@pytest.mark.slow
def test_the_command_explains_a_damaged_plan_without_a_screen(tmp_path: Path, damaged: Path) -> None:
    before = fingerprint(damaged)
    result = run(tmp_path, "--db", str(damaged))
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"planner: {damaged} is damaged (")
    assert "Nothing was written to it." in lines[0]
    assert lines[0].endswith("to restore a backup or to copy what can still be read into a new plan.")
    assert fingerprint(damaged) == before
