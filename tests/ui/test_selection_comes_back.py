"""A deal taken off the board and brought back by Undo is selected again, and the docks show it.

The docks kept showing a deal the seller had deleted (or closed as won); Undo put its card back
on the board, but not selected: the Blue Sheet showed one deal, the board selected none.
"""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from tests.ui import window_driver as drive
from ui.board.models import ID_ROLE
from ui.main_window import MainWindow


def _click_first_card(window: MainWindow) -> int:
    column = next(c for c in window.board.columns.values() if c.proxy.rowCount())
    index = column.proxy.index(0, 0)
    drive.click(column.view.viewport(), column.view.visualRect(index).center())
    drive.wait_until_idle()
    return int(index.data(ID_ROLE))


def _undo(window: MainWindow) -> None:
    drive.activate(window)
    window.board.setFocus()  # not a text field: there Ctrl+Z undoes typing
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    drive.wait_until_idle()


def _selected_on_board(window: MainWindow) -> list[int]:
    return [
        int(index.data(ID_ROLE))
        for column in window.board.columns.values()
        for index in column.view.selectionModel().selectedIndexes()
    ]


def test_undoing_a_delete_selects_the_deal_again(window: MainWindow) -> None:
    drive.click_dock_tab(window, window.blue_sheet_dock)
    deal = _click_first_card(window)
    assert window.blue_sheet.opportunity_id == deal
    modals = drive.Modals()
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
        QTest.keySequence(QApplication.focusWidget() or window, QKeySequence.StandardKey.Delete)
    drive.wait_until_idle()
    assert window.controller.stage_of(deal) is None
    assert window.board.selected_id() == 0
    assert not window.menus.edit_deal_action.isEnabled()

    _undo(window)
    assert window.controller.stage_of(deal) is not None
    assert window.board.selected_id() == deal
    assert _selected_on_board(window) == [deal]
    assert window.blue_sheet.opportunity_id == deal
    assert window.menus.edit_deal_action.isEnabled()


def test_a_deal_brought_back_after_another_was_shown_takes_the_docks_again(window: MainWindow) -> None:
    deal = _click_first_card(window)
    modals = drive.Modals()
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
        QTest.keySequence(QApplication.focusWidget() or window, QKeySequence.StandardKey.Delete)
    drive.wait_until_idle()
    # Meanwhile the Archive's first closed deal is shown in the docks.
    drive.click_tab(window.tabs, window.tabs.indexOf(window.archive))
    table = window.archive.table
    drive.click(table.viewport(), table.visualRect(table.model().index(0, 0)).center())
    drive.wait_until_idle()
    assert window.details.opportunity_id not in (0, deal)
    drive.click_tab(window.tabs, 0)
    _undo(window)
    assert _selected_on_board(window) == [deal]
    assert window.details.opportunity_id == deal
