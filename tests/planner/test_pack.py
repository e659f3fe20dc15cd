"""The review pack without Qt: scopes, totals, and HTML, Markdown, CSV, XLSX and JSON parsed back."""

from __future__ import annotations

import csv
import datetime as dt
import html.parser
import io
import json
import os
import re
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import openpyxl  # type: ignore[import-untyped]
import pytest
from hypothesis import given
from hypothesis import strategies as st

from planner import red_flags
from planner.exchange import pack_csv, pack_html, pack_json, pack_markdown, pack_xlsx
from planner.exchange.pack import (
    Pack,
    PackError,
    PackOptions,
    PackScope,
    build_pack,
    parse_quarter,
)
from planner.exchange.pack_files import write_files_atomic
from planner.red_flags import RULE_LABELS, rule_label
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import PlanDB, open_memory
from tests.conftest import TODAY
from tests.planner import pack_support as hostile

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schemas" / "opportunity-plan.schema.json").read_text())
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture
def hostile_plan() -> Iterator[tuple[PlanDB, dict[str, int]]]:
    db = open_memory()
    ids = hostile.hostile_plan(db)
    yield db, ids
    db.close()


def _pack(plan: PlanDB, scope: PackScope | None = None, private: bool = False) -> Pack:
    return build_pack(plan, scope or PackScope.all_open(), PackOptions(include_private_notes=private), TODAY)


# Scopes and content ---------------------------------------------------------------------------


def test_scopes_pick_the_deals_they_name(demo_plan: PlanDB) -> None:
    everything = _pack(demo_plan)
    open_ids = {o.id for o in opportunity_repo.list_opportunities(demo_plan) if o.closed_on is None}
    assert {d.id for d in everything.deals} == open_ids
    assert everything.scope_text == "All open deals"

    group = next(a for a in account_repo.list_accounts(demo_plan) if a.name == "Northwind Group")
    family = set(account_repo.descendants(demo_plan, group.id))
    assert len(family) == 2  # the group and Northwind Freight
    by_account = _pack(demo_plan, PackScope.account(group.id))
    assert by_account.deals
    assert {d.account_id for d in by_account.deals} <= family
    assert {d.account for d in by_account.deals} == {"Northwind Group", "Northwind Freight"}
    assert "Northwind Group and its subsidiaries" in by_account.scope_text

    closed = next(o.id for o in opportunity_repo.list_opportunities(demo_plan) if o.closed_on is not None)
    chosen = [*sorted(open_ids)[:2], closed, 999999]
    selected = _pack(demo_plan, PackScope.selected(chosen))
    assert {d.id for d in selected.deals} == set(chosen[:3])  # closed deals too; unknown ids left out

    first, last = parse_quarter("2027Q1")
    in_quarter = _pack(demo_plan, PackScope.closing_in("2027Q1"))
    assert in_quarter.deals
    assert all(d.close_date and first <= d.close_date <= last and d.is_open for d in in_quarter.deals)
    both = _pack(demo_plan, PackScope(account_ids=(group.id,), quarter="2027Q1"))
    assert {d.id for d in both.deals} == {d.id for d in in_quarter.deals if d.account_id in family}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026Q4", (dt.date(2026, 10, 1), dt.date(2026, 12, 31))),
        ("2027-q1", (dt.date(2027, 1, 1), dt.date(2027, 3, 31))),
        ("Q2 2026", (dt.date(2026, 4, 1), dt.date(2026, 6, 30))),
    ],
)
def test_quarters_parse(text: str, expected: tuple[dt.date, dt.date]) -> None:
    assert parse_quarter(text) == expected


@pytest.mark.parametrize("text", ["2026Q5", "Q0 2026", "2026", "", "next quarter", "0000Q1"])
def test_bad_quarters_are_refused_with_a_clear_message(text: str) -> None:
    with pytest.raises(PackError, match="write it like 2026Q4"):
        parse_quarter(text)


def test_totals_flags_and_order_follow_the_plan(demo_plan: PlanDB) -> None:
    pack = _pack(demo_plan)
    assert pack.totals.count == len(pack.deals) == sum(r.count for r in pack.by_level)
    assert sum(r.count for r in pack.by_stage) == len(pack.deals)
    assert pack.totals.amount == pytest.approx(sum(r.amount for r in pack.by_stage))
    assert pack.totals.weighted == pytest.approx(sum(r.weighted for r in pack.by_level))
    assert [r.label for r in pack.by_level] == ["Above the Funnel", "In the Funnel", "Best Few"]
    expected = red_flags.evaluate_plan(demo_plan, TODAY, [d.id for d in pack.deals])
    for deal in pack.deals:
        flags = expected[deal.id]
        assert [f.reason for f in deal.red_flags] == [f.reason for f in flags if not f.is_strength]
        assert [f.reason for f in deal.strengths] == [f.reason for f in flags if f.is_strength]
    keys = [(d.stage_position, d.close_date or dt.date.max, d.id) for d in pack.deals]
    assert keys == sorted(keys)
    assert pack.plan_name == "Demo plan"
    assert pack.seller == "Sam Seller"


