"""One writer per plan: advisory locks held while the plan is open for writing.

Two locks, both taken without waiting:
- `<plan>.lock` beside the real file (symbolic links resolved), which every program that
  shares the folder sees;
- a lock named after the file's identity (device and inode) in a private folder of this user,
  which every name of the file shares: a hard link to a plan is the same file under another
  name, and without it two windows could write one plan through two names (each with its own
  -wal file, so one would lose the other's edits).
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

if sys.platform != "win32":
    import fcntl

LOCK_SUFFIX = ".lock"


def lock_path(plan_path: Path) -> Path:
    """Where the lock of a plan lives: beside the real file, so two paths to it share one lock."""
    real = Path(os.path.realpath(plan_path))
    return real.with_name(real.name + LOCK_SUFFIX)


def identity_folder() -> Path:
    """This user's folder of identity locks (the system's temporary folder, private to the user)."""
    uid = os.getuid() if hasattr(os, "getuid") else 0
    return Path(tempfile.gettempdir()) / f"opportunity-planner-{uid}-locks"


def identity_lock_path(file: Path) -> Path:
    """The identity lock of the file at `file` (following links): one per device and inode."""
    info = os.stat(file)
    return identity_folder() / f"{info.st_dev:x}-{info.st_ino:x}{LOCK_SUFFIX}"


@dataclass
class _Held:
    fd: int
    count: int


# flock() locks belong to an open file description, so a second open in this process would be
# refused by our own first one. Plans opened twice in one process (the window manager opens the
# new window before closing the old) share one lock and count its users instead.
_HELD: dict[str, _Held] = {}
_GUARD = threading.Lock()


class PlanLock:
    """The writer locks of one open plan; `release()` (or the process ending) frees them."""

    def __init__(self, keys: list[str]) -> None:
        self._keys = keys

    @property
    def held(self) -> bool:
        return bool(self._keys)

    def release(self) -> None:
        """Give the locks back; the last user in this process removes each lock file and unlocks."""
        keys, self._keys = self._keys, []
        with _GUARD:
            for key in reversed(keys):
                _release(key)


def _release(key: str) -> None:
    held = _HELD[key]
    held.count -= 1
    if held.count:
        return
    del _HELD[key]
    # Unlink while still holding the lock: a process that opened the old file meanwhile
    # notices the name now points elsewhere (see `_take`) and tries again.
    # A read-only folder keeps its lock file; an unlocked one is harmless.
    with contextlib.suppress(OSError):
        os.unlink(key)
    if held.fd >= 0:
        os.close(held.fd)


def held_here(plan_path: Path) -> bool:
    """Whether this process has the plan open for writing (then its file must not be replaced)."""
    with _GUARD:
        if str(lock_path(plan_path)) in _HELD:
            return True
        try:
            return str(identity_lock_path(plan_path)) in _HELD
        except OSError:
            return False


class LockUnavailableError(Exception):
    """The lock file cannot even be created (a read-only folder, for example)."""


class IdentityLockUnavailableError(LockUnavailableError):
    """The folder of identity locks cannot be used (made by someone else, or not writable)."""

    def __init__(self, folder: Path, problem: str) -> None:
        super().__init__(f"{folder}: {problem}")
        self.folder = folder


def acquire(plan_path: Path, *, file: Path | None = None) -> PlanLock | None:
    """Take the writer locks of a plan without waiting: None when another process holds one.

    The identity lock is that of `file` (the plan itself unless given: a restore locks the copy
    that is about to become the plan). Raises LockUnavailableError when a lock file cannot be
    made, so nobody could hold the lock.
    """
    path_key = str(lock_path(plan_path))
    with _GUARD:
        if not _take(path_key):
            return None
        if sys.platform == "win32":  # pragma: no cover - the planner's lock is POSIX only for now
            return PlanLock([path_key])
        try:
            # Looked up once the path lock is ours: a file renamed into place meanwhile is the one
            # whose identity counts.
            identity_key = str(_identity_key(file or plan_path))
            if not _take(identity_key):
                _release(path_key)
                return None
        except BaseException:
            _release(path_key)
            raise
    return PlanLock([path_key, identity_key])


def _identity_key(file: Path) -> Path:
    folder = identity_folder()
    try:
        folder.mkdir(mode=0o700, exist_ok=True)
        info = os.lstat(folder)
    except OSError as exc:
        raise IdentityLockUnavailableError(folder, exc.strerror or str(exc)) from exc
    # Another user could have made a folder of that name first: then it is not ours to trust.
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & 0o077:
        raise IdentityLockUnavailableError(folder, "it is not a private folder of this user")
    try:
        return identity_lock_path(file)
    except OSError as exc:
        raise LockUnavailableError(f"{file}: {exc.strerror or exc}") from exc


def _take(key: str) -> bool:
    """Lock the file `key` (made when missing), or count one more user here; False when busy."""
    held = _HELD.get(key)
    if held is not None:
        held.count += 1
        return True
    if sys.platform == "win32":  # pragma: no cover - the planner's lock is POSIX only for now
        # No writer lock on Windows yet (msvcrt.locking would be the way): every open is a writer.
        _HELD[key] = _Held(-1, 1)
        return True
    path = Path(key)
    for _attempt in range(50):
        fd = _open_lock_file(path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                return False
            raise LockUnavailableError(f"{path}: {exc.strerror or exc}") from exc
        # The previous holder may have unlinked the file between our open and our flock:
        # then we locked a file nobody else will look at. Only the current name counts.
        try:
            current = os.stat(path)
        except FileNotFoundError:
            os.close(fd)
            continue
        mine = os.fstat(fd)
        if (current.st_dev, current.st_ino) != (mine.st_dev, mine.st_ino):
            os.close(fd)
            continue
        _HELD[key] = _Held(fd, 1)
        return True
    raise LockUnavailableError(f"{path}: the lock file keeps changing")


def _open_lock_file(path: Path) -> int:
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
    except PermissionError:
        try:
            # A lock file left in a folder we may no longer write to still locks (flock
            # needs no write access).
            return os.open(path, os.O_RDONLY | os.O_CLOEXEC)
        except OSError as exc:
            raise LockUnavailableError(f"{path}: {exc.strerror or exc}") from exc
    except OSError as exc:
        raise LockUnavailableError(f"{path}: {exc.strerror or exc}") from exc
    # Private whatever the umask, like the plan (empty, but its name is not); another user's
    # lock file is not ours to change.
    with contextlib.suppress(OSError):
        os.fchmod(fd, 0o600)
    return fd
