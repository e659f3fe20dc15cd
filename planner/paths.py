"""Where plans live: the user's data folder (platformdirs), the demo plan and the seller's own."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

APP_NAME = "opportunity-planner"
DEMO_FILE = "demo.plan"
OWN_FILE = "my.plan"


def data_dir() -> Path:
    """The folder for plans; PLANNER_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("PLANNER_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def plan_path(text: str) -> Path:
    """A path argument (--db, --out, files): an empty one is refused rather than read as '.'."""
    # Path("") is ".", the current folder: say what is wrong instead.
    if not text.strip():
        raise argparse.ArgumentTypeError("the path is empty")
    return Path(text)


def resolve_plan(db: Path | None) -> tuple[Path, bool]:
    """The plan to open and whether it is the demo: --db, else the seller's plan, else the demo."""
    if db is not None:
        return db, False
    folder = data_dir()
    own = folder / OWN_FILE
    if own.exists():
        return own, False
    return folder / DEMO_FILE, True
