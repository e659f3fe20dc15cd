"""Stage-definition repository."""

from __future__ import annotations

import json
from typing import Any

from planner.model import FunnelLevel, Stage
from planner.stages import StageSpec
from planner.storage.db import PlanDB

_COLUMNS = "id, name, level, position, probability, stale_after_days, exit_commitments, retired, pipeline_id"


def _stage(row: tuple[Any, ...]) -> Stage:
    return Stage(
        id=row[0],
        name=row[1],
        level=FunnelLevel(row[2]),
        position=row[3],
        probability=row[4],
        stale_after_days=row[5],
        exit_commitments=tuple(json.loads(row[6])),
        retired=bool(row[7]),
        pipeline_id=row[8],
    )


def list_stages(plan: PlanDB) -> list[Stage]:
    """Every stage in board order, retired ones included (history still names them)."""
    rows = plan.query(f"SELECT {_COLUMNS} FROM stage ORDER BY position, id")
    return [_stage(r) for r in rows]


def get_stage(plan: PlanDB, stage_id: int) -> Stage | None:
    """One stage, or None."""
    rows = plan.query(f"SELECT {_COLUMNS} FROM stage WHERE id = ?", [stage_id])
    return _stage(rows[0]) if rows else None


def insert_stage(plan: PlanDB, spec: StageSpec, position: int, *, stage_id: int | None = None) -> int:
    """Add a stage at `position` (a given id when restoring) and return its id."""
    with plan.atomic():
        cursor = plan.execute(
            "INSERT INTO stage (id, name, level, position, probability, stale_after_days,"
            " exit_commitments) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                stage_id,
                spec.name.strip(),
                spec.level.value,
                position,
                spec.probability,
                spec.stale_after_days,
                json.dumps(list(spec.exit_commitments)),
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def update_stage(plan: PlanDB, stage_id: int, spec: StageSpec, position: int) -> None:
    """Replace a stage's definition; history refers to stages by id, so it stays intact."""
    with plan.atomic():
        plan.execute(
            "UPDATE stage SET name = ?, level = ?, position = ?, probability = ?,"
            " stale_after_days = ?, exit_commitments = ? WHERE id = ?",
            [
                spec.name.strip(),
                spec.level.value,
                position,
                spec.probability,
                spec.stale_after_days,
                json.dumps(list(spec.exit_commitments)),
                stage_id,
            ],
        )


def retire_stage(plan: PlanDB, stage_id: int) -> None:
    """Take a stage off the board; history rows that name it keep their meaning."""
    with plan.atomic():
        plan.execute("UPDATE stage SET retired = 1 WHERE id = ?", [stage_id])


def stage_in_use(plan: PlanDB, stage_id: int) -> bool:
    """Whether any deal, history row or commitment refers to a stage."""
    rows = plan.query(
        "SELECT EXISTS (SELECT 1 FROM opportunity WHERE stage_id = ?1 OR last_open_stage_id = ?1)"
        " OR EXISTS (SELECT 1 FROM stage_history WHERE from_stage_id = ?1 OR to_stage_id = ?1)"
        " OR EXISTS (SELECT 1 FROM commitment WHERE stage_id = ?1)",
        [stage_id],
    )
    return bool(rows[0][0])


def delete_stage(plan: PlanDB, stage_id: int) -> None:
    """Delete a stage that no deal and no history row refers to (else retire it)."""
    with plan.atomic():
        plan.execute("DELETE FROM stage WHERE id = ?", [stage_id])
