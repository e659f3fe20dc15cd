"""Search everything: what it finds, that the index follows every write and undo, hostile text and
damaged indexes."""

from __future__ import annotations

import dataclasses
import json
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner import operations as ops
from planner import search
from planner import sheet_operations as sheet_ops
from planner.model import AccountDraft, OpportunityDraft, Person
from planner.search import Group
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import search_index
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDamagedError, PlanDB, open_plan
from planner.storage.salvage import salvage
from tests.planner.plan_files import TODAY, make_demo

PLANNER = Path(sys.executable).with_name("planner")
FIXTURES = Path(__file__).resolve().parents[1] / "data"


def titles(results: search.Results, group: Group) -> list[str]:
    return [hit.title for g, hits in results.groups if g is group for hit in hits]


def add_deal(plan: PlanDB, title: str, account: str = "Müller Logistik", product: str = "") -> int:
    _change, account_id = ops.create_account(plan, AccountDraft(name=account))
    stage = stage_repo.list_stages(plan)[0]
    draft = OpportunityDraft(title=title, account_id=account_id, stage_id=stage.id, product=product)
    _change, deal = ops.create_opportunity(plan, draft, TODAY)
    return deal


def current(plan: PlanDB) -> bool:
    return search_index.index_is_current(plan.conn)


def test_accents_and_case_do_not_matter_and_words_match_as_typed(plan: PlanDB) -> None:
    add_deal(plan, "Flottenmanagement Süd", product="Telematik")
    for typed in ("müller", "MULLER", "Mül", "mu", "sud", "SÜD", "flotten", "telem", "mull log"):
        found = search.search(plan, typed)
        assert found.hits, typed
    assert titles(search.search(plan, "mull"), Group.ACCOUNTS) == ["Müller Logistik"]
    assert titles(search.search(plan, "sud"), Group.DEALS) == ["Flottenmanagement Süd"]
    # One letter is a whole word, not a prefix (every word starting with it costs too much).
    assert not search.search(plan, "m").hits
    add_deal(plan, "Plan B", account="Other")
    assert titles(search.search(plan, "b"), Group.DEALS) == ["Plan B"]
    # Every word must match: a second word that matches nothing finds nothing.
    assert not search.search(plan, "müller zebra").hits


def test_results_are_grouped_best_first_and_open_their_deal(demo_plan: PlanDB) -> None:
    found = search.search(demo_plan, "keller")
    assert [group for group, _hits in found.groups] == [Group.PEOPLE]
    for hit in found.hits:
        assert hit.section == "influence"
        assert hit.opportunity_id is not None
        influence = sheet_ops.get_influence(demo_plan, hit.row_id)
        assert influence is not None
        assert influence.opportunity_id == hit.opportunity_id
    # Within a group the better score comes first.
    for _group, hits in search.search(demo_plan, "cfo").groups:
        assert [h.score for h in hits] == sorted(h.score for h in hits)


def test_every_kind_is_found(plan: PlanDB) -> None:
    deal = add_deal(plan, "Routing pilot", account="Zebra Freight")
    account_id = opportunity_repo.get_opportunity(plan, deal).account_id  # type: ignore[union-attr]
    assert account_id is not None
    with plan.atomic():
        person = people_repo.insert_person(plan, Person(0, account_id, "Quentin Quarles", "Quartermaster"))
        plan.execute(
            "INSERT INTO buying_influence (opportunity_id, person_id, win) VALUES (?, ?, 'Wombat savings')",
            [deal, person],
        )
        plan.execute("INSERT INTO action (opportunity_id, what) VALUES (?, 'Xylophone demo')", [deal])
        plan.execute(
            "INSERT INTO note (opportunity_id, body, created) VALUES (?, 'Yodel memo', '2026-11-26')", [deal]
        )
        plan.execute(
            "INSERT INTO note (opportunity_id, body, author, private, created)"
            " VALUES (?, 'Coaching about Vortex', 'manager', 0, '2026-11-26')",
            [deal],
        )
        plan.execute(
            "INSERT INTO note (opportunity_id, body, author, hidden, created)"
            " VALUES (?, 'Hidden Vortex remark', 'manager', 1, '2026-11-26')",
            [deal],
        )
        plan.execute(
            "INSERT INTO call_plan (opportunity_id, meeting_at, title, attitude_questions, created)"
            " VALUES (?, '2026-12-01T10:00', 'Kickoff', ?, '2026-11-26')",
            [deal, json.dumps(["Wie läuft die Übergabe?"])],
        )
        plan.execute("INSERT INTO competitor (opportunity_id, name) VALUES (?, 'Umbrella Soft')", [deal])
    expected = {
        "routing": (Group.DEALS, "deal"),
        "zebra": (Group.ACCOUNTS, "account"),
        "quarles": (Group.PEOPLE, "influence"),
        "quartermaster": (Group.PEOPLE, "influence"),
        "wombat": (Group.PEOPLE, "influence"),
        "xylophone": (Group.ACTIONS, "action"),
        "yodel": (Group.NOTES, "note"),
        "vortex": (Group.COACHING, "note"),
        "ubergabe": (Group.CALLS, "call"),
        "umbrella": (Group.COMPETITORS, "competitor"),
    }
    for typed, (group, section) in expected.items():
        found = search.search(plan, typed)
        assert [(g, [h.section for h in hits]) for g, hits in found.groups] == [(group, [section])], typed
        assert found.hits[0].opportunity_id == deal
    # The hidden coaching note is not found; the one shown is.
    assert [h.title for h in search.search(plan, "vortex").hits] == ["Coaching about Vortex"]
    assert current(plan)


