"""The real CRM exports in ../shared/data: every trap of their README handled."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from planner.exchange.import_plan import ImportOptions
from planner.exchange.layouts import Field
from planner.storage.db import PlanDB
from tests.planner.import_support import deals, fingerprint, preview, run, shared

# The mapping the issue spells out for the Maven "CRM Sales Opportunities" data set.
MAPPING: dict[str, Field | None] = {
    "opportunity_id": Field.EXTERNAL_ID,
    "deal_stage": Field.STAGE,
    "close_value": Field.AMOUNT,
    "account": Field.ACCOUNT,
    "product": Field.PRODUCT,
    "engage_date": Field.CREATED,
    "close_date": Field.CLOSE_DATE,
    "sales_agent": Field.OWNER,
}


def _pipeline_rows(folder: Path) -> list[dict[str, str]]:
    with (folder / "sales_pipeline.csv").open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module")
def maven() -> Path:
    return shared("crm-sales-opportunities")


def test_maven_pipeline_with_its_accounts_and_products(plan: PlanDB, maven: Path) -> None:
    rows = _pipeline_rows(maven)
    result = run(plan, [maven], ImportOptions(mappings={"*": MAPPING}))
    summary = result.summary
    assert (summary.created, summary.skipped) == (len(rows), 0) == (8800, 0)
    got = deals(plan)
    # Stages: closed ones by name, open ones by order (the file gives no probabilities).
    assert Counter(d["stage"] for d in got.values()) == {
        "Won": 4238, "Lost": 2473, "Qualified": 1589, "Prospect": 500,
    }  # fmt: skip
    # Blank accounts: imported without one, and flagged.
    blank = [d for d in got.values() if d["account"] is None]
    assert len(blank) == sum(1 for r in rows if not r["account"]) == 1425
    assert {d["stage"] for d in blank} == {"Qualified", "Prospect"}
    # Open deals have no close date: imported and flagged, not rejected.
    undated = [d for d in got.values() if d["close_date"] is None]
    assert len(undated) == 2089
    flagged = [
        p for p in summary.problems if p.message == "open deal without a close date; imported and flagged"
    ]
    assert len(flagged) == 2089
    assert all(p.severity.value == "warning" for p in summary.problems)
    # GTXPro in the pipeline is the GTX Pro of products.csv.
    products = Counter(d["product"] for d in got.values())
    assert products["GTX Pro"] == 1480
    assert "GTXPro" not in products
    assert "Product “GTXPro” is written “GTX Pro” (1,480 deals)" in summary.notes
    # Values: amounts, dates, engage dates.
    first = got["1C1I7A6R"]
    assert (first["account"], first["amount"], first["close_date"], first["stage"]) == (
        "Cancity", 1054.0, "2017-03-01", "Won",
    )  # fmt: skip
    assert first["created"] == "2016-10-20T00:00:00+00:00"
    # Parent accounts from accounts.csv (subsidiary_of), the sector kept as the CRM spells it.
    parents = dict(
        plan.query(
            "SELECT a.name, p.name FROM account a JOIN account p ON p.id = a.parent_id ORDER BY a.name"
        )
    )
    with (maven / "accounts.csv").open(newline="", encoding="utf-8") as handle:
        expected = {r["account"]: r["subsidiary_of"] for r in csv.DictReader(handle) if r["subsidiary_of"]}
    assert parents == expected
    assert len(parents) == 15
    assert plan.query("SELECT industry FROM account WHERE name = 'Acme Corporation'") == [("technolgy",)]
    assert "crm-sales-opportunities/sales_teams.csv: not used" in summary.notes[0]


def test_maven_pipeline_alone_keeps_its_product_spelling(plan: PlanDB, maven: Path) -> None:
    result = run(plan, [maven / "sales_pipeline.csv"])  # automatic mapping: the headers say it all
    assert result.summary.created == 8800
    products = Counter(d["product"] for d in deals(plan).values())
    assert products["GTXPro"] == 1480


def test_one_agents_deals_are_exactly_that_agents_rows(plan: PlanDB, maven: Path) -> None:
    rows = _pipeline_rows(maven)
    agent = "Darcel Schlecht"
    theirs = {r["opportunity_id"] for r in rows if r["sales_agent"] == agent}
    assert len(theirs) == 747
    seen = preview(plan, [maven], ImportOptions(mappings={"*": MAPPING}, owner=agent))
    assert (agent, 747) in seen.owners
    assert len(seen.owners) == 30
    result = run(plan, [maven], ImportOptions(mappings={"*": MAPPING}, owner=agent))
    assert (result.summary.created, result.summary.filtered_out) == (747, 8800 - 747)
    assert set(deals(plan)) == theirs
    # Accounts are created only for the agent's deals (and their parents), not all 85.
    accounts = {r[0] for r in plan.query("SELECT name FROM account")}
    needed = {r["account"] for r in rows if r["sales_agent"] == agent and r["account"]}
    assert needed <= accounts
    assert len(accounts) < 85


def test_reimporting_the_maven_file_changes_nothing(plan: PlanDB, maven: Path) -> None:
    options = ImportOptions(mappings={"*": MAPPING})
    run(plan, [maven / "sales_pipeline.csv"], options)
    before = fingerprint(plan)
    again = run(plan, [maven / "sales_pipeline.csv"], options)
    assert (again.summary.created, len(again.summary.updated), again.summary.unchanged) == (0, 0, 8800)
    assert fingerprint(plan) == before


def test_salesforce_mock_with_accounts_and_contacts(plan: PlanDB) -> None:
    folder = shared("salesforce-mock")
    result = run(plan, [folder])
    summary = result.summary
    assert summary.source == "Salesforce"
    assert (summary.created, summary.accounts_created, summary.people_created) == (10, 10, 10)
    got = deals(plan)
    green = got["0061A00000abc6QAA"]
    assert (green["title"], green["account"], green["amount"], green["close_date"]) == (
        "Green Solutions Project", "Green Solutions", 350000.0, "2023-10-30",
    )  # fmt: skip
    assert green["created"] == "2023-09-26T00:00:00+00:00"  # from '2023-09-26 15:15:00.000000 UTC'
    # Names before probabilities: "Prospecting" (at 20-30 %) is a Prospect, "Qualification" Qualified.
    assert Counter(d["stage"] for d in got.values()) == {
        "Evaluating": 3, "Committed": 2, "Prospect": 2, "Qualified": 1, "Won": 1, "Lost": 1,
    }  # fmt: skip
    people = plan.query(
        "SELECT p.name, p.title, p.email, a.name FROM person p JOIN account a ON a.id = p.account_id"
        " ORDER BY p.name"
    )
    assert people[0] == ("Alice Johnson", "CEO", "alice.johnson@example.com", "Acme Corporation")
    assert len(people) == 10
    industries = dict(plan.query("SELECT name, industry FROM account"))
    assert industries["Green Solutions"] == "Energy"
    assert plan.query(
        "SELECT COUNT(*) FROM account WHERE external_id IS NOT NULL AND source = 'salesforce'"
    ) == [(10,)]
