"""Item model of one board column: cards of one stage, filtered inside the model."""

from __future__ import annotations

import bisect
import datetime as dt
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import compress
from operator import attrgetter, not_
from typing import Any, NamedTuple

from PySide6.QtCore import QAbstractListModel, QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, Qt

from planner.board_order import BY_CLOSE_DATE, SortKey
from planner.coaching import Verdict
from planner.folding import fold, fold_all
from planner.funnel import FunnelStatus
from planner.model import Card
from planner.money import CurrencySums, SumsIndex
from planner.next_step import NextStep
from planner.stages import probability
from ui.plain import plain_tooltip

CARD_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
FACE_ROLE = Qt.ItemDataRole.UserRole + 3
MIME_TYPE = "application/x-planner-opportunity"

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True, slots=True)
class CardFace:
    """Everything a painted card shows, built only for cards that are painted."""

    card: Card
    account: str
    close_date: dt.date | None
    stage_entered: dt.date | None
    next_step: NextStep | None  # worded by ui.format.next_step
    status: FunnelStatus
    red_flags: tuple[str, ...]  # the rule engine's reasons, strengths left out
    sentence: str  # the card read aloud: accessible text and tooltip
    last_commitment: tuple[str, dt.date] | None = None  # what the customer last committed to, and when
    verdict: Verdict | None = None  # the manager's verdict from the last review (planner.coaching)


FaceOf = Callable[[list[Card]], list[CardFace]]
# Faces are made for this many cards at a time (a column shows about six): one query each.
FACE_BATCH = 8
# Asked to move a dropped card to this column's stage; True when the move was made.
DropHandler = Callable[[int, int], bool]
_money = attrgetter("amount", "currency", "probability_override")


class _Folded:
    """What a filter keystroke reads of every card of a column, parallel to them: each card's
    folded title, account, product and people, and its money (planner.money.SumsIndex)."""

    __slots__ = ("keys", "money")

    def __init__(self, keys: list[str], money: SumsIndex) -> None:
        self.keys = keys
        self.money = money

    def insert(self, position: int, key: str, card: Card) -> None:
        self.keys.insert(position, key)
        self.money.insert(position, _money(card))

    def pop(self, position: int) -> None:
        del self.keys[position]
        self.money.pop(position)


class _Shown(NamedTuple):
    """What a filter let through, for the next, longer query to narrow: the shown cards' keys
    and their positions among every card of the column (where their money is, in _Folded)."""

    keys: Sequence[str]
    positions: Sequence[int]


