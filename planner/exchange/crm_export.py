"""Back to the CRM: each deal changed in the planner since it was imported, in that CRM's import layout."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from planner.close_reasons import describe
from planner.exchange.crm import PROFILES, Column, CrmProfile
from planner.exchange.crm_stages import EXPORT_STAGES_KEY, LOST_LEVELS, counterparts, known_values, status_of
from planner.exchange.files import neutralise_for_crm
from planner.exchange.import_plan import STAGE_MAP_KEY
from planner.exchange.layouts import Layout
from planner.exchange.merge import same
from planner.i18n import plural, translate
from planner.model import Role, Stage
from planner.next_step import next_step as deal_next_step
from planner.next_step import plain_text
from planner.stages import ordered
from planner.storage import activities as activity_repo
from planner.storage import crm_export as export_repo
from planner.storage import imports as imports_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# "Changed" compares a deal's stage, close date, next step, probability, forecast category and
# amount with what the last import of its source wrote (the per-deal import state): what differs
# is the seller's planning, not yet in the CRM. The next step is the deal's (`planner.next_step`):
# its earliest open action, else the CRM's own. Exporting writes nothing to the plan; the next
# import, once the CRM has taken the file, brings the same values back and the deal stops counting
# as changed.
#
# Only values the CRM accepts go back. A plan stage's CRM value is, in this order: the one the deal
# had if it still means this stage, the seller's choice for the stage (Stage settings or
# --crm-stage, remembered in the plan), a value the imports mapped onto it, the CRM's closed value
# for Won, Lost and Walked away, a CRM value of the same name. The known values are those the
# imports saw and the CRM's stock ones (its profile). A changed deal in a stage with none stops the
# export with a one-line reason naming the stage: an unknown value would fail the CRM's import.

# The CRM field the reasons of lost and walked-away deals go to (a custom field in Salesforce).
REASON_FIELD_KEY = "crm.reason_field.{source}"

# Buying-influence roles as Salesforce's OpportunityContactRole.Role picklist names them.
CONTACT_ROLE_NAMES: dict[str, str] = {
    Role.ECONOMIC.value: "Economic Buyer",
    Role.TECHNICAL.value: "Technical Buyer",
    Role.USER.value: "Business User",
    Role.COACH.value: "Coach",
}
CONTACT_ROLE_COLUMNS = ("OpportunityId", "ContactId", "Role", "IsPrimary")
_FORECAST_LABELS = {
    "pipeline": "Pipeline",
    "best_case": "Best Case",
    "commit": "Commit",
    "closed": "Closed",
    "omitted": "Omitted",
}


class CrmExportRefusedError(ValueError):
    """The export would write a value the CRM does not accept; the message says which, in one line.

    `stages` names every plan stage of a changed deal that has no CRM value, in board order (the
    message names the first): the window asks for exactly these.
    """

    def __init__(self, message: str, stages: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.stages = stages


@dataclass(frozen=True, slots=True)
class CrmExport:
    """The file's bytes and how many deals it holds; Salesforce's contact roles as a second file."""

    data: bytes
    deals: int
    columns: tuple[str, ...]
    contact_roles: bytes | None = None
    roles: int = 0
    notes: tuple[str, ...] = ()
    # Reasons of lost and walked-away deals not written: no reason field is named (the window
    # words its own note; `notes` words it for the command line).
    reasons_left_out: int = 0


def _setting_dict(plan: PlanDB, key: str) -> dict[str, str]:
    raw = settings_repo.get_setting(plan, key, {})
    return {str(k): str(v) for k, v in raw.items()} if isinstance(raw, dict) else {}


def imported_stage_map(plan: PlanDB, source: CrmProfile) -> dict[str, str]:
    """CRM stage value -> plan stage name, as the imports of `source` mapped them."""
    return _setting_dict(plan, STAGE_MAP_KEY.format(source=source.value))


def chosen_stage_map(plan: PlanDB, source: CrmProfile) -> dict[str, str]:
    """Plan stage name -> CRM stage value, as the seller chose them for the export."""
    return _setting_dict(plan, EXPORT_STAGES_KEY.format(source=source.value))


def set_chosen_stage_map(plan: PlanDB, source: CrmProfile, choices: Mapping[str, str]) -> None:
    """Remember the seller's CRM value per plan stage (empty values are dropped)."""
    kept = {name: value for name, value in choices.items() if value}
    settings_repo.set_setting(plan, EXPORT_STAGES_KEY.format(source=source.value), kept)


def reason_field(plan: PlanDB, source: CrmProfile) -> str:
    """The CRM field lost and walk-away reasons go to: the profile's, else the one the seller named."""
    fixed = source.column(Column.REASON)
    if fixed:
        return fixed
    value = settings_repo.get_setting(plan, REASON_FIELD_KEY.format(source=source.value), "")
    return value.strip() if isinstance(value, str) else ""


def set_reason_field(plan: PlanDB, source: CrmProfile, name: str) -> None:
    """Remember the org's field for reasons (asked once: orgs name their custom fields differently)."""
    settings_repo.set_setting(plan, REASON_FIELD_KEY.format(source=source.value), name.strip())


