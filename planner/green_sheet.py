"""The Green Sheet: a call plan for each customer meeting, its debrief, and the plan's calls.

Every operation is one transaction and returns a Change naming the deal, so the window undoes
it with the deal's whole-record snapshot (call plans and commitments are part of it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from planner import sheet_operations as sheet_ops
from planner.i18n import format_number, translate
from planner.model import ActionStatus, BuyingInfluence, CallPlan, Commitment, Mode, Opportunity, Stage
from planner.operations import Change, OperationError
from planner.stages import open_stages
from planner.storage import accounts as account_repo
from planner.storage import evidence
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from planner.validation import MAX_TEXT, MAX_TITLE

# Where docs/method.md is silent, decided here:
# - Attendees are buying influences of the deal. One removed from the deal later stays in the
#   stored plan, is shown nowhere and is dropped at the plan's next save.
# - A question list keeps its lines in order, without empty ones, at most MAX_QUESTIONS each.
# - A call is upcoming until it is debriefed or its day has passed; the day it is held it is
#   still upcoming.
# - A debrief is dated on the meeting's day or later, never in the future. The customer's
#   commitment is recorded as made on the meeting's day, by the attendees (their names), and
#   belongs to the deal's stage checklist when its words are one of that stage's exit
#   commitments. Debriefing again replaces the commitment this call recorded, not others.
# - The attendees the debrief gives news about were met on the meeting's day: their last contact
#   moves to it (never back). Follow-up actions are planned actions of the deal.
# - Deleting a call plan keeps the commitment its debrief recorded: it is evidence of what the
#   customer did, not part of the plan.

MAX_QUESTIONS = 100
_EARLIEST, _LATEST = dt.date(1900, 1, 1), dt.date(2200, 12, 31)


@dataclass(frozen=True, slots=True)
class AttendeeNews:
    """What a debrief learnt about one attendee: their response mode, rating and Concept now."""

    influence_id: int
    mode: Mode
    rating: int | None
    concept: str


@dataclass(frozen=True, slots=True)
class FollowUp:
    """An action agreed at the meeting: what, who, by when."""

    what: str
    who: str = ""
    due: dt.date | None = None


def _text(value: object, what: str, limit: int = MAX_TEXT) -> str:
    """Checked like every text of the Blue Sheet, and stripped: a call plan's fields are typed."""
    return sheet_ops.checked_text(value, what, limit).strip()


def _stored(plan: PlanDB, call_id: int) -> CallPlan:
    call = evidence.get_call_plan(plan, call_id)
    if call is None:
        raise OperationError(translate("GreenSheet", "That call plan no longer exists."))
    return call


