"""Close reasons: the plan's list, closing with a reason, CRM loss reasons mapped onto the list,
the migration of free-text reasons, and a quarter's win/loss figures on a hand-built plan."""

from __future__ import annotations

import csv
import datetime as dt
import shutil
import sqlite3
from pathlib import Path

import pytest

from planner import close_reasons as cr
from planner import operations as ops
from planner.calendar import Quarter
from planner.model import ClosedDeal, FunnelLevel, OpportunityDraft
from planner.storage import opportunities, stages
from planner.storage import settings as settings_repo
from planner.storage.board import load_closed
from planner.storage.db import PlanDB, open_plan
from tests.conftest import TODAY
from tests.planner.import_support import deals, run, shared
from tests.planner.test_operations import dump

DATA = Path(__file__).resolve().parents[1] / "data"


def _stage(plan: PlanDB, level: FunnelLevel) -> int:
    return next(s.id for s in stages.list_stages(plan) if s.level is level)


def _deal(plan: PlanDB, title: str = "Rollout", amount: float | None = 1000.0, currency: str = "EUR") -> int:
    draft = OpportunityDraft(title, None, stages.list_stages(plan)[1].id, amount=amount, currency=currency)
    return ops.create_opportunity(plan, draft, TODAY)[1]


# The list ----------------------------------------------------------------------------------
def test_a_new_plan_offers_the_default_list(plan: PlanDB) -> None:
    assert cr.reason_codes(plan) == (
        "price", "timing", "no_decision", "competitor", "product_fit", "relationship", "budget_cut",
    )  # fmt: skip
    assert [cr.label(c) for c in cr.reason_codes(plan)] == [
        "Price", "Timing", "No decision", "Competitor won", "Product fit", "Relationship", "Budget cut",
    ]  # fmt: skip


def test_the_list_is_saved_checked_and_a_damaged_setting_reads_as_the_defaults(plan: PlanDB) -> None:
    ops.set_close_reasons(plan, ["Reorganisation", "price", "  Lost   champion "])
    # A default typed by its label is the default; a seller's own reason is its name, trimmed.
    ops.set_close_reasons(plan, ["Reorganisation", "Price", "  Lost   champion "])
    assert cr.reason_codes(plan) == ("Reorganisation", "price", "Lost champion")
    for bad, says in (
        ([], "at least one"),
        (["Price", "price"], "twice"),
        (["Other"], "always offered"),
        (["x" * 81], "at most 80"),
        ([""], "needs a name"),
    ):
        with pytest.raises(ops.OperationError, match=says):
            ops.set_close_reasons(plan, bad)
    assert cr.reason_codes(plan) == ("Reorganisation", "price", "Lost champion")
    for damaged in ("not a list", [1, 2], ["Price", "Price"], None):
        settings_repo.set_setting(plan, cr.SETTING, damaged)
        assert cr.reason_codes(plan) == cr.DEFAULT_CODES


# Closing -----------------------------------------------------------------------------------
def test_closing_keeps_reason_competitor_and_note_and_reopening_clears_them(plan: PlanDB) -> None:
    deal = _deal(plan)
    before = dump(plan)
    snap = ops.snapshot_opportunity(plan, deal)
    lost = _stage(plan, FunnelLevel.LOST)
    details = ops.MoveDetails(reason="  their price ", reason_code="competitor", competitor=" Contoso   Ltd ")
    ops.move_opportunity(plan, deal, lost, details, TODAY)
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.close_reason_code, got.close_competitor, got.close_reason) == (
        "competitor",
        "Contoso Ltd",
        "their price",
    )
    # The history says it in one line, in English like every stored reason.
    assert opportunities.stage_history(plan, deal)[-1].reason == "Competitor won (Contoso Ltd): their price"
    # Undo puts the deal back exactly (the snapshot holds the new columns too).
    ops.revert_opportunity(plan, deal, snap)
    assert dump(plan) == before
    ops.move_opportunity(plan, deal, lost, details, TODAY)
    ops.move_opportunity(
        plan, deal, ops.reopen_stage(plan, deal), ops.MoveDetails(reason=ops.REOPENED), TODAY
    )
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.closed_on, got.close_reason_code, got.close_competitor, got.close_reason) == (
        None,
        "",
        "",
        "",
    )


def test_a_close_needs_a_reason_and_a_lost_one_to_a_competitor_names_it(plan: PlanDB) -> None:
    deal = _deal(plan)
    lost, won = _stage(plan, FunnelLevel.LOST), _stage(plan, FunnelLevel.WON)
    with pytest.raises(ops.OperationError, match="Say why"):
        ops.move_opportunity(plan, deal, lost, ops.MoveDetails(), TODAY)
    with pytest.raises(ops.OperationError, match="Name the competitor"):
        ops.move_opportunity(plan, deal, lost, ops.MoveDetails(reason_code="competitor"), TODAY)
    # A reason without a note is enough; a won deal's competitor (the one beaten) is optional.
    ops.move_opportunity(plan, deal, won, ops.MoveDetails(reason_code="relationship"), TODAY)
    got = opportunities.get_opportunity(plan, deal)
    assert got is not None
    assert (got.close_reason_code, got.close_reason) == ("relationship", "")
    assert opportunities.stage_history(plan, deal)[-1].reason == "Relationship"


