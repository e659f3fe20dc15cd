"""Moving cards: drag and drop (model and view), keyboard, menu; the dialogs; archive; undo."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.model import FunnelLevel
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from ui.board.models import MIME_TYPE
from ui.dialogs.move_dialog import MoveDialog
from ui.main_window import MainWindow


def answer_dialogs(
    monkeypatch: pytest.MonkeyPatch, *, accept: bool, reason: str = "Because"
) -> list[MoveDialog]:
    """Make MoveDialog.exec answer like a seller: tick the first commitment (or give a reason)."""
    shown: list[MoveDialog] = []

    def fake_exec(dialog: MoveDialog) -> int:
        shown.append(dialog)
        if not accept:
            return int(MoveDialog.DialogCode.Rejected)
        if dialog.checks:
            dialog.checks[0].setChecked(True)
        if dialog.kind == "close":
            dialog.reason_choice.setCurrentIndex(0)
        dialog.reason.setText(reason)
        assert dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
        return int(MoveDialog.DialogCode.Accepted)

    monkeypatch.setattr(MoveDialog, "exec", fake_exec)
    return shown


def ids(window: MainWindow, stage_index: int) -> list[int]:
    return [c.id for c in window.controller.models[window.controller.columns[stage_index].id].cards]


def test_drop_through_the_models_mime_data(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester
) -> None:
    shown = answer_dialogs(monkeypatch, accept=True)
    source = window.controller.models[window.controller.columns[0].id]
    target = window.controller.models[window.controller.columns[1].id]
    qtmodeltester.check(source)
    qtmodeltester.check(target)
    card = source.visible_cards[0]
    data = source.mimeData([source.index(0, 0)])
    assert data.hasFormat(MIME_TYPE)
    target.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert len(shown) == 1
    assert shown[0].kind == "forward"
    assert card.id in ids(window, 1)
    assert card.id not in ids(window, 0)
    move = opportunity_repo.stage_history(window.plan, card.id)[-1]
    assert move.commitment == window.controller.columns[0].exit_commitments[0]
    assert move.commitment_date == dt.date.today()
    qtmodeltester.check(source)
    qtmodeltester.check(target)


def test_drop_on_the_same_column_or_with_foreign_data_does_nothing(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = answer_dialogs(monkeypatch, accept=True)
    model = window.controller.models[window.controller.columns[0].id]
    before = dump(window.plan)
    data = model.mimeData([model.index(0, 0)])
    assert not model.dropMimeData(data, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    foreign = QMimeData()
    foreign.setText("hello")
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    junk = QMimeData()
    junk.setData(MIME_TYPE, b"not-a-number")
    assert not model.dropMimeData(junk, Qt.DropAction.MoveAction, -1, -1, QModelIndex())
    assert shown == []
    assert dump(window.plan) == before


def test_drop_event_on_the_view_moves_the_card(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    answer_dialogs(monkeypatch, accept=True)
    source_model = window.controller.models[window.controller.columns[1].id]
    card = source_model.visible_cards[0]
    data = source_model.mimeData([source_model.index(0, 0)])
    target_view = window.board.column_for(window.controller.columns[2].id).view
    point = QPointF(target_view.viewport().rect().center())
    buttons, keys = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    # The sequence a real drag delivers: enter, move (the view accepts), then the drop.
    for kind in (QDragEnterEvent, QDragMoveEvent):
        approach = kind(point.toPoint(), Qt.DropAction.MoveAction, data, buttons, keys)
        QApplication.sendEvent(target_view.viewport(), approach)
        assert approach.isAccepted()
    event = QDropEvent(point, Qt.DropAction.MoveAction, data, buttons, keys)
    QApplication.sendEvent(target_view.viewport(), event)
    assert card.id in ids(window, 2)


def test_cancel_leaves_everything_as_it_was(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    shown = answer_dialogs(monkeypatch, accept=False)
    card = window.controller.models[window.controller.columns[0].id].visible_cards[0]
    before = dump(window.plan)
    assert not window.deals.request_move(card.id, window.controller.columns[2].id)
    assert len(shown) == 1
    assert dump(window.plan) == before
    assert card.id in ids(window, 0)
    assert window.undo_stack.count() == 0


def test_keyboard_ctrl_arrows_move_and_undo_redo(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    shown = answer_dialogs(monkeypatch, accept=True, reason="The economic buyer changed")
    card = window.controller.models[window.controller.columns[1].id].visible_cards[0]
    before = dump(window.plan)
    window.board.select(card.id)
    view = window.board.column_for(window.controller.columns[1].id).view
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert card.id in ids(window, 2)
    assert shown[-1].kind == "forward"
    qtbot.keyClick(
        window.board.column_for(window.controller.columns[2].id).view,
        Qt.Key.Key_Left,
        Qt.KeyboardModifier.ControlModifier,
    )
    assert shown[-1].kind == "backward"
    assert opportunity_repo.stage_history(window.plan, card.id)[-1].reason == "The economic buyer changed"
    assert card.id in ids(window, 1)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert dump(window.plan) == before
    window.undo_stack.redo()
    assert card.id in ids(window, 2)


def test_close_as_lost_goes_to_the_archive_and_reopens(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester
) -> None:
    qtmodeltester.check(window.archive.model)
    shown = answer_dialogs(monkeypatch, accept=True, reason="Lost to Contoso on price")
    stage = window.controller.columns[3]
    card = window.controller.models[stage.id].visible_cards[0]
    lost = next(s for s in window.controller.stages if s.level is FunnelLevel.LOST)
    assert window.deals.request_move(card.id, lost.id)
    assert shown[-1].kind == "close"
    assert window.controller.stage_of(card.id) is None
    window.tabs.setCurrentWidget(window.archive)
    rows = [window.archive.model.deal_at(r) for r in range(window.archive.model.rowCount())]
    closed = next(d for d in rows if d is not None and d.id == card.id)
    assert (closed.stage, closed.reason, closed.closed_on) == (
        "Lost",
        "Lost to Contoso on price",
        dt.date.today(),
    )
    qtmodeltester.check(window.archive.model)
    window.archive.table.selectRow(rows.index(closed))
    window.archive.reopen_button.click()
    qtmodeltester.check(window.archive.model)
    assert window.controller.stage_of(card.id) == stage.id
    assert card.id not in [
        d.id for d in (window.archive.model.deal_at(r) for r in range(window.archive.model.rowCount())) if d
    ]


def test_context_menu_offers_every_other_stage(window: MainWindow) -> None:
    stage = window.controller.columns[0]
    card = window.controller.models[stage.id].visible_cards[0]
    menu = window.menus.card_menu(card.id)
    move_menu = menu.actions()[0].menu()
    assert isinstance(move_menu, QMenu)
    entries = {a.text(): a.isEnabled() for a in move_menu.actions()}
    assert entries["Prospect"] is False
    assert all(entries[name] for name in ("Qualified", "Committed", "Won", "Lost", "Walked away"))
    menu.deleteLater()


def test_snooze_hides_the_stale_badge_and_undo_returns_it(window: MainWindow) -> None:
    stale = next(
        c
        for m in window.controller.models.values()
        for c in m.cards
        if window.controller.status(c).stale_days is not None
    )
    before = dump(window.plan)
    assert window.deals.snooze(stale.id, dt.date.today() + dt.timedelta(days=7), "Budget round in January")
    model = window.controller.models[stale.stage_id]
    refreshed = next(c for c in model.cards if c.id == stale.id)
    status = model.status(refreshed)
    assert status is not None
    assert status.stale_days is None
    assert status.snoozed
    window.board.select(stale.id)
    drive.click_dock_tab(window, window.details_dock)
    assert "Budget round in January" in window.details.values["Snoozed"].text()
    window.undo_stack.undo()
    assert dump(window.plan) == before
    refreshed = next(c for c in model.cards if c.id == stale.id)
    again = model.status(refreshed)
    assert again is not None
    assert again.stale_days is not None


def test_move_dialog_kinds(qtbot: QtBot, window: MainWindow) -> None:
    prospect, qualified, evaluating = window.controller.columns[:3]
    dialog = MoveDialog("forward", "Deal", prospect, evaluating, ("A", "B"), dt.date(2026, 11, 26))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.other.setText("Asked for a proposal")
    assert ok.isEnabled()
    dialog.checks[1].setChecked(True)
    details = dialog.details()
    assert details.commitment == "B; Asked for a proposal"
    assert details.commitment_date == dt.date(2026, 11, 26)
    back = MoveDialog("backward", "Deal", evaluating, qualified, (), dt.date(2026, 11, 26))
    qtbot.addWidget(back)
    assert not back.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    back.reason.setText("Restart")
    assert back.details().reason == "Restart"


def test_cards_show_badges_in_words(window: MainWindow) -> None:
    texts = [
        m.data(m.index(r, 0), Qt.ItemDataRole.AccessibleTextRole)
        for m in window.controller.models.values()
        for r in range(m.rowCount())
    ]
    assert any("no customer commitment for" in t and "(stage limit" in t for t in texts)
    assert any("the close date moved later 2 times" in t for t in texts)
    assert any("premature" in t for t in texts)


def test_a_move_reads_the_deal_once_before_it_writes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    from PySide6.QtCore import QTimer

    reads: list[int] = []
    real_get = opportunity_repo.get_opportunity

    def counted(plan: PlanDB, opportunity_id: int) -> object:
        reads.append(opportunity_id)
        return real_get(plan, opportunity_id)

    writes: list[str] = []
    real_set_stage = opportunity_repo.set_stage

    def set_stage(*args: object, **kwargs: object) -> None:
        writes.append(f"after {len(reads)} reads")
        real_set_stage(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(opportunity_repo, "get_opportunity", counted)
    monkeypatch.setattr(opportunity_repo, "set_stage", set_stage)
    card = window.controller.models[window.controller.columns[1].id].visible_cards[0]
    window.board.select(card.id)
    view = window.board.column_for(window.controller.columns[1].id).view
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MoveDialog)
        qtbot.keyClicks(dialog.other, "Shared the decision criteria")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    reads.clear()  # selecting the card showed it in the docks
    QTimer.singleShot(0, answer)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert card.id in ids(window, 2)
    # Planned once (the dialog's questions and the write share it), written without reading again.
    assert writes == ["after 1 reads"]
    assert (
        opportunity_repo.stage_history(window.plan, card.id)[-1].commitment == "Shared the decision criteria"
    )


def test_a_move_between_open_stages_keeps_the_won_cycle(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    """Ctrl+Right on the selected card: each dock reads the moved deal once, and no deal was won,
    so the plan's won sales cycles are not read again (6 ms a move at 100,000 deals). The docks
    show the new stage."""
    from PySide6.QtCore import QTimer

    from planner.storage import blue_sheet as blue_sheet_repo
    from ui.blue_sheet import panel as sheet_panel

    card = window.controller.models[window.controller.columns[1].id].visible_cards[0]
    window.board.select(card.id)
    window.blue_sheet_dock.show()
    window.blue_sheet_dock.raise_()
    view = window.board.column_for(window.controller.columns[1].id).view
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    assert window.blue_sheet.opportunity_id == card.id
    details: list[int] = []
    sheets: list[int] = []
    cycles: list[int] = []
    real_get, real_sheet = opportunity_repo.get_opportunity, sheet_panel.load_sheet
    real_cycles = blue_sheet_repo._won_cycle_days

    def get(plan: PlanDB, opportunity_id: int) -> object:
        details.append(opportunity_id)
        return real_get(plan, opportunity_id)

    def sheet(plan: PlanDB, opportunity_id: int, today: dt.date) -> object:
        sheets.append(opportunity_id)
        return real_sheet(plan, opportunity_id, today)

    def won_cycles(plan: PlanDB) -> tuple[int, ...]:
        cycles.append(1)
        return real_cycles(plan)

    monkeypatch.setattr(opportunity_repo, "get_opportunity", get)
    monkeypatch.setattr(sheet_panel, "load_sheet", sheet)
    monkeypatch.setattr(blue_sheet_repo, "_won_cycle_days", won_cycles)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, MoveDialog)
        qtbot.keyClicks(dialog.other, "Shared the decision criteria")
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    target = window.controller.columns[2]
    assert card.id in ids(window, 2)
    assert window.board.selected_id() == card.id
    # Once to plan the move, once for Deal details after the write: not a third time.
    assert details == [card.id, card.id]
    assert sheets == [card.id]
    assert cycles == []
    drive.click_dock_tab(window, window.details_dock)
    assert target.name in window.details.values["Stage"].text()
    assert target.name in window.blue_sheet.summary.text()
