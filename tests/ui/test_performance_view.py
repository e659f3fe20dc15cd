"""The Performance tab shows what `planner stats --json` prints, follows the edit session, and
loads QtCharts only when opened."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarCategoryAxis
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner import operations as ops
from planner.clock import FixedClock
from planner.model import OpportunityDraft
from planner.operations import MoveDetails
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan
from tests.planner.accountability_support import TODAY, history_plan
from tests.ui import window_driver as drive
from ui.main_window import MainWindow
from ui.performance_view import PerformanceView

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    return history_plan(tmp_path)


@pytest.fixture
def window(qtbot: QtBot, plan_file: Path) -> Iterator[MainWindow]:
    plan = open_plan(plan_file)
    w = MainWindow(plan, clock=FixedClock(TODAY))
    qtbot.addWidget(w)
    w.resize(1366, 740)
    w.show()
    drive.settle()
    yield w
    w.close()
    plan.close()


def _cli_json(path: Path, *extra: str) -> dict[str, object]:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "planner.cli",
            "stats",
            "--db",
            str(path),
            "--json",
            "--today",
            TODAY.isoformat(),
            *extra,
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result: dict[str, object] = json.loads(done.stdout)
    return result


def _open_tab(window: MainWindow) -> PerformanceView:
    tabs = window.tabs
    index = next(i for i in range(tabs.count()) if drive.bare(tabs.tabText(i)) == "Performance")
    drive.click_tab(tabs, index)
    drive.settle()
    view = window.performance_tab.view
    assert view is not None
    assert view.isVisible()
    return view


def _shown(view: PerformanceView) -> dict[str, dict[str, str]]:
    """Column label -> row name -> the text the table shows."""
    model = view.table.model()
    shown: dict[str, dict[str, str]] = {}
    for column in range(model.columnCount()):
        label = model.headerData(column, Qt.Orientation.Horizontal)
        shown[label] = {
            model.headerData(row, Qt.Orientation.Vertical): model.index(row, column).data()
            for row in range(model.rowCount())
        }
    return shown


def test_the_tab_shows_what_the_command_line_prints(window: MainWindow, plan_file: Path) -> None:
    printed = _cli_json(plan_file)
    view = _open_tab(window)
    shown = _shown(view)
    periods = [*printed["periods"], printed["trailing"]]  # type: ignore[misc]
    assert list(shown) == [p["label"] for p in periods]
    # The numbers as the JSON holds them, written as the window writes them.
    texts = {
        "percent": "{:.1f} %",
        "days": "{:.1f} days",
        "money": "{:,.0f} EUR",
        "money_per_day": "{:,.0f} EUR a day",
        "count": "{:.0f}",
    }
    definitions = printed["definitions"]
    assert isinstance(definitions, dict)
    for period in periods:
        column = shown[period["label"]]
        assert (
            column["Closed (won / lost / walked away)"]
            == f"{period['won']} / {period['lost']} / {period['walked_away']}"
        )
        for key, figure in period["figures"].items():
            meaning = definitions[key]
            expected = "\u2013" if figure["value"] is None else texts[meaning["unit"]].format(figure["value"])
            assert column[meaning["name"]] == expected, (period["label"], key)
    # Spot checks against the hand-computed values (tests/planner/test_accountability.py).
    assert shown["2026Q1"]["Win rate (value)"] == "62.5 %"
    assert shown["2026Q1"]["Funnel velocity"] == "800 EUR a day"
    assert shown["2025Q3\u20132026Q2"]["Slip rate"] == "42.9 %"
    # The stages table: the trailing quarters, as the JSON's trailing stages.
    stages = view.stages.model()
    rows = {
        stages.index(r, 0).data(): [stages.index(r, c).data() for c in range(1, 5)]
        for r in range(stages.rowCount())
    }
    assert rows["Prospect"] == ["7", "71.4 %", "27.9 days", "10.0 days"]
    assert rows["Committed"] == ["4", "75.0 %", "21.5 days", "22.5 days"]


def test_each_figure_says_its_definition(window: MainWindow) -> None:
    view = _open_tab(window)
    model = view.table.model()
    names = [model.headerData(r, Qt.Orientation.Vertical) for r in range(model.rowCount())]
    row = names.index("Slip rate")
    tip = model.headerData(row, Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert "moved later at least once" in tip
    cell = model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)  # 2026Q1
    assert "moved later at least once" in cell
    assert "2 of 5 deals" in cell


def test_choosing_a_quarter_and_following_the_session(window: MainWindow) -> None:
    view = _open_tab(window)
    # Back one quarter: 2025Q2 to 2026Q1.
    drive.pick_in_combo(view.quarter_combo, 1)
    drive.settle()
    assert list(_shown(view))[:4] == ["2025Q2", "2025Q3", "2025Q4", "2026Q1"]
    assert _shown(view)["2026Q1"]["Win rate (count)"] == "50.0 %"
    drive.pick_in_combo(view.quarter_combo, 0)
    drive.settle()
    assert _shown(view)["2026Q2"]["Closed (won / lost / walked away)"] == "1 / 0 / 0"

    # A deal won today through the edit session shows at once; undo takes it back.
    plan = window.plan
    stages = {s.name: s for s in stage_repo.list_stages(plan)}
    from ui.commands import run_opportunity_operation

    def win() -> object:
        def operation() -> tuple[ops.Change, int]:
            change, new_id = ops.create_opportunity(
                plan,
                OpportunityDraft(
                    title="D9", account_id=None, stage_id=stages["Committed"].id, amount=6_000.0
                ),
                TODAY,
            )
            ops.move_opportunity(
                plan, new_id, stages["Won"].id, MoveDetails(reason="Signed", closed_on=TODAY), TODAY
            )
            return change, new_id

        return run_opportunity_operation("Win D9", plan, None, operation, window.session.apply_change)

    assert window.session.push(win, "not written")  # type: ignore[arg-type]
    drive.settle()
    assert _shown(view)["2026Q2"]["Closed (won / lost / walked away)"] == "2 / 0 / 0"
    drive.activate(window)
    QTest.keySequence(QApplication.focusWidget() or window, QKeySequence(QKeySequence.StandardKey.Undo))
    drive.settle()
    assert _shown(view)["2026Q2"]["Closed (won / lost / walked away)"] == "1 / 0 / 0"


def test_hostile_stage_names_are_text_in_the_charts(window: MainWindow) -> None:
    plan = window.plan
    with plan.atomic():
        plan.execute("UPDATE stage SET name = '<b>Prospect</b>' WHERE name = 'Prospect'")
    view = _open_tab(window)
    view.refresh()
    model = view.stages.model()
    assert model.index(0, 0).data() == "<b>Prospect</b>"
    axis = view.days_view.chart().axes(Qt.Orientation.Horizontal)[0]
    assert isinstance(axis, QBarCategoryAxis)
    assert axis.categories()[0] == "&lt;b&gt;Prospect&lt;/b&gt;"


def test_qtcharts_loads_only_with_the_tab(tmp_path: Path) -> None:
    # A fresh process: the window paints its board without the chart library.
    code = (
        "import sys, tempfile, pathlib;"
        "from PySide6.QtWidgets import QApplication;"
        "app = QApplication(['t', '-platform', 'offscreen']);"
        "from planner.storage.db import open_plan;"
        "from ui.main_window import MainWindow;"
        "plan = open_plan(pathlib.Path(tempfile.mkdtemp()) / 'p.plan');"
        "w = MainWindow(plan); w.show(); app.processEvents();"
        "print('PySide6.QtCharts' in sys.modules, 'ui.performance_view' in sys.modules);"
        "w.tabs.setCurrentWidget(w.performance_tab); app.processEvents();"
        "print('ui.performance_view' in sys.modules); w.close(); plan.close()"
    )
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT, env=env
    )
    assert done.stdout.split() == ["False", "False", "True"], done.stderr
