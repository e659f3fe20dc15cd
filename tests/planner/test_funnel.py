"""Funnel rules (stale, slips, overdue, premature, move direction) and the move operations."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import evidence as evidence_ops
from planner import funnel
from planner import operations as ops
from planner.funnel import DealTiming
from planner.model import FunnelLevel, OpportunityDraft, Stage
from planner.operations import MoveDetails
from planner.stages import StageSpec
from planner.storage import evidence, opportunities, stages
from planner.storage.board import load_cards, load_details
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.test_operations import dump

D = dt.date


def timing(**fields: object) -> DealTiming:
    values: dict[str, object] = {
        "close_date": None,
        "stage_entered": None,
        "created": None,
        "last_commitment": None,
        "recorded": (),
        "snooze_until": None,
        "slips": 0,
    }
    values.update(fields)
    return DealTiming(**values)  # type: ignore[arg-type]


def stale_days(t: DealTiming, limit: int | None, today: dt.date) -> int | None:
    """What the funnel rules say of one deal's staleness in a stage with this limit."""
    return funnel.status(t, funnel.StageRule(0, limit), today).stale_days


# A three-stage funnel of its own: what enters Later is Early's two exits and Middle's one.
EARLY, MIDDLE, LATER = (
    Stage(1, "Early", FunnelLevel.ABOVE, 0, 10, 30, ("Agreed to meet", "Confirmed a goal")),
    Stage(2, "Middle", FunnelLevel.IN, 1, 30, 21, ("Shared the budget",)),
    Stage(3, "Later", FunnelLevel.BEST_FEW, 2, 80, 14, ("Verbal selection",)),
)
RULE = funnel.stage_rules([EARLY, MIDDLE, LATER])[LATER.id]


@pytest.mark.parametrize(
    ("days_ago", "stale"),
    [(0, None), (20, None), (21, None), (22, 22), (34, 34)],
)
def test_stale_at_the_boundary(days_ago: int, stale: int | None) -> None:
    t = timing(last_commitment=TODAY - dt.timedelta(days=days_ago), created=D(2020, 1, 1))
    assert stale_days(t, 21, TODAY) == stale


def test_stale_counts_from_creation_when_no_commitment_was_ever_recorded() -> None:
    assert stale_days(timing(created=TODAY - dt.timedelta(days=40)), 30, TODAY) == 40
    assert stale_days(timing(), 30, TODAY) is None
    assert stale_days(timing(created=D(2000, 1, 1)), None, TODAY) is None  # closed stages


def test_snooze_hides_stale_until_and_including_its_date() -> None:
    old = TODAY - dt.timedelta(days=60)
    assert stale_days(timing(last_commitment=old, snooze_until=TODAY), 21, TODAY) is None
    assert stale_days(timing(last_commitment=old, snooze_until=TODAY - dt.timedelta(days=1)), 21, TODAY) == 60


@given(
    last=st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
    today=st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31)),
    limit=st.integers(min_value=1, max_value=400),
    snooze=st.one_of(st.none(), st.dates(min_value=D(2000, 1, 1), max_value=D(2030, 12, 31))),
)
def test_stale_property(last: dt.date, today: dt.date, limit: int, snooze: dt.date | None) -> None:
    result = stale_days(timing(last_commitment=last, snooze_until=snooze), limit, today)
    elapsed = (today - last).days
    if snooze is not None and today <= snooze:
        assert result is None
    elif elapsed > limit:
        assert result == elapsed
        assert (
            funnel.stale_reason(elapsed, limit)
            == f"No customer commitment for {elapsed} days (stage limit {limit})"
        )
    else:
        assert result is None


def test_reason_reads_like_the_method() -> None:
    assert funnel.stale_reason(34, 21) == "No customer commitment for 34 days (stage limit 21)"
    assert funnel.slip_reason(1) == "The close date moved later once"
    assert funnel.slip_reason(3) == "The close date moved later 3 times"


