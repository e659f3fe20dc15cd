"""The export dialog, the review window and importing review notes, driven as a person would."""

from __future__ import annotations

import json
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.exchange import pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.review import ReviewError
from planner.storage import activities as activity_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui import window_driver as drive
from ui.app_settings import AppSettings
from ui.dialogs.export_dialog import ExportDialog
from ui.main_window import MainWindow
from ui.review_window import run_import_review_notes, run_open_for_review, run_review_gui
from ui.windows import ReviewWindow, open_review_window


def read_box(shown: list[str]) -> drive.Answer:
    """Answer a message box with OK, keeping what it said."""

    def answer(box: QWidget) -> None:
        assert isinstance(box, QMessageBox), drive.describe(box)
        shown.append(box.text())
        drive.answer_message_box(box, QMessageBox.StandardButton.Ok)

    return answer


@pytest.fixture
def dialog(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> ExportDialog:
    open_ids = [
        r[0] for r in demo_plan.query("SELECT id FROM opportunity WHERE closed_on IS NULL ORDER BY id")
    ]
    d = ExportDialog(demo_plan, open_ids[:3], today=TODAY, folder=tmp_path)
    qtbot.addWidget(d)
    return d


def test_the_dialog_offers_every_scope_and_previews_the_pack(dialog: ExportDialog, qtbot: QtBot) -> None:
    assert dialog.by_selection.isChecked()  # several deals were selected
    assert dialog.pack is not None
    assert len(dialog.pack.deals) == 3
    assert "3 selected deals" in dialog.summary.text()
    assert dialog.preview.pixmap() is not None
    assert not dialog.preview.pixmap().isNull()
    assert dialog.page_label.text().startswith("Page 1 of ")
    dialog.next_page.click()
    assert dialog.page_label.text().startswith("Page 2 of ")
    dialog.all_open.setChecked(True)
    qtbot.waitUntil(lambda: dialog.pack is not None and len(dialog.pack.deals) == 30, timeout=3000)
    dialog.by_account.setChecked(True)
    dialog.account.setCurrentIndex(dialog.account.findText("Northwind Group"))
    qtbot.waitUntil(
        lambda: dialog.pack is not None and "Northwind Group" in dialog.pack.scope_text, timeout=3000
    )
    dialog.by_quarter.setChecked(True)
    dialog.quarter.setCurrentText("2026Q9")
    qtbot.waitUntil(lambda: "is not a quarter" in dialog.summary.text(), timeout=3000)
    assert not dialog.export_button.isEnabled()
    dialog.quarter.setCurrentText("2027Q1")
    qtbot.waitUntil(lambda: dialog.pack is not None and "2027 Q1" in dialog.pack.scope_text, timeout=3000)
    assert dialog.export_button.isEnabled()


def test_export_writes_every_chosen_format_with_private_notes_when_asked(
    dialog: ExportDialog, tmp_path: Path, qtbot: QtBot
) -> None:
    for box in dialog.format_boxes.values():
        box.setChecked(True)
    dialog.private.setChecked(True)
    dialog.file_name.setText("review")
    assert dialog.export(ask_to_replace=False)
    names = sorted(p.name for p in dialog.written)
    assert names == sorted(
        [
            "review.pdf",
            "review.html",
            "review.md",
            "review.csv",
            "review-influences.csv",
            "review-manager.csv",
            "review.xlsx",
            "review.json",
        ]
    )
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in dialog.written)
    assert json.loads((tmp_path / "review.json").read_text())["includes_private_notes"] is True
    assert dialog.progress.value() == dialog.progress.maximum()


def test_an_unwritable_folder_is_explained_and_nothing_is_written(
    dialog: ExportDialog, tmp_path: Path
) -> None:
    shown: list[str] = []
    dialog.folder.setText(str(tmp_path / "missing"))
    dialog.format_boxes["html"].setChecked(True)
    with drive.Modals().expecting(read_box(shown)):
        assert not dialog.export(ask_to_replace=False)
    assert len(shown) == 1
    assert "does not exist" in shown[0]
    assert list(tmp_path.iterdir()) == []


def _bundle(plan: PlanDB, folder: Path) -> Path:
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)
    return pack_json.write_json(pack, folder / "bundle.json")


@pytest.fixture
def review_window(qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path) -> Iterator[ReviewWindow]:
    AppSettings().set_reviewer_name("Dana Reviewer")  # named before: the first note asks nothing
    window = open_review_window(_bundle(demo_plan, tmp_path))
    qtbot.addWidget(window)
    yield window
    window.unsaved = False


