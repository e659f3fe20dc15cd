"""The agenda's read path: only the rows that can carry a date in the agenda's range.

At 100,000 deals reading every card and its evidence costs several hundred milliseconds; the
agenda needs the open actions and calls up to the horizon, the open deals whose close date or
snooze end falls before it, and the few deals whose last evidence makes them candidates for
turning stale this week. Whether they do is decided by planner.funnel, not here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple

from planner.model import Card, StatusColumns
from planner.storage import board
from planner.storage import stages as stage_repo
from planner.storage.convert import to_date
from planner.storage.db import PlanDB

# Above this many deals to read, one scan of the open deals is cheaper than look-ups by id.
_ONE_SCAN = 20_000
_OPEN = "stage_id IN (SELECT id FROM stage WHERE level NOT IN ('won', 'lost', 'walked_away'))"
# The deals of closed stages: a tenth of a large plan, so "not one of these" is checked against
# a small set built once per query, not by looking up each action's deal.
_CLOSED_DEALS = (
    "SELECT id FROM opportunity WHERE stage_id IN"
    " (SELECT id FROM stage WHERE level IN ('won', 'lost', 'walked_away'))"
)


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

    `closes` and `snoozes` name the deals whose close date or snooze end is listed; `deals`
    holds those and every deal an action or call names, and the stale candidates; `cards` and
    `evidence` are the stale candidates as planner.funnel rates them. When the rows were read
    with a limit, `left_out` counts the actions and close dates of each section ('overdue',
    'today', 'week', 'later') that were not read.
    """

    deals: dict[int, AgendaDeal]
    actions: tuple[AgendaAction, ...]
    calls: tuple[AgendaCall, ...]
    closes: tuple[int, ...]
    snoozes: tuple[int, ...]
    cards: tuple[Card, ...]
    evidence: StatusColumns
    stage_limits: dict[int, int]  # stage id -> its stale limit in days (stages with one)
    left_out: dict[str, int]


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


def _chunks(ids: Iterable[int], size: int = 500) -> Iterable[list[int]]:
    unique = sorted(set(ids))
    for start in range(0, len(unique), size):
        yield unique[start : start + size]


SECTIONS = ("overdue", "today", "week", "later")
# Each section's days as a range an index can search: [low, high).
_BOUNDS = {
    "overdue": ("''", ":today"),
    "today": (":today", ":tomorrow"),
    "week": (":tomorrow", ":week_after"),
    "later": (":week_after", ":after"),
}
# The section of a day column, as planner.agenda.section_of says, for counting in SQLite.
_SECTION_SQL = (
    "CASE WHEN {day} < :today THEN 'overdue' WHEN {day} < :tomorrow THEN 'today'"
    " WHEN {day} < :week_after THEN 'week' ELSE 'later' END"
)
# From the action_open_due index (migration 0011): the open actions in due-date order; each
# one's deal is looked up, which a LIMIT keeps to a few hundred.
_ACTIONS_FROM = (
    "FROM action a INDEXED BY action_open_due JOIN opportunity o ON o.id = a.opportunity_id"
    " WHERE a.status != 'done' AND a.due <= :end AND date(a.due) IS substr(a.due, 1, 10)"
    f" AND o.{_OPEN}"
)
# From the call_plan_open index: the calls not debriefed, up to the end of the horizon.
_CALLS_FROM = (
    "FROM call_plan c WHERE c.debriefed_on IS NULL AND c.meeting_at < :after"
    f" AND c.opportunity_id NOT IN ({_CLOSED_DEALS})"
)
# Counting tens of thousands: every open action from the index alone, less those of closed deals
# (found from the deals' side). A stored due date that is not a day (a hand-edited plan) is
# counted here, though never listed.
_ACTION_COUNTS = (
    "SELECT {section}, COUNT(*) FROM action a WHERE a.status != 'done' AND a.due <= :end GROUP BY 1"
)
_CLOSED_ACTION_COUNTS = (
    "SELECT {section}, COUNT(*) FROM opportunity o JOIN action a ON a.opportunity_id = o.id"
    " WHERE o.stage_id IN (SELECT id FROM stage WHERE level IN ('won', 'lost', 'walked_away'))"
    " AND a.status != 'done' AND a.due <= :end GROUP BY 1"
)
_CLOSES_FROM = (
    f"FROM opportunity o WHERE o.{_OPEN} AND o.close_date <= :end"
    " AND date(o.close_date) IS substr(o.close_date, 1, 10)"
)


