"""One calendar: "2026Q4" selects the same deals in the Forecast, `planner export --quarter` and
the export dialog, also when the plan's fiscal year starts in April."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QStyle, QStyleOptionButton
from pytestqt.qtbot import QtBot

from planner import forecast as fc
from planner import forecast_operations
from planner.storage.db import PlanDB, open_plan
from tests.conftest import TODAY
from tests.planner.forecast_support import add_deal
from ui.app import main
from ui.dialogs.export_dialog import ExportDialog

# Fiscal years are named by the calendar year they end in: with a year starting in April,
# 2026Q4 is January to March 2026 and October to December 2026 is 2027Q3.
FEBRUARY = "Depot rollout closing in February 2026"
NOVEMBER = "Fleet pilot closing in November 2026"
MAY = "Tender closing in May 2026"


@pytest.fixture
def fiscal_plan(tmp_path: Path) -> Iterator[tuple[Path, PlanDB]]:
    path = tmp_path / "fiscal.plan"
    plan = open_plan(path)
    forecast_operations.set_fiscal_year_start_month(plan, 4)
    add_deal(plan, "Qualified", 10_000, dt.date(2026, 2, 16), title=FEBRUARY)
    add_deal(plan, "Qualified", 20_000, dt.date(2026, 11, 16), title=NOVEMBER)
    add_deal(plan, "Qualified", 30_000, dt.date(2026, 5, 18), title=MAY)
    yield path, plan
    plan.close()


def forecast_deals(plan: PlanDB, label: str) -> set[str]:
    """The deals the Forecast tab counts in a quarter (it reads the plan's fiscal year)."""
    start = forecast_operations.fiscal_year_start_month(plan)
    result = fc.load_forecast(plan, fc.parse_quarter(label, start), TODAY)
    return {d.title for d in result.deals}


def command_line_deals(path: Path, label: str, out: Path, capsys: pytest.CaptureFixture[str]) -> set[str]:
    """The deals `planner export --quarter LABEL --format json` writes."""
    argv = ["export", "--db", str(path), "--format", "json", "--quarter", label, "--out", str(out)]
    assert main(argv) == 0, capsys.readouterr().err
    return {o["name"] for o in json.loads(out.read_text())["opportunities"]}


def click_radio(button: object) -> None:
    from PySide6.QtWidgets import QRadioButton

    assert isinstance(button, QRadioButton)
    option = QStyleOptionButton()
    button.initStyleOption(option)
    area = button.style().subElementRect(QStyle.SubElement.SE_RadioButtonClickRect, option, button)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, area.center())


def dialog_deals(qtbot: QtBot, plan: PlanDB, label: str, tmp_path: Path) -> tuple[set[str], ExportDialog]:
    """The deals the export dialog's preview holds with "Deals closing in the quarter: LABEL"."""
    dialog = ExportDialog(plan, [], today=TODAY, folder=tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    click_radio(dialog.by_quarter)
    assert dialog.by_quarter.isChecked()
    editor = dialog.quarter.lineEdit()
    assert editor is not None
    editor.selectAll()
    qtbot.keyClicks(editor, label)
    qtbot.waitUntil(
        lambda: dialog.pack is not None and dialog.pack.scope_text.startswith("Open deals closing in"),
        timeout=3000,
    )
    assert dialog.pack is not None
    return {d.title for d in dialog.pack.deals}, dialog


def test_a_quarter_selects_the_same_deals_everywhere(
    fiscal_plan: tuple[Path, PlanDB], qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, plan = fiscal_plan
    assert forecast_deals(plan, "2026Q4") == {FEBRUARY}
    assert command_line_deals(path, "2026Q4", tmp_path / "q4.json", capsys) == {FEBRUARY}
    shown, dialog = dialog_deals(qtbot, plan, "2026Q4", tmp_path)
    assert shown == {FEBRUARY}
    # The pack says which months the fiscal quarter is.
    assert dialog.pack is not None
    assert "Jan–Mar 2026" in dialog.pack.scope_text  # noqa: RUF001 (the en dash)
    # The dialog offers the plan's quarters, starting with the one today falls in.
    assert dialog.quarter.itemText(0) == fc.quarter_of(TODAY, 4).label == "2027Q3"


def test_october_to_december_is_the_third_fiscal_quarter_everywhere(
    fiscal_plan: tuple[Path, PlanDB], qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, plan = fiscal_plan
    assert forecast_deals(plan, "2027Q3") == {NOVEMBER}
    assert command_line_deals(path, "2027Q3", tmp_path / "q3.json", capsys) == {NOVEMBER}
    assert dialog_deals(qtbot, plan, "2027Q3", tmp_path)[0] == {NOVEMBER}
