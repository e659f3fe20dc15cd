"""Domain vocabulary of the planner: enums and frozen dataclasses named as in docs/method.md."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum
from typing import NamedTuple

from planner.i18n import QT_TRANSLATE_NOOP, translate


class FunnelLevel(StrEnum):
    """Where a stage sits in the Sales Funnel; closed levels take a deal off the board."""

    UNIVERSE = "universe"
    ABOVE = "above"
    IN = "in"
    BEST_FEW = "best_few"
    WON = "won"
    LOST = "lost"
    WALKED_AWAY = "walked_away"

    @property
    def label(self) -> str:
        """'Above the Funnel' in the window's language."""
        return translate("FunnelLevel", _LEVEL_LABELS[self])

    @property
    def english_label(self) -> str:
        """'Above the Funnel' whatever the window's language: for what is stored in the plan."""
        return _LEVEL_LABELS[self]

    @property
    def is_closed(self) -> bool:
        return self in (FunnelLevel.WON, FunnelLevel.LOST, FunnelLevel.WALKED_AWAY)


# Sources of the "FunnelLevel" context: translated where shown, by FunnelLevel.label.
_LEVEL_LABELS = {
    FunnelLevel.UNIVERSE: QT_TRANSLATE_NOOP("FunnelLevel", "Universe"),
    FunnelLevel.ABOVE: QT_TRANSLATE_NOOP("FunnelLevel", "Above the Funnel"),
    FunnelLevel.IN: QT_TRANSLATE_NOOP("FunnelLevel", "In the Funnel"),
    FunnelLevel.BEST_FEW: QT_TRANSLATE_NOOP("FunnelLevel", "Best Few"),
    FunnelLevel.WON: QT_TRANSLATE_NOOP("FunnelLevel", "Won"),
    FunnelLevel.LOST: QT_TRANSLATE_NOOP("FunnelLevel", "Lost"),
    FunnelLevel.WALKED_AWAY: QT_TRANSLATE_NOOP("FunnelLevel", "Walked away"),
}


class ForecastCategory(StrEnum):
    """Forecast categories in Salesforce's and HubSpot's vocabulary."""

    PIPELINE = "pipeline"
    BEST_CASE = "best_case"
    COMMIT = "commit"
    CLOSED = "closed"
    OMITTED = "omitted"

    @property
    def label(self) -> str:
        """'Best Case' in the window's language."""
        return translate("ForecastCategory", _CATEGORY_LABELS[self])


# Sources of the "ForecastCategory" context: translated where shown, by ForecastCategory.label.
_CATEGORY_LABELS = {
    ForecastCategory.PIPELINE: QT_TRANSLATE_NOOP("ForecastCategory", "Pipeline"),
    ForecastCategory.BEST_CASE: QT_TRANSLATE_NOOP("ForecastCategory", "Best Case"),
    ForecastCategory.COMMIT: QT_TRANSLATE_NOOP("ForecastCategory", "Commit"),
    ForecastCategory.CLOSED: QT_TRANSLATE_NOOP("ForecastCategory", "Closed"),
    ForecastCategory.OMITTED: QT_TRANSLATE_NOOP("ForecastCategory", "Omitted"),
}


class Role(StrEnum):
    """Buying-influence role; UNKNOWN is valid and raises the `unknown` red flag."""

    ECONOMIC = "economic"
    USER = "user"
    TECHNICAL = "technical"
    COACH = "coach"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """'Economic' in the window's language (English in the review pack)."""
        return translate("Role", _ROLE_LABELS[self])


# Sources of the "Role" context: translated where shown, by Role.label.
_ROLE_LABELS = {
    Role.ECONOMIC: QT_TRANSLATE_NOOP("Role", "Economic"),
    Role.USER: QT_TRANSLATE_NOOP("Role", "User"),
    Role.TECHNICAL: QT_TRANSLATE_NOOP("Role", "Technical"),
    Role.COACH: QT_TRANSLATE_NOOP("Role", "Coach"),
    Role.UNKNOWN: QT_TRANSLATE_NOOP("Role", "Unknown"),
}


class Degree(StrEnum):
    """Degree of influence."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """'High' in the window's language (English in the review pack)."""
        return translate("Degree", _DEGREE_LABELS[self])


