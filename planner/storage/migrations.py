"""Named, append-only schema migrations: never edit one that has shipped, add a new one."""

from __future__ import annotations

import json
import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database, Migrations

MIGRATION_SET = "opportunity-planner"

# Every migration name this version knows, in order. A plan whose applied migrations include
# a name missing here was written by a newer version and is refused untouched.
KNOWN_MIGRATIONS: tuple[str, ...] = (
    "0001_initial_schema",
    "0002_funnel_snapshots",
    "0003_board_index",
    "0004_commitments_and_call_plans",
    "0005_hidden_notes_and_review_key",
    "0007_pipelines",
    "0009_search_index",
    "0010_amount_and_import_history",
    "0011_agenda_indexes",
    "0012_board_rank",
    "0013_close_reasons",
    "0014_forecast_calls",
    "0015_coaching",
    "0016_review_marks",
)

_INITIAL_SCHEMA = """
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE account (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    parent_id INTEGER REFERENCES account(id) ON DELETE SET NULL,
    industry TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    external_id TEXT,
    source TEXT,
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    UNIQUE (source, external_id)
);
CREATE TABLE stage (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    level TEXT NOT NULL CHECK (level IN
        ('universe', 'above', 'in', 'best_few', 'won', 'lost', 'walked_away')),
    position INTEGER NOT NULL,
    probability INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
    stale_after_days INTEGER CHECK (stale_after_days IS NULL OR stale_after_days > 0),
    exit_commitments TEXT NOT NULL DEFAULT '[]',
    -- A deleted stage that history still names is retired, not removed.
    retired INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE opportunity (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL CHECK (length(trim(title)) > 0),
    account_id INTEGER REFERENCES account(id) ON DELETE CASCADE,
    stage_id INTEGER NOT NULL REFERENCES stage(id),
    product TEXT NOT NULL DEFAULT '',
    quantity REAL,
    amount REAL,
    currency TEXT NOT NULL DEFAULT 'EUR',
    close_date TEXT,
    probability_override INTEGER
        CHECK (probability_override IS NULL OR probability_override BETWEEN 0 AND 100),
    forecast_category TEXT CHECK (forecast_category IS NULL OR forecast_category IN
        ('pipeline', 'best_case', 'commit', 'closed', 'omitted')),
    position INTEGER CHECK (position IS NULL OR position BETWEEN -5 AND 5),
    next_step TEXT NOT NULL DEFAULT '',
    stage_entered TEXT,
    closed_on TEXT,
    close_reason TEXT NOT NULL DEFAULT '',
    last_open_stage_id INTEGER REFERENCES stage(id),
    snooze_until TEXT,
    snooze_reason TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    updated TEXT NOT NULL,
    external_id TEXT,
    source TEXT,
    UNIQUE (source, external_id)
);
CREATE INDEX opportunity_stage ON opportunity(stage_id);
CREATE INDEX opportunity_account ON opportunity(account_id);
CREATE TABLE stage_history (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    from_stage_id INTEGER REFERENCES stage(id),
    to_stage_id INTEGER NOT NULL REFERENCES stage(id),
    moved_at TEXT NOT NULL,
    commitment_date TEXT,
    commitment TEXT NOT NULL DEFAULT '',
    reason TEXT NOT NULL DEFAULT ''
);
CREATE INDEX stage_history_opportunity ON stage_history(opportunity_id);
CREATE TABLE close_date_history (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    old_date TEXT,
    new_date TEXT,
    changed_at TEXT NOT NULL
);
CREATE INDEX close_date_history_opportunity ON close_date_history(opportunity_id);
CREATE TABLE person (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    title TEXT NOT NULL DEFAULT '',
    email TEXT NOT NULL DEFAULT '',
    phone TEXT NOT NULL DEFAULT '',
    notes TEXT NOT NULL DEFAULT '',
    external_id TEXT,
    source TEXT
);
CREATE INDEX person_account ON person(account_id);
CREATE TABLE buying_influence (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,
    role TEXT NOT NULL DEFAULT 'unknown'
        CHECK (role IN ('economic', 'user', 'technical', 'coach', 'unknown')),
    degree TEXT NOT NULL DEFAULT 'unknown' CHECK (degree IN ('high', 'medium', 'low', 'unknown')),
    mode TEXT NOT NULL DEFAULT 'unknown'
        CHECK (mode IN ('growth', 'trouble', 'even_keel', 'overconfident', 'unknown')),
    rating INTEGER CHECK (rating IS NULL OR rating BETWEEN -5 AND 5),
    win TEXT NOT NULL DEFAULT '',
    result TEXT NOT NULL DEFAULT '',
    concept TEXT NOT NULL DEFAULT '',
    concept_kind TEXT CHECK (concept_kind IS NULL OR concept_kind IN ('accomplish', 'fix', 'avoid')),
    covered_by TEXT NOT NULL DEFAULT '',
    last_contact TEXT,
    new_in_job INTEGER NOT NULL DEFAULT 0,
    reports_to_id INTEGER REFERENCES person(id) ON DELETE SET NULL,
    evidence TEXT NOT NULL DEFAULT '',
    UNIQUE (opportunity_id, person_id)
);
CREATE INDEX buying_influence_opportunity ON buying_influence(opportunity_id);
CREATE TABLE competitor (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'vendor'
        CHECK (kind IN ('vendor', 'internal', 'budget_elsewhere', 'do_nothing')),
    notes TEXT NOT NULL DEFAULT ''
);
CREATE INDEX competitor_opportunity ON competitor(opportunity_id);
CREATE TABLE manual_flag (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    is_strength INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    influence_id INTEGER REFERENCES buying_influence(id) ON DELETE SET NULL
);
CREATE INDEX manual_flag_opportunity ON manual_flag(opportunity_id);
CREATE TABLE action (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    what TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    due TEXT,
    status TEXT NOT NULL DEFAULT 'possible' CHECK (status IN ('possible', 'planned', 'done')),
    done_on TEXT,
    flag_ref TEXT NOT NULL DEFAULT ''
);
CREATE INDEX action_opportunity ON action(opportunity_id);
CREATE TABLE note (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER REFERENCES opportunity(id) ON DELETE CASCADE,
    account_id INTEGER REFERENCES account(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    private INTEGER NOT NULL DEFAULT 1,
    author TEXT NOT NULL DEFAULT 'seller' CHECK (author IN ('seller', 'manager')),
    created TEXT NOT NULL
);
CREATE INDEX note_opportunity ON note(opportunity_id);
"""


