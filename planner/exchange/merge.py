"""Three-way merge of a deal's CRM-owned fields: the file, the plan now, and what the last import wrote."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.storage.imports import ExistingDeal

# For each field the file supplies: equal to the plan -> nothing to do; equal to what the last import
# wrote -> the CRM did not change it, so the seller's planner edit is kept; otherwise the CRM changed
# it and its value is taken (the change says when that replaced a planner edit), except for the
# SELLER_OWNED fields, where the seller's own value is kept.

# The deal fields an import owns, with the names the summary uses for them: sources of the
# "ImportChanges" context, translated once per preview (`field_labels`).
CRM_FIELDS: dict[str, str] = {
    "title": QT_TRANSLATE_NOOP("ImportChanges", "Name"),
    "account_id": QT_TRANSLATE_NOOP("ImportChanges", "Account"),
    "product": QT_TRANSLATE_NOOP("ImportChanges", "Product"),
    "amount": QT_TRANSLATE_NOOP("ImportChanges", "Amount"),
    "currency": QT_TRANSLATE_NOOP("ImportChanges", "Currency"),
    "close_date": QT_TRANSLATE_NOOP("ImportChanges", "Close date"),
    "stage_id": QT_TRANSLATE_NOOP("ImportChanges", "Stage"),
    "next_step": QT_TRANSLATE_NOOP("ImportChanges", "Next step"),
    "forecast_category": QT_TRANSLATE_NOOP("ImportChanges", "Forecast category"),
    "quantity": QT_TRANSLATE_NOOP("ImportChanges", "Quantity"),
}


# Fields the CRM sets only until the seller sets their own: a later CRM change keeps the seller's.
SELLER_OWNED = frozenset({"forecast_category"})


def field_labels() -> dict[str, str]:
    """CRM_FIELDS in the window's language (English inside `i18n.english()`)."""
    return {name: translate("ImportChanges", label) for name, label in CRM_FIELDS.items()}


Describe = Callable[[str, Any], str]


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One field of a deal changed by the import, as the summary shows it."""

    field: str
    old: str
    new: str
    replaced_planner_value: bool = False

    def line(self) -> str:
        """'Amount: 100 → 120 (replaces your planner edit)', in the window's language."""
        text = f"{self.field}: {self.old or '—'} → {self.new or '—'}"
        if self.replaced_planner_value:
            return translate("ImportChanges", "{change} (replaces your planner edit)").format(change=text)
        return text


@dataclass(frozen=True, slots=True)
class MergeResult:
    """What to write: plain columns, a stage change, a close-date change; and what to report."""

    fields: dict[str, Any] = field(default_factory=dict)
    stage: int | None = None
    close_date: tuple[dt.date | None, dt.date | None] | None = None
    changes: tuple[FieldChange, ...] = ()
    kept: tuple[str, ...] = ()


def current_values(deal: ExistingDeal) -> dict[str, Any]:
    """A deal's CRM-owned fields as JSON values, comparable with a file's and the state's."""
    return {
        "title": deal.title,
        "account_id": deal.account_id,
        "product": deal.product,
        "amount": deal.amount,
        "currency": deal.currency,
        "close_date": deal.close_date.isoformat() if deal.close_date else None,
        "stage_id": deal.stage_id,
        "next_step": deal.next_step,
        "forecast_category": deal.forecast_category,
        "quantity": deal.quantity,
    }


def same(a: Any, b: Any) -> bool:
    """Equal as stored values: amounts to the cent, everything else exactly."""
    if isinstance(a, float | int) and isinstance(b, float | int) and not isinstance(a, bool):
        return round(float(a), 2) == round(float(b), 2)
    return bool(a == b)


def merge(
    existing: ExistingDeal,
    supplied: Mapping[str, Any],
    base: Mapping[str, Any],
    describe: Describe,
    labels: Mapping[str, str] = CRM_FIELDS,
) -> MergeResult:
    """Merge the file's values into a deal (see the module docstring); `labels` names the fields
    in the changes (`field_labels()`, translated once for all of a preview's rows)."""
    now = current_values(existing)
    fields: dict[str, Any] = {}
    stage: int | None = None
    close_date: tuple[dt.date | None, dt.date | None] | None = None
    changes: list[FieldChange] = []
    kept: list[str] = []
    for name, new in supplied.items():
        current = now[name]
        if same(new, current):
            continue
        label = labels[name]
        if name in base and (
            same(new, base[name]) or (name in SELLER_OWNED and not same(current, base[name]))
        ):
            kept.append(label)
            continue
        replaced = name in base and not same(current, base[name])
        changes.append(FieldChange(label, describe(name, current), describe(name, new), replaced))
        if name == "stage_id":
            stage = int(new)
        elif name == "close_date":
            close_date = (existing.close_date, dt.date.fromisoformat(new) if new else None)
        else:
            fields[name] = new
    return MergeResult(fields, stage, close_date, tuple(changes), tuple(kept))
