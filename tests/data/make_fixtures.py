"""Write tests/data/plan-NNNN.plan and .json: the demo plan made by the newest schema, and its rows.

Run it once when a migration ships, from the repository root, and commit both files:

    .venv/bin/python tests/data/make_fixtures.py

NNNN is the number of the newest migration. A fixture stands for the plans sellers already
have from that version, so one that exists is never rewritten (a newer planner would write a
newer schema into it); the script refuses unless given --force, for a fixture not yet shipped.
tests/planner/test_upgrades.py opens every fixture with the current planner and compares the
migrated plan with the rows in the .json file.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import sqlite3
import sys
import tempfile
from pathlib import Path

from planner.demo import populate_demo
from planner.storage.db import open_plan
from planner.storage.migrations import KNOWN_MIGRATIONS

HERE = Path(__file__).resolve().parent
# The demo is dated relative to a day: a fixed one, so the rows do not depend on when it ran.
FIXED_DATE = dt.date(2026, 11, 26)


def fixture_stem(migration: str) -> str:
    """plan-0001 for 0001_initial_schema."""
    return "plan-" + migration.split("_", 1)[0]


def dump(path: Path) -> dict[str, dict[str, list[object]]]:
    """Every table's columns and rows, in rowid order."""
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        result: dict[str, dict[str, list[object]]] = {}
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'"
            )
        ]
        for table in sorted(tables):
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
            result[table] = {
                "columns": [d[0] for d in cursor.description],
                "rows": [list(row) for row in cursor.fetchall()],
            }
        return result
    finally:
        conn.close()


def make(target: Path) -> None:
    """The demo plan at FIXED_DATE, compacted into one self-contained file at `target`."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fixture.plan"
        plan = open_plan(path)
        try:
            populate_demo(plan, FIXED_DATE)
        finally:
            plan.close()
        conn = sqlite3.connect(path, isolation_level=None)
        conn.execute("VACUUM")
        conn.close()  # still in WAL mode, like every plan; closing folds the -wal file in
        shutil.copyfile(path, target)
    target.chmod(0o644)  # a test fixture in the repository, not a seller's plan


def main(argv: list[str]) -> int:
    stem = fixture_stem(KNOWN_MIGRATIONS[-1])
    plan_file, rows_file = HERE / f"{stem}.plan", HERE / f"{stem}.json"
    if (plan_file.exists() or rows_file.exists()) and "--force" not in argv:
        print(f"{plan_file.name} exists: fixtures of shipped schemas are never rewritten.", file=sys.stderr)
        return 1
    make(plan_file)
    rows_file.write_text(json.dumps(dump(plan_file), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {plan_file.relative_to(HERE.parent.parent)} and {rows_file.name}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
