"""The main window driven like a seller would: create, edit, delete, filter, undo."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QDialogButtonBox,
    QMessageBox,
    QToolButton,
    QWidget,
)
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.model import AccountDraft, ForecastCategory, OpportunityDraft
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from ui.main_window import MainWindow


def _header(window: MainWindow, stage_id: int) -> str:
    column = window.board.column_for(stage_id)
    return f"{column.summary.text()} | {column.weighted.text()}"


def test_board_has_one_column_per_open_stage_with_totals(window: MainWindow) -> None:
    names = [c.stage.name for c in window.board.columns.values()]
    assert names == ["Prospect", "Qualified", "Evaluating", "Committed"]
    first = window.controller.columns[0]
    assert _header(window, first.id).startswith("8 deals")
    # Weighted = sum of amount x probability, converted: recomputed here from the plan itself.
    deals = [o for o in opportunity_repo.list_opportunities(window.plan) if o.stage_id == first.id]
    rates = {"EUR": 1.0, **window.controller.rates}
    expected = sum(
        (o.amount or 0) * rates[o.currency] * (o.probability_override or first.probability) / 100
        for o in deals
    )
    totals = window.controller.totals(first.id)
    assert totals.weighted == pytest.approx(expected)
    assert totals.amount == pytest.approx(sum((o.amount or 0) * rates[o.currency] for o in deals))
    assert window.is_demo
    assert window.banner is not None


def test_create_puts_the_card_in_its_column_and_changes_totals(
    window: MainWindow, qtmodeltester: ModelTester
) -> None:
    stage = window.controller.columns[2]
    model = window.controller.models[stage.id]
    qtmodeltester.check(model)
    before_header = _header(window, stage.id)
    before_count = len(model.cards)
    draft = OpportunityDraft(
        "Brand new deal", None, stage.id, amount=1_000_000.0, close_date=dt.date(2026, 12, 1)
    )
    new_id = window.deals.create_opportunity(draft)
    assert new_id is not None
    assert len(model.cards) == before_count + 1
    assert new_id in [c.id for c in model.cards]
    assert _header(window, stage.id) != before_header
    assert _header(window, stage.id).startswith(f"{before_count + 1} deals")
    assert window.board.selected_id() == new_id
    drive.click_dock_tab(window, window.details_dock)
    assert window.details.values["Title"].text() == "Brand new deal"
    qtmodeltester.check(model)
    window.undo_stack.undo()
    assert new_id not in [c.id for c in model.cards]
    assert opportunity_repo.get_opportunity(window.plan, new_id) is None
    window.undo_stack.redo()
    assert new_id in [c.id for c in model.cards]


def test_the_dialog_validates_inline_and_writes_nothing_until_valid(window: MainWindow, qtbot: QtBot) -> None:
    dialog = window.deals.opportunity_dialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    assert dialog.error.text() == ""  # nothing typed yet: nothing to complain about
    dialog.accept()  # Enter in a field: now the missing title is said
    assert "Title" in dialog.error.text()
    qtbot.keyClicks(dialog.title, "Pilot")
    assert ok.isEnabled()
    qtbot.keyClicks(dialog.amount, "12x")
    assert not ok.isEnabled()
    assert "Amount" in dialog.error.text()
    dialog.amount.setText("12000")
    dialog.close_date.setText("2026-02-30")
    assert "Date" in dialog.error.text()
    dialog.close_date.setText("2026-12-24")
    assert ok.isEnabled()
    dialog.forecast.setCurrentIndex(dialog.forecast.findText("Commit"))
    dialog.accept()
    draft = dialog.draft()
    assert (draft.title, draft.amount, draft.close_date) == ("Pilot", 12000.0, dt.date(2026, 12, 24))
    assert draft.forecast_category is ForecastCategory.COMMIT
    assert window.deals.create_opportunity(draft) is not None  # the enum survives the trip through Qt


def test_edit_moves_the_card_and_undo_restores_the_database(window: MainWindow) -> None:
    source = window.controller.columns[0]
    target = window.controller.columns[3]
    card = window.controller.models[source.id].cards[0]
    before = dump(window.plan)
    deal = opportunity_repo.get_opportunity(window.plan, card.id)
    assert deal is not None
    draft = OpportunityDraft(
        "Edited title", deal.account_id, target.id, amount=5.0, close_date=deal.close_date
    )
    modals = drive.Modals()

    def tick_the_first(dialog: QWidget) -> None:  # the move dialog asks for the commitment
        drive.click_check_box(next(b for b in dialog.findChildren(QCheckBox) if b.isEnabled()))
        drive.press_ok(dialog)

    with modals.expecting(tick_the_first):
        assert window.deals.save_opportunity(card.id, draft)
    assert modals.answered == 1
    assert not modals.take_unexpected()
    assert card.id in [c.id for c in window.controller.models[target.id].cards]
    assert card.id not in [c.id for c in window.controller.models[source.id].cards]
    window.undo_stack.undo()
    assert dump(window.plan) == before
    assert card.id in [c.id for c in window.controller.models[source.id].cards]


def answer(choice: QMessageBox.StandardButton) -> drive.Answer:
    return lambda box: drive.answer_message_box(box, choice)


def test_delete_asks_first_and_can_be_undone(window: MainWindow) -> None:
    stage = window.controller.columns[1]
    card = window.controller.models[stage.id].cards[0]
    window.board.select(card.id)
    before = dump(window.plan)
    with drive.Modals().expecting(answer(QMessageBox.StandardButton.No)):
        window.deals.delete_selected()
    assert opportunity_repo.get_opportunity(window.plan, card.id) is not None
    with drive.Modals().expecting(answer(QMessageBox.StandardButton.Yes)):
        window.deals.delete_selected()
    assert opportunity_repo.get_opportunity(window.plan, card.id) is None
    assert card.id not in [c.id for c in window.controller.models[stage.id].cards]
    window.undo_stack.undo()
    assert dump(window.plan) == before


def test_filter_as_you_type(window: MainWindow, qtbot: QtBot) -> None:
    total = sum(len(m.visible_cards) for m in window.controller.models.values())
    qtbot.keyClicks(window.filter_edit, "northwind")
    visible = [c for m in window.controller.models.values() for c in m.visible_cards]
    assert 0 < len(visible) < total
    names = window.controller.accounts
    assert all("northwind" in f"{c.title} {names.get(c.account_id or 0, '')}".lower() for c in visible)
    window.filter_edit.clear()
    assert sum(len(m.visible_cards) for m in window.controller.models.values()) == total


def _shown(window: MainWindow) -> int:
    return sum(window.board.column_for(s.id).view.model().rowCount() for s in window.controller.columns)


def _click(widget: QWidget, at: QPoint | None = None) -> None:
    QTest.mouseClick(
        widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at or widget.rect().center()
    )


def test_escape_clears_the_filter_and_returns_to_the_selected_card(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitExposed(window)
    total = _shown(window)
    # A card the filter will hide, chosen with the mouse.
    stage = window.controller.columns[1]
    names = window.controller.accounts
    card = next(
        c
        for c in window.controller.models[stage.id].visible_cards
        if "northwind" not in f"{c.title} {names.get(c.account_id or 0, '')}".lower()
    )
    view = window.board.column_for(stage.id).view
    row = window.controller.models[stage.id].row_of(card.id)
    _click(view.viewport(), view.visualRect(view.model().index(row, 0)).center())
    assert window.board.selected_id() == card.id
    qtbot.keyClick(view, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.filter_edit.hasFocus()
    qtbot.keyClicks(window.filter_edit, "northwind")
    assert 0 < _shown(window) < total
    assert window.board_filter.notice is None or not window.board_filter.notice.isVisible()

    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Escape)
    assert window.filter_edit.text() == ""
    assert _shown(window) == total
    assert QApplication.focusWidget() is view
    assert [i.row() for i in view.selectionModel().selectedIndexes()] == [row]
    assert window.board.selected_id() == window.details.opportunity_id == card.id


def test_a_filter_that_matches_nothing_says_so_until_cleared(window: MainWindow, qtbot: QtBot) -> None:
    qtbot.waitExposed(window)
    total = _shown(window)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "<b>nothing")
    assert _shown(window) == 0
    notice = window.board_filter.notice
    assert notice is not None
    assert notice.isVisible()
    # What the seller typed, as typed: plain text, not markup.
    assert notice.label.textFormat() == Qt.TextFormat.PlainText
    assert notice.label.text() == "No deal matches “<b>nothing”."
    _click(notice.clear_button)
    assert window.filter_edit.text() == ""
    assert _shown(window) == total
    assert not notice.isVisible()

    # The line edit's own clear button (✕) clears it too.
    qtbot.keyClicks(window.filter_edit, "zzz")
    assert _shown(window) == 0
    assert notice.isVisible()
    clear = window.filter_edit.findChild(QToolButton)
    assert clear is not None
    qtbot.waitUntil(clear.isVisible)
    _click(clear)
    assert window.filter_edit.text() == ""
    assert _shown(window) == total
    assert not notice.isVisible()


def test_accounts_create_rename_delete_with_undo(window: MainWindow) -> None:
    before = dump(window.plan)
    new_id = window.account_actions.create_account(AccountDraft("Contoso"))
    assert new_id is not None
    assert window.accounts.model.row_of(new_id) >= 0
    acme = next(a for a in account_repo.list_accounts(window.plan) if a.name == "Acme Manufacturing")
    assert window.account_actions.save_account(acme.id, AccountDraft("Acme Corp"))
    accounts_on_cards = {
        m.face(c).account  # type: ignore[union-attr]
        for m in window.controller.models.values()
        for c in m.cards
    }
    assert "Acme Corp" in accounts_on_cards
    assert "Acme Manufacturing" not in accounts_on_cards
    deals = len(opportunity_repo.list_opportunities(window.plan, account_id=acme.id))
    with drive.Modals().expecting(answer(QMessageBox.StandardButton.Yes)):
        window.account_actions.delete_account(acme.id)
    assert len(opportunity_repo.list_opportunities(window.plan)) == 40 - deals
    for _ in range(3):
        window.undo_stack.undo()
    assert dump(window.plan) == before


def test_a_write_that_fails_is_reported_and_the_board_shows_the_database(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors: list[tuple[Any, ...]] = []
    monkeypatch.setattr(window, "show_error", lambda *a: errors.append(a))
    window.plan.conn.execute("PRAGMA query_only = ON")  # every write now fails like a read-only file
    stage = window.controller.columns[0]
    count = len(window.controller.models[stage.id].cards)
    assert window.deals.create_opportunity(OpportunityDraft("Will fail", None, stage.id)) is None
    assert errors
    assert "could not be saved" in errors[0][1] or "read-only" in errors[0][1]
    assert len(window.controller.models[stage.id].cards) == count
    assert window.undo_stack.count() == 0
    window.plan.conn.execute("PRAGMA query_only = OFF")


def test_keyboard_moves_between_columns(window: MainWindow, qtbot: QtBot) -> None:
    first = window.controller.columns[0]
    card = window.controller.models[first.id].visible_cards[0]
    assert window.board.select(card.id)
    view = window.board.column_for(first.id).view
    qtbot.keyClick(view, Qt.Key.Key_Right)
    second = window.controller.columns[1]
    assert window.board.selected_id() == window.controller.models[second.id].visible_cards[0].id
    assert window.details.opportunity_id == window.board.selected_id()


def test_forecast_and_cleanup_tabs_are_built_when_first_opened(window: MainWindow) -> None:
    assert window.forecast_view is None
    assert window.hygiene_view is None
    window.tabs.setCurrentIndex(2)
    assert window.forecast_view is not None
    assert window.tabs.currentWidget() is window.forecast_view
    window.tabs.setCurrentIndex(3)
    assert window.hygiene_view is not None
    assert window.tabs.currentWidget() is window.hygiene_view
    assert window.people_view is None
    window.tabs.setCurrentIndex(5)
    assert window.people_view is not None
    assert window.tabs.currentWidget() is window.people_view
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "&Board",
        "&Archive",
        "Fo&recast",
        "&Clean-up",
        "A&genda",
        "&People",
        "Perf&ormance",
    ]


def test_an_undo_that_cannot_be_written_is_reported_and_the_board_shows_the_database(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    errors: list[tuple[Any, ...]] = []
    monkeypatch.setattr(window, "show_error", lambda *a: errors.append(a))
    stage = window.controller.columns[0]
    new_id = window.deals.create_opportunity(OpportunityDraft("Undo will fail", None, stage.id))
    assert new_id is not None
    window.plan.conn.execute("PRAGMA query_only = ON")  # like a disk that filled up meanwhile
    try:
        window.undo_stack.undo()
        assert errors
        assert errors[0][0] == "The change could not be undone or redone"
        assert opportunity_repo.get_opportunity(window.plan, new_id) is not None  # still there
        assert new_id in [c.id for c in window.controller.models[stage.id].cards]  # and shown
        qtbot.waitUntil(lambda: window.undo_stack.count() == 0)
    finally:
        window.plan.conn.execute("PRAGMA query_only = OFF")
