"""Search-as-you-type benchmark: `python -m tests.benchmarks.bench_search` (100,000 deals).

The plan is tests.benchmarks.plans' generator (four buying influences per deal) with three
actions per deal added, built once and kept. Each run is a fresh process that opens the plan
and types a few queries one keystroke at a time, timing `planner.search.search` for each
prefix (what the search window runs per keystroke). Also reports what the index costs: the
share of the plan file it takes, and what it adds to bench_import's import of the 8,800-row
pipeline. Exits 1 when a target is missed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from tests.benchmarks.plans import INFLUENCES_PER_DEAL, ensure_plan

TARGET_MEDIAN_MS = 30.0
TARGET_WORST_MS = 80.0
TARGET_SIZE_SHARE = 0.30
TARGET_IMPORT_SHARE = 0.20
ACTIONS_PER_DEAL = 3
# What a seller types: a person, an account, a product word, a next step, two words.
QUERIES = ("keller", "northwind", "telematics", "questionnaire", "maria fischer", "cfo")
_ACTIONS = ("Call the CFO about the budget", "Send the pilot plan", "Book the site visit with IT")


def ensure_search_plan(folder: Path, open_deals: int) -> Path:
    """The generator's plan of this size with ACTIONS_PER_DEAL actions per deal (built once)."""
    base, _built = ensure_plan(folder, open_deals)
    path = base.with_name(base.stem + "-actions.plan")
    if path.exists():
        return path
    for stale in folder.glob(f"bench-{open_deals}-*-actions.plan*"):
        stale.unlink()
    partial = path.with_suffix(".partial")
    shutil.copyfile(base, partial)
    from planner.storage.db import open_plan

    plan = open_plan(partial, create=False)
    try:
        with plan.atomic():
            ids = [r[0] for r in plan.query("SELECT id FROM opportunity ORDER BY id")]
            for n, deal in enumerate(ids):
                for k in range(ACTIONS_PER_DEAL):
                    plan.execute(
                        "INSERT INTO action (opportunity_id, what, who, due, status) VALUES (?, ?, ?, ?, ?)",
                        [deal, _ACTIONS[k], "me" if (n + k) % 2 else "partner", None, "planned"],
                    )
    finally:
        plan.close()
    os.replace(partial, path)
    return path


def _child(path: Path) -> dict[str, object]:
    """In a fresh process: open the plan, type every query, return each keystroke's ms."""
    from planner import search
    from planner.storage.db import open_plan

    plan = open_plan(path, create=False, read_only=True)
    try:
        timings: dict[str, list[float]] = {}
        for query in QUERIES:
            samples = []
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                search.search(plan, query[:end])
                samples.append((time.perf_counter() - started) * 1000)
            timings[query] = samples
    finally:
        plan.close()
    return {"timings": timings}


def index_share(path: Path) -> tuple[int, int, int]:
    """(bytes of the search index's tables and its index of people, bytes of the pages in use,
    bytes of free pages), by SQLite's dbstat."""
    import sqlite3

    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        total = conn.execute("SELECT sum(pgsize) FROM dbstat").fetchone()[0]
        index = conn.execute(
            "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'"
            " OR name = 'buying_influence_person_search'"
        ).fetchone()[0]
        (free,) = conn.execute("PRAGMA freelist_count").fetchone()
        (page,) = conn.execute("PRAGMA page_size").fetchone()
    finally:
        conn.close()
    return int(index or 0), int(total), int(free) * int(page)


def import_cost(runs: int) -> tuple[float, float]:
    """Median seconds of bench_import's import of the 8,800-row pipeline into a new plan, with
    the search index, and with its triggers dropped (what the index adds)."""
    from planner.storage.db import open_plan
    from tests.benchmarks.bench_import import _import

    times: dict[bool, list[float]] = {True: [], False: []}
    with tempfile.TemporaryDirectory() as folder:
        for run in range(runs):
            for indexed in (True, False):
                plan = open_plan(Path(folder) / f"import-{run}-{indexed}.plan")
                try:
                    if not indexed:
                        names = plan.query("SELECT name FROM sqlite_master WHERE type = 'trigger'")
                        for (name,) in names:
                            if name.startswith("search_"):
                                plan.conn.execute(f"DROP TRIGGER {name}")
                    started = time.perf_counter()
                    _import(plan)
                    times[indexed].append(time.perf_counter() - started)
                finally:
                    plan.close()
    return statistics.median(times[True]), statistics.median(times[False])


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.child is not None:
        json.dump(_child(args.child), sys.stdout)
        return 0
    started = time.perf_counter()
    path = ensure_search_plan(args.plans_dir, args.deals)
    print(f"Plan {path} ready in {time.perf_counter() - started:.1f} s")
    index, total, free = index_share(path)
    share = index / (total - index)
    print(
        f"{args.deals:,} open deals, {INFLUENCES_PER_DEAL} influences and {ACTIONS_PER_DEAL} actions each:"
        f" pages in use {total / 1e6:.1f} MB, search index {index / 1e6:.1f} MB"
        f" (+{share:.0%} of the plan without it); {free / 1e6:.1f} MB of free pages"
        " (the queue of the one transaction that built it, reused by later writes)"
    )
    with_index, without = import_cost(args.runs)
    import_share = with_index / without - 1
    print(
        f"Import of the 8,800-row pipeline: {with_index:.2f} s, {without:.2f} s without the index"
        f" (+{import_share:.0%}, target +{TARGET_IMPORT_SHARE:.0%})"
    )
    runs: dict[str, list[list[float]]] = {q: [] for q in QUERIES}
    for run in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_search", "--child", str(path)],
            check=True,
            capture_output=True,
            text=True,
        ).stdout
        for query, samples in json.loads(out)["timings"].items():
            runs[query].append(samples)
        print(f"  run {run + 1}/{args.runs} done")
    every: list[float] = []
    print(f"Per keystroke, median over {args.runs} fresh processes (ms):")
    for query, samples in runs.items():
        per_key = [statistics.median(s[i] for s in samples) for i in range(len(query))]
        every += per_key
        print(f"  {query!r:18} " + " ".join(f"{ms:5.1f}" for ms in per_key))
    median, worst = statistics.median(every), max(every)
    ok = (
        median <= TARGET_MEDIAN_MS
        and worst <= TARGET_WORST_MS
        and share <= TARGET_SIZE_SHARE
        and import_share <= TARGET_IMPORT_SHARE
    )
    print(
        f"Keystrokes: median {median:.1f} ms (target {TARGET_MEDIAN_MS:.0f}), worst {worst:.1f} ms"
        f" (target {TARGET_WORST_MS:.0f}); index +{share:.0%} (target {TARGET_SIZE_SHARE:.0%}):"
        f" {'PASS' if ok else 'FAIL'}"
    )
    return 0 if ok else 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_search", description=__doc__)
    parser.add_argument("--deals", type=int, default=100_000, help="open deals in the plan")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes (the median is reported)")
    parser.add_argument(
        "--plans-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "opportunity-planner-bench-search",
        help="where the generated plans are kept between runs",
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
