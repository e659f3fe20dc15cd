"""Files beyond the program's limits: huge numbers, long notes, thousands of stages, NULs, mixed encodings.

Each file is small; the large attacks (a ZIP bomb, a million-row CSV) are made by the tests in
a temporary folder with `zip_bomb` and `million_rows`, so they cost neither the repository nor
much disk. What each file must bring about is in EXPECTED (the CLI's one line, or the notes
import's summary).
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from planner.limits import MAX_NOTE, MAX_STAGES

# The plan id the notes files are for: a test gives its plan this id before importing them.
PLAN_ID = "hostile-bounds-plan"
HUGE_ID = 2**63 + 7  # one past SQLite's largest integer, and then some
HUGE_DAYS = 800_000  # about 2,190 years: past Python's largest date when added to today
STAGES = 3_000
LONG_TITLE = 100_000

# File name -> a part of the one-line refusal (bundles: `planner review`; CSVs: `planner import`)
# or of the notes import's summary (notes files).
EXPECTED = {
    "bundle-huge-id.json": f"opportunities[0].id: {HUGE_ID} is more than {2**63 - 1}",
    "bundle-huge-stale-days.json": f"stages[0].stale_after_days: {HUGE_DAYS} is more than 3650",
    "bundle-3000-stages.json": f"stages: 3,000 items, more than {MAX_STAGES}",
    "bundle-long-title.json": "opportunities[0].name: 100,000 characters, more than 300",
    "notes-huge-id.json": f"notes[0].deal.id: {2**64} is more than {2**63 - 1}",
    "notes-oversized-note.json": f"notes[0].body: {MAX_NOTE + 1:,} characters, more than {MAX_NOTE:,}",
    "notes-outside-bundle.json": "2 left out: their deals were not in the plan bundle these notes answer",
    "nul-after-64k.csv": "it contains binary data: a NUL byte on line",
    "mixed-encoding.csv": "is not UTF-8 like the rest of the file",
}


def _stage(name: str, **more: Any) -> dict[str, Any]:
    return {"name": name, "funnel_level": "in", "probability": 25, "stale_after_days": 30, **more}


def bundle(**changes: Any) -> dict[str, Any]:
    """A small valid bundle (one stage, one deal), with `changes` over its top-level keys."""
    data: dict[str, Any] = {
        "format": "opportunity-plan",
        "version": 1,
        "exported_at": "2026-11-26T09:30:00+00:00",
        "plan": {"id": PLAN_ID, "name": "Hostile plan", "seller": "Sam Seller"},
        "stages": [_stage("Qualify")],
        "opportunities": [{"id": 1, "name": "Fleet rollout", "stage": "Qualify", "amount": 1000}],
    }
    data.update(changes)
    return data


def notes(*items: dict[str, Any]) -> dict[str, Any]:
    """A review-notes file for PLAN_ID holding `items`."""
    return {
        "format": "opportunity-plan-review-notes",
        "version": 1,
        "written_at": "2026-11-27T10:00:00+00:00",
        "reviewer": "Maria Manager",
        "bundle_exported_at": "2026-11-26T09:30:00+00:00",
        "plan": {"id": PLAN_ID, "name": "Hostile plan", "seller": "Sam Seller"},
        "notes": list(items),
    }


def note(number: int, body: str, deal: dict[str, Any] | None) -> dict[str, Any]:
    return {"id": f"hostile-note-{number:04d}", "body": body, "created": "2026-11-27", "deal": deal}


def _json(path: Path, data: Any) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def nul_after_64k() -> bytes:
    """A deals CSV whose title on a row past the first 64 KB holds a NUL byte."""
    rows = ["Opportunity Name,Account Name,Amount,Stage,Close Date"]
    rows += [f"Deal {n:05d},Acme {n % 40},{1000 + n},Prospecting,2027-01-15" for n in range(1600)]
    rows.append("Hidden\x00deal,Acme,5000,Prospecting,2027-01-15")
    data = ("\n".join(rows) + "\n").encode("utf-8")
    assert data.index(b"\x00") > 65536
    return data


def mixed_encoding() -> bytes:
    """A UTF-8 deals CSV with accented names, and one row saved in Windows-1252 (row 4)."""
    header = b"Opportunity Name,Account Name,Amount,Stage,Close Date\n"
    utf8 = [
        "Café rollout,Société Générale,1000,Prospecting,2027-01-15\n",
        "Crème pilot,Müller GmbH,2000,Prospecting,2027-01-16\n",
    ]
    cp1252 = "Señor renewal,Ñandú S.A.,3000,Prospecting,2027-01-17\n".encode("cp1252")
    more = ["Zürich expansion,Bäckerei Köln,4000,Prospecting,2027-01-18\n"]
    return header + "".join(utf8).encode() + cp1252 + "".join(more).encode()


def make(folder: Path) -> list[Path]:
    """Write every small attack file of this area into `folder`."""
    stages = [_stage(f"Stage {n:04d}") for n in range(STAGES)]
    written = [
        _json(
            folder / "bundle-huge-id.json",
            bundle(opportunities=[{"id": HUGE_ID, "name": "Overflow", "stage": "Qualify"}]),
        ),
        _json(
            folder / "bundle-huge-stale-days.json",
            bundle(stages=[_stage("Qualify", stale_after_days=HUGE_DAYS)]),
        ),
        _json(
            folder / "bundle-3000-stages.json",
            bundle(stages=stages, opportunities=[{"id": 1, "name": "x", "stage": "Stage 0000"}]),
        ),
        _json(
            folder / "bundle-long-title.json",
            bundle(opportunities=[{"id": 1, "name": "Long " + "x" * (LONG_TITLE - 5), "stage": "Qualify"}]),
        ),
        _json(
            folder / "notes-huge-id.json",
            notes(note(1, "Call the CFO.", {"id": 2**64, "external_id": None, "name": "Overflow"})),
        ),
        _json(
            folder / "notes-oversized-note.json",
            notes(note(1, "n" * (MAX_NOTE + 1), {"id": 1, "external_id": None, "name": "Deal 1"})),
        ),
        # Deals 1 and 2 exist in most plans; these notes carry no token, or a made-up one.
        _json(
            folder / "notes-outside-bundle.json",
            notes(
                note(1, "Not yours to see.", {"id": 1, "external_id": None, "name": "Deal one"}),
                note(2, "Nor this.", {"id": 2, "external_id": None, "name": "Deal two", "token": "0" * 32}),
                note(3, "On the whole plan: fine.", None),
            ),
        ),
    ]
    (folder / "nul-after-64k.csv").write_bytes(nul_after_64k())
    (folder / "mixed-encoding.csv").write_bytes(mixed_encoding())
    return [*written, folder / "nul-after-64k.csv", folder / "mixed-encoding.csv"]


# ---------------------------------------------------------------------------------------------
# The large attacks, made by the tests in a temporary folder


def _deal_rows(size: int) -> Iterator[bytes]:
    """A deals CSV of about `size` bytes in 1 MB chunks, its rows padded to about 1 KB each."""
    yield b"Opportunity Name,Account Name,Amount,Stage,Close Date,Description\n"
    row = b"Deal,Acme,1000,Prospecting,2027-01-15," + b"x" * 960 + b"\n"
    chunk = row * (1_000_000 // len(row))
    for _ in range(size // len(chunk)):
        yield chunk


def zip_bomb(path: Path, members: int = 8, member_size: int = 190_000_000) -> Path:
    """A ZIP of `members` deals CSVs of `member_size` bytes each, written as they are compressed
    (a few megabytes on disk for over a gigabyte unpacked)."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for n in range(members):
            info = zipfile.ZipInfo(f"deals-{n}.csv", date_time=(2026, 11, 26, 9, 30, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as out:
                for chunk in _deal_rows(member_size):
                    out.write(chunk)
    return path


def million_rows(path: Path, rows: int = 1_000_000) -> Path:
    """A plain deals CSV of `rows` rows (about 60 MB for a million)."""
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write("Opportunity Name,Account Name,Amount,Stage,Close Date\n")
        for n in range(rows):
            out.write(f"Deal {n},Account {n % 5000},{1000 + n},Prospecting,2027-01-{1 + n % 28:02d}\n")
    return path
