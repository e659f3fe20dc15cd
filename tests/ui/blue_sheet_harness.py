"""The Blue Sheet panel on its own, with an edit session as the main window gives it."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QTabWidget, QWidget
from pytestqt.qtbot import QtBot

from planner.clock import FixedClock
from planner.model import Role
from planner.operations import Change
from planner.storage import people as people_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from ui.blue_sheet import BlueSheetPanel
from ui.session import EditSession


class Harness:
    """What the main window gives the panel: the plan's edit session, on a clock fixed at TODAY."""

    def __init__(self, plan: PlanDB) -> None:
        self.plan = plan
        self.session = EditSession(plan, FixedClock(TODAY))
        self.stack = self.session.undo_stack
        self.errors: list[tuple[str, str]] = []
        self.changes: list[Change] = []
        self.session.changed.connect(lambda change, _initiator: self.changes.append(change))
        self.session.write_failed.connect(lambda title, message: self.errors.append((title, message)))
        self.panel = BlueSheetPanel(self.session)

    def push(self, make: Callable[[], QUndoCommand], failure: str) -> bool:
        return self.session.push(make, failure)


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
