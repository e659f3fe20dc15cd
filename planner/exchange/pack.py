"""The review pack: one immutable snapshot of a plan's deals that every export format renders."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from planner import calendar, close_reasons, funnel, i18n, money
from planner import coaching as coaching_rules
from planner.calendar import Quarter
from planner.exchange import bundle_calls
from planner.exchange.manager_page import ManagerPage, build_manager_page
from planner.forecast import Forecast, load_forecast
from planner.forecast_calls import ForecastCall, Outcome
from planner.model import (
    Account,
    ActionStatus,
    CallPlan,
    CompetitionKind,
    ConceptKind,
    Degree,
    ForecastCategory,
    FunnelLevel,
    Mode,
    Note,
    Role,
    Stage,
)
from planner.next_step import NextStep, export_text, next_step
from planner.sheet import load_sheets
from planner.stages import ordered, probability
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import pack_queries
from planner.storage import pipelines as pipeline_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB
from planner.timeline import TimelineEntry, timeline

# Where the issue is silent, decided here (and tested):
# - Every scope but "selected deals" takes open deals only: a review is about the pipeline. The
#   selected deals are taken as the seller picked them, closed ones included.
# - Scopes combine: accounts (each with its subsidiaries) and a quarter narrow each other.
# - Deals are ordered as the board reads: by stage, then close date (undated last), then id.
# - Coaching notes (author 'manager') always travel with the pack: they are the review itself.
#   The seller's notes travel when shared; private ones only when asked, and the pack says which.
# - Human formats (PDF, HTML, Markdown) write dates as "15 Dec 2026"; CSV, XLSX and JSON as ISO.
# - A pack of the whole funnel (no account, selection or pipeline) carries the plan's forecast of
#   the current quarter (target, won, commit, best case...), which the team roll-up reads; a
#   narrower pack leaves it out, so it never tells more than the deals it was made for.

PaperSize = Literal["a4", "letter"]
PAPER_SIZES: tuple[PaperSize, ...] = ("a4", "letter")


class PackError(ValueError):
    """A pack that cannot be built or written; the message is written for the seller."""


@dataclass(frozen=True, slots=True)
class PackScope:
    """Which deals a pack holds; an empty scope is every open deal.

    `account_ids` each bring their subsidiaries; `deal_ids` are the seller's selection (taken
    as given, open or closed); `quarter` ("2026Q4") keeps the deals closing in it, a quarter
    of the plan's fiscal year (planner.calendar), as the forecast counts it.
    """

    account_ids: tuple[int, ...] = ()
    deal_ids: tuple[int, ...] | None = None
    quarter: str | None = None
    pipeline_id: int | None = None  # one pipeline's deals (None: every pipeline)

    @classmethod
    def all_open(cls) -> PackScope:
        """Every open deal."""
        return cls()

    @classmethod
    def account(cls, account_id: int) -> PackScope:
        """The open deals of one account and its subsidiaries."""
        return cls(account_ids=(account_id,))

    @classmethod
    def selected(cls, deal_ids: Iterable[int]) -> PackScope:
        """The given deals."""
        return cls(deal_ids=tuple(deal_ids))

    @classmethod
    def closing_in(cls, quarter: str) -> PackScope:
        """The open deals closing in a quarter such as "2026Q4"."""
        parse_quarter(quarter)
        return cls(quarter=quarter)


@dataclass(frozen=True, slots=True)
class PackOptions:
    """What goes into a pack beyond its deals, and how it is laid out on paper."""

    include_private_notes: bool = False
    paper: PaperSize | None = None  # None: from the locale (the PDF renderer decides)
    # The manager's page opens the pack; its "since the last review" lists the changes since
    # this day (None: since the last pack exported from the window).
    manager_page: bool = True
    since: dt.date | None = None


def quarter_in_plan(text: str, start_month: int = 1) -> Quarter:
    """The quarter written "2026Q4" (also "2026-Q4" or "Q4 2026") of a year starting in `start_month`
    (planner.calendar: fiscal years are named by the year they end in)."""
    try:
        return calendar.parse_quarter(text, start_month)
    except ValueError:
        raise PackError(f"“{text}” is not a quarter; write it like 2026Q4.") from None


def parse_quarter(text: str, start_month: int = 1) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter written "2026Q4" (also "2026-Q4" or "Q4 2026")."""
    quarter = quarter_in_plan(text, start_month)
    return quarter.start, quarter.end


