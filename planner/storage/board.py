"""The board's read path: open deals as light Cards, and the details of the cards on screen."""

from __future__ import annotations

import gc
from collections.abc import Mapping, Sequence
from functools import partial
from operator import itemgetter
from typing import Any, NamedTuple

from planner.model import Card, CardDetails, ClosedDeal, FunnelLevel, StatusColumns
from planner.storage.convert import to_date
from planner.storage.db import PlanDB

# The columns of Card, in order. No join and no ORDER BY: at 100,000 deals SQLite's sorter
# and the joins cost more than sorting and looking up names in Python (measured).
_CARDS_SQL = """
SELECT o.id, o.stage_id, o.title, o.account_id, o.amount, o.currency, o.close_date,
       o.stage_entered, o.probability_override, COALESCE(o.close_date, '9999-12-31')
FROM opportunity o
WHERE o.stage_id IN (SELECT id FROM stage WHERE level NOT IN ('won', 'lost', 'walked_away')) {where}
"""

_make_card = partial(tuple.__new__, Card)


def load_cards(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> list[Card]:
    """Cards of all open deals (or of the given ids), in column order: by close date, then id."""
    if opportunity_ids is None:
        sql, params = _CARDS_SQL.format(where=""), []
    else:
        marks = ",".join("?" * len(opportunity_ids))
        sql, params = _CARDS_SQL.format(where=f"AND o.id IN ({marks})"), list(opportunity_ids)
    # The collector would otherwise run dozens of times while 100,000 tuples are made.
    enabled = gc.isenabled()
    gc.disable()
    try:
        rows = plan.query(sql, params)
        cards = list(map(_make_card, rows))
    finally:
        if enabled:
            gc.enable()
    # Rows arrive in id order and the sort is stable: ties on the close date stay by id.
    cards.sort(key=itemgetter(9))
    return cards


# A column's first cards in column order, from the opportunity_board index (stage, close date,
# id): the dated ones by date, then the undated ones (order_key '9999-12-31') by id.
_CARD_COLUMNS = """o.id, o.stage_id, o.title, o.account_id, o.amount, o.currency, o.close_date,
       o.stage_entered, o.probability_override, COALESCE(o.close_date, '9999-12-31')"""
_FIRST_DATED_SQL = f"""
SELECT {_CARD_COLUMNS} FROM opportunity o
WHERE o.stage_id = ? AND o.close_date IS NOT NULL ORDER BY o.close_date, o.id LIMIT ?
"""
_FIRST_UNDATED_SQL = f"""
SELECT {_CARD_COLUMNS} FROM opportunity o
WHERE o.stage_id = ? AND o.close_date IS NULL ORDER BY o.id LIMIT ?
"""


def load_first_cards(plan: PlanDB, stage_ids: Sequence[int], count: int) -> dict[int, list[Card]]:
    """The first `count` cards of each stage, in the order load_cards gives them."""
    result: dict[int, list[Card]] = {}
    for stage_id in stage_ids:
        rows = plan.query(_FIRST_DATED_SQL, [stage_id, count])
        if len(rows) < count:
            rows += plan.query(_FIRST_UNDATED_SQL, [stage_id, count - len(rows)])
        result[stage_id] = list(map(_make_card, rows))
    return result


class CurrencyTotals(NamedTuple):
    """One stage's deals in one currency, summed by SQLite."""

    stage_id: int
    currency: str
    deals: int  # with or without an amount
    with_amount: int  # deals with an amount
    amount: float
    weighted_by_override: float  # sum of amount x the deal's own probability (%)
    amount_at_default: float  # sum of the amounts of deals at the stage's probability


_COLUMN_TOTALS_SQL = """
SELECT stage_id, currency, COUNT(*), COUNT(amount), TOTAL(amount),
       TOTAL(amount * probability_override),
       TOTAL(CASE WHEN probability_override IS NULL THEN amount END)
FROM opportunity
WHERE stage_id IN (SELECT id FROM stage WHERE level NOT IN ('won', 'lost', 'walked_away'))
GROUP BY stage_id, currency
"""


def load_column_totals(plan: PlanDB) -> list[CurrencyTotals]:
    """Count and sums of every open stage per currency, from the opportunity_board index."""
    return [CurrencyTotals(*row) for row in plan.query(_COLUMN_TOTALS_SQL)]


def account_names(plan: PlanDB) -> dict[int, str]:
    """Account id -> name, for painting and filtering cards."""
    return {r[0]: r[1] for r in plan.query("SELECT id, name FROM account")}


def filter_words(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> dict[int, str]:
    """Deal id -> its product and the names of its buying influences, one per line: what the
    board's filter matches besides the title and the account (every deal, or those given).

    Joined here rather than by SQLite: 0.3 s instead of 1.1 s at 100,000 deals."""
    where, params = "", list(opportunity_ids or ())
    if opportunity_ids is not None:
        where = f" WHERE {{column}} IN ({','.join('?' * len(params))})"
    words: dict[int, list[str]] = {
        r[0]: [r[1]]
        for r in plan.query("SELECT id, product FROM opportunity" + where.format(column="id"), params)
    }
    if opportunity_ids is None:
        people = dict(plan.query("SELECT id, name FROM person"))
        for deal, person in plan.query("SELECT opportunity_id, person_id FROM buying_influence"):
            words[deal].append(people.get(person, ""))
    else:
        # A few deals (after an edit): only their people, not every person's name (35 ms at
        # 100,000 deals, on every move of a card once the filter was used).
        for deal, name in plan.query(
            "SELECT b.opportunity_id, coalesce(p.name, '') FROM buying_influence b"
            " LEFT JOIN person p ON p.id = b.person_id" + where.format(column="b.opportunity_id"),
            params,
        ):
            words[deal].append(name)
    return {deal: "\n".join(found) for deal, found in words.items()}


_DETAILS_SQL = """
SELECT o.id, o.next_step, substr(o.created, 1, 10), o.snooze_until,
       (SELECT COUNT(*) FROM close_date_history c
        WHERE c.opportunity_id = o.id AND c.new_date > c.old_date)
FROM opportunity o WHERE o.id IN ({marks})
"""

# Every commitment record of some deals (or of all): the latest of any kind ends Stale, the
# checklist ones (with a stage) end Premature (planner.funnel). In date order, so the last row
# of a deal is its latest commitment (from the commitment_opportunity index: no sorting). A
# stored day that is not one (a hand-edited file) counts for nothing rather than failing;
# SQLite checks it, a Python call per row would double the time at 100,000 deals.
_COMMITMENTS_SQL = """
SELECT opportunity_id, substr(committed_on, 1, 10), stage_id, what,
       date(committed_on) IS substr(committed_on, 1, 10)
FROM commitment {where}
ORDER BY opportunity_id, committed_on, id
"""


class _Evidence(NamedTuple):
    last: dict[int, tuple[str, str]]  # deal -> (ISO day, what) of its latest commitment
    recorded: dict[int, tuple[tuple[int, str], ...]]  # deal -> its checklist commitments


def _evidence(rows: Sequence[tuple[Any, ...]]) -> _Evidence:
    last: dict[int, tuple[str, str]] = {}
    recorded: dict[int, tuple[tuple[int, str], ...]] = {}
    current = 0  # deal ids start at 1
    items: list[tuple[int, str]] = []
    # Equal records are one shared tuple: most deals hold their checklist's own texts, and the
    # funnel rules then recognise them by identity (planner.funnel.statuses).
    shared: dict[tuple[tuple[int, str], ...], tuple[tuple[int, str], ...]] = {}
    for deal_id, day, stage_id, what, is_day in rows:  # by deal: each deal's rows together
        if is_day:
            last[deal_id] = (day, what)
        if stage_id is not None:
            if deal_id != current:
                if items:
                    found = tuple(items)
                    recorded[current] = shared.setdefault(found, found)
                current, items = deal_id, []
            items.append((stage_id, what))
    if items:
        found = tuple(items)
        recorded[current] = shared.setdefault(found, found)
    return _Evidence(last, recorded)


def _load_evidence(plan: PlanDB, opportunity_ids: Sequence[int] | None) -> _Evidence:
    if opportunity_ids is None:
        return _evidence(plan.query(_COMMITMENTS_SQL.format(where="")))
    marks = ",".join("?" * len(opportunity_ids))
    sql = _COMMITMENTS_SQL.format(where=f"WHERE opportunity_id IN ({marks})")
    return _evidence(plan.query(sql, list(opportunity_ids)))


def _details(r: tuple[Any, ...], slips: int, evidence: _Evidence) -> CardDetails:
    day, what = evidence.last.get(r[0], (None, ""))
    return CardDetails(
        r[1], to_date(r[2]), to_date(r[3]), slips, to_date(day), evidence.recorded.get(r[0], ()), what
    )


def load_details(plan: PlanDB, opportunity_ids: Sequence[int]) -> dict[int, CardDetails]:
    """The CRM's next step and dated evidence of a few deals (the ones on screen), by indexed look-ups."""
    result: dict[int, CardDetails] = {}
    ids = list(opportunity_ids)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        evidence = _load_evidence(plan, chunk)
        for r in plan.query(_DETAILS_SQL.format(marks=",".join("?" * len(chunk))), chunk):
            result[r[0]] = _details(r, r[4], evidence)
    return result


def load_all_details(plan: PlanDB) -> dict[int, CardDetails]:
    """The same for every deal at once (hygiene, exports, the command line): grouped scans."""
    slips = dict(
        plan.query(
            "SELECT opportunity_id, COUNT(*) FROM close_date_history WHERE new_date > old_date"
            " GROUP BY opportunity_id"
        )
    )
    evidence = _load_evidence(plan, None)
    return {
        r[0]: _details(r, slips.get(r[0], 0), evidence)
        for r in plan.query("SELECT id, next_step, substr(created, 1, 10), snooze_until FROM opportunity")
    }


def load_status_columns(plan: PlanDB) -> StatusColumns:
    """Creation and snooze dates, slips and evidence of every deal, as plain values by id."""
    created: dict[int, str] = {}
    snoozes: dict[int, str] = {}
    for deal_id, stamp, snooze in plan.query("SELECT id, created, snooze_until FROM opportunity"):
        created[deal_id] = stamp
        if snooze:
            snoozes[deal_id] = snooze
    slips = dict(
        plan.query(
            "SELECT opportunity_id, COUNT(*) FROM close_date_history WHERE new_date > old_date"
            " GROUP BY opportunity_id"
        )
    )
    evidence = _load_evidence(plan, None)
    commitments = {deal_id: day for deal_id, (day, _what) in evidence.last.items()}
    return StatusColumns(created, snoozes, slips, commitments, evidence.recorded)


_CLOSED_SQL = """
SELECT o.id, o.title, COALESCE(a.name, ''), s.name, s.level, o.closed_on, o.amount, o.currency,
       o.close_reason, o.close_reason_code, o.close_competitor
FROM opportunity o
JOIN stage s ON s.id = o.stage_id
LEFT JOIN account a ON a.id = o.account_id
WHERE s.level IN ('won', 'lost', 'walked_away')
ORDER BY o.closed_on IS NULL, o.closed_on DESC, o.id DESC
"""


def load_closed(plan: PlanDB) -> list[ClosedDeal]:
    """Won, lost and walked-away deals for the archive, most recently closed first."""
    return [
        ClosedDeal(r[0], r[1], r[2], r[3], FunnelLevel(r[4]), to_date(r[5]), r[6], r[7], r[8], r[9], r[10])
        for r in plan.query(_CLOSED_SQL)
    ]


def load_ranks(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> dict[int, int]:
    """Deal id -> the seller's rank in its column (planner.board_order), for the ranked deals."""
    sql, params = "SELECT id, board_rank FROM opportunity WHERE board_rank IS NOT NULL", []
    if opportunity_ids is not None:
        sql += f" AND id IN ({','.join('?' * len(opportunity_ids))})"
        params = list(opportunity_ids)
    return {row[0]: row[1] for row in plan.query(sql, params)}


def set_ranks(plan: PlanDB, ranks: Mapping[int, int | None]) -> None:
    """Write the seller's ranks of some deals (None: no rank), in one transaction."""
    with plan.atomic():
        for opportunity_id, rank in ranks.items():
            plan.execute("UPDATE opportunity SET board_rank = ? WHERE id = ?", [rank, opportunity_id])
