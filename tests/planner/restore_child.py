"""Child of the interrupted-restore test: restores a backup over a damaged plan and is killed at a
chosen rename.

Run as `python restore_child.py PLAN BACKUP STEP`. Right before the rename that STEP names it
prints `at STEP` and waits to be killed:
- `copy`: the backup's copy, whole, takes its name `.<plan>.restoring`;
- `aside`: the damaged plan moves into the backups folder;
- `wal`: the damaged plan's -wal follows it;
- `final`: the copy takes the plan's name.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

from planner.storage import backup

_replace = os.replace


def main(plan: Path, source: Path, stop: str) -> None:
    def step_of(src: str, dst: str) -> str:
        if src.endswith(".partial"):
            return "copy"
        if src == str(plan):
            return "aside"
        if src == f"{plan}-wal":
            return "wal"
        return "final" if dst == str(plan) else "other"

    def replace(src: str | Path, dst: str | Path) -> None:
        if step_of(str(src), str(dst)) == stop:
            os.write(1, f"at {stop}\n".encode())
            time.sleep(600)  # the parent kills this process here
        _replace(src, dst)

    os.replace = replace  # type: ignore[assignment]
    backup.restore_file(plan, source, dt.datetime(2026, 11, 26, 9, 30))
    os.write(1, b"restored\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3])