def quarter_label(text: str, start_month: int = 1) -> str:
    """'2026 Q4' from any accepted spelling; of a fiscal year, with its months: '2026 Q4 (Jan-Mar 2026)'."""
    return quarter_in_plan(text, start_month).title


# ----------------------------------------------------------------------------------------------
# The pack


@dataclass(frozen=True, slots=True)
class FlagInfo:
    """A red flag or strength as the pack shows it: rule id, the reason, and what it points to."""

    rule: str
    reason: str
    is_strength: bool
    ref_kind: str
    ref_id: int


def concept_words(concept: str, kind: ConceptKind | None) -> str:
    """A buying influence's Concept as every pack writes it: "Accomplish: cut costs by 8 %"."""
    if concept and kind is not None:
        return f"{kind.value.capitalize()}: {concept}"
    return concept


@dataclass(frozen=True, slots=True)
class InfluenceInfo:
    """One row of a Blue Sheet's buying-influences table, with the person's name."""

    id: int
    person_id: int
    name: str
    title: str
    role: Role
    degree: Degree
    mode: Mode
    rating: int | None
    win: str
    result: str
    concept: str
    concept_kind: ConceptKind | None
    covered_by: str
    last_contact: dt.date | None
    new_in_job: bool
    reports_to_id: int | None  # a person id
    reports_to: str  # that person's name, '' when none
    evidence: str


@dataclass(frozen=True, slots=True)
class CompetitorInfo:
    """Competition on a deal."""

    name: str
    kind: CompetitionKind
    notes: str


@dataclass(frozen=True, slots=True)
class ActionInfo:
    """A possible action or a step of the best action plan."""

    what: str
    who: str
    due: dt.date | None
    status: ActionStatus
    done_on: dt.date | None
    flag_ref: str


@dataclass(frozen=True, slots=True)
class MoveInfo:
    """One row of stage history, with stage names."""

    moved_at: str
    from_stage: str
    to_stage: str
    commitment_date: dt.date | None
    commitment: str
    reason: str


@dataclass(frozen=True, slots=True)
class CommitmentInfo:
    """What the customer committed to on a day: the deal's evidence."""

    committed_on: dt.date
    what: str
    stage: str  # the stage whose checklist item it is; '' for the customer's own words
    who: str  # who on the customer's side, when known
    evidence: str  # the seller's note on how it shows


@dataclass(frozen=True, slots=True)
class CloseDateInfo:
    """One close-date change."""

    changed_at: str
    old_date: dt.date | None
    new_date: dt.date | None
    is_slip: bool


@dataclass(frozen=True, slots=True)
class NoteInfo:
    """A note as the pack shows it."""

    id: int
    body: str
    private: bool
    author: str
    created: str


@dataclass(frozen=True, slots=True)
class CoachingItemInfo:
    """A manager's coaching item on the deal (planner.coaching), and whether the seller answered it."""

    kind: str  # "question" or "action"
    text: str
    due: dt.date | None
    reviewer: str
    answered_on: dt.date | None
    answer: str

    def status(self) -> str:
        """'answered 2026-12-01: the answer', 'open, due 2026-12-10' or 'open' (the pack is in English)."""
        if self.answered_on is not None:
            return f"answered {self.answered_on.isoformat()}" + (f": {self.answer}" if self.answer else "")
        return f"open, due {self.due.isoformat()}" if self.due else "open"


@dataclass(frozen=True, slots=True)
class AttendeeInfo:
    """An attendee of a call: a buying influence of the deal, with their Concept."""

    influence_id: int
    name: str
    title: str
    role: Role
    concept: str
    concept_kind: ConceptKind | None


@dataclass(frozen=True, slots=True)
class CallPlanInfo:
    """A Green Sheet as the pack shows it: the plan of one meeting and, once held, its debrief."""

    id: int
    meeting_at: dt.datetime
    title: str
    attendees: tuple[AttendeeInfo, ...]
    business_reason: str
    giving: str
    confirmation_questions: tuple[str, ...]
    new_information_questions: tuple[str, ...]
    attitude_questions: tuple[str, ...]
    best_action: str
    minimum_action: str
    commit_by: dt.date | None
    debriefed_on: dt.date | None
    debrief_commitment: str
    debrief_notes: str


