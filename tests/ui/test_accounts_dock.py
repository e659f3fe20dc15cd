"""The Accounts dock with real input: its list is read when the dock first shows, not before."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from planner.storage import accounts as account_repo
from planner.storage.db import PlanDB
from ui.main_window import MainWindow


def test_the_list_is_read_when_the_dock_first_shows(qtbot: QtBot, demo_plan: PlanDB) -> None:
    window = MainWindow(demo_plan)
    qtbot.addWidget(window)
    window.show()
    model = window.accounts.model
    assert model.rowCount() == 0  # hidden: not read before the board paints
    window.accounts_dock.toggleViewAction().trigger()  # View → Accounts
    qtbot.waitUntil(window.accounts.isVisible)
    listed = sorted(str(model.index(row).data()).strip() for row in range(model.rowCount()))
    assert listed == sorted(a.name for a in account_repo.list_accounts(window.plan))
