"""Validation of what a seller types: one message per field, nothing written until all pass."""

from __future__ import annotations

import datetime as dt
import math
import re

from planner.i18n import translate
from planner.model import MAX_AMOUNT

_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_TEXT = 10_000
MAX_TITLE = 300


# Spaces a seller or a locale puts between thousands (no-break and narrow no-break too).
_SPACES = str.maketrans("", "", " \u00a0\u202f\u2009_")


class _UnclearNumberError(ValueError):
    """A number whose marks the window's locale does not explain (like '1.5' in German)."""


def _read_number(text: str, decimal_point: str, group_separator: str) -> float | None:
    """`text` as a float with the locale's marks; None when empty.

    ValueError when it is no number; _UnclearNumberError when it has marks in places that could
    mean something else (a group of other than three digits, the other language's decimal mark).
    """
    cleaned = text.strip().translate(_SPACES)
    if not cleaned:
        return None
    group = "" if group_separator.isspace() or group_separator == decimal_point else group_separator
    if group:
        cleaned = cleaned.replace("\u2019", "'") if group in "'\u2019" else cleaned
        group = "'" if group in "'\u2019" else group
    if cleaned.count(decimal_point) > 1:
        raise _UnclearNumberError(cleaned)
    whole, has_point, fraction = cleaned.partition(decimal_point)
    if group and group in fraction:
        raise _UnclearNumberError(cleaned)
    if group and group in whole:
        sign = whole[:1] if whole[:1] in "+-" else ""
        first, *rest = whole[len(sign) :].split(group)
        if not (1 <= len(first) <= 3 and first.isdigit() and all(len(g) == 3 and g.isdigit() for g in rest)):
            raise _UnclearNumberError(cleaned)
        whole = sign + first + "".join(rest)
    number = whole + ("." + fraction if has_point else "")
    if any(mark in number.replace(".", "", 1 if has_point else 0) for mark in ".,'"):
        raise _UnclearNumberError(cleaned)  # a mark this locale does not use (a '.' in German)
    return float(number)


def read_number(text: str, decimal_point: str, group_separator: str) -> float | None:
    """`text` as a float written strictly with these marks; None when empty.

    ValueError when it is no number, or when its marks could mean something else (a group of
    other than three digits, the other language's decimal mark): '1.234,5' with English marks.
    """
    return _read_number(text, decimal_point, group_separator)


def parse_amount(text: str, decimal_point: str = ".", group_separator: str = ",") -> float | None:
    """'120 000', '120,000.50', '1.5e3' -> float; '' -> None; ValueError with a reason otherwise.

    `decimal_point` and `group_separator` are the window's marks (QLocale's decimalPoint() and
    groupSeparator()): with German ones, '120.000' is 120000 and '1.234,5' is 1234.5, and a text
    the marks cannot explain ('1.5', '1,234.5') is refused, never read as something else. The
    defaults read English as before (also a lone comma before other than three digits: '2,5').
    """
    if decimal_point == "." and group_separator == ",":
        value = _read_english_amount(text)
    else:
        try:
            value = _read_number(text, decimal_point, group_separator)
        except _UnclearNumberError:
            raise ValueError(_unclear("Amount", text, decimal_point, group_separator)) from None
        except ValueError:
            raise ValueError(
                translate("Validation", "Amount must be a number, like {plain} or {grouped}.").format(
                    plain="120000", grouped=_example(decimal_point, group_separator)
                )
            ) from None
    if value is None:
        return None
    check_amount(value)
    return value


def _read_english_amount(text: str) -> float | None:
    cleaned = text.strip().replace("\u00a0", "").replace(" ", "").replace("_", "")
    if not cleaned:
        return None
    # Thousands separators: commas before a final dot, or a lone comma as decimal mark.
    if "," in cleaned and "." in cleaned:
        cleaned = cleaned.replace(",", "")
    elif cleaned.count(",") == 1 and len(cleaned.split(",")[1]) != 3:
        cleaned = cleaned.replace(",", ".")
    else:
        cleaned = cleaned.replace(",", "")
    try:
        return float(cleaned)
    except ValueError:
        raise ValueError(
            translate("Validation", "Amount must be a number, like 120000 or 120,000.50.")
        ) from None


