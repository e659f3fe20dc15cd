"""Back to the CRM: each deal changed in the planner since it was imported, in that CRM's import layout."""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from planner.exchange.files import neutralise_for_crm
from planner.exchange.import_plan import STAGE_MAP_KEY
from planner.exchange.layouts import Layout
from planner.model import FunnelLevel
from planner.next_step import next_step as deal_next_step
from planner.next_step import plain_text
from planner.storage import activities as activity_repo
from planner.storage import imports as imports_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# "Changed" compares a deal's stage, close date and next step with what the last import of its
# source wrote (the per-deal import state): what differs is the seller's planning, not yet in the
# CRM. The next step is the deal's (`planner.next_step`): its earliest open action, else the
# CRM's own. Exporting writes nothing to the plan; the next import, once the CRM has taken the file,
# brings the same values back and the deal stops counting as changed.

# Per CRM: the columns of its update import (ids first), as its import tools name them.
CRM_COLUMNS: dict[Layout, tuple[str, ...]] = {
    Layout.SALESFORCE: ("Id", "StageName", "CloseDate", "NextStep"),
    Layout.HUBSPOT: ("Record ID", "Deal Stage", "Close Date", "Next step"),
    Layout.PIPEDRIVE: (
        "Deal - ID",
        "Deal - Stage",
        "Deal - Status",
        "Deal - Expected close date",
        "Deal - Next step",
    ),
}


@dataclass(frozen=True, slots=True)
class CrmExport:
    """The file's bytes and how many deals it holds."""

    data: bytes
    deals: int
    columns: tuple[str, ...]


def _crm_stage(plan_stage: str, state: Mapping[str, Any], reverse: Mapping[str, list[str]]) -> str:
    """The CRM's name for a plan stage: the one the deal had if it still maps there, else any that does."""
    names = reverse.get(plan_stage, [])
    previous = str(state.get("stage_value", ""))
    if previous in names:
        return previous
    return names[0] if names else plan_stage


def crm_csv(plan: PlanDB, source: Layout) -> CrmExport:
    """The deals of `source` changed since their import, as CSV in the CRM's layout."""
    columns = CRM_COLUMNS[source]
    state = imports_repo.load_state(plan, source.value)
    stages = {s.name: s for s in stage_repo.list_stages(plan)}
    remembered = settings_repo.get_setting(plan, STAGE_MAP_KEY.format(source=source.value), {})
    reverse: dict[str, list[str]] = {}
    for crm_stage, plan_stage in (remembered if isinstance(remembered, dict) else {}).items():
        reverse.setdefault(str(plan_stage), []).append(str(crm_stage))
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(columns)
    count = 0
    deals = imports_repo.deals_of_source(plan, source.value)
    actions = activity_repo.actions_of(plan, [d[0] for d in deals if d[0] in state])
    for deal_id, external_id, stage_name, close_date, crm_next_step in deals:
        base = state.get(deal_id)
        if base is None:
            continue
        next_step = plain_text(deal_next_step(actions.get(deal_id, ()), crm_next_step))
        close = close_date.isoformat() if close_date else None
        stage = stages[stage_name]
        changed = (
            ("stage_id" in base and base["stage_id"] != stage.id)
            or ("close_date" in base and base["close_date"] != close)
            or next_step != base.get("next_step", "")
        )
        if not changed:
            continue
        crm_stage = _crm_stage(stage_name, base, reverse)
        if source is Layout.PIPEDRIVE:
            # Pipedrive keeps a won or lost deal in its last stage and says so in the status.
            status = {FunnelLevel.WON: "won", FunnelLevel.LOST: "lost"}.get(stage.level, "open")
            if status != "open":
                crm_stage = str(base.get("stage_value", ""))
            row = [external_id, crm_stage, status, close or "", next_step]
        else:
            row = [external_id, crm_stage, close or "", next_step]
        writer.writerow([neutralise_for_crm(cell) for cell in row])
        count += 1
    # UTF-8 without a BOM: Salesforce's Data Loader would read a BOM as part of the first header.
    return CrmExport(buffer.getvalue().encode("utf-8"), count, columns)
