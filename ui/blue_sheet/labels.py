"""How the Blue Sheet's values read: METHOD.md's names for roles, modes, ratings and rules."""

from __future__ import annotations

import html

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
    HOSTILE_INFLUENCE,
    MANUAL,
    NEW_PLAYER,
    NO_COACH,
    NO_ECONOMIC_BUYER,
    NO_WIN_RESULT,
    OBJECTIVE_INCOMPLETE,
    OVERDUE,
    PREMATURE,
    RECEPTIVE_ECONOMIC_BUYER,
    SEVERAL_ECONOMIC_BUYERS,
    SLIPPING,
    STALE,
    STRONG_COACH,
    UNCOVERED_INFLUENCE,
    UNKNOWN,
    UNRECEPTIVE_ECONOMIC_BUYER,
)

MINUS = "\u2212"  # a true minus sign (U+2212) reads better than a hyphen next to "+4"

ROLE: dict[Role, str] = {
    Role.ECONOMIC: "Economic",
    Role.USER: "User",
    Role.TECHNICAL: "Technical",
    Role.COACH: "Coach",
    Role.UNKNOWN: "Unknown",
}
DEGREE: dict[Degree, str] = {
    Degree.HIGH: "High",
    Degree.MEDIUM: "Medium",
    Degree.LOW: "Low",
    Degree.UNKNOWN: "Unknown",
}
MODE: dict[Mode, str] = {
    Mode.GROWTH: "Growth",
    Mode.TROUBLE: "Trouble",
    Mode.EVEN_KEEL: "Even Keel",
    Mode.OVERCONFIDENT: "Overconfident",
    Mode.UNKNOWN: "Unknown",
}
CONCEPT_KIND: dict[ConceptKind | None, str] = {
    ConceptKind.ACCOMPLISH: "Accomplish",
    ConceptKind.FIX: "Fix",
    ConceptKind.AVOID: "Avoid",
    None: "Unknown",
}
COMPETITION: dict[CompetitionKind, str] = {
    CompetitionKind.VENDOR: "Other vendor",
    CompetitionKind.INTERNAL: "Internal resources",
    CompetitionKind.BUDGET_ELSEWHERE: "Budget spent elsewhere",
    CompetitionKind.DO_NOTHING: "Do nothing",
}
STATUS: dict[ActionStatus, str] = {
    ActionStatus.POSSIBLE: "Possible",
    ActionStatus.PLANNED: "Planned",
    ActionStatus.DONE: "Done",
}
# Short names of the rules, for an action's link once its flag is no longer raised.
RULE: dict[str, str] = {
    NO_ECONOMIC_BUYER: "No Economic buyer",
    SEVERAL_ECONOMIC_BUYERS: "Several Economic buyers",
    NO_COACH: "No Coach",
    UNCOVERED_INFLUENCE: "Influence not covered",
    HOSTILE_INFLUENCE: "Hostile influence",
    UNRECEPTIVE_ECONOMIC_BUYER: "Unreceptive Economic buyer",
    UNKNOWN: "Missing information",
    NO_WIN_RESULT: "No Win-Result",
    NEW_PLAYER: "New player",
    OBJECTIVE_INCOMPLETE: "Objective incomplete",
    STALE: "Stale",
    SLIPPING: "Slipping",
    OVERDUE: "Overdue",
    PREMATURE: "Premature",
    STRONG_COACH: "Strong Coach",
    RECEPTIVE_ECONOMIC_BUYER: "Receptive Economic buyer",
    ALL_ROLES_COVERED: "Every role covered",
    MANUAL: "Your own",
}
POSITION_ENDS = {
    MAX_RATING: "Euphoric: euphoria is often blindness; check the evidence behind it",
    MIN_RATING: "Panic: find out what is missing and act on it",
}


def rating(value: int | None) -> str:
    """'+3', '0', and negatives with a true minus; 'Unknown' for none or one off the -5..+5 scale."""
    if type(value) is not int or not MIN_RATING <= value <= MAX_RATING:
        return "Unknown"
    return f"{value:+d}".replace("-", MINUS) if value else "0"


def position(value: int | None) -> str:
    """The current position: '+5 Euphoric', '-5 Panic' (true minus), '+2', or 'Not set'."""
    if type(value) is not int or not MIN_RATING <= value <= MAX_RATING:
        return "Not set"
    if value == MAX_RATING:
        return f"{rating(value)} Euphoric"
    if value == MIN_RATING:
        return f"{rating(value)} Panic"
    return rating(value)


def tooltip(text: str, limit: int = 600) -> str:
    """User text as a tooltip that shows it literally: Qt renders tooltips that look like HTML."""
    if len(text) > limit:
        text = text[:limit] + "…"
    return f"<p style='white-space:pre-wrap'>{html.escape(text)}</p>" if text else ""
