"""Real plan files for the data-safety tests: demo plans, whole-file dumps, damaged pages."""

from __future__ import annotations

import datetime as dt
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

from planner import operations as ops
from planner.demo import populate_demo
from planner.model import OpportunityDraft
from planner.stages import open_stages
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan

TODAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 9, 30)


def make_demo(path: Path) -> Path:
    """The demo plan (40 deals) in a closed file at `path`."""
    plan = open_plan(path)
    try:
        populate_demo(plan, TODAY)
    finally:
        plan.close()
    return path


def make_many(path: Path, deals: int) -> Path:
    """A plan with `deals` deals whose titles fill pages (deal-000 xxx…), closed."""
    plan = open_plan(path)
    try:
        stage = open_stages(stage_repo.list_stages(plan))[0].id
        with plan.atomic():
            for n in range(deals):
                draft = OpportunityDraft(f"deal-{n:03d} " + "x" * 200, None, stage, amount=float(n))
                ops.create_opportunity(plan, draft, TODAY)
    finally:
        plan.close()
    return path


def read_only(path: Path) -> sqlite3.Connection:
    """A connection that cannot write and leaves no side file (the file must be closed)."""
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True)


def dump_file(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table of a closed plan file, in rowid order."""
    conn = read_only(path)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'search_index%'"
            )
        ]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in sorted(tables)}
    finally:
        conn.close()


def count_deals(path: Path) -> int:
    conn = read_only(path)
    try:
        return int(conn.execute("SELECT COUNT(*) FROM opportunity").fetchone()[0])
    finally:
        conn.close()


def damage_table(path: Path, table: str) -> int:
    """Overwrite one leaf page in the middle of `table` with garbage; returns the page number."""
    conn = read_only(path)
    try:
        pages = [
            r[0]
            for r in conn.execute(
                "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno", [table]
            )
        ]
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    finally:
        conn.close()
    assert len(pages) >= 3, f"{table} is too small to damage one page of it"
    victim = int(pages[len(pages) // 2])
    data = bytearray(path.read_bytes())
    start = (victim - 1) * page_size
    data[start : start + page_size] = b"\xff" * page_size
    path.write_bytes(bytes(data))
    return victim


def damaged_after_a_backup(path: Path, deals: int = 200) -> Path:
    """A plan of `deals` deals with a backup taken at NOW, then one page of its deals lost."""
    from planner.storage import backup as backups

    make_many(path, deals)
    plan = open_plan(path)
    backups.take_backup(plan, NOW)
    plan.close()
    damage_table(path, "opportunity")
    return path


HOLDER = Path(__file__).with_name("holder_child.py")


class Holder:
    """Another planner process with a plan open (tests/planner/holder_child.py)."""

    def __init__(self, path: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(HOLDER), str(path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.opened = self._read()
        assert self.opened.startswith("open "), self.opened

    @property
    def read_only(self) -> bool:
        return self.opened == "open read_only=True"

    def _read(self) -> str:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            assert self.process.stderr is not None
            raise AssertionError(f"the other process ended: {self.process.stderr.read()}")
        return line.strip()

    def ask(self, line: str) -> str:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()
        return self._read()

    def close(self) -> None:
        if self.process.poll() is None:
            assert self.ask("quit") == "closed"
        self.process.communicate(timeout=30)

    def __enter__(self) -> Holder:
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
        self.process.communicate(timeout=30)
