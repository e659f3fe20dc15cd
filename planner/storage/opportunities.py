"""Opportunity repository, with its stage and close-date histories."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from planner.model import (
    AmountChange,
    CloseDateChange,
    ForecastCategory,
    ImportChange,
    Opportunity,
    OpportunityDraft,
    StageMove,
)
from planner.stage_moves import MoveBookkeeping
from planner.storage.convert import from_date, now_stamp, to_date
from planner.storage.db import PlanDB
from planner.storage.pipelines import follow_stage

_COLUMNS = (
    "id, title, account_id, stage_id, product, quantity, amount, currency, close_date,"
    " probability_override, forecast_category, position, next_step, stage_entered, closed_on,"
    " close_reason, last_open_stage_id, snooze_until, snooze_reason, created, updated,"
    " external_id, source, close_reason_code, close_competitor"
)


def _opportunity(r: tuple[Any, ...]) -> Opportunity:
    return Opportunity(
        id=r[0],
        title=r[1],
        account_id=r[2],
        stage_id=r[3],
        product=r[4],
        quantity=r[5],
        amount=r[6],
        currency=r[7],
        close_date=to_date(r[8]),
        probability_override=r[9],
        forecast_category=ForecastCategory(r[10]) if r[10] else None,
        position=r[11],
        next_step=r[12],
        stage_entered=to_date(r[13]),
        closed_on=to_date(r[14]),
        close_reason=r[15],
        last_open_stage_id=r[16],
        snooze_until=to_date(r[17]),
        snooze_reason=r[18],
        created=r[19],
        updated=r[20],
        external_id=r[21],
        source=r[22],
        close_reason_code=r[23],
        close_competitor=r[24],
    )


def get_opportunity(plan: PlanDB, opportunity_id: int) -> Opportunity | None:
    """One opportunity, or None."""
    rows = plan.query(f"SELECT {_COLUMNS} FROM opportunity WHERE id = ?", [opportunity_id])
    return _opportunity(rows[0]) if rows else None


def list_opportunities(plan: PlanDB, *, account_id: int | None = None) -> list[Opportunity]:
    """Every opportunity (of one account when given), by id."""
    if account_id is None:
        rows = plan.query(f"SELECT {_COLUMNS} FROM opportunity ORDER BY id")
    else:
        rows = plan.query(
            f"SELECT {_COLUMNS} FROM opportunity WHERE account_id = ? ORDER BY id", [account_id]
        )
    return [_opportunity(r) for r in rows]


def count_opportunities(plan: PlanDB) -> int:
    """How many opportunities the plan holds."""
    return int(plan.query("SELECT COUNT(*) FROM opportunity")[0][0])


def insert_opportunity(
    plan: PlanDB,
    draft: OpportunityDraft,
    *,
    stage_entered: dt.date,
    opportunity_id: int | None = None,
    external_id: str | None = None,
    source: str | None = None,
    created: str | None = None,
) -> int:
    """Insert an opportunity and return its id (`created` for imported or demo history)."""
    stamp = created or now_stamp()
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO opportunity (id, title, account_id, stage_id, product, quantity, amount,"
            " currency, close_date, probability_override, forecast_category, next_step,"
            " stage_entered, created, updated, external_id, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                opportunity_id,
                draft.title.strip(),
                draft.account_id,
                draft.stage_id,
                draft.product,
                draft.quantity,
                draft.amount,
                draft.currency,
                from_date(draft.close_date),
                draft.probability_override,
                draft.forecast_category.value if draft.forecast_category else None,
                draft.next_step,
                from_date(stage_entered),
                stamp,
                stamp,
                external_id,
                source,
            ],
        )
        assert cursor.lastrowid is not None
        follow_stage(plan, cursor.lastrowid)
    return cursor.lastrowid


def update_opportunity(plan: PlanDB, opportunity_id: int, draft: OpportunityDraft) -> None:
    """Replace the editable fields; a changed close date is added to the close-date history."""
    with plan.atomic():
        old = plan.query(
            "SELECT close_date, amount, currency FROM opportunity WHERE id = ?", [opportunity_id]
        )
        if not old:
            raise KeyError(opportunity_id)
        new_close = from_date(draft.close_date)
        if old[0][0] != new_close:
            add_close_date_change(plan, opportunity_id, to_date(old[0][0]), draft.close_date)
        if (old[0][1], old[0][2]) != (draft.amount, draft.currency):
            add_amount_change(plan, opportunity_id, (old[0][1], old[0][2]), (draft.amount, draft.currency))
        plan.execute(
            "UPDATE opportunity SET title = ?, account_id = ?, stage_id = ?, product = ?,"
            " quantity = ?, amount = ?, currency = ?, close_date = ?, probability_override = ?,"
            " forecast_category = ?, next_step = ?, updated = ? WHERE id = ?",
            [
                draft.title.strip(),
                draft.account_id,
                draft.stage_id,
                draft.product,
                draft.quantity,
                draft.amount,
                draft.currency,
                new_close,
                draft.probability_override,
                draft.forecast_category.value if draft.forecast_category else None,
                draft.next_step,
                now_stamp(),
                opportunity_id,
            ],
        )
        follow_stage(plan, opportunity_id)


def set_stage(
    plan: PlanDB, opportunity_id: int, stage_id: int, *, entered: dt.date, last_open_stage_id: int | None
) -> None:
    """Put a deal in a stage (history is written separately by the caller's transaction)."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity SET stage_id = ?, stage_entered = ?, last_open_stage_id = ?,"
            " updated = ? WHERE id = ?",
            [stage_id, from_date(entered), last_open_stage_id, now_stamp(), opportunity_id],
        )
        follow_stage(plan, opportunity_id)


