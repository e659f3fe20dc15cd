"""An edit session for the views on their own, recording what they write and what fails."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from planner.clock import FixedClock
from planner.operations import Change
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from ui.session import EditSession


class Window:
    """What the main window gives the views: the plan's edit session, on a clock fixed at TODAY."""

    def __init__(self, plan: PlanDB) -> None:
        self.plan = plan
        self.session = EditSession(plan, FixedClock(TODAY))
        self.stack = self.session.undo_stack
        self.changes: list[Change] = []
        self.failures: list[tuple[str, str]] = []
        self.session.changed.connect(lambda change, _initiator: self.changes.append(change))
        self.session.write_failed.connect(lambda title, message: self.failures.append((title, message)))

    def push(self, make: Callable[[], QUndoCommand], failure: str) -> bool:
        return self.session.push(make, failure)