def test_premature_names_every_entry_commitment_never_recorded() -> None:
    """The entry commitments of a stage are the exits of every open stage before it, matched
    by stage and text (case and spacing aside); each missing one is named, in order."""
    assert [item.text for item in RULE.entry] == ["Agreed to meet", "Confirmed a goal", "Shared the budget"]
    assert funnel.missing_entry(RULE, ()) == ("Agreed to meet", "Confirmed a goal", "Shared the budget")
    recorded = ((1, "agreed  to MEET"), (2, "Shared the budget"))
    assert funnel.missing_entry(RULE, recorded) == ("Confirmed a goal",)
    # The right text under another stage's checklist, or in the customer's words, is not the item.
    assert funnel.missing_entry(RULE, ((2, "Confirmed a goal"), (None, "Agreed to meet"))) == (
        "Agreed to meet",
        "Confirmed a goal",
        "Shared the budget",
    )
    # A move once recorded all it passed in one text, naming the stage it left: still counted.
    legacy = ((1, "Agreed to meet; Confirmed a goal; Shared the budget"),)
    assert funnel.missing_entry(RULE, legacy) == ()
    status = funnel.status(timing(created=TODAY, recorded=recorded), RULE, TODAY)
    assert status.premature
    assert status.missing == ("Confirmed a goal",)
    assert funnel.premature_reason(status.missing) == "Premature: never recorded: Confirmed a goal"
    assert not funnel.status(timing(created=TODAY, recorded=legacy), RULE, TODAY).premature
    first = funnel.stage_rules([EARLY, MIDDLE, LATER])[EARLY.id]
    assert not funnel.status(timing(created=TODAY), first, TODAY).premature  # nothing enters the first


def test_overdue_slipping() -> None:
    def overdue(close_date: dt.date | None) -> bool:
        return funnel.status(timing(close_date=close_date, created=TODAY), RULE, TODAY).overdue

    assert overdue(TODAY - dt.timedelta(days=1))
    assert not overdue(TODAY)  # due today is not late yet
    assert not overdue(None)
    status = funnel.status(timing(slips=2, created=TODAY), RULE, TODAY)
    assert status.slipping
    assert not funnel.status(timing(slips=1, created=TODAY), RULE, TODAY).slipping


def test_direction_and_checklist_between(plan: PlanDB) -> None:
    prospect, qualified, evaluating, committed, won, lost, _walked = stages.list_stages(plan)
    assert funnel.direction(prospect, qualified) == "forward"
    assert funnel.direction(evaluating, qualified) == "backward"
    assert funnel.direction(qualified, lost) == "close"
    assert funnel.direction(won, qualified) == "reopen"
    assert funnel.direction(won, lost) == "none"
    assert funnel.direction(qualified, qualified) == "none"
    all_stages = stages.list_stages(plan)
    assert funnel.checklist_between(prospect, evaluating, all_stages) == (
        *((prospect, text) for text in prospect.exit_commitments),
        *((qualified, text) for text in qualified.exit_commitments),
    )
    assert funnel.checklist_between(committed, won, all_stages) == tuple(
        (committed, text) for text in committed.exit_commitments
    )
    assert funnel.checklist_between(evaluating, prospect, all_stages) == ()  # back: nothing passed


def _deal(plan: PlanDB) -> int:
    first = stages.list_stages(plan)[0]
    _c, deal = ops.create_opportunity(
        plan, OpportunityDraft("Deal", None, first.id, amount=10.0, close_date=D(2026, 12, 20)), TODAY
    )
    return deal