def set_closed(
    plan: PlanDB,
    opportunity_id: int,
    closed_on: dt.date | None,
    reason: str,
    *,
    reason_code: str = "",
    competitor: str = "",
) -> None:
    """Record when and why a deal was won, lost or walked away from (None reopens it): the
    seller's note, the reason's code from the plan's list and the competitor who won."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity SET closed_on = ?, close_reason = ?, close_reason_code = ?,"
            " close_competitor = ?, updated = ? WHERE id = ?",
            [from_date(closed_on), reason, reason_code, competitor, now_stamp(), opportunity_id],
        )


def set_close_date(
    plan: PlanDB, opportunity_id: int, old_date: dt.date | None, new_date: dt.date | None
) -> None:
    """Change only the close date, recording the change in its history."""
    with plan.atomic():
        add_close_date_change(plan, opportunity_id, old_date, new_date)
        plan.execute(
            "UPDATE opportunity SET close_date = ?, updated = ? WHERE id = ?",
            [from_date(new_date), now_stamp(), opportunity_id],
        )


def set_snooze(plan: PlanDB, opportunity_id: int, until: dt.date | None, reason: str) -> None:
    """Snooze the stale badge until a date with a reason (None clears the snooze)."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity SET snooze_until = ?, snooze_reason = ?, updated = ? WHERE id = ?",
            [from_date(until), reason, now_stamp(), opportunity_id],
        )


def delete_opportunity(plan: PlanDB, opportunity_id: int) -> None:
    """Delete a deal with its Blue Sheet and histories (foreign-key cascade)."""
    with plan.atomic():
        plan.execute("DELETE FROM opportunity WHERE id = ?", [opportunity_id])


def add_stage_move(
    plan: PlanDB,
    opportunity_id: int,
    from_stage_id: int | None,
    to_stage_id: int,
    *,
    commitment_date: dt.date | None,
    commitment: str = "",
    reason: str = "",
    moved_at: str | None = None,
    record_commitment: bool = True,
) -> int:
    """Record a move with the customer commitment that caused it (or the reason).

    A move's commitment is evidence like any other: unless the caller records it itself
    (`record_commitment=False`), it becomes a commitment record too, as migration 0004 copied
    the older ones (the stage moved from, the commitment's day, else the move's).
    """
    stamp = moved_at or now_stamp()
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, moved_at,"
            " commitment_date, commitment, reason) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                opportunity_id,
                from_stage_id,
                to_stage_id,
                stamp,
                from_date(commitment_date),
                commitment,
                reason,
            ],
        )
        if record_commitment and commitment:
            plan.execute(
                "INSERT INTO commitment (opportunity_id, stage_id, what, committed_on, created)"
                " VALUES (?, ?, ?, ?, ?)",
                [opportunity_id, from_stage_id, commitment, from_date(commitment_date) or stamp[:10], stamp],
            )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def stage_history(plan: PlanDB, opportunity_id: int) -> list[StageMove]:
    """A deal's moves, oldest first."""
    rows = plan.query(
        "SELECT id, opportunity_id, from_stage_id, to_stage_id, moved_at, commitment_date,"
        " commitment, reason FROM stage_history WHERE opportunity_id = ? ORDER BY moved_at, id",
        [opportunity_id],
    )
    return [
        StageMove(
            id=r[0],
            opportunity_id=r[1],
            from_stage_id=r[2],
            to_stage_id=r[3],
            moved_at=r[4],
            commitment_date=to_date(r[5]),
            commitment=r[6],
            reason=r[7],
        )
        for r in rows
    ]


