"""The Blue Sheet panel driven as a seller would: every editor writes the plan, undo restores it exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDialog, QLineEdit
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner import red_flags
from planner.model import ActionStatus, CallPlan, CompetitionKind, Degree, Mode, Note, Role
from planner.sheet_operations import NewPerson, flag_ref
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.test_operations import dump
from tests.ui.blue_sheet_harness import Harness, busy_deal, commit, open_editor, open_harness, show_tab
from ui.blue_sheet.delegates import RatingSpinBox
from ui.blue_sheet.dialogs import AddInfluenceDialog
from ui.blue_sheet.models import ActionTableModel, CompetitorTableModel, InfluenceTableModel
from ui.date_field import DateField
from ui.dialogs.commitment_dialog import CommitmentDraft

M = InfluenceTableModel


@pytest.fixture
def harness(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[Harness]:
    yield from open_harness(qtbot, demo_plan)


@pytest.fixture
def deal(harness: Harness) -> int:
    deal_id = busy_deal(harness.plan)
    harness.panel.show_opportunity(deal_id)
    return deal_id


def _influence(h: Harness, row: int = 0) -> int:
    bi = h.panel.influence.model.influence(row)
    assert bi is not None
    return bi.id


def test_the_panel_shows_the_deal_and_the_rule_engine_results(harness: Harness, deal: int) -> None:
    panel = harness.panel
    opportunity = opportunity_repo.get_opportunity(harness.plan, deal)
    assert opportunity is not None
    assert panel.title.text() == opportunity.title
    expected = red_flags.evaluate_plan(harness.plan, TODAY, [deal])[deal]
    assert panel.flag_section.model.flags_shown == expected
    red = red_flags.red_flag_count(expected)
    assert f"{red} red flag" in panel.summary.text()
    assert panel.tabs.tabText(2) == f"Flags ({red})"
    influences = people_repo.list_influences(harness.plan, deal)
    assert panel.influence.model.influences == influences
    assert [t.passed for t in red_flags.sso_tests(opportunity)] == [
        label.text().startswith("\u2713") for label in panel.objective.tests
    ]
    panel.show_opportunity(0)
    assert panel.opportunity_id == 0
    assert panel.placeholder.isVisible()
    assert panel.influence.model.rowCount() == 0
    panel.show_opportunity(999_999)  # a deal deleted meanwhile clears the panel, never crashes
    assert panel.opportunity_id == 0


# Each edit goes through the widget a seller uses; then undo must restore every table exactly.
def _amount(h: Harness, qtbot: QtBot) -> None:
    field = h.panel.objective.amount
    field.selectAll()
    qtbot.keyClicks(field, "250,000")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    deal = opportunity_repo.get_opportunity(h.plan, h.panel.opportunity_id)
    assert deal is not None
    assert deal.amount == 250_000.0


def _close_date(h: Harness, qtbot: QtBot) -> None:
    field = h.panel.objective.close_date
    before = len(opportunity_repo.close_date_history(h.plan, h.panel.opportunity_id))
    field.setText("2027-06-30")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    history = opportunity_repo.close_date_history(h.plan, h.panel.opportunity_id)
    assert len(history) == before + 1
    assert history[-1].new_date == dt.date(2027, 6, 30)


def _product(h: Harness, qtbot: QtBot) -> None:
    field = h.panel.objective.product
    field.setText("")
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert not h.panel.objective.tests[0].text().startswith("\u2713")  # the checklist is live
    assert any(f.rule == red_flags.OBJECTIVE_INCOMPLETE for f in h.panel.flag_section.model.flags_shown)


def _position(h: Harness, qtbot: QtBot) -> None:
    h.panel.objective.slider.setFocus()
    h.panel.objective.slider.setValue(5)
    deal = opportunity_repo.get_opportunity(h.plan, h.panel.opportunity_id)
    assert deal is not None
    assert deal.position == 5
    assert "Euphoric" in h.panel.objective.position_label.text()
    assert "font-weight: bold" in h.panel.objective.position_label.styleSheet()  # an end: a warning


def _role(h: Harness, qtbot: QtBot) -> None:
    table = h.panel.influence.table
    editor = open_editor(table, 0, M.ROLE)
    assert isinstance(editor, QComboBox)
    assert [editor.itemText(i) for i in range(editor.count())] == [
        "Economic",
        "User",
        "Technical",
        "Coach",
        "Unknown",
    ]
    editor.setCurrentIndex(editor.findText("Coach"))
    commit(editor)
    bi = people_repo.get_influence(h.plan, _influence(h))
    assert bi is not None
    assert bi.role is Role.COACH


def _degree_and_mode(h: Harness, qtbot: QtBot) -> None:
    table = h.panel.influence.table
    editor = open_editor(table, 1, M.DEGREE)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText("Unknown"))
    commit(editor)
    editor = open_editor(table, 1, M.MODE)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText("Overconfident"))
    commit(editor)
    bi = people_repo.get_influence(h.plan, _influence(h, 1))
    assert bi is not None
    assert (bi.degree, bi.mode) == (Degree.UNKNOWN, Mode.OVERCONFIDENT)


def _rating(h: Harness, qtbot: QtBot) -> None:
    editor = open_editor(h.panel.influence.table, 0, M.RATING)
    assert isinstance(editor, RatingSpinBox)
    editor.lineEdit().selectAll()
    qtbot.keyClicks(editor, "-4")
    commit(editor)
    bi = people_repo.get_influence(h.plan, _influence(h))
    assert bi is not None
    assert bi.rating == -4
    assert h.panel.influence.model.index(0, M.RATING).data() == "\u22124"
    assert any(f.rule == red_flags.HOSTILE_INFLUENCE for f in h.panel.flag_section.model.flags_shown)


def _last_contact(h: Harness, qtbot: QtBot) -> None:
    editor = open_editor(h.panel.influence.table, 0, M.LAST_CONTACT)
    assert isinstance(editor, DateField)
    editor.set_value(dt.date(2026, 11, 2))
    commit(editor)
    bi = people_repo.get_influence(h.plan, _influence(h))
    assert bi is not None
    assert bi.last_contact == dt.date(2026, 11, 2)


def _new_in_job(h: Harness, qtbot: QtBot) -> None:
    table = h.panel.influence.table
    show_tab(table)
    table.setCurrentIndex(table.model().index(0, M.NEW_IN_JOB))
    before = people_repo.get_influence(h.plan, _influence(h))
    assert before is not None
    qtbot.keyClick(table, Qt.Key.Key_Space)  # the check box toggles from the keyboard
    bi = people_repo.get_influence(h.plan, _influence(h))
    assert bi is not None
    assert bi.new_in_job is not before.new_in_job


def _reports_to(h: Harness, qtbot: QtBot) -> None:
    model = h.panel.influence.model
    row = next(r for r, bi in enumerate(model.influences) if bi.reports_to_id is not None)
    editor = open_editor(h.panel.influence.table, row, M.REPORTS_TO)
    assert isinstance(editor, QComboBox)
    assert editor.itemText(0) == "Nobody"
    own = model.influences[row].person_id
    assert own not in [editor.itemData(i) for i in range(editor.count())]  # never themself
    editor.setCurrentIndex(0)
    commit(editor)
    bi = people_repo.get_influence(h.plan, _influence(h, row))
    assert bi is not None
    assert bi.reports_to_id is None
    assert model.index(row, M.REPORTS_TO).data() == ""


def _win(h: Harness, qtbot: QtBot) -> None:
    editor = open_editor(h.panel.influence.table, 0, M.WIN)
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, "Promotion after the rollout")
    commit(editor)
    bi = people_repo.get_influence(h.plan, _influence(h))
    assert bi is not None
    assert bi.win == "Promotion after the rollout"


def _person_name(h: Harness, qtbot: QtBot) -> None:
    person_id = h.panel.influence.model.influences[0].person_id
    editor = open_editor(h.panel.influence.table, 0, M.PERSON)
    assert isinstance(editor, QLineEdit)
    editor.setText("Maria Keller-Wolf")
    commit(editor)
    person = people_repo.get_person(h.plan, person_id)
    assert person is not None
    assert person.name == "Maria Keller-Wolf"


def _add_existing(h: Harness, qtbot: QtBot) -> None:
    data = h.panel.data
    assert data is not None
    taken = {bi.person_id for bi in data.influences}
    free = next(p for p in data.people.values() if p.id not in taken)
    new_id = h.panel.add_influence(free.id, Role.USER)
    assert new_id
    bi = people_repo.get_influence(h.plan, new_id)
    assert bi is not None
    assert (bi.person_id, bi.role) == (free.id, Role.USER)


def _add_new_person(h: Harness, qtbot: QtBot) -> None:
    new_id = h.panel.add_influence(NewPerson("Noor Okafor", "Head of Finance"), Role.ECONOMIC)
    bi = people_repo.get_influence(h.plan, new_id)
    assert bi is not None
    person = people_repo.get_person(h.plan, bi.person_id)
    assert person is not None
    assert person.name == "Noor Okafor"


def _remove_influence(h: Harness, qtbot: QtBot) -> None:
    h.panel.confirm = lambda _title, _text: True
    first = _influence(h)
    assert h.panel.remove_influence(first)
    assert people_repo.get_influence(h.plan, first) is None


def _competitor(h: Harness, qtbot: QtBot) -> None:
    section = h.panel.competition
    section.name.setText("Contoso")
    section.kind.setCurrentIndex(section.kind.findText("Other vendor"))
    section.add.click()
    table = section.table
    row = table.model().rowCount() - 1
    editor = open_editor(table, row, CompetitorTableModel.KIND)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText("Budget spent elsewhere"))
    commit(editor)
    listed = activity_repo.list_competitors(h.plan, h.panel.opportunity_id)
    assert (listed[-1].name, listed[-1].kind) == ("Contoso", CompetitionKind.BUDGET_ELSEWHERE)


def _action(h: Harness, qtbot: QtBot) -> None:
    section = h.panel.action_section
    section.what.setText("Book a meeting with the CFO")
    section.due.set_value(TODAY - dt.timedelta(days=2))
    section.status.setCurrentIndex(section.status.findText("Planned"))
    section.link.setCurrentIndex(1)
    section.add.click()
    actions = activity_repo.list_actions(h.plan, h.panel.opportunity_id)
    added = next(a for a in actions if a.what == "Book a meeting with the CFO")
    assert added.flag_ref == flag_ref(h.panel.flag_section.model.flags_shown[0])
    model = h.panel.action_section.model
    row = model.row_of(added.id)
    assert model.is_overdue(added)
    assert model.index(row, ActionTableModel.DUE).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert model.index(row, 0).data(Qt.ItemDataRole.FontRole).bold()  # the earliest open: next step
    assert section.next_label.text().startswith("Next step: Book a meeting with the CFO")
    editor = open_editor(section.table, row, ActionTableModel.STATUS)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText("Done"))
    commit(editor)
    done = activity_repo.get_action(h.plan, added.id)
    assert done is not None
    assert (done.status, done.done_on) == (ActionStatus.DONE, TODAY)


def _manual_flag(h: Harness, qtbot: QtBot) -> None:
    section = h.panel.flag_section
    section.text.setText("Procurement wants three quotes")
    section.add_flag.click()
    mine = [f for f in section.model.flags_shown if f.rule == red_flags.MANUAL]
    assert [f.reason for f in mine] == ["Procurement wants three quotes"]
    assert section.text.text() == ""


def _note(h: Harness, qtbot: QtBot) -> None:
    section = h.panel.note_section
    section.new.click()
    section.body.setPlainText("Payback must be under a year")
    section.private.setChecked(False)
    section.save.click()
    notes = activity_repo.list_notes(h.plan, h.panel.opportunity_id)
    assert (notes[-1].body, notes[-1].private) == ("Payback must be under a year", False)
    section.body.setPlainText("Payback under ten months")
    section.save.click()
    notes = activity_repo.list_notes(h.plan, h.panel.opportunity_id)
    assert notes[-1].body == "Payback under ten months"


EDITS: dict[str, Callable[[Harness, QtBot], None]] = {
    "amount": _amount,
    "close date": _close_date,
    "product": _product,
    "position": _position,
    "role": _role,
    "degree and mode": _degree_and_mode,
    "rating": _rating,
    "last contact": _last_contact,
    "new in job": _new_in_job,
    "reports to": _reports_to,
    "win": _win,
    "person name": _person_name,
    "add existing person": _add_existing,
    "add new person": _add_new_person,
    "remove influence": _remove_influence,
    "competitor": _competitor,
    "action": _action,
    "manual flag": _manual_flag,
    "note": _note,
}


@pytest.mark.parametrize("name", list(EDITS))
def test_each_editor_writes_and_undo_restores_exactly(
    harness: Harness, deal: int, qtbot: QtBot, name: str
) -> None:
    before = dump(harness.plan)
    EDITS[name](harness, qtbot)
    assert not harness.errors, harness.errors
    after = dump(harness.plan)
    assert after != before
    assert harness.stack.count() >= 1
    shown_after = harness.panel.flag_section.model.flags_shown
    while harness.stack.canUndo():
        harness.stack.undo()
    assert dump(harness.plan) == before
    # The panel shows what the plan holds again, flags recomputed.
    assert (
        harness.panel.flag_section.model.flags_shown
        == red_flags.evaluate_plan(harness.plan, TODAY, [deal])[deal]
    )
    while harness.stack.canRedo():
        harness.stack.redo()
    assert dump(harness.plan) == after
    assert harness.panel.flag_section.model.flags_shown == shown_after


def test_a_refused_edit_writes_nothing_and_says_why(harness: Harness, deal: int) -> None:
    before = dump(harness.plan)
    bi = harness.panel.influence.model.influences[0]
    assert not harness.panel.update_influence(
        dataclasses.replace(bi, reports_to_id=bi.person_id), "reports to"
    )
    assert harness.errors[-1] == (
        "The buying influence was not saved",
        "Nobody reports to themself: choose someone else, or nobody.",
    )
    field = harness.panel.objective.amount
    field.setText("12x")
    field.editingFinished.emit()
    assert harness.panel.objective.error.isVisible()
    assert "Amount must be a number" in harness.panel.objective.error.text()
    assert dump(harness.plan) == before
    assert harness.stack.count() == 0


def test_add_influence_dialog_offers_the_account_people_or_a_new_one(
    harness: Harness, deal: int, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    panel = harness.panel
    dialog = panel.add_influence_dialog()
    assert dialog is not None
    qtbot.addWidget(dialog)
    data = panel.data
    assert data is not None
    taken = {bi.person_id for bi in data.influences}
    offered = [dialog.person.itemData(i) for i in range(dialog.person.count())]
    assert offered[-1] == 0  # "New person…"
    assert set(offered[:-1]) == {p.id for p in data.people.values()} - taken
    dialog.person.setCurrentIndex(dialog.person.count() - 1)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # a new person needs a name
    dialog.name.setText("Olga Novak")
    assert ok.isEnabled()
    dialog.role.setCurrentIndex(dialog.role.findText("Coach"))
    assert dialog.choice() == (NewPerson("Olga Novak", ""), Role.COACH)

    def accept(self: AddInfluenceDialog) -> int:
        self.person.setCurrentIndex(self.person.count() - 1)
        self.name.setText("Olga Novak")
        self.role.setCurrentIndex(self.role.findText("Coach"))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(AddInfluenceDialog, "exec", accept)
    before = dump(harness.plan)
    qtbot.keyClick(panel.influence.table, Qt.Key.Key_Insert)
    bi = panel.influence.current_influence()
    assert bi is not None
    assert bi.role is Role.COACH
    assert data.name(bi.person_id) != "Olga Novak"  # the old data did not know her
    assert panel.data is not None
    assert panel.data.name(bi.person_id) == "Olga Novak"
    assert panel.influence.table.currentIndex().column() == M.ROLE
    harness.stack.undo()
    assert dump(harness.plan) == before  # the person is gone with the influence


def test_remove_asks_first(harness: Harness, deal: int, qtbot: QtBot) -> None:
    asked: list[str] = []

    def refuse(_title: str, text: str) -> bool:
        asked.append(text)
        return False

    harness.panel.confirm = refuse
    before = dump(harness.plan)
    table = harness.panel.influence.table
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert len(asked) == 1
    assert "They stay at the account" in asked[0]
    assert dump(harness.plan) == before
    harness.panel.confirm = lambda _title, _text: True
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert harness.panel.influence.model.rowCount() == len(people_repo.list_influences(harness.plan, deal))
    assert dump(harness.plan) != before


def test_a_renamed_person_shows_on_every_deal_and_undo_restores_the_row(harness: Harness, deal: int) -> None:
    bi = harness.panel.influence.model.influences[0]
    deals = people_repo.opportunities_of_person(harness.plan, bi.person_id)
    person = people_repo.get_person(harness.plan, bi.person_id)
    assert person is not None
    before = dump(harness.plan)
    assert harness.panel.update_person(dataclasses.replace(person, title="Chief Executive"))
    assert harness.changes[-1].opportunities == set(deals)
    assert harness.panel.influence.model.index(0, M.TITLE).data() == "Chief Executive"
    assert harness.stack.undoText() == f"Edit {person.name}"
    harness.stack.undo()
    assert dump(harness.plan) == before
    assert harness.panel.influence.model.index(0, M.TITLE).data() == person.title


def test_coaching_notes_are_read_only(harness: Harness, deal: int) -> None:
    activity_repo.insert_note(
        harness.plan, Note(0, "Meet the CFO before the proposal", opportunity_id=deal, author="manager")
    )
    harness.panel.refresh()
    section = harness.panel.note_section
    row = section.model.rowCount() - 1
    assert "coaching" in section.model.index(row, 0).data()
    section.list.setCurrentIndex(section.model.index(row, 0))
    assert section.body.isReadOnly()
    assert not section.save.isEnabled()
    assert not section.remove.isEnabled()
    assert not section.read_only.isHidden()


def test_a_click_on_a_flag_selects_its_record(harness: Harness, deal: int, qtbot: QtBot) -> None:
    panel = harness.panel
    bi = panel.influence.model.influences[-1]
    harness.panel.update_influence(dataclasses.replace(bi, rating=-5), "rating")
    panel.tabs.setCurrentWidget(panel.flag_section)
    section = panel.flag_section
    flags = section.model.flags_shown
    hostile = next(f for f in flags if f.rule == red_flags.HOSTILE_INFLUENCE)
    row = section.model.row_of(hostile)
    with qtbot.waitSignal(panel.record_selected) as signal:
        rect = section.list.visualRect(section.model.index(row, 0))
        qtbot.mouseClick(section.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["influence", bi.id]
    assert panel.tabs.currentWidget() is panel.influence
    assert panel.influence.current_influence() == people_repo.get_influence(harness.plan, bi.id)
    overdue = red_flags.Flag(red_flags.OVERDUE, "Overdue", False, red_flags.RecordRef("opportunity", deal))
    panel.select_record(overdue)
    assert panel.tabs.currentWidget() is panel.objective
    no_coach = red_flags.Flag(red_flags.NO_COACH, "No Coach", False, red_flags.RecordRef("opportunity", deal))
    panel.select_record(no_coach)
    assert panel.tabs.currentWidget() is panel.influence


def test_a_click_on_an_action_rule_opens_the_action_plan(harness: Harness, qtbot: QtBot) -> None:
    """flag-without-action and no-next-step are about the actions: a click shows the action plan;
    not-in-funnel-yet is about the people: it shows the influences."""
    panel = harness.panel
    found = red_flags.evaluate_plan(harness.plan, TODAY)
    deal = next(
        d for d, flags in found.items() if any(f.rule == red_flags.FLAG_WITHOUT_ACTION for f in flags)
    )
    panel.show_opportunity(deal)
    panel.tabs.setCurrentWidget(panel.flag_section)
    section = panel.flag_section
    unlinked = next(f for f in section.model.flags_shown if f.rule == red_flags.FLAG_WITHOUT_ACTION)
    with qtbot.waitSignal(panel.record_selected) as signal:
        rect = section.list.visualRect(section.model.index(section.model.row_of(unlinked), 0))
        qtbot.mouseClick(section.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert signal.args == ["opportunity", deal]
    assert panel.tabs.currentWidget() is panel.action_section
    panel.tabs.setCurrentWidget(panel.objective)
    ref = red_flags.RecordRef("opportunity", deal)
    panel.select_record(red_flags.Flag(red_flags.NO_NEXT_STEP, "No next step", False, ref))
    assert panel.tabs.currentWidget() is panel.action_section
    panel.select_record(red_flags.Flag(red_flags.NOT_IN_FUNNEL_YET, "Not in the Funnel", False, ref))
    assert panel.tabs.currentWidget() is panel.influence


def test_every_model_passes_the_model_tester(harness: Harness, qtmodeltester: ModelTester) -> None:
    panel = harness.panel
    models = [
        panel.influence.model,
        panel.competition.model,
        panel.action_section.model,
        panel.flag_section.model,
        panel.note_section.model,
        panel.commitment_section.model,
        panel.call_section.model,
    ]
    for model in models:
        qtmodeltester.check(model)  # empty
    panel.show_opportunity(busy_deal(harness.plan))
    for model in models:
        qtmodeltester.check(model)
    panel.add_influence(NewPerson("Wei Chen"), Role.TECHNICAL)
    panel.add_competitor("Fabrikam", CompetitionKind.VENDOR)
    panel.add_note("A note")
    assert panel.record_commitment(CommitmentDraft("Agreed to a pilot", TODAY, None))
    assert panel.plan_call(CallPlan(0, 0, dt.datetime.combine(TODAY, dt.time(10)), "Pilot review"))
    assert panel.commitment_section.model.rowCount() > 0
    assert panel.call_section.model.rowCount() == 1
    for model in models:
        qtmodeltester.check(model)
    for _ in range(4):
        harness.stack.undo()
    for model in models:
        qtmodeltester.check(model)


def test_a_read_only_plan_shows_the_sheet_without_editors(harness: Harness, deal: int) -> None:
    panel = harness.panel
    panel.set_editable(False)
    index = panel.influence.model.index(0, M.ROLE)
    assert not index.flags() & Qt.ItemFlag.ItemIsEditable
    assert not panel.influence.add_button.isEnabled()
    assert panel.objective.amount.isReadOnly()
    assert not panel.objective.slider.isEnabled()
    panel.refresh()
    assert not panel.influence.model.index(0, M.ROLE).flags() & Qt.ItemFlag.ItemIsEditable
    panel.set_editable(True)
    assert panel.influence.model.index(0, M.ROLE).flags() & Qt.ItemFlag.ItemIsEditable


def test_unchanged_cells_push_nothing(harness: Harness, deal: int) -> None:
    editor = open_editor(harness.panel.influence.table, 0, M.ROLE)
    commit(editor)
    assert harness.panel.influence.table.state() != QAbstractItemView.State.EditingState
    assert harness.stack.count() == 0
