"""open_plan on real files: fresh plans, reopening, and every refusal leaving the file untouched."""

from __future__ import annotations

import ctypes
import hashlib
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner.stages import DEFAULT_STAGES
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import APPLICATION_ID, PlanError, open_plan
from planner.storage.migrations import KNOWN_MIGRATIONS, MIGRATION_SET

Fingerprint = tuple[str, int, int, list[str]]


def fingerprint(path: Path) -> Fingerprint:
    """Content hash, mtime, mode and the folder's listing (side files such as -wal would show)."""
    info = path.stat()
    digest = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
    return digest, info.st_mtime_ns, info.st_mode, sorted(p.name for p in path.parent.iterdir())


def make_plan(path: Path) -> Path:
    open_plan(path).close()
    return path


def make_newer_plan(path: Path) -> Path:
    """A real plan on which a later version applied a migration this version does not know."""
    make_plan(path)
    conn = sqlite3.connect(path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
        [MIGRATION_SET, "9999_from_the_future", "2030-01-01 00:00:00+00:00"],
    )
    conn.commit()
    conn.close()
    return path


def make_foreign(path: Path) -> Path:
    """Another program's SQLite database: a table, no application_id."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipe (name TEXT)")
    conn.execute("INSERT INTO recipe VALUES ('soup')")
    conn.commit()
    conn.close()
    return path


def make_foreign_wal(path: Path) -> Path:
    """Another program's database in WAL mode, the mode where read-only SQLite leaves side files."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("CREATE TABLE recipe (name TEXT)")
    conn.commit()
    conn.close()
    return path


def make_other_application(path: Path) -> Path:
    """An SQLite file stamped by another program, even before it made any table."""
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    return path


def make_folder(path: Path) -> Path:
    path.mkdir()
    return path


def make_text(path: Path) -> Path:
    path.write_text("name,amount\nAcme,1000\n")
    return path


def make_empty(path: Path) -> Path:
    path.touch()
    return path


def make_truncated(path: Path) -> Path:
    """The first bytes of a plan: an SQLite signature, but not even a whole header."""
    whole = make_plan(path.with_name("whole.plan"))
    path.write_bytes(whole.read_bytes()[:60])
    whole.unlink()
    return path


REFUSALS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "folder": (make_folder, "is a folder, not a plan file"),
    "text": (make_text, "is not a plan file (it is not an SQLite database)"),
    "empty": (make_empty, "is an empty file, not a plan"),
    "truncated": (make_truncated, "is a damaged SQLite file"),
    "foreign": (make_foreign, "is an SQLite database of another program"),
    "foreign-wal": (make_foreign_wal, "is an SQLite database of another program"),
    "other-application": (make_other_application, "is an SQLite database of another program"),
    "newer": (make_newer_plan, "was written by a newer version of Opportunity Planner"),
}


@pytest.mark.parametrize("case", list(REFUSALS))
def test_refused_files_are_left_untouched(tmp_path: Path, case: str) -> None:
    make, message = REFUSALS[case]
    path = make(tmp_path / "subject.plan")
    before = fingerprint(path)
    with pytest.raises(PlanError) as raised:
        open_plan(path)
    assert str(path) in str(raised.value)
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)
    assert fingerprint(path) == before


def test_newer_plan_open_elsewhere_is_refused(tmp_path: Path) -> None:
    # A newer planner has the plan open and its migration still sits in the -wal file: it must
    # be seen, and the side files the other program owns are left as they are.
    path = make_plan(tmp_path / "busy.plan")
    other = sqlite3.connect(path)
    try:
        other.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            [MIGRATION_SET, "9999_from_the_future", "2030-01-01 00:00:00+00:00"],
        )
        other.commit()
        assert path.with_name("busy.plan-wal").stat().st_size > 0
        before = fingerprint(path)
        with pytest.raises(PlanError, match="newer version"):
            open_plan(path)
        assert fingerprint(path) == before
    finally:
        other.close()


def test_plan_open_elsewhere_still_opens(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "shared.plan")
    other = sqlite3.connect(path)
    try:
        other.execute("SELECT COUNT(*) FROM stage").fetchone()
        plan = open_plan(path)
        assert len(stage_repo.list_stages(plan)) == len(DEFAULT_STAGES)
        plan.close()
    finally:
        other.close()


def test_fresh_plan_settings(tmp_path: Path) -> None:
    path = tmp_path / "fresh.plan"
    plan = open_plan(path)
    try:
        assert plan.query("PRAGMA application_id") == [(APPLICATION_ID,)]
        assert plan.query("PRAGMA journal_mode") == [("wal",)]
        assert plan.query("PRAGMA foreign_keys") == [(1,)]
        assert plan.query("SELECT name FROM _sqlite_migrations") == [(n,) for n in KNOWN_MIGRATIONS]
        assert len(stage_repo.list_stages(plan)) == 7
        assert opportunity_repo.count_opportunities(plan) == 0
    finally:
        plan.close()
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # Closing folds the write-ahead log back: only the plan is left.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fresh.plan"]


