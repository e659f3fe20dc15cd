"""Opening a plan file: foreign, newer or damaged files refused untouched; only our schema; one writer."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from planner.i18n import translate
from planner.storage import lock as plan_lock
from planner.storage import migrations as schema
from planner.storage import schema_check
from planner.storage.schema_check import SchemaObject

if TYPE_CHECKING:
    from sqlite_utils import Database

# Marks a SQLite file as a plan ("OPPL"), so another program's database is never migrated.
APPLICATION_ID = 0x4F50504C
SQLITE_HEADER = b"SQLite format 3\x00"
# The UI should say "the plan is busy" quickly rather than freeze for long.
BUSY_TIMEOUT_MS = 3000
# A plan file this large opened for the window (open_plan's `check_later`) is checked by SQLite
# after the window is on screen rather than before: the check reads every page, about 1.8 ms per
# MB (280 ms at 100,000 deals), longer than the window's own start beside it. Below this, the
# check is hidden behind the window's imports and runs first, as everywhere else.
CHECK_LATER_BYTES = 48 * 1024 * 1024
# WAL with synchronous=FULL: every acknowledged edit survives an application crash *and* a
# power cut; a user edit costs one fsync, which measures well under a frame on this machine.
SYNCHRONOUS = "FULL"


class PlanError(Exception):
    """A plan file that cannot be opened; the message is written for the seller."""


class PlanDamagedError(PlanError):
    """The file fails SQLite's check; nothing was written to it. Restore a backup or salvage it."""

    def __init__(self, path: Path, message: str) -> None:
        super().__init__(message)
        self.path = path


class PlanReadOnlyError(PlanError):
    """A write refused because the plan is open read-only; the message says why and what to do."""


class PlanMovedError(PlanReadOnlyError):
    """The plan file was moved or deleted while open, so nothing more is written to it."""


# Why a plan is open read-only, in words for the seller (the window shows it in a banner).
OPEN_ELSEWHERE = "This plan is open in another window; read-only. Close it there to edit it here."
FILE_READ_ONLY = (
    "This plan file is read-only, so nothing can be changed. Make the file writable to edit it, "
    "or save a copy."
)
FOLDER_READ_ONLY = (
    "The folder of this plan is read-only, so nothing can be changed. Move the plan to a folder "
    "you can write to, or save a copy."
)
MOVED = (
    "The plan file was moved or deleted while it was open, so nothing more can be saved to it. "
    "Use “Save a copy as…” to keep everything shown here, or open the plan from its new place."
)
ASKED_READ_ONLY = "This plan is open read-only."
LOCKS_UNAVAILABLE = (
    "The planner cannot use its lock folder {folder}, so it cannot make sure that no other window "
    "writes this plan; read-only. Remove that folder, or make it yours and private, to edit the plan."
)


@dataclass(frozen=True, slots=True)
class Notice:
    """A sentence for the seller about a plan file, in the language installed when it is shown:
    English on the command line's stderr, the seller's in the window."""

    source: str  # marked with QT_TRANSLATE_NOOP("PlanFile", ...) where it is made
    fields: tuple[tuple[str, str], ...] = ()

    def __str__(self) -> str:
        return translate("PlanFile", self.source).format(**dict(self.fields))


_T = TypeVar("_T")


