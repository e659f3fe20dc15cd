"""The review round trip without Qt: bundles read into a read-only plan, notes out and back in, bad files."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import pytest

from planner.exchange import pack_json, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.review import ReviewError
from planner.model import Note
from planner.storage import activities as activity_repo
from planner.storage import pack_queries
from planner.storage.db import PlanDB, PlanReadOnlyError, open_memory
from tests.conftest import TODAY
from tests.planner import pack_support as hostile

ROOT = Path(__file__).resolve().parents[2]
NOTES_SCHEMA = json.loads((ROOT / "resources" / "schemas" / "review-notes.schema.json").read_text())


def _bundle_file(plan: PlanDB, folder: Path, private: bool = True) -> Path:
    pack = build_pack(plan, PackScope.all_open(), PackOptions(include_private_notes=private), TODAY)
    return pack_json.write_json(pack, folder / "bundle.json")


def _dump(plan: PlanDB) -> dict[str, list[tuple[Any, ...]]]:
    """Every table but notes and settings: what a notes import must never change."""
    tables = [
        r[0]
        for r in plan.query(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT LIKE 'search_index%'"
        )
    ]
    return {
        t: plan.query(f"SELECT * FROM {t} ORDER BY rowid") for t in tables if t not in ("note", "settings")
    }


@pytest.fixture
def bundle(demo_plan: PlanDB, tmp_path: Path) -> Iterator[review.Bundle]:
    loaded = review.load_bundle(_bundle_file(demo_plan, tmp_path))
    yield loaded
    loaded.plan.close()


def test_a_bundle_opens_as_the_same_plan_read_only(demo_plan: PlanDB, bundle: review.Bundle) -> None:
    original = build_pack(demo_plan, PackScope.all_open(), PackOptions(include_private_notes=True), TODAY)
    again = build_pack(bundle.plan, PackScope.all_open(), PackOptions(include_private_notes=True), TODAY)

    def comparable(pack: Any) -> list[Any]:
        data: list[Any] = json.loads(pack_json.render_json(pack))["opportunities"]
        for deal in data:  # record ids differ in the new plan; everything the seller wrote must not
            deal.pop("review_token")  # made with each plan's own key
            # The timeline is read from histories (amounts, imports) the bundle does not carry.
            deal.pop("timeline")
            # An action's link to an influence names the same person in both plans.
            names = {bi["id"]: bi["name"] for bi in deal["influences"]}
            for action in deal["actions"]:
                rule, _sep, record = action["flag_ref"].partition(":influence:")
                if record:
                    action["flag_ref"] = f"{rule}:{names.get(int(record), record)}"
            for key in ("influences", "notes", "coaching_notes"):
                for item in deal[key]:
                    for field in ("id", "person_id", "reports_to_id", "created"):
                        item.pop(field, None)
            # The plan's normal cycle comes from its won deals, which an all-open bundle does not
            # hold: best-few-unconfirmed's "closes after half the cycle" (and the count of flags
            # without an action, which includes it) cannot be judged from the bundle alone.
            unjudged = ("best-few-unconfirmed", "flag-without-action")
            deal["red_flags"] = [f for f in deal["red_flags"] if f["id"] not in unjudged]
            for flag in deal["red_flags"] + deal["strengths"]:
                flag.pop("ref")
        return data

    assert comparable(again) == comparable(original)
    assert bundle.plan_id == original.plan_id
    assert pack_queries.plan_id(bundle.plan) == original.plan_id
    assert bundle.plan.read_only
    assert "Review mode" in bundle.banner
    assert "Sam Seller" in bundle.banner
    with pytest.raises(PlanReadOnlyError):
        activity_repo.insert_note(bundle.plan, Note(0, "x"))


def test_hostile_text_survives_the_round_trip(tmp_path: Path) -> None:
    plan = open_memory()
    hostile.hostile_plan(plan)
    loaded = review.load_bundle(_bundle_file(plan, tmp_path))
    try:
        names = {d.name for d in loaded.deals.values()}
        assert hostile.FORMULA_TITLE in names
        assert hostile.EMOJI in names
        assert hostile.RTL + " deal" in names
        notes = [n.body for d in loaded.deals for n in activity_repo.list_notes(loaded.plan, d)]
        assert hostile.WORDS_NOTE in notes
        assert hostile.ONE_WORD in notes
    finally:
        loaded.plan.close()
        plan.close()


def test_review_notes_round_trip_and_a_second_import_adds_nothing(
    demo_plan: PlanDB, bundle: review.Bundle, tmp_path: Path
) -> None:
    deal = next(iter(bundle.deals.values()))
    notes = review.notes_for(
        bundle,
        [review.new_note("Meet the economic buyer first.", deal), review.new_note("Clean the funnel.", None)],
        reviewer="Maria Manager",
    )
    path = review.write_review_notes(notes, tmp_path / "notes.json")
    jsonschema.validate(json.loads(path.read_text()), NOTES_SCHEMA)
    before = _dump(demo_plan)
    result = review.import_review_notes(demo_plan, review.read_review_notes(path))
    assert result.added == 2
    assert result.change.opportunities == frozenset({deal.id})
    coaching = [n for n in activity_repo.list_notes(demo_plan, deal.id) if n.author == "manager"]
    assert [n.body for n in coaching] == ["Meet the economic buyer first."]
    assert not coaching[0].private
    assert [n.body for n in pack_queries.plan_notes(demo_plan, "manager")] == ["Clean the funnel."]
    again = review.import_review_notes(demo_plan, review.read_review_notes(path))
    assert again.added == 0
    assert again.already == 2
    assert "No new coaching notes" in again.summary()
    assert len([n for n in activity_repo.list_notes(demo_plan, deal.id) if n.author == "manager"]) == 1
    assert _dump(demo_plan) == before  # nothing of the seller's own data changed
    # ...and the next pack carries them.
    pack = build_pack(demo_plan, PackScope.selected([deal.id]), PackOptions(), TODAY)
    assert [n.body for n in pack.deals[0].coaching_notes] == ["Meet the economic buyer first."]
    assert [n.body for n in pack.coaching_notes] == ["Clean the funnel."]


def test_notes_for_another_plan_are_refused_and_nothing_is_written(
    bundle: review.Bundle, tmp_path: Path
) -> None:
    other = open_memory()
    hostile.hostile_plan(other)
    deal = next(iter(bundle.deals.values()))
    path = review.write_review_notes(
        review.notes_for(bundle, [review.new_note("x", deal)]), tmp_path / "notes.json"
    )
    before = other.query("SELECT COUNT(*) FROM note")
    with pytest.raises(ReviewError, match="not for this plan"):
        review.import_review_notes(other, review.read_review_notes(path))
    assert other.query("SELECT COUNT(*) FROM note") == before
    other.close()


def test_notes_about_deleted_deals_are_reported(
    demo_plan: PlanDB, bundle: review.Bundle, tmp_path: Path
) -> None:
    deals = list(bundle.deals.values())
    path = review.write_review_notes(
        review.notes_for(bundle, [review.new_note("kept", deals[0]), review.new_note("gone", deals[1])]),
        tmp_path / "notes.json",
    )
    with demo_plan.atomic():
        demo_plan.execute("DELETE FROM opportunity WHERE id = ?", [deals[1].id])
    result = review.import_review_notes(demo_plan, review.read_review_notes(path))
    assert result.added == 1
    assert result.unmatched == (deals[1].name,)
    assert "no longer in this plan" in result.summary()


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("empty.json", b"", "is empty"),
    ("text.json", b"hello, not json", "not valid JSON"),
    ("binary.json", b"\xff\xfe\x00\x81", "not a text file"),
    ("list.json", b"[1, 2, 3]", "JSON of another kind"),
    ("foreign.json", json.dumps({"format": "something-else", "version": 1}).encode(), "something-else"),
    ("no-format.json", json.dumps({"plan": {}}).encode(), "is not an Opportunity Planner plan bundle"),
    ("newer.json", json.dumps({"format": "opportunity-plan", "version": 99}).encode(), "newer version"),
    (
        "bad-type.json",
        json.dumps(
            {
                "format": "opportunity-plan",
                "version": 1,
                "plan": {"id": "p"},
                "opportunities": [{"id": "one"}],
            }
        ).encode(),
        r"opportunities\[0\]\.id",
    ),
    (
        "bad-role.json",
        json.dumps(
            {
                "format": "opportunity-plan",
                "version": 1,
                "plan": {"id": "p"},
                "opportunities": [{"id": 1, "name": "x", "stage": "S", "influences": [{"role": "boss"}]}],
            }
        ).encode(),
        "“boss” is not one of",
    ),
    (
        "bad-rating.json",
        json.dumps(
            {
                "format": "opportunity-plan",
                "version": 1,
                "plan": {"id": "p"},
                "opportunities": [{"id": 1, "name": "x", "stage": "S", "influences": [{"rating": 9}]}],
            }
        ).encode(),
        r"opportunities\[0\]\.influences\[0\]\.rating: 9 is more than 5",
    ),
    (
        "no-plan-id.json",
        json.dumps({"format": "opportunity-plan", "version": 1, "plan": {}}).encode(),
        "plan.id",
    ),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD_FILES)
def test_a_malformed_or_foreign_bundle_gives_a_clear_message(
    tmp_path: Path, name: str, data: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ReviewError, match=message):
        review.load_bundle(path)
    assert path.read_bytes() == data


def test_missing_and_folder_paths_are_explained(tmp_path: Path) -> None:
    with pytest.raises(ReviewError, match="does not exist"):
        review.load_bundle(tmp_path / "nope.json")
    with pytest.raises(ReviewError, match="is a folder"):
        review.read_review_notes(tmp_path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"{", "not valid JSON"),
        (
            json.dumps({"format": "opportunity-plan", "version": 1}).encode(),
            "is a plan bundle, not review notes",
        ),
        (json.dumps({"format": "x"}).encode(), "is not a review-notes file"),
        (
            json.dumps(
                {
                    "format": "opportunity-plan-review-notes",
                    "version": 1,
                    "plan": {"id": "p"},
                    "notes": [{"id": "1"}],
                }
            ).encode(),
            "too short",
        ),
        (
            json.dumps(
                {
                    "format": "opportunity-plan-review-notes",
                    "version": 1,
                    "plan": {"id": "p"},
                    "notes": [{"id": "abcdefgh-1", "body": "x", "deal": {"id": "7"}}],
                }
            ).encode(),
            r"notes\[0\]\.deal\.id",
        ),
    ],
)
def test_malformed_review_notes_change_nothing(
    demo_plan: PlanDB, tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "notes.json"
    path.write_bytes(content)
    before = demo_plan.query("SELECT COUNT(*) FROM note")
    with pytest.raises(ReviewError, match=message):
        review.import_review_notes(demo_plan, review.read_review_notes(path))
    assert demo_plan.query("SELECT COUNT(*) FROM note") == before
