"""Blue Sheet edits: objective, position, buying influences, people, competition, actions, flags, notes."""

from __future__ import annotations

import dataclasses
import datetime as dt
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from planner import red_flags
from planner.i18n import QT_TRANSLATE_NOOP, format_number, translate
from planner.model import (
    MAX_RATING,
    MIN_RATING,
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Competitor,
    ConceptKind,
    Degree,
    ManualFlag,
    Mode,
    Note,
    Opportunity,
    OpportunityDraft,
    Person,
    Role,
)
from planner.next_step import next_action
from planner.operations import Change, MoveDetails, OperationError, create_opportunity, update_opportunity
from planner.red_flags import RULE_ORDER, Flag, RecordKind, RecordRef
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import snapshot as snapshots
from planner.storage.db import PlanDB
from planner.validation import MAX_TEXT, MAX_TITLE, check_amount, check_currency

# Every operation here is one transaction and returns a Change naming the deal it touched, so
# the UI refreshes that deal and `planner.operations.snapshot_opportunity` / `revert_opportunity`
# undo it exactly. Person rows are shared by the deals of an account: an edit of a person is
# undone with `snapshot_person` / `revert_person`; a person created while adding an influence
# with `revert_with_person`.
#
# Where docs/method.md is silent, decided here:
# - An influence is a person of the deal's account; a deal without an account has none yet.
# - Two Economic buyers can be saved (the `several-economic-buyers` rule says what is wrong).
# - Reports-to names a person of the same account, never the influence itself, and never
#   closes a loop among the deal's influences (a loop has no top, so no org chart).
# - A done action keeps its completion date (today when marked done, unless one is given);
#   reopening it clears the date. The next step is the earliest open action
#   (`planner.next_step.next_action`); the deal editor's Next step field renames it, or plans one.
# - An action's link to a red flag or strength is the rule id, plus ":kind:id" when the flag
#   points to a record other than the deal: "no-coach", "hostile-influence:influence:12".

_RECORD_KINDS: dict[str, RecordKind] = {
    "opportunity": "opportunity",
    "influence": "influence",
    "manual_flag": "manual_flag",
}
_E = TypeVar("_E", Role, Degree, Mode)
_EARLIEST, _LATEST = dt.date(1900, 1, 1), dt.date(2200, 12, 31)


def _on_scale(value: object) -> bool:
    """A whole number from -5 to +5 (ratings and the current position share the scale)."""
    return type(value) is int and MIN_RATING <= value <= MAX_RATING


def _deal_change(opportunity_id: int) -> Change:
    return Change(opportunities=frozenset({opportunity_id}))


def existing_deal(plan: PlanDB, opportunity_id: int) -> Opportunity:
    """The deal, or an OperationError saying it no longer exists."""
    deal = opportunity_repo.get_opportunity(plan, opportunity_id)
    if deal is None:
        raise OperationError(translate("Operations", "That deal no longer exists."))
    return deal


def checked_text(value: object, what: str, limit: int = MAX_TEXT) -> str:
    """Text a seller (or a file) gave, within the limit; else an OperationError."""
    if not isinstance(value, str):
        raise OperationError(translate("Operations", "{what} must be text.").format(what=what))
    if len(value) > limit:
        raise OperationError(
            translate("Operations", "{what} is too long (at most {limit} characters).").format(
                what=what, limit=format_number(limit)
            )
        )
    return value


def _required(value: str, what: str, limit: int = MAX_TEXT) -> str:
    cleaned = checked_text(value, what, limit).strip()
    if not cleaned:
        raise OperationError(translate("Operations", "{what} cannot be empty.").format(what=what))
    return cleaned


def _date(value: dt.date | None, what: str) -> dt.date | None:
    if value is None:
        return None
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise OperationError(translate("Operations", "{what} must be a date.").format(what=what))
    if not _EARLIEST <= value <= _LATEST:
        raise OperationError(
            translate("Operations", "{what} must be between the years 1900 and 2200.").format(what=what)
        )
    return value


# ----------------------------------------------------------------------------------------------
# Single Sales Objective and current position


@dataclass(frozen=True, slots=True)
class Objective:
    """The Single Sales Objective's own fields: what, how much, by when."""

    product: str = ""
    quantity: float | None = None
    amount: float | None = None
    currency: str = "EUR"
    close_date: dt.date | None = None


