"""How the Blue Sheet's values read: docs/method.md's names for roles, modes, ratings and rules."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

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
from planner.red_flags import (
    ALL_ROLES_COVERED,
    BEST_FEW_UNCONFIRMED,
    COMMITMENT_THIS_WEEK,
    EUPHORIC_WITH_RED_FLAGS,
    FLAG_WITHOUT_ACTION,
    HOSTILE_INFLUENCE,
    MANUAL,
    NEW_PLAYER,
    NO_COACH,
    NO_ECONOMIC_BUYER,
    NO_NEXT_STEP,
    NO_WIN_RESULT,
    NOT_IN_FUNNEL_YET,
    OBJECTIVE_INCOMPLETE,
    OVERDUE,
    PREMATURE,
    RECEPTIVE_ECONOMIC_BUYER,
    SEVERAL_ECONOMIC_BUYERS,
    SINGLE_THREADED,
    SLIPPING,
    STALE,
    STRONG_COACH,
    UNCOVERED_INFLUENCE,
    UNKNOWN,
    UNRECEPTIVE_ECONOMIC_BUYER,
)

MINUS = "\u2212"  # a true minus sign (U+2212) reads better than a hyphen next to "+4"

# The tables hold English sources, marked for the catalogue; the functions below translate them
# when shown (the translator is installed after this module is imported). They use planner's
# `translate`, so a review pack written in English (planner.i18n.english) draws an English map.
ROLE: dict[Role, str] = {
    Role.ECONOMIC: QT_TRANSLATE_NOOP("BlueSheetLabels", "Economic"),
    Role.USER: QT_TRANSLATE_NOOP("BlueSheetLabels", "User"),
    Role.TECHNICAL: QT_TRANSLATE_NOOP("BlueSheetLabels", "Technical"),
    Role.COACH: QT_TRANSLATE_NOOP("BlueSheetLabels", "Coach"),
    Role.UNKNOWN: QT_TRANSLATE_NOOP("BlueSheetLabels", "Unknown"),
}
DEGREE: dict[Degree, str] = {
    Degree.HIGH: QT_TRANSLATE_NOOP("BlueSheetLabels", "High"),
    Degree.MEDIUM: QT_TRANSLATE_NOOP("BlueSheetLabels", "Medium"),
    Degree.LOW: QT_TRANSLATE_NOOP("BlueSheetLabels", "Low"),
    Degree.UNKNOWN: QT_TRANSLATE_NOOP("BlueSheetLabels", "Unknown"),
}
MODE: dict[Mode, str] = {
    Mode.GROWTH: QT_TRANSLATE_NOOP("BlueSheetLabels", "Growth"),
    Mode.TROUBLE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Trouble"),
    Mode.EVEN_KEEL: QT_TRANSLATE_NOOP("BlueSheetLabels", "Even Keel"),
    Mode.OVERCONFIDENT: QT_TRANSLATE_NOOP("BlueSheetLabels", "Overconfident"),
    Mode.UNKNOWN: QT_TRANSLATE_NOOP("BlueSheetLabels", "Unknown"),
}
CONCEPT_KIND: dict[ConceptKind | None, str] = {
    ConceptKind.ACCOMPLISH: QT_TRANSLATE_NOOP("BlueSheetLabels", "Accomplish"),
    ConceptKind.FIX: QT_TRANSLATE_NOOP("BlueSheetLabels", "Fix"),
    ConceptKind.AVOID: QT_TRANSLATE_NOOP("BlueSheetLabels", "Avoid"),
    None: QT_TRANSLATE_NOOP("BlueSheetLabels", "Unknown"),
}
COMPETITION: dict[CompetitionKind, str] = {
    CompetitionKind.VENDOR: QT_TRANSLATE_NOOP("BlueSheetLabels", "Other vendor"),
    CompetitionKind.INTERNAL: QT_TRANSLATE_NOOP("BlueSheetLabels", "Internal resources"),
    CompetitionKind.BUDGET_ELSEWHERE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Budget spent elsewhere"),
    CompetitionKind.DO_NOTHING: QT_TRANSLATE_NOOP("BlueSheetLabels", "Do nothing"),
}
STATUS: dict[ActionStatus, str] = {
    ActionStatus.POSSIBLE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Possible"),
    ActionStatus.PLANNED: QT_TRANSLATE_NOOP("BlueSheetLabels", "Planned"),
    ActionStatus.DONE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Done"),
}
# Short names of the rules, for an action's link once its flag is no longer raised.
RULE: dict[str, str] = {
    NO_ECONOMIC_BUYER: QT_TRANSLATE_NOOP("BlueSheetLabels", "No Economic buyer"),
    SEVERAL_ECONOMIC_BUYERS: QT_TRANSLATE_NOOP("BlueSheetLabels", "Several Economic buyers"),
    NO_COACH: QT_TRANSLATE_NOOP("BlueSheetLabels", "No Coach"),
    UNCOVERED_INFLUENCE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Influence not covered"),
    HOSTILE_INFLUENCE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Hostile influence"),
    UNRECEPTIVE_ECONOMIC_BUYER: QT_TRANSLATE_NOOP("BlueSheetLabels", "Unreceptive Economic buyer"),
    UNKNOWN: QT_TRANSLATE_NOOP("BlueSheetLabels", "Missing information"),
    NO_WIN_RESULT: QT_TRANSLATE_NOOP("BlueSheetLabels", "No Win-Result"),
    NEW_PLAYER: QT_TRANSLATE_NOOP("BlueSheetLabels", "New player"),
    OBJECTIVE_INCOMPLETE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Objective incomplete"),
    STALE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Stale"),
    SLIPPING: QT_TRANSLATE_NOOP("BlueSheetLabels", "Slipping"),
    OVERDUE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Overdue"),
    PREMATURE: QT_TRANSLATE_NOOP("BlueSheetLabels", "Premature"),
    NOT_IN_FUNNEL_YET: QT_TRANSLATE_NOOP("BlueSheetLabels", "Not in the Funnel yet"),
    BEST_FEW_UNCONFIRMED: QT_TRANSLATE_NOOP("BlueSheetLabels", "Best Few unconfirmed"),
    NO_NEXT_STEP: QT_TRANSLATE_NOOP("BlueSheetLabels", "No next step"),
    SINGLE_THREADED: QT_TRANSLATE_NOOP("BlueSheetLabels", "Single-threaded"),
    EUPHORIC_WITH_RED_FLAGS: QT_TRANSLATE_NOOP("BlueSheetLabels", "Euphoric despite red flags"),
    FLAG_WITHOUT_ACTION: QT_TRANSLATE_NOOP("BlueSheetLabels", "Red flag without an action"),
    STRONG_COACH: QT_TRANSLATE_NOOP("BlueSheetLabels", "Strong Coach"),
    RECEPTIVE_ECONOMIC_BUYER: QT_TRANSLATE_NOOP("BlueSheetLabels", "Receptive Economic buyer"),
    ALL_ROLES_COVERED: QT_TRANSLATE_NOOP("BlueSheetLabels", "Every role covered"),
    COMMITMENT_THIS_WEEK: QT_TRANSLATE_NOOP("BlueSheetLabels", "Commitment this week"),
    MANUAL: QT_TRANSLATE_NOOP("BlueSheetLabels", "Your own"),
}
# The two ends of the current position's scale: warnings both, with what to do about them.
POSITION_ENDS: dict[int, str] = {
    MAX_RATING: QT_TRANSLATE_NOOP(
        "BlueSheetLabels", "euphoria is often blindness; check the evidence behind it"
    ),
    MIN_RATING: QT_TRANSLATE_NOOP("BlueSheetLabels", "find out what is missing and act on it"),
}


def _shown(table: Mapping[Any, str], key: object) -> str:
    source = table.get(key)
    return translate("BlueSheetLabels", source) if source else unknown()


def unknown() -> str:
    """'Unknown': a value the seller has not found out yet."""
    return translate("BlueSheetLabels", "Unknown")


def role(value: Role) -> str:
    """'Economic', 'User', 'Technical', 'Coach' or 'Unknown', in the window's language."""
    return _shown(ROLE, value)


def degree(value: Degree) -> str:
    return _shown(DEGREE, value)


def mode(value: Mode) -> str:
    return _shown(MODE, value)


def concept_kind(value: ConceptKind | None) -> str:
    return _shown(CONCEPT_KIND, value)


def competition(value: CompetitionKind) -> str:
    source = COMPETITION.get(value)
    return translate("BlueSheetLabels", source) if source else ""


def status(value: ActionStatus) -> str:
    source = STATUS.get(value)
    return translate("BlueSheetLabels", source) if source else ""


def rule(name: str) -> str:
    """A rule's short name ('No Coach'); the rule's id itself when it has none."""
    source = RULE.get(name)
    return translate("BlueSheetLabels", source) if source else name


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
