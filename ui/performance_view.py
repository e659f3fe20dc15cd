"""The Performance tab: the accountability figures of the last four quarters, with charts.

Built when the tab is first shown (ui/performance_tab.py): it imports QtCharts, which the board
does not need to paint. Every figure's definition is its row's and its cells' tooltip
(planner/accountability.py, docs/accountability.md).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QLineSeries,
    QValueAxis,
)
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    QPointF,
    Qt,
    Slot,
)
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from planner import accountability as acc
from planner import calendar
from planner.accountability import Figures, PeriodFigures, StageFigures
from planner.calendar import Quarter
from planner.i18n import QT_TRANSLATE_NOOP
from ui import format as fmt
from ui import plain
from ui.plain import plain_tooltip
from ui.session import EditSession
from ui.session_view import SessionView
from ui.table_model import HeadedTableModel

Index = QModelIndex | QPersistentModelIndex
translate = QCoreApplication.translate

FIGURE_ROLE = Qt.ItemDataRole.UserRole + 1  # the Figure behind a cell
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# The quarter chooser offers the current quarter and this many before it.
QUARTERS_BACK = 8
COUNT_COLOUR = "#1565c0"
VALUE_COLOUR = "#2e7d32"
MEDIAN_COLOUR = "#64b5f6"
# The row above the figures: how many deals each column counts.
CLOSED_ROW = QT_TRANSLATE_NOOP("PerformanceView", "Closed (won / lost / walked away)")


class FiguresModel(QAbstractTableModel):
    """One row per figure, one column per quarter and one for the quarters together."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._figures: Figures | None = None

    def set_figures(self, figures: Figures) -> None:
        self.beginResetModel()
        self._figures = figures
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._figures is None else 1 + len(acc.FIGURE_ORDER)

    def columnCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() or self._figures is None else len(self._figures.periods)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        figures = self._figures
        if figures is None:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if not 0 <= section < len(figures.periods):
                return None
            period = figures.periods[section]
            if role == Qt.ItemDataRole.DisplayRole:
                return period.label
            if role == Qt.ItemDataRole.ToolTipRole:
                return plain_tooltip(period_span(period))
            return None
        if not 0 <= section <= len(acc.FIGURE_ORDER):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                translate("PerformanceView", CLOSED_ROW)
                if section == 0
                else acc.name(acc.FIGURE_ORDER[section - 1])
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            if section == 0:
                return plain_tooltip(
                    translate(
                        "PerformanceView",
                        "Each column counts the deals closed in it: a deal counts in the quarter of its"
                        " closing day.",
                    )
                )
            key = acc.FIGURE_ORDER[section - 1]
            return plain_tooltip(f"{acc.name(key)}: {acc.definition_text(key)}")
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        figures = self._figures
        if figures is None or not index.isValid():
            return None
        period = figures.periods[index.column()]
        if index.row() == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{period.won} / {period.lost} / {period.walked_away}"
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return _RIGHT
            return None
        figure = period.figure(acc.FIGURE_ORDER[index.row() - 1])
        if role == Qt.ItemDataRole.DisplayRole:
            return acc.figure_text(figure, figures.base_currency)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(acc.tooltip(figure, figures.base_currency))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _RIGHT
        if role == FIGURE_ROLE:
            return figure
        return None


