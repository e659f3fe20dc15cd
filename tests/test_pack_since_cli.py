"""`planner export --since DATE`: the manager's page lists the changes since that day; a plan
file is only read (the command line never remembers a review)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from planner.since_review import last_review_day
from planner.storage.db import open_plan
from tests.planner.since_support import build_history


def _planner(*argv: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    return subprocess.run(
        [sys.executable, "-m", "planner.cli", *argv],
        cwd=Path(__file__).resolve().parents[1],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_since_reaches_the_managers_page_and_a_bad_day_is_one_line(tmp_path: Path) -> None:
    path = tmp_path / "history.plan"
    plan = open_plan(path)
    build_history(plan)  # remembers the pack of 10 Nov 2026
    plan.close()
    out = tmp_path / "pack.json"
    done = _planner(
        "export", "--db", str(path), "--format", "json", "--out", str(out), "--since", "2026-11-17"
    )
    assert done.returncode == 0, done.stderr
    page = json.loads(out.read_text(encoding="utf-8"))["manager_page"]
    assert (page["since_source"], page["since"]["since"]) == ("chosen", "2026-11-17")
    # 17 Nov on: Old tender (19 Nov) won, Lost bid (21 Nov) lost; Walked (13 Nov) is before.
    assert [c["deal"]["name"] for c in page["since"]["won"] + page["since"]["lost"]] == [
        "Old tender",
        "Lost bid",
    ]
    assert page["since"]["walked_away"] == []

    # Without --since: since the last pack the window exported.
    done = _planner("export", "--db", str(path), "--format", "json", "--out", str(out))
    assert done.returncode == 0, done.stderr
    page = json.loads(out.read_text(encoding="utf-8"))["manager_page"]
    assert (page["since_source"], page["since"]["since"]) == ("last_pack", "2026-11-10")

    bad = tmp_path / "bad.json"
    done = _planner(
        "export", "--db", str(path), "--format", "json", "--out", str(bad), "--since", "17/11/2026"
    )
    assert done.returncode == 1
    assert done.stderr.strip().splitlines() == [
        "planner: “17/11/2026” is not a date; write it like 2026-11-10."
    ]
    assert "Traceback" not in done.stderr
    assert not bad.exists()
    plan = open_plan(path)
    try:
        assert str(last_review_day(plan)) == "2026-11-10"  # the command line remembered nothing
    finally:
        plan.close()
