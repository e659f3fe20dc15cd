"""Writing pack files: all or nothing, atomic per file (temporary file, then rename), owner-only."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Sequence
from pathlib import Path

from planner.exchange.files import remove_stale_temporaries, target_problem, temporary_beside
from planner.exchange.pack import PackError
from planner.i18n import translate


def _check_destination(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    problem = target_problem(path)
    if problem is not None:
        raise PackError(
            translate("ExportFile", "Cannot write {path}: {problem}. Nothing was written.").format(
                path=path, problem=problem
            )
        )
    if not folder.is_dir():
        raise PackError(f"Cannot write {path}: the folder {folder} does not exist. Nothing was written.")


def write_files_atomic(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every (path, data) or none: each goes to a temporary file beside it, then all are renamed.

    Readers never see a half-written file; a failure (unwritable folder, full disk) raises
    PackError with a message for the seller and leaves nothing new behind. Temporary files that
    killed exports left in those folders are removed first; a path that is not a regular file
    (a folder, a device, a FIFO) is refused before anything is written.
    """
    for path, _data in files:
        _check_destination(Path(path))
    for folder in {Path(path).parent if str(Path(path).parent) else Path(".") for path, _data in files}:
        remove_stale_temporaries(folder)
    temporaries: list[tuple[str, Path]] = []
    # Each temporary file stays open, and so locked, until it is renamed: no other export takes
    # it for one a killed export left behind.
    descriptors: list[int] = []
    try:
        for path, data in files:
            path = Path(path)
            fd, temporary = temporary_beside(path)
            descriptors.append(fd)
            temporaries.append((temporary, path))
            _write_all(fd, data)
            os.fsync(fd)
            os.chmod(temporary, 0o600)  # packs hold private planning, whatever the umask
        for temporary, path in temporaries:
            os.replace(temporary, path)
    except OSError as exc:
        where = exc.filename if isinstance(exc.filename, str) and not exc.filename.endswith(".tmp") else None
        target = where or str(files[len(temporaries) - 1][0] if temporaries else files[0][0])
        raise PackError(f"Cannot write {target}: {exc.strerror or exc}. Nothing was written.") from exc
    finally:
        for temporary, _path in temporaries:
            with contextlib.suppress(OSError):
                os.unlink(temporary)  # already renamed: nothing to remove
        for fd in descriptors:
            os.close(fd)
    return [Path(path) for path, _data in files]


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view) :]


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """One file, atomically."""
    return write_files_atomic([(Path(path), data)])[0]


def write_text_atomic(path: Path, text: str) -> Path:
    """One UTF-8 text file, atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"))
