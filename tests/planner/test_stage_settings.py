"""Stage settings: rename and reorder keep history; deleting asks where deals go; exact undo."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from planner import operations as ops
from planner.model import FunnelLevel
from planner.operations import StageRow
from planner.stages import StageSpec, open_stages
from planner.storage import opportunities, stages
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.test_operations import dump


def full_dump(plan: PlanDB) -> dict[str, list[tuple[Any, ...]]]:
    return {
        **dump(plan),
        "stage": plan.query("SELECT * FROM stage ORDER BY id"),
        "settings": plan.query("SELECT * FROM settings ORDER BY key"),
    }


def rows_of(plan: PlanDB) -> list[StageRow]:
    return [
        StageRow(s.id, StageSpec(s.name, s.level, s.probability, s.stale_after_days, s.exit_commitments))
        for s in stages.list_stages(plan)
        if not s.retired
    ]


def test_rename_and_reorder_keep_history(demo_plan: PlanDB) -> None:
    rows = rows_of(demo_plan)
    deal = next(o for o in opportunities.list_opportunities(demo_plan) if o.stage_id == rows[2].id)
    history_before = opportunities.stage_history(demo_plan, deal.id)
    rows[2] = replace(rows[2], spec=replace(rows[2].spec, name="Solution evaluation"))
    rows[1], rows[2] = rows[2], rows[1]
    change = ops.apply_stage_settings(demo_plan, rows, {}, TODAY).change
    assert change.stages_changed
    names = [s.name for s in open_stages(stages.list_stages(demo_plan))]
    assert names == ["Prospect", "Solution evaluation", "Qualified", "Committed"]
    assert opportunities.stage_history(demo_plan, deal.id) == history_before
    moved = opportunities.get_opportunity(demo_plan, deal.id)
    assert moved is not None
    assert moved.stage_id == deal.stage_id


def test_delete_moves_deals_where_asked_and_retires_a_stage_history_names(demo_plan: PlanDB) -> None:
    rows = rows_of(demo_plan)
    qualified, evaluating = rows[1].id, rows[2].id
    assert qualified is not None
    assert evaluating is not None
    in_qualified = [o.id for o in opportunities.list_opportunities(demo_plan) if o.stage_id == qualified]
    remaining = [r for r in rows if r.id != qualified]
    with pytest.raises(ops.OperationError, match="Say where"):
        ops.apply_stage_settings(demo_plan, remaining, {}, TODAY)
    ops.apply_stage_settings(demo_plan, remaining, {qualified: evaluating}, TODAY)
    for deal_id in in_qualified:
        deal = opportunities.get_opportunity(demo_plan, deal_id)
        assert deal is not None
        assert deal.stage_id == evaluating
        assert opportunities.stage_history(demo_plan, deal_id)[-1].reason == "Stage Qualified was deleted"
    retired = stages.get_stage(demo_plan, qualified)
    assert retired is not None
    assert retired.retired
    assert "Qualified" not in [s.name for s in open_stages(stages.list_stages(demo_plan))]


def test_an_unused_new_stage_is_really_deleted(plan: PlanDB) -> None:
    rows = rows_of(plan)
    ops.apply_stage_settings(
        plan, [*rows[:1], StageRow(None, StageSpec("Demo", FunnelLevel.IN, 40, 21, ())), *rows[1:]], {}, TODAY
    )
    added = next(s for s in stages.list_stages(plan) if s.name == "Demo")
    assert added.position == 1
    ops.apply_stage_settings(plan, rows_of(plan)[:1] + rows_of(plan)[2:], {}, TODAY)
    assert stages.get_stage(plan, added.id) is None


@pytest.mark.parametrize(
    ("mutate", "message"),
    [
        (
            lambda rows: [
                replace(r, spec=replace(r.spec, name=" ")) if i == 0 else r for i, r in enumerate(rows)
            ],
            "name",
        ),
        (
            lambda rows: [
                replace(r, spec=replace(r.spec, name="Won")) if i == 0 else r for i, r in enumerate(rows)
            ],
            "Two stages",
        ),
        (lambda rows: [r for r in rows if r.spec.level is not FunnelLevel.LOST], "Lost"),
        (lambda rows: [r for r in rows if r.spec.level.is_closed], "open stage"),
    ],
)
def test_unusable_funnels_are_refused(plan: PlanDB, mutate: Any, message: str) -> None:
    before = full_dump(plan)
    with pytest.raises(ops.OperationError, match=message):
        ops.apply_stage_settings(plan, mutate(rows_of(plan)), {}, TODAY)
    assert full_dump(plan) == before


def test_revert_is_exact(demo_plan: PlanDB) -> None:
    rows = rows_of(demo_plan)
    qualified, evaluating = rows[1].id, rows[2].id
    assert qualified is not None
    assert evaluating is not None
    moved = ops.deals_in_stages(demo_plan, [qualified])
    before_dump = full_dump(demo_plan)
    before = ops.stage_settings_snapshot(demo_plan, moved)
    new_rows = [r for r in rows if r.id != qualified]
    new_rows.insert(0, StageRow(None, StageSpec("Lead", FunnelLevel.UNIVERSE, 5, 60, ("Replied",))))
    ops.apply_stage_settings(demo_plan, new_rows, {qualified: evaluating}, TODAY)
    after_dump = full_dump(demo_plan)
    after = ops.stage_settings_snapshot(demo_plan, moved)
    ops.revert_stage_settings(demo_plan, before)
    assert full_dump(demo_plan) == before_dump
    ops.revert_stage_settings(demo_plan, after)
    assert full_dump(demo_plan) == after_dump


def test_currencies(plan: PlanDB) -> None:
    ops.set_currencies(plan, "usd", {"EUR": 1.08, "usd": 1.0})
    from planner.storage import settings

    assert settings.get_setting(plan, "base_currency") == "USD"
    assert settings.get_setting(plan, "rates") == {"EUR": 1.08}
    with pytest.raises(ops.OperationError, match="positive"):
        ops.set_currencies(plan, "EUR", {"USD": -1.0})
    with pytest.raises(ops.OperationError, match="three-letter"):
        ops.set_currencies(plan, "EURO", {})


def test_the_change_returns_its_own_undo_record(demo_plan: PlanDB) -> None:
    rows = rows_of(demo_plan)
    qualified, evaluating = rows[1].id, rows[2].id
    assert qualified is not None
    assert evaluating is not None
    moved = ops.deals_in_stages(demo_plan, [qualified])
    assert moved
    before_dump = full_dump(demo_plan)
    done = ops.apply_stage_settings(
        demo_plan, [r for r in rows if r.id != qualified], {qualified: evaluating}, TODAY
    )
    assert done.change.opportunities == frozenset(moved)
    assert [deal_id for deal_id, _snap in done.before.deals] == moved
    after_dump = full_dump(demo_plan)
    ops.revert_stage_settings(demo_plan, done.before)
    assert full_dump(demo_plan) == before_dump
    ops.revert_stage_settings(demo_plan, done.after)
    assert full_dump(demo_plan) == after_dump


def test_deals_of_a_deleted_stage_sent_to_won_are_closed_like_any_move(demo_plan: PlanDB) -> None:
    rows = rows_of(demo_plan)
    qualified = rows[1].id
    won = next(r.id for r in rows if r.spec.level is FunnelLevel.WON)
    assert qualified is not None
    assert won is not None
    moved = ops.deals_in_stages(demo_plan, [qualified])
    ops.apply_stage_settings(demo_plan, [r for r in rows if r.id != qualified], {qualified: won}, TODAY)
    for deal_id in moved:
        deal = opportunities.get_opportunity(demo_plan, deal_id)
        assert deal is not None
        assert deal.stage_id == won
        assert deal.closed_on == TODAY  # won today, as a drag to Won would say
        assert deal.close_reason == "Stage Qualified was deleted"
        assert deal.last_open_stage_id == qualified  # reopening returns it to the nearest it was
