"""`planner export --format crm-csv`: a stage the CRM does not know is refused in one line, then
mapped once with --crm-stage; reasons go to the field named once; contact roles go beside."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from planner import operations as ops
from planner import sheet_operations as sheet
from planner.model import BuyingInfluence, Role
from planner.operations import MoveDetails
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan
from tests.planner.test_crm_round_trip import SALESFORCE
from tests.test_cli_import import planner

TODAY = dt.date(2026, 11, 26)
EXPORT = ("export", "--format", "crm-csv", "--source", "salesforce", "--db", "p.plan", "--out", "back.csv")


def _planned(tmp_path: Path) -> None:
    paths = SALESFORCE.write(tmp_path / "crm")
    assert planner(tmp_path, "import", *paths, "--db", "p.plan").returncode == 0
    plan = open_plan(tmp_path / "p.plan", create=False)
    try:
        stage = {s.name: s.id for s in stage_repo.list_stages(plan)}
        ids = dict(plan.query("SELECT external_id, id FROM opportunity"))
        ops.move_opportunity(plan, ids["006A1"], stage["Evaluating"], MoveDetails("Agreed a pilot"), TODAY)
        away = MoveDetails(reason="No budget this year", closed_on=TODAY)
        ops.move_opportunity(plan, ids["006A4"], stage["Walked away"], away, TODAY)
        (maria,) = plan.query("SELECT id FROM person WHERE external_id = '003A1'")[0]
        sheet.add_influence(plan, ids["006A1"], maria, BuyingInfluence(0, 0, maria, Role.ECONOMIC))
    finally:
        plan.close()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_an_unknown_stage_is_refused_then_mapped_once(tmp_path: Path) -> None:
    _planned(tmp_path)
    refused = planner(tmp_path, *EXPORT)
    assert refused.returncode == 1
    assert refused.stderr == (
        "planner: Stage “Evaluating” has no Salesforce stage value: choose one in Stage settings, "
        "then export again.\n"
    )
    assert not (tmp_path / "back.csv").exists()
    wrong = planner(tmp_path, *EXPORT, "--crm-stage", "Evaluating=Evaluating")
    assert wrong.returncode == 2
    assert "Salesforce has no stage “Evaluating”" in wrong.stderr
    mapped = planner(tmp_path, *EXPORT, "--crm-stage", "evaluating=Value Proposition")
    assert mapped.returncode == 0, mapped.stderr
    assert mapped.stdout.splitlines() == [
        "Wrote 2 changed deals to back.csv (Salesforce layout)",
        "Wrote 1 contact role to back-OpportunityContactRole.csv",
        "1 close reason was left out: name your Salesforce field once with --reason-field "
        "(e.g. Loss_Reason__c).",
    ]
    assert [(r["Id"], r["StageName"]) for r in _rows(tmp_path / "back.csv")] == [
        ("006A1", "Value Proposition"),
        ("006A4", "Closed Lost"),
    ]
    assert _rows(tmp_path / "back-OpportunityContactRole.csv") == [
        {"OpportunityId": "006A1", "ContactId": "003A1", "Role": "Economic Buyer", "IsPrimary": "false"}
    ]
    # Both are remembered: the next export needs neither option.
    named = planner(tmp_path, *EXPORT, "--reason-field", "Loss_Reason__c")
    assert named.returncode == 0, named.stderr
    again = planner(tmp_path, *EXPORT)
    assert again.returncode == 0, again.stderr
    rows = _rows(tmp_path / "back.csv")
    assert list(rows[0]) == [
        "Id", "StageName", "CloseDate", "Probability", "ForecastCategoryName", "Amount", "Loss_Reason__c",
        "NextStep",
    ]  # fmt: skip
    assert [(r["StageName"], r["Loss_Reason__c"]) for r in rows] == [
        ("Value Proposition", ""),
        ("Closed Lost", "No budget this year"),
    ]
