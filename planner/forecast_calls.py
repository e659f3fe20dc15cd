"""Forecast calls and their accuracy: what the seller called for a quarter, and what was won.

A call is the seller's word on a quarter on one day: Commit (what they are sure of) and Best
Case (what could come in if things go well), proposed from the deals' forecast categories
(planner.forecast) and editable. docs/forecast-calls.md defines every figure; the Forecast tab,
`planner forecast-calls` and the review bundle read them from here.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from planner import calendar
from planner import forecast as fc
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import MAX_AMOUNT, ForecastCategory, FunnelLevel
from planner.operations import Change, OperationError
from planner.storage import forecast_calls as call_repo
from planner.storage import settings as settings_repo
from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB
from planner.storage.forecast_calls import CallDealRow, CallRow, DayRows
from planner.validation import MAX_TEXT

# Decided here, where the method is silent (and tested):
# - A call's Commit and Best Case are what the seller expects to have WON in the quarter by its
#   end, so they include what is won already: proposed Commit = won + Commit deals, proposed
#   Best Case = won + Commit + Best Case deals (as the Forecast tab counts them, all pipelines).
#   Best Case is never below Commit.
# - One call per quarter and day: a second call on the same day replaces the first (the day's
#   last word counts); undo brings the first back. Several calls a week are kept.
# - Accuracy per week of the quarter (Monday to Sunday, the weeks that hold a day of it): the
#   last call recorded in that week against the won amount of the quarter (final once the quarter
#   has ended, so far before). Difference = won - called; percent = won / called x 100.
# - The deals that made the difference, for a call: those counted in its Commit (won or Commit
#   then) that were lost or walked away ("committed and lost"), whose close date (or win) moved
#   past the quarter's end ("slipped out"), or that are neither won nor closed ("committed, not
#   closed"); and the deals won in the quarter that were not in its Commit ("won from outside the
#   commit"). What these do not explain (a committed deal won for another amount) is "other".

SETTING_OUTCOMES = "forecast_outcomes"  # only in a review bundle's in-memory plan (see load_outcome)
_CALLED = frozenset({ForecastCategory.CLOSED, ForecastCategory.COMMIT, ForecastCategory.BEST_CASE})


# ----------------------------------------------------------------------------------------------
# Calls


@dataclass(frozen=True, slots=True)
class CallDeal:
    """A deal as it stood in a call: Closed (won), Commit or Best Case then, worth `value`."""

    opportunity_id: int
    title: str
    account: str
    category: ForecastCategory
    amount: float | None
    currency: str
    value: float | None  # in the call's currency; None without an amount or a rate
    close_date: dt.date | None


@dataclass(frozen=True, slots=True)
class ForecastCall:
    """One call: the seller's Commit and Best Case for a quarter on a day (amounts in `currency`)."""

    id: int
    quarter: calendar.Quarter
    called_on: dt.date
    recorded_at: str  # UTC timestamp
    currency: str
    commit: float
    best_case: float
    proposed_commit: float  # what the planner proposed from the deals' categories
    proposed_best_case: float
    won: float  # won in the quarter when the call was made
    comment: str
    deals: tuple[CallDeal, ...]

    def deals_in(self, *categories: ForecastCategory) -> tuple[CallDeal, ...]:
        """The call's deals of these categories."""
        return tuple(d for d in self.deals if d.category in categories)


@dataclass(frozen=True, slots=True)
class Proposal:
    """What the planner proposes to call for a quarter today, from the deals' categories."""

    quarter: calendar.Quarter
    currency: str
    won: float
    commit: float  # won + Commit deals
    best_case: float  # won + Commit + Best Case deals
    deals: tuple[CallDeal, ...]


@dataclass(frozen=True, slots=True)
class CallEntry:
    """What the seller calls for one quarter."""

    quarter: calendar.Quarter
    commit: float
    best_case: float
    comment: str = ""


