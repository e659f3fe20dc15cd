"""Service operations: one transaction each, change records, and exact undo through snapshots."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from planner import operations as ops
from planner.model import AccountDraft, OpportunityDraft
from planner.storage import accounts, opportunities, stages
from planner.storage.db import PlanDB
from tests.conftest import TODAY

TABLES = (
    "account",
    "opportunity",
    "stage_history",
    "close_date_history",
    "person",
    "buying_influence",
    "competitor",
    "manual_flag",
    "action",
    "note",
    "call_plan",
    "commitment",
    "amount_history",
    "import_change",
    "pipeline",
    "review_mark",
    "review_mark_deal",
    "coaching_item",
    "verdict",
    "forecast_call",
    "forecast_call_deal",
)


def dump(plan: PlanDB) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table: 'exactly as before' means equal dumps."""
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY id") for t in TABLES}


def _draft(plan: PlanDB, **fields: Any) -> OpportunityDraft:
    values: dict[str, Any] = {
        "title": "Rollout",
        "account_id": None,
        "stage_id": stages.list_stages(plan)[0].id,
    }
    values.update(fields)
    return OpportunityDraft(**values)


def test_create_records_the_first_stage(plan: PlanDB) -> None:
    change, new_id = ops.create_opportunity(plan, _draft(plan, amount=5.0), TODAY)
    assert change.opportunities == {new_id}
    (move,) = opportunities.stage_history(plan, new_id)
    assert (move.from_stage_id, move.reason) == (None, "Created")
    got = opportunities.get_opportunity(plan, new_id)
    assert got is not None
    assert got.stage_entered == TODAY


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "  "}, "Title cannot be empty"),
        ({"currency": "euro"}, "three-letter"),
        ({"amount": -1.0}, "negative"),
        ({"amount": float("nan")}, "number"),
        ({"amount": 1e20}, "too large"),
        ({"probability_override": 101}, "between 0 and 100"),
        ({"stage_id": 999}, "stage no longer exists"),
        ({"account_id": 999}, "account no longer exists"),
    ],
)
def test_invalid_drafts_write_nothing(plan: PlanDB, fields: dict[str, Any], message: str) -> None:
    before = dump(plan)
    with pytest.raises(ops.OperationError, match=message):
        ops.create_opportunity(plan, _draft(plan, **fields), TODAY)
    assert dump(plan) == before


def test_update_and_revert_is_exact(demo_plan: PlanDB) -> None:
    deal = opportunities.list_opportunities(demo_plan)[5]
    before_dump = dump(demo_plan)
    before = ops.snapshot_opportunity(demo_plan, deal.id)
    later_stage = stages.list_stages(demo_plan)[3].id
    draft = OpportunityDraft(
        "Renamed", deal.account_id, later_stage, amount=1.0, close_date=dt.date(2027, 6, 1), currency="GBP"
    )
    change = ops.update_opportunity(
        demo_plan, deal.id, draft, TODAY, ops.MoveDetails(commitment="Verbal selection", reason="Moved on")
    )
    assert change.opportunities == {deal.id}
    after_dump = dump(demo_plan)
    assert after_dump != before_dump
    after = ops.snapshot_opportunity(demo_plan, deal.id)
    ops.revert_opportunity(demo_plan, deal.id, before)
    assert dump(demo_plan) == before_dump
    ops.revert_opportunity(demo_plan, deal.id, after)
    assert dump(demo_plan) == after_dump


def test_stage_change_in_the_editor_is_a_recorded_move(plan: PlanDB) -> None:
    _change, deal = ops.create_opportunity(plan, _draft(plan), TODAY)
    second = stages.list_stages(plan)[1].id
    move = ops.MoveDetails(commitment="Agreed to a discovery meeting", commitment_date=TODAY)
    ops.update_opportunity(plan, deal, _draft(plan, stage_id=second), TODAY + dt.timedelta(days=3), move)
    moves = opportunities.stage_history(plan, deal)
    assert [(m.to_stage_id, m.commitment) for m in moves][-1] == (second, "Agreed to a discovery meeting")
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert got.stage_entered == TODAY + dt.timedelta(days=3)


def test_delete_and_restore_is_exact(demo_plan: PlanDB) -> None:
    deal = opportunities.list_opportunities(demo_plan)[0].id
    before = dump(demo_plan)
    change, snap = ops.delete_opportunity(demo_plan, deal)
    assert change.removed_opportunities == {deal}
    assert opportunities.get_opportunity(demo_plan, deal) is None
    assert (
        demo_plan.query("SELECT COUNT(*) FROM buying_influence WHERE opportunity_id = ?", [deal])[0][0] == 0
    )
    restored = ops.restore(demo_plan, snap)
    assert restored.opportunities == {deal}
    assert dump(demo_plan) == before


def test_account_delete_and_restore_is_exact(demo_plan: PlanDB) -> None:
    parent = next(a for a in accounts.list_accounts(demo_plan) if a.name == "Northwind Group")
    before = dump(demo_plan)
    change, snap = ops.delete_account(demo_plan, parent.id)
    assert change.removed_opportunities
    assert change.accounts_changed
    child = next(a for a in accounts.list_accounts(demo_plan) if a.name == "Northwind Freight")
    assert child.parent_id is None
    ops.restore(demo_plan, snap)
    assert dump(demo_plan) == before


def test_account_edit_revert_is_exact(demo_plan: PlanDB) -> None:
    account = accounts.list_accounts(demo_plan)[0]
    before_dump = dump(demo_plan)
    before = ops.snapshot_account_row(demo_plan, account.id)
    change = ops.update_account(demo_plan, account.id, AccountDraft("Renamed Ltd"))
    assert change.accounts_changed
    assert change.opportunities  # their cards show the account name
    ops.revert_account_row(demo_plan, before)
    assert dump(demo_plan) == before_dump


def test_account_parent_cannot_make_a_cycle(plan: PlanDB) -> None:
    _c, top = ops.create_account(plan, AccountDraft("Top"))
    _c, sub = ops.create_account(plan, AccountDraft("Sub", parent_id=top))
    with pytest.raises(ops.OperationError, match="own parent"):
        ops.update_account(plan, top, AccountDraft("Top", parent_id=sub))
    with pytest.raises(ops.OperationError, match="own parent"):
        ops.update_account(plan, top, AccountDraft("Top", parent_id=top))
    with pytest.raises(ops.OperationError, match="empty"):
        ops.create_account(plan, AccountDraft(" "))


def test_a_failed_operation_leaves_no_partial_write(plan: PlanDB) -> None:
    # The stage-history insert fails after the opportunity insert: both must be rolled back.
    plan.conn.execute(
        "CREATE TRIGGER fail BEFORE INSERT ON stage_history BEGIN SELECT RAISE(ABORT, 'boom'); END"
    )
    before = dump(plan)
    with pytest.raises(Exception, match="boom"):
        ops.create_opportunity(plan, _draft(plan), TODAY)
    assert dump(plan) == before
