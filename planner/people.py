"""Everyone in the plan: the People view's rows, likely duplicates, and editing or merging people.

A person belongs to an account and is a buying influence on any of its deals (planner.storage
.people). Editing a person changes them once for every deal; merging two records of the same
contact (two imports of one CRM contact) keeps one and moves the other's deals onto it. Both are
undone exactly: `snapshot_person`/`revert_person` for an edit, `merge_scope`/`capture_merge`/
`revert_merge` for a merge.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from planner import folding
from planner import sheet_operations as sheet_ops
from planner.errors import OperationError
from planner.i18n import translate
from planner.model import BuyingInfluence, Degree, Mode, Person, Role
from planner.operations import Change
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import snapshot as snapshots
from planner.storage.db import PlanDB


@dataclass(frozen=True, slots=True)
class PersonDeal:
    """One deal a person influences, with what the Blue Sheet says of them there."""

    opportunity_id: int
    title: str
    role: Role
    mode: Mode
    rating: int | None
    last_contact: dt.date | None
    covered_by: str


@dataclass(frozen=True, slots=True)
class PersonRow:
    """A person as the People view lists them."""

    person: Person
    account: str
    deals: tuple[PersonDeal, ...]

    @property
    def last_contact(self) -> dt.date | None:
        """The latest contact any of their deals records."""
        return max((d.last_contact for d in self.deals if d.last_contact), default=None)

    @property
    def met_by(self) -> tuple[str, ...]:
        """Who on our side covers them, as the deals' coverage records name them (each once)."""
        seen: dict[str, None] = {}
        for deal in sorted(self.deals, key=lambda d: d.last_contact or dt.date.min, reverse=True):
            if deal.covered_by.strip():
                seen.setdefault(deal.covered_by.strip(), None)
        return tuple(seen)


def fold(name: str) -> str:
    """A name as duplicates are matched: case, accents, punctuation and spacing ignored
    ('Dr. José  Müller' and 'dr jose muller' fold alike)."""
    letters = "".join(c if c.isalnum() else " " for c in folding.fold(name))
    return " ".join(letters.split())


def directory(plan: PlanDB) -> list[PersonRow]:
    """Everyone in the plan, by name, with the deals they influence."""
    deals: dict[int, list[PersonDeal]] = defaultdict(list)
    for bi, title in people_repo.all_influences(plan):
        deals[bi.person_id].append(
            PersonDeal(bi.opportunity_id, title, bi.role, bi.mode, bi.rating, bi.last_contact, bi.covered_by)
        )
    return [
        PersonRow(p, account, tuple(deals.get(p.id, ()))) for p, account in people_repo.list_all_people(plan)
    ]


def duplicates(rows: list[PersonRow]) -> list[tuple[PersonRow, ...]]:
    """Likely duplicates: people of the same account whose names fold alike, groups by name."""
    groups: dict[tuple[int, str], list[PersonRow]] = defaultdict(list)
    for row in rows:
        key = fold(row.person.name)
        if key:
            groups[(row.person.account_id, key)].append(row)
    return [tuple(group) for group in groups.values() if len(group) > 1]


def edit_person(plan: PlanDB, person: Person) -> Change:
    """Write a person's name, title, account and contact details, once for every deal.

    Moving a person to another account is refused while they influence a deal of another
    account (an influence is always a person of the deal's account).
    """
    stored = people_repo.get_person(plan, person.id)
    if stored is None:
        raise OperationError(translate("Operations", "That person no longer exists."))
    deal_ids = people_repo.opportunities_of_person(plan, person.id)
    with plan.atomic():
        if person.account_id != stored.account_id:
            if account_repo.get_account(plan, person.account_id) is None:
                raise OperationError(translate("Operations", "That account no longer exists."))
            for deal_id in deal_ids:
                deal = opportunity_repo.get_opportunity(plan, deal_id)
                if deal is not None and deal.account_id != person.account_id:
                    raise OperationError(
                        translate(
                            "Operations",
                            "{person} is a buying influence on {deal} at their account: take them off"
                            " its Blue Sheet before moving them to another account.",
                        ).format(person=stored.name, deal=deal.title)
                    )
            people_repo.set_account(plan, person.id, person.account_id)
        change = sheet_ops.update_person(plan, person)
    return change


