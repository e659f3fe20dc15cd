"""Renders the People tab and a deal's timeline on the demo plan: resources/screenshots/people.png,
timeline.png.

`QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.people_screenshot [--size 1280x720] [--out DIR]`
(not collected by pytest). The demo plan gets what a second CRM import leaves behind (a second
record of one contact) and an amount change, so the duplicates list and the timeline have
something to show.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Pictures of a first start: the default layout, and the seller's own preferences untouched.
os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="planner-screenshot-config-")

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication

from planner import operations as ops
from planner import people
from planner.clock import FixedClock
from planner.demo import populate_demo
from planner.model import OpportunityDraft, Person
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage.db import open_plan
from ui.main_window import MainWindow

OUT = Path(__file__).resolve().parent.parent / "resources" / "screenshots"


def _settle() -> None:
    for _ in range(5):
        QCoreApplication.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.split("x"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    today = dt.date.today()
    with tempfile.TemporaryDirectory() as folder:
        plan = open_plan(Path(folder) / "demo.plan")
        populate_demo(plan, today)
        # A second import of a contact: same account, the name written another way.
        aisha = next(r.person for r in people.directory(plan) if r.person.name == "Aisha Rahman" and r.deals)
        with plan.atomic():
            people_repo.insert_person(
                plan,
                Person(0, aisha.account_id, "aisha  RAHMAN", "", "a.rahman@example.com", "+44 20 7946 0000"),
            )
        deal_id = people_repo.list_influences_of(plan, aisha.id)[0].opportunity_id
        deal = opportunity_repo.get_opportunity(plan, deal_id)
        assert deal is not None
        draft = OpportunityDraft(
            deal.title,
            deal.account_id,
            deal.stage_id,
            deal.product,
            deal.quantity,
            deal.amount,
            deal.currency,
        )
        ops.update_opportunity(
            plan,
            deal_id,
            dataclasses.replace(draft, amount=(deal.amount or 0) + 15_000, close_date=deal.close_date),
            today,
        )
        window = MainWindow(plan, clock=FixedClock(today))
        window.resize(width, height)
        window.show()
        _settle()
        view = window.show_people()
        _settle()
        view.select_person(aisha.id)
        _settle()
        args.out.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(args.out / "people.png"))
        window.tabs.setCurrentIndex(0)
        window.board.select(deal_id)
        _settle()
        details = window.details
        window.details_dock.raise_()
        _settle()
        details.ensureWidgetVisible(details.timeline_title, 0, 0)
        _settle()
        window.grab().save(str(args.out / "timeline.png"))
        window.undo_stack.clear()
        window.close()
        plan.close()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
