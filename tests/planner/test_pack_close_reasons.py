"""Closed deals carry their close reason into every format of the review pack and the plan
bundle, and a bundle read for review gives them back (planner.close_reasons)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import jsonschema  # type: ignore[import-untyped]
import openpyxl  # type: ignore[import-untyped]
import pytest

from planner import close_reasons, hygiene
from planner.exchange import pack_csv, pack_html, pack_json, pack_markdown, pack_xlsx, review
from planner.exchange.pack import Pack, PackOptions, PackScope, build_pack
from planner.model import FunnelLevel
from planner.operations import MoveDetails, move_opportunity
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schemas" / "opportunity-plan.schema.json").read_text())
HOSTILE = "<b>Initech</b> & *Co* | =1+1"
OWN = "Champion <i>left</i>"  # a reason the seller added to the list, with markup in its name


def _close(plan: PlanDB) -> dict[str, int]:
    """Close three open deals: lost to a hostile competitor, walked away for the seller's own
    reason, won with no competitor; a fourth stays open. Their ids by what happened."""
    close_reasons.save_reason_codes(plan, [*close_reasons.DEFAULT_CODES, OWN])
    open_ids = sorted(o.id for o in opportunity_repo.list_opportunities(plan) if o.closed_on is None)
    lost_id, walked_id, won_id, open_id = open_ids[:4]
    stages = stage_repo.list_stages(plan)
    lost = next(s for s in stages if s.level is FunnelLevel.LOST)
    won = next(s for s in stages if s.level is FunnelLevel.WON)
    details = MoveDetails(reason="Their price was lower", reason_code="competitor", competitor=HOSTILE)
    move_opportunity(plan, lost_id, lost.id, details, TODAY)
    hygiene.walk_away(plan, [walked_id], "", TODAY, reason_code=OWN)
    move_opportunity(plan, won_id, won.id, MoveDetails(reason="", reason_code="relationship"), TODAY)
    return {"lost": lost_id, "walked": walked_id, "won": won_id, "open": open_id}


def _pack(plan: PlanDB, ids: dict[str, int]) -> Pack:
    scope = PackScope.selected(ids.values())
    return build_pack(plan, scope, PackOptions(include_private_notes=True), TODAY)


def test_every_format_carries_the_close_reason(demo_plan: PlanDB) -> None:
    ids = _close(demo_plan)
    pack = _pack(demo_plan, ids)

    data = json.loads(pack_json.render_json(pack))
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    got = {
        o["id"]: (o["close_reason_code"], o["close_reason_label"], o["close_competitor"], o["close_reason"])
        for o in data["opportunities"]
    }
    assert got == {
        ids["lost"]: ("competitor", "Competitor won", HOSTILE, "Their price was lower"),
        ids["walked"]: (OWN, OWN, "", ""),
        ids["won"]: ("relationship", "Relationship", "", ""),
        ids["open"]: ("", "", "", ""),
    }

    # HTML: the one line describe() writes, the competitor escaped (text, never markup).
    page = pack_html.render_html(pack)
    closed = '26 Nov 2026: <span dir="auto">'
    assert (
        f"{closed}Competitor won (&lt;b&gt;Initech&lt;/b&gt; &amp; *Co* | =1+1): Their price was lower<"
        in page
    )
    assert f"{closed}Champion &lt;i&gt;left&lt;/i&gt;<" in page
    assert f"{closed}Relationship<" in page
    assert "<b>Initech" not in page
    assert "<i>left" not in page

    # Markdown: the same line with every metacharacter escaped.
    text = pack_markdown.render_markdown(pack)
    closed_lines = sorted(line for line in text.splitlines() if line.startswith("- **Closed:**"))
    assert closed_lines == [
        "- **Closed:** 26 Nov 2026: Champion &lt;i&gt;left&lt;/i&gt;",
        "- **Closed:** 26 Nov 2026: Competitor won (&lt;b&gt;Initech&lt;/b&gt; &amp; \\*Co\\* \\| =1+1): "
        "Their price was lower",
        "- **Closed:** 26 Nov 2026: Relationship",
    ]

    # CSV and XLSX: label, code, competitor and note in their own columns.
    header = pack_csv.deal_header(pack)
    columns = [header.index(c) for c in ("Close reason", "Close reason code", "Competitor", "Close note")]
    rows = list(
        csv.reader(io.StringIO(pack_csv.to_csv(header, pack_csv.deal_rows(pack)).decode("utf-8-sig")))
    )
    assert rows[0] == header
    by_id = {int(r[0]): [r[c] for c in columns] for r in rows[1:]}
    # The CSV neutralises text a spreadsheet would run as a formula; the competitor starts with "<".
    assert by_id[ids["lost"]] == ["Competitor won", "competitor", HOSTILE, "Their price was lower"]
    assert by_id[ids["walked"]] == [OWN, OWN, "", ""]
    assert by_id[ids["won"]] == ["Relationship", "relationship", "", ""]
    assert by_id[ids["open"]] == ["", "", "", ""]
    book = openpyxl.load_workbook(io.BytesIO(pack_xlsx.render_xlsx(pack)))
    sheet = book["Deals"]
    xlsx_header = [c.value for c in sheet[1]]
    assert xlsx_header == header
    xlsx = {row[0]: [row[c] or "" for c in columns] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert xlsx == by_id


def test_a_bundle_read_for_review_keeps_the_reasons(demo_plan: PlanDB, tmp_path: Path) -> None:
    ids = _close(demo_plan)
    path = pack_json.write_json(_pack(demo_plan, ids), tmp_path / "bundle.json")
    bundle = review.load_bundle(path)
    try:
        for key in ("lost", "walked", "won", "open"):
            original = opportunity_repo.get_opportunity(demo_plan, ids[key])
            again = opportunity_repo.get_opportunity(bundle.plan, ids[key])
            assert original is not None
            assert again is not None
            assert (again.close_reason_code, again.close_competitor, again.close_reason, again.closed_on) == (
                original.close_reason_code,
                original.close_competitor,
                original.close_reason,
                original.closed_on,
            ), key
        # The review window's win/loss view counts the deals by the same reasons.
        lost = opportunity_repo.get_opportunity(bundle.plan, ids["lost"])
        assert lost is not None
        assert (lost.close_reason_code, lost.close_competitor) == ("competitor", HOSTILE)
    finally:
        bundle.plan.close()


def _edited(demo_plan: PlanDB, tmp_path: Path, change: dict[str, Any]) -> Path:
    """A bundle of the closed deals whose lost deal's fields are replaced by `change`."""
    ids = _close(demo_plan)
    data = json.loads(pack_json.render_json(_pack(demo_plan, ids)))
    deal = next(o for o in data["opportunities"] if o["id"] == ids["lost"])
    for key, value in change.items():
        if value is None:
            deal.pop(key)
        else:
            deal[key] = value
    path = tmp_path / "edited.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # A code the reading plan does not know: the seller's own reason name, as written.
        ({"close_reason_code": "Lost the <b>champion</b>"}, ("Lost the <b>champion</b>", HOSTILE)),
        # A default named by its English label reads as its code.
        ({"close_reason_code": " Budget  cut "}, ("budget_cut", HOSTILE)),
        # A bundle written before close reasons: no reason, no competitor; the note stays.
        ({"close_reason_code": None, "close_reason_label": None, "close_competitor": None}, ("", "")),
        ({"close_competitor": "  Contoso   Ltd "}, ("competitor", "Contoso Ltd")),
    ],
)
def test_edited_bundles_are_read_leniently(
    demo_plan: PlanDB, tmp_path: Path, change: dict[str, Any], expected: tuple[str, str]
) -> None:
    bundle = review.load_bundle(_edited(demo_plan, tmp_path, change))
    try:
        got = {
            (o.close_reason_code, o.close_competitor)
            for o in opportunity_repo.list_opportunities(bundle.plan)
            if o.close_reason == "Their price was lower"
        }
        assert got == {expected}
    finally:
        bundle.plan.close()


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        ({"close_reason_code": 7}, "close_reason_code: expected text"),
        ({"close_competitor": ["Contoso"]}, "close_competitor: expected text"),
        ({"close_reason_code": "x" * 81}, "close_reason_code"),
        ({"close_competitor": "y" * 81}, "close_competitor"),
    ],
)
def test_a_bundle_with_a_bad_reason_is_refused_in_one_line(
    demo_plan: PlanDB, tmp_path: Path, change: dict[str, Any], problem: str
) -> None:
    with pytest.raises(review.ReviewError) as refused:
        review.load_bundle(_edited(demo_plan, tmp_path, change))
    message = str(refused.value)
    assert problem in message
    assert "\n" not in message