def add_person(plan: PlanDB, person: Person) -> tuple[Change, int]:
    """Add someone at an account (a contact not yet on any deal); returns their id. Undo with
    `people_scope` and `revert_merge`."""
    if account_repo.get_account(plan, person.account_id) is None:
        raise OperationError(translate("Operations", "That account no longer exists."))
    if not person.name.strip():
        raise OperationError(translate("Operations", "Say the person's name."))
    with plan.atomic():
        person_id = people_repo.insert_person(plan, dataclasses.replace(person, id=0))
        # The same checks as an edit (a name, lengths), in the same transaction.
        sheet_ops.update_person(plan, dataclasses.replace(person, id=person_id))
    return Change(), person_id


def people_scope(person_ids: tuple[int, ...]) -> MergeScope:
    """A scope of people only (a person added or removed), for `capture_merge`/`revert_merge`."""
    return MergeScope(person_ids, (), (), (), ())


def snapshot_person(plan: PlanDB, person_id: int) -> snapshots.TableRows:
    """A person's row, for undoing an edit of it (before and after)."""
    return sheet_ops.snapshot_person(plan, person_id)


def revert_person(plan: PlanDB, rows: snapshots.TableRows) -> Change:
    """Write a person's row back exactly (undo/redo of `edit_person`)."""
    return sheet_ops.revert_person(plan, rows)


@dataclass(frozen=True, slots=True)
class MergeScope:
    """Every row a merge of two people may change: the two people, the influences naming them,
    the manual flags on those influences and the call plans of their deals."""

    people: tuple[int, ...]
    influences: tuple[int, ...]
    flags: tuple[int, ...]
    call_plans: tuple[int, ...]
    deals: tuple[int, ...]


# The tables of a MergeScope in the order a state is written back (parents before children).
_SCOPE_TABLES = ("person", "buying_influence", "manual_flag", "call_plan")


def merge_scope(plan: PlanDB, keep_id: int, *drop_ids: int) -> MergeScope:
    """What merging `drop_ids` into `keep_id` touches, read before the merge."""
    influences = people_repo.influences_of_people(plan, [keep_id, *drop_ids])
    influence_ids = [bi.id for bi in influences]
    deals = sorted({bi.opportunity_id for bi in influences})
    flags = [
        f.id
        for deal in deals
        for f in activity_repo.list_manual_flags(plan, deal)
        if f.influence_id in influence_ids
    ]
    calls = [c.id for deal in deals for c in evidence_repo.list_call_plans(plan, deal)]
    return MergeScope((keep_id, *drop_ids), tuple(influence_ids), tuple(flags), tuple(calls), tuple(deals))


MergeState = tuple[snapshots.TableRows, ...]


def capture_merge(plan: PlanDB, scope: MergeScope) -> MergeState:
    """The scope's rows as they are now (before or after the merge)."""
    ids = (scope.people, scope.influences, scope.flags, scope.call_plans)
    return tuple(
        snapshots.capture_ids(plan, table, list(i)) for table, i in zip(_SCOPE_TABLES, ids, strict=True)
    )


def revert_merge(plan: PlanDB, scope: MergeScope, state: MergeState) -> Change:
    """Make the scope's rows exactly what `state` holds (undo and redo of a merge)."""
    ids = (scope.people, scope.influences, scope.flags, scope.call_plans)
    with plan.atomic():
        # Rows the state does not hold go first (an influence folded into another, the merged
        # person), then every held row is written back in place or inserted again.
        for table, wanted, rows in reversed(list(zip(_SCOPE_TABLES, ids, state, strict=True))):
            held = {row[0] for row in rows.rows}
            gone = [i for i in wanted if i not in held]
            if gone:
                snapshots.delete_ids(plan, table, gone)
        for rows in state:
            snapshots.upsert_rows(plan, rows)
    return Change(opportunities=frozenset(scope.deals))


