"""The real `planner` console script in subprocesses: usage, demo, the GUI start, bad --db paths."""

from __future__ import annotations

import os
import shutil
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner import __version__
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan
from tests.planner.test_open_plan import (
    REFUSALS,
    Fingerprint,
    as_plain_user,
    fingerprint,
    make_plan,
)

PLANNER = Path(sys.executable).with_name("planner")
DEMO_OPPORTUNITIES = 40


def run(
    tmp_path: Path, *args: str, preexec: Callable[[], None] | None = None, screen: bool = False
) -> subprocess.CompletedProcess[str]:
    """`planner ARGS` offscreen, with its data folder in tmp_path, from tmp_path."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["PLANNER_DATA_DIR"] = str(tmp_path / "data")
    # Should a refusal regress into opening the window, quit instead of hanging the test.
    env["PLANNER_QUIT_AFTER_START"] = "1"
    if screen:
        env.pop("QT_QPA_PLATFORM", None)
    else:
        env["QT_QPA_PLATFORM"] = "offscreen"
    return subprocess.run(
        [str(PLANNER), *args],
        cwd=tmp_path,
        env=env,
        preexec_fn=preexec,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def run_code(tmp_path: Path, code: str, *args: str) -> subprocess.CompletedProcess[str]:
    """`python -c CODE ARGS` offscreen, as `run` starts the planner: to watch its start from inside."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(
        PLANNER_DATA_DIR=str(tmp_path / "data"), PLANNER_QUIT_AFTER_START="1", QT_QPA_PLATFORM="offscreen"
    )
    return subprocess.run(
        [sys.executable, "-c", code, *args],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def counts(path: Path) -> tuple[int, int]:
    """(opportunities, stages) of the plan at `path`."""
    plan = open_plan(path, create=False)
    try:
        return opportunity_repo.count_opportunities(plan), len(stage_repo.list_stages(plan))
    finally:
        plan.close()


def test_console_script_is_installed() -> None:
    assert PLANNER.is_file(), f"{PLANNER} is missing: pip install -e ."


@pytest.mark.slow
def test_help(tmp_path: Path) -> None:
    result = run(tmp_path, "--help")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: planner")
    assert "demo" in result.stdout
    assert "--db PATH" in result.stdout
    assert result.stderr == ""


@pytest.mark.slow
def test_version(tmp_path: Path) -> None:
    result = run(tmp_path, "--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"planner {__version__}\n"
    assert __version__ == "0.1.0"


@pytest.mark.parametrize("order", ["demo-first", "db-first"])
@pytest.mark.slow
def test_demo_writes_a_private_demo_plan(tmp_path: Path, order: str) -> None:
    args = ("demo", "--db", "demo.plan") if order == "demo-first" else ("--db", "demo.plan", "demo")
    result = run(tmp_path, *args)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Demo plan written to demo.plan\n"
    path = tmp_path / "demo.plan"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["demo.plan"]  # no -wal, no data folder
    assert counts(path) == (DEMO_OPPORTUNITIES, 7)


@pytest.mark.parametrize("existing", ["plan", "text"])
@pytest.mark.slow
def test_demo_refuses_an_existing_file(tmp_path: Path, existing: str) -> None:
    path = tmp_path / "mine.plan"
    if existing == "plan":
        make_plan(path)
    else:
        path.write_text("my notes\n")
    before = fingerprint(path)
    result = run(tmp_path, "demo", "--db", "mine.plan")
    assert result.returncode == 1
    assert one_line(result.stderr) == (
        "planner: mine.plan already exists; the demo plan is only written to a new file."
    )
    assert fingerprint(path) == before


@pytest.mark.slow
def test_demo_refuses_a_missing_folder(tmp_path: Path) -> None:
    result = run(tmp_path, "demo", "--db", "nowhere/demo.plan")
    assert result.returncode == 1
    assert "does not exist" in one_line(result.stderr)
    assert not (tmp_path / "nowhere").exists()


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["demo"], "planner demo: error: --db PATH is required"),
        (["--bogus"], "unrecognized arguments: --bogus"),
        (["frob"], "invalid choice: 'frob'"),
        (["demo", "--db", "x.plan", "extra"], "unrecognized arguments: extra"),
        (["--db"], "argument --db: expected one argument"),
        (["--db", ""], "argument --db: the path is empty"),
    ],
)
@pytest.mark.slow
def test_usage_errors(tmp_path: Path, args: list[str], says: str) -> None:
    result = run(tmp_path, *args)
    assert result.returncode == 2
    line = one_line(result.stderr)
    assert says in line
    assert line.endswith("(see 'planner --help')") or args == ["demo"]
    assert result.stdout == ""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_gui_creates_an_empty_plan(tmp_path: Path) -> None:
    result = run(tmp_path, "--db", "new.plan")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    path = tmp_path / "new.plan"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # The plan was closed on the way out: no -wal or -shm file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["new.plan"]
    assert counts(path) == (0, 7)


