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


def totals(
    items: Iterable[tuple[float | None, str, int | None]],
    base_currency: str,
    rates: Rates,
    default_probability: int = 0,
) -> Totals:
    """Sum (amount, currency, probability % or None for the default) triples into Totals.

    Sums per currency first and converts once per currency: the loop is the board's hot
    path (a 100,000-deal plan sums every card at start and on each filter keystroke).
    """
    count = 0
    sums: dict[str, list[float]] = {}
    for value, currency, probability in items:
        count += 1
        if value is None:
            continue
        pair = sums.get(currency)
        if pair is None:
            pair = sums[currency] = [0.0, 0.0]
        pair[0] += value
        pair[1] += value * (default_probability if probability is None else probability)
    amount = 0.0
    weighted = 0.0
    apart: dict[str, tuple[float, float]] = {}
    for currency, (total, weighted_percent) in sorted(sums.items()):
        rate = 1.0 if currency == base_currency else rates.get(currency)
        if rate is None:
            apart[currency] = (total, weighted_percent / 100)
        else:
            amount += total * rate
            weighted += weighted_percent * rate / 100
    return Totals(count, amount, weighted, base_currency, apart)