def objective_of(opportunity: Opportunity) -> Objective:
    """The objective fields of a deal as stored."""
    o = opportunity
    return Objective(o.product, o.quantity, o.amount, o.currency, o.close_date)


def _check_objective(objective: Objective) -> Objective:
    product = checked_text(objective.product, translate("Operations", "Product"), MAX_TITLE).strip()
    quantity = objective.quantity
    if quantity is not None:
        if isinstance(quantity, bool) or not isinstance(quantity, int | float):
            raise OperationError(translate("Operations", "Quantity must be a number."))
        if math.isnan(quantity) or math.isinf(quantity) or not 0 < quantity <= 1e12:
            raise OperationError(translate("Operations", "Quantity must be a positive number."))
        quantity = float(quantity)
    amount = objective.amount
    if amount is not None:
        if isinstance(amount, bool) or not isinstance(amount, int | float):
            raise OperationError(translate("Operations", "Amount must be a number."))
        try:
            check_amount(float(amount))
        except ValueError as exc:
            raise OperationError(str(exc)) from exc
        amount = float(amount)
    try:
        currency = check_currency(objective.currency if isinstance(objective.currency, str) else "")
    except ValueError as exc:
        raise OperationError(str(exc)) from exc
    return Objective(
        product,
        quantity,
        amount,
        currency,
        _date(objective.close_date, translate("Operations", "The close date")),
    )


def set_objective(plan: PlanDB, opportunity_id: int, objective: Objective) -> Change:
    """Write the SSO's product, quantity, amount, currency and close date.

    A changed close date is added to the close-date history (a slip when it moved later),
    as the deal editor does.
    """
    clean = _check_objective(objective)
    deal = existing_deal(plan, opportunity_id)
    draft = OpportunityDraft(
        title=deal.title,
        account_id=deal.account_id,
        stage_id=deal.stage_id,
        product=clean.product,
        quantity=clean.quantity,
        amount=clean.amount,
        currency=clean.currency,
        close_date=clean.close_date,
        probability_override=deal.probability_override,
        forecast_category=deal.forecast_category,
        next_step=deal.next_step,
    )
    opportunity_repo.update_opportunity(plan, opportunity_id, draft)
    return _deal_change(opportunity_id)


def set_position(plan: PlanDB, opportunity_id: int, position: int | None) -> Change:
    """The seller's current position, Panic (-5) .. Euphoric (+5), or None when not set."""
    if position is not None and not _on_scale(position):
        raise OperationError(
            translate("Operations", "The current position runs from Panic (\u22125) to Euphoric (+5).")
        )
    existing_deal(plan, opportunity_id)
    opportunity_repo.set_position(plan, opportunity_id, position)
    return _deal_change(opportunity_id)


# ----------------------------------------------------------------------------------------------
# Buying influences and people


@dataclass(frozen=True, slots=True)
class NewPerson:
    """Someone not yet among the account's people: created with the influence, in one transaction."""

    name: str
    title: str = ""


def _enum(kind: type[_E], value: object, what: str, choices: str) -> _E:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return kind(value)
    except ValueError:
        raise OperationError(
            translate("Operations", "“{value}” is not a {what}: choose {choices}.").format(
                value=value, what=what, choices=choices
            )
        ) from None


