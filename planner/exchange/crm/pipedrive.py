"""Pipedrive: 'Deal - Field' exports; a won or lost deal keeps its stage and says so in its status."""

from __future__ import annotations

import re
from collections.abc import Sequence

from planner.exchange.crm.profile import Column, CrmProfile

_PREFIX = re.compile(r"^(Deal|Organization|Organisation|Person|Product|Activity|Lead|Note) - ")


def _recognise(headers: Sequence[str]) -> int:
    # Pipedrive's prefixes are unmistakable: they win over any other CRM's labels.
    prefixed = sum(1 for h in headers if _PREFIX.match(h))
    if prefixed >= 2:
        return 100 + prefixed
    if {"Organization", "Contact person"} <= {h.strip() for h in headers}:
        return 100
    return 0


PROFILE = CrmProfile(
    value="pipedrive",
    label="Pipedrive",
    recognise=_recognise,
    pipeline_headers=frozenset({"deal - pipeline"}),
    # The stock pipeline; closing is the status, not a stage.
    stages=("Qualified", "Contact Made", "Demo Scheduled", "Proposal Made", "Negotiations Started"),
    won="won",
    lost="lost",
    closed_by_status=True,
    columns=(
        (Column.ID, "Deal - ID"),
        (Column.STAGE, "Deal - Stage"),
        (Column.STATUS, "Deal - Status"),
        (Column.CLOSE_DATE, "Deal - Expected close date"),
        (Column.PROBABILITY, "Deal - Probability"),
        (Column.AMOUNT, "Deal - Value"),
        (Column.REASON, "Deal - Lost reason"),
        (Column.NEXT_STEP, "Deal - Next step"),
    ),
    import_tool="Pipedrive import",
)