def crm_stage_values(plan: PlanDB, source: CrmProfile) -> tuple[str, ...]:
    """The stage values the CRM accepts: those its imports held, then its stock pipeline's."""
    return known_values(source, imported_stage_map(plan, source))


def stage_counterparts(plan: PlanDB, source: CrmProfile, stages: Sequence[Stage]) -> dict[int, list[str]]:
    """Plan stage id -> the CRM values that stand for it, best first (empty: none known)."""
    return counterparts(source, stages, imported_stage_map(plan, source), chosen_stage_map(plan, source))


def unmapped_stages(plan: PlanDB, source: CrmProfile) -> list[str]:
    """The plan's stages with no CRM value, in board order (closed ones of Pipedrive need none)."""
    stages = ordered(stage_repo.list_stages(plan))
    counterparts = stage_counterparts(plan, source, stages)
    return [
        s.name for s in stages if not counterparts[s.id] and not (source.closed_by_status and s.is_closed)
    ]


def _refusal(source: CrmProfile, stage: str) -> CrmExportRefusedError:
    return CrmExportRefusedError(
        translate(
            "CrmExport",
            "Stage “{stage}” has no {crm} stage value: choose one in Stage settings, then export again.",
        ).format(stage=stage, crm=source.label),
        (stage,),
    )


def _probability(value: int, source: CrmProfile) -> str:
    return f"{value / 100:g}" if source.probability_as_fraction else str(value)