@dataclass(frozen=True, slots=True)
class DealPack:
    """Everything the pack shows of one deal: its Blue Sheet, funnel status and histories."""

    id: int
    external_id: str | None
    title: str
    account_id: int | None
    account: str
    product: str
    quantity: float | None
    amount: float | None
    currency: str
    close_date: dt.date | None
    stage: str
    stage_position: int
    level: FunnelLevel
    probability: int
    probability_overridden: bool
    weighted: float | None
    forecast_category: ForecastCategory | None
    position: int | None
    next_step: NextStep | None  # worded by planner.next_step.export_text
    created: dt.date | None
    stage_entered: dt.date | None
    closed_on: dt.date | None
    close_reason: str
    slips: int
    stale_days: int | None
    stale_limit: int | None
    overdue: bool
    premature: bool
    snooze_until: dt.date | None
    snooze_reason: str
    red_flags: tuple[FlagInfo, ...]
    strengths: tuple[FlagInfo, ...]
    influences: tuple[InfluenceInfo, ...]
    competitors: tuple[CompetitorInfo, ...]
    actions: tuple[ActionInfo, ...]
    stage_history: tuple[MoveInfo, ...]
    close_date_history: tuple[CloseDateInfo, ...]
    notes: tuple[NoteInfo, ...]  # the seller's notes the pack may show
    coaching_notes: tuple[NoteInfo, ...]  # the manager's
    commitments: tuple[CommitmentInfo, ...] = ()  # the customer's commitments, the latest first
    missing_commitments: tuple[str, ...] = ()  # premature: the entry commitments never recorded
    call_plans: tuple[CallPlanInfo, ...] = ()  # by meeting time
    warnings: tuple[str, ...] = ()  # planner.funnel.status_words: closed deals keep their slips
    timeline: tuple[TimelineEntry, ...] = ()  # planner.timeline: everything that happened, oldest first
    coaching_items: tuple[CoachingItemInfo, ...] = ()  # the manager's, answered or open
    # Why a closed deal closed (planner.close_reasons): the code from the plan's list, who won;
    # `close_reason` is the seller's note.
    close_reason_code: str = ""
    close_competitor: str = ""

    @property
    def is_open(self) -> bool:
        return not self.level.is_closed

    @property
    def stale(self) -> bool:
        return self.stale_days is not None

    @property
    def last_commitment(self) -> dt.date | None:
        """The day of the customer's latest recorded commitment (the deal table's evidence column)."""
        return self.commitments[0].committed_on if self.commitments else None

    @property
    def next_step_text(self) -> str:
        """The next step as every format of the pack writes it ('CRM: …' when only the CRM gave one)."""
        return export_text(self.next_step)

    @property
    def close_text(self) -> str:
        """Why the deal closed, as every format writes it: 'Competitor won (Contoso): note'."""
        return close_reasons.describe(
            self.close_reason_code, self.close_competitor, self.close_reason, english=True
        )

    @property
    def best_action_plan(self) -> tuple[ActionInfo, ...]:
        """Planned and done actions (possible ones are not yet the plan)."""
        return tuple(a for a in self.actions if a.status is not ActionStatus.POSSIBLE)

    @property
    def possible_actions(self) -> tuple[ActionInfo, ...]:
        return tuple(a for a in self.actions if a.status is ActionStatus.POSSIBLE)


@dataclass(frozen=True, slots=True)
class TotalsRow:
    """Count, amount and weighted amount in the base currency of one group of deals."""

    label: str
    count: int
    amount: float
    weighted: float
    unconverted: tuple[tuple[str, float, float], ...] = ()  # currency, amount, weighted


@dataclass(frozen=True, slots=True)
class StageInfo:
    """A stage definition, so a bundle opened for review has the seller's board."""

    name: str
    level: FunnelLevel
    position: int
    probability: int
    stale_after_days: int | None
    exit_commitments: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AccountInfo:
    """An account of the pack's deals (or a parent of one)."""

    id: int
    name: str
    parent_id: int | None
    industry: str
    external_id: str | None


