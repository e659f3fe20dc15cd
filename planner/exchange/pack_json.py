"""The plan bundle: the pack as versioned JSON (resources/schemas/opportunity-plan.schema.json)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from planner import close_reasons
from planner.exchange import bundle_calls
from planner.exchange.manager_page import FactsSection, ManagerPage
from planner.exchange.manager_trend import TrendSection
from planner.exchange.pack import (
    CallPlanInfo,
    DealPack,
    FlagInfo,
    NoteInfo,
    Pack,
    TotalsRow,
    iso_date,
    quarter_label,
)
from planner.exchange.pack_files import write_text_atomic
from planner.forecast import Forecast, forecast_json
from planner.next_step import plain_text
from planner.since_review import Closed, DealRef, FlagChange, SinceReview, StageChange

# The bundle's format id and version. A reader refuses another format id and a newer version;
# fields are only ever added within a version (readers ignore what they do not know).
FORMAT = "opportunity-plan"
VERSION = 1


def _date(value: dt.date | None) -> str | None:
    return iso_date(value) or None


def _note(note: NoteInfo) -> dict[str, Any]:
    return {
        "id": note.id,
        "body": note.body,
        "private": note.private,
        "author": note.author,
        "created": note.created,
    }


def _flag(flag: FlagInfo) -> dict[str, Any]:
    return {"id": flag.rule, "reason": flag.reason, "ref": {"kind": flag.ref_kind, "id": flag.ref_id}}


def _call_plan(call: CallPlanInfo) -> dict[str, Any]:
    return {
        "id": call.id,
        "meeting_at": call.meeting_at.isoformat(timespec="minutes"),
        "title": call.title,
        "attendees": [{"influence_id": a.influence_id, "name": a.name} for a in call.attendees],
        "business_reason": call.business_reason,
        "giving": call.giving,
        "confirmation_questions": list(call.confirmation_questions),
        "new_information_questions": list(call.new_information_questions),
        "attitude_questions": list(call.attitude_questions),
        "best_action": call.best_action,
        "minimum_action": call.minimum_action,
        "commit_by": _date(call.commit_by),
        "debriefed_on": _date(call.debriefed_on),
        "debrief_commitment": call.debrief_commitment,
        "debrief_notes": call.debrief_notes,
    }


def _totals(row: TotalsRow) -> dict[str, Any]:
    return {
        "label": row.label,
        "count": row.count,
        "amount": round(row.amount, 2),
        "weighted": round(row.weighted, 2),
        "unconverted": [
            {"currency": c, "amount": round(a, 2), "weighted": round(w, 2)} for c, a, w in row.unconverted
        ],
    }


def opportunity(deal: DealPack, token: str | None = None) -> dict[str, Any]:
    """One deal of the bundle (`token`: its review token, see planner.exchange.pack.review_token)."""
    return {
        "id": deal.id,
        "external_id": deal.external_id,
        "review_token": token,
        "name": deal.title,
        "account": deal.account,
        "account_id": deal.account_id,
        "product": deal.product,
        "quantity": deal.quantity,
        "amount": deal.amount,
        "currency": deal.currency,
        "close_date": _date(deal.close_date),
        "stage": deal.stage,
        "funnel_level": deal.level.value,
        "probability": deal.probability,
        "probability_overridden": deal.probability_overridden,
        "weighted_amount": None if deal.weighted is None else round(deal.weighted, 2),
        "forecast_category": deal.forecast_category.value if deal.forecast_category else None,
        "position": deal.position,
        # The CRM's own wording when it came from the CRM: a review copy reads it back into that field.
        "next_step": plain_text(deal.next_step),
        "next_step_source": deal.next_step.source if deal.next_step else None,
        "created": _date(deal.created),
        "stage_entered": _date(deal.stage_entered),
        "closed_on": _date(deal.closed_on),
        "close_reason": deal.close_reason,
        # The reason from the plan's list (planner.close_reasons): its code, its English label
        # ("Not given" for a deal closed without one) and the competitor who won; `close_reason`
        # above is the seller's note.
        "close_reason_code": deal.close_reason_code,
        "close_reason_label": "" if deal.is_open else close_reasons.english_label(deal.close_reason_code),
        "close_competitor": deal.close_competitor,
        "snooze_until": _date(deal.snooze_until),
        "snooze_reason": deal.snooze_reason,
        "status": {
            "slips": deal.slips,
            "stale_days": deal.stale_days,
            "stale_limit": deal.stale_limit,
            "overdue": deal.overdue,
            "premature": deal.premature,
            "missing_commitments": list(deal.missing_commitments),
            "last_commitment": _date(deal.last_commitment),
        },
        "influences": [
            {
                "id": bi.id,
                "person_id": bi.person_id,
                "name": bi.name,
                "title": bi.title,
                "role": bi.role.value,
                "degree": bi.degree.value,
                "mode": bi.mode.value,
                "rating": bi.rating,
                "win": bi.win,
                "result": bi.result,
                "concept": bi.concept,
                "concept_kind": bi.concept_kind.value if bi.concept_kind else None,
                "covered_by": bi.covered_by,
                "last_contact": _date(bi.last_contact),
                "new_in_job": bi.new_in_job,
                "reports_to": bi.reports_to or None,
                "reports_to_id": bi.reports_to_id,
                "evidence": bi.evidence,
            }
            for bi in deal.influences
        ],
        "red_flags": [_flag(f) for f in deal.red_flags],
        "strengths": [_flag(f) for f in deal.strengths],
        "competition": [{"name": c.name, "kind": c.kind.value, "notes": c.notes} for c in deal.competitors],
        "actions": [
            {
                "what": a.what,
                "who": a.who,
                "due": _date(a.due),
                "status": a.status.value,
                "done_on": _date(a.done_on),
                "flag_ref": a.flag_ref,
            }
            for a in deal.actions
        ],
        "stage_history": [
            {
                "moved_at": m.moved_at,
                "from": m.from_stage or None,
                "to": m.to_stage,
                "commitment_date": _date(m.commitment_date),
                "commitment": m.commitment,
                "reason": m.reason,
            }
            for m in deal.stage_history
        ],
        "commitments": [
            {
                "committed_on": c.committed_on.isoformat(),
                "what": c.what,
                "stage": c.stage or None,
                "who": c.who,
                "evidence": c.evidence,
            }
            for c in deal.commitments
        ],
        "close_date_history": [
            {
                "changed_at": c.changed_at,
                "old": _date(c.old_date),
                "new": _date(c.new_date),
                "slip": c.is_slip,
            }
            for c in deal.close_date_history
        ],
        "notes": [_note(n) for n in deal.notes],
        "coaching_notes": [_note(n) for n in deal.coaching_notes],
        "coaching_items": [
            {
                "kind": i.kind,
                "text": i.text,
                "due": _date(i.due),
                "reviewer": i.reviewer,
                "answered": i.answered_on is not None,
                "answered_on": _date(i.answered_on),
                "answer": i.answer,
            }
            for i in deal.coaching_items
        ],
        "call_plans": [_call_plan(c) for c in deal.call_plans],
        "timeline": [{"at": e.at, "kind": e.kind, "text": e.text} for e in deal.timeline],
    }


# What of the forecast a bundle carries: the quarter's figures, not its deals or diagnostics.
_FORECAST_KEYS = (
    "quarter",
    "fiscal_year_start_month",
    "start",
    "end",
    "today",
    "base_currency",
    "total",
    "target",
    "remaining_target",
    "gap",
    "coverage",
    "funnel",
)


def forecast(figures: Forecast) -> dict[str, Any]:
    """The plan's current quarter as the bundle carries it (the team roll-up reads it)."""
    data = forecast_json(figures)
    return {key: data[key] for key in _FORECAST_KEYS}


