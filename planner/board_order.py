"""The order of the cards in a board column: one sort key for every order the seller can choose.

The board's models keep their cards sorted by `sort_key(...)` (and insert by bisection with it),
the window walk checks the columns against `ordered(...)`, and the plan's settings remember the
choice under SETTING. Every key ends with the close date and the id, so no two cards tie and a
card's place is always the same.

Decided here (docs/method.md is silent):
- Amount and weighted amount: largest first, in the base currency; an amount in a currency
  without a rate counts as its own number (it is not converted, as in the column totals' "apart").
  A deal without an amount comes after every deal with one.
- Days in stage: longest first, i.e. the earliest stage-entered day first; unknown ones last.
- Red flags: most first (the rule engine's red flags, strengths left out).
- Own order: the seller's ranks (the `board_rank` column, smallest first); deals never placed
  come after the placed ones, by close date.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping
from operator import attrgetter
from typing import Any

from planner.changes import Change
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import Card
from planner.stages import probability
from planner.storage import board as board_repo
from planner.storage.db import PlanDB

SETTING = "board_order"  # the plan setting that remembers the choice

# What sorts after every real value (ISO days and ranks both).
_LAST_DAY = "9999-12-31"
_UNRANKED = 1 << 62


class BoardOrder(enum.StrEnum):
    """The orders a column can have; the value is what the plan's settings store."""

    CLOSE_DATE = "close_date"
    AMOUNT = "amount"
    WEIGHTED = "weighted"
    DAYS_IN_STAGE = "days_in_stage"
    RED_FLAGS = "red_flags"
    OWN = "own"

    @property
    def label(self) -> str:
        """The order's name as the "Sort by" choice shows it."""
        return translate("BoardOrder", _LABELS[self])

    @classmethod
    def parse(cls, value: Any) -> BoardOrder:
        """The order a stored setting names; the default for anything else (a hand-edited plan)."""
        try:
            return cls(value)
        except ValueError:
            return cls.CLOSE_DATE


_LABELS: dict[BoardOrder, str] = {
    BoardOrder.CLOSE_DATE: QT_TRANSLATE_NOOP("BoardOrder", "Close date"),
    BoardOrder.AMOUNT: QT_TRANSLATE_NOOP("BoardOrder", "Amount"),
    BoardOrder.WEIGHTED: QT_TRANSLATE_NOOP("BoardOrder", "Weighted amount"),
    BoardOrder.DAYS_IN_STAGE: QT_TRANSLATE_NOOP("BoardOrder", "Days in stage"),
    BoardOrder.RED_FLAGS: QT_TRANSLATE_NOOP("BoardOrder", "Red flags"),
    BoardOrder.OWN: QT_TRANSLATE_NOOP("BoardOrder", "My own order"),
}

# The orders that need more than the card: red-flag counts or ranks, by deal id.
NEEDS_FLAGS = frozenset({BoardOrder.RED_FLAGS})
NEEDS_RANKS = frozenset({BoardOrder.OWN})

SortKey = Callable[[Card], tuple[Any, ...]]
# Today's order, the default: by close date (undated last), then id. An attrgetter, not a
# function: it runs in C when 100,000 cards are sorted.
BY_CLOSE_DATE: SortKey = attrgetter("order_key", "id")


def sort_key(
    order: BoardOrder,
    *,
    default_probability: int = 0,
    base_currency: str = "EUR",
    rates: Mapping[str, float] | None = None,
    flags: Mapping[int, int] | None = None,
    ranks: Mapping[int, int] | None = None,
) -> SortKey:
    """The key that sorts one column's cards (`default_probability`: its stage's) in `order`.

    `flags` (deal id -> red-flag count) and `ranks` (deal id -> the seller's rank) are read when
    the key is called, so a caller updating them in place changes the order of the cards it
    inserts next.
    """
    if order is BoardOrder.CLOSE_DATE:
        return BY_CLOSE_DATE
    if order is BoardOrder.DAYS_IN_STAGE:
        return lambda card: (card.stage_entered or _LAST_DAY, card.order_key, card.id)
    if order is BoardOrder.RED_FLAGS:
        counts = flags if flags is not None else {}
        return lambda card: (-counts.get(card.id, 0), card.order_key, card.id)
    if order is BoardOrder.OWN:
        placed = ranks if ranks is not None else {}
        return lambda card: (placed.get(card.id, _UNRANKED), card.order_key, card.id)
    known = rates if rates is not None else {}
    weighted = order is BoardOrder.WEIGHTED

    def by_value(card: Card) -> tuple[Any, ...]:
        if card.amount is None:
            return (1, 0.0, card.order_key, card.id)
        rate = 1.0 if card.currency == base_currency else known.get(card.currency, 1.0)
        value = card.amount * rate
        if weighted:
            value = value * probability(card.probability_override, default_probability) / 100
        return (0, -value, card.order_key, card.id)

    return by_value


def ordered(cards: Iterable[Card], key: SortKey) -> list[Card]:
    """The cards in the order `key` gives."""
    return sorted(cards, key=key)


def placed_ranks(
    column: list[Card], ranks: Mapping[int, int], moved: int, before: int | None
) -> dict[int, int]:
    """The ranks that put deal `moved` just before deal `before` (None: at the end) in `column`.

    `column` holds the column's cards in own order. Only the placed deals and those up to the
    moved one get a rank (0, 1, …): the rest keep no rank and follow by close date, so placing a
    card near the top of a long column writes a few rows, not the whole column. Returns the
    ranks that change (deal id -> new rank).
    """
    rest = [card.id for card in column if card.id != moved]
    position = len(rest) if before is None or before not in rest else rest.index(before)
    new_order = [*rest[:position], moved, *rest[position:]]
    ranked_count = sum(1 for deal in rest if deal in ranks)
    # Every card up to the moved one, and every card that had a rank, keeps or gets one.
    ranked = new_order[: max(position, ranked_count) + 1]
    return {deal: rank for rank, deal in enumerate(ranked) if ranks.get(deal) != rank}


def write_ranks(plan: PlanDB, ranks: Mapping[int, int | None]) -> Change:
    """Give some deals these ranks (None: none); what an undo command writes back and forth."""
    board_repo.set_ranks(plan, ranks)
    return Change(opportunities=frozenset(ranks))
