"""Blue Sheet benchmark: `python -m tests.benchmarks.bench_blue_sheet` (select a deal of 100,000)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication

from planner.clock import FixedClock
from planner.storage.db import open_plan
from tests.benchmarks.plans import INFLUENCES_PER_DEAL, ensure_plan
from ui.blue_sheet import BlueSheetPanel
from ui.blue_sheet.panel import load_sheet
from ui.session import EditSession

# The target: select a card -> panel fully populated, flags and map included.
TARGET_MS = 30.0


def main(argv: Sequence[str] | None = None) -> int:
    """Median of N `show_opportunity` + `processEvents()` over deals spread through the plan."""
    args = _parser().parse_args(argv)
    path, built = ensure_plan(args.plans_dir, args.deals)
    print(f"Plan {path} (" + (f"built in {built:.1f} s" if built is not None else "cached") + ")")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    plan = open_plan(path, create=False, read_only=True)
    try:
        ids = [r[0] for r in plan.query("SELECT id FROM opportunity ORDER BY id")]
        step = max(1, len(ids) // (args.runs + args.warmup))
        chosen = ids[::step][: args.runs + args.warmup]
        today = dt.date.today()

        session = EditSession(plan, FixedClock(today))  # nothing is edited here
        panel = BlueSheetPanel(session)
        panel.resize(560, 900)
        panel.show()
        panel.tabs.setCurrentWidget(panel.influence)  # the busiest tab: table and map painted
        QCoreApplication.processEvents()
        for deal in chosen[: args.warmup]:  # page cache, first paints: not counted
            panel.show_opportunity(deal)
            QCoreApplication.processEvents()
        painted = _PaintCounter()
        for viewport in (panel.influence.table.viewport(), panel.influence.map.viewport()):
            viewport.installEventFilter(painted)
        shown: list[float] = []
        loads: list[float] = []
        for deal in chosen[args.warmup :]:
            started = time.perf_counter()
            load_sheet(plan, deal, today)
            loads.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            panel.show_opportunity(deal)
            QCoreApplication.processEvents()
            shown.append((time.perf_counter() - started) * 1000)
            assert panel.opportunity_id == deal
        paints = painted.count
        deals = len(ids)
        influences = plan.query("SELECT COUNT(*) FROM buying_influence")[0][0]
        panel.close()
    finally:
        plan.close()
    del app
    print(
        f"{deals:,} deals ({args.deals:,} open), {influences:,} influences ({INFLUENCES_PER_DEAL} per deal);"
        f" {len(shown)} deals shown, after {args.warmup} uncounted"
    )
    print(f"  read the Blue Sheet + rules (load_sheet):    {_show(loads)}")
    print(f"  select -> panel populated, map and flags painted: {_show(shown)}")
    print(f"  (table and map viewports painted {paints} times over {len(shown)} selections)")
    verdict = "PASS" if statistics.median(shown) <= TARGET_MS else "FAIL"
    print(f"Target: median <= {TARGET_MS:.0f} ms at {args.deals:,} open deals: {verdict}")
    return 0


class _PaintCounter(QObject):
    """Counts Paint events: proof that the timed loop paints, not only lays out."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.count += 1
        return False


def _show(samples: list[float]) -> str:
    return f"median {statistics.median(samples):6.1f} ms  (min {min(samples):.1f}, max {max(samples):.1f})"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deals", type=int, default=100_000, help="open deals in the plan")
    parser.add_argument("--runs", type=int, default=20, help="deals shown and timed")
    parser.add_argument("--warmup", type=int, default=3, help="deals shown first, not timed")
    parser.add_argument(
        "--plans-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "opportunity-planner-bench",
        help="where the generated plans are kept between benchmarks (shared with run_benchmarks)",
    )
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
