"""The manager's page's accountability figures with their trend: the pack's quarter, the three
quarters before it and the four together, one row per figure (planner.accountability, the same
values as the Performance tab and `planner stats`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from planner import accountability as acc
from planner.calendar import Quarter
from planner.storage.db import PlanDB

TITLE = "Accountability figures"
QUARTERS = 4  # the pack's quarter and the three before it
# Higher, lower, the same as the quarter before, or "" when either has no value.
Trend = Literal["up", "down", "same", ""]
TREND_TEXT: dict[str, str] = {"up": "↑ up", "down": "↓ down", "same": "→ same", "": "\u2013"}
TREND_DEFINITION = (
    "The pack's quarter against the quarter before it (↑ higher, ↓ lower, → the same;"
    " \u2013 when either has no value). Higher is not always better: a longer sales cycle or a"
    " higher slip rate is worse."
)


@dataclass(frozen=True, slots=True)
class TrendRow:
    """One figure in every period of the section, with its trend and how it is counted.

    `values` are the figures as `planner stats --json` gives them (None: nothing to compute it
    from), `texts` the same as the Performance tab writes them; one per column of the section.
    """

    figure: str  # planner.accountability's definition id: 'win_rate_count', 'stage_conversion'...
    stage: str  # the stage of a per-stage figure, else ''
    label: str
    values: tuple[float | None, ...]
    texts: tuple[str, ...]
    trend: Trend
    definition: str

    @property
    def trend_text(self) -> str:
        """'↑ up', '↓ down', '→ same' or an en dash."""
        return TREND_TEXT[self.trend]


@dataclass(frozen=True, slots=True)
class TrendSection:
    """A table of figures per period: the periods are the columns, each row one figure."""

    title: str
    periods: tuple[str, ...]  # the periods' labels as `planner stats` names them: '2026Q2', ...
    columns: tuple[str, ...]  # the columns' headings, one per period
    rows: tuple[TrendRow, ...]
    currency: str
    note: str = ""


def trend(latest: float | None, before: float | None) -> Trend:
    """The pack's quarter against the quarter before it."""
    if latest is None or before is None:
        return ""
    if latest > before:
        return "up"
    return "down" if latest < before else "same"


def _row(figure: str, stage: str, found: list[acc.Figure], currency: str) -> TrendRow:
    # `found`: the figure in each quarter, oldest first, then in the quarters together.
    values = tuple(f.value for f in found)
    label = acc.name(figure) if not stage else f"{acc.name(figure)}: {stage}"
    return TrendRow(
        figure,
        stage,
        label,
        values,
        tuple(acc.figure_text(f, currency) for f in found),
        trend(values[-2], values[-3]) if len(values) >= 3 else "",
        acc.definition_text(figure),
    )


def _stage_figure(key: str, stage: acc.StageFigures) -> acc.Figure:
    if key == "stage_conversion":
        return stage.conversion
    return stage.average_days if key == "stage_days_average" else stage.median_days


def accountability_section(plan: PlanDB, quarter: Quarter, today: dt.date) -> TrendSection:
    """The figures of `quarter` and the three quarters before it, each alone and all together."""
    result = acc.figures(plan, quarter, QUARTERS, today=today)
    periods = result.periods
    currency = result.base_currency
    rows = [_row(key, "", [p.figure(key) for p in periods], currency) for key in acc.FIGURE_ORDER]
    # Per stage, in board order: conversion, then average and median days.
    for key in ("stage_conversion", "stage_days_average", "stage_days_median"):
        for index, stage in enumerate(result.trailing.stages):
            found = [_stage_figure(key, p.stages[index]) for p in periods]
            rows.append(_row(key, stage.stage, found, currency))
    last = result.quarters[-1]
    note = (
        f"Each quarter counts the deals won, lost or walked away from in it; {QUARTERS} quarters:"
        f" {result.trailing.label} together. Amounts in {currency}."
    )
    if last.end < result.quarter.end:
        note += f" {last.label} is still running: counted up to {today.isoformat()}."
    return TrendSection(
        TITLE,
        tuple(p.label for p in periods),
        (*(p.label for p in result.quarters), f"{QUARTERS} quarters"),
        tuple(rows),
        currency,
        note,
    )
