"""A large plan opened for the window is checked by SQLite after it is shown: nothing is written before."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from planner.storage import db
from planner.storage.db import PlanDamagedError, PlanReadOnlyError, open_plan
from tests.planner.plan_files import damage_table, make_many
from tests.planner.test_open_plan import fingerprint

DEALS = 200


@pytest.fixture(autouse=True)
def every_plan_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test plans count as large: their check is left for later."""
    monkeypatch.setattr(db, "CHECK_LATER_BYTES", 0)


@pytest.fixture
def damaged(tmp_path: Path) -> Path:
    path = make_many(tmp_path / "mine.plan", DEALS)
    damage_table(path, "opportunity")
    return path


def test_damage_found_later_refuses_every_write_and_leaves_the_file_as_it_was(damaged: Path) -> None:
    before = fingerprint(damaged)
    plan = open_plan(damaged, check_later=True)  # opened: the check has not run yet
    assert plan.check_pending
    with pytest.raises(PlanReadOnlyError) as refused, plan.atomic():
        plan.execute("UPDATE opportunity SET title = 'x' WHERE id = 1")
    message = str(refused.value)
    assert message.startswith(f"{damaged} is damaged (")
    assert message.endswith("Nothing was written to it.")
    assert isinstance(plan.damage, PlanDamagedError)
    assert plan.read_only_reason == message
    assert plan.read_only
    plan.close()
    assert fingerprint(damaged) == before
    # Without `check_later` (the command line, imports...), it is refused at the opening as ever.
    with pytest.raises(PlanDamagedError):
        open_plan(damaged)


def test_a_write_waits_for_the_check_then_is_written(tmp_path: Path) -> None:
    path = make_many(tmp_path / "mine.plan", DEALS)
    plan = open_plan(path, check_later=True)
    done = threading.Event()
    plan.start_check(done.set)
    with plan.atomic():  # may come before the result: it waits for it
        plan.execute("UPDATE opportunity SET title = 'Checked first' WHERE id = 1")
    assert done.is_set()
    assert not plan.check_pending
    assert plan.damage is None
    assert not plan.read_only
    plan.close()
    again = open_plan(path)
    assert again.query("SELECT title FROM opportunity WHERE id = 1") == [("Checked first",)]
    again.close()


def test_the_check_result_arrives_from_its_thread(damaged: Path) -> None:
    plan = open_plan(damaged, check_later=True)
    done = threading.Event()
    plan.start_check(done.set)
    assert done.wait(10)
    damage = plan.wait_check()
    assert damage is not None
    assert damage.path == damaged
    assert plan.read_only_reason == str(damage)
    plan.close()


def test_only_a_large_plan_closed_cleanly_is_checked_later(
    tmp_path: Path, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(db, "CHECK_LATER_BYTES", damaged.stat().st_size + 1)
    with pytest.raises(PlanDamagedError):  # small: checked first
        open_plan(damaged, check_later=True)
    monkeypatch.setattr(db, "CHECK_LATER_BYTES", 0)
    # A crash's -wal beside it: closing a writing connection would fold it in. Checked first.
    wal = damaged.with_name(damaged.name + "-wal")
    wal.write_bytes(b"")
    before = damaged.read_bytes()
    with pytest.raises(PlanDamagedError):
        open_plan(damaged, check_later=True)
    assert damaged.read_bytes() == before
    assert wal.read_bytes() == b""
