"""Walking away from several deals in the Clean-up tab asks why as closing a deal does: a reason
from the plan's list, the competitor when a competitor won, and a note. Driven through the real
window: tab and row clicks, the button, the dialog answered with typed text and arrow keys."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from planner import close_reasons
from planner.model import FunnelLevel
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.hygiene_view import HygieneView
from ui.main_window import MainWindow

HOSTILE = "<b>Initech</b> & <i>Co</i>"


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    drive.activate(w)
    yield w
    w.undo_stack.clear()


def _clean_up_tab(window: MainWindow) -> HygieneView:
    drive.click_tab(window.tabs, window.tabs.indexOf(window._hygiene_tab))
    view = window.hygiene_view
    assert view is not None
    assert window.tabs.currentWidget() is view
    return view


def _select_first_rows(view: HygieneView, count: int) -> list[int]:
    """Click the first row, Ctrl+click the next ones; the deals' ids in list order."""
    table = view.table
    for row in range(count):
        index = view.proxy.index(row, 1)
        modifier = Qt.KeyboardModifier.ControlModifier if row else Qt.KeyboardModifier.NoModifier
        QTest.mouseClick(
            table.viewport(), Qt.MouseButton.LeftButton, modifier, table.visualRect(index).center()
        )
    ids = view.selected_ids()
    assert len(ids) == count
    return ids


def _ok(dialog: QWidget) -> bool:
    box = dialog.findChild(QDialogButtonBox)
    assert box is not None
    return box.button(QDialogButtonBox.StandardButton.Ok).isEnabled()


def _walk_away(view: HygieneView, answer: drive.Answer) -> None:
    modals = drive.Modals()
    with modals.expecting(answer):
        drive.click(view.walk_away_button)
    assert modals.take_unexpected() == []
    assert modals.answered == 1


def test_walking_away_from_two_deals_to_a_named_competitor(window: MainWindow) -> None:
    plan = window.plan
    view = _clean_up_tab(window)
    ids = _select_first_rows(view, 2)
    before = dump(plan)
    seen: dict[str, object] = {}

    def answer(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        codes = [combo.itemData(i) for i in range(combo.count())]
        seen["offered"] = [combo.itemText(i) for i in range(combo.count())]
        seen["ok before a reason"] = _ok(dialog)
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Note")), "They bundled it with support")
        seen["ok with only a note"] = _ok(dialog)
        drive.pick_in_combo(combo, codes.index(close_reasons.COMPETITOR))
        seen["ok without the competitor"] = _ok(dialog)
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Competitor")), HOSTILE)
        seen["ok"] = _ok(dialog)
        drive.press_ok(dialog)

    _walk_away(view, answer)
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
    walked = {s.id for s in stage_repo.list_stages(plan) if s.level is FunnelLevel.WALKED_AWAY}
    for deal_id in ids:
        deal = opportunity_repo.get_opportunity(plan, deal_id)
        assert deal is not None
        assert deal.stage_id in walked
        assert (deal.close_reason_code, deal.close_competitor, deal.close_reason) == (
            close_reasons.COMPETITOR,
            HOSTILE,
            "They bundled it with support",
        )
        # The stage history says why in one line, in English, as a close from the board does.
        assert opportunity_repo.stage_history(plan, deal_id)[-1].reason == (
            f"Competitor won ({HOSTILE}): They bundled it with support"
        )
    assert not {row.id for row in view.model.rows} & set(ids)
    # One undo entry for both deals, undone from the keyboard.
    drive.activate(window)
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    drive.settle()
    assert dump(plan) == before


def test_a_reason_alone_walks_away_and_cancel_writes_nothing(window: MainWindow) -> None:
    plan = window.plan
    view = _clean_up_tab(window)
    [deal_id] = _select_first_rows(view, 1)
    before = dump(plan)

    def cancel(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        drive.pick_in_combo(combo, 0)
        drive.press_cancel(dialog)

    _walk_away(view, cancel)
    assert dump(plan) == before

    def budget_cut(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Reason")
        assert isinstance(combo, QComboBox)
        drive.pick_in_combo(combo, [combo.itemData(i) for i in range(combo.count())].index("budget_cut"))
        assert _ok(dialog)  # the note is optional once a reason is chosen
        drive.press_ok(dialog)

    _walk_away(view, budget_cut)
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    assert (deal.close_reason_code, deal.close_competitor, deal.close_reason) == ("budget_cut", "", "")
    assert opportunity_repo.stage_history(plan, deal_id)[-1].reason == "Budget cut"
