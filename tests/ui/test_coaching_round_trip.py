"""Coaching that comes back as work: the manager's review window to the seller's plan and the next pack."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner import coaching
from planner.clock import FixedClock
from planner.exchange import pack_html, pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.review import read_review_notes
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from tests.ui.test_text_is_text import click_card
from ui import format as fmt
from ui.app_settings import AppSettings
from ui.board.delegate import badges
from ui.board.models import FACE_ROLE, ID_ROLE
from ui.dialogs.coaching_dialog import CoachingItemsDialog
from ui.main_window import MainWindow
from ui.windows import ReviewWindow, open_review_window

# Markup a seller or manager might type: shown as text everywhere, never as markup.
HOSTILE = "<b>bold</b> <img src=x onerror=alert(1)> &amp;"
ITEM = "Book the <i>CFO</i> meeting before Friday"
REASON = f"No signed paper process yet {HOSTILE}"
DEAL = 26  # "Fleet Telematics rollout": committed in the demo plan


def _type_name(name: str) -> drive.Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QInputDialog), drive.describe(dialog)
        editor = dialog.findChild(QLineEdit)
        assert editor is not None
        QTest.keyClicks(editor, name)
        QTest.keyClick(editor, Qt.Key.Key_Return)

    return answer


def _file(path: Path) -> drive.Answer:
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), drive.describe(dialog)
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        name.setText(str(path))  # set, not typed: typing opens the completer's popup offscreen
        QTest.keyClick(name, Qt.Key.Key_Return)

    return answer


def _read_box(seen: list[str]) -> drive.Answer:
    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), drive.describe(box)
        seen.append(box.text())
        drive.answer_message_box(box, QMessageBox.StandardButton.Ok)

    return answer


def _card_face(window: MainWindow, deal_id: int) -> object:
    for column in window.board.columns.values():
        model = column.view.model()
        for row in range(model.rowCount()):
            index = model.index(row, 0)
            if index.data(ID_ROLE) == deal_id:
                return index.data(FACE_ROLE)
    raise AssertionError(f"no card for deal {deal_id}")


def _manager_reviews(qtbot: QtBot, bundle: Path, notes: Path) -> ReviewWindow:
    """The manager adds an action with a due date and a challenge, then saves the notes."""
    window = open_review_window(bundle)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    drive.settle(50)
    panel = window.notes_panel
    click_card(window, DEAL)
    qtbot.waitUntil(lambda: panel.deal_id == DEAL, timeout=2000)
    assert panel.give_verdict.isEnabled()  # the deal is committed
    drive.click(panel.deal_editor)
    qtbot.keyClicks(panel.deal_editor, ITEM)
    drive.choose_in_combo(panel.deal_item.kind, 2)  # "An action with a due date"
    assert panel.deal_item.due.isEnabled()
    drive.click(panel.deal_item.due)
    qtbot.keyClicks(panel.deal_item.due, fmt.edit_date(TODAY + dt.timedelta(days=5)))
    modals = drive.Modals()
    with modals.expecting(_type_name("Dana <Manager>")):  # asked once, at the first note
        drive.click(panel.add_deal_note)
    assert modals.take_unexpected() == []
    assert [n.item for n in panel.notes] == ["action"]
    assert panel.deal_notes.item(0).text().startswith("Action: " + ITEM)
    drive.choose_in_combo(panel.verdict_choice, 1)  # "Challenge"
    drive.click(panel.verdict_reason)
    qtbot.keyClicks(panel.verdict_reason, REASON)
    drive.click(panel.give_verdict)  # the name is not asked again
    assert panel.verdict_label.text() == f"Your verdict: challenged ({REASON})"
    assert AppSettings().reviewer_name() == "Dana <Manager>"
    drive.activate(window)
    with modals.expecting(_file(notes)):
        QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert modals.take_unexpected() == []
    assert not window.unsaved
    return window


def test_coaching_comes_back_as_work_and_the_next_pack_shows_it_answered(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path
) -> None:
    AppSettings().set_reviewer_name("")  # the first review on this computer
    bundle = pack_json.write_json(
        build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY), tmp_path / "bundle.json"
    )
    notes_path = tmp_path / "notes.json"
    _manager_reviews(qtbot, bundle, notes_path)
    notes = read_review_notes(notes_path)
    assert notes.reviewer == "Dana <Manager>"
    assert [(v.verdict, v.reason) for v in notes.verdicts] == [("challenge", REASON)]
    assert json.loads(notes_path.read_text())["version"] == 2

    # The seller imports the notes from the File menu.
    seller = MainWindow(demo_plan, clock=FixedClock(TODAY))
    qtbot.addWidget(seller)
    seller.resize(1366, 768)
    seller.show()
    drive.settle(50)
    modals = drive.Modals()
    told: list[str] = []
    actions_at_start = demo_plan.query("SELECT COUNT(*) FROM action")[0][0]
    with modals.expecting(_file(notes_path), _read_box(told)):
        seller.menus.import_review_action.trigger()
    assert modals.take_unexpected() == []
    assert seller.undo_stack.count() == 1  # the import is one undo step
    assert "1 is a coaching item" in told[-1]
    assert "1 new verdict" in told[-1]
    # The item is one of the deal's actions, due when the manager said, and in the Agenda.
    rows = demo_plan.query(
        "SELECT what, due, status FROM action WHERE opportunity_id = ? AND what = ?", [DEAL, ITEM]
    )
    assert rows == [(ITEM, (TODAY + dt.timedelta(days=5)).isoformat(), "planned")]
    agenda = seller.show_agenda()
    drive.settle(50)
    shown = [agenda.model.item_at(r) for r in range(agenda.model.rowCount())]
    mine = [i for i in shown if i is not None and i.what == ITEM]
    assert len(mine) == 1
    assert mine[0].deal_id == DEAL
    assert mine[0].why.startswith("Your manager's coaching item.")
    # The verdict is on the card (its reason in the tooltip, as text) and in the deal's details.
    drive.click_tab(seller.tabs, 0)
    chips = [b for b in badges(_card_face(seller, DEAL)) if b.text == "Challenged"]  # type: ignore[arg-type]
    assert len(chips) == 1
    assert chips[0].reason == f"Dana <Manager>: Challenged ({REASON})"
    click_card(seller, DEAL)
    qtbot.waitUntil(lambda: seller.details.opportunity_id == DEAL, timeout=2000)
    drive.click_dock_tab(seller, seller.details_dock)
    details = seller.details.coaching
    assert details.textFormat() == Qt.TextFormat.PlainText
    assert f"Verdict: Challenged ({REASON})" in details.text()
    assert f"Action: {ITEM} (due " in details.text()

    # A second import of the same file adds nothing.
    before = demo_plan.query("SELECT COUNT(*) FROM action")[0][0]
    with modals.expecting(_file(notes_path), _read_box(told)):
        seller.menus.import_review_action.trigger()
    assert "No new coaching notes" in told[-1]
    assert "coaching item" not in told[-1]
    assert "verdict" not in told[-1]
    assert demo_plan.query("SELECT COUNT(*) FROM action")[0][0] == before
    assert len(coaching.items(demo_plan)) == 1
    assert len(coaching.verdicts(demo_plan)) == 1

    # The seller marks the item answered in Coaching items…
    def answer(dialog: QWidget) -> None:
        assert isinstance(dialog, CoachingItemsDialog), drive.describe(dialog)
        assert dialog.items.count() == 1
        assert dialog.items.item(0).text().startswith(f"Fleet Telematics rollout · Action: {ITEM}")
        drive.click(dialog.answer_editor)
        QTest.keyClicks(dialog.answer_editor, f"Met on Tuesday {HOSTILE}")
        drive.click(dialog.answer_button)
        assert dialog.items.count() == 0
        dialog.reject()

    drive.activate(seller)
    with modals.expecting(answer):
        seller.menus.coaching_items_action.trigger()
    assert modals.take_unexpected() == []
    [item] = coaching.items(demo_plan)
    assert item.answered_on == TODAY
    assert item.answer == f"Met on Tuesday {HOSTILE}"
    assert coaching.open_items(demo_plan) == []
    assert demo_plan.query("SELECT status FROM action WHERE what = ?", [ITEM]) == [("done",)]
    # ...which the undo stack takes back and gives again.
    seller.undo_stack.undo()
    assert [i.id for i in coaching.open_items(demo_plan)] == [item.id]
    assert demo_plan.query("SELECT status FROM action WHERE what = ?", [ITEM]) == [("planned",)]
    seller.undo_stack.redo()
    assert coaching.open_items(demo_plan) == []

    # The next pack shows it answered, in JSON and HTML.
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    data = pack_json.bundle(pack)
    [deal] = [d for d in data["opportunities"] if d["id"] == DEAL]
    assert deal["coaching_items"] == [
        {
            "kind": "action",
            "text": ITEM,
            "due": (TODAY + dt.timedelta(days=5)).isoformat(),
            "reviewer": "Dana <Manager>",
            "answered": True,
            "answered_on": TODAY.isoformat(),
            "answer": f"Met on Tuesday {HOSTILE}",
        }
    ]
    html = pack_html.render_html(pack)
    assert (
        "Action: Book the &lt;i&gt;CFO&lt;/i&gt; meeting before Friday (answered 2026-11-26: Met on Tuesday"
        in html
    )
    assert "<img src=x" not in html

    # Undoing the import takes the notes, the item, its action and the verdict back; redo returns them.
    assert seller.undo_stack.count() == 2  # the import, the answer (the second import added nothing)
    seller.undo_stack.undo()
    seller.undo_stack.undo()
    assert coaching.items(demo_plan) == []
    assert coaching.verdicts(demo_plan) == {}
    assert demo_plan.query("SELECT COUNT(*) FROM action")[0][0] == actions_at_start
    assert not [b for b in badges(_card_face(seller, DEAL)) if b.text == "Challenged"]  # type: ignore[arg-type]
    seller.undo_stack.redo()
    seller.undo_stack.redo()
    assert [i.answered_on for i in coaching.items(demo_plan)] == [TODAY]
    assert coaching.verdicts(demo_plan)[DEAL].reason == REASON
    seller.undo_stack.clear()


def test_the_seller_is_named_once_at_the_first_pack_export(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path
) -> None:
    with demo_plan.atomic():
        demo_plan.execute("DELETE FROM settings WHERE key = 'seller'")
    seller = MainWindow(demo_plan, clock=FixedClock(TODAY))
    qtbot.addWidget(seller)
    seller.show()
    drive.settle(50)

    def close_export(dialog: QWidget) -> None:
        assert isinstance(dialog, QDialog), drive.describe(dialog)
        assert not isinstance(dialog, QInputDialog)
        dialog.reject()

    modals = drive.Modals()
    with modals.expecting(_type_name("Sam <Seller>"), close_export):
        seller.menus.export_pack_action.trigger()
    assert modals.take_unexpected() == []
    assert settings_repo.get_setting(demo_plan, "seller") == "Sam <Seller>"
    assert build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY).seller == "Sam <Seller>"
    with modals.expecting(close_export):  # not asked again
        seller.menus.export_pack_action.trigger()
    assert modals.take_unexpected() == []
