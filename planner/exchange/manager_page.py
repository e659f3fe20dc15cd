"""The review pack's manager page, built once for every format: the quarter, funnel balance and
what changed since the last review (planner.since_review)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from planner import forecast
from planner.calendar import Quarter
from planner.exchange.manager_trend import TrendSection, accountability_section
from planner.since_review import SinceReview, changes_since, last_review_day
from planner.storage.db import PlanDB

# Where the "since" day came from: the last pack exported from the window, a day the seller
# chose (export dialog, `planner export --since`), or neither (no pack was ever exported).
SinceSource = Literal["last_pack", "chosen", "none"]

# Each figure's definition: the page's tooltip in the window and its footnote on paper.
DEFINITIONS: dict[str, str] = {
    "target": "The quarter's target (Forecast tab).",
    "won": "Deals won with a close date in the quarter.",
    "commit": "Open deals in the Commit forecast category closing in the quarter.",
    "best_case": "Open deals in the Best Case forecast category closing in the quarter.",
    "pipeline": "Open deals in the Pipeline forecast category closing in the quarter.",
    "gap": "Target - (won + commit): what Best Case and Pipeline must still bring (negative: ahead).",
    "coverage": "Open pipeline (commit + best case + pipeline) / (target - won).",
}


@dataclass(frozen=True, slots=True)
class FactRow:
    """One labelled figure of a section, with its definition."""

    label: str
    value: str
    definition: str = ""


@dataclass(frozen=True, slots=True)
class FactsSection:
    """A titled list of figures every format writes the same way (a table of label and value)."""

    title: str
    rows: tuple[FactRow, ...]
    note: str = ""


@dataclass(frozen=True, slots=True)
class QuarterFigures:
    """The quarter's figures as the Forecast tab shows them (planner.forecast, one source)."""

    quarter: str  # '2026Q4'
    quarter_text: str  # '2026 Q4', or with a fiscal year's months
    currency: str
    target: float | None
    won: float
    commit: float
    best_case: float
    pipeline: float
    remaining: float | None
    gap: float | None
    coverage: float | None  # a ratio: 2.5 means 2.5 times


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """A funnel-balance warning of the Forecast tab."""

    kind: str
    title: str
    message: str


@dataclass(frozen=True, slots=True)
class ManagerPage:
    """Everything the manager's page shows.

    `forecast_call` is the quarter's last forecast call with its change since the previous one
    (planner.exchange.manager_call): a FactsSection that every format writes. `accountability`
    is the accountability figures with their trend (planner.exchange.manager_trend), after
    "since the last review".
    """

    quarter: QuarterFigures
    diagnostics: tuple[Diagnosis, ...]
    since: SinceReview | None
    since_source: SinceSource
    # The page quarter's last forecast call and its change since the previous one (None: not built).
    forecast_call: FactsSection | None = None
    # The accountability figures of the page's quarter and the three before it, with their trend.
    accountability: TrendSection | None = None


def build_manager_page(
    plan: PlanDB, today: dt.date, since: dt.date | None = None, quarter: Quarter | None = None
) -> ManagerPage:
    """The manager's page: `quarter` (None: today's), and the changes since `since` (None: since
    the last pack exported, or no list when there was none)."""
    result = forecast.load_forecast(plan, quarter, today)
    q = result.quarter
    total = result.total
    figures = QuarterFigures(
        quarter=q.label,
        quarter_text=q.title,
        currency=result.base_currency,
        target=result.target,
        won=total.won.amount,
        commit=total.commit.amount,
        best_case=total.best_case.amount,
        pipeline=total.pipeline.amount,
        remaining=result.remaining,
        gap=result.gap,
        coverage=result.coverage,
    )
    source: SinceSource = "chosen"
    if since is None:
        since = last_review_day(plan)
        source = "last_pack" if since is not None else "none"
    # Imported here: the section's words are the pack's (planner.exchange.pack imports this module).
    from planner.exchange.manager_call import forecast_call_section

    return ManagerPage(
        quarter=figures,
        diagnostics=tuple(Diagnosis(d.kind, d.title, d.message) for d in result.diagnostics),
        forecast_call=forecast_call_section(plan, q),
        since=changes_since(plan, since, today) if since is not None else None,
        since_source=source,
        accountability=accountability_section(plan, q, today),
    )
