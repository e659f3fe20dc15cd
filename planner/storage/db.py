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

    Anything that is not a plan of this version raises PlanError before a byte is written,
    and nothing is left beside it (no -wal, -shm or -journal file).
    """
    path = Path(path)
    try:
        path.stat()
    except FileNotFoundError:
        exists = False
    except NotADirectoryError:
        raise PlanError(f"Cannot open {path}: {path.parent} is not a folder.") from None
    except OSError as exc:
        # Path.exists() would raise PermissionError for a folder we may not enter.
        raise PlanError(f"Cannot open {path}: {exc.strerror or exc}.") from exc
    else:
        exists = True
    if exists:
        _check_existing(path)
    elif not create:
        raise PlanError(f"No plan at {path}.")
    else:
        _create_empty(path)
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
        _configure(conn, wal=True)
        plan = PlanDB(conn, path)
        _initialise(plan)
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
        if not exists:
            _remove_half_made(path)
        raise PlanError(f"Cannot open {path}: {exc}.") from exc
    return plan


def _create_empty(path: Path) -> None:
    """Create the new plan file: readable by its owner only from its first byte, never clobbering."""
    parent = path.parent
    if not parent.is_dir():
        raise PlanError(f"Cannot create {path}: the folder {parent} does not exist.")
    if not os.access(parent, os.W_OK):
        raise PlanError(f"Cannot create {path}: the folder {parent} is not writable.")
    try:
        # O_EXCL: a file that appeared meanwhile is never taken over. SQLite treats an empty
        # file as a new database.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise PlanError(f"Cannot create {path}: {exc.strerror or exc}.") from exc
    os.close(fd)
    # Plans hold private planning: readable by their owner only, whatever the umask.
    os.chmod(path, 0o600)


def _remove_half_made(path: Path) -> None:
    for name in (path, *(_sibling(path, suffix) for suffix in _SIDE_FILES)):
        name.unlink(missing_ok=True)


# The files SQLite keeps beside a database while it is open or after a crash.
_SIDE_FILES = ("-wal", "-shm", "-journal")


def _sibling(path: Path, suffix: str) -> Path:
    return path.with_name(path.name + suffix)


def _check_existing(path: Path) -> None:
    if path.is_dir():
        raise PlanError(f"{path} is a folder, not a plan file.")
    if not path.is_file():
        raise PlanError(f"{path} is not a regular file, not a plan.")
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise PlanError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if not header.startswith(SQLITE_HEADER):
        if not header:
            raise PlanError(f"{path} is an empty file, not a plan.")
        raise PlanError(f"{path} is not a plan file (it is not an SQLite database).")
    if len(header) < _HEADER_SIZE:
        raise PlanError(f"{path} is a damaged SQLite file, not a plan.")
    # The header says whose file it is without asking SQLite (offset 68: application_id).
    header_app_id = int.from_bytes(header[68:72], "big")
    if header_app_id not in (0, APPLICATION_ID):
        raise PlanError(f"{path} is an SQLite database of another program, not a plan.")
    if not os.access(path, os.W_OK):
        raise PlanError(f"{path} is read-only; the planner needs to write to it.")
    app_id, tables, applied = _inspect(path)
    if app_id != APPLICATION_ID and tables:
        raise PlanError(f"{path} is an SQLite database of another program, not a plan.")
    unknown = [name for name in applied if name not in KNOWN_MIGRATIONS]
    if unknown:
        raise PlanError(
            f"{path} was written by a newer version of Opportunity Planner; update the planner to open it."
        )


# An SQLite header is 100 bytes.
_HEADER_SIZE = 100


def _inspect(path: Path) -> tuple[int, set[str], list[str]]:
    """application_id, table names and applied migrations, read without writing anything.

    A plain read-only connection to a WAL database creates -wal and -shm files beside it and
    leaves them there. When no side file exists no other connection is using the file, so it
    is opened `immutable` (no locks, no side files). Otherwise another program (or a crash) owns
    side files that already exist; a read-only connection then reads through them.
    """
    in_use = any(_sibling(path, suffix).exists() for suffix in _SIDE_FILES)
    uri = f"{path.resolve().as_uri()}?mode=ro" + ("" if in_use else "&immutable=1")
    try:
        conn = sqlite3.connect(uri, uri=True)
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
    return int(app_id), tables, applied


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
