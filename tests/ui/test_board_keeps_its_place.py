"""An edit of the selected deal that leaves it where it is leaves the board where it is.

A seller chose the last card a column showed whole, with more below it, and added a buying
influence: the column scrolled by a card. The card was taken out and put back, and while it was
out the card below it was the view's current one, which the view scrolled into sight. Here the
edit is Edit deal's Product field, answered by the test; the card keeps its place on screen and
no column scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.ui import window_driver as drive
from ui.board.models import ID_ROLE
from ui.dialogs.opportunity_dialog import OpportunityDialog
from ui.main_window import MainWindow


def _scrolls(window: MainWindow) -> dict[str, int]:
    return {c.stage.name: c.view.verticalScrollBar().value() for c in window.board.columns.values()}


def test_editing_the_last_card_in_sight_keeps_the_column_still(
    window: MainWindow, demo_plan: PlanDB, qtbot: QtBot
) -> None:
    column = max(window.board.columns.values(), key=lambda c: c.proxy.rowCount())
    view = column.view
    assert view.verticalScrollBar().maximum() > 0, "the column must be taller than its view"
    whole = [
        row
        for row in range(view.model().rowCount() - 1)  # a card below it
        if view.viewport().rect().contains(view.visualRect(view.model().index(row, 0)))
    ]
    last = view.model().index(whole[-1], 0)
    drive.click(view.viewport(), view.visualRect(last).center())
    drive.wait_until_idle()
    deal_id = int(last.data(ID_ROLE))
    assert window.board.selected_id() == deal_id
    before, place = _scrolls(window), view.visualRect(last)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OpportunityDialog)
        try:
            QTest.mouseClick(dialog.product, Qt.MouseButton.LeftButton)
            QTest.keyClick(dialog.product, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(dialog.product, "Depot sensors")
            QTest.mouseClick(
                dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
            )
        finally:
            if dialog.isVisible():
                dialog.reject()

    QTimer.singleShot(0, answer)
    QTest.keyClick(view, Qt.Key.Key_Return)  # Edit deal
    drive.wait_until_idle()
    deal = opportunity_repo.get_opportunity(demo_plan, deal_id)
    assert deal is not None
    assert deal.product == "Depot sensors"
    assert window.board.selected_id() == deal_id
    now = view.model().index(last.row(), 0)
    assert now.data(ID_ROLE) == deal_id
    assert _scrolls(window) == before
    assert view.visualRect(now) == place
