"""Child of the kill test: edits a real plan file through planner.operations, acknowledging each commit.

Run as `python durability_child.py PLAN ROUND`. Prints `ready` once the plan is open, then for
edit n of the round `created ID TITLE` after the deal's creation was committed and `moved ID`
after its move forward was committed; it keeps going until it is killed.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
from pathlib import Path

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.operations import MoveDetails
from planner.stages import open_stages
from planner.storage import stages as stage_repo
from planner.storage.db import open_plan

TODAY = dt.date(2026, 11, 26)


def say(line: str) -> None:
    # One write() per line: a line is in the pipe whole, or not at all, whenever the kill lands.
    os.write(1, (line + "\n").encode())


def main(path: Path, round_number: int) -> None:
    plan = open_plan(path)
    first, second = open_stages(stage_repo.list_stages(plan))[:2]
    plan.warm_up()  # the first write imports sqlite-utils: not while the parent waits to kill
    say("ready")
    n = 0
    while True:
        title = f"r{round_number}-e{n}"
        _change, deal_id = ops.create_opportunity(plan, OpportunityDraft(title, None, first.id), TODAY)
        say(f"created {deal_id} {title}")
        details = MoveDetails(commitment=f"commitment {title}")
        ops.move_opportunity(plan, deal_id, second.id, details, TODAY)
        say(f"moved {deal_id}")
        n += 1


if __name__ == "__main__":
    main(Path(sys.argv[1]), int(sys.argv[2]))
