"""The Green Sheet in the real window: plan a call from the Blue Sheet, debrief it, move the deal
through the gate, print it on one page, delete it; the packs show it after the deal's Blue Sheet."""

from __future__ import annotations

import datetime as dt
import shutil
import subprocess
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner.exchange import pack_html
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.model import ActionStatus, Mode, Opportunity, Stage
from planner.stages import open_stages
from planner.storage import activities as activity_repo
from planner.storage import evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from tests.ui.blue_sheet_harness import Harness, open_harness
from tests.ui.conftest import show_window
from ui.blue_sheet import labels
from ui.blue_sheet.calls import CallSection
from ui.blue_sheet.green_sheet import CallPlanDialog, DebriefDialog
from ui.board.models import FACE_ROLE, ID_ROLE, CardFace
from ui.dialogs.move_dialog import MoveDialog
from ui.main_window import MainWindow
from ui.pack_pdf import render_pdf
from ui.time_field import TimeField

pytestmark = pytest.mark.skipif(
    shutil.which("pdftotext") is None or shutil.which("pdfinfo") is None, reason="needs poppler-utils"
)

TODAY = dt.date.today()  # the window's own day: a call is planned and debriefed on it
QUESTIONS = {
    "Confirmation questions": ["Is the go-live still in March?"],
    "New-information questions": ["Who else signs off?", "What does IT need from us?"],
    "Attitude questions": ["What worries you about the rollout?"],
}


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    w.activateWindow()
    assert QTest.qWaitForWindowActive(w)
    yield w
    w.undo_stack.clear()


def _stale_prospect(plan: PlanDB, window: MainWindow) -> tuple[Opportunity, Stage]:
    """A deal of the first column with at least two buying influences, stale on its card."""
    first = open_stages(stage_repo.list_stages(plan))[0]
    for deal in opportunity_repo.list_opportunities(plan):
        if deal.stage_id != first.id or len(people_repo.list_influences(plan, deal.id)) < 2:
            continue
        if _face(window, deal.id).status.stale_days is not None:
            return deal, first
    raise AssertionError("the demo plan has no stale deal in its first column")


def _face(window: MainWindow, deal_id: int) -> CardFace:
    for column in window.board.columns.values():
        model = column.view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == deal_id:
                face = index.data(FACE_ROLE)
                assert isinstance(face, CardFace)
                return face
    raise AssertionError(f"deal {deal_id} is on no column")


def _click_card(window: MainWindow, deal_id: int) -> None:
    for column in window.board.columns.values():
        model = column.view.model()
        for row in range(model.rowCount()):
            if model.index(row, 0).data(ID_ROLE) == deal_id:
                drive.click_row(column.view, model.index(row, 0))
                assert window.board.selected_id() == deal_id
                return
    raise AssertionError(f"deal {deal_id} is on no column")


def _calls(window: MainWindow) -> CallSection:
    """The Blue Sheet's Calls section, opened by its button as a seller does."""
    panel = window.blue_sheet
    button = next(b for b in panel.sections.buttons if b.text().startswith("Calls"))
    drive.click(button)
    assert panel.tabs.currentWidget() is panel.call_section
    assert panel.call_section.isVisible()
    return panel.call_section


def _closing(answer: drive.Answer) -> drive.Answer:
    """An answer that closes its dialog when it fails: a failed check must not leave the test
    waiting on a dialog nobody will close (the failure is reported by pytest-qt)."""

    def closing(widget: QWidget) -> None:
        try:
            drive.activate(widget)  # offscreen, a dialog opening is not made the active window
            answer(widget)
        except BaseException:
            widget.close()
            raise

    return closing


def _click_tab(dialog: CallPlanDialog | DebriefDialog, name: str) -> None:
    bar = dialog.tabs.tabBar()
    index = next(i for i in range(bar.count()) if bar.tabText(i) == name)
    drive.click(bar, bar.tabRect(index).center())
    assert dialog.tabs.currentIndex() == index


