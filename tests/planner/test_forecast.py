"""The forecast: quarters and fiscal years, figures by hand, categories, currencies, coverage, balance."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import forecast as fc
from planner import forecast_operations as fops
from planner import operations as ops
from planner.forecast import Quarter
from planner.model import ForecastCategory, FunnelLevel
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB
from tests.planner.forecast_support import add_deal, currencies, dump_all

D = dt.date
TODAY = D(2026, 11, 15)
Q4 = Quarter(2026, 4)


# Quarters ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("day", "start", "label", "span"),
    [
        (D(2026, 9, 30), 1, "2026Q3", "Jul\u2013Sep 2026"),
        (D(2026, 10, 1), 1, "2026Q4", "Oct\u2013Dec 2026"),
        (D(2026, 12, 31), 1, "2026Q4", "Oct\u2013Dec 2026"),
        (D(2027, 1, 1), 1, "2027Q1", "Jan\u2013Mar 2027"),
        # A fiscal year starting in April is named by the year it ends in.
        (D(2026, 3, 31), 4, "2026Q4", "Jan\u2013Mar 2026"),
        (D(2026, 4, 1), 4, "2027Q1", "Apr\u2013Jun 2026"),
        (D(2026, 12, 31), 4, "2027Q3", "Oct\u2013Dec 2026"),
        # Starting in November: the fourth quarter straddles nothing, the first straddles the year end.
        (D(2026, 11, 1), 11, "2027Q1", "Nov 2026\u2013Jan 2027"),
        (D(2027, 1, 31), 11, "2027Q1", "Nov 2026\u2013Jan 2027"),
        (D(2027, 2, 1), 11, "2027Q2", "Feb\u2013Apr 2027"),
        (D(2027, 10, 31), 11, "2027Q4", "Aug\u2013Oct 2027"),
    ],
)
def test_quarter_of_a_day(day: dt.date, start: int, label: str, span: str) -> None:
    quarter = fc.quarter_of(day, start)
    assert quarter.label == label
    assert quarter.span == span
    assert quarter.contains(day)
    assert not quarter.contains(quarter.start - dt.timedelta(days=1))
    assert not quarter.contains(quarter.end + dt.timedelta(days=1))


def test_months_and_ends() -> None:
    assert [m.key for m in Q4.months] == ["2026-10", "2026-11", "2026-12"]
    assert (Q4.start, Q4.end) == (D(2026, 10, 1), D(2026, 12, 31))
    assert Quarter(2028, 1).months[1].end == D(2028, 2, 29)  # a leap year
    assert Q4.shifted(1) == Quarter(2027, 1)
    assert Quarter(2027, 1).shifted(-1) == Q4
    assert Quarter(2026, 1, 7).shifted(-5) == Quarter(2024, 4, 7)


@pytest.mark.parametrize("text", ["2026Q4", "2026q4", " 2026-Q4 ", "2026 Q4", "Q4 2026", "q4-2026"])
def test_parse_quarter_accepts_the_usual_spellings(text: str) -> None:
    assert fc.parse_quarter(text) == Q4
    assert fc.parse_quarter(text, 4) == Quarter(2026, 4, 4)


@pytest.mark.parametrize("text", ["", "2026", "2026Q5", "2026Q0", "26Q4", "Q4", "2026Q4x", "last quarter"])
def test_parse_quarter_says_what_to_write(text: str) -> None:
    with pytest.raises(ValueError, match="like 2026Q4"):
        fc.parse_quarter(text)


def test_out_of_range_quarters_are_refused() -> None:
    with pytest.raises(ValueError, match="1 to 4"):
        Quarter(2026, 5)
    with pytest.raises(ValueError, match="month 1 to 12"):
        Quarter(2026, 1, 13)


@given(st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31)), st.integers(1, 12))
def test_quarters_tile_the_calendar(day: dt.date, start: int) -> None:
    quarter = fc.quarter_of(day, start)
    assert quarter.contains(day)
    assert fc.parse_quarter(quarter.label, start) == quarter
    assert quarter.shifted(1).start == quarter.end + dt.timedelta(days=1)
    assert quarter.months[0].month == (start + 3 * (quarter.number - 1) - 1) % 12 + 1
    # The fiscal year is named after the calendar year its last month falls in.
    assert fc.quarter_of(quarter.end, start).year == quarter.year
    assert quarter.shifted(4 - quarter.number).months[2].year == quarter.year


def test_settings_read_defensively() -> None:
    assert fc.fiscal_start_month(None) == 1
    assert fc.fiscal_start_month(True) == 1
    assert fc.fiscal_start_month(13) == 1
    assert fc.fiscal_start_month(4) == 4
    assert fc.targets_from({"2026q4": 5, "2026Q9": 1, "x": 2, "2027Q1": "lots", "2027Q2": -1}) == {
        "2026Q4": 5.0
    }
    assert fc.targets_from([1, 2]) == {}


# Categories -----------------------------------------------------------------------------------


def test_default_categories_come_from_the_level() -> None:
    assert fc.default_category(FunnelLevel.ABOVE) is ForecastCategory.PIPELINE
    assert fc.default_category(FunnelLevel.IN) is ForecastCategory.PIPELINE
    assert fc.default_category(FunnelLevel.BEST_FEW) is ForecastCategory.BEST_CASE
    assert fc.default_category(FunnelLevel.WON) is ForecastCategory.CLOSED
    assert fc.default_category(FunnelLevel.LOST) is ForecastCategory.OMITTED
    assert fc.default_category(FunnelLevel.UNIVERSE) is ForecastCategory.OMITTED
    # The seller's choice counts on open deals; the outcome decides on closed ones.
    assert fc.effective_category(FunnelLevel.IN, ForecastCategory.COMMIT) is ForecastCategory.COMMIT
    assert fc.effective_category(FunnelLevel.IN, ForecastCategory.CLOSED) is ForecastCategory.PIPELINE
    assert fc.effective_category(FunnelLevel.WON, ForecastCategory.COMMIT) is ForecastCategory.CLOSED
    assert fc.effective_category(FunnelLevel.WALKED_AWAY, ForecastCategory.COMMIT) is ForecastCategory.OMITTED


# Figures by hand -------------------------------------------------------------------------------


@pytest.fixture
def q4_plan(plan: PlanDB) -> dict[str, int]:
    """EUR base, 1 USD = 0.5 EUR, no rate for CHF; every case of the quarter's arithmetic."""
    currencies(plan)
    ids = {
        "a": add_deal(plan, "Prospect", 10_000, D(2026, 10, 20)),  # Oct pipeline, weighted 1,000
        "b": add_deal(
            plan, "Evaluating", 20_000, D(2026, 11, 30), currency="USD", category=ForecastCategory.COMMIT
        ),
        "c": add_deal(plan, "Committed", 30_000, D(2026, 12, 31)),  # Dec best case (Best Few), w 24,000
        "d": add_deal(plan, "Qualified", 5_000, D(2026, 12, 1), currency="CHF", probability=40),
        "e": add_deal(plan, "Won", 50_000, D(2026, 10, 5)),  # Oct won
        "f": add_deal(plan, "Lost", 99_999, D(2026, 11, 1)),  # not forecast
        "g": add_deal(plan, "Qualified", 7_000, D(2027, 1, 1)),  # next quarter
        "h": add_deal(plan, "Qualified", 1_000, D(2026, 9, 30)),  # before the quarter: overdue
        "i": add_deal(plan, "Evaluating", 9_000, None),  # in no quarter
        "j": add_deal(plan, "Evaluating", 8_000, D(2026, 11, 10), category=ForecastCategory.OMITTED),
        # Won in December although the seller had called it Commit while it was open.
        "k": add_deal(plan, "Won", 4_000, D(2026, 12, 2), category=ForecastCategory.COMMIT),
        "l": add_deal(plan, "Committed", None, D(2026, 12, 20)),  # counted, adds nothing
    }
    settings_repo.set_setting(plan, "targets", {"2026Q4": 100_000})
    return ids


