"""The forecast: a quarter's months against the target, funnel balance, slips and weekly changes."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any, NamedTuple

from planner import calendar
from planner.i18n import QT_TRANSLATE_NOOP, format_number, plural, translate
from planner.model import ForecastCategory, FunnelLevel, Stage
from planner.money import CurrencySums, Rates, Totals
from planner.stages import open_stages, probability
from planner.storage import forecast_data
from planner.storage import funnel_snapshots as snapshot_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.board import account_names
from planner.storage.db import PlanDB
from planner.storage.forecast_data import CloseDateMove, DealRow
from planner.storage.funnel_snapshots import SnapshotDeal, SnapshotInfo
from planner.templates import compile_template

# Decided here, where docs/method.md is silent (and tested):
# - Forecast categories: each deal counts in exactly one column. The default comes from the
#   stage's funnel level (DEFAULT_CATEGORIES); the seller may set Pipeline, Best Case, Commit or
#   Omitted on an open deal. docs/method.md says to "let the seller commit per deal", so no stage
#   commits by default: the Best Few (high confidence) defaults to Best Case. A won deal is
#   always Closed, a lost or walked-away one always Omitted, whatever was set while it was open.
# - A won deal counts in the month it was closed (its close date when that is missing); an
#   open deal in the month of its close date. Lost and walked-away deals are not forecast.
# - Weighted = won (at 100 %) + every open, not omitted deal's amount x its probability.
# - Remaining target = target - won (never below 0); gap = target - (won + commit), what must
#   still come from Best Case and Pipeline (negative: ahead of target); coverage = open
#   pipeline (commit + best case + pipeline) / remaining target.
# - Fiscal years are named by the calendar year they end in (a year starting in April 2026 is
#   2027); with the default start month, January, fiscal and calendar quarters are the same.

SETTING_FISCAL_START = calendar.SETTING_FISCAL_START
SETTING_TARGETS = "targets"

DEFAULT_CATEGORIES: Mapping[FunnelLevel, ForecastCategory] = {
    FunnelLevel.UNIVERSE: ForecastCategory.OMITTED,
    FunnelLevel.ABOVE: ForecastCategory.PIPELINE,
    FunnelLevel.IN: ForecastCategory.PIPELINE,
    FunnelLevel.BEST_FEW: ForecastCategory.BEST_CASE,
    FunnelLevel.WON: ForecastCategory.CLOSED,
    FunnelLevel.LOST: ForecastCategory.OMITTED,
    FunnelLevel.WALKED_AWAY: ForecastCategory.OMITTED,
}
# What a seller may choose for an open deal (Closed follows the Won stage).
SETTABLE_CATEGORIES: tuple[ForecastCategory, ...] = (
    ForecastCategory.PIPELINE,
    ForecastCategory.BEST_CASE,
    ForecastCategory.COMMIT,
    ForecastCategory.OMITTED,
)


def default_category(level: FunnelLevel) -> ForecastCategory:
    """The forecast category a stage's level gives a deal the seller has not categorised."""
    return DEFAULT_CATEGORIES[level]


def effective_category(level: FunnelLevel, chosen: ForecastCategory | None) -> ForecastCategory:
    """The category a deal counts in: closed levels decide; else the seller's choice, else the default."""
    if level.is_closed or chosen is None or chosen is ForecastCategory.CLOSED:
        return DEFAULT_CATEGORIES[level]
    return chosen


# ----------------------------------------------------------------------------------------------
# Quarters

# Months and quarters live in planner.calendar; these names stay here for the forecast's users.
Month = calendar.Month
Quarter = calendar.Quarter
quarter_of = calendar.quarter_of
parse_quarter = calendar.parse_quarter
fiscal_start_month = calendar.fiscal_start_month


def targets_from(value: Any) -> dict[str, float]:
    """The `targets` setting as {'2026Q4': 500000.0}; unusable entries are left out, not fatal."""
    if not isinstance(value, dict):
        return {}
    result: dict[str, float] = {}
    for key, amount in value.items():
        if not isinstance(key, str) or isinstance(amount, bool) or not isinstance(amount, int | float):
            continue
        try:
            quarter = parse_quarter(key)
        except ValueError:
            continue
        if 0 <= amount < 1e15:
            result[quarter.label] = float(amount)
    return result


# ----------------------------------------------------------------------------------------------
# What the forecast reads


@dataclass(frozen=True, slots=True)
class PlanFacts:
    """Everything the forecast reads from a plan, loaded once (`load_plan_facts`)."""

    deals: Sequence[DealRow]
    stages: Mapping[int, Stage]
    base_currency: str
    rates: Rates
    targets: Mapping[str, float]
    start_month: int
    ever_above: frozenset[int]  # deals whose history entered Above the Funnel
    accounts: Mapping[int, str] = field(default_factory=dict)


def load_plan_facts(plan: PlanDB) -> PlanFacts:
    """Read the deals, stages and forecast settings of a plan (a handful of queries)."""
    stages = stage_repo.list_stages(plan)
    return PlanFacts(
        deals=forecast_data.load_deal_rows(plan),
        stages={s.id: s for s in stages},
        base_currency=settings_repo.get_setting(plan, "base_currency", "EUR"),
        rates=dict(settings_repo.get_setting(plan, "rates", {})),
        targets=targets_from(settings_repo.get_setting(plan, SETTING_TARGETS, {})),
        start_month=calendar.plan_start_month(plan),
        ever_above=frozenset(forecast_data.deals_ever_in_level(plan, FunnelLevel.ABOVE.value)),
        accounts=account_names(plan),
    )


