"""Accountability figures benchmark: `python -m tests.benchmarks.bench_accountability`.

A plan with 10,000 closed and 1,000 open deals and their history (four to six stage moves each,
slips on every fourth, an Economic buyer on each); the figures of four quarters are computed in
fresh processes, and the median is held against the target.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from planner.model import AccountDraft, OpportunityDraft, Person
from planner.storage import accounts as account_repo
from planner.storage import migrations
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan

TARGET_MS = 150.0
CLOSED, OPEN = 10_000, 1_000
TODAY = dt.date(2026, 11, 26)
ROOT = Path(__file__).resolve().parents[2]


def plan_path(folder: Path) -> Path:
    digest = hashlib.sha256()
    for source in (Path(__file__), Path(migrations.__file__)):
        digest.update(source.read_bytes())
    return folder / f"bench-accountability-{digest.hexdigest()[:12]}.plan"


def ensure_plan(folder: Path) -> Path:
    """The benchmark plan, built once (about half a minute)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = plan_path(folder)
    if path.exists():
        return path
    partial = path.with_suffix(".partial")
    partial.unlink(missing_ok=True)
    plan = open_plan(partial)
    rng = random.Random(20261126)
    try:
        stages = stage_repo.list_stages(plan)
        opened = [s for s in sorted(stages, key=lambda s: s.position) if not s.is_closed]
        closed = [s for s in stages if s.is_closed]
        with plan.atomic():
            settings_repo.set_setting(plan, "base_currency", "EUR")
            settings_repo.set_setting(plan, "rates", {"USD": 0.92})
            account = account_repo.insert_account(plan, AccountDraft(name="Benchmark account"))
            person = people_repo.insert_person(plan, Person(0, account, "Erika Mustermann", "CFO"))
            moves: list[tuple[int, int | None, int, str]] = []
            slips: list[tuple[int, str, str, str]] = []
            buyers: list[tuple[int, int, str]] = []
            for n in range(CLOSED + OPEN):
                created = TODAY - dt.timedelta(days=rng.randint(20, 420))
                is_closed = n < CLOSED
                route = opened[: rng.randint(1, len(opened))]
                final = closed[n % len(closed)] if is_closed else route[-1]
                draft = OpportunityDraft(
                    title=f"Deal {n}",
                    account_id=account,
                    stage_id=final.id,
                    amount=float(rng.randrange(5_000, 200_000, 1_000)),
                    currency="USD" if n % 9 == 4 else "EUR",
                    close_date=TODAY + dt.timedelta(days=rng.randint(-30, 120)),
                )
                deal = opportunity_repo.insert_opportunity(
                    plan, draft, stage_entered=created, created=f"{created}T09:00:00+00:00"
                )
                day, previous = created, None
                for stage in [*route, *([final] if is_closed else [])]:
                    moves.append((deal, previous, stage.id, f"{day}T10:00:00+00:00"))
                    previous = stage.id
                    day = min(TODAY, day + dt.timedelta(days=rng.randint(3, 40)))
                if is_closed:
                    plan.execute("UPDATE opportunity SET closed_on = ? WHERE id = ?", [day.isoformat(), deal])
                if n % 4 == 1:
                    slips.append(
                        (deal, f"{day}", f"{day + dt.timedelta(days=14)}", f"{created}T08:00:00+00:00")
                    )
                buyers.append((deal, person, "Sales" if n % 3 else ""))
            plan.conn.executemany(
                "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, moved_at)"
                " VALUES (?, ?, ?, ?)",
                moves,
            )
            plan.conn.executemany(
                "INSERT INTO close_date_history (opportunity_id, old_date, new_date, changed_at)"
                " VALUES (?, ?, ?, ?)",
                slips,
            )
            plan.conn.executemany(
                "INSERT INTO buying_influence (opportunity_id, person_id, role, covered_by)"
                " VALUES (?, ?, 'economic', ?)",
                buyers,
            )
    finally:
        plan.close()
    os.replace(partial, path)
    return path


def child(path: Path) -> None:
    """One fresh process: open the plan, compute the figures once, print the milliseconds."""
    from planner import accountability

    plan = open_plan(path, create=False, read_only=True)
    try:
        started = time.perf_counter()
        result = accountability.figures(plan, None, today=TODAY)
        elapsed = (time.perf_counter() - started) * 1000
    finally:
        plan.close()
    closed = result.trailing.won + result.trailing.lost + result.trailing.walked_away
    print(f"{elapsed:.2f} {closed}")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks.bench_accountability")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--plans-dir", type=Path, default=Path.home() / ".cache" / "planner-bench")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        child(args.child)
        return 0
    began = time.perf_counter()
    path = ensure_plan(args.plans_dir)
    print(f"Plan {path} ({time.perf_counter() - began:.1f} s to build or find)")
    times: list[float] = []
    counted = 0
    for _ in range(args.runs + 1):  # the first warms the page cache and is not counted
        done = subprocess.run(
            [sys.executable, "-m", "tests.benchmarks.bench_accountability", "--child", str(path)],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        ms, closed = done.stdout.split()
        times.append(float(ms))
        counted = int(closed)
    runs = times[1:]
    median = statistics.median(runs)
    print(f"{counted:,} deals closed in the four quarters; {CLOSED:,} closed and {OPEN:,} open in the plan")
    print(f"Load average: {os.getloadavg()[0]:.2f} (2 cores: above ~1 the figures include waiting)")
    spread = f"min {min(runs):.1f}, max {max(runs):.1f}"
    print(f"figures(), median of {len(runs)} fresh processes: {median:.1f} ms ({spread})")
    verdict = "PASS" if median <= TARGET_MS else "FAIL"
    print(f"Target: <= {TARGET_MS:.0f} ms: {verdict}")
    return 0 if verdict == "PASS" else 1


if __name__ == "__main__":
    raise SystemExit(main())
