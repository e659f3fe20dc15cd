"""Fuzzing what the planner reads today: plan files (any bytes) and the settings stored in them."""

from __future__ import annotations

import functools
import json
import math
import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.storage import settings as settings_repo
from planner.storage.backup import Kind, list_backups
from planner.storage.db import SQLITE_HEADER, PlanDB, PlanError, open_memory, open_plan
from planner.storage.db import _applied_migrations as applied_migrations
from planner.storage.migrations import KNOWN_MIGRATIONS
from tests.planner.plan_files import make_demo, read_only

FUZZ = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@functools.cache
def demo_bytes() -> bytes:
    """A real plan's bytes (the demo plan), made once."""
    with tempfile.TemporaryDirectory() as folder:
        return make_demo(Path(folder) / "demo.plan").read_bytes()


def open_fuzzed(data: bytes) -> None:
    """Give `data` to open_plan as a plan file; check the promise whatever happens.

    Refused: only with PlanError, and not a byte written nor a file left beside it. Opened:
    a complete plan (never half an upgrade), still intact after closing.
    """
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fuzzed.plan"
        path.write_bytes(data)
        refusal: str | None = None
        try:
            plan = open_plan(path)
        except PlanError as exc:
            refusal = str(exc)
        if refusal is not None:
            assert "\n" not in refusal
            assert path.read_bytes() == data
            left = sorted(p.name for p in Path(folder).iterdir())
            if left == ["fuzzed.plan", "fuzzed.plan.backups"]:
                # A failed upgrade keeps the copy it took first (the plan is rolled back).
                assert all(b.kind is Kind.UPGRADE for b in list_backups(path))
            else:
                assert left == ["fuzzed.plan"]
            return
        try:
            assert tuple(applied_migrations(plan.conn)) == KNOWN_MIGRATIONS
        finally:
            plan.close()
        assert {p.name for p in Path(folder).iterdir()} <= {"fuzzed.plan", "fuzzed.plan.backups"}
        # Still sound as the planner checks a plan: SQLite's quick check, read only (which
        # leaves CHECK constraints out: the limit README promise 3 states).
        conn = read_only(path)
        try:
            assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]
        finally:
            conn.close()
        open_plan(path).close()  # what was opened once opens again


@FUZZ
@given(st.binary(max_size=5000))
def test_any_bytes(data: bytes) -> None:
    open_fuzzed(data)


@FUZZ
@given(st.binary(min_size=84, max_size=5000))
def test_any_bytes_after_an_sqlite_header(data: bytes) -> None:
    # Past the signature every check in SQLite's header parsing is reached.
    open_fuzzed(SQLITE_HEADER + data)


@FUZZ
@given(st.integers(min_value=0, max_value=len(demo_bytes()) - 1))
def test_truncated_plans(length: int) -> None:
    open_fuzzed(demo_bytes()[:length])


@FUZZ
@given(
    st.lists(
        st.tuples(st.integers(min_value=0, max_value=len(demo_bytes()) - 1), st.integers(0, 255)),
        min_size=1,
        max_size=20,
    )
)
def test_plans_with_changed_bytes(changes: list[tuple[int, int]]) -> None:
    data = bytearray(demo_bytes())
    for offset, value in changes:
        data[offset] = value
    open_fuzzed(bytes(data))


@FUZZ
@given(
    st.integers(min_value=0, max_value=len(demo_bytes()) // 4096 - 1),
    st.binary(min_size=1, max_size=64),
    st.integers(min_value=0, max_value=4095),
)
def test_plans_with_a_page_of_garbage(page: int, pattern: bytes, keep: int) -> None:
    # A page, or its tail from `keep` on, overwritten: what a torn write or a bad sector leaves.
    data = bytearray(demo_bytes())
    start = page * 4096 + keep
    end = (page + 1) * 4096
    data[start:end] = (pattern * (4096 // len(pattern) + 1))[: end - start]
    open_fuzzed(bytes(data))


# Any JSON a hand (or damage) could leave in the settings table, and text that is not JSON.
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=4), inner, max_size=4),
    max_leaves=8,
)
STORED = st.one_of(JSON.map(json.dumps), st.text(max_size=20), st.just("[" * 5000))
# The settings the planner reads, and how each must come back.
SHAPES = {
    "base_currency": lambda v: isinstance(v, str) and len(v) == 3 and v.isascii() and v.isupper(),
    "rates": lambda v: (
        isinstance(v, dict) and all(isinstance(r, float) and math.isfinite(r) and r > 0 for r in v.values())
    ),
    "is_demo": lambda v: isinstance(v, bool),
    "plan_name": lambda v: isinstance(v, str),
    "seller": lambda v: isinstance(v, str),
    "backup_keep_daily": lambda v: type(v) is int and v >= 1,
    "backup_keep_weekly": lambda v: type(v) is int and v >= 1,
}
MISSING = object()


def store(plan: PlanDB, values: dict[str, str]) -> None:
    """Write settings by hand, as another program or damage could."""
    with plan.atomic():
        for key, value in values.items():
            plan.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", [key, value])


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(sorted(SHAPES)), STORED))
def test_settings_stored_by_hand_read_as_their_shape_or_the_default(values: dict[str, str]) -> None:
    plan = open_memory()
    try:
        store(plan, values)
        for key, fits in SHAPES.items():
            value = settings_repo.get_setting(plan, key, MISSING)
            assert value is MISSING or fits(value), (key, values.get(key), value)
        # Keys the planner does not know come back as stored, or the default if not JSON.
        store(plan, {"other": values.get("rates", "null")})
        other = settings_repo.get_setting(plan, "other", MISSING)
        assert other is MISSING or json.dumps(other) is not None
    finally:
        plan.close()


def test_a_well_formed_setting_is_kept_as_it_is() -> None:
    plan = open_memory()
    try:
        settings_repo.set_setting(plan, "rates", {"USD": 0.92, "GBP": 1, "bad": 2, "JPY": -1, "CHF": True})
        assert settings_repo.get_setting(plan, "rates") == {"USD": 0.92, "GBP": 1.0}
        settings_repo.set_setting(plan, "base_currency", "usd")
        assert settings_repo.get_setting(plan, "base_currency", "EUR") == "EUR"
        store(plan, {"plan_name": sqlite3.Binary(b"\xff").hex()})
        assert settings_repo.get_setting(plan, "plan_name", "x") == "x"  # "ff" is not JSON
    finally:
        plan.close()
