"""The window never lies: sequences a seller went through, replayed with real input.

Each test is a sequence that once left the window showing something other than the plan: a moved
card that vanished after a filter was cleared, docks that stayed on another deal, a selection
that jumped on undo, an archive that did not follow its selection.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QToolButton,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.archive import SORT_ROLE
from ui.board.models import ID_ROLE, StageColumnModel
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    w.activateWindow()
    drive.settle()
    yield w
    w.undo_stack.clear()


def views(window: MainWindow) -> list[QAbstractItemView]:
    return [column.view for column in window.board.columns.values()]


def shown_ids(view: QAbstractItemView) -> list[int]:
    model = view.model()
    return [int(model.index(r, 0).data(ID_ROLE)) for r in range(model.rowCount())]


def index_of(view: QAbstractItemView, deal_id: int) -> QModelIndex:
    return view.model().index(shown_ids(view).index(deal_id), 0)


def view_of(window: MainWindow, deal_id: int) -> QAbstractItemView:
    return next(v for v in views(window) if deal_id in shown_ids(v))


def click_card(window: MainWindow, deal_id: int) -> None:
    view = view_of(window, deal_id)
    drive.click_row(view, index_of(view, deal_id))


def selected(window: MainWindow) -> list[int]:
    return [int(i.data(ID_ROLE)) for v in views(window) for i in v.selectionModel().selectedRows()]


def docks(window: MainWindow) -> tuple[int, int]:
    return window.details.opportunity_id, window.blue_sheet.opportunity_id


def answer_forward_move(dialog: QWidget) -> None:
    from PySide6.QtWidgets import QCheckBox

    drive.click_check_box(dialog.findChildren(QCheckBox)[0])
    assert drive.press_ok(dialog)


def test_a_card_moved_after_the_filter_is_cleared_stays_on_the_board(
    window: MainWindow, qtbot: QtBot
) -> None:
    """Filter, select, add an action, clear the filter with its ✕, drag the card forward."""
    first, second = views(window)[0], views(window)[1]
    # The column's last card, filtered down to itself: cleared, the filter's row keys are fewer
    # than the column's rows, and this card's row is past them.
    deal_id = shown_ids(first)[-1]
    assert len(shown_ids(first)) > 1
    deal = opportunity_repo.get_opportunity(window.plan, deal_id)
    assert deal is not None
    drive.type_into(window.filter_edit, deal.title)
    click_card(window, deal_id)
    sheet = window.blue_sheet_dock.widget()
    what = drive.named(sheet, "What", QLineEdit)
    assert isinstance(what, QLineEdit)
    drive.reveal(what)
    drive.type_into(what, "Send the pilot plan")
    form = what.parentWidget()
    assert form is not None
    drive.push_button(form, "Add")
    assert any(a.what == "Send the pilot plan" for a in activity_repo.list_actions(window.plan, deal_id))
    clear = [b for b in window.filter_edit.findChildren(QToolButton) if b.isVisible()]
    drive.click(clear[0])
    assert window.filter_edit.text() == ""
    modals = drive.Modals()
    with modals.expecting(answer_forward_move):
        drive.drag(first, index_of(first, deal_id), second)
    assert modals.take_unexpected() == []
    # The card is in its new column, once; the plan file agrees; both headers count the plan.
    assert deal_id in shown_ids(second)
    assert deal_id not in shown_ids(first)
    moved = opportunity_repo.get_opportunity(window.plan, deal_id)
    assert moved is not None
    assert moved.stage_id == window.board.columns[list(window.board.columns)[1]].stage.id
    for view, column in zip(views(window), window.board.columns.values(), strict=True):
        in_plan = [
            d for d in opportunity_repo.list_opportunities(window.plan) if d.stage_id == column.stage.id
        ]
        assert len(shown_ids(view)) == len(in_plan)
        assert column.summary.text().startswith(f"{len(in_plan)} deal")
    # The move is the undo stack's top: Ctrl+Z takes it back and the card returns.
    assert window.undo_stack.text(window.undo_stack.index() - 1).startswith("Move")
    drive.activate(window)
    window.board.setFocus()
    QTest.keyClick(window.board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert deal_id in shown_ids(first)


def test_a_refresh_that_fails_is_shown_and_the_board_is_rebuilt_from_the_plan(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug while the window follows an edit: the seller is told, nothing is lost, the board
    shows the plan, and the edit is still on the undo stack."""
    first, second = views(window)[0], views(window)[1]
    deal_id = shown_ids(first)[0]
    click_card(window, deal_id)
    calls: list[int] = []
    real = StageColumnModel.upsert

    def failing_once(model: StageColumnModel, card: object) -> None:
        calls.append(1)
        if len(calls) == 1:
            raise IndexError("list assignment index out of range")
        real(model, card)  # type: ignore[arg-type]

    monkeypatch.setattr(StageColumnModel, "upsert", failing_once)
    told: list[str] = []

    def read_message(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        drive.answer_message_box(box, QMessageBox.StandardButton.Ok)

    modals = drive.Modals()
    with modals.expecting(answer_forward_move, read_message):
        drive.drag(first, index_of(first, deal_id), second)
    assert modals.take_unexpected() == []
    assert told
    assert "Nothing you entered was lost" in told[0]
    assert deal_id in shown_ids(second)  # rebuilt from the plan file
    assert deal_id not in shown_ids(first)
    assert window.undo_stack.count() == 1
    assert selected(window) == [deal_id]
    assert docks(window) == (deal_id, deal_id)


def test_the_docks_follow_every_click_and_arrow(window: MainWindow, qtbot: QtBot) -> None:
    """Click A, click B, click A again, arrow back: one card selected, docks on it."""
    a = shown_ids(views(window)[0])[0]
    b = shown_ids(views(window)[1])[0]
    for deal_id in (a, b, a, b, a):
        click_card(window, deal_id)
        assert selected(window) == [deal_id]
        assert docks(window) == (deal_id, deal_id)
    # Arrow right to the next column and back to A.
    QTest.keyClick(views(window)[0], Qt.Key.Key_Right)
    right = selected(window)
    assert len(right) == 1
    assert right[0] != a
    assert docks(window) == (right[0], right[0])
    QTest.keyClick(views(window)[1], Qt.Key.Key_Left)
    assert selected(window) == [a]
    assert docks(window) == (a, a)
    # A double-click opens the editor of the card clicked, which is the deal the docks show.
    titles: list[str] = []

    def read_title(dialog: QWidget) -> None:
        title = drive.field(dialog, "Title")
        assert isinstance(title, QLineEdit)
        titles.append(title.text())
        drive.press_cancel(dialog)

    modals = drive.Modals()
    view = view_of(window, b)
    with modals.expecting(read_title):
        drive.double_click(view.viewport(), view.visualRect(index_of(view, b)).center())
    deal = opportunity_repo.get_opportunity(window.plan, b)
    assert deal is not None
    assert titles == [deal.title]
    assert docks(window) == (b, b)


def test_undo_and_redo_keep_the_selection_on_the_deal(window: MainWindow) -> None:
    """A move undone and redone: the moved card stays selected, nothing else is."""
    first, second = views(window)[0], views(window)[1]
    deal_id = shown_ids(first)[0]
    click_card(window, deal_id)
    modals = drive.Modals()
    with modals.expecting(answer_forward_move):
        QTest.keyClick(first, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert deal_id in shown_ids(second)
    for key in (Qt.Key.Key_Z, Qt.Key.Key_Y, Qt.Key.Key_Z):
        drive.activate(window)
        QTest.keyClick(view_of(window, deal_id), key, Qt.KeyboardModifier.ControlModifier)
        assert selected(window) == [deal_id]
        assert docks(window) == (deal_id, deal_id)
    assert deal_id in shown_ids(first)


def test_the_archive_selects_opens_and_sorts(window: MainWindow) -> None:
    tabs = window.tabs
    before = dump(window.plan)
    drive.click_tab(tabs, tabs.indexOf(window.archive))
    table = window.archive.findChild(QTableView)
    assert isinstance(table, QTableView)
    model = table.model()
    assert model.rowCount() >= 2
    # Selecting a closed deal shows it in Deal details and the Blue Sheet.
    for row in (0, 1):
        drive.click_row(table, model.index(row, 0))
        deal_id = window.archive.selected_id()
        assert deal_id
        assert docks(window) == (deal_id, deal_id)
        drive.click_dock_tab(window, window.details_dock)
        assert window.details.values["Title"].text() == model.index(row, 0).data()
    # Double-click opens its editor.
    titles: list[str] = []

    def read_title(dialog: QWidget) -> None:
        title = drive.field(dialog, "Title")
        assert isinstance(title, QLineEdit)
        titles.append(title.text())
        drive.press_cancel(dialog)

    modals = drive.Modals()
    with modals.expecting(read_title):
        drive.double_click(table.viewport(), table.visualRect(model.index(0, 0)).center())
    assert titles == [model.index(0, 0).data()]
    # A click on a heading sorts by it (amounts as numbers); a second click the other way.
    header = table.horizontalHeader()
    amount = 4

    def amounts() -> list[float]:
        return [model.index(r, amount).data(SORT_ROLE) for r in range(model.rowCount())]

    drive.click(header.viewport(), _section_centre(header, amount))
    once = amounts()
    assert once in (sorted(once), sorted(once, reverse=True))
    drive.click(header.viewport(), _section_centre(header, amount))
    assert amounts() == sorted(once, reverse=once == sorted(once))
    # Back on the board, the docks show the board's card again.
    drive.click_tab(tabs, drive.tab_of(tabs, window.board))
    assert dump(window.plan) == before


def _section_centre(header: QHeaderView, section: int) -> QPoint:
    x = header.sectionViewportPosition(section) + header.sectionSize(section) // 2
    return QPoint(x, header.height() // 2)


def test_an_error_in_any_slot_is_shown_and_the_window_shows_the_plan(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bug outside an edit (here: the details panel failing on a click) reaches Qt's event
    loop; the window's error hook tells the seller and rebuilds the views from the plan."""
    from ui.detail_panel import DetailPanel
    from ui.windows import WindowManager

    manager = WindowManager(tmp_path)
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # put back after the test
    manager.install_error_hook()
    window = manager.show_plan(demo_plan)
    qtbot.addWidget(window)
    drive.settle()
    deal_id = shown_ids(views(window)[1])[0]
    real = DetailPanel.show_opportunity
    calls: list[int] = []

    def failing_once(panel: DetailPanel, opportunity_id: int) -> None:
        calls.append(opportunity_id)
        if len(calls) == 1:
            raise KeyError(opportunity_id)
        real(panel, opportunity_id)

    monkeypatch.setattr(DetailPanel, "show_opportunity", failing_once)
    told: list[str] = []

    def read_message(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        told.append(box.text())
        drive.answer_message_box(box, QMessageBox.StandardButton.Ok)

    modals = drive.Modals()
    with modals.expecting(read_message):
        click_card(window, deal_id)
    assert modals.take_unexpected() == []
    assert told
    assert "KeyError" in told[0]
    assert selected(window) == [deal_id]
    assert docks(window) == (deal_id, deal_id)
    window.undo_stack.clear()
