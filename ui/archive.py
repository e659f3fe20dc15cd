"""The archive: won, lost and walked-away deals with their dates and reasons; reopen one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
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
    QTableView,
    QVBoxLayout,
    QWidget,
)

from planner.i18n import QT_TRANSLATE_NOOP
from planner.model import ClosedDeal
from ui import format as fmt
from ui.table_model import HeadedTableModel

translate = QCoreApplication.translate

Index = QModelIndex | QPersistentModelIndex
DEAL_ID_ROLE = Qt.ItemDataRole.UserRole + 1
# Shown as translate("ArchiveModel", name).
COLUMNS = (
    QT_TRANSLATE_NOOP("ArchiveModel", "Deal"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Account"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Outcome"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Closed"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Amount"),
    QT_TRANSLATE_NOOP("ArchiveModel", "Reason"),
)


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
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            values = (
                deal.title,
                deal.account,
                deal.stage,
                fmt.date(deal.closed_on),
                fmt.amount(deal.amount, deal.currency),
                deal.reason,
            )
            return values[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 4:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def deal_at(self, row: int) -> ClosedDeal | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None


class ArchiveView(QWidget):
    """Table plus a Reopen button."""

    reopen_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = ArchiveModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
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
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.table, 1)

    def set_deals(self, deals: list[ClosedDeal]) -> None:
        self.model.set_deals(deals)
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
        deal = self.model.deal_at(index.row()) if index.isValid() else None
        return deal.id if deal else 0

    @Slot()
    def _on_reopen_button_clicked(self) -> None:
        if selected := self.selected_id():
            self.reopen_requested.emit(selected)
