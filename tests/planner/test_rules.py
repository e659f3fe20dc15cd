"""Pure rules: stage order, probabilities, currency totals, validation of typed values."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import validation
from planner.funnel import days_in_stage, entry_items
from planner.model import MAX_AMOUNT, Opportunity, Stage
from planner.money import totals
from planner.stages import open_stages, probability
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB


def test_open_stages_and_entry_commitments(plan: PlanDB) -> None:
    all_stages = stage_repo.list_stages(plan)
    columns = open_stages(all_stages)
    assert [s.name for s in columns] == ["Prospect", "Qualified", "Evaluating", "Committed"]

    def entry(stage: Stage) -> list[tuple[int, str]]:
        return [(item.stage_id, item.text) for item in entry_items(stage, all_stages)]

    assert entry(columns[0]) == []
    # Every open stage's exits before it, each with its stage.
    assert entry(columns[2]) == [(stage.id, text) for stage in columns[:2] for text in stage.exit_commitments]
    closed = next(s for s in all_stages if s.is_closed)
    assert entry(closed) == []


def test_probability_override_wins(plan: PlanDB) -> None:
    stage = stage_repo.list_stages(plan)[1]
    deal = Opportunity(1, "x", None, stage.id)
    assert probability(deal.probability_override, stage.probability) == 25
    assert probability(0, stage.probability) == 0


def test_totals_convert_and_keep_unknown_currencies_apart() -> None:
    result = totals(
        [(100.0, "EUR", 50), (200.0, "USD", 10), (None, "EUR", 50), (300.0, "CHF", 20)],
        "EUR",
        {"USD": 0.5},
    )
    assert result.count == 4
    assert result.amount == pytest.approx(200.0)
    assert result.weighted == pytest.approx(60.0)
    assert result.unconverted == {"CHF": (300.0, 60.0)}


def test_days_in_stage() -> None:
    today = dt.date(2026, 11, 26)
    assert days_in_stage(None, today) is None
    assert days_in_stage(today, today) == 0
    assert days_in_stage(dt.date(2026, 10, 23), today) == 34
    assert days_in_stage(dt.date(2027, 1, 1), today) == 0  # a future date never counts negative


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("", None),
        ("120000", 120000.0),
        ("120,000", 120000.0),
        ("120,000.50", 120000.5),
        ("1 234,5", 1234.5),
        ("1e3", 1000.0),
        ("\u00a01 000 ", 1000.0),
    ],
)
def test_parse_amount(text: str, value: float | None) -> None:
    assert validation.parse_amount(text) == value


@pytest.mark.parametrize("text", ["abc", "-5", "1e400", "nan", "inf", "=1+1", "2e12", "12.5.3"])
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(ValueError, match=r"\w"):
        validation.parse_amount(text)


@given(st.text(max_size=40))
def test_parse_amount_never_crashes_and_bounds_hold(text: str) -> None:
    try:
        value = validation.parse_amount(text)
    except ValueError as exc:
        message = str(exc)
        value = None
    else:
        message = ""
    assert message or value is None or 0 <= value <= MAX_AMOUNT
    assert not message or message.endswith(".")


@given(st.floats(min_value=0, max_value=MAX_AMOUNT, allow_nan=False))
def test_amount_round_trips_through_its_text(value: float) -> None:
    assert validation.parse_amount(repr(value)) == value


@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2200, 12, 31)))
def test_dates_round_trip(value: dt.date) -> None:
    assert validation.parse_date(value.isoformat()) == value


@pytest.mark.parametrize("text", ["15/12/2026", "2026-13-01", "tomorrow", "0001-01-01", "9999-12-31"])
def test_parse_date_rejects(text: str) -> None:
    with pytest.raises(ValueError, match="Date"):
        validation.parse_date(text)


def test_titles_currencies_quantities() -> None:
    assert validation.check_title("  Deal ") == "Deal"
    with pytest.raises(ValueError, match="empty"):
        validation.check_title(" \t")
    with pytest.raises(ValueError, match="too long"):
        validation.check_title("x" * 301)
    assert validation.check_currency(" usd") == "USD"
    with pytest.raises(ValueError, match="three-letter"):
        validation.check_currency("US$")
    assert validation.check_quantity("1,000") == 1000.0
    with pytest.raises(ValueError, match="positive"):
        validation.check_quantity("0")
