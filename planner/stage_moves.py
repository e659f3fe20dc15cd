"""The bookkeeping of one stage move, decided once for a drag, the deal editor, a deleted stage and an import.

Pure: it says what a move writes (the history row, the deal's new stage, its closed state);
planner.storage.opportunities.write_stage_move writes it. Which way a move goes is
planner.funnel.direction's call; what a forward move needs (a customer commitment) is the
operation's (planner.operations.apply_move).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

CLOSING = "close"
REOPENING = "reopen"


@dataclass(frozen=True, slots=True)
class MoveBookkeeping:
    """Everything one move writes.

    `closed` is None when the deal's closed state stays as it is; (day, reason) closes it;
    (None, "") reopens it.
    """

    opportunity_id: int
    from_stage_id: int
    to_stage_id: int
    entered: dt.date  # the day the deal enters its new stage
    last_open_stage_id: int | None  # where reopening returns the deal
    commitment_date: dt.date | None = None
    commitment: str = ""
    reason: str = ""
    closed: tuple[dt.date | None, str] | None = None
    close_code: str = ""  # with `closed`: the reason's code (planner.close_reasons)
    close_competitor: str = ""


def move_bookkeeping(
    opportunity_id: int,
    from_stage_id: int,
    to_stage_id: int,
    kind: str,
    *,
    last_open_stage_id: int | None,
    today: dt.date,
    commitment: str = "",
    commitment_date: dt.date | None = None,
    reason: str = "",
    closed_on: dt.date | None = None,
    close_reason: str = "",
    close_code: str = "",
    close_competitor: str = "",
) -> MoveBookkeeping:
    """The writes of a move of `kind` (planner.funnel.direction): the deal enters its new stage
    today; closing remembers the open stage it left (reopening returns there) and records the
    day (`closed_on`, else today) and why (the note, the reason's code and the competitor);
    reopening clears them."""
    closed: tuple[dt.date | None, str] | None = None
    last_open = last_open_stage_id
    if kind == CLOSING:
        last_open = from_stage_id
        closed = (closed_on or today, close_reason)
    elif kind == REOPENING:
        closed = (None, "")
    return MoveBookkeeping(
        opportunity_id,
        from_stage_id,
        to_stage_id,
        today,
        last_open,
        commitment_date if commitment else None,
        commitment,
        reason,
        closed,
        close_code if kind == CLOSING else "",
        close_competitor if kind == CLOSING else "",
    )
