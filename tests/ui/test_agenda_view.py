"""The Agenda tab with real input: done, reschedule and open from a row, one undo step each; the
window lands on it for the seller's own plan and says what is due once a day; the export."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner import agenda as agenda_rules
from planner import sheet_operations as sheet_ops
from planner.agenda import Kind
from planner.clock import FixedClock
from planner.model import ActionStatus
from planner.storage import activities, evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from tests.ui.forecast_support import Window
from ui.agenda_notice import NOTICE_SETTING
from ui.agenda_view import KEY_ROLE, AgendaView
from ui.board.models import ID_ROLE
from ui.main_window import MainWindow

# A week after the demo plan's day: some actions are overdue, some due, a call waits for its debrief.
DAY = TODAY + dt.timedelta(days=14)
HOSTILE = "<b>Bold</b> <img src=x> =HYPERLINK(1)"


@pytest.fixture
def window(demo_plan: PlanDB) -> Iterator[Window]:
    w = Window(demo_plan)
    w.session.clock = FixedClock(DAY)
    yield w
    w.stack.clear()


class Recorder:
    def __init__(self) -> None:
        self.opened: list[int] = []
        self.debriefs: list[tuple[int, int]] = []

    def open_deal(self, deal: int) -> None:
        self.opened.append(deal)

    def debrief(self, deal: int, call: int) -> None:
        self.debriefs.append((deal, call))


@pytest.fixture
def recorder() -> Recorder:
    return Recorder()


@pytest.fixture
def view(qtbot: QtBot, window: Window, recorder: Recorder) -> AgendaView:
    v = AgendaView(window.session, debrief_call=recorder.debrief)
    v.opportunity_opened.connect(recorder.open_deal)
    qtbot.addWidget(v)
    v.resize(1200, 700)
    v.show()
    v.activateWindow()
    drive.settle()
    return v


def _row(view: AgendaView, kind: Kind) -> QModelIndex:
    model = view.model
    row = next(r for r in range(model.rowCount()) if (i := model.item_at(r)) is not None and i.kind is kind)
    return model.index(row, 1)


def _keys(view: AgendaView) -> list[str]:
    model = view.model
    return [key for r in range(model.rowCount()) if (key := model.index(r, 0).data(KEY_ROLE))]


def test_the_view_lists_exactly_what_the_agenda_says(view: AgendaView, qtmodeltester: ModelTester) -> None:
    qtmodeltester.check(view.model)
    expected = agenda_rules.load_agenda(view.plan, DAY)
    assert _keys(view) == [item.key for item in expected]
    assert view.summary.text().startswith(agenda_rules.summary(expected))
    headings = [view.model.index(r, 0).data() for r in view.model.section_rows()]
    assert [h.split(" (")[0] for h in headings] == ["Overdue", "Today", "This week", "Later"]


def test_done_by_click_marks_the_action_done_in_one_undo_step(view: AgendaView, window: Window) -> None:
    index = _row(view, Kind.ACTION)
    item = view.model.item_at(index.row())
    assert item is not None
    drive.click_row(view.table, index)
    drive.click(drive.button(view, "Done"))
    action = activities.get_action(view.plan, item.record_id)
    assert action is not None
    assert action.status is ActionStatus.DONE
    assert action.done_on == DAY
    assert item.key not in _keys(view)
    assert window.stack.count() == 1
    window.stack.undo()
    action = activities.get_action(view.plan, item.record_id)
    assert action is not None
    assert action.status is not ActionStatus.DONE
    assert item.key in _keys(view)


def test_reschedule_with_the_keyboard_and_the_date_field(view: AgendaView, window: Window) -> None:
    index = _row(view, Kind.ACTION)
    item = view.model.item_at(index.row())
    assert item is not None
    drive.click_row(view.table, index)
    new_day = DAY + dt.timedelta(days=3)
    modals = drive.Modals()

    def answer(dialog: QWidget) -> None:
        drive.type_into(drive.line_edit_of(drive.field(dialog, "New day")), new_day.isoformat())
        drive.press_ok(dialog)

    with modals.expecting(answer):
        QTest.keyClick(view.table, Qt.Key.Key_R, Qt.KeyboardModifier.ControlModifier)
    assert modals.take_unexpected() == []
    action = activities.get_action(view.plan, item.record_id)
    assert action is not None
    assert action.due == new_day
    assert window.stack.count() == 1
    moved = next(i for i in view.model.items if i.key == item.key)
    assert moved.day == new_day
    assert view.selected_item() == moved
    window.stack.undo()
    action = activities.get_action(view.plan, item.record_id)
    assert action is not None
    assert action.due == item.day


def test_reschedule_a_close_date_through_the_context_menu(view: AgendaView, window: Window) -> None:
    index = _row(view, Kind.CLOSE)
    item = view.model.item_at(index.row())
    assert item is not None
    new_day = DAY + dt.timedelta(days=20)
    modals = drive.Modals()

    def answer(dialog: QWidget) -> None:
        drive.type_into(drive.line_edit_of(drive.field(dialog, "New day")), new_day.isoformat())
        drive.press_ok(dialog)

    with modals.expecting(drive.choose_in_menu("Reschedule…"), answer):
        drive.open_context_menu(view.table, index)
    from planner.storage import opportunities as opportunity_repo

    deal = opportunity_repo.get_opportunity(view.plan, item.deal_id)
    assert deal is not None
    assert deal.close_date == new_day
    assert window.stack.count() == 1


def test_enter_opens_the_deal_and_done_on_a_call_asks_for_its_debrief(
    view: AgendaView, recorder: Recorder
) -> None:
    index = _row(view, Kind.CALL)
    item = view.model.item_at(index.row())
    assert item is not None
    drive.click_row(view.table, index)
    QTest.keyClick(view.table, Qt.Key.Key_Return)
    assert recorder.opened == [item.deal_id]
    QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert recorder.debriefs == [(item.deal_id, item.record_id)]


def test_hostile_text_is_shown_as_text(view: AgendaView) -> None:
    index = _row(view, Kind.ACTION)
    item = view.model.item_at(index.row())
    assert item is not None
    with view.plan.atomic():
        view.plan.execute("UPDATE opportunity SET title = ? WHERE id = ?", [HOSTILE, item.deal_id])
    sheet_ops.add_action(view.plan, item.deal_id, HOSTILE, DAY, due=DAY, who=HOSTILE)
    view.refresh()
    row = next(r for r in range(view.model.rowCount()) if (i := view.model.item_at(r)) and i.what == HOSTILE)
    assert view.model.index(row, 2).data() == HOSTILE
    assert view.model.index(row, 4).data() == HOSTILE
    tip = view.model.index(row, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>Bold" not in tip
    assert "&lt;b&gt;Bold" in tip
    assert view.summary.textFormat() == Qt.TextFormat.PlainText


# The window ------------------------------------------------------------------------------------
@pytest.fixture
def own_window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    settings_repo.set_setting(demo_plan, "is_demo", False)  # the seller's own plan
    w = MainWindow(demo_plan, clock=FixedClock(DAY))
    qtbot.addWidget(w)
    w.resize(1366, 768)
    w.show()
    w.activateWindow()
    yield w
    w.undo_stack.clear()


def test_the_own_plan_lands_on_the_agenda_and_says_what_is_due_once_a_day(
    qtbot: QtBot, own_window: MainWindow
) -> None:
    own_window.agenda.greet()
    assert own_window.tabs.currentWidget() is own_window.agenda_view
    said = agenda_rules.summary(agenda_rules.load_agenda(own_window.plan, DAY))
    assert own_window.statusBar().currentMessage().startswith(said)
    assert own_window.agenda.notice is not None
    assert own_window.agenda.notice.isVisible()
    assert settings_repo.get_setting(own_window.plan, NOTICE_SETTING) == DAY.isoformat()
    drive.click(drive.button(own_window.agenda.notice, "Dismiss"))
    assert not own_window.agenda.notice.isVisible()
    again = MainWindow(own_window.plan, clock=FixedClock(DAY))
    qtbot.addWidget(again)
    again.agenda.greet()
    assert again.agenda.notice is None  # already said today
    assert again.statusBar().currentMessage().startswith(said)


def test_the_demo_plan_stays_on_the_board(qtbot: QtBot, demo_plan: PlanDB) -> None:
    w = MainWindow(demo_plan)
    qtbot.addWidget(w)
    w.agenda.greet()
    assert w.tabs.currentIndex() == 0
    assert w.agenda.notice is None


def test_a_double_click_shows_the_deal_on_the_board_and_in_the_docks(own_window: MainWindow) -> None:
    view = own_window.show_agenda()
    index = _row(view, Kind.ACTION)
    item = view.model.item_at(index.row())
    assert item is not None
    drive.double_click(view.table.viewport(), view.table.visualRect(index).center())
    assert own_window.board.selected_id() == item.deal_id
    assert own_window.details.opportunity_id == item.deal_id
    assert own_window.blue_sheet.opportunity_id == item.deal_id


def test_done_on_a_call_writes_its_debrief_through_the_blue_sheet(own_window: MainWindow) -> None:
    view = own_window.show_agenda()
    index = _row(view, Kind.CALL)
    item = view.model.item_at(index.row())
    assert item is not None
    drive.click_row(view.table, index)
    modals = drive.Modals()

    def answer(dialog: QWidget) -> None:
        drive.type_into(drive.line_edit_of(drive.field(dialog, "The customer committed to")), "A pilot")
        drive.press_ok(dialog)

    def decline(box: QWidget) -> None:
        drive.answer_message_box(box, QMessageBox.StandardButton.No)

    with modals.expecting(answer, decline, optional=1):
        drive.click(drive.button(view, "Done"))
    call = evidence.get_call_plan(own_window.plan, item.record_id)
    assert call is not None
    assert call.debriefed
    assert call.debrief_commitment == "A pilot"
    assert own_window.undo_stack.count() == 1
    assert item.key not in _keys(view)


def test_file_export_agenda_writes_a_calendar(own_window: MainWindow, tmp_path: Path) -> None:
    target = tmp_path / "week.ics"

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, handle)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(target))  # set, not typed: the completer's popup warns offscreen
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, handle)
    own_window.menus.export_agenda_action.trigger()
    events = Calendar.from_ical(target.read_bytes()).walk("VEVENT")
    assert events
    assert f"{len(events)} events written to {target}" in own_window.statusBar().currentMessage()


def test_a_read_only_plan_keeps_saying_why_in_the_status_bar(own_window: MainWindow) -> None:
    own_window.set_read_only("This plan is open read-only.")
    own_window.agenda.greet()
    assert own_window.tabs.currentWidget() is own_window.agenda_view
    assert own_window.statusBar().currentMessage() == "Read-only: This plan is open read-only."
    assert own_window.agenda.notice is None
    assert own_window.agenda_view is not None
    assert not own_window.agenda_view.done_button.isEnabled()


def test_a_long_section_lists_its_first_rows_and_says_how_many_more(
    qtbot: QtBot, window: Window, qtmodeltester: ModelTester
) -> None:
    view = AgendaView(window.session, page_limit=2)
    qtbot.addWidget(view)
    view.show()
    qtmodeltester.check(view.model)
    whole = agenda_rules.counts(agenda_rules.load_agenda(view.plan, DAY))
    headings = [view.model.index(r, 0).data() for r in view.model.section_rows()]
    assert f"Overdue ({whole[agenda_rules.Section.OVERDUE]})" in headings
    hidden = whole[agenda_rules.Section.OVERDUE] - 2
    assert f"… and {hidden} more, not listed: the first ones done or moved make room" in headings
    more = next(r for r in view.model.section_rows() if view.model.index(r, 0).data().startswith("…"))
    assert not view.model.flags(view.model.index(more, 0)) & Qt.ItemFlag.ItemIsSelectable
    assert view.summary.text().startswith(agenda_rules.summary(whole))


def test_a_deal_deleted_on_the_board_leaves_the_agenda(own_window: MainWindow) -> None:
    view = own_window.show_agenda()
    item = view.model.item_at(_row(view, Kind.ACTION).row())
    assert item is not None
    drive.click_tab(own_window.tabs, drive.tab_of(own_window.tabs, own_window._board_page))
    stage = own_window.controller.stage_of(item.deal_id)
    assert stage is not None
    cards = own_window.board.column_for(stage).view
    row = next(
        r for r in range(cards.model().rowCount()) if cards.model().index(r, 0).data(ID_ROLE) == item.deal_id
    )
    drive.click_row(cards, cards.model().index(row, 0))
    modals = drive.Modals()
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
        QTest.keySequence(cards, QKeySequence.StandardKey.Delete)
    assert opportunity_repo.get_opportunity(own_window.plan, item.deal_id) is None
    drive.click_tab(own_window.tabs, drive.tab_of(own_window.tabs, view))
    assert view.isVisible()
    assert all(i.deal_id != item.deal_id for i in view.model.items)
    assert _keys(view) == [i.key for i in agenda_rules.load_agenda(own_window.plan, DAY)]


def test_an_agenda_left_open_past_midnight_reads_the_new_day(qtbot: QtBot, demo_plan: PlanDB) -> None:
    settings_repo.set_setting(demo_plan, "is_demo", False)
    clock = FixedClock(dt.datetime.combine(DAY, dt.time(23, 59, 59, 500_000)))
    w = MainWindow(demo_plan, clock=clock)
    qtbot.addWidget(w)
    w.show()
    view = w.show_agenda()
    tomorrow = DAY + dt.timedelta(days=1)

    def shown() -> list[tuple[str, agenda_rules.Section]]:
        return [(i.key, i.section) for i in view.model.items]

    def expected(day: dt.date) -> list[tuple[str, agenda_rules.Section]]:
        return [(i.key, i.section) for i in agenda_rules.load_agenda(demo_plan, day)]

    assert shown() == expected(DAY)
    assert expected(DAY) != expected(tomorrow)  # the new day moves rows between sections
    clock.set(dt.datetime.combine(tomorrow, dt.time(0, 0, 0, 500_000)))  # nothing is clicked
    qtbot.waitUntil(lambda: shown() == expected(tomorrow), timeout=3000)


def test_an_open_agenda_stops_offering_edits_when_the_plan_turns_read_only(own_window: MainWindow) -> None:
    view = own_window.show_agenda()
    drive.click_row(view.table, _row(view, Kind.ACTION))
    assert view.done_button.isEnabled()
    own_window.set_read_only("The plan file was moved.")
    assert not view.done_button.isEnabled()
    assert not view.reschedule_button.isEnabled()
    assert view.open_button.isEnabled()


def test_return_typed_in_the_search_window_is_not_taken_by_the_agenda_list(own_window: MainWindow) -> None:
    view = own_window.show_agenda()
    drive.activate(own_window)
    drive.click_row(view.table, _row(view, Kind.CLOSE))  # the list has the keyboard
    QTest.keyClick(own_window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    search = own_window.search.dialog
    assert search is not None
    drive.type_into(search.edit, "Telematics")
    assert search.model.hit_rows()
    # Offscreen the search window is not made active, so the list keeps the focus: a Return
    # shortcut on the list would open its row and leave the search open.
    QTest.keyClick(search.edit, Qt.Key.Key_Return)
    assert not search.isVisible()


def test_a_call_still_ahead_offers_no_debrief(qtbot: QtBot, demo_plan: PlanDB) -> None:
    # Done on a call later this week opened a debrief dated today, which the plan refuses ("a call
    # is debriefed on the day it was held or later"): the seller filled a form only to be told no.
    settings_repo.set_setting(demo_plan, "is_demo", False)
    own_window = MainWindow(demo_plan, clock=FixedClock(TODAY))  # the demo's day: calls still ahead
    qtbot.addWidget(own_window)
    own_window.resize(1366, 768)
    own_window.show()
    view = own_window.show_agenda()
    today = TODAY
    model = view.model
    row = next(
        r
        for r in range(model.rowCount())
        if (i := model.item_at(r)) is not None and i.kind is Kind.CALL and i.day > today
    )
    item = model.item_at(row)
    assert item is not None
    drive.click_row(view.table, model.index(row, 1))
    assert not view.done_button.isEnabled()
    assert "once it is held" in view.done_button.toolTip()
    QTest.keyClick(view.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert QApplication.activeModalWidget() is None
    call = evidence.get_call_plan(own_window.plan, item.record_id)
    assert call is not None
    assert not call.debriefed
    assert own_window.undo_stack.count() == 0
    # A call already held still offers it: test_done_on_a_call_writes_its_debrief_through_the_blue_sheet.


def test_after_done_the_next_item_is_chosen_and_done_works_again(view: AgendaView) -> None:
    """Done left the selection on a section's heading with every button off: each item needed
    another click. The item that takes the done one's place is chosen instead."""
    actions = [
        r
        for r in range(view.model.rowCount())
        if (i := view.model.item_at(r)) is not None and i.kind is Kind.ACTION
    ]
    assert len(actions) >= 2
    first = view.model.item_at(actions[0])
    assert first is not None
    drive.click_row(view.table, view.model.index(actions[0], 1))
    drive.click(drive.button(view, "Done"))
    chosen = view.selected_item()
    assert chosen is not None
    assert chosen.key != first.key
    assert view.model.row_of(chosen.key) == view.table.currentIndex().row()
    assert view.open_button.isEnabled()
    if chosen.kind is Kind.ACTION:
        assert view.done_button.isEnabled()
        drive.click(drive.button(view, "Done"))  # straight on to the next one
        assert chosen.key not in _keys(view)