def test_fresh_plan_is_private_whatever_the_umask(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        make_plan(tmp_path / "open.plan")
    finally:
        os.umask(old)
    if os.name == "posix":
        assert stat.S_IMODE((tmp_path / "open.plan").stat().st_mode) == 0o600


def test_reopening_runs_no_migration_and_writes_nothing(tmp_path: Path) -> None:
    path = make_plan(tmp_path / "again.plan")
    before = fingerprint(path)
    conn = sqlite3.connect(path)
    applied = conn.execute("SELECT id, name, applied_at FROM _sqlite_migrations").fetchall()
    conn.close()
    plan = open_plan(path)
    try:
        assert plan.query("SELECT id, name, applied_at FROM _sqlite_migrations") == applied
        assert len(stage_repo.list_stages(plan)) == len(DEFAULT_STAGES)
    finally:
        plan.close()
    assert fingerprint(path) == before


def test_empty_sqlite_database_becomes_a_plan(tmp_path: Path) -> None:
    # No table and no application_id: nothing can be lost by making it a plan.
    path = tmp_path / "blank.db"
    conn = sqlite3.connect(path)
    conn.execute("VACUUM")  # writes the header of an empty database
    conn.close()
    assert path.read_bytes().startswith(b"SQLite format 3\x00")
    plan = open_plan(path)
    try:
        assert plan.query("PRAGMA application_id") == [(APPLICATION_ID,)]
    finally:
        plan.close()


def test_missing_plan_without_create_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "missing.plan"
    with pytest.raises(PlanError, match="No plan at"):
        open_plan(path, create=False)
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "nowhere" / "new.plan"
    with pytest.raises(PlanError, match="does not exist"):
        open_plan(path)
    assert list(tmp_path.iterdir()) == []


def test_file_as_folder_is_refused(tmp_path: Path) -> None:
    notes = make_text(tmp_path / "notes.txt")
    before = fingerprint(notes)
    with pytest.raises(PlanError, match="is not a folder"):
        open_plan(notes / "new.plan")
    assert fingerprint(notes) == before


# The capabilities that let root ignore file permissions (linux/capability.h).
CAP_DAC_OVERRIDE = 1
CAP_DAC_READ_SEARCH = 2
PR_CAPBSET_DROP = 24


def drop_permission_override() -> None:
    """In the child before exec: root keeps its uid but must obey file permissions."""
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH):
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "prctl(PR_CAPBSET_DROP)")


def as_plain_user() -> Callable[[], None] | None:
    """How to run a child that file permissions apply to: as is, or as root without overrides."""
    if sys.platform != "linux":
        pytest.skip("file permissions are tested on Linux")
    return drop_permission_override if os.geteuid() == 0 else None


OPEN_IN_CHILD = """
import sys
from pathlib import Path
from planner.storage.db import PlanError, open_plan
try:
    open_plan(Path(sys.argv[1])).close()
except PlanError as exc:
    print(exc)
    raise SystemExit(3)
"""


def open_plan_without_permission(path: Path) -> str:
    """open_plan in a child that may not bypass permissions; returns the PlanError message."""
    preexec = as_plain_user()
    probe = subprocess.run(
        [sys.executable, "-c", "import os, sys; os.stat(sys.argv[1]); open(sys.argv[1], 'rb')", str(path)],
        preexec_fn=preexec,
        capture_output=True,
        check=False,
        timeout=30,
    )
    assert probe.returncode != 0, "the child can still read the file: the test would prove nothing"
    result = subprocess.run(
        [sys.executable, "-c", OPEN_IN_CHILD, str(path)],
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        check=False,
        timeout=30,
    )
    assert result.returncode == 3, result.stdout + result.stderr
    return result.stdout.strip()


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder whose modes the test changes; restored so tmp_path can be cleaned up."""
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    folder.chmod(0o700)
    for child in folder.iterdir():
        child.chmod(0o600)
    shutil.rmtree(folder)


@pytest.mark.slow
def test_unreadable_plan_is_refused(locked: Path) -> None:
    path = make_plan(locked / "secret.plan")
    path.chmod(0)
    before = fingerprint(path)
    message = open_plan_without_permission(path)
    assert message == f"Cannot read {path}: Permission denied."
    assert fingerprint(path) == before


@pytest.mark.slow
def test_plan_in_a_folder_that_cannot_be_entered_is_refused(locked: Path) -> None:
    path = make_plan(locked / "hidden.plan")
    before = fingerprint(path)
    locked.chmod(0)
    message = open_plan_without_permission(path)
    assert message == f"Cannot open {path}: Permission denied."
    locked.chmod(0o700)
    assert fingerprint(path) == before
