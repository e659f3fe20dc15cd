"""Pipelines from a CRM export: which pipeline each imported deal belongs to, and its stages there.

HubSpot exports a "Pipeline" column, Pipedrive a "Deal - Pipeline" one. The import itself maps
each file stage onto a plan stage (the wizard's Stages page); when the file holds two pipelines
or more, this step then puts every imported deal into the pipeline of its name, and gives that
pipeline its own stages: one per file stage its deals are in, on the funnel level (probability,
stale period, checklist) of the plan stage the seller mapped it to.

Pipelines are matched by name. The pipeline with the most deals takes the plan's first pipeline
while that still has the name a new plan gives it, so one export brings no empty extra pipeline,
and the next import of the same export finds every pipeline by name.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from planner.exchange.crm import PROFILES
from planner.exchange.import_plan import ImportPreview
from planner.exchange.importer import ImportResult, Progress, RowKey, apply_import
from planner.exchange.layouts import Field, FileKind
from planner.exchange.sources import Loaded
from planner.model import Stage
from planner.pipelines import pipeline_of_stage
from planner.stages import StageSpec
from planner.storage import pipelines as pipeline_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# Header names (case and spaces ignored) of a deal's pipeline in any CRM's export (each profile
# names its own): a file that names no CRM plainly may still be one's.
PIPELINE_HEADERS: frozenset[str] = frozenset[str]().union(*(profile.pipeline_headers for profile in PROFILES))
# The name migration 0007 gives an existing plan's one pipeline (and a new plan's).
DEFAULT_PIPELINE_NAME = "Default pipeline"


@dataclass(frozen=True, slots=True)
class FileDeal:
    """A deals row's pipeline and stage as the file writes them."""

    pipeline: str
    stage: str


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


def file_pipelines(loaded: Loaded, preview: ImportPreview) -> dict[str, FileDeal]:
    """CRM id -> pipeline and stage, for every deals row that names a pipeline."""
    found: dict[str, FileDeal] = {}
    for source in loaded.tables:
        info = preview.table(source.table.name)
        if info is None or info.kind is not FileKind.DEALS:
            continue
        headers = [_key(h) for h in source.table.headers]
        column = next((i for i, h in enumerate(headers) if h in PIPELINE_HEADERS), None)
        known = source.table.headers
        by_field = {f: known.index(h) for h, f in info.mapping.items() if h in known}
        id_column = by_field.get(Field.EXTERNAL_ID)
        stage_column = by_field.get(Field.STAGE)
        if column is None or id_column is None:
            continue
        for row in source.table.rows:
            external_id, pipeline = row[id_column].strip(), " ".join(row[column].split())
            if external_id and pipeline:
                stage = " ".join(row[stage_column].split()) if stage_column is not None else ""
                found.setdefault(external_id, FileDeal(pipeline, stage))
    return found


def file_pipeline_names(found: Mapping[str, FileDeal]) -> list[str]:
    """The file's pipelines, the one with the most deals first (then in the order they appear)."""
    counts = Counter(deal.pipeline for deal in found.values())
    order = {name: index for index, name in enumerate(dict.fromkeys(d.pipeline for d in found.values()))}
    return sorted(counts, key=lambda name: (-counts[name], order[name]))


def _pipeline_for(plan: PlanDB, name: str, main: bool) -> int:
    found = pipeline_repo.find_pipeline(plan, name)
    if found is not None:
        return found
    pipelines = pipeline_repo.list_pipelines(plan)
    if main and pipelines and pipelines[0].name == DEFAULT_PIPELINE_NAME:
        pipeline_repo.rename_pipeline(plan, pipelines[0].id, name)
        return pipelines[0].id
    return pipeline_repo.insert_pipeline(plan, name)


def _stage_name(plan: PlanDB, wanted: str, pipeline: str) -> str:
    if not pipeline_repo.stage_name_taken(plan, wanted):
        return wanted
    candidate = f"{wanted} ({pipeline})"
    number = 2
    while pipeline_repo.stage_name_taken(plan, candidate):
        candidate, number = f"{wanted} ({pipeline} {number})", number + 1
    return candidate


def _mirror(plan: PlanDB, model: Stage, name: str, pipeline_id: int) -> int:
    """A new stage of `pipeline_id` on the funnel level (and with the rules) of `model`."""
    spec = StageSpec(name, model.level, model.probability, model.stale_after_days, model.exit_commitments)
    stage_id = stage_repo.insert_stage(plan, spec, model.position)
    pipeline_repo.set_stage_pipeline(plan, stage_id, pipeline_id)
    return stage_id


def assign_pipelines(
    plan: PlanDB, source: str, found: Mapping[str, FileDeal], deal_ids: Iterable[int]
) -> bool:
    """Put the imported deals (`deal_ids`) into their file pipelines; True when stages were added.

    A file with one pipeline (or none) leaves the plan's pipelines as they are.
    """
    names = file_pipeline_names(found)
    ids = set(deal_ids)
    with plan.atomic():
        pipeline_repo.fill_missing_pipelines(plan)
        if len(names) < 2 or not ids:
            return False
        targets = {name: _pipeline_for(plan, name, index == 0) for index, name in enumerate(names)}
        stages = {s.id: s for s in stage_repo.list_stages(plan)}
        first = pipeline_repo.first_pipeline_id(plan)
        # (pipeline id, file stage) -> stage made for it in this import, or found by name.
        made: dict[tuple[int, str], int] = {}
        added = False
        for deal_id, external_id, stage_id in pipeline_repo.imported_deal_stages(plan, source):
            deal = found.get(external_id or "")
            if deal_id not in ids or deal is None:
                continue
            pipeline_id = targets[deal.pipeline]
            stage = stages[stage_id]
            if stage.is_closed or pipeline_of_stage(stage, first) == pipeline_id:
                pipeline_repo.set_deal_pipeline(plan, deal_id, pipeline_id)
                continue
            label = deal.stage or stage.name
            target = made.get((pipeline_id, _key(label)))
            if target is None:
                target = next(
                    (
                        s.id
                        for s in stages.values()
                        if not s.retired
                        and pipeline_of_stage(s, first) == pipeline_id
                        and _key(s.name) in (_key(label), _key(f"{label} ({deal.pipeline})"))
                    ),
                    None,
                )
            if target is None:
                target = _mirror(plan, stage, _stage_name(plan, label, deal.pipeline), pipeline_id)
                stages[target] = stage_repo.get_stage(plan, target) or stage
                added = True
            made[(pipeline_id, _key(label))] = target
            pipeline_repo.move_imported_deal(plan, deal_id, stage_id, target, pipeline_id)
    return added


def import_with_pipelines(
    plan: PlanDB,
    loaded: Loaded,
    preview: ImportPreview,
    skip: Iterable[RowKey] = (),
    skip_flagged: bool = False,
    progress: Progress | None = None,
) -> ImportResult:
    """apply_import, then the deals into their pipelines: one transaction, all of it or nothing."""
    with plan.atomic():
        result = apply_import(plan, preview, skip, skip_flagged, progress)
        assign_pipelines(plan, preview.source.value, file_pipelines(loaded, preview), result.opportunities)
    return result