class PlanDB:
    """An open plan: one SQLite connection, and sqlite-utils around it for writes.

    sqlite-utils is imported on the first write, not at start-up, because its import costs
    about as much as painting a 10,000-card board.
    """

    def __init__(
        self,
        conn: sqlite3.Connection,
        path: Path | None,
        *,
        read_only_reason: str | None = None,
        lock: plan_lock.PlanLock | None = None,
        created: bool = False,
    ) -> None:
        self.conn = conn
        self.path = path
        self._db: Database | None = None
        # None while edits may be written; otherwise why not, in words for the seller.
        self.read_only_reason = read_only_reason
        # True when open_plan made the file: a new plan holds nothing worth a backup yet.
        self.created = created
        self._lock = lock
        self._identity = _identity(path) if path is not None else None
        self._closed = False
        # What opening the file found or did that the seller should hear about even where no
        # banner shows it (the command line prints both): an interrupted restore it finished or
        # undid, and objects in the file that our migrations did not make (then also the reason
        # the plan is read-only).
        self.notice: Notice | None = None
        self.foreign: str | None = None
        # Plan-wide figures worked out from many rows, each with the version it was read at.
        self._derived: dict[str, tuple[tuple[int, int], Any]] = {}
        # SQLite's check of the file, when open_plan left it for later (`start_check`); until it
        # has passed nothing is written: every write waits for its result.
        self._check: LaterCheck | None = None
        # What that check found: the plan is then read-only, for this reason.
        self.damage: PlanDamagedError | None = None

    @property
    def notes(self) -> list[str]:
        """`notice` and `foreign`, those that are set, in the language installed now."""
        return [str(note) for note in (self.notice, self.foreign) if note]

    @property
    def read_only(self) -> bool:
        """Whether edits are refused (see `read_only_reason`); waits for a check left for later."""
        self.wait_check()
        return self.read_only_reason is not None

    @property
    def check_pending(self) -> bool:
        """True while SQLite's check of the file, left for later by open_plan, has no result."""
        return self._check is not None

    def start_check(self, done: Callable[[], object] | None = None) -> None:
        """Start the check open_plan left for later, on its own connection in a thread.

        `done` is called from that thread once the result is in (`wait_check` then returns at
        once). Nothing happens when no check is pending, or it runs already.
        """
        if self._check is not None:
            self._check.start(done)

    def wait_check(self) -> PlanDamagedError | None:
        """The result of a check left for later (started now if need be): None when the file is
        sound, or never needed a later check. Damage makes the plan read-only for its reason."""
        check = self._check
        if check is None:
            return self.damage
        check.start(None)
        damage = check.result()
        self._check = None
        if damage is not None:
            self.damage = damage
            self.read_only_reason = str(damage)
        return damage

    def check_writable(self) -> None:
        """Raise PlanReadOnlyError (PlanMovedError) when a write cannot, or must not, reach the plan file."""
        self.wait_check()
        if self.read_only_reason is not None:
            raise PlanReadOnlyError(self.read_only_reason)
        if self.path is not None and _identity(self.path) != self._identity:
            # SQLite goes on writing into a renamed or unlinked file without an error, and its
            # -wal file keeps the old name: those edits would be lost at the next open.
            self.read_only_reason = MOVED
            # For the same reason SQLite does not fold the -wal back on close once the file
            # moved: fold it in now, so a moved plan holds every edit made before the move.
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            raise PlanMovedError(MOVED)

    @property
    def db(self) -> Database:
        if self._db is None:
            from sqlite_utils import Database

            self._db = Database(self.conn, execute_plugins=False)
        return self._db

    def warm_up(self) -> None:
        """Import the write path now, before the first edit needs it."""
        _ = self.db

    @contextmanager
    def atomic(self) -> Iterator[Database]:
        """One transaction (a savepoint when nested): all of it is written, or none.

        Raises PlanReadOnlyError before anything is written when the plan must not be written.
        """
        outermost = not self.conn.in_transaction
        if outermost:
            self.check_writable()
        with self.db.atomic() as db:
            yield db
            if outermost:
                flush_search_queue(self.conn)

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows as tuples; repositories turn them into dataclasses."""
        return self.conn.execute(sql, params).fetchall()

    def execute(self, sql: str, params: Sequence[Any] = ()) -> sqlite3.Cursor:
        """A write; callers are inside `atomic()`."""
        if not self.conn.in_transaction:
            raise RuntimeError("writes must run inside PlanDB.atomic()")
        return self.conn.execute(sql, params)

    def version(self) -> tuple[int, int]:
        """Differs once anything was written: rows this connection changed (written or rolled
        back: SQLite counts both) and commits of any other connection to the file."""
        return self.conn.total_changes, self.conn.execute("PRAGMA data_version").fetchone()[0]

    def derived(self, name: str, compute: Callable[[], _T]) -> _T:
        """`compute()`, read again only when the plan changed since the last call with `name`.

        For plan-wide figures that every small look-up needs (a card's red flags read the
        plan's normal sales cycle from every won deal): scrolling the board reads them once.
        Values are shared between callers: make them immutable.
        """
        version = self.version()
        found = self._derived.get(name)
        if found is not None and found[0] == version:
            return found[1]  # type: ignore[no-any-return]
        value = compute()
        self._derived[name] = (version, value)
        return value

    def keep_derived(self, name: str, since: tuple[int, int]) -> None:
        """The writes since `version()` was `since` left `name` as it was: keep it.

        Only for a caller that knows what it wrote (a move between stages that are not won
        leaves the won deals' sales cycles alone). Nothing is kept when the value was not
        current at `since`, or another connection wrote meanwhile.
        """
        found = self._derived.get(name)
        version = self.version()
        if found is not None and found[0] == since and version[1] == since[1]:
            self._derived[name] = (version, found[1])

    @property
    def closed(self) -> bool:
        """True once `close` ran (a late timer of a closed window must not read the plan)."""
        return self._closed

    def close(self) -> None:
        """Close the file (SQLite folds the -wal file back), then let another window write it."""
        self._closed = True
        if self._check is not None:
            self._check.result()  # its connection goes before the plan's: SQLite folds the -wal back
        self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None


def flush_search_queue(conn: sqlite3.Connection) -> None:
    """Replay the search index's queued changes into it (before a transaction commits).

    The triggers queue them rather than write the index row by row: see migrations.SEARCH_KINDS.
    A plan not yet migrated has no queue: nothing to do.
    """
    if conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", [schema.SEARCH_QUEUE]
    ).fetchone():
        for statement in schema.FLUSH_SEARCH_QUEUE:
            conn.execute(statement)


class LaterCheck:
    """SQLite's quick check of a plan file, run in a thread on a read-only connection of its own."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._thread: threading.Thread | None = None
        self._damage: PlanDamagedError | None = None
        self._done: Callable[[], object] | None = None
        self._lock = threading.Lock()

    def start(self, done: Callable[[], object] | None) -> None:
        with self._lock:
            if self._thread is not None:
                return
            self._done = done
            self._thread = threading.Thread(target=self._run, name="plan-check", daemon=True)
            self._thread.start()

    def result(self) -> PlanDamagedError | None:
        """Wait for the check, if it was started; the damage it found, if any."""
        with self._lock:
            thread = self._thread
        if thread is not None:
            thread.join()
        return self._damage

    def _run(self) -> None:
        problem: object
        try:
            conn = sqlite3.connect(_read_only_uri(self.path), uri=True, check_same_thread=False)
            try:
                problem = _quick_check(conn)
            finally:
                conn.close()
        except (sqlite3.Error, UnicodeDecodeError) as exc:
            # A check that cannot run has not passed either: the plan is not written.
            problem = exc
        if problem is not None:
            self._damage = _damaged(self.path, problem)
        if self._done is not None:
            self._done()


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_dev, info.st_ino


def open_memory() -> PlanDB:
    """A fresh in-memory plan (tests, previews)."""
    conn = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    plan = PlanDB(conn, None)
    _configure(conn, wal=False)
    _initialise(plan)
    return plan


def open_plan(
    path: Path, *, create: bool = True, read_only: bool = False, check_later: bool = False
) -> PlanDB:
    """Open (or, with `create`, make) the plan at `path`.

    Anything that is not a plan of this version, or fails SQLite's quick check (PlanDamagedError),
    raises PlanError before a byte is written, and nothing is left beside it (no -wal, -shm,
    -journal or lock file). One process writes a plan at a time: when another holds its lock,
    or the file or its folder cannot be written, the plan opens read-only and
    `read_only_reason` says why. A plan of an older schema is backed up, then migrated; opened
    read-only, it is read from an upgraded copy in memory instead, and the file is not touched.

    A plan holding a trigger, view, table or index that our migrations did not make opens
    read-only (`foreign` and `read_only_reason` name them); nothing of ours that differs is
    accepted (PlanDamagedError). A restore that was interrupted (`.<name>.restoring` left beside
    the plan) is finished or undone first, and `notice` says which; read-only, it is left alone.

    `check_later` (the window's start): a large plan of this version, closed cleanly, is opened
    without SQLite's quick check, which the caller runs with `start_check` once it has shown
    what it read; until it has passed nothing is written (every write waits for it), and damage
    makes the plan read-only (`damage`). Any other plan is checked first, as without it.
    """
    path = Path(path)
    notice = _interrupted_restore(path, read_only=read_only)
    try:
        path.stat()
    except FileNotFoundError:
        exists = False
    except NotADirectoryError:
        raise PlanError(
            translate("PlanFile", "Cannot open {path}: {parent} is not a folder.").format(
                path=path, parent=path.parent
            )
        ) from None
    except OSError as exc:
        # Path.exists() would raise PermissionError for a folder we may not enter.
        raise PlanError(
            translate("PlanFile", "Cannot open {path}: {error}.").format(path=path, error=exc.strerror or exc)
        ) from exc
    else:
        exists = True
    foreign: tuple[SchemaObject, ...] = ()
    later = False
    if exists:
        foreign, later = _check_existing(path, check_later=check_later)
    elif not create or read_only:
        raise PlanError(translate("PlanFile", "No plan at {path}.").format(path=path))
    else:
        _create_empty(path)
    foreign_reason = schema_check.foreign_reason(foreign) if foreign else None
    reason: str | None
    lock: plan_lock.PlanLock | None
    if read_only or foreign_reason:
        # Read-only, a foreign trigger never runs: every write is refused before SQLite sees it.
        reason, lock = foreign_reason or ASKED_READ_ONLY, None
    else:
        reason, lock = _writer_lock(path)
    conn: sqlite3.Connection | None = None
    try:
        if reason is None:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
            _configure(conn, wal=True)
        else:
            conn = sqlite3.connect(
                _read_only_uri(path), uri=True, isolation_level=None, check_same_thread=False
            )
            _configure(conn, wal=False)
            conn.execute("PRAGMA query_only = ON")
        plan = PlanDB(conn, path, read_only_reason=reason, lock=lock, created=not exists)
        plan.notice, plan.foreign = notice, foreign_reason
        _initialise(plan)
        if later:
            plan._check = LaterCheck(path)
    except (sqlite3.Error, PlanError, UnicodeDecodeError) as exc:
        if conn is not None:
            conn.close()
        if lock is not None:
            lock.release()
        if not exists:
            _remove_half_made(path)
        if isinstance(exc, PlanError):
            raise
        if _is_damage(exc):
            raise _damaged(path, exc) from exc
        raise PlanError(
            translate("PlanFile", "Cannot open {path}: {error}.").format(path=path, error=exc)
        ) from exc
    return plan


def _writer_lock(path: Path) -> tuple[str | None, plan_lock.PlanLock | None]:
    """The writer lock, or why the plan opens read-only without it."""
    try:
        lock = plan_lock.acquire(path)
    except plan_lock.IdentityLockUnavailableError as exc:
        return LOCKS_UNAVAILABLE.format(folder=exc.folder), None
    except plan_lock.LockUnavailableError:
        return FOLDER_READ_ONLY, None
    if lock is None:
        return OPEN_ELSEWHERE, None
    reason = None
    if not os.access(path, os.W_OK):
        reason = FILE_READ_ONLY
    elif not os.access(Path(os.path.realpath(path)).parent, os.W_OK):
        # WAL needs its -wal and -shm files beside the plan.
        reason = FOLDER_READ_ONLY
    if reason is not None:
        lock.release()
        return reason, None
    return None, lock


def _read_only_uri(path: Path) -> str:
    # Without side files nobody is writing the plan: `immutable` then reads it without making
    # -wal or -shm files. With them, another window writes it; read through them.
    in_use = any(_sibling(path, suffix).exists() for suffix in _SIDE_FILES)
    return f"{path.resolve().as_uri()}?mode=ro" + ("" if in_use else "&immutable=1")


def _create_empty(path: Path) -> None:
    """Create the new plan file: readable by its owner only from its first byte, never clobbering."""
    parent = path.parent
    if not parent.is_dir():
        raise PlanError(
            translate("PlanFile", "Cannot create {path}: the folder {parent} does not exist.").format(
                path=path, parent=parent
            )
        )
    if not os.access(parent, os.W_OK):
        raise PlanError(
            translate("PlanFile", "Cannot create {path}: the folder {parent} is not writable.").format(
                path=path, parent=parent
            )
        )
    try:
        # O_EXCL: a file that appeared meanwhile is never taken over. SQLite treats an empty
        # file as a new database.
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except OSError as exc:
        raise PlanError(
            translate("PlanFile", "Cannot create {path}: {error}.").format(
                path=path, error=exc.strerror or exc
            )
        ) from exc
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


def _check_existing(path: Path, *, check_later: bool = False) -> tuple[tuple[SchemaObject, ...], bool]:
    """Refuse what is not a sound plan of this version, reading it only; its foreign objects,
    and whether SQLite's quick check was left for later (see open_plan's `check_later`)."""
    if path.is_dir():
        raise PlanError(translate("PlanFile", "{path} is a folder, not a plan file.").format(path=path))
    if not path.is_file():
        raise PlanError(translate("PlanFile", "{path} is not a regular file, not a plan.").format(path=path))
    try:
        with path.open("rb") as handle:
            header = handle.read(_HEADER_SIZE)
    except OSError as exc:
        raise PlanError(
            translate("PlanFile", "Cannot read {path}: {error}.").format(path=path, error=exc.strerror or exc)
        ) from exc
    if not header.startswith(SQLITE_HEADER):
        if not header:
            raise PlanError(translate("PlanFile", "{path} is an empty file, not a plan.").format(path=path))
        raise PlanError(
            translate("PlanFile", "{path} is not a plan file (it is not an SQLite database).").format(
                path=path
            )
        )
    if len(header) < _HEADER_SIZE:
        raise PlanError(
            translate("PlanFile", "{path} is a damaged SQLite file, not a plan.").format(path=path)
        )
    # The header says whose file it is without asking SQLite (offset 68: application_id).
    header_app_id = int.from_bytes(header[68:72], "big")
    if header_app_id not in (0, APPLICATION_ID):
        raise PlanError(
            translate("PlanFile", "{path} is an SQLite database of another program, not a plan.").format(
                path=path
            )
        )
    # Left for later only where opening writes nothing before the check: a plan already in WAL
    # mode (header bytes 18-19) without side files (no crash's -wal to fold into it when it is
    # closed again), and of this version (no upgrade: _inspect).
    later = (
        check_later
        and header[18:20] == b"\x02\x02"
        and not any(_sibling(path, suffix).exists() for suffix in _SIDE_FILES)
        and path.stat().st_size >= CHECK_LATER_BYTES
    )
    app_id, tables, applied, problem, report, later = _inspect(path, check_later=later)
    if app_id != APPLICATION_ID and tables:
        raise PlanError(
            translate("PlanFile", "{path} is an SQLite database of another program, not a plan.").format(
                path=path
            )
        )
    unknown = [name for name in applied if name not in schema.KNOWN_MIGRATIONS]
    if unknown:
        raise PlanError(
            translate(
                "PlanFile",
                "{path} was written by a newer version of Opportunity Planner; update the "
                "planner to open it.",
            ).format(path=path)
        )
    if problem is not None:
        raise _damaged(path, problem)
    recorded = "_sqlite_migrations" in tables
    if recorded and (not applied or tuple(applied) != schema.KNOWN_MIGRATIONS[: len(applied)]):
        raise _damaged(path, "its schema record is wrong")
    if tables and not recorded:
        raise _damaged(path, "its schema record is missing")
    if report.changed:
        raise _damaged(path, schema_check.changed_problem(report.changed))
    return report.foreign, later


# An SQLite header is 100 bytes.
_HEADER_SIZE = 100


def _inspect(
    path: Path, *, check_later: bool = False
) -> tuple[int, set[str], list[str], str | None, schema_check.SchemaReport, bool]:
    """application_id, table names, applied migrations, SQLite's quick check and how the schema
    differs from what those migrations make, read only; and whether the quick check was left
    for later (`check_later`, and a plan of this version).

    The quick check reads every page and record (not the indexes): 20 ms at 10,000 deals,
    190 ms at 100,000. It runs before a writing connection exists, because closing that one
    would fold a crash's -wal file into a damaged plan. Read only, SQLite skips CHECK
    constraints; a connection that may write checks them too, but takes 1.1 s at 100,000 deals.

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
            applied = schema_check.applied_migrations(conn)
            later = check_later and tuple(applied) == schema.KNOWN_MIGRATIONS
            problem = None if later else _quick_check(conn)
            known = all(name in schema.KNOWN_MIGRATIONS for name in applied)
            # A newer plan's objects are not ours to judge: it is refused for its version.
            report = (
                schema_check.inspect(conn, tuple(applied)) if known else schema_check.SchemaReport((), ())
            )
        finally:
            conn.close()
    except (sqlite3.Error, UnicodeDecodeError) as exc:
        if _is_damage(exc):
            raise _damaged(path, exc) from exc
        raise PlanError(
            translate("PlanFile", "{path} cannot be read as a plan: {error}.").format(path=path, error=exc)
        ) from exc
    return int(app_id), tables, applied, problem, report, later


def _quick_check(conn: sqlite3.Connection) -> str | None:
    """SQLite's quick check: None when sound, else its first complaint."""
    rows = conn.execute("PRAGMA quick_check").fetchall()
    if rows == [("ok",)]:
        return None
    lines = [line.strip() for row in rows for line in str(row[0]).splitlines()]
    found = [line for line in lines if line and not line.startswith("***")]
    return found[0] if found else "SQLite's check failed"


# SQLITE_CORRUPT and SQLITE_NOTADB: the bytes are wrong, not the permissions or a lock.
_DAMAGE_CODES = (11, 26)


def _is_damage(exc: Exception) -> bool:
    if isinstance(exc, UnicodeDecodeError):
        return True  # text that is not UTF-8: the bytes changed
    return getattr(exc, "sqlite_errorcode", None) in _DAMAGE_CODES or "decode to UTF-8" in str(exc)


def _damaged(path: Path, problem: object) -> PlanDamagedError:
    # One line, not too long: SQLite quotes whole broken schema statements.
    text = " ".join(str(problem).split())
    text = text if len(text) <= 160 else text[:157] + "..."
    return PlanDamagedError(
        path,
        translate("PlanFile", "{path} is damaged ({problem}). Nothing was written to it.").format(
            path=path, problem=text
        ),
    )


def _configure(conn: sqlite3.Connection, *, wal: bool) -> None:
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    if wal:
        conn.execute("PRAGMA journal_mode = WAL")
    conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")


def _initialise(plan: PlanDB) -> None:
    applied = tuple(_applied_migrations(plan.conn))
    known = schema.KNOWN_MIGRATIONS
    if applied == known:
        return  # the common start: no sqlite-utils import, no write
    where = plan.path or "The plan"
    if any(name not in known for name in applied):
        raise PlanError(
            translate(
                "PlanFile",
                "{where} was written by a newer version of Opportunity Planner; update the "
                "planner to open it.",
            ).format(where=where)
        )
    if plan.read_only_reason is not None:
        _read_upgraded_copy(plan)
        return
    if applied and plan.path is not None:
        _backup_before_upgrade(plan)
    migrations = schema.build_migrations()
    # One transaction for the whole upgrade: a plan is of one schema or the next, never between.
    with plan.atomic():
        if plan.query("PRAGMA application_id") != [(APPLICATION_ID,)]:
            plan.conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        migrations.apply(plan.db)


def _read_upgraded_copy(plan: PlanDB) -> None:
    """A read-only plan of an older schema: read from a copy in memory upgraded to this version.

    The file is not written (it may not be writable, another window may have it open, or the
    seller only asked to read it); the copy holds the whole plan, and no foreign object.
    """
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        schema_check.copy_plan(plan.conn, memory)
        _configure(memory, wal=False)
        _initialise(PlanDB(memory, None))
        memory.execute("PRAGMA query_only = ON")
    except BaseException:
        memory.close()
        raise
    plan.conn.close()
    plan.conn = memory
    plan._db = None


def _backup_before_upgrade(plan: PlanDB) -> None:
    """An upgrade rewrites the seller's data: keep the plan as it was first, or do not upgrade."""
    from planner.storage.backup import Kind, take_backup  # backup imports this module

    try:
        take_backup(plan, dt.datetime.now(), Kind.UPGRADE)
    except (OSError, sqlite3.Error) as exc:
        raise PlanError(
            translate(
                "PlanFile",
                "Cannot upgrade {path}: a backup could not be written first ({error}). Nothing was changed.",
            ).format(path=plan.path, error=exc)
        ) from exc


def _applied_migrations(conn: sqlite3.Connection) -> list[str]:
    return schema_check.applied_migrations(conn)


def restoring_path(path: Path) -> Path:
    """Where a restore writes the backup's copy before it takes the plan's place."""
    return path.with_name(f".{path.name}.restoring")


def partial_path(final: Path) -> Path:
    """Where a copy is written before it is renamed to `final` (a crash leaves at most this)."""
    return final.with_name(f".{final.name}.partial")


def _interrupted_restore(path: Path, *, read_only: bool) -> Notice | None:
    """Finish or undo a restore that was interrupted (see backup.finish_interrupted_restore).

    Read-only nothing is changed: a plan still in place is read as it is; a missing one is
    refused with what happened, never taken for a new plan.
    """
    staged = restoring_path(path)
    if not any(os.path.lexists(name) for name in (staged, partial_path(staged))):
        return None  # the common case: two stats, and backup is not imported at start-up
    if not read_only:
        from planner.storage import backup  # backup imports this module

        try:
            return backup.finish_interrupted_restore(path, dt.datetime.now())
        except (OSError, plan_lock.LockUnavailableError) as exc:
            raise PlanError(
                translate(
                    "PlanFile", "A restore of {path} was interrupted, and cannot be finished now: {error}."
                ).format(path=path, error=getattr(exc, "strerror", None) or exc)
            ) from exc
    if os.path.lexists(path) or not os.path.lexists(staged):
        return None
    raise PlanError(
        translate(
            "PlanFile",
            "{path} is missing because a restore of it was interrupted. Open it in the planner "
            "window to finish the restore.",
        ).format(path=path)
    )
