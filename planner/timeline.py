"""A deal's timeline: everything that happened to it, oldest first, as one list of sentences.

One pure function, `timeline`, reads the records the plan keeps (stage and close-date history,
amount history, commitments, call plans, actions, notes, what imports wrote) and is shown by the
details panel and written by every format of the review pack. `load_timeline` reads one deal's
records for it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from planner.exchange import crm
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import (
    Action,
    ActionStatus,
    AmountChange,
    CallPlan,
    CloseDateChange,
    Commitment,
    ImportChange,
    Note,
    Opportunity,
    StageMove,
)
from planner.reasons import CREATED, shown_reason
from planner.storage import activities as activity_repo
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

# A timeline line names what was said, not all of it: a long note or debrief is cut here (the
# note itself is shown whole where notes are shown).
MAX_WORDS = 200

DateText = Callable[[dt.date | None], str]
MoneyText = Callable[[float | None, str], str]

# The kinds of entry, in the order entries of the same moment are listed.
KINDS = (
    "created",
    "import",
    "stage",
    "commitment",
    "close_date",
    "amount",
    "call",
    "debrief",
    "action",
    "note",
    "coaching",
)

# What an import may have written, as a seller reads it (planner.storage.imports).
_FIELD_WORDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("Timeline", "title"),
    "account_id": QT_TRANSLATE_NOOP("Timeline", "account"),
    "product": QT_TRANSLATE_NOOP("Timeline", "product"),
    "quantity": QT_TRANSLATE_NOOP("Timeline", "quantity"),
    "amount": QT_TRANSLATE_NOOP("Timeline", "amount"),
    "currency": QT_TRANSLATE_NOOP("Timeline", "currency"),
    "next_step": QT_TRANSLATE_NOOP("Timeline", "next step"),
    "forecast_category": QT_TRANSLATE_NOOP("Timeline", "forecast category"),
    "probability_override": QT_TRANSLATE_NOOP("Timeline", "probability"),
    "close_date": QT_TRANSLATE_NOOP("Timeline", "close date"),
    "stage": QT_TRANSLATE_NOOP("Timeline", "stage"),
}


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    """One thing that happened: when (an ISO date or timestamp), what kind, and the sentence."""

    at: str
    kind: str
    text: str

    @property
    def day(self) -> dt.date | None:
        """The day it happened, or None for an unreadable stamp."""
        try:
            return dt.date.fromisoformat(self.at[:10])
        except ValueError:
            return None


def _words(text: str) -> str:
    """The seller's words on one line, cut to MAX_WORDS characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= MAX_WORDS else flat[: MAX_WORDS - 1] + "…"


def _source(key: str) -> str:
    """An import's source as the seller knows it ("Salesforce"); a key no profile has, as stored."""
    try:
        return crm.by_key(key).label
    except ValueError:
        return _words(key)


