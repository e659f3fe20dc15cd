"""Zoho CRM: a CRM added as one profile module and one registry line, recognised and round-tripped."""

from __future__ import annotations

from pathlib import Path

from planner.cli import crm as cli
from planner.exchange.crm import PROFILES, by_key, detect
from planner.exchange.layouts import detect_layout
from planner.storage.db import PlanDB
from tests.planner.crm_round_trip import CrmCase
from tests.planner.test_crm_round_trip import Planning, round_trip

ZOHO = CrmCase(
    by_key("zoho"),
    {
        "Deals.csv": (
            "Record Id,Deal Name,Account Name,Amount,Stage,Closing Date,Probability (%),Deal Owner\n"
            "zcrm_1,Fleet rollout,Northwind Traders,120000,Qualification,2026-12-15,10,Zoe Zoho\n"
            "zcrm_2,Analytics pilot,Contoso Ltd,65000,Needs Analysis,2027-01-31,20,Zoe Zoho\n"
            "zcrm_3,Support renewal,Contoso Ltd,18000,Value Proposition,2026-11-30,40,Zoe Zoho\n"
            "zcrm_4,Data platform,Fabrikam Inc,50000,Negotiation/Review,2027-03-31,90,Zoe Zoho\n"
            "zcrm_5,Scanner order,Fabrikam Inc,1000,Closed Won,2026-10-01,100,Zoe Zoho\n"
        )
    },
    "Deals.csv",
)


def test_the_registry_offers_zoho_everywhere() -> None:
    zoho = by_key("zoho")
    assert zoho in PROFILES
    assert zoho.label == "Zoho CRM"
    assert "zoho" in cli.SOURCES
    assert "zoho" in cli.CRM_SOURCES
    headers = ZOHO.files["Deals.csv"].splitlines()[0].split(",")
    assert detect(headers) is zoho
    assert detect_layout(headers) is zoho
    # HubSpot's labels share "Deal Name" and "Deal Owner": HubSpot's files stay HubSpot's.
    hubspot = ["Record ID", "Deal Name", "Deal Stage", "Close Date", "Amount", "Pipeline", "Deal owner"]
    assert detect(hubspot).value == "hubspot"


def test_zoho_round_trip(plan: PlanDB, tmp_path: Path) -> None:
    planning = Planning(
        moves={"zcrm_1": "Committed"},
        slip="zcrm_2",
        walk_away="zcrm_3",
        own_probability="zcrm_4",
        unmapped=("zcrm_2", "Prospect"),
        choice="Qualification",
    )
    round_trip(plan, ZOHO, planning, tmp_path)
