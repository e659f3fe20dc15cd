"""The status bar's standing line (open deals, the plan file) survives menus and messages.

It was a message: passing the pointer over any menu item showed the item's tip and then left
the bar empty until the next edit. Now it is the bar's widget: a tip or a message covers it for
a while, and it comes back.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMenu

from tests.ui import window_driver as drive
from ui.main_window import MainWindow


def _shown(window: MainWindow) -> str:
    bar = window.statusBar()
    return bar.currentMessage() or (window.status_line.text() if window.status_line.isVisible() else "")


def test_the_standing_line_comes_back_after_a_menu_and_a_message(window: MainWindow) -> None:
    standing = window.status_line.text()
    assert "open deals" in standing
    assert _shown(window) == standing
    bar = window.menuBar()
    edit = next(a for a in bar.actions() if drive.bare(a.text()) == "Edit")
    QTest.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.actionGeometry(edit).center())
    drive.settle()
    menu = QApplication.activePopupWidget()
    assert isinstance(menu, QMenu)
    item = next(a for a in menu.actions() if a.isEnabled() and not a.isSeparator())
    window.statusBar().showMessage(standing)  # as the line was shown before: a message
    QTest.mouseMove(menu, menu.actionGeometry(item).center())
    drive.settle()
    # The item's tip (none) wiped the message; the standing line, not a message, stays.
    assert window.statusBar().currentMessage() == item.statusTip() == ""
    assert _shown(window) == standing
    QTest.mouseMove(menu, QPoint(-20, -20))
    QTest.keyClick(menu, Qt.Key.Key_Escape)
    drive.settle()
    assert _shown(window) == standing
    window.statusBar().showMessage("Moved “Pilot” to Qualified", 50)
    assert _shown(window) == "Moved “Pilot” to Qualified"
    QTest.qWait(120)
    assert _shown(window) == standing
