"""A hand-built history for "since the last review": what each deal did before and after 10 Nov 2026."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.forecast import effective_category
from planner.model import ForecastCategory
from planner.red_flags import evaluate_plan
from planner.storage import forecast_data
from planner.storage import opportunities as opportunity_repo
from planner.storage import review_marks as mark_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.forecast_support import add_deal, stage

SINCE = dt.date(2026, 11, 10)
TODAY = dt.date(2026, 11, 26)
# A new Prospect deal without people or actions has these three red flags (its title, product
# and amount make a complete single sales objective).
NEW_DEAL_FLAGS = ("no-coach", "no-economic-buyer", "no-next-step")


def at(day: str, time: str = "10:00") -> str:
    return f"{day}T{time}:00+00:00"


@dataclass(frozen=True)
class History:
    ids: dict[str, int]


def _move(plan: PlanDB, deal_id: int, from_name: str, to_name: str, when: str, commitment: str = "") -> None:
    source, target = stage(plan, from_name), stage(plan, to_name)
    opportunity_repo.add_stage_move(
        plan,
        deal_id,
        source.id,
        target.id,
        commitment_date=None,
        commitment=commitment,
        reason="" if commitment else "Lost the sponsor",
        moved_at=when,
    )
    opportunity_repo.set_stage(
        plan, deal_id, target.id, entered=dt.date.fromisoformat(when[:10]), last_open_stage_id=None
    )


def build_history(plan: PlanDB, *, with_review: bool = True) -> History:
    """Eleven deals; the review pack of 10 Nov 2026 is remembered when `with_review`."""
    ids: dict[str, int] = {}
    old = dt.date(2026, 10, 1)
    with plan.atomic():
        ids["depot"] = add_deal(
            plan, "Qualified", 30_000, dt.date(2027, 2, 1), title="Depot fleet", entered=old
        )
        ids["yard"] = add_deal(
            plan, "Evaluating", 20_000, dt.date(2027, 2, 1), title="Yard scanners", entered=old
        )
        ids["port"] = add_deal(
            plan, "Committed", 90_000, dt.date(2027, 1, 15), title="Port cranes", entered=old
        )
        ids["rail"] = add_deal(
            plan, "Qualified", 10_000, dt.date(2026, 11, 30), title="Rail sensors", entered=old
        )
        ids["cold"] = add_deal(
            plan, "Qualified", 55_000, dt.date(2027, 3, 1), title="Cold storage", entered=old
        )
        ids["back"] = add_deal(
            plan, "Qualified", 5_000, dt.date(2027, 3, 1), title="Forward and back", entered=old
        )
        ids["won"] = add_deal(plan, "Won", 70_000, None, title="Old tender", closed_on=dt.date(2026, 11, 19))
        ids["lost"] = add_deal(plan, "Lost", 15_000, None, title="Lost bid", closed_on=dt.date(2026, 11, 21))
        ids["walked"] = add_deal(
            plan, "Walked away", 8_000, None, title="Walked", closed_on=dt.date(2026, 11, 13)
        )
        ids["long_lost"] = add_deal(
            plan, "Lost", 9_000, None, title="Lost long ago", closed_on=dt.date(2026, 10, 1)
        )
        opportunity_repo.set_closed(plan, ids["won"], dt.date(2026, 11, 19), "Best price")
        opportunity_repo.set_closed(plan, ids["lost"], dt.date(2026, 11, 21), "Competitor won: Globex")
        opportunity_repo.set_closed(plan, ids["walked"], dt.date(2026, 11, 13), "No budget")
        # Before the review: none of this is listed.
        opportunity_repo.add_close_date_change(
            plan, ids["rail"], dt.date(2026, 11, 20), dt.date(2026, 12, 10), changed_at=at("2026-11-01")
        )
        opportunity_repo.add_amount_change(
            plan, ids["cold"], (35_000, "EUR"), (40_000, "EUR"), changed_at=at("2026-11-02")
        )
        # Since the review (10 Nov 2026 included).
        _move(plan, ids["depot"], "Qualified", "Evaluating", at("2026-11-12"), "Agreed to a trial")
        _move(plan, ids["yard"], "Evaluating", "Qualified", at("2026-11-15"))
        opportunity_repo.add_close_date_change(
            plan, ids["port"], dt.date(2026, 12, 1), dt.date(2026, 12, 20), changed_at=at("2026-11-11")
        )
        opportunity_repo.add_close_date_change(
            plan, ids["port"], dt.date(2026, 12, 20), dt.date(2027, 1, 15), changed_at=at("2026-11-20")
        )
        opportunity_repo.add_close_date_change(  # pulled in: not pushed
            plan,
            ids["rail"],
            dt.date(2026, 12, 10),
            dt.date(2026, 11, 30),
            changed_at=at("2026-11-10", "08:00"),
        )
        opportunity_repo.add_amount_change(
            plan, ids["cold"], (40_000, "EUR"), (55_000, "EUR"), changed_at=at("2026-11-14")
        )
        _move(plan, ids["back"], "Qualified", "Evaluating", at("2026-11-12"), "Agreed to a demo")
        _move(plan, ids["back"], "Evaluating", "Qualified", at("2026-11-16"))
        ids["new"] = add_deal(
            plan,
            "Prospect",
            12_000,
            dt.date(2027, 2, 1),
            title="New warehouse",
            created=dt.date(2026, 11, 18),
        )
    if with_review:
        _remember_review(plan, ids)
    # After the review: the seller commits Depot fleet.
    forecast_data.set_forecast_category(plan, ids["depot"], ForecastCategory.COMMIT.value)
    return History(ids)


def _remember_review(plan: PlanDB, ids: dict[str, int]) -> None:
    """The pack of 10 Nov 2026 as if it had been exported then: every open deal's category and red
    flags as they are now, except Depot fleet (Pipeline then) and Port cranes (it had Panic, which
    is gone now, and not yet No Coach, which it has now)."""
    flags = evaluate_plan(plan, TODAY)
    stages = {s.id: s for s in stage_repo.list_stages(plan)}
    rows = []
    for deal in mark_repo.deals_now(plan):
        level = stages[deal.stage_id].level
        if level.is_closed or deal.id == ids["new"]:
            continue
        marked = [
            mark_repo.MarkedFlag(f.rule, f.ref.kind, f.ref.id, f.reason)
            for f in flags[deal.id]
            if not f.is_strength and not (deal.id == ids["port"] and f.rule == "no-coach")
        ]
        if deal.id == ids["port"]:
            marked.append(mark_repo.MarkedFlag("panic", "opportunity", deal.id, "Position -5: panic"))
        chosen = ForecastCategory(deal.forecast_category) if deal.forecast_category else None
        category = effective_category(level, chosen)
        if deal.id == ids["depot"]:
            category = ForecastCategory.PIPELINE
        rows.append(mark_repo.MarkedDeal(deal.id, deal.title, category.value, tuple(marked)))
    mark_repo.record_review(plan, SINCE, rows)
