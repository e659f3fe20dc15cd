"""Customer commitments through the real window: recorded on any day, the stage checklist, the one
gate for every stage change (drag, keys, the deal editor) and Premature naming what is missing."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from html import escape as html_escape

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QMessageBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner import red_flags
from planner.exchange import pack_html, pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.planner.test_operations import dump
from tests.ui import window_driver as drive
from tests.ui.conftest import show_window
from ui import format as fmt
from ui.board.delegate import badges
from ui.board.models import FACE_ROLE, ID_ROLE, CardFace
from ui.main_window import MainWindow
from ui.plain import plain_tooltip

TODAY = dt.date.today()  # the window's day: the dialog's default date


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    w.activateWindow()
    drive.settle()
    yield w
    w.undo_stack.clear()


@pytest.fixture
def modals() -> Iterator[drive.Modals]:
    answering = drive.Modals()
    yield answering
    assert answering.take_unexpected() == []


def view_of(window: MainWindow, stage_index: int) -> QAbstractItemView:
    return window.board.columns[window.controller.columns[stage_index].id].view


def index_of(window: MainWindow, deal_id: int) -> tuple[QAbstractItemView, QModelIndex]:
    """The card of a deal: its column's view and its index there."""
    for column in window.board.columns.values():
        model = column.view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == deal_id:
                return column.view, index
    raise AssertionError(f"deal {deal_id} is on no column")


def face(window: MainWindow, deal_id: int) -> CardFace:
    _view, index = index_of(window, deal_id)
    found = index.data(FACE_ROLE)
    assert isinstance(found, CardFace)
    return found


def chips(window: MainWindow, deal_id: int) -> list[str]:
    return [b.text for b in badges(face(window, deal_id))]


def undo(window: MainWindow) -> None:
    drive.activate(window)
    window.board.setFocus()  # not a text field: there Ctrl+Z undoes typing
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    drive.wait_until_idle()


def checkbox(dialog: QWidget, text: str) -> QCheckBox:
    return next(b for b in dialog.findChildren(QCheckBox) if b.property("commitment") == text)


def commitment_tab(window: MainWindow) -> None:
    """Show the Blue Sheet's Commitments section by its button, as a seller would."""
    window.blue_sheet_dock.show()
    panel = window.blue_sheet
    index = panel.tabs.indexOf(panel.commitment_section)
    drive.click(panel.sections.buttons[index])
    assert panel.tabs.currentWidget() is panel.commitment_section


def checklist_lines(window: MainWindow) -> list[str]:
    box = window.blue_sheet.commitment_section.checklist_box
    return [label.text() for label in box.findChildren(QLabel) if label.isVisible()]


