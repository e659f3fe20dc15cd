"""The window paints its board without the modules only an edit or a chosen deal needs.

Each module imported at start-up costs the seller time before the board shows (the edit
operations, close reasons, the timeline and the undo commands were about 11 ms at 10,000 deals;
docs/architecture.md, "Opening a plan and background work"). A fresh process shows the demo
plan's window, then chooses a deal and makes an edit, and says what was loaded when.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from planner.demo import populate_demo
from planner.storage.db import open_plan

ROOT = Path(__file__).resolve().parents[2]
# Loaded on the seller's first edit or first chosen deal, or with a tab or dock first shown
# (ui/lazy_parts.py), not to paint the board.
LATER = (
    "planner.operations",
    "planner.sheet_operations",
    "ui.commands",
    "planner.timeline",
    "ui.detail_panel",
    "ui.archive",
    "planner.close_reasons",
    "ui.accounts_panel",
)

_CODE = f"""
import sys, pathlib
from PySide6.QtWidgets import QApplication
app = QApplication(["t", "-platform", "offscreen"])
from planner.storage.db import open_plan
from ui.main_window import MainWindow
later = {LATER!r}
plan = open_plan(pathlib.Path(sys.argv[1]))
w = MainWindow(plan); w.resize(1366, 768); w.show(); app.processEvents()
print(",".join(n for n in later if n in sys.modules) or "-")
w.details_dock.raise_(); app.processEvents()
card = next(c for c in w.board.columns.values() if c.proxy.rowCount())
card.view.setCurrentIndex(card.proxy.index(0, 0)); app.processEvents()
print(",".join(n for n in later if n in sys.modules) or "-")
w.close(); plan.close()
"""


def test_the_board_paints_before_the_edit_operations_load(tmp_path: Path) -> None:
    plan = open_plan(tmp_path / "demo.plan")
    populate_demo(plan)  # here: writing it loads the operations
    plan.close()
    env = {**os.environ, "XDG_CONFIG_HOME": str(tmp_path), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", _CODE, str(tmp_path / "demo.plan")],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
        env=env,
    )
    at_start, after_choosing = done.stdout.split()
    assert at_start == "-", done.stderr
    # Choosing a deal fills Deal details: the panel and its timeline load then.
    assert {"ui.detail_panel", "planner.timeline"} <= set(after_choosing.split(",")), done.stderr
