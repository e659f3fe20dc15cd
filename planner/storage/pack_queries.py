"""Bulk reads for the review pack, and the record of imported review notes: SQL kept in storage."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from planner.model import (
    Action,
    ActionStatus,
    BuyingInfluence,
    CloseDateChange,
    CompetitionKind,
    Competitor,
    Note,
    Person,
    StageMove,
)
from planner.storage import activities
from planner.storage import people as people_repo
from planner.storage.convert import now_stamp
from planner.storage.db import PlanDB

# As the board and the Blue Sheet loader: SQLite takes more host parameters, one habit.
CHUNK = 500
# The settings key that lists the stable ids of the review notes already imported.
IMPORTED_REVIEW_NOTES = "imported_review_notes"
# The settings key of the plan's own secret (planner.storage.migrations makes it): it signs the
# deals of each bundle, so review notes reach only deals the manager was shown.
REVIEW_KEY = "review_key"
_CLOSED_LEVELS = "('won', 'lost', 'walked_away')"
# Plans made before a plan id existed get one derived from their creation: stable for the file
# and its copies, never written (an export must not change the plan).
_PLAN_ID_NAMESPACE = uuid.UUID("6f1d0c3a-5b0e-4a57-9a8e-2f6f2c1b7e11")


def _chunks(ids: Sequence[int]) -> Iterable[list[int]]:
    unique = list(dict.fromkeys(ids))
    for start in range(0, len(unique), CHUNK):
        yield unique[start : start + CHUNK]


def _marks(chunk: Sequence[int]) -> str:
    return ",".join("?" * len(chunk))


def plan_id(plan: PlanDB) -> str:
    """The plan's stable id: the `plan_id` setting, else one derived from when the plan was created."""
    rows = plan.query("SELECT value FROM settings WHERE key = 'plan_id'")
    if rows:
        try:
            value = json.loads(rows[0][0])
        except ValueError:
            value = None
        if isinstance(value, str) and value.strip():
            return value
    created = plan.query("SELECT applied_at FROM _sqlite_migrations ORDER BY rowid LIMIT 1")
    seed = str(created[0][0]) if created else "no-migrations"
    return str(uuid.uuid5(_PLAN_ID_NAMESPACE, seed))


def scope_deal_ids(
    plan: PlanDB,
    *,
    account_ids: Sequence[int] | None = None,
    close_from: dt.date | None = None,
    close_to: dt.date | None = None,
    open_only: bool = True,
) -> list[int]:
    """Ids of the deals in the given accounts (all when None) closing in [close_from, close_to]."""
    where = []
    params: list[Any] = []
    if open_only:
        where.append(f"stage_id IN (SELECT id FROM stage WHERE level NOT IN {_CLOSED_LEVELS})")
    if close_from is not None:
        where.append("close_date >= ?")
        params.append(close_from.isoformat())
    if close_to is not None:
        where.append("close_date <= ?")
        params.append(close_to.isoformat())
    sql = "SELECT id FROM opportunity" + (" WHERE " + " AND ".join(where) if where else "")
    if account_ids is None:
        return [r[0] for r in plan.query(sql + " ORDER BY id", params)]
    found: set[int] = set()
    for chunk in _chunks(account_ids):
        joiner = " AND " if where else " WHERE "
        rows = plan.query(sql + f"{joiner}account_id IN ({_marks(chunk)})", [*params, *chunk])
        found.update(r[0] for r in rows)
    return sorted(found)


def existing_deal_ids(plan: PlanDB, ids: Sequence[int]) -> list[int]:
    """The given deal ids that exist, in the caller's order."""
    found: set[int] = set()
    for chunk in _chunks(ids):
        found.update(
            r[0] for r in plan.query(f"SELECT id FROM opportunity WHERE id IN ({_marks(chunk)})", chunk)
        )
    return [i for i in dict.fromkeys(ids) if i in found]