def test_the_flag_summary_and_action_links_name_every_rule(demo_plan: PlanDB) -> None:
    assert set(red_flags.RULE_ORDER) <= set(RULE_LABELS)
    pack = _pack(demo_plan)
    summary = pack_html.flag_summary(pack)
    names = [name for name, _count, _first in summary]
    assert set(names) <= set(RULE_LABELS.values())  # no rule reads as its bare id
    for name in ("Not in the Funnel yet", "Best Few unconfirmed", "No next step", "Single-threaded"):
        assert name in names
    assert "Euphoric despite red flags" in names
    assert "Red flag without an action" in names
    # An action linked to one influence's red flag reads as the rule's name, not as its link.
    links = [a.flag_ref for deal in pack.deals for a in deal.actions if ":influence:" in a.flag_ref]
    assert links
    assert rule_label(links[0]) == RULE_LABELS[links[0].split(":")[0]]
    for document in (pack_html.render_html(pack), pack_markdown.render_markdown(pack)):
        assert ":influence:" not in document


def test_private_notes_only_when_asked_and_the_pack_says_so(
    hostile_plan: tuple[PlanDB, dict[str, int]],
) -> None:
    plan, _ids = hostile_plan
    shared, private = _pack(plan), _pack(plan, private=True)
    assert shared.private_notes_left_out == 1
    assert not shared.include_private_notes
    for pack, present in ((shared, False), (private, True)):
        texts = {
            "html": pack_html.render_html(pack),
            "md": pack_markdown.render_markdown(pack),
            "json": pack_json.render_json(pack),
            "csv": pack_csv.to_csv(pack_csv.deal_header(pack), pack_csv.deal_rows(pack)).decode("utf-8-sig"),
            "xlsx": _xlsx_text(pack_xlsx.render_xlsx(pack)),
        }
        for fmt, text in texts.items():
            assert ("PRIVATE-SECRET" in text) is present, fmt
            assert "SHARED-NOTE" in text, fmt
            assert "COACHING: meet the economic buyer" in text, fmt  # coaching notes always travel
    assert "Private notes are not included (1 left out)." in pack_html.render_html(shared)
    assert pack_html.esc("This pack includes the seller's private notes.") in pack_html.render_html(private)
    assert json.loads(pack_json.render_json(private))["includes_private_notes"] is True
    assert pack_csv.NOTES_SHARED in pack_csv.deal_header(shared)
    assert pack_csv.NOTES_ALL in pack_csv.deal_header(private)


# HTML -----------------------------------------------------------------------------------------


