"""The frozen program's entry script: `opportunity-planner [ARGS]` runs ui.app.main like `planner`."""

from __future__ import annotations

import sys
from pathlib import Path

from ui.app import main


def desktop_args(argv: list[str]) -> list[str]:
    """The .desktop file's `Exec=opportunity-planner %f` passes a bare plan path: read it as --db.

    Only a single argument ending in .plan, or an absolute path of an existing file (what %f
    gives), is rewritten; subcommands and options reach the command line unchanged.
    """
    if len(argv) == 1 and not argv[0].startswith("-"):
        path = Path(argv[0])
        if path.suffix == ".plan" or (path.is_absolute() and path.is_file()):
            return ["--db", argv[0]]
    return argv


if __name__ == "__main__":
    raise SystemExit(main(desktop_args(sys.argv[1:])))