@dataclass(frozen=True, slots=True)
class PackRecords:
    """The rest of the Blue Sheets of a set of deals, grouped by opportunity id, each in display order."""

    influences: dict[int, list[BuyingInfluence]]
    people: dict[int, Person]
    competitors: dict[int, list[Competitor]]
    actions: dict[int, list[Action]]
    notes: dict[int, list[Note]]
    stage_moves: dict[int, list[StageMove]]
    close_date_changes: dict[int, list[CloseDateChange]]


def load_pack_records(plan: PlanDB, opportunity_ids: Sequence[int]) -> PackRecords:
    """Influences (with their people), competition, actions, notes and histories of the given deals."""
    records = PackRecords({}, {}, {}, {}, {}, {}, {})
    for chunk in _chunks(opportunity_ids):
        marks = _marks(chunk)
        for r in plan.query(
            f"SELECT {people_repo._INFLUENCE} FROM buying_influence WHERE opportunity_id IN ({marks})"
            " ORDER BY opportunity_id, id",
            chunk,
        ):
            records.influences.setdefault(r[1], []).append(people_repo._influence(r))
        for r in plan.query(
            f"SELECT {people_repo._PERSON} FROM person WHERE id IN (SELECT person_id FROM buying_influence"
            f" WHERE opportunity_id IN ({marks})) OR id IN (SELECT reports_to_id FROM buying_influence"
            f" WHERE opportunity_id IN ({marks}))",
            [*chunk, *chunk],
        ):
            records.people[r[0]] = people_repo._person(r)
        for r in plan.query(
            "SELECT id, opportunity_id, name, kind, notes FROM competitor"
            f" WHERE opportunity_id IN ({marks}) ORDER BY opportunity_id, id",
            chunk,
        ):
            kind = CompetitionKind(r[3]) if r[3] in _COMPETITION_KINDS else CompetitionKind.VENDOR
            records.competitors.setdefault(r[1], []).append(Competitor(r[0], r[1], r[2], kind, r[4]))
        for r in plan.query(
            "SELECT id, opportunity_id, what, who, due, status, done_on, flag_ref FROM action"
            f" WHERE opportunity_id IN ({marks})"
            " ORDER BY opportunity_id, status = 'done', due IS NULL, due, id",
            chunk,
        ):
            status = ActionStatus(r[5]) if r[5] in _ACTION_STATUSES else ActionStatus.POSSIBLE
            records.actions.setdefault(r[1], []).append(
                Action(
                    r[0], r[1], r[2], r[3], people_repo.date_of(r[4]), status, people_repo.date_of(r[6]), r[7]
                )
            )
        for r in plan.query(
            "SELECT id, body, opportunity_id, account_id, private, author, created FROM note"
            f" WHERE opportunity_id IN ({marks}) AND hidden = 0 ORDER BY opportunity_id, created, id",
            chunk,
        ):
            records.notes.setdefault(r[2], []).append(activities._note(r))
        for r in plan.query(
            "SELECT id, opportunity_id, from_stage_id, to_stage_id, moved_at, commitment_date,"
            f" commitment, reason FROM stage_history WHERE opportunity_id IN ({marks})"
            " ORDER BY opportunity_id, moved_at, id",
            chunk,
        ):
            records.stage_moves.setdefault(r[1], []).append(
                StageMove(r[0], r[1], r[2], r[3], r[4], people_repo.date_of(r[5]), r[6], r[7])
            )
        for r in plan.query(
            "SELECT id, opportunity_id, old_date, new_date, changed_at FROM close_date_history"
            f" WHERE opportunity_id IN ({marks}) ORDER BY opportunity_id, changed_at, id",
            chunk,
        ):
            records.close_date_changes.setdefault(r[1], []).append(
                CloseDateChange(r[0], r[1], people_repo.date_of(r[2]), people_repo.date_of(r[3]), r[4])
            )
    return records


