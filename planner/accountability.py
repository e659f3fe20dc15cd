"""Accountability figures from the plan's own history: win rates, conversion, days per stage, cycle,
deal size, funnel velocity, slip rate, Economic buyer coverage and walk-aways, per fiscal quarter.

Each figure has a definition id; its name and definition (`DEFINITIONS`) are the window's
tooltips, the command line's legend and docs/accountability.md's table (a test compares them).

Decided here, where the method is silent (docs/accountability.md says the same):
- A deal counts in the quarter it was closed (`closed_on`): every figure of a quarter is about
  the deals won, lost or walked away from in it. A quarter still running counts up to today.
- Win rates compare won with lost; walked-away deals are counted apart (the seller chose to stop,
  the customer did not decide against us). By value, amounts are converted to the base currency
  with the plan's rates; a deal without an amount or without a rate is left out of the value
  figures (`without_value` says how many).
- A deal's stays come from its stage history: a stay in a stage lasts from the day the deal
  entered it to the day of its next move (or, when the history records no closing move, the day
  it closed). A deal in a stage more than once has its stays added. Negative spans (a date typed
  wrong) are left out, as the red flags' normal cycle does.
- "Economic buyer met": the plan keeps who covers a buying influence and their last contact,
  not each meeting, so a meeting's day before Best Few cannot be read. The figure counts, of the
  deals that entered a Best Few stage, those with an Economic buying influence whose coverage is
  on record (someone named in "covered by", or a last-contact day).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, NamedTuple

from planner import calendar
from planner.calendar import Quarter
from planner.forecast import convert
from planner.i18n import QT_TRANSLATE_NOOP, format_number, translate
from planner.model import FunnelLevel, Stage
from planner.storage import accountability_data as data
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

DEFAULT_QUARTERS = 4
MAX_QUARTERS = 40  # ten years: more is a typing slip, not a question a manager asks


class Unit(StrEnum):
    """How a figure's value reads."""

    PERCENT = "percent"  # 0..100, one decimal
    DAYS = "days"  # one decimal
    MONEY = "money"  # whole units of the base currency
    MONEY_PER_DAY = "money_per_day"  # whole units of the base currency a day
    COUNT = "count"


class Definition(NamedTuple):
    """A figure's name and definition (English sources of the "Accountability" context) and unit."""

    name: str
    text: str
    unit: Unit


# The one place every figure is defined; translated where shown (`name`, `definition`).
DEFINITIONS: Mapping[str, Definition] = {
    "win_rate_count": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Win rate (count)"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Deals won ÷ deals won or lost, closed in the period. Walked-away deals are not in it:"
            " they are counted apart.",
        ),
        Unit.PERCENT,
    ),
    "win_rate_value": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Win rate (value)"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Amount won ÷ amount won or lost, closed in the period, in the base currency. Deals"
            " without an amount or without an exchange rate are left out; walked-away deals too.",
        ),
        Unit.PERCENT,
    ),
    "walk_aways": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Walked away"),
        QT_TRANSLATE_NOOP("Accountability", "Deals the seller walked away from, closed in the period."),
        Unit.COUNT,
    ),
    "sales_cycle": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Sales cycle"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Average days from a deal's creation to its closing day, over the deals won in the period.",
        ),
        Unit.DAYS,
    ),
    "deal_size": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Average deal size"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Average amount of the deals won in the period, in the base currency (deals without an"
            " amount or an exchange rate left out).",
        ),
        Unit.MONEY,
    ),
    "velocity": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Funnel velocity"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Deals won or lost in the period × win rate (count) × average deal size ÷ sales cycle:"  # noqa: RUF001
            " the value the funnel turns into wins per day.",
        ),
        Unit.MONEY_PER_DAY,
    ),
    "slip_rate": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Slip rate"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Share of the deals closed in the period whose close date was moved later at least once"
            " while they were open (setting the close date to the closing day is no slip).",
        ),
        Unit.PERCENT,
    ),
    "economic_buyer_met": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Economic buyer met (Best Few)"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Of the deals closed in the period that entered a Best Few stage, the share with an"
            " Economic buying influence whose coverage is on record (someone in “covered by” or a"
            " last contact). The plan keeps only the last contact, so the day of the first meeting"
            " cannot be checked against the day the deal entered Best Few.",
        ),
        Unit.PERCENT,
    ),
    "stage_conversion": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Conversion"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Of the deals closed in the period that entered the stage, the share that went further:"
            " into a later stage of the board, or won.",
        ),
        Unit.PERCENT,
    ),
    "stage_days_average": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Average days"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "Average days the deals closed in the period spent in the stage: from the day a deal"
            " entered it to the day it left (its stays added when it was there more than once).",
        ),
        Unit.DAYS,
    ),
    "stage_days_median": Definition(
        QT_TRANSLATE_NOOP("Accountability", "Median days"),
        QT_TRANSLATE_NOOP(
            "Accountability",
            "The middle of the days the deals closed in the period spent in the stage (the average"
            " of the two middle ones for an even count): one very long deal does not move it.",
        ),
        Unit.DAYS,
    ),
}
# The order the figures are shown in (the window's rows, the command line's lines).
FIGURE_ORDER: tuple[str, ...] = (
    "win_rate_count",
    "win_rate_value",
    "walk_aways",
    "sales_cycle",
    "deal_size",
    "velocity",
    "slip_rate",
    "economic_buyer_met",
)


