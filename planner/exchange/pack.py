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

from planner import funnel, i18n, money, red_flags
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
from planner.stages import ordered, probability
from planner.storage import accounts as account_repo
from planner.storage import evidence as evidence_repo
from planner.storage import pack_queries
from planner.storage import pipelines as pipeline_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# Where the issue is silent, decided here (and tested):
# - Every scope but "selected deals" takes open deals only: a review is about the pipeline. The
#   selected deals are taken as the seller picked them, closed ones included.
# - Scopes combine: accounts (each with its subsidiaries) and a quarter narrow each other.
# - Deals are ordered as the board reads: by stage, then close date (undated last), then id.
# - Coaching notes (author 'manager') always travel with the pack: they are the review itself.
#   The seller's notes travel when shared; private ones only when asked, and the pack says which.
# - Human formats (PDF, HTML, Markdown) write dates as "15 Dec 2026"; CSV, XLSX and JSON as ISO.

PaperSize = Literal["a4", "letter"]
PAPER_SIZES: tuple[PaperSize, ...] = ("a4", "letter")


class PackError(ValueError):
    """A pack that cannot be built or written; the message is written for the seller."""


@dataclass(frozen=True, slots=True)
class PackScope:
    """Which deals a pack holds; an empty scope is every open deal.

    `account_ids` each bring their subsidiaries; `deal_ids` are the seller's selection (taken
    as given, open or closed); `quarter` ("2026Q4") keeps the deals closing in it.
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


_QUARTER = re.compile(r"\s*(\d{4})\s*-?\s*Q([1-4])\s*|\s*Q([1-4])\s*-?\s*(\d{4})\s*", re.IGNORECASE)


def parse_quarter(text: str) -> tuple[dt.date, dt.date]:
    """The first and last day of a quarter written "2026Q4" (also "2026-Q4" or "Q4 2026")."""
    match = _QUARTER.fullmatch(text)
    if not match:
        raise PackError(f"“{text}” is not a quarter; write it like 2026Q4.")
    year = int(match.group(1) or match.group(4))
    quarter = int(match.group(2) or match.group(3))
    if not 1 <= year <= 9998:
        raise PackError(f"“{text}” is not a quarter; write it like 2026Q4.")
    first = dt.date(year, 3 * quarter - 2, 1)
    after = dt.date(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1)
    return first, after - dt.timedelta(days=1)


def quarter_label(text: str) -> str:
    """'2026 Q4' from any accepted spelling."""
    first, _last = parse_quarter(text)
    return f"{first.year} Q{(first.month + 2) // 3}"


def quarter_of(day: dt.date) -> str:
    """The quarter a day falls in: '2026Q4'."""
    return f"{day.year}Q{(day.month + 2) // 3}"


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

    @property
    def is_open(self) -> bool:
        return not self.level.is_closed

    @property
    def stale(self) -> bool:
        return self.stale_days is not None

    @property
    def next_step_text(self) -> str:
        """The next step as every format of the pack writes it ('CRM: …' when only the CRM gave one)."""
        return export_text(self.next_step)

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
        close_from, close_to = parse_quarter(scope.quarter)
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
        label = quarter_label(scope.quarter)
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
    facts = red_flags.load_facts(plan, ids)
    flags = red_flags.evaluate_all(facts, today)
    records = pack_queries.load_pack_records(plan, ids)
    commitments = evidence_repo.commitments_of(plan, ids)
    calls = evidence_repo.call_plans_of(plan, ids)
    all_stages = stage_repo.list_stages(plan)
    stage_names = {s.id: s.name for s in all_stages}
    accounts = {a.id: a for a in account_repo.list_accounts(plan)}
    base = settings_repo.get_setting(plan, "base_currency", "EUR") or "EUR"
    rates: dict[str, float] = settings_repo.get_setting(plan, "rates", {}) or {}
    include_private = options.include_private_notes
    left_out = 0
    deals: list[DealPack] = []
    for deal_id in ids:
        deal_facts = facts.get(deal_id)
        if deal_facts is None:
            continue
        o, stage = deal_facts.opportunity, deal_facts.stage
        status = None if stage.is_closed else funnel.status(deal_facts.timing, deal_facts.rule, today)
        people = records.people
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
            for bi in records.influences.get(deal_id, ())
        )
        results = [
            FlagInfo(f.rule, f.reason, f.is_strength, f.ref.kind, f.ref.id) for f in flags.get(deal_id, ())
        ]
        notes: list[NoteInfo] = []
        coaching: list[NoteInfo] = []
        for note in records.notes.get(deal_id, ()):
            if note.author == "manager":
                coaching.append(_note_info(note))
            elif include_private or not note.private:
                notes.append(_note_info(note))
            else:
                left_out += 1
        chance = probability(o, stage)
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
                next_step=next_step(records.actions.get(deal_id, ()), o.next_step),
                created=deal_facts.timing.created,
                stage_entered=o.stage_entered,
                closed_on=o.closed_on,
                close_reason=o.close_reason,
                slips=deal_facts.timing.slips,
                stale_days=status.stale_days if status else None,
                stale_limit=status.stale_limit if status else None,
                overdue=status.overdue if status else False,
                premature=status.premature if status else False,
                snooze_until=o.snooze_until,
                snooze_reason=o.snooze_reason,
                red_flags=tuple(f for f in results if not f.is_strength),
                strengths=tuple(f for f in results if f.is_strength),
                influences=influences,
                competitors=tuple(
                    CompetitorInfo(c.name, c.kind, c.notes) for c in records.competitors.get(deal_id, ())
                ),
                actions=tuple(
                    ActionInfo(a.what, a.who, a.due, a.status, a.done_on, a.flag_ref)
                    for a in records.actions.get(deal_id, ())
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
                    for m in records.stage_moves.get(deal_id, ())
                ),
                close_date_history=tuple(
                    CloseDateInfo(c.changed_at, c.old_date, c.new_date, c.is_slip)
                    for c in records.close_date_changes.get(deal_id, ())
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
                    for c in commitments.get(deal_id, ())
                ),
                missing_commitments=status.missing if status else (),
                call_plans=tuple(_call_info(c, influences) for c in calls.get(deal_id, ())),
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
    )


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

ROLE_LABELS = {
    Role.ECONOMIC: "Economic",
    Role.USER: "User",
    Role.TECHNICAL: "Technical",
    Role.COACH: "Coach",
    Role.UNKNOWN: "Unknown",
}
DEGREE_LABELS = {Degree.HIGH: "High", Degree.MEDIUM: "Medium", Degree.LOW: "Low", Degree.UNKNOWN: "Unknown"}
MODE_LABELS = {
    Mode.GROWTH: "Growth",
    Mode.TROUBLE: "Trouble",
    Mode.EVEN_KEEL: "Even Keel",
    Mode.OVERCONFIDENT: "Overconfident",
    Mode.UNKNOWN: "Unknown",
}
COMPETITION_LABELS = {
    CompetitionKind.VENDOR: "Other vendor",
    CompetitionKind.INTERNAL: "Internal resources",
    CompetitionKind.BUDGET_ELSEWHERE: "Budget spent elsewhere",
    CompetitionKind.DO_NOTHING: "Doing nothing",
}
ACTION_LABELS = {
    ActionStatus.POSSIBLE: "Possible",
    ActionStatus.PLANNED: "Planned",
    ActionStatus.DONE: "Done",
}
RULE_LABELS = {
    red_flags.NO_ECONOMIC_BUYER: "No Economic buyer",
    red_flags.SEVERAL_ECONOMIC_BUYERS: "Several Economic buyers",
    red_flags.NO_COACH: "No Coach",
    red_flags.UNCOVERED_INFLUENCE: "Uncovered influence",
    red_flags.HOSTILE_INFLUENCE: "Hostile influence",
    red_flags.UNRECEPTIVE_ECONOMIC_BUYER: "Unreceptive Economic buyer",
    red_flags.UNKNOWN: "Unknown",
    red_flags.NO_WIN_RESULT: "No Win-Result",
    red_flags.NEW_PLAYER: "New player",
    red_flags.OBJECTIVE_INCOMPLETE: "Objective incomplete",
    red_flags.STALE: "Stale",
    red_flags.SLIPPING: "Slipping",
    red_flags.OVERDUE: "Overdue",
    red_flags.PREMATURE: "Premature",
    red_flags.NOT_IN_FUNNEL_YET: "Not in the Funnel yet",
    red_flags.BEST_FEW_UNCONFIRMED: "Best Few unconfirmed",
    red_flags.NO_NEXT_STEP: "No next step",
    red_flags.SINGLE_THREADED: "Single-threaded",
    red_flags.EUPHORIC_WITH_RED_FLAGS: "Euphoric despite red flags",
    red_flags.FLAG_WITHOUT_ACTION: "Red flag without an action",
    red_flags.STRONG_COACH: "Strong Coach",
    red_flags.RECEPTIVE_ECONOMIC_BUYER: "Receptive Economic buyer",
    red_flags.ALL_ROLES_COVERED: "All roles covered",
    red_flags.COMMITMENT_THIS_WEEK: "Commitment this week",
    red_flags.MANUAL: "Seller's own",
}
MINUS = "\u2212"


def rule_label(rule: str) -> str:
    """'No Coach' for 'no-coach', and for an action's link to a record ('uncovered-influence:
    influence:12' reads 'Uncovered influence'); an unknown id reads as itself."""
    return RULE_LABELS.get(rule.split(":", 1)[0], rule)


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


