"""Each layout imports with the right values: Salesforce, HubSpot, Pipedrive, CSV, XLSX, export ZIP."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

from planner.exchange.import_plan import ImportOptions
from planner.exchange.layouts import Field, Layout
from planner.exchange.values import DateOrder
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage.board import load_all_details
from planner.storage.db import PlanDB
from tests.planner.import_support import DATA, deals, preview, run


def test_salesforce_api_names(plan: PlanDB) -> None:
    result = run(plan, [DATA / "salesforce_opportunities.csv"])
    assert (result.summary.created, result.summary.skipped) == (5, 0)
    got = deals(plan)
    fleet = got["0065g00000AAAA1AAA"]
    assert (fleet["title"], fleet["account"], fleet["stage"]) == (
        "Fleet rollout",
        "Northwind Traders",
        "Prospect",
    )
    assert (fleet["amount"], fleet["currency"], fleet["close_date"]) == (120000.0, "USD", "2026-12-15")
    assert (fleet["next_step"], fleet["forecast"]) == ("Discovery call with the CFO", "pipeline")
    assert fleet["created"] == "2026-09-01T00:00:00+00:00"
    assert [got[f"0065g00000AAAA{i}AAA"]["stage"] for i in range(1, 6)] == [
        "Prospect", "Evaluating", "Committed", "Won", "Lost",
    ]  # fmt: skip
    won, lost = got["0065g00000AAAA4AAA"], got["0065g00000AAAA5AAA"]
    assert (won["closed_on"], won["close_reason"]) == ("2026-10-20", "Won in Salesforce")
    assert (lost["closed_on"], lost["close_reason"]) == ("2026-09-30", "Lost in Salesforce")
    assert plan.query("SELECT DISTINCT source FROM opportunity") == [("salesforce",)]
    (move,) = opportunity_repo.stage_history(plan, fleet["id"])
    assert (move.from_stage_id, move.reason) == (None, "Imported from Salesforce")
    mapped = {s: (t, why) for s, t, why in result.summary.stage_map}
    assert mapped["Negotiation/Review"] == ("Committed", "probability 90 % is nearest Committed's 80 %")


def test_hubspot_labels_and_us_dates(plan: PlanDB) -> None:
    result = run(plan, [DATA / "hubspot_deals.csv"])
    assert result.summary.source == "HubSpot"
    got = deals(plan)
    assert got["9001"]["close_date"] == "2026-12-15"  # 12/15/2026: month first, proven by the 15
    assert got["9002"]["close_date"] == "2027-01-31"
    assert got["9004"]["close_date"] == "2026-10-13"
    assert got["9001"]["created"] == "2026-09-01T00:00:00+00:00"
    assert (got["9001"]["amount"], got["9003"]["amount"]) == (12500.0, 8000.5)
    assert got["9001"]["currency"] == "EUR"  # no currency column: the plan's base currency
    assert [got[k]["stage"] for k in ("9001", "9002", "9003", "9004")] == [
        "Qualified", "Evaluating", "Committed", "Won",
    ]  # fmt: skip
    assert got["9002"]["account"] == "Initech"


def test_pipedrive_entity_headers_decimal_commas_and_status(plan: PlanDB) -> None:
    result = run(plan, [DATA / "pipedrive_deals.csv"])
    got = deals(plan)
    assert got["101"]["account"] == "Müller Logistik GmbH"
    assert (got["101"]["amount"], got["102"]["amount"], got["103"]["amount"]) == (12500.5, 8000.0, 45000.0)
    assert (got["101"]["close_date"], got["102"]["close_date"]) == ("2026-12-15", "2027-01-31")
    assert got["101"]["stage"] == "Qualified"
    assert (got["103"]["stage"], got["104"]["stage"]) == ("Won", "Lost")  # by Deal - Status
    assert got["104"]["close_reason"] == "Zu teuer"
    # "Contact person" becomes a person of the organisation and a buying influence of unknown role.
    influences = people_repo.list_influences(plan, got["101"]["id"])
    assert [(people_repo.get_person(plan, i.person_id).name, i.role.value) for i in influences] == [  # type: ignore[union-attr]
        ("Anna Schmidt", "unknown")
    ]
    assert result.summary.people_created == 2


def test_generic_csv_with_quotes_newlines_fractions_and_two_digit_years(plan: PlanDB) -> None:
    result = run(plan, [DATA / "generic_deals.csv"])
    got = deals(plan)
    assert got["G-1"]["title"] == 'Warehouse "Phase 2"'
    assert got["G-2"]["title"] == "Pilot (two sites)"
    assert [p.message for p in result.summary.problems] == [
        "had line breaks or repeated spaces; joined into one line"
    ]
    assert (got["G-1"]["close_date"], got["G-2"]["close_date"]) == ("2026-03-15", "2026-04-01")
    assert (got["G-1"]["amount"], got["G-1"]["currency"], got["G-1"]["product"]) == (1200.0, "GBP", "Scanner")
    assert [got[k]["stage"] for k in ("G-1", "G-2", "G-3")] == ["Prospect", "Evaluating", "Committed"]


def test_xlsx_workbook(plan: PlanDB, tmp_path: Path) -> None:
    path = tmp_path / "pipeline.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Deal ID", "Deal Name", "Account", "Stage", "Amount", "Close Date", "Probability"])
    sheet.append(["X-1", "Serial dated", "Acme", "Negotiation", 1500.5, 46096, 0.8])
    sheet.append(["X-2", "Date cell", "Acme", "Discovery", 200, dt.datetime(2026, 12, 1), 0.2])
    book.save(path)
    result = run(plan, [path])
    assert result.summary.created == 2
    got = deals(plan)
    assert (got["X-1"]["close_date"], got["X-2"]["close_date"]) == ("2026-03-15", "2026-12-01")
    assert (got["X-1"]["stage"], got["X-2"]["stage"]) == ("Committed", "Qualified")  # 80 % and 20 %
    assert got["X-1"]["amount"] == 1500.5


def _zip(tmp_path: Path) -> Path:
    archive = tmp_path / "WE_00D000000000001_1.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for file in sorted((DATA / "salesforce_export").iterdir()):
            out.write(file, f"export/{file.name}")
    return archive


def test_salesforce_weekly_export_zip_joins_by_ids(plan: PlanDB, tmp_path: Path) -> None:
    result = run(plan, [_zip(tmp_path)])
    summary = result.summary
    assert (summary.created, summary.accounts_created) == (2, 3)
    assert (summary.people_created, summary.influences_created) == (3, 3)
    got = deals(plan)
    expansion = got["006A0000001"]
    assert expansion["account"] == "Northwind Traders"
    accounts = {
        r[0]: r[1:]
        for r in plan.query(
            "SELECT a.name, p.name, a.industry, a.external_id FROM account a"
            " LEFT JOIN account p ON p.id = a.parent_id"
        )
    }
    assert accounts["Northwind Traders"] == ("Northwind Holding", "Logistics", "001A0000001")
    assert accounts["Northwind Holding"] == (None, "Logistics", "001A0000003")
    roles = {
        people_repo.get_person(plan, i.person_id).name: i.role.value  # type: ignore[union-attr]
        for i in people_repo.list_influences(plan, expansion["id"])
    }
    assert roles == {"Maria Keller": "economic", "Aisha Rahman": "technical"}
    (sponsor,) = people_repo.list_influences(plan, got["006A0000002"]["id"])
    assert sponsor.role.value == "unknown"  # Executive Sponsor names no Miller Heiman role
    people = plan.query("SELECT name, title, email, external_id, source FROM person ORDER BY name")
    assert people[0] == ("Aisha Rahman", "IT Architect", "aisha@example.com", "003A0000002", "salesforce")
    # OpportunityHistory seeds the stage and close-date histories: two slips already.
    moves = opportunity_repo.stage_history(plan, expansion["id"])
    names = {s[0]: s[1] for s in plan.query("SELECT id, name FROM stage")}
    assert [(names.get(m.from_stage_id or 0), names[m.to_stage_id]) for m in moves] == [
        (None, "Prospect"), ("Prospect", "Evaluating"), ("Evaluating", "Committed"),
    ]  # fmt: skip
    assert moves[0].moved_at == "2026-06-01T09:00:00+00:00"
    slips = opportunity_repo.close_date_history(plan, expansion["id"])
    assert [(c.old_date, c.new_date) for c in slips] == [
        (dt.date(2026, 10, 31), dt.date(2026, 11, 30)), (dt.date(2026, 11, 30), dt.date(2026, 12, 20)),
    ]  # fmt: skip
    assert load_all_details(plan)[expansion["id"]].slips == 2
    assert expansion["created"] == "2026-06-01T00:00:00+00:00"


def test_owner_filter_uses_user_names_from_the_export(plan: PlanDB, tmp_path: Path) -> None:
    path = _zip(tmp_path)
    seen = preview(plan, [path])
    assert seen.owners == (("Alex Other", 1), ("Sam Seller", 1))
    result = run(plan, [path], ImportOptions(owner="sam seller"))
    assert (result.summary.created, result.summary.filtered_out) == (1, 1)
    assert set(deals(plan)) == {"006A0000001"}


def test_owner_filter_problems(plan: PlanDB) -> None:
    nobody = preview(plan, [DATA / "generic_deals.csv"], ImportOptions(owner="Nobody"))
    assert not nobody.importable
    assert "no deal in the files is owned by “Nobody” (owners: me (2), someone else (1))" in [
        p.message for p in nobody.problems
    ]
    no_column = preview(
        plan, [DATA / "hubspot_deals.csv"], ImportOptions(owner="x", mappings={"*": {"Deal owner": None}})
    )
    assert "the files have no owner column to filter by" in [p.message for p in no_column.problems]
    mine = run(plan, [DATA / "generic_deals.csv"], ImportOptions(owner="me"))
    assert (mine.summary.created, mine.summary.filtered_out) == (2, 1)


def test_mapping_page_choices_are_remembered_per_layout(plan: PlanDB) -> None:
    path = DATA / "custom_columns.csv"
    mapping: dict[str, Field | None] = {
        "Ref": Field.EXTERNAL_ID, "Opportunité": Field.TITLE, "Client": Field.ACCOUNT,
        "Montant": Field.AMOUNT, "Échéance": Field.CLOSE_DATE, "Étape": Field.STAGE,
    }  # fmt: skip
    suggested = preview(plan, [path])
    (table,) = suggested.tables
    assert (table.origin, dict(table.mapping)) == ("suggested", {"Client": Field.ACCOUNT})
    assert table.dates is not None
    assert not table.dates.proven  # 03/04 and 05/06 read either way
    options = ImportOptions(
        mappings={"custom_columns.csv": mapping},
        stage_map={"Négociation": "Committed", "Découverte": "Qualified"},
        date_orders={"custom_columns.csv": DateOrder.DAY_FIRST},
    )
    first = run(plan, [path], options)
    assert first.summary.created == 2
    got = deals(plan)
    assert (got["F-1"]["title"], got["F-1"]["amount"], got["F-1"]["close_date"]) == (
        "Contrat cadre",
        10000.0,
        "2026-04-03",
    )
    assert (got["F-1"]["stage"], got["F-2"]["stage"]) == ("Committed", "Qualified")
    # The next file with the same columns gets the same mapping and stages without being asked.
    again = preview(plan, [path])
    (table,) = again.tables
    assert table.origin == "remembered"
    assert dict(table.mapping) == mapping
    assert {s: c.reason for s, c in again.stage_map.items()} == {
        "Négociation": "remembered",
        "Découverte": "remembered",
    }
    assert all(r.action.value == "unchanged" for r in again.rows)


def test_default_currency_when_the_file_names_none(plan: PlanDB) -> None:
    run(plan, [DATA / "hubspot_deals.csv"], ImportOptions(default_currency="USD"))
    assert {d["currency"] for d in deals(plan).values()} == {"USD"}


def test_source_can_be_forced(plan: PlanDB) -> None:
    seen = preview(plan, [DATA / "generic_deals.csv"], ImportOptions(source=Layout.HUBSPOT))
    assert seen.source is Layout.HUBSPOT
