"""The Archive's win/loss section: a quarter's closed deals by reason and by competitor, won, lost
and walked away apart (planner.close_reasons.summarise; docs/close-reasons.md)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from planner import close_reasons
from planner.calendar import Quarter
from planner.close_reasons import WinLoss, WinLossRow, WinLossSettings
from planner.i18n import QT_TRANSLATE_NOOP
from planner.model import ClosedDeal, FunnelLevel
from planner.money import Totals
from ui import format as fmt
from ui.plain import plain_tooltip

translate = QCoreApplication.translate
# Shown through translate("WinLossView", ...).
OUTCOME_HEADERS = (
    (FunnelLevel.WON, QT_TRANSLATE_NOOP("WinLossView", "Won")),
    (FunnelLevel.LOST, QT_TRANSLATE_NOOP("WinLossView", "Lost")),
    (FunnelLevel.WALKED_AWAY, QT_TRANSLATE_NOOP("WinLossView", "Walked away")),
)


def tally(t: Totals) -> str:
    """'2 · 120,000 EUR' (and what could not be converted), a dash for none."""
    if not t.count:
        return "\u2013"
    text = translate("WinLossView", "{count} · {amount}").format(
        count=fmt.number(t.count), amount=fmt.amount(t.amount, t.currency)
    )
    if t.unconverted:
        text += " + " + ", ".join(fmt.amount(a, c) for c, (a, _w) in t.unconverted.items())
    return text


class WinLossView(QWidget):
    """A quarter chooser and two tables: by reason, by competitor."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._deals: tuple[ClosedDeal, ...] = ()
        self._settings: WinLossSettings | None = None
        self.figures: WinLoss | None = None
        self.quarter = QComboBox(self)
        self.quarter.setAccessibleName(translate("WinLossView", "Quarter"))
        self.quarter.setToolTip(translate("WinLossView", "The (fiscal) quarter the deals closed in"))
        self.quarter.currentIndexChanged.connect(self._on_quarter_current_index_changed)
        self.total = QLabel(self)
        self.total.setTextFormat(Qt.TextFormat.PlainText)
        self.by_reason = self._table(
            translate("WinLossView", "Reason"),
            translate("WinLossView", "Deals closed in the quarter, by the reason chosen when they closed"),
        )
        self.by_competitor = self._table(
            translate("WinLossView", "Competitor"),
            translate(
                "WinLossView",
                "Deals closed in the quarter that name a competitor: who won a lost deal, "
                "who we beat on a won one",
            ),
        )
        title = QLabel(translate("WinLossView", "Win/loss in"), self)
        title.setBuddy(self.quarter)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addWidget(self.quarter)
        top.addWidget(self.total, 1)
        tables = QHBoxLayout()
        for table, heading in (
            (self.by_reason, translate("WinLossView", "By reason")),
            (self.by_competitor, translate("WinLossView", "By competitor")),
        ):
            box = QGroupBox(heading, self)
            inner = QVBoxLayout(box)
            inner.setContentsMargins(4, 4, 4, 4)
            inner.addWidget(table)
            tables.addWidget(box, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addLayout(tables, 1)

    def _table(self, first: str, description: str) -> QTableWidget:
        table = QTableWidget(0, 4, self)
        table.setHorizontalHeaderLabels([first, *(translate("WinLossView", h) for _, h in OUTCOME_HEADERS)])
        header = table.horizontalHeaderItem(0)
        if header is not None:
            header.setToolTip(description)
        for column in (1, 2, 3):
            item = table.horizontalHeaderItem(column)
            if item is not None:
                item.setToolTip(
                    translate(
                        "WinLossView",
                        "How many deals closed this way, and their amount in the base currency "
                        "(amounts without an exchange rate shown apart)",
                    )
                )
        table.setAccessibleName(first)
        table.setAccessibleDescription(description)
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def set_deals(self, deals: Sequence[ClosedDeal], settings: WinLossSettings) -> None:
        """Show these closed deals; the quarter chosen stays chosen while it still has deals."""
        self._deals, self._settings = tuple(deals), settings
        chosen = self.quarter.currentData()
        quarters = settings.quarters(self._deals)
        self.quarter.blockSignals(True)
        self.quarter.clear()
        for quarter in quarters:
            self.quarter.addItem(quarter.title, quarter)
        at = quarters.index(chosen) if chosen in quarters else 0
        self.quarter.setCurrentIndex(at if quarters else -1)
        self.quarter.blockSignals(False)
        self._show(quarters[at] if quarters else None)

    @Slot(int)
    def _on_quarter_current_index_changed(self, _index: int) -> None:
        quarter = self.quarter.currentData()
        self._show(quarter if isinstance(quarter, Quarter) else None)

    def _show(self, quarter: Quarter | None) -> None:
        if quarter is None or self._settings is None:
            self.figures = None
            self.total.setText(translate("WinLossView", "No deal has closed yet."))
            self._fill(self.by_reason, [], [])
            self._fill(self.by_competitor, [], [])
            return
        figures = self.figures = self._settings.summarise(self._deals, quarter)
        self.total.setText(
            translate("WinLossView", "Won {won} · lost {lost} · walked away {walked}").format(
                won=tally(figures.total.won),
                lost=tally(figures.total.lost),
                walked=tally(figures.total.walked_away),
            )
        )
        self._fill(self.by_reason, figures.by_reason, [close_reasons.label(r.key) for r in figures.by_reason])
        self._fill(
            self.by_competitor,
            figures.by_competitor,
            [r.key or translate("CloseReasons", close_reasons.NO_COMPETITOR) for r in figures.by_competitor],
        )

    def _fill(self, table: QTableWidget, rows: Sequence[WinLossRow], names: Sequence[str]) -> None:
        table.setRowCount(len(rows))
        for r, (row, name) in enumerate(zip(rows, names, strict=True)):
            # Reason and competitor names the seller typed: items show text, never markup.
            cells = [name, *(tally(row.outcome(level)) for level, _ in OUTCOME_HEADERS)]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(plain_tooltip(text))
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                table.setItem(r, c, item)
