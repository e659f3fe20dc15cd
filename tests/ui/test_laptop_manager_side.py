"""The manager's side on a laptop screen (1366x768, 1280x720): every tab, the team window's tables."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QTableView
from pytestqt.qtbot import QtBot

from planner import forecast_calls as fcalls
from planner import forecast_operations
from planner.calendar import quarter_of
from planner.model import ForecastCategory
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.rollup_support import Deal, export_bundle, seller_plan
from ui.i18n import install_language
from ui.main_window import TITLE_BAR, MainWindow
from ui.team_window import DASH, TeamWindow, open_team_window

SCREENS = [(1366, 768), (1280, 720)]
SCREEN_IDS = ["1366x768", "1280x720"]


def _manager_week(plan: PlanDB) -> None:
    """A target and a forecast call, so the Forecast tab shows every part it has."""
    quarter = quarter_of(TODAY)
    forecast_operations.set_targets(plan, {quarter.label: 900_000.0})
    entries = [
        fcalls.CallEntry(q, (p := fcalls.propose(plan, q, TODAY)).commit, p.best_case)
        for q in fcalls.call_quarters(plan, TODAY)
    ]
    fcalls.record_calls(plan, entries, TODAY - dt.timedelta(days=3))


def _fully_shown(table: QTableView) -> bool:
    """Every column of `table` in its viewport: nothing cut off to the right."""
    header = table.horizontalHeader()
    return header.length() <= table.viewport().width() and table.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize("language", ["en", "de"])
@pytest.mark.parametrize("screen", SCREENS, ids=SCREEN_IDS)
def test_every_tab_keeps_the_window_on_the_laptop_screen(
    qapp: QApplication, qtbot: QtBot, demo_plan: PlanDB, screen: tuple[int, int], language: str
) -> None:
    """Opening a tab must not make the window taller or wider than the screen it is maximised on
    (German figures are longer: "553 Tsd. EUR")."""
    _manager_week(demo_plan)
    width, height = screen
    try:
        install_language(qapp, language)
        window = MainWindow(demo_plan)
        qtbot.addWidget(window)
        window.resize(width, height - TITLE_BAR)
        window.show()
        qtbot.waitExposed(window)
        bar = window.tabs.tabBar()
        for tab in range(window.tabs.count()):
            QTest.mouseClick(
                bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(tab).center()
            )
            QApplication.processEvents()
            assert window.tabs.currentIndex() == tab
            name = window.tabs.tabText(tab)
            assert window.minimumSizeHint().height() <= height - TITLE_BAR, name
            assert window.minimumSizeHint().width() <= width, name
            assert (window.width(), window.height()) == (width, height - TITLE_BAR), name
    finally:
        install_language(qapp, "en")


def _team_folder(folder: Path) -> list[Path]:
    """Three sellers; the third has no deal in Commit."""
    folder.mkdir()
    paths = []
    for n, name in enumerate(("Anna Berg", "Ben Okafor", "Chloe Martin")):
        category = ForecastCategory.COMMIT if n < 2 else ForecastCategory.BEST_CASE
        plan = seller_plan(
            name,
            [
                Deal("Won", "Won", 100_000 * (n + 1), closed_on=dt.date(2026, 11, 2)),
                Deal("Commit", "Committed", 250_000, category=category),
                Deal("Evaluating", "Evaluating", 1_100_000),
            ],
            target=1_000_000,
        )
        paths.append(export_bundle(plan, folder / f"{name.split()[0].lower()}.json"))
        plan.close()
    return paths


@pytest.mark.parametrize("screen", SCREENS, ids=SCREEN_IDS)
def test_the_team_windows_tables_show_every_column(
    qtbot: QtBot, tmp_path: Path, screen: tuple[int, int]
) -> None:
    """The combined forecast's ten columns are all in view beside the combined funnel."""
    from planner.exchange.rollup import load_team

    width, height = screen
    window: TeamWindow = open_team_window(load_team(_team_folder(tmp_path / "team")))
    qtbot.addWidget(window)
    window.resize(width, height - TITLE_BAR)
    qtbot.waitUntil(lambda: window.checked, timeout=20_000)
    QApplication.processEvents()
    for table in (window.sellers, window.combined, window.funnel):
        assert isinstance(table, QAbstractScrollArea)
        assert _fully_shown(table), table.accessibleName()


def test_a_seller_without_committed_deals_shows_a_dash_for_red_flags(qtbot: QtBot, tmp_path: Path) -> None:
    """Not "0 on 0 deals": like every other cell with nothing to show, a dash."""
    from planner.exchange.rollup import load_team

    window: TeamWindow = open_team_window(load_team(_team_folder(tmp_path / "team")))
    qtbot.addWidget(window)
    model = window.sellers.model()
    flags = model.columnCount() - 1
    cells = {str(model.index(row, 0).data()): str(model.index(row, flags).data()) for row in range(3)}
    assert cells["Chloe Martin"] == DASH
    assert cells["Anna Berg"].endswith(" on 1 deal")
