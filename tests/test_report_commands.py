"""`planner forecast`, `hygiene` and `calls`: read-only, the planner's own numbers, one-line errors."""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest

from planner import cli, green_sheet, hygiene
from planner import forecast as fc
from planner import forecast_operations as fops
from planner.cli.reports import add_report_commands, run_report_command
from planner.demo import populate_demo
from planner.model import CallPlan
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import open_plan
from tests.conftest import TODAY


def parser() -> argparse.ArgumentParser:
    """As planner.cli.build_parser makes it: a global --db, and subcommands with their own."""
    built = argparse.ArgumentParser(prog="planner")
    built.add_argument("--db", type=Path)
    commands = built.add_subparsers(dest="command")
    add_report_commands(commands)
    return built


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int | None, str, str]:
    code = run_report_command(parser().parse_args(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.plan"
    plan = open_plan(path)
    try:
        populate_demo(plan, TODAY)
        fops.set_targets(plan, {"2026Q4": 900_000, "2027Q1": 1_000_000})
        fops.take_snapshot(plan, TODAY - dt.timedelta(days=9))
    finally:
        plan.close()
    return path


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}


def test_forecast_json_is_the_forecast(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = _files(demo_file.parent)
    code, out, err = run(["forecast", "--db", str(demo_file), "--today", TODAY.isoformat(), "--json"], capsys)
    assert (code, err) == (0, "")
    assert _files(demo_file.parent) == before  # read-only: nothing written, no -wal or lock left
    plan = open_plan(demo_file, create=False, read_only=True)
    try:
        facts = fc.load_plan_facts(plan)
        expected = fc.forecast_json(
            fc.load_forecast(plan, None, TODAY, facts), fc.comparisons(plan, facts, TODAY)
        )
    finally:
        plan.close()
    data = json.loads(out)
    assert data == json.loads(json.dumps(expected))
    assert data["quarter"] == "2026Q4"
    assert data["target"] == 900_000
    assert data["comparisons"][0]["since"] == (TODAY - dt.timedelta(days=9)).isoformat()


def test_forecast_text_shows_the_figures(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["forecast", "--db", str(demo_file), "--today", TODAY.isoformat()], capsys)
    assert code == 0
    plan = open_plan(demo_file, create=False, read_only=True)
    try:
        result = fc.load_forecast(plan, None, TODAY)
    finally:
        plan.close()
    assert out.startswith("Forecast 2026Q4 (Oct\u2013Dec 2026) · amounts in EUR · as of 26 Nov 2026\n")
    quarter_line = next(line for line in out.splitlines() if line.startswith("Quarter "))
    assert quarter_line.split()[1:] == [f"{result.total.value(c):,.0f}" for c in fc.COLUMNS] + [
        str(result.total.count("weighted"))
    ]
    for line in fc.summary_lines(result):
        assert line in out
    for diagnostic in result.diagnostics:
        assert diagnostic.message in out
    assert "Since last week (17 Nov 2026)" in out
    assert "Since last month: no snapshot that old yet" in out


def test_another_quarter_and_the_fiscal_year(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    plan = open_plan(demo_file)
    try:
        fops.set_fiscal_year_start_month(plan, 4)
    finally:
        plan.close()
    code, out, _err = run(["forecast", "--db", str(demo_file), "--quarter", "q3-2027", "--json"], capsys)
    assert code == 0
    data = json.loads(out)
    assert (data["quarter"], data["start"], data["end"]) == ("2027Q3", "2026-10-01", "2026-12-31")
    assert data["fiscal_year_start_month"] == 4


def test_hygiene_json_and_text(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["hygiene", "--db", str(demo_file), "--today", TODAY.isoformat(), "--json"], capsys)
    assert (code, err) == (0, "")
    plan = open_plan(demo_file, create=False, read_only=True)
    try:
        cleanup = hygiene.cleanup_list(plan, TODAY)
    finally:
        plan.close()
    assert json.loads(out) == json.loads(json.dumps(hygiene.cleanup_json(cleanup)))
    # The method's checks that belong on the clean-up list are reported with the others.
    rules = {flag["rule"] for deal in json.loads(out)["deals"] for flag in deal["flags"]}
    assert {"stale", "slipping", "overdue", "premature", "best-few-unconfirmed", "no-next-step"} <= rules
    assert not rules & {
        "not-in-funnel-yet",
        "single-threaded",
        "flag-without-action",
        "euphoric-with-red-flags",
    }
    code, text, _err = run(["hygiene", "--db", str(demo_file), "--today", TODAY.isoformat()], capsys)
    assert code == 0
    assert text.startswith(f"Quarter-end clean-up · {len(cleanup.rows)} of {cleanup.open_deals} open deals")
    for row in cleanup.rows:
        assert row.title in text
        for reason in row.reasons:
            assert f"  - {reason}\n" in text
    assert "  - No next step planned: the CRM's" in text


def test_a_missing_plan_is_refused_not_created(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nothing.plan"
    for command in ("forecast", "hygiene"):
        code, out, err = run([command, "--db", str(missing)], capsys)
        assert (code, out) == (1, "")
        assert err == f"planner: No plan at {missing}.\n"
    assert list(tmp_path.iterdir()) == []


def test_not_a_plan_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    other = tmp_path / "notes.txt"
    other.write_text("hello\n")
    code, _out, err = run(["hygiene", "--db", str(other)], capsys)
    assert code == 1
    assert err.count("\n") == 1
    assert "not a plan" in err


def test_the_global_db_and_a_missing_one(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _err = run(["--db", str(demo_file), "hygiene", "--json"], capsys)
    assert code == 0
    assert json.loads(out)["open_deals"] == 30
    code, _out, err = run(["hygiene"], capsys)
    assert (code, err) == (2, "planner hygiene: error: --db PATH is required\n")


@pytest.mark.parametrize(
    ("argv", "hint"),
    [
        (["forecast", "--quarter", "2026Q5"], "like 2026Q4"),
        (["hygiene", "--today", "tomorrow"], "like 2026-11-26"),
    ],
)
def test_bad_arguments_are_usage_errors(
    argv: list[str], hint: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as raised:
        parser().parse_args(argv)
    assert raised.value.code == 2
    assert hint in capsys.readouterr().err


def test_other_commands_are_not_ours() -> None:
    assert run_report_command(argparse.Namespace(command="demo", db=None)) is None
    assert run_report_command(argparse.Namespace(command=None)) is None


@pytest.fixture
def calls_file(demo_file: Path) -> Path:
    """The demo plan with three calls of the first open deal: one debriefed, one to debrief, one upcoming."""
    plan = open_plan(demo_file)
    try:
        deal = next(o for o in opportunity_repo.list_opportunities(plan) if o.closed_on is None)
        for title, moment in (
            ("Discovery", dt.datetime(2026, 11, 12, 10, 0)),
            ("Call with IT", dt.datetime(2026, 11, 20, 9, 0)),
            ("Evaluation kick-off", dt.datetime(2026, 12, 3, 14, 30)),
        ):
            _change, call_id = green_sheet.create_call_plan(
                plan, CallPlan(0, deal.id, moment, title, best_action="CFO signs the pilot order")
            )
            if title == "Discovery":
                green_sheet.debrief(plan, call_id, moment.date(), "Agreed a workshop", today=TODAY)
    finally:
        plan.close()
    return demo_file


def test_calls_lists_upcoming_then_past_with_the_commitment(
    calls_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = _files(calls_file.parent)
    code, out, err = run(["calls", "--db", str(calls_file), "--today", TODAY.isoformat(), "--json"], capsys)
    assert (code, err) == (0, "")
    assert _files(calls_file.parent) == before  # read-only
    data = json.loads(out)
    mine = {"Discovery", "Call with IT", "Evaluation kick-off"}
    upcoming = [c for c in data["upcoming"] if c["title"] in mine]
    past = [c for c in data["past"] if c["title"] in mine]
    assert [c["title"] for c in upcoming] == ["Evaluation kick-off"]
    assert [(c["title"], c["debriefed"], c["commitment"]) for c in past] == [
        ("Call with IT", False, ""),
        ("Discovery", True, "Agreed a workshop"),
    ]
    assert upcoming[0]["meeting_at"] == "2026-12-03T14:30"
    assert upcoming[0]["deal"]
    assert upcoming[0]["account"]
    code, text, err = run(["calls", "--db", str(calls_file), "--today", TODAY.isoformat()], capsys)
    assert (code, err) == (0, "")
    upcoming_part, past_part = text.split("\nPast\n")
    assert f"3 Dec 2026, 14:30 · Evaluation kick-off · {upcoming[0]['deal']}" in upcoming_part
    assert "best action commitment to ask for: CFO signs the pilot order" in upcoming_part
    assert past_part.index("Call with IT") < past_part.index("Discovery")
    assert "not debriefed yet" in past_part
    assert "debriefed 12 Nov 2026; the customer committed to: Agreed a workshop" in past_part
    # The `planner` command knows it, with the global --db too.
    assert cli.run_command(cli.parse(["--db", str(calls_file), "calls", "--json"])) == 0
    assert "Evaluation kick-off" in capsys.readouterr().out


def test_calls_of_a_plan_without_any(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    empty = tmp_path / "empty.plan"
    open_plan(empty).close()
    code, out, err = run(["calls", "--db", str(empty), "--today", TODAY.isoformat()], capsys)
    assert (code, err) == (0, "")
    assert (
        out == "Call plans · 0 upcoming, 0 past · as of 26 Nov 2026\n\nUpcoming\n  None.\n\nPast\n  None.\n"
    )
    code, out, _err = run(["calls", "--db", str(empty), "--json", "--today", TODAY.isoformat()], capsys)
    assert json.loads(out) == {"today": "2026-11-26", "upcoming": [], "past": []}
    code, _out, err = run(["calls"], capsys)
    assert (code, err) == (2, "planner calls: error: --db PATH is required\n")
    code, _out, err = run(["calls", "--db", str(tmp_path / "missing.plan")], capsys)
    assert code == 1
    assert err == f"planner: No plan at {tmp_path / 'missing.plan'}.\n"
