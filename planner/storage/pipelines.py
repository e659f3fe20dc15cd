"""Pipeline repository: the pipelines, which stages and deals belong to which."""

from __future__ import annotations

from planner.model import Pipeline
from planner.storage.db import PlanDB

# A deal's pipeline: its own, else its stage's, else the first pipeline. Rows written by code
# that does not know pipelines (an older writer, a CRM merge) leave the column NULL.
_FIRST = "(SELECT id FROM pipeline ORDER BY position, id LIMIT 1)"
_DEAL_PIPELINE = (
    f"COALESCE(o.pipeline_id, (SELECT s.pipeline_id FROM stage s WHERE s.id = o.stage_id), {_FIRST})"
)


def list_pipelines(plan: PlanDB) -> list[Pipeline]:
    """Every pipeline in order (a plan has at least one)."""
    rows = plan.query("SELECT id, name, position FROM pipeline ORDER BY position, id")
    return [Pipeline(r[0], r[1], r[2]) for r in rows]


def first_pipeline_id(plan: PlanDB) -> int:
    """The first pipeline: where stages and deals without one belong."""
    rows = plan.query(_FIRST[1:-1])
    return int(rows[0][0]) if rows else 0


def insert_pipeline(plan: PlanDB, name: str, *, position: int | None = None) -> int:
    """Add a pipeline (last unless a position is given) and return its id."""
    with plan.atomic():
        if position is None:
            position = int(plan.query("SELECT COALESCE(MAX(position) + 1, 0) FROM pipeline")[0][0])
        cursor = plan.execute("INSERT INTO pipeline (name, position) VALUES (?, ?)", [name.strip(), position])
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def rename_pipeline(plan: PlanDB, pipeline_id: int, name: str) -> None:
    """Give a pipeline another name."""
    with plan.atomic():
        plan.execute("UPDATE pipeline SET name = ? WHERE id = ?", [name.strip(), pipeline_id])


def find_pipeline(plan: PlanDB, name: str) -> int | None:
    """The pipeline of that name (ignoring case and outer spaces), or None."""
    wanted = " ".join(name.split()).casefold()
    for pipeline in list_pipelines(plan):
        if " ".join(pipeline.name.split()).casefold() == wanted:
            return pipeline.id
    return None


def set_stage_pipeline(plan: PlanDB, stage_id: int, pipeline_id: int) -> None:
    """Put an open stage into a pipeline."""
    with plan.atomic():
        plan.execute("UPDATE stage SET pipeline_id = ? WHERE id = ?", [pipeline_id, stage_id])


def set_deal_pipeline(plan: PlanDB, opportunity_id: int, pipeline_id: int) -> None:
    """Put a deal into a pipeline (its stage is the caller's business)."""
    with plan.atomic():
        plan.execute("UPDATE opportunity SET pipeline_id = ? WHERE id = ?", [pipeline_id, opportunity_id])


def follow_stage(plan: PlanDB, opportunity_id: int) -> None:
    """A deal in an open stage is in that stage's pipeline; in a closed one it keeps its own."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity AS o SET pipeline_id = COALESCE((SELECT s.pipeline_id FROM stage s"
            f" WHERE s.id = o.stage_id), o.pipeline_id, {_FIRST}) WHERE o.id = ?",
            [opportunity_id],
        )


def deal_pipelines(plan: PlanDB) -> dict[int, int]:
    """Deal id -> pipeline id, for every deal."""
    return {r[0]: r[1] for r in plan.query(f"SELECT o.id, {_DEAL_PIPELINE} FROM opportunity o")}


def deals_of_pipeline(plan: PlanDB, pipeline_id: int) -> set[int]:
    """The ids of the deals (open and closed) of one pipeline."""
    return {deal for deal, pipeline in deal_pipelines(plan).items() if pipeline == pipeline_id}


def stage_name_taken(plan: PlanDB, name: str) -> bool:
    """Whether a stage (retired ones included) has that name: names are unique in a plan."""
    return bool(plan.query("SELECT 1 FROM stage WHERE name = ?", [name.strip()]))


def fill_missing_pipelines(plan: PlanDB) -> None:
    """Deals written without a pipeline take their stage's (else the first pipeline)."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity AS o SET pipeline_id = COALESCE((SELECT s.pipeline_id FROM stage s"
            f" WHERE s.id = o.stage_id), {_FIRST}) WHERE o.pipeline_id IS NULL"
        )


def imported_deal_stages(plan: PlanDB, source: str) -> list[tuple[int, str | None, int]]:
    """(deal id, CRM id, stage id) of every deal that came from `source`."""
    return [
        (r[0], r[1], r[2])
        for r in plan.query("SELECT id, external_id, stage_id FROM opportunity WHERE source = ?", [source])
    ]


def move_imported_deal(plan: PlanDB, deal_id: int, old: int, new: int, pipeline_id: int) -> None:
    """Put a freshly imported deal into another pipeline's stage, its imported history with it."""
    with plan.atomic():
        plan.execute(
            "UPDATE opportunity SET stage_id = ?, pipeline_id = ? WHERE id = ?", [new, pipeline_id, deal_id]
        )
        for table, column in (
            ("opportunity", "last_open_stage_id"),
            ("stage_history", "from_stage_id"),
            ("stage_history", "to_stage_id"),
            ("commitment", "stage_id"),
        ):
            key = "id" if table == "opportunity" else "opportunity_id"
            plan.execute(
                f"UPDATE {table} SET {column} = ? WHERE {key} = ? AND {column} = ?", [new, deal_id, old]
            )
