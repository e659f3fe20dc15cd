"""A tab of the main window that shows what the plan holds and follows its edit session.

The Agenda, Forecast, Clean-up and People tabs read the whole plan to draw themselves, which is
too much to do after every edit while they are hidden: they are marked stale and read again
when next shown (docs/edit-session.md).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QWidget

from ui.session import EditSession

if TYPE_CHECKING:
    from planner.operations import Change


class SessionView(QWidget):
    """A view of the plan that refreshes now when shown, else when next shown.

    Subclasses draw in `refresh` and stop offering edits in `set_read_only`. Any edit, undo or
    redo may change what such a view shows (a deal closed, a snooze, a renamed person), so each
    one marks the view stale.
    """

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.plan = session.plan
        self.push = session.push
        self.read_only_reason: str | None = None
        self._dirty = True
        session.changed.connect(self._on_session_changed)
        session.reloaded.connect(self.invalidate)
        session.read_only_set.connect(self.set_read_only)

    @Slot(object, object)
    def _on_session_changed(self, _change: Change, _initiator: object) -> None:
        self.invalidate()

    @Slot()
    def invalidate(self) -> None:
        """The plan changed: refresh now if shown, else when next shown."""
        self._dirty = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        """Read the plan again and show it."""
        raise NotImplementedError

    def set_read_only(self, reason: str | None) -> None:
        """Stop offering edits (None offers them again)."""
        self.read_only_reason = reason