def _check_influence(
    plan: PlanDB, bi: BuyingInfluence, deal: Opportunity, stored: BuyingInfluence | None = None
) -> BuyingInfluence:
    """The influence with its values checked and enums made exact; OperationError otherwise."""
    role = _enum(
        Role,
        bi.role,
        translate("Operations", "role"),
        translate("Operations", "Economic, User, Technical, Coach or Unknown"),
    )
    degree = _enum(
        Degree,
        bi.degree,
        translate("Operations", "degree of influence"),
        translate("Operations", "High, Medium, Low or Unknown"),
    )
    mode = _enum(
        Mode,
        bi.mode,
        translate("Operations", "response mode"),
        translate("Operations", "Growth, Trouble, Even Keel, Overconfident or Unknown"),
    )
    concept_kind = None
    if bi.concept_kind is not None:
        try:
            concept_kind = ConceptKind(bi.concept_kind)
        except ValueError:
            raise OperationError(
                translate(
                    "Operations",
                    "“{concept_kind}” is not a kind of concept: choose accomplish, fix or avoid.",
                ).format(concept_kind=bi.concept_kind)
            ) from None
    rating = bi.rating
    if rating is not None and not _on_scale(rating):
        raise OperationError(
            translate(
                "Operations", "A rating runs from \u22125 to +5, or is Unknown; {rating} is not one."
            ).format(rating=rating)
        )
    reports_to = bi.reports_to_id
    if reports_to is not None and stored is not None and reports_to == stored.reports_to_id:
        # Unchanged from the file: keep it if it names someone, drop a dangling one (a damaged
        # or imported file) rather than refuse every other edit of the row.
        if people_repo.get_person(plan, reports_to) is None:
            reports_to = None
    elif reports_to is not None:
        boss = people_repo.get_person(plan, reports_to)
        if boss is None or boss.account_id != deal.account_id:
            raise OperationError(translate("Operations", "Reports-to must be someone at the deal's account."))
        if reports_to == bi.person_id:
            raise OperationError(
                translate("Operations", "Nobody reports to themself: choose someone else, or nobody.")
            )
        _check_no_loop(plan, bi)
    return dataclasses.replace(
        bi,
        reports_to_id=reports_to,
        role=role,
        degree=degree,
        mode=mode,
        rating=rating,
        concept_kind=concept_kind,
        last_contact=_date(bi.last_contact, translate("Operations", "The last contact")),
        new_in_job=bool(bi.new_in_job),
        win=checked_text(bi.win, translate("Operations", "The Win")),
        result=checked_text(bi.result, translate("Operations", "The Result")),
        concept=checked_text(bi.concept, translate("Operations", "The Concept")),
        covered_by=checked_text(bi.covered_by, translate("Operations", "Covered by"), MAX_TITLE),
        evidence=checked_text(bi.evidence, translate("Operations", "The evidence")),
    )


def _check_no_loop(plan: PlanDB, bi: BuyingInfluence) -> None:
    """Refuse a reports-to that leads back to the person through the deal's other influences."""
    chain: dict[int, int | None] = {
        other.person_id: other.reports_to_id
        for other in people_repo.list_influences(plan, bi.opportunity_id)
        if other.id != bi.id and other.reports_to_id is not None
    }
    chain[bi.person_id] = bi.reports_to_id
    seen: set[int] = set()
    current = bi.reports_to_id
    while current is not None and current not in seen:
        if current == bi.person_id:
            person = people_repo.get_person(plan, bi.person_id)
            boss = people_repo.get_person(plan, bi.reports_to_id) if bi.reports_to_id else None
            name = person.name if person else "this person"
            boss_name = boss.name if boss else "them"
            raise OperationError(
                translate(
                    "Operations",
                    "{name} cannot report to {boss_name}: {boss_name} already reports to {name}, "
                    "directly or through others.",
                ).format(name=name, boss_name=boss_name)
            )
        seen.add(current)
        current = chain.get(current)


def _check_person_for(plan: PlanDB, person_id: int, deal: Opportunity, influence_id: int = 0) -> Person:
    person = people_repo.get_person(plan, person_id)
    if person is None:
        raise OperationError(translate("Operations", "That person no longer exists."))
    if person.account_id != deal.account_id:
        raise OperationError(
            translate("Operations", "{person} is not at this deal's account.").format(person=person.name)
        )
    for other in people_repo.list_influences(plan, deal.id):
        if other.person_id == person_id and other.id != influence_id:
            raise OperationError(
                translate("Operations", "{person} is already a buying influence on this deal.").format(
                    person=person.name
                )
            )
    return person


def _check_person_fields(person: Person) -> Person:
    return dataclasses.replace(
        person,
        name=_required(person.name, translate("Operations", "The name"), MAX_TITLE),
        title=checked_text(person.title, translate("Operations", "The job title"), MAX_TITLE).strip(),
        email=checked_text(person.email, translate("Operations", "The email address"), MAX_TITLE).strip(),
        phone=checked_text(person.phone, translate("Operations", "The phone number"), MAX_TITLE).strip(),
        notes=checked_text(person.notes, translate("Operations", "The notes on this person")),
    )