# CRM loss reasons ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "code", "competitor"),
    [
        ("Price", "price", ""),
        ("Price too high", "price", ""),
        ("Zu teuer", "price", ""),
        ("Lost to Contoso", "competitor", "Contoso"),
        ("Went with Globex (cheaper)", "competitor", "Globex"),
        ("Competitor: Acme Corp", "competitor", "Acme Corp"),
        ("lost to a competitor on price", "competitor", ""),
        ("Lost to budget cuts", "budget_cut", ""),
        ("No Budget / Lost Funding", "budget_cut", ""),
        ("No Decision / Non-Responsive", "no_decision", ""),
        ("Bad timing", "timing", ""),
        ("Missing features", "product_fit", ""),
        ("Other", "other", ""),
        ("Our CEO played golf with theirs", "other", ""),
        ("", "", ""),
    ],
)
def test_crm_loss_reasons_map_onto_the_list(text: str, code: str, competitor: str) -> None:
    got = cr.map_crm_reason(text, cr.DEFAULT_CODES)
    assert (got.code, got.competitor, got.note) == (code, competitor, text)


def test_a_reason_the_plan_does_not_list_is_other_and_a_sellers_own_reason_is_found() -> None:
    assert cr.map_crm_reason("Price", ("timing",)).code == "other"
    assert cr.map_crm_reason("Reorganisation at the customer", ("Reorganisation",)).code == "Reorganisation"


