"""The board paints each column's first cards, with SQLite's totals, and reads the rest after."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QModelIndex
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from ui.board.controller import BoardController
from ui.board.models import ID_ROLE


@pytest.fixture
def full(demo_plan: PlanDB) -> BoardController:
    controller = BoardController(demo_plan)
    controller.load()
    return controller


def first_screen(plan: PlanDB) -> BoardController:
    # Made in the test, not in a fixture: pytest-qt runs pending events after set-up, which
    # would read the rest before the test looks.
    controller = BoardController(plan)
    controller.load(first_screen=3)
    return controller


def _ids(controller: BoardController, stage_id: int) -> list[int]:
    model = controller.models[stage_id]
    return [model.index(row, 0).data(ID_ROLE) for row in range(model.rowCount(QModelIndex()))]


def test_the_first_screen_is_the_start_of_each_full_column(full: BoardController) -> None:
    first = first_screen(full.plan)
    for stage_id, model in first.models.items():
        everything = _ids(full, stage_id)
        assert len(everything) > 3, "the demo columns must be longer than the first screen"
        assert not model.complete
        # The scroll bar has its final size; the first rows are the full column's first rows.
        assert model.rowCount(QModelIndex()) == len(everything)
        assert _ids(first, stage_id)[:3] == everything[:3]
        assert _ids(first, stage_id)[3:] == [None] * (len(everything) - 3)
        # SQLite's totals are the totals of every card.
        assert first.totals(stage_id).count == full.totals(stage_id).count
        assert first.totals(stage_id).amount == pytest.approx(full.totals(stage_id).amount)
        assert first.totals(stage_id).weighted == pytest.approx(full.totals(stage_id).weighted)


def test_the_rest_arrives_after_the_first_paint(qtbot: QtBot, full: BoardController) -> None:
    first = first_screen(full.plan)
    assert not any(m.complete for m in first.models.values())
    qtbot.waitUntil(lambda: all(m.complete for m in first.models.values()))
    for stage_id in first.models:
        assert _ids(first, stage_id) == _ids(full, stage_id)
        assert first.totals(stage_id).amount == pytest.approx(full.totals(stage_id).amount)


def test_a_partly_loaded_column_is_a_sound_model(full: BoardController, qtmodeltester: ModelTester) -> None:
    first = first_screen(full.plan)
    model = next(iter(first.models.values()))
    # Rows not read yet are blank (None), never an error; the Qt interface never reads the rest.
    assert model.index(5, 0).data() is None
    assert model.index(0, 0).data()
    qtmodeltester.check(model)
    assert not model.complete


def test_anything_but_painting_reads_the_rest_first(full: BoardController) -> None:
    first = first_screen(full.plan)
    stage_id, model = next(iter(first.models.items()))
    last = _ids(full, stage_id)[-1]
    # Finding a card that is not on the first screen (selecting it, moving it) reads the rest.
    assert model.row_of(last) == len(_ids(full, stage_id)) - 1
    assert all(m.complete for m in first.models.values())


def test_a_filter_typed_at_once_sees_every_card(full: BoardController) -> None:
    first = first_screen(full.plan)
    first.set_filter("a")
    full.set_filter("a")
    for stage_id in first.models:
        assert _ids(first, stage_id) == _ids(full, stage_id)


def test_choosing_a_row_past_the_first_screen_reads_the_rest(qtbot: QtBot, demo_plan: PlanDB) -> None:
    from ui.board.view import BoardWidget

    controller = BoardController(demo_plan)
    controller.load(first_screen=3)
    board = BoardWidget(controller)
    qtbot.addWidget(board)
    chosen: list[int] = []
    board.opportunity_selected.connect(chosen.append)
    stage_id, column = next(iter(board.columns.items()))
    assert not controller.models[stage_id].complete
    column.view.setCurrentIndex(column.proxy.index(5, 0))
    assert controller.models[stage_id].complete
    assert chosen == [controller.models[stage_id].visible_cards[5].id]
    assert column.view.currentIndex().row() == 5


def test_rows_not_read_yet_paint_blank(qtbot: QtBot, demo_plan: PlanDB) -> None:
    from ui.board.view import BoardWidget

    controller = BoardController(demo_plan)
    controller.load(first_screen=2)
    board = BoardWidget(controller)
    qtbot.addWidget(board)
    board.resize(1200, 300)
    for column in board.columns.values():
        column.view.scrollToBottom()  # scrolled down at once, past the first screen
    assert not board.grab().isNull()
    assert not all(m.complete for m in controller.models.values())
    # The first paint asks for the rest, which arrives a moment later.
    qtbot.waitUntil(lambda: all(m.complete for m in controller.models.values()))


def test_the_filter_keys_are_folded_once_the_rest_is_read(qtbot: QtBot, demo_plan: PlanDB) -> None:
    """Not on the seller's first keystroke, which waited for every card's key at 100,000 deals."""
    controller = first_screen(demo_plan)
    controller.load_rest()
    assert all(model._folded is None for model in controller.models.values())
    qtbot.waitUntil(lambda: all(model._folded is not None for model in controller.models.values()))
    controller.set_filter("a")
    accounts, words = controller.accounts, controller.words
    for model in controller.models.values():
        for c in model.visible_cards:
            assert (
                "a" in f"{c.title}\n{accounts.get(c.account_id or 0, '')}\n{words.get(c.id, '')}".casefold()
            )
