"""Rotating backups beside a plan, made with SQLite's online backup API; restoring and copying."""

from __future__ import annotations

import datetime as dt
import os
import re
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.storage import lock as plan_lock
from planner.storage import migrations as schema
from planner.storage import schema_check
from planner.storage import settings as settings_repo
from planner.storage.db import (
    APPLICATION_ID,
    Notice,
    PlanDB,
    PlanError,
    PlanReadOnlyError,
    partial_path,
    restoring_path,
)

BACKUPS_SUFFIX = ".backups"
# While edits happen, a new automatic backup at most this often.
INTERVAL = dt.timedelta(hours=1)
KEEP_DAILY_KEY = "backup_keep_daily"
KEEP_WEEKLY_KEY = "backup_keep_weekly"
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 4


class Kind(StrEnum):
    """Why a backup was taken. Only automatic ones rotate; the others guard one risky step."""

    AUTO = "auto"
    UPGRADE = "before-upgrade"
    RESTORE = "before-restore"
    # A damaged plan moved aside when a backup replaced it: never deleted automatically.
    DAMAGED = "damaged"


@dataclass(frozen=True, slots=True)
class Backup:
    """One backup file and when (local time) and why it was taken."""

    path: Path
    taken: dt.datetime
    kind: Kind


@dataclass(frozen=True, slots=True)
class BackupSummary:
    """What a backup holds, read without writing: its deal count, or why it cannot be used."""

    deals: int | None
    problem: str | None = None

    @property
    def usable(self) -> bool:
        return self.problem is None


def backup_dir(plan_path: Path) -> Path:
    """`<plan-name>.backups`, beside the plan."""
    return plan_path.with_name(plan_path.name + BACKUPS_SUFFIX)


_NAME = re.compile(r"^(\d{4}-\d{2}-\d{2})_(\d{6})(?:\.(\d+))?-([a-z-]+)\.plan$")


def _parse(path: Path) -> Backup | None:
    match = _NAME.match(path.name)
    if match is None:
        return None
    day, clock, _n, kind = match.groups()
    try:
        taken = dt.datetime.strptime(f"{day} {clock}", "%Y-%m-%d %H%M%S")
        return Backup(path, taken, Kind(kind))
    except ValueError:
        return None


def list_backups(plan_path: Path) -> list[Backup]:
    """The plan's backups, newest first (files that are not backups are ignored)."""
    folder = backup_dir(plan_path)
    try:
        names = list(folder.iterdir())
    except OSError:
        return []
    found = [b for b in (_parse(p) for p in names) if b is not None and b.path.is_file()]
    return sorted(found, key=lambda b: (b.taken, b.path.name), reverse=True)


def _folder(plan_path: Path) -> Path:
    folder = backup_dir(plan_path)
    # Backups hold the same private planning as the plan: the folder is its owner's only.
    folder.mkdir(mode=0o700, exist_ok=True)
    return folder


def _new_name(folder: Path, now: dt.datetime, kind: Kind) -> Path:
    stamp = now.strftime("%Y-%m-%d_%H%M%S")
    path = folder / f"{stamp}-{kind}.plan"
    n = 1
    while path.exists():
        n += 1
        path = folder / f"{stamp}.{n}-{kind}.plan"
    return path


