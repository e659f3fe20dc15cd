"""Bulk reads for the forecast and the hygiene list, and the one write of a deal's forecast category."""

from __future__ import annotations

import gc
from functools import partial
from typing import NamedTuple

from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB


class DealRow(NamedTuple):
    """One deal (open or closed) as the forecast reads it; dates stay ISO text (cheap, sortable).

    A NamedTuple built in C, as the board's Card: the forecast reads every deal of the plan.
    """

    id: int
    title: str
    account_id: int | None
    stage_id: int
    amount: float | None
    currency: str
    close_date: str | None  # ISO date
    closed_on: str | None  # ISO date
    probability_override: int | None
    forecast_category: str | None  # a ForecastCategory value, or None for the stage's default
    stage_entered: str | None  # ISO date
    product: str  # with quantity: what the SSO tests read (the hygiene list)
    quantity: float | None


_DEALS_SQL = (
    "SELECT id, title, account_id, stage_id, amount, currency, close_date, closed_on,"
    " probability_override, forecast_category, stage_entered, product, quantity FROM opportunity"
)
_make_row = partial(tuple.__new__, DealRow)


def load_deal_rows(plan: PlanDB) -> list[DealRow]:
    """Every deal of the plan, open and closed, in id order."""
    enabled = gc.isenabled()
    gc.disable()  # nothing here is garbage: spare the collector 10,000 tuples' worth of passes
    try:
        return list(map(_make_row, plan.query(_DEALS_SQL + " ORDER BY id")))
    finally:
        if enabled:
            gc.enable()


def deals_ever_in_level(plan: PlanDB, level: str) -> set[int]:
    """Ids of the deals whose stage history ever entered a stage of this funnel level."""
    rows = plan.query(
        "SELECT DISTINCT h.opportunity_id FROM stage_history h JOIN stage s ON s.id = h.to_stage_id"
        " WHERE s.level = ?",
        [level],
    )
    return {r[0] for r in rows}


class CloseDateMove(NamedTuple):
    """A close-date change of one deal: old and new ISO dates and the day it was made."""

    opportunity_id: int
    old_date: str | None
    new_date: str | None
    changed_on: str  # ISO date


def close_dates_moved_out(plan: PlanDB, start: str, end: str) -> list[CloseDateMove]:
    """Changes that took a close date inside [start, end] to a later date, or removed it."""
    rows = plan.query(
        "SELECT opportunity_id, old_date, new_date, substr(changed_at, 1, 10) FROM close_date_history"
        " WHERE old_date BETWEEN ? AND ? AND (new_date IS NULL OR new_date > ?) ORDER BY changed_at, id",
        [start, end, end],
    )
    return [CloseDateMove(*r) for r in rows]


def set_forecast_category(plan: PlanDB, opportunity_id: int, category: str | None) -> None:
    """Set the seller's forecast category of a deal (None: back to the stage's default)."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity SET forecast_category = ?, updated = ? WHERE id = ?",
            [category, now_stamp(), opportunity_id],
        )


def setting_text(plan: PlanDB, key: str) -> str | None:
    """A setting's stored JSON text exactly, or None when unset (for exact undo of a setting)."""
    rows = plan.query("SELECT value FROM settings WHERE key = ?", [key])
    return str(rows[0][0]) if rows else None


def restore_setting_text(plan: PlanDB, key: str, text: str | None) -> None:
    """Put a setting's stored text back exactly; None removes the setting."""
    with plan.atomic():
        if text is None:
            plan.execute("DELETE FROM settings WHERE key = ?", [key])
        else:
            plan.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, text],
            )