class StagesModel(HeadedTableModel):
    """Conversion and days per open stage over the quarters together."""

    CONTEXT = "PerformanceView"
    HEADERS = (
        QT_TRANSLATE_NOOP("PerformanceView", "Stage"),
        QT_TRANSLATE_NOOP("PerformanceView", "Entered"),
        QT_TRANSLATE_NOOP("PerformanceView", "Conversion"),
        QT_TRANSLATE_NOOP("PerformanceView", "Average days"),
        QT_TRANSLATE_NOOP("PerformanceView", "Median days"),
    )

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._stages: tuple[StageFigures, ...] = ()
        self._currency = ""

    def set_stages(self, stages: tuple[StageFigures, ...], currency: str) -> None:
        self.beginResetModel()
        self._stages = stages
        self._currency = currency
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._stages)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.ToolTipRole:
            key = (None, None, "stage_conversion", "stage_days_average", "stage_days_median")[section]
            if key is not None:
                return plain_tooltip(f"{acc.name(key)}: {acc.definition_text(key)}")
            if section == 1:
                return plain_tooltip(
                    translate(
                        "PerformanceView", "How many of the deals closed in the period entered the stage."
                    )
                )
            return None
        return super().headerData(section, orientation, role)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        stage = self._stages[index.row()]
        column = index.column()
        figure = (None, None, stage.conversion, stage.average_days, stage.median_days)[column]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return stage.stage
            if column == 1:
                return str(stage.entered)
            assert figure is not None
            return acc.figure_text(figure, self._currency)
        if role == Qt.ItemDataRole.ToolTipRole:
            if figure is not None:
                return plain_tooltip(acc.tooltip(figure, self._currency))
            return plain_tooltip(stage.stage) if column == 0 else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return _RIGHT
        if role == FIGURE_ROLE:
            return figure
        return None


def period_span(period: PeriodFigures) -> str:
    """'Deals closed from 2026-01-01 to 2026-03-31'."""
    return translate("PerformanceView", "Deals closed from {start} to {end}").format(
        start=fmt.date(period.start), end=fmt.date(period.end)
    )


def _fit_to_rows(table: QTableView) -> None:
    """Make a short table exactly as tall as its rows: no scroll bar, no empty band."""
    header = table.horizontalHeader()
    height = header.sizeHint().height() + table.verticalHeader().length() + 2 * table.frameWidth()
    table.setFixedHeight(height)


# ----------------------------------------------------------------------------------------------
# Charts


# Value axes say "%.0f": with the chart's numbers localised, "%d" draws no numbers at all.
def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setLocale(QLocale())
    chart.setLocalizeNumbers(True)
    chart.setTitle(title)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    return chart


def win_rate_chart(figures: Figures) -> QChart:
    """The win rate by count and by value, quarter by quarter: is it getting better?"""
    chart = _chart(translate("PerformanceView", "Win rate by quarter"))
    labels = [p.label for p in figures.quarters]
    axis_x = QBarCategoryAxis()
    axis_x.append(labels)
    axis_y = QValueAxis()
    axis_y.setRange(0, 100)
    axis_y.setTickCount(6)
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText("%")
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    for key, colour in (("win_rate_count", COUNT_COLOUR), ("win_rate_value", VALUE_COLOUR)):
        line = QLineSeries()
        line.setName(acc.name(key))
        line.setObjectName(key)
        line.setPen(QPen(QColor(colour), 2.5))
        line.setPointsVisible(True)
        for x, period in enumerate(figures.quarters):
            value = period.figure(key).value
            if value is not None:  # a quarter without closed deals has no point
                line.append(QPointF(x, value))
        chart.addSeries(line)
        line.attachAxis(axis_x)
        line.attachAxis(axis_y)
    return chart


def days_chart(period: PeriodFigures) -> QChart:
    """Average and median days per stage: where deals wait."""
    chart = _chart(translate("PerformanceView", "Days per stage, {period}").format(period=period.label))
    series = QBarSeries()
    for key, colour in (("stage_days_average", COUNT_COLOUR), ("stage_days_median", MEDIAN_COLOUR)):
        bar_set = QBarSet(acc.name(key))
        bar_set.setObjectName(key)
        bar_set.setColor(QColor(colour))
        bar_set.append(
            [
                (s.average_days if key == "stage_days_average" else s.median_days).value or 0.0
                for s in period.stages
            ]
        )
        series.append(bar_set)
    chart.addSeries(series)
    axis_x = QBarCategoryAxis()
    axis_x.append([plain.escape(s.stage) for s in period.stages])  # axis labels are rich text
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    axis_y = QValueAxis()
    axis_y.setLabelFormat("%.0f")
    axis_y.setTitleText(translate("PerformanceView", "days"))
    top = max((s.average_days.value or 0.0 for s in period.stages), default=0.0)
    top = max(top, max((s.median_days.value or 0.0 for s in period.stages), default=0.0))
    axis_y.setRange(0, top * 1.1 if top > 0 else 1.0)
    axis_y.applyNiceNumbers()
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    return chart


