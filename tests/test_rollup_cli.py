"""`planner review A.json B.json …`: the team roll-up as real processes (JSON, and the window)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from planner.model import ForecastCategory
from tests.planner.rollup_support import Deal, export_bundle, seller_plan

PLANNER = Path(sys.executable).with_name("planner")
HOSTILE = Path(__file__).resolve().parent / "data" / "hostile" / "team"
WRONG = (
    'planner: team-wrong-forecast.json cannot be read: forecast.target: expected a number, found "lots".\n'
)


def _run(command: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PLANNER_DATA_DIR"] = str(tmp_path / "data")
    env["PLANNER_QUIT_AFTER_START"] = "1"  # the window quits once shown
    return subprocess.run(
        command,
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def _bundles(tmp_path: Path) -> list[Path]:
    paths = []
    for n, currency in enumerate(("EUR", "USD")):
        plan = seller_plan(
            f"Seller {n}",
            [Deal("Commit", "Committed", 10_000, currency, category=ForecastCategory.COMMIT)],
            target=50_000,
            base=currency,
        )
        paths.append(export_bundle(plan, tmp_path / f"seller-{n}.json"))
    return paths


def test_json_rows_and_refusals_on_stderr(tmp_path: Path) -> None:
    paths = [*_bundles(tmp_path), HOSTILE / "team-wrong-forecast.json"]
    done = _run([sys.executable, "-m", "planner.cli", "review", "--json", *map(str, paths)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr == WRONG
    data = json.loads(done.stdout)
    assert [(s["seller"], s["currency"], s["commit"], s["target"]) for s in data["sellers"]] == [
        ("Seller 0", "EUR", 10_000, 50_000),
        ("Seller 1", "USD", 10_000, 50_000),
    ]
    # Kept apart: one total per currency.
    assert [(c["currency"], c["commit"]) for c in data["combined"]] == [("EUR", 10_000), ("USD", 10_000)]
    # Converted: 10,000 EUR + 10,000 USD x 0.9 = 19,000 EUR.
    done = _run(
        [sys.executable, "-m", "planner.cli", "review", "--json", "--currency", "EUR", "--rate", "USD=0.9"]
        + [str(p) for p in paths[:2]],
        tmp_path,
    )
    assert done.returncode == 0, done.stderr
    assert [(c["currency"], c["commit"]) for c in json.loads(done.stdout)["combined"]] == [("EUR", 19_000)]
    # Every bundle refused: status 1.
    done = _run([sys.executable, "-m", "planner.cli", "review", "--json", str(HOSTILE)], tmp_path)
    assert done.returncode == 1
    assert len(done.stderr.splitlines()) == 3


@pytest.mark.slow
def test_the_team_window_opens_the_others_and_says_which_was_refused(tmp_path: Path) -> None:
    paths = [*_bundles(tmp_path), HOSTILE / "team-wrong-forecast.json"]
    done = _run([str(PLANNER), "review", *map(str, paths)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stderr.replace("This plugin does not support propagateSizeHints()\n", "") == WRONG
    done = _run(
        [str(PLANNER), "review", str(HOSTILE / "team-wrong-forecast.json"), str(tmp_path / "none")], tmp_path
    )
    assert done.returncode == 1
    assert done.stderr.splitlines() == [WRONG.strip(), f"planner: {tmp_path / 'none'} does not exist."]
