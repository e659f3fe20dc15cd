"""Files beyond the program's limits through the command line: one line on stderr, nothing written,
no traceback, and the memory of the whole run bounded (each run under an address-space limit)."""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest

from planner.limits import MAX_TABLE_ROWS
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import open_plan
from tests.hostile import bounds
from tests.hostile.make_corpus import CORPUS
from tests.planner.plan_files import dump_file, make_demo

PLANNER = Path(sys.executable).with_name("planner")
# The address space each run may take: a run that needed more ends in MemoryError (a traceback).
ADDRESS_SPACE = 1_500_000_000
# What a run may hold resident at its peak: well under a gigabyte.
RESIDENT = 1_000_000_000
HERE = CORPUS / "bounds"


@dataclass(frozen=True)
class Run:
    returncode: int
    stdout: str
    stderr: str
    peak: int  # the run's largest resident set, in bytes


def _limit_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (ADDRESS_SPACE, ADDRESS_SPACE))


def planner(cwd: Path, *args: str | Path) -> Run:
    """The real console script under the memory limit, with its own peak memory measured."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PLANNER_DATA_DIR"] = str(cwd / "data")
    env["PLANNER_QUIT_AFTER_START"] = "1"  # a regression into opening the window must not hang
    out, err = cwd / "stdout.txt", cwd / "stderr.txt"
    with out.open("wb") as stdout, err.open("wb") as stderr:
        process = subprocess.Popen(
            [str(PLANNER), *map(str, args)],
            cwd=cwd,
            env=env,
            stdout=stdout,
            stderr=stderr,
            preexec_fn=_limit_memory,
        )
        timer = threading.Timer(180, process.kill)
        timer.start()
        try:
            # wait4, not wait: the rusage of this child alone (RUSAGE_CHILDREN is every child's).
            _pid, status, usage = os.wait4(process.pid, 0)
        finally:
            timer.cancel()
        process.returncode = os.waitstatus_to_exitcode(status)
    return Run(
        process.returncode,
        out.read_text(encoding="utf-8", errors="replace"),
        err.read_text(encoding="utf-8", errors="replace"),
        usage.ru_maxrss * 1024,  # kilobytes on Linux
    )


def refused(run: Run, expected: str) -> str:
    """The run's one line on stderr, after checking it refused as a program should."""
    assert "Traceback" not in run.stderr, run.stderr
    assert "MemoryError" not in run.stderr, run.stderr
    assert run.returncode == 1, run.stderr
    lines = run.stderr.splitlines()
    assert len(lines) == 1, run.stderr
    assert expected in lines[0], lines[0]
    return lines[0]


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """A seller's plan (the demo, closed), to import into."""
    return make_demo(tmp_path / "seller.plan")


@pytest.mark.slow
def test_a_zip_that_unpacks_beyond_the_limit_is_refused_whole(tmp_path: Path, plan_file: Path) -> None:
    # Eight members of 90 MB: each within the limit of one file, together far beyond a ZIP's.
    bomb = bounds.zip_bomb(tmp_path / "bomb.zip", members=8, member_size=90_000_000)
    assert bomb.stat().st_size < 5_000_000
    before = dump_file(plan_file)
    run = planner(tmp_path, "import", bomb, "--db", plan_file)
    line = refused(run, "bomb.zip unpacks to more than 200 MB")
    assert (
        line
        == "planner: bomb.zip unpacks to more than 200 MB; export fewer rows or unpack the files you need."
    )
    assert run.peak < RESIDENT, run.peak
    assert dump_file(plan_file) == before


@pytest.mark.slow
def test_the_zip_bomb_of_eight_190_mb_members_is_refused_per_member(tmp_path: Path, plan_file: Path) -> None:
    bomb = bounds.zip_bomb(tmp_path / "bomb.zip")  # 8 x 190 MB in about 4 MB
    before = dump_file(plan_file)
    run = planner(tmp_path, "import", bomb, "--db", plan_file)
    assert "Traceback" not in run.stderr, run.stderr
    assert "MemoryError" not in run.stderr, run.stderr
    assert run.returncode == 1
    assert run.stderr.splitlines() == [
        f"planner: bomb.zip/deals-{n}.csv is larger than 100 MB; export fewer rows." for n in range(8)
    ]
    assert run.peak < RESIDENT, run.peak
    assert dump_file(plan_file) == before


