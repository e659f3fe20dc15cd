"""A filter shows each column from its first matching card, and the selected card where it is."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from ui.board.models import ID_ROLE
from ui.main_window import MainWindow

PILOTS = 30


@pytest.fixture
def window(qtbot: QtBot, plan: PlanDB) -> MainWindow:
    stage = stage_repo.list_stages(plan)[0]
    for n in range(PILOTS + 10):
        title = f"Pilot {n}" if n < PILOTS else f"Renewal {n}"
        close = dt.date(2027, 1, 1) + dt.timedelta(days=n)  # the column's order: by close date
        ops.create_opportunity(plan, OpportunityDraft(title, None, stage.id, close_date=close), TODAY)
    w = MainWindow(plan)
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    drive.settle()
    return w


def _first_shown(window: MainWindow) -> str:
    view = window.board.column_for(window.controller.columns[0].id).view
    return str(view.model().index(view.rowAt(0), 0).data())


def test_a_filter_shows_a_scrolled_column_from_its_first_match(window: MainWindow) -> None:
    view = window.board.column_for(window.controller.columns[0].id).view
    bar = view.verticalScrollBar()
    bar.setValue(bar.maximum())  # the seller scrolled to the last card
    drive.settle()
    assert _first_shown(window).startswith("Renewal")  # the last cards
    window.filter_edit.setFocus()
    QTest.keyClicks(window.filter_edit, "pilot")
    drive.settle()
    assert view.model().rowCount() == PILOTS
    assert _first_shown(window) == "Pilot 0"  # not the end of the shorter list


def test_a_filter_keeps_the_selected_card_in_view(window: MainWindow) -> None:
    view = window.board.column_for(window.controller.columns[0].id).view
    model = view.model()
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "Pilot 27")
    drive.click_row(view, model.index(row, 0))
    deal = int(model.index(row, 0).data(ID_ROLE))
    window.filter_edit.setFocus()
    QTest.keyClicks(window.filter_edit, "pilot 2")
    drive.settle()
    assert window.board.selected_id() == deal
    shown = next(r for r in range(model.rowCount()) if int(model.index(r, 0).data(ID_ROLE)) == deal)
    assert view.visualRect(model.index(shown, 0)).intersects(QRect(view.viewport().rect()))