@dataclass(frozen=True, slots=True)
class Pack:
    """Everything every format of the review pack needs, computed once."""

    plan_id: str
    plan_name: str
    seller: str
    exported_at: dt.datetime
    today: dt.date
    scope: PackScope
    scope_text: str
    include_private_notes: bool
    private_notes_left_out: int
    paper: PaperSize | None
    base_currency: str
    rates: tuple[tuple[str, float], ...]
    totals: TotalsRow
    by_stage: tuple[TotalsRow, ...]
    by_level: tuple[TotalsRow, ...]
    stages: tuple[StageInfo, ...]
    accounts: tuple[AccountInfo, ...]
    deals: tuple[DealPack, ...]
    coaching_notes: tuple[NoteInfo, ...] = field(default=())  # on the whole plan
    # Deal id -> its review token (the bundle carries them; empty for a plan without a key).
    review_tokens: Mapping[int, str] = field(default_factory=dict)
    # The whole plan's current quarter, for a pack of the whole funnel (None for a narrower one).
    forecast: Forecast | None = None
    manager: ManagerPage | None = None  # planner.exchange.manager_page: the pack's first page
    # The forecast calls of the previous, current and next quarter, and those quarters' outcomes
    # (planner.exchange.bundle_calls): the bundle carries them.
    forecast_calls: tuple[ForecastCall, ...] = ()
    forecast_outcomes: tuple[Outcome, ...] = ()

    @property
    def title(self) -> str:
        return f"Review pack: {self.plan_name}"

    @property
    def red_flag_count(self) -> int:
        return sum(len(d.red_flags) for d in self.deals)


# ----------------------------------------------------------------------------------------------
# Building it

Progress = Callable[[str], None]


def resolve_scope(plan: PlanDB, scope: PackScope) -> list[int]:
    """The ids of the deals a scope holds (unknown ids and accounts are left out)."""
    found = _resolve_scope(plan, scope)
    if scope.pipeline_id is None:
        return found
    theirs = pipeline_repo.deals_of_pipeline(plan, scope.pipeline_id)
    return [i for i in found if i in theirs]


def _resolve_scope(plan: PlanDB, scope: PackScope) -> list[int]:
    account_ids: list[int] | None = None
    if scope.account_ids:
        account_ids = []
        for account_id in scope.account_ids:
            account_ids += account_repo.descendants(plan, account_id)
    close_from = close_to = None
    if scope.quarter:
        close_from, close_to = parse_quarter(scope.quarter, calendar.plan_start_month(plan))
    if scope.deal_ids is not None:
        chosen = pack_queries.existing_deal_ids(plan, scope.deal_ids)
        if account_ids is None and close_from is None:
            return chosen
        narrowed = set(
            pack_queries.scope_deal_ids(
                plan, account_ids=account_ids, close_from=close_from, close_to=close_to, open_only=False
            )
        )
        return [i for i in chosen if i in narrowed]
    return pack_queries.scope_deal_ids(
        plan, account_ids=account_ids, close_from=close_from, close_to=close_to, open_only=True
    )


def describe_scope(plan: PlanDB, scope: PackScope) -> str:
    """The scope in words: 'All open deals', 'Northwind Group and its subsidiaries, closing in 2026 Q4'."""
    parts: list[str] = []
    if scope.deal_ids is not None:
        count = len(scope.deal_ids)
        parts.append(f"{count} selected deal{'s' if count != 1 else ''}")
    if scope.account_ids:
        names = []
        for account_id in scope.account_ids:
            account = account_repo.get_account(plan, account_id)
            name = account.name if account else f"Account #{account_id}"
            subsidiaries = len(account_repo.descendants(plan, account_id)) - 1
            names.append(f"{name} and its subsidiaries" if subsidiaries > 0 else name)
        parts.append(("Open deals of " if scope.deal_ids is None else "of ") + "; ".join(names))
    if scope.quarter:
        label = quarter_label(scope.quarter, calendar.plan_start_month(plan))
        parts.append(("Open deals closing in " if not parts else "closing in ") + label)
    text = ", ".join(parts) if parts else "All open deals"
    if scope.pipeline_id is not None:
        name = next((p.name for p in pipeline_repo.list_pipelines(plan) if p.id == scope.pipeline_id), "")
        text += f", {name} pipeline"
    return text


