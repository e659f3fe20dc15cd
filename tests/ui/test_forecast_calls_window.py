"""Recording a forecast call through the real window: the Forecast tab's button and the Edit menu,
figures typed into the dialog, the plan file and the calls tab, undo and redo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCharts import QLineSeries
from PySide6.QtCore import QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QLineEdit, QMessageBox, QPlainTextEdit, QWidget
from pytestqt.qtbot import QtBot

from planner import calendar
from planner import forecast_calls as calls_api
from planner.clock import FixedClock
from planner.model import ForecastCategory
from planner.storage.db import PlanDB
from tests.planner.forecast_support import add_deal
from tests.ui import window_driver as drive
from ui.forecast_view import ForecastView
from ui.main_window import MainWindow

TODAY = dt.date(2026, 11, 26)  # a Thursday of 2026Q4; the next quarter is 2027Q1
Q4, Q1 = calendar.Quarter(2026, 4), calendar.Quarter(2027, 1)
HOSTILE = "<b>Acme</b> & <img src=x> slipped"


@pytest.fixture
def window(qtbot: QtBot, plan: PlanDB) -> Iterator[MainWindow]:
    with plan.atomic():
        add_deal(
            plan, "Committed", 100_000, dt.date(2026, 12, 10), title="Fleet", category=ForecastCategory.COMMIT
        )
        add_deal(
            plan,
            "Evaluating",
            40_000,
            dt.date(2026, 12, 20),
            title="Depot",
            category=ForecastCategory.BEST_CASE,
        )
        add_deal(plan, "Won", 10_000, dt.date(2026, 11, 2), title="Pilot", closed_on=dt.date(2026, 11, 2))
        add_deal(
            plan, "Committed", 70_000, dt.date(2027, 2, 1), title="Renewal", category=ForecastCategory.COMMIT
        )
    w = MainWindow(plan, clock=FixedClock(TODAY))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    drive.settle()
    yield w
    w.undo_stack.clear()


@pytest.fixture
def modals() -> Iterator[drive.Modals]:
    answering = drive.Modals()
    yield answering
    assert answering.take_unexpected() == []


def forecast_tab(window: MainWindow) -> ForecastView:
    drive.click_tab(window.tabs, window.tabs.indexOf(window._forecast_tab))
    drive.settle()
    view = window.forecast_view
    assert view is not None
    return view


def answer_call(commit: str, best_case: str, comment: str) -> drive.Answer:
    """Type the current quarter's figures over the proposal, keep the next quarter's, comment, OK."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog)
        commit_edit = drive.named(dialog, "Commit for 2026Q4", QLineEdit)
        best_edit = drive.named(dialog, "Best Case for 2026Q4", QLineEdit)
        assert isinstance(commit_edit, QLineEdit)
        assert isinstance(best_edit, QLineEdit)
        # The proposal: won 10,000 + Commit 100,000; + Best Case 40,000.
        assert (commit_edit.text(), best_edit.text()) == ("110000", "150000")
        drive.type_into(commit_edit, commit)
        drive.type_into(best_edit, best_case)
        note = drive.named(dialog, "Comment", QPlainTextEdit)
        drive.click(note)
        QTest.keyClicks(note, comment)
        drive.press_ok(dialog)

    return answer


def undo(window: MainWindow) -> None:
    drive.activate(window)
    window.board.setFocus()  # not a text field: there Ctrl+Z undoes typing
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    drive.wait_until_idle()


def test_record_a_call_from_the_forecast_tab_and_undo_it(
    window: MainWindow, plan: PlanDB, modals: drive.Modals
) -> None:
    view = forecast_tab(window)
    assert view.calls_panel.weeks_model.rowCount() == 14  # Mondays 28 Sep ... 28 Dec
    with modals.expecting(answer_call("105000", "160000", HOSTILE)):
        drive.click(drive.button(view, "Record forecast call…"))
    (call,) = calls_api.calls(plan, Q4)
    assert (call.commit, call.best_case, call.proposed_commit, call.proposed_best_case) == (
        105_000,
        160_000,
        110_000,
        150_000,
    )
    assert call.comment == HOSTILE  # kept as typed
    assert call.called_on == TODAY
    # The next quarter's call kept the proposal: nothing won, Renewal 70,000 in Commit.
    (next_call,) = calls_api.calls(plan, Q1)
    assert (next_call.commit, next_call.best_case) == (70_000, 70_000)
    # The calls tab: the week of Mon 23 Nov shows the call; the chart has its points.
    model = view.calls_panel.weeks_model
    row = [w.week for w in model.weeks].index(dt.date(2026, 11, 23))
    assert model.index(row, 2).data() == "105,000"
    assert model.index(row, 4).data() == "10,000"  # won so far
    assert model.index(row, 5).data() == "-95,000"  # 10,000 - 105,000
    chart = view.calls_panel.chart_view.chart()
    commit_line = next(s for s in chart.series() if s.objectName() == "commit")
    assert isinstance(commit_line, QLineSeries)
    assert [p.y() for p in commit_line.points()] == [105.0]  # thousands
    assert window.undo_stack.undoText() == "Record forecast call"

    undo(window)
    assert calls_api.calls(plan, Q4) == ()
    assert calls_api.calls(plan, Q1) == ()
    assert model.index(row, 1).data() == "no call"
    window.undo_stack.redo()
    assert [c.commit for c in calls_api.calls(plan, Q4)] == [105_000]


def test_a_best_case_below_commit_is_refused_in_the_dialog(
    window: MainWindow, plan: PlanDB, modals: drive.Modals
) -> None:
    view = forecast_tab(window)
    said: list[str] = []
    dialogs: list[QWidget] = []

    def answer(dialog: QWidget) -> None:
        dialogs.append(dialog)
        commit = drive.named(dialog, "Commit for 2026Q4", QLineEdit)
        assert isinstance(commit, QLineEdit)
        drive.type_into(commit, "200000")  # above the proposed Best Case of 150,000
        # After this answer returns: the refusal is a modal of its own, answered by the next one.
        QTimer.singleShot(0, lambda: drive.press_ok(dialog))

    def refused(box: QWidget) -> None:
        assert isinstance(box, QMessageBox)
        said.append(box.text())
        drive.answer_message_box(box, QMessageBox.StandardButton.Ok)
        # The dialog stays open for a correction: the seller gives up.
        QTimer.singleShot(0, lambda: drive.press_cancel(dialogs[0]))

    with modals.expecting(answer, refused):
        drive.click(drive.button(view, "Record forecast call…"))
    assert len(said) == 1
    assert "cannot be lower" in said[0]
    assert calls_api.calls(plan, Q4) == ()
    assert window.undo_stack.count() == 0


def test_the_edit_menu_records_a_call(window: MainWindow, plan: PlanDB, modals: drive.Modals) -> None:
    action = window.menus.record_call_action
    assert action.isEnabled()
    bar = window.menuBar()
    edit = next(a for a in bar.actions() if drive.bare(a.text()) == "Edit")
    with modals.expecting(
        drive.choose_in_menu("Record forecast call…"), answer_call("110000", "150000", "as proposed")
    ):
        drive.activate(window)
        drive.click(bar, bar.actionGeometry(edit).center())
    assert [c.commit for c in calls_api.calls(plan, Q4)] == [110_000]
    assert "2026Q4, 2027Q1" in window.statusBar().currentMessage()
