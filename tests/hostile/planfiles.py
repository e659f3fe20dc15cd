"""Hostile plan files: objects our migrations did not make, a restore killed half-way, CRM text
that looks like a formula.

- `foreign-trigger.plan`: a plan of 40 deals with `AFTER UPDATE ON opportunity` deleting every
  other deal (the first edit deleted 39 of 40 deals, and backups copied the trigger).
- `foreign-view-and-table.plan`: a plan with a view and a table of someone else's.
- `interrupted-restore/`: what a kill between the renames of "restore a damaged plan" left: no
  `mine.plan`, the backup's whole copy `.mine.plan.restoring`, the damaged plan already moved
  into `mine.plan.backups/` and its -wal still beside the missing plan (the next start made an
  empty plan there, and the data sat in the hidden file).
- `crm-next-steps.csv`: a HubSpot export whose next steps start with "-", "+", "=" or "@"
  (the CRM-shaped CSV turned "- follow up with the CFO" into "'- follow up with the CFO").

Plans are written with 512-byte pages to stay small; SQLite reads them like any other.
"""

from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
import tempfile
from pathlib import Path

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.stages import open_stages
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan

TODAY = dt.date(2026, 11, 26)
DEALS = 40
TRIGGER = (
    "CREATE TRIGGER wipe AFTER UPDATE ON opportunity BEGIN DELETE FROM opportunity WHERE id <> NEW.id; END"
)
VIEW = "CREATE VIEW spy AS SELECT title, amount FROM opportunity"
TABLE = "CREATE TABLE exfil (what TEXT, sent TEXT)"
RESTORED_DEALS = 12
DAMAGED_DEALS = 30
# The next steps of crm-next-steps.csv and how the CRM-shaped CSV must write each back.
NEXT_STEPS: dict[str, str] = {
    "- follow up with the CFO": "- follow up with the CFO",
    "+Tom sends the quote": "+Tom sends the quote",
    "- call back after the board meeting (budget)": "- call back after the board meeting (budget)",
    "-2+3+cmd|' /C calc'!A0": "'-2+3+cmd|' /C calc'!A0",
    "-cmd|' /C calc'!A0": "'-cmd|' /C calc'!A0",
    "+SUM(1+1)": "'+SUM(1+1)",
    "-(1+1)": "'-(1+1)",
    "+49 30 1234": "'+49 30 1234",
    '=HYPERLINK("http://example.invalid","open")': '\'=HYPERLINK("http://example.invalid","open")',
    "@Legal: review": "'@Legal: review",
    "- see Sheet2!A1": "'- see Sheet2!A1",
}


def _plan(path: Path, deals: int, prefix: str) -> Path:
    """A closed plan of `deals` deals in its first stage, compacted to small pages."""
    plan = open_plan(path)
    try:
        stage = open_stages(stage_repo.list_stages(plan))[0].id
        with plan.atomic():
            for n in range(deals):
                draft = OpportunityDraft(f"{prefix} {n + 1:02d}", None, stage, amount=1000.0 * (n + 1))
                ops.create_opportunity(plan, draft, TODAY)
    finally:
        plan.close()
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
        conn.execute("PRAGMA page_size = 512")
        conn.execute("VACUUM")
    finally:
        conn.close()
    return path


def _add(path: Path, *statements: str) -> Path:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for statement in statements:
            conn.execute(statement)
    finally:
        conn.close()
    return path


def _damage(path: Path) -> None:
    """Overwrite a leaf page in the middle of the deals with garbage."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = 'opportunity' AND pagetype = 'leaf' ORDER BY pageno"
            )
        ]
        size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    victim = int(pages[len(pages) // 2])
    data = bytearray(path.read_bytes())
    data[(victim - 1) * size : victim * size] = b"\xff" * size
    path.write_bytes(bytes(data))


def _wal_of_last_edit(path: Path) -> bytes:
    """The -wal file a plan open in WAL mode has after one more edit (read before it is folded back)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA wal_autocheckpoint = 0")
        conn.execute("UPDATE opportunity SET next_step = 'edited last' WHERE id = 1")
        wal = path.with_name(path.name + "-wal").read_bytes()
        conn.execute("PRAGMA journal_mode = DELETE")  # folds it back, so `path` is one file again
    finally:
        conn.close()
    return wal


def make_interrupted_restore(folder: Path) -> list[Path]:
    """The files a restore killed after moving the damaged plan aside leaves in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    backups = folder / "mine.plan.backups"
    backups.mkdir(exist_ok=True)
    good = _plan(backups / "2026-11-25_093000-auto.plan", RESTORED_DEALS, "Restored deal")
    staged = folder / ".mine.plan.restoring"
    shutil.copyfile(good, staged)
    with tempfile.TemporaryDirectory() as scratch:
        damaged = _plan(Path(scratch) / "mine.plan", DAMAGED_DEALS, "Damaged deal")
        wal = _wal_of_last_edit(damaged)
        _damage(damaged)
        aside = backups / "2026-11-26_093000-damaged.plan"
        shutil.copyfile(damaged, aside)
    left_wal = folder / "mine.plan-wal"
    left_wal.write_bytes(wal)
    return [staged, aside, left_wal, good]


def make(folder: Path) -> list[Path]:
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        trigger = _add(_plan(Path(scratch) / "t.plan", DEALS, "Deal"), TRIGGER)
        written.append(Path(shutil.copyfile(trigger, folder / "foreign-trigger.plan")))
        view = _add(_plan(Path(scratch) / "v.plan", DEALS, "Deal"), VIEW, TABLE)
        written.append(Path(shutil.copyfile(view, folder / "foreign-view-and-table.plan")))
    restoring = folder / "interrupted-restore"
    if restoring.exists():
        shutil.rmtree(restoring)
    written += make_interrupted_restore(restoring)
    csv = folder / "crm-next-steps.csv"
    lines = ["Record ID,Deal Name,Deal Stage,Close Date,Amount,Next step"]
    for n, step in enumerate(NEXT_STEPS):
        quoted = '"' + step.replace('"', '""') + '"'
        lines.append(f"{9101 + n},Deal {n + 1},Appointment Scheduled,12/15/2026,1000,{quoted}")
    csv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    written.append(csv)
    return written