def add_close_date_change(
    plan: PlanDB,
    opportunity_id: int,
    old_date: dt.date | None,
    new_date: dt.date | None,
    *,
    changed_at: str | None = None,
) -> int:
    """Record one close-date change."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO close_date_history (opportunity_id, old_date, new_date, changed_at)"
            " VALUES (?, ?, ?, ?)",
            [opportunity_id, from_date(old_date), from_date(new_date), changed_at or now_stamp()],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def add_amount_change(
    plan: PlanDB,
    opportunity_id: int,
    old: tuple[float | None, str],
    new: tuple[float | None, str],
    *,
    source: str = "",
    changed_at: str | None = None,
) -> None:
    """Record one change of a deal's amount or currency (`source` '' for the seller's own edit,
    else the CRM source an import came from)."""
    with plan.atomic():
        plan.execute(
            "INSERT INTO amount_history (opportunity_id, old_amount, new_amount, old_currency,"
            " new_currency, changed_at, source) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [opportunity_id, old[0], new[0], old[1], new[1], changed_at or now_stamp(), source],
        )


def amount_history(plan: PlanDB, opportunity_id: int) -> list[AmountChange]:
    """A deal's amount changes, oldest first."""
    rows = plan.query(
        "SELECT id, opportunity_id, old_amount, new_amount, old_currency, new_currency, changed_at,"
        " source FROM amount_history WHERE opportunity_id = ? ORDER BY changed_at, id",
        [opportunity_id],
    )
    return [AmountChange(*r) for r in rows]


def import_changes(plan: PlanDB, opportunity_id: int) -> list[ImportChange]:
    """What imports wrote on a deal, oldest first (fields: the columns set, or ['created'])."""
    rows = plan.query(
        "SELECT id, opportunity_id, source, changed_at, fields FROM import_change"
        " WHERE opportunity_id = ? ORDER BY changed_at, id",
        [opportunity_id],
    )
    return [ImportChange(r[0], r[1], r[2], r[3], _fields(r[4])) for r in rows]


def amount_histories(plan: PlanDB, opportunity_ids: list[int]) -> dict[int, list[AmountChange]]:
    """The amount changes of many deals (the review pack), oldest first, by deal."""
    found: dict[int, list[AmountChange]] = {}
    for start in range(0, len(opportunity_ids), 500):
        chunk = opportunity_ids[start : start + 500]
        rows = plan.query(
            "SELECT id, opportunity_id, old_amount, new_amount, old_currency, new_currency, changed_at,"
            f" source FROM amount_history WHERE opportunity_id IN ({','.join('?' * len(chunk))})"
            " ORDER BY changed_at, id",
            chunk,
        )
        for r in rows:
            found.setdefault(r[1], []).append(AmountChange(*r))
    return found


def import_changes_of(plan: PlanDB, opportunity_ids: list[int]) -> dict[int, list[ImportChange]]:
    """What imports wrote on many deals (the review pack), oldest first, by deal."""
    found: dict[int, list[ImportChange]] = {}
    for start in range(0, len(opportunity_ids), 500):
        chunk = opportunity_ids[start : start + 500]
        rows = plan.query(
            "SELECT id, opportunity_id, source, changed_at, fields FROM import_change"
            f" WHERE opportunity_id IN ({','.join('?' * len(chunk))}) ORDER BY changed_at, id",
            chunk,
        )
        for r in rows:
            found.setdefault(r[1], []).append(ImportChange(r[0], r[1], r[2], r[3], _fields(r[4])))
    return found


def _fields(text: object) -> tuple[str, ...]:
    # Written by the importer as a JSON list; anything else (a hand-edited plan) reads as none.
    try:
        value = json.loads(text) if isinstance(text, str) else None
    except ValueError:
        return ()
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def close_date_history(plan: PlanDB, opportunity_id: int) -> list[CloseDateChange]:
    """A deal's close-date changes, oldest first."""
    rows = plan.query(
        "SELECT id, opportunity_id, old_date, new_date, changed_at FROM close_date_history"
        " WHERE opportunity_id = ? ORDER BY changed_at, id",
        [opportunity_id],
    )
    return [
        CloseDateChange(
            id=r[0], opportunity_id=r[1], old_date=to_date(r[2]), new_date=to_date(r[3]), changed_at=r[4]
        )
        for r in rows
    ]


def set_position(plan: PlanDB, opportunity_id: int, position: int | None) -> None:
    """The seller's current position on the deal, Panic (-5) .. Euphoric (+5); None: not set."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity SET position = ?, updated = ? WHERE id = ?",
            [position, now_stamp(), opportunity_id],
        )


def write_stage_move(plan: PlanDB, move: MoveBookkeeping, *, record_commitment: bool = True) -> None:
    """Write one move as planner.stage_moves decided it: the history row, the new stage, and the
    closed state when the move closes or reopens the deal."""
    with plan.atomic():
        add_stage_move(
            plan,
            move.opportunity_id,
            move.from_stage_id,
            move.to_stage_id,
            commitment_date=move.commitment_date,
            commitment=move.commitment,
            reason=move.reason,
            record_commitment=record_commitment,
        )
        set_stage(
            plan,
            move.opportunity_id,
            move.to_stage_id,
            entered=move.entered,
            last_open_stage_id=move.last_open_stage_id,
        )
        if move.closed is not None:
            set_closed(
                plan,
                move.opportunity_id,
                *move.closed,
                reason_code=move.close_code,
                competitor=move.close_competitor,
            )