def add_influence(
    plan: PlanDB,
    opportunity_id: int,
    person: int | NewPerson,
    details: BuyingInfluence | None = None,
) -> tuple[Change, int]:
    """Make a person a buying influence on a deal; returns the influence id.

    `person` is one of the account's people, or a NewPerson created at the account in the same
    transaction. `details` gives the influence's fields (its ids are ignored); by default every
    value is unknown.
    """
    deal = existing_deal(plan, opportunity_id)
    if deal.account_id is None:
        raise OperationError(
            translate(
                "Operations",
                "Give the deal an account first: buying influences are people at the customer's account.",
            )
        )
    template = details or BuyingInfluence(0, opportunity_id, 0)
    if isinstance(person, NewPerson):
        new = _check_person_fields(Person(0, deal.account_id, person.name, person.title))
        person_id = 0
    else:
        _check_person_for(plan, person, deal)
        new, person_id = None, person
    with plan.atomic():
        if new is not None:
            person_id = people_repo.insert_person(plan, new)
        placed = dataclasses.replace(template, id=0, opportunity_id=opportunity_id, person_id=person_id)
        bi = _check_influence(plan, placed, deal)
        influence_id = people_repo.insert_influence(plan, bi)
    return _deal_change(opportunity_id), influence_id


def update_influence(plan: PlanDB, influence: BuyingInfluence) -> Change:
    """Write a buying influence's fields (person, role, degree, mode, rating, Win-Result...)."""
    stored = people_repo.get_influence(plan, influence.id)
    if stored is None:
        raise OperationError(translate("Operations", "That buying influence no longer exists."))
    if influence.opportunity_id != stored.opportunity_id:
        raise OperationError(
            translate("Operations", "A buying influence stays on its deal: add the person to the other deal.")
        )
    deal = existing_deal(plan, stored.opportunity_id)
    if influence.person_id != stored.person_id:
        _check_person_for(plan, influence.person_id, deal, influence.id)
    clean = _check_influence(plan, influence, deal, stored)
    people_repo.update_influence(plan, clean)
    return _deal_change(stored.opportunity_id)


def remove_influence(plan: PlanDB, influence_id: int) -> Change:
    """Take a buying influence off its deal; the person stays at the account."""
    stored = people_repo.get_influence(plan, influence_id)
    if stored is None:
        raise OperationError(translate("Operations", "That buying influence no longer exists."))
    people_repo.delete_influence(plan, influence_id)
    return _deal_change(stored.opportunity_id)


def get_influence(plan: PlanDB, influence_id: int) -> BuyingInfluence | None:
    """One buying influence, or None (for the UI, which never reads storage directly for edits)."""
    return people_repo.get_influence(plan, influence_id)


def _person_change(plan: PlanDB, person_id: int) -> Change:
    return Change(opportunities=frozenset(people_repo.opportunities_of_person(plan, person_id)))


def update_person(plan: PlanDB, person: Person) -> Change:
    """Rename a person or change their title: every deal they are on shows it.

    A person is shared by the deals of an account, so this is not part of one deal's snapshot:
    undo it with `snapshot_person` (before and after) and `revert_person`.
    """
    stored = people_repo.get_person(plan, person.id)
    if stored is None:
        raise OperationError(translate("Operations", "That person no longer exists."))
    if person.account_id != stored.account_id:
        raise OperationError(translate("Operations", "A person stays at their account."))
    people_repo.update_person(plan, _check_person_fields(person))
    return _person_change(plan, person.id)


def snapshot_person(plan: PlanDB, person_id: int) -> snapshots.TableRows:
    """A person's own row, for undoing an edit of it."""
    return snapshots.capture_row(plan, "person", person_id)


def revert_person(plan: PlanDB, rows: snapshots.TableRows) -> Change:
    """Write a person's row back exactly (undo/redo of a person edit)."""
    snapshots.overwrite_row(plan, rows)
    return _person_change(plan, rows.rows[0][0]) if rows.rows else Change()


def revert_with_person(
    plan: PlanDB,
    opportunity_id: int,
    deal: snapshots.Snapshot,
    person_id: int,
    person: snapshots.TableRows,
) -> Change:
    """Make a deal what `deal` holds and a person what `person` holds, in one transaction.

    For an influence added with a new person: undo passes the deal before and the person's
    empty capture (the person is deleted after the deal lets go of them); redo passes the
    deal after and the person's row (written back first, since the deal refers to it).
    """
    with plan.atomic():
        if person.rows:
            snapshots.upsert_rows(plan, person)
        snapshots.replace_opportunity(plan, opportunity_id, deal)
        if not person.rows:
            people_repo.delete_person(plan, person_id)
    present = any(part.table == "opportunity" and part.rows for part in deal.tables)
    if present:
        return _deal_change(opportunity_id)
    return Change(removed_opportunities=frozenset({opportunity_id}))


