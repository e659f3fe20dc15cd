"""Tabs and docks of the main window that are built when first needed, not to paint the board.

A seller sees the board first; each tab or dock that is not on screen at start-up stands in
with a blank page or a one-line hint, and builds its view the first time it is chosen, shown
or asked for (docs/architecture.md, "Opening a plan and background work").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QTabWidget, QWidget

from ui.window_parts import add_dock, in_view

V = TypeVar("V", bound=QWidget)


class LazyTab(Generic[V]):
    """A tab of `tabs` whose view `build` makes the first time it is chosen or asked for."""

    def __init__(self, tabs: QTabWidget, title: str, build: Callable[[], V]) -> None:
        self.tabs = tabs
        self.page = QWidget(tabs)  # stands in until the view is built
        self._build = build
        self.view: V | None = None
        tabs.addTab(self.page, title)

    def get(self) -> V:
        """The view, built now if it was not, in the stand-in's place; the current tab stays."""
        if self.view is None:
            view = self._build()
            current = self.tabs.currentIndex()
            swap_tab(self.tabs, self.page, view)
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(current)
            self.tabs.blockSignals(False)
            self.view = view
        return self.view

    def holds(self, widget: QWidget | None) -> bool:
        """Whether `widget` (the current tab, say) is this tab: its view, or its stand-in."""
        return widget is not None and (widget is self.page or widget is self.view)


def swap_tab(tabs: QTabWidget, page: QWidget, view: QWidget) -> None:
    """Put `view` in the tab of the stand-in `page`, with its title; `page` leaves the tabs."""
    index = tabs.indexOf(page)
    tabs.blockSignals(True)  # no currentChanged storm while the tab is swapped
    tabs.insertTab(index, view, tabs.tabText(index))
    tabs.removeTab(index + 1)
    tabs.blockSignals(False)


class LazyDock(Generic[V]):
    """A dock of `window` showing `hint` until its panel is needed: asked for (a deal chosen) or,
    with `when_shown`, the dock shown. `build` makes the panel."""

    def __init__(
        self,
        window: QMainWindow,
        title: str,
        name: str,
        hint: str,
        build: Callable[[], V],
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
        *,
        when_shown: bool = False,
    ) -> None:
        self.window = window
        self.dock: QDockWidget = add_dock(window, title, name, dock_hint(window, hint), area)
        self._build = build
        self.panel: V | None = None
        if when_shown:
            self.dock.visibilityChanged.connect(self._on_dock_visibility_changed)

    def get(self) -> V:
        """The panel, built now if it was not."""
        if self.panel is None:
            # The dock keeps the width it had: the panel replacing the hint would size it to its
            # own liking and shift the board under the seller's pointer.
            # A dock behind another's tab has no width of its own to keep.
            width = self.dock.width() if in_view(self.dock) else None
            self.panel = self._build()
            self.dock.setWidget(self.panel)
            if width is not None:
                self.window.resizeDocks([self.dock], [width], Qt.Orientation.Horizontal)
        return self.panel

    def _on_dock_visibility_changed(self, visible: bool) -> None:
        if visible:
            self.get()


def dock_hint(parent: QWidget, text: str) -> QLabel:
    """A dock's content until its panel is built: what to do to fill it."""
    hint = QLabel(text, parent)
    hint.setWordWrap(True)
    hint.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    hint.setMargin(12)
    return hint
