"""Validation of what a seller types: one message per field, nothing written until all pass."""

from __future__ import annotations

import datetime as dt
import math
import re

from planner.model import MAX_AMOUNT

_CURRENCY = re.compile(r"^[A-Z]{3}$")
MAX_TEXT = 10_000
MAX_TITLE = 300


def parse_amount(text: str) -> float | None:
    """'120 000', '120,000.50', '1.5e3' -> float; '' -> None; ValueError with a reason otherwise."""
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
        value = float(cleaned)
    except ValueError:
        raise ValueError("Amount must be a number, like 120000 or 120,000.50.") from None
    check_amount(value)
    return value


def check_amount(value: float) -> None:
    """Raise ValueError unless `value` is a sensible deal amount."""
    if math.isnan(value) or math.isinf(value):
        raise ValueError("Amount must be a number.")
    if value < 0:
        raise ValueError("Amount cannot be negative.")
    if value > MAX_AMOUNT:
        raise ValueError("Amount is too large (at most 1,000,000,000,000).")


def parse_date(text: str) -> dt.date | None:
    """An ISO date (YYYY-MM-DD) or '' -> date or None; ValueError with a reason otherwise."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        value = dt.date.fromisoformat(cleaned)
    except ValueError:
        raise ValueError("Date must look like 2026-12-15.") from None
    if not 1900 <= value.year <= 2200:
        raise ValueError("Date must be between the years 1900 and 2200.")
    return value


def check_title(text: str) -> str:
    """A non-empty title of sensible length, trimmed."""
    cleaned = text.strip()
    if not cleaned:
        raise ValueError("Title cannot be empty.")
    if len(cleaned) > MAX_TITLE:
        raise ValueError(f"Title is too long (at most {MAX_TITLE} characters).")
    return cleaned


def check_currency(text: str) -> str:
    """A three-letter ISO 4217 code, upper-cased."""
    cleaned = text.strip().upper()
    if not _CURRENCY.match(cleaned):
        raise ValueError("Currency must be a three-letter code such as EUR or USD.")
    return cleaned


def check_probability(value: int | None) -> int | None:
    """A percentage 0..100, or None for the stage default."""
    if value is not None and not 0 <= value <= 100:
        raise ValueError("Probability must be between 0 and 100 %.")
    return value


def check_quantity(text: str) -> float | None:
    """A positive quantity or ''."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError("Quantity must be a number.") from None
    if math.isnan(value) or math.isinf(value) or value <= 0 or value > 1e12:
        raise ValueError("Quantity must be a positive number.")
    return value


def check_text(text: str, what: str) -> str:
    """Free text of sensible length."""
    if len(text) > MAX_TEXT:
        raise ValueError(f"{what} is too long (at most {MAX_TEXT} characters).")
    return text
