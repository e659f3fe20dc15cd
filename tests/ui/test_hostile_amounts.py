"""The hostile amounts corpus through the window: Ctrl+I, the import wizard clicked through, the plan file.

The German file imports as thousands and says why, the ambiguous file asks (Next waits for the
answer) and the mixed one lists its two odd cells on the preview page.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QModelIndex, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QFileDialog, QLineEdit, QWidget, QWizard
from pytestqt.qtbot import QtBot

from planner.storage.db import PlanDB, open_plan
from tests.hostile import amounts
from tests.hostile.make_corpus import CORPUS
from tests.ui.window_driver import LEFT, NO_KEYS, Modals, activate, button, choose_in_combo, click, field
from ui.app_settings import AppSettings
from ui.dialogs.import_wizard import ImportWizard
from ui.main_window import MainWindow

FILES = CORPUS / "amounts"
Steps = Callable[[ImportWizard], None]


@pytest.fixture
def plan_path(tmp_path: Path) -> Path:
    return tmp_path / "deals.plan"


@pytest.fixture
def window(qtbot: QtBot, plan_path: Path, tmp_path: Path) -> Iterator[MainWindow]:
    plan: PlanDB = open_plan(plan_path)
    settings = AppSettings(QSettings(str(tmp_path / "planner.ini"), QSettings.Format.IniFormat))
    w = MainWindow(plan, settings=settings)
    qtbot.addWidget(w)
    w.show()
    yield w
    w.undo_stack.clear()
    plan.close()


def stored(path: Path) -> dict[str, float | None]:
    """CRM id -> amount, read from the plan file by a connection of its own."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as db:
        return dict(db.execute("SELECT external_id, amount FROM opportunity").fetchall())


def next_button(wizard: QWizard) -> QAbstractButton:
    found = wizard.button(QWizard.WizardButton.NextButton)
    assert found is not None
    return found


def press(wizard: QWizard, which: QWizard.WizardButton) -> None:
    target = wizard.button(which)
    assert target is not None
    assert target.isVisible(), which
    assert target.isEnabled(), which
    click(target)


def pick_file(path: Path) -> None:
    """Answer the next file dialog: the path in its name box, then Enter.

    A timer of its own: the dialog opens while the wizard's answer is still running, and a Qt
    timer does not fire again inside its own slot."""

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, QFileDialog):
            QTimer.singleShot(10, answer)  # not open yet
            return
        name = dialog.findChild(QLineEdit, "fileNameEdit")
        assert name is not None
        # Set rather than typed: typing opens the completer's popup, which offscreen Qt warns about.
        name.setText(str(path))
        QTest.keyClick(name, Qt.Key.Key_Return)

    QTimer.singleShot(0, answer)


def run_wizard(window: MainWindow, path: Path, on_mapping: Steps, on_preview: Steps | None = None) -> None:
    """Ctrl+I, add `path` with Add files…, Next to the columns page (`on_mapping`), Next to the
    preview (`on_preview`), Import, Finish: every step a click or a key, as a seller does it."""
    failures: list[BaseException] = []

    def drive(widget: QWidget) -> None:
        assert isinstance(widget, ImportWizard)
        try:
            pick_file(path)
            click(button(widget.currentPage(), "Add files…"))
            press(widget, QWizard.WizardButton.NextButton)
            assert widget.currentId() == ImportWizard.LAYOUT
            press(widget, QWizard.WizardButton.NextButton)
            assert widget.currentId() == ImportWizard.MAPPING
            on_mapping(widget)
            while widget.currentId() != ImportWizard.PREVIEW:
                press(widget, QWizard.WizardButton.NextButton)
            if on_preview is not None:
                on_preview(widget)
            press(widget, QWizard.WizardButton.CommitButton)
            assert widget.currentId() == ImportWizard.DONE
            press(widget, QWizard.WizardButton.FinishButton)
        except BaseException as exc:  # the wizard must close, or the test would hang in its exec
            failures.append(exc)
            widget.reject()

    modals = Modals()
    activate(window)
    with modals.expecting(drive):
        QTest.keyClick(window, Qt.Key.Key_I, Qt.KeyboardModifier.ControlModifier)
    assert modals.take_unexpected() == []
    if failures:
        raise failures[0]


def amount_samples(wizard: ImportWizard) -> str:
    model = wizard.mapping_page.model
    row = next(r for r in range(model.rowCount()) if model.index(r, 0).data() == "amount")
    return str(model.index(row, 1).data())