# Weekly funnel snapshots (issue 7): one row per open deal as it stood that day, so the forecast
# can say what was added, advanced, slipped, won, lost or walked away since. No foreign key to
# deals or stages on purpose: a snapshot outlives what it names (undo deletes and re-inserts a
# deal, and a cascade would erase its past).
_FUNNEL_SNAPSHOTS = """
CREATE TABLE funnel_snapshot (
    id INTEGER PRIMARY KEY,
    taken_on TEXT NOT NULL UNIQUE,
    taken_at TEXT NOT NULL
);
CREATE TABLE funnel_snapshot_deal (
    id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES funnel_snapshot(id) ON DELETE CASCADE,
    opportunity_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    stage_id INTEGER NOT NULL,
    stage_position INTEGER NOT NULL,
    level TEXT NOT NULL,
    amount REAL,
    currency TEXT NOT NULL,
    close_date TEXT,
    forecast_category TEXT NOT NULL,
    probability INTEGER NOT NULL,
    UNIQUE (snapshot_id, opportunity_id)
);
"""

# The board's first screen (planner.storage.board): each column's first cards found in column
# order (stage, close date, id), and the columns' sums read from the index without the table.
# 0.3 ms and 60 ms at 100,000 deals, where reading every card takes 300 ms: the board paints
# those, and reads the rest right after.
_BOARD_INDEX = """
CREATE INDEX opportunity_board
ON opportunity(stage_id, close_date, id, amount, currency, probability_override)
"""


