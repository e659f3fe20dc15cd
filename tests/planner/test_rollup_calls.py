"""The roll-up's "Last call" and "Accuracy last quarter", read quickly from real bundles (figures by
hand in tests/planner/rollup_calls_support.py), the same as the full read and the JSON say."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner import forecast_calls as calls_api
from planner.exchange import review
from planner.exchange.rollup import CallAccuracy, LastCall, load_team, read_seller, team_json
from tests.planner.rollup_calls_support import (
    ANNA_ACCURACY,
    ANNA_WON_Q4,
    COMMENT,
    EXPORTED,
    Q4,
    anna,
    ben,
    chloe_without_calls,
)


def test_the_last_call_and_last_quarters_accuracy_come_from_the_bundle(tmp_path: Path) -> None:
    row = read_seller(anna(tmp_path))
    assert row is not None
    # 2027Q1's last call is 12 Jan's (35,000 / 45,000), not 5 Jan's nor 2027Q2's of 12 Jan.
    assert row.last_call == LastCall("2027Q1", dt.date(2027, 1, 12), 35_000, 45_000, "EUR", COMMENT)
    # 2026Q4: won 20,000 + 100,000 = 120,000 against the last Commit called, 160,000 on 1 Dec.
    assert row.last_quarter == CallAccuracy(
        LastCall("2026Q4", dt.date(2026, 12, 1), 160_000, 180_000, "EUR", "final word"), ANNA_WON_Q4
    )
    assert row.accuracy_last_quarter == pytest.approx(0.75)
    assert ANNA_ACCURACY == 0.75


def test_the_quick_read_agrees_with_the_full_read_of_the_bundle(tmp_path: Path) -> None:
    path = anna(tmp_path)
    row = read_seller(path)
    assert row is not None
    loaded = review.load_bundle(path)
    try:
        # The Forecast tab's accuracy of 2026Q4 in the bundle's plan: its last week's Won ÷ Commit.
        week = calls_api.accuracy(loaded.plan, Q4, EXPORTED).last_week
        assert week is not None
        percent = week.commit_percent
        assert percent is not None
        assert percent == pytest.approx(75.0)
        assert row.accuracy_last_quarter == pytest.approx(percent / 100)
    finally:
        loaded.plan.close()


def test_without_a_call_for_last_quarter_or_without_calls_the_row_has_dashes(tmp_path: Path) -> None:
    team = load_team([ben(tmp_path), chloe_without_calls(tmp_path)], full=True)
    assert team.refused == ()
    ben_row, chloe_row = team.sellers
    assert ben_row.last_call == LastCall("2027Q1", dt.date(2027, 1, 11), 8_000, 9_000, "USD", "")
    assert ben_row.last_quarter is None
    assert ben_row.accuracy_last_quarter is None
    assert (chloe_row.last_call, chloe_row.last_quarter) == (None, None)


def test_a_commit_of_nothing_has_no_accuracy(tmp_path: Path) -> None:
    path = anna(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    for call in data["forecast_calls"]["calls"]:
        if call["quarter"] == "2026Q4":
            call["commit"] = 0
    path.write_text(json.dumps(data), encoding="utf-8")
    row = read_seller(path)
    assert row is not None
    assert row.last_quarter is not None
    assert row.last_quarter.call.commit == 0
    assert row.accuracy_last_quarter is None  # 120,000 / 0 is no percentage


def test_a_bad_call_is_refused_by_the_quick_read_in_one_line(tmp_path: Path) -> None:
    path = anna(tmp_path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["forecast_calls"]["calls"][1]["commit"] = "lots"
    path.write_text(json.dumps(data), encoding="utf-8")
    team = load_team([path])
    assert team.sellers == ()
    (refusal,) = team.refused
    assert refusal.reason == (
        'anna.json cannot be read: forecast_calls.calls[1].commit: expected a number, found "lots".'
    )


def test_the_json_and_planner_review_json_carry_them(tmp_path: Path) -> None:
    paths = [anna(tmp_path), ben(tmp_path), chloe_without_calls(tmp_path)]
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", "review", "--json", *map(str, paths)],
        cwd=Path(__file__).resolve().parents[2],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    printed = json.loads(done.stdout)
    assert printed == json.loads(json.dumps(team_json(load_team(paths, full=True))))
    anna_row, ben_row, chloe_row = printed["sellers"]
    assert anna_row["last_call"] == {
        "quarter": "2027Q1",
        "day": "2027-01-12",
        "commit": 35_000,
        "best_case": 45_000,
        "currency": "EUR",
        "comment": COMMENT,
    }
    assert anna_row["accuracy_last_quarter"] == pytest.approx(120_000 / 160_000)
    assert anna_row["last_quarter"]["won"] == 120_000
    assert anna_row["last_quarter"]["call"]["day"] == "2026-12-01"
    assert (ben_row["last_call"]["commit"], ben_row["accuracy_last_quarter"], ben_row["last_quarter"]) == (
        8_000,
        None,
        None,
    )
    assert (chloe_row["last_call"], chloe_row["accuracy_last_quarter"]) == (None, None)