def _category(deal: DealRow, level: FunnelLevel) -> ForecastCategory:
    chosen = deal.forecast_category
    if level.is_closed or chosen is None:
        return DEFAULT_CATEGORIES[level]
    try:
        return effective_category(level, ForecastCategory(chosen))
    except ValueError:  # a value the schema would refuse today, from an old or hand-edited file
        return DEFAULT_CATEGORIES[level]


def convert(amount: float | None, currency: str, base_currency: str, rates: Rates) -> float | None:
    """An amount in the base currency, or None (no amount, or no rate for its currency)."""
    if amount is None:
        return None
    rate = 1.0 if currency == base_currency else rates.get(currency)
    return None if rate is None else amount * rate


# ----------------------------------------------------------------------------------------------
# Figures

COLUMNS: tuple[str, ...] = ("won", "commit", "best_case", "pipeline", "weighted")
# The columns' names: English sources of the "Forecast" context (translated by `column_label`).
COLUMN_LABELS: Mapping[str, str] = {
    "won": QT_TRANSLATE_NOOP("Forecast", "Won"),
    "commit": QT_TRANSLATE_NOOP("Forecast", "Commit"),
    "best_case": QT_TRANSLATE_NOOP("Forecast", "Best case"),
    "pipeline": QT_TRANSLATE_NOOP("Forecast", "Pipeline"),
    "weighted": QT_TRANSLATE_NOOP("Forecast", "Weighted"),
    "omitted": QT_TRANSLATE_NOOP("Forecast", "Omitted"),
}
# The same inside a sentence ("12,000 USD in best case").
_COLUMN_WORDS: Mapping[str, str] = {
    "won": QT_TRANSLATE_NOOP("Forecast", "won"),
    "commit": QT_TRANSLATE_NOOP("Forecast", "commit"),
    "best_case": QT_TRANSLATE_NOOP("Forecast", "best case"),
    "pipeline": QT_TRANSLATE_NOOP("Forecast", "pipeline"),
    "weighted": QT_TRANSLATE_NOOP("Forecast", "weighted"),
    "omitted": QT_TRANSLATE_NOOP("Forecast", "omitted"),
}


def column_label(column: str) -> str:
    """A column's name in the window's language: 'Won', 'Commit', 'Best case'..."""
    return translate("Forecast", COLUMN_LABELS[column])


# The column each category counts in.
_COLUMN_OF: Mapping[ForecastCategory, str] = {
    ForecastCategory.CLOSED: "won",
    ForecastCategory.COMMIT: "commit",
    ForecastCategory.BEST_CASE: "best_case",
    ForecastCategory.PIPELINE: "pipeline",
    ForecastCategory.OMITTED: "omitted",
}
_SUMMED = ("won", "commit", "best_case", "pipeline", "omitted")


@dataclass(frozen=True, slots=True)
class Figures:
    """One period's won, commit, best case, pipeline (and omitted) totals in the base currency.

    Each Totals keeps its count and, apart, the amounts in currencies without a rate.
    """

    won: Totals
    commit: Totals
    best_case: Totals
    pipeline: Totals
    omitted: Totals

    @property
    def weighted(self) -> float:
        """Won at 100 % plus every open, not omitted deal's amount x probability."""
        return self.won.weighted + self.commit.weighted + self.best_case.weighted + self.pipeline.weighted

    @property
    def open_pipeline(self) -> float:
        """Commit + best case + pipeline: what is still open (and not omitted)."""
        return self.commit.amount + self.best_case.amount + self.pipeline.amount

    def value(self, column: str) -> float:
        """A column by name ('won', 'commit', 'best_case', 'pipeline', 'weighted', 'omitted')."""
        if column == "weighted":
            return self.weighted
        totals: Totals = getattr(self, column)
        return totals.amount

    def count(self, column: str) -> int:
        """Deals in a column ('weighted' counts every deal in won, commit, best case, pipeline)."""
        if column == "weighted":
            return self.won.count + self.commit.count + self.best_case.count + self.pipeline.count
        totals: Totals = getattr(self, column)
        return totals.count

    def unconverted(self) -> dict[str, dict[str, float]]:
        """{currency: {column: amount}} of the amounts no rate converts (never added above)."""
        apart: dict[str, dict[str, float]] = {}
        for column in _SUMMED:
            totals: Totals = getattr(self, column)
            for currency, (amount, weighted) in totals.unconverted.items():
                apart.setdefault(currency, {})[column] = amount
                if column != "omitted":
                    entry = apart[currency]
                    entry["weighted"] = entry.get("weighted", 0.0) + weighted
        return apart


class MonthFigures(NamedTuple):
    """One month of the quarter and its figures."""

    month: Month
    figures: Figures


class ForecastDeal(NamedTuple):
    """A deal counted in the quarter: which month, which column, what it is worth."""

    id: int
    title: str
    account: str
    stage: str
    level: FunnelLevel
    close_date: dt.date
    amount: float | None
    currency: str
    value: float | None  # in the base currency; None without an amount or a rate
    probability: int
    category: ForecastCategory
    chosen: bool  # the seller set the category (else it follows the stage)


class LevelFigures(NamedTuple):
    """Open deals of one funnel level, whatever their close date."""

    level: FunnelLevel
    totals: Totals


class WeekSlips(NamedTuple):
    """Deals whose close date moved out of the quarter during one week (Monday to Sunday)."""

    week: dt.date  # the Monday
    moved: int  # deals
    value: float  # converted; amounts without a rate are counted, not added