# The evidence chain (docs/method.md): what the customer committed to, on any day, and the call
# plans (Green Sheets) whose debriefs record those commitments. A stage move's commitment is a
# commitment row too (stage_history keeps its words for the history); the existing ones are copied.
_EVIDENCE = """
CREATE TABLE call_plan (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    meeting_at TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    attendees TEXT NOT NULL DEFAULT '[]',
    business_reason TEXT NOT NULL DEFAULT '',
    giving TEXT NOT NULL DEFAULT '',
    confirmation_questions TEXT NOT NULL DEFAULT '[]',
    new_information_questions TEXT NOT NULL DEFAULT '[]',
    attitude_questions TEXT NOT NULL DEFAULT '[]',
    best_action TEXT NOT NULL DEFAULT '',
    minimum_action TEXT NOT NULL DEFAULT '',
    commit_by TEXT,
    debriefed_on TEXT,
    debrief_commitment TEXT NOT NULL DEFAULT '',
    debrief_notes TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL
);
CREATE INDEX call_plan_opportunity ON call_plan(opportunity_id, meeting_at);
CREATE TABLE commitment (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    stage_id INTEGER REFERENCES stage(id),
    what TEXT NOT NULL,
    committed_on TEXT NOT NULL,
    who TEXT NOT NULL DEFAULT '',
    evidence TEXT NOT NULL DEFAULT '',
    call_plan_id INTEGER REFERENCES call_plan(id) ON DELETE SET NULL,
    created TEXT NOT NULL
);
CREATE INDEX commitment_opportunity ON commitment(opportunity_id, committed_on);
INSERT INTO commitment (opportunity_id, stage_id, what, committed_on, created)
SELECT h.opportunity_id, h.from_stage_id, h.commitment,
       COALESCE(h.commitment_date, substr(h.moved_at, 1, 10)), h.moved_at
FROM stage_history h WHERE h.commitment != '' ORDER BY h.id
"""


_HIDDEN_NOTES = "ALTER TABLE note ADD COLUMN hidden INTEGER NOT NULL DEFAULT 0"

# Pipelines (new business, renewals...): each open stage belongs to one pipeline, and so does
# each deal (kept with the deal, so a closed deal still counts in its pipeline's forecast). The
# closed stages (Won, Lost, Walked away) are shared: closing means the same in every pipeline.
# SQLite refuses a non-NULL default on an added column with REFERENCES, so the columns may be
# NULL: a NULL stage pipeline is the first pipeline, a NULL deal pipeline its stage's
# (planner.storage.pipelines). Existing plans get one pipeline holding every stage and deal.
_PIPELINES = """
CREATE TABLE pipeline (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
    position INTEGER NOT NULL
);
ALTER TABLE stage ADD COLUMN pipeline_id INTEGER REFERENCES pipeline(id);
ALTER TABLE opportunity ADD COLUMN pipeline_id INTEGER REFERENCES pipeline(id);
CREATE INDEX opportunity_pipeline ON opportunity(pipeline_id);
INSERT INTO pipeline (id, name, position) VALUES (1, 'Default pipeline', 0);
UPDATE stage SET pipeline_id = 1 WHERE level NOT IN ('won', 'lost', 'walked_away');
UPDATE opportunity SET pipeline_id = 1
"""