def test_the_german_file_imports_ten_thousand_not_ten(window: MainWindow, plan_path: Path) -> None:
    seen: dict[str, object] = {}

    def on_mapping(wizard: ImportWizard) -> None:
        page = wizard.mapping_page
        seen["samples"] = amount_samples(wizard)
        seen["note"] = page.amount_note.text()
        seen["choice"] = page.amounts.currentText()
        seen["next"] = next_button(wizard).isEnabled()

    run_wizard(window, FILES / "german.csv", on_mapping)
    assert seen["samples"] == "10.000 € → 10,000.00 · 25.000 € → 25,000.00 · 150.000 € → 150,000.00"
    assert seen["choice"] == "Read from the file's amounts"
    assert seen["next"] is True
    assert "read in the 1.234,56 style (“10.000 €” is 10,000.00) from semicolons between columns" in str(
        seen["note"]
    )
    assert stored(plan_path) == amounts.GERMAN


def test_the_ambiguous_file_asks_and_imports_as_answered(window: MainWindow, plan_path: Path) -> None:
    seen: dict[str, object] = {}

    def on_mapping(wizard: ImportWizard) -> None:
        page = wizard.mapping_page
        combo = field(page, "Amounts in this file use")
        assert combo is page.amounts
        seen["asked"] = page.amount_note.text()
        seen["next before"] = next_button(wizard).isEnabled()
        seen["choices"] = [page.amounts.itemText(i) for i in range(page.amounts.count())]
        seen["samples before"] = amount_samples(wizard)
        choose_in_combo(page.amounts, 2)  # the arrow keys, to "1.234,56"
        seen["next after"] = next_button(wizard).isEnabled()
        seen["samples after"] = amount_samples(wizard)
        seen["told"] = page.amount_note.text()

    run_wizard(window, FILES / "ambiguous.csv", on_mapping)
    assert seen["asked"] == (
        "ambiguous.csv: the amounts in “amount” can be read two ways (“1.500” is 1.50 in the 1,234.56 "
        "style and 1,500.00 in the 1.234,56 style) and nothing else in the file says which. Choose how "
        "this file writes amounts."
    )
    assert seen["next before"] is False  # no guess: Next waits for the answer
    assert seen["choices"] == [
        "Read from the file's amounts", "1,234.56 (“1.500” is 1.50)", "1.234,56 (“1.500” is 1,500.00)",
    ]  # fmt: skip
    assert seen["samples before"] == "1.500 · 2.000 · 12.000"
    assert seen["next after"] is True
    assert seen["samples after"] == "1.500 → 1,500.00 · 2.000 → 2,000.00 · 12.000 → 12,000.00"
    assert seen["told"] == "Amounts are read in the 1.234,56 style."
    assert stored(plan_path) == amounts.AMBIGUOUS_AS_COMMA

    # Remembered for files like this one: the next import does not ask again.
    again: dict[str, object] = {}

    def on_mapping_again(wizard: ImportWizard) -> None:
        again["next"] = next_button(wizard).isEnabled()
        again["note"] = wizard.mapping_page.amount_note.text()

    run_wizard(window, FILES / "ambiguous.csv", on_mapping_again)
    assert again["next"] is True
    assert again["note"] == (
        "ambiguous.csv: amounts read in the 1.234,56 style, as chosen before for files like this one"
    )
    assert stored(plan_path) == amounts.AMBIGUOUS_AS_COMMA


def test_the_mixed_file_lists_each_odd_cell(window: MainWindow, plan_path: Path) -> None:
    listed: list[list[str]] = []

    def on_preview(wizard: ImportWizard) -> None:
        model = wizard.preview_page.model
        view = wizard.preview_page.view
        for row in range(model.rowCount()):
            cells = [str(model.index(row, column).data() or "") for column in range(1, 6)]
            listed.append(cells)
        # The seller clicks the first problem: it is a row of the table, not a file-wide message.
        first: QModelIndex = model.index(0, 5)
        QTest.mouseClick(view.viewport(), LEFT, NO_KEYS, view.visualRect(first).center())
        assert view.selectionModel().isRowSelected(0, QModelIndex())

    run_wizard(window, FILES / "mixed.csv", lambda _wizard: None, on_preview)
    assert listed == [
        [
            "mixed.csv", "4", "amount", "1'234.56",
            "Amount is in the 1,234.56 style, but the file's amounts are in the 1.234,56 style; read as "
            "1,234.56, check it",
        ],
        [
            "mixed.csv", "5", "amount", "1,000",
            "Amount is ambiguous in a column that writes amounts both ways (1,000.00 in the 1,234.56 "
            "style, 1.00 in the 1.234,56 style); imported without an amount",
        ],
    ]  # fmt: skip
    assert stored(plan_path) == amounts.MIXED
    assert QApplication.activeModalWidget() is None
