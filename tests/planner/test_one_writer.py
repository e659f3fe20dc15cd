"""One writer: a second process opens a plan read-only and cannot overwrite the first one's edits."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import (
    ASKED_READ_ONLY,
    FILE_READ_ONLY,
    FOLDER_READ_ONLY,
    OPEN_ELSEWHERE,
    PlanError,
    PlanReadOnlyError,
    open_plan,
)
from planner.storage.lock import held_here, identity_folder, identity_lock_path, lock_path
from tests.planner.plan_files import TODAY, Holder, make_demo
from tests.planner.test_open_plan import as_plain_user, fingerprint


def titles(path: Path) -> set[str]:
    plan = open_plan(path, read_only=True)
    try:
        return {o.title for o in opportunity_repo.list_opportunities(plan)}
    finally:
        plan.close()


@pytest.mark.slow
def test_a_second_process_opens_read_only_and_sees_the_first_ones_edits(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    with Holder(path) as first:
        assert not first.read_only
        assert stat.S_IMODE(lock_path(path).stat().st_mode) == 0o600
        plan = open_plan(path)
        try:
            assert plan.read_only
            assert plan.read_only_reason == OPEN_ELSEWHERE
            stage = plan.query("SELECT id FROM stage ORDER BY position LIMIT 1")[0][0]
            with pytest.raises(PlanReadOnlyError, match="open in another window"):
                ops.create_opportunity(plan, OpportunityDraft("From the second", None, stage), TODAY)
            assert first.ask("create From the first").startswith("created ")
            # Read-only, not stale: the first process's commit is visible at once.
            names = {o.title for o in opportunity_repo.list_opportunities(plan)}
            assert "From the first" in names
            assert "From the second" not in names
        finally:
            plan.close()
        first.close()
    assert not lock_path(path).exists()
    plan = open_plan(path)
    try:
        assert not plan.read_only
    finally:
        plan.close()


@pytest.mark.slow
def test_two_processes_never_overwrite_each_others_edits(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        stage = plan.query("SELECT id FROM stage ORDER BY position LIMIT 1")[0][0]
        with Holder(path) as second:
            assert second.read_only
            answer = second.ask("create Written by the second")
            assert answer == f"refused {OPEN_ELSEWHERE}"
            ops.create_opportunity(plan, OpportunityDraft("Written by the first", None, stage), TODAY)
            second.close()
    finally:
        plan.close()
    assert {"Written by the first"} <= titles(path)
    assert "Written by the second" not in titles(path)


@pytest.mark.slow
def test_two_plans_open_in_one_process_share_the_writer_lock(tmp_path: Path) -> None:
    # The window manager opens the new window's plan before it closes the old one.
    path = make_demo(tmp_path / "mine.plan")
    old = open_plan(path)
    new = open_plan(path)
    assert not old.read_only
    assert not new.read_only
    old.close()
    with Holder(path) as other:
        assert other.read_only  # `new` still holds the lock
        other.close()
    stage = new.query("SELECT id FROM stage ORDER BY position LIMIT 1")[0][0]
    ops.create_opportunity(new, OpportunityDraft("Still writable", None, stage), TODAY)
    new.close()
    new.close()  # closing twice is harmless
    assert not lock_path(path).exists()
    with Holder(path) as other:
        assert not other.read_only
        other.close()


@pytest.mark.slow
def test_a_killed_writer_frees_the_plan(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    with Holder(path) as first:
        assert first.ask("create Before the crash").startswith("created ")
        first.process.send_signal(signal.SIGKILL)
        first.process.wait(timeout=30)
    assert lock_path(path).exists()  # left behind, but nobody holds it
    plan = open_plan(path)
    try:
        assert not plan.read_only
        assert "Before the crash" in {o.title for o in opportunity_repo.list_opportunities(plan)}
    finally:
        plan.close()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.plan"]


def test_a_plan_opened_read_only_on_request_writes_nothing(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    before = fingerprint(path)
    plan = open_plan(path, read_only=True)
    try:
        assert plan.read_only_reason == ASKED_READ_ONLY
        with pytest.raises(PlanReadOnlyError), plan.atomic():
            pass
    finally:
        plan.close()
    assert fingerprint(path) == before
    with pytest.raises(PlanError, match="No plan at"):
        open_plan(tmp_path / "missing.plan", read_only=True)


OPEN_READ_ONLY_FILE = """
import sys
from pathlib import Path
from planner.storage.db import PlanReadOnlyError, open_plan
plan = open_plan(Path(sys.argv[1]))
print(plan.read_only_reason)
try:
    with plan.atomic():
        plan.execute("DELETE FROM opportunity")
