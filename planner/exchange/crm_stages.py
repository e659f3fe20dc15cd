"""Which CRM stage values stand for a plan stage: what the export writes and the import recognises."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from planner.exchange.crm import CrmProfile
from planner.model import FunnelLevel, Stage

# A plan stage's CRM values, best first: the seller's choice for it (Stage settings, --crm-stage),
# the values the imports mapped onto it, the CRM's closed value for Won, Lost and Walked away, a
# known value of the same name. Known values are those the imports held and the CRM's stock ones.
# The import reads a value the export wrote for the deal's stage as that stage again, so a deal
# walked away from in the planner stays walked away when the CRM sends back "Closed Lost".

# Plan stage name -> the CRM stage value the seller chose for it, per source (a plan setting).
EXPORT_STAGES_KEY = "crm.export_stages.{source}"
LOST_LEVELS = (FunnelLevel.LOST, FunnelLevel.WALKED_AWAY)


def known_values(source: CrmProfile, imported: Mapping[str, str]) -> tuple[str, ...]:
    """The stage values the CRM accepts: those its imports held, then its stock pipeline's."""
    values = list(imported)
    if source.closed_by_status:
        values = [v for v in values if v not in (source.won, source.lost)]
    return tuple(dict.fromkeys([*values, *source.stages]))


def counterparts(
    source: CrmProfile, stages: Sequence[Stage], imported: Mapping[str, str], chosen: Mapping[str, str]
) -> dict[int, list[str]]:
    """Plan stage id -> the CRM stage values that stand for it, best first (empty: none known).

    `imported` maps CRM values to plan stage names (the imports' stage map), `chosen` plan stage
    names to CRM values (the seller's choices for the export).
    """
    known = known_values(source, imported)
    by_name = {s.name: s for s in stages}
    found: dict[int, list[str]] = {s.id: [] for s in stages}
    for stage in stages:
        if chosen.get(stage.name) in known:
            found[stage.id].append(chosen[stage.name])
    for value, plan_name in imported.items():
        if plan_name in by_name and value in known:
            found[by_name[plan_name].id].append(value)
    for stage in stages:
        if not source.closed_by_status:
            if stage.level is FunnelLevel.WON and source.won:
                found[stage.id].append(source.won)
            elif stage.level in LOST_LEVELS and source.lost:
                found[stage.id].append(source.lost)
        found[stage.id] += [v for v in known if v.casefold() == stage.name.casefold()]
    return {stage_id: list(dict.fromkeys(values)) for stage_id, values in found.items()}


def status_of(source: CrmProfile, stage: Stage) -> str:
    """open, won or lost: a closing CRM status (Pipedrive) for a plan stage; walked away is lost."""
    if stage.level is FunnelLevel.WON:
        return source.won or "won"
    if stage.level in LOST_LEVELS:
        return source.lost or "lost"
    return "open"
