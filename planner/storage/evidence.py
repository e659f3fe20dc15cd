"""Commitment and call-plan repository: the evidence chain of a deal (docs/method.md)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from planner.model import CallPlan, Commitment
from planner.storage.convert import from_date, now_stamp
from planner.storage.db import PlanDB
from planner.storage.people import date_of

_Record = TypeVar("_Record", Commitment, CallPlan)

_COMMITMENT = "id, opportunity_id, what, committed_on, stage_id, who, evidence, call_plan_id"
_CALL = (
    "id, opportunity_id, meeting_at, title, attendees, business_reason, giving, confirmation_questions,"
    " new_information_questions, attitude_questions, best_action, minimum_action, commit_by,"
    " debriefed_on, debrief_commitment, debrief_notes"
)


def _commitment(r: tuple[Any, ...]) -> Commitment:
    return Commitment(
        id=r[0],
        opportunity_id=r[1],
        what=r[2],
        # A date the file holds that is not one reads as the earliest day: evidence is never lost.
        committed_on=date_of(r[3]) or dt.date.min,
        stage_id=r[4],
        who=r[5],
        evidence=r[6],
        call_plan_id=r[7],
    )


def _texts(value: object) -> tuple[str, ...]:
    """A JSON list of strings as stored; anything else reads as no entries."""
    try:
        loaded = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return ()
    return tuple(str(v) for v in loaded) if isinstance(loaded, list) else ()


def _ids(value: object) -> tuple[int, ...]:
    try:
        loaded = json.loads(value) if isinstance(value, str) else []
    except ValueError:
        return ()
    return tuple(v for v in loaded if isinstance(v, int)) if isinstance(loaded, list) else ()


def _moment(value: object) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(str(value))
    except ValueError:
        return dt.datetime.min


def _call(r: tuple[Any, ...]) -> CallPlan:
    return CallPlan(
        id=r[0],
        opportunity_id=r[1],
        meeting_at=_moment(r[2]),
        title=r[3],
        attendees=_ids(r[4]),
        business_reason=r[5],
        giving=r[6],
        confirmation_questions=_texts(r[7]),
        new_information_questions=_texts(r[8]),
        attitude_questions=_texts(r[9]),
        best_action=r[10],
        minimum_action=r[11],
        commit_by=date_of(r[12]),
        debriefed_on=date_of(r[13]),
        debrief_commitment=r[14],
        debrief_notes=r[15],
    )


# Commitments -----------------------------------------------------------------------------------
def insert_commitment(plan: PlanDB, commitment: Commitment) -> int:
    """Insert a commitment (id 0 means a new id) and return its id."""
    with plan.atomic():
        cursor = plan.execute(
            f"INSERT INTO commitment ({_COMMITMENT}, created) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                commitment.id or None,
                commitment.opportunity_id,
                commitment.what,
                from_date(commitment.committed_on),
                commitment.stage_id,
                commitment.who,
                commitment.evidence,
                commitment.call_plan_id,
                now_stamp(),
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_commitment(plan: PlanDB, commitment: Commitment) -> None:
    """Write a commitment's fields."""
    with plan.atomic():
        plan.execute(
            "UPDATE commitment SET what = ?, committed_on = ?, stage_id = ?, who = ?, evidence = ?,"
            " call_plan_id = ? WHERE id = ?",
            [
                commitment.what,
                from_date(commitment.committed_on),
                commitment.stage_id,
                commitment.who,
                commitment.evidence,
                commitment.call_plan_id,
                commitment.id,
            ],
        )


def delete_commitment(plan: PlanDB, commitment_id: int) -> None:
    with plan.atomic():
        plan.execute("DELETE FROM commitment WHERE id = ?", [commitment_id])


def get_commitment(plan: PlanDB, commitment_id: int) -> Commitment | None:
    rows = plan.query(f"SELECT {_COMMITMENT} FROM commitment WHERE id = ?", [commitment_id])
    return _commitment(rows[0]) if rows else None