except PlanReadOnlyError:
    print("refused")
print(plan.query("SELECT COUNT(*) FROM opportunity")[0][0])
plan.close()
"""


@pytest.mark.parametrize("what", ["file", "folder"])
@pytest.mark.slow
def test_a_read_only_file_or_folder_opens_read_only_and_untouched(tmp_path: Path, what: str) -> None:
    preexec = as_plain_user()  # as root, file modes would not apply
    folder = tmp_path / "plans"
    folder.mkdir()
    path = make_demo(folder / "mine.plan")
    locked = path if what == "file" else folder
    locked.chmod(0o400 if what == "file" else 0o500)
    before = fingerprint(path)
    try:
        result = subprocess.run(
            [sys.executable, "-c", OPEN_READ_ONLY_FILE, str(path)],
            preexec_fn=preexec,
            capture_output=True,
            text=True,
            check=False,
            timeout=60,
        )
    finally:
        locked.chmod(0o600 if what == "file" else 0o700)
    assert result.returncode == 0, result.stderr
    reason = FILE_READ_ONLY if what == "file" else FOLDER_READ_ONLY
    assert result.stdout.splitlines() == [reason, "refused", "40"]
    assert fingerprint(path)[:2] == before[:2]
    assert fingerprint(path)[3] == before[3]  # no lock, -wal or -shm file left


@pytest.mark.parametrize("first_by", ["plan", "link"])
@pytest.mark.slow
def test_a_hard_link_cannot_open_a_second_writer(tmp_path: Path, first_by: str) -> None:
    # Two names of one file: each used to get its own lock file and its own -wal, so both
    # processes wrote, and the edits of one were lost.
    path = make_demo(tmp_path / "mine.plan")
    other = tmp_path / "elsewhere"
    other.mkdir()
    link = other / "same.plan"
    os.link(path, link)
    first_path, second_path = (path, link) if first_by == "plan" else (link, path)
    with Holder(first_path) as first, Holder(second_path) as second:
        assert not first.read_only
        assert second.read_only
        acknowledged = []
        for n in range(20):
            answer = first.ask(f"create First {n}")
            assert answer.startswith("created "), answer
            acknowledged.append(f"First {n}")
            assert second.ask(f"create Second {n}") == f"refused {OPEN_ELSEWHERE}"
        first.close()
        second.close()
    assert set(acknowledged) <= titles(path)
    assert not any(t.startswith("Second") for t in titles(path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["elsewhere", "mine.plan"]
    assert sorted(p.name for p in other.iterdir()) == ["same.plan"]


def test_the_identity_lock_lives_in_a_private_folder_and_is_removed_on_close(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    plan = open_plan(path)
    try:
        held = identity_lock_path(path)
        assert held.exists()
        assert held.parent == identity_folder()
        assert stat.S_IMODE(identity_folder().stat().st_mode) == 0o700
        assert held_here(path)
        os.link(path, tmp_path / "link.plan")
        assert held_here(tmp_path / "link.plan")  # the same file: a restore must not replace it
    finally:
        plan.close()
    assert not held.exists()
    assert not held_here(tmp_path / "link.plan")
