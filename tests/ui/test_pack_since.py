"""The export dialog's "Changes since" day: it starts at the last pack, a typed day replaces it,
and exporting remembers the review for the next pack."""

from __future__ import annotations

import subprocess
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.since_review import last_review_day
from planner.storage.db import PlanDB
from tests.planner.since_support import SINCE, TODAY, build_history
from ui.dialogs.export_dialog import ExportDialog
from ui.pack_pdf import write_pdf


def _dialog(qtbot: QtBot, plan: PlanDB, folder: Path) -> ExportDialog:
    dialog = ExportDialog(plan, [], today=TODAY, folder=folder)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    # Offscreen, no window manager activates the dialog: without it, focus never leaves a field.
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=3000)
    return dialog


def test_the_day_starts_at_the_last_pack_and_a_typed_day_replaces_it(
    qtbot: QtBot, plan: PlanDB, tmp_path: Path
) -> None:
    build_history(plan)  # remembers the pack of 10 Nov 2026
    dialog = _dialog(qtbot, plan, tmp_path)
    assert dialog.since.value() == SINCE
    assert dialog.pack is not None
    assert dialog.pack.manager is not None
    assert dialog.pack.manager.since_source == "last_pack"
    for fmt, box in dialog.format_boxes.items():
        box.setChecked(fmt == "md")
    dialog.file_name.setText("one-to-one")

    # Type 17 Nov 2026 over the day and leave the field: the preview's pack follows.
    dialog.since.setFocus()
    dialog.since.selectAll()
    qtbot.keyClicks(dialog.since, "2026-11-17")
    QTest.keyClick(dialog.since, Qt.Key.Key_Tab)
    qtbot.waitUntil(
        lambda: (
            dialog.pack is not None
            and dialog.pack.manager is not None
            and dialog.pack.manager.since is not None
            and dialog.pack.manager.since.since.day == 17
        ),
        timeout=3000,
    )
    assert last_review_day(plan) == SINCE

    button = dialog.export_button
    QTest.mouseClick(
        button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center()
    )
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    text = (tmp_path / "one-to-one.md").read_text(encoding="utf-8")
    # 17 Nov on: Old tender (19 Nov) is won; Walked (13 Nov) is before the day.
    assert "### Since 17 Nov 2026" in text
    assert "| Old tender | — | 19 Nov 2026; 70,000 EUR; reason: Best price |" in text
    assert "| Walked |" not in text

    # The export is remembered: the next dialog starts on the day of this one.
    assert last_review_day(plan) == TODAY
    again = _dialog(qtbot, plan, tmp_path)
    assert again.since.value() == TODAY


def test_a_plan_never_reviewed_starts_empty(qtbot: QtBot, plan: PlanDB, tmp_path: Path) -> None:
    build_history(plan, with_review=False)
    dialog = _dialog(qtbot, plan, tmp_path)
    assert dialog.since.text() == ""
    assert dialog.pack is not None
    assert dialog.pack.manager is not None
    assert dialog.pack.manager.since is None


def test_the_pdf_opens_with_the_managers_page(qtbot: QtBot, plan: PlanDB, tmp_path: Path) -> None:
    build_history(plan)
    pack = build_pack(plan, PackScope.all_open(), PackOptions(paper="a4"), TODAY)
    path = write_pdf(pack, tmp_path / "pack.pdf")
    first_page = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    words = " ".join(first_page.split())
    assert "Manager's page" in words
    assert "Since the last review (10 Nov 2026)" in words
    assert "Port cranes — 1 Dec 2026 → 15 Jan 2027" in words
    assert "Depot fleet — Pipeline → Commit" in words
    assert "Review pack" in words
    assert words.index("Manager's page") < words.index("Deals added (1)")