@dataclass(frozen=True, slots=True)
class Conversion:
    """How often a deal that entered Above the Funnel was won, from the plan's closed deals."""

    rate: float  # 0..1
    won: int
    closed: int
    from_history: bool  # False: too little history, the Above the Funnel stage's probability

    def describe(self) -> str:
        """The rate and where it comes from, in the window's language."""
        percent = translate("Forecast", "{n} %").format(n=f"{self.rate * 100:.0f}")
        if self.from_history:
            return translate(
                "Forecast",
                "{percent} ({won} of {closed} closed deals that started Above the Funnel were won)",
            ).format(percent=percent, won=self.won, closed=self.closed)
        return plural(
            self.closed,
            translate(
                "Forecast",
                "{percent} (the Above the Funnel stage's probability: only {closed} closed deal started"
                " Above the Funnel, {needed} are needed to use the plan's own history)",
            ),
            translate(
                "Forecast",
                "{percent} (the Above the Funnel stage's probability: only {closed} closed deals started"
                " Above the Funnel, {needed} are needed to use the plan's own history)",
            ),
        ).format(percent=percent, closed=self.closed, needed=MIN_HISTORY)


class Diagnostic(NamedTuple):
    """A funnel-balance warning, with the numbers that triggered it."""

    kind: str  # 'dry_top', 'jammed_middle', 'best_few_short'
    title: str
    message: str
    numbers: Mapping[str, float | int | str]


def remaining_target(target: float | None, won: float) -> float | None:
    """Target still to win: target - won, never below zero (None without a target)."""
    return None if target is None else max(target - won, 0.0)


def gap_to_target(target: float | None, won: float, commit: float) -> float | None:
    """Target - (won + commit): what Best Case and Pipeline must bring (negative: ahead)."""
    return None if target is None else target - won - commit


def coverage_of(open_pipeline: float, remaining: float | None) -> float | None:
    """Open pipeline / remaining target (None without a target, or with the target reached)."""
    return None if remaining is None or remaining <= 0 else open_pipeline / remaining


@dataclass(frozen=True, slots=True)
class Forecast:
    """A quarter's forecast, as the view, the command line and the review pack show it."""

    quarter: Quarter
    today: dt.date
    base_currency: str
    months: tuple[MonthFigures, MonthFigures, MonthFigures]
    total: Figures
    target: float | None
    deals: tuple[ForecastDeal, ...]  # counted in the quarter, by close date then id
    undated: int  # open deals without a close date: in no quarter
    earlier: int  # open deals dated before this quarter (overdue if the quarter is current)
    levels: tuple[LevelFigures, ...]
    slips: tuple[WeekSlips, ...]
    conversion: Conversion
    diagnostics: tuple[Diagnostic, ...]

    @property
    def remaining(self) -> float | None:
        """Target still to win: target - won, never below zero (None without a target)."""
        return remaining_target(self.target, self.total.won.amount)

    @property
    def gap(self) -> float | None:
        """Target - (won + commit): what Best Case and Pipeline must bring (negative: ahead)."""
        return gap_to_target(self.target, self.total.won.amount, self.total.commit.amount)

    @property
    def coverage(self) -> float | None:
        """Open pipeline / remaining target (None without a target, or with the target reached)."""
        return coverage_of(self.total.open_pipeline, self.remaining)


# Funnel balance: the thresholds of the diagnostics (decided here; the message shows the numbers).
MIN_HISTORY = 5  # closed deals that started Above the Funnel before the plan's own rate is used
DEFAULT_CONVERSION = 0.10  # when the plan has no Above the Funnel stage either (docs/method.md's Prospect)
JAM_MIN_STUCK = 3  # deals In the Funnel longer than their stage's limit...
JAM_SHARE = 1 / 3  # ...and at least this share of In the Funnel
SLIP_WEEKS = 13  # the slip trend shows at least a quarter of weeks