def _calls(plan: PlanDB, rows: Sequence[CallRow], quarter: calendar.Quarter) -> tuple[ForecastCall, ...]:
    deals: dict[int, list[CallDeal]] = {}
    for d in call_repo.deals_of(plan, [r.id for r in rows]):
        deals.setdefault(d.call_id, []).append(
            CallDeal(
                d.opportunity_id,
                d.title,
                d.account,
                ForecastCategory(d.category),
                d.amount,
                d.currency,
                d.value,
                dt.date.fromisoformat(d.close_date) if d.close_date else None,
            )
        )
    return tuple(
        ForecastCall(
            id=r.id,
            quarter=quarter,
            called_on=dt.date.fromisoformat(r.called_on),
            recorded_at=r.recorded_at,
            currency=r.currency,
            commit=r.commit_amount,
            best_case=r.best_case_amount,
            proposed_commit=r.proposed_commit,
            proposed_best_case=r.proposed_best_case,
            won=r.won_amount,
            comment=r.comment,
            deals=tuple(deals.get(r.id, ())),
        )
        for r in rows
    )


def calls(plan: PlanDB, quarter: calendar.Quarter) -> tuple[ForecastCall, ...]:
    """Every call recorded for `quarter` (its months), oldest first."""
    rows = call_repo.calls_of(plan, quarter.start.isoformat(), quarter.end.isoformat())
    return _calls(plan, rows, quarter)


def last_call(plan: PlanDB, quarter: calendar.Quarter) -> ForecastCall | None:
    """The latest call for `quarter`, or None when none was recorded."""
    found = calls(plan, quarter)
    return found[-1] if found else None


@dataclass(frozen=True, slots=True)
class CallChange:
    """A quarter's last call and the call before it (None: the quarter's first call)."""

    call: ForecastCall
    previous: ForecastCall | None

    @property
    def comparable(self) -> bool:
        """Whether the two calls can be compared: there is a previous one, in the same currency."""
        return self.previous is not None and self.previous.currency == self.call.currency

    @property
    def commit_change(self) -> float | None:
        """Last call's Commit - the previous call's (None when not comparable)."""
        return self.call.commit - self.previous.commit if self.previous and self.comparable else None

    @property
    def best_case_change(self) -> float | None:
        """Last call's Best Case - the previous call's (None when not comparable)."""
        return self.call.best_case - self.previous.best_case if self.previous and self.comparable else None


def last_change(plan: PlanDB, quarter: calendar.Quarter) -> CallChange | None:
    """The last call for `quarter` and the one before it, or None when none was recorded."""
    found = calls(plan, quarter)
    if not found:
        return None
    return CallChange(found[-1], found[-2] if len(found) > 1 else None)


def call_quarters(plan: PlanDB, today: dt.date) -> tuple[calendar.Quarter, calendar.Quarter]:
    """The quarters a call is recorded for: the current fiscal quarter and the next."""
    current = calendar.quarter_of(today, calendar.plan_start_month(plan))
    return current, current.shifted(1)


def _call_deals(result: fc.Forecast) -> tuple[CallDeal, ...]:
    return tuple(
        CallDeal(d.id, d.title, d.account, d.category, d.amount, d.currency, d.value, d.close_date)
        for d in result.deals
        if d.category in _CALLED
    )


def propose(
    plan: PlanDB, quarter: calendar.Quarter, today: dt.date, facts: fc.PlanFacts | None = None
) -> Proposal:
    """Commit and Best Case as the deals' forecast categories say today (see the module's rules)."""
    facts = facts or fc.load_plan_facts(plan)
    result = fc.compute(facts, quarter, today)
    won = result.total.won.amount
    commit = won + result.total.commit.amount
    return Proposal(
        quarter=quarter,
        currency=result.base_currency,
        won=won,
        commit=commit,
        best_case=commit + result.total.best_case.amount,
        deals=_call_deals(result),
    )


