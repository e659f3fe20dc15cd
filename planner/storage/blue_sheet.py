"""Bulk read of the Blue Sheets of many deals at once: objectives, influences, people, manual flags,
the links of open actions and the customer's commitments; and the plan-wide facts the rules read."""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import partial
from typing import NamedTuple

from planner.model import Degree, FunnelLevel, ManualFlag, Mode, Opportunity, Person, Role
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


class CommitmentRow(NamedTuple):
    """What the red-flag rules read of a customer commitment (red_flags.CommitmentFacts)."""

    what: str
    committed_on: dt.date


_make_commitment = partial(tuple.__new__, CommitmentRow)
# An action that is not done is open (planner/next_step.py); the repository reads an unknown
# status as "possible", so only 'done' closes one.
_OPEN_ACTION = "status IS NOT 'done'"
_UNLINKED = frozenset(("",))  # the usual links of a deal: open actions linked to nothing


@dataclass(frozen=True, slots=True)
class BlueSheets:
    """The records of a set of deals the red-flag rules read, grouped by opportunity id."""

    opportunities: dict[int, Opportunity]
    influences: dict[int, list[InfluenceRow]]  # by opportunity id, each list in influence-id order
    people: dict[int, Person]  # every person those influences name
    manual_flags: dict[int, list[ManualFlag]]  # by opportunity id, in id order
    account_names: dict[int, str]
    # By opportunity id, deals without an open action left out: the `flag_ref` of each open
    # action ('' for one linked to nothing).
    action_links: dict[int, frozenset[str]] = field(default_factory=dict)
    commitments: dict[int, list[CommitmentRow]] = field(default_factory=dict)  # the latest first


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
    links: dict[int, set[str]] = {}
    for deal_id, link in plan.query(
        f"SELECT opportunity_id, flag_ref FROM action WHERE {_OPEN_ACTION} AND opportunity_id IN ({wanted})",
        params,
    ):
        links.setdefault(deal_id, set()).add(link)
    sheets.action_links.update(
        {deal_id: _UNLINKED if found == _UNLINKED else frozenset(found) for deal_id, found in links.items()}
    )
    _load_commitments(plan, sheets.commitments, f"opportunity_id IN ({wanted})", params)


def _load_commitments(
    plan: PlanDB, into: dict[int, list[CommitmentRow]], where: str, params: Sequence[object]
) -> None:
    dates: dict[object, dt.date] = {}
    for deal_id, what, day in plan.query(
        f"SELECT opportunity_id, what, committed_on FROM commitment c WHERE {where}"
        " ORDER BY committed_on DESC, id DESC",
        params,
    ):
        # A date the file holds that is not one reads as the earliest day, as in the repository.
        on = dates[day] if day in dates else dates.setdefault(day, date_of(day) or dt.date.min)
        row = _make_commitment((what, on))
        if deal_id in into:
            into[deal_id].append(row)
        else:
            into[deal_id] = [row]


def commitments_in_level(plan: PlanDB, level: FunnelLevel) -> dict[int, list[CommitmentRow]]:
    """The commitments of every deal now in a stage of this funnel level, the latest first."""
    found: dict[int, list[CommitmentRow]] = {}
    where = (
        "c.opportunity_id IN (SELECT o.id FROM opportunity o JOIN stage s ON s.id = o.stage_id"
        " WHERE s.level = ?)"
    )
    _load_commitments(plan, found, where, [level.value])
    return found


def deals_without_open_action(plan: PlanDB) -> dict[int, str]:
    """Deal id -> the CRM's next step, for every deal (open or closed) that has no open action."""
    rows = plan.query(
        "SELECT id, next_step FROM opportunity"
        f" WHERE id NOT IN (SELECT opportunity_id FROM action WHERE {_OPEN_ACTION})"
    )
    return dict(rows)


def won_cycle_days(plan: PlanDB) -> list[int]:
    """Days from creation to won of each won deal that has both dates (negative ones included)."""
    # Every card's red flags read this (6 ms at 100,000 deals): read again only after a change.
    return list(plan.derived("won_cycle_days", lambda: _won_cycle_days(plan)))


def keep_won_cycle_days(plan: PlanDB, since: tuple[int, int]) -> None:
    """Writes since `since` (PlanDB.version) changed no won deal: the cycles read then still hold."""
    plan.keep_derived("won_cycle_days", since)


def _won_cycle_days(plan: PlanDB) -> tuple[int, ...]:
    rows = plan.query(
        "SELECT CAST(julianday(o.closed_on) - julianday(substr(o.created, 1, 10)) AS INTEGER)"
        " FROM opportunity o JOIN stage s ON s.id = o.stage_id"
        " WHERE s.level = 'won' AND o.closed_on IS NOT NULL"
    )
    return tuple(r[0] for r in rows if isinstance(r[0], int))


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
