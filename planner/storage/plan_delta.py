"""What one large write changed in a plan, row by row, so that it can be taken back and redone.

An import touches accounts, people, deals, histories and settings at once. Every row of every
table is read before and after it; the rows that differ are kept (added, removed, changed), and
undo writes the old ones back exactly, redo the new ones. Only the difference stays in memory.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from planner.storage.db import PlanDB
from planner.storage.migrations import INDEX_TABLES

Row = tuple[Any, ...]
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class TableState:
    """Every row of one table by rowid, with its column names."""

    table: str
    columns: tuple[str, ...]
    rows: dict[int, Row]


@dataclass(frozen=True, slots=True)
class TableDelta:
    """The rows of one table that a write added, removed or changed (old and new)."""

    table: str
    columns: tuple[str, ...]
    added: tuple[Row, ...]  # rows as written (rowid first)
    removed: tuple[Row, ...]
    changed: tuple[tuple[Row, Row], ...]  # (before, after)


@dataclass(frozen=True, slots=True)
class PlanDelta:
    """Everything one write changed."""

    tables: tuple[TableDelta, ...]

    @property
    def empty(self) -> bool:
        return not any(t.added or t.removed or t.changed for t in self.tables)


def plan_tables(plan: PlanDB) -> list[str]:
    """The plan's own tables (SQLite's, the migration record and the search index left out).

    The search index is derived from the rows: the triggers queue every row that undo or redo
    writes back, and the transaction indexes them before it commits (PlanDB.atomic).
    """
    rows = plan.query(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
        " AND name != '_sqlite_migrations' ORDER BY rowid"
    )
    return [r[0] for r in rows if r[0] not in INDEX_TABLES]


def capture(plan: PlanDB, tables: Sequence[str] | None = None) -> list[TableState]:
    """Every row of the given tables (all of the plan's when None)."""
    states = []
    for table in tables if tables is not None else plan_tables(plan):
        cursor = plan.conn.execute(f"SELECT rowid, * FROM {table}")
        columns = tuple(d[0] for d in cursor.description[1:])
        states.append(TableState(table, columns, {r[0]: r for r in cursor.fetchall()}))
    return states


def difference(before: Sequence[TableState], after: Sequence[TableState]) -> PlanDelta:
    """The rows that differ between two captures of the same tables."""
    deltas = []
    for old, new in zip(before, after, strict=True):
        added = tuple(row for key, row in new.rows.items() if key not in old.rows)
        removed = tuple(row for key, row in old.rows.items() if key not in new.rows)
        changed = tuple(
            (row, new.rows[key]) for key, row in old.rows.items() if key in new.rows and new.rows[key] != row
        )
        if added or removed or changed:
            deltas.append(TableDelta(new.table, new.columns, added, removed, changed))
    return PlanDelta(tuple(deltas))


def _write(plan: PlanDB, delta: PlanDelta, *, undo: bool) -> None:
    with plan.atomic():
        # Rows go back in any order: the foreign keys are checked once, at the end.
        plan.execute("PRAGMA defer_foreign_keys = ON")
        for part in delta.tables:
            assignments = ", ".join(f'"{c}" = ?' for c in part.columns)
            for before, after in part.changed:
                row = before if undo else after
                plan.execute(f"UPDATE {part.table} SET {assignments} WHERE rowid = ?", [*row[1:], row[0]])
        for part in delta.tables:
            for row in part.added if undo else part.removed:
                plan.execute(f"DELETE FROM {part.table} WHERE rowid = ?", [row[0]])
        for part in delta.tables:
            names = ", ".join(["rowid", *(f'"{c}"' for c in part.columns)])
            marks = ",".join("?" * (len(part.columns) + 1))
            for row in part.removed if undo else part.added:
                plan.execute(f"INSERT INTO {part.table} ({names}) VALUES ({marks})", row)


def undo(plan: PlanDB, delta: PlanDelta) -> None:
    """Make the changed rows what they were before the write, in one transaction."""
    _write(plan, delta, undo=True)


def redo(plan: PlanDB, delta: PlanDelta) -> None:
    """Make them what the write made them again."""
    _write(plan, delta, undo=False)


def recorded(plan: PlanDB, write: Callable[[], T]) -> tuple[T, PlanDelta]:
    """Run `write` and return its result with what it changed in every table."""
    before = capture(plan)
    result = write()
    return result, difference(before, capture(plan))
