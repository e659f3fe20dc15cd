"""Whole-record snapshots, so deleting a deal or an account can be undone exactly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from planner.storage.db import PlanDB

# Insert order respects foreign keys.
_CHILD_TABLES = (
    "stage_history",
    "close_date_history",
    "buying_influence",
    "competitor",
    "manual_flag",
    "action",
    "note",
    "call_plan",
    "commitment",  # after call_plan: it may point to one
    "amount_history",
    "import_change",
    "coaching_item",  # after action: it may point to one
    "verdict",
)


@dataclass(frozen=True, slots=True)
class TableRows:
    """Rows of one table, with their column names."""

    table: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]


@dataclass(frozen=True, slots=True)
class Snapshot:
    """Everything a delete removes, and the parent links it cleared."""

    tables: tuple[TableRows, ...]
    child_accounts: tuple[int, ...] = ()
    parent_id: int | None = None


def _rows(plan: PlanDB, table: str, where: str, params: list[Any]) -> TableRows:
    cursor = plan.conn.execute(f"SELECT * FROM {table} WHERE {where} ORDER BY id", params)
    columns = tuple(d[0] for d in cursor.description)
    return TableRows(table, columns, tuple(cursor.fetchall()))


def _opportunity_tables(plan: PlanDB, where: str, params: list[Any]) -> list[TableRows]:
    ids = [r[0] for r in plan.query(f"SELECT id FROM opportunity WHERE {where}", params)]
    marks = ",".join("?" * len(ids))
    tables = [_rows(plan, "opportunity", f"id IN ({marks})", list(ids))]
    tables += [_rows(plan, t, f"opportunity_id IN ({marks})", list(ids)) for t in _CHILD_TABLES]
    return tables


def capture_opportunity(plan: PlanDB, opportunity_id: int) -> Snapshot:
    """A deal with its histories and Blue Sheet."""
    return Snapshot(tuple(_opportunity_tables(plan, "id = ?", [opportunity_id])))


def capture_account(plan: PlanDB, account_id: int) -> Snapshot:
    """An account with its people, notes, deals and their Blue Sheets."""
    tables = [
        _rows(plan, "account", "id = ?", [account_id]),
        _rows(plan, "person", "account_id = ?", [account_id]),
        *_opportunity_tables(plan, "account_id = ?", [account_id]),
        _rows(plan, "note", "account_id = ? AND opportunity_id IS NULL", [account_id]),
    ]
    children = tuple(r[0] for r in plan.query("SELECT id FROM account WHERE parent_id = ?", [account_id]))
    return Snapshot(tuple(tables), child_accounts=children, parent_id=account_id)


def restore(plan: PlanDB, snapshot: Snapshot) -> None:
    """Put a captured record back with its original ids, in one transaction."""
    with plan.atomic():
        for part in snapshot.tables:
            if not part.rows:
                continue
            marks = ",".join("?" * len(part.columns))
            sql = f"INSERT INTO {part.table} ({','.join(part.columns)}) VALUES ({marks})"
            for row in part.rows:
                plan.execute(sql, row)
        for child in snapshot.child_accounts:
            plan.execute("UPDATE account SET parent_id = ? WHERE id = ?", [snapshot.parent_id, child])


def replace_opportunity(plan: PlanDB, opportunity_id: int, snapshot: Snapshot) -> None:
    """Make a deal exactly what `snapshot` holds (undo/redo of edits and moves)."""
    with plan.atomic():
        plan.execute("DELETE FROM opportunity WHERE id = ?", [opportunity_id])
        restore(plan, snapshot)


def capture_row(plan: PlanDB, table: str, row_id: int) -> TableRows:
    """One row of a table (an account before an edit)."""
    return _rows(plan, table, "id = ?", [row_id])


def overwrite_row(plan: PlanDB, rows: TableRows) -> None:
    """Write a captured row back over the current one, every column (undo of an edit)."""
    with plan.atomic():
        for row in rows.rows:
            assignments = ", ".join(f"{c} = ?" for c in rows.columns[1:])
            plan.execute(f"UPDATE {rows.table} SET {assignments} WHERE id = ?", [*row[1:], row[0]])


def capture_table(plan: PlanDB, table: str) -> TableRows:
    """Every row of a small table (the stage definitions)."""
    return _rows(plan, table, "1 = 1", [])


def upsert_rows(plan: PlanDB, rows: TableRows) -> None:
    """Write captured rows back: update those that exist, insert the missing ones.

    Rows are updated in place rather than replaced, because other tables refer to them.
    """
    with plan.atomic():
        assignments = ", ".join(f"{c} = ?" for c in rows.columns[1:])
        marks = ",".join("?" * len(rows.columns))
        for row in rows.rows:
            cursor = plan.execute(f"UPDATE {rows.table} SET {assignments} WHERE id = ?", [*row[1:], row[0]])
            if cursor.rowcount == 0:
                plan.execute(f"INSERT INTO {rows.table} ({','.join(rows.columns)}) VALUES ({marks})", row)


def delete_rows_not_in(plan: PlanDB, rows: TableRows) -> None:
    """Delete the rows of the table that the capture does not hold (added since)."""
    keep = [row[0] for row in rows.rows]
    with plan.atomic():
        plan.execute(f"DELETE FROM {rows.table} WHERE id NOT IN ({','.join('?' * len(keep))})", keep)


def capture_ids(plan: PlanDB, table: str, ids: list[int]) -> TableRows:
    """The rows of a table with these ids (those that exist), for undoing an edit of several."""
    return _rows(plan, table, f"id IN ({','.join('?' * len(ids))})", list(ids))


def delete_ids(plan: PlanDB, table: str, ids: list[int]) -> None:
    """Delete the rows of a table with these ids."""
    with plan.atomic():
        plan.execute(f"DELETE FROM {table} WHERE id IN ({','.join('?' * len(ids))})", list(ids))
