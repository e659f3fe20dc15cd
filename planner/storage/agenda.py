"""The agenda's read path: only the rows that can carry a date in the agenda's range.

At 100,000 deals reading every card and its evidence costs several hundred milliseconds; the
agenda needs the open actions and calls up to the horizon, the open deals whose close date or
snooze end falls before it, and the few deals whose last evidence makes them candidates for
turning stale this week. Whether they do is decided by planner.funnel, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from planner.model import Card, StatusColumns
from planner.storage import board
from planner.storage import stages as stage_repo
from planner.storage.convert import to_date
from planner.storage.db import PlanDB

# Above this many deals to read, one scan of the open deals is cheaper than look-ups by id.
_ONE_SCAN = 2000
_OPEN = "stage_id IN (SELECT id FROM stage WHERE level NOT IN ('won', 'lost', 'walked_away'))"


class AgendaDeal(NamedTuple):
    """An open deal an agenda item names."""

    id: int
    title: str
    account: str
    stage_id: int
    close_date: dt.date | None
    snooze_until: dt.date | None
    snooze_reason: str


class AgendaAction(NamedTuple):
    """An open (possible or planned) action with a due date."""

    id: int
    deal_id: int
    what: str
    who: str
    due: dt.date


class AgendaCall(NamedTuple):
    """A call plan not debriefed yet."""

    id: int
    deal_id: int
    title: str
    meeting_at: dt.datetime
    attendees: str  # the attendees' names, joined


class AgendaRows(NamedTuple):
    """What planner.agenda.agenda reads: the plan's dated rows up to a horizon.

    `deals` holds every open deal whose close date or snooze end is on or before the horizon,
    every deal an action or call names, and the stale candidates; `cards` and `evidence` are
    the stale candidates as planner.funnel rates them.
    """

    deals: dict[int, AgendaDeal]
    actions: tuple[AgendaAction, ...]
    calls: tuple[AgendaCall, ...]
    cards: tuple[Card, ...]
    evidence: StatusColumns
    stage_limits: dict[int, int]  # stage id -> its stale limit in days (stages with one)


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


def load_agenda_rows(plan: PlanDB, today: dt.date, horizon: dt.date, stale_until: dt.date) -> AgendaRows:
    """The rows dated up to `horizon` (and the deals that may turn stale up to `stale_until`)."""
    end = horizon.isoformat()
    # SQLite checks the dates (a hand-edited one that is not a day is left out): a Python
    # call per row would cost more than the query at 100,000 deals.
    from_iso = dt.date.fromisoformat
    actions = tuple(
        AgendaAction(r[0], r[1], r[2], r[3], from_iso(r[4]))
        for r in plan.query(
            "SELECT a.id, a.opportunity_id, a.what, a.who, date(a.due) FROM action a"
            " JOIN opportunity o ON o.id = a.opportunity_id"
            " WHERE a.status != 'done' AND a.due <= ? AND date(a.due) IS substr(a.due, 1, 10)"
            f" AND o.{_OPEN}",
            [end],
        )
    )
    call_rows = plan.query(
        "SELECT c.id, c.opportunity_id, c.title, c.meeting_at, c.attendees FROM call_plan c"
        " JOIN opportunity o ON o.id = c.opportunity_id"
        f" WHERE c.debriefed_on IS NULL AND substr(c.meeting_at, 1, 10) <= ? AND o.{_OPEN}",
        [end],
    )
    calls = tuple(
        AgendaCall(r[0], r[1], r[2], moment, _attendees(plan, r[4]))
        for r in call_rows
        if (moment := _moment(r[3])) is not None
    )
    limits = {s.id: s.stale_after_days for s in stage_repo.list_stages(plan) if s.stale_after_days}
    stale_ids = _stale_candidates(plan, today, stale_until, limits)
    # The close dates (from the board's index, per stage) and the snoozes ending in the range.
    dated = [
        r[0]
        for r in plan.query(
            f"SELECT id FROM opportunity WHERE {_OPEN} AND close_date <= ?"
            " UNION SELECT id FROM opportunity WHERE snooze_until BETWEEN ? AND ?",
            [end, today.isoformat(), end],
        )
    ]
    wanted = {a.deal_id for a in actions} | {c.deal_id for c in calls} | set(dated) | set(stale_ids)
    deals: dict[int, AgendaDeal] = {}
    columns = (
        "SELECT o.id, o.title, COALESCE(a.name, ''), o.stage_id, o.close_date, o.snooze_until,"
        " o.snooze_reason FROM opportunity o LEFT JOIN account a ON a.id = o.account_id"
        f" WHERE o.{_OPEN}"
    )
    # A few deals by id; many (a large plan's overdue actions name most deals) in one scan,
    # which costs less than a query per 500 of them.
    if len(wanted) > _ONE_SCAN:
        found = (r for r in plan.query(columns) if r[0] in wanted)
    else:
        found = (
            r
            for chunk in _chunks(wanted)
            for r in plan.query(f"{columns} AND o.id IN ({_marks(chunk)})", chunk)
        )
    for r in found:
        deals[r[0]] = AgendaDeal(r[0], r[1], r[2], r[3], _day(r[4]), _day(r[5]), r[6])
    stale_open = [deal_id for deal_id in stale_ids if deal_id in deals]
    cards = tuple(board.load_cards(plan, stale_open)) if stale_open else ()
    evidence = _status_columns(plan, stale_open)
    return AgendaRows(deals, actions, calls, cards, evidence, limits)


def _stale_candidates(plan: PlanDB, today: dt.date, until: dt.date, limits: dict[int, int]) -> list[int]:
    """Open deals that may turn stale from today to `until`: their last evidence (a commitment,
    else the creation, else the stage entry) lies `limit` days before a day of that span, or
    their snooze ends then. A superset: planner.funnel decides."""
    if not limits:
        return []
    found: set[int] = set()
    for stage_id, limit in limits.items():
        # Stale on day d when the evidence is older than d - limit: a first stale day in
        # [today, until] means evidence in [today - limit - 1, until - limit).
        low = (today - dt.timedelta(days=limit + 1)).isoformat()
        high = (until - dt.timedelta(days=limit)).isoformat()
        found.update(
            r[0]
            for r in plan.query(
                "SELECT o.id FROM opportunity o WHERE o.stage_id = ? AND ("
                " substr(o.created, 1, 10) BETWEEN ? AND ? OR o.stage_entered BETWEEN ? AND ?"
                " OR o.snooze_until BETWEEN ? AND ?"
                " OR EXISTS (SELECT 1 FROM commitment c WHERE c.opportunity_id = o.id"
                "   AND substr(c.committed_on, 1, 10) BETWEEN ? AND ?))",
                [
                    stage_id,
                    low,
                    high,
                    low,
                    high,
                    (today - dt.timedelta(days=1)).isoformat(),
                    until.isoformat(),
                    low,
                    high,
                ],
            )
        )
    return sorted(found)


def _status_columns(plan: PlanDB, ids: Sequence[int]) -> StatusColumns:
    """The dated evidence of these deals as planner.funnel.statuses reads it."""
    columns = StatusColumns({}, {}, {}, {}, {})
    for chunk in _chunks(ids):
        details = board.load_details(plan, chunk)
        for r in plan.query(f"SELECT id, created FROM opportunity WHERE id IN ({_marks(chunk)})", chunk):
            columns.created[r[0]] = r[1]
        for deal_id, detail in details.items():
            if detail.snooze_until is not None:
                columns.snooze_until[deal_id] = detail.snooze_until.isoformat()
            columns.slips[deal_id] = detail.slips
            if detail.last_commitment is not None:
                columns.last_commitment[deal_id] = detail.last_commitment.isoformat()
            if detail.recorded:
                columns.recorded[deal_id] = detail.recorded
    return columns


def _day(value: object) -> dt.date | None:
    # A hand-edited file may hold anything: a date that is not one is no date.
    try:
        return to_date(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _moment(value: object) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def _attendees(plan: PlanDB, stored: object) -> str:
    import json

    try:
        ids = json.loads(stored) if isinstance(stored, str) else []
    except ValueError:
        return ""
    if not isinstance(ids, list):
        return ""
    wanted = [i for i in ids if isinstance(i, int)]
    if not wanted:
        return ""
    names = dict(
        plan.query(
            "SELECT bi.id, p.name FROM buying_influence bi JOIN person p ON p.id = bi.person_id"
            f" WHERE bi.id IN ({_marks(wanted)})",
            wanted,
        )
    )
    return ", ".join(str(names[i]) for i in wanted if i in names)
