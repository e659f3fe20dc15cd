"""The forecast view: its models, charts equal to the figures, the CLI's numbers, undoable edits."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCharts import QBarSet, QLineSeries
from PySide6.QtCore import QModelIndex, Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from planner import forecast as fc
from planner import forecast_operations as fops
from planner.cli.reports import add_report_commands, run_report_command
from planner.demo import populate_demo
from planner.forecast import ChangeKind
from planner.model import ForecastCategory
from planner.storage import funnel_snapshots as snapshot_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, open_plan
from tests.conftest import TODAY
from tests.planner.forecast_support import dump_all
from tests.ui import window_driver as drive
from tests.ui.forecast_support import Window
from ui.forecast_view import (
    CHART_SCALE,
    VALUE_ROLE,
    ForecastView,
    forecast_category_menu,
)


@pytest.fixture
def window(demo_plan: PlanDB) -> Iterator[Window]:
    fops.set_targets(demo_plan, {"2026Q4": 900_000, "2027Q1": 1_000_000})
    fops.take_snapshot(demo_plan, TODAY - dt.timedelta(days=8))
    w = Window(demo_plan)
    yield w
    w.stack.clear()


@pytest.fixture
def view(qtbot: QtBot, window: Window) -> ForecastView:
    v = ForecastView(window.session)
    qtbot.addWidget(v)
    v.resize(1300, 850)
    v.show()
    return v


def _bar_sets(view: ForecastView, chart_view_name: str) -> dict[str, QBarSet]:
    chart = getattr(view, chart_view_name).chart()
    sets: dict[str, QBarSet] = {}
    for series in chart.series():
        for bar_set in getattr(series, "barSets", list)():
            sets[bar_set.objectName()] = bar_set
    return sets


def test_models_pass_the_model_tester(view: ForecastView, qtmodeltester: ModelTester) -> None:
    for model in (view.table_model, view.changes_model, view.deals_model):
        qtmodeltester.check(model)
    drive.choose_in_combo(view.quarter_combo, 1)  # the next quarter, from the keyboard
    assert view.quarter.label == "2027Q1"
    for model in (view.table_model, view.changes_model, view.deals_model):
        qtmodeltester.check(model)


def test_the_table_shows_the_computed_figures(view: ForecastView) -> None:
    result = view.forecast
    assert result is not None
    assert result.quarter.label == "2026Q4"
    model = view.table_model
    assert model.rowCount() == 4
    for row, figures in enumerate([*(m.figures for m in result.months), result.total]):
        for column, name in enumerate(fc.COLUMNS):
            index = model.index(row, column)
            assert model.data(index, VALUE_ROLE) == figures.value(name)
            assert model.data(index) == f"{figures.value(name):,.0f}"
        assert model.data(model.index(row, len(fc.COLUMNS)), VALUE_ROLE) == figures.count("weighted")
    assert model.headerData(3, Qt.Orientation.Vertical) == "Quarter 2026Q4"
    assert view.tiles["target"].text() == "900k EUR"
    assert view.notes.text() == "\n".join(fc.summary_lines(result))
    shown = [label.text() for label in view.balance_labels]
    assert shown == [f"⚠ {d.title}: {d.message}" for d in result.diagnostics]


def test_the_charts_equal_the_figures(view: ForecastView) -> None:
    result = view.forecast
    assert result is not None
    assert result.target is not None
    sets = _bar_sets(view, "target_view")
    assert set(sets) == {"won", "commit", "best_case", "pipeline"}
    for name, bar_set in sets.items():
        running = 0.0
        for i, month in enumerate(result.months):
            running += month.figures.value(name)
            assert bar_set.at(i) * CHART_SCALE == pytest.approx(running)  # cumulative to month end
    (line,) = [s for s in view.target_view.chart().series() if isinstance(s, QLineSeries)]
    assert {p.y() * CHART_SCALE for p in line.points()} == {result.target}
    funnel = _bar_sets(view, "funnel_view")["value"]
    assert [funnel.at(i) * CHART_SCALE for i in range(funnel.count())] == pytest.approx(
        [level.totals.amount for level in reversed(result.levels)]
    )
    slips = _bar_sets(view, "slip_view")["moved"]
    assert [slips.at(i) for i in range(slips.count())] == [w.moved for w in result.slips]
    assert sum(w.moved for w in result.slips) >= 1  # the demo has a slip out of the quarter


def test_the_cli_prints_the_views_numbers(
    qtbot: QtBot, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.plan"
    plan = open_plan(path)
    populate_demo(plan, TODAY)
    fops.set_targets(plan, {"2026Q4": 700_000})
    fops.take_snapshot(plan, TODAY - dt.timedelta(days=10))
    w = Window(plan)
    view = ForecastView(w.session)
    qtbot.addWidget(view)
    view.refresh()
    import argparse

    parser = argparse.ArgumentParser(prog="planner")
    add_report_commands(parser.add_subparsers(dest="command"))
    try:
        code = run_report_command(
            parser.parse_args(["forecast", "--db", str(path), "--today", TODAY.isoformat(), "--json"])
        )
    finally:
        plan.close()
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    rows = [*data["months"], data["total"]]
    model = view.table_model
    for row, figures in enumerate(rows):
        for column, name in enumerate(fc.COLUMNS):
            assert model.data(model.index(row, column), VALUE_ROLE) == pytest.approx(figures[name])
    assert view.forecast is not None
    assert (data["target"], data["gap"], data["coverage"]) == (
        view.forecast.target,
        view.forecast.gap,
        view.forecast.coverage,
    )
    assert [d["message"] for d in data["diagnostics"]] == [d.message for d in view.forecast.diagnostics]
    changes = view.changes_model
    for row, kind in enumerate(ChangeKind):
        assert (
            changes.data(changes.index(row, 0), VALUE_ROLE)
            == data["comparisons"][0]["changes"][kind.value]["count"]
        )
    deals = view.deals_model
    assert [deals.data(deals.index(r, 0), VALUE_ROLE) for r in range(deals.rowCount())] == [
        d["title"] for d in data["deals"]
    ]


def test_set_a_category_from_the_view_and_undo_it(view: ForecastView, window: Window) -> None:
    deal = next(d for d in view.deals_model._deals if not d.level.is_closed and not d.chosen)
    before = dump_all(window.plan)
    assert view.set_category(deal.id, ForecastCategory.COMMIT)
    stored = opportunity_repo.get_opportunity(window.plan, deal.id)
    assert stored is not None
    assert stored.forecast_category is ForecastCategory.COMMIT
    assert view.forecast is not None
    assert next(d for d in view.forecast.deals if d.id == deal.id).category is ForecastCategory.COMMIT
    after = dump_all(window.plan)
    window.stack.undo()
    assert dump_all(window.plan) == before
    window.stack.redo()
    assert dump_all(window.plan) == after
    assert window.changes[-1].opportunities == {deal.id}


def test_a_closed_deal_keeps_its_category(view: ForecastView, window: Window) -> None:
    won = next(d for d in view.deals_model._deals if d.level.is_closed)
    before = dump_all(window.plan)
    assert not view.set_category(won.id, ForecastCategory.COMMIT)
    assert window.failures[-1][0] == "The forecast category was not saved"
    assert dump_all(window.plan) == before
    assert forecast_category_menu(view, window.session, won.id) is None


def test_the_card_menu_writes_through_push(view: ForecastView, window: Window) -> None:
    deal = next(d for d in view.deals_model._deals if not d.level.is_closed)
    menu = forecast_category_menu(view, window.session, deal.id)
    assert menu is not None
    texts = [a.text() for a in menu.actions() if not a.isSeparator()]
    assert texts[1:] == ["Pipeline", "Best Case", "Commit", "Omitted"]
    assert texts[0].startswith("From the stage (")
    omitted = next(a for a in menu.actions() if a.text() == "Omitted")
    omitted.trigger()
    stored = opportunity_repo.get_opportunity(window.plan, deal.id)
    assert stored is not None
    assert stored.forecast_category is ForecastCategory.OMITTED
    window.stack.undo()
    stored = opportunity_repo.get_opportunity(window.plan, deal.id)
    assert stored is not None
    assert stored.forecast_category is deal_category(deal.chosen, deal.category)


def deal_category(chosen: bool, category: ForecastCategory) -> ForecastCategory | None:
    return category if chosen else None


def test_the_target_edit_is_undoable(view: ForecastView, window: Window, qtbot: QtBot) -> None:
    before = dump_all(window.plan)
    view.target_edit.setText("1,200,000")
    view.target_edit.editingFinished.emit()
    assert fops.targets(window.plan)["2026Q4"] == 1_200_000
    assert view.tiles["target"].text() == "1.2M EUR"
    window.stack.undo()
    assert dump_all(window.plan) == before
    assert view.tiles["target"].text() == "900k EUR"
    view.target_edit.setText("")
    view.target_edit.editingFinished.emit()
    assert "2026Q4" not in fops.targets(window.plan)
    assert view.tiles["coverage"].text() == "—"


def test_the_fiscal_year_relabels_the_quarters(view: ForecastView, window: Window) -> None:
    before = dump_all(window.plan)
    assert view.set_fiscal_year_start(4)
    # The same months stay on screen, under their fiscal name (a year from April 2026 is 2027).
    assert view.quarter == fc.Quarter(2027, 3, 4)
    assert view.quarter_combo.currentText() == "2027Q3 · Oct\u2013Dec 2026 (now)"
    assert view.forecast is not None
    assert [m.month.key for m in view.forecast.months] == ["2026-10", "2026-11", "2026-12"]
    assert view.target_edit.text() == ""  # the 2026Q4 target belongs to another quarter now
    window.stack.undo()
    assert dump_all(window.plan) == before
    assert view.quarter == fc.Quarter(2026, 4)


def test_choosing_a_quarter(view: ForecastView) -> None:
    labels = [view.quarter_combo.itemData(i) for i in range(view.quarter_combo.count())]
    assert labels[:2] == ["2025Q4", "2026Q1"]
    assert labels[-1] == "2027Q4"
    assert view.quarter_combo.currentText() == "2026Q4 · Oct\u2013Dec 2026 (now)"
    view.quarter_combo.setCurrentIndex(labels.index("2027Q1"))
    assert view.forecast is not None
    assert view.forecast.quarter.label == "2027Q1"
    assert view.target_edit.text() == "1,000,000"


def test_take_a_snapshot_on_demand(view: ForecastView, window: Window) -> None:
    assert view.take_snapshot()
    assert [s.taken_on for s in snapshot_repo.list_snapshots(window.plan)][-1] == TODAY


def test_read_only_offers_no_edits(view: ForecastView) -> None:
    view.set_read_only("This plan is open read-only.")
    assert not view.target_edit.isEnabled()
    assert not view.snapshot_button.isEnabled()
    view.deals.setCurrentIndex(view.deals_proxy.index(0, 0))
    assert not view.category_button.isEnabled()


def test_double_click_opens_the_deal(view: ForecastView, qtbot: QtBot) -> None:
    index = view.deals_proxy.index(2, 0)
    deal = view.deals_model.deal_at(2)
    assert deal is not None
    with qtbot.waitSignal(view.opportunity_opened) as opened:
        view.deals.doubleClicked.emit(index)
    assert opened.args == [deal.id]


def test_hidden_views_refresh_when_shown(qtbot: QtBot, window: Window) -> None:
    view = ForecastView(window.session)
    qtbot.addWidget(view)
    view.invalidate()
    assert view.forecast is None  # not shown: nothing computed yet
    view.show()
    assert view.forecast is not None
    assert view.table_model.index(0, 0) != QModelIndex()
