"""Customer commitments leave the plan in every export: the pack (HTML, Markdown), the JSON bundle
(its schema), and a review bundle read back with or without them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import jsonschema  # type: ignore[import-untyped]

from planner import evidence, funnel
from planner.exchange import pack_html, pack_json, pack_markdown, review
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.board import load_details
from planner.storage.db import PlanDB
from tests.conftest import TODAY

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = json.loads((ROOT / "resources" / "schemas" / "opportunity-plan.schema.json").read_text())
SAID = "<b>Shared</b> the | budget *now*"  # the seller's words: never markup in any format
RECORDED = (SAID, "Introduced us to the economic buyer")  # what the tests record, latest first


def _deal(plan: PlanDB) -> tuple[int, int]:
    """An open Qualified deal of the demo plan, and the stage id."""
    qualified = stage_repo.list_stages(plan)[1]
    deal = next(o for o in opportunity_repo.list_opportunities(plan) if o.stage_id == qualified.id)
    return deal.id, qualified.id


def _record(plan: PlanDB) -> int:
    deal, qualified = _deal(plan)
    evidence.record_commitment(
        plan, deal, SAID, TODAY - dt.timedelta(days=1), who="Maria Keller", today=TODAY
    )
    evidence.record_commitment(
        plan,
        deal,
        "Introduced us to the economic buyer",
        TODAY - dt.timedelta(days=3),
        qualified,
        evidence="Intro mail",
        today=TODAY,
    )
    return deal


def test_the_pack_lists_a_deals_commitments_after_its_blue_sheet(demo_plan: PlanDB) -> None:
    deal = _record(demo_plan)
    pack = build_pack(demo_plan, PackScope.selected([deal]), PackOptions(), TODAY)
    (shown,) = pack.deals
    ours = [c for c in shown.commitments if c.what in RECORDED]  # the demo deal has its own too
    assert [(c.what, c.stage, c.who, c.evidence) for c in ours] == [
        (SAID, "", "Maria Keller", ""),
        ("Introduced us to the economic buyer", "Qualified", "", "Intro mail"),
    ]
    section = pack_html.deal_section(pack, shown, 1, pack_html.BROWSER)
    assert (
        section.index("Best action plan")
        < section.index("Customer commitments")
        < section.index("Stage history")
    )
    assert "&lt;b&gt;Shared&lt;/b&gt; the | budget *now*" in section
    assert "Customer&#x27;s words" in section or "Customer's words" in section
    assert "<b>Shared</b>" not in section
    markdown = pack_markdown.render_markdown(pack)
    assert "### Customer commitments" in markdown
    assert "Introduced us to the economic buyer" in markdown
    assert "<b>Shared</b>" not in markdown


def test_the_bundle_carries_commitments_and_a_review_reads_them_back(
    demo_plan: PlanDB, tmp_path: Path
) -> None:
    deal = _record(demo_plan)
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    data = json.loads(pack_json.render_json(pack))
    jsonschema.Draft202012Validator(SCHEMA, format_checker=jsonschema.FormatChecker()).validate(data)
    opportunity = next(o for o in data["opportunities"] if o["id"] == deal)
    assert [c for c in opportunity["commitments"] if c["what"] in RECORDED] == [
        {
            "committed_on": (TODAY - dt.timedelta(days=1)).isoformat(),
            "what": SAID,
            "stage": None,
            "who": "Maria Keller",
            "evidence": "",
        },
        {
            "committed_on": (TODAY - dt.timedelta(days=3)).isoformat(),
            "what": "Introduced us to the economic buyer",
            "stage": "Qualified",
            "who": "",
            "evidence": "Intro mail",
        },
    ]
    path = pack_json.write_json(pack, tmp_path / "bundle.json")
    loaded = review.load_bundle(path)
    try:
        records = evidence_repo.list_commitments(loaded.plan, deal)
        assert [(c.what, c.committed_on) for c in records] == [
            (c.what, c.committed_on) for c in evidence_repo.list_commitments(demo_plan, deal)
        ]
        qualified = next(s for s in stage_repo.list_stages(loaded.plan) if s.name == "Qualified")
        introduced = next(c for c in records if c.what == RECORDED[1])
        assert introduced.stage_id == qualified.id
        # Nothing was recorded twice: the moves' commitments came with the records.
        assert len(records) == len(evidence_repo.list_commitments(demo_plan, deal))
    finally:
        loaded.plan.close()


def test_an_older_bundle_without_commitments_still_opens_with_its_moves_as_evidence(
    demo_plan: PlanDB, tmp_path: Path
) -> None:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    data = json.loads(pack_json.render_json(pack))
    for opportunity in data["opportunities"]:
        del opportunity["commitments"]
        del opportunity["status"]["missing_commitments"]
    jsonschema.Draft202012Validator(SCHEMA).validate(data)
    path = tmp_path / "older.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    loaded = review.load_bundle(path)
    try:
        rules = funnel.stage_rules(stage_repo.list_stages(loaded.plan))
        for opportunity in data["opportunities"]:
            deal = opportunity["id"]
            moved = [m for m in opportunity["stage_history"] if m["commitment"]]
            details = load_details(loaded.plan, [deal])[deal]
            latest = max((m["commitment_date"] for m in moved), default=None)
            assert (details.last_commitment.isoformat() if details.last_commitment else None) == latest
            stored = opportunity_repo.get_opportunity(loaded.plan, deal)
            assert stored is not None
            timing = funnel.timing_from(stored, details)
            status = funnel.status(timing, rules[stored.stage_id], TODAY)
            assert status.premature == opportunity["status"]["premature"]
    finally:
        loaded.plan.close()
