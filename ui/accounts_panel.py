"""The accounts dock: the plan's accounts (subsidiaries indented) with new, edit and delete."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QHBoxLayout, QListView, QPushButton, QVBoxLayout, QWidget

from planner.model import Account
from planner.storage import accounts as account_repo
from planner.storage.db import PlanDB
from ui.plain import plain_tooltip

translate = QCoreApplication.translate

ACCOUNT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
Index = QModelIndex | QPersistentModelIndex


def _tree_order(accounts: list[Account]) -> list[tuple[Account, int]]:
    """Accounts with their depth, each parent followed by its subsidiaries."""
    children: dict[int | None, list[Account]] = {}
    known = {a.id for a in accounts}
    for account in accounts:
        parent = account.parent_id if account.parent_id in known else None
        children.setdefault(parent, []).append(account)
    ordered: list[tuple[Account, int]] = []
    seen: set[int] = set()

    def visit(parent: int | None, depth: int) -> None:
        for account in children.get(parent, []):
            if account.id in seen:
                continue
            seen.add(account.id)
            ordered.append((account, depth))
            visit(account.id, depth + 1)

    visit(None, 0)
    ordered += [(a, 0) for a in accounts if a.id not in seen]  # cycles, if a file has one
    return ordered


class AccountListModel(QAbstractListModel):
    """Accounts in tree order."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[Account, int]] = []

    def set_accounts(self, accounts: list[Account]) -> None:
        self.beginResetModel()
        self._rows = _tree_order(accounts)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        account, depth = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return "    " * depth + account.name
        if role == ACCOUNT_ID_ROLE:
            return account.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(account.industry) or None
        return None

    def row_of(self, account_id: int) -> int:
        for row, (account, _depth) in enumerate(self._rows):
            if account.id == account_id:
                return row
        return -1


class AccountsPanel(QWidget):
    """List plus buttons; the main window does the work behind the signals."""

    new_requested = Signal()
    edit_requested = Signal(int)
    delete_requested = Signal(int)

    def __init__(self, plan: PlanDB, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        # Filled when first shown: a large plan's account list is not needed to paint the board.
        self._loaded = False
        self.model = AccountListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setAccessibleName(translate("AccountsPanel", "Accounts"))
        self.view.setAccessibleDescription(
            translate(
                "AccountsPanel", "The plan's accounts, subsidiaries under their parent; Enter edits one"
            )
        )
        self.view.activated.connect(self._on_view_activated)
        self.new_button = QPushButton(translate("AccountsPanel", "New…"), self)
        self.new_button.setAccessibleName(translate("AccountsPanel", "New account"))
        self.edit_button = QPushButton(translate("AccountsPanel", "Edit…"), self)
        self.edit_button.setAccessibleName(translate("AccountsPanel", "Edit the selected account"))
        self.delete_button = QPushButton(translate("AccountsPanel", "Delete…"), self)
        self.delete_button.setAccessibleName(translate("AccountsPanel", "Delete the selected account"))
        self.new_button.clicked.connect(self.new_requested)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.delete_button.clicked.connect(self._on_delete_clicked)
        buttons = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.delete_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    def refresh(self) -> None:
        """Read the plan's accounts again; while never shown, only when first shown."""
        if self._loaded or self.isVisible():
            self.model.set_accounts(account_repo.list_accounts(self.plan))
            self._loaded = True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._loaded:
            self.refresh()

    def selected_account(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(ACCOUNT_ID_ROLE)) if index.isValid() else None

    @Slot(QModelIndex)
    def _on_view_activated(self, index: QModelIndex) -> None:
        self.edit_requested.emit(int(index.data(ACCOUNT_ID_ROLE)))

    @Slot()
    def _on_edit_clicked(self) -> None:
        account_id = self.selected_account()
        if account_id is not None:
            self.edit_requested.emit(account_id)

    @Slot()
    def _on_delete_clicked(self) -> None:
        account_id = self.selected_account()
        if account_id is not None:
            self.delete_requested.emit(account_id)