# Search everything (planner.search): one FTS5 index over the text a seller types into deals,
# accounts, people, buying influences, actions, notes, call plans and competitors. Each kind's
# text is defined once, in its view (search_<kind>): the triggers read a row through that view,
# and REINDEX fills the index from the union of the views (search_source), so both index the
# very same text. Triggers rather than the repositories keep it current, because rows are
# written by more than the repositories: undo puts snapshots back with plain INSERTs, foreign
# keys cascade deletes, imports and salvage copy rows; a trigger runs in the same transaction
# as every one of those writes. A document's rowid is the row's id * 16 + its kind.
#
# The triggers do not write the index itself: they note each changed row in a queue
# (search_index_queue), and the transaction replays the queue into the index before it commits
# (PlanDB.atomic, FLUSH_SEARCH_QUEUE). FTS5 writes its pending words to disk at every statement
# savepoint, and a statement that fires a trigger opens one: written from the triggers, an import
# of 8,800 deals took 20-30 % longer, replayed once, a few per cent (docs/search.md).
#
# The index is contentless (it keeps no copy of the text, which the tables hold already; FTS5
# could not read the views itself, json_each fails inside it), so the queue keeps the old text a
# delete must name. Accents and case are folded (remove_diacritics 2). detail=column keeps
# which column a word is in but not where: a fifth smaller and faster for prefixes than full
# detail, and search needs no phrases (planner.search quotes one word at a time). No prefix
# index: it would add the whole index again for every prefix length.
SEARCH_KINDS: tuple[tuple[str, str, int, str, str, tuple[str, ...]], ...] = (
    # (view, table, kind, name text, body text, the columns the text is made of)
    (
        "search_deal", "opportunity", 1, "title",
        "product || ' ' || next_step || ' ' || close_reason || ' ' || snooze_reason",
        ("title", "product", "next_step", "close_reason", "snooze_reason"),
    ),
    ("search_account", "account", 2, "name", "industry || ' ' || notes", ("name", "industry", "notes")),
    (
        "search_person", "person", 3, "name", "title || ' ' || email || ' ' || phone || ' ' || notes",
        ("name", "title", "email", "phone", "notes"),
    ),
    (
        "search_influence", "buying_influence", 4, "covered_by",
        "win || ' ' || result || ' ' || concept || ' ' || evidence",
        ("covered_by", "win", "result", "concept", "evidence"),
    ),
    ("search_action", "action", 5, "what", "who", ("what", "who")),
    ("search_note", "note", 6, "''", "body", ("body",)),
    (
        "search_call", "call_plan", 7, "title",
        "business_reason || ' ' || giving || ' ' || {q1} || ' ' || {q2} || ' ' || {q3} || ' ' ||"
        " best_action || ' ' || minimum_action || ' ' || debrief_commitment || ' ' || debrief_notes",
        (
            "title", "business_reason", "giving", "confirmation_questions", "new_information_questions",
            "attitude_questions", "best_action", "minimum_action", "debrief_commitment", "debrief_notes",
        ),
    ),
    ("search_competitor", "competitor", 8, "name", "notes", ("name", "notes")),
)  # fmt: skip

# The tables SQLite makes for the FTS5 table, and the index's own: copies of a plan never copy
# their rows, the triggers index the copied rows again (schema_check, salvage).
SEARCH_SHADOW_TABLES = frozenset(
    f"search_index_{part}" for part in ("data", "idx", "docsize", "config", "content")
)
SEARCH_QUEUE = "search_index_queue"
INDEX_TABLES = frozenset({"search_index", SEARCH_QUEUE, *SEARCH_SHADOW_TABLES})
REINDEX = "INSERT INTO search_index (rowid, name, body) SELECT rid, name, body FROM search_source"
# Replays the queue into the index: a row's first queued change says what the index holds of it
# (a delete keeps the text indexed before; an insert, nothing), and the row as it is now, if it
# still is, is indexed again. One statement each: FTS5 writes its words once per statement.
_REQUEUED = " UNION ALL ".join(
    f"SELECT rid, name, body FROM {view}"
    f" WHERE id IN (SELECT rid >> 4 FROM {SEARCH_QUEUE} WHERE rid & 15 = {kind})"
    for view, _table, kind, _name, _body, _columns in SEARCH_KINDS
)
FLUSH_SEARCH_QUEUE = (
    "INSERT INTO search_index (search_index, rowid, name, body)"
    f" SELECT 'delete', rid, name, body FROM {SEARCH_QUEUE} WHERE gone",
    f"INSERT INTO search_index (rowid, name, body) {_REQUEUED}",
    f"DELETE FROM {SEARCH_QUEUE}",
)


