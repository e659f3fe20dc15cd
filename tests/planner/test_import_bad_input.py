"""Bad input: each case gets a clear per-file or per-row message, and a failed import writes nothing."""

from __future__ import annotations

import csv
import io
import sqlite3
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.exchange.import_plan import Action
from planner.exchange.importer import apply_import, summarise
from planner.exchange.problems import ImportCancelledError, Severity
from planner.storage.db import PlanDB, open_memory
from tests.planner.import_support import deals, fingerprint, preview

HEADER = "id,name,account,stage,amount,close date,next step\n"


def _file(tmp_path: Path, content: str | bytes, name: str = "deals.csv") -> Path:
    path = tmp_path / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "deals.csv is empty."),
        (HEADER, "deals.csv has a header row but no data rows."),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
            "deals.csv is not a CSV or spreadsheet file (it looks like a PNG image).",
        ),
        (
            HEADER.encode() + b"1,Caf\x81 deal,Acme,Prospect,1,,\n",
            "deals.csv is in an encoding the importer cannot read",
        ),
        (
            HEADER + '1,"never closed,Acme,Prospect\n2,x,Acme,Prospect,,,\n',
            "in the row starting on line 2, a quoted cell is not closed",
        ),
    ],
)
def test_unreadable_files_import_nothing_and_say_why(
    plan: PlanDB, tmp_path: Path, content: str | bytes, message: str
) -> None:
    before = fingerprint(plan)
    seen = preview(plan, [_file(tmp_path, content)])
    assert not seen.importable
    lines = [p.line() for p in seen.problems if p.severity is Severity.ERROR]
    assert any(message in line for line in lines), lines
    assert fingerprint(plan) == before


def test_windows_1252_is_read_not_refused(plan: PlanDB, tmp_path: Path) -> None:
    path = _file(tmp_path, (HEADER + "1,Café crème,Société Générale,Prospect,1,,\n").encode("cp1252"))
    apply_import(plan, preview(plan, [path]))
    assert deals(plan)["1"]["account"] == "Société Générale"


def _rows(plan: PlanDB, tmp_path: Path, body: str) -> dict[int, tuple[Action, list[str]]]:
    seen = preview(plan, [_file(tmp_path, HEADER + body)])
    return {r.row: (r.action, [p.line() for p in r.problems]) for r in seen.rows}


def test_duplicate_ids_skip_the_later_rows(plan: PlanDB, tmp_path: Path) -> None:
    rows = _rows(
        plan, tmp_path, "7,First,Acme,Prospect,,,\n7,Second,Acme,Prospect,,,\n8,Other,Acme,Prospect,,,\n"
    )
    assert rows[2][0] is Action.CREATE
    assert rows[3] == (
        Action.SKIP,
        ["deals.csv, row 3, id “7”: the same id is on row 2; this row is skipped"],
    )
    assert rows[4][0] is Action.CREATE


def test_negative_amounts_and_impossible_dates_are_left_out_of_the_row(plan: PlanDB, tmp_path: Path) -> None:
    path = _file(tmp_path, HEADER + "1,Deal,Acme,Prospect,-5000,2026-02-30,\n")
    seen = preview(plan, [path])
    (row,) = seen.rows
    assert row.action is Action.CREATE
    assert [p.line() for p in row.problems] == [
        "deals.csv, row 2, amount “-5000”: Amount is negative (an amount cannot be negative); "
        "imported without an amount",
        "deals.csv, row 2, close date “2026-02-30”: Close date is not a real date "
        "(February 2026 has 28 days); imported without a close date",
        "deals.csv, row 2, close date: open deal without a close date; imported and flagged",
    ]
    apply_import(plan, seen)
    got = deals(plan)["1"]
    assert (got["amount"], got["close_date"]) == (None, None)


def test_megabyte_cells(plan: PlanDB, tmp_path: Path) -> None:
    big = "x" * 1_048_576
    rows = _rows(
        plan, tmp_path, f"1,{big},Acme,Prospect,,2026-12-01,\n2,Fine,Acme,Prospect,,2026-12-01,{big}\n"
    )
    action, lines = rows[2]
    assert action is Action.SKIP
    assert lines == [
        f"deals.csv, row 2, name “{'x' * 59}… (1,048,576 characters)”: "
        "The deal name is too long (1,048,576 characters; at most 300); the row is skipped"
    ]
    action, lines = rows[3]
    assert action is Action.CREATE
    assert lines[0].endswith("The next step is too long (1,048,576 characters; at most 10,000); not imported")
    assert max(len(line) for line in lines) < 300


def test_formula_looking_cells_are_kept_as_text_and_flagged(plan: PlanDB, tmp_path: Path) -> None:
    formula = '=HYPERLINK("http://evil.example","Click")'
    path = _file(
        tmp_path, HEADER + f'1,"{formula.replace(chr(34), chr(34) * 2)}",Acme,Prospect,,2026-12-01,@SUM(A1)\n'
    )
    seen = preview(plan, [path])
    messages = [p.message for p in seen.rows[0].problems]
    assert messages == ["looks like a spreadsheet formula; imported as plain text"] * 2
    apply_import(plan, seen)
    assert (deals(plan)["1"]["title"], deals(plan)["1"]["next_step"]) == (formula, "@SUM(A1)")