def name(definition: str) -> str:
    """A figure's name in the window's language."""
    return translate("Accountability", DEFINITIONS[definition].name)


def definition_text(definition: str) -> str:
    """A figure's definition in the window's language."""
    return translate("Accountability", DEFINITIONS[definition].text)


@dataclass(frozen=True, slots=True)
class Figure:
    """One number and what it is.

    `value` is rounded as shown (percent and days to one decimal, money to whole units); None
    when there is nothing to compute it from. For a share, `part` of `whole`; for an average,
    the sum (`part`) over how many (`whole`); None where neither applies.
    """

    definition: str
    value: float | None
    part: float | None = None
    whole: float | None = None


@dataclass(frozen=True, slots=True)
class StageFigures:
    """Conversion and days of one open stage, over the deals closed in a period."""

    stage_id: int
    stage: str
    entered: int  # deals that entered the stage
    advanced: int  # of those, deals that went further (a later stage, or won)
    conversion: Figure
    average_days: Figure
    median_days: Figure


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """The figures of one quarter, or of the trailing quarters together."""

    label: str  # '2026Q3', or '2025Q4\u20132026Q3' (an en dash) for the trailing quarters
    start: dt.date
    end: dt.date  # the last day counted: the quarter's end, or today in a running quarter
    won: int
    lost: int
    walked_away: int
    won_value: float  # base currency, whole units
    lost_value: float
    without_value: int  # won or lost deals left out of the value figures (no amount or no rate)
    figures: tuple[Figure, ...]  # in FIGURE_ORDER
    stages: tuple[StageFigures, ...]  # the open stages in board order

    def figure(self, definition: str) -> Figure:
        """The figure with this definition id."""
        return next(f for f in self.figures if f.definition == definition)


@dataclass(frozen=True, slots=True)
class Figures:
    """The accountability figures of `quarters` quarters ending with `quarter`."""

    quarter: Quarter  # the last quarter shown
    today: dt.date
    base_currency: str
    quarters: tuple[PeriodFigures, ...]  # oldest first; the last is `quarter`
    trailing: PeriodFigures  # all of them together

    @property
    def periods(self) -> tuple[PeriodFigures, ...]:
        """Each quarter, then the trailing quarters together: the window's and the table's columns."""
        return (*self.quarters, self.trailing)


# ----------------------------------------------------------------------------------------------
# Computing


class _Deal(NamedTuple):
    """What the figures need of one closed deal, worked out once for every period it is in."""

    closed_on: str
    level: FunnelLevel
    value: float | None  # amount in the base currency; None: no amount or no rate
    cycle: int | None  # days from creation to closing; None when negative
    stays: Mapping[int, int]  # stage id -> days spent in it
    entered: frozenset[int]  # open stages it entered
    advanced: frozenset[int]  # of those, the ones it went further from
    reached_best_few: bool
    slipped: bool
    buyer_covered: bool


