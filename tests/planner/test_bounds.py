"""The limits of planner.limits where files are read: streaming, ZIP directories, workbooks, bundle values,
review notes that reach only the deals of their bundle, and hidden coaching notes."""

from __future__ import annotations

import dataclasses
import json
import shutil
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner import limits
from planner import sheet_operations as sheet_ops
from planner.exchange import pack_json, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.problems import FileError
from planner.exchange.review import ReviewError
from planner.exchange.sources import load
from planner.exchange.tables import read_csv
from planner.model import Note
from planner.operations import OperationError, StageRow, validate_stage_rows
from planner.stages import DEFAULT_STAGES, StageSpec
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import pack_queries
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB, open_plan
from tests.conftest import TODAY
from tests.hostile import bounds
from tests.planner.plan_files import dump_file


def _rows(count: int, consumed: list[int]) -> Iterator[bytes]:
    """A deals CSV of `count` rows in small chunks, counting the bytes taken from it."""
    header = b"Opportunity Name,Amount,Stage\n"
    consumed.append(len(header))
    yield header
    for start in range(0, count, 1000):
        chunk = b"".join(b"Deal %d,1000,Prospecting\n" % n for n in range(start, min(count, start + 1000)))
        consumed[0] += len(chunk)
        yield chunk


def test_a_csv_is_read_as_it_comes_and_refused_at_the_row_limit() -> None:
    consumed: list[int] = []
    with pytest.raises(FileError, match="has more than 100,000 rows"):
        read_csv("deals.csv", _rows(1_000_000, consumed))
    # Only what the limit needed was read: about a tenth of the file.
    assert consumed[0] < 4_000_000


def test_a_table_with_more_cells_than_the_limit_is_refused() -> None:
    wide = b",".join(b"c%d" % n for n in range(200)) + b"\n"
    row = b",".join(b"v" for _ in range(200)) + b"\n"
    rows = limits.MAX_TABLE_CELLS // 200 + 1
    with pytest.raises(FileError, match="has more than 5,000,000 cells"):
        read_csv("wide.csv", iter([wide, row * rows]))


def test_mostly_utf8_with_a_windows_1252_row_is_reported_by_row_and_pure_windows_1252_is_not() -> None:
    table = read_csv("mixed.csv", [bounds.mixed_encoding()])
    assert table.encoding == "UTF-8"
    assert [r[0] for r in table.rows] == ["Café rollout", "Crème pilot", "Señor renewal", "Zürich expansion"]
    assert [(p.row, p.message.split(";")[0]) for p in table.problems] == [
        (4, "is not UTF-8 like the rest of the file")
    ]
    western = read_csv("ansi.csv", ["Name,Amount\nCafé,1\nCrème,2\n".encode("cp1252")])
    assert western.encoding == "Windows-1252"
    assert western.problems == ()
    assert [r[0] for r in western.rows] == ["Café", "Crème"]


def test_a_nul_anywhere_refuses_the_file_with_its_line() -> None:
    with pytest.raises(FileError, match="a NUL byte on line 1,602"):
        read_csv("nul.csv", [bounds.nul_after_64k()])
    utf16 = "Name,Amount\n" + "Deal,1\n" * 20_000 + "Hidden\x00deal,2\n"
    with pytest.raises(FileError, match="a NUL byte on line 20,002"):
        read_csv("nul16.csv", [utf16.encode("utf-16")])


def test_a_zip_directory_of_more_entries_than_the_limit_is_refused_before_it_is_read(tmp_path: Path) -> None:
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("deals.csv", "Opportunity Name,Amount\nDeal,1\n")
        for n in range(limits.MAX_ZIP_ENTRIES):
            archive.writestr(f"a/{n}", b"")
    loaded = load([path])
    assert loaded.tables == ()
    assert [p.message for p in loaded.problems] == [
        "many.zip is a ZIP file of more than 10,000 files; unpack the files you need."
    ]


