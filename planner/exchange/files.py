"""Writing export files safely: private (0600), atomic (temporary file, then rename), no formula cells."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import stat
import sys
import tempfile
import time
from pathlib import Path

from planner.i18n import translate

if sys.platform != "win32":
    import fcntl

# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# What a formula needs to reach beyond its own cell: a function call (a name right before "("),
# a DDE link ("cmd|' /C calc'!A0") or a reference into another sheet or file (a name, quote or
# bracket right before "!").
_REACHES_OUT = re.compile(r"[\w.]\(|\||[\w.'\]]!")


def neutralise(cell: str) -> str:
    """A cell that cannot run as a formula when the file is opened in a spreadsheet: '=1+1' -> "'=1+1"."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def neutralise_for_crm(cell: str) -> str:
    """A cell of a file a CRM imports: as `neutralise`, but a leading "-" or "+" followed by a
    space or a letter stays as it is when nothing in the cell could reach beyond it.

    A CRM stores the guard's apostrophe as part of the text ("'- follow up with the CFO"), and it
    comes back with the next import. "- follow up with the CFO" or "+Tom" runs nothing even where
    a spreadsheet reads it as a formula: without a function call, a DDE link or a reference to
    another sheet it can at most show an error. Everything else is guarded as OWASP says: "=",
    "@", tab and carriage return first; "+" or "-" followed by a digit, "(" or anything else.
    """
    if cell[:1] in ("-", "+") and len(cell) > 1:
        follower = cell[1]
        if (follower == " " or follower.isalpha()) and not _REACHES_OUT.search(cell):
            return cell
    return neutralise(cell)


# A temporary file of an export: ".<target name>.<8 random characters>.tmp" (tempfile.mkstemp).
_TEMPORARY = re.compile(r"^\..+\.[a-z0-9_]{8}\.tmp$")
# Where no lock can say whether a temporary file is still being written: older than this, it is not.
STALE_AFTER_S = 60


def _folder_of(path: Path) -> Path:
    return path.parent if str(path.parent) else Path(".")


def target_problem(path: Path) -> str | None:
    """Why an export must not be written to `path` (a folder, a device, a FIFO...), or None for a
    regular file or a new name. Renaming onto a device or a FIFO would replace it with a file."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None  # a new file (or a link to one not made yet)
    except OSError as exc:
        return exc.strerror or str(exc)
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return translate("ExportFile", "it is a folder, not a file")
    if stat.S_ISFIFO(mode):
        return translate("ExportFile", "it is a named pipe (FIFO), not a regular file")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return translate("ExportFile", "it is a device, not a regular file")
    if stat.S_ISSOCK(mode):
        return translate("ExportFile", "it is a socket, not a regular file")
    return translate("ExportFile", "it is not a regular file")


def check_target(path: Path) -> None:
    """Raise OSError (its strerror says why) when `path` is not a regular file or a new name."""
    problem = target_problem(path)
    if problem is not None:
        raise OSError(errno.EINVAL, problem, str(path))


def temporary_beside(path: Path) -> tuple[int, str]:
    """A new private temporary file beside `path` (same file system: the rename is atomic).

    Locked while this process writes it, so `remove_stale_temporaries` can tell it from one that
    a killed export left behind. Returns its descriptor and name.
    """
    folder = _folder_of(path)
    for _attempt in range(50):
        fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
        if sys.platform == "win32":  # pragma: no cover - no flock: age tells stale files there
            return fd, temporary
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            # Another export may have taken it for stale between its creation and our lock,
            # and removed it: then it is not ours to write any more.
            same = os.path.samestat(os.stat(temporary), os.fstat(fd))
        except (BlockingIOError, FileNotFoundError):
            same = False
        if same:
            return fd, temporary
        os.close(fd)
    raise OSError(errno.EAGAIN, "no temporary file could be made", str(folder))


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove the temporary files that killed exports left in `folder`; returns them.

    A temporary file is stale when no process holds its lock (where there are no locks, when it
    is over a minute old). Only this user's regular files named as `temporary_beside` names
    them are looked at; a folder that cannot be read is left alone.
    """
    removed: list[Path] = []
    try:
        names = [entry for entry in os.scandir(folder) if _TEMPORARY.match(entry.name)]
    except OSError:
        return removed
    for entry in names:
        path = Path(entry.path)
        with contextlib.suppress(OSError):
            info = entry.stat(follow_symlinks=False)
            if not stat.S_ISREG(info.st_mode) or info.st_uid != _uid():
                continue
            if sys.platform == "win32":  # pragma: no cover
                if time.time() - info.st_mtime > STALE_AFTER_S:
                    path.unlink()
                    removed.append(path)
                continue
            fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                # Still the file that was looked at, and nobody writes it: left by a killed export.
                if os.path.samestat(os.stat(path, follow_symlinks=False), os.fstat(fd)):
                    path.unlink()
                    removed.append(path)
            finally:
                os.close(fd)
    return removed


def _uid() -> int:
    return os.getuid() if hasattr(os, "getuid") else 0


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: readers see the old file or the whole new one, never half.

    The temporary file is created beside the target (same file system, so the rename is atomic)
    with mode 0600, and the target keeps that mode: exports hold private planning. Temporary
    files left by killed exports in that folder are removed first; a target that is not a
    regular file (a folder, a device, a FIFO) is refused (OSError) before anything is written.
    """
    path = Path(path)
    check_target(path)
    remove_stale_temporaries(_folder_of(path))
    fd, temporary = temporary_beside(path)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
            os.chmod(temporary, 0o600)
            # Renamed while still locked: nobody takes it for a killed export's meanwhile.
            os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
