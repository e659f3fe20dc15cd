"""Action, competition, manual-flag and note repository: the rest of a Blue Sheet."""

from __future__ import annotations

from typing import Any

from planner.model import Action, ActionStatus, CompetitionKind, Competitor, ManualFlag, Note
from planner.storage.convert import from_date, now_stamp, to_date
from planner.storage.db import PlanDB


def insert_action(plan: PlanDB, action: Action) -> int:
    """Insert an action (action.id 0 means a new id) and return the id."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO action (id, opportunity_id, what, who, due, status, done_on, flag_ref)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [
                action.id or None,
                action.opportunity_id,
                action.what,
                action.who,
                from_date(action.due),
                action.status.value,
                from_date(action.done_on),
                action.flag_ref,
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_actions(plan: PlanDB, opportunity_id: int) -> list[Action]:
    """A deal's actions: open ones by due date, then done ones."""
    rows = plan.query(
        "SELECT id, opportunity_id, what, who, due, status, done_on, flag_ref FROM action"
        " WHERE opportunity_id = ? ORDER BY status = 'done', due IS NULL, due, id",
        [opportunity_id],
    )
    return [
        Action(
            id=r[0],
            opportunity_id=r[1],
            what=r[2],
            who=r[3],
            due=to_date(r[4]),
            status=ActionStatus(r[5]),
            done_on=to_date(r[6]),
            flag_ref=r[7],
        )
        for r in rows
    ]


def insert_competitor(plan: PlanDB, competitor: Competitor) -> int:
    """Insert a competitor and return its id."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO competitor (id, opportunity_id, name, kind, notes) VALUES (?, ?, ?, ?, ?)",
            [
                competitor.id or None,
                competitor.opportunity_id,
                competitor.name,
                competitor.kind.value,
                competitor.notes,
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_competitors(plan: PlanDB, opportunity_id: int) -> list[Competitor]:
    """A deal's competition."""
    rows = plan.query(
        "SELECT id, opportunity_id, name, kind, notes FROM competitor WHERE opportunity_id = ? ORDER BY id",
        [opportunity_id],
    )
    return [Competitor(r[0], r[1], r[2], CompetitionKind(r[3]), r[4]) for r in rows]


def insert_manual_flag(plan: PlanDB, flag: ManualFlag) -> int:
    """Insert a seller's own red flag or strength and return its id."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO manual_flag (id, opportunity_id, is_strength, text, influence_id)"
            " VALUES (?, ?, ?, ?, ?)",
            [flag.id or None, flag.opportunity_id, int(flag.is_strength), flag.text, flag.influence_id],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_manual_flags(plan: PlanDB, opportunity_id: int) -> list[ManualFlag]:
    """A deal's manual flags and strengths."""
    rows = plan.query(
        "SELECT id, opportunity_id, is_strength, text, influence_id FROM manual_flag"
        " WHERE opportunity_id = ? ORDER BY id",
        [opportunity_id],
    )
    return [ManualFlag(r[0], r[1], bool(r[2]), r[3], r[4]) for r in rows]


def _note(r: tuple[Any, ...]) -> Note:
    return Note(
        id=r[0],
        body=r[1],
        opportunity_id=r[2],
        account_id=r[3],
        private=bool(r[4]),
        author=r[5],
        created=r[6],
    )


def insert_note(plan: PlanDB, note: Note) -> int:
    """Insert a note and return its id."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO note (id, opportunity_id, account_id, body, private, author, created)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                note.id or None,
                note.opportunity_id,
                note.account_id,
                note.body,
                int(note.private),
                note.author,
                note.created or now_stamp(),
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_notes(plan: PlanDB, opportunity_id: int) -> list[Note]:
    """A deal's notes, oldest first."""
    rows = plan.query(
        "SELECT id, body, opportunity_id, account_id, private, author, created FROM note"
        " WHERE opportunity_id = ? ORDER BY created, id",
        [opportunity_id],
    )
    return [_note(r) for r in rows]