class _Html(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.urls: list[str] = []
        self.text: list[str] = []
        self.styles: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self._in_style = tag == "style"
        for name, value in attrs:
            if name in ("src", "href", "action", "poster", "srcset") and value is not None:
                self.urls.append(value)
            if name == "style" and value:
                self.styles.append(value)
            assert not name.startswith("on"), f"event handler attribute {name}"

    def handle_endtag(self, tag: str) -> None:
        self._in_style = False

    def handle_data(self, data: str) -> None:
        (self.styles if self._in_style else self.text).append(data)


def test_html_is_self_contained_escaped_and_has_every_part(
    hostile_plan: tuple[PlanDB, dict[str, int]],
) -> None:
    plan, _ids = hostile_plan
    pack = _pack(plan)
    document = pack_html.render_html(pack)
    parsed = _Html()
    parsed.feed(document)
    assert "script" not in parsed.tags
    assert "iframe" not in parsed.tags
    assert "object" not in parsed.tags
    for url in parsed.urls:
        assert url.startswith(("data:image/svg+xml;base64,", "#")), url  # images inline, links in-page
    css = " ".join(parsed.styles)
    assert "url(" not in css
    assert "@import" not in css
    assert "Content-Security-Policy" in document
    assert "default-src 'none'" in document
    text = "".join(parsed.text)
    # Every hostile string comes back as text, none as markup.
    for value in (
        hostile.HTML_NAME,
        hostile.FORMULA_TITLE,
        hostile.MARKDOWN_TITLE,
        hostile.EMOJI,
        hostile.RTL,
    ):
        assert value in text
    assert "<b>Bold</b>" not in document
    assert "&lt;b&gt;Bold&lt;/b&gt;" in document
    assert hostile.WORDS_NOTE in text
    assert hostile.ONE_WORD in text
    assert "overflow-wrap:anywhere" in css
    assert "white-space:pre-wrap" in css
    assert "\x07" not in document
    assert "\x00" not in document
    assert 'name="viewport"' in document
    assert "@media print" in css
    assert "@media (max-width:640px)" in css
    for heading in (
        "All deals",
        "Buying influences",
        "Influence map",
        "Red flags and strengths",
        "Competition",
        "Best action plan",
        "Stage history",
        "Close-date history",
        "Manager's coaching notes",
    ):
        assert heading in text
    for deal in pack.deals:
        assert f'id="deal-{deal.id}"' in document


# Markdown -------------------------------------------------------------------------------------


def test_markdown_escapes_every_metacharacter(hostile_plan: tuple[PlanDB, dict[str, int]]) -> None:
    plan, _ids = hostile_plan
    text = pack_markdown.render_markdown(_pack(plan))
    assert "<script>" not in text
    assert "&lt;script&gt;" in text
    assert "[link](http" not in text
    assert "\\[link\\]" in text
    assert "http\\://evil.example" in text  # no automatic link either
    assert "\\*star\\*" in text
    assert "\\_under\\_" in text
    assert "\\`code\\`" in text
    assert "\\# Heading \\| pipe" in text
    widths: list[int] = []  # cells per row of the table being read
    for line in [*text.splitlines(), ""]:
        if line.startswith("|"):
            widths.append(len(re.split(r"(?<!\\)\|", line)))
        elif widths:
            assert len(set(widths)) == 1, widths  # no stray column from a pipe in the data
            widths = []
    assert hostile.EMOJI in text
    assert hostile.RTL in text
    assert "W" * 10_000 in text  # one long word stays whole
    prose = [line for line in text.splitlines() if line.startswith("> Coaching matters.")]
    assert prose
    assert all(len(line) <= pack_markdown.WIDTH + 3 for line in prose)


@given(st.text(max_size=200))
def test_markdown_inline_text_never_makes_markup(value: str) -> None:
    out = pack_markdown.md(value)
    assert "<" not in out
    assert ">" not in out
    assert not re.search(r"(?<!\\)[`*_\[\]|~]", out.replace("\\\\", ""))
    assert not re.match(r"\s*([#=+\-]|\d+[.)])", out)


@given(st.text(max_size=200))
def test_html_text_never_makes_markup(value: str) -> None:
    out = pack_html.esc(value)
    assert "<" not in out
    assert ">" not in out
    assert '"' not in out


# CSV and XLSX ---------------------------------------------------------------------------------


def _xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    return "\n".join(
        str(c.value) for sheet in book for row in sheet.iter_rows() for c in row if c.value is not None
    )


def test_csv_parses_back_with_formulas_neutralised(
    hostile_plan: tuple[PlanDB, dict[str, int]], tmp_path: Path
) -> None:
    plan, _ids = hostile_plan
    pack = _pack(plan)
    written = pack_csv.write_csv(pack, tmp_path / "deals.csv")
    assert written == [
        tmp_path / "deals.csv",
        tmp_path / "deals-influences.csv",
        tmp_path / "deals-manager.csv",
    ]
    deals = list(csv.reader(io.StringIO(written[0].read_text("utf-8-sig"))))
    assert deals[0][:4] == ["Deal id", "CRM id", "Deal", "Account"]
    assert len(deals) == len(pack.deals) + 1
    assert all(len(row) == len(deals[0]) for row in deals)
    influences = list(csv.reader(io.StringIO(written[1].read_text("utf-8-sig"))))
    assert len(influences) == sum(len(d.influences) for d in pack.deals) + 1
    for row in deals[1:] + influences[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_STARTS) or cell.lstrip("-").replace(".", "").isdigit(), cell
    titles = {row[2] for row in deals[1:]}
    assert "'" + hostile.FORMULA_TITLE in titles
    assert hostile.EMOJI in titles
    first = next(row for row in deals[1:] if row[2] == "'" + hostile.FORMULA_TITLE)
    assert first[9] == (hostile.TODAY + dt.timedelta(days=5)).isoformat()  # ISO dates
    assert hostile.WORDS_NOTE in first[-1]
    assert hostile.ONE_WORD in first[-1]
    assert "'+Tom @Baker -Minus" in {row[3] for row in influences[1:]}


def test_xlsx_parses_back_with_two_sheets_real_dates_and_no_formulas(
    hostile_plan: tuple[PlanDB, dict[str, int]], tmp_path: Path
) -> None:
    plan, _ids = hostile_plan
    pack = _pack(plan)
    path = pack_xlsx.write_xlsx(pack, tmp_path / "pack.xlsx")
    book = openpyxl.load_workbook(path)
    assert book.sheetnames[:3] == ["Manager's page", "Deals", "Influences"]
    deals, influences = book["Deals"], book["Influences"]
    header = [c.value for c in deals[1]]
    assert header[2] == "Deal"
    assert header[-1] == pack_csv.NOTES_SHARED
    assert deals.max_row == len(pack.deals) + 1
    assert influences.max_row == sum(len(d.influences) for d in pack.deals) + 1
    for sheet in (deals, influences):
        for row in sheet.iter_rows(min_row=2):
            for cell in row:
                assert cell.data_type != "f", cell.coordinate
                if isinstance(cell.value, str):
                    assert not cell.value.startswith(FORMULA_STARTS), cell.value
    close = deals.cell(row=2, column=header.index("Close date") + 1)
    assert isinstance(close.value, dt.datetime)
    assert close.number_format == "yyyy-mm-dd"
    notes = header.index(pack_csv.NOTES_SHARED) + 1
    assert any(
        hostile.WORDS_NOTE in str(deals.cell(row=r, column=notes).value) for r in range(2, deals.max_row + 1)
    )
    assert "\x07" not in _xlsx_text(path.read_bytes())


# JSON -----------------------------------------------------------------------------------------


def _validate(data: Any) -> None:
    jsonschema.Draft202012Validator(
        SCHEMA, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    ).validate(data)


def test_json_bundle_follows_its_schema(
    demo_plan: PlanDB, hostile_plan: tuple[PlanDB, dict[str, int]]
) -> None:
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    for plan in (demo_plan, hostile_plan[0]):
        pack = _pack(plan, private=True)
        data = json.loads(pack_json.render_json(pack))
        _validate(data)
        assert data["format"] == "opportunity-plan"
        assert data["version"] == 1
        assert data["plan"]["id"] == pack.plan_id
        assert [o["id"] for o in data["opportunities"]] == [d.id for d in pack.deals]
        first = data["opportunities"][0]
        for key in (
            "external_id",
            "name",
            "account",
            "product",
            "amount",
            "currency",
            "close_date",
            "stage",
            "funnel_level",
            "probability",
            "forecast_category",
            "influences",
            "red_flags",
            "actions",
            "stage_history",
            "close_date_history",
            "coaching_notes",
        ):
            assert key in first
        assert {"name", "title", "role", "degree", "mode", "rating", "win", "result", "concept"} <= set(
            first["influences"][0]
        )
    broken = json.loads(pack_json.render_json(_pack(demo_plan)))
    broken["opportunities"][0]["influences"][0]["rating"] = 9
    with pytest.raises(jsonschema.ValidationError):
        _validate(broken)


# Writing --------------------------------------------------------------------------------------


def test_files_are_private_and_atomic(demo_plan: PlanDB, tmp_path: Path) -> None:
    pack = _pack(demo_plan)
    path = pack_html.write_html(pack, tmp_path / "pack.html")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    before = path.read_bytes()
    with pytest.raises(PackError, match="Nothing was written"):
        write_files_atomic([(tmp_path / "new.md", b"x"), (tmp_path / "missing" / "pack.html", b"y")])
    assert not (tmp_path / "new.md").exists()
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pack.html"]  # no temporary file left


@pytest.mark.parametrize("where", ["missing-folder", "a-file", "a-folder", "full-disk"])
def test_an_unwritable_destination_is_a_clear_error_and_writes_nothing(
    demo_plan: PlanDB, tmp_path: Path, where: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    pack = _pack(demo_plan)
    (tmp_path / "file").write_text("x")
    (tmp_path / "folder.md").mkdir()
    target = {
        "missing-folder": tmp_path / "nowhere" / "pack.md",
        "a-file": tmp_path / "file" / "pack.md",
        "a-folder": tmp_path / "folder.md",
        "full-disk": tmp_path / "pack.md",
    }[where]
    if where == "full-disk":

        def full(fd: int) -> None:
            raise OSError(28, "No space left on device")

        monkeypatch.setattr(os, "fsync", full)  # the data reach the disk at fsync: it is full
    before = sorted(p.name for p in tmp_path.iterdir())
    with pytest.raises(PackError) as caught:
        pack_markdown.write_markdown(pack, target)
    assert str(target) in str(caught.value)
    assert "Nothing was written" in str(caught.value)
    assert sorted(p.name for p in tmp_path.iterdir()) == before


def test_an_empty_scope_still_makes_a_pack(plan: PlanDB) -> None:
    pack = _pack(plan)
    assert not pack.deals
    assert pack.totals.count == 0
    assert "No deals in this scope." in pack_html.render_html(pack)
    _validate(json.loads(pack_json.render_json(pack)))