def _json_words(column: str) -> str:
    # The questions are JSON lists (non-ASCII written as \u escapes): index their texts. A
    # hand-edited value that is not JSON is indexed as it is, rather than failing the write.
    return (
        f"coalesce((SELECT group_concat(value, ' ') FROM json_each(CASE WHEN json_valid({column})"
        f" THEN {column} ELSE json_array({column}) END)), '')"
    )


def _search_sql() -> str:
    questions = {
        "q1": _json_words("confirmation_questions"),
        "q2": _json_words("new_information_questions"),
        "q3": _json_words("attitude_questions"),
    }
    parts = []
    for view, table, kind, name, body, _columns in SEARCH_KINDS:
        parts.append(
            f"CREATE VIEW {view} AS SELECT id, id * 16 + {kind} AS rid, {name} AS name,"
            f" {body.format(**questions)} AS body FROM {table}"
        )
    union = " UNION ALL ".join(f"SELECT rid, name, body FROM {v[0]}" for v in SEARCH_KINDS)
    parts.append(f"CREATE VIEW search_source AS {union}")
    parts.append(
        "CREATE VIRTUAL TABLE search_index USING fts5(name, body, content='', detail=column,"
        " tokenize='unicode61 remove_diacritics 2')"
    )
    # One row per changed document, its first change in the transaction (FLUSH_SEARCH_QUEUE).
    parts.append(
        f"CREATE TABLE {SEARCH_QUEUE} (rid INTEGER PRIMARY KEY, gone INTEGER NOT NULL, name TEXT, body TEXT)"
    )
    for view, table, kind, _name, _body, columns in SEARCH_KINDS:
        of = ", ".join(columns)
        # NOT EXISTS rather than OR IGNORE: the conflict clause of the statement that fires a
        # trigger overrides the trigger's own.
        first = f"NOT EXISTS (SELECT 1 FROM {SEARCH_QUEUE} WHERE rid = {{row}}.id * 16 + {kind})"
        added = (
            f"INSERT INTO {SEARCH_QUEUE} (rid, gone) SELECT new.id * 16 + {kind}, 0 WHERE "
            + first.format(row="new")
        )
        removed = (
            f"INSERT INTO {SEARCH_QUEUE} (rid, gone, name, body) SELECT rid, 1, name, body FROM {view}"
            " WHERE id = old.id AND " + first.format(row="old")
        )
        parts += [
            f"CREATE TRIGGER {view}_insert AFTER INSERT ON {table} BEGIN {added}; END",
            f"CREATE TRIGGER {view}_delete BEFORE DELETE ON {table} BEGIN {removed}; END",
            f"CREATE TRIGGER {view}_unindex BEFORE UPDATE OF {of} ON {table} BEGIN {removed}; END",
            f"CREATE TRIGGER {view}_reindex AFTER UPDATE OF {of} ON {table} BEGIN {added}; END",
        ]
    # A person found opens the deals they are a buying influence on: found by person, not by deal.
    parts.append("CREATE INDEX buying_influence_person_search ON buying_influence(person_id)")
    # Index what the plan holds already.
    parts.append(REINDEX)
    return ";\n".join(parts) + ";\n"


_SEARCH = _search_sql()

# A deal's timeline (planner.timeline): every amount change from now on, by the seller (source '')
# or by an import of a CRM source, and what each import wrote on a deal (the columns it set, or
# 'created'). Earlier changes were never recorded, so nothing is copied.
_AMOUNT_AND_IMPORT_HISTORY = """
CREATE TABLE amount_history (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    old_amount REAL,
    new_amount REAL,
    old_currency TEXT NOT NULL DEFAULT '',
    new_currency TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT ''
);
CREATE INDEX amount_history_opportunity ON amount_history(opportunity_id);
CREATE TABLE import_change (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL REFERENCES opportunity(id) ON DELETE CASCADE,
    source TEXT NOT NULL DEFAULT '',
    changed_at TEXT NOT NULL,
    fields TEXT NOT NULL DEFAULT '[]'
);
CREATE INDEX import_change_opportunity ON import_change(opportunity_id)
"""