def _day(value: object, what: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise OperationError(translate("Operations", "{what} must be a date.").format(what=what))
    if not _EARLIEST <= value <= _LATEST:
        raise OperationError(
            translate("Operations", "{what} must be between the years 1900 and 2200.").format(what=what)
        )
    return value


def _questions(values: object, what: str) -> tuple[str, ...]:
    if not isinstance(values, tuple | list):
        raise OperationError(translate("GreenSheet", "{what} must be a list of questions.").format(what=what))
    lines = tuple(line for line in (_text(v, what) for v in values) if line)
    if len(lines) > MAX_QUESTIONS:
        raise OperationError(
            translate("GreenSheet", "{what}: at most {limit} questions.").format(
                what=what, limit=format_number(MAX_QUESTIONS)
            )
        )
    return lines


def _check_call(plan: PlanDB, call: CallPlan, deal: Opportunity, stored: CallPlan | None) -> CallPlan:
    """The call plan with its values checked and tidied; OperationError otherwise."""
    moment = call.meeting_at
    if not isinstance(moment, dt.datetime):
        raise OperationError(translate("GreenSheet", "Give the meeting's date and time."))
    _day(moment.date(), translate("GreenSheet", "The meeting's date"))
    on_deal = {bi.id for bi in people_repo.list_influences(plan, deal.id)}
    gone = set(stored.attendees) - on_deal if stored is not None else set()
    attendees: list[int] = []
    for influence_id in dict.fromkeys(call.attendees):
        if influence_id in on_deal:
            attendees.append(influence_id)
        elif influence_id not in gone:
            raise OperationError(
                translate("GreenSheet", "An attendee is not a buying influence on this deal.")
            )
    return dataclasses.replace(
        call,
        opportunity_id=deal.id,
        meeting_at=moment.replace(second=0, microsecond=0, tzinfo=None),
        title=_text(call.title, translate("GreenSheet", "The title"), MAX_TITLE),
        attendees=tuple(attendees),
        business_reason=_text(call.business_reason, translate("GreenSheet", "The valid business reason")),
        giving=_text(call.giving, translate("GreenSheet", "What we give")),
        confirmation_questions=_questions(
            call.confirmation_questions, translate("GreenSheet", "Confirmation questions")
        ),
        new_information_questions=_questions(
            call.new_information_questions, translate("GreenSheet", "New-information questions")
        ),
        attitude_questions=_questions(call.attitude_questions, translate("GreenSheet", "Attitude questions")),
        best_action=_text(call.best_action, translate("GreenSheet", "The Best Action Commitment")),
        minimum_action=_text(call.minimum_action, translate("GreenSheet", "The Minimum Acceptable Action")),
        commit_by=_day(call.commit_by, translate("GreenSheet", "The commit-by date")),
    )


def create_call_plan(plan: PlanDB, call: CallPlan) -> tuple[Change, int]:
    """Plan a meeting of the call's deal; returns the call plan's id (its debrief comes later)."""
    deal = sheet_ops.existing_deal(plan, call.opportunity_id)
    clean = _check_call(plan, call, deal, None)
    blank = dataclasses.replace(clean, id=0, debriefed_on=None, debrief_commitment="", debrief_notes="")
    call_id = evidence.insert_call_plan(plan, blank)
    return Change(opportunities=frozenset({deal.id})), call_id


def update_call_plan(plan: PlanDB, call: CallPlan) -> Change:
    """Write a call plan's planning fields; its debrief changes only through `debrief`."""
    stored = _stored(plan, call.id)
    deal = sheet_ops.existing_deal(plan, stored.opportunity_id)
    clean = _check_call(plan, call, deal, stored)
    evidence.update_call_plan(
        plan,
        dataclasses.replace(
            clean,
            debriefed_on=stored.debriefed_on,
            debrief_commitment=stored.debrief_commitment,
            debrief_notes=stored.debrief_notes,
        ),
    )
    return Change(opportunities=frozenset({deal.id}))


def delete_call_plan(plan: PlanDB, call_id: int) -> Change:
    """Delete a call plan; a commitment its debrief recorded stays (no longer linked to it)."""
    stored = _stored(plan, call_id)
    with plan.atomic():
        for commitment in evidence.list_commitments(plan, stored.opportunity_id):
            if commitment.call_plan_id == call_id:
                evidence.update_commitment(plan, dataclasses.replace(commitment, call_plan_id=None))
        evidence.delete_call_plan(plan, call_id)
    return Change(opportunities=frozenset({stored.opportunity_id}))


def is_exit_commitment(stage: Stage | None, text: str) -> bool:
    """Whether `text` is one of the stage's checklist commitments (the ones that let a deal leave it)."""
    return stage is not None and bool(text.strip()) and text.strip() in stage.exit_commitments


def can_debrief(held: dt.date, today: dt.date) -> bool:
    """A call is debriefed on the day it was held or later, never ahead of it."""
    return held <= today


def debrief(
    plan: PlanDB,
    call_id: int,
    debriefed_on: dt.date,
    commitment: str,
    notes: str = "",
    attendees: Sequence[AttendeeNews] = (),
    follow_ups: Sequence[FollowUp] = (),
    *,
    today: dt.date,
) -> Change:
    """Write what came of a meeting, in one transaction.

    The debrief itself; what the customer committed to as a commitment of the deal (linked to
    this call, part of the stage's checklist when it is one of its exit commitments); the
    attendees' mode, rating and Concept as learnt; the follow-up actions as planned actions.
    """
    call = _stored(plan, call_id)
    deal = sheet_ops.existing_deal(plan, call.opportunity_id)
    day = _day(debriefed_on, translate("GreenSheet", "The debrief's date"))
    if day is None:
        raise OperationError(translate("GreenSheet", "Say when the call was debriefed."))
    if day > today:
        raise OperationError(translate("GreenSheet", "A debrief cannot be dated in the future."))
    held = call.meeting_at.date()
    if not can_debrief(held, day):
        raise OperationError(
            translate(
                "GreenSheet",
                "A call is debriefed on the day it was held or later: change the meeting's date "
                "if it was held earlier.",
            )
        )
    what = _text(commitment, translate("GreenSheet", "What the customer committed to"))
    said = _text(notes, translate("GreenSheet", "The debrief notes"))
    influences = {bi.id: bi for bi in people_repo.list_influences(plan, deal.id)}
    for news in attendees:
        if news.influence_id not in influences:
            raise OperationError(translate("Operations", "That buying influence is not on this deal."))
    stage = stage_repo.get_stage(plan, deal.stage_id)
    with plan.atomic():
        for earlier in evidence.list_commitments(plan, deal.id):
            if earlier.call_plan_id == call.id:
                evidence.delete_commitment(plan, earlier.id)
        evidence.update_call_plan(
            plan, dataclasses.replace(call, debriefed_on=day, debrief_commitment=what, debrief_notes=said)
        )
        if what:
            evidence.insert_commitment(
                plan,
                Commitment(
                    0,
                    deal.id,
                    what,
                    held,
                    stage_id=stage.id if stage is not None and is_exit_commitment(stage, what) else None,
                    who=_names(plan, [influences[i] for i in call.attendees if i in influences]),
                    call_plan_id=call.id,
                ),
            )
        for news in attendees:
            bi = influences[news.influence_id]
            met = bi.last_contact if bi.last_contact is not None and bi.last_contact > held else held
            sheet_ops.update_influence(
                plan,
                dataclasses.replace(
                    bi, mode=news.mode, rating=news.rating, concept=news.concept, last_contact=met
                ),
            )
        for follow_up in follow_ups:
            sheet_ops.add_action(
                plan,
                deal.id,
                follow_up.what,
                today,
                who=follow_up.who,
                due=follow_up.due,
                status=ActionStatus.PLANNED,
            )
    return Change(opportunities=frozenset({deal.id}))


def _names(plan: PlanDB, influences: Sequence[BuyingInfluence]) -> str:
    """The attendees' names, as far as they fit the commitment's Who."""
    names: list[str] = []
    for bi in influences:
        person = people_repo.get_person(plan, bi.person_id)
        if person is None:
            continue
        if len(", ".join([*names, person.name])) > MAX_TITLE:
            break
        names.append(person.name)
    return ", ".join(names)


def move_offered(plan: PlanDB, opportunity_id: int, commitment: str) -> Stage | None:
    """The stage a debrief's commitment lets the deal enter: the next open stage, when the
    commitment is an exit commitment of the open stage the deal is in; else None."""
    deal = opportunity_repo.get_opportunity(plan, opportunity_id)
    if deal is None:
        return None
    for current, after in itertools.pairwise(open_stages(stage_repo.list_stages(plan))):
        if current.id == deal.stage_id:
            return after if is_exit_commitment(current, commitment) else None
    return None


# ----------------------------------------------------------------------------------------------
# The calls of a deal, and of the whole plan


def is_upcoming(call: CallPlan, today: dt.date) -> bool:
    """Not debriefed, and its day is today or later."""
    return not call.debriefed and call.meeting_at.date() >= today


def in_list_order(calls: Sequence[CallPlan], today: dt.date) -> list[CallPlan]:
    """Upcoming calls, the soonest first, then past ones, the latest first."""
    upcoming = sorted((c for c in calls if is_upcoming(c, today)), key=lambda c: (c.meeting_at, c.id))
    past = sorted(
        (c for c in calls if not is_upcoming(c, today)), key=lambda c: (c.meeting_at, c.id), reverse=True
    )
    return upcoming + past


@dataclass(frozen=True, slots=True)
class CallRow:
    """A call of the plan with the names of its deal and account."""

    call: CallPlan
    deal: str
    account: str
    upcoming: bool


def list_calls(plan: PlanDB, today: dt.date) -> list[CallRow]:
    """Every call plan of the plan: upcoming ones the soonest first, then past ones the latest first."""
    deals = {o.id: o for o in opportunity_repo.list_opportunities(plan)}
    accounts = {a.id: a.name for a in account_repo.list_accounts(plan)}
    rows = []
    for call in in_list_order(evidence.list_call_plans(plan), today):
        deal = deals.get(call.opportunity_id)
        account = accounts.get(deal.account_id, "") if deal is not None and deal.account_id else ""
        rows.append(CallRow(call, deal.title if deal else "", account, is_upcoming(call, today)))
    return rows


def calls_json(rows: Sequence[CallRow], today: dt.date) -> dict[str, Any]:
    """`planner calls --json`: the upcoming and the past calls."""

    def row(r: CallRow) -> dict[str, Any]:
        c = r.call
        return {
            "id": c.id,
            "deal_id": c.opportunity_id,
            "deal": r.deal,
            "account": r.account,
            "meeting_at": c.meeting_at.isoformat(timespec="minutes"),
            "title": c.title,
            "debriefed": c.debriefed,
            "debriefed_on": c.debriefed_on.isoformat() if c.debriefed_on else None,
            "commitment": c.debrief_commitment,
            "best_action": c.best_action,
            "minimum_action": c.minimum_action,
        }

    return {
        "today": today.isoformat(),
        "upcoming": [row(r) for r in rows if r.upcoming],
        "past": [row(r) for r in rows if not r.upcoming],
    }
