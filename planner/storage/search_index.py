"""The search index's SQL: matching, the rows a match names, rebuilding and checking the index.

The index (migration 0009_search_index) is an FTS5 table whose documents are rows of eight
tables; a document's rowid is the row's id * KIND_SPAN + its kind. Triggers keep it current
(planner.storage.migrations explains why triggers); planner.search turns matches into results.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from planner.storage.db import PlanDB
from planner.storage.migrations import REINDEX, SEARCH_QUEUE

# rowid = id * KIND_SPAN + kind: room for fifteen kinds of rows.
KIND_SPAN = 16
# Title words count more than the rest of a row's text.
_WEIGHTS = "4.0, 1.0"
_SQLITE_CORRUPT = 11


class SearchIndexDamagedError(Exception):
    """The plan's search index cannot be read (the file was changed outside the planner)."""


@dataclass(frozen=True, slots=True)
class FoundRow:
    """A row a match names, with what a result shows of it and where it opens."""

    row_id: int
    opportunity_id: int | None
    account_id: int | None
    title: str
    deal: str
    account: str
    extra: str = ""  # stage, role, industry, date: a word of context for the kind
    influence_id: int | None = None
    manager: bool = False  # a note: written by the manager (coaching)


def is_damage(exc: sqlite3.Error) -> bool:
    """Whether an error of a search says the index's data is damaged (not a query SQLite refused)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return (code & 0xFF) == _SQLITE_CORRUPT
    return "malformed" in str(exc) or "corrupt" in str(exc)


def matches(plan: PlanDB, query: str, limit: int) -> list[tuple[int, float]]:
    """(rowid, bm25 score: lower is better) of the newest `limit` documents matching `query`.

    Newest first and scored while read: a query matching hundreds of thousands of rows stops
    after `limit` instead of scoring them all (ranking every match of one letter takes seconds).
    Raises SearchIndexDamagedError when the index cannot be read; sqlite3.OperationalError for a
    query FTS5 refuses.
    """
    try:
        return plan.query(
            f"SELECT rowid, bm25(search_index, {_WEIGHTS}) FROM search_index WHERE search_index MATCH ?"
            " ORDER BY rowid DESC LIMIT ?",
            [query, limit],
        )
    except sqlite3.DatabaseError as exc:
        if is_damage(exc):
            raise SearchIndexDamagedError(str(exc)) from exc
        raise


def _marks(ids: Sequence[int]) -> str:
    return ",".join("?" * len(ids))


_DEAL = """
SELECT o.id, o.id, o.account_id, o.title, o.title, coalesce(a.name, ''), s.name
FROM opportunity o LEFT JOIN account a ON a.id = o.account_id JOIN stage s ON s.id = o.stage_id
WHERE o.id IN ({marks})
"""
# An account opens its newest open deal, or its newest deal.
_ACCOUNT = """
SELECT a.id, (SELECT o.id FROM opportunity o JOIN stage s ON s.id = o.stage_id
              WHERE o.account_id = a.id
              ORDER BY s.level IN ('won', 'lost', 'walked_away'), o.id DESC LIMIT 1),
       a.id, a.name, '', a.name, a.industry
FROM account a WHERE a.id IN ({marks})
"""
# A person: one row per deal they are a buying influence on, or one row when on none.
_PERSON = """
SELECT p.id, o.id, p.account_id, p.name, coalesce(o.title, ''), coalesce(a.name, ''),
       coalesce(b.role, p.title), b.id
FROM person p LEFT JOIN account a ON a.id = p.account_id
LEFT JOIN buying_influence b ON b.person_id = p.id
LEFT JOIN opportunity o ON o.id = b.opportunity_id
WHERE p.id IN ({marks}) ORDER BY p.id, o.id DESC
"""
_INFLUENCE = """
SELECT b.id, o.id, o.account_id, p.name, o.title, coalesce(a.name, ''), b.role, b.id
FROM buying_influence b JOIN person p ON p.id = b.person_id JOIN opportunity o ON o.id = b.opportunity_id
LEFT JOIN account a ON a.id = o.account_id
WHERE b.id IN ({marks})
"""
_ACTION = """
SELECT x.id, o.id, o.account_id, x.what, o.title, coalesce(a.name, ''), coalesce(x.due, '')
FROM action x JOIN opportunity o ON o.id = x.opportunity_id LEFT JOIN account a ON a.id = o.account_id
WHERE x.id IN ({marks})
"""
# Hidden notes (a manager's note the seller hid) are not found.
_NOTE = """
SELECT n.id, o.id, coalesce(o.account_id, n.account_id), n.body, coalesce(o.title, ''),
       coalesce(a.name, ''), substr(n.created, 1, 10), NULL, n.author = 'manager'
