"""What a seller checks before an import writes: the deals created, updated (field by field) and
vanished, and whether the file is old history that should not fill the board."""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum

from planner.exchange.import_plan import Action, ImportPreview
from planner.exchange.importer import RowKey, accepted
from planner.i18n import QT_TRANSLATE_NOOP, translate

# A file is old history when most of its new deals' close dates lie this far in the past.
OLD_AFTER_DAYS = 365


class Outcome(StrEnum):
    """What the import does to one deal."""

    CREATED = "created"
    UPDATED = "updated"
    VANISHED = "vanished"

    @property
    def label(self) -> str:
        """'New', 'Updated', 'Vanished' in the window's language."""
        return translate("ImportReview", _OUTCOME_LABELS[self])


_OUTCOME_LABELS = {
    Outcome.CREATED: QT_TRANSLATE_NOOP("ImportReview", "New"),
    Outcome.UPDATED: QT_TRANSLATE_NOOP("ImportReview", "Updated"),
    Outcome.VANISHED: QT_TRANSLATE_NOOP("ImportReview", "Vanished"),
}


@dataclass(frozen=True, slots=True)
class DealOutcome:
    """One line of the preview: a deal, and for an update one changed field (old → new)."""

    outcome: Outcome
    title: str
    field: str = ""
    old: str = ""
    new: str = ""


def outcomes(
    preview: ImportPreview, skip: Iterable[RowKey] = (), skip_flagged: bool = False
) -> list[DealOutcome]:
    """The deals the import creates, updates (one line per changed field) and that vanished
    (open deals from this source that the files no longer hold: they stay in the plan)."""
    created: list[DealOutcome] = []
    updated: list[DealOutcome] = []
    for row in accepted(preview, skip, skip_flagged):
        if row.action is Action.CREATE:
            created.append(DealOutcome(Outcome.CREATED, row.title))
        elif row.action is Action.UPDATE:
            for change in row.changes:
                updated.append(DealOutcome(Outcome.UPDATED, row.title, change.field, change.old, change.new))
    vanished = [DealOutcome(Outcome.VANISHED, m.title) for m in preview.missing]
    return created + updated + vanished


def is_old_history(preview: ImportPreview, today: dt.date) -> bool:
    """Whether most of the new deals with a close date closed (or were due) over a year ago."""
    limit = today - dt.timedelta(days=OLD_AFTER_DAYS)
    dates = [
        row.new_deal.close_date or row.new_deal.closed_on
        for row in preview.rows
        if row.action is Action.CREATE and row.new_deal is not None
    ]
    dated = [d for d in dates if d is not None]
    return bool(dated) and sum(d < limit for d in dated) * 2 > len(dated)


def open_rows(preview: ImportPreview, closed_stage_ids: Collection[int]) -> set[RowKey]:
    """The rows that would create an open deal: skipped when only closed history comes in."""
    return {
        row.key
        for row in preview.rows
        if row.action is Action.CREATE
        and row.new_deal is not None
        and row.new_deal.stage_id not in closed_stage_ids
    }