# The agenda (planner.storage.agenda) reads what is dated up to a day: open actions by due date,
# calls not debriefed by their time, snoozes by their end, and, for deals that may turn stale,
# commitments and creations by day. Without these, each is a scan of its table: seconds at
# 100,000 deals with three actions each, where the agenda's first screen takes milliseconds.
_AGENDA_INDEXES = """
CREATE INDEX action_open_due ON action(due) WHERE status != 'done';
CREATE INDEX call_plan_open ON call_plan(meeting_at) WHERE debriefed_on IS NULL;
CREATE INDEX opportunity_snooze ON opportunity(snooze_until) WHERE snooze_until IS NOT NULL;
CREATE INDEX opportunity_created ON opportunity(created);
CREATE INDEX commitment_day ON commitment(committed_on)
"""

# The seller's own order of a board column (planner.board_order): smallest rank first; a deal
# never placed has none and follows the placed ones by close date.
_BOARD_RANK = """
ALTER TABLE opportunity ADD COLUMN board_rank INTEGER;
"""

# Why a deal closed, from the plan's list of close reasons (planner.close_reasons): the reason's
# code, and the competitor when a competitor won; `close_reason` stays the seller's free note.
_CLOSE_REASONS = """
ALTER TABLE opportunity ADD COLUMN close_reason_code TEXT NOT NULL DEFAULT '';
ALTER TABLE opportunity ADD COLUMN close_competitor TEXT NOT NULL DEFAULT '';
"""

# The one-to-one pack's "since the last review" (planner.since_review): each pack the window
# exports is remembered with, per open deal, its forecast category and red flags that day. The
# plan keeps no history of either, so the next pack compares with what this one showed. No
# foreign key to deals on purpose, as for funnel snapshots: a review outlives what it names.
_REVIEW_MARKS = """
CREATE TABLE review_mark (
    id INTEGER PRIMARY KEY,
    exported_on TEXT NOT NULL,
    exported_at TEXT NOT NULL
);
CREATE INDEX review_mark_day ON review_mark(exported_on);
CREATE TABLE review_mark_deal (
    id INTEGER PRIMARY KEY,
    mark_id INTEGER NOT NULL REFERENCES review_mark(id) ON DELETE CASCADE,
    opportunity_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    forecast_category TEXT NOT NULL,
    red_flags TEXT NOT NULL DEFAULT '[]',
    UNIQUE (mark_id, opportunity_id)
)
"""

# The manager's coaching from a review (planner.coaching): an item is a question to answer or an
# action with a due date, made from one review note (note_id, its stable id, makes a second import
# add nothing); an item on a deal becomes one of the deal's actions (action_id), and the seller marks
# it answered. A deleted action leaves its item, so importing the review again does not bring it
# back. A verdict is the manager's word on a committed deal: one per deal, a later one replaces it.
_COACHING = """
CREATE TABLE coaching_item (
    id INTEGER PRIMARY KEY,
    note_id TEXT NOT NULL UNIQUE,
    opportunity_id INTEGER REFERENCES opportunity(id) ON DELETE CASCADE,
    action_id INTEGER REFERENCES action(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('question', 'action')),
    text TEXT NOT NULL,
    due TEXT,
    reviewer TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    answered_on TEXT,
    answer TEXT NOT NULL DEFAULT ''
);
CREATE INDEX coaching_item_opportunity ON coaching_item(opportunity_id);
CREATE INDEX coaching_item_action ON coaching_item(action_id);
CREATE TABLE verdict (
    id INTEGER PRIMARY KEY,
    opportunity_id INTEGER NOT NULL UNIQUE REFERENCES opportunity(id) ON DELETE CASCADE,
    verdict_id TEXT NOT NULL,
    verdict TEXT NOT NULL CHECK (verdict IN ('agree', 'challenge')),
    reason TEXT NOT NULL DEFAULT '',
    reviewer TEXT NOT NULL DEFAULT '',
    given TEXT NOT NULL
)
"""