def build_pack(
    plan: PlanDB,
    scope: PackScope,
    options: PackOptions,
    today: dt.date,
    *,
    now: dt.datetime | None = None,
) -> Pack:
    """Read the deals of `scope` with their Blue Sheets, flags, histories and notes: one Pack.

    In English whatever the window's language (the review pack is read in English): the flags'
    reasons and every other sentence the domain words are made with the lookup held off.
    """
    with i18n.english():
        return _build_pack(plan, scope, options, today, now=now)


def _build_pack(
    plan: PlanDB,
    scope: PackScope,
    options: PackOptions,
    today: dt.date,
    *,
    now: dt.datetime | None,
) -> Pack:
    ids = resolve_scope(plan, scope)
    sheets = load_sheets(plan, ids, today)
    all_stages = stage_repo.list_stages(plan)
    stage_names = {s.id: s.name for s in all_stages}
    accounts = {a.id: a for a in account_repo.list_accounts(plan)}
    base = settings_repo.get_setting(plan, "base_currency", "EUR") or "EUR"
    rates: dict[str, float] = settings_repo.get_setting(plan, "rates", {}) or {}
    include_private = options.include_private_notes
    left_out = 0
    amounts = opportunity_repo.amount_histories(plan, list(ids))
    imports = opportunity_repo.import_changes_of(plan, list(ids))
    items: dict[int, list[CoachingItemInfo]] = {}
    for item in coaching_rules.items(plan, list(ids)):
        items.setdefault(item.opportunity_id or 0, []).append(
            CoachingItemInfo(
                item.kind.value, item.text, item.due, item.reviewer, item.answered_on, item.answer
            )
        )
    deals: list[DealPack] = []
    for deal_id in ids:
        sheet = sheets.get(deal_id)
        if sheet is None:
            continue
        o, stage, status = sheet.opportunity, sheet.stage, sheet.status
        people = sheet.people
        influences = tuple(
            InfluenceInfo(
                id=bi.id,
                person_id=bi.person_id,
                name=people[bi.person_id].name if bi.person_id in people else f"Person #{bi.person_id}",
                title=people[bi.person_id].title if bi.person_id in people else "",
                role=bi.role,
                degree=bi.degree,
                mode=bi.mode,
                rating=bi.rating,
                win=bi.win,
                result=bi.result,
                concept=bi.concept,
                concept_kind=bi.concept_kind,
                covered_by=bi.covered_by,
                last_contact=bi.last_contact,
                new_in_job=bi.new_in_job,
                reports_to_id=bi.reports_to_id,
                reports_to=people[bi.reports_to_id].name
                if bi.reports_to_id is not None and bi.reports_to_id in people
                else "",
                evidence=bi.evidence,
            )
            for bi in sheet.influences
        )
        results = [FlagInfo(f.rule, f.reason, f.is_strength, f.ref.kind, f.ref.id) for f in sheet.flags]
        notes: list[NoteInfo] = []
        coaching: list[NoteInfo] = []
        for note in sheet.notes:
            if note.author == "manager":
                coaching.append(_note_info(note))
            elif include_private or not note.private:
                notes.append(_note_info(note))
            else:
                left_out += 1
        chance = probability(o.probability_override, stage.probability)
        # A closed deal has no funnel status, but its slips are still worth saying.
        closed_status = funnel.FunnelStatus(None, None, sheet.timing.slips, False, False, False)
        deals.append(
            DealPack(
                id=o.id,
                external_id=o.external_id,
                title=o.title,
                account_id=o.account_id,
                account=accounts[o.account_id].name if o.account_id in accounts else "",
                product=o.product,
                quantity=o.quantity,
                amount=o.amount,
                currency=o.currency,
                close_date=o.close_date,
                stage=stage.name,
                stage_position=stage.position,
                level=stage.level,
                probability=chance,
                probability_overridden=o.probability_override is not None,
                weighted=None if o.amount is None else o.amount * chance / 100,
                forecast_category=o.forecast_category,
                position=o.position,
                next_step=next_step(sheet.actions, o.next_step),
                created=sheet.timing.created,
                stage_entered=o.stage_entered,
                closed_on=o.closed_on,
                close_reason=o.close_reason,
                close_reason_code=o.close_reason_code,
                close_competitor=o.close_competitor,
                slips=sheet.timing.slips,
                stale_days=status.stale_days if status else None,
                stale_limit=status.stale_limit if status else None,
                overdue=status.overdue if status else False,
                premature=status.premature if status else False,
                warnings=tuple(funnel.status_words(status or closed_status, o.close_date, today)),
                snooze_until=o.snooze_until,
                snooze_reason=o.snooze_reason,
                red_flags=tuple(f for f in results if not f.is_strength),
                strengths=tuple(f for f in results if f.is_strength),
                influences=influences,
                competitors=tuple(CompetitorInfo(c.name, c.kind, c.notes) for c in sheet.competitors),
                actions=tuple(
                    ActionInfo(a.what, a.who, a.due, a.status, a.done_on, a.flag_ref) for a in sheet.actions
                ),
                stage_history=tuple(
                    MoveInfo(
                        m.moved_at,
                        stage_names.get(m.from_stage_id, "") if m.from_stage_id is not None else "",
                        stage_names.get(m.to_stage_id, "?"),
                        m.commitment_date,
                        m.commitment,
                        m.reason,
                    )
                    for m in sheet.stage_moves
                ),
                close_date_history=tuple(
                    CloseDateInfo(c.changed_at, c.old_date, c.new_date, c.is_slip)
                    for c in sheet.close_date_changes
                ),
                notes=tuple(notes),
                coaching_notes=tuple(coaching),
                commitments=tuple(
                    CommitmentInfo(
                        c.committed_on,
                        c.what,
                        stage_names.get(c.stage_id, "") if c.stage_id is not None else "",
                        c.who,
                        c.evidence,
                    )
                    for c in sheet.commitments
                ),
                missing_commitments=status.missing if status else (),
                call_plans=tuple(_call_info(c, influences) for c in sheet.call_plans),
                timeline=tuple(
                    timeline(
                        o,
                        stage_names=stage_names,
                        stage_moves=sheet.stage_moves,
                        close_date_changes=sheet.close_date_changes,
                        amount_changes=amounts.get(o.id, ()),
                        commitments=sheet.commitments,
                        call_plans=sheet.call_plans,
                        actions=sheet.actions,
                        # The notes this pack shows: private ones only when asked for.
                        notes=[
                            n
                            for n in sheet.notes
                            if n.author == "manager" or include_private or not n.private
                        ],
                        imports=imports.get(o.id, ()),
                        date_text=human_date,
                        money_text=money_text,
                    )
                ),
                coaching_items=tuple(items.get(o.id, ())),
            )
        )
    deals.sort(key=lambda d: (d.stage_position, d.close_date or dt.date.max, d.id))
    used_accounts = _with_parents({d.account_id for d in deals if d.account_id is not None}, accounts)
    plan_id = pack_queries.plan_id(plan)
    exported_at = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0)
    key = pack_queries.review_key(plan)
    tokens = {
        d.id: review_token(key, plan_id, exported_at.isoformat(), d.id, d.external_id)
        for d in deals
        if key is not None
    }
    calls, outcomes = bundle_calls.pack_calls(plan, today)
    return Pack(
        plan_id=plan_id,
        plan_name=settings_repo.get_setting(plan, "plan_name", None)
        or (plan.path.stem if plan.path else "Plan"),
        seller=settings_repo.get_setting(plan, "seller", None) or "",
        exported_at=exported_at,
        today=today,
        scope=scope,
        scope_text=describe_scope(plan, scope),
        include_private_notes=include_private,
        private_notes_left_out=left_out,
        paper=options.paper,
        base_currency=base,
        rates=tuple(sorted(rates.items())),
        totals=_totals("All deals in this pack", deals, base, rates),
        by_stage=_by_stage(deals, all_stages, base, rates),
        by_level=_by_level(deals, base, rates),
        stages=tuple(
            StageInfo(s.name, s.level, s.position, s.probability, s.stale_after_days, s.exit_commitments)
            for s in ordered(all_stages)
        ),
        accounts=tuple(
            AccountInfo(a.id, a.name, a.parent_id, a.industry, a.external_id)
            for a in sorted(used_accounts, key=lambda a: (a.name.casefold(), a.id))
        ),
        deals=tuple(deals),
        coaching_notes=tuple(_note_info(n) for n in pack_queries.plan_notes(plan, "manager")),
        review_tokens=tokens,
        forecast=_whole_plan_forecast(plan, scope, today),
        manager=_manager_page(plan, scope, options, today),
        forecast_calls=calls,
        forecast_outcomes=outcomes,
    )