@pytest.mark.slow
def test_gui_opens_an_existing_plan_as_it_is(tmp_path: Path) -> None:
    assert run(tmp_path, "demo", "--db", "demo.plan").returncode == 0
    result = run(tmp_path, "--db", "demo.plan")
    assert result.returncode == 0, result.stderr
    assert counts(tmp_path / "demo.plan") == (DEMO_OPPORTUNITIES, 7)


@pytest.mark.slow
def test_gui_without_db_opens_the_demo_in_the_data_folder(tmp_path: Path) -> None:
    result = run(tmp_path)
    assert result.returncode == 0, result.stderr
    data = tmp_path / "data"
    assert sorted(p.name for p in data.iterdir()) == ["demo.plan"]
    assert counts(data / "demo.plan") == (DEMO_OPPORTUNITIES, 7)


# Records, when the window's import thread starts, whether Shiboken had set itself up already.
_WATCH_PRELOAD = """
import sys, threading
seen = []
start = threading.Thread.start
def watched(thread):
    if thread.name == "preload-ui":
        seen.append("shiboken6" in sys.modules)
    start(thread)
threading.Thread.start = watched
import ui.app
code = ui.app.main(sys.argv[1:])
print("shiboken6 before the import thread:", seen)
sys.exit(code)
"""


@pytest.mark.slow
def test_shiboken_sets_itself_up_before_the_import_thread_starts(tmp_path: Path) -> None:
    """Shiboken's set-up walks sys.modules; with the demo plan being written in the main thread
    meanwhile it failed now and then ("dictionary changed size during iteration", a fatal
    error at the seller's first start). It must be done before the window's import thread."""
    result = run_code(tmp_path, _WATCH_PRELOAD)
    assert result.returncode == 0, result.stderr
    assert "shiboken6 before the import thread: [True]" in result.stdout


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--db", "x.plan"],
        ["--db", "folder/a plan with spaces.plan"],
        ["--db", "-x.plan"],
        ["--db", ""],
        ["--db", "  "],
        ["--db=x.plan"],
        ["--db", "x.plan", "forecast"],
        ["forecast", "--db", "x.plan"],
        ["--db"],
        ["--help"],
        ["--version"],
    ],
)
def test_the_window_s_own_arguments_are_read_as_the_parser_reads_them(argv: list[str]) -> None:
    """`planner` and `planner --db PATH` open the window without the parser (ui.app.window_only,
    8 ms of the start); what they open is what the parser would have said, and everything
    else still goes to the parser."""
    from planner.cli import UsageError, parse
    from ui.app import window_only

    opens, db = window_only(argv)
    try:
        args = parse(argv)
    except (UsageError, SystemExit):  # a usage error, or --help and --version, which exit
        assert not opens
        return
    if opens:
        assert args.command is None
        assert db == args.db
    assert opens == (argv in ([], ["--db", "x.plan"], ["--db", "folder/a plan with spaces.plan"]))


# Prints, once the window has started and quit, whether the command line's parser was loaded.
_WATCH_PARSER = """
import sys
import ui.app
code = ui.app.main(sys.argv[1:])
print("parser loaded:", "planner.cli.program" in sys.modules)
sys.exit(code)
"""


@pytest.mark.slow
@pytest.mark.parametrize("args", [[], ["--db", "mine.plan"]])
def test_the_window_starts_without_the_command_line_s_parser(tmp_path: Path, args: list[str]) -> None:
    result = run_code(tmp_path, _WATCH_PARSER, *args)
    assert result.returncode == 0, result.stderr
    assert "parser loaded: False" in result.stdout
    assert (tmp_path / "mine.plan").exists() if args else (tmp_path / "data" / "demo.plan").exists()


@pytest.mark.skipif(sys.platform != "linux", reason="the display check is for Linux")
@pytest.mark.slow
def test_no_display_is_explained_instead_of_aborting(tmp_path: Path) -> None:
    result = run(tmp_path, "--db", "new.plan", screen=True)
    assert result.returncode == 1
    line = one_line(result.stderr)
    assert line.startswith("planner: No display found")
    assert "QT_QPA_PLATFORM=offscreen" in line
    assert list(tmp_path.iterdir()) == []


