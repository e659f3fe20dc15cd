"""Forecast calls in the plan file: the calls of a quarter, and a day's calls written or put back."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from planner.storage.db import PlanDB

_CALL_COLUMNS = (
    "id, quarter, quarter_start, quarter_end, called_on, recorded_at, currency, commit_amount,"
    " best_case_amount, proposed_commit, proposed_best_case, won_amount, comment"
)
_DEAL_COLUMNS = "call_id, opportunity_id, title, account, category, amount, currency, value, close_date"


class CallRow(NamedTuple):
    """One forecast_call row; dates stay ISO text."""

    id: int
    quarter: str
    quarter_start: str
    quarter_end: str
    called_on: str
    recorded_at: str
    currency: str
    commit_amount: float
    best_case_amount: float
    proposed_commit: float
    proposed_best_case: float
    won_amount: float
    comment: str


class CallDealRow(NamedTuple):
    """One forecast_call_deal row: a deal as it stood in a call."""

    call_id: int
    opportunity_id: int
    title: str
    account: str
    category: str
    amount: float | None
    currency: str
    value: float | None
    close_date: str | None


class DayRows(NamedTuple):
    """Every call recorded on one day with its deals, exactly as stored (for undo and redo)."""

    calls: tuple[tuple[Any, ...], ...]
    deals: tuple[tuple[Any, ...], ...]


def calls_of(plan: PlanDB, start: str, end: str) -> list[CallRow]:
    """The calls of the quarter from `start` to `end` (ISO dates), oldest first."""
    rows = plan.query(
        f"SELECT {_CALL_COLUMNS} FROM forecast_call WHERE quarter_start = ? AND quarter_end = ?"
        " ORDER BY called_on, recorded_at, id",
        [start, end],
    )
    return [CallRow(*r) for r in rows]


def deals_of(plan: PlanDB, call_ids: Sequence[int]) -> list[CallDealRow]:
    """The deals of these calls, in the order they were written."""
    if not call_ids:
        return []
    marks = ",".join("?" * len(call_ids))
    rows = plan.query(
        f"SELECT {_DEAL_COLUMNS} FROM forecast_call_deal WHERE call_id IN ({marks}) ORDER BY id",
        list(call_ids),
    )
    return [CallDealRow(*r) for r in rows]


def insert_call(plan: PlanDB, call: CallRow, deals: Sequence[CallDealRow]) -> int:
    """Write one call (its id is chosen here) with its deals; returns the new id. Call inside atomic()."""
    values = list(call)[1:]
    columns = _CALL_COLUMNS.removeprefix("id, ")
    cursor = plan.execute(
        f"INSERT INTO forecast_call ({columns}) VALUES ({','.join('?' * len(values))})", values
    )
    call_id = int(cursor.lastrowid or 0)
    for deal in deals:
        plan.execute(
            f"INSERT INTO forecast_call_deal ({_DEAL_COLUMNS}) VALUES ({','.join('?' * 9)})",
            [call_id, *list(deal)[1:]],
        )
    return call_id


def delete_calls_on(plan: PlanDB, start: str, end: str, day: str) -> None:
    """Remove the calls of one quarter recorded on `day` (their deals go with them)."""
    plan.execute(
        "DELETE FROM forecast_call WHERE quarter_start = ? AND quarter_end = ? AND called_on = ?",
        [start, end, day],
    )


def day_rows(plan: PlanDB, day: str) -> DayRows:
    """Every call recorded on `day` and its deals, every column."""
    calls = plan.conn.execute("SELECT * FROM forecast_call WHERE called_on = ? ORDER BY id", [day]).fetchall()
    deals = plan.conn.execute(
        "SELECT d.* FROM forecast_call_deal d JOIN forecast_call c ON c.id = d.call_id"
        " WHERE c.called_on = ? ORDER BY d.id",
        [day],
    ).fetchall()
    return DayRows(tuple(calls), tuple(deals))


def replace_day(plan: PlanDB, day: str, rows: DayRows) -> None:
    """Make `day`'s calls exactly `rows` (as day_rows read them), with their ids."""
    with plan.atomic():
        plan.execute("DELETE FROM forecast_call WHERE called_on = ?", [day])
        for row in rows.calls:
            plan.execute(f"INSERT INTO forecast_call VALUES ({','.join('?' * len(row))})", list(row))
        for row in rows.deals:
            plan.execute(f"INSERT INTO forecast_call_deal VALUES ({','.join('?' * len(row))})", list(row))
