"""The New deal dialog answered like a seller would, from the window's own New deal command."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QWidget
from pytestqt.qtbot import QtBot

from planner.model import Account, Opportunity
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.ui.conftest import show_window
from ui.dialogs.opportunity_dialog import OpportunityDialog
from ui.main_window import MainWindow

# The completer's list is a popup: offscreen, Qt says it cannot raise it or grab the keyboard.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard", extend=True
)


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = show_window(qtbot, demo_plan, size=(1366, 768))
    qtbot.waitExposed(w)
    yield w
    w.undo_stack.clear()


Answer = Callable[[OpportunityDialog], None]


def _new_deal(window: MainWindow, qtbot: QtBot, answer: Answer) -> None:
    """Run File → New deal; `answer` drives the modal dialog (from a timer, as a seller would)."""
    problems: list[str] = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, OpportunityDialog):
            problems.append(f"no deal dialog but {dialog!r}")
            if dialog is not None:
                dialog.close()
            return
        dialog.activateWindow()  # offscreen, a new window is not activated by itself
        try:
            qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
            answer(dialog)
        except AssertionError as exc:
            problems.append(str(exc) or repr(exc))
        if dialog.isVisible():
            dialog.reject()

    QTimer.singleShot(0, run)
    window.deals.new_opportunity()
    assert problems == []


def _ok(dialog: OpportunityDialog) -> QWidget:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


def _type(qtbot: QtBot, field: QWidget, text: str) -> None:
    QTest.mouseClick(field, Qt.MouseButton.LeftButton, pos=field.rect().center())
    qtbot.keyClicks(field, text)


def _press_ok(dialog: OpportunityDialog) -> None:
    ok = _ok(dialog)
    assert ok.isEnabled(), dialog.error.text()
    QTest.mouseClick(ok, Qt.MouseButton.LeftButton)


def _created(window: MainWindow, title: str) -> Opportunity:
    return next(o for o in opportunity_repo.list_opportunities(window.plan) if o.title == title)


def _account(window: MainWindow, name: str) -> Account | None:
    return next((a for a in account_repo.list_accounts(window.plan) if a.name == name), None)


def test_the_dialog_opens_without_an_error_and_speaks_up_once_a_field_is_left(
    window: MainWindow, qtbot: QtBot
) -> None:
    def answer(dialog: OpportunityDialog) -> None:
        assert dialog.error.text() == ""
        assert dialog.title.accessibleDescription() == ""
        assert not _ok(dialog).isEnabled()  # nothing to create yet
        dialog.title.setFocus()
        qtbot.keyClick(dialog.title, Qt.Key.Key_Tab)  # left empty
        assert dialog.error.text() == "Title cannot be empty."
        assert dialog.title.accessibleDescription() == "Title cannot be empty."
        _type(qtbot, dialog.title, "Pilot")
        assert dialog.error.text() == ""
        _type(qtbot, dialog.amount, "lots")
        assert "Amount" in dialog.error.text()

    _new_deal(window, qtbot, answer)


def test_the_account_is_found_by_any_part_of_its_name_spaces_included(
    window: MainWindow, qtbot: QtBot
) -> None:
    wayne = _account(window, "Wayne Municipal Services")
    assert wayne is not None

    def answer(dialog: OpportunityDialog) -> None:
        _type(qtbot, dialog.title, "Street lighting")
        edit = dialog.account.lineEdit()
        assert edit is not None
        _type(qtbot, edit, "municipal s")  # lower case, a space, from the middle of the name
        completer = dialog.account.completer()
        assert completer is not None
        popup = completer.popup()
        assert popup is not None
        qtbot.waitUntil(popup.isVisible)
        shown = [completer.completionModel().index(r, 0).data() for r in range(completer.completionCount())]
        assert shown == ["Wayne Municipal Services"]
        first = completer.completionModel().index(0, 0)
        QTest.mouseClick(
            popup.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
            popup.visualRect(first).center(),
        )
        assert dialog.account.currentText() == "Wayne Municipal Services"
        assert dialog.account_note.isHidden()  # an existing account: nothing new
        _press_ok(dialog)

    _new_deal(window, qtbot, answer)
    assert _created(window, "Street lighting").account_id == wayne.id


def test_a_new_account_name_creates_the_account_with_the_deal_in_one_undo_step(
    window: MainWindow, qtbot: QtBot
) -> None:
    accounts_before = account_repo.list_accounts(window.plan)

    def answer(dialog: OpportunityDialog) -> None:
        edit = dialog.account.lineEdit()
        assert edit is not None
        _type(qtbot, edit, "Fabrikam <b>Logistics</b>")
        QCoreApplication.processEvents()
        assert dialog.account_note.isVisible()  # said at once, though the title is still missing
        _type(qtbot, dialog.title, "Depot fleet")
        assert dialog.account_note.text() == "A new account: OK creates it with the deal."
        _press_ok(dialog)

    _new_deal(window, qtbot, answer)
    account = _account(window, "Fabrikam <b>Logistics</b>")
    assert account is not None
    deal = _created(window, "Depot fleet")
    assert deal.account_id == account.id
    assert window.board.selected_id() == deal.id
    assert window.undo_stack.undoText() == "“Depot fleet” for the new account “Fabrikam <b>Logistics</b>”"
    # Another card selected first: removing the selected card on undo is a board problem of its
    # own (its neighbour's face is built while the removed card is still listed).
    first_column = window.controller.columns[0].id
    other = next(c.id for c in window.controller.models[first_column].cards if c.id != deal.id)
    assert window.board.select(other)
    window.undo_stack.undo()  # one step takes back both
    assert account_repo.list_accounts(window.plan) == accounts_before
    assert opportunity_repo.get_opportunity(window.plan, deal.id) is None
    window.undo_stack.redo()
    assert _account(window, "Fabrikam <b>Logistics</b>") == account
    assert opportunity_repo.get_opportunity(window.plan, deal.id) == deal


def test_a_quantity_with_its_unit_keeps_the_number(window: MainWindow, qtbot: QtBot) -> None:
    def answer(dialog: OpportunityDialog) -> None:
        _type(qtbot, dialog.title, "Seats for the call centre")
        _type(qtbot, dialog.quantity, "120 seats")
        assert dialog.error.text() == ""
        _press_ok(dialog)

    _new_deal(window, qtbot, answer)
    deal = _created(window, "Seats for the call centre")
    assert deal.quantity == 120
    assert deal.product == ""  # the unit is not a product