def list_commitments(plan: PlanDB, opportunity_id: int) -> list[Commitment]:
    """A deal's commitments, the latest first."""
    rows = plan.query(
        f"SELECT {_COMMITMENT} FROM commitment WHERE opportunity_id = ? ORDER BY committed_on DESC, id DESC",
        [opportunity_id],
    )
    return [_commitment(r) for r in rows]


def commitments_of(plan: PlanDB, opportunity_ids: Sequence[int]) -> dict[int, list[Commitment]]:
    """The commitments of several deals (the latest first), by deal id; every id is a key."""
    return _by_deal(
        plan,
        f"SELECT {_COMMITMENT} FROM commitment",
        "committed_on DESC, id DESC",
        opportunity_ids,
        _commitment,
    )


# Call plans ------------------------------------------------------------------------------------
def _call_values(call: CallPlan) -> list[Any]:
    return [
        call.opportunity_id,
        call.meeting_at.isoformat(timespec="minutes"),
        call.title,
        json.dumps(list(call.attendees)),
        call.business_reason,
        call.giving,
        json.dumps(list(call.confirmation_questions)),
        json.dumps(list(call.new_information_questions)),
        json.dumps(list(call.attitude_questions)),
        call.best_action,
        call.minimum_action,
        from_date(call.commit_by),
        from_date(call.debriefed_on),
        call.debrief_commitment,
        call.debrief_notes,
    ]


def insert_call_plan(plan: PlanDB, call: CallPlan) -> int:
    """Insert a call plan (id 0 means a new id) and return its id."""
    with plan.atomic():
        cursor = plan.execute(
            f"INSERT INTO call_plan ({_CALL}, created) VALUES ({', '.join('?' * 17)})",
            [call.id or None, *_call_values(call), now_stamp()],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_call_plan(plan: PlanDB, call: CallPlan) -> None:
    """Write every field of a call plan."""
    columns = [c.strip() for c in _CALL.split(",")][2:]
    assignments = ", ".join(f"{c} = ?" for c in columns)
    with plan.atomic():
        plan.execute(
            f"UPDATE call_plan SET {assignments} WHERE id = ?",
            [*_call_values(call)[1:], call.id],
        )


def delete_call_plan(plan: PlanDB, call_id: int) -> None:
    with plan.atomic():
        plan.execute("DELETE FROM call_plan WHERE id = ?", [call_id])


def get_call_plan(plan: PlanDB, call_id: int) -> CallPlan | None:
    rows = plan.query(f"SELECT {_CALL} FROM call_plan WHERE id = ?", [call_id])
    return _call(rows[0]) if rows else None


def list_call_plans(plan: PlanDB, opportunity_id: int | None = None) -> list[CallPlan]:
    """Call plans by meeting time (one deal's, or the whole plan's)."""
    if opportunity_id is None:
        rows = plan.query(f"SELECT {_CALL} FROM call_plan ORDER BY meeting_at, id")
    else:
        rows = plan.query(
            f"SELECT {_CALL} FROM call_plan WHERE opportunity_id = ? ORDER BY meeting_at, id",
            [opportunity_id],
        )
    return [_call(r) for r in rows]


def call_plans_of(plan: PlanDB, opportunity_ids: Sequence[int]) -> dict[int, list[CallPlan]]:
    """The call plans of several deals (by meeting time), by deal id; every id is a key."""
    return _by_deal(plan, f"SELECT {_CALL} FROM call_plan", "meeting_at, id", opportunity_ids, _call)


def _by_deal(
    plan: PlanDB,
    select: str,
    order: str,
    opportunity_ids: Sequence[int],
    make: Callable[[tuple[Any, ...]], _Record],
) -> dict[int, list[_Record]]:
    """Rows of several deals (the second column is the deal id), read 500 ids at a time (SQLite
    limits the number of bound values), in `order` within each deal."""
    found: dict[int, list[_Record]] = {i: [] for i in opportunity_ids}
    for start in range(0, len(opportunity_ids), 500):
        chunk = list(opportunity_ids[start : start + 500])
        marks = ", ".join("?" * len(chunk))
        for r in plan.query(f"{select} WHERE opportunity_id IN ({marks}) ORDER BY {order}", chunk):
            found[r[1]].append(make(r))
    return found
