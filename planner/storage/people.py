"""People and buying-influence repository."""

from __future__ import annotations

import datetime as dt
from dataclasses import astuple
from typing import Any

from planner.model import (
    MAX_RATING,
    MIN_RATING,
    BuyingInfluence,
    ConceptKind,
    Degree,
    Mode,
    Person,
    Role,
)
from planner.storage.convert import from_date
from planner.storage.db import PlanDB

_PERSON = "id, account_id, name, title, email, phone, notes"
_INFLUENCE = (
    "id, opportunity_id, person_id, role, degree, mode, rating, win, result, concept,"
    " concept_kind, covered_by, last_contact, new_in_job, reports_to_id, evidence"
)


def _person(r: tuple[Any, ...]) -> Person:
    return Person(*r)


def insert_person(plan: PlanDB, person: Person) -> int:
    """Insert a person (person.id 0 means a new id) and return the id."""
    with plan.atomic():
        cursor = plan.execute(
            f"INSERT INTO person ({_PERSON}) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [person.id or None, *astuple(person)[1:]],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_people(plan: PlanDB, account_id: int) -> list[Person]:
    """The people of one account, by name."""
    rows = plan.query(
        f"SELECT {_PERSON} FROM person WHERE account_id = ? ORDER BY name COLLATE NOCASE, id",
        [account_id],
    )
    return [_person(r) for r in rows]


def get_person(plan: PlanDB, person_id: int) -> Person | None:
    """One person, or None."""
    rows = plan.query(f"SELECT {_PERSON} FROM person WHERE id = ?", [person_id])
    return _person(rows[0]) if rows else None


# Imports and older files can hold values the CHECK constraints would refuse today (a role of
# 'boss', a rating of 9, a date of 'last week'). Reading must never crash on them: each reads as
# "unknown", which the red-flag engine then reports. Dict look-ups rather than Role(value): the
# bulk loader converts tens of thousands of rows and a miss must not cost an exception.
_ROLES: dict[object, Role] = {r.value: r for r in Role}
_DEGREES: dict[object, Degree] = {d.value: d for d in Degree}
_MODES: dict[object, Mode] = {m.value: m for m in Mode}
_CONCEPT_KINDS: dict[object, ConceptKind] = {k.value: k for k in ConceptKind}
_RATINGS: dict[object, int] = {r: r for r in range(MIN_RATING, MAX_RATING + 1)}


def _loose(value: object) -> object:
    # 'Economic ' from a hand-edited import means economic; anything else stays a miss.
    return value.strip().lower() if isinstance(value, str) else value


def role_of(value: object) -> Role:
    """A stored role; anything unrecognised reads as Role.UNKNOWN."""
    return _ROLES.get(value) or _ROLES.get(_loose(value), Role.UNKNOWN)


def degree_of(value: object) -> Degree:
    """A stored degree of influence; anything unrecognised reads as Degree.UNKNOWN."""
    return _DEGREES.get(value) or _DEGREES.get(_loose(value), Degree.UNKNOWN)


def mode_of(value: object) -> Mode:
    """A stored response mode; anything unrecognised reads as Mode.UNKNOWN."""
    return _MODES.get(value) or _MODES.get(_loose(value), Mode.UNKNOWN)


def rating_of(value: object) -> int | None:
    """A stored rating; None, and anything outside -5..+5 or not a whole number, is unknown."""
    if type(value) is not int:  # a REAL such as 2.5 (an import's average), text, a blob
        return None
    return _RATINGS.get(value)


def date_of(value: object) -> dt.date | None:
    """A stored ISO date; an empty or unreadable value is no date (never an exception)."""
    if not value or not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


def _influence(r: tuple[Any, ...]) -> BuyingInfluence:
    return BuyingInfluence(
        id=r[0],
        opportunity_id=r[1],
        person_id=r[2],
        role=role_of(r[3]),
        degree=degree_of(r[4]),
        mode=mode_of(r[5]),
        rating=rating_of(r[6]),
        win=r[7],
        result=r[8],
        concept=r[9],
        concept_kind=_CONCEPT_KINDS.get(_loose(r[10])),
        covered_by=r[11],
        last_contact=date_of(r[12]),
        new_in_job=bool(r[13]),
        reports_to_id=r[14],
        evidence=r[15],
    )


def insert_influence(plan: PlanDB, bi: BuyingInfluence) -> int:
    """Insert a buying influence (bi.id 0 means a new id) and return the id."""
    with plan.atomic():
        cursor = plan.execute(
            f"INSERT INTO buying_influence ({_INFLUENCE})"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                bi.id or None,
                bi.opportunity_id,
                bi.person_id,
                bi.role.value,
                bi.degree.value,
                bi.mode.value,
                bi.rating,
                bi.win,
                bi.result,
                bi.concept,
                bi.concept_kind.value if bi.concept_kind else None,
                bi.covered_by,
                from_date(bi.last_contact),
                int(bi.new_in_job),
                bi.reports_to_id,
                bi.evidence,
            ],
        )
    assert cursor.lastrowid is not None
    return cursor.lastrowid


def list_influences(plan: PlanDB, opportunity_id: int) -> list[BuyingInfluence]:
    """The buying influences of one deal, in the order they were added."""
    rows = plan.query(
        f"SELECT {_INFLUENCE} FROM buying_influence WHERE opportunity_id = ? ORDER BY id",
        [opportunity_id],
    )
    return [_influence(r) for r in rows]


