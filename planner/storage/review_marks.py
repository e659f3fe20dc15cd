"""The reviews a plan remembers (each exported pack) and the history "since the last review" reads."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import NamedTuple

from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB


class ReviewMark(NamedTuple):
    """One exported pack: the plan's day it was exported on, and when (UTC stamp)."""

    id: int
    exported_on: dt.date
    exported_at: str


class MarkedFlag(NamedTuple):
    """A red flag a pack showed: its rule, what it points to, and its sentence that day."""

    rule: str
    ref_kind: str
    ref_id: int
    reason: str


class MarkedDeal(NamedTuple):
    """An open deal as a pack recorded it: its effective forecast category and red flags."""

    opportunity_id: int
    title: str
    forecast_category: str  # a ForecastCategory value
    red_flags: tuple[MarkedFlag, ...]


def record_review(plan: PlanDB, exported_on: dt.date, deals: Iterable[MarkedDeal]) -> int:
    """Remember a pack exported on `exported_on` with what it showed of each open deal; its id."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO review_mark (exported_on, exported_at) VALUES (?, ?)",
            [exported_on.isoformat(), now_stamp()],
        )
        mark_id = cursor.lastrowid
        assert mark_id is not None
        plan.conn.executemany(
            "INSERT INTO review_mark_deal (mark_id, opportunity_id, title, forecast_category, red_flags)"
            " VALUES (?, ?, ?, ?, ?)",
            [
                (
                    mark_id,
                    d.opportunity_id,
                    d.title,
                    d.forecast_category,
                    json.dumps([[f.rule, f.ref_kind, f.ref_id, f.reason] for f in d.red_flags]),
                )
                for d in deals
            ],
        )
    return mark_id


def latest_review(plan: PlanDB, on_or_before: dt.date | None = None) -> ReviewMark | None:
    """The newest remembered pack (exported on `on_or_before` or earlier, when given), or None."""
    if on_or_before is None:
        rows = plan.query(
            "SELECT id, exported_on, exported_at FROM review_mark ORDER BY exported_on DESC, id DESC LIMIT 1"
        )
    else:
        rows = plan.query(
            "SELECT id, exported_on, exported_at FROM review_mark WHERE exported_on <= ?"
            " ORDER BY exported_on DESC, id DESC LIMIT 1",
            [on_or_before.isoformat()],
        )
    return ReviewMark(rows[0][0], dt.date.fromisoformat(rows[0][1]), rows[0][2]) if rows else None


def load_review_deals(plan: PlanDB, mark_id: int) -> dict[int, MarkedDeal]:
    """What one remembered pack showed, by opportunity id (unreadable flag lists count as none)."""
    found: dict[int, MarkedDeal] = {}
    for opp_id, title, category, flags_json in plan.query(
        "SELECT opportunity_id, title, forecast_category, red_flags FROM review_mark_deal"
        " WHERE mark_id = ? ORDER BY opportunity_id",
        [mark_id],
    ):
        found[opp_id] = MarkedDeal(opp_id, title, category, _flags(flags_json))
    return found


def _flags(text: str) -> tuple[MarkedFlag, ...]:
    try:
        items = json.loads(text)
    except ValueError:
        return ()
    if not isinstance(items, list):
        return ()
    return tuple(
        MarkedFlag(str(i[0]), str(i[1]), int(i[2]), str(i[3]))
        for i in items
        if isinstance(i, list) and len(i) == 4 and isinstance(i[2], int)
    )


# ----------------------------------------------------------------------------------------------
# History since a day (stamps are compared as text: "2026-11-20..." >= "2026-11-20")


class MoveSince(NamedTuple):
    """A stage move on or after the day, with the commitment it was booked with."""

    opportunity_id: int
    from_stage_id: int | None
    to_stage_id: int
    moved_at: str
    commitment: str


class DateChangeSince(NamedTuple):
    """A close-date change on or after the day."""

    opportunity_id: int
    old_date: str | None
    new_date: str | None
    changed_at: str


class AmountChangeSince(NamedTuple):
    """An amount change on or after the day."""

    opportunity_id: int
    old_amount: float | None
    old_currency: str
    changed_at: str


class DealNow(NamedTuple):
    """A deal as it stands, with what "since" reads of it."""

    id: int
    title: str
    account: str
    stage_id: int
    amount: float | None
    currency: str
    close_date: str | None
    closed_on: str | None
    close_reason: str
    forecast_category: str | None
    created: str
    close_reason_code: str  # planner.close_reasons: the reason's code from the plan's list
    close_competitor: str


def deals_now(plan: PlanDB) -> list[DealNow]:
    """Every deal of the plan, open and closed, by id."""
    return [
        DealNow(*row)
        for row in plan.query(
            "SELECT o.id, o.title, COALESCE(a.name, ''), o.stage_id, o.amount, o.currency, o.close_date,"
            " o.closed_on, o.close_reason, o.forecast_category, o.created, o.close_reason_code,"
            " o.close_competitor"
            " FROM opportunity o LEFT JOIN account a ON a.id = o.account_id ORDER BY o.id"
        )
    ]


def moves_since(plan: PlanDB, day: dt.date) -> list[MoveSince]:
    """Stage moves on `day` or later, oldest first."""
    return [
        MoveSince(*row)
        for row in plan.query(
            "SELECT opportunity_id, from_stage_id, to_stage_id, moved_at, commitment FROM stage_history"
            " WHERE moved_at >= ? ORDER BY moved_at, id",
            [day.isoformat()],
        )
    ]


def close_dates_since(plan: PlanDB, day: dt.date) -> list[DateChangeSince]:
    """Close-date changes on `day` or later, oldest first."""
    return [
        DateChangeSince(*row)
        for row in plan.query(
            "SELECT opportunity_id, old_date, new_date, changed_at FROM close_date_history"
            " WHERE changed_at >= ? ORDER BY changed_at, id",
            [day.isoformat()],
        )
    ]


def amounts_since(plan: PlanDB, day: dt.date) -> list[AmountChangeSince]:
    """Amount changes on `day` or later, oldest first."""
    return [
        AmountChangeSince(*row)
        for row in plan.query(
            "SELECT opportunity_id, old_amount, old_currency, changed_at FROM amount_history"
            " WHERE changed_at >= ? ORDER BY changed_at, id",
            [day.isoformat()],
        )
    ]
