"""A stand-in for the main window around the Blue Sheet panel: an undo stack, `_push`, `apply_change`."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from planner.model import Role
from planner.operations import Change, OperationError
from planner.storage import people as people_repo
from planner.storage.db import PlanDB, PlanError
from tests.conftest import TODAY
from ui.blue_sheet import BlueSheetPanel


class Harness:
    """What MainWindow gives the panel: `_push` with error reporting, and `apply_change`."""

    def __init__(self, plan: PlanDB) -> None:
        self.plan = plan
        self.stack = QUndoStack()
        self.errors: list[tuple[str, str]] = []
        self.changes: list[Change] = []
        self.panel = BlueSheetPanel(plan, self.push, self.apply_change, today=lambda: TODAY)

    def push(self, make: Callable[[], QUndoCommand], failure: str) -> bool:
        # As MainWindow._push: a failed operation reaches neither the plan nor the undo stack.
        try:
            command = make()
        except (OperationError, PlanError, sqlite3.Error) as exc:
            if self.plan.conn.in_transaction:
                self.plan.conn.rollback()
            self.errors.append((failure, str(exc)))
            return False
        self.stack.push(command)
        return True

    def apply_change(self, change: Change) -> None:
        # As MainWindow.apply_change, with the wiring the panel asks for.
        self.changes.append(change)
        shown = self.panel.opportunity_id
        if shown and (shown in change.opportunities or shown in change.removed_opportunities):
            self.panel.refresh()


def open_harness(qtbot: QtBot, plan: PlanDB) -> Iterator[Harness]:
    """The body of each test module's `harness` fixture: a shown panel, its stack cleared after."""
    h = Harness(plan)
    qtbot.addWidget(h.panel)
    h.panel.resize(900, 760)
    h.panel.show()
    yield h
    h.stack.clear()


def open_editor(table: QAbstractItemView, row: int, column: int) -> QWidget:
    """Start editing a cell as F2 would, and return the delegate's editor."""
    show_tab(table)
    index = table.model().index(row, column)
    table.setCurrentIndex(index)
    table.edit(index)
    editors = [
        w for w in table.viewport().findChildren(QWidget) if w.parent() is table.viewport() and w.isVisible()
    ]
    assert len(editors) == 1, editors
    return editors[0]


def show_tab(widget: QWidget) -> None:
    """Bring the panel tab holding `widget` to the front, as a seller clicking the tab would."""
    child: QWidget | None = widget
    while child is not None:
        parent = child.parentWidget()
        stack = parent.parentWidget() if parent is not None else None
        if isinstance(stack, QTabWidget):
            stack.setCurrentWidget(child)
            return
        child = parent


def commit(editor: QWidget) -> None:
    """Enter in the editor: the delegate writes the value and closes the editor (queued, as Qt does)."""
    QTest.keyClick(editor, Qt.Key.Key_Return)
    QCoreApplication.processEvents()


def busy_deal(plan: PlanDB, minimum: int = 3) -> int:
    """A demo deal with at least `minimum` influences, one of them reporting to another."""
    rows = plan.query(
        "SELECT opportunity_id FROM buying_influence GROUP BY opportunity_id"
        " HAVING COUNT(*) >= ? AND COUNT(reports_to_id) >= 1 ORDER BY opportunity_id",
        [minimum],
    )
    return int(rows[0][0])


def role_of(plan: PlanDB, influence_id: int) -> Role:
    bi = people_repo.get_influence(plan, influence_id)
    assert bi is not None
    return bi.role