def bundle(pack: Pack) -> dict[str, Any]:
    """The bundle as JSON-ready data."""
    scope = pack.scope
    return {
        "format": FORMAT,
        "version": VERSION,
        "exported_at": pack.exported_at.isoformat(),
        "plan": {
            "id": pack.plan_id,
            "name": pack.plan_name,
            "seller": pack.seller,
            "base_currency": pack.base_currency,
            "rates": dict(pack.rates),
        },
        "scope": {
            "description": pack.scope_text,
            "account_ids": list(scope.account_ids),
            "deal_ids": None if scope.deal_ids is None else list(scope.deal_ids),
            "quarter": quarter_label(scope.quarter) if scope.quarter else None,
        },
        "includes_private_notes": pack.include_private_notes,
        "today": pack.today.isoformat(),
        "totals": {
            "all": _totals(pack.totals),
            "by_stage": [_totals(r) for r in pack.by_stage],
            "by_funnel_level": [_totals(r) for r in pack.by_level],
        },
        "stages": [
            {
                "name": s.name,
                "funnel_level": s.level.value,
                "position": s.position,
                "probability": s.probability,
                "stale_after_days": s.stale_after_days,
                "exit_commitments": list(s.exit_commitments),
            }
            for s in pack.stages
        ],
        "accounts": [
            {
                "id": a.id,
                "external_id": a.external_id,
                "name": a.name,
                "parent_id": a.parent_id,
                "industry": a.industry,
            }
            for a in pack.accounts
        ],
        "opportunities": [opportunity(d, pack.review_tokens.get(d.id)) for d in pack.deals],
        "coaching_notes": [_note(n) for n in pack.coaching_notes],
        "forecast": None if pack.forecast is None else forecast(pack.forecast),
        "manager_page": None if pack.manager is None else manager_page(pack.manager),
        "forecast_calls": bundle_calls.bundle_json(pack.forecast_calls, pack.forecast_outcomes),
    }


