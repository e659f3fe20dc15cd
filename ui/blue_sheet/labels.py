"""How the Blue Sheet's values read: docs/method.md's names for roles, modes, ratings and rules."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import (
    MAX_RATING,
    MIN_RATING,
    ActionStatus,
    CompetitionKind,
    ConceptKind,
    Degree,
    Mode,
    Role,
)
from planner.red_flags import rule_label

_E = TypeVar("_E", bound=StrEnum)

MINUS = "\u2212"  # a true minus sign (U+2212) reads better than a hyphen next to "+4"

# The choices each list offers, in the method's order; the words come from the enums' own
# `label` (planner.model), so the Blue Sheet, the map and the review pack say the same.
ROLE: tuple[Role, ...] = tuple(Role)
DEGREE: tuple[Degree, ...] = tuple(Degree)
MODE: tuple[Mode, ...] = tuple(Mode)
CONCEPT_KIND: tuple[ConceptKind | None, ...] = (*ConceptKind, None)
COMPETITION: tuple[CompetitionKind, ...] = tuple(CompetitionKind)
STATUS: tuple[ActionStatus, ...] = tuple(ActionStatus)
# The two ends of the current position's scale: warnings both, with what to do about them.
POSITION_ENDS: dict[int, str] = {
    MAX_RATING: QT_TRANSLATE_NOOP(
        "BlueSheetLabels", "euphoria is often blindness; check the evidence behind it"
    ),
    MIN_RATING: QT_TRANSLATE_NOOP("BlueSheetLabels", "find out what is missing and act on it"),
}


def _member(kind: type[_E], value: object) -> _E | None:
    """`value` as a member of `kind` (a stored string reads as its member), or None."""
    try:
        return kind(value) if isinstance(value, str) else None
    except ValueError:
        return None


def unknown() -> str:
    """'Unknown': a value the seller has not found out yet."""
    return translate("BlueSheetLabels", "Unknown")


def role(value: Role) -> str:
    """'Economic', 'User', 'Technical', 'Coach' or 'Unknown', in the window's language."""
    found = _member(Role, value)
    return found.label if found else unknown()


def degree(value: Degree) -> str:
    found = _member(Degree, value)
    return found.label if found else unknown()


def mode(value: Mode) -> str:
    found = _member(Mode, value)
    return found.label if found else unknown()


def concept_kind(value: ConceptKind | None) -> str:
    found = _member(ConceptKind, value)
    return found.label if found else unknown()


def competition(value: CompetitionKind) -> str:
    found = _member(CompetitionKind, value)
    return found.label if found else ""


def status(value: ActionStatus) -> str:
    found = _member(ActionStatus, value)
    return found.label if found else ""


def rule(name: str) -> str:
    """A rule's short name ('No Coach'); the rule's id itself when it has none."""
    return rule_label(name)


def position_advice(value: int | None) -> str:
    """What to do at either end of the scale; '' in between."""
    source = POSITION_ENDS.get(value) if type(value) is int else None
    return translate("BlueSheetLabels", source) if source else ""


def on_scale(value: object) -> bool:
    """Whether `value` is a rating on the -5..+5 scale (booleans and off-scale numbers are not)."""
    return type(value) is int and MIN_RATING <= value <= MAX_RATING


def rating(value: int | None) -> str:
    """'+3', '0', and negatives with a true minus; 'Unknown' for none or one off the -5..+5 scale."""
    if value is None or not on_scale(value):
        return unknown()
    return f"{value:+d}".replace("-", MINUS) if value else "0"


def position(value: int | None) -> str:
    """The current position: '+5 Euphoric', '-5 Panic' (true minus), '+2', or 'Not set'."""
    if value is None or not on_scale(value):
        return translate("BlueSheetLabels", "Not set")
    if value == MAX_RATING:
        return translate("BlueSheetLabels", "{rating} Euphoric").format(rating=rating(value))
    if value == MIN_RATING:
        return translate("BlueSheetLabels", "{rating} Panic").format(rating=rating(value))
    return rating(value)