def test_forward_move_records_each_commitment_and_clears_premature(plan: PlanDB) -> None:
    deal = _deal(plan)
    prospect, qualified, evaluating, *_ = stages.list_stages(plan)
    with pytest.raises(ops.OperationError, match="commitment"):
        ops.move_opportunity(plan, deal, qualified.id, MoveDetails(), TODAY)
    said = "Agreed to a discovery meeting; Confirmed a problem or goal; a pilot budget"
    ops.move_opportunity(
        plan, deal, qualified.id, MoveDetails(commitment=said, commitment_date=D(2026, 11, 20)), TODAY
    )
    move = opportunities.stage_history(plan, deal)[-1]
    assert (move.to_stage_id, move.commitment, move.commitment_date) == (qualified.id, said, D(2026, 11, 20))
    # One record per checklist item, under the stage whose item it is; the rest in the customer's words.
    records = [(c.stage_id, c.what, c.committed_on) for c in evidence.list_commitments(plan, deal)]
    assert sorted(records, key=str) == sorted(
        [
            (prospect.id, "Agreed to a discovery meeting", D(2026, 11, 20)),
            (prospect.id, "Confirmed a problem or goal", D(2026, 11, 20)),
            (None, "a pilot budget", D(2026, 11, 20)),
        ],
        key=str,
    )
    rules = funnel.stage_rules(stages.list_stages(plan))
    assert not funnel.status(_timing(plan, deal), rules[qualified.id], TODAY).premature
    assert _timing(plan, deal).last_commitment == D(2026, 11, 20)
    # Moving back keeps the evidence; a reason is required.
    with pytest.raises(ops.OperationError, match="why"):
        ops.move_opportunity(plan, deal, prospect.id, MoveDetails(), TODAY)
    ops.move_opportunity(plan, deal, prospect.id, MoveDetails(reason="Champion left"), TODAY)
    assert len(evidence.list_commitments(plan, deal)) == 3
    # Forward again: what enters Qualified is on record, so no new commitment is needed.
    ops.move_opportunity(plan, deal, qualified.id, MoveDetails(), TODAY)
    assert opportunities.stage_history(plan, deal)[-1].reason == "Entry commitments already on record"
    # The editor's stage change goes through the same gate: no commitment, no move, no edit.
    before = dump(plan)
    with pytest.raises(ops.OperationError, match="commitment"):
        ops.update_opportunity(plan, deal, OpportunityDraft("Renamed", None, evaluating.id), TODAY)
    assert dump(plan) == before
    ops.update_opportunity(
        plan,
        deal,
        OpportunityDraft("Renamed", None, evaluating.id),
        TODAY,
        MoveDetails(commitment="Shared budget range and timeline"),
    )
    status = funnel.status(_timing(plan, deal), rules[evaluating.id], TODAY)
    assert status.missing == ("Introduced us to the economic buyer",)
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.title, got.stage_id) == ("Renamed", evaluating.id)


def test_a_skip_ahead_is_premature_and_names_what_it_skipped(plan: PlanDB) -> None:
    deal = _deal(plan)
    committed = stages.list_stages(plan)[3]
    ops.move_opportunity(
        plan, deal, committed.id, MoveDetails(commitment="Agreed to a discovery meeting"), TODAY
    )
    status = funnel.status(
        _timing(plan, deal), funnel.stage_rules(stages.list_stages(plan))[committed.id], TODAY
    )
    assert status.missing == (
        "Confirmed a problem or goal",
        "Shared budget range and timeline",
        "Introduced us to the economic buyer",
        "Shared decision criteria and process",
        "Technical evaluation agreed",
    )
    assert funnel.premature_reason(status.missing) == (
        "Premature: never recorded: Confirmed a problem or goal; Shared budget range and timeline;"
        " Introduced us to the economic buyer; Shared decision criteria and process;"
        " Technical evaluation agreed"
    )


