"""`planner import` and `planner export --format crm-csv` as a seller runs them: the real console script."""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import stat
import subprocess
import sys
import zipfile
from pathlib import Path
from typing import Any

import pytest

from planner import operations as ops
from planner.model import OpportunityDraft
from planner.storage import opportunities as opportunity_repo
from planner.storage.db import open_plan
from tests.planner.import_support import DATA, shared

PLANNER = Path(sys.executable).with_name("planner")


def planner(cwd: Path, *args: str | Path) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["PLANNER_DATA_DIR"] = str(cwd / "data")
    env["PLANNER_QUIT_AFTER_START"] = "1"  # a regression into opening the window must not hang
    return subprocess.run(
        [str(PLANNER), *map(str, args)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def rows(path: Path, sql: str) -> list[tuple[Any, ...]]:
    plan = open_plan(path, create=False)
    try:
        return plan.query(sql)
    finally:
        plan.close()


@pytest.mark.slow
def test_import_creates_the_plan_and_prints_a_summary(tmp_path: Path) -> None:
    result = planner(tmp_path, "import", DATA / "salesforce_opportunities.csv", "--db", "mine.plan")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "Imported from Salesforce: 5 created, 0 updated, 0 unchanged, 0 skipped"
    assert lines[2].startswith("Stages: Prospecting → Prospect (name like Prospect's)")
    assert result.stderr == ""
    path = tmp_path / "mine.plan"
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert rows(path, "SELECT COUNT(*) FROM opportunity WHERE source = 'salesforce'") == [(5,)]


@pytest.mark.slow
def test_json_summary_and_reimport(tmp_path: Path) -> None:
    source = DATA / "hubspot_deals.csv"
    first = planner(tmp_path, "--db", "p.plan", "import", source, "--json")
    assert first.returncode == 0, first.stderr
    summary = json.loads(first.stdout)
    assert {k: summary[k] for k in ("created", "updated", "unchanged", "skipped", "missing")} == {
        "created": 4, "updated": 0, "unchanged": 0, "skipped": 0, "missing": 0,
    }  # fmt: skip
    assert summary["source"] == "HubSpot"
    assert summary["stage_map"]["Closed Won"] == {"plan_stage": "Won", "why": "won"}
    assert summary["problems"] == []
    assert len(summary["created_ids"]) == 4
    changed = tmp_path / "week2.csv"
    changed.write_text(source.read_text().replace("12/15/2026", "01/15/2027"))
    second = json.loads(planner(tmp_path, "import", changed, "--db", "p.plan", "--json").stdout)
    assert (second["created"], second["updated"], second["unchanged"]) == (0, 1, 3)
    assert second["changes"][0]["fields"] == [
        {"field": "Close date", "old": "2026-12-15", "new": "2027-01-15", "replaced_planner_value": False}
    ]
    assert rows(tmp_path / "p.plan", "SELECT old_date, new_date FROM close_date_history") == [
        ("2026-12-15", "2027-01-15")
    ]


@pytest.mark.slow
def test_dry_run_writes_nothing(tmp_path: Path) -> None:
    result = planner(tmp_path, "import", DATA / "generic_deals.csv", "--db", "new.plan", "--dry-run")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Would import from CSV: 3 created")
    assert "(dry run: nothing was written)" in result.stdout
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_owner_mapping_and_stage_map_files(tmp_path: Path) -> None:
    mine = json.loads(
        planner(
            tmp_path, "import", DATA / "generic_deals.csv", "--db", "p.plan", "--owner", "me", "--json"
        ).stdout
    )
    assert (mine["created"], mine["filtered_out"], mine["owner"]) == (2, 1, "me")
    mapping = tmp_path / "mapping.json"
    mapping.write_text(
        json.dumps(
            {
                "columns": {
                    "Ref": "external_id", "Opportunité": "title", "Montant": "amount",
                    "Échéance": "close date", "Étape": "stage",
                },
                "date_order": "dmy",
                "default_currency": "chf",
            }
        )
    )  # fmt: skip
    stages = tmp_path / "stages.json"
    stages.write_text(json.dumps({"Négociation": "Committed", "Découverte": "Qualified"}))
    result = planner(
        tmp_path, "import", DATA / "custom_columns.csv", "--db", "p.plan", "--mapping", mapping,
        "--stage-map", stages, "--json",
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["stage_map"]["Négociation"] == {"plan_stage": "Committed", "why": "chosen"}
    assert rows(
        tmp_path / "p.plan",
        "SELECT o.title, o.amount, o.currency, o.close_date, s.name FROM opportunity o"
        " JOIN stage s ON s.id = o.stage_id WHERE o.external_id = 'F-1'",
    ) == [("Contrat cadre", 10000.0, "EUR", "2026-04-03", "Committed")]  # the € names the currency


@pytest.mark.slow
def test_folder_and_zip(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as out:
        for file in (DATA / "salesforce_export").iterdir():
            out.write(file, file.name)
    result = json.loads(planner(tmp_path, "import", archive, "--db", "z.plan", "--json").stdout)
    assert (result["created"], result["people_created"], result["influences_created"]) == (2, 3, 3)
    again = json.loads(
        planner(tmp_path, "import", DATA / "salesforce_export", "--db", "z.plan", "--json").stdout
    )
    assert (again["created"], again["unchanged"]) == (0, 2)


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "deals.csv is empty."),
        (b"id,name,stage\n", "deals.csv has a header row but no data rows."),
        (
            b"\x89PNG\r\n\x1a\n" + bytes(300),
            "deals.csv is not a CSV or spreadsheet file (it looks like a PNG image).",
        ),
        (b"name,stage\n" + b"x" * 400 + b",Prospect\n", "no row could be imported:"),
    ],
)
@pytest.mark.slow
def test_nothing_importable_exits_1_with_reasons_and_no_file(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    (tmp_path / "deals.csv").write_bytes(content)
    result = planner(tmp_path, "import", "deals.csv", "--db", "p.plan")
    assert result.returncode == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0] == f"planner: {reason}"
    assert all(line.startswith("planner: ") for line in lines)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["deals.csv"]  # the new plan was not left behind


@pytest.mark.slow
def test_a_failed_import_leaves_an_existing_plan_unchanged(tmp_path: Path) -> None:
    assert planner(tmp_path, "import", DATA / "generic_deals.csv", "--db", "p.plan").returncode == 0
    before = (tmp_path / "p.plan").read_bytes()
    result = planner(tmp_path, "import", DATA / "generic_deals.csv", "--db", "p.plan", "--owner", "Nobody")
    assert result.returncode == 1
    assert "no deal in the files is owned by “Nobody” (owners: me (2), someone else (1))" in result.stderr
    assert (tmp_path / "p.plan").read_bytes() == before


IMPORT = ["import", "x.csv", "--db", "p.plan"]
EXPORT = ["export", "--db", "p.plan", "--out", "o.csv"]


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["import", "x.csv"], "planner import: error: --db PATH is required"),
        (["import", "--db", "p.plan"], "the following arguments are required: FILE"),
        ([*IMPORT, "--source", "dynamics"], "argument --source: invalid choice: 'dynamics'"),
        ([*IMPORT, "--mapping", "nowhere.json"], "--mapping: nowhere.json does not exist"),
        ([*IMPORT, "--mapping", "bad.json"], "--mapping: bad.json is not valid JSON"),
        ([*IMPORT, "--mapping", "field.json"], "“budget” is not a field"),
        ([*EXPORT, "--format", "crm-csv"], "needs --source"),
        ([*EXPORT, "--format", "docx"], "argument --format: invalid choice"),
        (
            ["export", "--format", "crm-csv", "--source", "salesforce", "--out", "o.csv"],
            "--db PATH is required",
        ),
    ],
)
@pytest.mark.slow
def test_usage_errors_exit_2_with_one_line(tmp_path: Path, args: list[str], says: str) -> None:
    (tmp_path / "bad.json").write_text("{not json")
    (tmp_path / "field.json").write_text('{"Amount": "budget"}')
    result = planner(tmp_path, *args)
    assert result.returncode == 2, result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert says in result.stderr
    assert not (tmp_path / "p.plan").exists()


