"""The manager's page's last forecast call: the page's quarter's last call (docs/forecast-calls.md)
and its change since the call before it, as a FactsSection every format of the pack writes."""

from __future__ import annotations

from planner.calendar import Quarter
from planner.exchange.manager_page import FactRow, FactsSection
from planner.exchange.pack import human_date, money_text
from planner.forecast_calls import CallChange, last_change
from planner.storage.db import PlanDB

TITLE = "Last forecast call"
NO_CALL = "No call recorded"
DEFINITIONS: dict[str, str] = {
    "last_call": "The seller's last forecast call for the quarter (Forecast tab, Record a call…).",
    "commit": "What the seller called as sure to be won in the quarter by its end (won so far included).",
    "best_case": "What the seller called as possible if things go well (Commit included).",
    "comment": "The seller's comment on the call.",
    "previous": "The call before the last one for the same quarter.",
    "commit_change": "Last call's Commit - the previous call's Commit: up or down by how much.",
    "best_case_change": "Last call's Best Case - the previous call's Best Case: up or down by how much.",
}


def _signed(value: float | None, currency: str, why: str) -> str:
    # In words, not '+15,000': a cell starting with a sign is a formula to a spreadsheet, so
    # the workbook and the CSV would write it with a leading apostrophe.
    if value is None:
        return why
    if value == 0:
        return "no change"
    return f"{'up' if value > 0 else 'down'} {money_text(abs(value), currency)}"


def call_rows(change: CallChange | None) -> tuple[FactRow, ...]:
    """The section's rows: 'No call recorded', or the call, its comment and its change."""
    if change is None:
        return (FactRow("Last call", NO_CALL, DEFINITIONS["last_call"]),)
    call, previous = change.call, change.previous
    if previous is None:
        why = "— (the quarter's first call)"
    elif not change.comparable:
        why = f"— (the previous call was in {previous.currency})"
    else:
        why = "—"
    return (
        FactRow("Called on", human_date(call.called_on), DEFINITIONS["last_call"]),
        FactRow("Commit", money_text(call.commit, call.currency), DEFINITIONS["commit"]),
        FactRow("Best Case", money_text(call.best_case, call.currency), DEFINITIONS["best_case"]),
        FactRow("Comment", call.comment or "none", DEFINITIONS["comment"]),
        FactRow(
            "Previous call",
            human_date(previous.called_on) if previous else "none",
            DEFINITIONS["previous"],
        ),
        FactRow(
            "Commit change", _signed(change.commit_change, call.currency, why), DEFINITIONS["commit_change"]
        ),
        FactRow(
            "Best Case change",
            _signed(change.best_case_change, call.currency, why),
            DEFINITIONS["best_case_change"],
        ),
    )


def forecast_call_section(plan: PlanDB, quarter: Quarter) -> FactsSection:
    """The page's "Last forecast call" section for `quarter`."""
    return FactsSection(TITLE, call_rows(last_change(plan, quarter)))
