"""The hygiene view: the engine's list, bulk actions through dialogs, one undo entry, exact undo."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QToolTip
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner import hygiene
from planner import red_flags as rf
from planner.model import FunnelLevel
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.forecast_support import dump_all
from tests.ui import window_driver as drive
from tests.ui.forecast_support import Window
from ui.hygiene_view import DEAL_ID_ROLE, RULES_ROLE, VALUE_ROLE, DateReasonDialog, HygieneView


@pytest.fixture
def window(demo_plan: PlanDB) -> Iterator[Window]:
    w = Window(demo_plan)
    yield w
    w.stack.clear()


@pytest.fixture
def view(qtbot: QtBot, window: Window) -> HygieneView:
    v = HygieneView(window.session)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    return v


def answer(
    monkeypatch: pytest.MonkeyPatch, *, date: dt.date | None = None, reason: str = "", code: str = ""
) -> list[str]:
    """Make the dialogs answer like a seller: set the date, the close reason's code and the
    reason (tests/ui/test_walk_away_reasons.py answers the walk away with real input)."""
    shown: list[str] = []

    def fake_exec(dialog: DateReasonDialog) -> int:
        shown.append(dialog.windowTitle())
        if date is not None:
            dialog.date.set_value(date)
        dialog.reason.setText(reason)
        if dialog.close_fields is not None:
            dialog.close_fields.choice.setCurrentIndex(dialog.close_fields.choice.findData(code))
        if not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled():
            return int(QDialog.DialogCode.Rejected)
        return int(QDialog.DialogCode.Accepted)

    monkeypatch.setattr(DateReasonDialog, "exec", fake_exec)
    return shown


def test_the_model_is_the_clean_up_list(view: HygieneView, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(view.model)
    cleanup = hygiene.cleanup_list(view.plan, TODAY)
    model = view.model
    assert model.rowCount() == len(cleanup.rows) > 0
    for r, row in enumerate(cleanup.rows):
        assert model.data(model.index(r, 0), DEAL_ID_ROLE) == row.id
        assert model.data(model.index(r, 0), VALUE_ROLE) == row.value
        assert model.data(model.index(r, 5)) == "\n".join(row.reasons)
        assert model.data(model.index(r, 5), RULES_ROLE) == list(row.rules)
    engine = rf.evaluate_plan(view.plan, TODAY)
    first = cleanup.rows[0]
    assert model.data(model.index(0, 5), VALUE_ROLE) == tuple(
        f.reason for f in engine[first.id] if f.rule in hygiene.HYGIENE_RULES
    )
    values = [model.data(model.index(r, 0), VALUE_ROLE) for r in range(model.rowCount())]
    converted = [v for v in values if v is not None]
    assert converted == sorted(converted, reverse=True)
    assert view.summary.text().startswith(f"{len(cleanup.rows)} of {cleanup.open_deals} open deals")
    view.refresh()
    qtmodeltester.check(view.model)


def test_walk_away_from_several_is_one_undo_entry(
    view: HygieneView, window: Window, monkeypatch: pytest.MonkeyPatch, qtmodeltester: ModelTester
) -> None:
    shown = answer(monkeypatch, reason="No budget this year", code="budget_cut")
    ids = [row.id for row in view.model.rows[:3]]
    view.select_ids(ids)
    assert view.walk_away_button.isEnabled()
    assert not view.open_button.isEnabled()  # one deal at a time
    before = dump_all(window.plan)
    view.walk_away_button.click()
    assert shown == ["Walk away"]
    assert window.stack.count() == 1
    walked = {s.id for s in stage_repo.list_stages(window.plan) if s.level is FunnelLevel.WALKED_AWAY}
    for deal_id in ids:
        deal = opportunity_repo.get_opportunity(window.plan, deal_id)
        assert deal is not None
        assert deal.stage_id in walked
        assert (deal.close_reason_code, deal.close_reason) == ("budget_cut", "No budget this year")
    assert not {row.id for row in view.model.rows} & set(ids)
    qtmodeltester.check(view.model)
    after = dump_all(window.plan)
    window.stack.undo()
    assert dump_all(window.plan) == before
    assert {row.id for row in view.model.rows} >= set(ids)
    window.stack.redo()
    assert dump_all(window.plan) == after
    assert window.changes[-1].opportunities == set(ids)


def test_a_walk_away_without_reason_writes_nothing(
    view: HygieneView, window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    answer(monkeypatch, reason="Because")  # a note, but no reason from the list
    view.select_ids([view.model.rows[0].id])
    before = dump_all(window.plan)
    view.walk_away_button.click()
    assert dump_all(window.plan) == before
    assert window.stack.count() == 0
    dialog = view.walk_away_dialog(view.model.rows[:1])
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    dialog.reason.setText("Because")
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    assert dialog.close_fields is not None
    dialog.close_fields.choice.setCurrentIndex(0)
    assert dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()


def test_change_close_date_of_several(
    view: HygieneView, window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    new_date = TODAY + dt.timedelta(days=45)
    answer(monkeypatch, date=new_date)
    ids = [row.id for row in view.model.rows[:2]]
    view.select_ids(ids)
    before = dump_all(window.plan)
    view.close_date_button.click()
    for deal_id in ids:
        deal = opportunity_repo.get_opportunity(window.plan, deal_id)
        assert deal is not None
        assert deal.close_date == new_date
    window.stack.undo()
    assert dump_all(window.plan) == before


def test_snooze_with_a_reason(view: HygieneView, window: Window, monkeypatch: pytest.MonkeyPatch) -> None:
    until = TODAY + dt.timedelta(days=10)
    answer(monkeypatch, date=until, reason="Budget round ends in January")
    stale = [row.id for row in view.model.rows if rf.STALE in row.rules][:2]
    view.select_ids(stale)
    before = dump_all(window.plan)
    view.snooze_button.click()
    for deal_id in stale:
        deal = opportunity_repo.get_opportunity(window.plan, deal_id)
        assert deal is not None
        assert (deal.snooze_until, deal.snooze_reason) == (until, "Budget round ends in January")
    listed = {row.id: row for row in view.model.rows}
    assert all(rf.STALE not in listed[i].rules for i in stale if i in listed)
    window.stack.undo()
    assert dump_all(window.plan) == before


def test_a_refused_action_is_reported_and_writes_nothing(view: HygieneView, window: Window) -> None:
    before = dump_all(window.plan)
    assert not view.change_close_date([view.model.rows[0].id], TODAY - dt.timedelta(days=1))
    assert window.failures == [
        (
            "The close date was not changed",
            "A new close date is today or later: an earlier one would be overdue at once.",
        )
    ]
    assert dump_all(window.plan) == before


def test_open_the_deal(view: HygieneView, qtbot: QtBot) -> None:
    first = view.model.rows[0].id
    view.select_ids([first])
    assert view.open_button.isEnabled()
    with qtbot.waitSignal(view.opportunity_opened) as opened:
        view.open_button.click()
    assert opened.args == [first]
    with qtbot.waitSignal(view.opportunity_opened) as opened:
        view.table.doubleClicked.emit(view.proxy.index(1, 2))
    assert opened.args == [view.model.rows[1].id]


def test_read_only_offers_no_edits(view: HygieneView) -> None:
    view.select_ids([view.model.rows[0].id])
    view.set_read_only("This plan is open read-only.")
    for button in (view.close_date_button, view.snooze_button, view.walk_away_button):
        assert not button.isEnabled()
    assert view.open_button.isEnabled()


def test_rows_are_as_tall_as_their_reasons(view: HygieneView) -> None:
    header = view.table.verticalHeader()
    one = next(r for r, row in enumerate(view.model.rows) if len(row.flags) == 1)
    three = next(r for r, row in enumerate(view.model.rows) if len(row.flags) == 3)
    assert header.sectionSize(three) > 2 * header.sectionSize(one) - 12


def test_with_the_main_windows_push_and_undo_stack(
    qtbot: QtBot, demo_plan: PlanDB, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow

    window = MainWindow(demo_plan)
    qtbot.addWidget(window)
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: errors.append(message))  # no modal
    view = HygieneView(window.session)
    qtbot.addWidget(view)
    view.show()
    ids = [row.id for row in view.model.rows[:2]]
    assert len(ids) == 2
    open_before = {c.id for m in window.controller.models.values() for c in m.cards}
    before = dump_all(demo_plan)
    assert view.walk_away(ids, "No budget this year")
    assert errors == []
    assert window.undo_stack.count() == 1
    assert window.undo_stack.undoText() == "Walk away from 2 deals"
    # The board followed the change record: the cards left their columns.
    assert not {c.id for m in window.controller.models.values() for c in m.cards} & set(ids)
    window.undo_stack.undo()
    assert dump_all(demo_plan) == before
    assert {c.id for m in window.controller.models.values() for c in m.cards} == open_before
    window.undo_stack.clear()


def test_a_row_taking_a_taller_rows_place_is_as_tall_as_its_own_reasons(
    view: HygieneView, window: Window, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A deal walked away from left its height to the row that took its place."""
    answer(monkeypatch, reason="No budget this year", code="budget_cut")
    line = view.table.fontMetrics().lineSpacing()

    def heights() -> list[tuple[int, int]]:
        header = view.table.verticalHeader()
        shown = []
        for row in range(view.proxy.rowCount()):
            found = view.model.row_at(view.proxy.mapToSource(view.proxy.index(row, 0)).row())
            assert found is not None
            shown.append((header.sectionSize(row), line * len(found.flags) + 10))
        return shown

    tall = next(
        r
        for r in range(view.proxy.rowCount())
        if heights()[r][1] > line + 10 and heights()[r + 1][1] == line + 10
    )
    deal = view.proxy.index(tall, 0).data(DEAL_ID_ROLE)
    view.select_ids([deal])
    view.walk_away_button.click()
    assert deal not in {row.id for row in view.model.rows}
    assert all(size == wanted for size, wanted in heights()), heights()


def test_a_refused_date_says_why_at_once(qtbot: QtBot) -> None:
    """The field turned red and OK went off; why was only in a tooltip nobody hovered."""
    dialog = DateReasonDialog("New close date", "A realistic close date", "New close date", TODAY, TODAY)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    drive.activate(dialog)
    drive.type_into(dialog.date, "31/02/2027")
    QTest.keyClick(dialog.date, Qt.Key.Key_Tab)
    drive.settle()
    assert dialog.date.error
    assert QToolTip.isVisible()
    assert QToolTip.text() == dialog.date.error
    assert not dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    QToolTip.hideText()