def compute(
    facts: PlanFacts, quarter: Quarter, today: dt.date, moves: Sequence[CloseDateMove] = ()
) -> Forecast:
    """The forecast of `quarter` from loaded facts (pure: tests give hand-made facts)."""
    base, rates, stages = facts.base_currency, facts.rates, facts.stages
    keys = [m.key for m in quarter.months]
    month_index = {key: i for i, key in enumerate(keys)}
    start_key = quarter.start.isoformat()
    sums = [{column: CurrencySums() for column in _SUMMED} for _ in keys]
    levels = {level: CurrencySums() for level in FunnelLevel}
    # Per stage, what the loop reads of it: attribute and property look-ups cost more than the sums.
    info = {s.id: (s, s.level, s.level.is_closed, s.probability) for s in stages.values()}
    won_level = FunnelLevel.WON
    deals: list[ForecastDeal] = []
    undated = earlier = 0
    for deal in facts.deals:  # every deal of the plan: the funnel sums are written out inline
        found = info.get(deal.stage_id)
        if found is None:
            continue
        stage, level, closed, chance = found
        chance = probability(deal.probability_override, chance)
        if not closed:
            level_sums = levels[level]
            level_sums.count += 1
            amount = deal.amount
            if amount is not None:
                pair = level_sums.sums.get(deal.currency)
                if pair is None:
                    pair = level_sums.sums[deal.currency] = [0.0, 0.0]
                pair[0] += amount
                pair[1] += amount * chance
            day = deal.close_date
            if day is None:
                undated += 1
                continue
        elif level is won_level:
            day = deal.closed_on or deal.close_date
            if day is None:
                continue
            chance = 100
        else:
            continue  # lost and walked away are not forecast
        index = month_index.get(day[:7])
        if index is None:
            if not closed and day < start_key:
                earlier += 1
            continue
        category = _category(deal, level)
        sums[index][_COLUMN_OF[category]].add(deal.amount, deal.currency, chance)
        deals.append(
            ForecastDeal(
                deal.id,
                deal.title,
                facts.accounts.get(deal.account_id or 0, ""),
                stage.name,
                level,
                dt.date.fromisoformat(day[:10]),
                deal.amount,
                deal.currency,
                convert(deal.amount, deal.currency, base, rates),
                chance,
                category,
                deal.forecast_category is not None
                and not closed
                and category.value == deal.forecast_category,
            )
        )
    months = tuple(
        MonthFigures(month, _figures(month_sums, base, rates))
        for month, month_sums in zip(quarter.months, sums, strict=True)
    )
    total_sums = {column: CurrencySums() for column in _SUMMED}
    for month_sums in sums:
        for column, part in month_sums.items():
            _merge(total_sums[column], part)
    total = _figures(total_sums, base, rates)
    deals.sort(key=lambda d: (d.close_date, d.id))
    level_figures = tuple(
        LevelFigures(level, levels[level].totals(base, rates)) for level in _open_levels(stages.values())
    )
    conversion = conversion_rate(facts)
    target = facts.targets.get(quarter.label)
    forecast = Forecast(
        quarter=quarter,
        today=today,
        base_currency=base,
        months=(months[0], months[1], months[2]),
        total=total,
        target=target,
        deals=tuple(deals),
        undated=undated,
        earlier=earlier,
        levels=level_figures,
        slips=slip_trend(facts, quarter, today, moves),
        conversion=conversion,
        diagnostics=(),
    )
    return _with_diagnostics(forecast, facts, today)


def _figures(sums: Mapping[str, CurrencySums], base: str, rates: Rates) -> Figures:
    return Figures(*(sums[column].totals(base, rates) for column in _SUMMED))


def _merge(into: CurrencySums, part: CurrencySums) -> None:
    into.count += part.count
    for currency, (amount, weighted) in part.sums.items():
        pair = into.sums.setdefault(currency, [0.0, 0.0])
        pair[0] += amount
        pair[1] += weighted


def _empty(base: str) -> Totals:
    return Totals(0, 0.0, 0.0, base)


def _open_levels(stages: Iterable[Stage]) -> list[FunnelLevel]:
    """The funnel levels the plan's open stages use, in funnel order."""
    used = {s.level for s in open_stages(list(stages))}
    return [level for level in FunnelLevel if level in used]


def conversion_rate(facts: PlanFacts) -> Conversion:
    """Share of the closed deals that entered Above the Funnel that were won.

    With fewer than MIN_HISTORY such deals, the probability of the plan's first Above the Funnel
    stage stands in (10 % by docs/method.md's defaults), and the Conversion says so.
    """
    stages = facts.stages
    closed_ids = {s.id for s in stages.values() if s.level.is_closed}
    won_ids = {s.id for s in stages.values() if s.level is FunnelLevel.WON}
    ever_above = facts.ever_above
    outcomes = [d.stage_id for d in facts.deals if d.stage_id in closed_ids and d.id in ever_above]
    closed = len(outcomes)
    won = sum(1 for stage_id in outcomes if stage_id in won_ids)
    if closed >= MIN_HISTORY:
        return Conversion(won / closed, won, closed, True)
    above = [s for s in open_stages(list(stages.values())) if s.level is FunnelLevel.ABOVE]
    rate = above[0].probability / 100 if above else DEFAULT_CONVERSION
    return Conversion(rate, won, closed, False)