def test_a_workbook_whose_parts_unpack_beyond_the_limit_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as out:
            for _ in range(limits.MAX_UNPACKED_BYTES // 1_000_000 + 1):
                out.write(b" " * 1_000_000)
    assert path.stat().st_size < 2_000_000
    loaded = load([path])
    assert loaded.tables == ()
    assert [p.message for p in loaded.problems] == [
        "bomb.xlsx unpacks to more than 200 MB; export fewer rows or unpack the files you need."
    ]


def _bundle_file(folder: Path, **changes: Any) -> Path:
    path = folder / "bundle.json"
    path.write_text(json.dumps(bounds.bundle(**changes)))
    return path


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        (
            {"opportunities": [{"id": 1, "name": "x", "stage": "Qualify", "close_date": "9999-12-31"}]},
            "opportunities[0].close_date: 9999-12-31 is not between the years 1900 and 2200",
        ),
        (
            {"opportunities": [{"id": 1, "name": "x", "stage": "Qualify", "amount": 1e300}]},
            "opportunities[0].amount: 1e+300 is outside 0..1,000,000,000,000",
        ),
        (
            {"opportunities": [{"id": 1, "name": "x", "stage": "Qualify", "currency": "EURO"}]},
            "opportunities[0].currency: Currency must be a three-letter code",
        ),
        (
            {"opportunities": [{"id": 1, "name": "x", "stage": "Qualify", "account_id": -3}]},
            "opportunities[0].account_id: -3 is less than 1",
        ),
        (
            {"plan": {"id": bounds.PLAN_ID, "rates": {"USD": 10**400}}},
            "plan.rates.USD: 1000000000",
        ),
        (
            {"stages": [{"name": "S", "exit_commitments": ["x" * 301]}]},
            "stages[0].exit_commitments[0]: 301 characters, more than 300",
        ),
        (
            {
                "opportunities": [
                    {
                        "id": 1,
                        "name": "x",
                        "stage": "Qualify",
                        "notes": [{"body": "n" * (limits.MAX_NOTE + 1)}],
                    }
                ]
            },
            "opportunities[0].notes[0].body: 10,001 characters, more than 10,000",
        ),
    ],
)
def test_bundle_values_beyond_the_windows_limits_are_refused_with_their_path(
    tmp_path: Path, changes: dict[str, Any], message: str
) -> None:
    with pytest.raises(ReviewError) as refused:
        review.load_bundle(_bundle_file(tmp_path, **changes))
    assert message in str(refused.value)
    assert "\n" not in str(refused.value)


