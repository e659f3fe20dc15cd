"""Storage: the only package that speaks SQL. Repositories return dataclasses, never rows."""

from planner.storage.db import PlanDB, PlanError, open_memory, open_plan

__all__ = ["PlanDB", "PlanError", "open_memory", "open_plan"]