@pytest.mark.slow
def test_a_million_row_csv_is_refused_at_the_row_limit(tmp_path: Path, plan_file: Path) -> None:
    rows = bounds.million_rows(tmp_path / "deals.csv")
    before = dump_file(plan_file)
    run = planner(tmp_path, "import", rows, "--db", plan_file)
    line = refused(run, "deals.csv has more than 100,000 rows")
    assert (
        line == "planner: deals.csv has more than 100,000 rows; export fewer rows (at most 100,000 per file)."
    )
    assert run.peak < RESIDENT // 4, run.peak  # read only up to the limit, as it came
    assert dump_file(plan_file) == before


@pytest.mark.slow
def test_a_csv_at_the_row_limit_imports_in_well_under_a_gigabyte(tmp_path: Path) -> None:
    rows = bounds.million_rows(tmp_path / "deals.csv", rows=MAX_TABLE_ROWS)
    run = planner(tmp_path, "import", rows, "--db", tmp_path / "new.plan")
    assert run.returncode == 0, run.stderr
    assert run.stdout.startswith(f"Imported from CSV: {MAX_TABLE_ROWS:,} created"), run.stdout
    assert run.peak < RESIDENT * 6 // 10, run.peak
    plan = open_plan(tmp_path / "new.plan")
    try:
        assert plan.query("SELECT COUNT(*) FROM opportunity") == [(MAX_TABLE_ROWS,)]
    finally:
        plan.close()


@pytest.mark.slow
def test_a_nul_after_the_first_64_kb_refuses_the_file(tmp_path: Path, plan_file: Path) -> None:
    source = shutil.copy(HERE / "nul-after-64k.csv", tmp_path / "deals.csv")
    before = dump_file(plan_file)
    run = planner(tmp_path, "import", source, "--db", plan_file)
    line = refused(run, bounds.EXPECTED["nul-after-64k.csv"])
    assert line == (
        "planner: deals.csv is not a CSV or spreadsheet file"
        " (it contains binary data: a NUL byte on line 1,602)."
    )
    assert dump_file(plan_file) == before


@pytest.mark.slow
def test_one_windows_1252_row_in_a_utf8_file_is_read_as_such_and_reported(
    tmp_path: Path, plan_file: Path
) -> None:
    source = shutil.copy(HERE / "mixed-encoding.csv", tmp_path / "deals.csv")
    run = planner(tmp_path, "import", source, "--db", plan_file)
    assert run.returncode == 0, run.stderr
    assert (
        "Warning: deals.csv, row 4: is not UTF-8 like the rest of the file; it was read as Windows-1252:"
        " check its accented letters"
    ) in run.stdout.splitlines()
    assert [line for line in run.stdout.splitlines() if "UTF-8" in line] == [
        "Warning: deals.csv, row 4: is not UTF-8 like the rest of the file; it was read as Windows-1252:"
        " check its accented letters"
    ]
    plan = open_plan(plan_file)
    try:
        titles = {o.title for o in opportunity_repo.list_opportunities(plan)}
    finally:
        plan.close()
    # The UTF-8 rows as UTF-8 (not "CafÃ©"), the other row as Windows-1252.
    assert {"Café rollout", "Crème pilot", "Señor renewal", "Zürich expansion"} <= titles


@pytest.mark.parametrize(
    "name",
    sorted(n for n in bounds.EXPECTED if n.startswith("bundle-")),
    ids=lambda n: n.removesuffix(".json"),
)
@pytest.mark.slow
def test_planner_review_refuses_a_bundle_beyond_the_limits_in_one_line(tmp_path: Path, name: str) -> None:
    bundle = Path(shutil.copy(HERE / name, tmp_path / name))
    before = bundle.read_bytes()
    run = planner(tmp_path, "review", bundle)
    line = refused(run, bounds.EXPECTED[name])
    assert line.startswith(f"planner: {name} cannot be read: ")
    assert bundle.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([name, "stdout.txt", "stderr.txt"])


def test_the_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    written = bounds.make(tmp_path)
    assert {p.name for p in written} == set(bounds.EXPECTED)
    for path in written:
        assert (HERE / path.name).read_bytes() == path.read_bytes(), (
            f"run python -m tests.hostile.make_corpus: {path.name}"
        )
