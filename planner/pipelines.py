"""Pipeline rules: which stages make the board's columns for one pipeline or for all of them."""

from __future__ import annotations

from collections.abc import Sequence

from planner.model import FunnelLevel, Pipeline, Stage
from planner.stages import open_stages

# Where each open funnel level stands left to right: "All pipelines" lines columns up by it.
LEVEL_ORDER = {level: rank for rank, level in enumerate(FunnelLevel)}
# The settings key of the pipeline the board shows (absent or null: all pipelines).
BOARD_PIPELINE_KEY = "board_pipeline"


def pipeline_of_stage(stage: Stage, first: int) -> int | None:
    """The pipeline of an open stage (a stage without one is the first pipeline's); None when closed."""
    if stage.is_closed:
        return None
    return stage.pipeline_id if stage.pipeline_id is not None else first


def board_columns(stages: Sequence[Stage], pipelines: Sequence[Pipeline], chosen: int | None) -> list[Stage]:
    """The open stages the board shows as columns.

    One pipeline: its stages in their order. All pipelines (`chosen` None): every open stage,
    lined up by funnel level (every pipeline's Above the Funnel stages, then In the Funnel...),
    each level's stages by pipeline, then in their order, so the funnel bands span them.
    """
    first = pipelines[0].id if pipelines else 0
    columns = open_stages(stages)
    if chosen is not None:
        return [s for s in columns if pipeline_of_stage(s, first) == chosen]
    if len(pipelines) < 2:
        return columns
    rank = {p.id: index for index, p in enumerate(pipelines)}
    order = {s.id: index for index, s in enumerate(columns)}
    return sorted(
        columns,
        key=lambda s: (LEVEL_ORDER[s.level], rank.get(pipeline_of_stage(s, first) or first, 0), order[s.id]),
    )


def pipeline_name(stage: Stage, pipelines: Sequence[Pipeline]) -> str:
    """The name of an open stage's pipeline ('' for a closed stage)."""
    first = pipelines[0].id if pipelines else 0
    wanted = pipeline_of_stage(stage, first)
    return next((p.name for p in pipelines if p.id == wanted), "")
