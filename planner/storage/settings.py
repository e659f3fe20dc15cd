"""Per-plan settings (stored in the plan, so they travel with it): JSON values by key."""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from typing import Any

from planner.storage.db import PlanDB


def get_setting(plan: PlanDB, key: str, default: Any = None) -> Any:
    """A setting's value, or `default` when unset or unusable.

    A plan file can be edited by hand or damaged: a value that is not JSON, or not the shape
    the planner reads for a known key, reads as `default` instead of stopping the window.
    """
    rows = plan.query("SELECT value FROM settings WHERE key = ?", [key])
    if not rows:
        return default
    try:
        value = json.loads(rows[0][0])
    except (ValueError, TypeError, RecursionError):
        return default
    shape = _SHAPES.get(key)
    if shape is None:
        return value
    try:
        return shape(value)
    except (ValueError, TypeError):
        return default


_CURRENCY = re.compile(r"[A-Z]{3}")


def _currency(value: Any) -> str:
    if isinstance(value, str) and _CURRENCY.fullmatch(value):
        return value
    raise ValueError(value)


def _rates(value: Any) -> dict[str, float]:
    # One bad rate drops that currency (shown apart, unconverted), not the whole table.
    if not isinstance(value, dict):
        raise ValueError(value)
    return {
        code: float(rate)
        for code, rate in value.items()
        if _CURRENCY.fullmatch(code)
        and isinstance(rate, int | float)
        and not isinstance(rate, bool)
        and math.isfinite(rate)
        and 0 < rate < 1e9
    }


def _flag(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValueError(value)


def _text(value: Any) -> str:
    if isinstance(value, str):
        return value
    raise ValueError(value)


def _count(low: int, high: int) -> Callable[[Any], int]:
    def check(value: Any) -> int:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        raise ValueError(value)

    return check


# The shape of each setting the planner reads; other keys are returned as stored.
_SHAPES: dict[str, Callable[[Any], Any]] = {
    "base_currency": _currency,
    "rates": _rates,
    "is_demo": _flag,
    "plan_name": _text,
    "seller": _text,
    "backup_keep_daily": _count(1, 366),
    "backup_keep_weekly": _count(1, 520),
}


def set_setting(plan: PlanDB, key: str, value: Any) -> None:
    """Set a setting (any JSON value)."""
    with plan.atomic():
        plan.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value)],
        )
