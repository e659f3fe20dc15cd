"""`planner import` brings two HubSpot pipelines; `planner export --pipeline` packs one of them."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from planner.storage.db import open_plan
from tests.planner.import_support import DATA

PLANNER = Path(sys.executable).with_name("planner")


def _planner(*argv: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PLANNER), *argv], capture_output=True, text=True, check=False, timeout=120)


def test_import_then_export_one_pipeline(tmp_path: Path) -> None:
    db = tmp_path / "mine.plan"
    done = _planner("import", str(DATA / "hubspot_two_pipelines.csv"), "--db", str(db))
    assert done.returncode == 0, done.stderr
    plan = open_plan(db, create=False, read_only=True)
    try:
        names = [r[0] for r in plan.query("SELECT name FROM pipeline ORDER BY position")]
    finally:
        plan.close()
    assert names == ["Sales Pipeline", "Renewals"]
    out = tmp_path / "renewals.json"
    done = _planner(
        "export", "--db", str(db), "--format", "json", "--out", str(out), "--pipeline", "renewals"
    )
    assert done.returncode == 0, done.stderr
    titles = {o["name"] for o in json.loads(out.read_text())["opportunities"]}
    assert titles == {"Hosting renewal", "Licence renewal", "Maintenance renewal"}
    every = tmp_path / "every.json"
    assert _planner("export", "--db", str(db), "--format", "json", "--out", str(every)).returncode == 0
    assert "Website relaunch" in {o["name"] for o in json.loads(every.read_text())["opportunities"]}


def test_an_unknown_pipeline_is_one_line(tmp_path: Path) -> None:
    db = tmp_path / "mine.plan"
    assert _planner("import", str(DATA / "hubspot_two_pipelines.csv"), "--db", str(db)).returncode == 0
    out = tmp_path / "x.json"
    done = _planner("export", "--db", str(db), "--format", "json", "--out", str(out), "--pipeline", "Upsell")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1
    assert "no pipeline named “Upsell”" in done.stderr
    assert not out.exists()
