"""Bulk read of the Blue Sheets of many deals at once: objectives, influences, people, manual flags."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import NamedTuple

from planner.model import Degree, ManualFlag, Mode, Opportunity, Person, Role
from planner.storage.db import PlanDB

# The opportunity columns and row conversion are the opportunity repository's own, so a deal
# read here is exactly the deal `get_opportunity` returns.
from planner.storage.opportunities import _COLUMNS as _OPPORTUNITY_COLUMNS
from planner.storage.opportunities import _opportunity
from planner.storage.people import date_of, degree_of, mode_of, rating_of, role_of

# SQLite accepts more host parameters, but the board reads in chunks of 500 too: one habit.
CHUNK = 500

_OPEN_DEALS = (
    "SELECT o.id FROM opportunity o WHERE o.stage_id IN"
    " (SELECT id FROM stage WHERE level NOT IN ('won', 'lost', 'walked_away'))"
)


class InfluenceRow(NamedTuple):
    """What the red-flag rules read of a buying influence, for bulk reads.

    A NamedTuple and not a BuyingInfluence: a 10,000-deal plan has 40,000 influences, and
    the frozen dataclass costs about 2 µs each to build (80 ms) where this costs a quarter of
    that; the columns the rules never read (concept, evidence, reports-to) are not fetched.
    Field names and types are BuyingInfluence's, so the rules read either.
    """

    id: int
    opportunity_id: int
    person_id: int
    role: Role
    degree: Degree
    mode: Mode
    rating: int | None
    win: str
    result: str
    covered_by: str
    last_contact: dt.date | None
    new_in_job: bool


_make_influence = partial(tuple.__new__, InfluenceRow)

_INFLUENCE_COLUMNS = (
    "id, opportunity_id, person_id, role, degree, mode, rating, win, result, covered_by,"
    " last_contact, new_in_job"
)


@dataclass(frozen=True, slots=True)
class BlueSheets:
    """The records of a set of deals the red-flag rules read, grouped by opportunity id."""

    opportunities: dict[int, Opportunity]
    influences: dict[int, list[InfluenceRow]]  # by opportunity id, each list in influence-id order
    people: dict[int, Person]  # every person those influences name
    manual_flags: dict[int, list[ManualFlag]]  # by opportunity id, in id order
    account_names: dict[int, str]


def load_blue_sheets(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> BlueSheets:
    """The given deals (open or closed), or every open deal, in a few grouped queries.

    Unknown ids are left out. Values the schema would refuse today (an imported role of
    'boss', a rating of 9) read as unknown, as in the people repository.
    """
    sheets = BlueSheets({}, {}, {}, {}, {})
    # The collector would otherwise run hundreds of times while the rows are made (as the board).
    enabled = gc.isenabled()
    gc.disable()
    try:
        if opportunity_ids is None:
            _load_into(plan, sheets, _OPEN_DEALS, [], everyone=True)
        else:
            ids = list(dict.fromkeys(opportunity_ids))  # unique, in the caller's order
            for start in range(0, len(ids), CHUNK):
                chunk = ids[start : start + CHUNK]
                _load_into(plan, sheets, ",".join("?" * len(chunk)), chunk, everyone=False)
    finally:
        if enabled:
            gc.enable()
    return sheets


def _load_into(plan: PlanDB, sheets: BlueSheets, wanted: str, params: list[int], *, everyone: bool) -> None:
    """Add the deals whose ids `wanted` lists (`?` marks or a sub-query) to `sheets`."""
    for r in plan.query(f"SELECT {_OPPORTUNITY_COLUMNS} FROM opportunity WHERE id IN ({wanted})", params):
        sheets.opportunities[r[0]] = _opportunity(r)
    _load_influences(plan, sheets, wanted, params)
    person_sql = "SELECT id, account_id, name, title, email, phone, notes FROM person"
    account_sql = "SELECT id, name FROM account"
    if not everyone:
        # For all open deals, reading every person and account in one scan costs a fifth of
        # the semi-joins; for a few deals, the semi-joins read only what they name.
        person_sql += (
            f" WHERE id IN (SELECT person_id FROM buying_influence WHERE opportunity_id IN ({wanted}))"
        )
        account_sql += f" WHERE id IN (SELECT account_id FROM opportunity WHERE id IN ({wanted}))"
    people = sheets.people
    for r in plan.query(person_sql, params if not everyone else []):
        people[r[0]] = Person(*r)
    names = sheets.account_names
    for r in plan.query(account_sql, params if not everyone else []):
        names[r[0]] = r[1]
    flags = sheets.manual_flags
    for r in plan.query(
        "SELECT id, opportunity_id, is_strength, text, influence_id FROM manual_flag"
        f" WHERE opportunity_id IN ({wanted}) ORDER BY opportunity_id, id",
        params,
    ):
        flags.setdefault(r[1], []).append(ManualFlag(r[0], r[1], bool(r[2]), r[3], r[4]))


def _load_influences(plan: PlanDB, sheets: BlueSheets, wanted: str, params: list[int]) -> None:
    influences = sheets.influences
    # Every row repeats a handful of role, mode and date texts: convert each distinct text once.
    roles: dict[object, Role] = {}
    degrees: dict[object, Degree] = {}
    modes: dict[object, Mode] = {}
    dates: dict[object, dt.date | None] = {}
    rows = plan.query(
        f"SELECT {_INFLUENCE_COLUMNS} FROM buying_influence WHERE opportunity_id IN ({wanted})"
        " ORDER BY opportunity_id, id",
        params,
    )
    for r in rows:
        role, degree, mode, last = r[3], r[4], r[5], r[10]
        row = _make_influence(
            (
                r[0],
                r[1],
                r[2],
                roles[role] if role in roles else roles.setdefault(role, role_of(role)),
                degrees[degree] if degree in degrees else degrees.setdefault(degree, degree_of(degree)),
                modes[mode] if mode in modes else modes.setdefault(mode, mode_of(mode)),
                rating_of(r[6]),
                r[7],
                r[8],
                r[9],
                dates[last] if last in dates else dates.setdefault(last, date_of(last)),
                bool(r[11]),
            )
        )
        if r[1] in influences:
            influences[r[1]].append(row)
        else:
            influences[r[1]] = [row]
