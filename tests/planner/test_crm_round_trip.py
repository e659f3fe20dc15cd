"""The CRM round trip: import a CRM's export, plan, hand the CRM a file it accepts, re-import: no changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from planner import operations as ops
from planner import sheet_operations as sheet
from planner.exchange.crm import Column, CrmProfile
from planner.exchange.crm_export import (
    CrmExportRefusedError,
    crm_csv,
    crm_stage_values,
    set_chosen_stage_map,
)
from planner.model import BuyingInfluence, OpportunityDraft, Role
from planner.operations import MoveDetails
from planner.stages import probability
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.crm_round_trip import CrmCase, check_values, load_into_crm, rows_of
from tests.planner.import_support import TODAY, deals, run

SALESFORCE = CrmCase(
    CrmProfile.SALESFORCE,
    {
        "Account.csv": "Id,Name\n001A1,Northwind Traders\n001A2,Contoso Ltd\n",
        "Contact.csv": "Id,AccountId,FirstName,LastName,Title\n"
        "003A1,001A1,Maria,Keller,CFO\n003A2,001A2,Tom,Baker,Head of IT\n",
        "Opportunity.csv": (
            "Id,AccountId,Name,StageName,Amount,Probability,CloseDate,NextStep,ForecastCategoryName,"
            "CurrencyIsoCode\n"
            "006A1,001A1,Fleet rollout,Prospecting,120000,10,2026-12-15,Discovery call,Pipeline,USD\n"
            "006A2,001A2,Analytics pilot,Qualification,65000,20,2027-01-31,,Pipeline,EUR\n"
            "006A3,001A2,Support renewal,Negotiation/Review,18000,90,2026-11-30,,Commit,EUR\n"
            "006A4,001A1,Data platform,Qualification,50000,20,2027-03-31,,Pipeline,USD\n"
            "006A5,001A1,Scanner order,Closed Won,1000,100,2026-10-01,,Closed,USD\n"
        ),
        "OpportunityContactRole.csv": "Id,OpportunityId,ContactId,Role\n00K1,006A3,003A2,Technical Buyer\n",
    },
    "Opportunity.csv",
)
HUBSPOT = CrmCase(
    CrmProfile.HUBSPOT,
    {
        "hubspot-deals.csv": (
            "Record ID,Deal Name,Deal Stage,Close Date,Amount,Pipeline,Associated Company,"
            "Forecast probability\n"
            "9001,Website relaunch,Appointment Scheduled,12/15/2026,12500,Sales Pipeline,Globex,0.2\n"
            "9002,CRM integration,Qualified To Buy,01/31/2027,30000,Sales Pipeline,Initech,0.4\n"
            "9003,Training days,Presentation Scheduled,11/30/2026,8000,Sales Pipeline,Globex,0.6\n"
            "9004,Support plan,Contract Sent,02/28/2027,5000,Sales Pipeline,Initech,0.9\n"
            "9005,Old deal,Closed Won,10/13/2026,5000,Sales Pipeline,Initech,1\n"
        )
    },
    "hubspot-deals.csv",
    date_format="%m/%d/%Y",
    probability_scale=0.01,
    shows={"closedlost": "Closed Lost", "closedwon": "Closed Won"},
)
PIPEDRIVE = CrmCase(
    CrmProfile.PIPEDRIVE,
    {
        "pipedrive-deals.csv": (
            "Deal - ID;Deal - Title;Deal - Value;Deal - Currency of value;Organization;"
            "Deal - Expected close date;Deal - Stage;Deal - Status;Deal - Probability;Deal - Lost reason\n"
            "101;Lagersystem Nord;12500;EUR;Müller Logistik GmbH;15.12.2026;Qualified;open;;\n"
            "102;Scanner-Rollout;8000;EUR;Müller Logistik GmbH;31.01.2027;Contact Made;open;;\n"
            "103;Flottenanbindung;45000;EUR;Weber & Söhne KG;30.11.2026;Proposal Made;open;;\n"
            "104;Altsystem-Ablösung;20000;EUR;Weber & Söhne KG;30.09.2026;Negotiations Started;open;;\n"
            "105;Wartung;3000;EUR;Weber & Söhne KG;30.06.2027;Qualified;open;;\n"
        )
    },
    "pipedrive-deals.csv",
    delimiter=";",
    date_format="%d.%m.%Y",
)


@dataclass(frozen=True)
class Planning:
    """What the seller does in the planner between the import and the export."""

    moves: dict[str, str]  # external id -> plan stage
    slip: str
    walk_away: str
    own_probability: str
    unmapped: tuple[str, str] | None = None  # (external id, plan stage with no CRM value)
    choice: str = ""  # the CRM value the seller then picks for that stage
    influence: tuple[str, str] | None = None  # (deal id, contact id): an Economic Buyer
    won: str = ""
    extra: dict[str, str] = field(default_factory=dict)


PLANNING = {
    "salesforce": Planning(
        moves={"006A2": "Committed"},
        slip="006A3",
        walk_away="006A4",
        own_probability="006A3",
        unmapped=("006A1", "Evaluating"),
        choice="Value Proposition",
        influence=("006A1", "003A1"),
    ),
    "hubspot": Planning(
        moves={"9001": "Committed"},
        slip="9002",
        walk_away="9003",
        own_probability="9004",
        unmapped=("9002", "Prospect"),
        choice="Appointment Scheduled",
    ),
    "pipedrive": Planning(
        moves={"101": "Committed"}, slip="102", walk_away="103", own_probability="105", won="104"
    ),
}


def _stage(plan: PlanDB, name: str) -> int:
    return next(s.id for s in stage_repo.list_stages(plan) if s.name == name)


def _edit(plan: PlanDB, deal_id: int, *, close_date: dt.date | None = None, own: int | None = None) -> None:
    """Edit deal: a new close date or the seller's own probability, as the deal editor saves them."""
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    draft = OpportunityDraft(
        deal.title, deal.account_id, deal.stage_id, deal.product, deal.quantity, deal.amount, deal.currency,
        close_date or deal.close_date, own if own is not None else deal.probability_override,
        deal.forecast_category, deal.next_step,
    )  # fmt: skip
    ops.update_opportunity(plan, deal_id, draft, TODAY)


