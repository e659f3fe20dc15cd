"""The forecast view: a quarter by month against its target, funnel balance, charts, what changed."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Callable, Sequence
from functools import partial
from typing import Any

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QPointF,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor, QCursor, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from planner import forecast as fc
from planner import forecast_calls as fcalls
from planner import forecast_operations as fops
from planner.forecast import (
    COLUMNS,
    SETTABLE_CATEGORIES,
    ChangeKind,
    Comparison,
    Forecast,
    ForecastDeal,
    Month,
    Quarter,
)
from planner.i18n import QT_TRANSLATE_NOOP, plural
from planner.model import ForecastCategory
from planner.operations import Change, OperationError
from planner.pipeline_forecast import limit_facts, load_forecast_of, pipeline_deals
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanError
from ui import format as fmt
from ui import plain
from ui.actions.forecast_calls import ForecastCallActions
from ui.board.pipeline_switch import PipelineFilter
from ui.forecast_calls_view import ForecastCallsPanel
from ui.forecast_commands import set_category_command, set_fiscal_start_command, set_target_command
from ui.plain import plain_tooltip
from ui.session import EditSession
from ui.session_view import SessionView
from ui.table_model import HeadedTableModel
from ui.table_sort import SORT_ROLE, sortable

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

VALUE_ROLE = Qt.ItemDataRole.UserRole + 1  # the number behind a cell (float or int)
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 2

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# Colours of the forecast columns, from sure to hopeful (the stacked bars and the tiles agree).
COLUMN_COLOURS = {
    "won": "#2e7d32",
    "commit": "#1565c0",
    "best_case": "#64b5f6",
    "pipeline": "#b0bec5",
}
TARGET_COLOUR = "#c62828"
# The charts take the keyboard focus (their description is read then): a frame shows where it is.
CHART_FOCUS_STYLE = (
    "QChartView { border: 2px solid transparent; } QChartView:focus { border: 2px solid palette(highlight); }"
)
# The tiles' text: the bar colours, darkened where light bars would make faint text.
TILE_COLOURS = {**COLUMN_COLOURS, "best_case": "#1e88e5", "pipeline": "#546e7a"}
# The charts plot thousands of the base currency: "1,500" reads where "1500000" does not.
CHART_SCALE = 1000.0
CHART_MIN_HEIGHT = 175
# The forecast columns' names (sources of ForecastView: translated where shown, by column_label).
COLUMN_NAMES = {
    "won": QT_TRANSLATE_NOOP("ForecastView", "Won"),
    "commit": QT_TRANSLATE_NOOP("ForecastView", "Commit"),
    "best_case": QT_TRANSLATE_NOOP("ForecastView", "Best case"),
    "pipeline": QT_TRANSLATE_NOOP("ForecastView", "Pipeline"),
    "weighted": QT_TRANSLATE_NOOP("ForecastView", "Weighted"),
    "omitted": QT_TRANSLATE_NOOP("ForecastView", "Omitted"),
}
# The quarter chooser offers this many quarters before and after the current one.
QUARTERS_BACK, QUARTERS_AHEAD = 4, 4


def whole(value: float) -> str:
    """'276,000' ('276.000' in German): forecasts are read in whole units."""
    return fmt.number(round(value))


def column_label(column: str) -> str:
    """A forecast column's name in the window's language: 'Won', 'Commit', 'Best case'..."""
    return translate("ForecastView", COLUMN_NAMES[column])


def deals_text(count: int) -> str:
    """'1 deal', '3 deals' in the window's language."""
    return plural(
        count, translate("ForecastView", "{n} deal"), translate("ForecastView", "{n} deals")
    ).format(n=count)


def month_name(month: int) -> str:
    """'October' in the window's language (QLocale's names: nothing to translate)."""
    return QLocale().standaloneMonthName(month, QLocale.FormatType.LongFormat)


def month_label(month: Month) -> str:
    """'Oct 2026' ('Okt 2026' in German)."""
    short = QLocale().standaloneMonthName(month.month, QLocale.FormatType.ShortFormat)
    return translate("ForecastView", "{month} {year}").format(month=short, year=month.year)


def quarter_span(quarter: Quarter) -> str:
    """'Oct-Dec 2026' (with an en dash), or 'Nov 2026-Jan 2027' across a year end."""
    first, _, last = quarter.months
    if first.year == last.year:
        short = QLocale().standaloneMonthName
        return translate("ForecastView", "{first}–{last} {year}").format(  # noqa: RUF001 (the en dash)
            first=short(first.month, QLocale.FormatType.ShortFormat),
            last=short(last.month, QLocale.FormatType.ShortFormat),
            year=last.year,
        )
    return translate("ForecastView", "{first}–{last}").format(  # noqa: RUF001 (the en dash)
        first=month_label(first), last=month_label(last)
    )


def parse_target(text: str) -> float | None:
    """The target typed in the window's own digits ('1.200.000' in German), else as
    planner.validation reads amounts; '' -> None; ValueError with a reason otherwise."""
    return fmt.parse_amount(text)


def _fit_to_rows(table: QTableView) -> None:
    """Make a short table exactly as tall as its rows: no scroll bar, no empty band."""
    header = table.horizontalHeader()
    height = header.sizeHint().height() + table.verticalHeader().length() + 2 * table.frameWidth()
    table.setFixedHeight(height)