# ----------------------------------------------------------------------------------------------
# Competition


def _kind(value: object) -> CompetitionKind:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return CompetitionKind(value)
    except ValueError:
        raise OperationError(
            translate(
                "Operations",
                "“{value}” is not a kind of competition: choose another vendor, internal "
                "resources, budget spent elsewhere or doing nothing.",
            ).format(value=value)
        ) from None


def _check_competitor(competitor: Competitor) -> Competitor:
    kind = _kind(competitor.kind)
    name = checked_text(competitor.name, translate("Operations", "The name"), MAX_TITLE).strip()
    if kind is CompetitionKind.VENDOR and not name:
        raise OperationError(translate("Operations", "Name the other vendor."))
    return dataclasses.replace(
        competitor,
        name=name,
        kind=kind,
        notes=checked_text(competitor.notes, translate("Operations", "The notes")),
    )


def add_competitor(
    plan: PlanDB,
    opportunity_id: int,
    name: str,
    kind: CompetitionKind = CompetitionKind.VENDOR,
    notes: str = "",
) -> tuple[Change, int]:
    """Add competition to a deal (another vendor, internal resources, budget elsewhere, doing nothing)."""
    clean = _check_competitor(Competitor(0, opportunity_id, name, kind, notes))
    existing_deal(plan, opportunity_id)
    new_id = activity_repo.insert_competitor(plan, clean)
    return _deal_change(opportunity_id), new_id


def update_competitor(plan: PlanDB, competitor: Competitor) -> Change:
    """Write a competitor's name, kind and notes."""
    stored = activity_repo.get_competitor(plan, competitor.id)
    if stored is None:
        raise OperationError(translate("Operations", "That competitor no longer exists."))
    clean = _check_competitor(dataclasses.replace(competitor, opportunity_id=stored.opportunity_id))
    activity_repo.update_competitor(plan, clean)
    return _deal_change(stored.opportunity_id)


def remove_competitor(plan: PlanDB, competitor_id: int) -> Change:
    """Remove competition from a deal."""
    stored = activity_repo.get_competitor(plan, competitor_id)
    if stored is None:
        raise OperationError(translate("Operations", "That competitor no longer exists."))
    activity_repo.delete_competitor(plan, competitor_id)
    return _deal_change(stored.opportunity_id)


# ----------------------------------------------------------------------------------------------
# Actions, and their links to red flags and strengths


def flag_ref(flag: Flag) -> str:
    """How an action names the flag it removes or the strength it uses ("no-coach", "x:influence:12")."""
    return red_flags.flag_ref(flag)  # the rule `flag-without-action` reads the same links


def parse_flag_ref(text: str) -> tuple[str, RecordRef | None] | None:
    """(rule id, record or None for the deal itself), or None when `text` is not a flag link."""
    parts = text.split(":")
    if not parts[0] or parts[0] not in RULE_ORDER:
        return None
    if len(parts) == 1:
        return parts[0], None
    kind = _RECORD_KINDS.get(parts[1]) if len(parts) == 3 else None
    if kind is None or not parts[2].isascii() or not parts[2].isdigit():
        return None
    return parts[0], RecordRef(kind, int(parts[2]))


def find_flag(flags: Iterable[Flag], ref: str) -> Flag | None:
    """The current flag or strength an action's link names, or None (it is no longer raised)."""
    if not ref:
        return None
    return next((f for f in flags if flag_ref(f) == ref), None)


def _status(value: object) -> ActionStatus:
    try:
        if not isinstance(value, str):
            raise ValueError(value)
        return ActionStatus(value)
    except ValueError:
        raise OperationError(
            translate("Operations", "“{value}” is not a status: choose possible, planned or done.").format(
                value=value
            )
        ) from None


