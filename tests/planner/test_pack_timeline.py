"""The review pack tells each deal's timeline, in every format with per-deal sections, as text."""

from __future__ import annotations

import json

from planner.exchange import pack_html, pack_json, pack_markdown
from planner.exchange.pack import Pack, PackOptions, PackScope, build_pack
from planner.model import Action, ActionStatus
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB
from tests.planner.pack_support import PRIVATE_NOTE, SCRIPT, SHARED_NOTE, TODAY, hostile_plan

DONE = f"Sent <b>the</b> proposal {SCRIPT} | pipe *star*"


def _pack(plan: PlanDB, *, private: bool = False) -> tuple[int, Pack]:
    ids = hostile_plan(plan)
    first = ids["deal0"]
    with plan.atomic():
        opportunity_repo.add_amount_change(plan, first, (10_000.0, "EUR"), (12_500.0, "EUR"))
        activity_repo.insert_action(plan, Action(0, first, DONE, status=ActionStatus.DONE, done_on=TODAY))
    return first, build_pack(plan, PackScope.all_open(), PackOptions(include_private_notes=private), TODAY)


def test_every_format_tells_the_timeline(plan: PlanDB) -> None:
    first, pack = _pack(plan)
    deal = next(d for d in pack.deals if d.id == first)
    kinds = [e.kind for e in deal.timeline]
    assert kinds[0] == "created"
    assert {"close_date", "amount", "action", "note", "coaching"} <= set(kinds)
    amount = next(e.text for e in deal.timeline if e.kind == "amount")
    assert amount == "Amount 10,000 EUR → 12,500 EUR"
    # Private notes stay out of the timeline as they stay out of the notes.
    assert not any(PRIVATE_NOTE in e.text for e in deal.timeline)
    assert any(SHARED_NOTE in e.text for e in deal.timeline)

    data = json.loads(pack_json.render_json(pack))
    (found,) = [d for d in data["opportunities"] if d["id"] == first]
    assert [e["text"] for e in found["timeline"]] == [e.text for e in deal.timeline]
    assert f"Done: {DONE}" in [e["text"] for e in found["timeline"]]

    html = pack_html.render_html(pack)
    assert "<h3>Timeline</h3>" in html
    assert "Amount 10,000 EUR → 12,500 EUR" in html
    assert "Done: Sent &lt;b&gt;the&lt;/b&gt; proposal &lt;script&gt;" in html
    assert SCRIPT not in html
    assert "<b>the</b>" not in html

    markdown = pack_markdown.render_markdown(pack)
    assert "### Timeline" in markdown
    assert "Amount 10,000 EUR → 12,500 EUR" in markdown
    line = next(x for x in markdown.splitlines() if x.startswith("- ") and "Done: Sent" in x)
    assert "&lt;b&gt;the&lt;/b&gt;" in line
    assert "\\| pipe \\*star\\*" in line
    assert SCRIPT not in markdown


def test_private_notes_join_the_timeline_only_when_asked(plan: PlanDB) -> None:
    first, pack = _pack(plan, private=True)
    deal = next(d for d in pack.deals if d.id == first)
    assert any(PRIVATE_NOTE in e.text for e in deal.timeline)
