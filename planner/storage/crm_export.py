"""The SQL of the CRM-shaped export: the deals and buying influences of one source."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from planner.storage.convert import to_date
from planner.storage.db import PlanDB


@dataclass(frozen=True, slots=True)
class CrmDeal:
    """What the export compares with the last import and writes back."""

    id: int
    external_id: str
    stage_id: int
    close_date: dt.date | None
    next_step: str
    probability_override: int | None
    forecast_category: str | None
    amount: float | None
    close_reason: str  # the seller's note
    close_reason_code: str = ""  # planner.close_reasons
    close_competitor: str = ""


@dataclass(frozen=True, slots=True)
class CrmInfluence:
    """A buying influence of an imported deal whose person has a CRM id of the same source."""

    opportunity_id: int
    deal_external_id: str
    contact_external_id: str
    role: str


def crm_deals(plan: PlanDB, source: str) -> list[CrmDeal]:
    """Every deal imported from `source` (it has a CRM id), oldest first."""
    rows = plan.query(
        "SELECT id, external_id, stage_id, close_date, next_step, probability_override, forecast_category,"
        " amount, close_reason, close_reason_code, close_competitor"
        " FROM opportunity WHERE source = ? AND external_id IS NOT NULL ORDER BY id",
        [source],
    )
    return [CrmDeal(r[0], r[1], r[2], to_date(r[3]), r[4], r[5], r[6], r[7], r[8], r[9], r[10]) for r in rows]


def crm_influences(plan: PlanDB, source: str) -> list[CrmInfluence]:
    """Buying influences of `source`'s deals whose person came from the same CRM."""
    rows = plan.query(
        "SELECT o.id, o.external_id, p.external_id, b.role FROM buying_influence b"
        " JOIN opportunity o ON o.id = b.opportunity_id JOIN person p ON p.id = b.person_id"
        " WHERE o.source = ? AND o.external_id IS NOT NULL AND p.source = ? AND p.external_id IS NOT NULL"
        " ORDER BY o.id, b.id",
        [source, source],
    )
    return [CrmInfluence(r[0], r[1], r[2], r[3]) for r in rows]
