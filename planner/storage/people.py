"""People and buying-influence repository."""

from __future__ import annotations

from dataclasses import astuple
from typing import Any

from planner.model import BuyingInfluence, ConceptKind, Degree, Mode, Person, Role
from planner.storage.convert import from_date, to_date
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


def _influence(r: tuple[Any, ...]) -> BuyingInfluence:
    return BuyingInfluence(
        id=r[0],
        opportunity_id=r[1],
        person_id=r[2],
        role=Role(r[3]),
        degree=Degree(r[4]),
        mode=Mode(r[5]),
        rating=r[6],
        win=r[7],
        result=r[8],
        concept=r[9],
        concept_kind=ConceptKind(r[10]) if r[10] else None,
        covered_by=r[11],
        last_contact=to_date(r[12]),
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
