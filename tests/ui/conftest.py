"""The main window, shown, for the window tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from planner.clock import Clock
from planner.storage.db import PlanDB
from ui.app_settings import AppSettings
from ui.main_window import MainWindow


def show_window(
    qtbot: QtBot,
    plan: PlanDB,
    *,
    size: tuple[int, int] | None = None,
    settings: AppSettings | None = None,
    clock: Clock | None = None,
) -> MainWindow:
    """A main window on `plan`, handed to qtbot and shown (resized first when `size` is given)."""
    w = MainWindow(plan, settings=settings, clock=clock)
    qtbot.addWidget(w)
    if size is not None:
        w.resize(*size)
    w.show()
    return w


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    """The main window on the demo plan, shown; its undo history is cleared afterwards."""
    w = show_window(qtbot, demo_plan)
    yield w
    w.undo_stack.clear()
