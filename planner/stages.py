"""Stage rules: the default stages of docs/method.md and what follows from a stage's place in order."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from planner.model import FunnelLevel, Stage


@dataclass(frozen=True, slots=True)
class StageSpec:
    """A stage before it has a database id (defaults, stage settings)."""

    name: str
    level: FunnelLevel
    probability: int
    stale_after_days: int | None
    exit_commitments: tuple[str, ...]


DEFAULT_STAGES: tuple[StageSpec, ...] = (
    StageSpec(
        "Prospect",
        FunnelLevel.ABOVE,
        10,
        30,
        ("Agreed to a discovery meeting", "Confirmed a problem or goal"),
    ),
    StageSpec(
        "Qualified",
        FunnelLevel.IN,
        25,
        21,
        ("Shared budget range and timeline", "Introduced us to the economic buyer"),
    ),
    StageSpec(
        "Evaluating",
        FunnelLevel.IN,
        50,
        21,
        ("Shared decision criteria and process", "Technical evaluation agreed"),
    ),
    StageSpec(
        "Committed",
        FunnelLevel.BEST_FEW,
        80,
        14,
        ("Verbal selection", "Agreed contract and signature date"),
    ),
    StageSpec("Won", FunnelLevel.WON, 100, None, ("Order received",)),
    StageSpec("Lost", FunnelLevel.LOST, 0, None, ("Decision lost (reason)",)),
    StageSpec("Walked away", FunnelLevel.WALKED_AWAY, 0, None, ("Seller withdrew (reason)",)),
)


def ordered(stages: Sequence[Stage]) -> list[Stage]:
    """Active stages in board order (retired ones only live on in history)."""
    return sorted((s for s in stages if not s.retired), key=lambda s: (s.position, s.id))


def open_stages(stages: Sequence[Stage]) -> list[Stage]:
    """The stages that make the board's columns, in order."""
    return [s for s in ordered(stages) if not s.is_closed]


def probability(override: int | None, stage_probability: int) -> int:
    """A deal's probability in percent: the seller's override, else its stage's default.

    The one rule the board, the details, the forecast and the review pack share; it takes the
    two numbers rather than records so the board's and the forecast's hot loops can call it.
    """
    return stage_probability if override is None else override
