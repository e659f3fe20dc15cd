"""The stage-history reasons the planner writes itself, and how the window shows them.

They are stored in English, like everything the plan keeps (the review pack is English);
`shown_reason` translates them where the window shows them. Reasons the seller typed are
stored and shown as typed.
"""

from __future__ import annotations

import re

from planner.i18n import QT_TRANSLATE_NOOP, translate

CREATED = QT_TRANSLATE_NOOP("StageHistory", "Created")
CHANGED_IN_EDITOR = QT_TRANSLATE_NOOP("StageHistory", "Changed in the deal editor")
REOPENED = QT_TRANSLATE_NOOP("StageHistory", "Reopened")
# A forward move without a new commitment: the ones that enter the stage were recorded before.
ENTRY_ON_RECORD = QT_TRANSLATE_NOOP("StageHistory", "Entry commitments already on record")
STAGE_DELETED = QT_TRANSLATE_NOOP("StageHistory", "Stage {name} was deleted")
# What a CRM import writes (planner.exchange.import_plan): the CRM's name, its own stage names.
IMPORTED_FROM = QT_TRANSLATE_NOOP("StageHistory", "Imported from {crm}")
CRM_HISTORY = QT_TRANSLATE_NOOP("StageHistory", "{crm} history: {stage}")
CHANGED_IN_CRM = QT_TRANSLATE_NOOP("StageHistory", "Changed in {crm}")
CHANGED_IN_CRM_TO = QT_TRANSLATE_NOOP("StageHistory", "Changed in {crm}: {stage}")
SYSTEM_REASONS = frozenset({CREATED, CHANGED_IN_EDITOR, REOPENED, ENTRY_ON_RECORD})
# The sources an import names, so a seller's own "Changed in April"
# is not taken for one.
_CRM = r"(?P<crm>Salesforce|HubSpot|Pipedrive|CSV)"  # layouts._LAYOUT_LABELS
# System reasons with fields: (the source, the pattern its stored English text matches).
_SYSTEM_PATTERNS = (
    (STAGE_DELETED, re.compile(r"Stage (?P<name>.+) was deleted", re.DOTALL)),
    (IMPORTED_FROM, re.compile(rf"Imported from {_CRM}")),
    (CRM_HISTORY, re.compile(rf"{_CRM} history: (?P<stage>.+)", re.DOTALL)),
    (CHANGED_IN_CRM_TO, re.compile(rf"Changed in {_CRM}: (?P<stage>.+)", re.DOTALL)),
    (CHANGED_IN_CRM, re.compile(rf"Changed in {_CRM}")),
)


def shown_reason(reason: str) -> str:
    """A stored stage-history reason in the window's language: the planner's own reasons are
    translated, the seller's are returned as they are."""
    if reason in SYSTEM_REASONS:
        return translate("StageHistory", reason)
    for source, pattern in _SYSTEM_PATTERNS:
        match = pattern.fullmatch(reason)
        if match is not None:
            return translate("StageHistory", source).format(**match.groupdict())
    return reason
