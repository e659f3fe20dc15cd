"""Only our schema: every table, index, trigger and view in a plan file was made by our migrations.

A plan file may have been edited by another program. SQLite runs a trigger stored in the file
on every write it matches, so a trigger added by someone else (`AFTER UPDATE ON opportunity ...
DELETE ...`) would run with the seller's first edit; an index, view or table of theirs does
nothing we want either. The schema a plan of each version must have is built from the
migrations' own statements (`migrations.SCHEMA_SQL`) in a database in memory, and compared
with the file's: objects the migrations did not make are *foreign* (the plan opens read-only
and every copy leaves them out); objects of ours that differ, or are missing, are *changed*
(the plan is treated as damaged: a backup or a salvage copy is the way on).
"""

from __future__ import annotations

import functools
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from planner.i18n import translate
from planner.storage import migrations as schema
from planner.storage import schema_objects
from planner.storage.migrations import MIGRATION_SET

# sqlite-utils' record of the applied migrations: its exact SQL depends on the sqlite-utils
# version that made it (and it holds no code), so only its names are checked.
MIGRATIONS_TABLE = "_sqlite_migrations"
_MIGRATIONS_RECORD = {
    ("table", MIGRATIONS_TABLE),
    ("index", "idx__sqlite_migrations_migration_set_name"),
}
# SQLite's own tables: a counter of AUTOINCREMENT keys, and ANALYZE's statistics.
# The record as sqlite-utils makes it today: a clean copy makes it so, whatever the source holds.
_MIGRATIONS_RECORD_SQL = (
    'CREATE TABLE "_sqlite_migrations" ("id" INTEGER PRIMARY KEY, "migration_set" TEXT, "name" TEXT,'
    ' "applied_at" TEXT)',
    'CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations"'
    ' ("migration_set", "name")',
)
_SQLITE_TABLES = {"sqlite_sequence", "sqlite_stat1", "sqlite_stat4"}
_KINDS = ("trigger", "view", "index", "table")
# How many foreign objects a message names before it says how many more there are.
_NAMED = 4
# How much of a foreign object's name a message quotes (the name was written by someone else).
_NAME_LENGTH = 40

Key = tuple[str, str]  # (type, name) as in sqlite_master


@dataclass(frozen=True, slots=True)
class SchemaObject:
    """One entry of sqlite_master: kind (table, index, trigger, view), name and its table."""

    kind: str
    name: str
    table: str


@dataclass(frozen=True, slots=True)
class SchemaReport:
    """How a file's schema differs from what its migrations make."""

    foreign: tuple[SchemaObject, ...]
    changed: tuple[SchemaObject, ...]


