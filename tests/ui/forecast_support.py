"""A stand-in for MainWindow._push and apply_change, so the views are tested on their own."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand, QUndoStack

from planner.operations import Change, OperationError
from planner.storage.db import PlanDB, PlanError


class Window:
    """What the main window gives the views: `push` onto its undo stack, `apply_change`."""

    def __init__(self, plan: PlanDB) -> None:
        self.plan = plan
        self.stack = QUndoStack()
        self.changes: list[Change] = []
        self.failures: list[tuple[str, str]] = []

    def push(self, make: Callable[[], QUndoCommand], failure: str) -> bool:
        # As MainWindow._push: a failed operation never reaches the stack.
        try:
            command = make()
        except (OperationError, PlanError, sqlite3.Error, OSError) as exc:
            if self.plan.conn.in_transaction:
                self.plan.conn.rollback()
            self.failures.append((failure, str(exc)))
            return False
        self.stack.push(command)
        return True

    def apply_change(self, change: Change) -> None:
        self.changes.append(change)
