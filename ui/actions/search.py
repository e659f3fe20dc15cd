"""Search everything (Ctrl+K): the search window of one plan, and what a result opens."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QWidget

from planner.storage.db import PlanError
from ui.session import EditSession

if TYPE_CHECKING:
    from planner.search import Hit
    from ui.search_view import SearchDialog


class SearchActions(QObject):
    """Opens the search window (built on first use) over `parent`; `open_hit` shows a result."""

    def __init__(self, session: EditSession, parent: QWidget, open_hit: Callable[[Hit], None]) -> None:
        super().__init__(parent)
        self.session = session
        self.parent_widget = parent
        self.open_hit = open_hit
        self.dialog: SearchDialog | None = None

    def show_search(self) -> SearchDialog:
        """The search window, shown with its text selected to type anew."""
        if self.dialog is None:
            from ui.search_view import SearchDialog

            self.dialog = SearchDialog(
                self.session.plan, self.open_hit, self.parent_widget, rebuild=self._rebuild
            )
        self.dialog.start()
        return self.dialog

    def _rebuild(self) -> bool:
        # A damaged search index is derived from the rows, not the seller's work: rebuilt without
        # an undo step, when the plan may be written.
        from planner.storage import search_index

        if self.session.read_only_reason is not None or self.session.plan.read_only:
            return False
        try:
            search_index.rebuild(self.session.plan)
        except (sqlite3.Error, PlanError):
            return False
        return True
