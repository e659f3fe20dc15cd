"""The archive: won, lost and walked-away deals with their dates and reasons; reopen one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.close_reasons import WinLossSettings, describe
from planner.i18n import QT_TRANSLATE_NOOP
from planner.model import ClosedDeal
from ui import format as fmt
from ui.plain import plain_tooltip
from ui.table_model import HeadedTableModel

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# What a click on a heading sorts by: the value itself (a date, an amount), not its text.
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Shown as translate("ArchiveModel", name).
COLUMNS = (
    QT_TRANSLATE_NOOP("ArchiveModel", "Deal"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Account"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Outcome"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Closed"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Amount"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Reason"),
)


def _reason(deal: ClosedDeal) -> str:
    """'Competitor won (Contoso): their price was lower' (the seller's words as plain text)."""
    return describe(deal.reason_code, deal.competitor, deal.reason)


class ArchiveModel(HeadedTableModel):
    """Closed deals as rows."""

    CONTEXT = "ArchiveModel"
    HEADERS = COLUMNS

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[ClosedDeal] = []

    def set_deals(self, deals: list[ClosedDeal]) -> None:
        self.beginResetModel()
        self._rows = list(deals)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        deal = self._rows[index.row()]
        if role == DEAL_ID_ROLE:
            return deal.id
        if role == SORT_ROLE:
            keys = (
                deal.title.casefold(),
                deal.account.casefold(),
                deal.stage.casefold(),
                deal.closed_on.isoformat() if deal.closed_on else "",
                deal.amount if deal.amount is not None else float("-inf"),
                _reason(deal).casefold(),
            )
            return keys[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                deal.title,
                deal.account,
                deal.stage,
                fmt.date(deal.closed_on),
                fmt.amount(deal.amount, deal.currency),
                _reason(deal),
            )
            text = values[index.column()]
            return text if role == Qt.ItemDataRole.DisplayRole else plain_tooltip(text)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def deal_at(self, row: int) -> ClosedDeal | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class ArchiveView(QWidget):
    """Table plus a Reopen button."""

    reopen_requested = Signal(int)
    opportunity_selected = Signal(int)  # the deal of the current row (0: none)
    opportunity_activated = Signal(int)  # double-click or Enter on a row

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArchiveModel(self)
        # Sorted by clicking a heading; a few hundred closed deals need no in-model sorting.
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.table = QTableView(self)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COLUMNS.index("Closed"), Qt.SortOrder.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.table.activated.connect(self._on_table_activated)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setAccessibleName(translate("ArchiveView", "Closed deals"))
        self.table.setAccessibleDescription(
            translate("ArchiveView", "Won, lost and walked-away deals with their close dates and reasons")
        )
        self.reopen_button = QPushButton(translate("ArchiveView", "&Reopen"), self)
        self.reopen_button.setToolTip(translate("ArchiveView", "Return the deal to its last open stage"))
        self.reopen_button.clicked.connect(self._on_reopen_button_clicked)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        row.addWidget(self.reopen_button)
        from ui.win_loss_view import WinLossView

        self.win_loss = WinLossView(self)
        # The closed deals above, the quarter's win/loss figures below; the seller sizes both.
        split = QSplitter(Qt.Orientation.Vertical, self)
        split.setChildrenCollapsible(False)
        split.addWidget(self.table)
        split.addWidget(self.win_loss)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(split, 1)

    def set_deals(self, deals: list[ClosedDeal], settings: WinLossSettings | None = None) -> None:
        """Show the closed deals, and their win/loss figures when the plan's `settings` are given."""
        self.model.set_deals(deals)
        if settings is not None:
            self.win_loss.set_deals(deals, settings)
        won = sum(1 for d in deals if d.level.value == "won")
        lost = sum(1 for d in deals if d.level.value == "lost")
        walked = sum(1 for d in deals if d.level.value == "walked_away")
        # "won", "lost", "walked away" read the same for one deal and many (English and German).
        self.summary.setText(
            translate("ArchiveView", "{won} won · {lost} lost · {walked} walked away").format(
                won=fmt.number(won), lost=fmt.number(lost), walked=fmt.number(walked)
            )
        )
        self.reopen_button.setEnabled(bool(deals))

    def selected_id(self) -> int:
        index = self.table.currentIndex()
        value = index.data(DEAL_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else 0

    def select(self, opportunity_id: int) -> bool:
        """Make a deal's row the current one; False when the archive does not list it."""
        for row in range(self.proxy.rowCount()):
            index = self.proxy.index(row, 0)
            if index.data(DEAL_ID_ROLE) == opportunity_id:
                self.table.selectRow(row)
                self.table.setCurrentIndex(index)
                return True
        return False

    @Slot(QModelIndex, QModelIndex)
    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        value = current.data(DEAL_ID_ROLE) if current.isValid() else None
        self.opportunity_selected.emit(int(value) if value is not None else 0)

    @Slot(QModelIndex)
    def _on_table_activated(self, index: QModelIndex) -> None:
        value = index.data(DEAL_ID_ROLE)
        if value is not None:
            self.opportunity_activated.emit(int(value))

    @Slot()
    def _on_reopen_button_clicked(self) -> None:
        if selected := self.selected_id():
            self.reopen_requested.emit(selected)