def figures(
    plan: PlanDB, quarter: Quarter | None, quarters: int = DEFAULT_QUARTERS, *, today: dt.date
) -> Figures:
    """The figures of `quarters` quarters ending with `quarter` (None: the one `today` is in),
    each quarter alone and all together; a quarter still running counts up to `today`."""
    if not 1 <= quarters <= MAX_QUARTERS:
        raise ValueError(
            translate("Accountability", "Say 1 to {most} quarters, not {quarters}.").format(
                most=MAX_QUARTERS, quarters=quarters
            )
        )
    start_month = calendar.plan_start_month(plan)
    last = quarter or calendar.quarter_of(today, start_month)
    if last.start_month != start_month:
        last = Quarter(last.year, last.number, start_month)
    shown = [last.shifted(n - quarters + 1) for n in range(quarters)]
    base = settings_repo.get_setting(plan, "base_currency", "EUR")
    rates = dict(settings_repo.get_setting(plan, "rates", {}))
    stages = {s.id: s for s in stage_repo.list_stages(plan)}
    first_day, last_day = shown[0].start, min(shown[-1].end, today)
    deals = _read(plan, stages, first_day.isoformat(), last_day.isoformat(), base, rates)
    order = sorted((s for s in stages.values() if not s.is_closed), key=lambda s: (s.position, s.id))
    periods = []
    for q in shown:
        end = min(q.end, today)
        lo, hi = q.start.isoformat(), end.isoformat()
        periods.append(_period(q.label, q.start, end, [d for d in deals if lo <= d.closed_on <= hi], order))
    trailing_label = shown[0].label if quarters == 1 else f"{shown[0].label}\u2013{shown[-1].label}"
    trailing = _period(trailing_label, first_day, last_day, deals, order)
    return Figures(last, today, base, tuple(periods), trailing)


def _read(
    plan: PlanDB, stages: Mapping[int, Stage], start: str, end: str, base: str, rates: Mapping[str, float]
) -> list[_Deal]:
    if start > end:  # the quarters lie after today: nothing is closed in them yet
        return []
    closed = data.closed_deals(plan, start, end)
    slipped = data.slipped_while_open(plan, start, end)
    covered = data.economic_buyer_covered(plan, start, end)
    # Each deal's moves as (stage id, day): the rows come ordered by deal, then time.
    moves: dict[int, list[tuple[int, str]]] = {}
    for deal_id, stage_id, day in data.stage_moves(plan, start, end):
        found = moves.get(deal_id)
        if found is None:
            moves[deal_id] = [(stage_id, day)]
        else:
            found.append((stage_id, day))
    days: dict[str, int | None] = {}  # ISO date -> ordinal: a plan's history repeats its days often

    def ordinal(iso: str | None) -> int | None:
        if iso in days:
            return days[iso]
        try:
            found: int | None = dt.date.fromisoformat(iso).toordinal() if iso else None
        except ValueError:  # a hand-edited file: a day that is no date counts nowhere
            found = None
        days[iso or ""] = found
        return found

    # Looked up once per stage rather than per move: 10,000 deals make some 50,000 moves.
    # An open stage's rank is its position; Won ranks above every open stage, Lost and Walked
    # away below all (leaving for them is going no further).
    top = max((st.position for st in stages.values()), default=0) + 1
    rank = {
        st.id: (top if st.level is FunnelLevel.WON else -1) if st.is_closed else st.position
        for st in stages.values()
    }
    open_ids = {st.id for st in stages.values() if not st.is_closed}
    best_few_ids = {st.id for st in stages.values() if st.level is FunnelLevel.BEST_FEW}
    levels = {level.value: level for level in FunnelLevel}
    result = []
    for deal in closed:
        level = levels[deal.level]
        closed_day = ordinal(deal.closed_on)
        created_day = ordinal(deal.created)
        cycle = None
        if closed_day is not None and created_day is not None and closed_day >= created_day:
            cycle = closed_day - created_day
        stays: dict[int, int] = {}
        advanced: set[int] = set()
        history = moves.get(deal.id, ())
        # Backwards: the highest rank entered after each move says whether the deal went further.
        highest = top if level is FunnelLevel.WON else -1
        left = closed_day
        for stage_id, day in reversed(history):
            begun = ordinal(day)
            if stage_id in open_ids:
                if highest > rank[stage_id]:
                    advanced.add(stage_id)
                if begun is not None and left is not None and left >= begun:
                    stays[stage_id] = stays.get(stage_id, 0) + left - begun
            highest = max(highest, rank.get(stage_id, -1))
            left = begun
        entered = frozenset(stage_id for stage_id, _ in history if stage_id in open_ids)
        result.append(
            _Deal(
                deal.closed_on,
                level,
                convert(deal.amount, deal.currency, base, rates),
                cycle,
                stays,
                entered,
                frozenset(advanced),
                not best_few_ids.isdisjoint(entered),
                deal.id in slipped,
                deal.id in covered,
            )
        )
    return result


