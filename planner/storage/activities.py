"""Action, competition, manual-flag and note repository: the rest of a Blue Sheet."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from planner.model import Action, ActionStatus, CompetitionKind, Competitor, ManualFlag, Note
from planner.storage.convert import from_date, now_stamp
from planner.storage.db import PlanDB
from planner.storage.people import date_of

# Values the CHECK constraints would refuse today (from an import or an older file) read as the
# default, never as an exception: the Blue Sheet panel must open whatever the file holds.
_STATUSES: dict[object, ActionStatus] = {s.value: s for s in ActionStatus}
_KINDS: dict[object, CompetitionKind] = {k.value: k for k in CompetitionKind}
_ACTION = "id, opportunity_id, what, who, due, status, done_on, flag_ref"


def _action(r: tuple[Any, ...]) -> Action:
    return Action(
        id=r[0],
        opportunity_id=r[1],
        what=r[2],
        who=r[3],
        due=date_of(r[4]),
        status=_STATUSES.get(r[5], ActionStatus.POSSIBLE),
        done_on=date_of(r[6]),
        flag_ref=r[7],
    )


def _competitor(r: tuple[Any, ...]) -> Competitor:
    return Competitor(r[0], r[1], r[2], _KINDS.get(r[3], CompetitionKind.VENDOR), r[4])


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
        f"SELECT {_ACTION} FROM action"
        " WHERE opportunity_id = ? ORDER BY status = 'done', due IS NULL, due, id",
        [opportunity_id],
    )
    return [_action(r) for r in rows]


def actions_of(plan: PlanDB, opportunity_ids: Sequence[int]) -> dict[int, list[Action]]:
    """The actions of a few deals (the cards on screen) by deal id, each list as `list_actions` orders it."""
    result: dict[int, list[Action]] = {}
    ids = list(opportunity_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = plan.query(
            f"SELECT {_ACTION} FROM action WHERE opportunity_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY opportunity_id, status = 'done', due IS NULL, due, id",
            chunk,
        )
        for r in rows:
            result.setdefault(r[1], []).append(_action(r))
    return result


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
    return [_competitor(r) for r in rows]


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
    """A deal's notes, oldest first (not the manager's notes the seller hid)."""
    rows = plan.query(
        "SELECT id, body, opportunity_id, account_id, private, author, created FROM note"
        " WHERE opportunity_id = ? AND hidden = 0 ORDER BY created, id",
        [opportunity_id],
    )
    return [_note(r) for r in rows]


def get_action(plan: PlanDB, action_id: int) -> Action | None:
    """One action, or None."""
    rows = plan.query(f"SELECT {_ACTION} FROM action WHERE id = ?", [action_id])
    return _action(rows[0]) if rows else None


def update_action(plan: PlanDB, action: Action) -> None:
    """Write every field of an action over the stored row."""
    with plan.atomic():
        plan.execute(
            "UPDATE action SET what = ?, who = ?, due = ?, status = ?, done_on = ?, flag_ref = ?"
            " WHERE id = ?",
            [
                action.what,
                action.who,
                from_date(action.due),
                action.status.value,
                from_date(action.done_on),
                action.flag_ref,
                action.id,
            ],
        )


def delete_action(plan: PlanDB, action_id: int) -> None:
    """Delete an action."""
    with plan.atomic():
        plan.execute("DELETE FROM action WHERE id = ?", [action_id])


def get_competitor(plan: PlanDB, competitor_id: int) -> Competitor | None:
    """One competitor, or None."""
    rows = plan.query(
        "SELECT id, opportunity_id, name, kind, notes FROM competitor WHERE id = ?", [competitor_id]
    )
    return _competitor(rows[0]) if rows else None


def update_competitor(plan: PlanDB, competitor: Competitor) -> None:
    """Write a competitor's name, kind and notes over the stored row."""
    with plan.atomic():
        plan.execute(
            "UPDATE competitor SET name = ?, kind = ?, notes = ? WHERE id = ?",
            [competitor.name, competitor.kind.value, competitor.notes, competitor.id],
        )


def delete_competitor(plan: PlanDB, competitor_id: int) -> None:
    """Delete a competitor."""
    with plan.atomic():
        plan.execute("DELETE FROM competitor WHERE id = ?", [competitor_id])


def get_manual_flag(plan: PlanDB, flag_id: int) -> ManualFlag | None:
    """One of the seller's own red flags or strengths, or None."""
    rows = plan.query(
        "SELECT id, opportunity_id, is_strength, text, influence_id FROM manual_flag WHERE id = ?", [flag_id]
    )
    return ManualFlag(rows[0][0], rows[0][1], bool(rows[0][2]), rows[0][3], rows[0][4]) if rows else None


def update_manual_flag(plan: PlanDB, flag: ManualFlag) -> None:
    """Write a manual flag's kind, text and influence over the stored row."""
    with plan.atomic():
        plan.execute(
            "UPDATE manual_flag SET is_strength = ?, text = ?, influence_id = ? WHERE id = ?",
            [int(flag.is_strength), flag.text, flag.influence_id, flag.id],
        )


def delete_manual_flag(plan: PlanDB, flag_id: int) -> None:
    """Delete one of the seller's own red flags or strengths."""
    with plan.atomic():
        plan.execute("DELETE FROM manual_flag WHERE id = ?", [flag_id])


def get_note(plan: PlanDB, note_id: int) -> Note | None:
    """One note, or None."""
    rows = plan.query(
        "SELECT id, body, opportunity_id, account_id, private, author, created FROM note WHERE id = ?",
        [note_id],
    )
    return _note(rows[0]) if rows else None


def update_note(plan: PlanDB, note: Note) -> None:
    """Write a note's body and privacy over the stored row (author and creation time stay)."""
    with plan.atomic():
        plan.execute(
            "UPDATE note SET body = ?, private = ? WHERE id = ?", [note.body, int(note.private), note.id]
        )


def set_note_hidden(plan: PlanDB, note_id: int, hidden: bool) -> None:
    """Hide a note from every view and export (or show it again); it stays in the plan."""
    with plan.atomic():
        plan.execute("UPDATE note SET hidden = ? WHERE id = ?", [int(hidden), note_id])


def delete_note(plan: PlanDB, note_id: int) -> None:
    """Delete a note."""
    with plan.atomic():
        plan.execute("DELETE FROM note WHERE id = ?", [note_id])
