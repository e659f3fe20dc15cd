"""The toolbar's Undo and Redo buttons keep their place; their tooltips say what they would undo."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QToolButton
from pytestqt.qtbot import QtBot

from planner.operations import MoveDetails
from planner.storage.db import PlanDB
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> MainWindow:
    w = show_window(qtbot, demo_plan)
    drive.settle()
    return w


def _button(window: MainWindow, action: QAction) -> QToolButton:
    return next(b for b in window.menus.toolbar.findChildren(QToolButton) if b.defaultAction() is action)


def test_edits_leave_the_toolbar_where_it_was(window: MainWindow) -> None:
    undo = _button(window, window.menus.undo_action)
    filter_at = window.filter_edit.mapTo(window, window.filter_edit.rect().topLeft())
    first, second = window.controller.columns[0], window.controller.columns[1]
    titles = []
    for n in range(2):  # two deals with titles of different lengths
        card = window.controller.models[first.id].visible_cards[n]
        titles.append(card.title)
        assert window.deals.move_opportunity(card.id, second, MoveDetails(commitment="Agreed to a pilot"))
        drive.settle()
        assert undo.text() == "Undo"
        assert window.filter_edit.mapTo(window, window.filter_edit.rect().topLeft()) == filter_at
        # What would be undone is named where the seller looks for it: tooltip and Edit menu.
        assert card.title in undo.toolTip()
        assert window.menus.undo_action.text() == f"&Undo Move “{card.title}” to {second.name}"
    redo = _button(window, window.menus.redo_action)
    window.undo_stack.undo()
    drive.settle()
    assert redo.text() == "Redo"
    assert titles[1] in redo.toolTip()
    assert window.filter_edit.mapTo(window, window.filter_edit.rect().topLeft()) == filter_at


def test_a_title_with_an_ampersand_reads_as_written(window: MainWindow) -> None:
    from planner.model import OpportunityDraft

    stage = window.controller.columns[0]
    title = "Smith & Sons <b>pilot</b>"
    assert window.deals.create_opportunity(OpportunityDraft(title, None, stage.id))
    drive.settle()
    action = window.menus.undo_action
    # The Edit menu shows "Undo Create “Smith & Sons <b>pilot</b>”": the "&" is not an Alt-key mark.
    assert action.text() == "&Undo Create “Smith && Sons <b>pilot</b>”"
    assert window.undo_stack.text(window.undo_stack.index() - 1) == f"Create “{title}”"  # the history
    tip = _button(window, action).toolTip()
    assert "Undo Create “Smith &amp; Sons &lt;b&gt;pilot&lt;/b&gt;”" in tip  # shown literally, not as markup


def test_a_long_title_is_cut_short_in_the_edit_menu_and_whole_in_the_history(window: MainWindow) -> None:
    from planner.model import OpportunityDraft
    from ui.commands import MENU_TEXT

    stage = window.controller.columns[0]
    title = "Fleet Telematics & Routing rollout for the whole northern European depot network " * 2
    assert window.deals.create_opportunity(OpportunityDraft(title.strip(), None, stage.id))
    drive.settle()
    action = window.menus.undo_action
    shown = action.text().replace("&&", "&").removeprefix("&Undo ")
    assert shown.endswith("…")
    assert len(shown) == MENU_TEXT
    assert f"Create “{title.strip()}”".startswith(shown[:-1])
    assert window.undo_stack.text(window.undo_stack.index() - 1) == f"Create “{title.strip()}”"
    # The Edit menu stays well inside a 1280 screen (with the whole title it was 1,000 pixels).
    edit = next(a.menu() for a in window.menuBar().actions() if drive.bare(a.text()) == "Edit")
    assert isinstance(edit, QMenu)
    assert edit.sizeHint().width() < 720, edit.sizeHint().width()
