"""Opening a plan file: checks that refuse foreign or newer files untouched, pragmas, migrations."""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.storage.migrations import KNOWN_MIGRATIONS, MIGRATION_SET, build_migrations

if TYPE_CHECKING:
    from sqlite_utils import Database

# Marks a SQLite file as a plan ("OPPL"), so another program's database is never migrated.
APPLICATION_ID = 0x4F50504C
SQLITE_HEADER = b"SQLite format 3\x00"
# The UI should say "the plan is busy" quickly rather than freeze for long.
BUSY_TIMEOUT_MS = 3000
# WAL with synchronous=FULL: every acknowledged edit survives an application crash *and* a
# power cut; a user edit costs one fsync, which measures well under a frame on this machine.
SYNCHRONOUS = "FULL"


class PlanError(Exception):
    """A plan file that cannot be opened; the message is written for the seller."""


class PlanDB:
    """An open plan: one SQLite connection, and sqlite-utils around it for writes.

    sqlite-utils is imported on the first write, not at start-up, because its import costs
    about as much as painting a 10,000-card board.
    """

    def __init__(self, conn: sqlite3.Connection, path: Path | None) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested): all of it is written, or none."""
        with self.db.atomic() as db:
            yield db

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as tuples; repositories turn them into dataclasses."""
        return self.conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """A write; callers are inside `atomic()`."""
        if not self.conn.in_transaction:
            raise RuntimeError("writes must run inside PlanDB.atomic()")
        return self.conn.execute(sql, params)

    def close(self) -> None:
        self.conn.close()


def open_memory() -> PlanDB:
    """A fresh in-memory plan (tests, previews)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    plan = PlanDB(conn, None)
    _configure(conn, wal=False)
    _initialise(plan)
    return plan


def open_plan(path: Path, *, create: bool = True) -> PlanDB:
    """Open (or, with `create`, make) the plan at `path`.

    Anything that is not a plan of this version raises PlanError before a byte is written.
    """
    path = Path(path)
    exists = path.exists()
    if exists:
        _check_existing(path)
    elif not create:
        raise PlanError(f"No plan at {path}.")
    else:
        parent = path.parent
        if not parent.is_dir():
            raise PlanError(f"Cannot create {path}: the folder {parent} does not exist.")
        if not os.access(parent, os.W_OK):
            raise PlanError(f"Cannot create {path}: the folder {parent} is not writable.")
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        if not exists:
            # Plans hold private planning: readable by their owner only.
            os.chmod(path, 0o600)
        _configure(conn, wal=True)
        plan = PlanDB(conn, path)
        _initialise(plan)
    except sqlite3.Error as exc:
        raise PlanError(f"Cannot open {path}: {exc}.") from exc
    return plan


def _check_existing(path: Path) -> None:
    if path.is_dir():
        raise PlanError(f"{path} is a folder, not a plan file.")
    try:
        with path.open("rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise PlanError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if header != SQLITE_HEADER:
        if not header:
            raise PlanError(f"{path} is an empty file, not a plan.")
        raise PlanError(f"{path} is not a plan file (it is not an SQLite database).")
    if not os.access(path, os.W_OK):
        raise PlanError(f"{path} is read-only; the planner needs to write to it.")
    # Inspect read-only: nothing below may write to a file that turns out not to be ours.
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            applied: list[str] = []
            if "_sqlite_migrations" in tables:
                applied = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
                        [MIGRATION_SET],
                    )
                ]
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise PlanError(f"{path} cannot be read as a plan: {exc}.") from exc
    if app_id != APPLICATION_ID and tables:
        raise PlanError(f"{path} is an SQLite database of another program, not a plan.")
    unknown = [name for name in applied if name not in KNOWN_MIGRATIONS]
    if unknown:
        raise PlanError(
            f"{path} was written by a newer version of Opportunity Planner; update the planner to open it."
        )


def _configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")


def _initialise(plan: PlanDB) -> None:
    applied = _applied_migrations(plan.conn)
    if tuple(applied) == KNOWN_MIGRATIONS:
        return  # the common start: no sqlite-utils import, no write
    migrations = build_migrations()
    with plan.atomic():
        plan.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    migrations.apply(plan.db)


def _applied_migrations(conn: sqlite3.Connection) -> list[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name='_sqlite_migrations'"
    ).fetchone()
    if not exists:
        return []
    return [
        r[0]
        for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ? ORDER BY rowid",
            [MIGRATION_SET],
        )
    ]