# Sources of the "Degree" context: translated where shown, by Degree.label.
_DEGREE_LABELS = {
    Degree.HIGH: QT_TRANSLATE_NOOP("Degree", "High"),
    Degree.MEDIUM: QT_TRANSLATE_NOOP("Degree", "Medium"),
    Degree.LOW: QT_TRANSLATE_NOOP("Degree", "Low"),
    Degree.UNKNOWN: QT_TRANSLATE_NOOP("Degree", "Unknown"),
}


class Mode(StrEnum):
    """Response mode: Growth and Trouble are receptive, Even Keel and Overconfident are not."""

    GROWTH = "growth"
    TROUBLE = "trouble"
    EVEN_KEEL = "even_keel"
    OVERCONFIDENT = "overconfident"
    UNKNOWN = "unknown"

    @property
    def label(self) -> str:
        """'Even Keel' in the window's language (English in the review pack)."""
        return translate("Mode", _MODE_LABELS[self])


# Sources of the "Mode" context: translated where shown, by Mode.label.
_MODE_LABELS = {
    Mode.GROWTH: QT_TRANSLATE_NOOP("Mode", "Growth"),
    Mode.TROUBLE: QT_TRANSLATE_NOOP("Mode", "Trouble"),
    Mode.EVEN_KEEL: QT_TRANSLATE_NOOP("Mode", "Even Keel"),
    Mode.OVERCONFIDENT: QT_TRANSLATE_NOOP("Mode", "Overconfident"),
    Mode.UNKNOWN: QT_TRANSLATE_NOOP("Mode", "Unknown"),
}


class ConceptKind(StrEnum):
    """What a buying influence wants to do about their issue."""

    ACCOMPLISH = "accomplish"
    FIX = "fix"
    AVOID = "avoid"

    @property
    def label(self) -> str:
        """'Fix' in the window's language (English in the review pack)."""
        return translate("ConceptKind", _CONCEPT_KIND_LABELS[self])


# Sources of the "ConceptKind" context: translated where shown, by ConceptKind.label.
_CONCEPT_KIND_LABELS = {
    ConceptKind.ACCOMPLISH: QT_TRANSLATE_NOOP("ConceptKind", "Accomplish"),
    ConceptKind.FIX: QT_TRANSLATE_NOOP("ConceptKind", "Fix"),
    ConceptKind.AVOID: QT_TRANSLATE_NOOP("ConceptKind", "Avoid"),
}


class ActionStatus(StrEnum):
    """A possible action becomes planned (best action plan), then done."""

    POSSIBLE = "possible"
    PLANNED = "planned"
    DONE = "done"

    @property
    def label(self) -> str:
        """'Planned' in the window's language (English in the review pack)."""
        return translate("ActionStatus", _ACTION_STATUS_LABELS[self])


