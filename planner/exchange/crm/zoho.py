"""Zoho CRM: the Deals module's export; updates loaded with Zoho's Import (update by Record Id)."""

from __future__ import annotations

from collections.abc import Sequence

from planner.exchange.crm.profile import Column, CrmProfile, count_headers

_LABELS = frozenset(
    {
        "record id", "deal name", "account name", "closing date", "probability (%)", "deal owner",
        "expected revenue", "contact name", "lead source", "reason for loss", "created time",
    }
)  # fmt: skip


def _recognise(headers: Sequence[str]) -> int:
    # "Closing Date" or "Probability (%)" set it apart from HubSpot's "Deal Name"/"Deal Owner".
    names = {h.strip().casefold() for h in headers}
    if not names & {"closing date", "probability (%)", "expected revenue"}:
        return 0
    found = count_headers(headers, _LABELS)
    return found if found >= 3 else 0


_STAGES = (
    "Qualification", "Needs Analysis", "Value Proposition", "Identify Decision Makers",
    "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
    "Closed Lost to Competition",
)  # fmt: skip

PROFILE = CrmProfile(
    value="zoho",
    label="Zoho CRM",
    recognise=_recognise,
    stages=_STAGES,
    probabilities={
        "qualification": 10,
        "needs analysis": 20,
        "value proposition": 40,
        "identify decision makers": 60,
        "proposal/price quote": 75,
        "negotiation/review": 90,
    },
    won="Closed Won",
    lost="Closed Lost",
    columns=(
        (Column.ID, "Record Id"),
        (Column.STAGE, "Stage"),
        (Column.CLOSE_DATE, "Closing Date"),
        (Column.PROBABILITY, "Probability (%)"),
        (Column.AMOUNT, "Amount"),
        (Column.REASON, "Reason For Loss"),
        (Column.NEXT_STEP, "Next Step"),
    ),
    import_tool="Zoho CRM Import",
)
