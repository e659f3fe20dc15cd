"""The edit session: one clock for the window (a new day shows on the cards), and the import rule
that keeps the window's module out of every other ui/ module."""

from __future__ import annotations

import ast
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QFont, QPainter
from pytestqt.qtbot import QtBot

from planner.clock import FixedClock
from planner.model import OpportunityDraft
from planner.storage.db import PlanDB
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.board.delegate import CardDelegate
from ui.main_window import MainWindow

UI = Path(__file__).resolve().parents[2] / "ui"
# The one module that builds windows (and review windows) may import the window's module.
WINDOW_BUILDER = "windows.py"
EVENING = dt.datetime(2026, 11, 26, 23, 59, 59, 500_000)


def _imports_main_window(source: str) -> bool:
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            names = [node.module or ""] + [f"{node.module}.{alias.name}" for alias in node.names]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        else:
            continue
        if any(name == "ui.main_window" or name.startswith("ui.main_window.") for name in names):
            return True
    return False


def test_only_the_window_builder_imports_the_main_window() -> None:
    importers = sorted(
        str(path.relative_to(UI))
        for path in UI.rglob("*.py")
        if path.name != "main_window.py" and _imports_main_window(path.read_text(encoding="utf-8"))
    )
    assert importers == [WINDOW_BUILDER]


def test_the_main_window_stays_a_layout_of_docks_and_tabs() -> None:
    # Edit flows belong to ui/actions/, menus to ui/menus.py, tabs to their own modules: a window
    # that grows past this again is turning back into the controller it was (1,608 lines).
    lines = (UI / "main_window.py").read_text(encoding="utf-8").count("\n")
    assert lines < 500


def test_the_import_rule_sees_an_import_inside_a_function() -> None:
    source = "def f() -> None:\n    from ui.main_window import MainWindow\n"
    assert _imports_main_window(source)
    assert _imports_main_window("import ui.main_window\n")
    assert not _imports_main_window("from ui.session import EditSession\n")


@pytest.fixture
def painted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every line of text the card delegate paints, in order."""
    texts: list[str] = []
    real = CardDelegate._text

    def recording(painter: QPainter, inner: QRect, top: int, text: str, font: QFont) -> None:
        texts.append(text)
        real(painter, inner, top, text, font)

    monkeypatch.setattr(CardDelegate, "_text", staticmethod(recording))
    return texts


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(EVENING)


@pytest.fixture
def window(qtbot: QtBot, plan: PlanDB, clock: FixedClock) -> Iterator[MainWindow]:
    w = show_window(qtbot, plan, clock=clock)
    yield w
    w.undo_stack.clear()


def _card_lines(window: MainWindow, painted: list[str], deal_id: int) -> list[str]:
    stage_id = window.controller.stage_of(deal_id)
    assert stage_id is not None
    view = window.board.column_for(stage_id).view
    painted.clear()
    window.board.delegate._pictures.clear()  # drawn afresh, not copied from a kept picture
    view.viewport().grab()  # paints the cards now
    return list(painted)


def test_a_window_left_open_past_midnight_counts_days_in_stage_to_the_new_day(
    qtbot: QtBot, window: MainWindow, clock: FixedClock, painted: list[str]
) -> None:
    stage = window.controller.columns[0]
    deal_id = window.deals.create_opportunity(OpportunityDraft("Late-night deal", None, stage.id))
    assert deal_id is not None
    window.board.select(deal_id)
    assert "0 days in stage" in _card_lines(window, painted, deal_id)
    drive.click_dock_tab(window, window.details_dock)
    assert window.details.values["In stage since"].text().endswith("(0 days)")

    clock.set(EVENING + dt.timedelta(seconds=1))  # 00:00:00.5 the next day; nothing is clicked
    qtbot.waitUntil(lambda: "1 day in stage" in _card_lines(window, painted, deal_id), timeout=3000)
    assert "0 days in stage" not in _card_lines(window, painted, deal_id)
    assert window.details.values["In stage since"].text().endswith("(1 day)")
    assert window.board.selected_id() == deal_id  # the seller's selection survives the new day