def test_files_larger_than_a_bundle_or_notes_file_may_be_are_refused_unread(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    with path.open("wb") as out:
        out.truncate(limits.MAX_BUNDLE_BYTES + 1)  # sparse: no disk used
    with pytest.raises(ReviewError, match="is larger than 30 MB, too large to be"):
        review.load_bundle(path)
    with pytest.raises(ReviewError, match="is larger than 10 MB, too large to be a review-notes file"):
        review.read_review_notes(path)


# ---------------------------------------------------------------------------------------------
# Review notes reach only the deals of the bundle they answer


def _account_bundle(plan: PlanDB, folder: Path) -> tuple[review.Bundle, list[int]]:
    """A bundle of one account's deals, and the plan's open deals that are not in it."""
    pack = build_pack(plan, PackScope.all_open(), PackOptions(), TODAY)
    account = next(d.account_id for d in pack.deals if d.account_id is not None)
    scoped = build_pack(plan, PackScope.account(account), PackOptions(), TODAY)
    inside = {d.id for d in scoped.deals}
    outside = [d.id for d in pack.deals if d.id not in inside]
    assert inside
    assert outside
    return review.load_bundle(pack_json.write_json(scoped, folder / "bundle.json")), outside


def _coaching(plan: PlanDB, deal_id: int) -> list[str]:
    return [n.body for n in activity_repo.list_notes(plan, deal_id) if n.author == "manager"]


def test_notes_reach_only_the_deals_of_the_bundle_they_answer(demo_plan: PlanDB, tmp_path: Path) -> None:
    bundle, outside = _account_bundle(demo_plan, tmp_path)
    try:
        shown = next(iter(bundle.deals.values()))
        other = opportunity_repo.get_opportunity(demo_plan, outside[0])
        assert other is not None
        kept = review.new_note("On the deal you showed me.", shown)
        # The manager's file, edited: notes on a deal never shown, one with a shown deal's token.
        borrowed = dataclasses.replace(
            review.new_note("On a deal I was not shown.", shown), deal_id=other.id, deal_name=other.title
        )
        untokened = dataclasses.replace(review.new_note("No token.", shown), deal_token="")
        relabelled = dataclasses.replace(
            review.new_note("Another CRM id.", shown), deal_external_id="006-other"
        )
        on_plan = review.new_note("On the whole plan.", None)
        notes = review.notes_for(bundle, [kept, borrowed, untokened, relabelled, on_plan])
        path = review.write_review_notes(notes, tmp_path / "notes.json")
        result = review.import_review_notes(demo_plan, review.read_review_notes(path))
    finally:
        bundle.plan.close()
    assert result.added == 2
    assert result.change.opportunities == frozenset({shown.id})
    assert _coaching(demo_plan, shown.id) == ["On the deal you showed me."]
    assert _coaching(demo_plan, other.id) == []
    assert [n.body for n in pack_queries.plan_notes(demo_plan, "manager")] == ["On the whole plan."]
    assert result.outside == (other.title, shown.name, shown.name)
    assert "3 left out: their deals were not in the plan bundle these notes answer" in result.summary()


def test_a_notes_file_for_the_plan_without_tokens_reaches_no_deal(demo_plan: PlanDB, tmp_path: Path) -> None:
    settings_repo.set_setting(demo_plan, "plan_id", bounds.PLAN_ID)
    before = {d: _coaching(demo_plan, d) for d in (1, 2)}
    bounds.make(tmp_path)
    path = tmp_path / "notes-outside-bundle.json"
    result = review.import_review_notes(demo_plan, review.read_review_notes(path))
    assert result.added == 1  # the note on the whole plan
    assert {d: _coaching(demo_plan, d) for d in (1, 2)} == before
    assert bounds.EXPECTED["notes-outside-bundle.json"] in result.summary()


@pytest.mark.parametrize("name", ["notes-huge-id.json", "notes-oversized-note.json"])
def test_notes_files_beyond_the_limits_are_refused_with_the_path(
    demo_plan: PlanDB, tmp_path: Path, name: str
) -> None:
    bounds.make(tmp_path)
    path = tmp_path / name
    with pytest.raises(ReviewError) as refused:
        review.read_review_notes(path)
    assert str(refused.value) == f"{name} cannot be read: {bounds.EXPECTED[name]}."


# ---------------------------------------------------------------------------------------------
# Hidden coaching notes, and the stage editor's limits


def test_a_hidden_coaching_note_leaves_every_view_and_export_and_a_second_import_does_not_bring_it_back(
    demo_plan: PlanDB, tmp_path: Path
) -> None:
    bundle, _outside = _account_bundle(demo_plan, tmp_path)
    try:
        deal = next(iter(bundle.deals.values()))
        path = review.write_review_notes(
            review.notes_for(bundle, [review.new_note("Too long to keep reading.", deal)]),
            tmp_path / "n.json",
        )
    finally:
        bundle.plan.close()
    review.import_review_notes(demo_plan, review.read_review_notes(path))
    (note,) = [n for n in activity_repo.list_notes(demo_plan, deal.id) if n.author == "manager"]
    sheet_ops.hide_note(demo_plan, note.id)
    assert _coaching(demo_plan, deal.id) == []
    pack = build_pack(demo_plan, PackScope.selected([deal.id]), PackOptions(), TODAY)
    assert pack.deals[0].coaching_notes == ()
    again = review.import_review_notes(demo_plan, review.read_review_notes(path))
    assert (again.added, again.already) == (0, 1)
    assert _coaching(demo_plan, deal.id) == []
    # The manager's words stay in the plan as they were written.
    stored = activity_repo.get_note(demo_plan, note.id)
    assert stored is not None
    assert stored.body == "Too long to keep reading."


def test_a_plan_of_the_last_shipped_schema_gains_the_hidden_flag_and_a_review_key(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parent.parent / "data" / "plan-0003.plan"
    path = tmp_path / "seller.plan"
    shutil.copyfile(fixture, path)
    before = dump_file(path)
    plan = open_plan(path)
    try:
        notes = plan.query("SELECT id, body, hidden FROM note ORDER BY id")
        assert notes
        assert notes == [(r[0], r[3], 0) for r in before["note"]]
        key = pack_queries.review_key(plan)
        assert key is not None
        assert len(key) == 32
        deal = before["note"][0][1]
        shown = activity_repo.list_notes(plan, deal)
        assert [n.id for n in shown] == [r[0] for r in before["note"] if r[1] == deal]
    finally:
        plan.close()
    again = open_plan(path)  # the key is made once, at the upgrade
    try:
        assert pack_queries.review_key(again) == key
    finally:
        again.close()


def test_the_sellers_own_notes_are_deleted_not_hidden(demo_plan: PlanDB) -> None:
    deal = opportunity_repo.list_opportunities(demo_plan)[0].id
    note_id = activity_repo.insert_note(demo_plan, Note(0, "Mine", opportunity_id=deal))
    with pytest.raises(OperationError, match="Only your manager's coaching notes are hidden"):
        sheet_ops.hide_note(demo_plan, note_id)


def test_the_stage_editor_keeps_to_the_same_limits_as_a_bundle() -> None:
    rows = [StageRow(None, spec) for spec in DEFAULT_STAGES]
    validate_stage_rows(rows)
    many = rows + [
        StageRow(None, StageSpec(f"Extra {n}", DEFAULT_STAGES[0].level, 10, None, ()))
        for n in range(limits.MAX_STAGES - len(rows) + 1)
    ]
    with pytest.raises(OperationError, match="at most 50 stages"):
        validate_stage_rows(many)
    long_name = [StageRow(None, dataclasses.replace(rows[0].spec, name="x" * 301)), *rows[1:]]
    with pytest.raises(OperationError, match="at most 300 characters"):
        validate_stage_rows(long_name)
    stale = [StageRow(None, dataclasses.replace(rows[0].spec, stale_after_days=3651)), *rows[1:]]
    with pytest.raises(OperationError, match="between 1 and 3650"):
        validate_stage_rows(stale)


def test_a_limit_error_is_the_projects_own_error_with_one_line() -> None:
    with pytest.raises(OperationError) as refused:
        limits.check_range(800_000, 0, limits.MAX_STALE_DAYS, "deals[12].stage.stale_after_days")
    assert str(refused.value) == "deals[12].stage.stale_after_days: 800000 is more than 3650"
    assert isinstance(refused.value, limits.LimitError)
    assert "\n" not in str(refused.value)