def _deal_ref(deal: DealRef) -> dict[str, Any]:
    return {
        "id": deal.id,
        "name": deal.title,
        "account": deal.account,
        "stage": deal.stage,
        "amount": deal.amount,
        "currency": deal.currency,
    }


def _section(section: FactsSection | None) -> dict[str, Any] | None:
    if section is None:
        return None
    return {
        "title": section.title,
        "rows": [{"label": r.label, "value": r.value, "definition": r.definition} for r in section.rows],
        "note": section.note,
    }


def _trend_section(section: TrendSection | None) -> dict[str, Any] | None:
    # `values` are the numbers `planner stats --json` gives; `texts` the same as written.
    if section is None:
        return None
    return {
        "title": section.title,
        "periods": list(section.periods),
        "columns": list(section.columns),
        "currency": section.currency,
        "note": section.note,
        "rows": [
            {
                "figure": r.figure,
                "stage": r.stage,
                "label": r.label,
                "values": list(r.values),
                "texts": list(r.texts),
                "trend": r.trend,
                "trend_text": r.trend_text,
                "definition": r.definition,
            }
            for r in section.rows
        ],
    }


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 2)


def _since(since: SinceReview) -> dict[str, Any]:
    def stage_change(c: StageChange) -> dict[str, Any]:
        return {
            "deal": _deal_ref(c.deal),
            "from_stage": c.from_stage,
            "to_stage": c.to_stage,
            "commitments": list(c.commitments),
        }

    def closed(c: Closed) -> dict[str, Any]:
        return {
            "deal": _deal_ref(c.deal),
            "closed_on": _date(c.closed_on),
            "reason": c.reason,
            "reason_code": c.reason_code,
            "competitor": c.competitor,
        }

    def flag(f: FlagChange) -> dict[str, Any]:
        return {"deal": _deal_ref(f.deal), "rule": f.rule, "label": f.label, "reason": f.reason}

    return {
        "since": since.since.isoformat(),
        "today": since.today.isoformat(),
        "review_on": _date(since.review_on),
        "snapshot_on": _date(since.snapshot_on),
        "flags_known": since.flags_known,
        "categories_known": since.categories_known,
        "added": [{"deal": _deal_ref(a.deal), "reopened": a.reopened} for a in since.added],
        "advanced": [stage_change(c) for c in since.advanced],
        "moved_back": [stage_change(c) for c in since.moved_back],
        "pushed": [
            {"deal": _deal_ref(p.deal), "old": _date(p.old), "new": _date(p.new)} for p in since.pushed
        ],
        "amounts": [
            {
                "deal": _deal_ref(a.deal),
                "old_amount": a.old_amount,
                "old_currency": a.old_currency,
                "new_amount": a.new_amount,
                "new_currency": a.new_currency,
            }
            for a in since.amounts
        ],
        "categories": [
            {"deal": _deal_ref(c.deal), "old": c.old.value, "new": c.new.value} for c in since.categories
        ],
        "won": [closed(c) for c in since.won],
        "lost": [closed(c) for c in since.lost],
        "walked_away": [closed(c) for c in since.walked_away],
        "flags_raised": [flag(f) for f in since.flags_raised],
        "flags_resolved": [flag(f) for f in since.flags_resolved],
    }


def manager_page(page: ManagerPage) -> dict[str, Any]:
    """The manager's page of the bundle (`manager_page` in the schema)."""
    q = page.quarter
    return {
        "quarter": {
            "quarter": q.quarter,
            "label": q.quarter_text,
            "currency": q.currency,
            "target": _rounded(q.target),
            "won": round(q.won, 2),
            "commit": round(q.commit, 2),
            "best_case": round(q.best_case, 2),
            "pipeline": round(q.pipeline, 2),
            "remaining": _rounded(q.remaining),
            "gap": _rounded(q.gap),
            "coverage": None if q.coverage is None else round(q.coverage, 4),
        },
        "diagnostics": [{"kind": d.kind, "title": d.title, "message": d.message} for d in page.diagnostics],
        "since_source": page.since_source,
        "since": None if page.since is None else _since(page.since),
        "forecast_call": _section(page.forecast_call),
        "accountability": _trend_section(page.accountability),
    }


def render_json(pack: Pack) -> str:
    """The bundle as pretty-printed UTF-8 JSON."""
    return json.dumps(bundle(pack), ensure_ascii=False, indent=2) + "\n"


def write_json(pack: Pack, path: Path) -> Path:
    """Write the bundle atomically (readable by its owner only)."""
    return write_text_atomic(path, render_json(pack))