@pytest.mark.slow
def test_unknown_plan_stage_in_the_stage_map_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "stages.json").write_text('{"Prospecting": "Nirvana"}')
    result = planner(
        tmp_path,
        "import",
        DATA / "salesforce_opportunities.csv",
        "--db",
        "p.plan",
        "--stage-map",
        "stages.json",
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == "planner import: error: --stage-map: the plan has no stage “Nirvana” (for “Prospecting”)\n"
    )
    assert not (tmp_path / "p.plan").exists()


@pytest.mark.slow
def test_export_crm_csv(tmp_path: Path) -> None:
    assert (
        planner(tmp_path, "import", DATA / "salesforce_opportunities.csv", "--db", "p.plan").returncode == 0
    )
    plan = open_plan(tmp_path / "p.plan", create=False)
    try:
        (deal_id,) = plan.query("SELECT id FROM opportunity WHERE external_id = '0065g00000AAAA2AAA'")[0]
        deal = opportunity_repo.get_opportunity(plan, deal_id)
        assert deal is not None
        draft = OpportunityDraft(
            deal.title, deal.account_id, deal.stage_id, deal.product, None, deal.amount, deal.currency,
            dt.date(2027, 3, 31), None, deal.forecast_category, "@Legal: review",
        )  # fmt: skip
        ops.update_opportunity(plan, deal_id, draft, dt.date(2026, 11, 26))
    finally:
        plan.close()
    (tmp_path / "out.csv").write_text("old")
    result = planner(
        tmp_path,
        "export",
        "--format",
        "crm-csv",
        "--source",
        "salesforce",
        "--db",
        "p.plan",
        "--out",
        "out.csv",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Wrote 1 changed deal to out.csv (Salesforce layout)\n"
    out = tmp_path / "out.csv"
    if os.name == "posix":
        assert stat.S_IMODE(out.stat().st_mode) == 0o600
    with out.open(newline="", encoding="utf-8") as handle:
        assert list(csv.reader(handle)) == [
            ["Id", "StageName", "CloseDate", "Probability", "ForecastCategoryName", "Amount", "NextStep"],
            ["0065g00000AAAA2AAA", "Value Proposition", "2027-03-31", "", "", "", "'@Legal: review"],
        ]
    missing = planner(
        tmp_path,
        "export",
        "--format",
        "crm-csv",
        "--source",
        "hubspot",
        "--db",
        "none.plan",
        "--out",
        "o.csv",
    )
    assert missing.returncode == 1
    assert missing.stderr == "planner: No plan at none.plan.\n"


@pytest.mark.slow
def test_real_data_one_agent_from_the_command_line(tmp_path: Path) -> None:
    maven = shared("crm-sales-opportunities")
    with (maven / "sales_pipeline.csv").open(newline="", encoding="utf-8") as handle:
        expected = sum(1 for r in csv.DictReader(handle) if r["sales_agent"] == "Moses Frase")
    mapping = tmp_path / "maven.json"
    mapping.write_text(
        json.dumps(
            {
                "opportunity_id": "external_id", "deal_stage": "stage", "close_value": "amount",
                "account": "account", "product": "product", "engage_date": "created",
                "close_date": "close_date", "sales_agent": "owner",
            }
        )
    )  # fmt: skip
    result = planner(
        tmp_path, "import", maven, "--db", "p.plan", "--mapping", mapping, "--owner", "Moses Frase", "--json"
    )
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["created"] == expected
    assert summary["filtered_out"] == 8800 - expected
    assert rows(tmp_path / "p.plan", "SELECT COUNT(*) FROM opportunity") == [(expected,)]
