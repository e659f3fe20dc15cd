"""What the planner knows about one CRM: how its exports look and what its import tools accept."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar


class Column(StrEnum):
    """A value the CRM-shaped export can write; each profile names the columns it has."""

    ID = "id"
    STAGE = "stage"
    STATUS = "status"  # open/won/lost where the CRM keeps closing out of the stage (Pipedrive)
    CLOSE_DATE = "close_date"
    NEXT_STEP = "next_step"
    PROBABILITY = "probability"
    FORECAST_CATEGORY = "forecast_category"
    AMOUNT = "amount"
    REASON = "reason"  # why a deal was lost or walked away from


@dataclass(frozen=True, eq=False, slots=True)
class CrmProfile:
    """One CRM: its key (also the `source` stored on imported records), how its export files are
    recognised, its documented default stages and closed values, and its import layout.

    Profiles are singletons of the registry (`planner.exchange.crm`): compare them with `is`.
    """

    value: str
    label: str
    # Header -> score: how plainly a file's headers are this CRM's export (0: not at all).
    recognise: Callable[[Sequence[str]], int] = field(default=lambda _headers: 0)
    # The stage values of the CRM's stock pipeline, in order (closed values included).
    stages: tuple[str, ...] = ()
    # Stock default probability per stage value (lower case), for mapping when a file gives none.
    probabilities: Mapping[str, int] = field(default_factory=dict)
    # The values a won or a lost deal is given (a stage value, or a status where closed_by_status).
    won: str = ""
    lost: str = ""
    closed_by_status: bool = False
    # The update file: columns in order, as the CRM's import tool names them. Empty: no export.
    columns: tuple[tuple[Column, str], ...] = ()
    # The reason column's name differs per org (Salesforce custom fields): asked once, remembered.
    asks_reason_field: bool = False
    reason_example: str = ""
    # HubSpot keeps probabilities as fractions (0.2), the others as percent (20).
    probability_as_fraction: bool = False
    # Buying influences go back as OpportunityContactRole rows (Salesforce).
    contact_roles: bool = False
    # The tool that loads the file, named in messages.
    import_tool: str = ""
    # The headers (lower case) of a deal's pipeline in the CRM's deal export, if it writes one.
    pipeline_headers: frozenset[str] = frozenset()

    # The built-in profiles the code names (set by the registry); a new CRM needs none of these.
    SALESFORCE: ClassVar[CrmProfile]
    HUBSPOT: ClassVar[CrmProfile]
    PIPEDRIVE: ClassVar[CrmProfile]
    GENERIC: ClassVar[CrmProfile]

    @property
    def exports(self) -> bool:
        """Whether the planner writes update files for this CRM."""
        return bool(self.columns)

    def column(self, which: Column) -> str | None:
        """The header of one of the export's columns, or None when the layout has none."""
        return next((name for c, name in self.columns if c is which), None)

    def __repr__(self) -> str:
        return f"CrmProfile({self.value!r})"


def count_headers(headers: Sequence[str], signature: frozenset[str], *, fold: bool = True) -> int:
    """How many of a file's headers are in a CRM's signature (casefolded unless fold=False)."""
    names = {h.strip().casefold() if fold else h.strip() for h in headers}
    return len(names & signature)
