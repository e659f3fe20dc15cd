"""Dates typed where a seller types them, in the real window: Blue Sheet cells and the deal dialog."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialogButtonBox,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage.db import PlanDB
from tests.ui.conftest import show_window
from ui import format as fmt
from ui.blue_sheet.models import ActionTableModel, InfluenceTableModel
from ui.date_field import DateField
from ui.dialogs.opportunity_dialog import OpportunityDialog
from ui.main_window import MainWindow

TYPED = dt.date(2026, 12, 9)
# A popup on the offscreen platform: Qt says it cannot raise it or grab the keyboard for it.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard", extend=True
)


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    qtbot.waitExposed(w)
    yield w
    w.undo_stack.clear()


def _deal_with_actions_and_influences(plan: PlanDB) -> int:
    rows = plan.query(
        "SELECT o.id FROM opportunity o WHERE o.closed_on IS NULL"
        " AND EXISTS (SELECT 1 FROM action a WHERE a.opportunity_id = o.id)"
        " AND EXISTS (SELECT 1 FROM buying_influence b WHERE b.opportunity_id = o.id) ORDER BY o.id"
    )
    return int(rows[0][0])


def _open_tab(window: MainWindow, deal: int, section: QWidget) -> None:
    """Show the deal's Blue Sheet in its dock and click the tab holding `section`.

    As the window does for a deal opened from the clean-up list: a card selected on the board
    would be redrawn by the edit, and the board then selects its neighbour (not what is tested).
    """
    panel = window.blue_sheet
    panel.show_opportunity(deal)
    window.blue_sheet_dock.show()
    window.blue_sheet_dock.raise_()
    assert panel.opportunity_id == deal
    bar = panel.tabs.tabBar()
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(panel.tabs.indexOf(section)).center())
    assert panel.tabs.currentWidget() is section


def _double_click(table: QTableView, index: QModelIndex) -> None:
    """Click the cell, then double-click it: its editor opens."""
    table.scrollTo(index)
    centre = table.visualRect(index).center()
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    QTest.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, centre)
    assert table.state() == QAbstractItemView.State.EditingState


def _type_into_cell(qtbot: QtBot, table: QTableView, index: QModelIndex, text: str) -> None:
    """Double-click the cell, type over what the editor shows, press Enter."""
    _double_click(table, index)
    editor = QApplication.focusWidget()
    assert editor is not None
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    QCoreApplication.processEvents()


def test_an_action_due_date_typed_in_iso_is_saved(window: MainWindow, qtbot: QtBot) -> None:
    deal = _deal_with_actions_and_influences(window.plan)
    section = window.blue_sheet.action_section
    _open_tab(window, deal, section)
    model = section.model
    action = model.action(0)
    assert action is not None
    assert action.due != TYPED
    _type_into_cell(qtbot, section.table, model.index(0, ActionTableModel.DUE), "2026-12-09")
    assert section.table.state() != QAbstractItemView.State.EditingState
    saved = next(a for a in activity_repo.list_actions(window.plan, deal) if a.id == action.id)
    assert saved.due == TYPED
    assert window.blue_sheet.opportunity_id == deal
    assert model.index(model.row_of(action.id), ActionTableModel.DUE).data() == "9 Dec 2026"


def test_an_influence_last_contact_typed_in_iso_is_saved(window: MainWindow, qtbot: QtBot) -> None:
    deal = _deal_with_actions_and_influences(window.plan)
    section = window.blue_sheet.influence
    _open_tab(window, deal, section)
    model = section.model
    influence = model.influence(0)
    assert influence is not None
    assert influence.last_contact != TYPED
    index = model.index(0, InfluenceTableModel.LAST_CONTACT)
    _type_into_cell(qtbot, section.table, index, "2026-12-09")
    saved = people_repo.get_influence(window.plan, influence.id)
    assert saved is not None
    assert saved.last_contact == TYPED
    assert window.blue_sheet.opportunity_id == deal
    assert model.index(model.row_of(influence.id), InfluenceTableModel.LAST_CONTACT).data() == "9 Dec 2026"


def test_nonsense_in_a_date_cell_keeps_the_editor_open_and_writes_nothing(
    window: MainWindow, qtbot: QtBot
) -> None:
    deal = _deal_with_actions_and_influences(window.plan)
    section = window.blue_sheet.action_section
    _open_tab(window, deal, section)
    before = activity_repo.list_actions(window.plan, deal)
    _type_into_cell(qtbot, section.table, section.model.index(0, ActionTableModel.DUE), "next week")
    assert section.table.state() == QAbstractItemView.State.EditingState  # Enter did not close it
    editor = QApplication.focusWidget()
    assert editor is not None
    assert "Date must look like" in editor.toolTip()
    assert window.statusBar().currentMessage().startswith("Due: Date must look like 2026-12-15")
    # Leaving the cell with nonsense in it: nothing written, and the window says so.
    QTest.mouseClick(window.filter_edit, Qt.MouseButton.LeftButton)
    QCoreApplication.processEvents()
    assert section.table.state() != QAbstractItemView.State.EditingState
    assert activity_repo.list_actions(window.plan, deal) == before
    assert window.undo_stack.count() == 0
    assert "Due was not changed" in window.statusBar().currentMessage()


def test_a_day_picked_in_a_cell_calendar_is_saved(window: MainWindow, qtbot: QtBot) -> None:
    deal = _deal_with_actions_and_influences(window.plan)
    section = window.blue_sheet.influence
    _open_tab(window, deal, section)
    model = section.model
    influence = model.influence(0)
    assert influence is not None
    assert influence.last_contact is not None
    table = section.table
    index = model.index(0, InfluenceTableModel.LAST_CONTACT)
    _double_click(table, index)
    editor = QApplication.focusWidget()
    assert isinstance(editor, DateField)
    button = next(b for b in editor.findChildren(QToolButton) if b.defaultAction() is editor.calendar_action)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, pos=button.rect().center())
    assert editor.popup is not None
    qtbot.waitUntil(editor.popup.isVisible)
    calendar = editor.popup.calendar
    shown = influence.last_contact
    assert calendar.selectedDate().toPython() == shown  # opens on the cell's date
    assert table.state() == QAbstractItemView.State.EditingState  # the calendar keeps the editor open
    view = calendar.findChild(QTableView)
    assert view is not None
    wanted = 20 if shown.day != 20 else 21
    cell = next(
        view.model().index(r, c)
        for r in range(1, view.model().rowCount())
        for c in range(view.model().columnCount())
        if view.model().index(r, c).data() == wanted
    )
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(cell).center(),
    )
    QCoreApplication.processEvents()
    picked = shown.replace(day=wanted)
    saved = people_repo.get_influence(window.plan, influence.id)
    assert saved is not None
    assert saved.last_contact == picked
    assert table.state() != QAbstractItemView.State.EditingState
    assert model.index(model.row_of(influence.id), InfluenceTableModel.LAST_CONTACT).data() == fmt.date(
        picked
    )
    window.undo_stack.undo()
    assert people_repo.get_influence(window.plan, influence.id) == influence


def _answer_deal_dialog(qtbot: QtBot, answer: Callable[[OpportunityDialog], None]) -> list[str]:
    """Answer the modal deal dialog from a timer, as a seller would; returns what went wrong."""
    problems: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OpportunityDialog):
            problems.append(f"no deal dialog but {dialog!r}")
            if dialog is not None:
                dialog.close()
            return
        dialog.activateWindow()  # offscreen, a new window is not activated by itself
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            answer(dialog)
        except AssertionError as exc:
            problems.append(str(exc) or repr(exc))
            dialog.reject()

    QTimer.singleShot(0, run)
    return problems


def _type_close_date(qtbot: QtBot, text: str) -> Callable[[OpportunityDialog], None]:
    def answer(dialog: OpportunityDialog) -> None:
        field = dialog.close_date
        field.setFocus()
        field.selectAll()
        qtbot.keyClicks(field, text)
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok.isEnabled(), dialog.error.text()
        QTest.mouseClick(ok, Qt.MouseButton.LeftButton)

    return answer


def _edit_close_date(window: MainWindow, qtbot: QtBot, typed: str) -> dt.date | None:
    deal = next(o for o in opportunity_repo.list_opportunities(window.plan) if o.close_date is not None)
    problems = _answer_deal_dialog(qtbot, _type_close_date(qtbot, typed))
    window.deals.edit_opportunity(deal.id)
    assert problems == []
    saved = opportunity_repo.get_opportunity(window.plan, deal.id)
    assert saved is not None
    return saved.close_date


def test_the_deal_dialog_takes_a_day_first_close_date_in_english(window: MainWindow, qtbot: QtBot) -> None:
    assert _edit_close_date(window, qtbot, "31/01/2027") == dt.date(2027, 1, 31)


@pytest.mark.usefixtures("german")
def test_the_deal_dialog_takes_a_german_close_date(qtbot: QtBot, demo_plan: PlanDB) -> None:
    german = MainWindow(demo_plan)
    qtbot.addWidget(german)
    german.show()
    try:
        assert _edit_close_date(german, qtbot, "31.01.2027") == dt.date(2027, 1, 31)
    finally:
        german.undo_stack.clear()
