"""Forecast and hygiene benchmark: `python -m tests.benchmarks.bench_forecast` (10,000 open deals)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import shutil
import statistics
import tempfile
from collections.abc import Sequence
from pathlib import Path

from planner import forecast, forecast_operations, hygiene
from planner.storage.db import open_plan
from tests.benchmarks.bench_red_flags import _measure, _show
from tests.benchmarks.plans import ensure_plan

# The target: forecast and hygiene together over 10,000 deals.
TARGET_MS = 200.0


def main(argv: Sequence[str] | None = None) -> int:
    """Median of N runs of the forecast, the clean-up list, both, and the snapshot comparisons."""
    args = _parser().parse_args(argv)
    path, built = ensure_plan(args.plans_dir, args.deals)
    print(f"Plan {path} (" + (f"built in {built:.1f} s" if built is not None else "cached") + ")")
    today = dt.date.today()
    load = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="planner-bench-forecast-") as folder:
        # A copy with two snapshots (a week and a month old), so the comparisons have work to do;
        # the cached plan itself stays as the other benchmarks expect it.
        copy = Path(folder) / "forecast.plan"
        shutil.copyfile(path, copy)
        plan = open_plan(copy)
        try:
            forecast_operations.take_snapshot(plan, today - dt.timedelta(days=30))
            forecast_operations.take_snapshot(plan, today - dt.timedelta(days=8))
            forecast_operations.set_targets(plan, {forecast.quarter_of(today).label: 5_000_000.0})
            forecast.load_forecast(plan, None, today)  # warm-up, not counted
            hygiene.cleanup_list(plan, today)

            def both() -> object:
                # As the command line and the review pack do: the deals are read once for both.
                facts = forecast.load_plan_facts(plan)
                return forecast.load_forecast(plan, None, today, facts), hygiene.cleanup_list(
                    plan, today, facts
                )

            def separately() -> object:
                # As the two views do, each refreshing on its own.
                return forecast.load_forecast(plan, None, today), hygiene.cleanup_list(plan, today)

            def compared() -> object:
                return forecast.comparisons(plan, forecast.load_plan_facts(plan), today)

            forecast_ms = _measure(lambda: forecast.load_forecast(plan, None, today), args.runs)
            hygiene_ms = _measure(lambda: hygiene.cleanup_list(plan, today), args.runs)
            both_ms = _measure(both, args.runs)
            separate_ms = _measure(separately, args.runs)
            compare_ms = _measure(compared, args.runs)
            snapshot_ms = _measure(lambda: forecast_operations.take_snapshot(plan, today), args.runs)
            result = forecast.load_forecast(plan, None, today)
            cleanup = hygiene.cleanup_list(plan, today)
        finally:
            plan.close()
    print(
        f"{cleanup.open_deals:,} open deals; {result.quarter.label}: {len(result.deals):,} in the quarter,"
        f" {len(cleanup.rows):,} on the clean-up list, {len(result.diagnostics)} diagnostics"
    )
    print(f"Load average before the runs: {load:.2f} (2 cores: above ~1 the figures include waiting)")
    print(f"Median of {args.runs} runs, min-max in brackets:")
    print(f"  forecast (read + compute):          {_show(forecast_ms)}")
    print(f"  clean-up list (read + rules):       {_show(hygiene_ms)}")
    print(f"  (a) forecast + clean-up list:       {_show(both_ms)}")
    print(f"      the same, each reading the plan: {_show(separate_ms)}")
    print(f"      comparisons with 2 snapshots:   {_show(compare_ms)}")
    print(f"      take a snapshot (write):        {_show(snapshot_ms)}")
    verdict = "PASS" if statistics.median(both_ms) <= TARGET_MS else "FAIL"
    print(f"Target: (a) <= {TARGET_MS:.0f} ms for {args.deals:,} deals: {verdict}")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--deals", type=int, default=10_000, help="open deals in the plan")
    parser.add_argument("--runs", type=int, default=5, help="timed runs of each measurement")
    parser.add_argument(
        "--plans-dir",
        type=Path,
        default=Path(tempfile.gettempdir()) / "opportunity-planner-bench",
        help="where the generated plans are kept between benchmarks (shared with run_benchmarks)",
    )
    return parser


if __name__ == "__main__":
    raise SystemExit(main())
