"""The Forecast tab's calls: the quarter's call history as a line against what was won, and its
accuracy week by week with the deals that made the difference (docs/forecast-calls.md)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCharts import QChart, QChartView, QDateTimeAxis, QLineSeries, QValueAxis
from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    QTime,
    Slot,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.forecast_calls import Accuracy, Difference, WeekAccuracy
from planner.i18n import QT_TRANSLATE_NOOP
from ui import format as fmt
from ui.table_model import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
COMMIT_COLOUR = "#1565c0"
BEST_CASE_COLOUR = "#64b5f6"
WON_COLOUR = "#2e7d32"
TARGET_COLOUR = "#c62828"
CHART_SCALE = 1000.0  # thousands of the base currency, as the other forecast charts


def _money(value: float | None, currency: str) -> str:
    return "—" if value is None else fmt.amount(round(value), currency)


def _number(value: float) -> str:
    return fmt.number(round(value))


def _signed(value: float | None, currency: str) -> str:
    """'+40,000 EUR', '-5,000 EUR'; without a currency, the bare number."""
    if value is None:
        return "—"
    sign = "+" if round(value) > 0 else ""
    return sign + (fmt.amount(round(value), currency) if currency else _number(value))


def _percent(value: float | None) -> str:
    return (
        "—"
        if value is None
        else translate("ForecastCallsView", "{percent} %").format(percent=fmt.number(value, 1))
    )


class AccuracyModel(HeadedTableModel):
    """One row per week of the quarter: its last call against the quarter's won amount."""

    CONTEXT = "AccuracyModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("AccuracyModel", "Week of"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Last call"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Commit"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Best Case"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won - Commit"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won ÷ Commit"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won ÷ Best Case"),
    )
    TIPS = (
        QT_TRANSLATE_NOOP("AccuracyModel", "The week, Monday to Sunday, that holds a day of the quarter"),
        QT_TRANSLATE_NOOP("AccuracyModel", "The day of the last call recorded for the quarter in that week"),
        QT_TRANSLATE_NOOP("AccuracyModel", "What that call said would be won by the quarter's end, for sure"),
        QT_TRANSLATE_NOOP("AccuracyModel", "What that call said could be won if things go well"),
        QT_TRANSLATE_NOOP(
            "AccuracyModel",
            "Won in the quarter: final once it has ended, so far before (as the Forecast tab counts it)",
        ),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won - called Commit: below zero, less was won than committed"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won ÷ called Commit x 100: 100 % is a call that came true"),
        QT_TRANSLATE_NOOP("AccuracyModel", "Won ÷ called Best Case x 100"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.weeks: tuple[WeekAccuracy, ...] = ()
        self.currency = ""

    def set_accuracy(self, accuracy: Accuracy) -> None:
        self.beginResetModel()
        self.weeks = accuracy.weeks
        self.currency = accuracy.currency
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.weeks)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.TIPS)
        ):
            return translate(self.CONTEXT, self.TIPS[section])
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.weeks):
            return None
        week, column = self.weeks[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return _RIGHT
        if role == Qt.ItemDataRole.ToolTipRole and 0 <= column < len(self.TIPS):
            return translate(self.CONTEXT, self.TIPS[column])
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        call = week.call
        if column == 0:
            return fmt.date(week.week)
        if call is None:
            return translate("AccuracyModel", "no call") if column == 1 else ""
        # Bare numbers: the heading names the currency, and eight columns fit beside the chart.
        values = (
            fmt.date(call.called_on),
            _number(call.commit),
            _number(call.best_case),
            _number(week.won),
            _signed(week.commit_difference, ""),
            _percent(week.commit_percent),
            _percent(week.best_case_percent),
        )
        return values[column - 1] if 1 <= column <= len(values) else None


class DifferencesModel(HeadedTableModel):
    """The deals that made the won amount differ from one call."""

    CONTEXT = "DifferencesModel"
    HEADERS = (
        QT_TRANSLATE_NOOP("DifferencesModel", "Why"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Deal"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Account"),
        QT_TRANSLATE_NOOP("DifferencesModel", "In the Commit"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Won"),
        QT_TRANSLATE_NOOP("DifferencesModel", "Effect"),
        QT_TRANSLATE_NOOP("DifferencesModel", "What happened"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Difference, ...] = ()
        self.currency = ""

    def set_rows(self, rows: tuple[Difference, ...], currency: str) -> None:
        self.beginResetModel()
        self.rows = rows
        self.currency = currency
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        row, column = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (3, 4, 5):
            return _RIGHT
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = (
            row.kind.label,
            row.title,
            row.account,
            _money(row.called, self.currency),
            _money(row.won, self.currency),
            _signed(row.effect, self.currency),
            row.detail,
        )
        return values[column] if 0 <= column < len(values) else None


def _msecs(day: dt.date) -> float:
    return float(QDateTime(QDate(day.year, day.month, day.day), QTime(12, 0)).toMSecsSinceEpoch())


def calls_chart(accuracy: Accuracy, target: float | None) -> QChart:
    """The quarter's calls (Commit and Best Case) by the day they were made, the won amount by
    day (final once the quarter has ended), and the target."""
    chart = QChart()
    quarter = accuracy.quarter
    chart.setTitle(
        translate("ForecastCallsView", "{quarter}: forecast calls against the won amount").format(
            quarter=quarter.label
        )
    )
    first = min([quarter.start, *(c.called_on for c in accuracy.calls)])
    last = quarter.end
    top = 0.0
    series: list[QLineSeries] = []
    for name, colour, style in (
        ("commit", COMMIT_COLOUR, Qt.PenStyle.SolidLine),
        ("best_case", BEST_CASE_COLOUR, Qt.PenStyle.DashLine),
    ):
        line = QLineSeries()
        line.setObjectName(name)
        line.setName(
            translate("ForecastCallsView", "Commit called")
            if name == "commit"
            else translate("ForecastCallsView", "Best Case called")
        )
        line.setPen(QPen(QColor(colour), 2.5, style))
        line.setPointsVisible(True)
        for call in accuracy.calls:
            amount = (call.commit if name == "commit" else call.best_case) / CHART_SCALE
            line.append(QPointF(_msecs(call.called_on), amount))
            top = max(top, amount)
        series.append(line)
    won = QLineSeries()
    won.setObjectName("won")
    won.setName(
        translate("ForecastCallsView", "Won (final)")
        if accuracy.ended
        else translate("ForecastCallsView", "Won so far")
    )
    won.setPen(QPen(QColor(WON_COLOUR), 3))
    running = 0.0
    won.append(QPointF(_msecs(quarter.start), 0.0))
    for day, amount in accuracy.won_by_day:
        won.append(QPointF(_msecs(day), running / CHART_SCALE))  # a step: flat until the day
        running = amount
        won.append(QPointF(_msecs(day), running / CHART_SCALE))
    won.append(QPointF(_msecs(min(accuracy.today, last)), running / CHART_SCALE))
    top = max(top, running / CHART_SCALE)
    series.append(won)
    if target is not None:
        line = QLineSeries()
        line.setObjectName("target")
        line.setName(translate("ForecastCallsView", "Target"))
        line.setPen(QPen(QColor(TARGET_COLOUR), 1.5, Qt.PenStyle.DotLine))
        line.append(QPointF(_msecs(first), target / CHART_SCALE))
        line.append(QPointF(_msecs(last), target / CHART_SCALE))
        top = max(top, target / CHART_SCALE)
        series.append(line)
    axis_x = QDateTimeAxis()
    axis_x.setFormat(translate("ForecastCallsView", "d MMM"))
    axis_x.setRange(
        QDateTime(QDate(first.year, first.month, first.day), QTime(0, 0)),
        QDateTime(QDate(last.year, last.month, last.day), QTime(23, 59)),
    )
    axis_x.setTickCount(7)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(
        translate("ForecastCallsView", "thousand {currency}").format(currency=accuracy.currency)
    )
    axis_y.setRange(0, top * 1.1 if top > 0 else 1.0)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for line in series:
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def calls_chart_description(accuracy: Accuracy) -> str:
    """The chart in sentences (its accessible description)."""
    currency = accuracy.currency
    sentences = [
        translate("ForecastCallsView", "Call of {date}: Commit {commit}, Best Case {best_case}.").format(
            date=fmt.date(c.called_on),
            commit=_money(c.commit, c.currency),
            best_case=_money(c.best_case, c.currency),
        )
        for c in accuracy.calls
    ] or [translate("ForecastCallsView", "No call recorded for this quarter.")]
    sentences.append(
        translate("ForecastCallsView", "Won: {amount}.").format(amount=_money(accuracy.won, currency))
    )
    return " ".join(sentences)


def _plain(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


def _table(parent: QWidget, model: HeadedTableModel, name: str) -> QTableView:
    table = QTableView(parent)
    table.setModel(model)
    table.setAccessibleName(name)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
    return table


class ForecastCallsPanel(QSplitter):
    """The chart beside the accuracy by week; below, the deals behind the selected week's call."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Vertical, parent)
        self.accuracy: Accuracy | None = None
        top = QSplitter(Qt.Orientation.Horizontal, self)
        self.chart_view = QChartView(top)
        self.chart_view.setRenderHint(QPainter.RenderHint.Antialiasing)
        # Low enough that the Forecast tab, its two rows of choosers above, fits a 1280x720 screen.
        self.chart_view.setMinimumSize(320, 205)
        self.chart_view.setAccessibleName(translate("ForecastCallsView", "Forecast calls chart"))
        self.chart_view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        weeks_box = QWidget(top)
        self.heading = _plain(weeks_box)
        self.weeks_model = AccuracyModel(self)
        self.weeks = _table(weeks_box, self.weeks_model, translate("ForecastCallsView", "Accuracy by week"))
        weeks_layout = QVBoxLayout(weeks_box)
        weeks_layout.setContentsMargins(0, 0, 0, 0)
        weeks_layout.addWidget(self.heading)
        weeks_layout.addWidget(self.weeks, 1)
        top.addWidget(self.chart_view)
        top.addWidget(weeks_box)
        top.setStretchFactor(0, 4)
        top.setStretchFactor(1, 5)
        below = QWidget(self)
        self.explanation = _plain(below)
        self.differences_model = DifferencesModel(self)
        self.differences = _table(
            below, self.differences_model, translate("ForecastCallsView", "Deals that made the difference")
        )
        layout = QVBoxLayout(below)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.explanation)
        layout.addWidget(self.differences, 1)
        self.addWidget(top)
        self.addWidget(below)
        self.setStretchFactor(0, 3)
        self.setStretchFactor(1, 2)
        self.weeks.selectionModel().currentRowChanged.connect(self._on_weeks_current_row_changed)

    def show_accuracy(self, accuracy: Accuracy, target: float | None) -> None:
        """Show a quarter's calls and accuracy; the last week with a call is selected."""
        self.accuracy = accuracy
        old = self.chart_view.chart()
        self.chart_view.setChart(calls_chart(accuracy, target))
        self.chart_view.setAccessibleDescription(calls_chart_description(accuracy))
        if old is not None:
            old.deleteLater()
        won = _money(accuracy.won, accuracy.currency)
        quarter = accuracy.quarter.label
        if not accuracy.calls:
            text = translate(
                "ForecastCallsView",
                "No forecast call recorded for {quarter}: use “Record forecast call…” (all pipelines).",
            ).format(quarter=quarter)
        elif accuracy.ended:
            text = translate(
                "ForecastCallsView",
                "{quarter} has ended with {won} won. Each week's last call against it, in {currency}"
                " (all pipelines):",
            ).format(quarter=quarter, won=won, currency=accuracy.currency)
        else:
            text = translate(
                "ForecastCallsView",
                "{quarter} has not ended: {won} won so far. The accuracy is final when it ends"
                " (in {currency}, all pipelines).",
            ).format(quarter=quarter, won=won, currency=accuracy.currency)
        self.heading.setText(text)
        self.weeks_model.set_accuracy(accuracy)
        last = accuracy.last_week
        if last is not None:
            index = self.weeks_model.index(accuracy.weeks.index(last), 0)
            self.weeks.setCurrentIndex(index)
            self.weeks.scrollTo(index)
        self._show_week(last)

    def _show_week(self, week: WeekAccuracy | None) -> None:
        accuracy = self.accuracy
        if week is None or week.call is None or accuracy is None:
            self.explanation.setText(
                translate(
                    "ForecastCallsView", "Select a week with a call to see which deals made the difference."
                )
            )
            self.differences_model.set_rows((), "")
            return
        currency = accuracy.currency
        deals_effect = sum(d.effect for d in week.differences)
        self.explanation.setText(
            translate(
                "ForecastCallsView",
                "Call of {date}: won - Commit {difference} = the deals below {deals}"
                " - your change to the deals' Commit {adjustment} + other {other}"
                " (committed deals won for another amount).",
            ).format(
                date=fmt.date(week.call.called_on),
                difference=_signed(week.commit_difference, currency),
                deals=_signed(deals_effect, currency),
                adjustment=_signed(week.adjustment, currency),
                other=_signed(week.other, currency),
            )
        )
        self.differences_model.set_rows(week.differences, currency)

    @Slot(QModelIndex, QModelIndex)
    def _on_weeks_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        weeks = self.weeks_model.weeks
        self._show_week(weeks[current.row()] if current.isValid() and current.row() < len(weeks) else None)
