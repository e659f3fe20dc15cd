"""`planner forecast-calls`: the same calls and accuracy as the pure function, as JSON and as text."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest

from planner import calendar
from planner import forecast_calls as calls_api
from planner.cli.program import main
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import open_plan
from tests.planner.test_forecast_calls import _close, _quarter_plan, _record

Q4 = calendar.Quarter(2026, 4)
AFTER = dt.date(2027, 1, 10)


@pytest.fixture
def plan_file(tmp_path: Path) -> Path:
    """The hand-built quarter of tests/planner/test_forecast_calls.py, on disk."""
    path = tmp_path / "calls.plan"
    plan = open_plan(path)
    try:
        deals = _quarter_plan(plan)
        _record(
            plan, dt.date(2026, 10, 9), 170_000, 220_000, "2026-10-09T09:00:00+00:00", "<b>B</b> looks shaky"
        )
        with plan.atomic():
            plan.execute("UPDATE opportunity SET amount = 95000 WHERE id = ?", [deals["A"]])
            _close(plan, deals["A"], "Won", dt.date(2026, 11, 20))
            _close(plan, deals["B"], "Lost", dt.date(2026, 12, 5))
            opportunity_repo.set_close_date(plan, deals["C"], dt.date(2026, 12, 20), dt.date(2027, 1, 15))
            _close(plan, deals["D"], "Won", dt.date(2026, 12, 2))
            _close(plan, deals["E"], "Won", dt.date(2026, 12, 15))
    finally:
        plan.close()
    return path


def test_the_json_matches_the_function(plan_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["forecast-calls", "--db", str(plan_file), "--quarter", "2026Q4", "--today", "2027-01-10", "--json"]
    )
    assert code == 0
    printed = json.loads(capsys.readouterr().out)
    plan = open_plan(plan_file, create=False, read_only=True)
    try:
        expected = calls_api.accuracy_json(calls_api.accuracy(plan, Q4, AFTER))
    finally:
        plan.close()
    assert printed == json.loads(json.dumps(expected))
    # Won 165,000; the one call (week of 5 Oct) said 170,000: -5,000, 97.1 %.
    (week,) = [w for w in printed["weeks"] if w["call_id"]]
    assert (printed["won"], week["commit_difference"], week["commit_percent"]) == (165_000, -5_000, 97.1)
    assert printed["ended"] is True


def test_the_text_as_a_subprocess(plan_file: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", "forecast-calls", "--db", str(plan_file), "--quarter", "2026Q4",
         "--today", "2027-01-10"],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert "Won: 165,000 (ended)" in done.stdout
    assert (
        "2026-10-09: Commit 170,000, Best Case 220,000 (proposed 190,000 / 230,000) · <b>B</b> looks shaky"
        in done.stdout
    )
    assert "won - Commit -5,000, won / Commit 97.1 %" in done.stdout
    assert "Committed and lost: B -50,000 (Lost on 5 Dec 2026)" in done.stdout


def test_a_missing_plan_is_one_line(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", "forecast-calls", "--db", str(tmp_path / "none.plan")],
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr
