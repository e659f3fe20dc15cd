"""The board's read path: one query that projects every open deal into a Card."""

from __future__ import annotations

import datetime as dt

from planner.model import Card
from planner.storage.db import PlanDB

# Only the columns a card paints; slips counted once per deal by a grouped subquery.
_CARDS_SQL = """
SELECT o.id, o.stage_id, o.title, COALESCE(a.name, ''), o.amount, o.currency, o.close_date,
       o.stage_entered, COALESCE(o.probability_override, s.probability), o.next_step,
       COALESCE(sl.slips, 0)
FROM opportunity o
JOIN stage s ON s.id = o.stage_id
LEFT JOIN account a ON a.id = o.account_id
LEFT JOIN (
    SELECT opportunity_id, COUNT(*) AS slips FROM close_date_history
    WHERE new_date > old_date GROUP BY opportunity_id
) sl ON sl.opportunity_id = o.id
WHERE s.level NOT IN ('won', 'lost', 'walked_away') {where}
ORDER BY o.close_date IS NULL, o.close_date, o.id
"""

_from_iso = dt.date.fromisoformat


def load_cards(plan: PlanDB, opportunity_ids: list[int] | None = None) -> list[Card]:
    """Cards of all open deals (or of the given ids), ordered by close date."""
    if opportunity_ids is None:
        rows = plan.query(_CARDS_SQL.format(where=""))
    else:
        marks = ",".join("?" * len(opportunity_ids))
        rows = plan.query(_CARDS_SQL.format(where=f"AND o.id IN ({marks})"), opportunity_ids)
    return [
        Card(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            _from_iso(r[6]) if r[6] else None,
            _from_iso(r[7]) if r[7] else None,
            r[8],
            r[9],
            r[10],
        )
        for r in rows
    ]
