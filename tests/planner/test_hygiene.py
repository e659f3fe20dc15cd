"""The clean-up list: the engine's reasons, order by value, bulk actions and their exact undo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable

import pytest

from planner import forecast as fc
from planner import hygiene
from planner import red_flags as rf
from planner.model import (
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    Commitment,
    FunnelLevel,
    Mode,
    OpportunityDraft,
    Person,
    Role,
)
from planner.operations import Change, OperationError
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.forecast_support import add_deal, currencies, dump_all

D = dt.date


def test_the_list_is_the_engines_flags_for_every_open_deal(demo_plan: PlanDB) -> None:
    engine = rf.evaluate_plan(demo_plan, TODAY)
    cleanup = hygiene.cleanup_list(demo_plan, TODAY)
    listed = {row.id: row for row in cleanup.rows}
    assert cleanup.open_deals == len(engine)
    for deal_id, flags in engine.items():
        wanted = tuple(f for f in flags if f.rule in hygiene.HYGIENE_RULES)
        if wanted:
            assert listed[deal_id].flags == wanted  # rule, reason, kind and record: identical
            assert listed[deal_id].reasons == tuple(f.reason for f in wanted)
        else:
            assert deal_id not in listed
    # The demo has every kind, so the comparison above covered each rule.
    assert {rule for row in cleanup.rows for rule in row.rules} >= {
        rf.STALE,
        rf.SLIPPING,
        rf.OVERDUE,
        rf.PREMATURE,
        rf.BEST_FEW_UNCONFIRMED,
        rf.NO_NEXT_STEP,
    }


def test_identical_for_incomplete_objectives_and_on_other_days(demo_plan: PlanDB) -> None:
    for deal in opportunity_repo.list_opportunities(demo_plan)[:6]:
        draft = fc_draft(demo_plan, deal.id, amount=None, product="", close_date=None)
        opportunity_repo.update_opportunity(demo_plan, deal.id, draft)
    for day in (TODAY, TODAY + dt.timedelta(days=40), TODAY - dt.timedelta(days=200)):
        engine = rf.evaluate_plan(demo_plan, day)
        listed = {row.id: row.flags for row in hygiene.cleanup_list(demo_plan, day).rows}
        expected = {
            deal_id: tuple(f for f in flags if f.rule in hygiene.HYGIENE_RULES)
            for deal_id, flags in engine.items()
            if any(f.rule in hygiene.HYGIENE_RULES for f in flags)
        }
        assert listed == expected
        assert any(rf.OBJECTIVE_INCOMPLETE in [f.rule for f in found] for found in listed.values())


def fc_draft(plan: PlanDB, deal_id: int, **changes: object) -> OpportunityDraft:
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    fields = {f.name: getattr(deal, f.name) for f in dataclasses.fields(OpportunityDraft)}
    fields.update(changes)
    return OpportunityDraft(**fields)


def test_sorted_by_converted_value(plan: PlanDB) -> None:
    currencies(plan, "EUR", {"USD": 0.5})
    overdue = D(2026, 11, 1)
    small = add_deal(plan, "Prospect", 10_000, overdue, created=TODAY)
    dollars = add_deal(plan, "Prospect", 30_000, overdue, currency="USD", created=TODAY)  # 15,000 EUR
    big = add_deal(plan, "Prospect", 20_000, overdue, created=TODAY)
    francs = add_deal(
        plan, "Prospect", 90_000, overdue, currency="CHF", created=TODAY
    )  # no rate: after the converted
    pounds = add_deal(plan, "Prospect", 95_000, overdue, currency="GBP", created=TODAY)
    nothing = add_deal(plan, "Prospect", None, overdue, created=TODAY)  # no amount: last
    fine = add_deal(plan, "Prospect", 99_000, D(2027, 1, 1), created=TODAY)  # not flagged
    planned(plan, small, dollars, big, francs, pounds, nothing, fine)
    cleanup = hygiene.cleanup_list(plan, TODAY)
    assert [row.id for row in cleanup.rows] == [big, dollars, small, pounds, francs, nothing]
    assert [row.value for row in cleanup.rows] == [20_000, 15_000, 10_000, None, None, None]
    assert fine not in [row.id for row in cleanup.rows]
    assert cleanup.value == 45_000
    assert cleanup.rows[-1].reasons[0].startswith("The objective has no amount")
    data = hygiene.cleanup_json(cleanup)
    assert [d["id"] for d in data["deals"]] == [row.id for row in cleanup.rows]
    assert data["deals"][0]["flags"] == [{"rule": "overdue", "reason": cleanup.rows[0].reasons[0]}]


def planned(plan: PlanDB, *deals: int) -> None:
    """Give each deal an open action: a next step."""
    for deal in deals:
        activity_repo.insert_action(
            plan, Action(0, deal, "Call the depot manager", status=ActionStatus.PLANNED)
        )


def test_only_the_hygiene_rules_list_a_deal(plan: PlanDB) -> None:
    currencies(plan)
    # A fresh, complete, dated deal with no Blue Sheet but a next step: the engine flags
    # no-economic-buyer, no-coach and flag-without-action, which are Blue Sheet work, not clean-up.
    deal = add_deal(plan, "Prospect", 1_000, D(2027, 1, 1), created=TODAY)
    planned(plan, deal)
    flags = rf.evaluate_plan(plan, TODAY)[deal]
    assert {f.rule for f in flags} == {rf.NO_ECONOMIC_BUYER, rf.NO_COACH, rf.FLAG_WITHOUT_ACTION}
    assert hygiene.cleanup_list(plan, TODAY).rows == ()
    # A hostile, unreceptive Economic buyer new in the job, never met, with nothing known of
    # their wins: the rules about people fire, and the list still does not read them.
    account = account_repo.insert_account(plan, AccountDraft("Contoso"))
    person = people_repo.insert_person(plan, Person(0, account, "Maria Keller"))
    people_repo.insert_influence(
        plan,
        BuyingInfluence(0, deal, person, Role.ECONOMIC, mode=Mode.OVERCONFIDENT, rating=-5, new_in_job=True),
    )
    people = {
        rf.HOSTILE_INFLUENCE,
        rf.UNRECEPTIVE_ECONOMIC_BUYER,
        rf.UNKNOWN,
        rf.NO_WIN_RESULT,
        rf.NEW_PLAYER,
        rf.UNCOVERED_INFLUENCE,
        rf.SINGLE_THREADED,
    }
    assert people <= {f.rule for f in rf.evaluate_plan(plan, TODAY)[deal]}
    assert hygiene.cleanup_list(plan, TODAY).rows == ()


def test_no_next_step_and_an_unconfirmed_best_few_deal_are_listed(plan: PlanDB) -> None:
    currencies(plan)
    idle = add_deal(plan, "Prospect", 1_000, D(2027, 1, 1), created=TODAY)  # no action
    done = add_deal(plan, "Prospect", 2_000, D(2027, 1, 1), created=TODAY)  # only a done action
    activity_repo.insert_action(
        plan, Action(0, done, "Sent the deck", status=ActionStatus.DONE, done_on=TODAY - dt.timedelta(days=3))
    )
    crm = add_deal(plan, "Prospect", 3_000, D(2027, 1, 1), created=TODAY)
    draft = fc_draft(plan, crm, next_step="Demo for the dispatch team")
    opportunity_repo.update_opportunity(plan, crm, draft)
    # Committed deals moved in with Evaluating's commitments; one has the signature date agreed.
    close = TODAY + dt.timedelta(days=20)
    unconfirmed = add_deal(plan, "Committed", 4_000, close, created=TODAY, entered=TODAY)
    confirmed = add_deal(plan, "Committed", 5_000, close, created=TODAY, entered=TODAY)
    evidence.insert_commitment(
        plan, Commitment(0, confirmed, "Agreed contract and signature date", TODAY - dt.timedelta(days=2))
    )
    planned(plan, unconfirmed, confirmed)
    cleanup = hygiene.cleanup_list(plan, TODAY)
    listed = {row.id: row.rules for row in cleanup.rows}
    assert listed[idle] == (rf.NO_NEXT_STEP,)
    assert listed[done] == (rf.NO_NEXT_STEP,)
    assert listed[crm] == (rf.NO_NEXT_STEP,)
    assert rf.BEST_FEW_UNCONFIRMED in listed[unconfirmed]
    assert rf.BEST_FEW_UNCONFIRMED not in listed.get(confirmed, ())
    reasons = {row.id: row.reasons for row in cleanup.rows}
    assert reasons[idle] == ("No next step: the deal has no open action",)
    assert reasons[crm] == (
        "No next step planned: the CRM's “Demo for the dispatch team” is not an action on the Blue Sheet",
    )
    # The list is the engine's: the same flags, worded the same, in the same order.
    engine = rf.evaluate_plan(plan, TODAY)
    for row in cleanup.rows:
        assert row.flags == tuple(f for f in engine[row.id] if f.rule in hygiene.HYGIENE_RULES)
    data = hygiene.cleanup_json(cleanup)
    rules = {d["id"]: [f["rule"] for f in d["flags"]] for d in data["deals"]}
    assert rules[idle] == ["no-next-step"]
    assert "best-few-unconfirmed" in rules[unconfirmed]


# Bulk actions ------------------------------------------------------------------------------------


def _undo_is_exact(plan: PlanDB, ids: list[int], action: Callable[[], Change]) -> Change:
    before = dump_all(plan)
    snap = hygiene.snapshot_deals(plan, ids)
    change = action()
    after = dump_all(plan)
    assert after != before
    redo = hygiene.snapshot_deals(plan, ids)
    hygiene.revert_deals(plan, snap)
    assert dump_all(plan) == before
    hygiene.revert_deals(plan, redo)
    assert dump_all(plan) == after
    return change


def test_walk_away_from_several_with_one_reason(demo_plan: PlanDB) -> None:
    ids = [row.id for row in hygiene.cleanup_list(demo_plan, TODAY).rows[:3]]
    closed_on = TODAY - dt.timedelta(days=1)
    change = _undo_is_exact(
        demo_plan, ids, lambda: hygiene.walk_away(demo_plan, ids, "  No budget this year ", TODAY, closed_on)
    )
    assert change.opportunities == set(ids)
    walked = {s.id for s in stage_repo.list_stages(demo_plan) if s.level is FunnelLevel.WALKED_AWAY}
    for deal_id in ids:
        deal = opportunity_repo.get_opportunity(demo_plan, deal_id)
        assert deal is not None
        assert deal.stage_id in walked
        assert (deal.closed_on, deal.close_reason) == (closed_on, "No budget this year")
        assert opportunity_repo.stage_history(demo_plan, deal_id)[-1].reason == "No budget this year"
    assert not {row.id for row in hygiene.cleanup_list(demo_plan, TODAY).rows} & set(ids)


def test_walk_away_with_a_reason_from_the_list(demo_plan: PlanDB) -> None:
    ids = [row.id for row in hygiene.cleanup_list(demo_plan, TODAY).rows[:2]]
    before = dump_all(demo_plan)
    with pytest.raises(OperationError, match="Name the competitor"):
        hygiene.walk_away(demo_plan, ids, "", TODAY, reason_code="competitor")
    assert dump_all(demo_plan) == before
    hygiene.walk_away(
        demo_plan, ids, " Bundled ", TODAY, reason_code="competitor", competitor=" Initech  Co "
    )
    for deal_id in ids:
        deal = opportunity_repo.get_opportunity(demo_plan, deal_id)
        assert deal is not None
        assert (deal.close_reason_code, deal.close_competitor, deal.close_reason) == (
            "competitor",
            "Initech Co",
            "Bundled",
        )
        assert (
            opportunity_repo.stage_history(demo_plan, deal_id)[-1].reason
            == "Competitor won (Initech Co): Bundled"
        )


def test_change_close_dates_records_each_change(demo_plan: PlanDB) -> None:
    ids = [row.id for row in hygiene.cleanup_list(demo_plan, TODAY).rows[:4]]
    new_date = TODAY + dt.timedelta(days=60)
    history = {i: len(opportunity_repo.close_date_history(demo_plan, i)) for i in ids}
    _undo_is_exact(demo_plan, ids, lambda: hygiene.change_close_dates(demo_plan, ids, new_date, TODAY))
    hygiene.change_close_dates(demo_plan, ids, new_date, TODAY)
    for deal_id in ids:
        deal = opportunity_repo.get_opportunity(demo_plan, deal_id)
        assert deal is not None
        assert deal.close_date == new_date
        assert len(opportunity_repo.close_date_history(demo_plan, deal_id)) == history[deal_id] + 1
    # The same date again changes nothing (and records nothing).
    assert hygiene.change_close_dates(demo_plan, ids, new_date, TODAY).opportunities == frozenset()


def test_snooze_several_hides_their_stale_flags(demo_plan: PlanDB) -> None:
    stale = [row.id for row in hygiene.cleanup_list(demo_plan, TODAY).rows if rf.STALE in row.rules][:3]
    until = TODAY + dt.timedelta(days=14)
    _undo_is_exact(
        demo_plan, stale, lambda: hygiene.snooze_deals(demo_plan, stale, until, "Budget round", TODAY)
    )
    hygiene.snooze_deals(demo_plan, stale, until, "Budget round", TODAY)
    rows = {row.id: row for row in hygiene.cleanup_list(demo_plan, TODAY).rows}
    for deal_id in stale:
        assert deal_id not in rows or rf.STALE not in rows[deal_id].rules
        deal = opportunity_repo.get_opportunity(demo_plan, deal_id)
        assert deal is not None
        assert (deal.snooze_until, deal.snooze_reason) == (until, "Budget round")


@pytest.mark.parametrize(
    ("action", "message"),
    [
        (lambda p, ids: hygiene.walk_away(p, ids, "  ", TODAY), "Say why"),
        (lambda p, ids: hygiene.walk_away(p, [], "Why", TODAY), "Choose one or more"),
        (lambda p, ids: hygiene.walk_away(p, [*ids, 9999], "Why", TODAY), "no longer exists"),
        (
            lambda p, ids: hygiene.change_close_dates(p, ids, TODAY - dt.timedelta(days=1), TODAY),
            "today or later",
        ),
        (lambda p, ids: hygiene.snooze_deals(p, ids, TODAY + dt.timedelta(days=3), "", TODAY), "Say why"),
        (
            lambda p, ids: hygiene.snooze_deals(p, ids, TODAY - dt.timedelta(days=3), "Why", TODAY),
            "today or later",
        ),
    ],
)
def test_refused_actions_write_nothing(
    demo_plan: PlanDB, action: Callable[[PlanDB, list[int]], Change], message: str
) -> None:
    ids = [row.id for row in hygiene.cleanup_list(demo_plan, TODAY).rows[:3]]
    before = dump_all(demo_plan)
    with pytest.raises(OperationError, match=message):
        action(demo_plan, ids)
    assert dump_all(demo_plan) == before


def test_closed_deals_are_refused(demo_plan: PlanDB) -> None:
    closed = [d.id for d in opportunity_repo.list_opportunities(demo_plan) if d.closed_on is not None][:1]
    before = dump_all(demo_plan)
    with pytest.raises(OperationError, match="already closed"):
        hygiene.walk_away(demo_plan, closed, "Why", TODAY)
    assert dump_all(demo_plan) == before


def test_the_forecast_facts_can_be_shared(demo_plan: PlanDB) -> None:
    facts = fc.load_plan_facts(demo_plan)
    assert hygiene.cleanup_list(demo_plan, TODAY, facts) == hygiene.cleanup_list(demo_plan, TODAY)