class StageColumnModel(QAbstractListModel):
    """The cards of one stage, in the order the board's "Sort by" chose (planner.board_order).

    Filtering happens here, not in a proxy: a list comprehension over pre-folded keys costs
    one Python pass per keystroke instead of one Python call per row (docs/qt-notes.md, pitfall 3).
    """

    def __init__(
        self,
        stage_id: int,
        parent: Any = None,
        *,
        accounts: Mapping[int, str] | None = None,
        words: Mapping[int, str] | None = None,
        face_of: FaceOf | None = None,
        drop_handler: DropHandler | None = None,
        default_probability: int = 0,
    ) -> None:
        super().__init__(parent)
        self.stage_id = stage_id
        self.default_probability = default_probability
        # Totals of the visible cards, adjusted per card rather than re-added on every move.
        self.sums = CurrencySums()
        # ...and of every card, filtered or not: clearing the filter copies them, and a query
        # that lets most cards through subtracts the few it leaves out.
        self._all_sums = CurrencySums()
        self._accounts: Mapping[int, str] = accounts if accounts is not None else {}
        # Deal id -> product and buying influences' names (filled before the first filter).
        self._words: Mapping[int, str] = words if words is not None else {}
        self._face_of = face_of
        self._drop_handler = drop_handler
        # The column order: every list here is sorted by it, and upserts bisect with it. Set it
        # before set_cards, or change it with set_order.
        self.order: SortKey = BY_CLOSE_DATE
        # Asked to place a card dropped within its own column before another (None: at the end).
        self.place_handler: Callable[[int, int | None], bool] | None = None
        self._all: list[Card] = []
        self._folded: _Folded | None = None  # built on the first filter keystroke
        self._visible: list[Card] = []
        # Kept while a filter narrows; any card coming or going drops it (the positions move).
        self._shown: _Shown | None = None
        self._filter = ""
        # Faces are built when a card is first painted, not for every card at load.
        self._faces: dict[int, CardFace] = {}
        # id -> card, built on the first look-up: rows are then found by bisection, not scans.
        self._by_id: dict[int, Card] | None = None
        # While only the first screen is loaded (set_first_cards): the rows still to come, and
        # what loads them. Everything but painting the loaded rows loads them first.
        self._pending = 0
        self.load_all: Callable[[], None] | None = None

    # Qt interface -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        # The rows still to come count already: the scroll bar has its final size at once.
        return 0 if parent.isValid() else len(self._visible) + self._pending

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A row not loaded yet (scrolled to in the first instant) is blank until the board has
        # read the rest, which it does right after its first paint (BoardController.load).
        if not index.isValid() or index.row() >= len(self._visible):
            return None
        card = self._visible[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return card.title
        if role == CARD_ROLE:
            return card
        if role == ID_ROLE:
            return card.id
        if role == FACE_ROLE:
            return self.face(card)
        if role in (Qt.ItemDataRole.AccessibleTextRole, Qt.ItemDataRole.ToolTipRole):
            face = self.face(card)
            sentence = face.sentence if face else card.title
            # Read aloud as it is; as a tooltip Qt would take a title like '<img …>' for markup.
            return sentence if role == Qt.ItemDataRole.AccessibleTextRole else plain_tooltip(sentence)
        return None

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
        ids = [
            str(self._visible[i.row()].id) for i in indexes if i.isValid() and i.row() < len(self._visible)
        ]
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
        self._need_all()
        if opportunity_id in self._index():
            # Within its own column: placed where dropped, when the seller's own order is chosen.
            if self.place_handler is not None:
                target = row if row >= 0 else (parent.row() if parent.isValid() else len(self._visible))
                others = [c.id for c in self._visible if c.id != opportunity_id]
                before_row = target - sum(1 for c in self._visible[:target] if c.id == opportunity_id)
                self.place_handler(opportunity_id, others[before_row] if before_row < len(others) else None)
            return False
        self._drop_handler(opportunity_id, self.stage_id)
        # False: the view must not remove the dragged row itself; the controller moved it.
        return False

    # Board operations -------------------------------------------------------------------
    def face(self, card: Card) -> CardFace | None:
        """What the card shows (cached until the card, its account or the day changes)."""
        if self._face_of is None:
            return None
        found = self._faces.get(card.id)
        if found is None:
            # By position among the loaded rows: painting never needs the rest of the column.
            row = self._position(self._visible, card)
            batch = [card]
            if row >= 0:
                batch = [c for c in self._visible[row : row + FACE_BATCH] if c.id not in self._faces]
            for made in self._face_of(batch):
                self._faces[made.card.id] = made
            found = self._faces[card.id]
        return found

    def top_without_faces(self, count: int) -> list[Card]:
        """The first `count` visible cards whose faces are not made yet (painting's next ask)."""
        return self.without_faces(0, count)

    def without_faces(self, start: int, stop: int) -> list[Card]:
        """The visible cards of rows start..stop-1 whose faces are not made yet."""
        return [c for c in self._visible[max(start, 0) : stop] if c.id not in self._faces]

    def keep_faces(self, faces: Sequence[CardFace]) -> None:
        """Faces made for this column elsewhere (BoardController.prefetch_faces)."""
        for made in faces:
            self._faces[made.card.id] = made

    def status(self, card: Card) -> FunnelStatus | None:
        """The card's funnel badges."""
        face = self.face(card)
        return face.status if face else None

    def refresh_faces(self) -> None:
        """Forget cached faces and filter keys (a new day, renamed accounts, new stage rules)."""
        self._faces.clear()
        self._folded = None
        self._shown = None
        if self._visible:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._visible) - 1, 0))

    @property
    def cards(self) -> Sequence[Card]:
        """Every card of the column, filtered or not."""
        self._need_all()
        return self._all

    @property
    def visible_cards(self) -> Sequence[Card]:
        """The cards the filter lets through, in display order."""
        self._need_all()
        return self._visible

    @property
    def card_count(self) -> int:
        """How many cards the column holds, filtered or not (read or still to come)."""
        return len(self._all) + self._pending

    @property
    def complete(self) -> bool:
        """False while only the first screen of cards is loaded."""
        return not self._pending

    def _need_all(self) -> None:
        if self._pending and self.load_all is not None:
            self.load_all()
        assert not self._pending, "a partly loaded column needs load_all"

    def set_first_cards(self, cards: list[Card], total: int, sums: CurrencySums) -> None:
        """Show the first screen of a column: its first cards, its total count and its sums
        (computed by SQLite), while the rest is read. Unfiltered; set_cards completes it."""
        self.beginResetModel()
        self._faces.clear()
        self._all = cards
        self._by_id = None
        self._folded = None
        self._shown = None
        self._filter = ""
        self._visible = list(cards)
        self._pending = total - len(cards)
        self._all_sums = sums
        self.sums = sums.copy()
        self.endResetModel()

    def set_order(self, key: SortKey) -> None:
        """Sort the cards by `key` from now on (planner.board_order.sort_key)."""
        self._need_all()
        self.beginResetModel()
        self.order = key
        self._all.sort(key=key)
        self._folded = None
        self._shown = None
        if self._filter:
            self._visible, self._shown, self.sums = self._from_all(self._filter)
        else:
            self._visible = list(self._all)
        self.endResetModel()

    def set_cards(self, cards: list[Card]) -> None:
        """Replace every card (they arrive in close-date order, sorted here for another order)."""
        if self.order is not BY_CLOSE_DATE:
            cards.sort(key=self.order)
        self.beginResetModel()
        self._pending = 0
        self._faces.clear()
        self._all = cards
        self._by_id = None
        self._folded = None
        self._shown = None
        self._all_sums = CurrencySums.of(map(_money, self._all), self.default_probability)
        if self._filter:
            self._visible, self._shown, self.sums = self._from_all(self._filter)
        else:
            self._visible = list(self._all)
            self.sums = self._all_sums.copy()
        self.endResetModel()

    def prepare_filter(self) -> None:
        """Fold every card's title, account, product and people once: keystrokes only compare
        strings, and add up what they let through without a Python step per card."""
        self._need_all()
        if self._folded is None:
            names, words = self._accounts, self._words
            keys = fold_all(
                [f"{c.title}\n{names.get(c.account_id or 0, '')}\n{words.get(c.id, '')}" for c in self._all]
            )
            self._folded = _Folded(keys, SumsIndex(list(map(_money, self._all)), self.default_probability))

    def forget_keys(self) -> None:
        """Fold the filter keys again when next needed (the products or people were read)."""
        self._folded = None
        self._shown = None

    def set_filter(self, text: str) -> None:
        """Show only cards whose title, account, product or people contain `text` (any case, any
        accents: planner.folding)."""
        needle = fold(text.strip())
        if needle == self._filter:
            return
        self._need_all()
        narrowing = bool(self._filter) and needle.startswith(self._filter) and self._shown is not None
        if narrowing:
            # A longer query can only match a subset of the current result.
            assert self._folded is not None  # a shown part is dropped with the keys it came from
            assert self._shown is not None
            visible, shown, sums = self._narrow(
                needle, self._visible, self._shown, self._folded.money, self.sums
            )
        elif needle:
            self.prepare_filter()
            assert self._folded is not None
            everything = _Shown(self._folded.keys, range(len(self._all)))
            visible, shown, sums = self._narrow(
                needle, self._all, everything, self._folded.money, self._all_sums
            )
        else:
            # Keys of the visible rows are kept only while a filter narrows them: left over from
            # the last filter they would no longer line up with the rows (a move then removed
            # the wrong key, or raised).
            visible, shown, sums = list(self._all), None, self._all_sums.copy()
        self._filter = needle
        self._shown = shown
        self.sums = sums
        if len(visible) == len(self._visible) and (
            narrowing or all(map(operator.is_, visible, self._visible))
        ):
            # The same cards as before (a letter more of a word that already matched): the
            # views keep their rows, scroll position and pictures; nothing repaints.
            return
        self.beginResetModel()
        self._visible = visible
        self.endResetModel()

    def _from_all(self, needle: str) -> tuple[list[Card], _Shown, CurrencySums]:
        """`_narrow` of every card of the column."""
        self.prepare_filter()
        assert self._folded is not None
        everything = _Shown(self._folded.keys, range(len(self._all)))
        return self._narrow(needle, self._all, everything, self._folded.money, self._all_sums)

    @staticmethod
    def _narrow(
        needle: str, cards: list[Card], before: _Shown, money: SumsIndex, sums: CurrencySums
    ) -> tuple[list[Card], _Shown, CurrencySums]:
        """The `cards` (their keys and positions `before`) whose key contains `needle`, what a
        longer query narrows next, and their sums: afresh when at most half stay, else `sums`
        (of every card in `cards`) less the few left out."""
        # One pass of `in` over the keys; compress() then picks cards, keys and positions in C.
        hits = [needle in key for key in before.keys]
        positions = list(compress(before.positions, hits))
        shown = _Shown(list(compress(before.keys, hits)), positions)
        if 2 * len(positions) <= len(hits):
            found = money.sums_at(positions)
        else:
            found = sums.minus(money.sums_at(list(compress(before.positions, map(not_, hits)))))
        return list(compress(cards, hits)), shown, found

    def _count(self, card: Card, sign: int, sums: CurrencySums | None = None) -> None:
        chance = probability(card.probability_override, self.default_probability)
        (self.sums if sums is None else sums).add(card.amount, card.currency, chance, sign)

    def _index(self) -> dict[int, Card]:
        self._need_all()
        if self._by_id is None:
            self._by_id = {card.id: card for card in self._all}
        return self._by_id

    def _position(self, cards: list[Card], card: Card) -> int:
        """Where `card` sits in an ordered list, or -1."""
        position = bisect.bisect_left(cards, self.order(card), key=self.order)
        if position < len(cards) and cards[position].id == card.id:
            return position
        # Not where the order says (should not happen): look it up rather than lose a card.
        return next((i for i, c in enumerate(cards) if c.id == card.id), -1)

    def row_of(self, opportunity_id: int) -> int:
        """The visible row of a card, or -1."""
        card = self._index().get(opportunity_id)
        return -1 if card is None else self._position(self._visible, card)

    def card(self, opportunity_id: int) -> Card | None:
        """A card of this column by id, filtered or not."""
        return self._index().get(opportunity_id)

    def _key(self, card: Card) -> str:
        account, words = self._accounts.get(card.account_id or 0, ""), self._words.get(card.id, "")
        return fold(f"{card.title}\n{account}\n{words}")

    def upsert(self, card: Card) -> None:
        """Insert a card, or replace the one with its id (moving it to its sorted place)."""
        self.remove(card.id)
        self._faces.pop(card.id, None)
        position = bisect.bisect(self._all, self.order(card), key=self.order)
        self._all.insert(position, card)
        self._index()[card.id] = card
        self._count(card, 1, self._all_sums)
        key = self._key(card)
        if self._folded is not None:
            self._folded.insert(position, key, card)
        self._shown = None  # its positions moved
        if self._filter and self._filter not in key:
            return
        row = bisect.bisect(self._visible, self.order(card), key=self.order)
        self.beginInsertRows(QModelIndex(), row, row)
        self._visible.insert(row, card)
        self._count(card, 1)
        self.endInsertRows()

    def remove(self, opportunity_id: int) -> None:
        """Remove a card if the column holds it."""
        card = self._index().pop(opportunity_id, None)
        if card is None:
            return
        position = self._position(self._all, card)
        if position < 0:
            return
        del self._all[position]
        self._count(card, -1, self._all_sums)
        if self._folded is not None:
            self._folded.pop(position)
        self._shown = None  # its positions moved
        self._faces.pop(opportunity_id, None)
        row = self._position(self._visible, card)
        if row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            self._count(self._visible[row], -1)
            del self._visible[row]
            self.endRemoveRows()
