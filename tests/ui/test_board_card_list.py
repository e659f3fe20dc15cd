"""A column's card list looks and answers the keys like a list (ui/board/view.py CardList)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from tests.ui import window_driver as drive
from ui.board.delegate import MARGIN
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> MainWindow:
    w = MainWindow(demo_plan)
    qtbot.addWidget(w)
    w.show()
    drive.settle()
    return w


def fullest_view(window: MainWindow) -> QAbstractItemView:
    stage_id = max(window.controller.models, key=lambda s: window.controller.models[s].rowCount())
    return window.board.columns[stage_id].view


def test_a_selected_card_leaves_the_spacing_around_it_bare(window: MainWindow) -> None:
    view = fullest_view(window)
    assert view.model().rowCount() >= 2
    selected, other = view.model().index(0, 0), view.model().index(1, 0)
    drive.click_row(view, selected)
    drive.settle()
    assert view.selectionModel().isSelected(selected)
    image = view.viewport().grab().toImage()
    # Inside the row, outside the card: the colour of the unselected card's spacing, not the
    # highlight a table paints under a whole selected row.
    corner = MARGIN // 2
    selected_spacing = image.pixelColor(view.visualRect(selected).topLeft() + QPoint(corner, corner))
    other_spacing = image.pixelColor(view.visualRect(other).topLeft() + QPoint(corner, corner))
    assert selected_spacing == other_spacing


def test_home_and_end_go_to_the_first_and_last_card(window: MainWindow) -> None:
    view = fullest_view(window)
    rows = view.model().rowCount()
    drive.click_row(view, view.model().index(1, 0))
    QTest.keyClick(view, Qt.Key.Key_End)
    assert view.currentIndex().row() == rows - 1
    QTest.keyClick(view, Qt.Key.Key_Home)
    assert view.currentIndex().row() == 0
    QTest.keyClick(view, Qt.Key.Key_Down)
    assert view.currentIndex().row() == 1