def update_person(plan: PlanDB, person: Person) -> None:
    """Write a person's editable fields (name, title, contact details, notes) over the stored row."""
    with plan.atomic():
        plan.execute(
            "UPDATE person SET name = ?, title = ?, email = ?, phone = ?, notes = ? WHERE id = ?",
            [person.name, person.title, person.email, person.phone, person.notes, person.id],
        )


def delete_person(plan: PlanDB, person_id: int) -> None:
    """Delete a person; their buying-influence rows go with them (foreign-key cascade)."""
    with plan.atomic():
        plan.execute("DELETE FROM person WHERE id = ?", [person_id])


def opportunities_of_person(plan: PlanDB, person_id: int) -> list[int]:
    """Ids of the deals on which a person is a buying influence (or the one others report to)."""
    rows = plan.query(
        "SELECT opportunity_id FROM buying_influence WHERE person_id = ? OR reports_to_id = ?"
        " GROUP BY opportunity_id ORDER BY opportunity_id",
        [person_id, person_id],
    )
    return [r[0] for r in rows]


def get_influence(plan: PlanDB, influence_id: int) -> BuyingInfluence | None:
    """One buying influence, or None."""
    rows = plan.query(f"SELECT {_INFLUENCE} FROM buying_influence WHERE id = ?", [influence_id])
    return _influence(rows[0]) if rows else None


def update_influence(plan: PlanDB, bi: BuyingInfluence) -> None:
    """Write every field of a buying influence over the stored row (its deal stays the same)."""
    with plan.atomic():
        plan.execute(
            "UPDATE buying_influence SET person_id = ?, role = ?, degree = ?, mode = ?, rating = ?,"
            " win = ?, result = ?, concept = ?, concept_kind = ?, covered_by = ?, last_contact = ?,"
            " new_in_job = ?, reports_to_id = ?, evidence = ? WHERE id = ?",
            [
                bi.person_id,
                bi.role.value,
                bi.degree.value,
                bi.mode.value,
                bi.rating,
                bi.win,
                bi.result,
                bi.concept,
                bi.concept_kind.value if bi.concept_kind else None,
                bi.covered_by,
                from_date(bi.last_contact),
                int(bi.new_in_job),
                bi.reports_to_id,
                bi.evidence,
                bi.id,
            ],
        )


def delete_influence(plan: PlanDB, influence_id: int) -> None:
    """Remove a buying influence from its deal (the person stays at the account)."""
    with plan.atomic():
        plan.execute("DELETE FROM buying_influence WHERE id = ?", [influence_id])


def list_all_people(plan: PlanDB) -> list[tuple[Person, str]]:
    """Everyone in the plan with their account's name, by name."""
    rows = plan.query(
        "SELECT p.id, p.account_id, p.name, p.title, p.email, p.phone, p.notes, a.name"
        " FROM person p JOIN account a ON a.id = p.account_id ORDER BY p.name COLLATE NOCASE, p.id"
    )
    return [(_person(r[:7]), r[7]) for r in rows]


def all_influences(plan: PlanDB) -> list[tuple[BuyingInfluence, str]]:
    """Every buying influence with its deal's title, by deal and id."""
    rows = plan.query(
        f"SELECT {', '.join('b.' + c.strip() for c in _INFLUENCE.split(','))}, o.title"
        " FROM buying_influence b JOIN opportunity o ON o.id = b.opportunity_id"
        " ORDER BY b.opportunity_id, b.id"
    )
    return [(_influence(r[:16]), r[16]) for r in rows]


def influences_of_people(plan: PlanDB, person_ids: list[int]) -> list[BuyingInfluence]:
    """The influences naming any of the people, as the influence or as the one reported to."""
    marks = ",".join("?" * len(person_ids))
    rows = plan.query(
        f"SELECT {_INFLUENCE} FROM buying_influence"
        f" WHERE person_id IN ({marks}) OR reports_to_id IN ({marks}) ORDER BY id",
        [*person_ids, *person_ids],
    )
    return [_influence(r) for r in rows]


def set_account(plan: PlanDB, person_id: int, account_id: int) -> None:
    """Move a person to another account (the caller checks their deals allow it)."""
    with plan.atomic():
        plan.execute("UPDATE person SET account_id = ? WHERE id = ?", [account_id, person_id])


def set_reports_to(plan: PlanDB, old_person_id: int, new_person_id: int) -> None:
    """Who reported to one person reports to another (a merge); nobody reports to themselves."""
    with plan.atomic():
        plan.execute(
            "UPDATE buying_influence SET reports_to_id = CASE WHEN person_id = ? THEN NULL ELSE ? END"
            " WHERE reports_to_id = ?",
            [new_person_id, new_person_id, old_person_id],
        )


def move_flags(plan: PlanDB, old_influence_id: int, new_influence_id: int) -> None:
    """Manual red flags on one influence name another (a merge folds the first into the second)."""
    with plan.atomic():
        plan.execute(
            "UPDATE manual_flag SET influence_id = ? WHERE influence_id = ?",
            [new_influence_id, old_influence_id],
        )


def list_influences_of(plan: PlanDB, person_id: int) -> list[BuyingInfluence]:
    """The buying influences of one person, one per deal, by deal."""
    rows = plan.query(
        f"SELECT {_INFLUENCE} FROM buying_influence WHERE person_id = ? ORDER BY opportunity_id, id",
        [person_id],
    )
    return [_influence(r) for r in rows]
