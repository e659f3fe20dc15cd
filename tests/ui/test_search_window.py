"""The search window (Ctrl+K) with real keys and clicks: what it lists is planner.search's, a result
opens its deal at its row, hostile text stays text, a damaged index is rebuilt or said; and the
board's filter matches products and people."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QAbstractItemModelTester, QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner import search
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, open_plan
from tests.planner.plan_files import make_demo
from tests.ui.conftest import show_window
from ui.main_window import MainWindow
from ui.search_view import SearchDialog, SearchResultsModel

K = Qt.Key
M = Qt.KeyboardModifier


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan)
    qtbot.waitExposed(w)
    w.activateWindow()
    yield w
    w.undo_stack.clear()


def open_search(
    qtbot: QtBot, window: MainWindow, key: Qt.Key = K.Key_K, mods: Qt.KeyboardModifier = M.ControlModifier
) -> SearchDialog:
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    qtbot.keyClick(QApplication.focusWidget() or window, key, mods)
    dialog = window.search.dialog
    assert dialog is not None
    assert dialog.isVisible()
    return dialog


def shown(dialog: SearchDialog) -> list[tuple[str, str]]:
    model = dialog.model
    return [(model.index(r, 0).data(), model.index(r, 1).data() or "") for r in range(model.rowCount())]


def expected(plan: PlanDB, text: str) -> list[tuple[str, str]]:
    rows: list[tuple[str, str]] = []
    for group, hits in search.search(plan, text).groups:
        rows.append((group.label, ""))
        rows.extend((hit.title, hit.detail) for hit in hits)
    return rows


@pytest.mark.parametrize(
    "keys", [(K.Key_K, M.ControlModifier), (K.Key_F, M.ControlModifier | M.ShiftModifier)]
)
def test_the_keys_open_the_search_and_it_lists_what_planner_search_finds(
    qtbot: QtBot, window: MainWindow, keys: tuple[Qt.Key, Qt.KeyboardModifier]
) -> None:
    dialog = open_search(qtbot, window, *keys)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.edit, timeout=2000)
    for text in ("ke", "kel", "keller", "cfo", "nor", "sup ren"):
        qtbot.keyClick(dialog.edit, K.Key_A, M.ControlModifier)
        qtbot.keyClicks(dialog.edit, text)
        assert shown(dialog) == expected(window.plan, text), text
        assert shown(dialog)
    qtbot.keyClick(dialog.edit, K.Key_Escape)
    assert not dialog.isVisible()


def test_down_and_enter_open_a_person_at_their_row_of_the_blue_sheet(
    qtbot: QtBot, window: MainWindow
) -> None:
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.edit, "keller")
    hits = search.search(window.plan, "keller").hits
    qtbot.keyClick(dialog.edit, K.Key_Down)  # the second result
    qtbot.keyClick(dialog.edit, K.Key_Return)
    assert not dialog.isVisible()
    wanted = hits[1]
    assert wanted.opportunity_id is not None
    assert window.details.opportunity_id == wanted.opportunity_id
    sheet = window.blue_sheet
    assert sheet.opportunity_id == wanted.opportunity_id
    assert sheet.tabs.currentWidget() is sheet.influence
    row = sheet.influence.table.currentIndex().row()
    influence = sheet.influence.model.influence(row)
    assert influence is not None
    assert influence.id == wanted.row_id
    deal = opportunity_repo.get_opportunity(window.plan, wanted.opportunity_id)
    assert deal is not None
    if window.controller.stage_of(deal.id) is not None:
        assert window.board.selected_id() == deal.id
    else:
        assert window.tabs.currentWidget() is window.archive
        assert window.archive.selected_id() == deal.id


def test_a_click_opens_an_open_deal_on_the_board_even_through_a_filter(
    qtbot: QtBot, window: MainWindow
) -> None:
    qtbot.keyClicks(window.filter_edit, "zzzz")  # hides every card
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.edit, "cfo")
    model = dialog.model
    rows = [r for r in model.hit_rows() if (h := model.hit(r)) and h.section == "action"]
    hit = model.hit(rows[0])
    assert hit is not None
    assert hit.opportunity_id is not None
    open_deal = window.controller.stage_of(hit.opportunity_id) is not None
    index = model.index(rows[0], 0)
    dialog.view.scrollTo(index)
    QTest.mouseClick(
        dialog.view.viewport(),
        Qt.MouseButton.LeftButton,
        M.NoModifier,
        dialog.view.visualRect(index).center(),
    )
    assert not dialog.isVisible()
    assert window.details.opportunity_id == hit.opportunity_id
    assert window.blue_sheet.tabs.currentWidget() is window.blue_sheet.action_section
    if open_deal:
        assert window.filter_edit.text() == ""
        assert window.board.selected_id() == hit.opportunity_id


def test_nothing_found_says_so_with_the_text_as_typed(qtbot: QtBot, window: MainWindow) -> None:
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.edit, '<b>zz</b> NEAR("q" -:(')
    assert dialog.model.rowCount() == 0
    assert dialog.status.textFormat() == Qt.TextFormat.PlainText
    assert dialog.status.text() == 'Nothing matches “<b>zz</b> NEAR("q" -:(”.'
    qtbot.keyClick(dialog.edit, K.Key_Return)  # nothing to open: nothing happens
    assert dialog.isVisible()


def test_hostile_text_is_listed_as_text(qtbot: QtBot, window: MainWindow) -> None:
    plan = window.plan
    deal = window.controller.columns[0].id
    first = window.controller.models[deal].cards[0].id
    hostile = '<b>Bold</b> <img src=x> =HYPERLINK("http://x") \u202eobmaz'
    with plan.atomic():
        plan.execute("UPDATE opportunity SET title = ? WHERE id = ?", [hostile, first])
    dialog = open_search(qtbot, window)
    qtbot.keyClicks(dialog.edit, "hyperlink")
    model = dialog.model
    row = model.hit_rows()[0]
    assert model.index(row, 0).data() == hostile
    tooltip = model.index(row, 0).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tooltip
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tooltip
    assert "<img" not in tooltip


def test_the_results_model_is_a_correct_item_model(qtbot: QtBot, demo_plan: PlanDB) -> None:
    model = SearchResultsModel()
    tester = QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_results(search.search(demo_plan, "cfo"))
    assert model.rowCount() > 0
    heading = model.index(0, 0)
    assert not (model.flags(heading) & Qt.ItemFlag.ItemIsSelectable)
    assert model.flags(model.index(1, 0)) & Qt.ItemFlag.ItemIsSelectable
    model.set_results(search.search(demo_plan, "zzzz"))
    assert model.rowCount(QModelIndex()) == 0
    del tester


def _damage_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE search_index_data SET block = zeroblob(length(block)) WHERE id > 10")
    conn.commit()
    conn.close()


def test_a_damaged_index_is_rebuilt_in_a_plan_that_may_be_written(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    _damage_index(path)
    plan = open_plan(path)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        dialog = open_search(qtbot, window)
        qtbot.keyClicks(dialog.edit, "keller")
        assert shown(dialog) == expected(plan, "keller")
        assert dialog.model.hit_rows()
    finally:
        window.close()
        plan.close()


def test_a_damaged_index_of_a_read_only_plan_is_said_in_one_line(qtbot: QtBot, tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    _damage_index(path)
    plan = open_plan(path, read_only=True)
    window = MainWindow(plan)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    try:
        dialog = open_search(qtbot, window)
        qtbot.keyClicks(dialog.edit, "keller")
        assert dialog.model.rowCount() == 0
        assert dialog.status.text() == search.DAMAGED
    finally:
        window.close()
        plan.close()


def test_the_board_filter_matches_people_and_products_and_esc_clears_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    def shown_ids() -> set[int]:
        return {card.id for model in window.controller.models.values() for card in model.visible_cards}

    plan = window.plan
    people = {
        deal
        for (deal,) in plan.query(
            "SELECT b.opportunity_id FROM buying_influence b JOIN person p ON p.id = b.person_id"
            " WHERE p.name LIKE '%Fischer%'"
        )
    }
    open_ids = {card.id for model in window.controller.models.values() for card in model.cards}
    assert people & open_ids
    qtbot.mouseClick(window.filter_edit, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(window.filter_edit, "fischer")
    assert shown_ids() == people & open_ids
    qtbot.keyClick(window.filter_edit, K.Key_A, M.ControlModifier)
    qtbot.keyClicks(window.filter_edit, "telematics")
    products = {d for (d,) in plan.query("SELECT id FROM opportunity WHERE product LIKE '%Telematics%'")}
    assert shown_ids() == products & open_ids
    qtbot.keyClick(window.filter_edit, K.Key_Escape)
    assert window.filter_edit.text() == ""
    assert shown_ids() == open_ids
