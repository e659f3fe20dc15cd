"""Red flags and strengths of a deal by docs/method.md's rules: the one implementation everyone calls."""

from __future__ import annotations

import datetime as dt
import gc
import itertools
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from operator import attrgetter
from typing import Literal, NamedTuple, Protocol

from planner import funnel
from planner.funnel import DealTiming, FunnelStatus, StageRule
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import (
    MAX_RATING,
    MIN_RATING,
    Card,
    CardDetails,
    Degree,
    FunnelLevel,
    ManualFlag,
    Mode,
    Opportunity,
    Person,
    Role,
    Stage,
    StatusColumns,
)
from planner.stages import DEFAULT_STAGES, open_stages
from planner.storage import blue_sheet
from planner.storage import stages as stage_repo
from planner.storage.board import load_all_details, load_details
from planner.storage.db import PlanDB
from planner.templates import Template, compile_template, escape, fill_in

# The board's count, the Blue Sheet panel, the exports and the command line all call `evaluate`
# (one deal), `evaluate_all` or `evaluate_plan` (many); results come in the order `order_key` says.
#
# Where docs/method.md is silent, decided here (and tested):
# - The funnel rules (stale, slipping, overdue, premature) apply to open deals only; a closed deal
#   keeps the Blue Sheet rules, so a review can still show who was never met.
# - A value off its scale (a rating of 9, a role that is not one of the four) is *unknown*.
# - "Met" needs a name in covered-by and a date of last contact; with a stage limit, a contact
#   exactly `stale_after_days` ago is still recent (as for the stale rule). Without a limit
#   (closed stages, or a stage configured without one), any recorded meeting counts.
# - One `unknown` result per influence, naming every unknown field; one `no-win-result` per
#   influence, whether the Win, the Result or both are missing; one `several-economic-buyers`
#   per deal, naming them all.
# - Strength ids are not in docs/method.md: `strong-coach`, `receptive-economic-buyer`,
#   `all-roles-covered`. The seller's own flags and strengths have the rule id `manual` and
#   come after the automatic results of their kind.
# - The method's funnel-level and action checks (docs/method.md, "Red-flag rules"):
#   - `not-in-funnel-yet`, `best-few-unconfirmed`, `no-next-step` and `flag-without-action`
#     judge open deals only (a closed deal plans nothing and sits in no funnel level);
#     `single-threaded`, `euphoric-with-red-flags` and the strength `commitment-this-week`
#     are Blue Sheet rules and judge closed deals too, like the others.
#   - "Contacted" and "met" are one idea: an influence `uncovered-influence` is silent about.
#   - `single-threaded`: exactly one influence, or several of whom exactly one was met; it points
#     to that one person. No influence at all is `no-economic-buyer` and `no-coach`'s business.
#   - `best-few-unconfirmed`: the Economic buyer's agreed decision date is a recorded commitment
#     whose text (or one of its "; "-separated parts; case and spacing ignored) is a *decision
#     item*: an item of the Best Few checklists (the commitments that enter the first Best Few
#     stage, and those that leave each Best Few stage) that names a date ("date"; a German
#     word ending in "datum" or "termin"). With the default stages that is "Agreed contract and
#     signature date". When no item names a date, any item of those checklists counts; when
#     the checklists are empty there is nothing to check. Who said it (free text) is not read.
#     The normal cycle is the median (the lower middle for an even count) of the days from
#     creation to won over the plan's won deals, once there are MIN_WON_FOR_CYCLE of them;
#     a deal closing more than half of it from today is not Best Few yet (exactly half is).
#   - `no-next-step`: no open action (possible or planned: planner/next_step.py's "open").
#     A CRM next step does not count, as it is not planned here; the reason names it.
#   - `euphoric-with-red-flags`: a current position of +4 or +5 and at least one other red
#     flag, the seller's own included (`flag-without-action` only repeats the others).
#   - `panic`: a current position of -4 or -5, the mirror of euphoric's +4 and +5 ("both ends
#     are warnings"); it needs no other red flag, as panic says something is missing. A Blue
#     Sheet rule, like `euphoric-with-red-flags`: it judges closed deals too.
#   - `flag-without-action`: one result per deal, pointing to the deal, counting the red flags
#     (the seller's own included) that no open action links to (`flag_ref`); it says nothing
#     when the deal has no open action at all, which `no-next-step` already says.
#   - `commitment-this-week`: the latest commitment on or before today, at most
#     RECENT_COMMITMENT_DAYS ago (exactly 7 days counts); it points to the deal.

# Red-flag rule ids, exactly as docs/method.md names them, in the order of its table.
NO_ECONOMIC_BUYER = "no-economic-buyer"
SEVERAL_ECONOMIC_BUYERS = "several-economic-buyers"
NO_COACH = "no-coach"
UNCOVERED_INFLUENCE = "uncovered-influence"
HOSTILE_INFLUENCE = "hostile-influence"
UNRECEPTIVE_ECONOMIC_BUYER = "unreceptive-economic-buyer"
UNKNOWN = "unknown"
NO_WIN_RESULT = "no-win-result"
NEW_PLAYER = "new-player"
OBJECTIVE_INCOMPLETE = "objective-incomplete"
STALE = "stale"
SLIPPING = "slipping"
OVERDUE = "overdue"
PREMATURE = "premature"
NOT_IN_FUNNEL_YET = "not-in-funnel-yet"
BEST_FEW_UNCONFIRMED = "best-few-unconfirmed"
NO_NEXT_STEP = "no-next-step"
SINGLE_THREADED = "single-threaded"
EUPHORIC_WITH_RED_FLAGS = "euphoric-with-red-flags"
PANIC = "panic"
FLAG_WITHOUT_ACTION = "flag-without-action"
# Strengths, in the order docs/method.md lists them.
STRONG_COACH = "strong-coach"
RECEPTIVE_ECONOMIC_BUYER = "receptive-economic-buyer"
ALL_ROLES_COVERED = "all-roles-covered"
COMMITMENT_THIS_WEEK = "commitment-this-week"
# The seller's own red flags and strengths (ManualFlag rows).
MANUAL = "manual"

RED_FLAG_RULES: tuple[str, ...] = (
    NO_ECONOMIC_BUYER,
    SEVERAL_ECONOMIC_BUYERS,
    NO_COACH,
    UNCOVERED_INFLUENCE,
    HOSTILE_INFLUENCE,
    UNRECEPTIVE_ECONOMIC_BUYER,
    UNKNOWN,
    NO_WIN_RESULT,
    NEW_PLAYER,
    OBJECTIVE_INCOMPLETE,
    STALE,
    SLIPPING,
    OVERDUE,
    PREMATURE,
    NOT_IN_FUNNEL_YET,
    BEST_FEW_UNCONFIRMED,
    NO_NEXT_STEP,
    SINGLE_THREADED,
    EUPHORIC_WITH_RED_FLAGS,
    PANIC,
    FLAG_WITHOUT_ACTION,
)
STRENGTH_RULES: tuple[str, ...] = (
    STRONG_COACH,
    RECEPTIVE_ECONOMIC_BUYER,
    ALL_ROLES_COVERED,
    COMMITMENT_THIS_WEEK,
)
# Every rule id in result order; manual flags come after the automatic ones of their kind.
RULE_ORDER: tuple[str, ...] = (*RED_FLAG_RULES, *STRENGTH_RULES, MANUAL)
_RANK = {rule: rank for rank, rule in enumerate(RULE_ORDER)}

