"""HubSpot: deal exports with property labels; updates loaded with HubSpot's import (by Record ID)."""

from __future__ import annotations

from collections.abc import Sequence

from planner.exchange.crm.profile import Column, CrmProfile, count_headers

# Labels only HubSpot writes (plain English like "Close Date" or "Amount" proves nothing).
_LABELS = frozenset(
    {
        "record id", "deal name", "deal stage", "deal owner", "associated company", "pipeline", "create date",
        "deal probability", "amount in company currency", "associated company ids", "hubspot owner",
        "contact owner", "company owner", "associated contact",
    }
)  # fmt: skip


def _recognise(headers: Sequence[str]) -> int:
    found = count_headers(headers, _LABELS)
    return found if found >= 2 else 0


_STAGES = (
    "Appointment Scheduled", "Qualified To Buy", "Presentation Scheduled", "Decision Maker Bought-In",
    "Contract Sent", "Closed Won", "Closed Lost",
)  # fmt: skip

PROFILE = CrmProfile(
    value="hubspot",
    label="HubSpot",
    recognise=_recognise,
    pipeline_headers=frozenset({"pipeline"}),
    # The stock "Sales Pipeline"; the import takes a stage's label or its internal value.
    stages=_STAGES,
    probabilities={
        "appointment scheduled": 20,
        "qualified to buy": 40,
        "presentation scheduled": 60,
        "decision maker bought-in": 80,
        "contract sent": 90,
    },
    won="closedwon",
    lost="closedlost",
    columns=(
        (Column.ID, "Record ID"),
        (Column.STAGE, "Deal Stage"),
        (Column.CLOSE_DATE, "Close Date"),
        (Column.PROBABILITY, "Forecast probability"),
        (Column.FORECAST_CATEGORY, "Forecast category"),
        (Column.AMOUNT, "Amount"),
        (Column.REASON, "Closed lost reason"),
        (Column.NEXT_STEP, "Next step"),
    ),
    probability_as_fraction=True,
    import_tool="HubSpot import",
)