def slip_weeks(quarter: Quarter, today: dt.date) -> list[dt.date]:
    """The Mondays the slip trend shows: from the quarter's first week (or 13 weeks back) to
    the week of today or of the quarter's end, whichever comes first."""
    last_day = min(today, quarter.end)
    last = last_day - dt.timedelta(days=last_day.weekday())
    first = quarter.start - dt.timedelta(days=quarter.start.weekday())
    first = min(first, last - dt.timedelta(weeks=SLIP_WEEKS - 1))
    return [first + dt.timedelta(weeks=n) for n in range((last - first).days // 7 + 1)]


def slip_trend(
    facts: PlanFacts, quarter: Quarter, today: dt.date, moves: Sequence[CloseDateMove]
) -> tuple[WeekSlips, ...]:
    """Per week, the deals whose close date moved from inside the quarter to after it (or off).

    A deal counts once per week however often it moved that week; its value is its amount now.
    """
    weeks = slip_weeks(quarter, today)
    if not weeks:
        return ()
    by_id = {d.id: d for d in facts.deals} if moves else {}
    seen: dict[dt.date, set[int]] = {week: set() for week in weeks}
    first, last = weeks[0], weeks[-1] + dt.timedelta(days=6)
    for move in moves:
        day = dt.date.fromisoformat(move.changed_on)
        if not first <= day <= last:
            continue
        seen[day - dt.timedelta(days=day.weekday())].add(move.opportunity_id)
    result = []
    for week in weeks:
        value = 0.0
        for deal_id in seen[week]:
            deal = by_id.get(deal_id)
            if deal is not None:
                value += convert(deal.amount, deal.currency, facts.base_currency, facts.rates) or 0.0
        result.append(WeekSlips(week, len(seen[week]), value))
    return tuple(result)


def _with_diagnostics(forecast: Forecast, facts: PlanFacts, today: dt.date) -> Forecast:
    found = (_dry_top(forecast, facts), _jammed_middle(facts, today), _best_few_short(forecast))
    return dataclasses.replace(forecast, diagnostics=tuple(d for d in found if d is not None))


def money(value: float, currency: str) -> str:
    """'120,000 EUR' (whole units: forecasts are read in thousands, not cents; German marks in a
    German window: '120.000 EUR')."""
    return f"{format_number(value)} {currency}"


def _level_totals(forecast: Forecast, level: FunnelLevel) -> Totals:
    for figures in forecast.levels:
        if figures.level is level:
            return figures.totals
    return _empty(forecast.base_currency)


def _dry_top(forecast: Forecast, facts: PlanFacts) -> Diagnostic | None:
    """Above the Funnel x conversion falls short of what next quarter needs."""
    following = forecast.quarter.shifted(1)
    need = facts.targets.get(following.label)
    need_quarter = following
    if need is None and forecast.target is not None:
        need, need_quarter = forecast.target, forecast.quarter
        need_source = translate("Forecast", "the target of {quarter}, as none is set for {following}").format(
            quarter=forecast.quarter.label, following=following.label
        )
    else:
        need_source = translate("Forecast", "next quarter's target ({following})").format(
            following=following.label
        )
    if need is None or need <= 0:
        return None
    above = _level_totals(forecast, FunnelLevel.ABOVE)
    rate = forecast.conversion.rate
    feeds = above.amount * rate
    if feeds >= need:
        return None
    base = forecast.base_currency
    required = need / rate if rate > 0 else None
    message = translate(
        "Forecast",
        "Above the Funnel holds {amount} in {deals}. At a conversion of {conversion}, that feeds about"
        " {feeds}, short of {need}, {source}.",
    ).format(
        amount=money(above.amount, base),
        deals=deals_text(above.count),
        conversion=forecast.conversion.describe(),
        feeds=money(feeds, base),
        need=money(need, base),
        source=need_source,
    )
    if required is not None:
        message += translate(
            "Forecast", " Above the Funnel would need about {amount}: find more prospects."
        ).format(amount=money(required, base))
    numbers: dict[str, float | int | str] = {
        "above_value": above.amount,
        "above_count": above.count,
        "conversion": rate,
        "conversion_won": forecast.conversion.won,
        "conversion_closed": forecast.conversion.closed,
        "conversion_from_history": int(forecast.conversion.from_history),
        "feeds": feeds,
        "need": need,
        "need_quarter": need_quarter.label,
        "shortfall": need - feeds,
    }
    if required is not None:
        numbers["above_needed"] = required
    return Diagnostic("dry_top", translate("Forecast", "Dry top"), message, numbers)


def _jammed_middle(facts: PlanFacts, today: dt.date) -> Diagnostic | None:
    """Deals piling up In the Funnel: many in their stage for longer than its stale limit."""
    stages = facts.stages.values()
    best_few_ids = {s.id for s in stages if s.level is FunnelLevel.BEST_FEW}
    # Per In the Funnel stage, the first day a deal entered on has been there longer than the limit
    # (ISO dates compare as text, as in funnel.statuses); None: the stage has no limit.
    cutoffs = {
        s.id: None
        if s.stale_after_days is None
        else (today - dt.timedelta(days=s.stale_after_days)).isoformat()
        for s in stages
        if s.level is FunnelLevel.IN
    }
    in_funnel = stuck = best_few = 0
    for deal in facts.deals:
        stage_id = deal.stage_id
        if stage_id in best_few_ids:
            best_few += 1
        elif stage_id in cutoffs:
            in_funnel += 1
            cutoff, entered = cutoffs[stage_id], deal.stage_entered
            if cutoff is not None and entered is not None and entered[:10] < cutoff:
                stuck += 1
    if stuck < JAM_MIN_STUCK or stuck < JAM_SHARE * in_funnel:
        return None
    message = translate(
        "Forecast",
        "{stuck} of the {in_funnel} deals In the Funnel ({share}) have sat in their stage for longer than"
        " its stale limit, against {best_few} in the Best Few: move them on with a customer commitment,"
        " or walk away.",
    ).format(stuck=stuck, in_funnel=in_funnel, share=f"{stuck / in_funnel:.0%}", best_few=best_few)
    numbers: dict[str, float | int | str] = {
        "in_funnel": in_funnel,
        "stuck": stuck,
        "stuck_share": stuck / in_funnel,
        "best_few": best_few,
        "threshold_share": JAM_SHARE,
    }
    return Diagnostic("jammed_middle", translate("Forecast", "Jammed middle"), message, numbers)


def _best_few_short(forecast: Forecast) -> Diagnostic | None:
    """Won + the Best Few closing this quarter fall short of the quarter's target."""
    target = forecast.target
    if target is None or target <= 0:
        return None
    best_few = [
        d
        for d in forecast.deals
        if d.level is FunnelLevel.BEST_FEW and d.category is not ForecastCategory.OMITTED
    ]
    value = sum(d.value or 0.0 for d in best_few)
    won = forecast.total.won.amount
    if won + value >= target:
        return None
    base = forecast.base_currency
    message = translate(
        "Forecast",
        "Won so far, {won}, plus {deals} in the Best Few closing this quarter, {value}, make {total}:"
        " {shortfall} short of the {target} target.",
    ).format(
        won=money(won, base),
        deals=deals_text(len(best_few)),
        value=money(value, base),
        total=money(won + value, base),
        shortfall=money(target - won - value, base),
        target=money(target, base),
    )
    numbers: dict[str, float | int | str] = {
        "won": won,
        "best_few_value": value,
        "best_few_count": len(best_few),
        "target": target,
        "shortfall": target - won - value,
    }
    return Diagnostic(
        "best_few_short", translate("Forecast", "Best Few too small for the target"), message, numbers
    )


def load_forecast(
    plan: PlanDB, quarter: Quarter | None, today: dt.date, facts: PlanFacts | None = None
) -> Forecast:
    """The forecast of `quarter` (the current one when None), read from the plan."""
    facts = facts or load_plan_facts(plan)
    if quarter is None:
        quarter = quarter_of(today, facts.start_month)
    elif quarter.start_month != facts.start_month:
        quarter = Quarter(quarter.year, quarter.number, facts.start_month)
    moves = forecast_data.close_dates_moved_out(plan, quarter.start.isoformat(), quarter.end.isoformat())
    return compute(facts, quarter, today, moves)


# ----------------------------------------------------------------------------------------------
# Snapshots and what changed since


class ChangeKind(StrEnum):
    """What happened to a deal between a snapshot and now."""

    ADDED = "added"
    ADVANCED = "advanced"
    MOVED_BACK = "moved_back"
    SLIPPED = "slipped"
    WON = "won"
    LOST = "lost"
    WALKED_AWAY = "walked_away"
    DELETED = "deleted"

    @property
    def label(self) -> str:
        """'Advanced a stage' in the window's language."""
        return translate("ForecastChange", _CHANGE_LABELS[self])


# Sources of the "ForecastChange" context, translated by ChangeKind.label.
_CHANGE_LABELS = {
    ChangeKind.ADDED: QT_TRANSLATE_NOOP("ForecastChange", "Added (new or reopened)"),
    ChangeKind.ADVANCED: QT_TRANSLATE_NOOP("ForecastChange", "Advanced a stage"),
    ChangeKind.MOVED_BACK: QT_TRANSLATE_NOOP("ForecastChange", "Moved back"),
    ChangeKind.SLIPPED: QT_TRANSLATE_NOOP("ForecastChange", "Close date slipped"),
    ChangeKind.WON: QT_TRANSLATE_NOOP("ForecastChange", "Won"),
    ChangeKind.LOST: QT_TRANSLATE_NOOP("ForecastChange", "Lost"),
    ChangeKind.WALKED_AWAY: QT_TRANSLATE_NOOP("ForecastChange", "Walked away"),
    ChangeKind.DELETED: QT_TRANSLATE_NOOP("ForecastChange", "Deleted"),
}
_CLOSED_KIND = {
    FunnelLevel.WON: ChangeKind.WON,
    FunnelLevel.LOST: ChangeKind.LOST,
    FunnelLevel.WALKED_AWAY: ChangeKind.WALKED_AWAY,
}
LAST_WEEK_DAYS = 7
LAST_MONTH_DAYS = 28  # four weekly snapshots back


class DealChange(NamedTuple):
    """One deal in one kind of change, with what changed in words."""

    opportunity_id: int
    title: str
    kind: ChangeKind
    detail: str
    value: float | None  # its amount in the base currency (None: no amount, or no rate)


@dataclass(frozen=True, slots=True)
class Comparison:
    """What changed since a snapshot (`since` is None when none is old enough yet)."""

    label: str  # 'last week', 'last month'
    since: SnapshotInfo | None
    changes: Mapping[ChangeKind, tuple[DealChange, ...]]

    def count(self, kind: ChangeKind) -> int:
        return len(self.changes.get(kind, ()))

    def value(self, kind: ChangeKind) -> float:
        return sum(c.value or 0.0 for c in self.changes.get(kind, ()))


def snapshot_rows(facts: PlanFacts) -> list[SnapshotDeal]:
    """Every open deal as a snapshot records it today."""
    rows = []
    for deal in facts.deals:
        stage = facts.stages.get(deal.stage_id)
        if stage is None or stage.level.is_closed:
            continue
        rows.append(
            SnapshotDeal(
                deal.id,
                deal.title,
                stage.id,
                stage.position,
                stage.level.value,
                deal.amount,
                deal.currency,
                deal.close_date,
                _category(deal, stage.level).value,
                probability(deal.probability_override, stage.probability),
            )
        )
    return rows


class _Days:
    """Dates in words ('19 Nov 2026'), the wording translated once for a whole comparison."""

    def __init__(self) -> None:
        self.months = calendar.month_names()
        self.template = compile_template(
            translate("Forecast", "{day} {month} {year}"), "day", "month", "year"
        )
        self.none = translate("Forecast", "no date")
        self.seen: dict[str, str] = {}

    def short(self, day: dt.date) -> str:
        return self.template(day=day.day, month=self.months[day.month - 1], year=day.year)

    def iso(self, iso: str | None) -> str:
        if not iso:
            return self.none
        text = self.seen.get(iso)
        if text is None:  # deals share dates: each is worded once
            text = self.seen[iso] = self.short(dt.date.fromisoformat(iso[:10]))
        return text


def _short(day: dt.date) -> str:
    return _Days().short(day)


def compare(facts: PlanFacts, then: Sequence[SnapshotDeal], since: SnapshotInfo, label: str) -> Comparison:
    """What changed between a snapshot and the plan now (a deal may be both advanced and slipped)."""
    base, rates, stages = facts.base_currency, facts.rates, facts.stages
    before = {d.opportunity_id: d for d in then}
    taken = since.taken_on.isoformat()
    changes: dict[ChangeKind, list[DealChange]] = {kind: [] for kind in ChangeKind}
    present: set[int] = set()
    days = _Days()
    closed_text = compile_template(translate("Forecast", "closed {date}"), "date")
    deleted_stage = translate("Forecast", "a deleted stage")
    for deal in facts.deals:
        stage = stages.get(deal.stage_id)
        if stage is None:
            continue
        present.add(deal.id)
        value = convert(deal.amount, deal.currency, base, rates)
        old = before.get(deal.id)
        closed_kind = _CLOSED_KIND.get(stage.level)
        if old is None:
            if closed_kind is None or (deal.closed_on is not None and deal.closed_on[:10] > taken):
                changes[ChangeKind.ADDED].append(
                    DealChange(deal.id, deal.title, ChangeKind.ADDED, stage.name, value)
                )
                if closed_kind is not None:
                    changes[closed_kind].append(
                        DealChange(
                            deal.id,
                            deal.title,
                            closed_kind,
                            closed_text(date=days.iso(deal.closed_on)),
                            value,
                        )
                    )
            continue
        if closed_kind is not None:
            changes[closed_kind].append(
                DealChange(
                    deal.id, deal.title, closed_kind, closed_text(date=days.iso(deal.closed_on)), value
                )
            )
            continue
        old_stage = stages.get(old.stage_id)
        old_name = old_stage.name if old_stage is not None else deleted_stage
        if stage.position > old.stage_position:
            changes[ChangeKind.ADVANCED].append(
                DealChange(deal.id, deal.title, ChangeKind.ADVANCED, f"{old_name} \u2192 {stage.name}", value)
            )
        elif stage.position < old.stage_position:
            changes[ChangeKind.MOVED_BACK].append(
                DealChange(
                    deal.id, deal.title, ChangeKind.MOVED_BACK, f"{old_name} \u2192 {stage.name}", value
                )
            )
        if old.close_date is not None and (deal.close_date is None or deal.close_date > old.close_date):
            changes[ChangeKind.SLIPPED].append(
                DealChange(
                    deal.id,
                    deal.title,
                    ChangeKind.SLIPPED,
                    f"{days.iso(old.close_date)} \u2192 {days.iso(deal.close_date)}",
                    value,
                )
            )
    for old in then:
        if old.opportunity_id not in present:
            changes[ChangeKind.DELETED].append(
                DealChange(
                    old.opportunity_id,
                    old.title,
                    ChangeKind.DELETED,
                    translate("Forecast", "deleted from the plan"),
                    convert(old.amount, old.currency, base, rates),
                )
            )
    return Comparison(label, since, {kind: tuple(found) for kind, found in changes.items()})


def comparisons(plan: PlanDB, facts: PlanFacts, today: dt.date) -> tuple[Comparison, Comparison]:
    """What changed since last week's and last month's snapshots (the newest at least 7 and 28 days old)."""
    result = []
    for label, days in (("last week", LAST_WEEK_DAYS), ("last month", LAST_MONTH_DAYS)):
        since = snapshot_repo.latest_on_or_before(plan, today - dt.timedelta(days=days))
        if since is None:
            result.append(Comparison(label, None, {}))
        else:
            result.append(compare(facts, snapshot_repo.load_snapshot_deals(plan, since.id), since, label))
    return result[0], result[1]


# ----------------------------------------------------------------------------------------------
# In words (the view and the command line say the same)


def _whole(value: float) -> str:
    return format_number(value)


def deals_text(count: int) -> str:
    """'1 deal', '3 deals' (in the window's language)."""
    return plural(count, translate("Forecast", "{n} deal"), translate("Forecast", "{n} deals")).format(
        n=format_number(count)
    )


def summary_lines(result: Forecast) -> list[str]:
    """Target, remaining, gap, coverage and what the figures leave out, in words (view and CLI)."""
    base = result.base_currency
    lines: list[str] = []
    if result.target is None:
        lines.append(
            translate("Forecast", "No target set for {quarter}.").format(quarter=result.quarter.label)
        )
    else:
        gap = result.gap or 0.0
        if gap > 0:
            gap_text = translate("Forecast", "gap to target after won and commit {amount} {currency}").format(
                amount=_whole(gap), currency=base
            )
        else:
            gap_text = translate(
                "Forecast", "won and commit are {amount} {currency} above the target"
            ).format(amount=_whole(-gap), currency=base)
        coverage = result.coverage
        coverage_text = (
            translate("Forecast", "target reached")
            if coverage is None
            else translate("Forecast", "coverage {ratio}x").format(ratio=format_number(coverage, 1))
        )
        lines.append(
            translate(
                "Forecast",
                "Target {target} {currency} · still to win {remaining} {currency} · {gap} · {coverage}"
                " (open pipeline {pipeline} {currency})",
            ).format(
                target=_whole(result.target),
                currency=base,
                remaining=_whole(result.remaining or 0.0),
                gap=gap_text,
                coverage=coverage_text,
                pipeline=_whole(result.total.open_pipeline),
            )
        )
    apart = result.total.unconverted()
    if apart:
        part = translate("Forecast", "{amount} {currency} in {column}")
        parts = [
            part.format(
                amount=_whole(amount), currency=currency, column=translate("Forecast", _COLUMN_WORDS[column])
            )
            for currency, columns in sorted(apart.items())
            for column, amount in columns.items()
            if column != "weighted"
        ]
        lines.append(
            translate("Forecast", "Not converted (no exchange rate), so not in the figures: {parts}").format(
                parts=", ".join(parts)
            )
        )
    omitted = result.total.omitted
    if omitted.count:
        lines.append(
            translate("Forecast", "Omitted from the forecast: {deals}, {amount} {currency}").format(
                deals=deals_text(omitted.count), amount=_whole(omitted.amount), currency=base
            )
        )
    if result.undated:
        lines.append(
            translate("Forecast", "{deals} open without a close date, so in no quarter.").format(
                deals=deals_text(result.undated)
            )
        )
    if result.earlier:
        lines.append(
            translate(
                "Forecast", "{deals} open with a close date before {quarter}: see the clean-up list."
            ).format(deals=deals_text(result.earlier), quarter=result.quarter.label)
        )
    return lines


# What `comparison_heading` says for the two comparisons the view shows (other labels: generic).
_NO_SNAPSHOT = {
    "last week": QT_TRANSLATE_NOOP(
        "Forecast",
        "Since last week: no snapshot that old yet (the planner takes one in each week it is used).",
    ),
    "last month": QT_TRANSLATE_NOOP(
        "Forecast",
        "Since last month: no snapshot that old yet (the planner takes one in each week it is used).",
    ),
}
_SINCE = {
    "last week": QT_TRANSLATE_NOOP("Forecast", "Since last week ({date})"),
    "last month": QT_TRANSLATE_NOOP("Forecast", "Since last month ({date})"),
}


def comparison_heading(comparison: Comparison) -> str:
    """'Since last week (19 Nov 2026)', or why there is nothing to compare with yet."""
    label = comparison.label
    if comparison.since is None:
        if label in _NO_SNAPSHOT:
            return translate("Forecast", _NO_SNAPSHOT[label])
        return translate(
            "Forecast",
            "Since {when}: no snapshot that old yet (the planner takes one in each week it is used).",
        ).format(when=label)
    template = (
        translate("Forecast", _SINCE[label])
        if label in _SINCE
        else translate("Forecast", "Since {when} ({date})")
    )
    return template.format(when=label, date=_short(comparison.since.taken_on))


# ----------------------------------------------------------------------------------------------
# Machine-readable form (the command line's --json; the review pack)


def figures_json(figures: Figures) -> dict[str, Any]:
    """One period's columns: amounts in the base currency, counts, and what stayed unconverted."""
    return {
        **{column: figures.value(column) for column in COLUMNS},
        "omitted": figures.omitted.amount,
        "open_pipeline": figures.open_pipeline,
        "counts": {column: figures.count(column) for column in (*COLUMNS, "omitted")},
        "unconverted": figures.unconverted(),
    }


def forecast_json(forecast: Forecast, compared: Sequence[Comparison] = ()) -> dict[str, Any]:
    """The forecast as plain JSON values (what `planner forecast --json` prints)."""
    return {
        "quarter": forecast.quarter.label,
        "fiscal_year_start_month": forecast.quarter.start_month,
        "start": forecast.quarter.start.isoformat(),
        "end": forecast.quarter.end.isoformat(),
        "today": forecast.today.isoformat(),
        "base_currency": forecast.base_currency,
        "months": [{"month": m.month.key, **figures_json(m.figures)} for m in forecast.months],
        "total": figures_json(forecast.total),
        "target": forecast.target,
        "remaining_target": forecast.remaining,
        "gap": forecast.gap,
        "coverage": forecast.coverage,
        "open_deals_without_close_date": forecast.undated,
        "open_deals_dated_earlier": forecast.earlier,
        "funnel": [
            {
                "level": f.level.value,
                "label": f.level.label,
                "count": f.totals.count,
                "amount": f.totals.amount,
                "weighted": f.totals.weighted,
                "unconverted": {c: a for c, (a, _w) in f.totals.unconverted.items()},
            }
            for f in forecast.levels
        ],
        "conversion": {
            "rate": forecast.conversion.rate,
            "won": forecast.conversion.won,
            "closed": forecast.conversion.closed,
            "from_history": forecast.conversion.from_history,
        },
        "diagnostics": [
            {"kind": d.kind, "title": d.title, "message": d.message, "numbers": dict(d.numbers)}
            for d in forecast.diagnostics
        ],
        "slip_trend": [
            {"week": w.week.isoformat(), "count": w.moved, "value": w.value} for w in forecast.slips
        ],
        "comparisons": [comparison_json(c) for c in compared],
        "deals": [
            {
                "id": d.id,
                "title": d.title,
                "account": d.account,
                "stage": d.stage,
                "close_date": d.close_date.isoformat(),
                "amount": d.amount,
                "currency": d.currency,
                "value": d.value,
                "probability": d.probability,
                "category": d.category.value,
                "category_set_by_seller": d.chosen,
            }
            for d in forecast.deals
        ],
    }


def comparison_json(comparison: Comparison) -> dict[str, Any]:
    """Counts, values and deals of each kind of change since a snapshot."""
    return {
        "label": comparison.label,
        "since": comparison.since.taken_on.isoformat() if comparison.since else None,
        "changes": {
            kind.value: {
                "count": comparison.count(kind),
                "value": comparison.value(kind),
                "deals": [
                    {"id": c.opportunity_id, "title": c.title, "detail": c.detail, "value": c.value}
                    for c in comparison.changes.get(kind, ())
                ],
            }
            for kind in ChangeKind
        }
        if comparison.since
        else {},
    }
