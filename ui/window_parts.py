"""Small widgets of the main window that need only their own words: the board's accessible
description, the Blue Sheet dock's hint before a deal is chosen, the undo history view; and its
docks."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QStatusBar, QUndoView, QWidget

translate = QCoreApplication.translate


def describe_board(board: QWidget) -> None:
    """What a screen reader says of the board."""
    board.setAccessibleName(translate("MainWindow", "Stage board"))
    board.setAccessibleDescription(
        translate(
            "MainWindow",
            "The open deals by stage. Arrow keys move between cards, Enter opens one, "
            "Ctrl+Right and Ctrl+Left move it to the next or previous stage.",
        )
    )


def status_line(bar: QStatusBar, text: str) -> QLabel:
    """The board's standing line in the status bar (open deals, the plan file). A widget of the
    bar, not a message: a message (an edit done, a menu item's tip) covers it for a while and it
    comes back. As a message it was wiped by every menu the pointer passed over."""
    line = QLabel(text, bar)
    line.setTextFormat(Qt.TextFormat.PlainText)  # it names the plan's file
    bar.addWidget(line, 1)
    return line


def undo_history(stack: QUndoStack, parent: QWidget) -> QUndoView:
    """View → Undo history: every edit since the plan was opened."""
    view = QUndoView(stack, parent)
    view.setEmptyLabel(translate("MainWindow", "Plan as opened"))
    view.setAccessibleName(translate("MainWindow", "Undo history"))
    view.setAccessibleDescription(
        translate("MainWindow", "The changes made since the plan was opened; select one to go back to it")
    )
    return view


def add_dock(
    window: QMainWindow,
    title: str,
    name: str,
    widget: QWidget,
    area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
) -> QDockWidget:
    """A dock of `window` holding `widget`; `name` keys its place in the saved window layout."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


def in_view(widget: QWidget) -> bool:
    """Whether any of `widget` is on screen. A dock behind another dock's tab stays "visible",
    moved out of its window: its visible region is empty then."""
    return widget.isVisible() and not widget.visibleRegion().isEmpty()
