"""Back to the CRM: deals changed in the planner since their import, in the CRM's layout, written safely."""

from __future__ import annotations

import csv
import datetime as dt
import io
import os
import stat
from pathlib import Path

import pytest

from planner import operations as ops
from planner import sheet_operations as sheet
from planner.exchange.crm_export import crm_csv
from planner.exchange.files import neutralise, write_private
from planner.exchange.layouts import Layout
from planner.model import OpportunityDraft
from planner.operations import MoveDetails
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.import_support import DATA, TODAY, deals, run

SALESFORCE_COLUMNS = [
    "Id",
    "StageName",
    "CloseDate",
    "Probability",
    "ForecastCategoryName",
    "Amount",
    "NextStep",
]


def _rows(data: bytes) -> list[list[str]]:
    assert not data.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(data.decode("utf-8"))))


def _stage(plan: PlanDB, name: str) -> int:
    return next(s.id for s in stage_repo.list_stages(plan) if s.name == name)


def _edit(plan: PlanDB, deal_id: int, *, close_date: dt.date | None = None) -> None:
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    draft = OpportunityDraft(
        deal.title, deal.account_id, deal.stage_id, deal.product, deal.quantity, deal.amount, deal.currency,
        close_date or deal.close_date, deal.probability_override, deal.forecast_category,
        deal.next_step,
    )  # fmt: skip
    ops.update_opportunity(plan, deal_id, draft, TODAY)


def test_only_changed_deals_go_back_with_crm_stage_names(plan: PlanDB) -> None:
    run(plan, [DATA / "salesforce_opportunities.csv"])
    got = deals(plan)
    assert _rows(crm_csv(plan, Layout.SALESFORCE).data) == [SALESFORCE_COLUMNS]
    _edit(plan, got["0065g00000AAAA1AAA"]["id"], close_date=dt.date(2027, 2, 15))
    ops.move_opportunity(
        plan,
        got["0065g00000AAAA2AAA"]["id"],
        _stage(plan, "Committed"),
        MoveDetails(commitment="Verbal selection", commitment_date=TODAY),
        TODAY,
    )
    # The seller's next step is an action (what Edit deal's Next step field writes).
    sheet.set_next_step(plan, got["0065g00000AAAA3AAA"]["id"], "=cmd|' /C calc'!A0", TODAY)
    export = crm_csv(plan, Layout.SALESFORCE)
    assert export.deals == 3
    assert _rows(export.data) == [
        SALESFORCE_COLUMNS,
        ["0065g00000AAAA1AAA", "Prospecting", "2027-02-15", "", "", "", "Discovery call with the CFO"],
        ["0065g00000AAAA2AAA", "Negotiation/Review", "2027-01-31", "", "", "", "Send the proposal"],
        ["0065g00000AAAA3AAA", "Negotiation/Review", "2026-11-30", "", "", "", "'=cmd|' /C calc'!A0"],
    ]
    assert export.data.endswith(b"\r\n")


def test_pipedrive_says_won_in_the_status(plan: PlanDB) -> None:
    run(plan, [DATA / "pipedrive_deals.csv"])
    deal = deals(plan)["101"]["id"]
    ops.move_opportunity(
        plan, deal, _stage(plan, "Won"), MoveDetails(reason="Signed", closed_on=dt.date(2026, 11, 20)), TODAY
    )
    assert _rows(crm_csv(plan, Layout.PIPEDRIVE).data) == [
        [
            "Deal - ID",
            "Deal - Stage",
            "Deal - Status",
            "Deal - Expected close date",
            "Deal - Probability",
            "Deal - Value",
            "Deal - Lost reason",
            "Deal - Next step",
        ],
        ["101", "Qualified", "won", "2026-11-20", "", "", "", ""],
    ]


def test_hubspot_layout_and_the_next_import_settles_the_change(plan: PlanDB, tmp_path: Path) -> None:
    source = DATA / "hubspot_deals.csv"
    run(plan, [source])
    sheet.set_next_step(plan, deals(plan)["9001"]["id"], "Demo on Friday", TODAY)
    assert _rows(crm_csv(plan, Layout.HUBSPOT).data)[1:] == [
        ["9001", "Appointment Scheduled", "2026-12-15", "", "", "", "", "Demo on Friday"],
    ]
    assert _rows(crm_csv(plan, Layout.HUBSPOT).data)[0] == [
        "Record ID",
        "Deal Stage",
        "Close Date",
        "Forecast probability",
        "Forecast category",
        "Amount",
        "Closed lost reason",
        "Next step",
    ]
    # The CRM took the file: its next export has the next step, and the deal is no longer "changed".
    week2 = tmp_path / "hubspot_deals.csv"
    week2.write_text(source.read_text().replace("Deal Name,", "Deal Name,Next step,").replace(
        "Website relaunch,", "Website relaunch,Demo on Friday,"
    ).replace("CRM integration,", "CRM integration,,").replace("Training days,", "Training days,,").replace(
        "Support plan,", "Support plan,,"
    ))  # fmt: skip
    run(plan, [week2])
    assert crm_csv(plan, Layout.HUBSPOT).deals == 0
    # Deals of another source are never exported under this one.
    assert crm_csv(plan, Layout.SALESFORCE).deals == 0


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(A1)", "\tx", "\rx"])
def test_formula_cells_are_neutralised(cell: str) -> None:
    assert neutralise(cell) == "'" + cell
    assert neutralise("plain") == "plain"
    assert neutralise("") == ""


def test_files_are_written_privately_and_atomically(tmp_path: Path) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o644)
    write_private(target, b"new")
    assert target.read_bytes() == b"new"
    if os.name == "posix":
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.csv"]  # no temporary file left
    with pytest.raises(FileNotFoundError):
        write_private(tmp_path / "missing-folder" / "out.csv", b"x")
    assert target.read_bytes() == b"new"