def _plain(parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # deal titles and reasons come from CRM files
    label.setWordWrap(True)
    return label


# ----------------------------------------------------------------------------------------------
# Models


class ForecastTableModel(QAbstractTableModel):
    """The quarter's months and its total as rows; won, commit, best case, pipeline, weighted, deals."""

    # The columns' sources: the forecast columns (ForecastView's names), then the deal count.
    HEADERS = (*(COLUMN_NAMES[c] for c in COLUMNS), QT_TRANSLATE_NOOP("ForecastTableModel", "Deals"))

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, fc.Figures]] = []

    def set_forecast(self, forecast: Forecast | None) -> None:
        self.beginResetModel()
        self._rows = []
        if forecast is not None:
            self._rows = [(month_label(m.month), m.figures) for m in forecast.months]
            quarter = translate("ForecastTableModel", "Quarter {quarter}").format(
                quarter=forecast.quarter.label
            )
            self._rows.append((quarter, forecast.total))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(COLUMNS):
            return column_label(COLUMNS[section])
        if orientation == Qt.Orientation.Horizontal and section == len(COLUMNS):
            return translate("ForecastTableModel", "Deals")
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self._rows):
            return self._rows[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        _label, figures = self._rows[index.row()]
        column = index.column()
        if column == len(COLUMNS):
            value: float | int = figures.count("weighted")
            text = str(value)
        else:
            value = figures.value(COLUMNS[column])
            text = whole(value)
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and column < len(COLUMNS):
            return translate("ForecastTableModel", "{column}: {deals}").format(
                column=column_label(COLUMNS[column]), deals=deals_text(figures.count(COLUMNS[column]))
            )
        return None


# The column headings of the comparisons planner makes (by their label), in ChangesModel's words.
SINCE = {
    "last week": QT_TRANSLATE_NOOP("ChangesModel", "Since last week"),
    "last month": QT_TRANSLATE_NOOP("ChangesModel", "Since last month"),
}


class ChangesModel(QAbstractTableModel):
    """Rows: kinds of change; columns: since last week, since last month (count · value)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._comparisons: list[Comparison] = []
        self.base_currency = ""

    def set_comparisons(self, comparisons: Sequence[Comparison], base_currency: str) -> None:
        self.beginResetModel()
        self._comparisons = list(comparisons)
        self.base_currency = base_currency
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(ChangeKind)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._comparisons)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(ChangeKind):
            return list(ChangeKind)[section].label
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._comparisons):
            comparison = self._comparisons[section]
            if comparison.label in SINCE:
                since = translate("ChangesModel", SINCE[comparison.label])
            else:
                since = translate("ChangesModel", "Since {when}").format(when=comparison.label)
            if comparison.since is None:
                return since
            return translate("ChangesModel", "{since} ({date})").format(
                since=since, date=fmt.date(comparison.since.taken_on)
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.column() >= len(self._comparisons) or index.row() >= len(ChangeKind):
            return None
        comparison = self._comparisons[index.column()]
        kind = list(ChangeKind)[index.row()]
        if role == VALUE_ROLE:
            return comparison.count(kind) if comparison.since else None
        if role == Qt.ItemDataRole.DisplayRole:
            if comparison.since is None:
                return translate("ChangesModel", "no snapshot yet")
            count = comparison.count(kind)
            if not count:
                return "—"
            return translate("ChangesModel", "{count} · {amount}").format(
                count=count, amount=fmt.amount(round(comparison.value(kind)), self.base_currency)
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if comparison.since is None:
                return fc.comparison_heading(comparison)
            line = translate("ChangesModel", "{deal}: {change}")
            lines = [line.format(deal=c.title, change=c.detail) for c in comparison.changes.get(kind, ())]
            return plain_tooltip("\n".join(lines)) or None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        return None


class ForecastDealsModel(HeadedTableModel):
    """The deals counted in the quarter, with their forecast category (the seller may set it)."""

    CONTEXT = "ForecastDealsModel"

    HEADERS = (
        QT_TRANSLATE_NOOP("ForecastDealsModel", "Deal · account"),
        QT_TRANSLATE_NOOP("ForecastDealsModel", "Stage"),
        QT_TRANSLATE_NOOP("ForecastDealsModel", "Closes"),
        QT_TRANSLATE_NOOP("ForecastDealsModel", "Amount"),
        QT_TRANSLATE_NOOP("ForecastDealsModel", "Prob."),
        QT_TRANSLATE_NOOP("ForecastDealsModel", "Forecast"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._deals: list[ForecastDeal] = []

    def set_deals(self, deals: Sequence[ForecastDeal]) -> None:
        self.beginResetModel()
        self._deals = list(deals)
        self.endResetModel()

    def deal_at(self, row: int) -> ForecastDeal | None:
        return self._deals[row] if 0 <= row < len(self._deals) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._deals)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.ToolTipRole and orientation == Qt.Orientation.Horizontal and section == 4:
            return translate("ForecastDealsModel", "Probability")
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._deals):
            return None
        deal = self._deals[index.row()]
        column = index.column()
        if role == DEAL_ID_ROLE:
            return deal.id
        if role == SORT_ROLE:
            keys: tuple[Any, ...] = (
                f"{deal.title}\n{deal.account}".casefold(),
                deal.stage.casefold(),
                deal.close_date.isoformat(),
                deal.value if deal.value is not None else float("-inf"),
                deal.probability,
                list(type(deal.category)).index(deal.category),  # the categories' own order
            )
            return keys[column]
        if role == VALUE_ROLE:
            values: tuple[Any, ...] = (
                deal.title,
                deal.stage,
                deal.close_date,
                deal.value,
                deal.probability,
                deal.category.value,
            )
            return values[column]
        if role == Qt.ItemDataRole.DisplayRole:
            texts = (
                translate("ForecastDealsModel", "{deal} · {account}").format(
                    deal=deal.title, account=deal.account
                )
                if deal.account
                else deal.title,
                deal.stage,
                fmt.date(deal.close_date),
                fmt.amount(deal.amount, deal.currency),
                translate("ForecastDealsModel", "{percent} %").format(percent=deal.probability),
                translate("ForecastDealsModel", "{category} (yours)").format(category=deal.category.label)
                if deal.chosen
                else deal.category.label,
            )
            return texts[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self._tooltip(deal, index))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4):
            return _RIGHT
        return None

    def _tooltip(self, deal: ForecastDeal, index: Index) -> str:
        column = index.column()
        if column == 5:
            if deal.level.is_closed:
                return translate("ForecastDealsModel", "{category}: the deal was won").format(
                    category=deal.category.label
                )
            if deal.chosen:
                how = translate("ForecastDealsModel", "{category}, set by you. Right-click to change it.")
            else:
                how = translate(
                    "ForecastDealsModel",
                    "{category}, from the stage ({stage}). Right-click to change it.",
                )
            return how.format(category=deal.category.label, stage=deal.stage)
        if column == 0 and deal.account:
            return f"{deal.title}\n{deal.account}"
        return str(self.data(index))


# ----------------------------------------------------------------------------------------------
# Charts (also rendered to PNG for the review pack)


def target_chart(forecast: Forecast) -> QChart:
    """Won, commit, best case, pipeline stacked by month, cumulative to each month's end, and
    the quarter's target as a line: where the last bar's top meets the line, the target is met."""
    chart = _chart()
    chart.setTitle(
        translate("ForecastView", "{quarter}: cumulative by month end, against the target").format(
            quarter=forecast.quarter.label
        )
    )
    series = QStackedBarSeries()
    running = dict.fromkeys(COLUMN_COLOURS, 0.0)
    values: dict[str, list[float]] = {column: [] for column in COLUMN_COLOURS}
    for month in forecast.months:
        for column in COLUMN_COLOURS:
            running[column] += month.figures.value(column)
            values[column].append(running[column] / CHART_SCALE)
    for column, colour in COLUMN_COLOURS.items():
        bar_set = QBarSet(column_label(column))
        bar_set.setObjectName(column)
        bar_set.append(values[column])
        bar_set.setColor(QColor(colour))
        bar_set.setBorderColor(QColor(colour))
        series.append(bar_set)
    chart.addSeries(series)
    categories = [month_label(m.month) for m in forecast.months]
    axis_x = QBarCategoryAxis()
    axis_x.append(categories)
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(_thousands(forecast.base_currency))
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    top = max((sum(values[c][i] for c in values) for i in range(len(categories))), default=0.0)
    if forecast.target is not None:
        line = QLineSeries()
        line.setName(translate("ForecastView", "Target {amount}").format(amount=whole(forecast.target)))
        line.setObjectName("target")
        line.setPen(QPen(QColor(TARGET_COLOUR), 2.5, Qt.PenStyle.DashLine))
        # Category i sits at x = i; the line spans the whole plot, half a category either side.
        line.append(QPointF(-0.5, forecast.target / CHART_SCALE))
        line.append(QPointF(len(categories) - 0.5, forecast.target / CHART_SCALE))
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
        top = max(top, forecast.target / CHART_SCALE)
    axis_y.setRange(0, _nice_top(top))
    axis_y.applyNiceNumbers()
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def funnel_chart(forecast: Forecast) -> QChart:
    """The open deals of each funnel level: value as bars, the count in the level's label."""
    chart = _chart()
    chart.setTitle(translate("ForecastView", "The funnel by level (open deals, any close date)"))
    series = QHorizontalBarSeries()
    bar_set = QBarSet(
        translate("ForecastView", "Value ({unit})").format(unit=_thousands(forecast.base_currency))
    )
    bar_set.setObjectName("value")
    # Top of the funnel at the top: a horizontal bar chart draws its first category at the bottom.
    levels = list(reversed(forecast.levels))
    bar_set.append([level.totals.amount / CHART_SCALE for level in levels])
    bar_set.setColor(QColor(COLUMN_COLOURS["commit"]))
    series.append(bar_set)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    # Count and value in the label: bar labels would print raw floats.
    label = translate("ForecastView", "{level} · {deals} · {amount}")
    axis_y.append(
        [
            label.format(
                level=level.level.label,
                deals=deals_text(level.totals.count),
                amount=fmt.amount(round(level.totals.amount), forecast.base_currency),
            )
            for level in levels
        ]
    )
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%.0f")
    axis_x.setTitleText(_thousands(forecast.base_currency))
    axis_x.setRange(0, _nice_top(max((level.totals.amount / CHART_SCALE for level in levels), default=0.0)))
    axis_x.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    chart.legend().hide()
    return chart


def slip_chart(forecast: Forecast) -> QChart:
    """Per week, the deals whose close date moved out of the quarter."""
    chart = _chart()
    chart.setTitle(
        translate("ForecastView", "Deals whose close date moved out of {quarter}, by week").format(
            quarter=forecast.quarter.label
        )
    )
    series = QBarSeries()
    bar_set = QBarSet(translate("ForecastView", "Deals moved out"))
    bar_set.setObjectName("moved")
    bar_set.append([float(week.moved) for week in forecast.slips])
    bar_set.setColor(QColor(TARGET_COLOUR))
    series.append(bar_set)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([_day_month(week.week) for week in forecast.slips])
    axis_x.setTitleText(translate("ForecastView", "Week starting"))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%d")
    axis_y.setRange(0, max(4, max((week.moved for week in forecast.slips), default=0) + 1))
    axis_y.setTickCount(5)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    chart.legend().hide()
    return chart


def _nice_top(value: float) -> float:
    return value * 1.1 if value > 0 else 1.0


def _chart() -> QChart:
    """A chart whose axis numbers follow the window's locale ('1,500' in English, '1.500' in German)."""
    chart = QChart()
    chart.setLocale(QLocale())
    chart.setLocalizeNumbers(True)
    return chart


def _thousands(currency: str) -> str:
    return translate("ForecastView", "thousand {currency}").format(currency=currency)


def _day_month(day: dt.date) -> str:
    """'19 Nov' ('19. Nov.' in German): the pattern is a translatable source of Qt's date letters."""
    return QLocale().toString(QDate(day.year, day.month, day.day), translate("ForecastView", "d MMM"))


# What the charts show, in words: their accessible descriptions (a screen reader reads no bars).


def target_chart_description(forecast: Forecast) -> str:
    """Each month's cumulative won, commit, best case and pipeline, and the target, in sentences."""
    base = forecast.base_currency
    running = dict.fromkeys(COLUMN_COLOURS, 0.0)
    sentences = []
    for month in forecast.months:
        for column in COLUMN_COLOURS:
            running[column] += month.figures.value(column)
        sentences.append(
            translate(
                "ForecastView",
                "By the end of {month}: won {won}, commit {commit}, best case {best_case}, "
                "pipeline {pipeline}.",
            ).format(
                month=month_label(month.month),
                **{column: fmt.amount(round(value), base) for column, value in running.items()},
            )
        )
    if forecast.target is None:
        sentences.append(
            translate("ForecastView", "No target is set for {quarter}.").format(
                quarter=forecast.quarter.label
            )
        )
    else:
        sentences.append(
            translate("ForecastView", "The target of {quarter} is {amount}.").format(
                quarter=forecast.quarter.label, amount=fmt.amount(round(forecast.target), base)
            )
        )
    return " ".join(sentences)


def funnel_chart_description(forecast: Forecast) -> str:
    """Each funnel level's open deals and their value, in sentences."""
    sentence = translate("ForecastView", "{level}: {deals} worth {amount}.")
    return " ".join(
        sentence.format(
            level=level.level.label,
            deals=deals_text(level.totals.count),
            amount=fmt.amount(round(level.totals.amount), forecast.base_currency),
        )
        for level in forecast.levels
    )


def slip_chart_description(forecast: Forecast) -> str:
    """How many deals moved out of the quarter, and in which weeks, in sentences."""
    total = sum(week.moved for week in forecast.slips)
    weeks = len(forecast.slips)
    first = plural(
        total,
        translate("ForecastView", "{n} deal moved out of {quarter} in these {weeks} weeks."),
        translate("ForecastView", "{n} deals moved out of {quarter} in these {weeks} weeks."),
    ).format(n=total, quarter=forecast.quarter.label, weeks=weeks)
    sentence = translate("ForecastView", "Week starting {date}: {deals}.")
    return " ".join(
        [first]
        + [
            sentence.format(date=_day_month(week.week), deals=deals_text(week.moved))
            for week in forecast.slips
            if week.moved
        ]
    )


def amount_tip(currency: str, value: float) -> str:
    """A bar's value (thousands of `currency`) as an amount."""
    return fmt.amount(round(value * CHART_SCALE), currency)


def deals_tip(value: float) -> str:
    """A bar's value (a count of deals) in words."""
    return deals_text(round(value))


def _connect_bar_tips(chart: QChart, value_text: Callable[[float], str]) -> None:
    """A tooltip on the bar under the mouse: its category, its set and its value in words."""
    for series in chart.series():
        if isinstance(series, QAbstractBarSeries):
            series.hovered.connect(partial(_show_bar_tip, series, value_text))


def _show_bar_tip(
    series: QAbstractBarSeries, value_text: Callable[[float], str], status: bool, index: int, bar_set: QBarSet
) -> None:
    if status:
        QToolTip.showText(QCursor.pos(), plain_tooltip(bar_tip(series, value_text, index, bar_set)))
    else:
        QToolTip.hideText()


def bar_tip(
    series: QAbstractBarSeries, value_text: Callable[[float], str], index: int, bar_set: QBarSet
) -> str:
    """'Nov 2026 · Won: 253,880 EUR': the bar's category, its set and its value."""
    categories = [axis.categories() for axis in series.attachedAxes() if isinstance(axis, QBarCategoryAxis)]
    category = categories[0][index] if categories and 0 <= index < len(categories[0]) else ""
    return translate("ForecastView", "{category} · {series}: {value}").format(
        category=category, series=bar_set.label(), value=value_text(bar_set.at(index))
    )


# ----------------------------------------------------------------------------------------------
# The forecast category menu (cards, the detail panel, the deals table of this view)


def category_menu(
    parent: QWidget,
    current: ForecastCategory | None,
    default: ForecastCategory,
    choose: Callable[[ForecastCategory | None], object],
) -> QMenu:
    """'Forecast category' with the stage's default and the four a seller may choose; ticks the current."""
    menu = QMenu(translate("ForecastView", "Forecast &category"), parent)
    stage_action = menu.addAction(
        translate("ForecastView", "From the stage ({category})").format(category=default.label)
    )
    stage_action.setCheckable(True)
    stage_action.setChecked(current is None)
    stage_action.triggered.connect(lambda _checked=False: choose(None))
    menu.addSeparator()
    for category in SETTABLE_CATEGORIES:
        action = menu.addAction(category.label)
        action.setCheckable(True)
        action.setChecked(current is category)
        action.triggered.connect(lambda _checked=False, chosen=category: choose(chosen))
    return menu


def forecast_category_menu(parent: QWidget, session: EditSession, opportunity_id: int) -> QMenu | None:
    """The category menu of one open deal, written through the session (undoable); None for closed deals.

    For the card's context menu and the detail panel: `menu.addMenu(forecast_category_menu(...))`.
    """
    plan = session.plan
    deal = opportunity_repo.get_opportunity(plan, opportunity_id)
    stage = stage_repo.get_stage(plan, deal.stage_id) if deal is not None else None
    if deal is None or stage is None or stage.is_closed:
        return None

    def choose(category: ForecastCategory | None) -> bool:
        return session.push(
            lambda: set_category_command(plan, opportunity_id, deal.title, category, session.apply_change),
            translate("ForecastView", "The forecast category was not saved"),
        )

    current = fc.effective_category(stage.level, deal.forecast_category) if deal.forecast_category else None
    return category_menu(parent, current, fc.default_category(stage.level), choose)


# ----------------------------------------------------------------------------------------------
# The view


class ForecastView(SessionView):
    """Choose a quarter; see its months, target, gap, coverage, funnel balance, charts and changes."""

    opportunity_opened = Signal(int)

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        plan = self.plan
        self.today = session.clock.today
        self.forecast: Forecast | None = None
        self.comparisons: tuple[Comparison, ...] = ()
        self._start_month = fops.fiscal_year_start_month(plan)
        self._quarter = fc.quarter_of(self.today(), self._start_month)

        # Top bar: the quarter, the fiscal year, the target, a snapshot.
        self.quarter_combo = QComboBox(self)
        self.quarter_combo.setAccessibleName(translate("ForecastView", "Quarter"))
        self.quarter_combo.setMinimumContentsLength(22)
        self.year_start_combo = QComboBox(self)
        self.year_start_combo.setAccessibleName(translate("ForecastView", "Fiscal year starts in"))
        self.year_start_combo.addItems([month_name(month) for month in range(1, 13)])
        self.year_start_combo.setCurrentIndex(self._start_month - 1)
        self.year_start_combo.setToolTip(
            translate("ForecastView", "Quarters count from this month; January gives calendar quarters.")
        )
        self.target_edit = QLineEdit(self)
        self.target_edit.setAccessibleName(translate("ForecastView", "Target of the quarter"))
        self.target_edit.setPlaceholderText(translate("ForecastView", "none set"))
        self.target_edit.setMaximumWidth(140)
        self.target_edit.setToolTip(
            translate(
                "ForecastView", "The quarter's target in the base currency; empty: no target. Enter saves."
            )
        )
        self.target_currency = _plain(self)
        self.snapshot_button = QPushButton(translate("ForecastView", "Take &snapshot now"), self)
        self.snapshot_button.setToolTip(
            translate(
                "ForecastView",
                "Record today's funnel now, to compare with later. The planner also takes one in each "
                "week the plan is used. Snapshots are records, not edits: undo does not remove them.",
            )
        )
        # Two rows: in one the window could not be narrower than 1,300 pixels with a dock open
        # (the chooser row needs 700, the target and buttons 400 more).
        top = QHBoxLayout()
        target = QHBoxLayout()
        quarter_label = QLabel(translate("ForecastView", "&Quarter:"), self)
        quarter_label.setBuddy(self.quarter_combo)
        top.addWidget(quarter_label)
        top.addWidget(self.quarter_combo)
        top.addSpacing(12)
        year_label = QLabel(translate("ForecastView", "Fiscal &year starts in"), self)
        year_label.setBuddy(self.year_start_combo)
        top.addWidget(year_label)
        top.addWidget(self.year_start_combo)
        self.pipeline_filter = PipelineFilter(self.plan, self)
        self.pipeline_filter.pipeline_changed.connect(self.refresh)
        top.addWidget(self.pipeline_filter)
        top.addStretch(1)
        self.target_label = QLabel(translate("ForecastView", "&Target:"), self)
        self.target_label.setBuddy(self.target_edit)
        target.addWidget(self.target_label)
        target.addWidget(self.target_edit)
        target.addWidget(self.target_currency)
        target.addStretch(1)
        self.call_button = QPushButton(translate("ForecastView", "Record forecast &call…"), self)
        self.call_button.setToolTip(
            translate(
                "ForecastView",
                "Your Commit and Best Case for this quarter and the next, proposed from the deals'"
                " categories (undoable)",
            )
        )
        self.call_actions = ForecastCallActions(session, self)
        target.addWidget(self.call_button)
        target.addWidget(self.snapshot_button)

        # Tiles: the numbers a seller reads first.
        self.tiles: dict[str, QLabel] = {}
        # Each tile is its figure over its caption; they are laid out again in two rows when one
        # row is wider than the tab (German figures are longer: "553 Tsd. EUR").
        self.tile_pairs: list[tuple[QLabel, QLabel]] = []
        self.tiles_per_row = 0
        tiles = QGridLayout()
        tiles.setHorizontalSpacing(14)
        self.tiles_grid = tiles
        names = (
            *((column, column_label(column)) for column in COLUMNS),
            ("target", translate("ForecastView", "Target")),
            ("gap", translate("ForecastView", "Gap after won + commit")),
            ("coverage", translate("ForecastView", "Coverage")),
        )
        for key, caption in names:
            value = QLabel(self)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setAccessibleName(caption)
            value.setStyleSheet(
                f"font-size: 15pt; font-weight: 600; color: {TILE_COLOURS.get(key, '#263238')};"
            )
            # The row's width is chosen by _lay_out_tiles, never forced on the window.
            value.setMinimumWidth(1)
            self.tiles[key] = value
            caption_label = QLabel(caption, self)
            caption_label.setStyleSheet("color: #546e7a;")
            # Long captions (German) wrap under their figure instead of widening the window.
            caption_label.setWordWrap(True)
            self.tile_pairs.append((value, caption_label))
        self._lay_out_tiles(len(self.tile_pairs))
        self.notes = _plain(self)
        self.notes.setAccessibleName(translate("ForecastView", "Forecast notes"))

        # Left: the months, the funnel balance, what changed.
        self.table_model = ForecastTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.table_model)
        self.table.setAccessibleName(translate("ForecastView", "Forecast by month"))
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        row_height = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(row_height)

        self.balance_box = QGroupBox(translate("ForecastView", "Funnel balance"), self)
        self.balance_layout = QVBoxLayout(self.balance_box)
        self.conversion_label = _plain(self.balance_box)
        self.conversion_label.setStyleSheet("color: #546e7a;")
        self.balance_labels: list[QLabel] = []
        self.changes_model = ChangesModel(self)
        self.changes = QTableView(self)
        self.changes.setModel(self.changes_model)
        self.changes.setAccessibleName(translate("ForecastView", "What changed"))
        self.changes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.changes.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.changes.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.changes.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.changes.verticalHeader().setDefaultSectionSize(row_height)
        self.changes.setToolTip(translate("ForecastView", "Hover over a number to see the deals"))
        changes_box = QGroupBox(translate("ForecastView", "What changed (from the weekly snapshots)"), self)
        QVBoxLayout(changes_box).addWidget(self.changes)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.balance_box)
        left_layout.addWidget(changes_box)
        left_layout.addStretch(1)
        # The months, the balance and the changes are taller than a laptop screen leaves them:
        # they scroll, instead of making the window taller than the screen.
        left_scroll = QScrollArea(self)
        left_scroll.setWidgetResizable(True)
        left_scroll.setFrameShape(QFrame.Shape.NoFrame)
        left_scroll.setWidget(left)

        # Right: the charts, and the deals of the quarter with their categories.
        self.charts = QTabWidget(self)
        self.charts.setAccessibleName(translate("ForecastView", "Charts"))
        self.target_view = QChartView(self)
        self.funnel_view = QChartView(self)
        self.slip_view = QChartView(self)
        for view, title in (
            (self.target_view, translate("ForecastView", "Quarter against target")),
            (self.funnel_view, translate("ForecastView", "Funnel by level")),
            (self.slip_view, translate("ForecastView", "Slip trend")),
        ):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            # Low enough that the Forecast tab, with its sections, fits a 1280x720 screen.
            view.setMinimumHeight(CHART_MIN_HEIGHT)
            view.setAccessibleName(title)
            # Reachable with Tab, so a screen reader reads its description; the frame shows the focus.
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            view.setStyleSheet(CHART_FOCUS_STYLE)
            self.charts.addTab(view, title)
        self.deals_model = ForecastDealsModel(self)
        self.deals = QTableView(self)
        self.deals_proxy = sortable(self.deals, self.deals_model)
        self.deals.setAccessibleName(translate("ForecastView", "Deals in the quarter"))
        self.deals.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.deals.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.deals.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.deals.verticalHeader().hide()
        self.deals.setWordWrap(False)
        header = self.deals.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the deal takes what is left
        self.category_button = QToolButton(self)
        self.category_button.setText(translate("ForecastView", "Forecast category"))
        self.category_button.setToolTip(
            translate("ForecastView", "Set the selected deal's forecast category (undoable)")
        )
        self.category_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.deals_title = _plain(self)
        deals_bar = QHBoxLayout()
        deals_bar.addWidget(self.deals_title, 1)
        deals_bar.addWidget(self.category_button)
        deals_box = QWidget(self)
        deals_layout = QVBoxLayout(deals_box)
        deals_layout.setContentsMargins(0, 0, 0, 0)
        deals_layout.addLayout(deals_bar)
        deals_layout.addWidget(self.deals, 1)
        right = QSplitter(Qt.Orientation.Vertical, self)
        right.addWidget(self.charts)
        right.addWidget(deals_box)
        right.setStretchFactor(0, 3)
        right.setStretchFactor(1, 2)

        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(left_scroll)
        split.addWidget(right)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 6)
        rule = QFrame(self)
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Sunken)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(target)
        layout.addLayout(tiles)
        layout.addWidget(self.notes)
        layout.addWidget(rule)
        # The quarter's figures, and the seller's calls on it with their accuracy (full width: a
        # week per row beside the chart).
        self.calls_panel = ForecastCallsPanel(self)
        self.sections = QTabWidget(self)
        self.sections.setDocumentMode(True)
        self.sections.setAccessibleName(translate("ForecastView", "Forecast sections"))
        self.sections.addTab(split, translate("ForecastView", "The quarter"))
        self.sections.addTab(self.calls_panel, translate("ForecastView", "Forecast calls and accuracy"))
        layout.addWidget(self.sections, 1)

        self._fill_quarters()
        self.quarter_combo.currentIndexChanged.connect(self._on_quarter_combo_current_index_changed)
        self.year_start_combo.activated.connect(self._on_year_start_combo_activated)
        self.target_edit.editingFinished.connect(self._on_target_edit_editing_finished)
        self.snapshot_button.clicked.connect(self._on_snapshot_button_clicked)
        self.call_button.clicked.connect(self.call_actions.record_call)
        self.deals.customContextMenuRequested.connect(self._on_deals_custom_context_menu_requested)
        self.deals.doubleClicked.connect(self._on_deals_double_clicked)
        self.deals.selectionModel().currentRowChanged.connect(self._on_deals_current_row_changed)
        self._update_category_button()
        if session.read_only_reason is not None:
            self.set_read_only(session.read_only_reason)

    # Refreshing ---------------------------------------------------------------------------
    @property
    def quarter(self) -> Quarter:
        return self._quarter

    def refresh(self) -> None:
        """Read the plan again and show the chosen quarter."""
        self._dirty = False
        today = self.today()
        start_month = fops.fiscal_year_start_month(self.plan)
        if start_month != self._start_month:
            # Keep the months on screen: the quarter they fall in under the new fiscal year.
            self._start_month = start_month
            self._quarter = fc.quarter_of(self._quarter.start, start_month)
            self.year_start_combo.setCurrentIndex(start_month - 1)
            self._fill_quarters()
        self.pipeline_filter.reload()
        deal_ids = pipeline_deals(self.plan, self.pipeline_filter.chosen())
        facts = fc.load_plan_facts(self.plan)
        result = load_forecast_of(self.plan, self._quarter, today, facts, deal_ids)
        # Calls are the seller's word on the whole plan: every pipeline, whatever the filter.
        calls = fcalls.accuracy(self.plan, self._quarter, today, facts)
        facts = limit_facts(facts, deal_ids) if deal_ids is not None else facts
        self.forecast = result
        self.comparisons = fc.comparisons(self.plan, facts, today)
        base = result.base_currency
        self.table_model.set_forecast(result)
        _fit_to_rows(self.table)
        self.changes_model.set_comparisons(self.comparisons, base)
        _fit_to_rows(self.changes)
        self.deals_model.set_deals(result.deals)
        self.deals_title.setText(
            plural(
                len(result.deals),
                translate(
                    "ForecastView",
                    "{n} deal counted in {quarter} (right-click a deal to set its forecast category)",
                ),
                translate(
                    "ForecastView",
                    "{n} deals counted in {quarter} (right-click a deal to set its forecast category)",
                ),
            ).format(n=len(result.deals), quarter=result.quarter.label)
        )
        self._show_tiles(result)
        self.notes.setText("\n".join(fc.summary_lines(result)))
        self.target_edit.setText("" if result.target is None else whole(result.target))
        self.target_currency.setText(base)
        self._show_balance(result)
        amounts = partial(amount_tip, base)
        for view, chart, description, tip in (
            (self.target_view, target_chart(result), target_chart_description(result), amounts),
            (self.funnel_view, funnel_chart(result), funnel_chart_description(result), amounts),
            (self.slip_view, slip_chart(result), slip_chart_description(result), deals_tip),
        ):
            old = view.chart()
            view.setChart(chart)
            view.setAccessibleDescription(description)
            _connect_bar_tips(chart, tip)
            if old is not None:
                old.deleteLater()
        self.calls_panel.show_accuracy(calls, result.target)
        self._update_category_button()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_tiles()

    def _fit_tiles(self) -> None:
        """All tiles in one row when they fit the tab's width, else in two (or more) rows."""
        count = len(self.tile_pairs)
        layout = self.layout()
        margins = layout.contentsMargins().left() + layout.contentsMargins().right() if layout else 0
        room = self.width() - margins
        spacing = self.tiles_grid.horizontalSpacing()
        per_row = count
        while per_row > 1:
            widths = [0] * per_row
            for n, (value, caption) in enumerate(self.tile_pairs):
                hint = max(value.sizeHint().width(), caption.minimumSizeHint().width())
                widths[n % per_row] = max(widths[n % per_row], hint)
            if sum(widths) + spacing * (per_row - 1) <= room:
                break
            per_row = (per_row + 1) // 2
        self._lay_out_tiles(per_row)

    def _lay_out_tiles(self, per_row: int) -> None:
        if per_row == self.tiles_per_row:
            return
        grid = self.tiles_grid
        for value, caption in self.tile_pairs:
            grid.removeWidget(value)
            grid.removeWidget(caption)
        for column in range(len(self.tile_pairs) + 1):
            grid.setColumnStretch(column, 0)
        for n, (value, caption) in enumerate(self.tile_pairs):
            row, column = 2 * (n // per_row), n % per_row
            grid.addWidget(value, row, column)
            grid.addWidget(caption, row + 1, column)
        grid.setColumnStretch(per_row, 1)
        self.tiles_per_row = per_row

    def _show_tiles(self, result: Forecast) -> None:
        base = result.base_currency
        for column in COLUMNS:
            self.tiles[column].setText(fmt.short_amount(result.total.value(column), base))
        self.tiles["target"].setText(
            translate("ForecastView", "none")
            if result.target is None
            else fmt.short_amount(result.target, base)
        )
        gap = result.gap
        if gap is None:
            self.tiles["gap"].setText("—")
        elif gap > 0:
            self.tiles["gap"].setText(fmt.short_amount(gap, base))
        else:
            self.tiles["gap"].setText(
                translate("ForecastView", "ahead by {amount}").format(amount=fmt.short_amount(-gap, base))
            )
        coverage = result.coverage
        if result.target is None:
            self.tiles["coverage"].setText("—")
        elif coverage is None:
            self.tiles["coverage"].setText(translate("ForecastView", "target won"))
        else:
            self.tiles["coverage"].setText(
                translate("ForecastView", "{ratio} x").format(ratio=fmt.number(coverage, 1))
            )
        self.tiles["coverage"].setToolTip(
            translate(
                "ForecastView",
                "Open pipeline (commit + best case + pipeline closing this quarter) ÷ target still to win",
            )
        )
        self._fit_tiles()  # longer figures may need two rows

    def _show_balance(self, result: Forecast) -> None:
        for label in self.balance_labels:
            self.balance_layout.removeWidget(label)
            label.deleteLater()
        self.balance_layout.removeWidget(self.conversion_label)
        self.balance_labels = []
        warning = translate("ForecastView", "⚠ {title}: {message}")
        texts = [warning.format(title=d.title, message=d.message) for d in result.diagnostics] or [
            translate("ForecastView", "No warning: the top, the middle and the Best Few look balanced.")
        ]
        for text in texts:
            label = _plain(self.balance_box, text)
            self.balance_layout.addWidget(label)
            self.balance_labels.append(label)
        self.conversion_label.setText(
            translate("ForecastView", "Conversion from Above the Funnel to won: {conversion}").format(
                conversion=result.conversion.describe()
            )
        )
        self.balance_layout.addWidget(self.conversion_label)

    def _fill_quarters(self) -> None:
        current = fc.quarter_of(self.today(), self._start_month)
        quarters = [current.shifted(n) for n in range(-QUARTERS_BACK, QUARTERS_AHEAD + 1)]
        if self._quarter not in quarters:
            quarters.append(self._quarter)
            quarters.sort()
        self.quarter_combo.blockSignals(True)
        self.quarter_combo.clear()
        for quarter in quarters:
            if quarter == current:
                text = translate("ForecastView", "{quarter} · {span} (now)")
            else:
                text = translate("ForecastView", "{quarter} · {span}")
            self.quarter_combo.addItem(
                text.format(quarter=quarter.label, span=quarter_span(quarter)), quarter.label
            )
        self.quarter_combo.setCurrentIndex(quarters.index(self._quarter))
        self.quarter_combo.blockSignals(False)

    # Edits -------------------------------------------------------------------------------
    def _apply(self, change: Change) -> None:
        # Undo and redo from the window's Edit menu come through here too; this view refreshes
        # once, from the session's `changed` (_on_session_changed), as for any other edit.
        self.session.apply_change(change, self)

    def set_read_only(self, reason: str | None) -> None:
        """Stop offering edits (None offers them again)."""
        self.read_only_reason = reason
        for widget in (self.target_edit, self.year_start_combo, self.snapshot_button, self.call_button):
            widget.setEnabled(reason is None)
        self._update_category_button()

    def set_target(self, amount: float | None) -> bool:
        """Set (None: clear) the chosen quarter's target (undoable)."""
        quarter = self._quarter
        return self.push(
            lambda: set_target_command(self.plan, quarter, amount, self._apply),
            translate("ForecastView", "The target was not saved"),
        )

    def set_fiscal_year_start(self, month: int) -> bool:
        """Set the month the fiscal year starts in (undoable)."""
        return self.push(
            lambda: set_fiscal_start_command(self.plan, month, self._apply),
            translate("ForecastView", "The fiscal year was not changed"),
        )

    def set_category(self, opportunity_id: int, category: ForecastCategory | None) -> bool:
        """Set a deal's forecast category, None for the stage's default (undoable)."""
        deal = opportunity_repo.get_opportunity(self.plan, opportunity_id)
        title = deal.title if deal else str(opportunity_id)
        return self.push(
            lambda: set_category_command(self.plan, opportunity_id, title, category, self._apply),
            translate("ForecastView", "The forecast category was not saved"),
        )

    def take_snapshot(self) -> bool:
        """Record today's funnel now (replacing one taken earlier today)."""
        try:
            fops.take_snapshot(self.plan, self.today())
        except (OperationError, PlanError, sqlite3.Error, OSError) as exc:
            if self.plan.conn.in_transaction:
                self.plan.conn.rollback()
            plain.warning(self, translate("ForecastView", "The snapshot was not taken"), str(exc))
            return False
        self.refresh()
        return True

    def selected_deal(self) -> ForecastDeal | None:
        index = self.deals_proxy.mapToSource(self.deals.currentIndex())
        return self.deals_model.deal_at(index.row()) if index.isValid() else None

    def _deal_menu(self, deal: ForecastDeal) -> QMenu | None:
        if deal.level.is_closed or self.read_only_reason is not None:
            return None
        stored = opportunity_repo.get_opportunity(self.plan, deal.id)
        current = stored.forecast_category if stored is not None and deal.chosen else None
        return category_menu(
            self,
            current,
            fc.default_category(deal.level),
            lambda category: self.set_category(deal.id, category),
        )

    def _update_category_button(self) -> None:
        deal = self.selected_deal()
        menu = self._deal_menu(deal) if deal is not None else None
        old = self.category_button.menu()
        self.category_button.setMenu(menu)  # type: ignore[arg-type]  # None removes the menu
        if old is not None:
            old.deleteLater()
        self.category_button.setEnabled(menu is not None)

    # Slots -------------------------------------------------------------------------------
    @Slot(int)
    def _on_quarter_combo_current_index_changed(self, index: int) -> None:
        label = self.quarter_combo.itemData(index)
        if isinstance(label, str):
            self._quarter = fc.parse_quarter(label, self._start_month)
            self.refresh()

    @Slot(int)
    def _on_year_start_combo_activated(self, index: int) -> None:
        if index + 1 != self._start_month and not self.set_fiscal_year_start(index + 1):
            self.year_start_combo.setCurrentIndex(self._start_month - 1)

    @Slot()
    def _on_target_edit_editing_finished(self) -> None:
        if self.forecast is None:
            return
        text = self.target_edit.text()
        try:
            amount = parse_target(text)
        except ValueError as exc:
            plain.warning(self, translate("ForecastView", "The target was not saved"), str(exc))  # quotes it
            self.target_edit.setText("" if self.forecast.target is None else whole(self.forecast.target))
            return
        if amount != self.forecast.target:
            self.set_target(amount)

    @Slot()
    def _on_snapshot_button_clicked(self) -> None:
        self.take_snapshot()

    @Slot(QPoint)
    def _on_deals_custom_context_menu_requested(self, pos: QPoint) -> None:
        index = self.deals_proxy.mapToSource(self.deals.indexAt(pos))
        deal = self.deals_model.deal_at(index.row()) if index.isValid() else None
        menu = self._deal_menu(deal) if deal is not None else None
        if menu is not None:
            menu.exec(self.deals.viewport().mapToGlobal(pos))
            menu.deleteLater()

    @Slot(QModelIndex)
    def _on_deals_double_clicked(self, index: QModelIndex) -> None:
        deal = self.deals_model.deal_at(self.deals_proxy.mapToSource(index).row())
        if deal is not None:
            self.opportunity_opened.emit(deal.id)

    @Slot(QModelIndex, QModelIndex)
    def _on_deals_current_row_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._update_category_button()
