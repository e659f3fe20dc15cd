"""planner/calendar.py: the one calendar the forecast, the review pack and the command line share."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import calendar
from planner.exchange.pack import PackError, parse_quarter, quarter_label


@given(day=st.dates(dt.date(1950, 1, 1), dt.date(2900, 12, 31)), start=st.integers(1, 12))
def test_the_pack_and_the_forecast_read_a_label_as_the_same_months(day: dt.date, start: int) -> None:
    quarter = calendar.quarter_of(day, start)
    assert parse_quarter(quarter.label, start) == (quarter.start, quarter.end)
    assert quarter.start <= day <= quarter.end


def test_a_fiscal_quarter_is_named_by_the_year_it_ends_in() -> None:
    q4 = calendar.parse_quarter("2026Q4", 4)
    assert (q4.start, q4.end) == (dt.date(2026, 1, 1), dt.date(2026, 3, 31))
    assert quarter_label("2026Q4", 4) == "2026 Q4 (Jan–Mar 2026)"  # noqa: RUF001 (the en dash)
    assert quarter_label("2026Q4") == "2026 Q4"
    # One wording wherever a person reads a quarter: pack, manager's page, win/loss, team roll-up.
    assert calendar.Quarter(2026, 4, 4).title == quarter_label("2026Q4", 4)
    assert calendar.Quarter(2026, 4).title == "2026 Q4"
    assert [q.label for q in calendar.quarters_from(dt.date(2026, 11, 26), 4, 3)] == [
        "2027Q3",
        "2027Q4",
        "2028Q1",
    ]


def test_days_and_bad_quarters_say_what_to_write() -> None:
    assert calendar.parse_day(" 2026-11-26 ") == dt.date(2026, 11, 26)
    with pytest.raises(ValueError, match="like 2026-11-26"):
        calendar.parse_day("tomorrow")
    with pytest.raises(PackError, match="write it like 2026Q4"):
        parse_quarter("2026Q4", 13)


def test_a_day_in_a_sentence_reads_as_the_window_writes_it() -> None:
    # A forecast call's "what happened" said "closes 2026-12-11" where every other view says
    # "11 Dec 2026".
    assert calendar.day_text(dt.date(2026, 12, 11)) == "11 Dec 2026"
    assert calendar.day_text(dt.date(2027, 1, 2)) == "2 Jan 2027"
