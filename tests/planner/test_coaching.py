"""Coaching items and verdicts from review notes: imported once, a later verdict wins, answered items."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner import coaching
from planner.coaching import ItemKind, VerdictKind
from planner.exchange import pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.review import (
    Bundle,
    ReviewError,
    ReviewNote,
    ReviewVerdict,
    import_review_notes,
    load_bundle,
    new_note,
    new_verdict,
    notes_for,
    read_review_notes,
    write_review_notes,
)
from planner.operations import OperationError
from planner.storage.db import PlanDB
from tests.conftest import TODAY

DEAL = 26  # committed in the demo plan
DUE = dt.date(2026, 12, 1)
NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.UTC)


@pytest.fixture
def bundle(demo_plan: PlanDB, tmp_path: Path) -> Iterator[Bundle]:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    loaded = load_bundle(pack_json.write_json(pack, tmp_path / "bundle.json"))
    yield loaded
    loaded.plan.close()


def _save(bundle: Bundle, path: Path, notes: list[ReviewNote], verdicts: list[ReviewVerdict]) -> Path:
    return write_review_notes(notes_for(bundle, notes, "Dana", verdicts), path)


def test_items_become_actions_and_a_second_import_adds_nothing(
    demo_plan: PlanDB, bundle: Bundle, tmp_path: Path
) -> None:
    deal = bundle.deals[DEAL]
    path = _save(
        bundle,
        tmp_path / "notes.json",
        [
            new_note("Book the CFO meeting", deal, NOW, item="action", due=DUE),
            new_note("Who signs the order?", deal, NOW, item="question"),
            new_note("Clean the funnel before the quarter ends", None, NOW, item="action", due=DUE),
            new_note("A plain note", deal, NOW),
        ],
        [new_verdict("challenge", "No paper process", deal, NOW)],
    )
    actions_before = demo_plan.query("SELECT COUNT(*) FROM action")[0][0]
    first = import_review_notes(demo_plan, read_review_notes(path))
    assert (first.added, first.items, first.verdicts) == (4, 3, 1)
    assert first.change.opportunities == frozenset({DEAL})
    # Two items on the deal are two of its actions; the plan's item has none (an action has a deal).
    assert demo_plan.query("SELECT COUNT(*) FROM action")[0][0] == actions_before + 2
    items = coaching.items(demo_plan)
    assert [(i.opportunity_id, i.kind, i.due, i.reviewer) for i in items] == [
        (None, ItemKind.ACTION, DUE, "Dana"),  # the plan's first
        (DEAL, ItemKind.ACTION, DUE, "Dana"),
        (DEAL, ItemKind.QUESTION, None, "Dana"),
    ]
    question = items[2]
    what = demo_plan.query("SELECT what FROM action WHERE id = ?", [question.action_id])[0][0]
    assert what == "Answer your manager's question: Who signs the order?"
    assert coaching.verdicts(demo_plan)[DEAL].kind is VerdictKind.CHALLENGE
    again = import_review_notes(demo_plan, read_review_notes(path))
    assert (again.added, again.already, again.items, again.verdicts) == (0, 4, 0, 0)
    assert again.change.opportunities == frozenset()
    assert demo_plan.query("SELECT COUNT(*) FROM action")[0][0] == actions_before + 2
    # A deleted action stays deleted: importing the review again does not bring it back.
    with demo_plan.atomic():
        demo_plan.execute("DELETE FROM action WHERE id = ?", [items[1].action_id])
    import_review_notes(demo_plan, read_review_notes(path))
    assert demo_plan.query("SELECT COUNT(*) FROM action")[0][0] == actions_before + 1


def test_a_later_verdict_replaces_an_earlier_one_and_never_the_other_way(
    demo_plan: PlanDB, bundle: Bundle, tmp_path: Path
) -> None:
    deal = bundle.deals[DEAL]
    early = _save(bundle, tmp_path / "early.json", [], [new_verdict("challenge", "Too early", deal, NOW)])
    later = _save(
        bundle,
        tmp_path / "later.json",
        [],
        [new_verdict("agree", "Paper process confirmed", deal, NOW + dt.timedelta(days=7))],
    )
    assert import_review_notes(demo_plan, read_review_notes(early)).verdicts == 1
    assert import_review_notes(demo_plan, read_review_notes(later)).verdicts == 1
    assert import_review_notes(demo_plan, read_review_notes(early)).verdicts == 0  # older: kept out
    verdict = coaching.verdicts(demo_plan)[DEAL]
    assert (verdict.kind, verdict.reason) == (VerdictKind.AGREE, "Paper process confirmed")


def test_an_item_is_answered_by_its_answer_or_by_doing_its_action(
    demo_plan: PlanDB, bundle: Bundle, tmp_path: Path
) -> None:
    deal = bundle.deals[DEAL]
    path = _save(
        bundle,
        tmp_path / "notes.json",
        [
            new_note("Book the CFO meeting", deal, NOW, item="action", due=DUE),
            new_note("Who signs the order?", deal, NOW, item="question"),
        ],
        [],
    )
    import_review_notes(demo_plan, read_review_notes(path))
    action, question = coaching.items(demo_plan)
    with pytest.raises(OperationError, match="Write your answer"):
        coaching.answer_item(demo_plan, question.id, "  ", TODAY)
    coaching.answer_item(demo_plan, question.id, "The CFO, Ms Berg", TODAY)
    # The action done on the Blue Sheet (or in the Agenda) answers its item too, on that day.
    done_on = TODAY + dt.timedelta(days=2)
    with demo_plan.atomic():
        demo_plan.execute(
            "UPDATE action SET status = 'done', done_on = ? WHERE id = ?",
            [done_on.isoformat(), action.action_id],
        )
    answered = {i.id: i for i in coaching.answered_items(demo_plan)}
    assert answered[question.id].answered_on == TODAY
    assert answered[question.id].answer == "The CFO, Ms Berg"
    assert answered[action.id].answered_on == done_on
    assert coaching.open_items(demo_plan) == []
    assert [i.id for i in coaching.answered_items(demo_plan, since=done_on)] == [action.id]


def test_version_1_notes_are_still_read(demo_plan: PlanDB, bundle: Bundle, tmp_path: Path) -> None:
    path = _save(bundle, tmp_path / "v2.json", [new_note("Call the CFO", bundle.deals[DEAL], NOW)], [])
    data = json.loads(path.read_text())
    data["version"] = 1
    for note in data["notes"]:
        del note["item"]
    del data["verdicts"]
    old = tmp_path / "v1.json"
    old.write_text(json.dumps(data))
    result = import_review_notes(demo_plan, read_review_notes(old))
    assert (result.added, result.items, result.verdicts) == (1, 0, 0)


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda d: d["notes"][0].update(item={"kind": "homework"}), "notes[0].item.kind"),
        (lambda d: d["notes"][0].update(item={"kind": "action", "due": "soon"}), "notes[0].item.due"),
        (lambda d: d["verdicts"][0].update(verdict="maybe"), "verdicts[0].verdict"),
        (lambda d: d["verdicts"][0].update(given="yesterday"), "verdicts[0].given"),
        (lambda d: d["verdicts"][0].update(id=d["notes"][0]["id"]), "verdicts[0].id: appears twice"),
        (lambda d: d["verdicts"][0].pop("deal"), "verdicts[0].deal: expected an object"),
    ],
)
def test_a_bad_item_or_verdict_refuses_the_file_with_where_it_is(
    bundle: Bundle, tmp_path: Path, change: object, problem: str
) -> None:
    deal = bundle.deals[DEAL]
    path = _save(
        bundle,
        tmp_path / "notes.json",
        [new_note("Book the CFO meeting", deal, NOW, item="action", due=DUE)],
        [new_verdict("agree", "", deal, NOW)],
    )
    data = json.loads(path.read_text())
    change(data)  # type: ignore[operator]
    path.write_text(json.dumps(data))
    with pytest.raises(ReviewError, match=problem.replace("[", r"\[").replace("]", r"\]")):
        read_review_notes(path)
