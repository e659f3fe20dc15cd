"""The Blue Sheet from the keyboard, with damaged stored values and with hostile strings."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)
from pytestqt.qtbot import QtBot

from planner import red_flags
from planner import sheet_operations as sheet_ops
from planner.model import Degree, Mode, OpportunityDraft, Role
from planner.operations import update_opportunity
from planner.sheet_operations import NewPerson
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.test_operations import dump
from tests.ui.blue_sheet_harness import Harness, busy_deal, open_harness, show_tab
from ui.blue_sheet.delegates import UNKNOWN_RATING, RatingSpinBox
from ui.blue_sheet.dialogs import AddInfluenceDialog
from ui.blue_sheet.influence_map import influence_nodes
from ui.blue_sheet.models import UNKNOWN_BACKGROUND, InfluenceTableModel

M = InfluenceTableModel


@pytest.fixture
def harness(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[Harness]:
    yield from open_harness(qtbot, demo_plan)


def _editing(view: QAbstractItemView) -> bool:
    return view.state() == QAbstractItemView.State.EditingState


def test_the_influence_table_is_driven_from_the_keyboard(harness: Harness, qtbot: QtBot) -> None:
    panel = harness.panel
    deal = busy_deal(harness.plan)
    panel.show_opportunity(deal)
    table = panel.influence.table
    show_tab(table)
    model = panel.influence.model
    table.setFocus()
    table.setCurrentIndex(model.index(0, M.PERSON))
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert table.currentIndex().column() == M.TITLE
    qtbot.keyClick(table, Qt.Key.Key_Right)
    assert table.currentIndex().column() == M.ROLE
    qtbot.keyClick(table, Qt.Key.Key_Down)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, M.ROLE)
    qtbot.keyClick(table, Qt.Key.Key_Backtab)
    assert table.currentIndex().column() == M.TITLE
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    # F2 edits; Escape leaves the cell as it was.
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert _editing(table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    assert not _editing(table)
    assert harness.stack.count() == 0
    # Enter edits too; arrows choose; Tab writes the value and moves on to edit the next cell.
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert _editing(table)
    editor = QApplication.focusWidget()
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findText("Coach"))
    qtbot.keyClick(editor, Qt.Key.Key_Tab)
    QCoreApplication.processEvents()
    influence = model.influences[1]
    assert influence.role is Role.COACH
    assert people_repo.get_influence(harness.plan, influence.id) == influence
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, M.DEGREE)
    assert _editing(table)  # the refresh after the write did not break the Tab chain
    degree = QApplication.focusWidget()
    assert isinstance(degree, QComboBox)
    other = Degree.LOW if influence.degree is not Degree.LOW else Degree.HIGH
    degree.setCurrentIndex(degree.findData(other.value))
    qtbot.keyClick(degree, Qt.Key.Key_Return)
    QCoreApplication.processEvents()
    assert model.influences[1].degree is other
    assert harness.stack.count() == 2


def test_insert_and_delete_belong_to_the_table_not_to_the_window(
    harness: Harness, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The main window binds Delete to "delete deal" and F2 to "edit deal": in the table they edit it.
    window = QWidget()
    qtbot.addWidget(window)
    QVBoxLayout(window).addWidget(harness.panel)
    fired: list[str] = []
    for key, name in ((QKeySequence.StandardKey.Delete, "delete deal"), ("F2", "edit deal")):
        action = QAction(name, window)
        action.setShortcut(QKeySequence(key))
        action.triggered.connect(lambda _checked=False, n=name: fired.append(n))
        window.addAction(action)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    panel = harness.panel
    panel.show_opportunity(busy_deal(harness.plan))
    table = panel.influence.table
    show_tab(table)
    table.setFocus()
    table.setCurrentIndex(panel.influence.model.index(0, M.WIN))
    asked: list[str] = []

    def refuse(_title: str, text: str) -> bool:
        asked.append(text)
        return False

    panel.confirm = refuse
    qtbot.keyClick(table, Qt.Key.Key_Delete)
    qtbot.keyClick(table, Qt.Key.Key_F2)
    assert _editing(table)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    shown: list[AddInfluenceDialog] = []

    def cancel(dialog: AddInfluenceDialog) -> int:
        shown.append(dialog)
        return 0

    monkeypatch.setattr(AddInfluenceDialog, "exec", cancel)
    qtbot.keyClick(table, Qt.Key.Key_Insert)
    # Delete on one of the seller's own notes or flags removes it (after asking), not the deal.
    assert panel.add_note("Call back on Monday")
    assert panel.add_manual_flag("Budget frozen until March", is_strength=False)
    show_tab(panel.note_section.list)
    panel.note_section.list.setFocus()
    qtbot.keyClick(panel.note_section.list, Qt.Key.Key_Delete)
    show_tab(panel.flag_section.list)
    flags = panel.flag_section
    mine = next(f for f in flags.model.flags_shown if f.rule == red_flags.MANUAL)
    flags.list.setCurrentIndex(flags.model.index(flags.model.row_of(mine), 0))
    flags.list.setFocus()
    qtbot.keyClick(flags.list, Qt.Key.Key_Delete)
    assert fired == []
    assert len(asked) == 3
    assert asked[1:] == ["Delete this note?", "Remove “Budget frozen until March”?"]
    assert len(shown) == 1
    assert harness.stack.count() == 2  # the note and the flag added above, nothing removed
    panel.setParent(None)  # the harness owns the panel; the window must not delete it


def test_ratings_off_the_scale_cannot_be_typed(qtbot: QtBot) -> None:
    spin = RatingSpinBox()
    qtbot.addWidget(spin)
    for text in ("+3", "3", "\u22124", "-5", "0", "Unknown", "unknown"):
        assert spin.validate(text, 0)[0] == QValidator.State.Acceptable, text
    for text in ("-", "", "Unk"):
        assert spin.validate(text, 0)[0] == QValidator.State.Intermediate, text
    for text in ("9", "6", "-6", "+10", "abc", "2.5"):
        assert spin.validate(text, 0)[0] == QValidator.State.Invalid, text
    spin.set_rating(9)
    assert (spin.rating(), spin.text()) == (None, "Unknown")
    spin.set_rating(-4)
    assert spin.text() == "\u22124"
    spin.lineEdit().selectAll()
    qtbot.keyClicks(spin, "9")
    spin.interpretText()
    assert spin.rating() != 9
    spin.setValue(UNKNOWN_RATING)
    assert spin.rating() is None


def test_values_off_their_scale_in_the_file_show_as_unknown_and_flagged(harness: Harness) -> None:
    plan = harness.plan
    deal = busy_deal(plan)
    target = people_repo.list_influences(plan, deal)[-1]
    plan.conn.execute("PRAGMA ignore_check_constraints = ON")
    plan.conn.execute("PRAGMA foreign_keys = OFF")
    with plan.atomic():
        plan.execute(
            "UPDATE buying_influence SET role = 'boss', degree = 'huge', mode = 7, rating = 9,"
            " last_contact = 'last week', concept_kind = 'whatever', reports_to_id = 424242 WHERE id = ?",
            [target.id],
        )
        plan.execute("UPDATE opportunity SET position = 12 WHERE id = ?", [deal])
        plan.execute(
            "INSERT INTO action (opportunity_id, what, status, due)"
            " VALUES (?, 'Imported', 'someday', 'soon')",
            [deal],
        )
        plan.execute(
            "INSERT INTO competitor (opportunity_id, name, kind) VALUES (?, 'Old CRM', 'partner')", [deal]
        )
    plan.conn.execute("PRAGMA foreign_keys = ON")
    plan.conn.execute("PRAGMA ignore_check_constraints = OFF")
    panel = harness.panel
    panel.show_opportunity(deal)  # never crashes
    model = panel.influence.model
    row = model.row_of(target.id)
    shown = [model.index(row, c).data() for c in (M.ROLE, M.DEGREE, M.MODE, M.RATING, M.LAST_CONTACT)]
    assert shown == ["Unknown", "Unknown", "Unknown", "Unknown", ""]
    for column in (M.ROLE, M.DEGREE, M.MODE, M.RATING):
        brush = model.index(row, column).data(Qt.ItemDataRole.BackgroundRole)
        assert brush.color() == UNKNOWN_BACKGROUND
    flags = panel.flag_section.model.flags_shown
    unknown = [f for f in flags if f.rule == red_flags.UNKNOWN and f.ref.id == target.id]
    assert len(unknown) == 1
    assert "role, mode, degree of influence and rating unknown" in unknown[0].reason
    assert "off the scale" in panel.objective.position_label.text()
    assert panel.scene is not None
    node = next(n for n in influence_nodes(panel.scene) if n.influence_id == target.id)
    assert (node.shape_name, node.rating_text) == ("dashed", "?")
    assert panel.action_section.model.rowCount() >= 2
    # The row stays editable: fixing one value writes the others as what they read as.
    bi = model.influence(row)
    assert bi is not None
    assert panel.update_influence(dataclasses.replace(bi, role=Role.USER), "role")
    stored = people_repo.get_influence(plan, target.id)
    assert stored is not None
    assert (stored.role, stored.mode, stored.rating) == (Role.USER, Mode.UNKNOWN, None)


HOSTILE = "<b>Bold</b> <img src=x onerror=alert(1)>"
RTL = "مديرة المشتريات"
EMOJI = "Launch 🚀 on time 👍"
LONG = "very long evidence " * 520


def test_hostile_strings_are_shown_as_plain_text(
    harness: Harness, monkeypatch: pytest.MonkeyPatch, tmp_path: object
) -> None:
    plan = harness.plan
    deal = busy_deal(plan)
    opportunity = opportunity_repo.get_opportunity(plan, deal)
    assert opportunity is not None
    draft = OpportunityDraft(
        "<i>Rollout</i> for " + RTL, opportunity.account_id, opportunity.stage_id, product=EMOJI, amount=5.0
    )
    update_opportunity(plan, deal, draft, TODAY)
    panel = harness.panel
    panel.show_opportunity(deal)
    new_id = panel.add_influence(NewPerson(HOSTILE, RTL), Role.COACH)
    bi = people_repo.get_influence(plan, new_id)
    assert bi is not None
    assert panel.update_influence(dataclasses.replace(bi, win=EMOJI, evidence=LONG, rating=-5), "win")
    model = panel.influence.model
    row = model.row_of(new_id)
    assert model.index(row, M.PERSON).data() == HOSTILE
    assert model.index(row, M.TITLE).data() == RTL
    assert model.index(row, M.WIN).data() == EMOJI
    assert model.index(row, M.EVIDENCE).data() == LONG
    tip = model.index(row, M.PERSON).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;Bold&lt;/b&gt;" in tip
    assert "<b>Bold" not in tip
    assert len(model.index(row, M.EVIDENCE).data(Qt.ItemDataRole.ToolTipRole)) < 800  # cut short
    assert panel.title.text() == draft.title
    for label in panel.findChildren(QLabel):
        if "<" in label.text() or RTL in label.text():
            assert label.textFormat() == Qt.TextFormat.PlainText, label.text()
    reasons = [f.reason for f in panel.flag_section.model.flags_shown]
    assert any(HOSTILE in r for r in reasons)
    assert panel.scene is not None
    node = next(n for n in influence_nodes(panel.scene) if n.influence_id == new_id)
    assert node.node.name == HOSTILE
    assert "&lt;img" in node.toolTip()
    from pathlib import Path

    assert panel.render_map_png(Path(str(tmp_path)) / "map.png")
    formats: list[Qt.TextFormat] = []

    def fake_exec(box: QMessageBox) -> int:
        formats.append(box.textFormat())
        assert HOSTILE in box.text()
        return int(QMessageBox.StandardButton.No.value)

    monkeypatch.setattr(QMessageBox, "exec", fake_exec)
    before = dump(plan)
    assert not panel.remove_influence(new_id)
    assert formats == [Qt.TextFormat.PlainText]
    assert dump(plan) == before
    assert sheet_ops.get_influence(plan, new_id) is not None