def test_quotes_and_newlines_inside_cells(plan: PlanDB, tmp_path: Path) -> None:
    body = '1,"The ""big"" one",Acme,Prospect,,2026-12-01,"Call Bob\nthen Alice, ""today"""\n'
    seen = preview(plan, [_file(tmp_path, HEADER + body)])
    apply_import(plan, seen)
    got = deals(plan)["1"]
    assert (got["title"], got["next_step"]) == ('The "big" one', 'Call Bob\nthen Alice, "today"')
    assert seen.rows[0].problems == ()


def test_when_every_row_fails_nothing_is_importable(plan: PlanDB, tmp_path: Path) -> None:
    # No name, account or id to call the first deal by; the second one's name is far too long.
    seen = preview(plan, [_file(tmp_path, HEADER + ",,,Prospect,,,call\n2,x" + "y" * 400 + ",,,,,\n")])
    assert not seen.importable
    summary = summarise(seen)
    assert (summary.imported, summary.skipped) == (0, 2)


def test_a_failure_while_writing_leaves_the_plan_unchanged(plan: PlanDB, tmp_path: Path) -> None:
    body = "".join(f"{i},Deal {i},Account {i % 3},Prospect,{i}00,2026-12-01,\n" for i in range(1, 40))
    seen = preview(plan, [_file(tmp_path, HEADER + body)])
    with plan.atomic():
        # A real SQLite error in the middle of the batch, not a mock: the 25th deal cannot be written.
        plan.execute(
            "CREATE TRIGGER fail_25 BEFORE INSERT ON opportunity"
            " WHEN (SELECT COUNT(*) FROM opportunity) >= 24 BEGIN SELECT RAISE(ABORT, 'disk on fire'); END"
        )
    before = fingerprint(plan)
    with pytest.raises(sqlite3.IntegrityError, match="disk on fire"):
        apply_import(plan, seen)
    assert fingerprint(plan) == before


def test_cancelling_leaves_the_plan_unchanged(plan: PlanDB, tmp_path: Path) -> None:
    body = "".join(f"{i},Deal {i},Account {i},Prospect,,2026-12-01,\n" for i in range(1, 700))
    seen = preview(plan, [_file(tmp_path, HEADER + body)])
    before = fingerprint(plan)
    calls: list[int] = []

    def progress(done: int, total: int) -> None:
        calls.append(done)
        if done >= 800:
            raise ImportCancelledError

    with pytest.raises(ImportCancelledError):
        apply_import(plan, seen, progress=progress)
    assert calls[:2] == [200, 400]
    assert fingerprint(plan) == before


# Random CSVs: headers from the names importers recognise and some they do not, cells from
# values that look like dates, amounts, ids and text, quotes, separators and line breaks.
_HEADER_NAMES = (
    "id", "Id", "name", "Deal Name", "account", "company", "stage", "StageName", "amount", "value",
    "currency", "close date", "CloseDate", "probability", "owner", "product", "next step", "status",
    "created", "notes", "x",
)  # fmt: skip
_CELL_VALUES = (
    "", "Prospect", "Won", "Closed Lost", "Negotiation", "2026-02-30", "2026-12-01", "03/04/2026",
    "13.04.26", "1,234.50", "-5", "1.234,5", "€9", "0.5", "150", "=1+1", "@SUM(A1)", '"', '""', "a,b",
    "x\ny", "USD", "true", "deleted", "46096", "1e308",
)  # fmt: skip
_HEADERS = st.sampled_from(_HEADER_NAMES)
_CELLS = st.one_of(st.sampled_from(_CELL_VALUES), st.text(max_size=12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    headers=st.lists(_HEADERS, min_size=1, max_size=7),
    rows=st.lists(st.lists(_CELLS, max_size=8), max_size=12),
    delimiter=st.sampled_from([",", ";", "\t"]),
    encoding=st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]),
    fail_at=st.one_of(st.none(), st.integers(min_value=0, max_value=6)),
)
def test_random_csvs_never_crash_and_never_write_partially(
    headers: list[str], rows: list[list[str]], delimiter: str, encoding: str, fail_at: int | None
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter)
    writer.writerow(headers)
    writer.writerows(rows)
    data = buffer.getvalue().encode(encoding, errors="replace")
    plan = open_memory()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "random.csv"
            path.write_bytes(data)
            seen = preview(plan, [path])  # never raises: every problem is a message
        summary = summarise(seen)
        assert summary.imported + summary.skipped == len(seen.rows)
        if fail_at is not None:
            with plan.atomic():
                plan.execute(
                    "CREATE TRIGGER fail BEFORE INSERT ON opportunity WHEN (SELECT COUNT(*)"
                    f" FROM opportunity) >= {fail_at} BEGIN SELECT RAISE(ABORT, 'injected'); END"
                )
        before = fingerprint(plan)
        try:
            result = apply_import(plan, seen)
        except sqlite3.IntegrityError:
            assert fail_at is not None
            assert summary.created > fail_at
            assert fingerprint(plan) == before  # all or nothing
        else:
            count = plan.query("SELECT COUNT(*) FROM opportunity")[0][0]
            assert count == result.summary.created == summary.created
    finally:
        plan.close()
