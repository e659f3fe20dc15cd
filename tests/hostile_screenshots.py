"""Pictures of markup shown as text: resources/screenshots/hostile-*.png (`make screenshot`).

`QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.hostile_screenshots` (not collected by pytest).
A plan whose every text field holds harmless markup (`<b>bold</b> <img src="file:///nonexistent">`)
in the window at 1366 x 768: a card's tooltip, a tooltip of the forecast's deals table, the
accounts panel with an account's tooltip, the summary of imported review notes that quote markup
deal names, and the error of a bundle that cannot be opened for review. Each must show the
markup as literal text: no bold, no broken-image icon.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QPainter, QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QFileDialog, QLineEdit, QMessageBox, QWidget

from planner.exchange.review import write_review_notes
from planner.storage import pack_queries
from planner.storage.db import open_plan
from tests.hostile import markup
from ui.i18n import install_language
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"
PAYLOADS = markup.PICTURE_PAYLOADS


def _settle(rounds: int = 5) -> None:
    for _ in range(rounds):
        QCoreApplication.processEvents()


def _tip_label() -> QWidget:
    """The tooltip on screen (Qt's QTipLabel, a top-level widget of its own)."""
    for widget in QApplication.topLevelWidgets():
        if widget.inherits("QTipLabel") and widget.isVisible():
            return widget
    raise RuntimeError("no tooltip is shown")


def _with_tooltip(window: QWidget, view: QAbstractItemView, index: QModelIndex, name: str) -> None:
    """The window with the tooltip Qt shows for `index` painted where it appears."""
    view.scrollTo(index)
    _settle()
    rect = view.visualRect(index)
    at = view.viewport().mapToGlobal(rect.center())
    # What a hover shows: the view's own tooltip for the item (its ToolTip role).
    from PySide6.QtWidgets import QToolTip

    QToolTip.showText(at, str(index.data(Qt.ItemDataRole.ToolTipRole)), view.viewport())
    _settle()
    tip = _tip_label()
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(tip.mapToGlobal(QPoint(0, 0))), tip.grab())
    painter.end()
    _save(picture, name)
    QToolTip.hideText()
    _settle()


def _save(picture: QPixmap, name: str) -> None:
    path = OUT / name
    picture.save(str(path))
    print(f"wrote {path}")


def _answer_modals(path: Path, name: str) -> Callable[[], None]:
    """A poller: the file dialog gets `path`, the message box after it is photographed and closed."""

    def poll() -> None:
        widget = QApplication.activeModalWidget()
        if isinstance(widget, QFileDialog):
            edit = widget.findChild(QLineEdit, "fileNameEdit")
            assert edit is not None
            edit.setText(str(path))
            QTest.keyClick(edit, Qt.Key.Key_Return)
        elif isinstance(widget, QMessageBox):
            _settle()
            _save(widget.grab(), name)
            widget.accept()
            return
        QTimer.singleShot(20, poll)

    return poll


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    install_language(app, "en")
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        plan = open_plan(folder / "markup.plan")
        markup.hostile_plan(plan, dt.date.today(), PAYLOADS)
        window = MainWindow(plan)
        window.resize(1366, 768)
        window.show()
        _settle(20)

        column = next(iter(window.board.columns.values()))
        _with_tooltip(window, column.view, column.view.model().index(0, 0), "hostile-card-tooltip.png")

        forecast = window.show_forecast()
        _settle(20)
        deals = forecast.deals
        _with_tooltip(window, deals, deals.model().index(0, 0), "hostile-forecast-tooltip.png")

        window.tabs.setCurrentIndex(0)
        window.accounts_dock.show()
        _settle(20)
        accounts = window.accounts.view
        _with_tooltip(window, accounts, accounts.model().index(1, 0), "hostile-accounts.png")

        notes = markup.notes_for_unknown_deals(pack_queries.plan_id(plan), PAYLOADS)
        notes_file = write_review_notes(notes, folder / "notes.json")
        QTimer.singleShot(0, _answer_modals(notes_file, "hostile-notes-summary.png"))
        window.menus.import_review_action.trigger()
        _settle()

        bundle = markup.write_bundle(plan, folder / "bundle.json")
        bad = markup.write_bad_bundle(bundle, folder / "bad.json", '<b>b</b><img src="file:///nonexistent">')
        QTimer.singleShot(0, _answer_modals(bad, "hostile-review-error.png"))
        window.menus.open_review_action.trigger()
        _settle()

        window.undo_stack.clear()
        window.close()
        plan.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
