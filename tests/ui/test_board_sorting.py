"""Sorting: the board's "Sort by" choice, the seller's own order by dragging, and table headings."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner import board_order, red_flags
from planner.board_order import BoardOrder
from planner.storage import settings as settings_repo
from planner.storage.board import load_cards, load_ranks
from planner.storage.db import PlanDB
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui.board.models import ID_ROLE
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan)
    drive.settle()
    yield w
    w.undo_stack.clear()


def shown_ids(window: MainWindow, stage_id: int) -> list[int]:
    model = window.board.columns[stage_id].view.model()
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount())]


def plan_order(window: MainWindow, stage_id: int) -> list[int]:
    """The column as the plan and planner.board_order say it must be."""
    plan = window.plan
    order = BoardOrder.parse(settings_repo.get_setting(plan, board_order.SETTING))
    stage = next(s for s in window.controller.columns if s.id == stage_id)
    cards = [c for c in load_cards(plan) if c.stage_id == stage_id]
    found_flags = red_flags.evaluate_plan(plan, window.controller.today(), [c.id for c in cards])
    flags = {deal: sum(1 for f in found if not f.is_strength) for deal, found in found_flags.items()}
    key = board_order.sort_key(
        order,
        default_probability=stage.probability,
        base_currency=settings_repo.get_setting(plan, "base_currency", "EUR"),
        rates=settings_repo.get_setting(plan, "rates", {}),
        flags=flags,
        ranks=load_ranks(plan),
    )
    return [c.id for c in board_order.ordered(cards, key)]


def fullest_column(window: MainWindow) -> int:
    return max(window.controller.models, key=lambda s: window.controller.models[s].rowCount())


@pytest.mark.parametrize("order", list(BoardOrder))
def test_sort_by_choice_orders_every_column_and_is_remembered(
    window: MainWindow, order: BoardOrder, qtbot: QtBot
) -> None:
    combo = window.board_sort.combo
    drive.pick_in_combo(combo, combo.findData(order.value))
    assert combo.currentData() == order.value
    assert BoardOrder.parse(settings_repo.get_setting(window.plan, board_order.SETTING)) is order
    for stage_id in window.controller.models:
        assert shown_ids(window, stage_id) == plan_order(window, stage_id)
    # A new window on the same plan opens in the same order.
    again = MainWindow(window.plan)
    qtbot.addWidget(again)
    again.controller.load_rest()
    assert again.board_sort.combo.currentData() == order.value
    for stage_id in again.controller.models:
        assert shown_ids(again, stage_id) == shown_ids(window, stage_id)
    again.close()


def test_amount_order_differs_from_close_date_and_follows_an_edit(window: MainWindow) -> None:
    stage_id = fullest_column(window)
    by_date = shown_ids(window, stage_id)
    drive.pick_in_combo(window.board_sort.combo, window.board_sort.combo.findData("amount"))
    by_amount = shown_ids(window, stage_id)
    assert sorted(by_amount) == sorted(by_date)
    assert by_amount != by_date
    amounts = [window.controller.models[stage_id].card(i).amount or 0 for i in by_amount]  # type: ignore[union-attr]
    assert amounts == sorted(amounts, reverse=True)
    # The smallest deal grows past every other: its card moves to the top.
    last = by_amount[-1]
    with window.plan.atomic():
        window.plan.execute("UPDATE opportunity SET amount = 99999999 WHERE id = ?", [last])
    from planner.operations import Change

    window.session.apply_change(Change(opportunities=frozenset({last})))
    assert shown_ids(window, stage_id)[0] == last
    assert shown_ids(window, stage_id) == plan_order(window, stage_id)


def test_drag_within_a_column_places_the_card_in_own_order_undoably(window: MainWindow) -> None:
    drive.pick_in_combo(window.board_sort.combo, window.board_sort.combo.findData("own"))
    stage_id = fullest_column(window)
    view = window.board.columns[stage_id].view
    before = shown_ids(window, stage_id)
    assert len(before) >= 3
    # The last card, dropped on the top edge of the first: it becomes the first.
    drive.drag_within(view, view.model().index(len(before) - 1, 0), view.model().index(0, 0))
    after = shown_ids(window, stage_id)
    assert after == [before[-1], *before[:-1]]
    assert after == plan_order(window, stage_id)
    assert load_ranks(window.plan)[before[-1]] == 0
    # The second card, dropped below the last: the end of the column.
    drive.drag_within(view, view.model().index(1, 0), None)
    assert shown_ids(window, stage_id) == [after[0], *after[2:], after[1]]
    assert shown_ids(window, stage_id) == plan_order(window, stage_id)
    # Each drop is one undo step.
    window.undo_stack.undo()
    assert shown_ids(window, stage_id) == after == plan_order(window, stage_id)
    window.undo_stack.undo()
    assert shown_ids(window, stage_id) == before == plan_order(window, stage_id)
    assert load_ranks(window.plan) == {}


def test_drag_within_a_column_changes_nothing_in_another_order(window: MainWindow) -> None:
    stage_id = fullest_column(window)
    view = window.board.columns[stage_id].view
    before = shown_ids(window, stage_id)
    drive.drag_within(view, view.model().index(len(before) - 1, 0), view.model().index(0, 0))
    assert shown_ids(window, stage_id) == before
    assert load_ranks(window.plan) == {}
    assert window.undo_stack.count() == 0


def click_heading(table: object, column: int) -> None:
    from PySide6.QtWidgets import QTableView

    assert isinstance(table, QTableView)
    header = table.horizontalHeader()
    QTest.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
        header.rect().adjusted(header.sectionViewportPosition(column), 0, 0, 0).topLeft()
        + QPoint(header.sectionSize(column) // 2, header.height() // 2),
    )


def test_clean_up_sorts_by_clicking_a_heading(window: MainWindow) -> None:
    from ui.hygiene_view import VALUE_ROLE

    drive.click_tab(window.tabs, 3)
    view = window.hygiene_view
    assert view is not None
    table = view.table
    assert table.model().rowCount() >= 3
    click_heading(table, 4)  # Closes: as dates, earliest first
    closes = [table.model().index(r, 4).data(VALUE_ROLE) for r in range(table.model().rowCount())]
    dated = [d for d in closes if d is not None]
    assert dated == sorted(dated)
    click_heading(table, 0)  # Value: as numbers, smallest first, then again largest first
    values = [table.model().index(r, 0).data(VALUE_ROLE) for r in range(table.model().rowCount())]
    numbers = [v for v in values if v is not None]
    assert numbers == sorted(numbers)
    click_heading(table, 0)
    values = [table.model().index(r, 0).data(VALUE_ROLE) for r in range(table.model().rowCount())]
    assert [v for v in values if v is not None] == sorted(numbers, reverse=True)
    # The selected row is still the deal it shows.
    drive.click_row(table, table.model().index(0, 1))
    assert view.selected_rows()[0].title == table.model().index(0, 1).data()
