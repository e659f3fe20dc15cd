"""Hand-made plans for the forecast, snapshot and hygiene tests, and a dump of every table."""

from __future__ import annotations

import datetime as dt
from typing import Any

from planner.model import ForecastCategory, OpportunityDraft, Stage
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# The default stages by name (docs/method.md): Prospect 10 %, Qualified 25 %, Evaluating 50 %,
# Committed 80 %, Won, Lost, Walked away.


def stage(plan: PlanDB, name: str) -> Stage:
    return next(s for s in stage_repo.list_stages(plan) if s.name == name)


def add_deal(
    plan: PlanDB,
    stage_name: str,
    amount: float | None,
    close: dt.date | None,
    *,
    title: str = "Fleet rollout for the depot",
    currency: str = "EUR",
    category: ForecastCategory | None = None,
    probability: int | None = None,
    closed_on: dt.date | None = None,
    entered: dt.date | None = None,
    product: str = "Fleet Telematics",
    created: dt.date = dt.date(2026, 1, 5),
) -> int:
    """A deal placed straight into a stage (history: created in the first stage, moved there)."""
    target = stage(plan, stage_name)
    first = stage(plan, "Prospect")
    draft = OpportunityDraft(
        title=title,
        account_id=None,
        stage_id=first.id,
        product=product,
        amount=amount,
        currency=currency,
        close_date=close,
        probability_override=probability,
        forecast_category=category,
    )
    stamp = f"{created.isoformat()}T09:00:00+00:00"
    deal_id = opportunity_repo.insert_opportunity(plan, draft, stage_entered=created, created=stamp)
    opportunity_repo.add_stage_move(
        plan, deal_id, None, first.id, commitment_date=None, reason="Created", moved_at=stamp
    )
    if target.id != first.id:
        when = entered or created
        opportunity_repo.add_stage_move(
            plan,
            deal_id,
            first.id,
            target.id,
            commitment_date=when,
            commitment="Agreed to a discovery meeting",
            moved_at=f"{when.isoformat()}T10:00:00+00:00",
        )
        opportunity_repo.set_stage(
            plan,
            deal_id,
            target.id,
            entered=when,
            last_open_stage_id=first.id if target.is_closed else None,
        )
    if target.is_closed:
        opportunity_repo.set_closed(plan, deal_id, closed_on or close, "Because")
    return deal_id


def currencies(plan: PlanDB, base: str = "EUR", rates: dict[str, float] | None = None) -> None:
    settings_repo.set_setting(plan, "base_currency", base)
    settings_repo.set_setting(plan, "rates", rates if rates is not None else {"USD": 0.5})


def dump_all(plan: PlanDB) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of the plan (migrations, settings and snapshots included)."""
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table'"
            " AND name NOT LIKE 'search_index%' ORDER BY name"
        )
    ]
    return {t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in tables}
