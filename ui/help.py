"""Help menu content: the keyboard shortcuts of every action, and the bundled user guide."""

from __future__ import annotations

from importlib import resources

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

# Keys handled by the board itself rather than by an action.
BOARD_KEYS = (
    ("Arrow keys", "Move between cards; Left and Right move between columns"),
    ("Enter", "Open the selected deal"),
    ("Ctrl+Right / Ctrl+Left", "Move the selected deal to the next or previous stage"),
    ("Tab", "Move between the board, the filter and the panels"),
)


def shortcut_rows(window: QWidget) -> list[tuple[str, str]]:
    """(what, keys) for every action of the window that has a shortcut, by menu text."""
    rows: dict[str, str] = {}
    for action in window.findChildren(QAction):
        keys = action.shortcut()
        if keys.isEmpty() or not action.text():
            continue
        name = action.text().replace("&", "").removesuffix("…")
        rows[name] = keys.toString(QKeySequence.SequenceFormat.NativeText)
    return sorted(rows.items(), key=lambda item: item[0].casefold())


class ShortcutsDialog(QDialog):
    """Help → Keyboard shortcuts: generated from the actions, so it is never out of date."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(520, 520)
        rows = [(keys, what) for what, keys in shortcut_rows(window)] + [(k, w) for k, w in BOARD_KEYS]
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(["Keys", "Action"])
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (keys, what) in enumerate(rows):
            self.table.setItem(row, 0, QTableWidgetItem(keys))
            self.table.setItem(row, 1, QTableWidgetItem(what))
        self.table.resizeColumnToContents(0)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)


def guide_html() -> str:
    """The bundled user guide (HTML, no external resources)."""
    return resources.files("resources").joinpath("guide", "guide.html").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """Help → User guide: the method and the app, offline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Opportunity Planner user guide")
        self.resize(760, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)  # the guide is offline; nothing leaves the machine
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
