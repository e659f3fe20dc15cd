"""One next step in the real window: the card, Deal details, the Blue Sheet and Edit deal agree."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from planner import sheet_operations as sheet
from planner.model import ActionStatus
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from tests.ui.blue_sheet_harness import show_tab
from ui.board.delegate import next_step_line
from ui.board.models import FACE_ROLE, ID_ROLE, CardFace
from ui.dialogs.opportunity_dialog import OpportunityDialog
from ui.main_window import MainWindow

DUE = dt.date(2099, 12, 15)


@dataclasses.dataclass
class Deal:
    id: int
    stage_id: int
    crm: str  # the CRM's NextStep, as the demo's import left it


def _deal_with_only_a_crm_step(plan: PlanDB) -> Deal:
    """A deal near the top of its column whose action plan is all done: only the CRM's step is left."""
    deals = [o for o in opportunity_repo.list_opportunities(plan) if o.closed_on is None and o.next_step]
    deal = min(deals, key=lambda o: (o.close_date or dt.date.max, o.id))
    for action in activity_repo.list_actions(plan, deal.id):
        if action.status is not ActionStatus.DONE:
            sheet.update_action(plan, dataclasses.replace(action, status=ActionStatus.DONE), TODAY)
    return Deal(deal.id, deal.stage_id, deal.next_step)


@pytest.fixture
def deal(demo_plan: PlanDB) -> Deal:
    return _deal_with_only_a_crm_step(demo_plan)


def _window(qtbot: QtBot, plan: PlanDB) -> Iterator[MainWindow]:
    w = MainWindow(plan)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)  # key presses go to the active window only
    yield w
    w.undo_stack.clear()


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB, deal: Deal) -> Iterator[MainWindow]:
    yield from _window(qtbot, demo_plan)


def _card(window: MainWindow, deal: Deal) -> tuple[QAbstractItemView, QModelIndex]:
    column = window.board.column_for(deal.stage_id)
    row = column.model.row_of(deal.id)
    assert row >= 0
    index = column.proxy.index(row, 0)
    assert index.data(ID_ROLE) == deal.id
    return column.view, index


def _click_card(window: MainWindow, deal: Deal) -> None:
    view, index = _card(window, deal)
    view.scrollTo(index)
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        view.visualRect(index).center(),
    )
    assert window.board.selected_id() == deal.id


def _shown(window: MainWindow, deal: Deal) -> dict[str, str]:
    """The next step as each view shows it, with each view's own framing taken off."""
    _view, index = _card(window, deal)
    face = index.data(FACE_ROLE)
    assert isinstance(face, CardFace)
    line = next_step_line(face, window.controller.today())
    spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
    sheet_line = window.blue_sheet.action_section.next_label.text()
    card_word, sentence_word, sheet_word = (
        QApplication.translate("Card", "Next: {step}").split("{step}")[0],
        QApplication.translate("Format", "next step: {step}").split("{step}")[0],
        QApplication.translate("ActionSection", "Next step: {step}").split("{step}")[0],
    )
    assert line.startswith(card_word), line
    assert sheet_line.startswith(sheet_word), sheet_line
    assert sentence_word in spoken, spoken
    return {
        "card": line.removeprefix(card_word),
        "spoken": spoken.split(sentence_word)[1].split(QApplication.translate("Format", ", "))[0],
        "details": window.details.values["Next step"].text(),
        "blue sheet": sheet_line.removeprefix(sheet_word),
    }


def _all_show(window: MainWindow, deal: Deal, text: str) -> None:
    # An edit re-inserts the card into its column, and the board may then select a neighbour
    # (it did before this change too): click the deal again, as a seller would, then read.
    _click_card(window, deal)
    drive.click_dock_tab(window, window.details_dock)
    shown = _shown(window, deal)
    assert shown == dict.fromkeys(shown, text)


def _add_action(window: MainWindow, qtbot: QtBot, what: str, due_keys: str) -> None:
    """Type an action into the Blue Sheet's form and press its Add button, as a seller would."""
    section = window.blue_sheet.action_section
    show_tab(section.what)
    QTest.mouseClick(section.what, Qt.MouseButton.LeftButton)
    assert QApplication.focusWidget() is section.what
    qtbot.keyClicks(section.what, what)
    qtbot.keyClick(section.what, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is section.who
    qtbot.keyClick(section.who, Qt.Key.Key_Tab)
    # The due date is typed as the seller reads dates (the date field takes ISO or the window's own).
    typed = QApplication.focusWidget()
    assert typed is not None
    assert section.due.isAncestorOf(typed) or typed is section.due
    qtbot.keyClicks(typed, due_keys)
    QTest.mouseClick(section.add, Qt.MouseButton.LeftButton)


def _undo(window: MainWindow, deal: Deal) -> None:
    """Ctrl+Z on the board, the window active again (offscreen, nothing gives it back after a dialog)."""
    _click_card(window, deal)
    view, _index = _card(window, deal)
    drive.activate(window)
    QTest.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)


def _open_actions(plan: PlanDB, deal: Deal) -> list[tuple[str, dt.date | None]]:
    return [
        (a.what, a.due)
        for a in activity_repo.list_actions(plan, deal.id)
        if a.status is not ActionStatus.DONE
    ]


