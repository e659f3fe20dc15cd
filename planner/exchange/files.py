"""Writing export files safely: private (0600), atomic (temporary file, then rename), no formula cells."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

# Characters that make a spreadsheet treat a cell as a formula (OWASP "CSV injection").
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """A cell that cannot run as a formula when the file is opened in a spreadsheet: '=1+1' -> "'=1+1"."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def write_private(path: Path, data: bytes) -> None:
    """Write `data` to `path` atomically: readers see the old file or the whole new one, never half.

    The temporary file is created beside the target (same file system, so the rename is atomic)
    with mode 0600, and the target keeps that mode: exports hold private planning.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    fd, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
