"""The board's first screen read from the opportunity_board index agrees with reading every card."""

from __future__ import annotations

from operator import attrgetter

import pytest

from planner.money import CurrencySums
from planner.stages import open_stages
from planner.storage import stages as stage_repo
from planner.storage.board import load_cards, load_column_totals, load_first_cards
from planner.storage.db import PlanDB

_money = attrgetter("amount", "currency", "probability_override")


@pytest.mark.parametrize("count", [1, 3, 100])
def test_first_cards_are_the_start_of_each_column(demo_plan: PlanDB, count: int) -> None:
    stages = open_stages(stage_repo.list_stages(demo_plan))
    every = load_cards(demo_plan)
    first = load_first_cards(demo_plan, [s.id for s in stages], count)
    for stage in stages:
        column = [c for c in every if c.stage_id == stage.id]
        assert first[stage.id] == column[:count]


def test_undated_cards_come_last_as_in_the_full_column(demo_plan: PlanDB) -> None:
    with demo_plan.atomic():
        demo_plan.execute("UPDATE opportunity SET close_date = NULL WHERE id % 3 = 0")
    stages = open_stages(stage_repo.list_stages(demo_plan))
    every = load_cards(demo_plan)
    first = load_first_cards(demo_plan, [s.id for s in stages], 7)
    for stage in stages:
        assert first[stage.id] == [c for c in every if c.stage_id == stage.id][:7]


def test_column_totals_equal_summing_every_card(demo_plan: PlanDB) -> None:
    with demo_plan.atomic():
        demo_plan.execute("UPDATE opportunity SET probability_override = 35 WHERE id % 4 = 0")
        demo_plan.execute("UPDATE opportunity SET amount = NULL WHERE id % 5 = 0")
    stages = open_stages(stage_repo.list_stages(demo_plan))
    every = load_cards(demo_plan)
    rows = load_column_totals(demo_plan)
    for stage in stages:
        expected = CurrencySums.of(
            map(_money, [c for c in every if c.stage_id == stage.id]), stage.probability
        )
        got = CurrencySums.of_totals([r for r in rows if r.stage_id == stage.id], stage.probability)
        assert got.count == expected.count
        assert got.sums.keys() == expected.sums.keys()
        for currency, (amount, weighted) in expected.sums.items():
            assert got.sums[currency] == pytest.approx([amount, weighted])


def test_the_first_screen_reads_the_index(demo_plan: PlanDB) -> None:
    plan = demo_plan.query(
        "EXPLAIN QUERY PLAN SELECT id FROM opportunity WHERE stage_id = 1 AND close_date IS NOT NULL"
        " ORDER BY close_date, id LIMIT 60"
    )
    assert any("opportunity_board" in str(row) for row in plan)
