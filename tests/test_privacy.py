"""Privacy: every file the planner writes is its owner's only, and it never opens a network connection."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.storage import backup as backups
from planner.storage.db import open_plan
from planner.storage.lock import lock_path
from planner.storage.salvage import salvage
from tests.planner.plan_files import NOW, damage_table, make_many


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that would make every new file world-readable: the planner must not rely on it."""
    old = os.umask(0)
    yield
    os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.usefixtures("open_umask")
def test_plans_backups_and_lock_files_are_created_for_their_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "mine.plan"
    plan = open_plan(path)
    try:
        with plan.atomic():
            plan.execute("INSERT INTO settings (key, value) VALUES ('seller', '\"Sam\"')")
        side = [path, lock_path(path), tmp_path / "mine.plan-wal", tmp_path / "mine.plan-shm"]
        assert {p.name: mode(p) for p in side} == {p.name: 0o600 for p in side}
        taken = backups.take_backup(plan, NOW)
        copy = tmp_path / "copy.plan"
        backups.save_copy(plan, copy)
    finally:
        plan.close()
    assert mode(backups.backup_dir(path)) == 0o700
    assert mode(taken.path) == 0o600
    assert mode(copy) == 0o600
    # A backup put back in place of a damaged plan, and a salvaged plan.
    big = make_many(tmp_path / "big.plan", 100)
    plan = open_plan(big)
    good = backups.take_backup(plan, NOW)
    plan.close()
    shutil.copy(big, tmp_path / "damaged.plan")
    damage_table(tmp_path / "damaged.plan", "opportunity")
    report = salvage(tmp_path / "damaged.plan", tmp_path / "recovered.plan")
    assert mode(report.dest) == 0o600
    backups.restore_file(tmp_path / "damaged.plan", good.path, NOW + dt.timedelta(hours=1))
    assert mode(tmp_path / "damaged.plan") == 0o600
    assert mode(backups.backup_dir(tmp_path / "damaged.plan")) == 0o700


# Python-level events of every way the standard library reaches the network.
_NETWORK_EVENTS = (
    "socket.",
    "urllib.",
    "http.",
    "ftplib.",
    "smtplib.",
    "imaplib.",
    "poplib.",
    "nntplib.",
    "telnetlib.",
    "webbrowser.",
    "ssl.",
)

SESSION = f"""
import json, os, sys
events = []
sys.addaudithook(lambda event, args: events.append(event) if event.startswith({_NETWORK_EVENTS!r}) else None)

from pathlib import Path
from ui.app import main

# Start and close the app the way `planner` does, on the demo plan.
os.environ["PLANNER_QUIT_AFTER_START"] = "1"
assert main([]) == 0

# A working session: edits, undo and redo, the automatic backups, closing.
from PySide6.QtWidgets import QApplication
from planner.model import AccountDraft, OpportunityDraft
from planner.operations import MoveDetails
from planner.paths import DEMO_FILE, data_dir
from ui.app import open_or_create
from ui.windows import WindowManager

app = QApplication.instance()
manager = WindowManager(data_dir())
window = manager.show_plan(open_or_create(data_dir() / DEMO_FILE, demo=True))
app.processEvents()
first, second = window.controller.columns[:2]
deal = window.deals.create_opportunity(OpportunityDraft("Private deal", None, first.id))
window.deals.move_opportunity(deal, second, MoveDetails(commitment="Agreed a pilot"))
window.account_actions.create_account(AccountDraft("Private account"))
window.undo_stack.undo()
window.undo_stack.redo()
app.processEvents()
deals = window.plan.query("SELECT COUNT(*) FROM opportunity")[0][0]
window.close()
window.plan.close()
print(json.dumps({{"events": events, "deals": deals}}))
"""


@pytest.mark.slow
def test_the_app_makes_no_network_connection(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(QT_QPA_PLATFORM="offscreen", PLANNER_DATA_DIR=str(tmp_path / "data"))
    command = [sys.executable, "-c", SESSION]
    strace = shutil.which("strace")
    trace = tmp_path / "syscalls.txt"
    if strace:
        # Also what Qt's C++ code does, below Python's audit hooks: every socket it opens.
        syscalls = "trace=socket,connect,sendto,sendmsg"
        command = [strace, "-f", "-qq", "-e", syscalls, "-o", str(trace), *command]
    result = subprocess.run(command, env=env, capture_output=True, text=True, check=False, timeout=120)
    assert result.returncode == 0, result.stderr
    seen = json.loads(result.stdout.splitlines()[-1])
    assert seen == {"events": [], "deals": 41}  # the session did edit, and reached nothing
    assert backups.list_backups(tmp_path / "data" / "demo.plan")  # and took its backup
    if strace:
        calls = trace.read_text().splitlines()
        assert [c for c in calls if "AF_INET" in c] == []