def test_review_mode_is_read_only_under_a_banner(review_window: ReviewWindow) -> None:
    assert review_window.plan.read_only
    assert review_window.read_only_reason is not None
    assert review_window.read_only_reason.startswith("Review mode")
    assert review_window.read_only_label.text().startswith("Review mode")
    assert not review_window.menus.new_deal_action.isEnabled()
    assert "Review mode" in review_window.windowTitle()
    assert not review_window.move_deal(1, 2)


def test_the_manager_writes_notes_the_seller_imports_once(
    review_window: ReviewWindow,
    demo_plan: PlanDB,
    tmp_path: Path,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    deal_id = next(iter(review_window.bundle.deals))
    review_window.board.select(deal_id)
    panel = review_window.notes_panel
    qtbot.waitUntil(lambda: panel.deal_id == deal_id, timeout=2000)
    qtbot.keyClicks(panel.deal_editor, "Get the economic buyer meeting first.")
    panel.add_deal_note.click()
    qtbot.keyClicks(panel.plan_editor, "Clean the funnel before the quarter ends.")
    panel.add_plan_note.click()
    assert panel.deal_notes.count() == 1
    assert panel.plan_notes.count() == 1
    assert review_window.unsaved
    path = review_window.save_notes(tmp_path / "notes.json")
    assert not review_window.unsaved
    # The seller imports them from the planner's menu.
    seller = MainWindow(demo_plan)
    qtbot.addWidget(seller)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    told: list[str] = []
    with drive.Modals().expecting(read_box(told)):
        change = run_import_review_notes(seller, demo_plan)
    assert change is not None
    assert change.opportunities == frozenset({deal_id})
    assert "Added 2 coaching notes" in told[-1]
    seller.session.apply_change(change)
    seller.show()
    seller.board.select(deal_id)
    drive.click_dock_tab(seller, seller.details_dock)  # the seller reads the deal's details
    assert seller.details.opportunity_id == deal_id
    assert "Get the economic buyer meeting first." in seller.details.coaching.text()
    with drive.Modals().expecting(read_box(told)):
        again = run_import_review_notes(seller, demo_plan)
    assert again is not None
    assert again.opportunities == frozenset()
    assert "No new coaching notes" in told[-1]
    notes = [n for n in activity_repo.list_notes(demo_plan, deal_id) if n.author == "manager"]
    assert len(notes) == 1


def test_closing_with_unsaved_notes_asks(
    review_window: ReviewWindow, monkeypatch: pytest.MonkeyPatch, qtbot: QtBot
) -> None:
    review_window.notes_panel.add_note(None, "unsaved thought")
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Cancel)
    assert not review_window.close()
    assert review_window.isVisible()
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Discard)
    review_window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    assert review_window.close()


def test_a_bad_bundle_is_explained_and_opens_nothing(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "foreign.json"
    bad.write_text(json.dumps({"format": "someone-else", "version": 1}))
    with pytest.raises(ReviewError, match="someone-else"):
        open_review_window(bad)
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *args, **kwargs: ([str(bad)], ""))
    with drive.Modals().expecting(read_box(shown)):
        assert run_open_for_review(None) is None
    assert "is not an Opportunity Planner plan bundle" in shown[0]


def test_bad_review_notes_are_explained_and_change_nothing(
    qtbot: QtBot, demo_plan: PlanDB, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = _bundle(demo_plan, tmp_path)  # a bundle is not notes
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(bundle), ""))
    before = demo_plan.query("SELECT COUNT(*) FROM note")
    with drive.Modals().expecting(read_box(shown)):
        assert run_import_review_notes(None, demo_plan) is None
    assert "is a plan bundle, not review notes" in shown[0]
    assert demo_plan.query("SELECT COUNT(*) FROM note") == before


def test_planner_review_opens_the_window_or_says_why_not(
    qtbot: QtBot,
    demo_plan: PlanDB,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("[]")
    assert run_review_gui(bad) == 1
    assert "JSON of another kind" in capsys.readouterr().err
    seen: list[str] = []

    def look_and_close() -> int:
        # In place of the event loop: a real quit() would leave the test session's application
        # quitting, and later tests' zero-delay timers would never fire.
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ReviewWindow) and w.isVisible():
                seen.append(w.windowTitle())
                w.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(look_and_close))
    assert run_review_gui(_bundle(demo_plan, tmp_path)) == 0
    assert seen == ["Review mode: Demo plan — Opportunity Planner"]