# Forecast calls (planner.forecast_calls): what the seller called for a quarter on a day, Commit
# and Best Case, with the deals that were Closed, Commit or Best Case at that moment, so a call's
# accuracy can later be explained deal by deal. The quarter is kept as its dates too: a later
# change of the fiscal year must not move a call to other months. No foreign key to deals on
# purpose: a call is a record of its day and outlives the deals it names.
_FORECAST_CALLS = """
CREATE TABLE forecast_call (
    id INTEGER PRIMARY KEY,
    quarter TEXT NOT NULL,
    quarter_start TEXT NOT NULL,
    quarter_end TEXT NOT NULL,
    called_on TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    currency TEXT NOT NULL,
    commit_amount REAL NOT NULL CHECK (commit_amount >= 0),
    best_case_amount REAL NOT NULL CHECK (best_case_amount >= 0),
    proposed_commit REAL NOT NULL,
    proposed_best_case REAL NOT NULL,
    won_amount REAL NOT NULL,
    comment TEXT NOT NULL DEFAULT ''
);
CREATE INDEX forecast_call_quarter ON forecast_call(quarter_start, quarter_end, called_on);
CREATE INDEX forecast_call_day ON forecast_call(called_on);
CREATE TABLE forecast_call_deal (
    id INTEGER PRIMARY KEY,
    call_id INTEGER NOT NULL REFERENCES forecast_call(id) ON DELETE CASCADE,
    opportunity_id INTEGER NOT NULL,
    title TEXT NOT NULL,
    account TEXT NOT NULL DEFAULT '',
    category TEXT NOT NULL CHECK (category IN ('closed', 'commit', 'best_case')),
    amount REAL,
    currency TEXT NOT NULL,
    value REAL,
    close_date TEXT
);
CREATE INDEX forecast_call_deal_call ON forecast_call_deal(call_id)
"""

# What each migration creates, statement by statement: the migrations below run these, and
# planner.storage.schema_check builds the schema a plan of each version must have from them
# (without sqlite-utils, which costs ~100 ms to import). A migration that changes the schema in
# another way must be described here too; a test compares both with a really migrated plan.
SCHEMA_SQL: dict[str, str] = {
    "0001_initial_schema": _INITIAL_SCHEMA,
    "0002_funnel_snapshots": _FUNNEL_SNAPSHOTS,
    "0003_board_index": _BOARD_INDEX,
    # Its INSERT copies move commitments into records; on an empty schema it copies nothing.
    "0004_commitments_and_call_plans": _EVIDENCE,
    "0005_hidden_notes_and_review_key": _HIDDEN_NOTES,
    # Its INSERT and UPDATEs give an existing plan its one pipeline.
    "0007_pipelines": _PIPELINES,
    # Its 'rebuild' indexes the rows a plan holds; on an empty schema it indexes nothing.
    "0009_search_index": _SEARCH,
    "0010_amount_and_import_history": _AMOUNT_AND_IMPORT_HISTORY,
    "0011_agenda_indexes": _AGENDA_INDEXES,
    "0012_board_rank": _BOARD_RANK,
    # Its UPDATE files the free-text reasons of deals closed before as "other".
    "0013_close_reasons": _CLOSE_REASONS,
    "0014_forecast_calls": _FORECAST_CALLS,
    "0015_coaching": _COACHING,
    "0016_review_marks": _REVIEW_MARKS,
}


def schema_statements(name: str) -> list[str]:
    """The statements of migration `name` that create its tables and indexes, in order."""
    statements: list[str] = []
    pending = ""
    for piece in SCHEMA_SQL[name].split(";"):
        # A trigger's body holds semicolons: join pieces until SQLite calls the statement complete.
        pending += piece + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip().removesuffix(";"))
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip().removesuffix(";"))
    return statements