def load_agenda_rows(
    plan: PlanDB,
    today: dt.date,
    horizon: dt.date,
    stale_until: dt.date,
    week_end: dt.date | None = None,
    limit: int | None = None,
) -> AgendaRows:
    """The rows dated up to `horizon` (and the deals that may turn stale up to `stale_until`).

    With a `limit`, at most that many actions and close dates per section (the first by day),
    and how many were left out: a large plan's overdue actions run into tens of thousands, and
    reading them all costs seconds where counting them costs milliseconds.
    """
    week = week_end or today + dt.timedelta(days=6)
    names = {
        "today": today.isoformat(),
        "week": week.isoformat(),
        "end": horizon.isoformat(),
        "after": (horizon + dt.timedelta(days=1)).isoformat(),
        "tomorrow": (today + dt.timedelta(days=1)).isoformat(),
        "week_after": (week + dt.timedelta(days=1)).isoformat(),
    }
    from_iso = dt.date.fromisoformat
    # SQLite checks the dates (a hand-edited one that is not a day is left out): a Python
    # call per row would cost more than the query at 100,000 deals.
    action_sql = f"SELECT a.id, a.opportunity_id, a.what, a.who, date(a.due) {_ACTIONS_FROM}"
    close_sql = f"SELECT o.id {_CLOSES_FROM}"
    left_out = dict.fromkeys(SECTIONS, 0)
    action_rows = _limited(
        plan, action_sql, _ACTIONS_FROM, "a.due", "a.due, a.id", names, limit, left_out, _action_totals
    )
    close_ids = [
        r[0]
        for r in _limited(
            plan, close_sql, _CLOSES_FROM, "o.close_date", "o.close_date, o.id", names, limit, left_out
        )
    ]
    actions = tuple(AgendaAction(r[0], r[1], r[2], r[3], from_iso(r[4])) for r in action_rows)
    # From the call_plan_open index: every call not debriefed, up to the end of the horizon.
    call_rows = _limited(
        plan,
        f"SELECT c.id, c.opportunity_id, c.title, c.meeting_at, c.attendees {_CALLS_FROM}",
        _CALLS_FROM,
        "c.meeting_at",
        "c.meeting_at, c.id",
        names,
        limit,
        left_out,
    )
    calls = tuple(
        AgendaCall(r[0], r[1], r[2], moment, _attendees(plan, r[4]))
        for r in call_rows
        if (moment := _moment(r[3])) is not None
    )
    limits = {s.id: s.stale_after_days for s in stage_repo.list_stages(plan) if s.stale_after_days}
    stale_ids = _stale_candidates(plan, today, stale_until, limits)
    snooze_ids = [
        r[0]
        for r in plan.conn.execute(
            "SELECT o.id FROM opportunity o INDEXED BY opportunity_snooze"
            f" WHERE o.snooze_until >= :today AND o.snooze_until <= :end AND o.{_OPEN}",
            names,
        ).fetchall()
    ]
    wanted = (
        {a.deal_id for a in actions} | {c.deal_id for c in calls} | set(close_ids) | set(snooze_ids)
    ) | set(stale_ids)
    deals: dict[int, AgendaDeal] = {}
    columns = (
        "SELECT o.id, o.title, COALESCE(a.name, ''), o.stage_id, o.close_date, o.snooze_until,"
        " o.snooze_reason FROM opportunity o LEFT JOIN account a ON a.id = o.account_id"
        f" WHERE o.{_OPEN}"
    )
    # A few deals by id; many (a large plan's overdue actions name most deals) in one scan,
    # which costs less than a query per 500 of them.
    if len(wanted) > _ONE_SCAN:
        found_deals = (r for r in plan.query(columns) if r[0] in wanted)
    else:
        found_deals = (
            r
            for chunk in _chunks(wanted)
            for r in plan.query(f"{columns} AND o.id IN ({_marks(chunk)})", chunk)
        )
    for r in found_deals:
        deals[r[0]] = AgendaDeal(r[0], r[1], r[2], r[3], _day(r[4]), _day(r[5]), r[6])
    stale_open = [deal_id for deal_id in stale_ids if deal_id in deals]
    cards = tuple(board.load_cards(plan, stale_open)) if stale_open else ()
    evidence = _status_columns(plan, stale_open)
    return AgendaRows(
        deals, actions, calls, tuple(close_ids), tuple(snooze_ids), cards, evidence, limits, left_out
    )


