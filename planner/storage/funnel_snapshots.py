"""Weekly funnel snapshots: what every open deal looked like on a day, to compare with later."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from functools import partial
from typing import NamedTuple

from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB


class SnapshotInfo(NamedTuple):
    """One snapshot: the day it stands for and when it was written (UTC stamp)."""

    id: int
    taken_on: dt.date
    taken_at: str


class SnapshotDeal(NamedTuple):
    """One open deal as a snapshot holds it (dates ISO text, category as stored value)."""

    opportunity_id: int
    title: str
    stage_id: int
    stage_position: int
    level: str  # a FunnelLevel value
    amount: float | None
    currency: str
    close_date: str | None
    forecast_category: str  # the effective ForecastCategory value that day
    probability: int


_make_deal = partial(tuple.__new__, SnapshotDeal)
_DEAL_COLUMNS = (
    "opportunity_id, title, stage_id, stage_position, level, amount, currency, close_date,"
    " forecast_category, probability"
)


def list_snapshots(plan: PlanDB) -> list[SnapshotInfo]:
    """Every snapshot, oldest first."""
    return [
        SnapshotInfo(r[0], dt.date.fromisoformat(r[1]), r[2])
        for r in plan.query("SELECT id, taken_on, taken_at FROM funnel_snapshot ORDER BY taken_on")
    ]


def latest_on_or_before(plan: PlanDB, day: dt.date) -> SnapshotInfo | None:
    """The newest snapshot taken on `day` or earlier, or None."""
    rows = plan.query(
        "SELECT id, taken_on, taken_at FROM funnel_snapshot WHERE taken_on <= ?"
        " ORDER BY taken_on DESC LIMIT 1",
        [day.isoformat()],
    )
    return SnapshotInfo(rows[0][0], dt.date.fromisoformat(rows[0][1]), rows[0][2]) if rows else None


def load_snapshot_deals(plan: PlanDB, snapshot_id: int) -> list[SnapshotDeal]:
    """The deals of one snapshot, by opportunity id."""
    rows = plan.query(
        f"SELECT {_DEAL_COLUMNS} FROM funnel_snapshot_deal WHERE snapshot_id = ? ORDER BY opportunity_id",
        [snapshot_id],
    )
    return list(map(_make_deal, rows))


def save_snapshot(plan: PlanDB, taken_on: dt.date, deals: Iterable[SnapshotDeal]) -> int:
    """Write a snapshot for `taken_on`, replacing one of the same day; returns its id."""
    marks = ",".join("?" * len(SnapshotDeal._fields))
    with plan.atomic():
        plan.execute("DELETE FROM funnel_snapshot WHERE taken_on = ?", [taken_on.isoformat()])
        cursor = plan.execute(
            "INSERT INTO funnel_snapshot (taken_on, taken_at) VALUES (?, ?)",
            [taken_on.isoformat(), now_stamp()],
        )
        snapshot_id = cursor.lastrowid
        assert snapshot_id is not None
        plan.conn.executemany(
            f"INSERT INTO funnel_snapshot_deal (snapshot_id, {_DEAL_COLUMNS}) VALUES (?, {marks})",
            [(snapshot_id, *deal) for deal in deals],
        )
    return snapshot_id
