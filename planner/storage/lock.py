"""One writer per plan: an advisory lock on `<plan>.lock`, held while the plan is open for writing."""

from __future__ import annotations

import contextlib
import errno
import os
import sys
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
    """The writer lock of one open plan; `release()` (or the process ending) frees it."""

    def __init__(self, key: str) -> None:
        self._key: str | None = key

    @property
    def held(self) -> bool:
        return self._key is not None

    def release(self) -> None:
        """Give the lock back; the last user in this process removes the lock file and unlocks."""
        key, self._key = self._key, None
        if key is None:
            return
        with _GUARD:
            held = _HELD[key]
            held.count -= 1
            if held.count:
                return
            del _HELD[key]
            # Unlink while still holding the lock: a process that opened the old file meanwhile
            # notices the name now points elsewhere (see `acquire`) and tries again.
            # A read-only folder keeps its lock file; an unlocked one is harmless.
            with contextlib.suppress(OSError):
                os.unlink(key)
            if held.fd >= 0:
                os.close(held.fd)


def held_here(plan_path: Path) -> bool:
    """Whether this process has the plan open for writing (then its file must not be replaced)."""
    with _GUARD:
        return str(lock_path(plan_path)) in _HELD


class LockUnavailableError(Exception):
    """The lock file cannot even be created (a read-only folder, for example)."""


def acquire(plan_path: Path) -> PlanLock | None:
    """Take the writer lock of a plan without waiting: None when another process holds it.

    Raises LockUnavailableError when no lock file can be made, so nobody could hold the lock.
    """
    path = lock_path(plan_path)
    key = str(path)
    with _GUARD:
        held = _HELD.get(key)
        if held is not None:
            held.count += 1
            return PlanLock(key)
        if sys.platform == "win32":  # pragma: no cover - the planner's lock is POSIX only for now
            return _acquire_windows(key)
        for _attempt in range(50):
            fd = _open_lock_file(path)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                if exc.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
                    return None
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
            return PlanLock(key)
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


def _acquire_windows(key: str) -> PlanLock | None:  # pragma: no cover - not tested on Linux
    # No writer lock on Windows yet (msvcrt.locking would be the way): every open is a writer.
    _HELD[key] = _Held(-1, 1)
    return PlanLock(key)
