"""Every text a widget tree shows or speaks, and the English words left in a translated one.

Used by the translation tests and runnable by hand to see what is still in English:

    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.ui.visible_text
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator

from PySide6.QtCore import QAbstractItemModel, QAbstractListModel, QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QDockWidget,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
)

from planner.exchange.crm import PROFILES

_TAG = re.compile(r"<[^>]+>|&[a-z]+;")
_WORD = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}")
_ROLES = (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.AccessibleTextRole)

# Words spelled alike in English and German, or names the German translation keeps on purpose
# (the method's own terms that German sales teams use as they are).
SAME_IN_GERMAN = frozenset(
    [
        # Month abbreviations QLocale writes alike in both languages ("15. Nov. 2026").
        "Jan",
        "Feb",
        "Apr",
        "Aug",
        "Nov",
        "Jun",
        "Jul",
        "Sep",
        "April",
        "August",
        "September",
        "November",
        # "Best Case" stays as it is in German forecasts (GLOSSARY.md).
        "Case",
        # German words spelled like English ones ("was sie anbieten": what they offer).
        "was",
        "Blue",
        "Green",
        "Sheet",
        "Coach",
        "Coaching",
        "Plan",
        "Pläne",
        "Status",
        "Name",
        "Filter",
        "Export",
        "Import",
        "Deal",
        "Deals",
        "Best",
        "Few",
        "Pipeline",
        "CRM",
        "CSV",
        "PDF",
        "HTML",
        "JSON",
        "XLSX",
        "Markdown",
        "Salesforce",
        "HubSpot",
        "Pipedrive",
        "Opportunity",
        "Planner",
        "EUR",
        "USD",
        "GBP",
        "CHF",
        "SSO",
        "Win",
        "Result",
        "Team",
        "Manager",
        "Review",
        "Details",
        "Info",
        "Online",
        "Offline",
        "Demo",
        "Min",
        "Max",
        "Kontakt",
        "Budget",
        "Checkliste",
        "Feedback",
        "Link",
        "Tab",
        "Tabs",
        "Quartal",
        "Version",
        "Backup",
        "Backups",
        "Excel",
        "Letter",
        "ZIP",
        "Problem",
        "SEK",
        "NOK",
        "DKK",
        "PLN",
        "JPY",
        "CAD",
        "AUD",
        # Every CRM's product name, as the import wizard lists them.
        *(word for profile in PROFILES for word in profile.label.split()),
    ]
)


def _plain(text: str) -> str:
    return _TAG.sub(" ", text or "")


def _columns(model: QAbstractItemModel, parent: QModelIndex | None = None) -> int:
    # A list model's columnCount is private in PySide: one column.
    if isinstance(model, QAbstractListModel):
        return 1
    return model.columnCount(parent or QModelIndex())


def _model_texts(model: QAbstractItemModel, limit: int = 400) -> Iterator[str]:
    for orientation in (Qt.Orientation.Horizontal, Qt.Orientation.Vertical):
        count = _columns(model) if orientation == Qt.Orientation.Horizontal else model.rowCount(QModelIndex())
        for section in range(min(count, 50)):
            for role in _ROLES:
                value = model.headerData(section, orientation, role)
                if isinstance(value, str):
                    yield value
    seen = 0
    stack = [QModelIndex()]
    while stack and seen < limit:
        parent = stack.pop()
        for row in range(model.rowCount(parent)):
            for column in range(_columns(model, parent)):
                index = model.index(row, column, parent)
                seen += 1
                for role in _ROLES:
                    value = model.data(index, role)
                    if isinstance(value, str):
                        yield value
                if (
                    column == 0
                    and not isinstance(model, QAbstractListModel | QAbstractTableModel)
                    and model.hasChildren(index)
                ):
                    stack.append(index)


def _action_texts(actions: Iterable[QAction]) -> Iterator[str]:
    for action in actions:
        yield from (action.text(), action.toolTip(), action.statusTip(), action.whatsThis())
        menu = action.menu()
        if isinstance(menu, QMenu):
            yield menu.title()
            yield from _action_texts(menu.actions())


def texts(root: QWidget) -> list[str]:
    """Every string `root` and its children show, speak (accessible names) or tip."""
    found: list[str] = [root.windowTitle()]
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        found += [
            widget.toolTip(),
            widget.accessibleName(),
            widget.accessibleDescription(),
            widget.statusTip(),
        ]
        found += _action_texts(widget.actions())
        if isinstance(widget, QLabel | QAbstractButton):
            found.append(widget.text())
        elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
            found.append(widget.placeholderText())
        elif isinstance(widget, QGroupBox):
            found.append(widget.title())
        elif isinstance(widget, QDockWidget):
            found.append(widget.windowTitle())
        elif isinstance(widget, QTabWidget):
            found += [widget.tabText(i) for i in range(widget.count())]
            found += [widget.tabToolTip(i) for i in range(widget.count())]
        elif isinstance(widget, QComboBox):
            found += [widget.itemText(i) for i in range(widget.count())]
        elif isinstance(widget, QMenu):
            found.append(widget.title())
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            found += _model_texts(widget.model())
    return [_plain(t) for t in found if t and t.strip()]


def plan_values(conn: sqlite3.Connection) -> list[str]:
    """Every text stored in the plan (titles, names, notes, stage names): data, not interface.

    Longest first, so that removing them from a text removes "Acme renewal" before "Acme".
    """
    values: set[str] = set()
    tables = [
        r[0]
        for r in conn.execute(
            "select name from sqlite_master where type = 'table' and name not like 'search_index%'"
        )
    ]
    for table in tables:
        for row in conn.execute(f'select * from "{table}"'):
            for value in row:
                if isinstance(value, str):
                    values.update(_stored_texts(value))
    return sorted((v for v in values if len(v) >= 3), key=len, reverse=True)


def _stored_texts(value: str) -> list[str]:
    # Settings are stored as JSON ("\"Demo plan\"", {"name": ...}): their strings are data too.
    found = [value.strip()]
    if value[:1] in '"[{':
        try:
            decoded = json.loads(value)
        except ValueError:
            return found
        stack = [decoded]
        while stack:
            item = stack.pop()
            if isinstance(item, str):
                found.append(item.strip())
            elif isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                stack.extend(item.keys())
                stack.extend(item.values())
    return found


def _without(text: str, data: list[str]) -> str:
    for value in data:
        if value in text:
            text = text.replace(value, " ")
    return text


def english_left(english: Iterable[str], translated: Iterable[str], data: list[str]) -> dict[str, list[str]]:
    """Words of the English window's own wording (not the plan's data) found again in the
    translated window: word -> the translated texts that still contain it."""
    vocabulary = {w for text in english for w in _WORD.findall(_without(text, data))} - SAME_IN_GERMAN
    left: dict[str, list[str]] = {}
    for text in translated:
        for word in _WORD.findall(_without(text, data)):
            if word in vocabulary:
                left.setdefault(word, []).append(text)
    return left


def main_window_texts(plan: object, language: str) -> list[str]:
    """The main window on `plan` in `language`: board, menus, a card's menu, the docks with a
    deal selected, the forecast and clean-up tabs, the status bar."""
    from PySide6.QtWidgets import QApplication

    from planner.storage.db import PlanDB
    from ui.i18n import install_language
    from ui.main_window import MainWindow

    assert isinstance(plan, PlanDB)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    assert install_language(app, language), f"cannot load language {language}"
    window = MainWindow(plan)
    try:
        window.show()
        # The deal with the most buying influences: the fullest Blue Sheet.
        row = plan.conn.execute(
            "select opportunity_id from buying_influence group by opportunity_id "
            "order by count(*) desc, opportunity_id limit 1"
        ).fetchone()
        deal = row[0] if row else None
        if deal is not None:
            window._on_board_opportunity_selected(deal)
            found = texts(window) + texts(window.menus.card_menu(deal))
        else:
            found = texts(window)
        window.show_forecast()
        window.show_hygiene()
        return found + texts(window)
    finally:
        window.undo_stack.clear()
        window.close()
        window.deleteLater()
        install_language(app, "en")


def _report() -> int:
    import datetime as dt

    from PySide6.QtWidgets import QApplication

    from planner.demo import populate_demo
    from planner.storage.db import open_memory

    app = QApplication.instance() or QApplication(["visible-text"])
    plan = open_memory()
    populate_demo(plan, dt.date.today())
    english = main_window_texts(plan, "en")
    german = main_window_texts(plan, "de")
    left = english_left(english, german, plan_values(plan.conn))
    for word, where in sorted(left.items()):
        print(f"{word}: {sorted(set(where))[:3]}")
    print(f"{len(left)} English words left in the German main window")
    del app
    return 1 if left else 0


if __name__ == "__main__":
    raise SystemExit(_report())