def test_a_commitment_from_the_card_menu_ends_stale_everywhere_and_undo_takes_it_back(
    window: MainWindow, modals: drive.Modals
) -> None:
    """The customer did something without the deal changing stage: recorded from the card's
    menu, it clears the Stale badge and shows in the checklist, the details and the tooltip."""
    stale = [
        card.id
        for stage_id, model in window.controller.models.items()
        if stage_id != window.controller.columns[0].id
        for card in model.cards
        if window.controller.face(card).status.stale
    ]
    assert stale, "the demo plan has stale deals in later stages"
    deal_id = stale[0]
    assert "Stale" in " ".join(chips(window, deal_id))
    before = dump(window.plan)
    view, index = index_of(window, deal_id)
    drive.click_row(view, index)
    stage = window.controller.stage(window.controller.stage_of(deal_id) or 0)
    assert stage is not None
    wanted = stage.exit_commitments[0]

    def answer(dialog: QWidget) -> None:
        choice = drive.field(dialog, "Commitment")
        assert isinstance(choice, QComboBox)
        assert choice.currentText() == f"{stage.name}: {wanted}"  # the stage's open items first
        who = drive.field(dialog, "Who")
        assert isinstance(who, QComboBox)
        assert who.count() > 1  # the deal's buying influences are offered
        drive.type_into(drive.line_edit_of(who), "Maria <b>Keller</b>")
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Evidence")), "Her mail of Tuesday")
        assert drive.line_edit_of(drive.field(dialog, "Date")).text() == fmt.edit_date(TODAY)
        drive.press_ok(dialog)

    with modals.expecting(drive.choose_in_menu("Record customer commitment…"), answer):
        drive.open_context_menu(view, index)
    assert modals.answered == 2

    # The plan file holds the record, with its stage, day, who and evidence.
    (record,) = [c for c in evidence_repo.list_commitments(window.plan, deal_id) if c.committed_on == TODAY]
    assert (record.what, record.stage_id, record.who, record.evidence) == (
        wanted,
        stage.id,
        "Maria <b>Keller</b>",
        "Her mail of Tuesday",
    )
    # The card face: no Stale badge; its sentence (tooltip, screen readers) says the commitment.
    assert not any(chip.startswith("Stale") for chip in chips(window, deal_id))
    _view, index = index_of(window, deal_id)
    sentence = index.data(Qt.ItemDataRole.AccessibleTextRole)
    assert f"last customer commitment: {wanted}, {fmt.date(TODAY)}" in sentence
    assert index.data(Qt.ItemDataRole.ToolTipRole) == plain_tooltip(sentence)  # shown as text
    # Deal details list it; the Blue Sheet's checklist shows it met today.
    drive.click_dock_tab(window, window.details_dock)
    assert f"{fmt.date(TODAY)}: {wanted} ({stage.name}), Maria <b>Keller</b>: Her mail of Tuesday" in (
        window.details.commitments.text()
    )
    commitment_tab(window)
    assert f"\u2713 {wanted}: {fmt.date(TODAY)}" in checklist_lines(window)
    # The review pack lists it after the deal's Blue Sheet; the JSON bundle carries it.
    pack = build_pack(window.plan, PackScope.selected([deal_id]), PackOptions(), TODAY)
    html = pack_html.render_html(pack)
    assert (
        html.index("Customer commitments")
        < html.index(html_escape("Her mail of Tuesday"))
        < html.index("Stage history")
    )
    (bundled,) = json.loads(pack_json.render_json(pack))["opportunities"]
    assert {"committed_on": TODAY.isoformat(), "what": wanted, "stage": stage.name} in [
        {k: c[k] for k in ("committed_on", "what", "stage")} for c in bundled["commitments"]
    ]

    undo(window)
    assert dump(window.plan) == before
    assert "Stale" in " ".join(chips(window, deal_id))
    assert f"\u2022 {wanted}: not yet" in checklist_lines(window)
    assert f"{fmt.date(TODAY)}: {wanted}" not in window.details.commitments.text()


def test_a_skip_ahead_drag_is_premature_and_names_what_was_never_recorded(
    window: MainWindow, modals: drive.Modals
) -> None:
    """Prospect to Committed citing only "Agreed to a discovery meeting": Premature fires on the
    card, in Deal details and in the red flags, naming each commitment skipped."""
    prospect, _qualified, _evaluating, committed = window.controller.columns
    deal_id = window.controller.models[prospect.id].cards[0].id
    source, target = view_of(window, 0), view_of(window, 3)
    _view, index = index_of(window, deal_id)

    def tick_only_the_meeting(dialog: QWidget) -> None:
        drive.click_check_box(checkbox(dialog, "Agreed to a discovery meeting"))
        note = drive.named(dialog, "Evidence", QLabel)
        assert isinstance(note, QLabel)
        assert note.text().startswith("Committed will show Premature: never recorded: Confirmed a problem")
        drive.press_ok(dialog)

    with modals.expecting(tick_only_the_meeting):
        drive.drag(source, index, target)
    assert modals.answered == 1
    assert window.controller.stage_of(deal_id) == committed.id
    missing = (
        "Confirmed a problem or goal; Shared budget range and timeline; Introduced us to the economic"
        " buyer; Shared decision criteria and process; Technical evaluation agreed"
    )
    reason = f"Premature: never recorded: {missing}"
    premature = [b for b in badges(face(window, deal_id)) if b.text == "Premature"]
    assert [b.reason for b in premature] == [reason]
    drive.click_dock_tab(window, window.details_dock)
    assert reason in window.details.values["Warnings"].text()
    flags = red_flags.evaluate_plan(window.plan, TODAY, [deal_id])[deal_id]
    assert [f.reason for f in flags if f.rule == red_flags.PREMATURE] == [reason]


