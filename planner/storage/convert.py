"""Conversions between Python values and the TEXT/INTEGER columns of the plan file."""

from __future__ import annotations

import datetime as dt


def to_date(value: str | None) -> dt.date | None:
    """An ISO date column to a date (None stays None)."""
    if not value:
        return None
    return dt.date.fromisoformat(value[:10])


def from_date(value: dt.date | None) -> str | None:
    """A date to its ISO column value."""
    return value.isoformat() if value is not None else None


def now_stamp() -> str:
    """The current UTC time as stored in created/updated/moved_at columns."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
