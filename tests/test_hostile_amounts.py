"""The hostile amounts corpus through `planner import`: decided from the whole file, asked, or reported."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.hostile import amounts
from tests.hostile.make_corpus import CORPUS
from tests.test_cli_import import planner, rows

FILES = CORPUS / "amounts"


def _amounts(plan: Path) -> dict[str, float | None]:
    return dict(rows(plan, "SELECT external_id, amount FROM opportunity"))


def test_the_corpus_is_what_the_generator_writes(tmp_path: Path) -> None:
    for made in amounts.make(tmp_path):
        assert made.read_bytes() == (FILES / made.name).read_bytes(), (
            "run python -m tests.hostile.make_corpus"
        )


def test_german_round_amounts_import_as_thousands(tmp_path: Path) -> None:
    result = planner(tmp_path, "import", FILES / "german.csv", "--db", "p.plan")
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert _amounts(tmp_path / "p.plan") == amounts.GERMAN
    assert rows(tmp_path / "p.plan", "SELECT DISTINCT currency FROM opportunity") == [("EUR",)]
    # The summary says why 10.000 was read as ten thousand.
    assert (
        "german.csv: 4 amounts such as “10.000 €” read differently in the 1,234.56 and the 1.234,56 "
        "style; read in the 1.234,56 style (“10.000 €” is 10,000.00) from semicolons between columns, "
        "dates written like 15.01.2027, currency signs after the amounts, the amounts' own marks"
    ) in result.stdout.splitlines()


def test_an_ambiguous_file_is_refused_naming_the_column(tmp_path: Path) -> None:
    result = planner(tmp_path, "import", FILES / "ambiguous.csv", "--db", "p.plan")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        "planner: ambiguous.csv: the amounts in “amount” can be read two ways (“1.500” is 1.50 in the "
        "1,234.56 style and 1,500.00 in the 1.234,56 style) and nothing else in the file says which; "
        "nothing was imported: say which with --decimal-comma (1.234,56) or --decimal-point (1,234.56)"
    ]
    assert not (tmp_path / "p.plan").exists()  # the plan this run would have created: not left behind


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("--decimal-comma", amounts.AMBIGUOUS_AS_COMMA),
        ("--decimal-point", {"A-1": 1.5, "A-2": 2.0, "A-3": 12.0}),
    ],
)
def test_an_ambiguous_file_imports_as_the_seller_says(
    tmp_path: Path, option: str, expected: dict[str, float]
) -> None:
    result = planner(tmp_path, "import", FILES / "ambiguous.csv", "--db", "p.plan", option, "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["problems"] == []
    assert _amounts(tmp_path / "p.plan") == expected


def test_the_two_style_options_exclude_each_other(tmp_path: Path) -> None:
    result = planner(
        tmp_path, "import", FILES / "ambiguous.csv", "--db", "p.plan", "--decimal-comma", "--decimal-point"
    )
    assert result.returncode == 2
    assert "not allowed with argument" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_column_in_both_styles_is_reported_cell_by_cell(tmp_path: Path) -> None:
    result = planner(tmp_path, "import", FILES / "mixed.csv", "--db", "p.plan", "--json")
    assert result.returncode == 0, result.stderr
    summary = json.loads(result.stdout)
    assert summary["created"] == 7
    assert [(p["row"], p["column"], p["value"], p["message"]) for p in summary["problems"]] == [
        (
            4, "amount", "1'234.56",
            "Amount is in the 1,234.56 style, but the file's amounts are in the 1.234,56 style; read as "
            "1,234.56, check it",
        ),
        (
            5, "amount", "1,000",
            "Amount is ambiguous in a column that writes amounts both ways (1,000.00 in the 1,234.56 style, "
            "1.00 in the 1.234,56 style); imported without an amount",
        ),
    ]  # fmt: skip
    assert all(p["severity"] == "warning" for p in summary["problems"])
    assert summary["notes"] == [
        "mixed.csv: “amount” writes amounts in both the 1,234.56 and the 1.234,56 style; read in the "
        "1.234,56 style like most of them, the others are listed as problems"
    ]
    assert _amounts(tmp_path / "p.plan") == amounts.MIXED
    text = planner(tmp_path, "import", FILES / "mixed.csv", "--db", "other.plan", "--dry-run")
    assert "Warning: mixed.csv, row 5, amount “1,000”: Amount is ambiguous" in text.stdout
