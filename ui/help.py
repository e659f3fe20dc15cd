"""Help menu content: the keyboard shortcuts of every action, and the bundled user guide."""

from __future__ import annotations

from importlib import resources

from PySide6.QtCore import QCoreApplication
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

from planner.i18n import QT_TRANSLATE_NOOP
from ui.i18n import SOURCE_LANGUAGE, current_language

translate = QCoreApplication.translate

# Keys handled by the board itself rather than by an action: (keys, what). Key names that
# QKeySequence knows are written by Qt in the window's language ("Strg+Rechts"); the others and
# the descriptions are shown as translate("ShortcutsDialog", text).
BOARD_KEYS = (
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Arrow keys"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between cards; Left and Right move between columns"),
    ),
    (
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Enter"),
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Open the selected deal"),
    ),
    (
        "Ctrl+Right / Ctrl+Left",
        QT_TRANSLATE_NOOP("ShortcutsDialog", "Move the selected deal to the next or previous stage"),
    ),
    ("Tab", QT_TRANSLATE_NOOP("ShortcutsDialog", "Move between the board, the filter and the panels")),
)
# The BOARD_KEYS written with QKeySequence (the others are translated sources).
_SEQUENCES = {"Ctrl+Right / Ctrl+Left": ("Ctrl+Right", "Ctrl+Left"), "Tab": ("Tab",)}


def _native(keys: str) -> str:
    return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)


def board_key_rows() -> list[tuple[str, str]]:
    """(keys, what) of the keys the board handles itself, in the window's language."""
    rows = []
    for keys, what in BOARD_KEYS:
        sequences = _SEQUENCES.get(keys)
        shown = " / ".join(_native(k) for k in sequences) if sequences else translate("ShortcutsDialog", keys)
        rows.append((shown, translate("ShortcutsDialog", what)))
    return rows


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
        self.setWindowTitle(translate("ShortcutsDialog", "Keyboard shortcuts"))
        self.resize(520, 520)
        rows = [(keys, what) for what, keys in shortcut_rows(window)] + board_key_rows()
        self.table = QTableWidget(len(rows), 2, self)
        self.table.setHorizontalHeaderLabels(
            [translate("ShortcutsDialog", "Keys"), translate("ShortcutsDialog", "Action")]
        )
        self.table.setAccessibleName(translate("ShortcutsDialog", "Keyboard shortcuts"))
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


def guide_html(language: str | None = None) -> str:
    """The bundled user guide (HTML, no external resources) in `language` (default: the window's).

    resources/guide/guide_<language>.html, or the English guide.html when there is none.
    """
    language = language or current_language()
    folder = resources.files("resources").joinpath("guide")
    translated = folder.joinpath(f"guide_{language}.html")
    if language != SOURCE_LANGUAGE and translated.is_file():
        return translated.read_text(encoding="utf-8")
    return folder.joinpath("guide.html").read_text(encoding="utf-8")


class GuideDialog(QDialog):
    """Help → User guide: the method and the app, offline."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(translate("GuideDialog", "Opportunity Planner user guide"))
        self.resize(760, 640)
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(False)  # the guide is offline; nothing leaves the machine
        self.browser.setAccessibleName(translate("GuideDialog", "User guide"))
        self.browser.setHtml(guide_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
