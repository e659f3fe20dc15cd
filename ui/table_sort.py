"""Tables sorted by clicking a heading: a proxy sorting by each model's SORT_ROLE."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, QSortFilterProxyModel, Qt
from PySide6.QtWidgets import QTableView

# What a cell sorts by: a number for amounts, counts and percentages, ISO text for dates (empty
# for none: first), folded text for words. Never the shown text: "9 500 €" would sort after "10 000 €".
SORT_ROLE = Qt.ItemDataRole.UserRole + 40


def sortable(view: QTableView, model: QAbstractItemModel) -> QSortFilterProxyModel:
    """Show `model` in `view` through a sorting proxy: the model's own order until a heading is
    clicked, then that column's SORT_ROLE (a second click reverses it). Returns the proxy: the
    view's rows are the proxy's, mapped to the model's with mapToSource."""
    proxy = QSortFilterProxyModel(view)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view.setModel(proxy)
    # Column -1: no column sorted, the model's order (most valuable first, by close date…).
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)
    return proxy