# Sources of the "ActionStatus" context: translated where shown, by ActionStatus.label.
_ACTION_STATUS_LABELS = {
    ActionStatus.POSSIBLE: QT_TRANSLATE_NOOP("ActionStatus", "Possible"),
    ActionStatus.PLANNED: QT_TRANSLATE_NOOP("ActionStatus", "Planned"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("ActionStatus", "Done"),
}


class CompetitionKind(StrEnum):
    """The kinds of competition docs/method.md names."""

    VENDOR = "vendor"
    INTERNAL = "internal"
    BUDGET_ELSEWHERE = "budget_elsewhere"
    DO_NOTHING = "do_nothing"

    @property
    def label(self) -> str:
        """'Other vendor' in the window's language (English in the review pack)."""
        return translate("CompetitionKind", _COMPETITION_KIND_LABELS[self])


# Sources of the "CompetitionKind" context: translated where shown, by CompetitionKind.label.
_COMPETITION_KIND_LABELS = {
    CompetitionKind.VENDOR: QT_TRANSLATE_NOOP("CompetitionKind", "Other vendor"),
    CompetitionKind.INTERNAL: QT_TRANSLATE_NOOP("CompetitionKind", "Internal resources"),
    CompetitionKind.BUDGET_ELSEWHERE: QT_TRANSLATE_NOOP("CompetitionKind", "Budget spent elsewhere"),
    CompetitionKind.DO_NOTHING: QT_TRANSLATE_NOOP("CompetitionKind", "Doing nothing"),
}


MIN_RATING = -5
MAX_RATING = 5
# Amounts above this are typing mistakes, not deals; keeps float sums exact to the cent.
MAX_AMOUNT = 1_000_000_000_000.0


@dataclass(frozen=True, slots=True)
class Account:
    """A customer organisation; accounts may have a parent (subsidiaries)."""

    id: int
    name: str
    parent_id: int | None = None
    industry: str = ""
    notes: str = ""
    external_id: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class Stage:
    """A step in the customer's buying process, with the commitments that end it."""

    id: int
    name: str
    level: FunnelLevel
    position: int
    probability: int  # percent, 0..100
    stale_after_days: int | None
    exit_commitments: tuple[str, ...] = ()
    retired: bool = False
    # The pipeline an open stage belongs to; None for the closed stages every pipeline shares.
    pipeline_id: int | None = None

    @property
    def is_closed(self) -> bool:
        return self.level.is_closed


@dataclass(frozen=True, slots=True)
class Pipeline:
    """A sequence of open stages (new business, renewals...): the board shows one or all."""

    id: int
    name: str
    position: int


@dataclass(frozen=True, slots=True)
class Opportunity:
    """One Single Sales Objective: the piece of business a Blue Sheet is about."""

    id: int
    title: str
    account_id: int | None
    stage_id: int
    product: str = ""
    quantity: float | None = None
    amount: float | None = None
    currency: str = "EUR"
    close_date: dt.date | None = None
    probability_override: int | None = None
    forecast_category: ForecastCategory | None = None
    position: int | None = None  # current position, Panic (-5) .. Euphoric (+5)
    next_step: str = ""  # the CRM's NextStep as imported; the deal's next step is planner.next_step's
    stage_entered: dt.date | None = None
    closed_on: dt.date | None = None
    close_reason: str = ""
    last_open_stage_id: int | None = None
    snooze_until: dt.date | None = None
    snooze_reason: str = ""
    created: str = ""
    updated: str = ""
    external_id: str | None = None
    source: str | None = None
    # Why it closed, from the plan's list (planner.close_reasons); `close_reason` is the note.
    close_reason_code: str = ""
    close_competitor: str = ""


@dataclass(frozen=True, slots=True)
class OpportunityDraft:
    """The fields a seller edits; validated by `planner.validation` before any write."""

    title: str
    account_id: int | None
    stage_id: int
    product: str = ""
    quantity: float | None = None
    amount: float | None = None
    currency: str = "EUR"
    close_date: dt.date | None = None
    probability_override: int | None = None
    forecast_category: ForecastCategory | None = None
    next_step: str = ""  # the CRM's NextStep (imports write it; the deal editor passes it through)


@dataclass(frozen=True, slots=True)
class AccountDraft:
    """The fields of an account a seller edits."""

    name: str
    parent_id: int | None = None
    industry: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class StageMove:
    """One row of stage history: the customer commitment that caused a move, or the reason."""

    id: int
    opportunity_id: int
    from_stage_id: int | None
    to_stage_id: int
    moved_at: str
    commitment_date: dt.date | None
    commitment: str = ""
    reason: str = ""


@dataclass(frozen=True, slots=True)
class CloseDateChange:
    """One change of an opportunity's close date (a slip when the new date is later)."""

    id: int
    opportunity_id: int
    old_date: dt.date | None
    new_date: dt.date | None
    changed_at: str

    @property
    def is_slip(self) -> bool:
        return self.old_date is not None and self.new_date is not None and self.new_date > self.old_date


@dataclass(frozen=True, slots=True)
class AmountChange:
    """One change of a deal's amount or currency; source '' is the seller, else a CRM import."""

    id: int
    opportunity_id: int
    old_amount: float | None
    new_amount: float | None
    old_currency: str
    new_currency: str
    changed_at: str
    source: str


@dataclass(frozen=True, slots=True)
class ImportChange:
    """What one import of a CRM source wrote on a deal: the columns it set, or ('created',)."""

    id: int
    opportunity_id: int
    source: str
    changed_at: str
    fields: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Person:
    """Someone at an account; can be a buying influence on several of its deals."""

    id: int
    account_id: int
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    notes: str = ""


@dataclass(frozen=True, slots=True)
class BuyingInfluence:
    """One row of the Blue Sheet's buying-influences table."""

    id: int
    opportunity_id: int
    person_id: int
    role: Role = Role.UNKNOWN
    degree: Degree = Degree.UNKNOWN
    mode: Mode = Mode.UNKNOWN
    rating: int | None = None  # None is "unknown"
    win: str = ""
    result: str = ""
    concept: str = ""
    concept_kind: ConceptKind | None = None
    covered_by: str = ""
    last_contact: dt.date | None = None
    new_in_job: bool = False
    reports_to_id: int | None = None
    evidence: str = ""


@dataclass(frozen=True, slots=True)
class Competitor:
    """Competition on a deal, including internal resources and doing nothing."""

    id: int
    opportunity_id: int
    name: str
    kind: CompetitionKind = CompetitionKind.VENDOR
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Action:
    """A possible action or a step of the best action plan, linked to a flag it removes."""

    id: int
    opportunity_id: int
    what: str
    who: str = ""
    due: dt.date | None = None
    status: ActionStatus = ActionStatus.POSSIBLE
    done_on: dt.date | None = None
    flag_ref: str = ""


@dataclass(frozen=True, slots=True)
class ManualFlag:
    """A red flag or strength the seller wrote down themself."""

    id: int
    opportunity_id: int
    is_strength: bool
    text: str
    influence_id: int | None = None


@dataclass(frozen=True, slots=True)
class Note:
    """A note on a deal or an account; private notes stay out of exports unless asked."""

    id: int
    body: str
    opportunity_id: int | None = None
    account_id: int | None = None
    private: bool = True
    author: str = "seller"  # "seller" or "manager" (coaching notes)
    created: str = ""


class Card(NamedTuple):
    """One open deal as the board holds it: only what sorting, filtering and totals need.

    A NamedTuple, not a dataclass: the board builds one per open deal at start-up, and
    100,000 of these are made in C (26 ms) where frozen dataclasses cost 190 ms. Dates stay
    ISO text here (they sort correctly as text); `CardFace` has them as dates for painting.
    """

    id: int
    stage_id: int
    title: str
    account_id: int | None
    amount: float | None
    currency: str
    close_date: str | None  # ISO date
    stage_entered: str | None  # ISO date
    probability_override: int | None
    order_key: str  # the close date, '9999-12-31' when there is none: the column order


class CardDetails(NamedTuple):
    """The rest of what a card shows: loaded for the cards on screen, or for all at once."""

    crm_next_step: str  # the CRM's NextStep field; the card's next step is `planner.next_step`'s
    created: dt.date | None
    snooze_until: dt.date | None
    slips: int
    last_commitment: dt.date | None  # the day of the latest commitment of any kind
    recorded: tuple[tuple[int, str], ...]  # the checklist commitments on record: (stage id, what)
    last_what: str = ""  # what the customer committed to that day (the latest record's words)


class StatusColumns(NamedTuple):
    """The dated evidence of every deal, as ISO text by deal id: the bulk input of the rules."""

    created: dict[int, str]
    snooze_until: dict[int, str]
    slips: dict[int, int]
    last_commitment: dict[int, str]
    recorded: dict[int, tuple[tuple[int, str], ...]]  # checklist commitments: (stage id, what)


@dataclass(frozen=True, slots=True)
class ClosedDeal:
    """A won, lost or walked-away deal as the archive lists it."""

    id: int
    title: str
    account: str
    stage: str
    level: FunnelLevel
    closed_on: dt.date | None
    amount: float | None
    currency: str
    reason: str  # the seller's note
    reason_code: str = ""  # planner.close_reasons: a code of the plan's list, "other" or ""
    competitor: str = ""


@dataclass(frozen=True, slots=True)
class Commitment:
    """Something verifiable the customer did on a day: the evidence that moves a deal.

    `stage_id` names the stage whose checklist item `what` is (None: in the customer's own
    words); `call_plan_id` the call whose debrief recorded it.
    """

    id: int
    opportunity_id: int
    what: str
    committed_on: dt.date
    stage_id: int | None = None
    who: str = ""
    evidence: str = ""
    call_plan_id: int | None = None


@dataclass(frozen=True, slots=True)
class CallPlan:
    """A Green Sheet: the plan of one customer meeting, and its debrief once held."""

    id: int
    opportunity_id: int
    meeting_at: dt.datetime
    title: str = ""
    attendees: tuple[int, ...] = ()  # buying-influence ids
    business_reason: str = ""  # the valid business reason for the meeting
    giving: str = ""  # what we give: unique strengths, information
    confirmation_questions: tuple[str, ...] = ()
    new_information_questions: tuple[str, ...] = ()
    attitude_questions: tuple[str, ...] = ()
    best_action: str = ""  # the Best Action Commitment asked of the customer
    minimum_action: str = ""  # the Minimum Acceptable Action
    commit_by: dt.date | None = None
    debriefed_on: dt.date | None = None
    debrief_commitment: str = ""  # what the customer actually committed to
    debrief_notes: str = ""

    @property
    def debriefed(self) -> bool:
        return self.debriefed_on is not None
