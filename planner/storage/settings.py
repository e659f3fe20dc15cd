"""Per-plan settings (stored in the plan, so they travel with it): JSON values by key."""

from __future__ import annotations

import json
from typing import Any

from planner.storage.db import PlanDB


def get_setting(plan: PlanDB, key: str, default: Any = None) -> Any:
    """A setting's value, or `default` when unset."""
    rows = plan.query("SELECT value FROM settings WHERE key = ?", [key])
    return json.loads(rows[0][0]) if rows else default


def set_setting(plan: PlanDB, key: str, value: Any) -> None:
    """Set a setting (any JSON value)."""
    with plan.atomic():
        plan.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?)"
            " ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, json.dumps(value)],
        )