def _write(rows: Iterable[Sequence[str]]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    for row in rows:
        writer.writerow([neutralise_for_crm(cell) for cell in row])
    # UTF-8 without a BOM: Salesforce's Data Loader would read a BOM as part of the first header.
    return buffer.getvalue().encode("utf-8")


def contact_roles_path(out: Path) -> Path:
    """Where the contact roles go beside the deals file: deals.csv -> deals-OpportunityContactRole.csv."""
    return out.with_name(f"{out.stem}-OpportunityContactRole{out.suffix or '.csv'}")


def imported_sources(plan: PlanDB) -> tuple[CrmProfile, ...]:
    """The CRMs with update files whose deals the plan imported, in the registry's order."""
    return tuple(p for p in PROFILES if p.exports and imports_repo.load_state(plan, p.value))


def crm_csv(
    plan: PlanDB,
    source: Layout,
    *,
    stage_choices: Mapping[str, str] | None = None,
    reason: str | None = None,
) -> CrmExport:
    """The deals of `source` changed since their import, as CSV in the CRM's layout.

    `stage_choices` (plan stage name -> CRM value) and `reason` (the reason field) stand in for
    the remembered ones: the export dialog previews the seller's answers before it keeps them.
    Raises CrmExportRefusedError when a changed deal's stage has no value the CRM accepts.
    """
    fixed_reason = source.column(Column.REASON)
    reason_column = fixed_reason or (reason.strip() if reason is not None else reason_field(plan, source))
    layout: list[tuple[Column, str]] = [(c, n) for c, n in source.columns if c is not Column.REASON]
    if reason_column:  # before the next step, which stays the last column
        at = next((i for i, (c, _n) in enumerate(layout) if c is Column.NEXT_STEP), len(layout))
        layout.insert(at, (Column.REASON, reason_column))
    columns = tuple(name for _c, name in layout)
    state = imports_repo.load_state(plan, source.value)
    all_stages = stage_repo.list_stages(plan)
    stages = {s.id: s for s in all_stages}
    chosen = {**chosen_stage_map(plan, source), **(stage_choices or {})}
    stage_values = counterparts(source, all_stages, imported_stage_map(plan, source), chosen)
    deals = [d for d in export_repo.crm_deals(plan, source.value) if d.id in state]
    actions = activity_repo.actions_of(plan, [d.id for d in deals])
    rows: list[list[str]] = []
    reasons_left_out = 0
    refused: list[CrmExportRefusedError] = []
    for deal in deals:
        base = state[deal.id]
        stage = stages[deal.stage_id]
        next_step = plain_text(deal_next_step(actions.get(deal.id, ()), deal.next_step))
        close = deal.close_date.isoformat() if deal.close_date else None
        moved = "stage_id" in base and base["stage_id"] != deal.stage_id
        probability = deal.probability_override
        # The seller's own probability goes back; so does one the CRM gave a deal the seller then
        # moved, which the CRM would otherwise reset to its new stage's default.
        probability_changed = probability is not None and (
            probability != base.get("probability_override") or moved
        )
        forecast_changed = "forecast_category" in base and base["forecast_category"] != deal.forecast_category
        amount_changed = "amount" in base and not same(base["amount"], deal.amount)
        changed = (
            moved
            or ("close_date" in base and base["close_date"] != close)
            or next_step != base.get("next_step", "")
            or probability_changed
            or forecast_changed
            or amount_changed
        )
        if not changed:
            continue
        try:
            stage_value = _stage_value(source, stage, base, moved, stage_values[stage.id])
        except CrmExportRefusedError as exc:
            refused.append(exc)
            continue
        values: dict[Column, str] = {
            Column.ID: deal.external_id,
            Column.STAGE: stage_value,
            Column.STATUS: status_of(source, stage),
            Column.CLOSE_DATE: close or "",
            Column.NEXT_STEP: next_step,
            Column.PROBABILITY: _probability(probability, source)
            if probability_changed and probability is not None
            else "",
            Column.FORECAST_CATEGORY: _FORECAST_LABELS.get(deal.forecast_category or "", "")
            if forecast_changed
            else "",
            Column.AMOUNT: f"{deal.amount:.2f}" if amount_changed and deal.amount is not None else "",
            Column.REASON: "",
        }
        # The whole reason, as the CRM's loss-reason field holds one text: "Competitor won
        # (Contoso): their price was lower" (an import maps it back onto the plan's list).
        why = describe(deal.close_reason_code, deal.close_competitor, deal.close_reason, english=True)
        if moved and stage.level in LOST_LEVELS and why:
            if reason_column:
                values[Column.REASON] = why
            else:
                reasons_left_out += 1
        rows.append([values[c] for c, _name in layout])
    if refused:
        missing = {name for exc in refused for name in exc.stages}
        in_order = tuple(s.name for s in ordered(all_stages) if s.name in missing)
        raise CrmExportRefusedError(str(_refusal(source, in_order[0])), in_order)
    notes: list[str] = []
    if reasons_left_out:
        left_out = plural(
            reasons_left_out,
            translate("CrmExport", "{count} close reason was left out: name your {crm} field once"),
            translate("CrmExport", "{count} close reasons were left out: name your {crm} field once"),
        )
        how = translate("CrmExport", "with --reason-field (e.g. {example}).")
        notes.append(
            f"{left_out.format(count=reasons_left_out, crm=source.label)} "
            f"{how.format(example=source.reason_example)}"
        )
    roles = _contact_roles(plan, source, state) if source.contact_roles else []
    return CrmExport(
        _write([columns, *rows]),
        len(rows),
        columns,
        _write([CONTACT_ROLE_COLUMNS, *roles]) if roles else None,
        len(roles),
        tuple(notes),
        reasons_left_out,
    )


def _stage_value(
    source: CrmProfile, stage: Stage, base: Mapping[str, Any], moved: bool, values: Sequence[str]
) -> str:
    """The CRM stage value of a deal in `stage`, or CrmExportRefusedError."""
    previous = str(base.get("stage_value", ""))
    if source.closed_by_status and stage.is_closed:
        # Pipedrive keeps a won or lost deal in its last stage and says so in the status.
        if previous and previous not in (source.won, source.lost):
            return previous
        if values:
            return values[0]
        raise _refusal(source, stage.name)
    if previous and (not moved or previous in values):
        return previous
    if not values:
        raise _refusal(source, stage.name)
    return values[0]


def _contact_roles(
    plan: PlanDB, source: CrmProfile, state: Mapping[int, Mapping[str, Any]]
) -> list[list[str]]:
    """OpportunityContactRole rows for influences added in the planner whose contact is in the CRM."""
    rows: list[list[str]] = []
    for influence in export_repo.crm_influences(plan, source.value):
        base = state.get(influence.opportunity_id)
        role = CONTACT_ROLE_NAMES.get(influence.role)
        if base is None or role is None or influence.contact_external_id in base.get("people", []):
            continue
        rows.append([influence.deal_external_id, influence.contact_external_id, role, "false"])
    return rows


# Stage settings: the CRM value of each plan stage, per CRM deals were imported from --------------


@dataclass(frozen=True, slots=True)
class CrmStageValues:
    """One CRM's stage values as Stage settings offers them for each plan stage."""

    source: CrmProfile
    values: tuple[str, ...]  # the values the CRM accepts
    automatic: Mapping[int, str]  # plan stage id -> what the export writes without a choice ('' none)
    chosen: Mapping[int, str]  # plan stage id -> the seller's choice


def crm_stage_choices(plan: PlanDB) -> list[CrmStageValues]:
    """Per CRM the plan holds imported stages of: its values and each plan stage's current one."""
    stages = stage_repo.list_stages(plan)
    by_name = {s.name: s.id for s in stages}
    found: list[CrmStageValues] = []
    for source in PROFILES:
        imported = imported_stage_map(plan, source)
        if not source.exports or not imported:
            continue
        chosen_names = chosen_stage_map(plan, source)
        automatic = counterparts(source, stages, imported, {})
        found.append(
            CrmStageValues(
                source,
                known_values(source, imported),
                {stage_id: values[0] if values else "" for stage_id, values in automatic.items()},
                {by_name[name]: value for name, value in chosen_names.items() if name in by_name},
            )
        )
    return found


def save_crm_stage_choices(plan: PlanDB, choices: Mapping[str, Mapping[str, str]]) -> None:
    """Remember the seller's choices (CRM key -> plan stage name -> value; '' drops a choice)."""
    for key, by_stage in choices.items():
        source = next(p for p in PROFILES if p.value == key)
        if {name: value for name, value in by_stage.items() if value} != chosen_stage_map(plan, source):
            set_chosen_stage_map(plan, source, by_stage)
