"""Currency sums: amounts convert through the plan's rate table; unknown currencies stay apart."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

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


def totals(items: Iterable[tuple[float | None, str, int]], base_currency: str, rates: Rates) -> Totals:
    """Sum (amount, currency, probability %) triples into Totals."""
    count = 0
    amount = 0.0
    weighted = 0.0
    apart: dict[str, list[float]] = {}
    for value, currency, probability in items:
        count += 1
        if value is None:
            continue
        if currency == base_currency:
            rate: float | None = 1.0
        else:
            rate = rates.get(currency)
        if rate is None:
            sums = apart.setdefault(currency, [0.0, 0.0])
            sums[0] += value
            sums[1] += value * probability / 100
            continue
        amount += value * rate
        weighted += value * rate * probability / 100
    return Totals(count, amount, weighted, base_currency, {c: (s[0], s[1]) for c, s in sorted(apart.items())})
