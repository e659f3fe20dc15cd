"""Red-flag engine micro-benchmark: `python -m tests.benchmarks.bench_red_flags` (10,000 deals)."""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import statistics
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from planner import red_flags
from planner.storage.db import open_plan
from tests.benchmarks.plans import INFLUENCES_PER_DEAL, ensure_plan

# The target: the rule engine over 10,000 deals with 4 influences each.
TARGET_MS = 150.0


def main(argv: Sequence[str] | None = None) -> int:
    """Median of N runs of (a) evaluate over loaded facts and (b) load + evaluate, in ms."""
    args = _parser().parse_args(argv)
    path, built = ensure_plan(args.plans_dir, args.deals)
    print(f"Plan {path} (" + (f"built in {built:.1f} s" if built is not None else "cached") + ")")
    plan = open_plan(path, create=False)
    try:
        today = dt.date.today()
        red_flags.evaluate_plan(plan, today)  # warm-up, not counted: page cache, imports
        facts = red_flags.load_facts(plan)
        evaluate = _measure(lambda: red_flags.evaluate_all(facts, today), args.runs)
        load = _measure(lambda: red_flags.load_facts(plan), args.runs)
        both = _measure(lambda: red_flags.evaluate_plan(plan, today), args.runs)
        results = red_flags.evaluate_all(facts, today)
    finally:
        plan.close()
    influences = sum(len(f.influences) for f in facts.values())
    flags = [f for found in results.values() for f in found]
    print(
        f"{len(facts):,} open deals, {influences:,} influences ({INFLUENCES_PER_DEAL} per deal),"
        f" {len(flags):,} results ({len(flags) / max(len(facts), 1):.1f} per deal,"
        f" {sum(not f.is_strength for f in flags):,} red flags)"
    )
    print(
        "Results by rule: "
        + ", ".join(f"{rule} {n:,}" for rule, n in Counter(f.rule for f in flags).most_common())
    )
    print(f"Median of {args.runs} runs, min-max in brackets:")
    print(f"  (a) evaluate, facts loaded:  {_show(evaluate)}")
    print(f"      load_facts alone:        {_show(load)}")
    print(f"  (b) load + evaluate:         {_show(both)}")
    verdict = "PASS" if statistics.median(evaluate) <= TARGET_MS else "FAIL"
    print(f"Target: (a) <= {TARGET_MS:.0f} ms for {args.deals:,} deals: {verdict}")
    return 0


def _measure(run: Callable[[], object], runs: int) -> list[float]:
    """Wall-clock ms of each run; the previous run's results are freed and collected first."""
    samples: list[float] = []
    for _ in range(runs):
        gc.collect()
        started = time.perf_counter()
        result = run()
        samples.append((time.perf_counter() - started) * 1000)
        del result
    return samples


def _show(samples: list[float]) -> str:
    return f"{statistics.median(samples):7.1f} ms  ({min(samples):.1f}-{max(samples):.1f})"


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