def _whole_plan_forecast(plan: PlanDB, scope: PackScope, today: dt.date) -> Forecast | None:
    """The current quarter's forecast when the pack covers the whole funnel, else None."""
    if scope.account_ids or scope.deal_ids is not None or scope.pipeline_id is not None:
        return None
    return load_forecast(plan, None, today)


def _manager_page(plan: PlanDB, scope: PackScope, options: PackOptions, today: dt.date) -> ManagerPage | None:
    # The quarter the scope names, else today's: the Forecast tab's figures for the whole plan.
    if not options.manager_page:
        return None
    quarter = quarter_in_plan(scope.quarter, calendar.plan_start_month(plan)) if scope.quarter else None
    return build_manager_page(plan, today, options.since, quarter)


def review_token(key: bytes, plan_id: str, exported_at: str, deal_id: int, external_id: str | None) -> str:
    """What proves that a deal was in the bundle of a plan exported at `exported_at`.

    Made with the plan's own key, which never leaves the plan file: review notes carry a deal's
    token back, and the plan takes notes only on deals whose token it made (so a notes file
    cannot reach deals the manager was never shown).
    """
    message = json.dumps([plan_id, exported_at, deal_id, external_id or ""]).encode("utf-8")
    return hmac.new(key, message, hashlib.sha256).hexdigest()[:32]