def _type_lines(edit: QWidget, text: str) -> None:
    assert isinstance(edit, QPlainTextEdit)
    drive.click(edit)
    QTest.keyClicks(edit, text)


def _choose(combo: QWidget, text: str) -> None:
    """Step a combo box to the item `text` with the arrow keys."""
    assert isinstance(combo, QComboBox)
    target = combo.findText(text, Qt.MatchFlag.MatchExactly)
    assert target >= 0, text
    drive.choose_in_combo(combo, target - combo.currentIndex())
    assert combo.currentText() == text


def _row_texts(section: CallSection) -> list[str]:
    model = section.model
    return [str(model.index(r, 0).data()) for r in range(model.rowCount())]


def _save_as(path: Path) -> drive.Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), drive.describe(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # Set rather than typed: typing opens the completer's popup, which offscreen Qt warns about.
        name.setText(str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    return answer


def _pdf_text(path: Path) -> tuple[int, str]:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    pages = int(next(line for line in info.splitlines() if line.startswith("Pages:")).split()[1])
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True)
    return pages, " ".join(text.stdout.split())


def test_a_call_is_planned_debriefed_moves_the_deal_and_prints_on_one_page(
    window: MainWindow, tmp_path: Path
) -> None:
    plan = window.plan
    deal, stage = _stale_prospect(plan, window)
    next_stage = open_stages(stage_repo.list_stages(plan))[1]
    influences = people_repo.list_influences(plan, deal.id)
    names = {p.id: p.name for p in people_repo.list_people(plan, deal.account_id or 0)}
    first, second = influences[0], influences[1]
    calls_before = len(evidence.list_call_plans(plan, deal.id))
    _click_card(window, deal.id)
    section = _calls(window)
    modals = drive.Modals()

    # 1. Plan the call: date and time, title, two attendees ticked, the questions, the commitments.
    def plan_the_call(dialog: QWidget) -> None:
        assert isinstance(dialog, CallPlanDialog), drive.describe(dialog)
        date = drive.line_edit_of(drive.field(dialog, "Date"))
        drive.type_into(date, TODAY.isoformat())
        time = drive.field(dialog, "Time")
        assert isinstance(time, TimeField)
        QTest.keyClick(date, Qt.Key.Key_Tab)  # on to the time, all of it selected
        assert dialog.focusWidget() is time
        QTest.keyClicks(time, "07:45")
        assert time.value() == dt.time(7, 45)
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Title")), "Scope the pilot")
        attendees = drive.field(dialog, "Attendees")
        assert isinstance(attendees, QListWidget)
        for row in (0, 1):
            item = attendees.item(row)
            # Each attendee shows the Concept under the name (the seller's text, as typed).
            assert names[influences[row].person_id] in item.text()
            assert "Concept:" in item.text()
            drive.click_row(attendees, attendees.model().index(row, 0))
            QTest.keyClick(attendees, Qt.Key.Key_Space)
            assert item.checkState() == Qt.CheckState.Checked
        _type_lines(drive.field(dialog, "Valid business reason"), "Agree what the pilot must prove")
        _click_tab(dialog, "Information")
        _type_lines(drive.field(dialog, "What we give"), "A peer's results: 14 % less fuel")
        for label, lines in QUESTIONS.items():
            entry = drive.field(dialog, label)
            drive.click(entry)
            for line in lines:
                QTest.keyClicks(entry, line)
                QTest.keyClick(entry, Qt.Key.Key_Return)  # adds the line; the dialog stays open
        assert dialog.isVisible()
        _click_tab(dialog, "Commitment")
        drive.type_into(
            drive.line_edit_of(drive.field(dialog, "Best Action Commitment")), "CFO signs the pilot order"
        )
        drive.type_into(
            drive.line_edit_of(drive.field(dialog, "Minimum Acceptable Action")), "Introduce us to the CFO"
        )
        commit_by = TODAY + dt.timedelta(days=14)
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Commit by")), commit_by.isoformat())
        assert drive.press_ok(dialog)

    with modals.expecting(_closing(plan_the_call)):
        drive.click(section.new)
    assert modals.take_unexpected() == []
    calls = evidence.list_call_plans(plan, deal.id)
    assert len(calls) == calls_before + 1
    (call,) = [c for c in calls if c.title == "Scope the pilot"]
    assert call.meeting_at == dt.datetime.combine(TODAY, dt.time(7, 45))
    assert call.attendees == (first.id, second.id)
    assert call.business_reason == "Agree what the pilot must prove"
    assert call.giving == "A peer's results: 14 % less fuel"
    assert list(call.confirmation_questions) == QUESTIONS["Confirmation questions"]
    assert list(call.new_information_questions) == QUESTIONS["New-information questions"]
    assert list(call.attitude_questions) == QUESTIONS["Attitude questions"]
    assert (call.best_action, call.minimum_action) == ("CFO signs the pilot order", "Introduce us to the CFO")
    assert call.commit_by == TODAY + dt.timedelta(days=14)
    assert window.undo_stack.text(window.undo_stack.index() - 1) == "Plan call “Scope the pilot”"
    (shown,) = [t for t in _row_texts(section) if "Scope the pilot" in t]
    assert "Upcoming" in shown
    assert window.blue_sheet.sections.buttons[window.blue_sheet.tabs.indexOf(section)].text() == (
        f"Calls ({calls_before + 1})"
    )
    planned = dump(plan)

    # 2. Debrief it: a commitment of the stage's checklist, news about an attendee, a follow-up;
    #    then the offered move goes through the move dialog (the gate) to the next stage.
    exit_commitment = stage.exit_commitments[0]
    first_name = names[first.person_id]

    def debrief_it(dialog: QWidget) -> None:
        assert isinstance(dialog, DebriefDialog), drive.describe(dialog)
        committed = drive.field(dialog, "The customer committed to")
        _choose(committed, exit_commitment)
        _type_lines(drive.field(dialog, "Notes"), "The CFO joins the next meeting.")
        _click_tab(dialog, "Attendees")
        _choose(drive.named(dialog, f"Mode of {first_name}", QComboBox), labels.mode(Mode.TROUBLE))
        _choose(drive.named(dialog, f"Rating of {first_name}", QComboBox), labels.rating(-2))
        concept = drive.named(dialog, f"Concept of {first_name}", QLineEdit)
        assert isinstance(concept, QLineEdit)
        drive.type_into(concept, "Avoid a second failed rollout")
        _click_tab(dialog, "Follow-up")
        who = drive.field(dialog, "Who")
        assert isinstance(who, QLineEdit)
        drive.type_into(who, "Sam")
        drive.type_into(
            drive.line_edit_of(drive.field(dialog, "Due")), (TODAY + dt.timedelta(days=3)).isoformat()
        )
        what = drive.field(dialog, "What")
        assert isinstance(what, QLineEdit)
        drive.type_into(what, "Send the pilot proposal")
        QTest.keyClick(what, Qt.Key.Key_Return)  # adds the follow-up
        assert dialog.follow_list.count() == 1
        assert dialog.isVisible()
        assert drive.press_ok(dialog)

    def move_offered(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), drive.describe(box)
        assert exit_commitment in box.text()
        yes = box.button(QMessageBox.StandardButton.Yes)
        assert yes is not None
        assert yes.text() == f"Move the deal to {next_stage.name}"
        drive.answer_message_box(box, QMessageBox.StandardButton.Yes)

    def the_gate(dialog: QWidget) -> None:
        assert isinstance(dialog, MoveDialog), drive.describe(dialog)
        boxes = [b for b in dialog.findChildren(QCheckBox) if b.isVisible()]
        # The debrief's commitment is on record already: the dialog shows it ticked; the seller
        # ticks what else the customer did to leave the stage.
        recorded = next(b for b in boxes if exit_commitment in b.text())
        assert recorded.isChecked()
        assert not recorded.isEnabled()
        for box in boxes:
            if box.isEnabled() and not box.isChecked():
                drive.click_check_box(box)
        assert drive.press_ok(dialog)

    row = section.model.row_of(call.id)
    drive.click_row(section.list, section.model.index(row, 0))
    assert section.debrief.isEnabled()
    with modals.expecting(_closing(debrief_it), _closing(move_offered), _closing(the_gate)):
        drive.click(section.debrief)
    assert modals.take_unexpected() == []
    debriefed = evidence.get_call_plan(plan, call.id)
    assert debriefed is not None
    assert (debriefed.debriefed_on, debriefed.debrief_commitment, debriefed.debrief_notes) == (
        TODAY,
        exit_commitment,
        "The CFO joins the next meeting.",
    )
    (recorded,) = [c for c in evidence.list_commitments(plan, deal.id) if c.call_plan_id == call.id]
    assert (recorded.what, recorded.stage_id, recorded.committed_on) == (exit_commitment, stage.id, TODAY)
    assert recorded.who == f"{first_name}, {names[second.person_id]}"
    learnt = people_repo.get_influence(plan, first.id)
    assert learnt is not None
    assert (learnt.mode, learnt.rating, learnt.concept, learnt.last_contact) == (
        Mode.TROUBLE,
        -2,
        "Avoid a second failed rollout",
        TODAY,
    )
    (follow_up,) = [
        a for a in activity_repo.list_actions(plan, deal.id) if a.what == "Send the pilot proposal"
    ]
    assert (follow_up.who, follow_up.due, follow_up.status) == (
        "Sam",
        TODAY + dt.timedelta(days=3),
        ActionStatus.PLANNED,
    )
    moved = opportunity_repo.get_opportunity(plan, deal.id)
    assert moved is not None
    assert moved.stage_id == next_stage.id
    # The card left Stale behind: the customer's commitment moved it.
    assert _face(window, deal.id).status.stale_days is None
    _click_card(window, deal.id)
    section = _calls(window)
    (shown,) = [t for t in _row_texts(section) if "Scope the pilot" in t]
    assert "Debriefed" in shown
    assert f"Committed: {exit_commitment}" in shown
    after = dump(plan)

    # Undo takes back the move, then the whole debrief; redo puts both back.
    drive.activate(window)
    for _ in range(2):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    assert dump(plan) == planned
    for _ in range(2):
        QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Redo))
    assert dump(plan) == after

    # 3. Print it: one page, its words searchable.
    _click_card(window, deal.id)
    section = _calls(window)
    drive.click_row(section.list, section.model.index(section.model.row_of(call.id), 0))
    printed = tmp_path / "call plan.pdf"
    with modals.expecting(_save_as(printed)):
        drive.click(section.print)
    assert modals.take_unexpected() == []
    pages, text = _pdf_text(printed)
    assert pages == 1
    for words in (
        "Green Sheet: Scope the pilot",
        deal.title,
        first_name,
        "Who else signs off?",
        "What worries you about the rollout?",
        "CFO signs the pilot order",
        "Introduce us to the CFO",
        exit_commitment,
    ):
        assert words in text, words

    # 4. Delete it (asked first): the commitment its debrief recorded stays; undo brings it back.
    drive.click_row(section.list, section.model.index(section.model.row_of(call.id), 0))
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
        drive.click(section.delete)
    assert modals.take_unexpected() == []
    assert evidence.get_call_plan(plan, call.id) is None
    assert [c.what for c in evidence.list_commitments(plan, deal.id) if c.id == recorded.id] == [
        exit_commitment
    ]
    assert not [t for t in _row_texts(section) if "Scope the pilot" in t]
    drive.activate(window)
    QTest.keySequence(window, QKeySequence(QKeySequence.StandardKey.Undo))
    assert dump(plan) == after