def build_migrations() -> Migrations:
    """The plan's migration set; imported lazily because sqlite-utils costs ~100 ms to import."""
    from sqlite_utils import Migrations

    migrations = Migrations(MIGRATION_SET)

    @migrations(name="0001_initial_schema")
    def initial_schema(db: Database) -> None:
        # executescript() would COMMIT the surrounding migration transaction; run statement
        # by statement so a failure rolls the whole schema back.
        for statement in schema_statements("0001_initial_schema"):
            db.execute(statement)

        _seed_default_stages(db)

    @migrations(name="0002_funnel_snapshots")
    def funnel_snapshots(db: Database) -> None:
        for statement in schema_statements("0002_funnel_snapshots"):
            db.execute(statement)

    @migrations(name="0003_board_index")
    def board_index(db: Database) -> None:
        for statement in schema_statements("0003_board_index"):
            db.execute(statement)

    @migrations(name="0004_commitments_and_call_plans")
    def evidence(db: Database) -> None:
        for statement in schema_statements("0004_commitments_and_call_plans"):
            db.execute(statement)

    @migrations(name="0005_hidden_notes_and_review_key")
    def hidden_notes_and_review_key(db: Database) -> None:
        # A seller hides a manager's coaching note (it cannot be edited or deleted, and stays
        # in the plan so that importing the same review again does not bring it back).
        for statement in schema_statements("0005_hidden_notes_and_review_key"):
            db.execute(statement)
        # The plan's secret for review tokens (planner.exchange.pack.review_token): made once,
        # never exported.
        import secrets  # here: only a migration needs it, and it loads OpenSSL (3 ms at start)

        db.execute(
            "INSERT OR IGNORE INTO settings (key, value) VALUES ('review_key', ?)",
            [json.dumps(secrets.token_hex(32))],
        )

    @migrations(name="0007_pipelines")
    def pipelines(db: Database) -> None:
        for statement in schema_statements("0007_pipelines"):
            db.execute(statement)

    @migrations(name="0009_search_index")
    def search_index(db: Database) -> None:
        for statement in schema_statements("0009_search_index"):
            db.execute(statement)

    @migrations(name="0010_amount_and_import_history")
    def amount_and_import_history(db: Database) -> None:
        for statement in schema_statements("0010_amount_and_import_history"):
            db.execute(statement)

    @migrations(name="0011_agenda_indexes")
    def agenda_indexes(db: Database) -> None:
        for statement in schema_statements("0011_agenda_indexes"):
            db.execute(statement)

    @migrations(name="0012_board_rank")
    def board_rank(db: Database) -> None:
        for statement in schema_statements("0012_board_rank"):
            db.execute(statement)

    @migrations(name="0013_close_reasons")
    def close_reasons(db: Database) -> None:
        for statement in schema_statements("0013_close_reasons"):
            db.execute(statement)
        # A reason typed before there was a list stays readable as the note; its reason is
        # "other" (planner.close_reasons.OTHER) so the win/loss view counts it.
        db.execute(
            "UPDATE opportunity SET close_reason_code = 'other'"
            " WHERE closed_on IS NOT NULL AND trim(close_reason) != ''"
        )

    @migrations(name="0014_forecast_calls")
    def forecast_calls(db: Database) -> None:
        for statement in schema_statements("0014_forecast_calls"):
            db.execute(statement)

    @migrations(name="0015_coaching")
    def coaching(db: Database) -> None:
        for statement in schema_statements("0015_coaching"):
            db.execute(statement)

    @migrations(name="0016_review_marks")
    def review_marks(db: Database) -> None:
        for statement in schema_statements("0016_review_marks"):
            db.execute(statement)

    return migrations


def _seed_default_stages(db: Database) -> None:
    # A plan always has stages; the defaults are docs/method.md's table.
    from planner.stages import DEFAULT_STAGES

    for position, stage in enumerate(DEFAULT_STAGES):
        db.execute(
            "INSERT INTO stage (name, level, position, probability, stale_after_days,"
            " exit_commitments) VALUES (?, ?, ?, ?, ?, ?)",
            [
                stage.name,
                stage.level.value,
                position,
                stage.probability,
                stage.stale_after_days,
                json.dumps(list(stage.exit_commitments)),
            ],
        )