def _edit_deal(window: MainWindow, deal: Deal, qtbot: QtBot, typed: str) -> dict[str, Any]:
    """Open Edit deal with Enter on the card; a timer answers it: clear the Next step, then type."""
    seen: dict[str, Any] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OpportunityDialog)
        try:
            field = dialog.next_step
            ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
            seen["field"] = field.text()
            seen["on the card"] = (
                dialog.next_step_shown.text() if not dialog.next_step_shown.isHidden() else ""
            )
            QTest.mouseClick(field, Qt.MouseButton.LeftButton)
            QTest.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClick(field, Qt.Key.Key_Delete)
            seen["cleared"] = (ok.isEnabled(), dialog.error.text())
            QTest.keyClicks(field, typed)
            seen["typed"] = ok.isEnabled()
            QTest.mouseClick(ok, Qt.MouseButton.LeftButton)
        finally:
            if dialog.isVisible():
                dialog.reject()

    _click_card(window, deal)
    view, _index = _card(window, deal)
    QTimer.singleShot(0, answer)
    QTest.keyClick(view, Qt.Key.Key_Return)
    return seen


def test_card_details_blue_sheet_and_edit_deal_show_one_next_step(
    window: MainWindow, deal: Deal, qtbot: QtBot
) -> None:
    plan = window.plan
    _click_card(window, deal)
    # Only the CRM gave a step: every view says so, and the Blue Sheet offers to plan it.
    _all_show(window, deal, f"CRM: {deal.crm}")
    section = window.blue_sheet.action_section
    assert not section.plan_crm.isHidden()

    _add_action(window, qtbot, "Send the proposal", "2099-12-15")
    assert _open_actions(plan, deal) == [("Send the proposal", DUE)]
    _all_show(window, deal, "Send the proposal (due 15 Dec 2099)")
    assert section.plan_crm.isHidden()

    commands = window.undo_stack.count()
    seen = _edit_deal(window, deal, qtbot, "Send the revised proposal")
    # The dialog shows the action the card shows, and the card's words under it.
    assert seen["field"] == "Send the proposal"
    assert seen["on the card"] == "On the card: Send the proposal (due 15 Dec 2099)"
    ok_enabled, message = seen["cleared"]
    assert not ok_enabled
    assert "mark its action done or remove it in the Blue Sheet" in message
    assert seen["typed"]
    assert window.undo_stack.count() == commands + 1  # one edit
    _all_show(window, deal, "Send the revised proposal (due 15 Dec 2099)")
    assert _open_actions(plan, deal) == [("Send the revised proposal", DUE)]
    stored = opportunity_repo.get_opportunity(plan, deal.id)
    assert stored is not None
    assert stored.next_step == deal.crm  # the CRM's field stays the CRM's

    _undo(window, deal)
    assert _open_actions(plan, deal) == [("Send the proposal", DUE)]
    _all_show(window, deal, "Send the proposal (due 15 Dec 2099)")
    _undo(window, deal)
    assert _open_actions(plan, deal) == []
    _all_show(window, deal, f"CRM: {deal.crm}")


def test_the_crms_step_is_planned_as_an_action_in_one_click(
    window: MainWindow, deal: Deal, qtbot: QtBot
) -> None:
    _click_card(window, deal)
    section = window.blue_sheet.action_section
    show_tab(section.plan_crm)
    QTest.mouseClick(section.plan_crm, Qt.MouseButton.LeftButton)
    assert _open_actions(window.plan, deal) == [(deal.crm, None)]
    (planned,) = [a for a in activity_repo.list_actions(window.plan, deal.id) if a.what == deal.crm]
    assert planned.status is ActionStatus.PLANNED
    _all_show(window, deal, deal.crm)
    assert section.plan_crm.isHidden()
    _undo(window, deal)
    assert _open_actions(window.plan, deal) == []
    _all_show(window, deal, f"CRM: {deal.crm}")


def test_edit_deal_plans_the_next_step_of_a_deal_without_one(
    window: MainWindow, deal: Deal, qtbot: QtBot
) -> None:
    seen = _edit_deal(window, deal, qtbot, "Book the workshop")
    # No action yet: an empty field is fine, and the CRM's step is the placeholder, labelled.
    assert (seen["field"], seen["on the card"]) == ("", "")
    assert seen["cleared"] == (True, "")
    assert _open_actions(window.plan, deal) == [("Book the workshop", None)]
    _all_show(window, deal, "Book the workshop")
    _undo(window, deal)
    assert _open_actions(window.plan, deal) == []


@pytest.mark.usefixtures("german")
def test_a_german_window_words_the_next_step_in_german(qtbot: QtBot, demo_plan: PlanDB, deal: Deal) -> None:
    for window in _window(qtbot, demo_plan):
        _click_card(window, deal)
        _all_show(window, deal, f"CRM: {deal.crm}")
        _add_action(window, qtbot, "Angebot senden", "15.12.2099")
        assert _open_actions(demo_plan, deal) == [("Angebot senden", DUE)]
        _all_show(window, deal, "Angebot senden (fällig am 15. Dez. 2099)")
        _view, index = _card(window, deal)
        spoken = index.data(Qt.ItemDataRole.AccessibleTextRole)
        assert "nächster Schritt: Angebot senden (fällig am 15. Dez. 2099)" in spoken
        assert "2099-12-15" not in spoken
