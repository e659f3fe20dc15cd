"""The red-flag engine: every rule at its boundary, the SSO tests, properties, bulk loading."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random
import sqlite3
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import funnel
from planner import red_flags as rf
from planner.model import (
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    CardDetails,
    Commitment,
    Degree,
    ManualFlag,
    Mode,
    Opportunity,
    OpportunityDraft,
    Person,
    Role,
    Stage,
)
from planner.red_flags import DealFacts, Flag, RecordRef
from planner.stages import DEFAULT_STAGES
from planner.storage import accounts, activities, blue_sheet, evidence, opportunities, people
from planner.storage import stages as stage_repo
from planner.storage.board import load_details
from planner.storage.db import PlanDB
from tests.conftest import TODAY
from tests.planner.forecast_support import add_deal

DAY = dt.timedelta(days=1)
# The default stages as a plan holds them: ids 1..7 in docs/method.md's order.
STAGES = [
    Stage(n, s.name, s.level, n - 1, s.probability, s.stale_after_days, s.exit_commitments)
    for n, s in enumerate(DEFAULT_STAGES, start=1)
]
PROSPECT, QUALIFIED, EVALUATING, COMMITTED, WON, LOST, WALKED_AWAY = STAGES
RULES = funnel.stage_rules(STAGES)
# Every checklist commitment of every stage, recorded as the move dialog records one.
EVERY_COMMITMENT = tuple((s.id, text) for s in STAGES for text in s.exit_commitments)
# What enters Qualified: both of Prospect's exits.
ENTERS_QUALIFIED = tuple((PROSPECT.id, text) for text in PROSPECT.exit_commitments)
PEOPLE = {
    n: Person(n, 1, name)
    for n, name in enumerate(
        ("Maria Keller", "Tom Baker", "Aisha Rahman", "Lena Fischer", "Jonas Weber", "Priya Nair"), start=1
    )
}


def influence(id: int, role: Role, **fields: object) -> BuyingInfluence:
    """A well-known, covered, recently met influence with a Win-Result: no red flag of its own."""
    values: dict[str, object] = {
        "id": id,
        "opportunity_id": 1,
        "person_id": id,
        "role": role,
        "degree": Degree.HIGH,
        "mode": Mode.GROWTH,
        "rating": 1,
        "win": "Recognition for a smooth rollout",
        "result": "Lower cost per delivery",
        "covered_by": "Sam Seller",
        "last_contact": TODAY - 7 * DAY,
    }
    values.update(fields)
    return BuyingInfluence(**values)  # type: ignore[arg-type]


ECONOMIC = influence(1, Role.ECONOMIC)
USER = influence(2, Role.USER)
TECHNICAL = influence(3, Role.TECHNICAL)
COACH = influence(4, Role.COACH)
HEALTHY = (ECONOMIC, USER, TECHNICAL, COACH)


def deal(
    influences: Sequence[BuyingInfluence] = HEALTHY,
    *,
    stage: Stage = QUALIFIED,
    manual: Sequence[ManualFlag] = (),
    account: str = "Acme Manufacturing",
    last_commitment: dt.date | None = TODAY - 5 * DAY,
    recorded: tuple[tuple[int, str], ...] = ENTERS_QUALIFIED,
    snooze_until: dt.date | None = None,
    slips: int = 0,
    actions: frozenset[str] = frozenset({""}),
    commitments: Sequence[Commitment] = (),
    context: rf.PlanContext = rf.DEFAULT_CONTEXT,
    **opportunity: object,
) -> DealFacts:
    """A complete, healthy deal in Qualified with one open action linked to nothing, changed by
    the arguments (`actions`: the links of its open actions)."""
    values: dict[str, object] = {
        "id": 1,
        "title": "Fleet Telematics for 40 trucks",
        "account_id": 1,
        "stage_id": stage.id,
        "product": "Fleet Telematics",
        "quantity": 40.0,
        "amount": 80_000.0,
        "close_date": TODAY + 30 * DAY,
        "stage_entered": TODAY - 5 * DAY,
    }
    values.update(opportunity)
    opp = Opportunity(**values)  # type: ignore[arg-type]
    details = CardDetails("", TODAY - 60 * DAY, snooze_until, slips, last_commitment, recorded)
    return DealFacts(
        opp,
        stage,
        RULES[stage.id],
        funnel.timing_from(opp, details),
        tuple(influences),
        PEOPLE,
        tuple(manual),
        account,
        actions,
        tuple(commitments),
        context,
    )


def rules_of(flags: Sequence[Flag]) -> list[str]:
    return [f.rule for f in flags]


def fired(facts: DealFacts, rule: str) -> list[Flag]:
    return [f for f in rf.evaluate(facts, TODAY) if f.rule == rule]


def replace(base: BuyingInfluence, **fields: object) -> BuyingInfluence:
    return dataclasses.replace(base, **fields)  # type: ignore[arg-type]


def with_economic(**fields: object) -> DealFacts:
    return deal((replace(ECONOMIC, **fields), USER, TECHNICAL, COACH))


def with_user(**fields: object) -> DealFacts:
    return deal((ECONOMIC, replace(USER, **fields), TECHNICAL, COACH))


def with_coach(**fields: object) -> DealFacts:
    return deal((ECONOMIC, USER, TECHNICAL, replace(COACH, **fields)))


def every(**fields: object) -> tuple[BuyingInfluence, ...]:
    """The healthy influences, each changed the same way."""
    return tuple(replace(bi, **fields) for bi in HEALTHY)


def only_met(*met: BuyingInfluence) -> tuple[BuyingInfluence, ...]:
    """The healthy influences, nobody met but `met` (by id)."""
    ids = {bi.id for bi in met}
    return tuple(bi if bi.id in ids else replace(bi, covered_by="", last_contact=None) for bi in HEALTHY)


def committed(what: str, days_ago: int, id: int = 1) -> Commitment:
    return Commitment(id, 1, what, TODAY - days_ago * DAY)


DECISION = "Agreed contract and signature date"
# A plan with five won deals of 30, 50, 60, 70 and 90 days: its normal cycle is 60 days.
FIVE_WON = rf.PlanContext(rf.DEFAULT_CONTEXT.decision_items, rf.normal_cycle([70, 30, 90, 60, 50]))
CONFIRMED = (committed(DECISION, 10),)


def best_few(**changes: object) -> DealFacts:
    """A deal in Committed (Best Few), changed by the arguments."""
    values: dict[str, object] = {"stage": COMMITTED, "recorded": EVERY_COMMITMENT}
    values.update(changes)
    return deal(**values)  # type: ignore[arg-type]


def test_a_healthy_deal_has_no_red_flag_and_its_strengths() -> None:
    flags = rf.evaluate(deal(), TODAY)
    assert [(f.rule, f.is_strength) for f in flags] == [
        (rf.RECEPTIVE_ECONOMIC_BUYER, True),
        (rf.ALL_ROLES_COVERED, True),
    ]
    assert rf.red_flag_count(flags) == 0


# Every rule, firing and silent at its boundary: (facts, rule, how many results).
CASES = [
    # no-economic-buyer
    pytest.param(lambda: deal((USER, TECHNICAL, COACH)), rf.NO_ECONOMIC_BUYER, 1, id="no-eb"),
    pytest.param(lambda: with_economic(role=Role.UNKNOWN), rf.NO_ECONOMIC_BUYER, 1, id="eb-role-unknown"),
    pytest.param(lambda: deal(()), rf.NO_ECONOMIC_BUYER, 1, id="no-influences-at-all"),
    pytest.param(deal, rf.NO_ECONOMIC_BUYER, 0, id="one-eb"),
    # several-economic-buyers
    pytest.param(lambda: with_user(role=Role.ECONOMIC), rf.SEVERAL_ECONOMIC_BUYERS, 1, id="two-eb"),
    pytest.param(
        lambda: deal((ECONOMIC, replace(USER, role=Role.ECONOMIC), replace(TECHNICAL, role=Role.ECONOMIC))),
        rf.SEVERAL_ECONOMIC_BUYERS,
        1,
        id="three-eb-one-flag",
    ),
    pytest.param(deal, rf.SEVERAL_ECONOMIC_BUYERS, 0, id="exactly-one-eb"),
    # no-coach
    pytest.param(lambda: deal((ECONOMIC, USER, TECHNICAL)), rf.NO_COACH, 1, id="no-coach"),
    pytest.param(lambda: with_coach(role=Role.UNKNOWN), rf.NO_COACH, 1, id="coach-role-unknown"),
    pytest.param(deal, rf.NO_COACH, 0, id="a-coach"),
    # uncovered-influence
    pytest.param(lambda: with_user(covered_by=""), rf.UNCOVERED_INFLUENCE, 1, id="nobody-met"),
    pytest.param(lambda: with_user(covered_by="  "), rf.UNCOVERED_INFLUENCE, 1, id="covered-by-blank"),
    pytest.param(lambda: with_user(last_contact=None), rf.UNCOVERED_INFLUENCE, 1, id="never-met"),
    pytest.param(
        lambda: with_user(last_contact=TODAY - 21 * DAY), rf.UNCOVERED_INFLUENCE, 0, id="met-21-days-ago"
    ),
    pytest.param(
        lambda: with_user(last_contact=TODAY - 22 * DAY), rf.UNCOVERED_INFLUENCE, 1, id="met-22-days-ago"
    ),
    pytest.param(
        lambda: deal(
            (ECONOMIC, replace(USER, last_contact=TODAY - 15 * DAY), TECHNICAL, COACH), stage=COMMITTED
        ),
        rf.UNCOVERED_INFLUENCE,
        1,
        id="committed-limit-14",
    ),
    pytest.param(
        lambda: deal((ECONOMIC, replace(USER, last_contact=TODAY - 400 * DAY), TECHNICAL, COACH), stage=WON),
        rf.UNCOVERED_INFLUENCE,
        0,
        id="no-stage-limit",
    ),
    pytest.param(
        lambda: deal((ECONOMIC, replace(USER, last_contact=None), TECHNICAL, COACH), stage=WON),
        rf.UNCOVERED_INFLUENCE,
        1,
        id="closed-deal-never-met",
    ),
    # hostile-influence
    pytest.param(lambda: with_user(rating=-4), rf.HOSTILE_INFLUENCE, 1, id="rated-4"),
    pytest.param(lambda: with_user(rating=-5), rf.HOSTILE_INFLUENCE, 1, id="rated-5"),
    pytest.param(lambda: with_user(rating=-3), rf.HOSTILE_INFLUENCE, 0, id="rated-3"),
    pytest.param(lambda: with_user(rating=None), rf.HOSTILE_INFLUENCE, 0, id="rating-unknown"),
    pytest.param(lambda: with_user(rating=-9), rf.HOSTILE_INFLUENCE, 0, id="rating-off-scale"),
    # unreceptive-economic-buyer
    pytest.param(
        lambda: with_economic(mode=Mode.EVEN_KEEL), rf.UNRECEPTIVE_ECONOMIC_BUYER, 1, id="even-keel"
    ),
    pytest.param(
        lambda: with_economic(mode=Mode.OVERCONFIDENT), rf.UNRECEPTIVE_ECONOMIC_BUYER, 1, id="overconfident"
    ),
    pytest.param(lambda: with_economic(mode=Mode.GROWTH), rf.UNRECEPTIVE_ECONOMIC_BUYER, 0, id="growth"),
    pytest.param(lambda: with_economic(mode=Mode.TROUBLE), rf.UNRECEPTIVE_ECONOMIC_BUYER, 0, id="trouble"),
    pytest.param(
        lambda: with_economic(mode=Mode.UNKNOWN), rf.UNRECEPTIVE_ECONOMIC_BUYER, 0, id="mode-unknown"
    ),
    pytest.param(
        lambda: with_user(mode=Mode.OVERCONFIDENT), rf.UNRECEPTIVE_ECONOMIC_BUYER, 0, id="user-overconfident"
    ),
    # unknown
    pytest.param(lambda: with_user(role=Role.UNKNOWN), rf.UNKNOWN, 1, id="role-unknown"),
    pytest.param(lambda: with_user(mode=Mode.UNKNOWN), rf.UNKNOWN, 1, id="mode-unknown"),
    pytest.param(lambda: with_user(degree=Degree.UNKNOWN), rf.UNKNOWN, 1, id="degree-unknown"),
    pytest.param(lambda: with_user(rating=None), rf.UNKNOWN, 1, id="rating-unknown"),
    pytest.param(lambda: with_user(rating=9), rf.UNKNOWN, 1, id="rating-9-is-unknown"),
    pytest.param(
        lambda: with_user(role=Role.UNKNOWN, mode=Mode.UNKNOWN, rating=None),
        rf.UNKNOWN,
        1,
        id="one-per-influence",
    ),
    pytest.param(lambda: with_user(rating=-5), rf.UNKNOWN, 0, id="rating-minus-5-is-known"),
    pytest.param(deal, rf.UNKNOWN, 0, id="all-known"),
    # no-win-result
    pytest.param(lambda: with_user(win=""), rf.NO_WIN_RESULT, 1, id="no-win"),
    pytest.param(lambda: with_user(result=""), rf.NO_WIN_RESULT, 1, id="no-result"),
    pytest.param(lambda: with_user(win=" ", result="\t"), rf.NO_WIN_RESULT, 1, id="blank-win-result"),
    pytest.param(deal, rf.NO_WIN_RESULT, 0, id="win-and-result"),
    # new-player
    pytest.param(lambda: with_user(new_in_job=True), rf.NEW_PLAYER, 1, id="new-in-job"),
    pytest.param(deal, rf.NEW_PLAYER, 0, id="not-new"),
    # objective-incomplete
    pytest.param(lambda: deal(product=""), rf.OBJECTIVE_INCOMPLETE, 1, id="no-product"),
    pytest.param(lambda: deal(product="  "), rf.OBJECTIVE_INCOMPLETE, 1, id="blank-product"),
    pytest.param(lambda: deal(amount=None, quantity=None), rf.OBJECTIVE_INCOMPLETE, 1, id="no-how-much"),
    pytest.param(lambda: deal(amount=0.0, quantity=None), rf.OBJECTIVE_INCOMPLETE, 1, id="amount-zero"),
    pytest.param(lambda: deal(amount=None, quantity=5.0), rf.OBJECTIVE_INCOMPLETE, 0, id="units-only"),
    pytest.param(lambda: deal(amount=1.0, quantity=None), rf.OBJECTIVE_INCOMPLETE, 0, id="revenue-only"),
    pytest.param(lambda: deal(close_date=None), rf.OBJECTIVE_INCOMPLETE, 1, id="no-date"),
    pytest.param(lambda: deal(title="Rollout"), rf.OBJECTIVE_INCOMPLETE, 1, id="one-word-title"),
    pytest.param(
        lambda: deal(title=" fleet  TELEMATICS "), rf.OBJECTIVE_INCOMPLETE, 1, id="title-is-product"
    ),
    pytest.param(lambda: deal(title="Acme Manufacturing"), rf.OBJECTIVE_INCOMPLETE, 1, id="title-is-account"),
    pytest.param(lambda: deal(title="Telematics and support"), rf.OBJECTIVE_INCOMPLETE, 1, id="and"),
    pytest.param(lambda: deal(title="Telematics & support"), rf.OBJECTIVE_INCOMPLETE, 1, id="ampersand"),
    pytest.param(lambda: deal(title="Telematics + support"), rf.OBJECTIVE_INCOMPLETE, 1, id="plus"),
    pytest.param(lambda: deal(title="Telematics; support"), rf.OBJECTIVE_INCOMPLETE, 1, id="semicolon"),
    pytest.param(lambda: deal(title="Telematics, support"), rf.OBJECTIVE_INCOMPLETE, 1, id="comma"),
    pytest.param(lambda: deal(title="Android tablets rollout"), rf.OBJECTIVE_INCOMPLETE, 0, id="and-in-word"),
    pytest.param(deal, rf.OBJECTIVE_INCOMPLETE, 0, id="complete"),
    # stale (stage limit 21 in Qualified)
    pytest.param(lambda: deal(last_commitment=TODAY - 22 * DAY), rf.STALE, 1, id="stale-22"),
    pytest.param(lambda: deal(last_commitment=TODAY - 21 * DAY), rf.STALE, 0, id="fresh-21"),
    pytest.param(
        lambda: deal(last_commitment=TODAY - 60 * DAY, snooze_until=TODAY), rf.STALE, 0, id="snoozed"
    ),
    pytest.param(
        lambda: deal(stage=LOST, last_commitment=TODAY - 60 * DAY), rf.STALE, 0, id="closed-is-never-stale"
    ),
    # slipping
    pytest.param(lambda: deal(slips=2), rf.SLIPPING, 1, id="two-slips"),
    pytest.param(lambda: deal(slips=1), rf.SLIPPING, 0, id="one-slip"),
    # overdue
    pytest.param(lambda: deal(close_date=TODAY - DAY), rf.OVERDUE, 1, id="yesterday"),
    pytest.param(lambda: deal(close_date=TODAY), rf.OVERDUE, 0, id="today"),
    pytest.param(lambda: deal(stage=WON, close_date=TODAY - 30 * DAY), rf.OVERDUE, 0, id="won-in-the-past"),
    # premature
    pytest.param(lambda: deal(recorded=()), rf.PREMATURE, 1, id="no-evidence"),
    pytest.param(lambda: deal(recorded=ENTERS_QUALIFIED[:1]), rf.PREMATURE, 1, id="one-entry-missing"),
    pytest.param(
        lambda: deal(recorded=((QUALIFIED.id, PROSPECT.exit_commitments[0]), ENTERS_QUALIFIED[1])),
        rf.PREMATURE,
        1,
        id="right-words-under-a-later-stage",
    ),
    pytest.param(lambda: deal(recorded=EVERY_COMMITMENT), rf.PREMATURE, 0, id="evidence-further-down"),
    pytest.param(
        lambda: deal(stage=COMMITTED, recorded=ENTERS_QUALIFIED[:1]), rf.PREMATURE, 1, id="skip-ahead"
    ),
    pytest.param(lambda: deal(stage=PROSPECT, recorded=()), rf.PREMATURE, 0, id="first-stage"),
    # not-in-funnel-yet (In the Funnel: Qualified and Evaluating; stage limit 21 days)
    pytest.param(lambda: deal(every(mode=Mode.EVEN_KEEL)), rf.NOT_IN_FUNNEL_YET, 1, id="nobody-receptive"),
    pytest.param(
        lambda: deal(every(mode=Mode.OVERCONFIDENT), stage=EVALUATING),
        rf.NOT_IN_FUNNEL_YET,
        1,
        id="evaluating",
    ),
    pytest.param(
        lambda: deal((*every(mode=Mode.EVEN_KEEL)[:3], replace(COACH, mode=Mode.TROUBLE, covered_by=""))),
        rf.NOT_IN_FUNNEL_YET,
        1,
        id="receptive-but-never-met",
    ),
    pytest.param(
        lambda: deal(every(last_contact=TODAY - 22 * DAY)), rf.NOT_IN_FUNNEL_YET, 1, id="met-22-days-ago"
    ),
    pytest.param(
        lambda: deal(every(last_contact=TODAY - 21 * DAY)), rf.NOT_IN_FUNNEL_YET, 0, id="met-21-days-ago"
    ),
    pytest.param(
        lambda: deal((*every(mode=Mode.EVEN_KEEL)[:3], replace(COACH, mode=Mode.TROUBLE))),
        rf.NOT_IN_FUNNEL_YET,
        0,
        id="one-in-trouble-met",
    ),
    pytest.param(lambda: deal(()), rf.NOT_IN_FUNNEL_YET, 1, id="no-influence"),
    pytest.param(
        lambda: deal(every(mode=Mode.EVEN_KEEL), stage=PROSPECT),
        rf.NOT_IN_FUNNEL_YET,
        0,
        id="above-the-funnel",
    ),
    pytest.param(
        lambda: best_few(influences=every(mode=Mode.EVEN_KEEL), commitments=CONFIRMED),
        rf.NOT_IN_FUNNEL_YET,
        0,
        id="best-few-is-its-own-rule",
    ),
    pytest.param(lambda: deal(every(mode=Mode.EVEN_KEEL), stage=LOST), rf.NOT_IN_FUNNEL_YET, 0, id="closed"),
    # best-few-unconfirmed (the default stages' decision item; FIVE_WON's cycle is 60 days)
    pytest.param(best_few, rf.BEST_FEW_UNCONFIRMED, 1, id="no-decision-date"),
    pytest.param(lambda: best_few(commitments=CONFIRMED), rf.BEST_FEW_UNCONFIRMED, 0, id="decision-date"),
    pytest.param(
        lambda: best_few(commitments=(committed("  agreed CONTRACT and signature   date ", 3),)),
        rf.BEST_FEW_UNCONFIRMED,
        0,
        id="case-and-spacing-ignored",
    ),
    pytest.param(
        lambda: best_few(commitments=(committed("Verbal selection; Agreed contract and signature date", 3),)),
        rf.BEST_FEW_UNCONFIRMED,
        0,
        id="one-part-of-a-move",
    ),
    pytest.param(
        lambda: best_few(
            commitments=(committed("Verbal selection", 3), committed("Technical evaluation agreed", 9))
        ),
        rf.BEST_FEW_UNCONFIRMED,
        1,
        id="other-commitments",
    ),
    pytest.param(
        lambda: best_few(commitments=CONFIRMED, context=FIVE_WON, close_date=TODAY + 31 * DAY),
        rf.BEST_FEW_UNCONFIRMED,
        1,
        id="closes-after-half-the-cycle",
    ),
    pytest.param(
        lambda: best_few(commitments=CONFIRMED, context=FIVE_WON, close_date=TODAY + 30 * DAY),
        rf.BEST_FEW_UNCONFIRMED,
        0,
        id="closes-at-half-the-cycle",
    ),
    pytest.param(
        lambda: best_few(
            commitments=CONFIRMED,
            context=rf.PlanContext(FIVE_WON.decision_items, rf.normal_cycle([70, 30, 90, 60])),
            close_date=TODAY + 300 * DAY,
        ),
        rf.BEST_FEW_UNCONFIRMED,
        0,
        id="four-won-deals-no-cycle",
    ),
    pytest.param(
        lambda: best_few(commitments=CONFIRMED, context=FIVE_WON, close_date=None),
        rf.BEST_FEW_UNCONFIRMED,
        0,
        id="no-close-date",
    ),
    pytest.param(lambda: deal(stage=EVALUATING), rf.BEST_FEW_UNCONFIRMED, 0, id="not-best-few"),
    pytest.param(lambda: deal(stage=WON, close_date=TODAY - DAY), rf.BEST_FEW_UNCONFIRMED, 0, id="won"),
    # no-next-step
    pytest.param(lambda: deal(actions=frozenset()), rf.NO_NEXT_STEP, 1, id="no-open-action"),
    pytest.param(deal, rf.NO_NEXT_STEP, 0, id="an-open-action"),
    pytest.param(lambda: deal(actions=frozenset({"no-coach"})), rf.NO_NEXT_STEP, 0, id="a-linked-action"),
    pytest.param(lambda: deal(stage=WON, actions=frozenset()), rf.NO_NEXT_STEP, 0, id="closed-plans-nothing"),
    # single-threaded
    pytest.param(lambda: deal((ECONOMIC,)), rf.SINGLE_THREADED, 1, id="one-influence"),
    pytest.param(lambda: deal((replace(USER, covered_by=""),)), rf.SINGLE_THREADED, 1, id="one-never-met"),
    pytest.param(lambda: deal(only_met(ECONOMIC)), rf.SINGLE_THREADED, 1, id="one-of-four-met"),
    pytest.param(lambda: deal(only_met(ECONOMIC, COACH)), rf.SINGLE_THREADED, 0, id="two-met"),
    pytest.param(lambda: deal(only_met()), rf.SINGLE_THREADED, 0, id="none-met"),
    pytest.param(lambda: deal(()), rf.SINGLE_THREADED, 0, id="no-influence-at-all"),
    pytest.param(
        lambda: deal((ECONOMIC, replace(USER, last_contact=TODAY - 22 * DAY))),
        rf.SINGLE_THREADED,
        1,
        id="other-met-too-long-ago",
    ),
    pytest.param(lambda: deal(only_met(ECONOMIC), stage=LOST), rf.SINGLE_THREADED, 1, id="closed-deal-too"),
    # euphoric-with-red-flags
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), position=4), rf.EUPHORIC_WITH_RED_FLAGS, 1, id="plus-4"
    ),
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), position=5), rf.EUPHORIC_WITH_RED_FLAGS, 1, id="plus-5"
    ),
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), position=3), rf.EUPHORIC_WITH_RED_FLAGS, 0, id="plus-3"
    ),
    pytest.param(lambda: deal(position=5), rf.EUPHORIC_WITH_RED_FLAGS, 0, id="euphoric-without-red-flags"),
    pytest.param(
        lambda: deal(position=4, manual=(ManualFlag(7, 1, False, "Budget freeze rumour"),)),
        rf.EUPHORIC_WITH_RED_FLAGS,
        1,
        id="the-sellers-own-red-flag",
    ),
    pytest.param(
        lambda: deal(position=4, manual=(ManualFlag(7, 1, True, "Long relationship"),)),
        rf.EUPHORIC_WITH_RED_FLAGS,
        0,
        id="a-strength-is-no-red-flag",
    ),
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), position=9), rf.EUPHORIC_WITH_RED_FLAGS, 0, id="off-scale"
    ),
    # panic: the other end of the current position's scale, with or without other red flags
    pytest.param(lambda: deal(position=-5), rf.PANIC, 1, id="minus-5"),
    pytest.param(lambda: deal(position=-4), rf.PANIC, 1, id="minus-4"),
    pytest.param(lambda: deal(position=-3), rf.PANIC, 0, id="minus-3"),
    pytest.param(lambda: deal(position=5), rf.PANIC, 0, id="euphoric-is-not-panic"),
    pytest.param(lambda: deal(position=-9), rf.PANIC, 0, id="below-the-scale"),
    pytest.param(lambda: deal(position=-5, stage=LOST), rf.PANIC, 1, id="panic-on-a-closed-deal-too"),
    # flag-without-action (the deal has one open action linked to nothing unless said)
    pytest.param(lambda: deal((ECONOMIC, USER, TECHNICAL)), rf.FLAG_WITHOUT_ACTION, 1, id="unlinked"),
    pytest.param(deal, rf.FLAG_WITHOUT_ACTION, 0, id="no-red-flag"),
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), actions=frozenset({"no-coach"})),
        rf.FLAG_WITHOUT_ACTION,
        0,
        id="linked",
    ),
    pytest.param(
        lambda: deal((ECONOMIC, replace(USER, covered_by=""), TECHNICAL), actions=frozenset({"no-coach"})),
        rf.FLAG_WITHOUT_ACTION,
        1,
        id="another-unlinked",
    ),
    pytest.param(
        lambda: deal(
            (ECONOMIC, replace(USER, covered_by=""), TECHNICAL),
            actions=frozenset({"no-coach", "uncovered-influence:influence:2", ""}),
        ),
        rf.FLAG_WITHOUT_ACTION,
        0,
        id="each-linked",
    ),
    pytest.param(
        lambda: deal(manual=(ManualFlag(7, 1, False, "Budget freeze rumour"),)),
        rf.FLAG_WITHOUT_ACTION,
        1,
        id="own-flag-unlinked",
    ),
    pytest.param(
        lambda: deal(
            manual=(ManualFlag(7, 1, False, "Budget freeze rumour"),),
            actions=frozenset({"manual:manual_flag:7"}),
        ),
        rf.FLAG_WITHOUT_ACTION,
        0,
        id="own-flag-linked",
    ),
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), actions=frozenset()),
        rf.FLAG_WITHOUT_ACTION,
        0,
        id="no-action-at-all-is-no-next-step",
    ),
    pytest.param(
        lambda: deal((ECONOMIC, USER, TECHNICAL), stage=LOST), rf.FLAG_WITHOUT_ACTION, 0, id="closed"
    ),
    # strengths
    pytest.param(lambda: with_coach(rating=3), rf.STRONG_COACH, 1, id="coach-3"),
    pytest.param(lambda: with_coach(rating=5), rf.STRONG_COACH, 1, id="coach-5"),
    pytest.param(lambda: with_coach(rating=2), rf.STRONG_COACH, 0, id="coach-2"),
    pytest.param(lambda: with_coach(rating=9), rf.STRONG_COACH, 0, id="coach-rating-off-scale"),
    pytest.param(lambda: with_user(rating=5), rf.STRONG_COACH, 0, id="user-5"),
    pytest.param(lambda: with_economic(rating=1), rf.RECEPTIVE_ECONOMIC_BUYER, 1, id="eb-growth-1"),
    pytest.param(
        lambda: with_economic(mode=Mode.TROUBLE, rating=4), rf.RECEPTIVE_ECONOMIC_BUYER, 1, id="eb-trouble-4"
    ),
    pytest.param(lambda: with_economic(rating=0), rf.RECEPTIVE_ECONOMIC_BUYER, 0, id="eb-growth-0"),
    pytest.param(lambda: with_economic(rating=None), rf.RECEPTIVE_ECONOMIC_BUYER, 0, id="eb-unrated"),
    pytest.param(
        lambda: with_economic(mode=Mode.EVEN_KEEL, rating=3),
        rf.RECEPTIVE_ECONOMIC_BUYER,
        0,
        id="eb-even-keel",
    ),
    pytest.param(lambda: with_user(rating=3), rf.RECEPTIVE_ECONOMIC_BUYER, 1, id="only-the-eb-counts"),
    pytest.param(deal, rf.ALL_ROLES_COVERED, 1, id="all-covered"),
    pytest.param(lambda: deal((ECONOMIC, USER, TECHNICAL)), rf.ALL_ROLES_COVERED, 0, id="a-role-missing"),
    pytest.param(
        lambda: with_user(last_contact=TODAY - 22 * DAY), rf.ALL_ROLES_COVERED, 0, id="met-too-long-ago"
    ),
    pytest.param(
        lambda: deal((*HEALTHY, influence(5, Role.UNKNOWN, covered_by=""))),
        rf.ALL_ROLES_COVERED,
        0,
        id="another-influence-unmet",
    ),
    pytest.param(
        lambda: deal((*HEALTHY, influence(5, Role.UNKNOWN))),
        rf.ALL_ROLES_COVERED,
        1,
        id="extra-influence-met",
    ),
    # commitment-this-week
    pytest.param(
        lambda: deal(commitments=(committed("Sent the fleet data", 0),)),
        rf.COMMITMENT_THIS_WEEK,
        1,
        id="today",
    ),
    pytest.param(
        lambda: deal(commitments=(committed("Sent the fleet data", 7),)),
        rf.COMMITMENT_THIS_WEEK,
        1,
        id="7-days-ago",
    ),
    pytest.param(
        lambda: deal(commitments=(committed("Sent the fleet data", 8),)),
        rf.COMMITMENT_THIS_WEEK,
        0,
        id="8-days-ago",
    ),
    pytest.param(
        lambda: deal(commitments=(committed("Booked the workshop", -2),)),
        rf.COMMITMENT_THIS_WEEK,
        0,
        id="only-a-future-date",
    ),
    pytest.param(deal, rf.COMMITMENT_THIS_WEEK, 0, id="no-commitment"),
    pytest.param(
        lambda: deal(stage=WON, commitments=(committed("Order received", 2),)),
        rf.COMMITMENT_THIS_WEEK,
        1,
        id="closed-deal-too",
    ),
]


@pytest.mark.parametrize(("make", "rule", "count"), CASES)
def test_rule_at_its_boundary(make: Callable[[], DealFacts], rule: str, count: int) -> None:
    results = fired(make(), rule)
    assert len(results) == count, results
    for flag in results:
        assert flag.is_strength == (rule in rf.STRENGTH_RULES)
        assert flag.reason


def test_reasons_read_like_the_method() -> None:
    assert fired(deal((ECONOMIC, USER, TECHNICAL)), rf.NO_COACH)[0].reason == "No Coach on this deal"
    assert fired(deal((USER,)), rf.NO_ECONOMIC_BUYER)[0].reason == "No Economic buyer identified on this deal"
    assert [
        f.reason for f in fired(with_economic(mode=Mode.OVERCONFIDENT), rf.UNRECEPTIVE_ECONOMIC_BUYER)
    ] == ["Maria Keller (Economic) is in Overconfident mode: no gap, not receptive"]
    assert (
        fired(with_user(rating=-4), rf.HOSTILE_INFLUENCE)[0].reason
        == "Tom Baker (User) is rated \u22124: hostile"
    )
    assert (
        fired(with_coach(rating=4), rf.STRONG_COACH)[0].reason
        == "Lena Fischer (Coach) is rated +4: a strong Coach"
    )
    assert (
        fired(deal(amount=None, quantity=None, close_date=None), rf.OBJECTIVE_INCOMPLETE)[0].reason
        == "The objective has no amount and no close date"
    )
    assert fired(with_user(role=Role.UNKNOWN, rating=None), rf.UNKNOWN)[0].reason == (
        "Tom Baker: role and rating unknown"
    )
    assert fired(with_user(covered_by=""), rf.UNCOVERED_INFLUENCE)[0].reason == (
        "Nobody on our side has met Tom Baker (User)"
    )
    assert fired(with_user(last_contact=TODAY - 30 * DAY), rf.UNCOVERED_INFLUENCE)[0].reason == (
        "Tom Baker (User) was last met 30 days ago (stage limit 21)"
    )
    assert (
        fired(with_user(result=""), rf.NO_WIN_RESULT)[0].reason == "Tom Baker (User) has no business Result"
    )
    several = fired(with_user(role=Role.ECONOMIC), rf.SEVERAL_ECONOMIC_BUYERS)[0].reason
    assert several == "2 Economic buyers on one objective: Maria Keller and Tom Baker (there should be one)"
    # A person missing from the mapping still gets a readable reason.
    assert fired(with_user(person_id=99, covered_by=""), rf.UNCOVERED_INFLUENCE)[0].reason == (
        "Nobody on our side has met Person #99 (User)"
    )


def reason(facts: DealFacts, rule: str) -> str:
    (flag,) = fired(facts, rule)
    return flag.reason


def test_the_method_checks_reasons() -> None:
    assert reason(deal(every(mode=Mode.EVEN_KEEL)), rf.NOT_IN_FUNNEL_YET) == (
        "In the Funnel, but no buying influence in Growth or Trouble mode was met recently (stage limit 21)"
    )
    assert reason(best_few(), rf.BEST_FEW_UNCONFIRMED) == (
        "In Best Few without the Economic buyer's agreed decision date:"
        " “Agreed contract and signature date” is not recorded"
    )
    late = best_few(commitments=CONFIRMED, context=FIVE_WON, close_date=TODAY + 45 * DAY)
    assert reason(late, rf.BEST_FEW_UNCONFIRMED) == (
        "In Best Few, but closes in 45 days: more than half the normal cycle of 60 days"
        " (the median of 5 won deals, from creation to won)"
    )
    both = best_few(context=FIVE_WON, close_date=TODAY + 31 * DAY)
    assert reason(both, rf.BEST_FEW_UNCONFIRMED) == (
        "In Best Few without the Economic buyer's agreed decision date (“Agreed contract and signature date”"
        " is not recorded), and closes in 31 days: more than half the normal cycle of 60 days"
        " (the median of 5 won deals)"
    )
    assert reason(deal(actions=frozenset()), rf.NO_NEXT_STEP) == "No next step: the deal has no open action"
    assert reason(deal(actions=frozenset(), next_step="  Demo for the dispatch team "), rf.NO_NEXT_STEP) == (
        "No next step planned: the CRM's “Demo for the dispatch team” is not an action on the Blue Sheet"
    )
    assert reason(deal(actions=frozenset(), next_step="   "), rf.NO_NEXT_STEP) == (
        "No next step: the deal has no open action"
    )
    one = fired(deal((replace(USER, id=9),)), rf.SINGLE_THREADED)
    assert [(f.reason, f.ref) for f in one] == [
        ("Single-threaded: Tom Baker (User) is the only buying influence", RecordRef("influence", 9))
    ]
    thread = fired(deal(only_met(COACH)), rf.SINGLE_THREADED)
    assert [(f.reason, f.ref) for f in thread] == [
        (
            "Single-threaded: Lena Fischer (Coach) is the only one of 4 buying influences met recently",
            RecordRef("influence", 4),
        )
    ]
    assert reason(deal(only_met(ECONOMIC), stage=WON), rf.SINGLE_THREADED) == (
        "Single-threaded: Maria Keller (Economic) is the only one of 4 buying influences anyone has met"
    )
    assert reason(deal((ECONOMIC, USER, TECHNICAL), position=4), rf.EUPHORIC_WITH_RED_FLAGS) == (
        "Current position +4 with 1 red flag: euphoria is often blindness, check the evidence"
    )
    # Two red flags besides itself: no-coach and new-player (flag-without-action is not counted).
    two = deal((ECONOMIC, replace(USER, new_in_job=True), TECHNICAL), position=5)
    assert reason(two, rf.EUPHORIC_WITH_RED_FLAGS) == (
        "Current position +5 with 2 red flags: euphoria is often blindness, check the evidence"
    )
    assert reason(deal(position=-5), rf.PANIC) == (
        "Current position \u22125: find out what is missing and act on it"
    )
    assert reason(deal((ECONOMIC, USER, TECHNICAL)), rf.FLAG_WITHOUT_ACTION) == (
        "No open action is linked to the red flag “No Coach on this deal”"
    )
    # The euphoric flag itself wants an action too; a linked one is not counted.
    linked = dataclasses.replace(two, open_actions=frozenset({"new-player:influence:2"}))
    assert reason(linked, rf.FLAG_WITHOUT_ACTION) == (
        "2 red flags have no open action linked to them, the first: “No Coach on this deal”"
    )
    assert reason(deal(commitments=(committed("Sent the fleet data", 0),)), rf.COMMITMENT_THIS_WEEK) == (
        "The customer committed today: “Sent the fleet data”"
    )
    assert reason(deal(commitments=(committed("Sent the fleet data", 1),)), rf.COMMITMENT_THIS_WEEK) == (
        "The customer committed yesterday: “Sent the fleet data”"
    )
    # The latest on or before today: not the one dated in the future, not an older one.
    several = (
        committed("Booked the workshop", -3, id=1),
        committed("Shared the budget range", 6, id=2),
        committed("Sent the fleet data", 4, id=3),
    )
    assert reason(deal(commitments=several), rf.COMMITMENT_THIS_WEEK) == (
        "The customer committed 4 days ago: “Sent the fleet data”"
    )
    assert fired(deal(commitments=several), rf.COMMITMENT_THIS_WEEK)[0].ref == RecordRef("opportunity", 1)


def test_new_rules_come_in_the_documented_order() -> None:
    facts = deal(
        (
            replace(ECONOMIC, mode=Mode.EVEN_KEEL),
            replace(USER, covered_by=""),
            replace(TECHNICAL, mode=Mode.OVERCONFIDENT),
        ),
        stage=EVALUATING,
        recorded=EVERY_COMMITMENT,
        position=5,
        commitments=(committed("Sent the fleet data", 2),),
        manual=(ManualFlag(7, 1, False, "Budget freeze rumour"),),
    )
    rules = rules_of(rf.evaluate(facts, TODAY))
    assert rules == [
        rf.NO_COACH,
        rf.UNCOVERED_INFLUENCE,
        rf.UNRECEPTIVE_ECONOMIC_BUYER,
        rf.NOT_IN_FUNNEL_YET,
        rf.EUPHORIC_WITH_RED_FLAGS,
        rf.FLAG_WITHOUT_ACTION,
        rf.MANUAL,
        rf.COMMITMENT_THIS_WEEK,
    ]
    assert rules_of(rf.evaluate(dataclasses.replace(facts, open_actions=frozenset()), TODAY)) == [
        rf.NO_COACH,
        rf.UNCOVERED_INFLUENCE,
        rf.UNRECEPTIVE_ECONOMIC_BUYER,
        rf.NOT_IN_FUNNEL_YET,
        rf.NO_NEXT_STEP,
        rf.EUPHORIC_WITH_RED_FLAGS,
        rf.MANUAL,
        rf.COMMITMENT_THIS_WEEK,
    ]
    assert rf.RULE_ORDER.index(rf.PREMATURE) < rf.RULE_ORDER.index(rf.NOT_IN_FUNNEL_YET)
    assert rf.STRENGTH_RULES[-1] == rf.COMMITMENT_THIS_WEEK


def test_the_normal_cycle_needs_five_won_deals() -> None:
    assert rf.normal_cycle([70, 30, 90, 60]) is None
    assert rf.normal_cycle([70, 30, 90, 60, 50]) == rf.NormalCycle(60, 5)
    assert rf.normal_cycle([70, 30, 90, 60, 50, 80]) == rf.NormalCycle(60, 6)  # the lower middle
    assert rf.normal_cycle([70, 30, 90, 60, -5]) is None  # a date typed wrong is not a cycle
    assert rf.normal_cycle([]) is None


def stages_with(committed_exits: tuple[str, ...], evaluating_exits: tuple[str, ...]) -> list[Stage]:
    changed = {EVALUATING.id: evaluating_exits, COMMITTED.id: committed_exits}
    return [dataclasses.replace(s, exit_commitments=changed.get(s.id, s.exit_commitments)) for s in STAGES]


def test_decision_items_are_the_best_few_checklists_items_that_name_a_date() -> None:
    assert rf.decision_items(STAGES) == ("Agreed contract and signature date",)
    assert rf.DEFAULT_CONTEXT.decision_items == ("Agreed contract and signature date",)
    # An entry commitment (Evaluating's exit) can name the date too.
    assert rf.decision_items(stages_with(("Verbal selection",), ("Decision dates agreed",))) == (
        "Decision dates agreed",
    )
    # A German checklist.
    assert rf.decision_items(stages_with(("Unterschriftstermin vereinbart",), ())) == (
        "Unterschriftstermin vereinbart",
    )
    assert rf.decision_items(stages_with(("Entscheidungsdatum genannt",), ())) == (
        "Entscheidungsdatum genannt",
    )
    # "update" and "determined" name no date; without a dated item, any item of the checklists counts.
    fallback = stages_with(("Verbal selection", "Update agreed"), ("Determined the budget",))
    assert rf.decision_items(fallback) == ("Determined the budget", "Verbal selection", "Update agreed")
    assert rf.decision_items(stages_with((), ())) == ()
    # A plan with nothing to check in Best Few never calls the decision date missing.
    empty = rf.PlanContext(())
    assert not fired(best_few(context=empty), rf.BEST_FEW_UNCONFIRMED)
    own = rf.PlanContext(rf.decision_items(fallback))
    assert fired(best_few(context=own), rf.BEST_FEW_UNCONFIRMED)
    assert not fired(
        best_few(context=own, commitments=(committed("verbal selection", 1),)), rf.BEST_FEW_UNCONFIRMED
    )


def test_funnel_rules_are_the_funnel_modules_words() -> None:
    facts = deal(last_commitment=TODAY - 34 * DAY, slips=3, close_date=TODAY - 2 * DAY, recorded=())
    by_rule = {f.rule: f.reason for f in rf.evaluate(facts, TODAY)}
    assert by_rule[rf.STALE] == funnel.stale_reason(34, 21)
    assert by_rule[rf.SLIPPING] == funnel.slip_reason(3)
    assert by_rule[rf.OVERDUE] == funnel.overdue_reason(TODAY - 2 * DAY, TODAY)
    assert by_rule[rf.PREMATURE] == funnel.premature_reason(PROSPECT.exit_commitments)
    assert by_rule[rf.PREMATURE] == (
        "Premature: never recorded: Agreed to a discovery meeting; Confirmed a problem or goal"
    )


def test_a_skip_ahead_is_premature_naming_every_commitment_it_skipped() -> None:
    """Prospect to Committed citing only "agreed to a discovery meeting": the method's gate
    was skipped twice, and the reason says which commitments were never recorded."""
    (flag,) = fired(deal(stage=COMMITTED, recorded=ENTERS_QUALIFIED[:1]), rf.PREMATURE)
    assert flag.reason == (
        "Premature: never recorded: Confirmed a problem or goal; Shared budget range and timeline;"
        " Introduced us to the economic buyer; Shared decision criteria and process;"
        " Technical evaluation agreed"
    )
    assert flag.ref == RecordRef("opportunity", 1)


def test_results_point_at_their_records_in_the_documented_order() -> None:
    facts = deal(
        (
            replace(ECONOMIC, id=30, mode=Mode.OVERCONFIDENT, rating=-4),
            replace(USER, id=10, covered_by="", new_in_job=True),
            replace(COACH, id=20, rating=3),
        ),
        manual=(ManualFlag(8, 1, True, "Long relationship"), ManualFlag(7, 1, False, "Budget freeze rumour")),
        slips=2,
    )
    flags = rf.evaluate(facts, TODAY)
    assert [(f.rule, f.ref) for f in flags] == [
        (rf.UNCOVERED_INFLUENCE, RecordRef("influence", 10)),
        (rf.HOSTILE_INFLUENCE, RecordRef("influence", 30)),
        (rf.UNRECEPTIVE_ECONOMIC_BUYER, RecordRef("influence", 30)),
        (rf.NEW_PLAYER, RecordRef("influence", 10)),
        (rf.SLIPPING, RecordRef("opportunity", 1)),
        (rf.FLAG_WITHOUT_ACTION, RecordRef("opportunity", 1)),
        (rf.MANUAL, RecordRef("manual_flag", 7)),
        (rf.STRONG_COACH, RecordRef("influence", 20)),
        (rf.MANUAL, RecordRef("manual_flag", 8)),
    ]
    assert [f.is_strength for f in flags] == [False] * 7 + [True] * 2
    assert flags[6].reason == "Budget freeze rumour"
    assert flags == sorted(flags, key=rf.order_key)
    assert rf.red_flag_count(flags) == 7


def test_sso_checklist_names_hints_and_passes() -> None:
    complete = rf.sso_tests(deal().opportunity, "Acme Manufacturing")
    assert [t.name for t in complete] == list(rf.SSO_TEST_NAMES)
    assert all(t.passed and t.hint == "" for t in complete)
    empty = Opportunity(1, "Deal", None, 2)
    tests = rf.sso_tests(empty)
    assert [t.passed for t in tests] == [False, False, False, False, True]
    assert tests[0].hint == "Name the product or service, and how much: an amount or a quantity"
    assert all(t.hint for t in tests if not t.passed)
    assert rf.sso_tests(dataclasses.replace(empty, product="Route Optimiser"))[0].hint == (
        "Say how much: an amount or a quantity"
    )
    assert rf.sso_tests(dataclasses.replace(empty, amount=5.0))[0].hint == "Name the product or service"
    flag = fired(
        deal(title="Deal", product="", amount=None, quantity=None, close_date=None), rf.OBJECTIVE_INCOMPLETE
    )
    assert flag[0].reason == "The objective has no product, no amount, no close date and no specific title"


@pytest.mark.parametrize("mark", rf.BUNDLING_MARKS)
def test_every_bundling_mark_fails_the_single_test(mark: str) -> None:
    opp = dataclasses.replace(deal().opportunity, title=f"Telematics{mark}support contract")
    assert not rf.sso_tests(opp)[4].passed
    assert fired(deal(title=opp.title), rf.OBJECTIVE_INCOMPLETE)[0].reason == (
        "The objective has several items in one title"
    )


# ----------------------------------------------------------------------------------------------
# Properties

ratings = st.integers(min_value=-5, max_value=5)


@given(rating=ratings)
def test_hostile_exactly_at_minus_4_and_below(rating: int) -> None:
    assert bool(fired(with_user(rating=rating), rf.HOSTILE_INFLUENCE)) == (rating <= -4)


@given(rating=ratings)
def test_a_coach_rated_3_or_more_is_a_strength(rating: int) -> None:
    assert bool(fired(with_coach(rating=rating), rf.STRONG_COACH)) == (rating >= 3)


@given(rating=ratings, mode=st.sampled_from(Mode))
def test_receptive_economic_buyer(rating: int, mode: Mode) -> None:
    expected = rating > 0 and mode in (Mode.GROWTH, Mode.TROUBLE)
    assert bool(fired(with_economic(rating=rating, mode=mode), rf.RECEPTIVE_ECONOMIC_BUYER)) == expected


@given(days=st.integers(min_value=-5, max_value=100), stage=st.sampled_from(STAGES))
def test_met_within_the_stage_limit_is_covered(days: int, stage: Stage) -> None:
    facts = deal((ECONOMIC, replace(USER, last_contact=TODAY - days * DAY), TECHNICAL, COACH), stage=stage)
    limit = stage.stale_after_days
    assert bool(fired(facts, rf.UNCOVERED_INFLUENCE)) == (limit is not None and days > limit)


@given(economic=st.integers(min_value=0, max_value=6))
def test_exactly_one_economic_buyer_is_silent(economic: int) -> None:
    roles = [Role.ECONOMIC] * economic + [Role.USER, Role.COACH]
    facts = deal([influence(n, role) for n, role in enumerate(roles, start=1)])
    rules = rules_of(rf.evaluate(facts, TODAY))
    assert (rf.NO_ECONOMIC_BUYER in rules) == (economic == 0)
    assert rules.count(rf.SEVERAL_ECONOMIC_BUYERS) == (1 if economic >= 2 else 0)


@given(
    field=st.sampled_from(["role", "mode", "degree", "rating"]),
    role=st.sampled_from([r for r in Role if r is not Role.UNKNOWN]),
)
def test_unknown_fires_for_each_missing_field(field: str, role: Role) -> None:
    unknown: dict[str, object] = {
        "role": Role.UNKNOWN,
        "mode": Mode.UNKNOWN,
        "degree": Degree.UNKNOWN,
        "rating": None,
    }
    extra = replace(influence(5, role), **{field: unknown[field]})
    facts = deal((ECONOMIC, USER, TECHNICAL, COACH, extra))
    (flag,) = fired(facts, rf.UNKNOWN)
    assert flag.ref == RecordRef("influence", 5)
    assert flag.reason.endswith(f"{'degree of influence' if field == 'degree' else field} unknown")


influences = st.builds(
    BuyingInfluence,
    id=st.integers(min_value=1, max_value=10_000),
    opportunity_id=st.just(1),
    person_id=st.integers(min_value=1, max_value=8),  # 7 and 8 are not in PEOPLE
    role=st.sampled_from(Role),
    degree=st.sampled_from(Degree),
    mode=st.sampled_from(Mode),
    rating=st.one_of(st.none(), st.integers(min_value=-20, max_value=20)),
    win=st.sampled_from(["", " ", "Recognition"]),
    result=st.sampled_from(["", "Lower cost"]),
    covered_by=st.sampled_from(["", "  ", "Sam Seller"]),
    last_contact=st.one_of(st.none(), st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2040, 1, 1))),
    new_in_job=st.booleans(),
)
dates = st.one_of(st.none(), st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)))


@st.composite
def any_deal(draw: st.DrawFn) -> DealFacts:
    return deal(
        draw(st.lists(influences, max_size=8, unique_by=lambda bi: bi.id)),
        stage=draw(st.sampled_from(STAGES)),
        manual=draw(
            st.lists(
                st.builds(ManualFlag, st.integers(1, 99), st.just(1), st.booleans(), st.text(min_size=1)),
                max_size=3,
                unique_by=lambda m: m.id,
            )
        ),
        account=draw(st.text(max_size=20)),
        last_commitment=draw(dates),
        recorded=tuple(draw(st.lists(st.sampled_from(EVERY_COMMITMENT), max_size=6))),
        snooze_until=draw(dates),
        slips=draw(st.integers(0, 5)),
        title=draw(st.text(min_size=1, max_size=30)),
        product=draw(st.text(max_size=20)),
        amount=draw(st.one_of(st.none(), st.floats(allow_nan=True))),
        quantity=draw(st.one_of(st.none(), st.floats(min_value=-10, max_value=1e6))),
        close_date=draw(dates),
        position=draw(st.one_of(st.none(), st.integers(-6, 6))),
        next_step=draw(st.sampled_from(["", "  ", "Demo for the dispatch team"])),
        actions=draw(
            st.frozensets(
                st.sampled_from(["", "no-coach", "uncovered-influence:influence:3", "manual:manual_flag:5"]),
                max_size=3,
            )
        ),
        commitments=draw(
            st.lists(
                st.builds(
                    Commitment,
                    st.integers(1, 99),
                    st.just(1),
                    st.sampled_from(["Agreed contract and signature date", "Verbal selection", ""]),
                    st.dates(min_value=TODAY - 20 * DAY, max_value=TODAY + 5 * DAY),
                ),
                max_size=3,
            )
        ),
        context=draw(st.sampled_from([rf.DEFAULT_CONTEXT, FIVE_WON, rf.PlanContext(())])),
    )


@given(facts=any_deal(), shuffle=st.randoms(use_true_random=False))
def test_any_deal_evaluates_to_well_formed_results(facts: DealFacts, shuffle: random.Random) -> None:
    flags = rf.evaluate(facts, TODAY)
    assert flags == sorted(flags, key=rf.order_key)
    strengths = [f.is_strength for f in flags]
    assert strengths == sorted(strengths)  # red flags first
    assert rf.red_flag_count(flags) == strengths.count(False)
    counts = Counter(f.rule for f in flags)
    for rule in (rf.NO_ECONOMIC_BUYER, rf.SEVERAL_ECONOMIC_BUYERS, rf.NO_COACH, rf.OBJECTIVE_INCOMPLETE):
        assert counts[rule] <= 1
    economic = sum(1 for bi in facts.influences if bi.role is Role.ECONOMIC)
    assert counts[rf.NO_ECONOMIC_BUYER] == (economic == 0)
    assert counts[rf.SEVERAL_ECONOMIC_BUYERS] == (economic >= 2)
    assert counts[rf.OBJECTIVE_INCOMPLETE] == (
        not all(t.passed for t in rf.sso_tests(facts.opportunity, facts.account_name))
    )
    ids = {bi.id for bi in facts.influences}
    per_record = Counter((f.rule, f.ref) for f in flags)
    for flag in flags:
        assert flag.rule in rf.RULE_ORDER
        assert flag.reason
        if flag.ref.kind == "influence":
            assert flag.ref.id in ids
            assert per_record[(flag.rule, flag.ref)] == 1  # at most one result per rule and influence
        elif flag.ref.kind == "opportunity":
            assert flag.ref.id == facts.opportunity.id
        else:
            assert flag.rule == rf.MANUAL
    for rule in (
        rf.NOT_IN_FUNNEL_YET,
        rf.BEST_FEW_UNCONFIRMED,
        rf.NO_NEXT_STEP,
        rf.SINGLE_THREADED,
        rf.EUPHORIC_WITH_RED_FLAGS,
        rf.FLAG_WITHOUT_ACTION,
        rf.COMMITMENT_THIS_WEEK,
    ):
        assert counts[rule] <= 1
    if facts.stage.is_closed:
        assert not {
            rf.STALE,
            rf.SLIPPING,
            rf.OVERDUE,
            rf.PREMATURE,
            rf.NOT_IN_FUNNEL_YET,
            rf.BEST_FEW_UNCONFIRMED,
            rf.NO_NEXT_STEP,
            rf.FLAG_WITHOUT_ACTION,
        } & set(counts)
    else:
        assert counts[rf.NO_NEXT_STEP] == (not facts.open_actions)
    assert not (counts[rf.NO_NEXT_STEP] and counts[rf.FLAG_WITHOUT_ACTION])
    # Euphoric needs another red flag; flag-without-action needs one that is not linked.
    others = rf.red_flag_count(flags) - counts[rf.EUPHORIC_WITH_RED_FLAGS] - counts[rf.FLAG_WITHOUT_ACTION]
    if counts[rf.EUPHORIC_WITH_RED_FLAGS]:
        assert others >= 1
        assert facts.opportunity.position in (4, 5)
    if counts[rf.FLAG_WITHOUT_ACTION]:
        assert any(rf.flag_ref(f) not in facts.open_actions for f in flags if not f.is_strength)
    # The same facts in another order, or in bulk, give the very same results.
    shuffled = list(facts.influences)
    shuffle.shuffle(shuffled)
    assert rf.evaluate(dataclasses.replace(facts, influences=tuple(shuffled)), TODAY) == flags
    assert rf.evaluate_all({facts.opportunity.id: facts}, TODAY) == {facts.opportunity.id: flags}


@given(facts=any_deal(), today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)))
def test_bulk_and_single_deal_funnel_rules_agree(facts: DealFacts, today: dt.date) -> None:
    # evaluate_all asks funnel.statuses for many deals at once, evaluate asks funnel.status.
    assert rf.evaluate_all({1: facts}, today)[1] == rf.evaluate(facts, today)


# ----------------------------------------------------------------------------------------------
# Reading from a plan


def test_demo_plan_shows_a_realistic_mix(demo_plan: PlanDB) -> None:
    results = rf.evaluate_plan(demo_plan, TODAY)
    open_ids = {o.id for o in opportunities.list_opportunities(demo_plan) if o.closed_on is None}
    assert set(results) == open_ids
    rules = Counter(f.rule for flags in results.values() for f in flags)
    assert len({r for r in rules if r in rf.RED_FLAG_RULES}) >= 10
    assert {rf.NO_COACH, rf.UNCOVERED_INFLUENCE, rf.STALE, rf.SLIPPING, rf.PREMATURE} <= set(rules)
    # The method's checks each show on at least one deal, the strength too; one Best Few deal
    # closes too far out for the plan's normal cycle (five won deals).
    method_checks = {
        rf.NOT_IN_FUNNEL_YET,
        rf.BEST_FEW_UNCONFIRMED,
        rf.NO_NEXT_STEP,
        rf.SINGLE_THREADED,
        rf.EUPHORIC_WITH_RED_FLAGS,
        rf.FLAG_WITHOUT_ACTION,
        rf.COMMITMENT_THIS_WEEK,
    }
    assert method_checks <= set(rules), method_checks - set(rules)
    reasons = [f.reason for flags in results.values() for f in flags if f.rule == rf.BEST_FEW_UNCONFIRMED]
    assert any("normal cycle" in r for r in reasons)
    assert any(r.startswith("In Best Few without") for r in reasons)
    assert any(f.is_strength for flags in results.values() for f in flags)
    counts = [rf.red_flag_count(flags) for flags in results.values()]
    assert len(set(counts)) >= 4  # some deals are in much better shape than others
    for opp_id, flags in results.items():
        own = {bi.id for bi in people.list_influences(demo_plan, opp_id)}
        assert all(f.ref.id in own for f in flags if f.ref.kind == "influence")


def test_bulk_single_and_dataclass_paths_agree(demo_plan: PlanDB) -> None:
    bulk = rf.evaluate_plan(demo_plan, TODAY)
    stages = stage_repo.list_stages(demo_plan)
    rules = funnel.stage_rules(stages)
    context = rf.load_context(demo_plan)
    for opp_id, flags in bulk.items():
        assert rf.evaluate_plan(demo_plan, TODAY, [opp_id]) == {opp_id: flags}
        # The panel's path: repository dataclasses (BuyingInfluence), one deal at a time.
        opp = opportunities.get_opportunity(demo_plan, opp_id)
        assert opp is not None
        stage = next(s for s in stages if s.id == opp.stage_id)
        account = accounts.get_account(demo_plan, opp.account_id or 0)
        facts = DealFacts(
            opp,
            stage,
            rules[stage.id],
            funnel.timing_from(opp, load_details(demo_plan, [opp_id])[opp_id]),
            tuple(people.list_influences(demo_plan, opp_id)),
            {p.id: p for p in people.list_people(demo_plan, opp.account_id or 0)},
            tuple(activities.list_manual_flags(demo_plan, opp_id)),
            account.name if account else "",
            frozenset(a.flag_ref for a in activities.list_actions(demo_plan, opp_id) if a.status != "done"),
            tuple(evidence.list_commitments(demo_plan, opp_id)),
            context,
        )
        assert rf.evaluate(facts, TODAY) == flags


def test_closed_deals_by_id_keep_blue_sheet_rules_only(demo_plan: PlanDB) -> None:
    stages = {s.id: s for s in stage_repo.list_stages(demo_plan)}
    closed = [o.id for o in opportunities.list_opportunities(demo_plan) if stages[o.stage_id].is_closed]
    results = rf.evaluate_plan(demo_plan, TODAY, [*closed, 9999])
    assert set(results) == set(closed)  # an unknown id is left out
    for flags in results.values():
        assert not {f.rule for f in flags} & {
            rf.STALE,
            rf.SLIPPING,
            rf.OVERDUE,
            rf.PREMATURE,
            rf.NOT_IN_FUNNEL_YET,
            rf.BEST_FEW_UNCONFIRMED,
            rf.NO_NEXT_STEP,
            rf.FLAG_WITHOUT_ACTION,
        }
        assert flags  # the demo's closed deals still have Blue Sheet gaps to show


def test_manual_flags_come_from_the_plan(plan: PlanDB) -> None:
    first = stage_repo.list_stages(plan)[0]
    deal_id = opportunities.insert_opportunity(
        plan, OpportunityDraft("Fleet Telematics rollout", None, first.id), stage_entered=TODAY
    )
    mine = activities.insert_manual_flag(plan, ManualFlag(0, deal_id, False, "Budget freeze rumour"))
    good = activities.insert_manual_flag(plan, ManualFlag(0, deal_id, True, "Long relationship"))
    flags = rf.evaluate_plan(plan, TODAY)[deal_id]
    manual = [(f.reason, f.is_strength, f.ref) for f in flags if f.rule == rf.MANUAL]
    assert manual == [
        ("Budget freeze rumour", False, RecordRef("manual_flag", mine)),
        ("Long relationship", True, RecordRef("manual_flag", good)),
    ]
    assert rf.evaluate_plan(plan, TODAY, []) == {}


def test_values_the_schema_refuses_read_as_unknown(plan: PlanDB) -> None:
    account = accounts.insert_account(plan, AccountDraft("Acme"))
    person = people.insert_person(plan, Person(0, account, "Maria Keller"))
    other = people.insert_person(plan, Person(0, account, "Tom Baker"))
    first = stage_repo.list_stages(plan)[1]
    deal_id = opportunities.insert_opportunity(
        plan, OpportunityDraft("Fleet Telematics rollout", account, first.id), stage_entered=TODAY
    )
    insert = (
        "INSERT INTO buying_influence (opportunity_id, person_id, role, degree, mode, rating,"
        " concept_kind, covered_by, last_contact) VALUES (?, ?, ?, ?, ?, ?, ?, 'Sam', ?)"
    )
    bad = [deal_id, person, "boss", "huge", "angry", 9, "ponder", "last week"]
    with pytest.raises(sqlite3.IntegrityError):  # what an import would have to get past
        plan.conn.execute(insert, bad)
    # An older or hand-edited file: its rows were written without these CHECK constraints.
    plan.conn.execute("PRAGMA ignore_check_constraints = ON")
    plan.conn.execute(insert, bad)
    plan.conn.execute(insert, [deal_id, other, " Economic", "High", "growth", 2.5, None, "2026-11-20"])
    plan.conn.execute("PRAGMA ignore_check_constraints = OFF")

    boss, tom = people.list_influences(plan, deal_id)
    assert (boss.role, boss.degree, boss.mode, boss.rating, boss.concept_kind, boss.last_contact) == (
        Role.UNKNOWN,
        Degree.UNKNOWN,
        Mode.UNKNOWN,
        None,
        None,
        None,
    )
    # Recognisable spellings are kept; a rating that is not a whole number is unknown.
    assert (tom.role, tom.degree, tom.mode, tom.rating, tom.last_contact) == (
        Role.ECONOMIC,
        Degree.HIGH,
        Mode.GROWTH,
        None,
        dt.date(2026, 11, 20),
    )
    rows = blue_sheet.load_blue_sheets(plan, [deal_id]).influences[deal_id]
    assert [(r.role, r.degree, r.mode, r.rating, r.last_contact) for r in rows] == [
        (b.role, b.degree, b.mode, b.rating, b.last_contact) for b in (boss, tom)
    ]
    flags = rf.evaluate_plan(plan, TODAY, [deal_id])[deal_id]
    unknown = [(f.ref.id, f.reason) for f in flags if f.rule == rf.UNKNOWN]
    assert unknown == [
        (boss.id, "Maria Keller: role, mode, degree of influence and rating unknown"),
        (tom.id, "Tom Baker (Economic): rating unknown"),
    ]
    assert [f.ref.id for f in flags if f.rule == rf.UNCOVERED_INFLUENCE] == [
        boss.id
    ]  # 'last week' is no date
    assert rf.evaluate_plan(plan, TODAY) == {deal_id: flags}  # the all-open-deals query reads the same


def test_the_method_checks_read_the_plan(plan: PlanDB) -> None:
    """Open actions, commitments and the won deals' cycle come from the plan, in bulk and by id."""
    created = TODAY - 200 * DAY
    for days in (30, 50, 60, 70):  # four won deals: the normal cycle is not known yet
        add_deal(plan, "Won", 1_000, created + days * DAY, created=created, closed_on=created + days * DAY)
    committed_deal = add_deal(plan, "Committed", 9_000, TODAY + 40 * DAY, created=TODAY - 9 * DAY)
    decision = evidence.insert_commitment(
        plan, Commitment(0, committed_deal, "Agreed contract and signature date", TODAY - 7 * DAY)
    )
    activities.insert_action(
        plan, Action(0, committed_deal, "Send the order form", status=ActionStatus.PLANNED)
    )
    idle = add_deal(plan, "Qualified", 2_000, TODAY + 40 * DAY, created=TODAY - 9 * DAY)
    activities.insert_action(
        plan, Action(0, idle, "Sent the deck", status=ActionStatus.DONE, done_on=TODAY - 3 * DAY)
    )

    def rules(deal_id: int) -> dict[str, Flag]:
        bulk = rf.evaluate_plan(plan, TODAY)[deal_id]
        assert rf.evaluate_plan(plan, TODAY, [deal_id])[deal_id] == bulk
        return {f.rule: f for f in bulk}

    found = rules(committed_deal)
    assert rf.BEST_FEW_UNCONFIRMED not in found
    assert found[rf.COMMITMENT_THIS_WEEK].reason == (
        "The customer committed 7 days ago: “Agreed contract and signature date”"
    )
    assert rf.NO_NEXT_STEP in rules(idle)  # a done action is no next step
    # The fifth won deal makes the cycle known (60 days): closing in 40 is more than half of it.
    add_deal(plan, "Won", 1_000, created + 90 * DAY, created=created, closed_on=created + 90 * DAY)
    assert rf.load_context(plan).cycle == rf.NormalCycle(60, 5)
    assert rules(committed_deal)[rf.BEST_FEW_UNCONFIRMED].reason == (
        "In Best Few, but closes in 40 days: more than half the normal cycle of 60 days"
        " (the median of 5 won deals, from creation to won)"
    )
    with plan.atomic():
        plan.execute("UPDATE commitment SET committed_on = ? WHERE id = ?", [str(TODAY - 8 * DAY), decision])
    assert rf.COMMITMENT_THIS_WEEK not in rules(committed_deal)
    # An open action of any status but done is a next step; its link is read.
    activities.insert_action(
        plan, Action(0, idle, "Find a coach", status=ActionStatus.POSSIBLE, flag_ref="no-coach")
    )
    found = rules(idle)
    assert rf.NO_NEXT_STEP not in found
    # No Coach is linked; no Economic buyer, nobody met In the Funnel and the Prospect
    # commitments never recorded (it was put straight into Qualified) are not.
    assert {rf.NO_ECONOMIC_BUYER, rf.NO_COACH, rf.NOT_IN_FUNNEL_YET, rf.PREMATURE} <= set(found)
    assert found[rf.FLAG_WITHOUT_ACTION].reason == (
        "3 red flags have no open action linked to them,"
        " the first: “No Economic buyer identified on this deal”"
    )
    facts = rf.load_facts(plan, [idle])[idle]
    assert facts.open_actions == frozenset({"no-coach"})


def test_the_method_page_lists_every_rule_with_its_reason_record_and_source() -> None:
    page = (Path(__file__).parents[2] / "docs" / "method.md").read_text(encoding="utf-8")
    rows: dict[str, list[str]] = {}
    for line in page.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if line.startswith("| `") and len(cells) == 5:
            rule = cells[0].split("`")[1]
            rows.setdefault(rule, cells)
    assert set(rf.RULE_ORDER) <= set(rows), set(rf.RULE_ORDER) - set(rows)
    for rule, (_id, when, reason, record, source) in rows.items():
        assert all((when, reason, record)), rule
        assert "Blue Sheet" in source or "Sales Funnel" in source or "Getting Commitment" in source, rule
    # The red flags in the engine's order, the strengths after them.
    listed = list(rows)
    assert [r for r in listed if r in rf.RED_FLAG_RULES] == list(rf.RED_FLAG_RULES)
    assert [r for r in listed if r in rf.STRENGTH_RULES] == list(rf.STRENGTH_RULES)
