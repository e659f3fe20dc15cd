"""The team roll-up (planner/exchange/rollup.py): real plans exported as bundles, figures by hand."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest

from planner.exchange.review import ReviewNote, ReviewNotes, write_review_notes
from planner.exchange.rollup import Conversion, load_team, team_json
from planner.model import ForecastCategory, FunnelLevel
from tests.planner.rollup_support import NEXT_QUARTER, TODAY, Deal, export_bundle, seller_plan

HOSTILE = Path(__file__).resolve().parents[1] / "data" / "hostile"
COMMIT = ForecastCategory.COMMIT


def _ann(folder: Path, today: dt.date = TODAY) -> Path:
    plan = seller_plan(
        "Ann Archer",
        [
            Deal("Won in November", "Won", 100_000, closed_on=dt.date(2026, 11, 2)),
            Deal("Won last quarter", "Won", 999_000, closed_on=dt.date(2026, 9, 30)),
            Deal("Committed fleet", "Committed", 50_000, category=COMMIT),
            Deal("Best Few by default", "Committed", 30_000),  # the Best Few's default: Best Case
            Deal("Evaluating", "Evaluating", 40_000),
            Deal("Next quarter", "Qualified", 70_000, close_date=NEXT_QUARTER),
            Deal("Lost", "Lost", 5_000, closed_on=dt.date(2026, 11, 3)),
        ],
        target=300_000,
    )
    return export_bundle(plan, folder / "ann.json", today)


def _ben(folder: Path) -> Path:
    plan = seller_plan(
        "Ben Baker",
        [
            Deal("US commit", "Committed", 20_000, currency="USD", category=COMMIT),
            Deal("Euro deal without a rate", "Evaluating", 8_000, currency="EUR"),
        ],
        base="USD",
    )
    return export_bundle(plan, folder / "ben.json")


def test_each_sellers_row_is_the_quarter_of_their_forecast(tmp_path: Path) -> None:
    team = load_team([_ann(tmp_path), _ben(tmp_path)], full=True)
    assert team.refused == ()
    ann, ben = team.sellers  # by name
    assert (ann.name, ben.name) == ("Ann Archer", "Ben Baker")
    assert ann.quarter.label == "2026Q4"
    assert ann.currency == "EUR"
    assert ann.target == 300_000
    assert ann.won == 100_000  # won 2 Nov 2026; the 999,000 won on 30 Sep is last quarter's
    assert ann.commit == 50_000
    assert ann.best_case == 30_000
    assert ann.pipeline == 40_000  # "Next quarter" (70,000) closes in 2027 Q1
    assert ann.gap == 300_000 - (100_000 + 50_000)  # 150,000
    # Open pipeline / (target - won) = (50,000 + 30,000 + 40,000) / (300,000 - 100,000) = 0.6
    assert ann.coverage == pytest.approx(120_000 / 200_000)
    assert ann.last_call is None
    assert ann.accuracy_last_quarter is None
    assert [d.name for d in ann.committed] == ["Committed fleet"]
    # Ben's plan is in USD and has no EUR rate: his 8,000 EUR stays apart, never added.
    assert (ben.currency, ben.commit, ben.pipeline, ben.target) == ("USD", 20_000, 0, None)
    assert ben.unconverted == {"EUR": {"pipeline": 8_000}}
    assert ben.coverage is None


def test_red_flags_on_committed_deals_are_the_bundles_own(tmp_path: Path) -> None:
    path = _ann(tmp_path)
    team = load_team([path])
    data = json.loads(path.read_text())
    by_name = {o["name"]: o for o in data["opportunities"]}
    listed = [f["reason"] for f in by_name["Committed fleet"]["red_flags"]]
    assert listed  # no buying influences: no economic buyer, no coach...
    (ann,) = team.sellers
    assert ann.committed[0].red_flags == tuple(listed)
    assert ann.red_flags_on_committed == len(listed)


def test_currencies_are_kept_apart_unless_the_manager_gives_rates(tmp_path: Path) -> None:
    team = load_team([_ann(tmp_path), _ben(tmp_path)])
    eur, usd = team.combined()
    # EUR: Ann's figures and Ben's 8,000 EUR pipeline; the target and gap are Ann's alone.
    assert (eur.currency, eur.sellers, eur.won, eur.commit, eur.best_case) == (
        "EUR",
        2,
        100_000,
        50_000,
        30_000,
    )
    assert eur.pipeline == 40_000 + 8_000
    assert (eur.target, eur.targets, eur.gap) == (300_000, 1, 150_000)
    assert eur.coverage == pytest.approx(120_000 / 200_000)
    assert (usd.currency, usd.sellers, usd.commit, usd.target) == ("USD", 1, 20_000, None)
    # 1 USD = 0.5 EUR: one EUR total; 20,000 USD is 10,000 EUR of commit.
    (converted,) = team.combined(Conversion("EUR", {"USD": 0.5}))
    assert converted.commit == 50_000 + 20_000 * 0.5
    assert converted.pipeline == 48_000
    assert (converted.sellers, converted.target, converted.gap) == (2, 300_000, 150_000)
    # A currency without a rate keeps its own total.
    gbp = team.combined(Conversion("GBP", {"EUR": 0.8}))
    assert [(c.currency, c.commit) for c in gbp] == [("GBP", 50_000 * 0.8), ("USD", 20_000)]
    funnel = {t.level: t for t in team.combined_funnel()}
    assert funnel[FunnelLevel.BEST_FEW].count == 2 + 1  # Ann's two Committed, Ben's one
    assert funnel[FunnelLevel.BEST_FEW].amounts == {"EUR": 80_000, "USD": 20_000}
    assert funnel[FunnelLevel.IN].amounts == {"EUR": 40_000 + 70_000 + 8_000}
    assert funnel[FunnelLevel.IN].count == 3


def test_a_hostile_bundle_is_refused_in_one_line_and_the_others_open(tmp_path: Path) -> None:
    hostile = [
        HOSTILE / "bounds" / "bundle-huge-id.json",
        HOSTILE / "bounds" / "bundle-3000-stages.json",
        HOSTILE / "markup" / "markup-bad-bundle.json",
        HOSTILE / "team" / "team-wrong-forecast.json",
        HOSTILE / "team" / "team-bad-currency.json",
        HOSTILE / "team" / "team-bad-influence.json",
    ]
    for path in hostile:
        team = load_team([_ann(tmp_path), path], full=True)
        assert [s.name for s in team.sellers] == ["Ann Archer"], path
        (refusal,) = team.refused
        assert refusal.path == path
        assert "\n" not in refusal.reason
        assert path.name in refusal.reason
    # The influence's role is met only by the full read: the quick one takes the row.
    quick = load_team([HOSTILE / "team" / "team-bad-influence.json"])
    assert [s.name for s in quick.sellers] == ["Bad Influence"]
    text = load_team([HOSTILE / "team" / "team-wrong-forecast.json"]).refused[0].reason
    assert (
        text == 'team-wrong-forecast.json cannot be read: forecast.target: expected a number, found "lots".'
    )


def test_a_folder_skips_the_managers_notes_and_keeps_the_newest_bundle_of_a_plan(tmp_path: Path) -> None:
    folder = tmp_path / "team"
    folder.mkdir()
    _ann(folder, today=TODAY)
    older = folder / "ann-last-week.json"
    shutil.copy(folder / "ann.json", older)
    data = json.loads(older.read_text())
    data["exported_at"] = "2026-11-19T09:00:00+00:00"
    older.write_text(json.dumps(data))
    _ben(folder)
    write_review_notes(
        ReviewNotes(
            "some-plan", "Ann's plan", "Ann", (ReviewNote("note-0001-abc", "Well done", "2026-11-27"),)
        ),
        folder / "ann review notes 2026-11-27.json",
    )
    (folder / "readme.txt").write_text("not a bundle")
    team = load_team([folder])
    assert [s.path.name for s in team.sellers] == ["ann.json", "ben.json"]
    (refusal,) = team.refused
    assert refusal.reason == "ann-last-week.json is an older bundle of the same plan as ann.json."
    empty = tmp_path / "empty"
    empty.mkdir()
    assert load_team([empty]).refused[0].reason == f"{empty} holds no plan bundles (.json files)."


def test_a_bundle_without_a_forecast_is_counted_from_its_deals(tmp_path: Path) -> None:
    path = _ann(tmp_path)
    data = json.loads(path.read_text())
    del data["forecast"]  # as bundles were before they carried one
    path.write_text(json.dumps(data))
    (ann,) = load_team([path]).sellers
    assert not ann.from_forecast
    assert ann.target is None  # not in the bundle
    assert ann.won == 0  # the bundle holds open deals only
    assert (ann.commit, ann.best_case, ann.pipeline) == (50_000, 30_000, 40_000)
    assert ann.quarter.label == "2026Q4"  # the quarter of the bundle's "today"


def test_the_json_says_what_the_rows_say(tmp_path: Path) -> None:
    team = load_team([_ann(tmp_path), _ben(tmp_path), HOSTILE / "team" / "team-wrong-forecast.json"])
    data = team_json(team, Conversion("EUR", {"USD": 0.5}))
    ann = data["sellers"][0]
    assert {k: ann[k] for k in ("seller", "target", "won", "commit", "best_case", "gap", "coverage")} == {
        "seller": "Ann Archer",
        "target": 300_000,
        "won": 100_000,
        "commit": 50_000,
        "best_case": 30_000,
        "gap": 150_000,
        "coverage": pytest.approx(0.6),
    }
    assert ann["last_call"] is None
    assert ann["accuracy_last_quarter"] is None
    assert data["combined"][0]["commit"] == 60_000
    assert data["refused"][0]["file"].endswith("team-wrong-forecast.json")
