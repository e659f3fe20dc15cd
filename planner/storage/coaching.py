"""Coaching items and verdicts from a manager's review: SQL kept in storage (planner.coaching reads it)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB
from planner.storage.people import date_of

CHUNK = 500


@dataclass(frozen=True, slots=True)
class ItemRow:
    """One coaching item as stored; `answered_on` is also the day its action was done."""

    id: int
    note_id: str
    opportunity_id: int | None
    deal: str
    action_id: int | None
    kind: str
    text: str
    due: dt.date | None
    reviewer: str
    created: str
    answered_on: dt.date | None
    answer: str


@dataclass(frozen=True, slots=True)
class VerdictRow:
    """One deal's verdict as stored."""

    opportunity_id: int
    deal: str
    verdict_id: str
    verdict: str
    reason: str
    reviewer: str
    given: str


@dataclass(frozen=True, slots=True)
class NewItem:
    """A coaching item to add: its note's stable id, deal (None: the whole plan) and the action's text."""

    note_id: str
    opportunity_id: int | None
    kind: str
    text: str
    due: dt.date | None
    reviewer: str
    created: str
    action_text: str  # what the deal's action says (a question reads "Answer: ...")


@dataclass(frozen=True, slots=True)
class ItemState:
    """What answering an item changes: its answer, and its action's status (undo puts both back)."""

    item_id: int
    answered_on: dt.date | None
    answer: str
    action_id: int | None
    action_status: str | None  # None: the item has no action
    action_done_on: dt.date | None


# An item reads as answered when the seller answered it, or did the action it became.
_ITEM = (
    "c.id, c.note_id, c.opportunity_id, COALESCE(o.title, ''), c.action_id, c.kind, c.text, c.due,"
    " c.reviewer, c.created,"
    " COALESCE(c.answered_on, CASE WHEN a.status = 'done' THEN COALESCE(a.done_on, '') END), c.answer"
    " FROM coaching_item c LEFT JOIN opportunity o ON o.id = c.opportunity_id"
    " LEFT JOIN action a ON a.id = c.action_id"
)


def _item(r: tuple[Any, ...]) -> ItemRow:
    answered = date_of(r[10])
    if answered is None and r[10] == "":  # an action done without a day: answered, day unknown
        answered = date_of(r[9])
    return ItemRow(r[0], r[1], r[2], r[3], r[4], r[5], r[6], date_of(r[7]), r[8], r[9], answered, r[11])


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start : start + CHUNK]


def list_items(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> list[ItemRow]:
    """Every coaching item (or those of the given deals), the plan's first, then by due date."""
    order = " ORDER BY c.opportunity_id IS NOT NULL, c.due IS NULL, c.due, c.id"
    if opportunity_ids is None:
        return [_item(r) for r in plan.query(f"SELECT {_ITEM}{order}")]
    found: list[ItemRow] = []
    for chunk in _chunks(opportunity_ids):
        marks = ",".join("?" * len(chunk))
        found += [
            _item(r) for r in plan.query(f"SELECT {_ITEM} WHERE c.opportunity_id IN ({marks}){order}", chunk)
        ]
    return found


def get_item(plan: PlanDB, item_id: int) -> ItemRow | None:
    rows = plan.query(f"SELECT {_ITEM} WHERE c.id = ?", [item_id])
    return _item(rows[0]) if rows else None


def item_note_ids(plan: PlanDB) -> set[str]:
    """The stable note ids the plan holds an item for."""
    return {r[0] for r in plan.query("SELECT note_id FROM coaching_item")}


def add_items(plan: PlanDB, items: Sequence[NewItem]) -> list[NewItem]:
    """Insert the items the plan does not hold yet (an item on a deal with its action); returns those.

    Callers run this inside the import's transaction.
    """
    added: list[NewItem] = []
    with plan.atomic():
        known = item_note_ids(plan)
        for item in items:
            if item.note_id in known:
                continue
            known.add(item.note_id)
            action_id = None
            if item.opportunity_id is not None:
                cursor = plan.execute(
                    "INSERT INTO action (opportunity_id, what, who, due, status, done_on, flag_ref)"
                    " VALUES (?, ?, '', ?, 'planned', NULL, '')",
                    [item.opportunity_id, item.action_text, item.due.isoformat() if item.due else None],
                )
                action_id = cursor.lastrowid
            plan.execute(
                "INSERT INTO coaching_item (note_id, opportunity_id, action_id, kind, text, due, reviewer,"
                " created) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    item.note_id,
                    item.opportunity_id,
                    action_id,
                    item.kind,
                    item.text,
                    item.due.isoformat() if item.due else None,
                    item.reviewer,
                    item.created or now_stamp(),
                ],
            )
            added.append(item)
    return added


def coaching_action_ids(plan: PlanDB, action_ids: Sequence[int]) -> set[int]:
    """Which of the given actions are a manager's coaching items."""
    found: set[int] = set()
    for chunk in _chunks(action_ids):
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in plan.query(f"SELECT action_id FROM coaching_item WHERE action_id IN ({marks})", chunk)
        )
    return found


def item_state(plan: PlanDB, item_id: int) -> ItemState | None:
    """An item's answer and its action's status, as stored."""
    rows = plan.query(
        "SELECT c.id, c.answered_on, c.answer, c.action_id, a.status, a.done_on FROM coaching_item c"
        " LEFT JOIN action a ON a.id = c.action_id WHERE c.id = ?",
        [item_id],
    )
    if not rows:
        return None
    r = rows[0]
    return ItemState(r[0], date_of(r[1]), r[2], r[3] if r[4] is not None else None, r[4], date_of(r[5]))