def _filled(keep: str, other: str) -> str:
    return keep if keep.strip() else other


def merge_people(plan: PlanDB, keep_id: int, drop_id: int) -> Change:
    """Fold `drop_id` into `keep_id`: one record of the same contact, one transaction.

    The kept person's fields stay; the empty ones take the other's (notes are joined). Each of
    the other's deals moves to the kept person; on a deal both influence, the kept influence
    stays and takes what the other's says and it does not (role, mode, rating, Win-Result...),
    with the other's manual flags and call-plan attendance. Who reported to the other reports to
    the kept person. Undo with `merge_scope`, `capture_merge` and `revert_merge`.
    """
    keep = people_repo.get_person(plan, keep_id)
    drop = people_repo.get_person(plan, drop_id)
    if keep is None or drop is None:
        raise OperationError(translate("Operations", "That person no longer exists."))
    if keep_id == drop_id:
        raise OperationError(translate("Operations", "Choose two different people to merge."))
    if keep.account_id != drop.account_id:
        raise OperationError(translate("Operations", "Only people of the same account can be merged."))
    scope = merge_scope(plan, keep_id, drop_id)
    notes = keep.notes
    if drop.notes.strip() and drop.notes.strip() not in keep.notes:
        notes = f"{keep.notes}\n{drop.notes}".strip()
    merged = dataclasses.replace(
        keep,
        title=_filled(keep.title, drop.title),
        email=_filled(keep.email, drop.email),
        phone=_filled(keep.phone, drop.phone),
        notes=notes,
    )
    with plan.atomic():
        people_repo.update_person(plan, merged)
        kept = {bi.opportunity_id: bi for bi in people_repo.list_influences_of(plan, keep_id)}
        for bi in people_repo.list_influences_of(plan, drop_id):
            mine = kept.get(bi.opportunity_id)
            if mine is None:
                people_repo.update_influence(plan, dataclasses.replace(bi, person_id=keep_id))
                continue
            people_repo.update_influence(plan, _fold_influence(mine, bi))
            people_repo.move_flags(plan, bi.id, mine.id)
            for call in evidence_repo.list_call_plans(plan, bi.opportunity_id):
                if bi.id in call.attendees:
                    attendees = tuple(dict.fromkeys(mine.id if a == bi.id else a for a in call.attendees))
                    evidence_repo.update_call_plan(plan, dataclasses.replace(call, attendees=attendees))
            people_repo.delete_influence(plan, bi.id)
        people_repo.set_reports_to(plan, drop_id, keep_id)
        people_repo.delete_person(plan, drop_id)
    return Change(opportunities=frozenset(scope.deals))


def _fold_influence(mine: BuyingInfluence, other: BuyingInfluence) -> BuyingInfluence:
    """The kept influence, with what only the other one says filled in."""
    contacts = [d for d in (mine.last_contact, other.last_contact) if d]
    return dataclasses.replace(
        mine,
        role=mine.role if mine.role is not Role.UNKNOWN else other.role,
        degree=mine.degree if mine.degree is not Degree.UNKNOWN else other.degree,
        mode=mine.mode if mine.mode is not Mode.UNKNOWN else other.mode,
        rating=mine.rating if mine.rating is not None else other.rating,
        win=_filled(mine.win, other.win),
        result=_filled(mine.result, other.result),
        concept=_filled(mine.concept, other.concept),
        concept_kind=mine.concept_kind or other.concept_kind,
        covered_by=_filled(mine.covered_by, other.covered_by),
        last_contact=max(contacts) if contacts else None,
        new_in_job=mine.new_in_job or other.new_in_job,
        reports_to_id=mine.reports_to_id
        if mine.reports_to_id is not None or other.reports_to_id == mine.person_id
        else other.reports_to_id,
        evidence=_filled(mine.evidence, other.evidence),
    )
