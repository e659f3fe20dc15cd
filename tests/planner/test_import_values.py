"""Cell values: every date, amount and probability format, decided once per file where ambiguous."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner.exchange.amounts import NumberStyle, decide_amounts, parse_amount
from planner.exchange.values import (
    DateOrder,
    decide_date_order,
    decide_fraction,
    looks_like_formula,
    parse_date,
    parse_flag,
    parse_probability,
    stamp_of,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "order", "expected"),
    [
        ("2026-03-15", DateOrder.MONTH_FIRST, D(2026, 3, 15)),
        ("2026-3-5", DateOrder.MONTH_FIRST, D(2026, 3, 5)),
        ("2026/03/15", DateOrder.DAY_FIRST, D(2026, 3, 15)),
        ("2023-09-26 15:15:00.000000 UTC", DateOrder.MONTH_FIRST, D(2023, 9, 26)),  # Salesforce timestamp
        ("2026-09-01T10:15:00.000Z", DateOrder.MONTH_FIRST, D(2026, 9, 1)),
        ("2026-09-01T10:15:00+02:00", DateOrder.MONTH_FIRST, D(2026, 9, 1)),
        ("03/04/2026", DateOrder.MONTH_FIRST, D(2026, 3, 4)),
        ("03/04/2026", DateOrder.DAY_FIRST, D(2026, 4, 3)),
        ("12/15/2026", DateOrder.MONTH_FIRST, D(2026, 12, 15)),
        ("15.03.2026", DateOrder.DAY_FIRST, D(2026, 3, 15)),
        ("15-03-26", DateOrder.DAY_FIRST, D(2026, 3, 15)),
        ("01-04-99", DateOrder.DAY_FIRST, D(1999, 4, 1)),
        ("03/04/2026 10:30", DateOrder.MONTH_FIRST, D(2026, 3, 4)),
        ("15 Mar 2026", DateOrder.MONTH_FIRST, D(2026, 3, 15)),
        ("March 15, 2026", DateOrder.DAY_FIRST, D(2026, 3, 15)),
        ("46096", DateOrder.MONTH_FIRST, D(2026, 3, 15)),  # Excel serial
        ("46096.5", DateOrder.MONTH_FIRST, D(2026, 3, 15)),
        ("", DateOrder.MONTH_FIRST, None),
        ("   ", DateOrder.MONTH_FIRST, None),
    ],
)
def test_date_formats(text: str, order: DateOrder, expected: dt.date | None) -> None:
    assert parse_date(text, order) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2026-02-30", "not a real date (February 2026 has 28 days)"),
        ("2024-02-30", "not a real date (February 2024 has 29 days)"),
        ("31.04.2026", "not a real date (April 2026 has 30 days)"),
        ("2026-13-01", "there is no month 13"),
        ("1850-01-01", "outside the years 1900 to 2200"),
        ("next week", "not a date"),
        ("2026", "not a date"),  # a year is not an Excel serial
        ("12345678", "not a date"),
    ],
)
def test_impossible_dates_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        parse_date(text, DateOrder.DAY_FIRST)


def test_ambiguous_order_is_decided_once_from_all_values() -> None:
    # One unambiguous value decides the whole file.
    assert decide_date_order(["03/04/2026", "05/06/2026", "13/04/2026"]).order is DateOrder.DAY_FIRST
    assert decide_date_order(["03/04/2026", "12/31/2026"]).order is DateOrder.MONTH_FIRST
    proven = decide_date_order(["03/04/2026", "13/04/2026"])
    assert proven.proven
    assert proven.note("f.csv") is None
    # Nothing proves it: slashes default to month first, dots and dashes to day first; and say so.
    guess = decide_date_order(["03/04/2026", "05/06/2026"])
    assert (guess.order, guess.proven, guess.ambiguous_values) == (DateOrder.MONTH_FIRST, False, 2)
    note = guess.note("f.csv")
    assert note is not None
    assert "2 dates could be read either way; read as month/day/year" in note
    assert decide_date_order(["03.04.2026"]).order is DateOrder.DAY_FIRST
    assert decide_date_order(["2026-03-04", ""]).ambiguous_values == 0
    mixed = decide_date_order(["13/04/2026", "04/13/2026", "14/04/2026"])
    assert mixed.conflicting
    assert mixed.order is DateOrder.DAY_FIRST
    assert "some dates are day-first and others month-first" in (mixed.note("f.csv") or "")


@pytest.mark.parametrize(
    ("text", "comma", "expected"),
    [
        ("120000", False, (120000.0, None)),
        ("120,000.50", False, (120000.5, None)),
        ("1,234,567", False, (1234567.0, None)),
        ("$1,234.50", False, (1234.5, "USD")),
        ("US$ 99", False, (99.0, "USD")),
        ("1.234,50 €", True, (1234.5, "EUR")),
        ("1.234.567", True, (1234567.0, None)),
        ("12,5", False, (12.5, None)),  # a lone comma with one or two decimals is a decimal comma
        ("1 234,50", True, (1234.5, None)),
        ("1\u00a0234,50", True, (1234.5, None)),
        ("1'234.50", False, (1234.5, None)),  # Swiss thousands
        ("EUR 1.500,00", True, (1500.0, "EUR")),
        ("2500 GBP", False, (2500.0, "GBP")),
        ("£75", False, (75.0, "GBP")),
        ("0", False, (0.0, None)),
        ("", False, (None, None)),
    ],
)
def test_amount_formats(text: str, comma: bool, expected: tuple[float | None, str | None]) -> None:
    assert parse_amount(text, NumberStyle.COMMA if comma else NumberStyle.POINT) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-5000", "negative"),
        ("(1,200.00)", "negative"),
        ("5000-", "negative"),
        ("\u22125000", "negative"),
        ("abc", "not an amount"),
        ("1e6", "not an amount"),
        ("12.3.4,5,6", "not an amount"),
        ("1,2,3", "not an amount"),  # no style groups digits so
        ("1.234,567.8", "not an amount"),
        ("9" * 20, "too large"),
    ],
)
def test_bad_amounts_say_why(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        parse_amount(text)


def test_decimal_comma_is_decided_per_file() -> None:
    assert decide_amounts(["1.234,50", "8.000", "12"]).style is NumberStyle.COMMA
    assert decide_amounts(["1,234.50", "8,000", "12"]).style is NumberStyle.POINT
    assert decide_amounts(["350000.0", "1,000"]).style is NumberStyle.POINT
    # Decided for the file, "8.000" is eight thousand in a decimal-comma file and eight otherwise.
    assert parse_amount("8.000", NumberStyle.COMMA) == (8000.0, None)
    assert parse_amount("8.000", NumberStyle.POINT) == (8.0, None)


def test_probabilities_as_fractions_or_percentages() -> None:
    assert decide_fraction(["0.1", "0.75", "1"])
    assert not decide_fraction(["10", "75"])
    assert not decide_fraction(["0.5", "40%"])
    assert parse_probability("0.25", True) == 25
    assert parse_probability("70.0", False) == 70
    assert parse_probability("45 %", True) == 45
    assert parse_probability("0,5", True) == 50
    assert parse_probability("", False) is None
    with pytest.raises(ValueError, match="between 0 and 100"):
        parse_probability("150", False)
    with pytest.raises(ValueError, match="not a probability"):
        parse_probability("likely", False)


def test_flags_formulas_and_timestamps() -> None:
    assert parse_flag("true") is True
    assert parse_flag("FALSE") is False
    assert parse_flag("maybe") is None
    assert looks_like_formula('=HYPERLINK("http://x")')
    assert looks_like_formula("+cmd|' /C calc'!A0")
    assert looks_like_formula("@SUM(A1)")
    assert not looks_like_formula("- call the CFO")
    assert not looks_like_formula("Q3 + Q4 budget")
    assert stamp_of("2023-09-26 15:15:00.000000 UTC") == "2023-09-26T15:15:00+00:00"
    assert stamp_of("2026-06-01") == "2026-06-01T00:00:00+00:00"
    assert stamp_of("soon") is None


@given(st.text(max_size=40), st.sampled_from(DateOrder))
def test_date_parser_never_fails_otherwise(text: str, order: DateOrder) -> None:
    try:
        value = parse_date(text, order)
    except ValueError as exc:
        message = str(exc)
        value = None
    else:
        message = "ok"
    assert message
    assert value is None or 1900 <= value.year <= 2200


@given(st.text(alphabet="0123456789.,-() $€£ABCDEUSR'\u00a0", max_size=30), st.booleans())
def test_amount_parser_never_fails_otherwise(text: str, comma: bool) -> None:
    try:
        amount, _currency = parse_amount(text, NumberStyle.COMMA if comma else NumberStyle.POINT)
    except ValueError as exc:
        message, amount = str(exc), None
    else:
        message = "ok"
    assert message
    assert amount is None or 0 <= amount <= 1e12