def _period(
    label: str, start: dt.date, end: dt.date, deals: Sequence[_Deal], order: Sequence[Stage]
) -> PeriodFigures:
    won = [d for d in deals if d.level is FunnelLevel.WON]
    lost = [d for d in deals if d.level is FunnelLevel.LOST]
    walked = sum(1 for d in deals if d.level is FunnelLevel.WALKED_AWAY)
    won_values = [d.value for d in won if d.value is not None]
    lost_values = [d.value for d in lost if d.value is not None]
    won_value, lost_value = sum(won_values), sum(lost_values)
    decided = len(won) + len(lost)
    cycles = [d.cycle for d in won if d.cycle is not None]
    cycle = sum(cycles) / len(cycles) if cycles else None
    size = won_value / len(won_values) if won_values else None
    velocity: float | None = None
    if decided and not won:
        velocity = 0.0  # nothing won: the funnel turned nothing into wins
    elif won and size is not None and cycle:
        velocity = decided * (len(won) / decided) * size / cycle
    reached = [d for d in deals if d.reached_best_few]
    figures = (
        _share("win_rate_count", len(won), decided),
        _share("win_rate_value", won_value, won_value + lost_value),
        Figure("walk_aways", float(walked), float(walked), float(len(deals))),
        _mean("sales_cycle", cycles, 1),
        _mean("deal_size", won_values, 0),
        Figure("velocity", None if velocity is None else float(round(velocity))),
        _share("slip_rate", sum(1 for d in deals if d.slipped), len(deals)),
        _share("economic_buyer_met", sum(1 for d in reached if d.buyer_covered), len(reached)),
    )
    return PeriodFigures(
        label,
        start,
        end,
        len(won),
        len(lost),
        walked,
        float(round(won_value)),
        float(round(lost_value)),
        decided - len(won_values) - len(lost_values),
        figures,
        _stage_figures(order, deals),
    )


def _stage_figures(order: Sequence[Stage], deals: Iterable[_Deal]) -> tuple[StageFigures, ...]:
    # One pass over the deals for every stage: a period holds up to tens of thousands of them.
    entered = dict.fromkeys((st.id for st in order), 0)
    advanced = dict(entered)
    stays: dict[int, list[int]] = {st.id: [] for st in order}
    for d in deals:
        for stage_id in d.entered:
            if stage_id in entered:
                entered[stage_id] += 1
        for stage_id in d.advanced:
            if stage_id in advanced:
                advanced[stage_id] += 1
        for stage_id, spent in d.stays.items():
            if stage_id in stays:
                stays[stage_id].append(spent)
    result = []
    for stage in order:
        spans = stays[stage.id]
        median = round(float(statistics.median(spans)), 1) if spans else None
        result.append(
            StageFigures(
                stage.id,
                stage.name,
                entered[stage.id],
                advanced[stage.id],
                _share("stage_conversion", advanced[stage.id], entered[stage.id]),
                _mean("stage_days_average", spans, 1),
                Figure("stage_days_median", median, None, float(len(spans))),
            )
        )
    return tuple(result)