def refused(
    tmp_path: Path, path: Path, before: Fingerprint, preexec: Callable[[], None] | None = None
) -> str:
    """Run `planner --db PATH`, check it failed and left the file alone; the stderr line."""
    result = run(tmp_path, "--db", str(path), preexec=preexec)
    assert result.returncode == 1, result.stderr
    assert result.stdout == ""
    assert fingerprint(path) == before
    assert not (tmp_path / "data").exists()
    return one_line(result.stderr)


@pytest.mark.parametrize("case", list(REFUSALS))
@pytest.mark.slow
def test_bad_db_is_refused_untouched(tmp_path: Path, case: str) -> None:
    make, message = REFUSALS[case]
    path = make(tmp_path / "subject.plan")
    line = refused(tmp_path, path, fingerprint(path))
    assert line.startswith(f"planner: {path} ")
    assert message in line


@pytest.fixture
def locked(tmp_path: Path) -> Iterator[Path]:
    """A folder whose modes the test changes; restored so tmp_path can be cleaned up."""
    folder = tmp_path / "locked"
    folder.mkdir()
    yield folder
    folder.chmod(0o700)
    for child in folder.iterdir():
        child.chmod(0o600)
    shutil.rmtree(folder)


@pytest.mark.slow
def test_unreadable_db_is_refused_untouched(tmp_path: Path, locked: Path) -> None:
    preexec = as_plain_user()
    path = make_plan(locked / "secret.plan")
    path.chmod(0)
    before = fingerprint(path)
    probe = subprocess.run(
        [sys.executable, "-c", "import sys; open(sys.argv[1], 'rb')", str(path)],
        preexec_fn=preexec,
        capture_output=True,
        check=False,
        timeout=30,
    )
    assert probe.returncode != 0, "the child can still read the file: the test would prove nothing"
    line = refused(tmp_path, path, before, preexec=preexec)
    assert line == f"planner: Cannot read {path}: Permission denied."


@pytest.mark.slow
def test_db_in_a_folder_that_cannot_be_entered(tmp_path: Path, locked: Path) -> None:
    preexec = as_plain_user()
    path = make_plan(locked / "hidden.plan")
    before = fingerprint(path)
    locked.chmod(0)
    result = run(tmp_path, "--db", str(path), preexec=preexec)
    demo = run(tmp_path, "demo", "--db", str(locked / "demo.plan"), preexec=preexec)
    locked.chmod(0o700)
    assert result.returncode == 1
    assert one_line(result.stderr) == f"planner: Cannot open {path}: Permission denied."
    assert demo.returncode == 1
    assert one_line(demo.stderr) == f"planner: Cannot create {locked / 'demo.plan'}: Permission denied."
    assert fingerprint(path) == before


@pytest.mark.slow
def test_foreign_database_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "recipes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE recipe (name TEXT)")
    conn.execute("INSERT INTO recipe VALUES ('soup')")
    conn.commit()
    conn.close()
    line = refused(tmp_path, path, fingerprint(path))
    assert line == f"planner: {path} is an SQLite database of another program, not a plan."
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT name FROM recipe").fetchall() == [("soup",)]
    assert conn.execute("PRAGMA application_id").fetchone() == (0,)
    conn.close()


@pytest.mark.parametrize("buffered", [True, False], ids=["buffered", "unbuffered"])
@pytest.mark.parametrize(
    "args", [["forecast"], ["hygiene", "--json"], ["--help"], ["demo", "--db", "new.plan"]], ids=" ".join
)
@pytest.mark.slow
def test_a_reader_that_stops_early_ends_the_command_quietly(
    tmp_path: Path, args: list[str], buffered: bool
) -> None:
    # `planner forecast | head -1`: head exits after its line, and the planner's next write
    # finds the pipe closed. Here the reading end is closed before the planner writes at all.
    assert run(tmp_path, "demo", "--db", "demo.plan").returncode == 0
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    env["PLANNER_DATA_DIR"] = str(tmp_path / "data")
    if not buffered:
        env["PYTHONUNBUFFERED"] = "1"
    process = subprocess.Popen(
        [str(PLANNER), "--db", "demo.plan", *args],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    process.stdout.close()
    _, stderr = process.communicate(timeout=60)
    assert stderr == ""
    # 141, like a program that SIGPIPE ended; argparse's --help ignores a closed pipe itself.
    assert process.returncode in ((0, 141) if args == ["--help"] else (141,))