def applied_migrations(conn: sqlite3.Connection) -> list[str]:
    """The names of our migrations applied to the database, in order ([] when none is recorded)."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", [MIGRATIONS_TABLE]
    ).fetchone()
    if not exists:
        return []
    return [
        r[0]
        for r in conn.execute(
            f"SELECT name FROM {MIGRATIONS_TABLE} WHERE migration_set = ? ORDER BY rowid", [MIGRATION_SET]
        )
    ]


@functools.lru_cache(maxsize=8)
def made_by(applied: tuple[str, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """(type, name, table, SQL) of every object the migrations `applied` make, in the order
    they make them (the migration record and SQLite's automatic indexes left out).

    For this version's migrations, the list kept in `schema_objects` (the common start);
    for any other, the migrations' statements replayed (`replayed`).
    """
    if applied == schema_objects.MIGRATIONS:
        return schema_objects.OBJECTS
    return replayed(applied)


def replayed(applied: tuple[str, ...]) -> tuple[tuple[str, str, str, str], ...]:
    """`made_by`, built in a database in memory from the migrations' own statements
    (`migrations.SCHEMA_SQL`), where running the migrations would import sqlite-utils.

    Alone this takes 8 ms. At start-up it took 60 to 100 ms: opening the plan shares the
    interpreter with the thread importing the window's modules, and each of its 120 statements
    waits for the interpreter lock again (docs/architecture.md, "Opening a plan and background
    work"). So this version's list is kept, written out, in `schema_objects`.
    """
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        for name in applied:
            for statement in schema.schema_statements(name):
                conn.execute(statement)
        rows = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid"
        )
        return tuple(
            (str(kind), str(name), str(table), str(sql))
            for kind, name, table, sql in rows
            if (kind, name) not in _MIGRATIONS_RECORD
        )
    finally:
        conn.close()


def write_schema_objects() -> Path:
    """Write `planner/storage/schema_objects.py` for this version's migrations (`make schema-objects`)."""
    path = Path(__file__).with_name("schema_objects.py")
    path.write_text(_schema_objects_source(), encoding="utf-8")
    return path


def _schema_objects_source() -> str:
    objects = "".join(f"    {item!r},\n" for item in replayed(schema.KNOWN_MIGRATIONS))
    return (
        '"""What this version\'s migrations make, as `schema_check.replayed` lists it: (type, name,\n'
        "table, SQL) in the order they make them.\n\n"
        "Written by `make schema-objects`; do not edit. Run it again after adding a migration (a test\n"
        "fails until then, and `made_by` replays the migrations instead of using this list).\n"
        '"""\n\n'
        "# ruff: noqa: E501\n\n"
        f"MIGRATIONS: tuple[str, ...] = {schema.KNOWN_MIGRATIONS!r}\n\n"
        f"OBJECTS: tuple[tuple[str, str, str, str], ...] = (\n{objects})\n"
    )


def expected_objects(applied: tuple[str, ...]) -> dict[Key, tuple[str, str]]:
    """What the migrations `applied` make: (type, name) -> (table, SQL with its spaces normalised)."""
    return {(kind, name): (table, _normal(sql)) for kind, name, table, sql in made_by(applied)}


def our_tables(applied: tuple[str, ...]) -> list[str]:
    """The tables of rows the migrations `applied` make, in the order they make them.

    The search index's tables are left out: SQLite fills them, through the triggers, from
    the rows of the others.
    """
    return [
        name
        for kind, name, _table, _sql in made_by(applied)
        if kind == "table" and name not in schema.INDEX_TABLES
    ]


def _normal(sql: str) -> str:
    # SQLite keeps the statement as written, apart from some spaces.
    return " ".join(str(sql).split())


def inspect(conn: sqlite3.Connection, applied: tuple[str, ...]) -> SchemaReport:
    """Compare the database's schema with what the migrations `applied` make (reads sqlite_master only)."""
    expected = expected_objects(applied)
    seen: set[Key] = set()
    foreign: list[SchemaObject] = []
    changed: list[SchemaObject] = []
    for kind, name, table, sql in conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"):
        item = SchemaObject(str(kind), str(name), str(table))
        key = (item.kind, item.name)
        if key in _MIGRATIONS_RECORD or (item.kind == "table" and item.name in _SQLITE_TABLES):
            continue
        if item.kind == "index" and sql is None and item.name.startswith("sqlite_autoindex_"):
            continue  # made by SQLite for a UNIQUE or PRIMARY KEY of its table, and goes with it
        if key in expected:
            seen.add(key)
            if sql is None or expected[key] != (item.table, _normal(sql)):
                changed.append(item)
        elif item.kind not in _KINDS or item.name.lower().startswith("sqlite_"):
            # Names SQLite keeps for itself, or kinds it does not make: only an edit of the
            # schema table itself writes those.
            changed.append(item)
        else:
            foreign.append(item)
    for kind, name in expected:
        if (kind, name) not in seen:
            changed.append(SchemaObject(kind, name, expected[kind, name][0]))
    return SchemaReport(tuple(foreign), tuple(changed))


def has_foreign(conn: sqlite3.Connection) -> bool:
    """Whether the database holds objects its migrations did not make (changed ones included)."""
    applied = tuple(applied_migrations(conn))
    if any(name not in schema.KNOWN_MIGRATIONS for name in applied):
        return False  # a newer plan: its objects are not ours to judge
    report = inspect(conn, applied)
    return bool(report.foreign or report.changed)


def copy_plan(source: sqlite3.Connection, dest: sqlite3.Connection) -> None:
    """Copy the plan `source` into the empty database `dest`, leaving out anything foreign.

    A plan of only our schema is copied page by page (SQLite's backup API). Otherwise `dest`
    gets the schema the same migrations make (`made_by`) and every row of our tables: no
    trigger, view, index or table of anyone else, and no change to ours.
    """
    if not has_foreign(source):
        source.backup(dest)
        return
    applied = tuple(applied_migrations(source))
    (app_id,) = source.execute("PRAGMA application_id").fetchone()
    (user_version,) = source.execute("PRAGMA user_version").fetchone()
    dest.execute("BEGIN")
    try:
        for kind, name, _table, sql in made_by(applied):
            if kind == "table" and name in schema.SEARCH_SHADOW_TABLES:
                continue  # the search index's own tables: its CREATE VIRTUAL TABLE made them
            dest.execute(sql)
        if applied:
            for statement in _MIGRATIONS_RECORD_SQL:
                dest.execute(statement)
        # The search index is not copied: its triggers index the rows as they are copied.
        for table in [*our_tables(applied), *([MIGRATIONS_TABLE] if applied else [])]:
            _copy_rows(source, dest, table)
        if schema.SEARCH_QUEUE in {name for _kind, name, _table, _sql in made_by(applied)}:
            for statement in schema.FLUSH_SEARCH_QUEUE:  # what the triggers queued while copying
                dest.execute(statement)
        dest.execute(f"PRAGMA application_id = {int(app_id)}")
        dest.execute(f"PRAGMA user_version = {int(user_version)}")
        dest.execute("COMMIT")
    except BaseException:
        dest.execute("ROLLBACK")
        raise


def _quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _copy_rows(source: sqlite3.Connection, dest: sqlite3.Connection, table: str) -> None:
    wanted = [r[1] for r in dest.execute(f"PRAGMA table_info({_quote(table)})")]
    present = {r[1] for r in source.execute(f"PRAGMA table_info({_quote(table)})")}
    columns = [c for c in wanted if c in present]
    if not columns:
        return
    names = ",".join(_quote(c) for c in columns)
    marks = ",".join("?" * len(columns))
    rows = source.execute(f"SELECT {names} FROM {_quote(table)}")
    dest.executemany(f"INSERT INTO {_quote(table)} ({names}) VALUES ({marks})", rows)


def _shown(name: str) -> str:
    # One line, not too long: the name comes from the file.
    text = " ".join("".join(c if c.isprintable() else " " for c in name).split())
    return text if len(text) <= _NAME_LENGTH else text[: _NAME_LENGTH - 1] + "…"


def describe(objects: tuple[SchemaObject, ...]) -> str:
    """The objects in words, for a message: `trigger “wipe” on “opportunity”, view “v”` ..."""
    words = []
    for item in objects[:_NAMED]:
        name, table = _shown(item.name), _shown(item.table)
        if item.kind == "trigger":
            words.append(
                translate("PlanFile", "trigger “{name}” on “{table}”").format(name=name, table=table)
            )
        elif item.kind == "index":
            words.append(translate("PlanFile", "index “{name}” on “{table}”").format(name=name, table=table))
        elif item.kind == "view":
            words.append(translate("PlanFile", "view “{name}”").format(name=name))
        elif item.kind == "table":
            words.append(translate("PlanFile", "table “{name}”").format(name=name))
        else:
            words.append(translate("PlanFile", "“{name}”").format(name=name))
    more = len(objects) - _NAMED
    if more > 0:
        words.append(translate("PlanFile", "{count} more").format(count=more))
    return ", ".join(words)


def foreign_reason(objects: tuple[SchemaObject, ...]) -> str:
    """Why a plan with foreign objects is open read-only, in words for the seller (one line)."""
    return translate(
        "PlanFile",
        "This plan file holds objects that Opportunity Planner did not make ({objects}); such "
        "objects can change or delete deals when the plan is edited. It is open read-only, so none "
        "of them runs. “Save a copy as…” makes a clean copy without them to work in.",
    ).format(objects=describe(objects))


def changed_problem(objects: tuple[SchemaObject, ...]) -> str:
    """What is wrong with a plan whose own tables or indexes were changed, for a damage message."""
    return translate("PlanFile", "its schema was changed outside Opportunity Planner: {objects}").format(
        objects=describe(objects)
    )