def test_the_editors_stage_change_asks_for_the_commitment_and_cancel_changes_nothing(
    window: MainWindow, modals: drive.Modals
) -> None:
    qualified = window.controller.columns[1]
    evaluating = window.controller.columns[2]
    deal_id = window.controller.models[qualified.id].cards[0].id
    view, index = index_of(window, deal_id)
    drive.click_row(view, index)
    before = dump(window.plan)
    steps = window.undo_stack.count()

    def edit(dialog: QWidget) -> None:
        combo = drive.field(dialog, "Stage")
        assert isinstance(combo, QComboBox)
        drive.choose_in_combo(combo, 1)
        assert combo.currentText() == evaluating.name
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Amount")), "77000")
        drive.press_ok(dialog)

    def asked(dialog: QWidget) -> None:
        assert dialog.windowTitle() == f"Move to {evaluating.name}"
        assert {b.property("commitment") for b in dialog.findChildren(QCheckBox)} == set(
            qualified.exit_commitments
        )
        drive.press_cancel(dialog)

    drive.activate(window)
    with modals.expecting(edit, asked):
        QTest.keyClick(view, Qt.Key.Key_F2)
    assert modals.answered == 2
    assert dump(window.plan) == before  # neither the move nor the amount was written
    assert window.controller.stage_of(deal_id) == qualified.id
    assert window.undo_stack.count() == steps

    def commit(dialog: QWidget) -> None:
        drive.click_check_box(checkbox(dialog, qualified.exit_commitments[0]))
        drive.press_ok(dialog)

    drive.activate(window)
    view, index = index_of(window, deal_id)
    drive.click_row(view, index)
    with modals.expecting(edit, commit):
        QTest.keyClick(view, Qt.Key.Key_F2)
    deal = opportunity_repo.get_opportunity(window.plan, deal_id)
    assert deal is not None
    assert (deal.stage_id, deal.amount) == (evaluating.id, 77000.0)
    move = opportunity_repo.stage_history(window.plan, deal_id)[-1]
    assert (move.commitment, move.commitment_date, move.reason) == (qualified.exit_commitments[0], TODAY, "")
    assert window.controller.stage_of(deal_id) == evaluating.id
    # The edit and the move are one undoable step.
    assert window.undo_stack.count() == steps + 1
    assert window.undo_stack.undoText() == f"Edit “{deal.title}” and move it to {evaluating.name}"
    undo(window)
    assert dump(window.plan) == before


def test_a_forward_move_offers_what_is_on_record_and_needs_nothing_more(
    window: MainWindow, modals: drive.Modals
) -> None:
    """Both of Prospect's exits recorded on other days (from the Blue Sheet's button): the move
    to Qualified shows them ticked and dated, records nothing twice, and needs no new tick."""
    prospect, qualified = window.controller.columns[:2]
    deal_id = window.controller.models[prospect.id].cards[0].id
    view, index = index_of(window, deal_id)
    drive.click_row(view, index)
    commitment_tab(window)
    assert checklist_lines(window)[1:] == [f"\u2022 {text}: not yet" for text in prospect.exit_commitments]
    days = [TODAY - dt.timedelta(days=9), TODAY - dt.timedelta(days=2)]
    for text, day in zip(prospect.exit_commitments, days, strict=True):

        def answer(dialog: QWidget, text: str = text, day: dt.date = day) -> None:
            choice = drive.field(dialog, "Commitment")
            assert isinstance(choice, QComboBox)
            assert choice.currentText() == f"{prospect.name}: {text}"  # the one left is offered first
            drive.type_into(drive.line_edit_of(drive.field(dialog, "Date")), day.isoformat())
            drive.press_ok(dialog)

        with modals.expecting(answer):
            drive.push_button(window.blue_sheet.commitment_section, "Record customer commitment…")
    assert checklist_lines(window)[1:] == [
        f"\u2713 {text}: {fmt.date(day)}" for text, day in zip(prospect.exit_commitments, days, strict=True)
    ]
    records = len(evidence_repo.list_commitments(window.plan, deal_id))

    def on_record(dialog: QWidget) -> None:
        boxes = dialog.findChildren(QCheckBox)
        assert [(b.text(), b.isChecked(), b.isEnabled()) for b in boxes] == [
            (f"{text} (recorded {fmt.date(day)})", True, False)
            for text, day in zip(prospect.exit_commitments, days, strict=True)
        ]
        note = drive.named(dialog, "Evidence", QLabel)
        assert isinstance(note, QLabel)
        assert note.text() == "Every commitment that enters Qualified is on record: no new one is needed."
        assert drive.press_ok(dialog)

    drive.activate(window)
    view, index = index_of(window, deal_id)
    drive.click_row(view, index)
    with modals.expecting(on_record):
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert window.controller.stage_of(deal_id) == qualified.id
    assert len(evidence_repo.list_commitments(window.plan, deal_id)) == records  # nothing twice
    assert (
        opportunity_repo.stage_history(window.plan, deal_id)[-1].reason
        == "Entry commitments already on record"
    )
    assert "Premature" not in chips(window, deal_id)