def check_entry(entry: CallEntry) -> None:
    """Raise OperationError when a call cannot be recorded as it is."""
    for amount in (entry.commit, entry.best_case):
        if not math.isfinite(amount) or not 0 <= amount <= MAX_AMOUNT:
            raise OperationError(
                translate("ForecastCalls", "A called amount is between 0 and 1,000,000,000,000.")
            )
    if entry.best_case < entry.commit:
        raise OperationError(
            translate(
                "ForecastCalls",
                "Best Case includes Commit, so it cannot be lower: {quarter}'s Best Case is below"
                " its Commit.",
            ).format(quarter=entry.quarter.label)
        )
    if len(entry.comment) > MAX_TEXT:
        raise OperationError(
            translate("ForecastCalls", "The comment is too long (at most {limit} characters).").format(
                limit=MAX_TEXT
            )
        )


def record_calls(
    plan: PlanDB, entries: Sequence[CallEntry], today: dt.date, recorded_at: str | None = None
) -> Change:
    """Record the seller's calls of `today` in one transaction (a quarter's earlier call of the
    same day is replaced). The deals counted in each are kept with it, as they stand now.

    Undo: `day_state` before and after, `restore_day` (ui.forecast_commands does).
    """
    for entry in entries:
        check_entry(entry)
    facts = fc.load_plan_facts(plan)
    stamp = recorded_at or now_stamp()
    day = today.isoformat()
    with plan.atomic():
        for entry in entries:
            proposal = propose(plan, entry.quarter, today, facts)
            start, end = entry.quarter.start.isoformat(), entry.quarter.end.isoformat()
            call_repo.delete_calls_on(plan, start, end, day)
            call_repo.insert_call(
                plan,
                CallRow(
                    0,
                    entry.quarter.label,
                    start,
                    end,
                    day,
                    stamp,
                    proposal.currency,
                    float(entry.commit),
                    float(entry.best_case),
                    proposal.commit,
                    proposal.best_case,
                    proposal.won,
                    entry.comment.strip(),
                ),
                [
                    CallDealRow(
                        0,
                        d.opportunity_id,
                        d.title,
                        d.account,
                        d.category.value,
                        d.amount,
                        d.currency,
                        d.value,
                        d.close_date.isoformat() if d.close_date else None,
                    )
                    for d in proposal.deals
                ],
            )
    return Change()


def day_state(plan: PlanDB, day: dt.date) -> DayRows:
    """Every call recorded on `day`, exactly as stored (to undo a recording)."""
    return call_repo.day_rows(plan, day.isoformat())


def restore_day(plan: PlanDB, day: dt.date, state: DayRows) -> Change:
    """Make `day`'s calls exactly what `day_state` read."""
    call_repo.replace_day(plan, day.isoformat(), state)
    return Change()


# ----------------------------------------------------------------------------------------------
# What happened in the quarter


@dataclass(frozen=True, slots=True)
class OutcomeDeal:
    """A deal as it stands now: what accuracy compares a call's deals with."""

    opportunity_id: int
    title: str
    account: str
    level: FunnelLevel
    value: float | None  # in the base currency
    close_date: dt.date | None  # an open deal's expected close date
    closed_on: dt.date | None  # a closed deal's day (its close date when none was recorded)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a quarter has brought: the won amount and deals, and the state of the deals calls named."""

    quarter: calendar.Quarter
    currency: str
    won: float
    won_deals: tuple[OutcomeDeal, ...]  # won in the quarter, by day
    deals: Mapping[int, OutcomeDeal]  # every deal a call of the quarter named, and every won one


def _iso(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value[:10]) if value else None