FROM note n LEFT JOIN opportunity o ON o.id = n.opportunity_id
LEFT JOIN account a ON a.id = coalesce(o.account_id, n.account_id)
WHERE n.id IN ({marks}) AND n.hidden = 0
"""
_CALL = """
SELECT c.id, o.id, o.account_id, c.title, o.title, coalesce(a.name, ''), c.meeting_at
FROM call_plan c JOIN opportunity o ON o.id = c.opportunity_id LEFT JOIN account a ON a.id = o.account_id
WHERE c.id IN ({marks})
"""
_COMPETITOR = """
SELECT c.id, o.id, o.account_id, c.name, o.title, coalesce(a.name, ''), c.kind
FROM competitor c JOIN opportunity o ON o.id = c.opportunity_id LEFT JOIN account a ON a.id = o.account_id
WHERE c.id IN ({marks})
"""
# By kind (the number in a document's rowid), as migrations.SEARCH_KINDS numbers them.
ROWS_SQL = {1: _DEAL, 2: _ACCOUNT, 3: _PERSON, 4: _INFLUENCE, 5: _ACTION, 6: _NOTE, 7: _CALL, 8: _COMPETITOR}


def found_rows(plan: PlanDB, kind: int, ids: Sequence[int]) -> list[FoundRow]:
    """The rows of one kind with these ids (missing ones left out), as results show them."""
    if not ids:
        return []
    rows = plan.query(ROWS_SQL[kind].format(marks=_marks(ids)), list(ids))
    return [
        FoundRow(
            row_id=int(r[0]),
            opportunity_id=r[1],
            account_id=r[2],
            title=str(r[3]),
            deal=str(r[4]),
            account=str(r[5]),
            extra=str(r[6] or ""),
            influence_id=r[7] if len(r) > 7 else None,
            manager=bool(r[8]) if len(r) > 8 else False,
        )
        for r in rows
    ]


def rebuild(plan: PlanDB) -> None:
    """Index every row again from the tables, in one transaction (a damaged index's repair)."""
    with plan.atomic():
        plan.execute(f"DELETE FROM {SEARCH_QUEUE}")
        plan.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')")
        plan.execute(REINDEX)


def has_queued(plan: PlanDB) -> bool:
    """Whether changes wait in the queue (written by a transaction that did not replay them)."""
    return bool(plan.query(f"SELECT EXISTS (SELECT 1 FROM {SEARCH_QUEUE})")[0][0])


def index_is_current(conn: sqlite3.Connection) -> bool:
    """Whether the index holds exactly the rows, and their words (each word, row and column),
    with no change waiting in the queue.

    Builds a second index from the rows in temporary memory and compares both through
    fts5vocab; costs as much as indexing the plan again, so tests and repairs call it, not
    every search.
    """
    conn.execute(
        "CREATE VIRTUAL TABLE temp.search_fresh USING fts5(name, body, content='', detail=column,"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    try:
        conn.execute(REINDEX.replace("INSERT INTO search_index", "INSERT INTO temp.search_fresh"))
        conn.execute(
            "CREATE VIRTUAL TABLE temp.search_fresh_words USING fts5vocab(temp, search_fresh, instance)"
        )
        conn.execute("CREATE VIRTUAL TABLE temp.search_words USING fts5vocab(main, search_index, instance)")
        words = "SELECT term, doc, col FROM temp.{} ORDER BY term, doc, col"
        documents = "SELECT id FROM {}_docsize ORDER BY id"
        queued = conn.execute(f"SELECT count(*) FROM {SEARCH_QUEUE}").fetchone()[0]
        return bool(
            not queued
            and conn.execute(words.format("search_words")).fetchall()
            == conn.execute(words.format("search_fresh_words")).fetchall()
            and conn.execute(documents.format("main.search_index")).fetchall()
            == conn.execute(documents.format("temp.search_fresh")).fetchall()
        )
    finally:
        for table in ("search_words", "search_fresh_words", "search_fresh"):
            conn.execute(f"DROP TABLE IF EXISTS temp.{table}")