def test_figures_by_month_and_quarter(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    result = fc.load_forecast(plan, Q4, TODAY)
    oct_, nov, dec = (m.figures for m in result.months)
    assert [m.month.key for m in result.months] == ["2026-10", "2026-11", "2026-12"]
    assert [oct_.value(c) for c in fc.COLUMNS] == [50_000, 0, 0, 10_000, 51_000]
    assert [nov.value(c) for c in fc.COLUMNS] == [0, 10_000, 0, 0, 5_000]
    assert [dec.value(c) for c in fc.COLUMNS] == [4_000, 0, 30_000, 0, 28_000]
    total = result.total
    assert [total.value(c) for c in fc.COLUMNS] == [54_000, 10_000, 30_000, 10_000, 84_000]
    assert nov.omitted.amount == 8_000
    assert nov.omitted.count == 1
    assert (total.count("won"), total.count("commit"), total.count("best_case"), total.count("pipeline")) == (
        2,
        1,
        2,
        2,
    )
    # CHF has no rate: shown apart, never added.
    assert dec.unconverted() == {"CHF": {"pipeline": 5_000, "weighted": 2_000}}
    assert total.unconverted() == {"CHF": {"pipeline": 5_000, "weighted": 2_000}}
    assert (result.undated, result.earlier) == (1, 1)
    ids = {d.id for d in result.deals}
    expected = {"a", "b", "c", "d", "e", "j", "k", "l"}
    assert ids == {q4_plan[k] for k in expected}


def test_target_gap_and_coverage(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    result = fc.load_forecast(plan, Q4, TODAY)
    assert result.target == 100_000
    assert result.remaining == 46_000  # 100,000 - won 54,000
    assert result.gap == 36_000  # 100,000 - won 54,000 - commit 10,000
    assert result.total.open_pipeline == 50_000  # commit 10,000 + best case 30,000 + pipeline 10,000
    assert result.coverage == pytest.approx(50_000 / 46_000)


def test_no_target_or_target_reached(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    settings_repo.set_setting(plan, "targets", {})
    result = fc.load_forecast(plan, Q4, TODAY)
    assert (result.target, result.remaining, result.gap, result.coverage) == (None, None, None, None)
    settings_repo.set_setting(plan, "targets", {"2026Q4": 40_000})
    result = fc.load_forecast(plan, Q4, TODAY)
    assert (result.remaining, result.gap, result.coverage) == (0.0, -24_000, None)
    assert "above the target" in fc.summary_lines(result)[0]


def test_a_seller_category_moves_a_deal_between_columns(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    fops.set_forecast_category(plan, q4_plan["c"], ForecastCategory.COMMIT)
    total = fc.load_forecast(plan, Q4, TODAY).total
    assert (total.value("commit"), total.value("best_case")) == (40_000, 0)
    assert total.value("weighted") == 84_000  # the category moves the deal, not its probability
    fops.set_forecast_category(plan, q4_plan["c"], None)
    assert fc.load_forecast(plan, Q4, TODAY).total.value("best_case") == 30_000


def test_a_rate_converts_and_the_base_currency_changes_everything(
    plan: PlanDB, q4_plan: dict[str, int]
) -> None:
    currencies(plan, "EUR", {"USD": 0.5, "CHF": 2.0})
    total = fc.load_forecast(plan, Q4, TODAY).total
    assert total.value("pipeline") == 20_000  # 10,000 + 5,000 CHF x 2
    assert total.unconverted() == {}
    currencies(plan, "USD", {"EUR": 2.0})
    total = fc.load_forecast(plan, Q4, TODAY).total
    assert total.value("won") == 108_000
    assert total.value("commit") == 20_000  # the USD deal, unconverted
    assert set(total.unconverted()) == {"CHF"}


def test_fiscal_quarters_follow_the_setting(plan: PlanDB) -> None:
    currencies(plan)
    inside = add_deal(plan, "Qualified", 1_000, D(2026, 2, 15))
    add_deal(plan, "Qualified", 2_000, D(2026, 4, 1))  # the next fiscal year
    settings_repo.set_setting(plan, "fiscal_year_start_month", 4)
    result = fc.load_forecast(plan, fc.parse_quarter("2026Q4"), D(2026, 2, 1))
    assert result.quarter == Quarter(2026, 4, 4)
    assert [m.month.key for m in result.months] == ["2026-01", "2026-02", "2026-03"]
    assert [d.id for d in result.deals] == [inside]
    assert fc.load_forecast(plan, None, D(2026, 4, 1)).quarter.label == "2027Q1"


# Conversion and balance --------------------------------------------------------------------------


def test_conversion_needs_history_and_says_so(plan: PlanDB) -> None:
    currencies(plan)
    for _ in range(4):
        add_deal(plan, "Won", 1_000, D(2026, 6, 1))
    thin = fc.conversion_rate(fc.load_plan_facts(plan))
    assert (thin.rate, thin.won, thin.closed, thin.from_history) == (0.10, 4, 4, False)
    assert "Above the Funnel stage's probability" in thin.describe()
    for _ in range(6):
        add_deal(plan, "Lost", 1_000, D(2026, 6, 1))
    rich = fc.conversion_rate(fc.load_plan_facts(plan))
    assert (rich.rate, rich.won, rich.closed, rich.from_history) == (0.4, 4, 10, True)
    assert "4 of 10 closed deals" in rich.describe()


def test_dry_top_with_its_numbers(plan: PlanDB) -> None:
    currencies(plan)
    add_deal(plan, "Prospect", 100_000, D(2027, 2, 1))
    settings_repo.set_setting(plan, "targets", {"2026Q4": 50_000, "2027Q1": 20_000})
    # No history: the Prospect stage's 10 % turns 100,000 into 10,000, short of next quarter's 20,000.
    (dry,) = [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "dry_top"]
    assert dry.numbers["above_value"] == 100_000
    assert dry.numbers["feeds"] == pytest.approx(10_000)
    assert dry.numbers["need"] == 20_000
    assert dry.numbers["need_quarter"] == "2027Q1"
    assert dry.numbers["above_needed"] == pytest.approx(200_000)
    assert "100,000 EUR in 1 deal" in dry.message
    settings_repo.set_setting(plan, "targets", {"2026Q4": 5_000})  # none next quarter: this one's
    # 10,000 feeds this quarter's 5,000.
    assert not [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "dry_top"]
    add_deal(plan, "Prospect", 100_000, D(2027, 2, 1))
    settings_repo.set_setting(plan, "targets", {"2026Q4": 50_000})
    (dry,) = [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "dry_top"]
    assert (dry.numbers["feeds"], dry.numbers["need"], dry.numbers["need_quarter"]) == (
        20_000,
        50_000,
        "2026Q4",
    )


def test_jammed_middle_with_its_numbers(plan: PlanDB) -> None:
    currencies(plan)
    # Qualified's limit is 21 days: entered 22 days ago is stuck, 21 days ago is not.
    for _ in range(3):
        add_deal(plan, "Qualified", 1_000, D(2026, 12, 1), entered=TODAY - dt.timedelta(days=22))
    for _ in range(6):
        add_deal(plan, "Evaluating", 1_000, D(2026, 12, 1), entered=TODAY - dt.timedelta(days=21))
    add_deal(plan, "Committed", 1_000, D(2026, 12, 1), entered=TODAY)
    (jam,) = [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "jammed_middle"]
    assert (jam.numbers["in_funnel"], jam.numbers["stuck"], jam.numbers["best_few"]) == (9, 3, 1)
    assert "3 of the 9 deals In the Funnel (33%)" in jam.message
    add_deal(plan, "Evaluating", 1_000, D(2026, 12, 1), entered=TODAY)  # 3 of 10: under a third
    assert not [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "jammed_middle"]


def test_best_few_too_small_with_its_numbers(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    (short,) = [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "best_few_short"]
    # Won 54,000 + Best Few closing in Q4 (c: 30,000; l: no amount) = 84,000 of 100,000.
    assert (short.numbers["won"], short.numbers["best_few_value"], short.numbers["best_few_count"]) == (
        54_000,
        30_000,
        2,
    )
    assert short.numbers["shortfall"] == 16_000
    settings_repo.set_setting(plan, "targets", {"2026Q4": 84_000})
    assert not [d for d in fc.load_forecast(plan, Q4, TODAY).diagnostics if d.kind == "best_few_short"]


def test_funnel_levels_count_every_open_deal(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    levels = {f.level: f.totals for f in fc.load_forecast(plan, Q4, TODAY).levels}
    assert list(levels) == [FunnelLevel.ABOVE, FunnelLevel.IN, FunnelLevel.BEST_FEW]
    assert (levels[FunnelLevel.ABOVE].count, levels[FunnelLevel.ABOVE].amount) == (1, 10_000)
    # b 10,000 (USD) + g 7,000 + h 1,000 + i 9,000 + j 8,000; d in CHF apart.
    assert (levels[FunnelLevel.IN].count, levels[FunnelLevel.IN].amount) == (6, 35_000)
    assert levels[FunnelLevel.IN].unconverted == {"CHF": (5_000, 2_000)}
    assert (levels[FunnelLevel.BEST_FEW].count, levels[FunnelLevel.BEST_FEW].amount) == (2, 30_000)


# Slips by week ------------------------------------------------------------------------------------


def test_slip_trend_counts_deals_moved_out_of_the_quarter(plan: PlanDB) -> None:
    currencies(plan)
    a = add_deal(plan, "Qualified", 1_000, D(2027, 1, 20))
    b = add_deal(plan, "Qualified", 2_000, D(2027, 2, 1))
    c = add_deal(plan, "Qualified", 4_000, D(2026, 12, 20))
    change = opportunity_repo.add_close_date_change
    change(plan, a, D(2026, 12, 1), D(2026, 12, 15), changed_at="2026-11-02T08:00:00+00:00")  # stays in
    change(plan, a, D(2026, 12, 15), D(2027, 1, 20), changed_at="2026-11-03T08:00:00+00:00")  # out
    change(plan, b, D(2026, 12, 31), D(2027, 1, 5), changed_at="2026-11-08T08:00:00+00:00")  # out (Sunday)
    change(plan, b, D(2026, 10, 1), D(2027, 2, 1), changed_at="2026-11-09T08:00:00+00:00")  # out, next week
    change(plan, c, D(2026, 9, 1), D(2026, 12, 20), changed_at="2026-11-04T08:00:00+00:00")  # moved in
    change(plan, c, D(2026, 12, 30), None, changed_at="2026-11-04T09:00:00+00:00")  # date removed: out
    slips = {w.week: (w.moved, w.value) for w in fc.load_forecast(plan, Q4, TODAY).slips}
    assert slips[D(2026, 11, 2)] == (3, 7_000)  # a, b and c in the week of Monday 2 Nov
    assert slips[D(2026, 11, 9)] == (1, 2_000)
    assert sum(moved for moved, _ in slips.values()) == 4
    weeks = sorted(slips)
    assert weeks[0] == D(2026, 8, 17)
    assert weeks[-1] == D(2026, 11, 9)
    assert all(b - a == dt.timedelta(weeks=1) for a, b in itertools.pairwise(weeks))


def test_slip_weeks_of_a_past_quarter_end_with_it() -> None:
    weeks = fc.slip_weeks(Quarter(2026, 1), D(2026, 11, 15))
    assert weeks[0] == D(2025, 12, 29)
    assert weeks[-1] == D(2026, 3, 30)


# Operations ------------------------------------------------------------------------------------


def test_set_forecast_category_and_its_exact_undo(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    before = dump_all(plan)
    snap = ops.snapshot_opportunity(plan, q4_plan["a"])
    change = fops.set_forecast_category(plan, q4_plan["a"], ForecastCategory.BEST_CASE)
    assert change.opportunities == {q4_plan["a"]}
    deal = opportunity_repo.get_opportunity(plan, q4_plan["a"])
    assert deal is not None
    assert deal.forecast_category is ForecastCategory.BEST_CASE
    ops.revert_opportunity(plan, q4_plan["a"], snap)
    assert dump_all(plan) == before


def test_set_forecast_category_refuses_what_a_seller_cannot_choose(
    plan: PlanDB, q4_plan: dict[str, int]
) -> None:
    before = dump_all(plan)
    with pytest.raises(ops.OperationError, match="follows the outcome"):
        fops.set_forecast_category(plan, q4_plan["e"], ForecastCategory.COMMIT)
    with pytest.raises(ops.OperationError, match="move it to the Won stage"):
        fops.set_forecast_category(plan, q4_plan["a"], ForecastCategory.CLOSED)
    with pytest.raises(ops.OperationError, match="no longer exists"):
        fops.set_forecast_category(plan, 999, ForecastCategory.COMMIT)
    assert dump_all(plan) == before


def test_targets_and_fiscal_year_settings(plan: PlanDB) -> None:
    assert fops.targets(plan) == {}
    state = fops.setting_state(plan, fc.SETTING_TARGETS)
    fops.set_quarter_target(plan, Q4, 500_000)
    fops.set_quarter_target(plan, fc.parse_quarter("q1 2027"), 600_000)
    assert fops.targets(plan) == {"2026Q4": 500_000, "2027Q1": 600_000}
    fops.set_quarter_target(plan, Q4, None)
    assert fops.targets(plan) == {"2027Q1": 600_000}
    with pytest.raises(ops.OperationError, match="between 0"):
        fops.set_targets(plan, {"2026Q4": -1})
    with pytest.raises(ops.OperationError, match="like 2026Q4"):
        fops.set_targets(plan, {"next": 1})
    fops.restore_setting(plan, fc.SETTING_TARGETS, state)
    assert fops.setting_state(plan, fc.SETTING_TARGETS) is None
    fops.set_fiscal_year_start_month(plan, 7)
    assert fops.fiscal_year_start_month(plan) == 7
    with pytest.raises(ops.OperationError, match="January"):
        fops.set_fiscal_year_start_month(plan, 0)
    with pytest.raises(ops.OperationError, match="not a forecast setting"):
        fops.restore_setting(plan, "base_currency", None)


def test_json_carries_the_same_numbers(plan: PlanDB, q4_plan: dict[str, int]) -> None:
    result = fc.load_forecast(plan, Q4, TODAY)
    data = fc.forecast_json(result)
    assert data["quarter"] == "2026Q4"
    assert [m["month"] for m in data["months"]] == ["2026-10", "2026-11", "2026-12"]
    assert {c: data["total"][c] for c in fc.COLUMNS} == {
        "won": 54_000,
        "commit": 10_000,
        "best_case": 30_000,
        "pipeline": 10_000,
        "weighted": 84_000,
    }
    assert data["total"]["unconverted"] == {"CHF": {"pipeline": 5_000, "weighted": 2_000}}
    assert (data["target"], data["remaining_target"], data["gap"]) == (100_000, 46_000, 36_000)
    assert data["coverage"] == pytest.approx(50_000 / 46_000)
    assert [d["kind"] for d in data["diagnostics"]] == [d.kind for d in result.diagnostics]
    assert len(data["deals"]) == len(result.deals)
