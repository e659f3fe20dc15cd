"""Copy what can still be read from a damaged plan into a new plan, table by table, row by row."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from planner.i18n import translate
from planner.storage import migrations
from planner.storage.db import PlanDB, PlanError, open_plan

# Parents before children (foreign keys are checked at the end); tables of later migrations
# come after these, in name order.
_TABLES = (
    "settings",
    "account",
    "stage",
    "opportunity",
    "stage_history",
    "close_date_history",
    "person",
    "buying_influence",
    "competitor",
    "manual_flag",
    "action",
    "note",
)
# Rowids are 64-bit: the largest jump over an unreadable stretch of a table.
_MAX_JUMP = 1 << 62
_MIN_ROWID = -(1 << 63)


@dataclass(frozen=True, slots=True)
class TableSalvage:
    """One table: rows copied, rows read but refused (broken values), whether reading stopped early."""

    table: str
    copied: int
    refused: int
    damaged: bool


@dataclass(frozen=True, slots=True)
class SalvageReport:
    """What `salvage` copied, per table, and the links it had to drop."""

    dest: Path
    tables: tuple[TableSalvage, ...]
    unlinked: int

    @property
    def copied(self) -> int:
        return sum(t.copied for t in self.tables)

    @property
    def complete(self) -> bool:
        """True when every row was read and copied as it was."""
        return self.unlinked == 0 and not any(t.refused or t.damaged for t in self.tables)


def salvage(source: Path, dest: Path) -> SalvageReport:
    """Make a new plan at `dest` holding every row of `source` that can still be read.

    `source` is only read (immutable: no lock, no side file written). Rows whose values break
    the schema are left out; links to rows that were lost are cleared, or the row dropped when
    the link is required.
    """
    if dest.exists():
        raise PlanError(
            translate("PlanFile", "{dest} already exists; choose another name.").format(dest=dest)
        )
    src = _open_source(source)
    try:
        try:
            names = {r[0] for r in src.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.Error as exc:
            raise PlanError(
                translate("PlanFile", "Nothing can be read from {source}: {error}.").format(
                    source=source, error=exc
                )
            ) from exc
        plan = open_plan(dest)
        try:
            report = _copy(src, plan, names, dest)
        finally:
            plan.close()
    finally:
        src.close()
    return report


def _open_source(source: Path) -> sqlite3.Connection:
    in_use = any(source.with_name(source.name + s).exists() for s in ("-wal", "-journal"))
    # A -wal file holds the last edits: read through it (read-only), or else touch nothing.
    uri = f"{source.resolve().as_uri()}?mode=ro" + ("" if in_use else "&immutable=1")
    try:
        return sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise PlanError(
            translate("PlanFile", "Nothing can be read from {source}: {error}.").format(
                source=source, error=exc
            )
        ) from exc


def _tables(plan: PlanDB) -> list[str]:
    """The new plan's tables, in copying order; SQLite's and the migrations record excluded."""
    found = {r[0] for r in plan.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
    found = {t for t in found if not t.startswith("sqlite_") and t != "_sqlite_migrations"}
    # The search index is rebuilt by its triggers as the rows are copied, never copied itself.
    found -= migrations.INDEX_TABLES
    return [t for t in _TABLES if t in found] + sorted(found - set(_TABLES))


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    try:
        return [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
    except sqlite3.Error:
        return []


def _copy(src: sqlite3.Connection, plan: PlanDB, names: set[str], dest: Path) -> SalvageReport:
    results = []
    # Off while copying: a child row may be read before its parent, or its parent lost.
    plan.conn.execute("PRAGMA foreign_keys = OFF")
    try:
        with plan.atomic():
            for table in _tables(plan):
                if table not in names:
                    continue
                wanted = _columns(plan.conn, table)
                columns = [c for c in _columns(src, table) if c in wanted]
                if not columns:
                    results.append(TableSalvage(table, 0, 0, True))
                    continue
                results.append(_copy_table(src, plan, table, columns))
            unlinked = _repair_links(plan)
    finally:
        plan.conn.execute("PRAGMA foreign_keys = ON")
    return SalvageReport(dest, tuple(results), unlinked)


def _copy_table(src: sqlite3.Connection, plan: PlanDB, table: str, columns: list[str]) -> TableSalvage:
    rows, damaged = _readable_rows(src, table, columns)
    defaults = plan.query("SELECT * FROM stage") if table == "stage" else []
    if defaults and rows:
        # The new plan's default stages make way for the seller's own.
        plan.execute("DELETE FROM stage")
    if table == "pipeline" and rows:
        plan.execute("DELETE FROM pipeline")  # likewise the new plan's one pipeline
    marks = ",".join("?" * len(columns))
    # OR REPLACE for settings (keys are unique), OR IGNORE elsewhere: a row whose values break a
    # CHECK or NOT NULL constraint is refused, the others still copied.
    verb = "INSERT OR REPLACE" if table == "settings" else "INSERT OR IGNORE"
    sql = f"{verb} INTO {table} ({','.join(columns)}) VALUES ({marks})"
    copied = 0
    for row in rows:
        if plan.execute(sql, row).rowcount == 1:
            copied += 1
    if defaults and not copied:
        # Not one stage survived: a plan needs stages, so the defaults come back.
        marks = ",".join("?" * len(defaults[0]))
        for row in defaults:
            plan.execute(f"INSERT INTO stage VALUES ({marks})", row)
    return TableSalvage(table, copied, len(rows) - copied, damaged)


def _readable_rows(
    src: sqlite3.Connection, table: str, columns: list[str]
) -> tuple[list[tuple[object, ...]], bool]:
    """Every row that can be read, by rowid; True when some stretch could not be read."""
    rows: list[tuple[object, ...]] = []
    damaged = False
    last = _MIN_ROWID - 1  # the last rowid read
    tried = last  # where reading last resumed: the next search starts beyond it
    while True:
        try:
            for rowid, *values in _scan(src, table, columns, last):
                rows.append(tuple(values))
                last = rowid
            return rows, damaged
        except sqlite3.DatabaseError:
            damaged = True
            resume = _next_readable(src, table, max(last, tried))
            if resume is None:
                return rows, damaged
            tried = resume
            last = resume - 1


def _scan(src: sqlite3.Connection, table: str, columns: list[str], after: int) -> Iterator[tuple[int, ...]]:
    if after < _MIN_ROWID:
        cursor = src.execute(f"SELECT rowid, {','.join(columns)} FROM {table} ORDER BY rowid")
    else:
        cursor = src.execute(
            f"SELECT rowid, {','.join(columns)} FROM {table} WHERE rowid > ? ORDER BY rowid", [after]
        )
    yield from cursor


def _next_readable(src: sqlite3.Connection, table: str, last: int) -> int | None:
    """A rowid beyond `last` from which reading works again (jumps double), or None."""
    start = max(last, _MIN_ROWID)
    step = 1
    while step <= _MAX_JUMP:
        probe = start + step
        if probe > (1 << 63) - 1:
            return None
        try:
            sql = f"SELECT rowid FROM {table} WHERE rowid >= ? ORDER BY rowid LIMIT 2"
            src.execute(sql, [probe]).fetchall()
        except sqlite3.DatabaseError:
            step *= 2
            continue
        return probe
    return None


def _repair_links(plan: PlanDB) -> int:
    """Clear links to lost rows, or drop rows that cannot exist without them; how many."""
    fixed = 0
    for _round in range(len(_tables(plan)) + 1):
        problems = plan.query("PRAGMA foreign_key_check")
        if not problems:
            break
        for table, rowid, _parent, fk_id in problems:
            column, required = _link(plan, table, fk_id)
            if table == "opportunity" and column == "stage_id":
                # A deal is worth more than the stage it was in: put it in the first stage.
                plan.execute(
                    "UPDATE opportunity SET stage_id = (SELECT id FROM stage ORDER BY position LIMIT 1)"
                    " WHERE rowid = ?",
                    [rowid],
                )
            elif required:
                plan.execute(f"DELETE FROM {table} WHERE rowid = ?", [rowid])
            else:
                plan.execute(f"UPDATE {table} SET {column} = NULL WHERE rowid = ?", [rowid])
            fixed += 1
    return fixed


def _link(plan: PlanDB, table: str, fk_id: int) -> tuple[str, bool]:
    column = next(r[3] for r in plan.query(f"PRAGMA foreign_key_list({table})") if r[0] == fk_id)
    required = any(r[1] == column and r[3] for r in plan.query(f"PRAGMA table_info({table})"))
    return str(column), required