def _set_probability(plan: PlanDB, deal_id: int, value: int) -> None:
    _edit(plan, deal_id, own=value)


def _slip(plan: PlanDB, deal_id: int) -> None:
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    assert deal.close_date is not None
    _edit(plan, deal_id, close_date=deal.close_date + dt.timedelta(days=45))


def round_trip(plan: PlanDB, case: CrmCase, planning: Planning, folder: Path) -> None:
    """Import, plan, export, load into the CRM, re-import: the re-import changes nothing."""
    paths = case.write(folder)
    run(plan, paths)
    got = deals(plan)
    for external_id, stage in planning.moves.items():
        ops.move_opportunity(plan, got[external_id]["id"], _stage(plan, stage), MoveDetails("Agreed"), TODAY)
    _slip(plan, got[planning.slip]["id"])
    ops.move_opportunity(
        plan,
        got[planning.walk_away]["id"],
        _stage(plan, "Walked away"),
        MoveDetails(reason="No budget this year", closed_on=TODAY),
        TODAY,
    )
    if planning.won:
        won = MoveDetails(reason="Signed", closed_on=TODAY)
        ops.move_opportunity(plan, got[planning.won]["id"], _stage(plan, "Won"), won, TODAY)
    _set_probability(plan, got[planning.own_probability]["id"], 35)
    if planning.influence is not None:
        deal, contact = planning.influence
        (person,) = plan.query("SELECT id FROM person WHERE external_id = ?", [contact])[0]
        sheet.add_influence(plan, got[deal]["id"], person, BuyingInfluence(0, 0, person, Role.ECONOMIC))
    if planning.unmapped is not None:
        deal, stage = planning.unmapped
        back = MoveDetails("Agreed", reason="Re-qualified")
        ops.move_opportunity(plan, got[deal]["id"], _stage(plan, stage), back, TODAY)
        with pytest.raises(CrmExportRefusedError) as refused:
            crm_csv(plan, case.profile)
        assert str(refused.value) == (
            f"Stage “{stage}” has no {case.profile.label} stage value: choose one in Stage settings, "
            "then export again."
        )
        set_chosen_stage_map(plan, case.profile, {stage: planning.choice})
    export = crm_csv(plan, case.profile)
    changed = {*planning.moves, planning.slip, planning.walk_away, planning.own_probability}
    changed |= {planning.unmapped[0]} if planning.unmapped else set()
    changed |= {planning.won} if planning.won else set()
    id_column = case.profile.column(Column.ID) or ""
    assert {row[id_column] for row in rows_of(export.data)} == changed
    check_values(export, case, folder, crm_stage_values(plan, case.profile))
    if planning.influence is not None:
        assert export.contact_roles is not None
        assert rows_of(export.contact_roles) == [
            {"OpportunityId": planning.influence[0], "ContactId": planning.influence[1],
             "Role": "Economic Buyer", "IsPrimary": "false"},
        ]  # fmt: skip
    before = deals(plan)
    load_into_crm(case, folder, export)
    again = run(plan, paths)
    summary = again.summary
    assert [(u.title, [c.line() for c in u.changes]) for u in summary.updated] == []
    assert (summary.created, summary.unchanged) == (0, len(before))
    assert deals(plan) == before
    assert crm_csv(plan, case.profile).deals == 0  # the CRM has it all now


