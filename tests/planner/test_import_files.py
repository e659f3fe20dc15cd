"""Reading files: encodings, delimiters, header rows, XLSX, folders, ZIPs; what each file holds."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from planner.exchange.decoding import decode
from planner.exchange.layouts import Field, FileKind, Layout, classify, detect_layout, suggest_mapping
from planner.exchange.problems import FileError, Severity
from planner.exchange.sources import load
from planner.exchange.tables import find_header, parse_csv, sniff_delimiter
from tests.planner.import_support import DATA

TEXT = "id,name,company,stage\n1,Café crème,Société Générale,Prospect\n"


@pytest.mark.parametrize(
    ("data", "label"),
    [
        (TEXT.encode("utf-8"), "UTF-8"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "UTF-8 with BOM"),
        (TEXT.encode("utf-16"), "UTF-16"),  # with its BOM
        (TEXT.encode("utf-16-le"), "UTF-16"),  # Excel's "Unicode text" without one
        (TEXT.encode("utf-16-be"), "UTF-16"),
        (TEXT.encode("cp1252"), "Windows-1252"),
    ],
)
def test_encodings_are_detected(data: bytes, label: str) -> None:
    text, found = decode(data)
    assert found == label
    assert text.lstrip("\ufeff") == TEXT


@pytest.mark.parametrize(
    ("data", "says"),
    [
        (b"", "is empty"),
        (b"  \n\n", "is empty"),
        (b"\x89PNG\r\n\x1a\n" + bytes(range(256)), "looks like a PNG image"),
        (b"\xff\xd8\xff\xe0" + bytes(200), "looks like a JPEG image"),
        (b"%PDF-1.7\n%\xe2\xe3", "looks like a PDF document"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel (.xls)"),
        (b"id,name\n1,\x00\x01\x02binary\x00", "contains binary data"),
        (b"id,name\n1,x\n\x81\x8d\x90", "neither UTF-8, UTF-16 nor Windows-1252"),
        (b"\xef\xbb\xbfid,name\n1,\xff\xfe\n", "not UTF-8 with BOM"),
    ],
)
def test_unreadable_bytes_are_refused_with_a_reason(data: bytes, says: str) -> None:
    with pytest.raises(FileError, match=says.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


@pytest.mark.parametrize(
    ("text", "delimiter"),
    [
        ("a,b,c\n1,2,3\n", ","),
        ("a;b;c\n1;2,5;3\n", ";"),
        ("a\tb\tc\n1\t2,000\t3\n", "\t"),
        ("a|b|c\n1|2|3\n", "|"),
        ("sep=;\na;b\n1;2\n", ";"),
        ('name,notes\n"Smith; Jones","a;b;c"\n', ","),
    ],
)
def test_delimiters_are_detected(text: str, delimiter: str) -> None:
    assert sniff_delimiter(text) == delimiter


def test_header_row_is_found_below_report_titles() -> None:
    text = (
        "Opportunity Report\n"
        "\n"
        "Filtered By: Close Date = Current FQ\n"
        "Opportunity Name,Stage,Amount,Close Date\n"
        "Fleet rollout,Prospecting,1000,2026-12-01\n"
        "Pilot,Qualification,2000,2026-12-02\n"
        "\n"
        '"Grand Totals (2 records)",,,\n'
        '"Copyright (c) 2000-2026 salesforce.com, inc. All rights reserved.",,,\n'
    )
    table = parse_csv("report.csv", text)
    assert table.headers == ("Opportunity Name", "Stage", "Amount", "Close Date")
    assert [r[0] for r in table.rows] == ["Fleet rollout", "Pilot"]
    assert list(table.numbers) == [5, 6]  # as a spreadsheet numbers them
    assert [p.row for p in table.problems] == [9, 8]  # the footers are reported, not imported
    assert find_header([["1", "2", "3"], ["a", "b", "c"]]) == 1


def test_quotes_newlines_and_duplicate_headers() -> None:
    text = 'id,name,name,\n1,"Say ""hi""\nand bye",x,\n2,plain,y,z,extra\n'
    table = parse_csv("q.csv", text)
    assert table.headers == ("id", "name", "name (2)", "Column 4")
    assert table.rows[0][1] == 'Say "hi"\nand bye'
    assert list(table.numbers) == [2, 3]
    assert "the extra cells are ignored" in table.problems[0].message


def test_unbalanced_quotes_are_a_file_problem_with_the_line() -> None:
    with pytest.raises(FileError, match="in the row starting on line 3, a quoted cell is not closed"):
        parse_csv("bad.csv", 'id,name\n1,ok\n2,"never closed\n3,x\n')


def test_header_only_and_empty_files() -> None:
    with pytest.raises(FileError, match="has a header row but no data rows"):
        parse_csv("h.csv", "id,name,stage\n")
    with pytest.raises(FileError, match="is empty"):
        parse_csv("e.csv", ",,\n,,\n")


def test_megabyte_cell_is_read_whole() -> None:
    big = "x" * 2_000_000
    table = parse_csv("big.csv", f"id,name\n1,{big}\n")
    assert len(table.rows[0][1]) == 2_000_000


def _workbook(path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Deals"
    sheet.append(["Exported from the CRM"])
    sheet.append([])
    sheet.append(["Deal Name", "Stage", "Amount", "Close Date", "Account"])
    sheet.append(["Big deal", "Qualified", 125000.5, dt.datetime(2026, 12, 15), "Acme"])
    sheet.append(["Serial date", "Prospect", 5000, 46096, "Acme"])
    notes = book.create_sheet("Notes")
    notes.append(["just", "notes"])
    book.save(path)


def test_xlsx_sheets_become_tables(tmp_path: Path) -> None:
    path = tmp_path / "deals.xlsx"
    _workbook(path)
    loaded = load([path])
    names = {t.table.name: t for t in loaded.tables}
    deals = names["deals.xlsx [Deals]"]
    assert deals.kind is FileKind.DEALS
    assert deals.table.headers == ("Deal Name", "Stage", "Amount", "Close Date", "Account")
    assert list(deals.table.rows[0]) == ["Big deal", "Qualified", "125000.5", "2026-12-15", "Acme"]
    assert deals.table.rows[1][3] == "46096"  # an Excel serial, read as a date by the importer
    assert list(deals.table.numbers) == [4, 5]
    assert deals.layout is Layout.GENERIC
    assert "deals.xlsx [Notes]" not in names  # a sheet without data rows is left out, the others kept


def test_broken_xlsx_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("xl/workbook.xml", "<not really>")
    loaded = load([path])
    assert loaded.tables == ()
    (problem,) = loaded.problems
    assert problem.severity is Severity.ERROR
    assert "cannot be read as an XLSX workbook" in problem.message


def test_folder_and_zip_of_a_salesforce_export(tmp_path: Path) -> None:
    folder = DATA / "salesforce_export"
    archive = tmp_path / "WE_00D000000000001_1.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        for file in sorted(folder.iterdir()):
            out.write(file, file.name)
        out.writestr("Attachments/readme.bin", b"\x00\x01")
    for loaded in (load([folder]), load([archive])):
        kinds = {t.table.name.rsplit("/", 1)[-1]: t.kind for t in loaded.tables}
        assert kinds == {
            "Account.csv": FileKind.ACCOUNTS,
            "Contact.csv": FileKind.CONTACTS,
            "Opportunity.csv": FileKind.DEALS,
            "OpportunityContactRole.csv": FileKind.CONTACT_ROLES,
            "OpportunityHistory.csv": FileKind.HISTORY,
            "Task.csv": FileKind.UNUSED,
            "User.csv": FileKind.USERS,
        }
        assert {t.layout for t in loaded.tables if t.kind is not FileKind.UNUSED} == {Layout.SALESFORCE}
        assert loaded.problems == ()


def test_missing_paths_and_foreign_files_are_per_file_problems(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("# nothing\n")
    image = tmp_path / "photo.csv"
    image.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    loaded = load([tmp_path / "nowhere.csv", image, tmp_path])
    lines = [p.line() for p in loaded.problems]
    assert "nowhere.csv does not exist." in lines
    assert any(
        line.startswith("photo.csv is not a CSV or spreadsheet file (it looks like a PNG image)")
        for line in lines
    )
    # The folder's only table file is the PNG in disguise; notes.md is not a table file.
    assert any(line.startswith(f"{tmp_path.name}/photo.csv is not a CSV") for line in lines)


def test_an_unrecognised_single_file_is_offered_as_deals(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    shutil.copy(DATA / "custom_columns.csv", path)
    (table,) = load([path]).tables
    assert table.kind is FileKind.DEALS
    assert table.layout is Layout.GENERIC


@pytest.mark.parametrize(
    ("name", "layout", "expected"),
    [
        (
            "salesforce_opportunities.csv",
            Layout.SALESFORCE,
            {
                "Id": Field.EXTERNAL_ID, "Name": Field.TITLE, "Account.Name": Field.ACCOUNT,
                "StageName": Field.STAGE, "Amount": Field.AMOUNT, "CurrencyIsoCode": Field.CURRENCY,
                "CloseDate": Field.CLOSE_DATE, "Probability": Field.PROBABILITY,
                "ForecastCategoryName": Field.FORECAST_CATEGORY, "NextStep": Field.NEXT_STEP,
                "Owner.Name": Field.OWNER, "CreatedDate": Field.CREATED,
            },
        ),
        (
            "hubspot_deals.csv",
            Layout.HUBSPOT,
            {
                "Record ID": Field.EXTERNAL_ID, "Deal Name": Field.TITLE, "Deal Stage": Field.STAGE,
                "Close Date": Field.CLOSE_DATE, "Amount": Field.AMOUNT, "Deal owner": Field.OWNER,
                "Associated Company": Field.ACCOUNT, "Create Date": Field.CREATED,
            },
        ),
        (
            "pipedrive_deals.csv",
            Layout.PIPEDRIVE,
            {
                "Deal - ID": Field.EXTERNAL_ID, "Deal - Title": Field.TITLE, "Deal - Value": Field.AMOUNT,
                "Deal - Currency of value": Field.CURRENCY, "Organization": Field.ACCOUNT,
                "Contact person": Field.CONTACT, "Deal - Expected close date": Field.CLOSE_DATE,
                "Deal - Stage": Field.STAGE, "Deal - Status": Field.STATUS,
                "Deal - Probability": Field.PROBABILITY, "Deal - Lost reason": Field.LOST_REASON,
                "Deal - Owner": Field.OWNER,
            },
        ),
        (
            "generic_deals.csv",
            Layout.GENERIC,
            {
                "id": Field.EXTERNAL_ID, "name": Field.TITLE, "company": Field.ACCOUNT,
                "product": Field.PRODUCT, "value": Field.AMOUNT, "currency": Field.CURRENCY,
                "close date": Field.CLOSE_DATE, "stage": Field.STAGE, "probability": Field.PROBABILITY,
                "owner": Field.OWNER,
            },
        ),
    ],
)  # fmt: skip
def test_each_layout_is_recognised_and_mapped(name: str, layout: Layout, expected: dict[str, Field]) -> None:
    (table,) = load([DATA / name]).tables
    assert table.layout is layout
    assert table.kind is FileKind.DEALS
    assert suggest_mapping(FileKind.DEALS, table.table.headers) == expected


def test_kinds_from_headers() -> None:
    assert classify(["opportunity_id", "sales_agent", "deal_stage", "account"]) is FileKind.DEALS
    assert classify(["OpportunityId", "StageName", "CreatedDate", "CloseDate"]) is FileKind.HISTORY
    assert classify(["OpportunityId", "ContactId", "Role"]) is FileKind.CONTACT_ROLES
    assert classify(["account", "sector", "subsidiary_of"]) is FileKind.ACCOUNTS
    assert classify(["product", "series", "sales_price"]) is FileKind.PRODUCTS
    assert classify(["sales_agent", "manager", "regional_office"]) is FileKind.UNUSED
    assert classify(["Id", "FirstName", "LastName", "Company", "Status"], "Lead.csv") is FileKind.UNUSED
    assert detect_layout(["Deal - ID", "Deal - Title"]) is Layout.PIPEDRIVE
    assert detect_layout(["Record ID", "Deal Name"]) is Layout.HUBSPOT
    assert detect_layout(["deal_stage", "close_date"]) is Layout.GENERIC


def test_zip_without_tables_and_damaged_zip(tmp_path: Path) -> None:
    empty = tmp_path / "empty.zip"
    with zipfile.ZipFile(empty, "w") as out:
        out.writestr("readme.txt.bin", b"x")
    damaged = tmp_path / "damaged.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as out:
        out.writestr("Opportunity.csv", "Id,Name,StageName\n1,x,Prospecting\n")
    damaged.write_bytes(buffer.getvalue()[:40])
    lines = [p.line() for p in load([empty, damaged]).problems]
    assert lines[0] == "empty.zip is a ZIP file without CSV or XLSX files in it."
    assert lines[1].startswith("damaged.zip is a damaged ZIP file")
