"""Upgrades: a plan of every shipped schema opens with its data intact; an upgrade is backed up first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from planner.storage import backup as backups
from planner.storage import migrations
from planner.storage.backup import Kind
from planner.storage.db import PlanError, PlanReadOnlyError, open_plan
from tests.planner.plan_files import dump_file, read_only

DATA = Path(__file__).resolve().parent.parent / "data"
FIXTURES = sorted(DATA.glob("plan-*.plan"))
LATER = "9000_test_later_schema"


def expected_rows(fixture: Path) -> dict[str, Any]:
    return dict(json.loads(fixture.with_suffix(".json").read_text()))


def copy_of(fixture: Path, folder: Path) -> Path:
    # Never opened in place: opening would leave a lock file and backups in tests/data.
    path = folder / "seller.plan"
    shutil.copyfile(fixture, path)
    path.chmod(0o600)
    return path


def applied(path: Path) -> list[str]:
    conn = read_only(path)
    try:
        return [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY rowid")]
    finally:
        conn.close()


def assert_intact(path: Path, expected: dict[str, Any]) -> None:
    """Every row the fixture had is there, column for column, first in its table (new columns may
    be added, and new rows after the old ones: a migration may add a setting)."""
    conn = read_only(path)
    try:
        for table, content in expected.items():
            if table == "_sqlite_migrations":
                continue
            columns = ",".join(content["columns"])
            rows = conn.execute(f"SELECT {columns} FROM {table} ORDER BY rowid").fetchall()
            assert [list(r) for r in rows[: len(content["rows"])]] == content["rows"], table
    finally:
        conn.close()


def test_every_shipped_schema_has_a_fixture() -> None:
    # A new migration needs `python tests/data/make_fixtures.py` (then commit the two files).
    shipped = {name.split("_", 1)[0] for name in migrations.KNOWN_MIGRATIONS}
    assert {p.stem.removeprefix("plan-") for p in FIXTURES} == shipped
    assert all(p.with_suffix(".json").is_file() for p in FIXTURES)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_a_plan_of_every_shipped_schema_opens_with_its_data_intact(tmp_path: Path, fixture: Path) -> None:
    path = copy_of(fixture, tmp_path)
    expected = expected_rows(fixture)
    old = applied(path)
    assert expected["opportunity"]["rows"], "an empty fixture would prove nothing"
    plan = open_plan(path)
    try:
        assert [r[0] for r in plan.query("SELECT name FROM _sqlite_migrations ORDER BY rowid")] == list(
            migrations.KNOWN_MIGRATIONS
        )
        assert plan.query("PRAGMA integrity_check") == [("ok",)]
    finally:
        plan.close()
    assert_intact(path, expected)
    upgrades = [b for b in backups.list_backups(path) if b.kind is Kind.UPGRADE]
    if tuple(old) == migrations.KNOWN_MIGRATIONS:
        assert upgrades == []  # nothing to upgrade: no backup, no write
    else:
        assert len(upgrades) == 1
        assert applied(upgrades[0].path) == old


@pytest.fixture
def later_schema(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """This version plus one more migration (a new column, filled in); yields the calls to it."""
    calls: list[str] = []
    build = migrations.build_migrations

    def build_later() -> Any:
        later = build()

        @later(name=LATER)
        def add_column(db: Any) -> None:
            calls.append(LATER)
            db.execute("ALTER TABLE opportunity ADD COLUMN later TEXT NOT NULL DEFAULT 'migrated'")

        return later

    monkeypatch.setattr(migrations, "KNOWN_MIGRATIONS", (*migrations.KNOWN_MIGRATIONS, LATER))
    monkeypatch.setattr(migrations, "build_migrations", build_later)
    # What it makes, as every migration says (the schema a plan of that version must have).
    monkeypatch.setitem(
        migrations.SCHEMA_SQL,
        LATER,
        "ALTER TABLE opportunity ADD COLUMN later TEXT NOT NULL DEFAULT 'migrated'",
    )
    return calls


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: p.name)
def test_an_older_plan_is_backed_up_then_migrated(
    tmp_path: Path, fixture: Path, later_schema: list[str]
) -> None:
    path = copy_of(fixture, tmp_path)
    before = dump_file(path)
    plan = open_plan(path)
    try:
        assert later_schema == [LATER]
        assert plan.query("SELECT DISTINCT later FROM opportunity") == [("migrated",)]
    finally:
        plan.close()
    assert_intact(path, expected_rows(fixture))
    assert applied(path) == list(migrations.KNOWN_MIGRATIONS)
    (taken,) = backups.list_backups(path)
    assert taken.kind is Kind.UPGRADE
    assert dump_file(taken.path) == before  # the plan exactly as it was before the upgrade
    # Upgraded once: the next open neither migrates nor backs up.
    open_plan(path).close()
    assert later_schema == [LATER]
    assert len(backups.list_backups(path)) == 1


def test_a_failed_upgrade_leaves_the_plan_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = copy_of(FIXTURES[0], tmp_path)
    before = path.read_bytes()
    build = migrations.build_migrations

    def build_failing() -> Any:
        later = build()

        @later(name=LATER)
        def half_way(db: Any) -> None:
            db.execute("ALTER TABLE opportunity ADD COLUMN later TEXT")
            db.execute("INSERT INTO no_such_table VALUES (1)")

        return later

    monkeypatch.setattr(migrations, "KNOWN_MIGRATIONS", (*migrations.KNOWN_MIGRATIONS, LATER))
    monkeypatch.setattr(migrations, "build_migrations", build_failing)
    with pytest.raises(PlanError, match="no_such_table"):
        open_plan(path)
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seller.plan", "seller.plan.backups"]


def test_no_upgrade_without_a_backup(tmp_path: Path, later_schema: list[str]) -> None:
    path = copy_of(FIXTURES[0], tmp_path)
    before = path.read_bytes()
    backups.backup_dir(path).write_text("a file where the backups folder should be")
    with pytest.raises(PlanError, match="a backup could not be written first") as raised:
        open_plan(path)
    assert "Nothing was changed." in str(raised.value)
    assert later_schema == []
    assert path.read_bytes() == before


def test_a_read_only_older_plan_is_read_from_an_upgraded_copy_in_memory(
    tmp_path: Path, later_schema: list[str]
) -> None:
    path = copy_of(FIXTURES[0], tmp_path)
    before = path.read_bytes()
    plan = open_plan(path, read_only=True)
    try:
        assert later_schema == [LATER]  # in memory
        assert plan.read_only
        assert plan.query("SELECT DISTINCT later FROM opportunity") == [("migrated",)]
        assert [r[0] for r in plan.query("SELECT name FROM _sqlite_migrations ORDER BY rowid")] == list(
            migrations.KNOWN_MIGRATIONS
        )
        with pytest.raises(PlanReadOnlyError), plan.atomic():
            pass
    finally:
        plan.close()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seller.plan"]  # no backup, no side file
    assert_intact(path, expected_rows(FIXTURES[0]))


def test_the_fixture_is_a_plan_of_that_schema() -> None:
    for fixture in FIXTURES:
        number = fixture.stem.removeprefix("plan-")
        names = applied(fixture)
        assert names[-1].startswith(number + "_")
        conn = read_only(fixture)
        try:
            assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
