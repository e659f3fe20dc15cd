"""The forecast and the clean-up list limited to one pipeline's deals (kept apart from
planner.pipelines so that the board does not import the forecast)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Collection

from planner.forecast import Forecast, PlanFacts, Quarter, compute, load_forecast, quarter_of
from planner.storage import pipelines as pipeline_repo
from planner.storage.db import PlanDB
from planner.storage.forecast_data import close_dates_moved_out


def pipeline_deals(plan: PlanDB, pipeline_id: int | None) -> set[int] | None:
    """The ids of one pipeline's deals, open and closed (None: every pipeline, no limit)."""
    return None if pipeline_id is None else pipeline_repo.deals_of_pipeline(plan, pipeline_id)


def limit_facts(facts: PlanFacts, deal_ids: Collection[int]) -> PlanFacts:
    """The forecast's facts of some deals only (one pipeline's): the forecast, the clean-up list
    and the review read their deals from these."""
    wanted = set(deal_ids)
    return dataclasses.replace(facts, deals=[d for d in facts.deals if d.id in wanted])


def load_forecast_of(
    plan: PlanDB, quarter: Quarter | None, today: dt.date, facts: PlanFacts, deal_ids: Collection[int] | None
) -> Forecast:
    """forecast.load_forecast for some deals only (all when `deal_ids` is None)."""
    if deal_ids is None:
        return load_forecast(plan, quarter, today, facts)
    wanted = set(deal_ids)
    facts = limit_facts(facts, wanted)
    if quarter is None:
        quarter = quarter_of(today, facts.start_month)
    elif quarter.start_month != facts.start_month:
        quarter = Quarter(quarter.year, quarter.number, facts.start_month)
    moves = close_dates_moved_out(plan, quarter.start.isoformat(), quarter.end.isoformat())
    return compute(facts, quarter, today, [m for m in moves if m.opportunity_id in wanted])
