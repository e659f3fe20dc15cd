"""planner.money.SumsIndex: a filter's sums in C-level passes equal CurrencySums.of of the same deals."""

from __future__ import annotations

from itertools import compress

from hypothesis import given
from hypothesis import strategies as st

from planner.money import CurrencySums, Money, SumsIndex

DEFAULT = 40

amounts = st.one_of(
    st.none(), st.floats(min_value=0, max_value=1e7, allow_nan=False), st.integers(0, 10**6).map(float)
)
money = st.tuples(
    amounts,
    st.sampled_from(["EUR", "USD", "GBP"]),
    st.one_of(st.none(), st.integers(0, 100)),
)


def _fresh(items: list[Money]) -> CurrencySums:
    return CurrencySums.of(items, DEFAULT)


def _same(got: CurrencySums, want: CurrencySums) -> None:
    assert got.count == want.count
    # The same additions in the same order: equal, not just close. A currency the part has
    # none of may still have its pair of zeros (totals() leaves it out).
    for currency in set(got.sums) | set(want.sums):
        assert got.sums.get(currency, [0.0, 0.0]) == want.sums.get(currency, [0.0, 0.0])


@given(st.lists(money, max_size=60), st.data())
def test_sums_of_any_part_equal_a_fresh_sum(items: list[Money], data: st.DataObject) -> None:
    index = SumsIndex(items, DEFAULT)
    hits = data.draw(st.lists(st.booleans(), min_size=len(items), max_size=len(items)))
    _same(index.sums_at(range(len(items))), _fresh(items))
    positions = list(compress(range(len(items)), hits))
    _same(index.sums_at(positions), _fresh(list(compress(items, hits))))
    # Narrowed again, as a longer query narrows the last result.
    again = data.draw(st.lists(st.booleans(), min_size=len(positions), max_size=len(positions)))
    narrowed = list(compress(positions, again))
    _same(index.sums_at(narrowed), _fresh([items[i] for i in narrowed]))


STEPS = st.lists(st.tuples(st.booleans(), st.integers(0, 1000), money), max_size=30)


@given(st.lists(money, max_size=40), STEPS)
def test_inserts_and_pops_keep_the_index_in_step(
    items: list[Money], steps: list[tuple[bool, int, Money]]
) -> None:
    index = SumsIndex(items, DEFAULT)
    mirror = list(items)
    for is_insert, where, item in steps:
        if is_insert:
            position = where % (len(mirror) + 1)
            mirror.insert(position, item)
            index.insert(position, item)  # a currency the index has not seen yet, too
        elif mirror:
            position = where % len(mirror)
            del mirror[position]
            index.pop(position)
        assert len(index) == len(mirror)
    _same(index.sums_at(range(len(mirror))), _fresh(mirror))
    _same(index.sums_at(range(0, len(mirror), 2)), _fresh(mirror[::2]))


def test_a_currency_without_amounts_adds_nothing_to_the_totals() -> None:
    items: list[Money] = [(None, "USD", None), (100.0, "EUR", 50), (10.0, "GBP", None)]
    index = SumsIndex(items, DEFAULT)
    assert index.sums_at(range(3)).sums == {"EUR": [100.0, 5000.0], "GBP": [10.0, 400.0]}
    part = index.sums_at([0])
    assert part.count == 1
    assert part.totals("EUR", {}).amount == 0.0
    assert part.totals("EUR", {}).unconverted == {}  # GBP's pair of zeros is left out
