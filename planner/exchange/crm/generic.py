"""Any other CSV or XLSX: columns matched by their names; nothing goes back."""

from __future__ import annotations

from planner.exchange.crm.profile import CrmProfile

PROFILE = CrmProfile(
    value="generic", label="CSV", pipeline_headers=frozenset({"pipeline", "deal pipeline", "pipeline name"})
)