def _call_info(call: CallPlan, influences: Sequence[InfluenceInfo]) -> CallPlanInfo:
    on_deal = {bi.id: bi for bi in influences}
    return CallPlanInfo(
        id=call.id,
        meeting_at=call.meeting_at,
        title=call.title,
        # An attendee taken off the deal since has no name left to show.
        attendees=tuple(
            AttendeeInfo(bi.id, bi.name, bi.title, bi.role, bi.concept, bi.concept_kind)
            for bi in (on_deal[i] for i in call.attendees if i in on_deal)
        ),
        business_reason=call.business_reason,
        giving=call.giving,
        confirmation_questions=call.confirmation_questions,
        new_information_questions=call.new_information_questions,
        attitude_questions=call.attitude_questions,
        best_action=call.best_action,
        minimum_action=call.minimum_action,
        commit_by=call.commit_by,
        debriefed_on=call.debriefed_on,
        debrief_commitment=call.debrief_commitment,
        debrief_notes=call.debrief_notes,
    )


def _note_info(note: Note) -> NoteInfo:
    return NoteInfo(note.id, note.body, note.private, note.author, note.created)


def _with_parents(ids: set[int], accounts: dict[int, Account]) -> list[Account]:
    found: dict[int, Account] = {}
    for account_id in ids:
        current: int | None = account_id
        while current is not None and current in accounts and current not in found:
            found[current] = accounts[current]
            current = accounts[current].parent_id
    return list(found.values())


def _totals(label: str, deals: Sequence[DealPack], base: str, rates: money.Rates) -> TotalsRow:
    t = money.totals(((d.amount, d.currency, d.probability) for d in deals), base, rates)
    return TotalsRow(
        label,
        t.count,
        t.amount,
        t.weighted,
        tuple((currency, amount, weighted) for currency, (amount, weighted) in t.unconverted.items()),
    )


def _by_stage(
    deals: Sequence[DealPack], stages: Sequence[Stage], base: str, rates: money.Rates
) -> tuple[TotalsRow, ...]:
    # Every open stage (an empty one says something too), then closed stages that hold a deal.
    rows = []
    for stage in ordered(stages):
        members = [d for d in deals if d.stage == stage.name]
        if members or not stage.is_closed:
            rows.append(_totals(stage.name, members, base, rates))
    known = {s.name for s in ordered(stages)}
    for name in dict.fromkeys(d.stage for d in deals if d.stage not in known):  # retired stages
        rows.append(_totals(name, [d for d in deals if d.stage == name], base, rates))
    return tuple(rows)


