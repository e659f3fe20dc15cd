"""The change record every edit returns (light: the board imports it at start-up, and the
operations themselves load when the seller first edits)."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Change:
    """What an operation changed, so views refresh only that."""

    opportunities: frozenset[int] = field(default_factory=frozenset)
    removed_opportunities: frozenset[int] = field(default_factory=frozenset)
    accounts_changed: bool = False
    stages_changed: bool = False
    settings_changed: bool = False  # base currency or rates: every total changes
