"""`planner export --format pdf|html|md|csv|xlsx|json` and `planner review`: functions and real processes."""

from __future__ import annotations

import argparse
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from planner.cli.pack import add_pack_arguments, run_pack_export
from planner.demo import populate_demo
from planner.exchange.pack_writers import PACK_FORMATS
from planner.storage.db import open_plan
from tests.conftest import TODAY

PLANNER = Path(sys.executable).with_name("planner")


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("plans") / "demo.plan"
    plan = open_plan(path)
    populate_demo(plan, TODAY)
    plan.close()
    return path


def _args(db: Path | None, out: Path, fmt: str, *extra: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", choices=("crm-csv",), required=True)
    parser.add_argument("--db", type=Path)
    parser.add_argument("--out", type=Path, required=True)
    add_pack_arguments(parser)
    argv = ["--format", fmt, "--out", str(out), *extra]
    if db is not None:
        argv += ["--db", str(db)]
    return parser.parse_args(argv)


def _run(argv: list[str], tmp_path: Path, *, planner: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m planner.cli ARGV` (the commands without Qt), or the installed `planner ARGV`."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    command = [str(PLANNER)] if planner else [sys.executable, "-m", "planner.cli"]
    return subprocess.run(
        [*command, *argv],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_formats_join_the_export_command() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--format", choices=("crm-csv",), required=True)
    add_pack_arguments(parser)
    fmt = next(a for a in parser._actions if a.dest == "format")
    assert tuple(fmt.choices or ()) == ("crm-csv", *PACK_FORMATS)


@pytest.mark.parametrize("fmt", ["html", "md", "csv", "xlsx", "json"])
def test_each_text_format_is_written_and_its_path_printed(
    demo_file: Path, tmp_path: Path, fmt: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"pack.{fmt}"
    code = run_pack_export(_args(demo_file, out, fmt, "--account", "northwind group"), today=TODAY)
    printed = capsys.readouterr()
    assert code == 0
    assert printed.err == ""
    assert printed.out.splitlines()[0] == str(out)
    assert out.stat().st_size > 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


def test_account_quarter_and_private_notes_reach_the_pack(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.json"
    argv = ["--account", "Northwind Group", "--quarter", "2027Q1", "--include-private"]
    assert run_pack_export(_args(demo_file, out, "json", *argv), today=TODAY) == 0
    data = json.loads(out.read_text())
    assert data["includes_private_notes"] is True
    assert data["scope"]["quarter"] == "2027 Q1"
    assert {o["account"] for o in data["opportunities"]} <= {"Northwind Group", "Northwind Freight"}
    assert all(o["close_date"].startswith("2027-0") for o in data["opportunities"])


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--account", "Nobody Inc"], "no account named “Nobody Inc”"),
        (["--quarter", "2026Q9"], "is not a quarter"),
    ],
)
def test_bad_arguments_exit_1_with_one_line(
    demo_file: Path, tmp_path: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "pack.html"
    assert run_pack_export(_args(demo_file, out, "html", *extra), today=TODAY) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert message in err
    assert not out.exists()


def test_a_missing_plan_is_refused_and_nothing_is_created(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.plan"
    assert run_pack_export(_args(missing, tmp_path / "p.html", "html")) == 1
    assert "No plan at" in capsys.readouterr().err
    assert not missing.exists()
    assert run_pack_export(_args(None, tmp_path / "p.html", "html")) == 2
    assert sorted(tmp_path.iterdir()) == []


def test_an_unwritable_destination_exits_1(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "no-such-folder" / "pack.md"
    assert run_pack_export(_args(demo_file, out, "md")) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert "does not exist" in err


def test_the_pdf_writer_can_be_given(demo_file: Path, tmp_path: Path) -> None:
    written: list[Path] = []

    def fake_pdf(pack: object, path: Path) -> Path:
        written.append(path)
        return path

    out = tmp_path / "pack.pdf"
    assert run_pack_export(_args(demo_file, out, "pdf"), pdf_writer=fake_pdf) == 0
    assert written == [out]


@pytest.mark.slow
def test_a_real_process_writes_a_pdf_headless_with_no_display(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "pack.pdf"
    argv = ["export", "--db", str(demo_file), "--format", "pdf", "--out", str(out)]
    done = _run(argv, tmp_path, planner=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(out)
    assert done.stderr == ""
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "Review pack: Demo plan" in text


@pytest.mark.slow
def test_a_real_process_reports_errors_in_one_line(demo_file: Path, tmp_path: Path) -> None:
    done = _run(
        ["export", "--db", str(tmp_path / "nope.plan"), "--format", "html", "--out", "x.html"], tmp_path
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1
    assert "No plan at" in done.stderr
    bad = tmp_path / "bad.json"
    bad.write_text("{}")
    done = _run(["review", str(bad)], tmp_path)
    assert done.returncode == 1
    assert "is not an Opportunity Planner plan bundle" in done.stderr
    good = tmp_path / "good.json"
    assert (
        _run(["export", "--db", str(demo_file), "--format", "json", "--out", str(good)], tmp_path).returncode
        == 0
    )
    # A good bundle opens in a window, which only the installed `planner` command has.
    done = _run(["review", str(good)], tmp_path)
    assert done.returncode == 1
    assert done.stderr == "planner: this command line has no window: run the installed “planner” command.\n"


@pytest.mark.slow
def test_without_the_pdf_writer_a_pdf_is_refused_in_one_line(demo_file: Path, tmp_path: Path) -> None:
    # `python -m planner.cli` is the planner without Qt: nobody gave it a PDF writer.
    out = tmp_path / "pack.pdf"
    done = _run(["export", "--db", str(demo_file), "--format", "pdf", "--out", str(out)], tmp_path)
    assert done.returncode == 1
    assert done.stdout == ""
    assert one_line(done.stderr).startswith("planner: This command line cannot write PDF")
    assert "Traceback" not in done.stderr
    assert not out.exists()


def one_line(text: str) -> str:
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


def test_the_parsers_paper_sizes_are_the_packs() -> None:
    from planner.cli import pack as pack_commands
    from planner.exchange import pack

    assert pack_commands.PAPER_SIZES == pack.PAPER_SIZES