def funnel_chart(period: PeriodFigures) -> QChart:
    """The deals that entered each stage, top of the funnel at the top, with the conversion."""
    chart = _chart(translate("PerformanceView", "Conversion funnel, {period}").format(period=period.label))
    series = QHorizontalBarSeries()
    bar_set = QBarSet(translate("PerformanceView", "Deals that entered the stage"))
    bar_set.setObjectName("entered")
    bar_set.setColor(QColor(COUNT_COLOUR))
    stages = list(reversed(period.stages))  # a horizontal bar chart draws its first category at the bottom
    bar_set.append([float(s.entered) for s in stages])
    series.append(bar_set)
    chart.addSeries(series)
    axis_y = QBarCategoryAxis()
    label = translate("PerformanceView", "{stage} ({conversion})")
    axis_y.append(
        [
            plain.escape(label.format(stage=s.stage, conversion=acc.figure_text(s.conversion, "")))
            for s in stages
        ]
    )
    chart.addAxis(axis_y, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(axis_y)
    axis_x = QValueAxis()
    axis_x.setLabelFormat("%.0f")
    top = max((s.entered for s in stages), default=0)
    axis_x.setRange(0, max(4, top + 1))
    chart.addAxis(axis_x, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(axis_x)
    chart.legend().hide()
    return chart


def _describe_win_rates(figures: Figures) -> str:
    sentence = translate("PerformanceView", "{quarter}: {count} by count, {value} by value.")
    return " ".join(
        sentence.format(
            quarter=p.label,
            count=acc.figure_text(p.figure("win_rate_count"), figures.base_currency),
            value=acc.figure_text(p.figure("win_rate_value"), figures.base_currency),
        )
        for p in figures.quarters
    )


def _describe_stages(period: PeriodFigures) -> str:
    sentence = translate(
        "PerformanceView", "{stage}: {entered} entered, {conversion} went further; {average} on average."
    )
    return " ".join(
        sentence.format(
            stage=s.stage,
            entered=s.entered,
            conversion=acc.figure_text(s.conversion, ""),
            average=acc.figure_text(s.average_days, ""),
        )
        for s in period.stages
    )


# ----------------------------------------------------------------------------------------------
# The view


class PerformanceView(SessionView):
    """Choose the last quarter; see each figure per quarter and over the four, and the charts."""

    def __init__(self, session: EditSession, parent: QWidget | None = None) -> None:
        super().__init__(session, parent)
        self.today = session.clock.today
        self.figures: Figures | None = None
        self._quarter: Quarter | None = None  # None: the current one

        self.quarter_combo = QComboBox(self)
        self.quarter_combo.setObjectName("quarter")
        self.quarter_combo.setAccessibleName(translate("PerformanceView", "Last quarter shown"))
        self.quarter_combo.activated.connect(self._on_quarter_combo_activated)
        quarter_label = QLabel(translate("PerformanceView", "&Last quarter shown:"), self)
        quarter_label.setBuddy(self.quarter_combo)
        self.note = QLabel(self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(quarter_label)
        top.addWidget(self.quarter_combo)
        top.addSpacing(12)
        top.addWidget(self.note, 1)

        self.model = FiguresModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("figures")
        self.table.setAccessibleName(translate("PerformanceView", "Accountability figures"))
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setMinimumSectionSize(110)
        # One line per figure: the charts below get the height.
        row_height = self.fontMetrics().height() + 6
        self.table.verticalHeader().setDefaultSectionSize(row_height)
        self.stages_model = StagesModel(self)
        self.stages = QTableView(self)
        self.stages.setObjectName("stages")
        self.stages.setAccessibleName(translate("PerformanceView", "Conversion and days per stage"))
        self.stages.setModel(self.stages_model)
        self.stages.verticalHeader().hide()
        self.stages.verticalHeader().setDefaultSectionSize(row_height)
        self.stages.setWordWrap(False)
        header = self.stages.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.stages_title = QLabel(self)
        self.stages_title.setTextFormat(Qt.TextFormat.PlainText)
        stages_box = QWidget(self)
        stages_layout = QVBoxLayout(stages_box)
        stages_layout.setContentsMargins(0, 0, 0, 0)
        stages_layout.addWidget(self.stages_title)
        stages_layout.addWidget(self.stages, 1)

        self.charts = QTabWidget(self)
        self.charts.setAccessibleName(translate("PerformanceView", "Charts"))
        self.win_rate_view = QChartView(self)
        self.days_view = QChartView(self)
        self.funnel_view = QChartView(self)
        for view, title in (
            (self.win_rate_view, translate("PerformanceView", "Win rate trend")),
            (self.days_view, translate("PerformanceView", "Days per stage")),
            (self.funnel_view, translate("PerformanceView", "Conversion funnel")),
        ):
            view.setRenderHint(QPainter.RenderHint.Antialiasing)
            view.setMinimumHeight(220)
            view.setAccessibleName(title)
            view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # a screen reader reads its description
            self.charts.addTab(view, title)
        # The figures across the top; below, the stages beside the charts.
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(stages_box)
        split.addWidget(self.charts)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)
        split.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table)
        layout.addWidget(split, 1)

    @Slot(int)
    def _on_quarter_combo_activated(self, index: int) -> None:
        self._quarter = self.quarter_combo.itemData(index)
        self.refresh()

    def _fill_quarters(self, current: Quarter, chosen: Quarter) -> None:
        self.quarter_combo.blockSignals(True)
        self.quarter_combo.clear()
        for n in range(QUARTERS_BACK + 1):
            quarter = current.shifted(-n)
            self.quarter_combo.addItem(f"{quarter.label} ({quarter.span})", quarter)
            if quarter == chosen:
                self.quarter_combo.setCurrentIndex(n)
        self.quarter_combo.blockSignals(False)

    def refresh(self) -> None:
        """Read the plan again and show the four quarters ending with the chosen one."""
        self._dirty = False
        today = self.today()
        current = calendar.quarter_of(today, calendar.plan_start_month(self.plan))
        chosen = self._quarter
        if chosen is None or chosen.start_month != current.start_month or chosen > current:
            chosen = current  # the fiscal year changed, or the chosen quarter has not begun
        self._fill_quarters(current, chosen)
        result = acc.figures(self.plan, chosen, acc.DEFAULT_QUARTERS, today=today)
        self.figures = result
        base = result.base_currency
        self.model.set_figures(result)
        _fit_to_rows(self.table)
        self.stages_model.set_stages(result.trailing.stages, base)
        self.stages_title.setText(
            translate("PerformanceView", "By stage, {period}").format(period=result.trailing.label)
        )
        self.note.setText(
            translate(
                "PerformanceView",
                "{period}: a deal counts in the quarter it was closed in. Amounts in {currency}."
                " Hover a figure for its definition.",
            ).format(period=period_span(result.trailing), currency=base)
        )
        for view, chart, description in (
            (self.win_rate_view, win_rate_chart(result), _describe_win_rates(result)),
            (self.days_view, days_chart(result.trailing), _describe_stages(result.trailing)),
            (self.funnel_view, funnel_chart(result.trailing), _describe_stages(result.trailing)),
        ):
            old = view.chart()
            view.setChart(chart)
            view.setAccessibleDescription(description)
            if old is not None:
                old.deleteLater()
