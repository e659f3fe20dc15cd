"""Markup where text belongs: a plan, a CRM file, a plan bundle and review notes whose every text
field holds HTML that Qt would load, render or choke on if it ever read it as rich text.

`<img src="file:///dev/zero">` makes Qt read /dev/zero until it aborts (about 4 GB); nineteen
nested tables freeze the layout for minutes (the time doubles per level); `<b>` only shows
whether markup was rendered; `&amp;` whether entities were decoded.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
from pathlib import Path

from planner.demo import populate_demo
from planner.exchange import pack_json
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.review import ReviewNote, ReviewNotes, write_review_notes
from planner.forecast_operations import take_snapshot
from planner.model import ManualFlag, Note
from planner.storage import activities as activity_repo
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB, open_memory

IMAGE = '<img src="file:///dev/zero">'
BOLD = "<b>bold</b>"
ENTITY = "&amp;"
LEVELS = 19
TABLES = "<table>" * LEVELS + "x" + "</table>" * LEVELS  # 286 characters
# What text fields hold after a short tag naming the field (which keeps unique names unique),
# the one or the other: each stays within the planner's own limit for a title (300 characters).
PAYLOADS = (f"{BOLD} {IMAGE} {ENTITY}", TABLES)
# Proof that a text would be rendered as markup if Qt read it as rich text: a payload as written.
RAW = (IMAGE, BOLD, "<table>")

# Harmless markup for pictures: literal text when handled, bold and a broken image when not.
PICTURE_PAYLOADS = ('<b>bold</b> <img src="file:///nonexistent">',)

# The corpus is made for a fixed day, so that it is the same file every time it is written.
DAY = dt.date(2026, 11, 26)
NOW = dt.datetime(2026, 11, 26, 9, 30, tzinfo=dt.UTC)
PLAN_ID = "5d0c1f2e-markup-plan-0000-000000000000"


def markup(tag: str, n: int = 0, payloads: tuple[str, ...] = PAYLOADS) -> str:
    """A hostile text: a tag naming it, then the `n`th payload (counting round)."""
    return f"{tag} {payloads[n % len(payloads)]}"


# Every free-text column of the plan (ids, dates, enums and JSON columns are left alone).
TEXT_COLUMNS = {
    "account": ("name", "industry", "notes"),
    "stage": ("name",),
    "opportunity": ("title", "product", "currency", "next_step", "close_reason", "snooze_reason"),
    "stage_history": ("commitment", "reason"),
    "person": ("name", "title", "email", "phone", "notes"),
    "buying_influence": ("win", "result", "concept", "covered_by", "evidence"),
    "competitor": ("name", "notes"),
    "manual_flag": ("text",),
    "action": ("what", "who"),
    "note": ("body",),
    "funnel_snapshot_deal": ("title",),
}


def hostile_plan(
    plan: PlanDB, today: dt.date, payloads: tuple[str, ...] = PAYLOADS, *, currencies: bool = True
) -> None:
    """Fill an empty plan with the demo, then put markup into every text field it holds.

    A snapshot a week old gives the forecast's "what changed" list deals to name; a snoozed
    deal, manual flags and manager notes give those texts somewhere to show. With `currencies`
    half the deals get a markup currency code too (which only a plan file or a CRM file can
    hold: the window accepts three capital letters).
    """
    populate_demo(plan, today)
    take_snapshot(plan, today - dt.timedelta(days=8))
    with plan.atomic():
        deals = [r[0] for r in plan.query("SELECT id FROM opportunity WHERE closed_on IS NULL ORDER BY id")]
        # Changes since the snapshot: a bigger amount, a later close date.
        plan.execute("UPDATE opportunity SET amount = amount * 2 WHERE id IN (?, ?)", [deals[0], deals[9]])
        plan.execute(
            "UPDATE opportunity SET close_date = date(close_date, '+100 days') WHERE id = ?", [deals[1]]
        )
        plan.execute(
            "UPDATE opportunity SET snooze_until = ?, snooze_reason = 'x' WHERE id = ?",
            [(today + dt.timedelta(days=20)).isoformat(), deals[2]],
        )
        for deal in deals:
            activity_repo.insert_manual_flag(plan, ManualFlag(0, deal, False, "x"))
            activity_repo.insert_manual_flag(plan, ManualFlag(0, deal, True, "x"))
            activity_repo.insert_note(
                plan, Note(0, "x", opportunity_id=deal, private=False, author="manager")
            )
        # The demo stamps its notes with the time it runs: the corpus is the same file each time.
        plan.execute("UPDATE note SET created = ?", [dt.datetime.combine(today, NOW.timetz()).isoformat()])
        for table, columns in TEXT_COLUMNS.items():
            for column in columns:
                if column == "currency" and not currencies:
                    continue
                # Half the deals keep a real currency: their amounts still add up.
                where = " WHERE id % 2 = 0" if column == "currency" else ""
                for (row_id,) in plan.query(f"SELECT id FROM {table}{where}"):
                    value = markup(f"{column[:2].upper()}{row_id}", row_id // 2, payloads)
                    plan.execute(f"UPDATE {table} SET {column} = ? WHERE id = ?", [value, row_id])
        for stage_id, count in plan.query("SELECT id, json_array_length(exit_commitments) FROM stage"):
            commitments = [markup(f"EC{stage_id}.{n}", n, payloads) for n in range(max(count, 1))]
            plan.execute(
                "UPDATE stage SET exit_commitments = ? WHERE id = ?", [json.dumps(commitments), stage_id]
            )
        settings_repo.set_setting(plan, "plan_name", markup("PLAN", 0, payloads))
        settings_repo.set_setting(plan, "seller", markup("SELLER", 1, payloads))
        settings_repo.set_setting(plan, "plan_id", PLAN_ID)


def hostile_memory_plan(
    today: dt.date = DAY, payloads: tuple[str, ...] = PAYLOADS, *, currencies: bool = True
) -> PlanDB:
    """`hostile_plan` in a new in-memory plan."""
    plan = open_memory()
    # A fixed review key (a new plan draws a random one): the bundle's review tokens, and so the
    # corpus file, are the same on every run.
    with plan.atomic():
        plan.execute("UPDATE settings SET value = ? WHERE key = 'review_key'", ['"' + "5e" * 32 + '"'])
    hostile_plan(plan, today, payloads, currencies=currencies)
    return plan


def write_bundle(plan: PlanDB, path: Path, today: dt.date = DAY, deals: int = 6) -> Path:
    """The plan's first `deals` open deals as a plan bundle, written by the planner's own export."""
    ids = [r[0] for r in plan.query("SELECT id FROM opportunity WHERE closed_on IS NULL ORDER BY id")]
    scope = PackScope(deal_ids=tuple(ids[:deals]))
    pack = build_pack(plan, scope, PackOptions(include_private_notes=True), today, now=NOW)
    return pack_json.write_json(pack, path)


def notes_for_unknown_deals(plan_id: str, payloads: tuple[str, ...] = PAYLOADS) -> ReviewNotes:
    """Review notes for the plan `plan_id` on deals it does not hold: the summary quotes their names."""
    notes = tuple(
        ReviewNote(
            f"markup-note-{n:04d}",
            markup(f"NOTE{n}", n, payloads),
            NOW.isoformat(),
            deal_id=900_000 + n,
            deal_external_id=None,
            deal_name=markup(f"DEAL{n}", n, payloads),
        )
        for n in range(3)
    )
    return ReviewNotes(
        plan_id=plan_id,
        plan_name=markup("PLAN", 0, payloads),
        seller=markup("SELLER", 1, payloads),
        notes=notes,
        reviewer=markup("REVIEWER", 0, payloads),
        bundle_exported_at=NOW.isoformat(),
        written_at=NOW.isoformat(),
    )


# The value a bundle refuses, quoted in its message (the reader quotes 40 characters).
BAD_DATE = f"{IMAGE}<b>b</b>"


def write_bad_bundle(bundle: Path, path: Path, bad_date: str = BAD_DATE) -> Path:
    """`bundle` with a first deal whose close date is markup: opening it for review fails."""
    data = json.loads(bundle.read_text(encoding="utf-8"))
    data["opportunities"][0]["close_date"] = bad_date
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    return path


CRM_HEADER = (
    "Id",
    "Name",
    "Account.Name",
    "StageName",
    "Amount",
    "CurrencyIsoCode",
    "CloseDate",
    "Probability",
    "ForecastCategoryName",
    "NextStep",
    "Owner.Name",
    "CreatedDate",
)


def write_crm_csv(path: Path, payloads: tuple[str, ...] = PAYLOADS) -> Path:
    """A Salesforce opportunities export whose text cells are markup; an amount, a currency and
    a close date are markup too (the wizard's problem list quotes them)."""
    rows = [
        (
            f"0065g00000MARK{n}AAA",
            markup(f"CRM{n}", n, payloads),
            markup(f"ACCOUNT{n % 2}", n, payloads),
            "Prospecting" if n % 2 else markup(f"STAGE{n}", n, payloads),
            markup("AMOUNT", n, payloads) if n == 0 else "120000",
            markup(f"CUR{n}", n, payloads) if n == 2 else "EUR",
            markup("DATE", n, payloads) if n == 3 else "2027-01-15",
            "10",
            "Pipeline",
            markup(f"NEXT{n}", n, payloads),
            markup("OWNER", n, payloads),
            "2026-09-01T10:15:00.000Z",
        )
        for n in range(4)
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(CRM_HEADER)
        writer.writerows(rows)
    return path


def make(folder: Path) -> list[Path]:
    """The markup corpus: a CRM export, a plan bundle, review notes and a bundle that fails."""
    plan = hostile_memory_plan(currencies=False)
    try:
        bundle = write_bundle(plan, folder / "markup-bundle.json")
    finally:
        plan.close()
    notes = write_review_notes(notes_for_unknown_deals(PLAN_ID), folder / "markup-review-notes.json")
    return [
        write_crm_csv(folder / "markup-crm.csv"),
        bundle,
        notes,
        write_bad_bundle(bundle, folder / "markup-bad-bundle.json"),
    ]