def test_a_commitment_on_any_day_ends_stale_and_evidence_outlives_stage_settings(plan: PlanDB) -> None:
    deal = _deal(plan)
    prospect, _qualified, *_ = stages.list_stages(plan)
    rules = funnel.stage_rules(stages.list_stages(plan))
    later = TODAY + dt.timedelta(days=40)
    assert funnel.status(_timing(plan, deal), rules[prospect.id], later).stale
    change = evidence_ops.record_commitment(
        plan, deal, "Agreed to a discovery meeting", later - dt.timedelta(days=2), prospect.id, today=later
    )
    assert change.opportunities == {deal}
    assert not funnel.status(_timing(plan, deal), rules[prospect.id], later).stale
    with pytest.raises(ops.OperationError, match="future"):
        evidence_ops.record_commitment(plan, deal, "Tomorrow", later + dt.timedelta(days=1), today=later)
    with pytest.raises(ops.OperationError, match="committed to"):
        evidence_ops.record_commitment(plan, deal, "  ", later)
    # Renaming the stage's checklist keeps the record (the renamed item is simply not met).
    rows = [
        ops.StageRow(s.id, StageSpec(s.name, s.level, s.probability, s.stale_after_days, s.exit_commitments))
        for s in stages.list_stages(plan)
    ]
    rows[0] = ops.StageRow(prospect.id, dataclasses.replace(rows[0].spec, exit_commitments=("Met us",)))
    ops.apply_stage_settings(plan, rows, {}, TODAY)
    assert [c.what for c in evidence.list_commitments(plan, deal)] == ["Agreed to a discovery meeting"]
    (record,) = evidence.list_commitments(plan, deal)
    evidence_ops.remove_commitment(plan, record.id)
    assert evidence.list_commitments(plan, deal) == []
    with pytest.raises(ops.OperationError, match="no longer exists"):
        evidence_ops.remove_commitment(plan, record.id)


def _timing(plan: PlanDB, deal: int) -> DealTiming:
    (card,) = load_cards(plan, [deal])
    return funnel.timing_of(card, load_details(plan, [deal])[deal])


def test_closing_and_reopening(plan: PlanDB) -> None:
    deal = _deal(plan)
    all_stages = stages.list_stages(plan)
    qualified = all_stages[1]
    lost = next(s for s in all_stages if s.level is FunnelLevel.LOST)
    ops.move_opportunity(plan, deal, qualified.id, MoveDetails(commitment="Met"), TODAY)
    ops.move_opportunity(
        plan, deal, lost.id, MoveDetails(reason="Lost to Contoso on price", closed_on=D(2026, 11, 24)), TODAY
    )
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.stage_id, got.closed_on, got.close_reason, got.close_date) == (
        lost.id,
        D(2026, 11, 24),
        "Lost to Contoso on price",
        D(2026, 11, 24),
    )
    assert load_cards(plan, [deal]) == []  # off the board
    assert ops.reopen_stage(plan, deal) == qualified.id
    ops.move_opportunity(plan, deal, qualified.id, MoveDetails(reason="Reopened"), TODAY)
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.stage_id, got.closed_on, got.close_reason) == (qualified.id, None, "")


@pytest.mark.parametrize("kind", ["forward", "backward", "close", "snooze"])
def test_each_board_action_reverts_exactly(demo_plan: PlanDB, kind: str) -> None:
    all_stages = stages.list_stages(demo_plan)
    qualified, evaluating, won = all_stages[1], all_stages[2], all_stages[4]
    deal = next(o for o in opportunities.list_opportunities(demo_plan) if o.stage_id == qualified.id)
    before_dump = dump(demo_plan)
    before = ops.snapshot_opportunity(demo_plan, deal.id)
    if kind == "forward":
        ops.move_opportunity(
            demo_plan, deal.id, evaluating.id, MoveDetails(commitment="Shared criteria"), TODAY
        )
    elif kind == "backward":
        ops.move_opportunity(demo_plan, deal.id, all_stages[0].id, MoveDetails(reason="Restart"), TODAY)
    elif kind == "close":
        ops.move_opportunity(demo_plan, deal.id, won.id, MoveDetails(reason="Signed"), TODAY)
    else:
        ops.snooze_opportunity(demo_plan, deal.id, TODAY + dt.timedelta(days=10), "Budget round", TODAY)
    after_dump = dump(demo_plan)
    assert after_dump != before_dump
    after = ops.snapshot_opportunity(demo_plan, deal.id)
    ops.revert_opportunity(demo_plan, deal.id, before)
    assert dump(demo_plan) == before_dump
    ops.revert_opportunity(demo_plan, deal.id, after)
    assert dump(demo_plan) == after_dump