def _example(decimal_point: str, group_separator: str) -> str:
    """'120,000.50' written with the given marks ('120.000,50' in German)."""
    group = "\u00a0" if group_separator.isspace() else group_separator
    return f"120{group}000{decimal_point}50"


def _unclear(what: str, text: str, decimal_point: str, group_separator: str) -> str:
    example = _example(decimal_point, group_separator)
    if what == "Amount":
        template = translate(
            "Validation",
            "Amount “{text}” could be read two ways: write decimals after “{point}” and thousands"
            " like {example}.",
        )
    else:
        template = translate(
            "Validation",
            "Quantity “{text}” could be read two ways: write decimals after “{point}” and thousands"
            " like {example}.",
        )
    return template.format(text=text.strip(), point=decimal_point, example=example)


def check_amount(value: float) -> None:
    """Raise ValueError unless `value` is a sensible deal amount."""
    if math.isnan(value) or math.isinf(value):
        raise ValueError(translate("Validation", "Amount must be a number."))
    if value < 0:
        raise ValueError(translate("Validation", "Amount cannot be negative."))
    if value > MAX_AMOUNT:
        raise ValueError(translate("Validation", "Amount is too large (at most 1,000,000,000,000)."))


def parse_date(text: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or '' -> date or None; ValueError with a reason otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        value = dt.date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError(translate("Validation", "Date must look like 2026-12-15.")) from None
    if not 1900 <= value.year <= 2200:
        raise ValueError(translate("Validation", "Date must be between the years 1900 and 2200."))
    return value


def check_title(text: str) -> str:
    """A non-empty title of sensible length, trimmed."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError(translate("Validation", "Title cannot be empty."))
    if len(cleaned) > MAX_TITLE:
        raise ValueError(
            translate("Validation", "Title is too long (at most {limit} characters).").format(limit=MAX_TITLE)
        )
    return cleaned


def check_currency(text: str) -> str:
    """A three-letter ISO 4217 code, upper-cased."""
    cleaned = text.strip().upper()
    if not _CURRENCY.match(cleaned):
        raise ValueError(translate("Validation", "Currency must be a three-letter code such as EUR or USD."))
    return cleaned


def check_probability(value: int | None) -> int | None:
    """A percentage 0..100, or None for the stage default."""
    if value is not None and not 0 <= value <= 100:
        raise ValueError(translate("Validation", "Probability must be between 0 and 100 %."))
    return value


def check_quantity(text: str, decimal_point: str = ".", group_separator: str = ",") -> float | None:
    """A positive quantity or ''.

    With the window's marks (see `parse_amount`), '2,5' is 2.5 in German; the defaults read
    English as before (commas are thousands separators there: '2,5' is 25).
    """
    if decimal_point == "." and group_separator == ",":
        cleaned: str | None = text.strip().replace(",", "")
        try:
            value = float(cleaned) if cleaned else None
        except ValueError:
            raise ValueError(translate("Validation", "Quantity must be a number.")) from None
    else:
        try:
            value = _read_number(text, decimal_point, group_separator)
        except _UnclearNumberError:
            raise ValueError(_unclear("Quantity", text, decimal_point, group_separator)) from None
        except ValueError:
            raise ValueError(translate("Validation", "Quantity must be a number.")) from None
    if value is None:
        return None
    if math.isnan(value) or math.isinf(value) or value <= 0 or value > 1e12:
        raise ValueError(translate("Validation", "Quantity must be a positive number."))
    return value


def check_text(text: str, what: str) -> str:
    """Free text of sensible length."""
    if len(text) > MAX_TEXT:
        raise ValueError(
            translate("Validation", "{what} is too long (at most {limit} characters).").format(
                what=what, limit=MAX_TEXT
            )
        )
    return text
