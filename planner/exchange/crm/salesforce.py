"""Salesforce: Opportunity exports with API names; updates loaded with Data Loader."""

from __future__ import annotations

from collections.abc import Sequence

from planner.exchange.crm.profile import Column, CrmProfile, count_headers

# API names are CamelCase without spaces; exports keep them exactly.
_API_NAMES = frozenset(
    {
        "Id", "Name", "AccountId", "Account.Name", "StageName", "CloseDate", "OwnerId", "Owner.Name",
        "ForecastCategoryName", "ForecastCategory", "CurrencyIsoCode", "IsWon", "IsClosed", "OpportunityId",
        "ContactId", "FirstName", "LastName", "CreatedDate", "NextStep", "AccountName", "OpportunityName",
        "IsDeleted", "ParentId", "Probability", "Amount", "Role", "CreatedById", "Username",
    }
)  # fmt: skip


def _recognise(headers: Sequence[str]) -> int:
    found = count_headers(headers, _API_NAMES, fold=False)
    return found if found >= 2 else 0


_STAGES = (
    "Prospecting", "Qualification", "Needs Analysis", "Value Proposition", "Id. Decision Makers",
    "Perception Analysis", "Proposal/Price Quote", "Negotiation/Review", "Closed Won", "Closed Lost",
)  # fmt: skip

PROFILE = CrmProfile(
    value="salesforce",
    label="Salesforce",
    recognise=_recognise,
    # The stock Opportunity StageName picklist.
    stages=_STAGES,
    probabilities={
        "prospecting": 10,
        "qualification": 10,
        "needs analysis": 20,
        "value proposition": 50,
        "id. decision makers": 60,
        "perception analysis": 70,
        "proposal/price quote": 75,
        "negotiation/review": 90,
    },
    won="Closed Won",
    lost="Closed Lost",
    columns=(
        (Column.ID, "Id"),
        (Column.STAGE, "StageName"),
        (Column.CLOSE_DATE, "CloseDate"),
        (Column.PROBABILITY, "Probability"),
        (Column.FORECAST_CATEGORY, "ForecastCategoryName"),
        (Column.AMOUNT, "Amount"),
        (Column.NEXT_STEP, "NextStep"),
    ),
    asks_reason_field=True,
    reason_example="Loss_Reason__c",
    contact_roles=True,
    import_tool="Data Loader",
)
