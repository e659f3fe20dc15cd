"""The board's read path: one query that projects every open deal into a Card."""

from __future__ import annotations

import datetime as dt

from planner.model import Card, ClosedDeal, FunnelLevel
from planner.storage.db import PlanDB

# Only the columns a card paints; slips counted once per deal by a grouped subquery.
_CARDS_SQL = """
SELECT o.id, o.stage_id, o.title, COALESCE(a.name, ''), o.amount, o.currency, o.close_date,
       o.stage_entered, COALESCE(o.probability_override, s.probability), o.next_step,
       COALESCE(sl.slips, 0), substr(o.created, 1, 10), ev.last_commitment, ev.reached,
       o.snooze_until
FROM opportunity o
JOIN stage s ON s.id = o.stage_id
LEFT JOIN account a ON a.id = o.account_id
LEFT JOIN (
    SELECT opportunity_id, COUNT(*) AS slips FROM close_date_history
    WHERE new_date > old_date GROUP BY opportunity_id
) sl ON sl.opportunity_id = o.id
LEFT JOIN (
    SELECT h.opportunity_id, MAX(h.commitment_date) AS last_commitment, MAX(t.position) AS reached
    FROM stage_history h JOIN stage t ON t.id = h.to_stage_id
    WHERE h.commitment != '' GROUP BY h.opportunity_id
) ev ON ev.opportunity_id = o.id
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
            _from_iso(r[11]) if r[11] else None,
            _from_iso(r[12]) if r[12] else None,
            r[13],
            _from_iso(r[14]) if r[14] else None,
        )
        for r in rows
    ]


_CLOSED_SQL = """
SELECT o.id, o.title, COALESCE(a.name, ''), s.name, s.level, o.closed_on, o.amount, o.currency,
       o.close_reason
FROM opportunity o
JOIN stage s ON s.id = o.stage_id
LEFT JOIN account a ON a.id = o.account_id
WHERE s.level IN ('won', 'lost', 'walked_away')
ORDER BY o.closed_on IS NULL, o.closed_on DESC, o.id DESC
"""


def load_closed(plan: PlanDB) -> list[ClosedDeal]:
    """Won, lost and walked-away deals for the archive, most recently closed first."""
    return [
        ClosedDeal(
            r[0], r[1], r[2], r[3], FunnelLevel(r[4]), _from_iso(r[5]) if r[5] else None, r[6], r[7], r[8]
        )
        for r in plan.query(_CLOSED_SQL)
    ]