def _fsync_folder(folder: Path) -> None:
    # A rename is only durable once the folder's entry is on disk.
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_copy(source: sqlite3.Connection, final: Path) -> None:
    """Copy a plan into a new private file, whole or not at all (temporary name, then rename).

    Nothing our migrations did not make is copied (schema_check.copy_plan): backups, restores
    and "Save a copy as…" never carry a foreign trigger, view, table or index.
    """
    partial = partial_path(final)
    for stale in (partial, partial.with_name(partial.name + "-journal")):
        stale.unlink(missing_ok=True)  # left by a crash during an earlier copy
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    os.chmod(partial, 0o600)  # whatever the umask
    try:
        dest = sqlite3.connect(partial, isolation_level=None)
        try:
            schema_check.copy_plan(source, dest)
            # A copy is one self-contained file: no -wal beside it, readable immutable.
            dest.execute("PRAGMA journal_mode = DELETE")
        finally:
            dest.close()
        fd = os.open(partial, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(partial, final)
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    _fsync_folder(final.parent)


def take_backup(plan: PlanDB, now: dt.datetime, kind: Kind = Kind.AUTO) -> Backup:
    """Copy the open plan (everything committed) into its backups folder now."""
    if plan.path is None:
        raise PlanError(translate("PlanFile", "An in-memory plan has no backups."))
    final = _new_name(_folder(plan.path), now, kind)
    _write_copy(plan.conn, final)
    return Backup(final, now.replace(microsecond=0), kind)


def backup_on_open(plan: PlanDB, now: dt.datetime) -> Backup | None:
    """The backup taken when a plan is opened (none for a new, an in-memory or a read-only plan).

    Errors are the caller's to report: a plan that cannot be backed up still opens.
    """
    if plan.path is None or plan.created or plan.read_only:
        return None
    taken = take_backup(plan, now)
    prune(plan.path, now, *retention(plan))
    return taken


def maybe_backup(plan: PlanDB, now: dt.datetime) -> Backup | None:
    """Call after each edit: a backup when the last automatic one is an hour old or more."""
    if plan.path is None or plan.read_only:
        return None
    latest = next((b for b in list_backups(plan.path) if b.kind is Kind.AUTO), None)
    if latest is not None and dt.timedelta(0) <= now - latest.taken < INTERVAL:
        return None
    taken = take_backup(plan, now)
    prune(plan.path, now, *retention(plan))
    return taken


def retention(plan: PlanDB) -> tuple[int, int]:
    """How many daily and weekly backups the plan keeps (its settings, else 7 and 4)."""
    return (
        settings_repo.get_setting(plan, KEEP_DAILY_KEY, DEFAULT_KEEP_DAILY),
        settings_repo.get_setting(plan, KEEP_WEEKLY_KEY, DEFAULT_KEEP_WEEKLY),
    )


def backups_to_keep(
    backups: Iterable[Backup], now: dt.datetime, keep_daily: int, keep_weekly: int
) -> set[Path]:
    """The newest automatic backup of each of the last `keep_daily` days and `keep_weekly` weeks
    that have one; backups taken before an upgrade or a restore for as long as the weekly ones
    reach back; damaged plans moved aside always.
    """
    autos = sorted((b for b in backups if b.kind is Kind.AUTO), key=lambda b: b.taken, reverse=True)
    keep: set[Path] = set()
    days: set[dt.date] = set()
    weeks: set[tuple[int, int]] = set()
    for backup in autos:
        day = backup.taken.date()
        if day not in days and len(days) < keep_daily:
            days.add(day)
            keep.add(backup.path)
        week = backup.taken.isocalendar()[:2]
        if week not in weeks and len(weeks) < keep_weekly:
            weeks.add(week)
            keep.add(backup.path)
    horizon = now - dt.timedelta(days=max(7 * keep_weekly, keep_daily))
    for backup in backups:
        if backup.kind is Kind.DAMAGED or (backup.kind is not Kind.AUTO and backup.taken >= horizon):
            keep.add(backup.path)
    return keep


def prune(plan_path: Path, now: dt.datetime, keep_daily: int, keep_weekly: int) -> list[Path]:
    """Delete the backups `backups_to_keep` does not keep; returns what was deleted."""
    backups = list_backups(plan_path)
    keep = backups_to_keep(backups, now, keep_daily, keep_weekly)
    removed = []
    for backup in backups:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def _read_only(path: Path) -> sqlite3.Connection:
    # immutable: no lock, no side file, not a byte written, even next to a damaged file.
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def summarise(path: Path, *, check: bool = False) -> BackupSummary:
    """A backup's deal count; with `check`, also SQLite's quick check and the plan's version."""
    try:
        conn = _read_only(path)
        try:
            if check:
                problem = _problem(conn)
                if problem is not None:
                    return BackupSummary(None, problem)
            (deals,) = conn.execute("SELECT COUNT(*) FROM opportunity").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        return BackupSummary(None, f"it cannot be read ({exc})")
    return BackupSummary(int(deals))


def _problem(conn: sqlite3.Connection) -> str | None:
    checked = conn.execute("PRAGMA quick_check").fetchall()
    if checked != [("ok",)]:
        return "it is damaged"
    if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
        return "it is not a plan"
    applied = schema_check.applied_migrations(conn)
    if any(name not in schema.KNOWN_MIGRATIONS for name in applied):
        return "it was written by a newer version of Opportunity Planner"
    # Foreign objects are left out when the backup is copied back; changed tables cannot be.
    changed = schema_check.inspect(conn, tuple(applied)).changed
    if changed:
        return schema_check.changed_problem(changed)
    return None


def latest_good_backup(plan_path: Path) -> Backup | None:
    """The newest backup that passes SQLite's quick check (damaged plans moved aside excluded)."""
    for backup in list_backups(plan_path):
        if backup.kind is not Kind.DAMAGED and summarise(backup.path, check=True).usable:
            return backup
    return None


def _usable(backup: Path) -> None:
    summary = summarise(backup, check=True)
    if not summary.usable:
        raise PlanError(
            translate("PlanFile", "The backup {backup} cannot be restored: {problem}.").format(
                backup=backup.name, problem=summary.problem
            )
        )


def restore_backup(plan: PlanDB, backup: Path, now: dt.datetime) -> Backup:
    """Make the open plan what `backup` holds, after keeping the plan as it is as a backup.

    Runs through the backup API into the open connection: one transaction, the same file and
    lock. The window must then reopen the plan. Returns the backup of the replaced plan.
    """
    plan.check_writable()
    _usable(backup)
    kept = take_backup(plan, now, Kind.RESTORE)
    source = _read_only(backup)
    try:
        if schema_check.has_foreign(source):
            # Into the plan goes a clean copy, made in memory first: nothing foreign comes along.
            clean = sqlite3.connect(":memory:")
            try:
                schema_check.copy_plan(source, clean)
            except BaseException:
                clean.close()
                raise
            source.close()
            source = clean
        source.backup(plan.conn)
    except sqlite3.Error as exc:
        raise PlanError(
            translate(
                "PlanFile", "The backup {backup} could not be restored ({error}); the plan is unchanged."
            ).format(backup=backup.name, error=exc)
        ) from exc
    finally:
        source.close()
    return kept


def restore_file(plan_path: Path, backup: Path, now: dt.datetime) -> Backup:
    """Put a backup in place of a plan that cannot be opened (damaged), keeping that file aside.

    The damaged file and its side files move, unchanged, into the backups folder (kind
    DAMAGED); returns where.
    """
    _usable(backup)
    if plan_lock.held_here(plan_path):
        raise PlanReadOnlyError(
            translate("PlanFile", "{plan_path} is open in this window; restore it from there.").format(
                plan_path=plan_path
            )
        )
    lock = plan_lock.acquire(plan_path)
    if lock is None:
        raise PlanReadOnlyError(
            translate("PlanFile", "{plan_path} is open in another window; close it there first.").format(
                plan_path=plan_path
            )
        )
    staged_lock: plan_lock.PlanLock | None = None
    try:
        folder = _folder(plan_path)
        # The copy is made first: a crash before the plan is moved aside leaves it in place, and
        # one after leaves the whole copy, which the next open puts in place
        # (finish_interrupted_restore).
        staged = restoring_path(plan_path)
        staged.unlink(missing_ok=True)
        source = _read_only(backup)
        try:
            _write_copy(source, staged)
        finally:
            source.close()
        # The copy's identity is the plan's once it is renamed: whoever opens it meanwhile
        # (or finds it half-way) sees it is in use.
        staged_lock = plan_lock.acquire(plan_path, file=staged)
        if staged_lock is None:
            staged.unlink(missing_ok=True)
            raise PlanReadOnlyError(
                translate("PlanFile", "{plan_path} is open in another window; close it there first.").format(
                    plan_path=plan_path
                )
            )
        aside = _new_name(folder, now, Kind.DAMAGED)
        if plan_path.exists():
            os.replace(plan_path, aside)
        _put_in_place(plan_path, staged, aside)
    finally:
        if staged_lock is not None:
            staged_lock.release()
        lock.release()
    return Backup(aside, now.replace(microsecond=0), Kind.DAMAGED)


def _put_in_place(plan_path: Path, staged: Path, aside: Path) -> None:
    """The last steps of a restore, once the damaged plan is `aside`: its side files follow it,
    then the copy takes its place."""
    for suffix in ("-wal", "-shm", "-journal"):
        side = plan_path.with_name(plan_path.name + suffix)
        if side.exists():
            # Its -wal may hold the last edits: kept under the matching name, for salvage. Left
            # here, SQLite would read it into the restored plan.
            target = aside.with_name(aside.name + suffix)
            n = 1
            while target.exists():  # never over another damaged plan's side file
                n += 1
                target = aside.with_name(f"{aside.name}{suffix}.{n}")
            os.replace(side, target)
    os.replace(staged, plan_path)
    _fsync_folder(plan_path.parent)
    _fsync_folder(aside.parent)


def finish_interrupted_restore(plan_path: Path, now: dt.datetime) -> Notice | None:
    """A restore (restore_file) that was killed half-way: finish it, or undo it; what was done.

    The copy of the backup (`.<name>.restoring`) is complete once it has that name. When the
    plan is still in place, nothing was replaced yet: the copy is removed (the backup it was
    made from is still in the backups folder) and the plan stays as it was. When the plan was
    already moved aside (into the backups folder, as damaged), the copy is put in its place,
    so the plan is never missing, and never replaced by an empty one. None when another
    process holds the plan (it may be restoring it right now) and the plan is in place.
    """
    staged = restoring_path(plan_path)
    partial = partial_path(staged)
    in_place = os.path.lexists(plan_path)
    if not in_place and not staged.exists():
        return None  # no plan and no copy: not a restore's doing (a new plan may be made here)
    lock = plan_lock.acquire(plan_path, file=plan_path if in_place else staged)
    if lock is None:
        if in_place:
            return None
        raise PlanReadOnlyError(
            translate(
                "PlanFile", "{plan_path} is being restored in another window; open it again in a moment."
            ).format(plan_path=plan_path)
        )
    try:
        if in_place:
            # A copy, whole or partial, of a backup that is still in the backups folder.
            left = [p for p in (staged, partial, partial.with_name(partial.name + "-journal")) if p.exists()]
            if not left:
                return None  # finished by another process meanwhile
            for name in left:
                name.unlink()
            _fsync_folder(plan_path.parent)
            return Notice(
                QT_TRANSLATE_NOOP(
                    "PlanFile",
                    "A restore of {name} was interrupted before it replaced the plan, so the plan "
                    "was left as it was.",
                ),
                (("name", plan_path.name),),
            )
        if not staged.exists():
            return None  # finished by another process meanwhile
        folder = _folder(plan_path)
        damaged = [b.path for b in list_backups(plan_path) if b.kind is Kind.DAMAGED]
        # The newest damaged plan is the one this restore moved aside: its side files join it.
        aside = damaged[0] if damaged else _new_name(folder, now, Kind.DAMAGED)
        _put_in_place(plan_path, staged, aside)
    finally:
        lock.release()
    return Notice(
        QT_TRANSLATE_NOOP(
            "PlanFile",
            "A restore of {name} was interrupted; it has now been finished: the plan holds the "
            "backup that was chosen, and the damaged plan is kept in {folder}.",
        ),
        (("name", plan_path.name), ("folder", str(folder))),
    )


def save_copy(plan: PlanDB, dest: Path) -> None:
    """Write everything the open plan holds into a new file (Save a copy as…), private to its owner.

    Works when the plan file was deleted or moved meanwhile: SQLite still reads it through
    the open connection.
    """
    if dest.exists():
        raise PlanError(
            translate("PlanFile", "{dest} already exists; choose another name.").format(dest=dest)
        )
    try:
        _write_copy(plan.conn, dest)
    except (OSError, sqlite3.Error) as exc:
        raise PlanError(
            translate("PlanFile", "Cannot write {dest}: {error}.").format(
                dest=dest, error=getattr(exc, "strerror", None) or exc
            )
        ) from exc
