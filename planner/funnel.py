"""Funnel rules for a deal's place on the board: days in stage (stale, slips, premature follow)."""

from __future__ import annotations

import datetime as dt


def days_in_stage(entered: dt.date | None, today: dt.date) -> int | None:
    """Whole days since the deal entered its stage (0 on the day it moved), or None."""
    if entered is None:
        return None
    return max((today - entered).days, 0)