def load_outcome(
    plan: PlanDB,
    quarter: calendar.Quarter,
    today: dt.date,
    named: Iterable[int] = (),
    facts: fc.PlanFacts | None = None,
) -> Outcome:
    """The quarter's won amount (as the Forecast tab counts it) and the deals in `named` now.

    A review bundle's plan holds only the deals the pack chose, so it carries the outcome its
    seller's plan had at export (SETTING_OUTCOMES): that stands in for the deals when present.
    """
    carried = outcome_from_setting(plan, quarter)
    if carried is not None:
        return carried
    facts = facts or fc.load_plan_facts(plan)
    result = fc.compute(facts, quarter, today)
    won_deals = tuple(
        OutcomeDeal(d.id, d.title, d.account, d.level, d.value, None, d.close_date)
        for d in result.deals
        if d.category is ForecastCategory.CLOSED
    )
    deals = {d.opportunity_id: d for d in won_deals}
    rows = {d.id: d for d in facts.deals}
    for deal_id in named:
        row = rows.get(deal_id)
        stage = facts.stages.get(row.stage_id) if row is not None else None
        if deal_id in deals or row is None or stage is None:
            continue
        closed = stage.level.is_closed
        deals[deal_id] = OutcomeDeal(
            deal_id,
            row.title,
            facts.accounts.get(row.account_id or 0, ""),
            stage.level,
            fc.convert(row.amount, row.currency, facts.base_currency, facts.rates),
            None if closed else _iso(row.close_date),
            _iso(row.closed_on or row.close_date) if closed else None,
        )
    return Outcome(quarter, result.base_currency, result.total.won.amount, won_deals, deals)


class DifferenceKind(StrEnum):
    """Why the won amount differs from a call."""

    COMMITTED_LOST = "committed_lost"
    SLIPPED_OUT = "slipped_out"
    COMMITTED_OPEN = "committed_open"
    WON_OUTSIDE = "won_outside"

    @property
    def label(self) -> str:
        """'Committed and lost'... in the window's language."""
        return translate("ForecastCalls", _KIND_LABELS[self])


_KIND_LABELS: Mapping[DifferenceKind, str] = {
    DifferenceKind.COMMITTED_LOST: QT_TRANSLATE_NOOP("ForecastCalls", "Committed and lost"),
    DifferenceKind.SLIPPED_OUT: QT_TRANSLATE_NOOP("ForecastCalls", "Slipped out of the quarter"),
    DifferenceKind.COMMITTED_OPEN: QT_TRANSLATE_NOOP("ForecastCalls", "Committed, not closed"),
    DifferenceKind.WON_OUTSIDE: QT_TRANSLATE_NOOP("ForecastCalls", "Won from outside the commit"),
}


@dataclass(frozen=True, slots=True)
class Difference:
    """One deal that made won differ from a call: its value in the call and what it brought."""

    kind: DifferenceKind
    opportunity_id: int
    title: str
    account: str
    called: float  # its value in the call's Commit (0 for a deal won from outside it)
    won: float  # what it added to the quarter's won amount (0 unless won in the quarter)
    detail: str

    @property
    def effect(self) -> float:
        """What it moved won against the call: won - called (negative: below the call)."""
        return self.won - self.called


@dataclass(frozen=True, slots=True)
class WeekAccuracy:
    """One week of the quarter: its last call against the quarter's won amount."""

    week: dt.date  # its Monday
    call: ForecastCall | None  # None: no call recorded that week
    won: float
    differences: tuple[Difference, ...]

    @property
    def commit_difference(self) -> float | None:
        """Won - called Commit (negative: less was won than committed)."""
        return None if self.call is None else self.won - self.call.commit

    @property
    def commit_percent(self) -> float | None:
        """Won / called Commit x 100 (None without a call, or with a Commit of 0)."""
        if self.call is None or self.call.commit <= 0:
            return None
        return self.won / self.call.commit * 100

    @property
    def best_case_difference(self) -> float | None:
        """Won - called Best Case."""
        return None if self.call is None else self.won - self.call.best_case

    @property
    def best_case_percent(self) -> float | None:
        """Won / called Best Case x 100 (None without a call, or with a Best Case of 0)."""
        if self.call is None or self.call.best_case <= 0:
            return None
        return self.won / self.call.best_case * 100

    def total(self, kind: DifferenceKind) -> float:
        """The effect of one kind's deals on won - Commit."""
        return sum(d.effect for d in self.differences if d.kind is kind)

    @property
    def adjustment(self) -> float | None:
        """The seller's own change to the Commit the deals gave: called - proposed Commit."""
        return None if self.call is None else self.call.commit - self.call.proposed_commit

    @property
    def other(self) -> float | None:
        """What neither the deals listed nor the adjustment explain (a committed deal won for
        another amount...): won - Commit = deals' effects - adjustment + other."""
        difference, adjustment = self.commit_difference, self.adjustment
        if difference is None or adjustment is None:
            return None
        return difference - sum(d.effect for d in self.differences) + adjustment


