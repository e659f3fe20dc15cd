"""The demo plan: about 8 accounts and 40 deals across every stage, with Blue Sheet data."""

from __future__ import annotations

from collections import Counter

from planner import red_flags
from planner.model import FunnelLevel, Role
from planner.storage import accounts, activities, evidence, opportunities, people, stages
from planner.storage.db import PlanDB
from tests.conftest import TODAY


def test_demo_covers_every_stage(demo_plan: PlanDB) -> None:
    deals = opportunities.list_opportunities(demo_plan)
    assert len(deals) == 40
    assert len(accounts.list_accounts(demo_plan)) == 8
    used = {d.stage_id for d in deals}
    assert used == {s.id for s in stages.list_stages(demo_plan)}
    assert any(a.parent_id for a in accounts.list_accounts(demo_plan))


def test_demo_deals_have_influences_histories_and_actions(demo_plan: PlanDB) -> None:
    deals = opportunities.list_opportunities(demo_plan)
    assert all(len(people.list_influences(demo_plan, d.id)) >= 3 for d in deals)
    assert all(opportunities.stage_history(demo_plan, d.id) for d in deals)
    assert all(activities.list_actions(demo_plan, d.id) for d in deals)
    assert sum(1 for d in deals if opportunities.close_date_history(demo_plan, d.id)) >= 5
    closed = [d for d in deals if d.closed_on is not None]
    assert len(closed) == 10
    assert all(d.close_reason for d in closed)
    by_level = Counter(s.level for s in stages.list_stages(demo_plan) for d in closed if d.stage_id == s.id)
    assert by_level[FunnelLevel.WON] == 5  # enough won deals to know the plan's normal cycle


# What each role's people do for a living, as the method has it.
ROLE_TITLES = {
    Role.ECONOMIC: {"Chief Financial Officer", "Managing Director", "Head of Logistics"},
    Role.USER: {"Team Lead, Dispatch", "Fleet Manager", "Head of Operations"},
    Role.TECHNICAL: {"IT Architect", "Procurement Manager", "Data Protection Officer", "Legal Counsel"},
}


def test_demo_roles_are_the_methods(demo_plan: PlanDB) -> None:
    seen: Counter[tuple[Role, str]] = Counter()
    for deal in opportunities.list_opportunities(demo_plan):
        for bi in people.list_influences(demo_plan, deal.id):
            person = people.get_person(demo_plan, bi.person_id)
            assert person is not None
            seen[(bi.role, person.title)] += 1
    for role, titles in ROLE_TITLES.items():
        assert {title for r, title in seen if r is role} <= titles, role
    # The classic mistakes: no procurement manager holds the money, no CFO screens.
    assert not seen[(Role.ECONOMIC, "Procurement Manager")]
    assert not seen[(Role.TECHNICAL, "Chief Financial Officer")]
    assert {role for role, _title in seen} >= {Role.ECONOMIC, Role.USER, Role.TECHNICAL, Role.COACH}


def test_demo_records_commitments_and_two_calls(demo_plan: PlanDB) -> None:
    deals = opportunities.list_opportunities(demo_plan)
    recorded = [c for d in deals for c in evidence.list_commitments(demo_plan, d.id)]
    # Every move's commitment is a record, and commitments on days without a move too.
    moves = [m for d in deals for m in opportunities.stage_history(demo_plan, d.id) if m.commitment]
    assert len(recorded) > len(moves)
    free = [c for c in recorded if c.stage_id is None]
    assert len(free) >= 3
    assert all(c.who and c.evidence for c in free)
    decisions = [c for c in recorded if c.what == "Agreed contract and signature date"]
    assert len(decisions) >= 3
    calls = evidence.list_call_plans(demo_plan)
    assert len(calls) == 2
    assert len({c.opportunity_id for c in calls}) == 1
    held, coming = calls
    deal = held.opportunity_id
    influences = {bi.id for bi in people.list_influences(demo_plan, deal)}
    assert held.debriefed_on is not None
    assert held.meeting_at.date() < TODAY < coming.meeting_at.date()
    assert coming.debriefed_on is None
    for call in calls:
        assert call.attendees
        assert set(call.attendees) <= influences
        assert all((call.business_reason, call.giving, call.best_action, call.minimum_action, call.commit_by))
        assert all((call.confirmation_questions, call.new_information_questions, call.attitude_questions))
    (from_call,) = [c for c in recorded if c.call_plan_id is not None]
    assert (from_call.call_plan_id, from_call.opportunity_id) == (held.id, deal)
    assert from_call.what == held.debrief_commitment
    assert from_call.committed_on == held.debriefed_on


def test_demo_links_actions_to_the_red_flags_they_remove(demo_plan: PlanDB) -> None:
    found = red_flags.evaluate_plan(demo_plan, TODAY)
    linked = removed = 0
    for deal_id, flags in found.items():
        for action in activities.list_actions(demo_plan, deal_id):
            if action.flag_ref:
                linked += 1
                refs = {red_flags.flag_ref(f) for f in flags if not f.is_strength}
                removed += action.flag_ref in refs
    assert linked >= 30
    assert removed == linked  # every link names a red flag the deal has today
    # Some deals keep red flags without an action; most do not.
    without = [d for d, flags in found.items() if any(f.rule == red_flags.FLAG_WITHOUT_ACTION for f in flags)]
    assert 3 <= len(without) <= len(found) // 2
