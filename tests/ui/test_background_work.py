"""Work the window does on its own: it waits for a pause in the seller's typing."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from planner.clock import FixedClock
from planner.storage.db import PlanDB, open_plan
from tests.planner.plan_files import NOW, make_demo
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
    """What each backup on open returned, once it ran."""
    taken: list[object] = []
    real = windows._backup_on_open

    def spy(plan: PlanDB, now: dt.datetime) -> object:
        taken.append(real(plan, now))
        return taken[-1]

    monkeypatch.setattr(windows, "_backup_on_open", spy)
    monkeypatch.setattr(windows, "AFTER_START_MS", DELAY_MS)
    return taken


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
