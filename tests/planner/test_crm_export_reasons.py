"""The CRM-shaped export writes a lost or walked-away deal's whole close reason into the CRM's
reason column, and importing that text back maps it onto the plan's list again."""

from __future__ import annotations

from pathlib import Path

from planner import close_reasons
from planner import operations as ops
from planner.exchange.crm import Column, CrmProfile
from planner.exchange.crm_export import crm_csv
from planner.operations import MoveDetails
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.planner.crm_round_trip import rows_of
from tests.planner.import_support import TODAY, deals, run
from tests.planner.test_crm_round_trip import PIPEDRIVE

HOSTILE = "=Contoso <b>Ltd</b>"


def test_the_crm_gets_the_reason_the_competitor_and_the_note(plan: PlanDB, tmp_path: Path) -> None:
    run(plan, PIPEDRIVE.write(tmp_path))
    got = deals(plan)
    stages = {s.name: s.id for s in stage_repo.list_stages(plan)}
    lost = MoveDetails(reason="their price was lower", reason_code="competitor", competitor=HOSTILE)
    ops.move_opportunity(plan, got["101"]["id"], stages["Lost"], lost, TODAY)
    walked = MoveDetails(reason_code="budget_cut", closed_on=TODAY)
    ops.move_opportunity(plan, got["102"]["id"], stages["Walked away"], walked, TODAY)
    before = MoveDetails(reason="Customer went quiet")  # closed as before close reasons: the note only
    ops.move_opportunity(plan, got["103"]["id"], stages["Walked away"], before, TODAY)

    export = crm_csv(plan, CrmProfile.PIPEDRIVE)
    id_column = CrmProfile.PIPEDRIVE.column(Column.ID)
    reason_column = CrmProfile.PIPEDRIVE.column(Column.REASON)
    assert id_column is not None
    assert reason_column is not None
    written = {row[id_column]: row[reason_column] for row in rows_of(export.data)}
    # describe(code, competitor, note, english=True), in English whatever the window's language.
    assert written == {
        "101": f"Competitor won ({HOSTILE}): their price was lower",
        "102": "Budget cut",
        "103": "Customer went quiet",
    }
    # The text read back by an import: the same reason and competitor.
    codes = close_reasons.reason_codes(plan)
    assert close_reasons.map_crm_reason(written["101"], codes) == close_reasons.CrmReason(
        "competitor", HOSTILE, written["101"]
    )
    assert close_reasons.map_crm_reason(written["102"], codes).code == "budget_cut"
