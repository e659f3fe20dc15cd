"""Writing pack files: all or nothing, atomic per file (temporary file, then rename), owner-only."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

from planner.exchange.pack import PackError


def _check_destination(path: Path) -> None:
    folder = path.parent if str(path.parent) else Path(".")
    if path.is_dir():
        raise PackError(f"Cannot write {path}: it is a folder. Nothing was written.")
    if not folder.is_dir():
        raise PackError(f"Cannot write {path}: the folder {folder} does not exist. Nothing was written.")


def write_files_atomic(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write every (path, data) or none: each goes to a temporary file beside it, then all are renamed.

    Readers never see a half-written file; a failure (unwritable folder, full disk) raises
    PackError with a message for the seller and leaves nothing new behind.
    """
    for path, _data in files:
        _check_destination(Path(path))
    temporaries: list[tuple[str, Path]] = []
    try:
        for path, data in files:
            path = Path(path)
            folder = path.parent if str(path.parent) else Path(".")
            fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
            temporaries.append((temporary, path))
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
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
    return [Path(path) for path, _data in files]


def write_bytes_atomic(path: Path, data: bytes) -> Path:
    """One file, atomically."""
    return write_files_atomic([(Path(path), data)])[0]


def write_text_atomic(path: Path, text: str) -> Path:
    """One UTF-8 text file, atomically."""
    return write_bytes_atomic(path, text.encode("utf-8"))