def test_a_real_salesforce_export_with_loss_reasons(plan: PlanDB, tmp_path: Path) -> None:
    """The salesforce-mock export, with a Loss Reason column as a Salesforce report writes it."""
    source = shared("salesforce-mock")
    folder = tmp_path / "export"
    shutil.copytree(source, folder)
    path = folder / "opportunities.csv"
    with path.open(newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    lost = [r["OpportunityId"] for r in rows if r["StageName"] == "Closed Lost"]
    won = [r["OpportunityId"] for r in rows if r["StageName"] == "Closed Won"]
    assert len(lost) == len(won) == 1
    for row in rows:
        row["Loss Reason"] = "Lost to Initech" if row["OpportunityId"] in lost else ""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.DictWriter(handle, [*rows[0].keys()])
        writer.writeheader()
        writer.writerows(rows)
    run(plan, [folder])
    got = {d.id: d for d in load_closed(plan)}
    ids = {key: value["id"] for key, value in deals(plan).items()}
    assert (got[ids[lost[0]]].reason_code, got[ids[lost[0]]].competitor) == ("competitor", "Initech")
    assert got[ids[lost[0]]].reason == "Lost to Initech"
    # Won without a reason: none given; the note says where it came from, as before.
    assert (got[ids[won[0]]].reason_code, got[ids[won[0]]].reason) == ("", "Won in Salesforce")


def test_pipedrive_lost_reason_on_import(plan: PlanDB) -> None:
    run(plan, [DATA / "import" / "pipedrive_deals.csv"])
    (lost,) = [d for d in load_closed(plan) if d.level is FunnelLevel.LOST]
    assert (lost.reason_code, lost.reason) == ("price", "Zu teuer")


# The migration -------------------------------------------------------------------------------
def test_the_migration_keeps_free_text_reasons_as_the_note_filed_as_other(tmp_path: Path) -> None:
    path = tmp_path / "old.plan"
    shutil.copyfile(DATA / "plan-0012.plan", path)
    before = sqlite3.connect(path)
    closed = before.execute(
        "SELECT id, close_reason FROM opportunity WHERE closed_on IS NOT NULL ORDER BY id"
    ).fetchall()
    before.close()
    assert closed
    assert all(reason for _id, reason in closed)
    plan = open_plan(path)
    try:
        after = plan.query(
            "SELECT id, close_reason, close_reason_code, close_competitor FROM opportunity"
            " WHERE closed_on IS NOT NULL ORDER BY id"
        )
        assert after == [(i, reason, "other", "") for i, reason in closed]
        assert plan.query(
            "SELECT COUNT(*) FROM opportunity WHERE closed_on IS NULL AND close_reason_code != ''"
        ) == [(0,)]
    finally:
        plan.close()


# The win/loss figures --------------------------------------------------------------------------
def _closed(
    n: int,
    level: FunnelLevel,
    day: dt.date | None,
    amount: float | None,
    code: str,
    competitor: str = "",
    currency: str = "EUR",
) -> ClosedDeal:
    return ClosedDeal(n, f"Deal {n}", "", level.value, level, day, amount, currency, "", code, competitor)


WON, LOST, AWAY = FunnelLevel.WON, FunnelLevel.LOST, FunnelLevel.WALKED_AWAY


def test_win_loss_of_a_hand_built_quarter() -> None:
    """Fiscal year from April: 2027 Q3 is October to December 2026."""
    q = Quarter(2027, 3, 4)
    deals = [
        _closed(1, WON, dt.date(2026, 10, 1), 1000.0, "price"),
        _closed(2, WON, dt.date(2026, 12, 31), 500.0, "relationship", "Contoso"),
        _closed(3, LOST, dt.date(2026, 11, 5), 2000.0, "competitor", "Contoso"),
        _closed(4, LOST, dt.date(2026, 11, 6), 300.0, "competitor", " contoso "),
        _closed(5, LOST, dt.date(2026, 11, 7), 100.0, "price", "", "USD"),
        _closed(6, LOST, dt.date(2026, 11, 8), 50.0, "competitor", ""),
        _closed(7, AWAY, dt.date(2026, 10, 20), None, "budget_cut"),
        _closed(8, AWAY, dt.date(2026, 10, 21), 700.0, "other"),
        _closed(9, LOST, dt.date(2026, 11, 9), 80.0, "", "", "CHF"),
        _closed(10, LOST, dt.date(2026, 11, 10), 10.0, "Reorganisation"),
        # Not in the quarter: a day before, a day after, and no close date at all.
        _closed(11, WON, dt.date(2026, 9, 30), 9999.0, "price"),
        _closed(12, LOST, dt.date(2027, 1, 1), 9999.0, "price"),
        _closed(13, LOST, None, 9999.0, "price"),
    ]
    codes = ("timing", "price", "competitor", "relationship", "budget_cut")
    got = cr.summarise(deals, q, codes, "EUR", {"USD": 0.9})
    assert [d.id for d in got.deals] == list(range(1, 11))
    # Won: 1000 + 500 = 1500 EUR (2 deals).
    # Lost: 2000 + 300 + 100 USD x 0.9 = 90 + 50 + 10 = 2450 EUR (6 deals), and 80 CHF without a rate.
    # Walked away: no amount + 700 = 700 EUR (2 deals).
    assert (got.total.won.count, got.total.won.amount) == (2, 1500.0)
    assert got.total.lost.count == 6
    assert got.total.lost.amount == pytest.approx(2450.0)
    assert got.total.lost.unconverted == {"CHF": (80.0, 80.0)}
    assert (got.total.walked_away.count, got.total.walked_away.amount) == (2, 700.0)

    def row(r: cr.WinLossRow) -> tuple[object, ...]:
        return (r.key, r.won.count, r.won.amount, r.lost.count, r.lost.amount, r.walked_away.count)

    # The plan's order (timing has no deal), then other, not given, and a reason no longer listed.
    assert [row(r) for r in got.by_reason] == [
        ("price", 1, 1000.0, 1, pytest.approx(90.0), 0),  # 100 USD x 0.9
        ("competitor", 0, 0.0, 3, 2350.0, 0),  # 2000 + 300 + 50
        ("relationship", 1, 500.0, 0, 0.0, 0),
        ("budget_cut", 0, 0.0, 0, 0.0, 1),
        ("other", 0, 0.0, 0, 0.0, 1),
        ("", 0, 0.0, 1, 0.0, 0),  # 80 CHF, not converted
        ("Reorganisation", 0, 0.0, 1, 10.0, 0),
    ]
    # Contoso, however written: won once against them (500), lost twice (2000 + 300); then the
    # lost deal filed as "competitor won" with nobody named.
    assert [row(r) for r in got.by_competitor] == [
        ("Contoso", 1, 500.0, 2, 2300.0, 0),
        ("", 0, 0.0, 1, 50.0, 0),
    ]


def test_win_loss_of_a_plan_reads_its_settings(plan: PlanDB) -> None:
    settings_repo.set_setting(plan, "fiscal_year_start_month", 4)
    a, b = _deal(plan, "A", 1000.0), _deal(plan, "B", 200.0, "USD")
    ops.set_currencies(plan, "EUR", {"USD": 0.5})
    lost = _stage(plan, LOST)
    ops.move_opportunity(
        plan, a, lost, ops.MoveDetails(reason_code="competitor", competitor="Initech", closed_on=TODAY), TODAY
    )
    ops.move_opportunity(plan, b, lost, ops.MoveDetails(reason_code="timing", closed_on=TODAY), TODAY)
    quarter = cr.win_loss_settings(plan).quarters(load_closed(plan))[0]
    assert quarter.start_month == 4
    assert quarter.contains(TODAY)
    got = cr.win_loss(plan, quarter)
    assert (got.total.lost.count, got.total.lost.amount) == (2, 1100.0)  # 1000 + 200 USD x 0.5
    assert [(r.key, r.lost.amount) for r in got.by_reason] == [("timing", 100.0), ("competitor", 1000.0)]
    assert [(r.key, r.lost.count) for r in got.by_competitor] == [("Initech", 1)]