_COMPETITION_KINDS = frozenset(k.value for k in CompetitionKind)
_ACTION_STATUSES = frozenset(s.value for s in ActionStatus)


def plan_notes(plan: PlanDB, author: str) -> list[Note]:
    """Notes on no deal and no account by `author`: the manager's notes on the whole plan."""
    rows = plan.query(
        "SELECT id, body, opportunity_id, account_id, private, author, created FROM note"
        " WHERE opportunity_id IS NULL AND account_id IS NULL AND author = ? AND hidden = 0"
        " ORDER BY created, id",
        [author],
    )
    return [activities._note(r) for r in rows]


def review_key(plan: PlanDB) -> bytes | None:
    """The plan's review key, or None when it has none (a plan made by another program)."""
    rows = plan.query("SELECT value FROM settings WHERE key = ?", [REVIEW_KEY])
    if not rows:
        return None
    try:
        value = json.loads(rows[0][0])
        return bytes.fromhex(value) if isinstance(value, str) and len(value) >= 32 else None
    except ValueError:
        return None


def imported_review_note_ids(plan: PlanDB) -> set[str]:
    """The stable ids of the review notes this plan already holds."""
    rows = plan.query("SELECT value FROM settings WHERE key = ?", [IMPORTED_REVIEW_NOTES])
    if not rows:
        return set()
    try:
        value = json.loads(rows[0][0])
    except ValueError:
        return set()
    return {v for v in value if isinstance(v, str)} if isinstance(value, list) else set()


@dataclass(frozen=True, slots=True)
class ManagerNote:
    """One review note to attach: its stable id, its deal (None: the whole plan), text and time."""

    note_id: str
    opportunity_id: int | None
    body: str
    created: str


def add_manager_notes(plan: PlanDB, notes: Sequence[ManagerNote]) -> list[ManagerNote]:
    """Insert the notes whose stable id the plan does not hold yet, in one transaction; returns those."""
    with plan.atomic():
        known = imported_review_note_ids(plan)
        added: list[ManagerNote] = []
        for note in notes:
            if note.note_id in known:
                continue
            known.add(note.note_id)
            plan.execute(
                "INSERT INTO note (opportunity_id, account_id, body, private, author, created)"
                " VALUES (?, NULL, ?, 0, 'manager', ?)",
                [note.opportunity_id, note.body, note.created or now_stamp()],
            )
            added.append(note)
        if added:
            plan.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [IMPORTED_REVIEW_NOTES, json.dumps(sorted(known))],
            )
    return added


def set_position(plan: PlanDB, opportunity_id: int, position: int | None) -> None:
    """Set a deal's current position (-5..+5, None when unset)."""
    with plan.atomic():
        plan.execute("UPDATE opportunity SET position = ? WHERE id = ?", [position, opportunity_id])


def deal_ids_by_external_id(plan: PlanDB, external_ids: Sequence[str]) -> dict[str, int]:
    """CRM id -> deal id, for the CRM ids a plan holds (the first deal when several share one)."""
    found: dict[str, int] = {}
    unique = list(dict.fromkeys(external_ids))
    for start in range(0, len(unique), CHUNK):
        chunk = unique[start : start + CHUNK]
        marks = ",".join("?" * len(chunk))
        for external_id, deal_id in plan.query(
            f"SELECT external_id, id FROM opportunity WHERE external_id IN ({marks}) ORDER BY id", chunk
        ):
            found.setdefault(external_id, deal_id)
    return found


def deal_external_ids(plan: PlanDB, ids: Sequence[int]) -> dict[int, str | None]:
    """Deal id -> its CRM id (None when it has none), for the ids that exist."""
    found: dict[int, str | None] = {}
    for chunk in _chunks(ids):
        for deal_id, external_id in plan.query(
            f"SELECT id, external_id FROM opportunity WHERE id IN ({_marks(chunk)})", chunk
        ):
            found[deal_id] = external_id
    return found
