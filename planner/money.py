"""Currency sums: amounts convert through the plan's rate table; unknown currencies stay apart."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Protocol


class CurrencyTotalsRow(Protocol):
    """What `CurrencySums.of_totals` reads of a row (planner.storage.board.CurrencyTotals)."""

    @property
    def currency(self) -> str: ...
    @property
    def deals(self) -> int: ...
    @property
    def with_amount(self) -> int: ...
    @property
    def amount(self) -> float: ...
    @property
    def weighted_by_override(self) -> float: ...
    @property
    def amount_at_default(self) -> float: ...


# Rates say how many units of the base currency one unit of a currency is worth.
Rates = Mapping[str, float]


@dataclass(frozen=True, slots=True)
class Totals:
    """A column's count, sum and weighted sum in the base currency.

    `unconverted` holds, per currency without a rate, the amount and weighted amount that
    could not be added: they are shown beside the total, never silently summed into it.
    """

    count: int
    amount: float
    weighted: float
    currency: str
    unconverted: Mapping[str, tuple[float, float]] = field(default_factory=dict)


class CurrencySums:
    """Running count and per-currency sums of (amount, amount x probability %).

    Kept per board column and adjusted as cards come and go, so moving one card does not
    re-add a 25,000-card column; `totals()` converts the few per-currency sums.
    """

    __slots__ = ("count", "sums")

    def __init__(self) -> None:
        self.count = 0
        self.sums: dict[str, list[float]] = {}

    @classmethod
    def of(
        cls, items: Iterable[tuple[float | None, str, int | None]], default_probability: int
    ) -> CurrencySums:
        """Sums of (amount, currency, probability % or None for the default) triples."""
        sums = cls()
        count = 0
        by_currency = sums.sums
        for value, currency, probability in items:  # the hot loop: kept free of method calls
            count += 1
            if value is None:
                continue
            pair = by_currency.get(currency)
            if pair is None:
                pair = by_currency[currency] = [0.0, 0.0]
            pair[0] += value
            pair[1] += value * (default_probability if probability is None else probability)
        sums.count = count
        return sums

    @classmethod
    def of_totals(cls, rows: Iterable[CurrencyTotalsRow], default_probability: int) -> CurrencySums:
        """The same sums from SQLite's per-currency totals of one column (planner.storage.board)."""
        sums = cls()
        for row in rows:
            sums.count += row.deals
            if row.with_amount:
                weighted = row.weighted_by_override + row.amount_at_default * default_probability
                sums.sums[row.currency] = [row.amount, weighted]
        return sums

    def copy(self) -> CurrencySums:
        """An independent copy (adjusting one leaves the other as it was)."""
        found = CurrencySums()
        found.count = self.count
        found.sums = {currency: list(pair) for currency, pair in self.sums.items()}
        return found

    def minus(self, part: CurrencySums) -> CurrencySums:
        """These sums less a part of them: a few cards out of many cost only the few."""
        found = self.copy()
        found.count -= part.count
        for currency, (total, weighted) in part.sums.items():
            pair = found.sums.setdefault(currency, [0.0, 0.0])
            pair[0] -= total
            pair[1] -= weighted
        return found

    def add(self, value: float | None, currency: str, probability: int, sign: int = 1) -> None:
        """Count one deal in (sign 1) or out (sign -1)."""
        self.count += sign
        if value is None:
            return
        pair = self.sums.get(currency)
        if pair is None:
            pair = self.sums[currency] = [0.0, 0.0]
        pair[0] += sign * value
        pair[1] += sign * value * probability

    def totals(self, base_currency: str, rates: Rates) -> Totals:
        """Convert to the base currency; currencies without a rate stay apart."""
        amount = 0.0
        weighted = 0.0
        apart: dict[str, tuple[float, float]] = {}
        for currency, (total, weighted_percent) in sorted(self.sums.items()):
            if abs(total) < 1e-6 and abs(weighted_percent) < 1e-4:
                continue  # every deal in this currency has gone (what remains is rounding)
            rate = 1.0 if currency == base_currency else rates.get(currency)
            if rate is None:
                apart[currency] = (total, weighted_percent / 100)
            else:
                amount += total * rate
                weighted += weighted_percent * rate / 100
        return Totals(self.count, amount, weighted, base_currency, apart)


Money = tuple[float | None, str, int | None]  # amount, currency, probability % (None: the default)


class SumsIndex:
    """The sums of any part of a list of deals (what a filter lets through), in passes in C.

    Per currency, two lists parallel to the deals: the amount and the amount x probability %
    (0.0 where a deal has another currency or no amount). A part's sums are then `sum` over
    the part's positions, in C, rather than one Python step per deal (a broad first letter at
    100,000 deals: 28 ms before). The sums are those of `CurrencySums.of` over the same deals
    (the same additions in the same order, plus zeros), except that every currency of the
    list has its pair, 0.0 where the part has none of it: `totals()` leaves such a pair out,
    as it does for deals that all left a column.
    """

    __slots__ = ("_columns", "_default", "_size")

    def __init__(self, items: Sequence[Money], default_probability: int) -> None:
        self._default = default = default_probability
        self._size = len(items)
        self._columns: dict[str, tuple[list[float], list[float]]] = {}
        for currency in {c for value, c, _ in items if value is not None}:
            amounts = [value if value is not None and c == currency else 0.0 for value, c, _ in items]
            weighted = [
                value * (default if p is None else p) if value is not None and c == currency else 0.0
                for value, c, p in items
            ]
            self._columns[currency] = (amounts, weighted)

    def __len__(self) -> int:
        return self._size

    def insert(self, position: int, item: Money) -> None:
        """A deal comes in at `position` (the same place as in the list it indexes)."""
        value, currency, probability = item
        if value is not None and currency not in self._columns:
            self._columns[currency] = ([0.0] * self._size, [0.0] * self._size)
        chance = self._default if probability is None else probability
        for column_currency, (amounts, weighted) in self._columns.items():
            if value is not None and column_currency == currency:
                amounts.insert(position, value)
                weighted.insert(position, value * chance)
            else:
                amounts.insert(position, 0.0)
                weighted.insert(position, 0.0)
        self._size += 1

    def pop(self, position: int) -> None:
        """The deal at `position` leaves."""
        for amounts, weighted in self._columns.values():
            del amounts[position], weighted[position]
        self._size -= 1

    def sums_at(self, positions: Sequence[int]) -> CurrencySums:
        """CurrencySums of the deals at `positions` (ascending): a narrowed filter's few."""
        found = CurrencySums()
        found.count = len(positions)
        for currency, (amounts, weighted) in self._columns.items():
            found.sums[currency] = [
                sum(map(amounts.__getitem__, positions), 0.0),
                sum(map(weighted.__getitem__, positions), 0.0),
            ]
        return found


def totals(
    items: Iterable[tuple[float | None, str, int | None]],
    base_currency: str,
    rates: Rates,
    default_probability: int = 0,
) -> Totals:
    """Sum (amount, currency, probability % or None for the default) triples into Totals."""
    return CurrencySums.of(items, default_probability).totals(base_currency, rates)
