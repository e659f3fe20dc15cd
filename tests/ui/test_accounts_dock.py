"""The Accounts dock with real input: its list is read when the dock first shows, its buttons
write through the window's account edits, and the list follows them."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from planner.storage import accounts as account_repo
from planner.storage.db import PlanDB
from tests.ui import window_driver as drive
from ui.main_window import MainWindow


@pytest.fixture
def window(qtbot: QtBot, demo_plan: PlanDB) -> Iterator[MainWindow]:
    w = MainWindow(demo_plan)
    qtbot.addWidget(w)
    w.show()
    w.activateWindow()
    yield w
    w.undo_stack.clear()


def _listed(window: MainWindow) -> list[str]:
    model = window.accounts.model
    return [str(model.index(row).data()).strip() for row in range(model.rowCount())]


def test_the_list_is_read_when_the_dock_first_shows(qtbot: QtBot, window: MainWindow) -> None:
    assert _listed(window) == []  # hidden: not read before the board paints
    window.accounts_dock.toggleViewAction().trigger()  # View → Accounts
    qtbot.waitUntil(window.accounts.isVisible)
    names = sorted(a.name for a in account_repo.list_accounts(window.plan))
    assert sorted(_listed(window)) == names


def test_new_and_delete_in_the_dock_write_the_plan_and_the_list_follows(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.accounts_dock.toggleViewAction().trigger()
    qtbot.waitUntil(window.accounts.isVisible)
    modals = drive.Modals()

    def name_it(dialog: QWidget) -> None:
        drive.type_into(drive.line_edit_of(drive.field(dialog, "Name")), "Contoso Pharma")
        drive.press_ok(dialog)

    with modals.expecting(name_it):
        drive.click(window.accounts.new_button)
    created = next(a for a in account_repo.list_accounts(window.plan) if a.name == "Contoso Pharma")
    assert "Contoso Pharma" in _listed(window)
    assert window.undo_stack.count() == 1

    window.accounts.select_account(created.id)
    with modals.expecting(lambda box: drive.answer_message_box(box, QMessageBox.StandardButton.Yes)):
        drive.click(window.accounts.delete_button)
    assert all(a.id != created.id for a in account_repo.list_accounts(window.plan))
    assert "Contoso Pharma" not in _listed(window)