class _Words(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.words: list[str] = []

    def handle_data(self, data: str) -> None:
        self.words.append(data)


def test_the_pdf_and_html_packs_show_the_call_plan_after_the_blue_sheet(
    window: MainWindow, tmp_path: Path
) -> None:
    from planner import green_sheet
    from planner.model import CallPlan

    plan = window.plan
    deal, stage = _stale_prospect(plan, window)
    influences = people_repo.list_influences(plan, deal.id)
    _change, call_id = green_sheet.create_call_plan(
        plan,
        CallPlan(
            0,
            deal.id,
            dt.datetime.combine(TODAY, dt.time(9, 30)),
            "Evaluation kick-off",
            attendees=(influences[0].id,),
            new_information_questions=("Who else signs off?",),
            best_action="CFO signs the pilot order",
        ),
    )
    green_sheet.debrief(plan, call_id, TODAY, stage.exit_commitments[0], "Went well", today=TODAY)
    pack = build_pack(plan, PackScope.selected([deal.id]), PackOptions(), TODAY)
    pdf = tmp_path / "pack.pdf"
    pdf.write_bytes(render_pdf(pack, "a4"))
    _pages, text = _pdf_text(pdf)
    assert text.index("Manager's coaching notes") < text.index("Green Sheet: Evaluation kick-off")
    for words in ("Who else signs off?", "CFO signs the pilot order", stage.exit_commitments[0]):
        assert words in text[text.index("Green Sheet:") :], words
    parser = _Words()
    parser.feed(pack_html.render_html(pack))
    html_text = " ".join(" ".join(parser.words).split())
    assert html_text.index("Manager's coaching notes") < html_text.index("Green Sheet: Evaluation kick-off")
    assert "Who else signs off?" in html_text


def test_a_long_call_plan_still_prints_on_one_page(demo_plan: PlanDB, tmp_path: Path) -> None:
    from planner import green_sheet
    from planner.model import CallPlan
    from ui.green_sheet_pdf import write_call_plan

    deal = next(o for o in opportunity_repo.list_opportunities(demo_plan) if o.closed_on is None)
    many = tuple(f"Question {n}: what does the rollout need from your team this quarter?" for n in range(60))
    _change, call_id = green_sheet.create_call_plan(
        demo_plan,
        CallPlan(
            0,
            deal.id,
            dt.datetime(2026, 12, 9, 10, 0),
            "A long agenda",
            business_reason="Why this matters. " * 80,
            confirmation_questions=many,
            attitude_questions=many[:20],
        ),
    )
    path = write_call_plan(demo_plan, call_id, deal.id, tmp_path / "long.pdf", TODAY, "letter")
    pages, text = _pdf_text(path)
    assert pages == 1
    assert "Question 59:" in text  # nothing cut off: smaller, not shorter
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert "612 x 792 pts (letter)" in info


@pytest.fixture
def harness(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[Harness]:
    yield from open_harness(qtbot, demo_plan)


def test_a_read_only_plan_opens_and_prints_its_calls_and_changes_none(
    harness: Harness, tmp_path: Path
) -> None:
    from planner import green_sheet
    from planner.model import CallPlan

    plan, panel = harness.plan, harness.panel
    deal = next(
        o for o in opportunity_repo.list_opportunities(plan) if people_repo.list_influences(plan, o.id)
    )
    markup = "<b>Kick-off</b> & <i>scope</i>"
    _change, call_id = green_sheet.create_call_plan(
        plan, CallPlan(0, deal.id, dt.datetime(2026, 11, 20, 9, 0), markup, best_action="Sign")
    )
    before = dump(plan)
    panel.show_opportunity(deal.id)
    panel.set_editable(False)
    button = next(b for b in panel.sections.buttons if b.text().startswith("Calls"))
    drive.click(button)
    section = panel.call_section
    row = section.model.row_of(call_id)
    assert str(section.model.index(row, 0).data()).splitlines()[0].endswith(markup)  # as typed
    drive.click_row(section.list, section.model.index(row, 0))
    assert section.open.isEnabled()
    assert section.print.isEnabled()
    assert not section.new.isEnabled()
    assert not section.debrief.isEnabled()
    assert not section.delete.isEnabled()

    def read_only(dialog: QWidget) -> None:
        assert isinstance(dialog, CallPlanDialog), drive.describe(dialog)
        title = drive.field(dialog, "Title")
        assert isinstance(title, QLineEdit)
        assert title.isReadOnly()
        assert title.text() == markup
        assert [b.text() for b in dialog.buttons.buttons()] == ["Close"]
        drive.press_cancel(dialog)

    modals = drive.Modals()
    with modals.expecting(_closing(read_only)):
        drive.double_click(
            section.list.viewport(), section.list.visualRect(section.model.index(row, 0)).center()
        )
    assert modals.take_unexpected() == []
    printed = tmp_path / "read only.pdf"
    with modals.expecting(_save_as(printed)):
        drive.click(section.print)
    assert modals.take_unexpected() == []
    pages, text = _pdf_text(printed)
    assert pages == 1
    assert f"Green Sheet: {markup}" in text
    assert harness.stack.count() == 0
    assert dump(plan) == before


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("16:45", dt.time(16, 45)),
        ("1645", dt.time(16, 45)),
        ("4:45 pm", dt.time(16, 45)),
        ("7.05", dt.time(7, 5)),
    ],
)
def test_a_time_typed_after_one_click_is_the_time_kept(
    window: MainWindow, typed: str, meant: dt.time
) -> None:
    """One click anywhere in the time, then typing: the whole time is what was typed (a time
    field typed into the section under the click: "16:45" over 09:00 gave 09:45)."""
    plan = window.plan
    deal, _stage = _stale_prospect(plan, window)
    _click_card(window, deal.id)
    section = _calls(window)
    modals = drive.Modals()
    seen: list[str] = []

    def plan_the_call(dialog: QWidget) -> None:
        assert isinstance(dialog, CallPlanDialog), drive.describe(dialog)
        time = drive.field(dialog, "Time")
        assert isinstance(time, TimeField)
        assert time.text() == "09:00"
        rect = time.rect()
        drive.click(time, QPoint(rect.width() * 3 // 4, rect.height() // 2))  # on the minutes
        drive.settle()
        QTest.keyClicks(time, typed)
        QTest.keyClick(time, Qt.Key.Key_Tab)
        seen.append(time.text())
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Title")), f"Call at {typed}")
        assert drive.press_ok(dialog)

    with modals.expecting(_closing(plan_the_call)):
        drive.click(section.new)
    assert modals.take_unexpected() == []
    assert seen == [f"{meant:%H:%M}"]  # shown as it was read
    (call,) = [c for c in evidence.list_call_plans(plan, deal.id) if c.title == f"Call at {typed}"]
    assert call.meeting_at.time() == meant
    (shown,) = [t for t in _row_texts(section) if f"Call at {typed}" in t]
    assert f"{meant:%H:%M}" in shown


def test_a_time_that_is_not_one_is_refused_and_says_why(window: MainWindow) -> None:
    plan = window.plan
    deal, _stage = _stale_prospect(plan, window)
    _click_card(window, deal.id)
    section = _calls(window)
    before = dump(plan)
    modals = drive.Modals()
    seen: dict[str, object] = {}

    def plan_the_call(dialog: QWidget) -> None:
        assert isinstance(dialog, CallPlanDialog), drive.describe(dialog)
        time = drive.field(dialog, "Time")
        assert isinstance(time, TimeField)
        drive.type_into(time, "25:30")
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Title")), "Never planned")
        drive.press_ok(dialog)
        seen["open"] = dialog.isVisible()
        seen["error"] = dialog.error.text() if dialog.error.isVisible() else ""
        seen["focus"] = dialog.focusWidget() is time
        dialog.reject()

    with modals.expecting(_closing(plan_the_call)):
        drive.click(section.new)
    assert seen == {"open": True, "error": "Time must look like 14:30.", "focus": True}
    assert dump(plan) == before
