"""Import benchmark: the 8,800-row Maven pipeline into a plan file, then the same file again."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from planner.exchange.import_plan import ImportOptions, build_preview
from planner.exchange.importer import apply_import
from planner.exchange.layouts import Field
from planner.exchange.sources import load
from planner.storage.db import PlanDB, open_plan

# Run: python -m tests.benchmarks.bench_import [--runs 5]. Each run starts from a new plan file
# (WAL, synchronous=FULL, as the app writes) and times what a seller waits for: reading the file,
# building the preview (parse, validate, match) and writing it in one transaction. The re-import
# must change nothing. Exits 1 when a median misses its target.

PIPELINE = (
    Path(__file__).resolve().parents[2].parent
    / "shared"
    / "data"
    / "crm-sales-opportunities"
    / "sales_pipeline.csv"
)
TARGET_SECONDS = 2.0
ROWS = 8800
MAPPING: dict[str, Field | None] = {
    "opportunity_id": Field.EXTERNAL_ID,
    "deal_stage": Field.STAGE,
    "close_value": Field.AMOUNT,
    "account": Field.ACCOUNT,
    "product": Field.PRODUCT,
    "engage_date": Field.CREATED,
    "close_date": Field.CLOSE_DATE,
    "sales_agent": Field.OWNER,
}


def _dump(plan: PlanDB) -> dict[str, list[tuple[object, ...]]]:
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'"
        )
    ]
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in tables}


def _import(plan: PlanDB) -> tuple[float, float, float, int, int]:
    """(read, preview, write seconds, created, changed) of one import of the pipeline."""
    began = time.perf_counter()
    loaded = load([PIPELINE])
    read = time.perf_counter()
    preview = build_preview(plan, loaded, ImportOptions(mappings={"*": MAPPING}))
    previewed = time.perf_counter()
    result = apply_import(plan, preview)
    written = time.perf_counter()
    summary = result.summary
    return read - began, previewed - read, written - previewed, summary.created, len(summary.updated)


def one_run(folder: Path, run: int) -> tuple[float, float, list[float], list[float]]:
    plan = open_plan(folder / f"bench-{run}.plan")
    try:
        *first_parts, created, _updated = _import(plan)
        if created != ROWS:
            raise SystemExit(f"expected {ROWS} deals created, got {created}")
        before = _dump(plan)
        *again_parts, created_again, updated_again = _import(plan)
        if (created_again, updated_again) != (0, 0) or _dump(plan) != before:
            raise SystemExit("re-importing the same file changed the plan")
    finally:
        plan.close()
    return sum(first_parts), sum(again_parts), first_parts, again_parts


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_import", description=__doc__)
    parser.add_argument("--runs", type=int, default=5, help="how many runs (the median is reported)")
    args = parser.parse_args(argv)
    if not PIPELINE.is_file():
        print(f"The real CRM export is not at {PIPELINE} (../shared/data beside the repository).")
        return 1
    firsts: list[float] = []
    agains: list[float] = []
    phases: list[list[float]] = []
    with tempfile.TemporaryDirectory(prefix="planner-bench-import-") as folder:
        for run in range(1, args.runs + 1):
            first, again, parts, again_parts = one_run(Path(folder), run)
            firsts.append(first)
            agains.append(again)
            phases.append(parts + again_parts)
            print(
                f"run {run}/{args.runs}: import {first:.2f} s (read {parts[0]:.2f}, preview {parts[1]:.2f}, "
                f"write {parts[2]:.2f}); re-import {again:.2f} s (read {again_parts[0]:.2f}, "
                f"preview {again_parts[1]:.2f}, write {again_parts[2]:.2f}), unchanged"
            )
    first, again = statistics.median(firsts), statistics.median(agains)
    columns = list(zip(*phases, strict=True))
    medians = [statistics.median(c) for c in columns]
    print()
    print(f"| {ROWS:,}-row sales_pipeline.csv, median of {args.runs} | seconds | target |")
    print("|---|---|---|")
    first_split = f"read {medians[0]:.2f} + preview {medians[1]:.2f} + write {medians[2]:.2f}"
    again_split = f"read {medians[3]:.2f} + preview {medians[4]:.2f} + write {medians[5]:.2f}"
    print(f"| import ({first_split}) | {first:.2f} | ≤ 2 |")
    print(f"| re-import, nothing changes ({again_split}) | {again:.2f} | ≤ 2 |")
    ok = first <= TARGET_SECONDS and again <= TARGET_SECONDS
    print("All targets met." if ok else "A target was missed.")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
