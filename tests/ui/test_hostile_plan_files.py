"""Hostile plan files in the window: a foreign trigger never runs (read-only, said in the banner,
Save a copy as… leaves it out), and an interrupted restore is finished at start and said.

The plans come from tests/hostile/planfiles.py; each is opened the way the app opens it
(ui.app.open_or_create, then the window manager), and driven with real input.
"""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox
from pytestqt.qtbot import QtBot

from planner.clock import FixedClock
from planner.storage import backup as backups
from planner.storage.db import open_plan
from tests.hostile import planfiles as hostile
from tests.hostile.make_corpus import CORPUS
from tests.planner.plan_files import NOW, count_deals
from tests.ui import window_driver as drive
from tests.ui.test_file_dialogs import answer
from tests.ui.test_window_trust import answer_forward_move, index_of, views
from ui.app import open_or_create
from ui.main_window import MainWindow
from ui.windows import WindowManager

HOSTILE = CORPUS / "planfiles"


@pytest.fixture
def manager(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowManager]:
    m = WindowManager(tmp_path / "data", FixedClock(NOW))
    yield m
    if m.window is not None:
        m.window.undo_stack.clear()
        m.window.close()
        m.window.plan.close()


def show(manager: WindowManager, qtbot: QtBot, path: Path) -> MainWindow:
    """Open `path` as the app does at start, in the window manager's window (which the manager
    closes, or replaces when the seller opens another plan)."""
    window = manager.show_plan(open_or_create(path, demo=False))
    window.resize(1366, 768)
    window.activateWindow()
    drive.settle()
    return window


def triggers(path: Path) -> list[str]:
    """The triggers in the file besides those keeping the search index (ours)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        found = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")]
        return [name for name in found if not name.startswith("search_")]
    finally:
        conn.close()


def stage_of_first_card(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        row = conn.execute("SELECT id, stage_id FROM opportunity ORDER BY id LIMIT 1").fetchone()
        return int(row[0]), int(row[1])
    finally:
        conn.close()


def test_a_foreign_trigger_never_runs_and_a_clean_copy_is_one_click_away(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.plan"
    shutil.copyfile(HOSTILE / "foreign-trigger.plan", path)
    window = show(manager, qtbot, path)
    # The banner says why, in words, as plain text (the names come from the file).
    banner = window.read_only_banner
    assert banner is not None
    assert banner.isVisible()
    label = window.read_only_label
    assert isinstance(label, QLabel)
    assert label.textFormat() == Qt.TextFormat.PlainText
    assert label.text().startswith("This plan file holds objects that Opportunity Planner did not make (")
    assert "trigger “wipe” on “opportunity”" in label.text()
    assert not window.menus.move_forward_action.isEnabled()
    # A drag that would have been the first edit: nothing is asked, nothing is written.
    first, second = views(window)[0], views(window)[1]
    deal_id, stage_id = stage_of_first_card(path)
    modals = drive.Modals()
    with modals.expecting():
        drive.drag(first, index_of(first, deal_id), second)
    assert modals.take_unexpected() == []
    assert count_deals(path) == hostile.DEALS
    assert stage_of_first_card(path) == (deal_id, stage_id)
    # Save a copy as…: the copy opens in its place, writable, without the trigger.
    copy = tmp_path / "clean.plan"
    answer(copy)
    drive.click(window.save_copy_button)
    qtbot.waitUntil(lambda: manager.window is not None and manager.window is not window)
    clean = manager.window
    assert clean is not None
    clean.resize(1366, 768)
    clean.activateWindow()
    drive.settle()
    assert clean.plan.path == copy
    assert clean.read_only_reason is None
    assert triggers(copy) == []
    first, second = views(clean)[0], views(clean)[1]
    with modals.expecting(answer_forward_move):
        drive.drag(first, index_of(first, deal_id), second)
    assert modals.take_unexpected() == []
    assert stage_of_first_card(copy)[1] != stage_id  # the edit was written...
    assert clean.plan.query("SELECT COUNT(*) FROM opportunity") == [(hostile.DEALS,)]  # ...and only it
    # The hostile file is as it was, and no backup of it carries the trigger.
    assert triggers(path) == ["wipe"]
    assert count_deals(path) == hostile.DEALS
    assert not backups.backup_dir(path).exists()


def test_a_foreign_view_and_table_are_named_in_the_banner(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.plan"
    shutil.copyfile(HOSTILE / "foreign-view-and-table.plan", path)
    window = show(manager, qtbot, path)
    text = window.read_only_label.text()
    assert "(view “spy”, table “exfil”)" in text
    assert window.statusBar().currentMessage() == f"Read-only: {text}"


def answer_information(seen: list[str]) -> None:
    """Answer the next message box from a timer: note its text and format, press OK."""

    def handle() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(10, handle)
            return
        seen.append(box.text())
        seen.append(str(box.textFormat() == Qt.TextFormat.PlainText))
        ok = box.button(QMessageBox.StandardButton.Ok)
        assert ok is not None
        drive.click(ok)

    QTimer.singleShot(0, handle)


@pytest.fixture
def interrupted(tmp_path: Path) -> Path:
    folder = tmp_path / "plans"
    shutil.copytree(HOSTILE / "interrupted-restore", folder)
    return folder / "mine.plan"


def test_an_interrupted_restore_is_finished_at_start_and_said(
    manager: WindowManager, qtbot: QtBot, interrupted: Path
) -> None:
    seen: list[str] = []
    answer_information(seen)
    window = show(manager, qtbot, interrupted)
    qtbot.waitUntil(lambda: len(seen) == 2)
    expected = (
        "A restore of mine.plan was interrupted; it has now been finished: the plan holds the backup "
        f"that was chosen, and the damaged plan is kept in {backups.backup_dir(interrupted)}."
    )
    assert seen == [expected, "True"]
    assert window.statusBar().currentMessage() == expected
    assert window.read_only_reason is None
    assert window.plan.query("SELECT COUNT(*) FROM opportunity") == [(hostile.RESTORED_DEALS,)]
    titles = {window.controller.models[c.id].cards[0].title for c in window.controller.columns[:1]}
    assert titles == {"Restored deal 01"}
    assert not interrupted.with_name(".mine.plan.restoring").exists()


@pytest.mark.usefixtures("german")
def test_the_restore_notice_is_in_the_sellers_language(
    manager: WindowManager, qtbot: QtBot, interrupted: Path
) -> None:
    seen: list[str] = []
    answer_information(seen)
    show(manager, qtbot, interrupted)
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert seen[0].startswith("Eine Wiederherstellung von mine.plan wurde unterbrochen")


def test_a_plan_never_opens_as_an_empty_one_in_place_of_an_interrupted_restore(
    manager: WindowManager, qtbot: QtBot, interrupted: Path
) -> None:
    # File → Open (the window manager's open_path) finishes it the same way.
    seen: list[str] = []
    answer_information(seen)
    window = manager.open_path(interrupted)
    assert window is not None
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert not window.plan.created
    assert window.plan.query("SELECT COUNT(*) FROM opportunity") == [(hostile.RESTORED_DEALS,)]
    other = open_plan(interrupted)  # a second open in this process: nothing left to finish
    try:
        assert other.notice is None
    finally:
        other.close()
