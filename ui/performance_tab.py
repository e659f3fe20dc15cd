"""The Performance tab's place in the window: the view (and QtCharts) are loaded when first shown.

Start-up paints the board without the chart library, so the tab holds this empty page until the
seller opens it; then it builds ui.performance_view.PerformanceView inside itself.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from ui.session import EditSession

if TYPE_CHECKING:
    from ui.performance_view import PerformanceView


class PerformanceTab(QWidget):
    """An empty page that builds the Performance view the first time it is shown."""

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self.view: PerformanceView | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def showEvent(self, event: QShowEvent) -> None:
        self.ensure_view()
        super().showEvent(event)

    def ensure_view(self) -> PerformanceView:
        """The view, built on first use."""
        if self.view is None:
            from ui.performance_view import PerformanceView

            self.view = PerformanceView(self._session, self)
            self._layout.addWidget(self.view)
        return self.view
