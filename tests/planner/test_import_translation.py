"""The import's problems, notes and summary follow the window's language and number marks; the plan's
stored texts, the command line and its JSON stay English."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner import cli, forecast, i18n
from planner.exchange.importer import summarise
from planner.storage.db import PlanDB
from tests.planner.import_support import DATA, preview, run

BAD_ROWS = (
    "id,name,account,stage,amount,close date\n"
    "1,Good,Acme,Prospect,100,2026-12-01\n"
    "2,Negative,Acme,Prospect,-5,2026-12-01\n"
    "3,Bad date,Acme,Prospect,5,2026-02-30\n"
    "1,Duplicate,Acme,Prospect,5,2026-12-01\n"
    "4,No stage,Acme,,1234567,\n"
)


def _german_like(context: str, source: str) -> str:
    return "DE:" + source


@pytest.fixture
def german() -> Iterator[None]:
    """A lookup that marks every translated sentence, and German number marks."""
    i18n.install(_german_like)
    i18n.install_number_format(",", ".")
    try:
        yield
    finally:
        i18n.install(None)
        i18n.install_number_format()


@pytest.fixture
def bad_rows(tmp_path: Path) -> Path:
    path = tmp_path / "deals.csv"
    path.write_text(BAD_ROWS, encoding="utf-8")
    return path


def test_numbers_take_the_installed_marks() -> None:
    assert i18n.format_number(120000) == "120,000"
    assert i18n.format_number(1234.5, 2) == "1,234.50"
    i18n.install_number_format(",", ".")
    try:
        assert i18n.format_number(120000) == "120.000"
        assert i18n.format_number(1234.5, 2) == "1.234,50"
        assert i18n.format_number(-1491880.4) == "-1.491.880"
        assert forecast.money(120000, "EUR") == "120.000 EUR"
        with i18n.english():
            assert i18n.format_number(120000) == "120,000"
            assert forecast.money(120000, "EUR") == "120,000 EUR"
        assert i18n.format_number(120000) == "120.000"  # and back after the block
        i18n.install_number_format(",", "\u202f")  # a mark of more than one byte (French)
        assert i18n.format_number(1234567.891, 1) == "1\u202f234\u202f567,9"
    finally:
        i18n.install_number_format()
    assert i18n.format_number(120000) == "120,000"


def test_every_problem_and_note_follows_the_language(plan: PlanDB, bad_rows: Path, german: None) -> None:
    shown = preview(plan, [bad_rows])
    problems = [p for r in shown.rows for p in r.problems]
    assert {p.row for p in problems} == {3, 4, 5, 6}
    assert all(p.message.startswith("DE:") for p in problems), [p.message for p in problems]
    # The row's place is worded too: "deals.csv, DE:row 5, id “1”: DE:the same id is on DE:row 2…".
    duplicate = next(p for p in problems if p.row == 5)
    assert duplicate.line() == "deals.csv, DE:row 5, id “1”: DE:the same id is on row 2; this row is skipped"
    summary = summarise(shown)
    lines = summary.lines()
    assert lines[0].startswith("DE:Would import from CSV: 4 created")
    assert all("DE:" in line for line in lines), lines


def test_changes_and_counts_use_the_installed_marks(plan: PlanDB, tmp_path: Path, german: None) -> None:
    path = tmp_path / "deals.csv"
    path.write_text("id,name,account,stage,amount\n1,Fleet,Acme,Prospect,1000\n", encoding="utf-8")
    run(plan, [path])
    path.write_text("id,name,account,stage,amount\n1,Fleet,Acme,Prospect,1234567.5\n", encoding="utf-8")
    shown = preview(plan, [path])
    (change,) = shown.rows[0].changes
    assert (change.field, change.old, change.new) == ("DE:Amount", "1.000", "1.234.567,50")


def test_the_plan_keeps_english_reasons(plan: PlanDB, german: None) -> None:
    run(plan, [DATA / "salesforce_opportunities.csv"])
    reasons = [r[0] for r in plan.query("SELECT reason FROM stage_history")]
    closes = [r[0] for r in plan.query("SELECT close_reason FROM opportunity WHERE close_reason != ''")]
    assert reasons
    assert not [t for t in reasons + closes if "DE:" in (t or "")]
    assert any((r or "").startswith("Imported from Salesforce") for r in reasons)


def test_planner_import_speaks_english_with_a_translation_installed(
    tmp_path: Path, bad_rows: Path, german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "mine.plan"
    assert cli.run_command(cli.parse(["import", str(bad_rows), "--db", str(db), "--dry-run"])) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Would import from CSV: 4 created")
    assert "Error: deals.csv, row 5, id “1”: the same id is on row 2; this row is skipped" in out
    assert "DE:" not in out + err
    assert cli.run_command(cli.parse(["import", str(bad_rows), "--db", str(db), "--json"])) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["created"] == 4
    assert "DE:" not in out + err
    bad_rows.write_text(BAD_ROWS.replace("Good,Acme,Prospect,100,", "Good,Acme,Prospect,1234567,"))
    assert cli.run_command(cli.parse(["import", str(bad_rows), "--db", str(db)])) == 0
    out, err = capsys.readouterr()
    assert "Updated “Good”: Amount: 100 → 1,234,567" in out  # English marks, whatever is installed
    assert "DE:" not in out + err
