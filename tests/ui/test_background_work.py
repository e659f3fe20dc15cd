"""Work the window does on its own: it waits for a pause in the seller's typing."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from planner.clock import FixedClock
from planner.model import OpportunityDraft
from planner.storage import backup as backups
from planner.storage import db
from planner.storage.backup import Kind
from planner.storage.db import PlanReadOnlyError, open_plan
from tests.planner.plan_files import NOW, damaged_after_a_backup, make_demo
from tests.planner.test_open_plan import fingerprint
from tests.ui.test_backups_ui import backups_on_open as watch_backups_on_open
from ui import windows
from ui.windows import WindowManager

# The backup's delay in these tests, and the gap between two keys: well inside it.
DELAY_MS = 600
KEY_GAP_MS = 100


@pytest.fixture
def manager(qtbot: QtBot, tmp_path: Path) -> Iterator[WindowManager]:
    m = WindowManager(tmp_path, FixedClock(NOW))
    yield m
    if m.window is not None:
        m.window.undo_stack.clear()
        m.window.close()
        m.window.plan.close()


@pytest.fixture
def backups_on_open(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """What each backup on open returned, once it ran (DELAY_MS after the window shows)."""
    monkeypatch.setattr(windows, "AFTER_START_MS", DELAY_MS)
    return watch_backups_on_open(monkeypatch)


def test_the_backup_on_open_waits_while_the_seller_types_a_filter(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path, backups_on_open: list[object]
) -> None:
    window = manager.show_plan(open_plan(make_demo(tmp_path / "mine.plan")))
    qtbot.addWidget(window)
    window.activateWindow()
    window.filter_edit.setFocus()
    # Twice the backup's delay of typing, a key every KEY_GAP_MS: no backup in between.
    for char in "acme corp pilot":
        qtbot.keyClicks(window.filter_edit, char)
        qtbot.wait(KEY_GAP_MS)
    assert window.filter_edit.text() == "acme corp pilot"
    assert backups_on_open == []
    # The pause after the last key: now it runs.
    qtbot.waitUntil(lambda: len(backups_on_open) == 1, timeout=5 * DELAY_MS)
    assert backups_on_open[0] is not None


# ----------------------------------------------------------------------------------------------
# A large plan's check, left for later: the window shows the plan first.


@pytest.fixture
def damaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A plan of 200 deals with a backup, then one page of its deals lost; checked later."""
    monkeypatch.setattr(db, "CHECK_LATER_BYTES", 0)
    return damaged_after_a_backup(tmp_path / "mine.plan")


def answer_damaged_box(qtbot: QtBot, button_text: str) -> list[str]:
    """Answer the damaged plan's question, once it is asked, with the button `button_text`."""
    seen: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, answer)  # not asked yet
            return
        seen.append(box.informativeText())
        next(b for b in box.buttons() if b.text().startswith(button_text)).click()

    QTimer.singleShot(0, answer)
    return seen


def test_damage_found_after_the_window_shows_offers_the_latest_good_backup(
    manager: WindowManager, qtbot: QtBot, damaged: Path
) -> None:
    damaged_bytes = damaged.read_bytes()
    seen = answer_damaged_box(qtbot, "Restore the backup of")
    first = manager.show_plan(open_plan(damaged, check_later=True))  # deleted once replaced
    assert first.plan.check_pending  # the board shows before the check
    qtbot.waitUntil(lambda: manager.window is not first, timeout=10_000)
    assert seen
    assert seen[0].startswith(f"{damaged} is damaged (")
    window = manager.window
    assert window is not None
    qtbot.addWidget(window)
    assert window.plan.query("SELECT COUNT(*) FROM opportunity") == [(200,)]
    assert window.read_only_reason is None
    aside = [b for b in backups.list_backups(damaged) if b.kind is Kind.DAMAGED]
    assert len(aside) == 1
    assert aside[0].path.read_bytes() == damaged_bytes


def test_damage_found_later_cancelled_leaves_the_window_read_only_and_the_file_untouched(
    manager: WindowManager, qtbot: QtBot, damaged: Path
) -> None:
    before = fingerprint(damaged)
    seen = answer_damaged_box(qtbot, "Cancel")
    window = manager.show_plan(open_plan(damaged, check_later=True))
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: bool(seen) and window.read_only_reason is not None, timeout=10_000)
    reason = window.read_only_reason
    assert reason is not None
    assert reason.startswith(f"{damaged} is damaged (")
    assert window.read_only_label.text() == reason
    # Every write is refused: nothing reaches the damaged file.
    assert not window.menus.new_deal_action.isEnabled()
    with pytest.raises(PlanReadOnlyError), window.plan.atomic():
        pass
    manager.window = None
    window.undo_stack.clear()
    window.close()
    window.plan.close()
    assert fingerprint(damaged) == before


def test_an_edit_before_the_check_ended_waits_for_it(
    manager: WindowManager, qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "CHECK_LATER_BYTES", 0)
    path = make_demo(tmp_path / "mine.plan")
    window = manager.show_plan(open_plan(path, check_later=True))
    qtbot.addWidget(window)
    assert window.plan.check_pending  # no event handled yet: the check has not even started
    assert window.deals.create_opportunity(
        OpportunityDraft("Right away", None, window.controller.columns[0].id)
    )
    assert not window.plan.check_pending
    assert window.read_only_reason is None
    assert window.plan.query("SELECT COUNT(*) FROM opportunity WHERE title = 'Right away'") == [(1,)]
