"""Review-pack benchmark: `python -m tests.benchmarks.bench_pack` (50 deals, 4 influences each)."""

from __future__ import annotations

import argparse
import datetime as dt
import os
import statistics
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from planner.exchange import pack_html
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.model import (
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Competitor,
    Degree,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
)
from planner.stages import open_stages
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_memory

# The targets, for 50 deals with 4 buying influences each (median of 5 runs).
PDF_TARGET_S = 1.0
HTML_TARGET_S = 0.2
TODAY = dt.date(2026, 11, 26)
_ROLES = (Role.ECONOMIC, Role.USER, Role.TECHNICAL, Role.COACH)
_MODES = (Mode.GROWTH, Mode.TROUBLE, Mode.EVEN_KEEL, Mode.OVERCONFIDENT)


def make_plan(deals: int = 50, influences: int = 4) -> PlanDB:
    """An in-memory plan of `deals` open deals with `influences` buying influences each, fully filled."""
    plan = open_memory()
    columns = open_stages(stage_repo.list_stages(plan))
    with plan.atomic():
        settings_repo.set_setting(plan, "plan_name", "Benchmark plan")
        settings_repo.set_setting(plan, "seller", "Sam Seller")
        accounts = [account_repo.insert_account(plan, AccountDraft(name=f"Account {n}")) for n in range(10)]
        for n in range(deals):
            account = accounts[n % len(accounts)]
            stage = columns[n % len(columns)]
            deal = opportunity_repo.insert_opportunity(
                plan,
                OpportunityDraft(
                    title=f"Data Platform rollout, phase {n}",
                    account_id=account,
                    stage_id=stage.id,
                    product="Data Platform",
                    quantity=10.0,
                    amount=50_000.0 + 1000 * n,
                    close_date=TODAY + dt.timedelta(days=10 + n),
                    next_step="Workshop on the decision criteria with the IT architects",
                ),
                stage_entered=TODAY - dt.timedelta(days=20),
                created="2026-09-01T09:00:00+00:00",
            )
            opportunity_repo.add_stage_move(
                plan, deal, None, columns[0].id, commitment_date=None, reason="Created"
            )
            opportunity_repo.add_stage_move(
                plan,
                deal,
                columns[0].id,
                stage.id,
                commitment_date=TODAY - dt.timedelta(days=20),
                commitment="Confirmed a problem or goal",
            )
            opportunity_repo.add_close_date_change(plan, deal, TODAY, TODAY + dt.timedelta(days=10 + n))
            boss = 0
            for i in range(influences):
                person = people_repo.insert_person(
                    plan, Person(0, account, f"Person {n}-{i} Lastname", "Head of Operations")
                )
                boss = boss or person
                people_repo.insert_influence(
                    plan,
                    BuyingInfluence(
                        0,
                        deal,
                        person,
                        _ROLES[i % 4],
                        Degree.HIGH,
                        _MODES[(n + i) % 4],
                        (n + i) % 11 - 5,
                        "Recognition for a smooth rollout",
                        "Lower cost per delivery",
                        "Cut late deliveries by a third before peak season",
                        None,
                        "Sam Seller",
                        TODAY - dt.timedelta(days=5),
                        False,
                        boss if person != boss else None,
                        "Said so in the discovery call",
                    ),
                )
            activity_repo.insert_action(
                plan,
                Action(0, deal, "Ask the coach for the decision process", "Sam", TODAY, ActionStatus.PLANNED),
            )
            activity_repo.insert_competitor(plan, Competitor(0, deal, "Contoso", CompetitionKind.VENDOR))
            activity_repo.insert_note(
                plan, Note(0, "The CFO wants a payback under a year.", opportunity_id=deal, private=False)
            )
    return plan


def _measure(run: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return times


def _show(values: Sequence[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms ({min(values) * 1000:.0f}-{max(values) * 1000:.0f})"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--deals", type=int, default=50)
    args = parser.parse_args(argv)

    from ui.pack_pdf import PackLayout, ensure_application, write_pdf

    ensure_application()
    plan = make_plan(args.deals)
    scope, options = PackScope.all_open(), PackOptions()
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        pack = build_pack(plan, scope, options, TODAY)
        write_pdf(pack, out / "warm.pdf")  # warm-up, not counted: fonts, imports
        pack_html.write_html(pack, out / "warm.html")
        build = _measure(lambda: build_pack(plan, scope, options, TODAY), args.runs)
        html = _measure(
            lambda: pack_html.write_html(build_pack(plan, scope, options, TODAY), out / "p.html"), args.runs
        )
        pdf = _measure(lambda: write_pdf(build_pack(plan, scope, options, TODAY), out / "p.pdf"), args.runs)
        layout = _measure(lambda: PackLayout(pack), args.runs)
        pages = PackLayout(pack).page_count
    influences = sum(len(d.influences) for d in pack.deals)
    print(f"{len(pack.deals)} deals, {influences} influences, {pages} PDF pages; median of {args.runs} runs:")
    print(f"  read the plan (build_pack):      {_show(build)}")
    print(f"  HTML, read + write:              {_show(html)}")
    print(f"  PDF, read + lay out + write:     {_show(pdf)}")
    print(f"      of which the layout alone:   {_show(layout)}")
    html_ok = statistics.median(html) <= HTML_TARGET_S
    pdf_ok = statistics.median(pdf) <= PDF_TARGET_S
    print(
        f"Targets: HTML <= {HTML_TARGET_S:.1f} s: {'PASS' if html_ok else 'FAIL'};"
        f" PDF <= {PDF_TARGET_S:.1f} s: {'PASS' if pdf_ok else 'FAIL'}"
    )
    plan.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