@pytest.mark.parametrize(
    "typed",
    [
        '"',
        '"unclosed',
        "*",
        "a*b*",
        "NEAR(a b)",
        "NEAR",
        "AND OR NOT",
        "-x",
        "title:x",
        "(a",
        "a) OR (b",
        "^x",
        "{name body}: x",
        "+",
        "\x00",
        "'; DROP TABLE opportunity; --",
        "x" * 5000,
        " ".join(["w"] * 500),
        '=HYPERLINK("http://x")',
        "<b>x</b> <img src=x>",
        "\u202eabc\u202c שלום",
    ],
)
def test_fts_syntax_in_what_a_seller_types_never_raises(demo_plan: PlanDB, typed: str) -> None:
    search.search(demo_plan, typed)
    query = search.fts_query(typed)
    # Only quoted words reach FTS5: no operator, column filter or bracket of the seller's.
    assert query is None or re.fullmatch(r'"[^"\s]+"\*?( "[^"\s]+"\*?)*', query)


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_any_text_searches_without_raising(typed: str) -> None:
    plan = _shared_plan()
    search.search(plan, typed)


_PLAN: list[PlanDB] = []


def _shared_plan() -> PlanDB:
    # One demo plan for every example (hypothesis forbids function-scoped fixtures).
    if not _PLAN:
        from planner.demo import populate_demo
        from planner.storage.db import open_memory

        db = open_memory()
        populate_demo(db, TODAY)
        _PLAN.append(db)
    return _PLAN[0]


def test_hostile_text_is_found_and_returned_as_written(plan: PlanDB) -> None:
    hostile = ["<b>bold</b> deal", '=HYPERLINK("http://evil")', "\u202etxet lacigol", "long " + "z" * 295]
    for title in hostile:
        deal = add_deal(plan, title)
    with plan.atomic():  # a plan from elsewhere may hold longer text than the editor allows
        plan.execute(
            "INSERT INTO note (opportunity_id, body, created) VALUES (?, ?, '2026-11-26')",
            [deal, "<img src=x> " + "y" * 4988],
        )
    note = search.search(plan, "img").hits[0]
    assert note.title.startswith("<img src=x> yyy")
    assert len(note.title) == search.SHOWN
    assert titles(search.search(plan, "bold"), Group.DEALS) == ["<b>bold</b> deal"]
    assert titles(search.search(plan, "hyperlink evil"), Group.DEALS) == ['=HYPERLINK("http://evil")']
    assert titles(search.search(plan, "txet"), Group.DEALS) == ["\u202etxet lacigol"]
    long_title = titles(search.search(plan, "long"), Group.DEALS)[0]
    assert len(long_title) == search.SHOWN
    assert long_title.endswith("…")


def test_the_index_follows_edits_deletes_and_their_undo(demo_plan: PlanDB) -> None:
    plan = demo_plan
    deal = add_deal(plan, "Quokka expansion")
    before = ops.snapshot_opportunity(plan, deal)
    draft = OpportunityDraft(
        title="Narwhal expansion",
        account_id=before.tables[0].rows[0][2],
        stage_id=stage_repo.list_stages(plan)[0].id,
    )
    ops.update_opportunity(plan, deal, draft, TODAY)
    after = ops.snapshot_opportunity(plan, deal)
    assert titles(search.search(plan, "narwhal"), Group.DEALS) == ["Narwhal expansion"]
    assert not search.search(plan, "quokka").hits
    # Undo: the deal's rows come back from the snapshot, and the index with them.
    ops.revert_opportunity(plan, deal, before)
    assert titles(search.search(plan, "quokka"), Group.DEALS) == ["Quokka expansion"]
    assert not search.search(plan, "narwhal").hits
    ops.revert_opportunity(plan, deal, after)  # redo
    assert titles(search.search(plan, "narwhal"), Group.DEALS) == ["Narwhal expansion"]
    assert current(plan)
    # Deleting an account cascades to its deals and people; undo puts them back.
    account_id = account_repo.list_accounts(plan)[0].id
    name = account_repo.list_accounts(plan)[0].name
    _change, snap = ops.delete_account(plan, account_id)
    assert name not in titles(search.search(plan, name), Group.ACCOUNTS)
    assert current(plan)
    ops.restore(plan, snap)
    assert name in titles(search.search(plan, name), Group.ACCOUNTS)
    assert current(plan)