# The funnel's levels top to bottom; Universe and the closed levels only when a deal is there.
LEVEL_ORDER: tuple[FunnelLevel, ...] = (
    FunnelLevel.UNIVERSE,
    FunnelLevel.ABOVE,
    FunnelLevel.IN,
    FunnelLevel.BEST_FEW,
    FunnelLevel.WON,
    FunnelLevel.LOST,
    FunnelLevel.WALKED_AWAY,
)
_ALWAYS_SHOWN = (FunnelLevel.ABOVE, FunnelLevel.IN, FunnelLevel.BEST_FEW)


def _by_level(deals: Sequence[DealPack], base: str, rates: money.Rates) -> tuple[TotalsRow, ...]:
    rows = []
    for level in LEVEL_ORDER:
        members = [d for d in deals if d.level is level]
        if members or level in _ALWAYS_SHOWN:
            rows.append(_totals(level.label, members, base, rates))
    return tuple(rows)


# ----------------------------------------------------------------------------------------------
# Words every format shares

MINUS = "\u2212"


def rating_text(rating: int | None) -> str:
    """'+3', '-4' (written with a true minus sign), '0', or '?' when unknown."""
    if rating is None:
        return "?"
    return f"{rating:+d}".replace("-", MINUS) if rating else "0"


def position_text(position: int | None) -> str:
    """The seller's current position: '+5 Euphoric', '-5 Panic', '+2', or 'Not set'."""
    if position is None:
        return "Not set"
    text = rating_text(position)
    if position == 5:
        return f"{text} Euphoric"
    if position == -5:
        return f"{text} Panic"
    return text


_MONTHS = ("", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def human_date(value: dt.date | None, empty: str = "—") -> str:
    """'15 Dec 2026' (as the app writes dates, whatever the locale), or `empty`."""
    return f"{value.day} {_MONTHS[value.month]} {value.year}" if value else empty


def meeting_text(moment: dt.datetime) -> str:
    """When a meeting is: '9 Dec 2026, 14:30'."""
    return f"{human_date(moment.date())}, {moment:%H:%M}"


def iso_date(value: dt.date | None) -> str:
    """'2026-12-15', or ''."""
    return value.isoformat() if value else ""


def stamp_date(stamp: str) -> str:
    """The date of a stored timestamp, as '15 Dec 2026' (the text itself when unreadable)."""
    try:
        return human_date(dt.date.fromisoformat(stamp[:10]))
    except ValueError:
        return stamp


def number(value: float) -> str:
    """'120,000' or '1,234.50'."""
    return f"{value:,.2f}" if value != int(value) else f"{int(value):,}"


def money_text(value: float | None, currency: str) -> str:
    """'120,000 EUR', or '—' without an amount."""
    return "—" if value is None else f"{number(round(value, 2))} {currency}"


def short_money(value: float, currency: str) -> str:
    """'1.2M EUR', '350k EUR', '900 EUR' for charts and totals."""
    magnitude = abs(value)
    if magnitude >= 1_000_000:
        return f"{value / 1_000_000:,.1f}M {currency}"
    if magnitude >= 10_000:
        return f"{value / 1000:,.0f}k {currency}"
    return f"{value:,.0f} {currency}"


def status_words(deal: DealPack) -> list[str]:
    """The deal's funnel warnings in words, as the window words them (planner.funnel.status_words)."""
    return list(deal.warnings)


def private_notes_text(pack: Pack) -> str:
    """What the cover says about private notes."""
    if pack.include_private_notes:
        return "This pack includes the seller's private notes."
    if pack.private_notes_left_out:
        count = pack.private_notes_left_out
        return f"Private notes are not included ({count} left out)."
    return "Private notes are not included."


def met_text(bi: InfluenceInfo) -> str:
    """Coverage: 'Sam Seller, 12 Nov 2026', 'Sam Seller', or 'Nobody'."""
    who = bi.covered_by.strip()
    if not who:
        return "Nobody"
    return f"{who}, {human_date(bi.last_contact)}" if bi.last_contact else who


def strip_controls(text: str) -> str:
    """Text without control characters other than tab and newline (XML and XLSX refuse them)."""
    return _CONTROLS.sub("", text)


_CONTROLS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff]")
