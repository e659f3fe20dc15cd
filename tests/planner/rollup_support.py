"""Sellers' plans exported as real bundles (the pack's JSON writer), for the team roll-up's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.pack_json import write_json
from planner.model import AccountDraft, ForecastCategory, OpportunityDraft
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_memory

# A Thursday in the middle of 2026 Q4 (October to December).
TODAY = dt.date(2026, 11, 26)
IN_QUARTER = dt.date(2026, 12, 10)
NEXT_QUARTER = dt.date(2027, 2, 10)


@dataclass(frozen=True, slots=True)
class Deal:
    """A deal of a seller's plan: its stage by name (the default stages), and what it is worth."""

    title: str
    stage: str
    amount: float
    currency: str = "EUR"
    close_date: dt.date = IN_QUARTER
    category: ForecastCategory | None = None
    closed_on: dt.date | None = None


def seller_plan(
    seller: str,
    deals: Sequence[Deal],
    *,
    target: float | None = None,
    base: str = "EUR",
    rates: dict[str, float] | None = None,
) -> PlanDB:
    """An in-memory plan of `seller` with `deals` (won ones closed on their `closed_on`)."""
    plan = open_memory()
    stages = {s.name: s.id for s in stage_repo.list_stages(plan)}
    with plan.atomic():
        settings_repo.set_setting(plan, "plan_name", f"{seller}'s plan")
        settings_repo.set_setting(plan, "seller", seller)
        settings_repo.set_setting(plan, "base_currency", base)
        settings_repo.set_setting(plan, "rates", rates or {})
        if target is not None:
            settings_repo.set_setting(plan, "targets", {"2026Q4": target})
        account = account_repo.insert_account(plan, AccountDraft(name=f"{seller} Customer"))
        for deal in deals:
            deal_id = opportunity_repo.insert_opportunity(
                plan,
                OpportunityDraft(
                    title=deal.title,
                    account_id=account,
                    stage_id=stages[deal.stage],
                    product="Platform",
                    amount=deal.amount,
                    currency=deal.currency,
                    close_date=deal.close_date,
                    forecast_category=deal.category,
                ),
                stage_entered=TODAY - dt.timedelta(days=10),
            )
            if deal.closed_on is not None:
                opportunity_repo.set_closed(plan, deal_id, deal.closed_on, "Signed")
    return plan


def export_bundle(plan: PlanDB, path: Path, today: dt.date = TODAY) -> Path:
    """Write the plan's bundle of every open deal, as File → Export review pack… (JSON) does."""
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), today)
    return write_json(pack, path)