def test_the_blue_sheet_removes_a_record_after_asking_and_undo_brings_it_back(
    window: MainWindow, modals: drive.Modals
) -> None:
    deal_id = window.controller.models[window.controller.columns[1].id].cards[0].id
    view, index = index_of(window, deal_id)
    drive.click_row(view, index)
    commitment_tab(window)
    section = window.blue_sheet.commitment_section

    def in_their_words(dialog: QWidget) -> None:
        choice = drive.field(dialog, "Commitment")
        assert isinstance(choice, QComboBox)
        drive.choose_in_combo(choice, choice.count())  # the last: in the customer's words
        drive.type_into(
            drive.line_edit_of(drive.field(dialog, "In the customer's words")), "<i>Pilot</i> agreed"
        )
        drive.press_ok(dialog)

    with modals.expecting(in_their_words):
        drive.push_button(section, "Record customer commitment…")
    before = dump(window.plan)
    records = section.list.model()
    assert (
        records.index(0, 0)
        .data()
        .startswith(f"{fmt.date(TODAY)} · <i>Pilot</i> agreed\nIn the customer's words")
    )
    drive.click_row(section.list, records.index(0, 0))
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.No)):
        drive.push_button(section, "Remove")
    assert dump(window.plan) == before
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
        drive.push_button(section, "Remove")
    assert "<i>Pilot</i> agreed" not in [c.what for c in evidence_repo.list_commitments(window.plan, deal_id)]
    undo(window)
    assert dump(window.plan) == before


def test_the_next_deals_checklist_reuses_the_lines_as_if_drawn_afresh(window: MainWindow) -> None:
    """The section keeps its labels from deal to deal: each line a seller sees has the text, the
    colour and the weight a section drawn afresh gives it, and no line of the last deal stays."""
    commitment_tab(window)
    section = window.blue_sheet.commitment_section
    last = window.controller.columns[-1].id
    deals = [index_of(window, window.controller.models[last].index(0, 0).data(ID_ROLE))]
    first_deal = next(
        window.controller.models[c.id].index(0, 0).data(ID_ROLE)
        for c in window.controller.columns
        if window.controller.models[c.id].rowCount()
    )
    deals.append(index_of(window, first_deal))

    def shown(labels: list[QLabel]) -> list[tuple[str, object, bool]]:
        return [(line.text(), line.property("blueSheetTone"), line.font().bold()) for line in labels]

    for view, index in (*deals, *deals):
        drive.click_row(view, index)
        drive.wait_until_idle()
        data = window.blue_sheet.data
        assert data is not None
        fresh = type(section)()
        fresh.load(data.checklists, data.commitments, data.stage_names)
        visible = [line for line in section.checklist_box.findChildren(QLabel) if line.isVisibleTo(section)]
        assert shown(visible) == shown(fresh.checklist_lines)
        fresh.deleteLater()
