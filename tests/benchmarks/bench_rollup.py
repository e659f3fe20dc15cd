"""Team roll-up benchmark: `python -m tests.benchmarks.bench_rollup` (10 bundles of 300 deals each).

Each bundle is a real plan exported as the seller exports it (300 deals with four buying
influences, an action, a competitor and a note each); one hostile bundle lies among them and is
refused. Measured: `planner review` from right before the process is spawned to the team
window's first paint with its rows, in fresh processes; the median of the runs.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.pack_json import write_json
from planner.storage import settings as settings_repo
from tests.benchmarks.bench_pack import TODAY, make_plan
from tests.benchmarks.run_benchmarks import BenchmarkError, _child_env, _spawn

# The target: open to painted within 1.5 s.
TARGET_S = 1.5
CHILD = "tests.benchmarks.child_rollup"
HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile" / "team" / "team-wrong-forecast.json"


def make_bundles(folder: Path, sellers: int, deals: int) -> list[Path]:
    """`sellers` bundles of `deals` open deals each, and the hostile one."""
    paths = []
    for n in range(sellers):
        plan = make_plan(deals)
        with plan.atomic():
            # A plan's id follows its name: each seller's plan is their own.
            settings_repo.set_setting(plan, "plan_name", f"Seller {n:02d}'s plan")
            settings_repo.set_setting(plan, "seller", f"Seller {n:02d}")
            settings_repo.set_setting(plan, "targets", {"2026Q4": 2_000_000.0, "2027Q1": 2_000_000.0})
        paths.append(
            write_json(
                build_pack(plan, PackScope.all_open(), PackOptions(), TODAY), folder / f"seller-{n:02d}.json"
            )
        )
        plan.close()
    paths.append(Path(shutil.copy(HOSTILE, folder)))
    return paths


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--sellers", type=int, default=10)
    parser.add_argument("--deals", type=int, default=300)
    parser.add_argument("--timeout", type=float, default=120)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="planner-bench-rollup-") as folder:
        root = Path(folder)
        bundles = root / "bundles"
        bundles.mkdir()
        paths = make_bundles(bundles, args.sellers, args.deals)
        size = sum(p.stat().st_size for p in paths) / 1e6
        print(f"{args.sellers} bundles of {args.deals} deals ({size:.0f} MB) and one hostile bundle")
        env = _child_env(root)
        files = [str(p) for p in paths]
        try:
            _spawn(CHILD, files, env, args.timeout)  # warm-up (page cache, bytecode), not counted
            samples = []
            for run in range(1, args.runs + 1):
                _spawned, sample = _spawn(CHILD, files, env, args.timeout)
                if (sample.data.get("sellers"), sample.data.get("refused")) != (args.sellers, 1):
                    raise BenchmarkError(f"the team window showed {sample.data}")
                samples.append(sample.start_ms)
                print(f"  run {run}/{args.runs}: open to painted {sample.start_ms:.0f} ms", flush=True)
        except BenchmarkError as exc:
            print(f"benchmark failed: {exc}", file=sys.stderr)
            return 1
    median = statistics.median(samples) / 1000
    verdict = "PASS" if median <= TARGET_S else "FAIL"
    print(f"Team roll-up, open to painted: median {median:.2f} s (target {TARGET_S:.1f} s): {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    sys.exit(main())
