"""The domain's sentences follow the window's language; exports and the command line stay English."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from planner import cli, funnel, i18n, red_flags
from planner.demo import populate_demo
from planner.exchange.pack import PackOptions, PackScope, build_pack
from planner.exchange.pack_writers import write_pack
from planner.storage.db import PlanDB, open_plan
from planner.templates import compile_template, fill_in
from tests.conftest import TODAY


def _german_like(context: str, source: str) -> str:
    return "DE:" + source


@pytest.fixture
def german() -> Iterator[None]:
    i18n.install(_german_like)
    try:
        yield
    finally:
        i18n.install(None)


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.plan"
    plan = open_plan(path)
    try:
        populate_demo(plan, TODAY)
    finally:
        plan.close()
    return path


def test_red_flag_reasons_follow_the_installed_language(demo_plan: PlanDB, german: None) -> None:
    flags = [f for found in red_flags.evaluate_plan(demo_plan, TODAY).values() for f in found]
    automatic = [f for f in flags if f.rule != red_flags.MANUAL]
    assert automatic
    assert all(f.reason.startswith("DE:") for f in automatic), [f.reason for f in automatic][:5]
    assert funnel.stale_reason(3, 2) == "DE:No customer commitment for 3 days (stage limit 2)"


def test_without_a_lookup_the_reasons_are_english(demo_plan: PlanDB) -> None:
    flags = [f for found in red_flags.evaluate_plan(demo_plan, TODAY).values() for f in found]
    assert flags
    assert not any("DE:" in f.reason for f in flags)


def test_english_holds_the_lookup_off(demo_plan: PlanDB, german: None) -> None:
    with i18n.english():
        flags = [f for found in red_flags.evaluate_plan(demo_plan, TODAY).values() for f in found]
    assert not any("DE:" in f.reason for f in flags)
    assert red_flags.evaluate_plan(demo_plan, TODAY)  # and it comes back afterwards
    assert i18n.translate("RedFlags", "x") == "DE:x"


def test_a_pack_written_from_a_translated_window_is_english(
    demo_plan: PlanDB, german: None, tmp_path: Path
) -> None:
    pack = build_pack(demo_plan, PackScope.all_open(), PackOptions(), TODAY)
    (written,) = write_pack(pack, "json", tmp_path / "pack.json")
    text = written.read_text(encoding="utf-8")
    assert "DE:" not in text
    assert "reason" in text
    assert json.loads(text)


def test_the_command_line_is_english_even_with_a_translation(
    demo_file: Path, german: None, capsys: pytest.CaptureFixture[str]
) -> None:
    args = cli.parse(["hygiene", "--db", str(demo_file), "--today", TODAY.isoformat()])
    code = cli.run_command(args)
    out, err = capsys.readouterr()
    assert code == 0
    assert out.strip()
    assert "DE:" not in out + err
    args = cli.parse(["hygiene", "--db", str(demo_file), "--today", TODAY.isoformat(), "--json"])
    assert cli.run_command(args) == 0
    out, err = capsys.readouterr()
    assert json.loads(out)["deals"]
    assert "DE:" not in out + err


def test_templates_fill_like_str_format() -> None:
    text = "{label} is rated {rating:>3}: {n:,} {x!r}"
    fill = compile_template(text, "label", "rating", "n", "x")
    assert fill(label="A {b}", rating="+3", n=1234, x="y") == text.format(
        label="A {b}", rating="+3", n=1234, x="y"
    )
    assert compile_template("{{literal}} {a}", "a")(a=1) == "{literal} 1"
    # A faulty translation never raises: unknown fields and lone braces are left as they are.
    assert compile_template("{nope} {a}", "a")(a=1) == "{nope} {a}"
    assert compile_template("oops {", "a")(a=1) == "oops {"
    assert fill_in("{label} rated {r}", "label", "{name} (Coach)") == "{name} (Coach) rated {r}"
    assert fill_in("{{x}} {label}", "label", "{name}") == "{{x}} {name}"


def test_translated_reasons_keep_the_records_and_order(demo_plan: PlanDB) -> None:
    english = red_flags.evaluate_plan(demo_plan, TODAY)
    i18n.install(_german_like)
    try:
        translated = red_flags.evaluate_plan(demo_plan, TODAY)
    finally:
        i18n.install(None)
    assert {k: [(f.rule, f.ref) for f in v] for k, v in english.items()} == {
        k: [(f.rule, f.ref) for f in v] for k, v in translated.items()
    }
    day = dt.date(2026, 1, 1)
    assert funnel.overdue_reason(day, day + dt.timedelta(days=1)).endswith(
        "1 day ago and the deal is still open"
    )