@dataclass(frozen=True, slots=True)
class Accuracy:
    """A quarter's calls against what was won: per week, and which deals made the difference."""

    quarter: calendar.Quarter
    today: dt.date
    currency: str
    won: float  # won in the quarter (final once `ended`)
    won_count: int
    calls: tuple[ForecastCall, ...]
    weeks: tuple[WeekAccuracy, ...]
    won_by_day: tuple[tuple[dt.date, float], ...]  # the quarter's won amount, cumulative, by day

    @property
    def ended(self) -> bool:
        """Whether the quarter is over (its won amount is final)."""
        return self.today > self.quarter.end

    @property
    def last_call(self) -> ForecastCall | None:
        return self.calls[-1] if self.calls else None

    @property
    def last_week(self) -> WeekAccuracy | None:
        """The last week of the quarter with a call (the quarter's final word)."""
        called = [w for w in self.weeks if w.call is not None]
        return called[-1] if called else None


def quarter_weeks(quarter: calendar.Quarter) -> list[dt.date]:
    """The Mondays of the weeks that hold a day of the quarter."""
    first = quarter.start - dt.timedelta(days=quarter.start.weekday())
    last = quarter.end - dt.timedelta(days=quarter.end.weekday())
    return [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def _day_text(day: dt.date | None) -> str:
    return calendar.day_text(day) if day else translate("ForecastCalls", "no date")


def differences(call: ForecastCall, outcome: Outcome) -> tuple[Difference, ...]:
    """The deals that made the quarter's won amount differ from `call`'s Commit."""
    quarter = outcome.quarter
    won_ids = {d.opportunity_id for d in outcome.won_deals}
    committed = call.deals_in(ForecastCategory.CLOSED, ForecastCategory.COMMIT)
    found: list[Difference] = []
    for deal in committed:
        if deal.opportunity_id in won_ids:
            continue
        called = deal.value or 0.0
        now = outcome.deals.get(deal.opportunity_id)
        if now is None:
            kind = DifferenceKind.COMMITTED_OPEN
            detail = translate("ForecastCalls", "deleted from the plan")
        elif now.level in (FunnelLevel.LOST, FunnelLevel.WALKED_AWAY):
            kind = DifferenceKind.COMMITTED_LOST
            detail = translate("ForecastCalls", "{outcome} on {date}").format(
                outcome=now.level.label, date=_day_text(now.closed_on)
            )
        elif now.level is FunnelLevel.WON:
            after = now.closed_on is not None and now.closed_on > quarter.end
            kind = DifferenceKind.SLIPPED_OUT if after else DifferenceKind.COMMITTED_OPEN
            detail = translate("ForecastCalls", "won on {date}").format(date=_day_text(now.closed_on))
        elif now.close_date is None or now.close_date > quarter.end:
            kind = DifferenceKind.SLIPPED_OUT
            detail = translate("ForecastCalls", "now closes {date}").format(date=_day_text(now.close_date))
        else:
            kind = DifferenceKind.COMMITTED_OPEN
            detail = translate("ForecastCalls", "still open, closes {date}").format(
                date=_day_text(now.close_date)
            )
        found.append(Difference(kind, deal.opportunity_id, deal.title, deal.account, called, 0.0, detail))
    in_commit = {d.opportunity_id for d in committed}
    best_case = {d.opportunity_id for d in call.deals_in(ForecastCategory.BEST_CASE)}
    for won in outcome.won_deals:
        if won.opportunity_id in in_commit:
            continue
        detail = (
            translate("ForecastCalls", "Best Case in the call")
            if won.opportunity_id in best_case
            else translate("ForecastCalls", "not in Commit or Best Case in the call")
        )
        found.append(
            Difference(
                DifferenceKind.WON_OUTSIDE,
                won.opportunity_id,
                won.title,
                won.account,
                0.0,
                won.value or 0.0,
                detail,
            )
        )
    return tuple(found)


def compute_accuracy(
    quarter: calendar.Quarter, today: dt.date, quarter_calls: Sequence[ForecastCall], outcome: Outcome
) -> Accuracy:
    """Accuracy from calls and an outcome (pure: tests give hand-made ones)."""
    by_week: dict[dt.date, ForecastCall] = {}
    for call in sorted(quarter_calls, key=lambda c: (c.called_on, c.recorded_at, c.id)):
        by_week[call.called_on - dt.timedelta(days=call.called_on.weekday())] = call
    weeks = []
    for monday in quarter_weeks(quarter):
        last = by_week.get(monday)
        weeks.append(
            WeekAccuracy(monday, last, outcome.won, differences(last, outcome) if last is not None else ())
        )
    running = 0.0
    curve: list[tuple[dt.date, float]] = []
    for deal in sorted(outcome.won_deals, key=lambda d: (d.closed_on or quarter.start, d.opportunity_id)):
        running += deal.value or 0.0
        day = deal.closed_on or quarter.start
        if curve and curve[-1][0] == day:
            curve[-1] = (day, running)
        else:
            curve.append((day, running))
    return Accuracy(
        quarter=quarter,
        today=today,
        currency=outcome.currency,
        won=outcome.won,
        won_count=len(outcome.won_deals),
        calls=tuple(quarter_calls),
        weeks=tuple(weeks),
        won_by_day=tuple(curve),
    )


def accuracy(
    plan: PlanDB, quarter: calendar.Quarter, today: dt.date, facts: fc.PlanFacts | None = None
) -> Accuracy:
    """The calls of `quarter` against what it has won (final once it has ended), week by week.

    `facts`: the whole plan's, when the caller has read them already (never a pipeline's part).
    """
    quarter_calls = calls(plan, quarter)
    named = {d.opportunity_id for c in quarter_calls for d in c.deals}
    return compute_accuracy(quarter, today, quarter_calls, load_outcome(plan, quarter, today, named, facts))


# ----------------------------------------------------------------------------------------------
# Machine-readable form (`planner forecast-calls --json`, the review bundle)


def call_json(call: ForecastCall) -> dict[str, Any]:
    """One call as plain JSON values."""
    return {
        "id": call.id,
        "quarter": call.quarter.label,
        "quarter_start": call.quarter.start.isoformat(),
        "quarter_end": call.quarter.end.isoformat(),
        "called_on": call.called_on.isoformat(),
        "recorded_at": call.recorded_at,
        "currency": call.currency,
        "commit": call.commit,
        "best_case": call.best_case,
        "proposed_commit": call.proposed_commit,
        "proposed_best_case": call.proposed_best_case,
        "won": call.won,
        "comment": call.comment,
        "deals": [
            {
                "id": d.opportunity_id,
                "title": d.title,
                "account": d.account,
                "category": d.category.value,
                "amount": d.amount,
                "currency": d.currency,
                "value": d.value,
                "close_date": d.close_date.isoformat() if d.close_date else None,
            }
            for d in call.deals
        ],
    }


def _round(value: float | None, digits: int = 2) -> float | None:
    return None if value is None else round(value, digits)


def accuracy_json(result: Accuracy) -> dict[str, Any]:
    """A quarter's calls and accuracy as plain JSON values."""
    return {
        "quarter": result.quarter.label,
        "start": result.quarter.start.isoformat(),
        "end": result.quarter.end.isoformat(),
        "today": result.today.isoformat(),
        "ended": result.ended,
        "currency": result.currency,
        "won": result.won,
        "won_deals": result.won_count,
        "calls": [call_json(c) for c in result.calls],
        "weeks": [
            {
                "week": w.week.isoformat(),
                "call_id": w.call.id if w.call else None,
                "called_on": w.call.called_on.isoformat() if w.call else None,
                "commit": w.call.commit if w.call else None,
                "best_case": w.call.best_case if w.call else None,
                "won": w.won,
                "commit_difference": _round(w.commit_difference),
                "commit_percent": _round(w.commit_percent, 1),
                "best_case_difference": _round(w.best_case_difference),
                "best_case_percent": _round(w.best_case_percent, 1),
                "adjustment": _round(w.adjustment),
                "other": _round(w.other),
                "differences": [
                    {
                        "kind": d.kind.value,
                        "id": d.opportunity_id,
                        "title": d.title,
                        "account": d.account,
                        "called": d.called,
                        "won": d.won,
                        "effect": d.effect,
                        "detail": d.detail,
                    }
                    for d in w.differences
                ],
            }
            for w in result.weeks
        ],
    }


def outcome_json(outcome: Outcome) -> dict[str, Any]:
    """A quarter's outcome as the review bundle carries it."""

    def deal(d: OutcomeDeal) -> dict[str, Any]:
        return {
            "id": d.opportunity_id,
            "title": d.title,
            "account": d.account,
            "funnel_level": d.level.value,
            "value": d.value,
            "close_date": d.close_date.isoformat() if d.close_date else None,
            "closed_on": d.closed_on.isoformat() if d.closed_on else None,
        }

    won_ids = {d.opportunity_id for d in outcome.won_deals}
    return {
        "quarter_start": outcome.quarter.start.isoformat(),
        "quarter_end": outcome.quarter.end.isoformat(),
        "currency": outcome.currency,
        "won": outcome.won,
        "won_deals": [deal(d) for d in outcome.won_deals],
        "deals": [deal(d) for i, d in sorted(outcome.deals.items()) if i not in won_ids],
    }


def outcome_from_setting(plan: PlanDB, quarter: calendar.Quarter) -> Outcome | None:
    """The outcome a review bundle carried for `quarter` (None in a seller's own plan)."""
    carried = settings_repo.get_setting(plan, SETTING_OUTCOMES, None)
    if not isinstance(carried, list):
        return None
    for item in carried:
        if (
            isinstance(item, dict)
            and item.get("quarter_start") == quarter.start.isoformat()
            and item.get("quarter_end") == quarter.end.isoformat()
        ):
            return _outcome(quarter, item)
    return None


def _outcome(quarter: calendar.Quarter, item: Mapping[str, Any]) -> Outcome:
    # Written by planner.exchange.bundle_calls after checking every value.
    def deal(d: Mapping[str, Any]) -> OutcomeDeal:
        return OutcomeDeal(
            int(d["id"]),
            str(d["title"]),
            str(d["account"]),
            FunnelLevel(d["funnel_level"]),
            None if d["value"] is None else float(d["value"]),
            _iso(d["close_date"]),
            _iso(d["closed_on"]),
        )

    won_deals = tuple(deal(d) for d in item["won_deals"])
    deals = {d.opportunity_id: d for d in (*won_deals, *(deal(d) for d in item["deals"]))}
    return Outcome(quarter, str(item["currency"]), float(item["won"]), won_deals, deals)
