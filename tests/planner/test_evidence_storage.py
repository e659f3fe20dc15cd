"""The evidence chain's storage: commitments and call plans round-trip, and undo covers them."""

from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from pathlib import Path

from planner import operations as ops
from planner.model import CallPlan, Commitment
from planner.storage import evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage.board import load_status_columns
from planner.storage.db import PlanDB, open_plan
from tests.planner.test_operations import dump

DATA = Path(__file__).resolve().parent.parent / "data"


def _deal(plan: PlanDB) -> int:
    return opportunity_repo.list_opportunities(plan)[0].id


def test_commitments_round_trip_latest_first(demo_plan: PlanDB) -> None:
    deal = _deal(demo_plan)
    before = len(evidence.list_commitments(demo_plan, deal))
    first = evidence.insert_commitment(
        demo_plan, Commitment(0, deal, "Shared the decision criteria", dt.date(2026, 11, 2), who="CIO")
    )
    second = evidence.insert_commitment(
        demo_plan,
        Commitment(0, deal, "Agreed a technical evaluation", dt.date(2026, 11, 20), evidence="mail"),
    )
    found = evidence.list_commitments(demo_plan, deal)
    assert [c.id for c in found[:2]] == [second, first]
    assert found[1].who == "CIO"
    assert len(found) == before + 2
    assert load_status_columns(demo_plan).last_commitment[deal] >= "2026-11-20"  # what Stale reads
    evidence.update_commitment(demo_plan, Commitment(first, deal, "Shared criteria", dt.date(2026, 11, 3)))
    assert evidence.commitments_of(demo_plan, [deal])[deal][-1 - before].what == "Shared criteria"
    evidence.delete_commitment(demo_plan, second)
    assert len(evidence.list_commitments(demo_plan, deal)) == before + 1


def test_a_call_plan_round_trips_every_field(demo_plan: PlanDB) -> None:
    deal = _deal(demo_plan)
    call = CallPlan(
        0,
        deal,
        dt.datetime(2026, 12, 9, 14, 30),
        title="Evaluation kick-off",
        attendees=(1, 2),
        business_reason="Agree the pilot's scope",
        giving="Reference from a peer",
        confirmation_questions=("Is Q1 still the date?",),
        new_information_questions=("Who else evaluates?", "What does IT need?"),
        attitude_questions=("How do you feel about the pilot?",),
        best_action="CFO signs the pilot order",
        minimum_action="Introduce us to the CFO",
        commit_by=dt.date(2026, 12, 16),
    )
    call_id = evidence.insert_call_plan(demo_plan, call)
    stored = evidence.get_call_plan(demo_plan, call_id)
    assert stored == dataclasses.replace(call, id=call_id)
    debriefed = dataclasses.replace(
        stored, debriefed_on=dt.date(2026, 12, 9), debrief_commitment="Pilot agreed"
    )
    evidence.update_call_plan(demo_plan, debriefed)
    assert evidence.list_call_plans(demo_plan, deal) == [debriefed]
    assert evidence.get_call_plan(demo_plan, call_id) is not None
    evidence.delete_call_plan(demo_plan, call_id)
    assert evidence.list_call_plans(demo_plan, deal) == []


def test_deleting_a_deal_takes_its_evidence_and_undo_brings_it_back(demo_plan: PlanDB) -> None:
    deal = _deal(demo_plan)
    evidence.insert_commitment(demo_plan, Commitment(0, deal, "Verbal selection", dt.date(2026, 11, 25)))
    evidence.insert_call_plan(demo_plan, CallPlan(0, deal, dt.datetime(2026, 12, 1, 9, 0)))
    before = dump(demo_plan)
    snap = ops.snapshot_opportunity(demo_plan, deal)
    ops.delete_opportunity(demo_plan, deal)
    assert evidence.list_commitments(demo_plan, deal) == []
    ops.revert_opportunity(demo_plan, deal, snap)
    assert dump(demo_plan) == before


def test_an_upgraded_plan_keeps_its_move_commitments_as_evidence(tmp_path: Path) -> None:
    """Plans from before the evidence chain: every commitment a move recorded becomes a record,
    with its day and the stage it let the deal leave."""
    path = tmp_path / "old.plan"
    shutil.copyfile(DATA / "plan-0003.plan", path)
    plan = open_plan(path)
    try:
        moves = plan.query(
            "SELECT opportunity_id, from_stage_id, commitment, commitment_date FROM stage_history"
            " WHERE commitment != '' ORDER BY id"
        )
        assert moves, "a fixture without commitments would prove nothing"
        records = plan.query(
            "SELECT opportunity_id, stage_id, what, committed_on FROM commitment ORDER BY id"
        )
        assert records == moves
    finally:
        plan.close()
