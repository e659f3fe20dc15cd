"""The CRMs the planner knows: one profile module each, listed once here.

The command line's --source choices, the import wizard's Source list, file recognition, the
default stage probabilities and the CRM-shaped export all read `PROFILES`; adding a CRM is one
module (see salesforce.py) and one line below.
"""

from __future__ import annotations

from collections.abc import Sequence

from planner.exchange.crm import generic, hubspot, pipedrive, salesforce, zoho
from planner.exchange.crm.profile import Column, CrmProfile

# In the order the Source lists show them; on equal recognition scores the earlier one wins.
# The generic profile comes last: it is what a file is when no CRM recognises it.
PROFILES: tuple[CrmProfile, ...] = (
    salesforce.PROFILE,
    hubspot.PROFILE,
    pipedrive.PROFILE,
    zoho.PROFILE,
    generic.PROFILE,
)

CrmProfile.SALESFORCE = salesforce.PROFILE
CrmProfile.HUBSPOT = hubspot.PROFILE
CrmProfile.PIPEDRIVE = pipedrive.PROFILE
CrmProfile.GENERIC = generic.PROFILE

__all__ = ["PROFILES", "Column", "CrmProfile", "by_key", "detect", "export_keys", "keys"]


def keys() -> tuple[str, ...]:
    """Every profile's key ('salesforce', ..., 'generic')."""
    return tuple(p.value for p in PROFILES)


def export_keys() -> tuple[str, ...]:
    """The keys of the CRMs the planner writes update files for."""
    return tuple(p.value for p in PROFILES if p.exports)


def by_key(key: str) -> CrmProfile:
    """The profile with this key; ValueError naming the known ones otherwise."""
    for profile in PROFILES:
        if profile.value == key:
            return profile
    raise ValueError(f"“{key}” is not a known CRM (known: {', '.join(keys())})")


def detect(headers: Sequence[str]) -> CrmProfile:
    """The CRM whose export these headers most plainly are, else the generic profile."""
    best, score = CrmProfile.GENERIC, 0
    for profile in PROFILES:
        found = profile.recognise(headers)
        if found > score:
            best, score = profile, found
    return best


def known_probabilities() -> dict[str, int]:
    """Every profile's stock stage probabilities by lower-case stage value (the first one wins)."""
    merged: dict[str, int] = {}
    for profile in PROFILES:
        for name, value in profile.probabilities.items():
            merged.setdefault(name, value)
    return merged
