"""Another planner process for the one-writer tests: opens a plan, then edits it on request.

Run as `python holder_child.py PLAN`. Prints `open read_only=<bool>`, then answers each line on
stdin: `create TITLE` creates a deal (prints `created ID` or `refused MESSAGE`), `quit` closes
the plan and exits.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.stages import open_stages
from planner.storage import stages as stage_repo
from planner.storage.db import PlanError, open_plan


def main(path: Path) -> None:
    plan = open_plan(path)
    print(f"open read_only={plan.read_only}", flush=True)
    stage = open_stages(stage_repo.list_stages(plan))[0].id
    for line in sys.stdin:
        command, _, argument = line.strip().partition(" ")
        if command == "quit":
            break
        try:
            _change, deal_id = ops.create_opportunity(
                plan, OpportunityDraft(argument, None, stage), dt.date(2026, 11, 26)
            )
        except PlanError as exc:
            print(f"refused {exc}", flush=True)
        else:
            print(f"created {deal_id}", flush=True)
    plan.close()
    print("closed", flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
