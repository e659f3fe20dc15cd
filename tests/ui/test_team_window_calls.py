"""The team window's "Last call" and "Accuracy last quarter" columns, read from real bundles
(figures by hand in tests/planner/rollup_calls_support.py)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from tests.planner.rollup_calls_support import COMMENT, anna, ben, chloe_without_calls
from ui.team_window import TeamWindow, open_team

LAST_CALL, ACCURACY = 7, 8


def _team(qtbot: QtBot, folder: Path) -> TeamWindow:
    window = open_team([anna(folder), ben(folder), chloe_without_calls(folder)], None)
    assert window is not None
    qtbot.addWidget(window)
    qtbot.waitUntil(lambda: window.checked, timeout=20_000)
    assert window.refused.count() == 0  # each bundle also opens in full
    return window


def _cell(
    window: TeamWindow, row: int, column: int, role: Qt.ItemDataRole = Qt.ItemDataRole.DisplayRole
) -> str:
    return str(window.sellers.model().index(row, column).data(role))


def test_the_columns_show_the_last_call_and_last_quarters_accuracy(qtbot: QtBot, tmp_path: Path) -> None:
    window = _team(qtbot, tmp_path)
    assert [_cell(window, r, 0) for r in range(3)] == ["Anna", "Ben", "Chloe"]
    # Anna: 2027Q1's last call (12 Jan) called Commit 35,000. 2026Q4 won 20,000 + 100,000 =
    # 120,000 against its last Commit call of 160,000 (1 Dec): 120,000 / 160,000 = 75 %.
    assert (_cell(window, 0, LAST_CALL), _cell(window, 0, ACCURACY)) == ("35,000 EUR", "75 %")
    # Ben called 8,000 USD for 2027Q1 and nothing for 2026Q4; Chloe's bundle carries no calls.
    assert (_cell(window, 1, LAST_CALL), _cell(window, 1, ACCURACY)) == ("8,000 USD", "–")  # noqa: RUF001
    assert (_cell(window, 2, LAST_CALL), _cell(window, 2, ACCURACY)) == ("–", "–")  # noqa: RUF001

    # The manager selects Anna's last call (a real click) and reads what the cell says about it.
    view = window.sellers
    QTest.mouseClick(
        view.viewport(),
        Qt.MouseButton.LeftButton,
        pos=view.visualRect(view.model().index(0, LAST_CALL)).center(),
    )
    assert view.currentIndex().row() == 0
    tip = _cell(window, 0, LAST_CALL, Qt.ItemDataRole.ToolTipRole)
    assert "for 2027Q1: Commit 35,000 EUR, Best Case 45,000 EUR." in tip
    assert "Comment: Renewal &lt;b&gt;signed&lt;/b&gt; &amp; &lt;script&gt;" in tip  # shown as text
    assert COMMENT not in tip
    tip = _cell(window, 0, ACCURACY, Qt.ItemDataRole.ToolTipRole)
    assert "2026Q4: won 120,000 EUR ÷ the last Commit called, 160,000 EUR on" in tip
    assert "on 1 Dec 2026 = 75 %." in tip
    assert "no forecast call for last quarter" in _cell(window, 1, ACCURACY, Qt.ItemDataRole.ToolTipRole)

    header = window.sellers.model().headerData(
        ACCURACY, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
    )
    assert str(header).startswith("Won in last quarter ÷ the last Commit called for it")