def _limited(
    plan: PlanDB,
    select: str,
    where: str,
    day: str,
    order: str,
    names: dict[str, str],
    limit: int | None,
    left_out: dict[str, int],
    count: Callable[[PlanDB, str, dict[str, str]], dict[str, int]] | None = None,
) -> list[tuple[Any, ...]]:
    """The rows of `select` (all, or the first `limit` of each section by `order`); adds what
    each section left out to `left_out`. `count` counts each section (else `where` does)."""
    if limit is None:
        return plan.conn.execute(select, names).fetchall()
    section = _SECTION_SQL.format(day=day)
    if count is not None:
        totals = count(plan, section, names)
    else:
        totals = dict(plan.conn.execute(f"SELECT {section}, COUNT(*) {where} GROUP BY 1", names).fetchall())
    rows: list[tuple[Any, ...]] = []
    for name in SECTIONS:
        if not totals.get(name):
            continue
        low, high = _BOUNDS[name]
        found = plan.conn.execute(
            f"{select} AND {day} >= {low} AND {day} < {high} ORDER BY {order} LIMIT :limit",
            {**names, "limit": limit},
        ).fetchall()
        rows.extend(found)
        left_out[name] += totals[name] - len(found)
    return rows


def _action_totals(plan: PlanDB, section: str, names: dict[str, str]) -> dict[str, int]:
    totals = dict(plan.conn.execute(_ACTION_COUNTS.format(section=section), names).fetchall())
    for name, closed in plan.conn.execute(_CLOSED_ACTION_COUNTS.format(section=section), names).fetchall():
        totals[name] = totals.get(name, 0) - closed
    return totals


def _stale_candidates(plan: PlanDB, today: dt.date, until: dt.date, limits: dict[int, int]) -> list[int]:
    """Deals that may turn stale from today to `until`: a commitment (or, without one, their
    creation or stage entry) lies the stage's limit before a day of that span, or their snooze
    ends then. A superset, from the indexes of migration 0011: planner.funnel decides."""
    if not limits:
        return []
    # Stale on day d when the evidence is older than d - limit: a first stale day in
    # [today, until] means evidence in [today - limit - 1, until - limit), for the deal's stage.
    spans = {
        stage_id: (
            (today - dt.timedelta(days=limit + 1)).isoformat(),
            (until - dt.timedelta(days=limit - 1)).isoformat(),
        )
        for stage_id, limit in limits.items()
    }
    names = {"low": min(low for low, _ in spans.values()), "high": max(high for _, high in spans.values())}
    rows = plan.conn.execute(
        "SELECT c.opportunity_id, o.stage_id, substr(c.committed_on, 1, 10)"
        " FROM commitment c INDEXED BY commitment_day JOIN opportunity o ON o.id = c.opportunity_id"
        " WHERE c.committed_on >= :low AND c.committed_on < :high",
        names,
    ).fetchall()
    rows += plan.conn.execute(
        "SELECT id, stage_id, substr(created, 1, 10) FROM opportunity INDEXED BY opportunity_created"
        " WHERE created >= :low AND created < :high",
        names,
    ).fetchall()
    # No creation stamp (a hand-edited plan): the stage entry counts.
    rows += plan.conn.execute(
        "SELECT id, stage_id, stage_entered FROM opportunity INDEXED BY opportunity_created"
        " WHERE created = ''"
    ).fetchall()
    found = {
        deal_id
        for deal_id, stage_id, day in rows
        if stage_id in spans and day is not None and spans[stage_id][0] <= day < spans[stage_id][1]
    }
    # A snooze that ends lets a deal stale by its evidence show as stale the day after.
    found.update(
        r[0]
        for r in plan.query(
            "SELECT id FROM opportunity INDEXED BY opportunity_snooze"
            " WHERE snooze_until >= ? AND snooze_until <= ?",
            [(today - dt.timedelta(days=1)).isoformat(), until.isoformat()],
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