# Every rule's short name, one wording for the Blue Sheet, the board's chips and the review pack
# (sources of the "RedFlagRule" context, translated by `rule_label` where shown).
RULE_LABELS: dict[str, str] = {
    NO_ECONOMIC_BUYER: QT_TRANSLATE_NOOP("RedFlagRule", "No Economic buyer"),
    SEVERAL_ECONOMIC_BUYERS: QT_TRANSLATE_NOOP("RedFlagRule", "Several Economic buyers"),
    NO_COACH: QT_TRANSLATE_NOOP("RedFlagRule", "No Coach"),
    UNCOVERED_INFLUENCE: QT_TRANSLATE_NOOP("RedFlagRule", "Uncovered influence"),
    HOSTILE_INFLUENCE: QT_TRANSLATE_NOOP("RedFlagRule", "Hostile influence"),
    UNRECEPTIVE_ECONOMIC_BUYER: QT_TRANSLATE_NOOP("RedFlagRule", "Unreceptive Economic buyer"),
    UNKNOWN: QT_TRANSLATE_NOOP("RedFlagRule", "Missing information"),
    NO_WIN_RESULT: QT_TRANSLATE_NOOP("RedFlagRule", "No Win-Result"),
    NEW_PLAYER: QT_TRANSLATE_NOOP("RedFlagRule", "New player"),
    OBJECTIVE_INCOMPLETE: QT_TRANSLATE_NOOP("RedFlagRule", "Objective incomplete"),
    STALE: QT_TRANSLATE_NOOP("RedFlagRule", "Stale"),
    SLIPPING: QT_TRANSLATE_NOOP("RedFlagRule", "Slipping"),
    OVERDUE: QT_TRANSLATE_NOOP("RedFlagRule", "Overdue"),
    PREMATURE: QT_TRANSLATE_NOOP("RedFlagRule", "Premature"),
    NOT_IN_FUNNEL_YET: QT_TRANSLATE_NOOP("RedFlagRule", "Not in the Funnel yet"),
    BEST_FEW_UNCONFIRMED: QT_TRANSLATE_NOOP("RedFlagRule", "Best Few unconfirmed"),
    NO_NEXT_STEP: QT_TRANSLATE_NOOP("RedFlagRule", "No next step"),
    SINGLE_THREADED: QT_TRANSLATE_NOOP("RedFlagRule", "Single-threaded"),
    EUPHORIC_WITH_RED_FLAGS: QT_TRANSLATE_NOOP("RedFlagRule", "Euphoric despite red flags"),
    FLAG_WITHOUT_ACTION: QT_TRANSLATE_NOOP("RedFlagRule", "Red flag without an action"),
    PANIC: QT_TRANSLATE_NOOP("RedFlagRule", "Panic"),
    STRONG_COACH: QT_TRANSLATE_NOOP("RedFlagRule", "Strong Coach"),
    RECEPTIVE_ECONOMIC_BUYER: QT_TRANSLATE_NOOP("RedFlagRule", "Receptive Economic buyer"),
    ALL_ROLES_COVERED: QT_TRANSLATE_NOOP("RedFlagRule", "Every role covered"),
    COMMITMENT_THIS_WEEK: QT_TRANSLATE_NOOP("RedFlagRule", "Commitment this week"),
    MANUAL: QT_TRANSLATE_NOOP("RedFlagRule", "Seller's own"),
}


def rule_label(rule: str) -> str:
    """A rule's short name in the window's language ('No Coach' for 'no-coach'); an action's link
    to a record ('uncovered-influence:influence:12') reads as its rule; an unknown id as itself."""
    source = RULE_LABELS.get(rule.split(":", 1)[0])
    return translate("RedFlagRule", source) if source else rule


# A rating this low is hostile; a Coach rated this high is a strength (docs/method.md).
HOSTILE_AT_MOST = -4
STRONG_COACH_AT_LEAST = 3
# A current position this high is euphoric (+4 and +5); a commitment this many days old is recent;
# the plan's normal cycle is known from this many won deals on.
EUPHORIC_AT_LEAST = 4
PANIC_AT_MOST = -4  # the other end of the scale, as far from zero (docs/method.md: both ends warn)
RECENT_COMMITMENT_DAYS = 7
MIN_WON_FOR_CYCLE = 5

RecordKind = Literal["opportunity", "influence", "manual_flag"]


class RecordRef(NamedTuple):
    """The record a result points to: the deal itself, one buying influence or one manual flag."""

    kind: RecordKind
    id: int


class Flag(NamedTuple):
    """One red flag or strength: its rule id, the reason the seller reads, and its record.

    NamedTuples, Flag and RecordRef both, not frozen dataclasses: a 10,000-deal plan yields
    about 100,000 results per evaluation and a frozen dataclass costs twice as much to build.
    """

    rule: str
    reason: str
    is_strength: bool
    ref: RecordRef


_flag = partial(tuple.__new__, Flag)
_ref = partial(tuple.__new__, RecordRef)
_card = partial(tuple.__new__, Card)


def flag_ref(flag: Flag) -> str:
    """How an action names the flag it removes or the strength it uses ("no-coach", "x:influence:12")."""
    if flag.ref.kind == "opportunity":
        return flag.rule
    return f"{flag.rule}:{flag.ref.kind}:{flag.ref.id}"


class InfluenceFacts(Protocol):
    """What the rules read of a buying influence: a `BuyingInfluence` or a bulk-read `InfluenceRow`."""

    @property
    def id(self) -> int: ...
    @property
    def person_id(self) -> int: ...
    @property
    def role(self) -> Role: ...
    @property
    def degree(self) -> Degree: ...
    @property
    def mode(self) -> Mode: ...
    @property
    def rating(self) -> int | None: ...
    @property
    def win(self) -> str: ...
    @property
    def result(self) -> str: ...
    @property
    def covered_by(self) -> str: ...
    @property
    def last_contact(self) -> dt.date | None: ...
    @property
    def new_in_job(self) -> bool: ...


def _words(text: str) -> str:
    return " ".join(text.casefold().split())


class CommitmentFacts(Protocol):
    """What the rules read of a customer commitment: a `Commitment` or a bulk-read row."""

    @property
    def what(self) -> str: ...
    @property
    def committed_on(self) -> dt.date: ...


class NormalCycle(NamedTuple):
    """The plan's normal sales cycle: the median days from creation to won, and over how many won deals."""

    days: int
    won: int