def write_item_state(plan: PlanDB, state: ItemState) -> int | None:
    """Make the item and its action hold `state`; the action's deal (None for the plan's items)."""
    with plan.atomic():
        plan.execute(
            "UPDATE coaching_item SET answered_on = ?, answer = ? WHERE id = ?",
            [state.answered_on.isoformat() if state.answered_on else None, state.answer, state.item_id],
        )
        if state.action_id is not None and state.action_status is not None:
            plan.execute(
                "UPDATE action SET status = ?, done_on = ? WHERE id = ?",
                [
                    state.action_status,
                    state.action_done_on.isoformat() if state.action_done_on else None,
                    state.action_id,
                ],
            )
    rows = plan.query("SELECT opportunity_id FROM coaching_item WHERE id = ?", [state.item_id])
    return rows[0][0] if rows else None


_VERDICT = (
    "v.opportunity_id, o.title, v.verdict_id, v.verdict, v.reason, v.reviewer, v.given"
    " FROM verdict v JOIN opportunity o ON o.id = v.opportunity_id"
)


def list_verdicts(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> list[VerdictRow]:
    """The verdicts of every deal (or of the given deals)."""
    if opportunity_ids is None:
        return [VerdictRow(*r) for r in plan.query(f"SELECT {_VERDICT} ORDER BY v.opportunity_id")]
    found: list[VerdictRow] = []
    for chunk in _chunks(opportunity_ids):
        marks = ",".join("?" * len(chunk))
        found += [
            VerdictRow(*r)
            for r in plan.query(f"SELECT {_VERDICT} WHERE v.opportunity_id IN ({marks})", chunk)
        ]
    return found


def put_verdict(plan: PlanDB, verdict: VerdictRow) -> bool:
    """Keep the verdict unless the deal holds this one or a later one; True when it was written."""
    with plan.atomic():
        rows = plan.query(
            "SELECT verdict_id, given FROM verdict WHERE opportunity_id = ?", [verdict.opportunity_id]
        )
        if rows and (rows[0][0] == verdict.verdict_id or rows[0][1] >= verdict.given):
            return False
        plan.execute(
            "INSERT INTO verdict (opportunity_id, verdict_id, verdict, reason, reviewer, given)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(opportunity_id) DO UPDATE SET"
            " verdict_id = excluded.verdict_id, verdict = excluded.verdict, reason = excluded.reason,"
            " reviewer = excluded.reviewer, given = excluded.given",
            [
                verdict.opportunity_id,
                verdict.verdict_id,
                verdict.verdict,
                verdict.reason,
                verdict.reviewer,
                verdict.given,
            ],
        )
    return True


# Importing review notes as one undo step: the rows an import adds are those past each table's
# last id before it (undo runs only when the import is the newest edit, so nothing else is past
# it); verdicts may be replaced, so their small table is kept whole; and the list of note ids
# imported, which makes a second import add nothing.
_ADDED_TABLES = ("action", "note", "coaching_item")  # insert order: an item may name an action
_IMPORTED_KEY = "imported_review_notes"


@dataclass(frozen=True, slots=True)
class ImportState:
    """The plan's review-note records before an import (`added` empty) or after it."""

    floor: tuple[tuple[str, int], ...]  # each table's last id before the import
    added: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...]  # (table, columns, rows)
    verdicts: tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]
    imported: str | None

    def deals(self) -> set[int]:
        """The deals the state's rows are on."""
        found: set[int] = set()
        for _table, columns, rows in (*self.added, ("verdict", *self.verdicts)):
            at = columns.index("opportunity_id")
            found.update(r[at] for r in rows if r[at] is not None)
        return found


def _all(
    plan: PlanDB, sql: str, params: Sequence[Any] = ()
) -> tuple[tuple[str, ...], tuple[tuple[Any, ...], ...]]:
    cursor = plan.conn.execute(sql, params)
    return tuple(d[0] for d in cursor.description), tuple(cursor.fetchall())


def import_state(plan: PlanDB, before: ImportState | None = None) -> ImportState:
    """The state now: before an import (no `before`), or after it (the rows added since `before`)."""
    if before is None:
        floor = tuple((t, plan.query(f"SELECT COALESCE(MAX(id), 0) FROM {t}")[0][0]) for t in _ADDED_TABLES)
        added: tuple[tuple[str, tuple[str, ...], tuple[tuple[Any, ...], ...]], ...] = ()
    else:
        floor = before.floor
        added = tuple(
            (t, *_all(plan, f"SELECT * FROM {t} WHERE id > ? ORDER BY id", [last])) for t, last in floor
        )
    rows = plan.query("SELECT value FROM settings WHERE key = ?", [_IMPORTED_KEY])
    return ImportState(
        floor, added, _all(plan, "SELECT * FROM verdict ORDER BY id"), rows[0][0] if rows else None
    )


def write_import_state(plan: PlanDB, state: ImportState) -> None:
    """Make the plan's review-note records what `state` holds (undo and redo of an import)."""
    with plan.atomic():
        for table, last in reversed(state.floor):
            plan.execute(f"DELETE FROM {table} WHERE id > ?", [last])
        for table, columns, rows in state.added:
            marks = ",".join("?" * len(columns))
            for row in rows:
                plan.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})", row)
        plan.execute("DELETE FROM verdict")
        columns, rows = state.verdicts
        for row in rows:
            plan.execute(
                f"INSERT INTO verdict ({', '.join(columns)}) VALUES ({','.join('?' * len(columns))})", row
            )
        if state.imported is None:
            plan.execute("DELETE FROM settings WHERE key = ?", [_IMPORTED_KEY])
        else:
            plan.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [_IMPORTED_KEY, state.imported],
            )