def test_snooze_needs_a_reason_and_a_future_date(plan: PlanDB) -> None:
    deal = _deal(plan)
    with pytest.raises(ops.OperationError, match="why"):
        ops.snooze_opportunity(plan, deal, TODAY, " ", TODAY)
    with pytest.raises(ops.OperationError, match="today or later"):
        ops.snooze_opportunity(plan, deal, TODAY - dt.timedelta(days=1), "x", TODAY)
    ops.snooze_opportunity(plan, deal, TODAY, "Budget", TODAY)
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.snooze_until, got.snooze_reason) == (TODAY, "Budget")
    ops.snooze_opportunity(plan, deal, None, "", TODAY)
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.snooze_until, got.snooze_reason) == (None, "")


def test_bulk_statuses_equal_the_per_card_rules(demo_plan: PlanDB) -> None:
    from planner.storage.board import load_status_columns

    cards = load_cards(demo_plan)
    rules = funnel.stage_rules(stages.list_stages(demo_plan))
    details = load_details(demo_plan, [c.id for c in cards])
    for today in (TODAY, TODAY + dt.timedelta(days=9), TODAY + dt.timedelta(days=60)):
        bulk = funnel.statuses(cards, load_status_columns(demo_plan), rules, today)
        one_by_one = [
            funnel.status(funnel.timing_of(c, details[c.id]), rules[c.stage_id], today) for c in cards
        ]
        assert bulk == one_by_one
        assert any(s.stale for s in bulk)
        assert any(s.premature for s in bulk)
        assert any(s.slips for s in bulk)


def test_deleting_a_stage_named_only_by_a_commitment_keeps_the_record(plan: PlanDB) -> None:
    """A stage settings change never deletes evidence: a stage a record names is retired."""
    deal = _deal(plan)
    prospect, qualified, *_ = stages.list_stages(plan)
    evidence_ops.record_commitment(plan, deal, "Shared budget range and timeline", TODAY, qualified.id)
    rows = [
        ops.StageRow(s.id, StageSpec(s.name, s.level, s.probability, s.stale_after_days, s.exit_commitments))
        for s in stages.list_stages(plan)
        if s.id != qualified.id
    ]
    ops.apply_stage_settings(plan, rows, {}, TODAY)
    retired = next(s for s in stages.list_stages(plan) if s.id == qualified.id)
    assert retired.retired
    assert [(c.stage_id, c.what) for c in evidence.list_commitments(plan, deal)] == [
        (qualified.id, "Shared budget range and timeline")
    ]
    assert prospect.id != qualified.id


def test_a_stored_day_that_is_not_one_counts_for_nothing(plan: PlanDB) -> None:
    """A hand-edited plan file: commitment days SQLite or Python would not read are left out of
    Stale (never an exception), and the latest readable one still counts."""
    from planner.storage.board import load_all_details, load_status_columns

    deal = _deal(plan)
    prospect = stages.list_stages(plan)[0]
    evidence_ops.record_commitment(plan, deal, "Agreed to a discovery meeting", D(2026, 11, 2), prospect.id)
    with plan.atomic():
        for day in ("2026-02-30", "garbage", "9999-99-99"):
            plan.execute(
                "INSERT INTO commitment (opportunity_id, what, committed_on, created) VALUES (?, ?, ?, '')",
                [deal, "Hand-edited", day],
            )
    assert load_details(plan, [deal])[deal].last_commitment == D(2026, 11, 2)
    assert load_all_details(plan)[deal].last_commitment == D(2026, 11, 2)
    columns = load_status_columns(plan)
    assert columns.last_commitment[deal] == "2026-11-02"
    rules = funnel.stage_rules(stages.list_stages(plan))
    (status,) = funnel.statuses(load_cards(plan, [deal]), columns, rules, TODAY)
    assert status.stale_days is None