def _stamp(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def timeline(
    opportunity: Opportunity,
    *,
    stage_names: Mapping[int, str],
    stage_moves: Iterable[StageMove] = (),
    close_date_changes: Iterable[CloseDateChange] = (),
    amount_changes: Iterable[AmountChange] = (),
    commitments: Iterable[Commitment] = (),
    call_plans: Iterable[CallPlan] = (),
    actions: Iterable[Action] = (),
    notes: Iterable[Note] = (),
    imports: Iterable[ImportChange] = (),
    date_text: DateText,
    money_text: MoneyText,
) -> list[TimelineEntry]:
    """The deal's history, oldest first: created, stage moves with their commitment or reason,
    customer commitments, close-date and amount changes, calls and debriefs, actions done,
    notes, coaching notes and the imports that changed it.

    `notes` are the ones the reader may see (the pack leaves private notes out unless asked);
    dates and amounts are worded by `date_text` and `money_text` (the window's or the pack's).
    """
    entries: list[TimelineEntry] = []

    def add(at: str, kind: str, text: str) -> None:
        entries.append(TimelineEntry(at, kind, text))

    moves = list(stage_moves)
    start = next((m for m in moves if m.from_stage_id is None), None)
    if start is not None and start.to_stage_id in stage_names:
        created = translate("Timeline", "Created in {stage}").format(stage=stage_names[start.to_stage_id])
    else:
        created = translate("Timeline", "Created")
    add(opportunity.created, "created", created)
    said: set[tuple[str, str]] = set()  # (day, words) of moves' commitments: not listed twice
    for move in moves:
        if move is start:
            continue
        text = translate("Timeline", "Moved {source} → {target}").format(
            source=stage_names.get(move.from_stage_id, "?") if move.from_stage_id is not None else "—",
            target=stage_names.get(move.to_stage_id, "?"),
        )
        if move.commitment:
            text += translate("Timeline", "; customer: {commitment}").format(
                commitment=_words(move.commitment)
            )
            day = _stamp(move.commitment_date) or move.moved_at[:10]
            said.update((day, part.strip()) for part in move.commitment.split(";"))
            said.add((day, move.commitment.strip()))
        if move.reason and move.reason != CREATED:
            text += f"; {_words(shown_reason(move.reason))}"
        add(move.moved_at, "stage", text)
    for c in commitments:
        if (_stamp(c.committed_on), c.what.strip()) in said:
            continue
        text = translate("Timeline", "Customer committed: {what}").format(what=_words(c.what))
        if c.who:
            text += translate("Timeline", " ({who})").format(who=_words(c.who))
        if c.evidence:
            text += translate("Timeline", "; evidence: {evidence}").format(evidence=_words(c.evidence))
        add(_stamp(c.committed_on), "commitment", text)
    for change in close_date_changes:
        text = (
            translate("Timeline", "Close date {old} → {new} (slip)")
            if change.is_slip
            else translate("Timeline", "Close date {old} → {new}")
        ).format(old=date_text(change.old_date), new=date_text(change.new_date))
        add(change.changed_at, "close_date", text)
    for amount in amount_changes:
        text = translate("Timeline", "Amount {old} → {new}").format(
            old=money_text(amount.old_amount, amount.old_currency or amount.new_currency),
            new=money_text(amount.new_amount, amount.new_currency or amount.old_currency),
        )
        if amount.source:
            text += translate("Timeline", " (import from {source})").format(source=_source(amount.source))
        add(amount.changed_at, "amount", text)
    for call in call_plans:
        title = _words(call.title) or translate("Timeline", "meeting")
        add(
            call.meeting_at.isoformat(timespec="minutes"),
            "call",
            translate("Timeline", "Call: {title}").format(title=title),
        )
        if call.debriefed_on is not None:
            outcome = _words(call.debrief_commitment or call.debrief_notes) or translate(
                "Timeline", "no commitment"
            )
            add(
                _stamp(call.debriefed_on),
                "debrief",
                translate("Timeline", "Debrief of {title}: {outcome}").format(title=title, outcome=outcome),
            )
    for action in actions:
        if action.status is ActionStatus.DONE:
            add(
                _stamp(action.done_on),
                "action",
                translate("Timeline", "Done: {what}").format(what=_words(action.what)),
            )
    for note in notes:
        if note.author == "manager":
            add(
                note.created,
                "coaching",
                translate("Timeline", "Coaching: {note}").format(note=_words(note.body)),
            )
        else:
            add(note.created, "note", translate("Timeline", "Note: {note}").format(note=_words(note.body)))
    for record in imports:
        source = _source(record.source) if record.source else translate("Timeline", "a file")
        if "created" in record.fields:
            text = translate("Timeline", "Imported from {source}").format(source=source)
        else:
            fields = ", ".join(translate("Timeline", _FIELD_WORDS.get(f, f)) for f in record.fields)
            text = translate("Timeline", "Import from {source} changed {fields}").format(
                source=source, fields=fields
            )
        add(record.changed_at, "import", text)
    # By day, the deal's creation first on its day, then by time (entries with a day only, such
    # as a commitment, open their day); undated ones (an action done on no recorded day) first.
    order = {kind: n for n, kind in enumerate(KINDS)}
    entries.sort(key=lambda e: (e.at[:10], e.kind != "created", e.at[10:], order[e.kind]))
    return entries


def load_timeline(
    plan: PlanDB,
    opportunity_id: int,
    *,
    date_text: DateText,
    money_text: MoneyText,
    deal: Opportunity | None = None,
) -> list[TimelineEntry]:
    """One deal's timeline as the plan holds it (empty when the deal does not exist); every
    note is included (the window shows the seller's private notes to the seller). `deal`: the
    deal as the caller just read it, so it is not read twice."""
    if deal is None or deal.id != opportunity_id:
        deal = opportunity_repo.get_opportunity(plan, opportunity_id)
    if deal is None:
        return []
    return timeline(
        deal,
        stage_names={s.id: s.name for s in stage_repo.list_stages(plan)},
        stage_moves=opportunity_repo.stage_history(plan, opportunity_id),
        close_date_changes=opportunity_repo.close_date_history(plan, opportunity_id),
        amount_changes=opportunity_repo.amount_history(plan, opportunity_id),
        commitments=evidence_repo.list_commitments(plan, opportunity_id),
        call_plans=evidence_repo.list_call_plans(plan, opportunity_id),
        actions=activity_repo.list_actions(plan, opportunity_id),
        notes=activity_repo.list_notes(plan, opportunity_id),
        imports=opportunity_repo.import_changes(plan, opportunity_id),
        date_text=date_text,
        money_text=money_text,
    )
