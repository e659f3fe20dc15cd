"""Closing with a reason, the list of close reasons and the Archive's win/loss section, driven
through the real window: clicks, typed text, menus and dialogs answered as a seller would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QTableWidget,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner import close_reasons
from planner.model import FunnelLevel
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.archive import COLUMNS
from ui.board.models import ID_ROLE
from ui.main_window import MainWindow

HOSTILE = "<b>Initech</b> & <i>Co</i>"


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    drive.activate(w)
    yield w
    w.undo_stack.clear()


def _first_card(window: MainWindow) -> tuple[QAbstractItemView, int]:
    column = window.board.column_for(window.controller.columns[1].id)
    view = column.view
    index = view.model().index(0, 0)
    return view, int(index.data(ID_ROLE))


def _close_from_menu(window: MainWindow, stage_name: str, answer: drive.Answer) -> None:
    view, _deal = _first_card(window)
    modals = drive.Modals()
    with modals.expecting(drive.choose_in_menu("Move to", stage_name), answer):
        drive.open_context_menu(view, view.model().index(0, 0))
    assert modals.take_unexpected() == []
    assert modals.answered == 2


def _ok(dialog: QWidget) -> bool:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _cell(table: QTableWidget, row: int, column: int) -> str:
    item = table.item(row, column)
    assert item is not None
    return item.text()


def _undo(window: MainWindow, key: QKeySequence.StandardKey) -> None:
    drive.activate(window)
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(key))
    drive.settle()


def test_losing_to_a_named_competitor_then_undo_and_redo(window: MainWindow) -> None:
    plan = window.plan
    _view, deal_id = _first_card(window)
    lost = next(s for s in stage_repo.list_stages(plan) if s.level is FunnelLevel.LOST)
    before = dump(plan)
    seen: dict[str, object] = {}

    def answer(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        seen["offered"] = [combo.itemText(i) for i in range(combo.count())]
        seen["ok before a reason"] = _ok(dialog)
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Note")), "Their price was lower")
        seen["ok with only a note"] = _ok(dialog)
        drive.pick_in_combo(combo, [combo.itemData(i) for i in range(combo.count())].index("competitor"))
        seen["ok without the competitor"] = _ok(dialog)
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Competitor")), HOSTILE)
        seen["ok"] = _ok(dialog)
        drive.press_ok(dialog)

    _close_from_menu(window, lost.name, answer)
    assert seen == {
        "offered": [
            "Price", "Timing", "No decision", "Competitor won", "Product fit", "Relationship", "Budget cut",
            "Other",
        ],
        "ok before a reason": False,
        "ok with only a note": False,
        "ok without the competitor": False,
        "ok": True,
    }  # fmt: skip
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    assert deal.stage_id == lost.id
    assert (deal.close_reason_code, deal.close_competitor, deal.close_reason) == (
        "competitor",
        HOSTILE,
        "Their price was lower",
    )
    closed = dump(plan)

    # The Archive lists it with its reason, and its win/loss section counts it, as plain text.
    drive.click_tab(window.tabs, window.tabs.indexOf(window.archive))
    archive = window.archive
    reasons = [
        archive.proxy.index(r, COLUMNS.index("Reason")).data() for r in range(archive.proxy.rowCount())
    ]
    assert f"Competitor won ({HOSTILE}): Their price was lower" in reasons
    competitors = archive.win_loss.by_competitor
    names = [_cell(competitors, r, 0) for r in range(competitors.rowCount())]
    assert HOSTILE in names
    shown = _cell(competitors, names.index(HOSTILE), 2)
    assert shown.startswith("1 · ")  # one deal lost to them

    _undo(window, QKeySequence.StandardKey.Undo)
    assert dump(plan) == before
    _undo(window, QKeySequence.StandardKey.Redo)
    assert dump(plan) == closed


def test_a_won_deal_is_not_offered_competitor_won_and_needs_no_competitor(window: MainWindow) -> None:
    won = next(s for s in stage_repo.list_stages(window.plan) if s.level is FunnelLevel.WON)
    _view, deal_id = _first_card(window)
    seen: list[object] = []

    def answer(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        seen.append([combo.itemData(i) for i in range(combo.count())])
        drive.pick_in_combo(combo, 0)
        seen.append(_ok(dialog))
        drive.press_ok(dialog)

    _close_from_menu(window, won.name, answer)
    assert seen == [[c for c in close_reasons.DEFAULT_CODES if c != "competitor"] + ["other"], True]
    deal = opportunity_repo.get_opportunity(window.plan, deal_id)
    assert deal is not None
    assert (deal.stage_id, deal.close_reason_code, deal.close_competitor) == (won.id, "price", "")


def _edit_close_reasons(window: MainWindow, answer: drive.Answer) -> drive.Modals:
    """Edit → Close reasons… from the keyboard (Alt+E opens the Edit menu)."""
    modals = drive.Modals()
    drive.activate(window)
    with modals.expecting(drive.choose_in_menu("Close reasons…"), answer):
        QTest.keyClick(window, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)
    return modals


def test_the_list_is_edited_in_the_plans_settings_undoably(window: MainWindow) -> None:
    plan = window.plan
    seen: list[str] = []

    def answer(dialog: QWidget) -> None:
        reasons = dialog.findChild(QListWidget)
        assert reasons is not None
        drive.click_row(reasons, reasons.model().index(1, 0))  # Timing
        drive.push_button(dialog, "Remove")
        drive.type_into(drive.line_edit_of(drive.named(dialog, "New reason")), "price")  # already there
        drive.push_button(dialog, "Add")
        message = drive.named(dialog, "Validation message")
        assert isinstance(message, QLabel)
        seen.append(message.text())
        drive.type_into(drive.line_edit_of(drive.named(dialog, "New reason")), HOSTILE)
        drive.push_button(dialog, "Add")
        drive.push_button(dialog, "Move up")
        drive.press_ok(dialog)

    modals = _edit_close_reasons(window, answer)
    assert modals.take_unexpected() == []
    assert seen == ["“Price” is in the list twice."]
    edited = ("price", "no_decision", "competitor", "product_fit", "relationship", HOSTILE, "budget_cut")
    assert close_reasons.reason_codes(plan) == edited

    # Closing now offers the seller's reason, as text.
    lost = next(s for s in stage_repo.list_stages(plan) if s.level is FunnelLevel.LOST)
    _view, deal_id = _first_card(window)
    offered: list[str] = []

    def close(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        offered.extend(combo.itemText(i) for i in range(combo.count()))
        drive.pick_in_combo(combo, offered.index(HOSTILE))
        drive.press_ok(dialog)

    _close_from_menu(window, lost.name, close)
    assert HOSTILE in offered
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    assert deal.close_reason_code == HOSTILE
    drive.click_tab(window.tabs, window.tabs.indexOf(window.archive))
    table: QTableWidget = window.archive.win_loss.by_reason
    assert HOSTILE in [_cell(table, r, 0) for r in range(table.rowCount())]

    _undo(window, QKeySequence.StandardKey.Undo)  # the close
    _undo(window, QKeySequence.StandardKey.Undo)  # the list
    assert close_reasons.reason_codes(plan) == close_reasons.DEFAULT_CODES
    _undo(window, QKeySequence.StandardKey.Redo)
    assert close_reasons.reason_codes(plan) == edited
