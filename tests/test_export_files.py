"""Export files: temporaries of killed exports are cleaned up, `--out` writes only regular files,
and the CRM-shaped CSV keeps the seller's text (guarding only what a spreadsheet could run)."""

from __future__ import annotations

import csv
import datetime as dt
import os
import signal
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from planner import operations as ops
from planner.exchange.files import neutralise_for_crm, remove_stale_temporaries
from planner.model import OpportunityDraft
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import open_plan
from tests.hostile import planfiles as hostile
from tests.hostile.make_corpus import CORPUS
from tests.planner.plan_files import make_demo
from tests.test_cli import one_line, run

# Writes an export the way the command does, and stops right before the temporary file is
# renamed into place (argv: the module and function, then the target): the parent kills it there.
WRITE_AND_STOP = """
import os, sys, time
from pathlib import Path
import importlib
os.replace = lambda *a: (os.write(1, b"writing\\n"), time.sleep(600))
module, function, target = sys.argv[1:4]
getattr(importlib.import_module(module), function)(Path(target), b"half of an export")
"""


def start_export(
    target: Path, writer: str = "planner.exchange.files:write_private"
) -> subprocess.Popen[bytes]:
    module, function = writer.split(":")
    child = subprocess.Popen(
        [sys.executable, "-c", WRITE_AND_STOP, module, function, str(target)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert child.stdout is not None
    assert child.stdout.readline() == b"writing\n", child.stderr.read() if child.stderr else ""
    return child


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def killed_export(target: Path, writer: str = "planner.exchange.files:write_private") -> str:
    """Kill an export to `target` right before its rename; the temporary file it left."""
    before = set(temporaries(target.parent))
    child = start_export(target, writer)
    child.send_signal(signal.SIGKILL)
    child.communicate(timeout=30)
    (left,) = set(temporaries(target.parent)) - before
    return left


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    """A plan whose HubSpot deals (crm-next-steps.csv) were all changed since their import."""
    result = run(tmp_path, "import", str(CORPUS / "planfiles" / "crm-next-steps.csv"), "--db", "p.plan")
    assert result.returncode == 0, result.stderr
    plan = open_plan(tmp_path / "p.plan")
    try:
        for deal in opportunity_repo.list_opportunities(plan):
            draft = OpportunityDraft(
                deal.title, deal.account_id, deal.stage_id, amount=deal.amount,
                close_date=dt.date(2027, 3, 31), next_step=deal.next_step,
            )  # fmt: skip
            ops.update_opportunity(plan, deal.id, draft, dt.date(2026, 11, 26))
    finally:
        plan.close()
    return tmp_path / "p.plan"


def crm_export(folder: Path, out: str) -> subprocess.CompletedProcess[str]:
    return run(folder, "export", "--format", "crm-csv", "--source", "hubspot", "--db", "p.plan", "--out", out)


@pytest.mark.slow
def test_the_crm_csv_keeps_a_leading_dash_and_guards_what_could_run(tmp_path: Path, exported: Path) -> None:
    result = crm_export(tmp_path, "back.csv")
    assert result.returncode == 0, result.stderr
    with (tmp_path / "back.csv").open(newline="", encoding="utf-8") as handle:
        written = {row[0]: row[-1] for row in list(csv.reader(handle))[1:]}
    expected = {str(9101 + n): back for n, back in enumerate(hostile.NEXT_STEPS.values())}
    assert written == expected


@pytest.mark.parametrize(
    ("cell", "written"),
    [
        ("- follow up with the CFO", "- follow up with the CFO"),
        ("-follow up", "-follow up"),
        ("+Tom", "+Tom"),
        ("-", "'-"),
        ("- ", "- "),
        ("-1", "'-1"),
        ("+(1)", "'+(1)"),
        ("--1", "'--1"),
        ('-A1+HYPERLINK("x")', '\'-A1+HYPERLINK("x")'),
        ("-x|calc", "'-x|calc"),
        ("- 'C:\\[book.xlsx]Sheet'!A1", "'- 'C:\\[book.xlsx]Sheet'!A1"),
        ("=1+1", "'=1+1"),
        ("@SUM(1)", "'@SUM(1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("plain", "plain"),
        ("", ""),
    ],
)
def test_the_crm_guard_decides_precisely(cell: str, written: str) -> None:
    assert neutralise_for_crm(cell) == written


@pytest.mark.slow
def test_a_killed_exports_temporary_file_is_removed_by_the_next_export(
    tmp_path: Path, exported: Path
) -> None:
    left = killed_export(tmp_path / "back.csv")
    assert left.startswith(".back.csv.")
    killed_export(tmp_path / "pack.json", "planner.exchange.pack_files:write_bytes_atomic")
    result = crm_export(tmp_path, "back.csv")
    assert result.returncode == 0, result.stderr
    assert temporaries(tmp_path) == []  # the pack writer's too: the same kind of file
    killed_export(tmp_path / "back.csv")
    pack = run(tmp_path, "export", "--format", "json", "--db", "p.plan", "--out", "pack.json")
    assert pack.returncode == 0, pack.stderr
    assert temporaries(tmp_path) == []


@pytest.mark.slow
def test_an_export_being_written_is_not_taken_for_a_killed_one(tmp_path: Path) -> None:
    child = start_export(tmp_path / "slow.csv")
    try:
        (writing,) = temporaries(tmp_path)
        mine = tmp_path / ".mine.csv.abcdefgh.tmp"  # a killed export's, named the same way
        mine.write_bytes(b"left")
        other = tmp_path / ".notes.tmp"  # not named as ours: never touched
        other.write_bytes(b"theirs")
        assert remove_stale_temporaries(tmp_path) == [mine]
        assert temporaries(tmp_path) == sorted([writing, ".notes.tmp"])
    finally:
        child.kill()
        child.communicate(timeout=30)


def make_fifo(path: Path) -> Path:
    os.mkfifo(path)
    return path


def make_folder(path: Path) -> Path:
    path.mkdir()
    return path


def make_device(path: Path) -> Path:
    if os.geteuid() != 0:
        pytest.skip("making a device node needs root")
    os.mknod(path, stat.S_IFCHR | 0o600, os.makedev(1, 3))  # what /dev/null is
    return path


@pytest.mark.parametrize(
    ("kind", "make", "said"),
    [
        ("fifo", make_fifo, "it is a named pipe (FIFO), not a regular file"),
        ("device", make_device, "it is a device, not a regular file"),
        ("folder", make_folder, "it is a folder, not a file"),
    ],
)
@pytest.mark.parametrize("fmt", ["crm-csv", "json"])
@pytest.mark.slow
def test_out_refuses_anything_but_a_regular_file_or_a_new_name(
    tmp_path: Path, exported: Path, kind: str, make: Callable[[Path], Path], said: str, fmt: str
) -> None:
    target = make(tmp_path / f"target-{kind}")
    mode = target.lstat().st_mode
    args = ["--source", "hubspot"] if fmt == "crm-csv" else []
    result = run(tmp_path, "export", "--format", fmt, *args, "--db", "p.plan", "--out", str(target))
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith(f"planner: Cannot write {target}: {said}.")
    assert "Traceback" not in result.stderr
    assert target.lstat().st_mode == mode  # still what it was, not replaced by a file
    assert temporaries(tmp_path) == []


@pytest.mark.slow
def test_out_still_replaces_a_regular_file_and_writes_a_new_one(tmp_path: Path) -> None:
    make_demo(tmp_path / "p.plan")
    (tmp_path / "old.json").write_text("old")
    for out in ("old.json", "new.json"):
        result = run(tmp_path, "export", "--format", "json", "--db", "p.plan", "--out", out)
        assert result.returncode == 0, result.stderr
        assert (tmp_path / out).read_text().startswith("{")