def _check_action(action: Action, today: dt.date, stored: Action | None) -> Action:
    status = _status(action.status)
    link = checked_text(action.flag_ref, translate("Operations", "The link"))
    if link and parse_flag_ref(link) is None:
        raise OperationError(
            translate("Operations", "“{link}” is not a red flag or strength the planner knows.").format(
                link=link
            )
        )
    done_on = _date(action.done_on, translate("Operations", "The completion date"))
    if status is ActionStatus.DONE:
        # Done actions keep their date: the one given, else the stored one, else today.
        done_on = done_on or (stored.done_on if stored is not None else None) or today
    else:
        done_on = None
    return dataclasses.replace(
        action,
        what=_required(action.what, translate("Operations", "What the action is")),
        who=checked_text(action.who, translate("Operations", "Who"), MAX_TITLE).strip(),
        due=_date(action.due, translate("Operations", "The due date")),
        status=status,
        done_on=done_on,
        flag_ref=link,
    )


def add_action(
    plan: PlanDB,
    opportunity_id: int,
    what: str,
    today: dt.date,
    *,
    who: str = "",
    due: dt.date | None = None,
    status: ActionStatus = ActionStatus.POSSIBLE,
    flag_ref: str = "",
) -> tuple[Change, int]:
    """Add a possible or planned action (or one already done), linked to a flag or strength."""
    clean = _check_action(Action(0, opportunity_id, what, who, due, status, None, flag_ref), today, None)
    existing_deal(plan, opportunity_id)
    new_id = activity_repo.insert_action(plan, clean)
    return _deal_change(opportunity_id), new_id


def update_action(plan: PlanDB, action: Action, today: dt.date) -> Change:
    """Write an action; marking it done dates it today (unless dated), reopening it clears the date."""
    stored = activity_repo.get_action(plan, action.id)
    if stored is None:
        raise OperationError(translate("Operations", "That action no longer exists."))
    if action.status is ActionStatus.DONE and stored.status is not ActionStatus.DONE:
        stored = dataclasses.replace(stored, done_on=None)  # newly done: today, not an old date
    clean = _check_action(dataclasses.replace(action, opportunity_id=stored.opportunity_id), today, stored)
    activity_repo.update_action(plan, clean)
    return _deal_change(stored.opportunity_id)


def set_next_step(plan: PlanDB, opportunity_id: int, text: str, today: dt.date) -> Change:
    """Make `text` the deal's next step: its earliest open action is renamed; without one, a
    planned action is added (undated: its date is set in the Blue Sheet). Clearing is refused:
    a next step is dropped by marking its action done or removing it."""
    what = _required(text, translate("Operations", "The next step"))
    existing_deal(plan, opportunity_id)
    with plan.atomic():
        current = next_action(activity_repo.list_actions(plan, opportunity_id))
        if current is None:
            add_action(plan, opportunity_id, what, today, status=ActionStatus.PLANNED)
        elif current.what != what:
            update_action(plan, dataclasses.replace(current, what=what), today)
    return _deal_change(opportunity_id)


def create_deal(
    plan: PlanDB, draft: OpportunityDraft, next_step: str | None, today: dt.date
) -> tuple[Change, int]:
    """The deal editor's OK for a new deal: the deal and, when one was typed, its next step."""
    with plan.atomic():
        change, new_id = create_opportunity(plan, draft, today)
        if next_step is not None:
            set_next_step(plan, new_id, next_step, today)
    return change, new_id


def save_deal(
    plan: PlanDB,
    opportunity_id: int,
    draft: OpportunityDraft,
    next_step: str | None,
    today: dt.date,
    move: MoveDetails | None = None,
) -> Change:
    """The deal editor's OK: the deal's fields, a stage change as a move with `move` (its
    commitment or reason: the gate of `move_opportunity`) and, when it was changed there, its
    next step (`set_next_step`), in one transaction."""
    with plan.atomic():
        change = update_opportunity(plan, opportunity_id, draft, today, move)
        if next_step is not None:
            set_next_step(plan, opportunity_id, next_step, today)
    return change


def remove_action(plan: PlanDB, action_id: int) -> Change:
    """Delete an action."""
    stored = activity_repo.get_action(plan, action_id)
    if stored is None:
        raise OperationError(translate("Operations", "That action no longer exists."))
    activity_repo.delete_action(plan, action_id)
    return _deal_change(stored.opportunity_id)


# ----------------------------------------------------------------------------------------------
# The seller's own red flags and strengths