def test_a_person_renamed_is_found_by_the_new_name_on_every_deal(demo_plan: PlanDB) -> None:
    hit = search.search(demo_plan, "keller").hits[0]
    influence = sheet_ops.get_influence(demo_plan, hit.row_id)
    assert influence is not None
    person = people_repo.get_person(demo_plan, influence.person_id)
    assert person is not None
    rows = sheet_ops.snapshot_person(demo_plan, person.id)
    with demo_plan.atomic():
        sheet_ops.update_person(demo_plan, dataclasses.replace(person, name="Maria Okonkwo"))
    renamed = search.search(demo_plan, "okonkwo").hits
    assert {h.opportunity_id for h in renamed} >= {hit.opportunity_id}
    sheet_ops.revert_person(demo_plan, rows)
    assert not search.search(demo_plan, "okonkwo").hits
    assert current(demo_plan)


def test_an_older_plan_is_indexed_when_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "old.plan"
    shutil.copyfile(FIXTURES / "plan-0005.plan", path)
    plan = open_plan(path)
    try:
        deals = plan.query("SELECT count(*) FROM opportunity")[0][0]
        assert deals
        title = plan.query("SELECT title FROM opportunity ORDER BY id LIMIT 1")[0][0]
        assert title in titles(search.search(plan, title), Group.DEALS)
        assert current(plan)
    finally:
        plan.close()


def _damage_index(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE search_index_data SET block = zeroblob(length(block)) WHERE id > 10")
    conn.commit()
    conn.close()


def test_a_damaged_index_is_refused_in_one_line_and_rebuilt(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    _damage_index(path)
    plan = open_plan(path)
    try:
        with pytest.raises(search.SearchIndexDamagedError):
            search.search(plan, "keller")
        search_index.rebuild(plan)
        assert search.search(plan, "keller").hits
        assert current(plan)
    finally:
        plan.close()


def test_the_command_line_says_a_damaged_index_in_one_line(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    _damage_index(path)
    done = _run("search", "--db", str(path), "keller")
    assert done.returncode == 1
    assert done.stderr.splitlines() == [f"planner: {path}: {search.DAMAGED}"]
    assert not done.stdout


def test_a_plan_whose_index_triggers_were_dropped_is_refused_as_changed(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    conn = sqlite3.connect(path)
    conn.execute("DROP TRIGGER search_deal_insert")
    conn.commit()
    conn.close()
    with pytest.raises(PlanDamagedError) as refused:
        open_plan(path)
    message = str(refused.value)
    assert "search_deal_insert" in message
    assert "\n" not in message


def test_a_salvaged_copy_has_a_whole_index(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    copy = tmp_path / "saved.plan"
    salvage(path, copy)
    plan = open_plan(copy)
    try:
        assert search.search(plan, "keller").hits
        assert current(plan)
    finally:
        plan.close()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(PLANNER), *args], capture_output=True, text=True, check=False, timeout=60)


def test_the_command_line_gives_the_window_s_results(tmp_path: Path) -> None:
    path = make_demo(tmp_path / "mine.plan")
    for typed in ("keller", "cfo", "nor", 'NEAR("x" -:('):
        done = _run("search", "--db", str(path), typed, "--json")
        assert done.returncode == 0, done.stderr
        plan = open_plan(path, create=False, read_only=True)
        try:
            assert json.loads(done.stdout) == search.results_json(search.search(plan, typed))
        finally:
            plan.close()
    text = _run("search", "--db", str(path), "keller")
    assert text.returncode == 0
    assert text.stdout.splitlines()[0] == "People and buying influences"
    nothing = _run("search", "--db", str(path), "zzzqqq")
    assert nothing.stdout == "Nothing matches “zzzqqq”.\n"
    missing = _run("search", "--db", str(tmp_path / "none.plan"), "x")
    assert missing.returncode == 1
    assert len(missing.stderr.splitlines()) == 1
    assert not (tmp_path / "none.plan").exists()


def test_many_changes_to_one_row_in_one_transaction_leave_the_index_right(plan: PlanDB) -> None:
    deal = add_deal(plan, "Aardvark pilot")
    stage = stage_repo.list_stages(plan)[0].id
    with plan.atomic():
        plan.execute("UPDATE opportunity SET title = 'Badger pilot' WHERE id = ?", [deal])
        plan.execute("UPDATE opportunity SET product = 'Cobra' WHERE id = ?", [deal])
        new = plan.execute(
            "INSERT INTO opportunity (title, stage_id, created, updated) VALUES ('Dingo', ?, 'x', 'x')",
            [stage],
        ).lastrowid
        plan.execute("UPDATE opportunity SET title = 'Emu' WHERE id = ?", [new])
        plan.execute("DELETE FROM opportunity WHERE id = ?", [new])
        # A conflict clause on the statement overrides a trigger's own: the queue must not care.
        plan.execute(
            "INSERT OR REPLACE INTO opportunity (id, title, stage_id, created, updated)"
            " VALUES (?, 'Ferret pilot', ?, 'x', 'x')",
            [deal, stage],
        )
        plan.execute("UPDATE opportunity SET title = 'Gecko pilot' WHERE id = ?", [deal])
    assert titles(search.search(plan, "pilot"), Group.DEALS) == ["Gecko pilot"]
    for gone in ("aardvark", "badger", "cobra", "dingo", "emu", "ferret"):
        assert not search.search(plan, gone).hits, gone
    assert current(plan)
