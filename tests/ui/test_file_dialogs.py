"""File dialogs start in Documents, then where the seller last chose that kind of file."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB
from tests.ui.conftest import show_window
from ui.app_settings import AppSettings
from ui.dialogs.export_dialog import ExportDialog
from ui.dialogs.import_wizard import ImportWizard
from ui.file_dialogs import FolderKind, start_folder
from ui.main_window import MainWindow


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A home with a Documents folder, and no folder remembered yet."""
    home = tmp_path / "home"
    (home / "Documents").mkdir(parents=True)
    monkeypatch.setenv("HOME", str(home))  # Qt reads it each time it is asked for Documents
    QSettings().remove("folders")  # the suite's private settings, which the dialogs read
    yield home
    QSettings().remove("folders")


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB, home: Path) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan)
    yield w
    w.undo_stack.clear()


def answer(chosen: Path | None) -> list[Path]:
    """Answer the next file dialog: `chosen` in its name box and Enter, or Escape for None.

    Returns a list that gets the folder the dialog opened in."""
    opened_in: list[Path] = []

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, handle)  # not open yet
            return
        opened_in.append(Path(dialog.directory().absolutePath()))
        if chosen is None:
            QTest.keyClick(dialog, Qt.Key.Key_Escape)
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # Set rather than typed: typing opens the completer's popup, which offscreen Qt warns about.
        name.setText(str(chosen))
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, handle)
    return opened_in


def _button(parent: QWidget, text: str) -> QPushButton:
    return next(b for b in parent.findChildren(QPushButton) if b.text() == text)


def _click(button: QPushButton) -> None:
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def test_plan_dialogs_start_in_documents_then_where_the_last_plan_was(
    window: MainWindow, home: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "plans"
    folder.mkdir()
    (folder / "mine.plan").touch()
    opened: list[Path] = []
    window.open_plan_requested.connect(opened.append)

    seen = answer(folder / "mine.plan")
    window.menus.open_plan_action.trigger()
    assert seen == [home / "Documents"]
    assert opened == [folder / "mine.plan"]
    assert AppSettings().last_folder("plans") == folder

    seen = answer(None)
    window.menus.open_plan_action.trigger()
    assert seen == [folder]
    assert opened == [folder / "mine.plan"]  # cancelled: nothing opened

    seen = answer(None)
    window.menus.new_plan_action.trigger()
    assert seen == [folder]  # the same kind of file
    assert AppSettings().last_folder("plans") == folder  # a cancel changes nothing

    seen = answer(None)
    window.menus.open_review_action.trigger()
    assert seen == [home / "Documents"]  # another kind keeps its own folder


def test_the_import_wizard_starts_where_the_last_crm_export_was(
    qtbot: QtBot, plan: PlanDB, home: Path, tmp_path: Path
) -> None:
    exports = tmp_path / "crm"
    exports.mkdir()
    deals = exports / "deals.csv"
    deals.write_text("Name,Amount\nPilot,100\n", encoding="utf-8")
    wizard = ImportWizard(plan)
    qtbot.addWidget(wizard)
    wizard.show()
    seen = answer(deals)
    _click(_button(wizard.currentPage(), "Add &files…"))
    assert seen == [home / "Documents"]
    assert wizard.currentPage().paths.stringList() == [str(deals)]  # type: ignore[attr-defined]

    again = ImportWizard(plan)
    qtbot.addWidget(again)
    again.show()
    seen = answer(None)
    _click(_button(again.currentPage(), "Add f&older…"))
    assert seen == [exports]


def test_the_export_dialog_offers_the_folder_of_the_last_pack(
    qtbot: QtBot, demo_plan: PlanDB, home: Path, tmp_path: Path
) -> None:
    dialog = ExportDialog(demo_plan, [], today=dt.date(2026, 11, 26))
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.folder.text() == str(home / "Documents")
    packs = tmp_path / "packs"
    packs.mkdir()
    seen = answer(packs)
    _click(_button(dialog, "&Browse…"))
    assert seen == [home / "Documents"]
    assert dialog.folder.text() == str(packs)

    again = ExportDialog(demo_plan, [], today=dt.date(2026, 11, 26))
    qtbot.addWidget(again)
    assert again.folder.text() == str(packs)


def test_without_documents_or_the_remembered_folder_the_dialogs_fall_back(home: Path, tmp_path: Path) -> None:
    gone = tmp_path / "usb-stick"
    gone.mkdir()
    AppSettings().set_last_folder(FolderKind.PLANS.value, gone)
    assert start_folder(FolderKind.PLANS) == gone
    gone.rmdir()
    assert start_folder(FolderKind.PLANS) == home / "Documents"
    assert start_folder(FolderKind.PLANS, fallback=tmp_path) == tmp_path  # beside the file at hand
    (home / "Documents").rmdir()
    assert start_folder(FolderKind.PLANS) == home
