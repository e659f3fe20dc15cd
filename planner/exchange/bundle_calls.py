"""Forecast calls in the plan bundle: written with the pack, read back into a review's in-memory plan.

A bundle carries the calls of the previous, the current and the next quarter, and for each of
those quarters with a call its outcome as the seller's whole plan had it at export (the won
deals and the state of every deal the calls named). A pack holds only the deals its scope
chose, so the outcome cannot be worked out from the bundle's deals; with it, `forecast_calls.
accuracy(bundle.plan, quarter, today)` gives in review what it gave the seller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from planner import calendar
from planner import forecast_calls as fcalls
from planner.forecast_calls import ForecastCall, Outcome
from planner.i18n import translate
from planner.limits import MAX_AMOUNT
from planner.model import ForecastCategory, FunnelLevel
from planner.storage import forecast_calls as call_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from planner.storage.forecast_calls import CallDealRow, CallRow

if TYPE_CHECKING:
    from planner.exchange.review import JsonReader

# At most this many calls and deals a call (a call a day for three quarters; a large Commit).
MAX_CALLS = 300
MAX_CALL_DEALS = 5_000
CATEGORIES = (ForecastCategory.CLOSED.value, ForecastCategory.COMMIT.value, ForecastCategory.BEST_CASE.value)
LEVELS = tuple(level.value for level in FunnelLevel)


def pack_calls(plan: PlanDB, today: dt.date) -> tuple[tuple[ForecastCall, ...], tuple[Outcome, ...]]:
    """The calls a pack carries (previous, current and next quarter) and those quarters' outcomes."""
    current = calendar.quarter_of(today, calendar.plan_start_month(plan))
    found: list[ForecastCall] = []
    outcomes: list[Outcome] = []
    for quarter in (current.shifted(-1), current, current.shifted(1)):
        quarter_calls = fcalls.calls(plan, quarter)
        if not quarter_calls:
            continue
        found += quarter_calls
        named = {d.opportunity_id for c in quarter_calls for d in c.deals}
        outcomes.append(fcalls.load_outcome(plan, quarter, today, named))
    return tuple(found), tuple(outcomes)


def bundle_json(found: tuple[ForecastCall, ...], outcomes: tuple[Outcome, ...]) -> dict[str, Any]:
    """The bundle's `forecast_calls` object."""
    return {
        "calls": [fcalls.call_json(c) for c in found],
        "outcomes": [fcalls.outcome_json(o) for o in outcomes],
    }


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _quarter_dates(r: JsonReader, item: Mapping[str, Any], where: str) -> tuple[str, str]:
    start, end = r.date(item, "quarter_start", where), r.date(item, "quarter_end", where)
    if start is None or end is None or not start <= end <= start + dt.timedelta(days=100):
        r.fail(
            where + "quarter_end", translate("Review", "not the end of a quarter starting on quarter_start")
        )
    return start.isoformat(), end.isoformat()


def load_calls(plan: PlanDB, data: Mapping[str, Any], r: JsonReader) -> None:
    """Check the bundle's forecast calls and write them into the review plan (inside its transaction)."""
    section = data.get("forecast_calls")
    if section is None:
        return  # a bundle from before forecast calls
    section = r.obj(section, "forecast_calls")
    for where, call in r.items(section, "calls", "forecast_calls.", MAX_CALLS):
        start, end = _quarter_dates(r, call, where)
        called_on = r.date(call, "called_on", where)
        if called_on is None:
            r.fail(where + "called_on", translate("Review", "missing"))
        amounts = [r.number(call, key, where, 0, MAX_AMOUNT) or 0.0 for key in ("commit", "best_case")]
        others = [
            r.number(call, key, where, 0, MAX_AMOUNT) or 0.0
            for key in ("proposed_commit", "proposed_best_case", "won")
        ]
        deals = [
            CallDealRow(
                0,
                r.integer(deal, "id", w, required=True) or 0,
                r.name(deal, "title", w) or "?",
                r.name(deal, "account", w),
                r.choice(deal, "category", w, CATEGORIES, ForecastCategory.COMMIT.value),
                r.number(deal, "amount", w, 0, MAX_AMOUNT),
                r.name(deal, "currency", w) or "EUR",
                r.number(deal, "value", w, 0, MAX_AMOUNT),
                _iso(r.date(deal, "close_date", w)),
            )
            for w, deal in r.items(call, "deals", where, MAX_CALL_DEALS)
        ]
        call_repo.insert_call(
            plan,
            CallRow(
                0,
                r.name(call, "quarter", where),
                start,
                end,
                called_on.isoformat(),
                r.name(call, "recorded_at", where),
                r.name(call, "currency", where) or "EUR",
                amounts[0],
                amounts[1],
                others[0],
                others[1],
                others[2],
                r.text(call, "comment", where),
            ),
            deals,
        )
    outcomes = []
    for where, item in r.items(section, "outcomes", "forecast_calls.", 12):
        start, end = _quarter_dates(r, item, where)
        outcomes.append(
            {
                "quarter_start": start,
                "quarter_end": end,
                "currency": r.name(item, "currency", where) or "EUR",
                "won": r.number(item, "won", where, 0, MAX_AMOUNT * 1000) or 0.0,
                **{key: _outcome_deals(r, item, key, where) for key in ("won_deals", "deals")},
            }
        )
    if outcomes:
        settings_repo.set_setting(plan, fcalls.SETTING_OUTCOMES, outcomes)


def _outcome_deals(r: JsonReader, item: Mapping[str, Any], key: str, where: str) -> list[dict[str, Any]]:
    return [
        {
            "id": r.integer(deal, "id", w, required=True),
            "title": r.name(deal, "title", w) or "?",
            "account": r.name(deal, "account", w),
            "funnel_level": r.choice(deal, "funnel_level", w, LEVELS, FunnelLevel.IN.value),
            "value": r.number(deal, "value", w, 0, MAX_AMOUNT),
            "close_date": _iso(r.date(deal, "close_date", w)),
            "closed_on": _iso(r.date(deal, "closed_on", w)),
        }
        for w, deal in r.items(item, key, where, MAX_CALL_DEALS)
    ]