@pytest.mark.parametrize("case", [SALESFORCE, HUBSPOT, PIPEDRIVE], ids=lambda c: c.profile.value)
def test_round_trip(plan: PlanDB, case: CrmCase, tmp_path: Path) -> None:
    round_trip(plan, case, PLANNING[case.profile.value], tmp_path / case.profile.value)


def test_a_deal_imported_at_20_percent_forecasts_at_20(plan: PlanDB, tmp_path: Path) -> None:
    run(plan, SALESFORCE.write(tmp_path))
    deal = opportunity_repo.get_opportunity(plan, deals(plan)["006A2"]["id"])
    assert deal is not None
    stage = next(s for s in stage_repo.list_stages(plan) if s.id == deal.stage_id)
    assert (stage.name, stage.probability) == ("Qualified", 25)
    assert probability(deal.probability_override, stage.probability) == 20


def _replace(path: Path, old: str, new: str) -> None:
    path.write_text(path.read_text().replace(old, new))


def test_the_sellers_probability_survives_a_reimport(plan: PlanDB, tmp_path: Path) -> None:
    paths = SALESFORCE.write(tmp_path)
    run(plan, paths)
    deal_id = deals(plan)["006A2"]["id"]
    _set_probability(plan, deal_id, 40)
    opportunity = tmp_path / "Opportunity.csv"
    opportunity.write_text(
        opportunity.read_text().replace("Qualification,65000,20", "Qualification,65000,15")
    )
    summary = run(plan, paths).summary
    assert summary.updated == ()
    deal = opportunity_repo.get_opportunity(plan, deal_id)
    assert deal is not None
    assert deal.probability_override == 40
    # While the seller has not set their own, the CRM's changes follow.
    other = deals(plan)["006A4"]["id"]
    opportunity.write_text(
        opportunity.read_text().replace("Qualification,50000,20", "Qualification,50000,15")
    )
    run(plan, paths)
    moved = opportunity_repo.get_opportunity(plan, other)
    assert moved is not None
    assert moved.probability_override == 15