def totals_text(row: TotalsRow, currency: str) -> str:
    """'12 deals · 1,200,000 EUR · weighted 480,000 EUR (+ 30,000 CHF unconverted)'."""
    count = f"{row.count} deal" if row.count == 1 else f"{row.count} deals"
    text = f"{count} · {money_text(row.amount, currency)} · weighted {money_text(row.weighted, currency)}"
    if row.unconverted:
        extra = ", ".join(money_text(amount, c) for c, amount, _w in row.unconverted)
        text += f" (+ {extra} without a rate)"
    return text


def unconverted_text(row: TotalsRow) -> str:
    """'+ 30,000 CHF' for amounts in currencies without a rate, or ''."""
    return ", ".join(f"+ {money_text(amount, c)}" for c, amount, _w in row.unconverted)


def status_words(deal: DealPack) -> list[str]:
    """The deal's funnel warnings in words: stale, slipping, overdue, premature, snoozed."""
    words = []
    if deal.stale_days is not None:
        words.append(funnel.stale_reason(deal.stale_days, deal.stale_limit))
    if deal.slips:
        words.append(funnel.slip_reason(deal.slips))
    if deal.overdue and deal.close_date is not None:
        words.append("Overdue: the close date has passed")
    if deal.premature:
        words.append(funnel.premature_reason(deal.missing_commitments))
    return words


def private_notes_text(pack: Pack) -> str:
    """What the cover says about private notes."""
    if pack.include_private_notes:
        return "This pack includes the seller's private notes."
    if pack.private_notes_left_out:
        count = pack.private_notes_left_out
        return f"Private notes are not included ({count} left out)."
    return "Private notes are not included."


def influence_line(bi: InfluenceInfo) -> str:
    """'Maria Keller, CFO: Economic, High, Growth, +3'."""
    who = f"{bi.name}, {bi.title}" if bi.title else bi.name
    return (
        f"{who}: {ROLE_LABELS[bi.role]}, {DEGREE_LABELS[bi.degree]}, {MODE_LABELS[bi.mode]},"
        f" {rating_text(bi.rating)}"
    )


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
