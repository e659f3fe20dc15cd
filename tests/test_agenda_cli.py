"""`planner agenda` and the calendar export: text, JSON, an .ics that parses back and updates in place."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from planner import sheet_operations as sheet_ops
from planner.agenda import load_agenda
from planner.cli.program import main
from planner.demo import populate_demo
from planner.exchange import agenda_ics
from planner.storage import activities
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage.db import open_plan
from tests.conftest import TODAY

HOSTILE = '<b>x</b> <img src=x> =HYPERLINK("http://evil","c"); a,b\\n \u202eevil\u202c ' + "é" * 80


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.plan"
    plan = open_plan(path)
    try:
        populate_demo(plan, TODAY)
    finally:
        plan.close()
    return path


def _events(path: Path) -> dict[str, dict[str, object]]:
    calendar = Calendar.from_ical(path.read_bytes())
    return {
        str(e["UID"]): {
            "summary": str(e["SUMMARY"]),
            "description": str(e["DESCRIPTION"]),
            "start": e.decoded("DTSTART"),
            "end": e.decoded("DTEND"),
            "sequence": e.decoded("SEQUENCE"),
        }
        for e in calendar.walk("VEVENT")
    }


def _agenda(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["agenda", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_and_json_say_what_the_agenda_says(demo_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    day = (TODAY + dt.timedelta(days=14)).isoformat()
    code, out, _err = _agenda(["--db", str(demo_file), "--today", day, "--json"], capsys)
    assert code == 0
    listed = json.loads(out)
    plan = open_plan(demo_file, read_only=True)
    try:
        expected = load_agenda(plan, TODAY + dt.timedelta(days=14))
    finally:
        plan.close()
    keys = [row["key"] for rows in listed["sections"].values() for row in rows]
    assert keys == [item.key for item in expected]
    assert keys
    code, out, _err = _agenda(["--db", str(demo_file), "--today", day], capsys)
    assert code == 0
    first = out.splitlines()[0]
    overdue = sum(1 for i in expected if i.section.value == "overdue")
    assert first.startswith(f"Agenda · {overdue} overdue, ")


def test_a_missing_plan_and_bad_days_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _out, err = _agenda(["--db", str(tmp_path / "none.plan")], capsys)
    assert code == 1
    assert len(err.strip().splitlines()) == 1
    assert not (tmp_path / "none.plan").exists()
    code, _out, err = _agenda(["--db", str(tmp_path / "none.plan"), "--days", "-3"], capsys)
    assert code == 2
    assert "days" in err
    assert len(err.strip().splitlines()) == 1


def test_the_ics_parses_back_and_a_re_export_updates_exactly_the_changed_event(
    demo_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "agenda.ics"
    argv = ["--db", str(demo_file), "--today", TODAY.isoformat(), "--ics", str(out)]
    assert _agenda(argv, capsys)[0] == 0
    first = _events(out)
    assert first
    assert all(e["sequence"] == 0 for e in first.values())
    kinds = {uid.split("-")[0] for uid in first}
    assert kinds == {"action", "call", "close"}
    # The same export again: nothing changed, so nothing moves.
    assert _agenda(argv, capsys)[0] == 0
    assert _events(out) == first
    # One action moves by two days: its event alone changes, with the same UID.
    plan = open_plan(demo_file)
    try:
        action = next(
            a for a in activities.list_actions(plan, 2) if a.due is not None and a.status.value != "done"
        )
        assert action.due is not None
        moved = action.due + dt.timedelta(days=2)
        sheet_ops.update_action(plan, dataclasses.replace(action, due=moved), TODAY)
    finally:
        plan.close()
    assert _agenda(argv, capsys)[0] == 0
    second = _events(out)
    assert second.keys() == first.keys()
    changed = [uid for uid in first if first[uid] != second[uid]]
    assert changed == [uid for uid in first if uid.startswith(f"action-{action.id}@")]
    uid = changed[0]
    assert second[uid]["sequence"] == 1
    assert second[uid]["start"] == moved


def test_hostile_text_round_trips_as_text(demo_file: Path, tmp_path: Path) -> None:
    plan = open_plan(demo_file)
    try:
        deal = opportunity_repo.get_opportunity(plan, 2)
        assert deal is not None
        with plan.atomic():
            plan.execute("UPDATE opportunity SET title = ? WHERE id = 2", [HOSTILE])
        sheet_ops.add_action(plan, 2, HOSTILE, TODAY, due=TODAY + dt.timedelta(days=1), who=HOSTILE)
        written, remembered = agenda_ics.export_agenda(plan, tmp_path / "a.ics", TODAY)
        assert written
        assert remembered
        assert settings_repo.get_setting(plan, agenda_ics.SETTING)
    finally:
        plan.close()
    events = _events(tmp_path / "a.ics")
    hostile = [e for uid, e in events.items() if e["summary"] == f"{HOSTILE} — {HOSTILE}"]
    assert len(hostile) == 1
    assert f"Deal: {HOSTILE}\n" in str(hostile[0]["description"])
    assert f"Who: {HOSTILE}\n" in str(hostile[0]["description"])
    # Folded lines of at most 75 octets, CRLF endings: what every calendar program reads.
    raw = (tmp_path / "a.ics").read_bytes()
    assert all(len(line) <= 75 for line in raw.split(b"\r\n"))


def test_an_export_of_a_read_only_plan_writes_the_file_and_says_it_is_not_remembered(
    demo_file: Path, tmp_path: Path
) -> None:
    plan = open_plan(demo_file, read_only=True)
    try:
        written, remembered = agenda_ics.export_agenda(plan, tmp_path / "a.ics", TODAY)
    finally:
        plan.close()
    assert written
    assert not remembered
    assert _events(tmp_path / "a.ics")


def test_the_installed_command_line_writes_the_ics(demo_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "cal.ics"
    done = subprocess.run(
        [sys.executable, "-m", "planner.cli", "agenda", "--db", str(demo_file), "--ics", str(out)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(str(out))
    assert done.stderr == ""
    assert _events(out)
