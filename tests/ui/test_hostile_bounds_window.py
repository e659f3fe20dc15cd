"""Bundles and notes files beyond the limits through the window's menus, and a manager's note hidden.

The file dialog and the message boxes are answered as a person would (tests.ui.window_driver's
Modals); each refusal is read from the box the seller or the manager sees.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.exchange import pack_json, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.limits import MAX_NOTE
from planner.model import Note
from planner.storage import activities as activity_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.hostile import bounds
from tests.ui.window_driver import (
    Answer,
    Modals,
    answer_message_box,
    click,
    click_dock_tab,
    click_row,
    reveal,
    settle,
)
from ui.app_settings import AppSettings
from ui.main_window import MainWindow
from ui.windows import ReviewWindow, open_review_window


@pytest.fixture
def files(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "hostile"
    folder.mkdir()
    bounds.make(folder)
    yield folder
    QSettings().remove("folders")  # the folder the dialogs remembered: a temporary one


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    settings_repo.set_setting(demo_plan, "plan_id", bounds.PLAN_ID)  # the notes files' plan
    w = MainWindow(demo_plan)
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.undo_stack.clear()


@pytest.fixture
def modals() -> Modals:
    return Modals()


def choose_file(path: Path) -> Answer:
    """Answer the file dialog: the path in its name box, then Enter."""

    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), dialog
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(path))  # set, not typed: typing opens the completer's popup
        QTest.keyClick(name, Qt.Key.Key_Return)

    return answer


def read_box(seen: list[tuple[str, str]]) -> Answer:
    """Answer a message box with OK, after noting its title and text."""

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), box
        seen.append((box.windowTitle(), box.text()))
        answer_message_box(box, QMessageBox.StandardButton.Ok)

    return answer


def _manager_notes(plan: PlanDB) -> list[tuple[int | None, str]]:
    rows = plan.query("SELECT opportunity_id, body FROM note WHERE author = 'manager' ORDER BY id")
    return [(r[0], r[1]) for r in rows]


@pytest.mark.parametrize("name", ["notes-huge-id.json", "notes-oversized-note.json"])
def test_a_notes_file_beyond_the_limits_is_refused_with_a_message(
    window: MainWindow, modals: Modals, files: Path, name: str
) -> None:
    before = _manager_notes(window.plan)
    seen: list[tuple[str, str]] = []
    with modals.expecting(choose_file(files / name), read_box(seen)):
        window.menus.import_review_action.trigger()
    assert modals.take_unexpected() == []
    assert seen == [
        ("The review notes were not imported", f"{name} cannot be read: {bounds.EXPECTED[name]}.")
    ]
    assert _manager_notes(window.plan) == before


def test_notes_on_deals_not_in_the_bundle_are_left_out_and_said_so(
    window: MainWindow, modals: Modals, files: Path
) -> None:
    before = _manager_notes(window.plan)
    seen: list[tuple[str, str]] = []
    with modals.expecting(choose_file(files / "notes-outside-bundle.json"), read_box(seen)):
        window.menus.import_review_action.trigger()
    assert modals.take_unexpected() == []
    (title, text), *_ = seen
    assert title == "Review notes imported"
    assert text.startswith("Added 1 coaching note on the plan. ")
    assert bounds.EXPECTED["notes-outside-bundle.json"] in text
    assert _manager_notes(window.plan) == [*before, (None, "On the whole plan: fine.")]


@pytest.mark.parametrize("name", sorted(n for n in bounds.EXPECTED if n.startswith("bundle-")))
def test_a_bundle_beyond_the_limits_is_refused_with_a_message_and_opens_nothing(
    window: MainWindow, modals: Modals, files: Path, name: str
) -> None:
    seen: list[tuple[str, str]] = []
    with modals.expecting(choose_file(files / name), read_box(seen)):
        window.menus.open_review_action.trigger()
    assert modals.take_unexpected() == []
    assert seen == [("Cannot open for review", f"{name} cannot be read: {bounds.EXPECTED[name]}.")]
    assert not [w for w in QApplication.topLevelWidgets() if isinstance(w, ReviewWindow) and w.isVisible()]


def _coaching_row(window: MainWindow, deal_id: int, body: str) -> int:
    model = window.blue_sheet.note_section.model
    for row in range(model.rowCount()):
        note = model.note(row)
        if note is not None and note.body.startswith(body):
            return row
    return -1


def test_the_seller_hides_a_managers_note_and_undo_shows_it_again(window: MainWindow, qtbot: QtBot) -> None:
    plan = window.plan
    deal_id = window.controller.models[window.controller.columns[0].id].cards[0].id
    note_id = activity_repo.insert_note(
        plan,
        Note(0, "Call me before every meeting.", opportunity_id=deal_id, private=False, author="manager"),
    )
    assert window.board.select(deal_id)
    window.blue_sheet_dock.raise_()
    section = window.blue_sheet.note_section
    reveal(section.list)
    row = _coaching_row(window, deal_id, "Call me")
    assert row >= 0
    click_row(section.list, section.model.index(row, 0))
    assert section.hide_button.isVisible()
    assert not section.remove.isVisible()
    click(section.hide_button)
    qtbot.waitUntil(lambda: _coaching_row(window, deal_id, "Call me") < 0, timeout=2000)
    assert plan.query("SELECT hidden, body FROM note WHERE id = ?", [note_id]) == [
        (1, "Call me before every meeting.")
    ]
    click_dock_tab(window, window.details_dock)
    assert "Call me" not in window.details.coaching.text()
    assert "None yet." in window.details.coaching.text()
    assert window.undo_stack.undoText().startswith("Hide coaching note on ")
    window.activateWindow()
    QTest.keyClick(window.board, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: _coaching_row(window, deal_id, "Call me") >= 0, timeout=2000)
    assert plan.query("SELECT hidden FROM note WHERE id = ?", [note_id]) == [(0,)]
    click_dock_tab(window, window.details_dock)
    assert "Call me before every meeting." in window.details.coaching.text()


def test_a_coaching_note_imported_before_the_limit_is_shown_in_part(window: MainWindow) -> None:
    deal_id = window.controller.models[window.controller.columns[0].id].cards[0].id
    activity_repo.insert_note(
        window.plan, Note(0, "M" * 2_000_000, opportunity_id=deal_id, private=False, author="manager")
    )
    assert window.board.select(deal_id)
    click_dock_tab(window, window.details_dock)
    assert MAX_NOTE < len(window.details.coaching.text()) < MAX_NOTE + 100
    window.blue_sheet_dock.raise_()
    section = window.blue_sheet.note_section
    reveal(section.list)
    row = _coaching_row(window, deal_id, "MMM")
    click_row(section.list, section.model.index(row, 0))
    assert len(section.body.toPlainText()) == MAX_NOTE + 1  # the limit, and an ellipsis


def test_the_review_window_takes_no_note_longer_than_the_sellers_planner_does(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path, modals: Modals
) -> None:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    AppSettings().set_reviewer_name("Dana Reviewer")  # named before: the first note asks nothing
    review_window = open_review_window(pack_json.write_json(pack, tmp_path / "bundle.json"))
    qtbot.addWidget(review_window)
    try:
        deal_id = next(iter(review_window.bundle.deals))
        review_window.board.select(deal_id)
        panel = review_window.notes_panel
        qtbot.waitUntil(lambda: panel.deal_id == deal_id, timeout=2000)
        QGuiApplication.clipboard().setText("x" * (MAX_NOTE + 1))
        click(panel.deal_editor)
        QTest.keyClick(panel.deal_editor, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)
        assert len(panel.deal_editor.toPlainText()) == MAX_NOTE + 1
        seen: list[tuple[str, str]] = []
        with modals.expecting(read_box(seen)):
            click(panel.add_deal_note)
        assert seen == [
            ("The note is too long", "A note has at most 10,000 characters; this one has 10,001.")
        ]
        assert panel.notes == []
        QTest.keyClick(panel.deal_editor, Qt.Key.Key_Backspace)  # one character fewer fits
        click(panel.add_deal_note)
        settle()
        assert [len(n.body) for n in panel.notes] == [MAX_NOTE]
        notes = review.read_review_notes(review_window.save_notes(tmp_path / "notes.json"))
        assert [len(n.body) for n in notes.notes] == [MAX_NOTE]
    finally:
        review_window.unsaved = False  # pytest-qt closes it: no question about unsaved notes
        QGuiApplication.clipboard().clear()
