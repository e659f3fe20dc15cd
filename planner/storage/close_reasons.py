"""What the close dialog offers as competitors: the deal's Blue Sheet vendors and every
competitor the plan's closed deals name (planner.close_reasons)."""

from __future__ import annotations

from planner.storage.db import PlanDB


def competitor_names(plan: PlanDB, opportunity_id: int) -> list[str]:
    """The deal's competing vendors, then the competitors named on closed deals (each once)."""
    rows = plan.query(
        "SELECT name FROM competitor WHERE opportunity_id = ? AND kind = 'vendor'"
        " UNION SELECT close_competitor FROM opportunity WHERE close_competitor != ''",
        [opportunity_id],
    )
    return [str(r[0]) for r in rows]