def _share(definition: str, part: float, whole: float) -> Figure:
    value = round(100 * part / whole, 1) if whole else None
    return Figure(definition, value, float(part), float(whole))


def _mean(definition: str, values: Sequence[float], decimals: int) -> Figure:
    total = float(sum(values))
    value = float(round(total / len(values), decimals)) if values else None
    return Figure(definition, value, total, float(len(values)))


# ----------------------------------------------------------------------------------------------
# Reading a figure


def figure_text(figure: Figure, currency: str) -> str:
    """'62.5 %', '41.5 days', '48,000 EUR', '1,200 EUR a day', '3'; an en dash when there is no value."""
    if figure.value is None:
        return "\u2013"
    unit = DEFINITIONS[figure.definition].unit
    if unit is Unit.PERCENT:
        return translate("Accountability", "{n} %").format(n=format_number(figure.value, 1))
    if unit is Unit.DAYS:
        return translate("Accountability", "{n} days").format(n=format_number(figure.value, 1))
    if unit is Unit.MONEY:
        return f"{format_number(figure.value)} {currency}"
    if unit is Unit.MONEY_PER_DAY:
        return translate("Accountability", "{amount} a day").format(
            amount=f"{format_number(figure.value)} {currency}"
        )
    return format_number(figure.value)


def figure_basis(figure: Figure, currency: str) -> str:
    """What a figure was computed from, in words: '5 of 8 deals', 'over 4 deals'; '' for none."""
    if figure.part is None or figure.whole is None:
        return ""
    unit = DEFINITIONS[figure.definition].unit
    if figure.definition == "win_rate_value":
        return translate("Accountability", "{part} of {whole}").format(
            part=f"{format_number(figure.part)} {currency}", whole=f"{format_number(figure.whole)} {currency}"
        )
    if unit is Unit.PERCENT or figure.definition == "walk_aways":
        return translate("Accountability", "{part} of {whole} deals").format(
            part=format_number(figure.part), whole=format_number(figure.whole)
        )
    return translate("Accountability", "over {whole} deals").format(whole=format_number(figure.whole))


def tooltip(figure: Figure, currency: str) -> str:
    """The figure's name, its definition and what it was computed from: the window's tooltip."""
    basis = figure_basis(figure, currency)
    lines = [f"{name(figure.definition)}: {definition_text(figure.definition)}"]
    if basis:
        lines.append(basis)
    return "\n".join(lines)


# ----------------------------------------------------------------------------------------------
# JSON (the command line's `planner stats --json`)


def _figure_json(figure: Figure) -> dict[str, Any]:
    return {"value": figure.value, "part": figure.part, "whole": figure.whole}


def period_json(period: PeriodFigures) -> dict[str, Any]:
    """One period's figures as JSON: the values exactly as the window shows them."""
    return {
        "label": period.label,
        "start": period.start.isoformat(),
        "end": period.end.isoformat(),
        "won": period.won,
        "lost": period.lost,
        "walked_away": period.walked_away,
        "won_value": period.won_value,
        "lost_value": period.lost_value,
        "without_value": period.without_value,
        "figures": {f.definition: _figure_json(f) for f in period.figures},
        "stages": [
            {
                "stage": s.stage,
                "entered": s.entered,
                "advanced": s.advanced,
                "stage_conversion": _figure_json(s.conversion),
                "stage_days_average": _figure_json(s.average_days),
                "stage_days_median": _figure_json(s.median_days),
            }
            for s in period.stages
        ],
    }


def figures_json(result: Figures) -> dict[str, Any]:
    """Every period's figures with the definitions, as `planner stats --json` prints them."""
    return {
        "quarter": result.quarter.label,
        "quarters": len(result.quarters),
        "today": result.today.isoformat(),
        "base_currency": result.base_currency,
        "definitions": {
            key: {"name": name(key), "definition": definition_text(key), "unit": d.unit.value}
            for key, d in DEFINITIONS.items()
        },
        "periods": [period_json(p) for p in result.quarters],
        "trailing": period_json(result.trailing),
    }
