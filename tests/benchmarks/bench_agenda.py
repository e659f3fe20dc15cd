"""Agenda benchmark: `python -m tests.benchmarks.bench_agenda` (100,000 deals, 3 actions each).

Measures, as medians: (a) `load_agenda` in a fresh process that opens the plan and reads the
agenda (what the Agenda tab and `planner agenda` do when a plan opens), against a fresh
process that only opens the plan; (b) `load_agenda` again in a warm process; (c) the Agenda
tab's refresh (the read and the table filled) in a warm process.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from planner.agenda import PAGE
from planner.storage.db import open_plan
from tests.benchmarks.plans import INFLUENCES_PER_DEAL, ensure_plan

# The target: the agenda of a 100,000-deal plan (4 influences, 3 actions per deal) within 100 ms.
TARGET_MS = 100.0
ACTIONS_PER_DEAL = 3
CALLS_SHARE = 0.05  # one deal in twenty has a call plan
SEED = 20261205


def agenda_plan(plans_dir: Path, deals: int, *, rebuild: bool = False) -> Path:
    """The benchmark plan of this size with actions and call plans added (a copy, built once)."""
    base, _built = ensure_plan(plans_dir, deals, rebuild=rebuild)
    path = base.with_name(base.stem + "-agenda.plan")
    if path.exists() and not rebuild:
        return path
    partial = path.with_suffix(".partial")
    shutil.copyfile(base, partial)
    plan = open_plan(partial, create=False)
    try:
        rng = random.Random(SEED)
        today = dt.date.today()
        ids = [r[0] for r in plan.query("SELECT id FROM opportunity ORDER BY id")]
        with plan.atomic():
            actions = []
            for deal in ids:
                for k in range(ACTIONS_PER_DEAL):
                    due = today + dt.timedelta(days=rng.randint(-30, 120))
                    status = "done" if k == 0 and rng.random() < 0.5 else "planned"
                    actions.append((deal, f"Step {k + 1}", "Sam Seller", due.isoformat(), status))
            plan.conn.executemany(
                "INSERT INTO action (opportunity_id, what, who, due, status) VALUES (?, ?, ?, ?, ?)", actions
            )
            calls = [
                (
                    deal,
                    f"{today + dt.timedelta(days=rng.randint(-10, 60))}T10:00:00",
                    "Evaluation call",
                    f"{today}T09:00:00+00:00",
                )
                for deal in rng.sample(ids, int(len(ids) * CALLS_SHARE))
            ]
            plan.conn.executemany(
                "INSERT INTO call_plan (opportunity_id, meeting_at, title, created) VALUES (?, ?, ?, ?)",
                calls,
            )
    finally:
        plan.close()
    os.replace(partial, path)
    return path


def child(db: Path, only_open: bool) -> None:
    """One fresh process: open the plan (and read the agenda), print the milliseconds as JSON."""
    started = time.perf_counter()
    from planner.agenda import load_agenda_page

    imported = time.perf_counter()
    plan = open_plan(db, create=False, read_only=True)
    opened = time.perf_counter()
    count = 0 if only_open else len(load_agenda_page(plan, dt.date.today()).items)
    done = time.perf_counter()
    plan.close()
    print(
        json.dumps(
            {
                "import_ms": (imported - started) * 1000,
                "open_ms": (opened - imported) * 1000,
                "agenda_ms": (done - opened) * 1000,
                "items": count,
            }
        )
    )


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.child is not None:
        child(args.child, args.only_open)
        return 0
    path = agenda_plan(args.plans_dir, args.deals, rebuild=args.rebuild)
    print(
        f"Plan {path}: {args.deals:,} open deals, {INFLUENCES_PER_DEAL} influences and"
        f" {ACTIONS_PER_DEAL} actions each"
    )
    fresh = [_spawn(path, only_open=False) for _ in range(args.warmup + args.runs)][args.warmup :]
    bare = [_spawn(path, only_open=True) for _ in range(args.runs)]
    agenda_ms = [f["agenda_ms"] for f in fresh]
    print(f"{int(fresh[0]['items']):,} agenda items listed (the tab's first {PAGE} of each section)")
    print(f"Median of {args.runs} runs, min-max in brackets:")
    print(f"  (a) fresh process, the tab's agenda (load_agenda_page) after opening: {_show(agenda_ms)}")
    print(f"      fresh process, opening the plan:          {_show([f['open_ms'] for f in fresh])}")
    print(f"      fresh process that only opens (baseline): {_show([b['open_ms'] for b in bare])}")

    from planner.agenda import load_agenda, load_agenda_page

    plan = open_plan(path, create=False, read_only=True)
    try:
        warm = _measure(lambda: load_agenda_page(plan, dt.date.today()), args.runs)
        print(f"  (b) warm process, load_agenda_page:           {_show(warm)}")
        whole = _measure(lambda: load_agenda(plan, dt.date.today()), max(1, args.runs // 2))
        print(f"      warm process, the whole agenda (CLI):     {_show(whole)}")
        view_ms = _view(plan, args.runs)
        print(f"  (c) warm process, Agenda tab refresh:         {_show(view_ms)}")
    finally:
        plan.close()
    verdict = "PASS" if statistics.median(agenda_ms) <= TARGET_MS else "FAIL"
    print(f"Target: (a) <= {TARGET_MS:.0f} ms for {args.deals:,} deals: {verdict}")
    return 0


def _view(plan: object, runs: int) -> list[float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from ui.agenda_view import AgendaView
    from ui.session import EditSession

    app = QApplication.instance() or QApplication(sys.argv[:1])
    view = AgendaView(EditSession(plan))  # type: ignore[arg-type]
    view.resize(1200, 700)
    view.show()
    QCoreApplication.processEvents()

    def refresh() -> None:
        view.refresh()
        QCoreApplication.processEvents()

    samples = _measure(refresh, runs)
    view.close()
    del app
    return samples


def _spawn(db: Path, *, only_open: bool) -> dict[str, float]:
    argv = [sys.executable, "-m", "tests.benchmarks.bench_agenda", "--child", str(db)]
    if only_open:
        argv.append("--only-open")
    done = subprocess.run(argv, capture_output=True, text=True, check=True, timeout=300)
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _measure(run: Callable[[], object], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        run()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def _show(samples: list[float]) -> str:
    return f"{statistics.median(samples):7.1f} ms  ({min(samples):.1f}-{max(samples):.1f})"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--deals", type=int, default=100_000, help="open deals in the plan")
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each measurement")
    parser.add_argument("--warmup", type=int, default=2, help="fresh processes not counted")
    parser.add_argument("--rebuild", action="store_true", help="build the plans again")
    parser.add_argument(
        "--plans-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "opportunity-planner-bench",
        help="where the generated plans are kept between benchmarks (shared with run_benchmarks)",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--only-open", action="store_true", help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
