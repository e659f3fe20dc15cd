"""Item model of one board column: cards of one stage, filtered inside the model."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from planner.funnel import FunnelStatus
from planner.model import Card
from ui.format import card_sentence

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
STATUS_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-planner-opportunity"

StatusOf = Callable[[Card], FunnelStatus]
# Asked to move a dropped card to this column's stage; True when the move was made.
DropHandler = Callable[[int, int], bool]

_NO_DATE = dt.date.max
Index = QModelIndex | QPersistentModelIndex


def _sort_key(card: Card) -> tuple[dt.date, int]:
    return (card.close_date or _NO_DATE, card.id)


def _filter_key(card: Card) -> str:
    return f"{card.title}\n{card.account}".casefold()


class StageColumnModel(QAbstractListModel):
    """The cards of one stage, ordered by close date.

    Filtering happens here, not in a proxy: a list comprehension over pre-folded keys costs
    one Python pass per keystroke instead of one Python call per row (QT-NOTES, pitfall 3).
    """

    def __init__(
        self,
        stage_id: int,
        parent: Any = None,
        *,
        status_of: StatusOf | None = None,
        drop_handler: DropHandler | None = None,
    ) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self._status_of = status_of
        self._drop_handler = drop_handler
        # Badges are computed when a card is first painted, not for every card at load.
        self._status: dict[int, FunnelStatus] = {}
        self._all: list[Card] = []
        self._keys: list[str] = []
        self._visible: list[Card] = []
        self._visible_keys: list[str] = []
        self._filter = ""

    # Qt interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._visible)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        card = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == STATUS_ROLE:
            return self.status(card)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            return card_sentence(card, dt.date.today(), self.status(card))
        return None

    def status(self, card: Card) -> FunnelStatus | None:
        """The card's funnel badges (cached until the card or the day changes)."""
        if self._status_of is None:
            return None
        found = self._status.get(card.id)
        if found is None:
            found = self._status[card.id] = self._status_of(card)
        return found

    def clear_status(self) -> None:
        """Forget cached badges (a new day, changed stage rules)."""
        self._status.clear()
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, 0))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            # The empty space of a column accepts drops too.
            return Qt.ItemFlag.ItemIsDropEnabled
        # Drop-enabled too: a card dropped onto another card lands in that card's column.
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemIsDropEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    # Drag and drop: the MIME data names the deal; a drop asks the board to move it --------
    def mimeTypes(self) -> list[str]:
        return [MIME_TYPE]

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        data = QMimeData()
        ids = [str(self._visible[i.row()].id) for i in indexes if i.isValid()]
        data.setData(MIME_TYPE, QByteArray(",".join(ids[:1]).encode()))
        return data

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return data.hasFormat(MIME_TYPE) and action == Qt.DropAction.MoveAction

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        """Hand the move to the board (which asks for the commitment and pushes a command).

        The rows change only when the move is written, through the controller, so a drop on
        the card's own column, or a cancelled dialog, changes nothing.
        """
        if not self.canDropMimeData(data, action, row, column, parent) or self._drop_handler is None:
            return False
        try:
            opportunity_id = int(bytes(data.data(MIME_TYPE).data()).decode())
        except ValueError:
            return False
        if any(card.id == opportunity_id for card in self._all):
            return False
        self._drop_handler(opportunity_id, self.stage_id)
        # False: the view must not remove the dragged row itself; the controller moved it.
        return False

    # Board operations -------------------------------------------------------------------
    @property
    def cards(self) -> Sequence[Card]:
        """Every card of the column, filtered or not."""
        return self._all

    @property
    def visible_cards(self) -> Sequence[Card]:
        """The cards the filter lets through, in display order."""
        return self._visible

    def set_cards(self, cards: list[Card]) -> None:
        """Replace every card (cards arrive ordered by close date)."""
        self.beginResetModel()
        self._status.clear()
        self._all = sorted(cards, key=_sort_key)
        self._keys = [_filter_key(c) for c in self._all]
        self._visible, self._visible_keys = self._apply(self._filter, self._all, self._keys)
        self.endResetModel()

    def set_filter(self, text: str) -> None:
        """Show only cards whose title or account contains `text` (case-insensitive)."""
        needle = text.strip().casefold()
        if needle == self._filter:
            return
        self.beginResetModel()
        if self._filter and needle.startswith(self._filter):
            # Narrowing: a longer query can only match a subset of the current result.
            self._visible, self._visible_keys = self._apply(needle, self._visible, self._visible_keys)
        else:
            self._visible, self._visible_keys = self._apply(needle, self._all, self._keys)
        self._filter = needle
        self.endResetModel()

    def row_of(self, opportunity_id: int) -> int:
        """The visible row of a card, or -1."""
        for row, card in enumerate(self._visible):
            if card.id == opportunity_id:
                return row
        return -1

    def upsert(self, card: Card) -> None:
        """Insert a card, or replace the one with its id (moving it to its sorted place)."""
        self.remove(card.id)
        self._status.pop(card.id, None)
        position = bisect.bisect(self._all, _sort_key(card), key=_sort_key)
        key = _filter_key(card)
        self._all.insert(position, card)
        self._keys.insert(position, key)
        if self._filter and self._filter not in key:
            return
        row = bisect.bisect(self._visible, _sort_key(card), key=_sort_key)
        self.beginInsertRows(QModelIndex(), row, row)
        self._visible.insert(row, card)
        self._visible_keys.insert(row, key)
        self.endInsertRows()

    def remove(self, opportunity_id: int) -> None:
        """Remove a card if the column holds it."""
        for position, card in enumerate(self._all):
            if card.id == opportunity_id:
                del self._all[position]
                del self._keys[position]
                break
        else:
            return
        row = self.row_of(opportunity_id)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._visible[row]
            del self._visible_keys[row]
            self.endRemoveRows()

    @staticmethod
    def _apply(needle: str, cards: Sequence[Card], keys: Sequence[str]) -> tuple[list[Card], list[str]]:
        if not needle:
            return list(cards), list(keys)
        rows = [i for i, key in enumerate(keys) if needle in key]
        return [cards[i] for i in rows], [keys[i] for i in rows]