def _check_manual(plan: PlanDB, flag: ManualFlag) -> ManualFlag:
    what = (
        translate("Operations", "The strength")
        if flag.is_strength
        else translate("Operations", "The red flag")
    )
    text = _required(flag.text, what, MAX_TITLE * 2)
    if flag.influence_id is not None:
        bi = people_repo.get_influence(plan, flag.influence_id)
        if bi is None or bi.opportunity_id != flag.opportunity_id:
            raise OperationError(translate("Operations", "That buying influence is not on this deal."))
    return dataclasses.replace(flag, text=text, is_strength=bool(flag.is_strength))


def add_manual_flag(
    plan: PlanDB, opportunity_id: int, text: str, *, is_strength: bool, influence_id: int | None = None
) -> tuple[Change, int]:
    """Write down a red flag or strength of the seller's own (about an influence, optionally)."""
    existing_deal(plan, opportunity_id)
    clean = _check_manual(plan, ManualFlag(0, opportunity_id, is_strength, text, influence_id))
    new_id = activity_repo.insert_manual_flag(plan, clean)
    return _deal_change(opportunity_id), new_id


def update_manual_flag(plan: PlanDB, flag: ManualFlag) -> Change:
    """Rewrite one of the seller's own red flags or strengths."""
    stored = activity_repo.get_manual_flag(plan, flag.id)
    if stored is None:
        raise OperationError(translate("Operations", "That red flag or strength no longer exists."))
    clean = _check_manual(plan, dataclasses.replace(flag, opportunity_id=stored.opportunity_id))
    activity_repo.update_manual_flag(plan, clean)
    return _deal_change(stored.opportunity_id)


def remove_manual_flag(plan: PlanDB, flag_id: int) -> Change:
    """Delete one of the seller's own red flags or strengths."""
    stored = activity_repo.get_manual_flag(plan, flag_id)
    if stored is None:
        raise OperationError(translate("Operations", "That red flag or strength no longer exists."))
    activity_repo.delete_manual_flag(plan, flag_id)
    return _deal_change(stored.opportunity_id)


# ----------------------------------------------------------------------------------------------
# Notes

_COACHING = QT_TRANSLATE_NOOP(
    "Operations", "Coaching notes are your manager's: they cannot be changed or removed here."
)


def add_note(plan: PlanDB, opportunity_id: int, body: str, *, private: bool = True) -> tuple[Change, int]:
    """Add a seller's note: private (never exported unless asked) or shareable."""
    clean = _required(body, translate("Operations", "The note"))
    existing_deal(plan, opportunity_id)
    new_id = activity_repo.insert_note(
        plan, Note(0, clean, opportunity_id=opportunity_id, private=bool(private), author="seller")
    )
    return _deal_change(opportunity_id), new_id


def update_note(plan: PlanDB, note: Note) -> Change:
    """Rewrite a seller's note or change whether it is private; coaching notes are refused."""
    stored = activity_repo.get_note(plan, note.id)
    if stored is None or stored.opportunity_id is None:
        raise OperationError(translate("Operations", "That note no longer exists."))
    if stored.author != "seller":
        raise OperationError(translate("Operations", _COACHING))
    clean = dataclasses.replace(
        stored, body=_required(note.body, translate("Operations", "The note")), private=bool(note.private)
    )
    activity_repo.update_note(plan, clean)
    return _deal_change(stored.opportunity_id)


def hide_note(plan: PlanDB, note_id: int) -> Change:
    """Hide a manager's coaching note from the deal's views and exports (undo shows it again).

    The seller can neither edit nor delete the manager's words, but need not keep reading them;
    the note stays in the plan, so importing the same review again does not bring it back.
    """
    stored = activity_repo.get_note(plan, note_id)
    if stored is None or stored.opportunity_id is None:
        raise OperationError(translate("Operations", "That note no longer exists."))
    if stored.author == "seller":
        raise OperationError(
            translate("Operations", "Only your manager's coaching notes are hidden; delete your own notes.")
        )
    activity_repo.set_note_hidden(plan, note_id, True)
    return _deal_change(stored.opportunity_id)


def remove_note(plan: PlanDB, note_id: int) -> Change:
    """Delete a seller's note; coaching notes are refused."""
    stored = activity_repo.get_note(plan, note_id)
    if stored is None or stored.opportunity_id is None:
        raise OperationError(translate("Operations", "That note no longer exists."))
    if stored.author != "seller":
        raise OperationError(translate("Operations", _COACHING))
    activity_repo.delete_note(plan, note_id)
    return _deal_change(stored.opportunity_id)