def normal_cycle(days_to_win: Iterable[int]) -> NormalCycle | None:
    """The median of the won deals' cycles (negative ones, a date typed wrong, left out), or None
    with fewer than MIN_WON_FOR_CYCLE: too few to say what is normal."""
    days = [d for d in days_to_win if d >= 0]
    if len(days) < MIN_WON_FOR_CYCLE:
        return None
    # The lower middle, as statistics.median_low gives it: that module loads fractions and
    # decimal, 3 ms of the window's start, for one sorted list.
    return NormalCycle(sorted(days)[(len(days) - 1) // 2], len(days))


# Words that make a checklist item name a date: "signature date"; German compounds end in one
# of the endings ("Unterschriftstermin", "Entscheidungsdatum"; not "determine").
_DATE_WORDS = frozenset(("date", "dates"))
_DATE_ENDINGS = ("datum", "termin", "termine")


def _names_a_date(item: str) -> bool:
    return any(w in _DATE_WORDS or w.endswith(_DATE_ENDINGS) for w in _words(item).split())


def decision_items(stages: Sequence[Stage]) -> tuple[str, ...]:
    """The checklist items that record the Economic buyer's agreed decision date (see the top of
    this module), as the plan's checklists write them, in board order."""
    columns = open_stages(stages)
    items: list[str] = []
    for before, stage in zip([None, *columns], columns, strict=False):
        if stage.level is not FunnelLevel.BEST_FEW:
            continue
        if before is not None and before.level is not FunnelLevel.BEST_FEW:
            items += before.exit_commitments  # what enters Best Few
        items += stage.exit_commitments
    unique = [item for item in dict.fromkeys(items) if item.strip()]
    dated = [item for item in unique if _names_a_date(item)]
    return tuple(dated or unique)


@dataclass(frozen=True, slots=True)
class PlanContext:
    """What the rules read of the plan as a whole, the same for all its deals (`load_context`)."""

    decision_items: tuple[str, ...] = ()  # `decision_items` of the plan's stages
    cycle: NormalCycle | None = None  # None: fewer than MIN_WON_FOR_CYCLE won deals
    decision_keys: frozenset[str] = frozenset()  # the items with case and spacing ignored

    def __post_init__(self) -> None:
        object.__setattr__(self, "decision_keys", frozenset(_words(i) for i in self.decision_items))


def _default_stages() -> list[Stage]:
    return [
        Stage(n, s.name, s.level, n, s.probability, s.stale_after_days, s.exit_commitments)
        for n, s in enumerate(DEFAULT_STAGES, start=1)
    ]


# A new plan's context: the default stages, no won deals yet.
DEFAULT_CONTEXT = PlanContext(decision_items(_default_stages()))


class ObjectiveFacts(Protocol):
    """What the SSO tests read of a deal: an `Opportunity`, or a bulk-read row with these fields."""

    @property
    def title(self) -> str: ...
    @property
    def product(self) -> str: ...
    @property
    def amount(self) -> float | None: ...
    @property
    def quantity(self) -> float | None: ...
    @property
    def close_date(self) -> dt.date | None: ...


@dataclass(frozen=True, slots=True)
class DealFacts:
    """Everything the rules read about one deal; `load_facts` builds them from a plan."""

    opportunity: Opportunity
    stage: Stage
    rule: StageRule  # funnel.stage_rules(...)[stage.id]
    timing: DealTiming  # funnel.timing_from(opportunity, details)
    influences: tuple[InfluenceFacts, ...]
    people: Mapping[int, Person]  # person id -> person, for names; may hold other deals' people
    manual_flags: tuple[ManualFlag, ...] = ()
    account_name: str = ""  # the SSO's title must say more than this
    # The `flag_ref` links of the deal's open actions ('' for an action linked to nothing): empty
    # when the deal has no open action.
    open_actions: frozenset[str] = frozenset()
    commitments: tuple[CommitmentFacts, ...] = ()  # the customer's commitments (sorted latest first)
    context: PlanContext = DEFAULT_CONTEXT

    def __post_init__(self) -> None:
        # Results follow record ids: put influences and manual flags in id order once, here,
        # rather than in every `evaluate` (the panel re-evaluates the same facts on each edit).
        for name in ("influences", "manual_flags"):
            records: tuple[InfluenceFacts | ManualFlag, ...] = getattr(self, name)
            if any(a.id > b.id for a, b in itertools.pairwise(records)):
                object.__setattr__(self, name, tuple(sorted(records, key=_by_id)))
        # Commitments the latest first (a stable sort: the storage's order on a tie).
        commitments = self.commitments
        if len(commitments) > 1 and any(
            a.committed_on < b.committed_on for a, b in itertools.pairwise(commitments)
        ):
            ordered = sorted(commitments, key=_by_date, reverse=True)
            object.__setattr__(self, "commitments", tuple(ordered))


# ----------------------------------------------------------------------------------------------
# The Single Sales Objective's five tests


@dataclass(frozen=True, slots=True)
class SsoTest:
    """One line of the SSO checklist; `hint` says what to fix when it failed, else ''."""

    name: str  # in the window's language
    passed: bool
    hint: str = ""
    key: str = ""  # the English name, as in SSO_TEST_NAMES: compare with this, not `name`


SSO_TEST_NAMES: tuple[str, ...] = (
    QT_TRANSLATE_NOOP("RedFlags", "Names the product or service and how much"),
    QT_TRANSLATE_NOOP("RedFlags", "Specific and clear"),
    QT_TRANSLATE_NOOP("RedFlags", "Measurable"),
    QT_TRANSLATE_NOOP("RedFlags", "Tied to a date"),
    QT_TRANSLATE_NOOP("RedFlags", "Single"),
)
# "Single (not several add-ons)": a title that joins items with one of these lists several
# (spelled out again in `_sso_passes`, where a loop over them would cost three times as much).
BUNDLING_MARKS: tuple[str, ...] = (" and ", " & ", "+", ";", ",")


# Products and account names repeat across deals; titles mostly do not.
_known_words = lru_cache(maxsize=4096)(_words)


def _sso_passes(opportunity: ObjectiveFacts, account_name: str) -> tuple[bool, bool, bool, bool, bool]:
    """The five tests, as cheap checks (the bulk path runs this 10,000 times per evaluation).

    1. names the product and how much: a product, and an amount or a quantity (even zero);
    2. specific and clear: a title of two words or more that is not just the product name or the
       account name (case and spacing ignored); deliberately simple: a seller can read why;
    3. measurable: an amount or a quantity above zero;
    4. tied to a date: a close date;
    5. single: the title joins no items with " and ", " & ", "+", ";" or ",".
    """
    o = opportunity
    amount, quantity = o.amount, o.quantity
    how_much = amount is not None or quantity is not None
    named = how_much and bool(o.product) and not o.product.isspace()
    title = _words(o.title)
    specific = " " in title and title != _known_words(o.product) and title != _known_words(account_name)
    measurable = (amount is not None and amount > 0) or (quantity is not None and quantity > 0)
    single = not (" and " in title or " & " in title or "+" in title or ";" in title or "," in title)
    return named, specific, measurable, o.close_date is not None, single


def sso_tests(opportunity: Opportunity, account_name: str = "") -> list[SsoTest]:
    """The SSO's five tests of docs/method.md as a live checklist, in docs/method.md's order."""
    passes = _sso_passes(opportunity, account_name)
    product = bool(opportunity.product.strip())
    how_much = opportunity.amount is not None or opportunity.quantity is not None
    if not product and not how_much:
        named_hint = translate(
            "RedFlags", "Name the product or service, and how much: an amount or a quantity"
        )
    elif not product:
        named_hint = translate("RedFlags", "Name the product or service")
    else:
        named_hint = translate("RedFlags", "Say how much: an amount or a quantity")
    hints = (
        named_hint,
        translate(
            "RedFlags", "Write a title of two words or more that says more than the product or account name"
        ),
        translate("RedFlags", "Give an amount or a quantity above zero"),
        translate("RedFlags", "Set the close date"),
        translate("RedFlags", "Keep to one piece of business: give each add-on its own objective"),
    )
    return [
        SsoTest(translate("RedFlags", name), passed, "" if passed else hint, name)
        for name, passed, hint in zip(SSO_TEST_NAMES, passes, hints, strict=True)
    ]


def _objective_reason(
    o: ObjectiveFacts, passes: tuple[bool, bool, bool, bool, bool], wording: Wording
) -> str:
    """'The objective has no amount and no close date': what the failed tests lack, in order."""
    _named, specific, measurable, dated, single = passes
    w = wording
    missing: list[str] = []
    if not o.product.strip():
        missing.append(w.no_product)
    if o.amount is None and o.quantity is None:
        missing.append(w.no_amount)
    elif not measurable:
        missing.append(w.no_measure)
    if not dated:
        missing.append(w.no_close_date)
    if not specific:
        missing.append(w.no_specific_title)
    if not single:
        missing.append(w.several_items)
    return w.objective(missing=w.join(missing))


def _and(items: Sequence[str], last: str = "{items} and {last}") -> str:
    """'a', 'a and b', 'a, b and c' (`last` joins the last item: translate it first)."""
    if len(items) <= 1:
        return "".join(items)
    return last.format(items=", ".join(items[:-1]), last=items[-1])


# ----------------------------------------------------------------------------------------------
# The rules

# The four roles and modes the method names (UNKNOWN is none of them); `Wording` reads their
# labels (planner.model) once per evaluation.
_KNOWN_ROLES = frozenset((Role.ECONOMIC, Role.USER, Role.TECHNICAL, Role.COACH))
_KNOWN_MODES = frozenset((Mode.GROWTH, Mode.TROUBLE, Mode.EVEN_KEEL, Mode.OVERCONFIDENT))
_KNOWN_DEGREES = frozenset((Degree.HIGH, Degree.MEDIUM, Degree.LOW))
_RECEPTIVE = frozenset((Mode.GROWTH, Mode.TROUBLE))
_UNRECEPTIVE = frozenset((Mode.EVEN_KEEL, Mode.OVERCONFIDENT))
# Rating -> how the seller reads it: '+3', '0', and negatives with a true minus sign (U+2212).
# Anything not a key here (None, 9, 2.5) is an unknown rating.
_RATING_TEXT: dict[object, str] = {
    r: f"{r:+d}".replace("-", "\u2212") if r else "0" for r in range(MIN_RATING, MAX_RATING + 1)
}
_by_id = attrgetter("id")
_by_date = attrgetter("committed_on")
# Enum members as module constants: `Role.COACH` is a class-attribute look-up costing 75 ns.
_ECONOMIC, _COACH = Role.ECONOMIC, Role.COACH
_CLOSED_LEVELS = frozenset(level for level in FunnelLevel if level.is_closed)
_IN, _BEST_FEW = FunnelLevel.IN, FunnelLevel.BEST_FEW
_UNKNOWN_FIELDS = (
    QT_TRANSLATE_NOOP("RedFlags", "role"),
    QT_TRANSLATE_NOOP("RedFlags", "mode"),
    QT_TRANSLATE_NOOP("RedFlags", "degree of influence"),
    QT_TRANSLATE_NOOP("RedFlags", "rating"),
)


class Wording:
    """Every sentence of the rules in the window's language, each template translated once.

    `evaluate_all` makes one per call and words every deal with it: no template is looked up
    per deal or per flag (10,000 deals give some 100,000 reasons). Templates become functions
    (planner.templates), as fast as the f-strings they replace; a sentence about an influence
    comes per role, with the "{name} ({role})" label already filled in, so one call words it.
    Make a new one after the language changes (the engine does, on every call).
    """

    def __init__(self) -> None:
        def t(source: str) -> str:
            return translate("RedFlags", source)

        self.join = partial(_and, last=translate("RedFlags", "{items} and {last}"))
        self.person = compile_template(translate("RedFlags", "Person #{id}"), "id")
        label = translate("RedFlags", "{name} ({role})")
        # Role (None: not one of the four) -> the label as a template of {name}.
        labels: dict[Role | None, str] = {
            role: fill_in(label, "role", escape(role.label)) for role in _KNOWN_ROLES
        }
        labels[None] = "{name}"

        def about(text: str, *fields: str) -> dict[Role | None, Template]:
            """Role -> the sentence `text` about an influence, a function of name and `fields`."""
            return {
                role: compile_template(fill_in(text, "label", lbl), "name", *fields)
                for role, lbl in labels.items()
            }

        self.modes = {mode: mode.label for mode in _KNOWN_MODES}
        # (role, mode, degree, rating unknown?) -> "mode and rating": every case of `unknown`.
        fields = [t(field) for field in _UNKNOWN_FIELDS]
        self.unknown_fields = {
            mask: self.join([field for field, unknown in zip(fields, mask, strict=True) if unknown])
            for mask in itertools.product((False, True), repeat=4)
        }
        self.never_met = about(translate("RedFlags", "Nobody on our side has met {label}"))
        self.no_meeting = about(translate("RedFlags", "No meeting with {label} on record"))
        # More days than the stage limit, which is at least 1: always the plural.
        self.met_long_ago = about(
            translate("RedFlags", "{label} was last met {days} days ago (stage limit {limit})"),
            "days",
            "limit",
        )
        self.hostile = about(translate("RedFlags", "{label} is rated {rating}: hostile"), "rating")
        self.unreceptive = about(
            translate("RedFlags", "{label} is in {mode} mode: no gap, not receptive"), "mode"
        )
        self.unknown = about(translate("RedFlags", "{label}: {fields} unknown"), "fields")
        self.no_win_result = about(
            translate("RedFlags", "{label} has no Win-Result: neither a personal Win nor a business Result")
        )
        self.no_win = about(translate("RedFlags", "{label} has no personal Win"))
        self.no_result = about(translate("RedFlags", "{label} has no business Result"))
        self.new_player = about(
            translate("RedFlags", "{label} is new in the job or reorganised: check their role again")
        )
        self.strong_coach = about(
            translate("RedFlags", "{label} is rated {rating}: a strong Coach"), "rating"
        )
        self.receptive = about(
            translate("RedFlags", "{label} is in {mode} mode and rated {rating}: receptive and in favour"),
            "mode",
            "rating",
        )
        self.no_economic_buyer = translate("RedFlags", "No Economic buyer identified on this deal")
        self.several_economic_buyers = compile_template(
            translate("RedFlags", "{count} Economic buyers on one objective: {names} (there should be one)"),
            "count",
            "names",
        )
        self.no_coach = translate("RedFlags", "No Coach on this deal")
        self.all_roles_met = translate("RedFlags", "Every role is covered and was met recently")
        self.all_roles = translate("RedFlags", "Every role is covered")
        self.objective = compile_template(translate("RedFlags", "The objective has {missing}"), "missing")
        self.no_product = translate("RedFlags", "no product")
        self.no_amount = translate("RedFlags", "no amount")
        self.no_measure = translate("RedFlags", "no amount or quantity above zero")
        self.no_close_date = translate("RedFlags", "no close date")
        self.no_specific_title = translate("RedFlags", "no specific title")
        self.several_items = translate("RedFlags", "several items in one title")
        self.funnel = funnel.Reasons()
        # The funnel levels' own definitions, the next step and the links of actions.
        self.not_in_funnel = translate(
            "RedFlags", "In the Funnel, but no buying influence in Growth or Trouble mode has been met"
        )
        self.not_in_funnel_limit = compile_template(
            translate(
                "RedFlags",
                "In the Funnel, but no buying influence in Growth or Trouble mode was met recently"
                " (stage limit {limit})",
            ),
            "limit",
        )
        self.no_decision_date = compile_template(
            translate(
                "RedFlags",
                "In Best Few without the Economic buyer's agreed decision date: “{item}” is not recorded",
            ),
            "item",
        )
        # (one day, many days) each.
        self.late = (
            compile_template(
                translate(
                    "RedFlags",
                    "In Best Few, but closes in {days} day: more than half the normal cycle of {cycle} days"
                    " (the median of {won} won deals, from creation to won)",
                ),
                "days",
                "cycle",
                "won",
            ),
            compile_template(
                translate(
                    "RedFlags",
                    "In Best Few, but closes in {days} days: more than half the normal cycle of {cycle} days"
                    " (the median of {won} won deals, from creation to won)",
                ),
                "days",
                "cycle",
                "won",
            ),
        )
        self.late_unconfirmed = (
            compile_template(
                translate(
                    "RedFlags",
                    "In Best Few without the Economic buyer's agreed decision date (“{item}” is not"
                    " recorded), and closes in {days} day: more than half the normal cycle of {cycle} days"
                    " (the median of {won} won deals)",
                ),
                "item",
                "days",
                "cycle",
                "won",
            ),
            compile_template(
                translate(
                    "RedFlags",
                    "In Best Few without the Economic buyer's agreed decision date (“{item}” is not"
                    " recorded), and closes in {days} days: more than half the normal cycle of {cycle} days"
                    " (the median of {won} won deals)",
                ),
                "item",
                "days",
                "cycle",
                "won",
            ),
        )
        # Reasons many deals share, worded once per evaluation: by stage limit, CRM step, item.
        self.not_in_funnel_at: dict[int | None, str] = {}
        self.no_step_for: dict[str, str] = {}
        self.no_decision_date_for: dict[str, str] = {}
        self.no_next_step = translate("RedFlags", "No next step: the deal has no open action")
        self.crm_step_only = compile_template(
            translate(
                "RedFlags", "No next step planned: the CRM's “{step}” is not an action on the Blue Sheet"
            ),
            "step",
        )
        self.only_influence = about(
            translate("RedFlags", "Single-threaded: {label} is the only buying influence")
        )
        self.only_met_recently = about(
            translate(
                "RedFlags",
                "Single-threaded: {label} is the only one of {count} buying influences met recently",
            ),
            "count",
        )
        self.only_met = about(
            translate(
                "RedFlags",
                "Single-threaded: {label} is the only one of {count} buying influences anyone has met",
            ),
            "count",
        )
        self.euphoric = (
            compile_template(
                translate(
                    "RedFlags",
                    "Current position {position} with {count} red flag: euphoria is often blindness,"
                    " check the evidence",
                ),
                "position",
                "count",
            ),
            compile_template(
                translate(
                    "RedFlags",
                    "Current position {position} with {count} red flags: euphoria is often blindness,"
                    " check the evidence",
                ),
                "position",
                "count",
            ),
        )
        self.panic = compile_template(
            translate("RedFlags", "Current position {position}: find out what is missing and act on it"),
            "position",
        )
        self.unlinked_one = compile_template(
            translate("RedFlags", "No open action is linked to the red flag “{reason}”"), "reason"
        )
        self.unlinked = compile_template(
            translate(
                "RedFlags", "{count} red flags have no open action linked to them, the first: “{reason}”"
            ),
            "count",
            "reason",
        )
        self.committed_today = compile_template(
            translate("RedFlags", "The customer committed today: “{what}”"), "what"
        )
        self.committed_yesterday = compile_template(
            translate("RedFlags", "The customer committed yesterday: “{what}”"), "what"
        )
        self.committed_days_ago = compile_template(
            translate("RedFlags", "The customer committed {days} days ago: “{what}”"), "days", "what"
        )


def _name(person_id: int, people: Mapping[int, Person], wording: Wording) -> str:
    person = people.get(person_id)
    return person.name if person is not None else wording.person(id=person_id)


@lru_cache(maxsize=256)  # one value per stage limit for a whole plan: worth not recomputing
def _met_since(today: dt.date, limit: int | None) -> dt.date | None:
    """The earliest last contact that still counts as recent at this stage (None: any counts)."""
    if limit is None:
        return None
    try:
        return today - dt.timedelta(days=limit)
    except OverflowError:
        return dt.date.min


def evaluate(facts: DealFacts, today: dt.date) -> list[Flag]:
    """Every red flag and strength of one deal, in `order_key` order; pure, and never raises on data.

    The order: red flags before strengths; then by rule, in docs/method.md's order (RULE_ORDER, the
    seller's own after the automatic ones); then by the id of the record pointed to (the
    influence id for influence rules, the manual flag's id for manual ones).
    """
    return _evaluate(facts, today, None, Wording())


def _evaluate(facts: DealFacts, today: dt.date, status: FunnelStatus | None, wording: Wording) -> list[Flag]:
    """`evaluate`, given the deal's funnel status when `evaluate_all` computed it in bulk, and
    the sentences it words the reasons with (translated once for many deals)."""
    # One pass over the influences fills a list per rule; the lists are then joined in rule
    # order, which makes the documented order without sorting the results. The loop is written
    # for speed (no helper calls per influence): it runs 40,000 times for a 10,000-deal plan.
    people = facts.people
    opportunity = facts.opportunity
    deal = _ref(("opportunity", opportunity.id))
    limit = facts.rule.stale_after_days
    met_since = _met_since(today, limit)
    w = wording
    rating_texts, mode_labels = _RATING_TEXT, w.modes
    # tuple.__new__(Flag, (...)) is the cheapest way to make a NamedTuple: 100,000 per plan.
    new, flag_type = tuple.__new__, Flag
    economic: list[InfluenceFacts] = []
    roles: set[Role] = set()
    uncovered: list[Flag] = []
    hostile: list[Flag] = []
    unreceptive: list[Flag] = []
    unknown: list[Flag] = []
    no_win_result: list[Flag] = []
    new_player: list[Flag] = []
    strong_coach: list[Flag] = []
    receptive: list[Flag] = []
    receptive_met = False  # an influence met (see `uncovered`) in Growth or Trouble mode
    for bi in facts.influences:  # in id order (DealFacts sorts them)
        role, mode, rating = bi.role, bi.mode, bi.rating
        roles.add(role)
        rating_text = rating_texts.get(rating)  # None: no rating, or one off the scale
        covered, last, win, result = bi.covered_by, bi.last_contact, bi.win, bi.result
        not_covered = not covered or covered.isspace()
        long_ago = met_since is not None and last is not None and last < met_since
        unmet = not_covered or last is None or long_ago  # exactly when `uncovered` gets a flag
        if not unmet and mode in _RECEPTIVE:
            receptive_met = True
        no_win = not win or win.isspace()
        no_result = not result or result.isspace()
        missing = (
            rating_text is None
            or role not in _KNOWN_ROLES
            or mode not in _KNOWN_MODES
            or bi.degree not in _KNOWN_DEGREES
        )
        # rating_text is only known for a valid rating; `rating is not None` is there for mypy.
        score = rating if rating_text is not None and rating is not None else 0
        is_economic = role == _ECONOMIC
        if is_economic:
            economic.append(bi)
        if not (
            unmet
            or missing
            or no_win
            or no_result
            or score <= HOSTILE_AT_MOST
            or bi.new_in_job
            or is_economic
            or (role == _COACH and score >= STRONG_COACH_AT_LEAST)
        ):
            continue  # nothing to say about this one
        ref = _ref(("influence", bi.id))
        person = people.get(bi.person_id)
        name = person.name if person is not None else w.person(id=bi.person_id)
        who = role if role in _KNOWN_ROLES else None  # the sentences come per role (Wording)
        if not_covered:
            uncovered.append(new(flag_type, (UNCOVERED_INFLUENCE, w.never_met[who](name=name), False, ref)))
        elif last is None:
            uncovered.append(new(flag_type, (UNCOVERED_INFLUENCE, w.no_meeting[who](name=name), False, ref)))
        elif long_ago:
            reason = w.met_long_ago[who](name=name, days=(today - last).days, limit=limit)
            uncovered.append(new(flag_type, (UNCOVERED_INFLUENCE, reason, False, ref)))
        if score <= HOSTILE_AT_MOST:
            hostile.append(
                new(flag_type, (HOSTILE_INFLUENCE, w.hostile[who](name=name, rating=rating_text), False, ref))
            )
        if is_economic and mode in _UNRECEPTIVE:
            reason = w.unreceptive[who](name=name, mode=mode_labels[mode])
            unreceptive.append(new(flag_type, (UNRECEPTIVE_ECONOMIC_BUYER, reason, False, ref)))
        if missing:
            what = w.unknown_fields[
                (
                    role not in _KNOWN_ROLES,
                    mode not in _KNOWN_MODES,
                    bi.degree not in _KNOWN_DEGREES,
                    rating_text is None,
                )
            ]
            unknown.append(new(flag_type, (UNKNOWN, w.unknown[who](name=name, fields=what), False, ref)))
        if no_win or no_result:
            if no_win and no_result:
                reason = w.no_win_result[who](name=name)
            elif no_win:
                reason = w.no_win[who](name=name)
            else:
                reason = w.no_result[who](name=name)
            no_win_result.append(new(flag_type, (NO_WIN_RESULT, reason, False, ref)))
        if bi.new_in_job:
            new_player.append(new(flag_type, (NEW_PLAYER, w.new_player[who](name=name), False, ref)))
        if role == _COACH and score >= STRONG_COACH_AT_LEAST:
            reason = w.strong_coach[who](name=name, rating=rating_text)
            strong_coach.append(new(flag_type, (STRONG_COACH, reason, True, ref)))
        elif is_economic and score > 0 and mode in _RECEPTIVE:
            reason = w.receptive[who](name=name, mode=mode_labels[mode], rating=rating_text)
            receptive.append(new(flag_type, (RECEPTIVE_ECONOMIC_BUYER, reason, True, ref)))

    flags: list[Flag] = []
    if not economic:
        flags.append(new(flag_type, (NO_ECONOMIC_BUYER, w.no_economic_buyer, False, deal)))
    elif len(economic) > 1:
        names = w.join([_name(bi.person_id, people, w) for bi in economic])
        reason = w.several_economic_buyers(count=len(economic), names=names)
        flags.append(new(flag_type, (SEVERAL_ECONOMIC_BUYERS, reason, False, deal)))
    if _COACH not in roles:
        flags.append(new(flag_type, (NO_COACH, w.no_coach, False, deal)))
    flags += uncovered
    flags += hostile
    flags += unreceptive
    flags += unknown
    flags += no_win_result
    flags += new_player
    passes = _sso_passes(opportunity, facts.account_name)
    if False in passes:  # as `objective_flag`, inline: this runs for every deal
        flags.append(
            new(flag_type, (OBJECTIVE_INCOMPLETE, _objective_reason(opportunity, passes, w), False, deal))
        )
    level = facts.stage.level
    is_open = level not in _CLOSED_LEVELS  # Stage.is_closed, without two property calls
    links = facts.open_actions
    if is_open:
        _funnel_flags(
            flags,
            status or funnel.status(facts.timing, facts.rule, today),
            facts.stage.name,
            facts.timing.close_date,
            deal,
            today,
            w.funnel,
        )
        if level is _IN and not receptive_met:
            said = w.not_in_funnel_at.get(limit)
            if said is None:
                said = w.not_in_funnel if limit is None else w.not_in_funnel_limit(limit=limit)
                w.not_in_funnel_at[limit] = said
            flags.append(new(flag_type, (NOT_IN_FUNNEL_YET, said, False, deal)))
        elif level is _BEST_FEW:
            best_few = best_few_flag(
                facts.commitments, facts.timing.close_date, facts.context, deal, today, w
            )
            if best_few is not None:
                flags.append(best_few)
        if not links:  # as `next_step_flag`, inline: it fires on every deal of a plan without actions
            crm = opportunity.next_step
            said = w.no_step_for.get(crm)
            if said is None:
                said = w.no_step_for[crm] = _no_next_step_reason(crm, w)
            flags.append(new(flag_type, (NO_NEXT_STEP, said, False, deal)))
    influences = facts.influences
    count = len(influences)
    if count == 1 or count - len(uncovered) == 1:  # one influence, or one of several met
        unmet_ids = {f.ref.id for f in uncovered}
        only = influences[0] if count == 1 else next(bi for bi in influences if bi.id not in unmet_ids)
        who = only.role if only.role in _KNOWN_ROLES else None
        name = _name(only.person_id, people, w)
        if count == 1:
            reason = w.only_influence[who](name=name)
        elif met_since is None:
            reason = w.only_met[who](name=name, count=count)
        else:
            reason = w.only_met_recently[who](name=name, count=count)
        flags.append(new(flag_type, (SINGLE_THREADED, reason, False, _ref(("influence", only.id)))))
    mine = facts.manual_flags
    position = opportunity.position
    if type(position) is int and EUPHORIC_AT_LEAST <= position <= MAX_RATING:
        others = len(flags) + sum(1 for m in mine if not m.is_strength)
        if others:
            reason = w.euphoric[others != 1](position=_RATING_TEXT[position], count=others)
            flags.append(new(flag_type, (EUPHORIC_WITH_RED_FLAGS, reason, False, deal)))
    elif type(position) is int and MIN_RATING <= position <= PANIC_AT_MOST:
        flags.append(new(flag_type, (PANIC, w.panic(position=_RATING_TEXT[position]), False, deal)))
    if is_open and links:
        if mine or len(links) != 1 or "" not in links:
            unlinked, first = _unlinked(flags, mine, links)
        else:  # as `_unlinked`, inline: open actions, none of them linked, is the usual case
            unlinked, first = len(flags), flags[0].reason if flags else ""
        if unlinked:
            reason = (
                w.unlinked_one(reason=first) if unlinked == 1 else w.unlinked(count=unlinked, reason=first)
            )
            flags.append(new(flag_type, (FLAG_WITHOUT_ACTION, reason, False, deal)))
    if mine:  # rare: an empty comprehension still costs 0.3 µs, 3 ms over a 10,000-deal plan
        flags += [
            new(flag_type, (MANUAL, m.text, False, _ref(("manual_flag", m.id))))
            for m in mine
            if not m.is_strength
        ]
    flags += strong_coach
    flags += receptive
    if not uncovered and roles.issuperset(_KNOWN_ROLES):
        reason = w.all_roles_met if met_since else w.all_roles
        flags.append(new(flag_type, (ALL_ROLES_COVERED, reason, True, deal)))
    commitments = facts.commitments
    if commitments:
        for c in commitments:  # the latest first (DealFacts sorts them)
            day = c.committed_on
            if day <= today:  # a date ahead of today is a typing slip, not a commitment yet
                since = _met_since(today, RECENT_COMMITMENT_DAYS)  # never None with a limit
                if since is not None and day >= since:
                    reason = _committed(c.what, (today - day).days, w)
                    flags.append(new(flag_type, (COMMITMENT_THIS_WEEK, reason, True, deal)))
                break
    if mine:
        flags += [
            new(flag_type, (MANUAL, m.text, True, _ref(("manual_flag", m.id)))) for m in mine if m.is_strength
        ]
    return flags


def _unlinked(flags: Sequence[Flag], mine: Sequence[ManualFlag], links: frozenset[str]) -> tuple[int, str]:
    """How many of the deal's red flags (its own included) no open action links to, and the first
    one's reason ('' for none). `flags` holds the red flags so far, in result order."""
    own = [m for m in mine if not m.is_strength] if mine else []
    if len(links) == 1 and "" in links:  # the usual case: open actions, none of them linked
        count = len(flags) + len(own)
        return count, (flags[0].reason if flags else own[0].text if own else "")
    # The ids of the records links name ("uncovered-influence:influence:12" names 12): a flag on
    # another record cannot be linked, and spelling its link out is what costs here.
    records = {link[link.rfind(":") + 1 :] for link in links if ":" in link}
    count, first = 0, ""
    for f in flags:
        ref = f.ref
        if ref.kind == "opportunity":
            linked = f.rule in links
        else:
            linked = bool(records) and str(ref.id) in records and f"{f.rule}:{ref.kind}:{ref.id}" in links
        if not linked:
            count += 1
            first = first or f.reason
    for m in own:
        if f"{MANUAL}:manual_flag:{m.id}" not in links:
            count += 1
            first = first or m.text
    return count, first


def next_step_flag(crm_next_step: str, deal: RecordRef, wording: Wording | None = None) -> Flag:
    """The `no-next-step` flag of an open deal without an open action, as `evaluate` words it
    (public for the clean-up list, like `objective_flag`)."""
    w = wording or Wording()
    reason = w.no_step_for.get(crm_next_step)
    if reason is None:
        reason = w.no_step_for[crm_next_step] = _no_next_step_reason(crm_next_step, w)
    return _flag((NO_NEXT_STEP, reason, False, deal))


def _no_next_step_reason(crm_next_step: str, w: Wording) -> str:
    crm = crm_next_step.strip()
    return w.crm_step_only(step=crm) if crm else w.no_next_step


def agreed_decision_date(commitments: Iterable[CommitmentFacts], context: PlanContext) -> bool:
    """Whether one of the commitments is a decision item of the plan (see the top of this module)."""
    keys = context.decision_keys
    for c in commitments:
        what = c.what
        if _known_words(what) in keys:
            return True
        if ";" in what and any(_words(part) in keys for part in what.split(";")):
            return True
    return False


def best_few_flag(
    commitments: Iterable[CommitmentFacts],
    close_date: dt.date | None,
    context: PlanContext,
    deal: RecordRef,
    today: dt.date,
    wording: Wording | None = None,
) -> Flag | None:
    """The `best-few-unconfirmed` flag of an open deal in Best Few, or None when it is confirmed:
    the decision date agreed, and the close date within half the plan's normal cycle (when known).
    Public for the clean-up list, like `objective_flag`."""
    w = wording or Wording()
    items = context.decision_items
    unconfirmed = bool(items) and not agreed_decision_date(commitments, context)
    cycle = context.cycle
    days = (close_date - today).days if close_date is not None and cycle is not None else 0
    if cycle is not None and 2 * days > cycle.days:  # more than half the normal cycle away
        if unconfirmed:
            reason = w.late_unconfirmed[days != 1](item=items[0], days=days, cycle=cycle.days, won=cycle.won)
        else:
            reason = w.late[days != 1](days=days, cycle=cycle.days, won=cycle.won)
    elif unconfirmed:
        reason = w.no_decision_date_for.get(items[0]) or w.no_decision_date(item=items[0])
        w.no_decision_date_for[items[0]] = reason
    else:
        return None
    return _flag((BEST_FEW_UNCONFIRMED, reason, False, deal))


def _committed(what: str, days: int, w: Wording) -> str:
    """`commitment-this-week`'s reason: 'The customer committed 3 days ago: “…”'."""
    if days == 0:
        return w.committed_today(what=what)
    if days == 1:
        return w.committed_yesterday(what=what)
    return w.committed_days_ago(days=days, what=what)


def objective_flag(
    objective: ObjectiveFacts, account_name: str, deal: RecordRef, wording: Wording | None = None
) -> Flag | None:
    """The deal's `objective-incomplete` flag as `evaluate` words it, or None when the SSO passes.

    Public for bulk callers (the quarter-end hygiene list) that rate every open deal without
    loading its Blue Sheet; `evaluate` makes the same flag inline, from the same tests and words.
    Bulk callers pass one `Wording` for all their deals.
    """
    passes = _sso_passes(objective, account_name)
    if False in passes:
        reason = _objective_reason(objective, passes, wording or Wording())
        return _flag((OBJECTIVE_INCOMPLETE, reason, False, deal))
    return None


def funnel_flags(
    status: FunnelStatus,
    stage_name: str,
    close_date: dt.date | None,
    deal: RecordRef,
    today: dt.date,
    reasons: funnel.Reasons | None = None,
) -> list[Flag]:
    """stale, slipping, overdue, premature of an open deal, as `evaluate` words and orders them.

    planner.funnel decides them (`funnel.statuses` in bulk) and words the reasons; public for
    the same bulk callers as `objective_flag` (who pass one `funnel.Reasons` for all their deals).
    """
    flags: list[Flag] = []
    _funnel_flags(flags, status, stage_name, close_date, deal, today, reasons or funnel.Reasons())
    return flags


def _funnel_flags(
    flags: list[Flag],
    status: FunnelStatus,
    stage_name: str,
    close_date: dt.date | None,
    deal: RecordRef,
    today: dt.date,
    reasons: funnel.Reasons,
) -> None:
    """stale, slipping, overdue, premature: planner.funnel decides them and words the reasons."""
    if status.stale_days is not None:
        flags.append(_flag((STALE, reasons.stale(status.stale_days, status.stale_limit), False, deal)))
    if status.slipping:
        flags.append(_flag((SLIPPING, reasons.slip(status.slips), False, deal)))
    if status.overdue and close_date is not None:
        flags.append(_flag((OVERDUE, reasons.overdue(close_date, today), False, deal)))
    if status.premature:
        flags.append(_flag((PREMATURE, reasons.premature(status.missing), False, deal)))


def red_flag_count(flags: Iterable[Flag]) -> int:
    """How many red flags (strengths not counted): the number the board's card shows."""
    return sum(1 for f in flags if not f.is_strength)


def order_key(flag: Flag) -> tuple[bool, int, int]:
    """The documented order of results: red flags first, then docs/method.md's rule order, then record id."""
    return (flag.is_strength, _RANK[flag.rule], flag.ref.id)


# ----------------------------------------------------------------------------------------------
# Many deals at once

_NO_DETAILS = CardDetails("", None, None, 0, None, ())


def load_facts(plan: PlanDB, opportunity_ids: Sequence[int] | None = None) -> dict[int, DealFacts]:
    """The facts of the given deals (open or closed), or of every open deal, by opportunity id.

    A few grouped queries whatever the number of deals; unknown ids are left out.
    """
    sheets = blue_sheet.load_blue_sheets(plan, opportunity_ids)
    if opportunity_ids is None:
        details = load_all_details(plan)
    else:
        details = load_details(plan, list(sheets.opportunities))
    all_stages = stage_repo.list_stages(plan)
    stages = {s.id: s for s in all_stages}
    rules = funnel.stage_rules(all_stages)
    context = load_context(plan, all_stages)
    influences, flags, names, people, links, commitments = (
        sheets.influences,
        sheets.manual_flags,
        sheets.account_names,
        sheets.people,
        sheets.action_links,
        sheets.commitments,
    )
    no_links: frozenset[str] = frozenset()
    facts: dict[int, DealFacts] = {}
    enabled = gc.isenabled()
    gc.disable()  # as in the board's bulk loads: nothing here is garbage, no need to look for it
    try:
        for opp_id, opportunity in sheets.opportunities.items():
            stage_id = opportunity.stage_id
            facts[opp_id] = DealFacts(
                opportunity,
                stages[stage_id],
                rules[stage_id],
                funnel.timing_from(opportunity, details.get(opp_id, _NO_DETAILS)),
                tuple(influences.get(opp_id, ())),
                people,
                tuple(flags.get(opp_id, ())),
                names.get(opportunity.account_id or 0, ""),
                links.get(opp_id, no_links),
                tuple(commitments.get(opp_id, ())),
                context,
            )
    finally:
        if enabled:
            gc.enable()
    return facts


def load_context(plan: PlanDB, stages: Sequence[Stage] | None = None) -> PlanContext:
    """The plan's decision items and normal cycle (`stages`: the plan's, when already read)."""
    items = decision_items(stages if stages is not None else stage_repo.list_stages(plan))
    # Every card's flags need it, and it changes only with the plan (PlanDB.derived).
    cycle = plan.derived("normal_cycle", lambda: normal_cycle(blue_sheet.won_cycle_days(plan)))
    return PlanContext(items, cycle)


def evaluate_all(facts: Mapping[int, DealFacts], today: dt.date) -> dict[int, list[Flag]]:
    """`evaluate` for many deals: opportunity id -> its flags (the same flags, in bulk)."""
    enabled = gc.isenabled()
    # 100,000 results would otherwise set the cyclic collector off some 150 times, for nothing:
    # results hold no cycles.
    gc.disable()
    try:
        statuses = _funnel_statuses(facts, today)
        wording = Wording()  # every sentence translated once, for all the deals
        return {
            opp_id: _evaluate(deal, today, statuses.get(opp_id), wording) for opp_id, deal in facts.items()
        }
    finally:
        if enabled:
            gc.enable()


def _funnel_statuses(facts: Mapping[int, DealFacts], today: dt.date) -> dict[int, FunnelStatus]:
    """funnel.statuses of the open deals among `facts`: the funnel's bulk path, in one call.

    `funnel.status` of one deal wraps the same rules for a single card; called 10,000 times it
    costs more than all the Blue Sheet rules together (measured), so many deals go in one batch.
    """
    iso: dict[dt.date, str] = {}

    def text(day: dt.date) -> str:
        # A plan has a few hundred distinct dates: format each once (isoformat costs 0.25 µs).
        found = iso.get(day)
        if found is None:
            found = iso[day] = day.isoformat()
        return found

    cards: list[Card] = []
    created: dict[int, str] = {}
    snoozes: dict[int, str] = {}
    slips: dict[int, int] = {}
    commitments: dict[int, str] = {}
    recorded: dict[int, tuple[tuple[int, str], ...]] = {}
    rules: dict[int, StageRule] = {}
    for opp_id, deal in facts.items():
        stage = deal.stage
        if stage.level in _CLOSED_LEVELS:
            continue
        timing = deal.timing
        rules[stage.id] = deal.rule
        close = text(timing.close_date) if timing.close_date else None
        entered = text(timing.stage_entered) if timing.stage_entered else None
        cards.append(_card((opp_id, stage.id, "", None, None, "", close, entered, None, "")))
        if timing.created:
            created[opp_id] = text(timing.created)
        if timing.snooze_until:
            snoozes[opp_id] = text(timing.snooze_until)
        if timing.slips:
            slips[opp_id] = timing.slips
        if timing.last_commitment:
            commitments[opp_id] = text(timing.last_commitment)
        if timing.recorded:
            recorded[opp_id] = timing.recorded
    evidence = StatusColumns(created, snoozes, slips, commitments, recorded)
    found = funnel.statuses(cards, evidence, rules, today)
    return {card.id: status for card, status in zip(cards, found, strict=True)}


def evaluate_plan(
    plan: PlanDB, today: dt.date, opportunity_ids: Sequence[int] | None = None
) -> dict[int, list[Flag]]:
    """Red flags and strengths of the given deals (open or closed), or of every open deal."""
    return evaluate_all(load_facts(plan, opportunity_ids), today)
