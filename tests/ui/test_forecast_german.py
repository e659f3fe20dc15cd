"""The forecast and clean-up tabs in German: none of their own English wording is left.

Sentences that planner/ computes (forecast notes, diagnostics, clean-up reasons, the labels of
categories, levels and kinds of change) are planner's to translate: they are taken out of the
German texts like the plan's data, so this test checks the views' own words only.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import partial

import pytest
from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis, QChartView
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from planner import forecast as fc
from planner import forecast_operations as fops
from planner.forecast import ChangeKind
from planner.model import ForecastCategory, FunnelLevel
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.ui.forecast_support import Window
from tests.ui.visible_text import english_left, plan_values, texts
from ui.forecast_commands import set_fiscal_start_command, set_target_command
from ui.forecast_view import CHART_SCALE, ForecastView, amount_tip, bar_tip
from ui.hygiene_view import HygieneView
from ui.i18n import install_language


@pytest.fixture
def window(demo_plan: PlanDB) -> Iterator[Window]:
    fops.set_targets(demo_plan, {"2026Q4": 900_000, "2027Q1": 1_000_000})
    fops.take_snapshot(demo_plan, TODAY - dt.timedelta(days=8))
    w = Window(demo_plan)
    yield w
    w.stack.clear()


def _chart_texts(view: QChartView) -> list[str]:
    chart = view.chart()
    found = [chart.title()]
    for axis in chart.axes():
        found.append(axis.titleText())
        if isinstance(axis, QBarCategoryAxis):
            found += axis.categories()
    for series in chart.series():
        found.append(series.name())
        found += [bar_set.label() for bar_set in getattr(series, "barSets", list)()]
    return found


def _planner_texts(forecast: ForecastView, hygiene: HygieneView) -> list[str]:
    """What planner/ says in these views (its own translation, not the views')."""
    result = forecast.forecast
    assert result is not None
    assert hygiene.cleanup is not None
    found = list(fc.summary_lines(result))
    found += [text for d in result.diagnostics for text in (d.title, d.message)]
    found.append(result.conversion.describe())
    for comparison in forecast.comparisons:
        found += [fc.comparison_heading(comparison), comparison.label]
        found += [
            text for changes in comparison.changes.values() for c in changes for text in (c.title, c.detail)
        ]
    found += [kind.label for kind in ChangeKind]
    found += [level.label for level in FunnelLevel]
    found += [category.label for category in ForecastCategory]
    found += [reason for row in hygiene.cleanup.rows for reason in row.reasons]
    return found


def _views_texts(
    qapp: QApplication, qtbot: QtBot, window: Window, language: str
) -> tuple[list[str], list[str]]:
    """Every text the two views show, speak or tip in `language` (with their charts, dialogs and
    undo entries), and the texts of these that planner/ computed."""
    assert install_language(qapp, language)
    try:
        forecast = ForecastView(window.session)
        hygiene = HygieneView(window.session)
        for view in (forecast, hygiene):
            qtbot.addWidget(view)
            view.resize(1300, 850)
            view.show()
        # An open deal selected: the category button gets its menu.
        row = next(r for r, d in enumerate(forecast.deals_model._deals) if not d.level.is_closed)
        forecast.deals.setCurrentIndex(forecast.deals_proxy.index(row, 0))
        found = texts(forecast) + texts(hygiene)
        for chart_view in (forecast.target_view, forecast.funnel_view, forecast.slip_view):
            found += _chart_texts(chart_view)
        rows = hygiene.model.rows
        assert len(rows) >= 2
        for chosen in (rows[:1], rows[:2]):
            for dialog in (
                hygiene.close_date_dialog(chosen),
                hygiene.snooze_dialog(chosen),
                hygiene.walk_away_dialog(chosen),
            ):
                found += texts(dialog)
                dialog.deleteLater()
        # The undo entries, each undone again so both languages see the same plan.
        ids = [r.id for r in rows[:2]]
        for push in (
            lambda: hygiene.change_close_date(ids, TODAY + dt.timedelta(days=40)),
            lambda: hygiene.snooze(ids, TODAY + dt.timedelta(days=14), "Budget"),
            lambda: forecast.set_target(1_200_000),
            lambda: forecast.set_target(None),
            lambda: forecast.set_fiscal_year_start(4),
        ):
            assert push()
            found.append(window.stack.undoText())
            window.stack.undo()
        # Built only for their texts, outside the session: the views do not follow them.
        command = set_target_command(window.plan, fc.Quarter(2027, 2), 5.0, lambda _change: None)
        found.append(command.text())
        command.undo()
        command = set_fiscal_start_command(window.plan, 2, lambda _change: None)
        found.append(command.text())
        command.undo()
        deal = forecast.deals_model._deals[row]
        for category in (ForecastCategory.COMMIT, None):
            assert forecast.set_category(deal.id, category)
            found.append(window.stack.undoText())
            window.stack.undo()
        planner = _planner_texts(forecast, hygiene)
        return [t for t in found if t and t.strip()], planner
    finally:
        install_language(qapp, "en")


def _strip(text: str, values: list[str]) -> str:
    for value in values:
        text = text.replace(value, " ")
    return text


def _locale_words(language: str) -> set[str]:
    """Month names as QLocale writes them ('Nov', 'Okt'): the locale's, not ours."""
    locale = QLocale(language)
    found: set[str] = set()
    for month in range(1, 13):
        for kind in (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat):
            found.add(locale.monthName(month, kind).rstrip("."))
            found.add(locale.standaloneMonthName(month, kind).rstrip("."))
    return found


def test_no_english_wording_of_the_forecast_and_cleanup_tabs_is_left(
    qapp: QApplication, qtbot: QtBot, window: Window
) -> None:
    english, _ = _views_texts(qapp, qtbot, window, "en")
    german, planner = _views_texts(qapp, qtbot, window, "de")
    data = plan_values(window.plan.conn)
    # planner's sentences come out of the German texts like the plan's data (longest first).
    removed = sorted({*data, *(p.strip() for p in planner if len(p.strip()) >= 3)}, key=len, reverse=True)
    ours = [_strip(text, removed) for text in german]
    left = english_left(english, ours, data)
    left = {word: where for word, where in left.items() if word not in _locale_words("de")}
    assert left == {}, "\n".join(f"{w}: {sorted(set(t))[:2]}" for w, t in sorted(left.items()))
    # The German really is German: the window's own words, and numbers in German digits.
    assert "Prognose&kategorie" in german
    assert any("Verkaufschancen" in text for text in german)
    assert any("900.000 EUR" in text for text in german)


def test_the_charts_describe_their_numbers_in_words(qtbot: QtBot, window: Window) -> None:
    view = ForecastView(window.session)
    qtbot.addWidget(view)
    view.show()
    result = view.forecast
    assert result is not None
    target = view.target_view.accessibleDescription()
    assert target.startswith(f"By the end of Oct 2026: won {result.months[0].figures.value('won'):,.0f} EUR")
    assert target.endswith("The target of 2026Q4 is 900,000 EUR.")
    funnel = view.funnel_view.accessibleDescription()
    for level in result.levels:
        assert level.level.label in funnel
    slips = view.slip_view.accessibleDescription()
    moved = sum(week.moved for week in result.slips)
    assert slips.startswith(f"{moved} deal")
    for chart_view in (view.target_view, view.funnel_view, view.slip_view):
        assert chart_view.accessibleName()
        assert chart_view.focusPolicy() & chart_view.focusPolicy().TabFocus
    # Hovering a bar tips its month, its column and its value (cumulative to the month's end).
    series = view.target_view.chart().series()[0]
    assert isinstance(series, QAbstractBarSeries)
    won = next(s for s in series.barSets() if s.objectName() == "won")
    tip = bar_tip(series, partial(amount_tip, "EUR"), 1, won)
    assert tip == f"Nov 2026 · Won: {won.at(1) * CHART_SCALE:,.0f} EUR"
