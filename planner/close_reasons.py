"""Why deals close: the plan's list of close reasons, CRM loss reasons mapped onto it, and the
win/loss figures of a quarter by reason and by competitor (docs/close-reasons.md).

A deal closed as Won, Lost or Walked away keeps three things: the reason's code from the plan's
list, the competitor (named when a competitor won; for a won deal, the one we beat) and the
seller's free note (`Opportunity.close_reason`). The list holds codes: the defaults' codes are
fixed words shown through `label` in the window's language; a reason the seller added is its own
name. "other" is always offered and never in the list; "" is a deal closed without a reason
(imported without one, or closed by a deleted stage).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from planner.calendar import Quarter, plan_start_month, quarter_of
from planner.errors import OperationError
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import ClosedDeal, FunnelLevel
from planner.money import CurrencySums, Rates, Totals
from planner.storage import settings as settings_repo
from planner.storage.db import PlanDB

SETTING = "close_reasons"
OTHER = "other"
NOT_GIVEN = ""
COMPETITOR = "competitor"
# The default list, in the order the close dialog offers it: (code, English label).
DEFAULTS: tuple[tuple[str, str], ...] = (
    ("price", QT_TRANSLATE_NOOP("CloseReasons", "Price")),
    ("timing", QT_TRANSLATE_NOOP("CloseReasons", "Timing")),
    ("no_decision", QT_TRANSLATE_NOOP("CloseReasons", "No decision")),
    (COMPETITOR, QT_TRANSLATE_NOOP("CloseReasons", "Competitor won")),
    ("product_fit", QT_TRANSLATE_NOOP("CloseReasons", "Product fit")),
    ("relationship", QT_TRANSLATE_NOOP("CloseReasons", "Relationship")),
    ("budget_cut", QT_TRANSLATE_NOOP("CloseReasons", "Budget cut")),
)
DEFAULT_CODES = tuple(code for code, _ in DEFAULTS)
_FIXED_LABELS: dict[str, str] = {
    **dict(DEFAULTS),
    OTHER: QT_TRANSLATE_NOOP("CloseReasons", "Other"),
    NOT_GIVEN: QT_TRANSLATE_NOOP("CloseReasons", "Not given"),
}
NO_COMPETITOR = QT_TRANSLATE_NOOP("CloseReasons", "Competitor not named")
MAX_REASONS = 40
MAX_NAME = 80  # a reason's or a competitor's name


def english_label(code: str) -> str:
    """A reason as the plan's exports write it (English; a seller's own reason as named)."""
    return _FIXED_LABELS.get(code, code)


def label(code: str) -> str:
    """A reason in the window's language; a reason the seller named is shown as named."""
    fixed = _FIXED_LABELS.get(code)
    return translate("CloseReasons", fixed) if fixed is not None else code


def _key(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def code_for(name: str) -> str:
    """The code of a reason typed by name: a default's or "other" when the name is its code or
    label (English or translated), else the name itself, trimmed."""
    wanted = _key(name)
    for code in (*DEFAULT_CODES, OTHER):
        if wanted in (_key(code), _key(code.replace("_", " ")), _key(english_label(code)), _key(label(code))):
            return code
    return " ".join(name.split())


def check_codes(codes: Sequence[str]) -> tuple[str, ...]:
    """The list as it can be stored (each entry through `code_for`), or OperationError."""
    clean = [code_for(code) for code in codes]
    if not clean:
        raise OperationError(translate("CloseReasons", "Keep at least one close reason."))
    if len(clean) > MAX_REASONS:
        raise OperationError(
            translate("CloseReasons", "A plan has at most {limit} close reasons.").format(limit=MAX_REASONS)
        )
    for code in clean:
        if not code:
            raise OperationError(translate("CloseReasons", "Every close reason needs a name."))
        if len(code) > MAX_NAME:
            raise OperationError(
                translate("CloseReasons", "A close reason is at most {limit} characters.").format(
                    limit=MAX_NAME
                )
            )
        if code == OTHER:
            raise OperationError(
                translate("CloseReasons", "“{name}” is always offered; it needs no entry.").format(
                    name=label(OTHER)
                )
            )
    seen: set[str] = set()
    for code in clean:
        if code in seen:
            raise OperationError(
                translate("CloseReasons", "“{name}” is in the list twice.").format(name=label(code))
            )
        seen.add(code)
    return tuple(clean)


def stored_codes(value: object) -> tuple[str, ...]:
    """The setting as stored, read leniently: anything unusable reads as the default list."""
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        return DEFAULT_CODES
    try:
        return check_codes(value)
    except OperationError:
        return DEFAULT_CODES


def check_close(level: FunnelLevel, code: str, competitor: str, note: str) -> None:
    """Raise OperationError unless a close says why: a reason or a note; the competitor when
    a competitor won (a won deal's competitor, the one beaten, is optional)."""
    if len(competitor) > MAX_NAME:
        raise OperationError(
            translate("CloseReasons", "A competitor's name is at most {limit} characters.").format(
                limit=MAX_NAME
            )
        )
    if len(code) > MAX_NAME:
        raise OperationError(
            translate("CloseReasons", "A close reason is at most {limit} characters.").format(limit=MAX_NAME)
        )
    if code == COMPETITOR and level is not FunnelLevel.WON and not competitor.strip():
        raise OperationError(translate("CloseReasons", "Name the competitor who won."))


def describe(code: str, competitor: str, note: str, *, english: bool = False) -> str:
    """One line for lists and exports: 'Competitor won (Contoso): their price was lower'."""
    name = english_label(code) if english else label(code)
    head = "" if code == NOT_GIVEN else name
    if competitor:
        head = f"{head} ({competitor})" if head else competitor
    if head and note:
        return f"{head}: {note}"
    return head or note


# CRM loss reasons ------------------------------------------------------------------------
# Words of the loss reasons sellers' CRMs hold (Salesforce "Loss Reason", HubSpot
# "closed_lost_reason", Pipedrive "lost_reason"; a few German ones, as German sellers type
# them), checked in this order, as whole words of the folded text. Competitor comes first:
# "lost to a competitor on price" says who won.
_CRM_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (COMPETITOR, ("competitor", "competitors", "competition", "chose another", "another vendor",
                  "wettbewerber", "wettbewerb", "konkurrenz", "mitbewerber")),
    ("budget_cut", ("budget", "funding", "funds", "no money", "cut", "kein geld")),
    ("price", ("price", "pricing", "priced", "expensive", "cost", "costs", "too high", "discount",
               "preis", "zu teuer", "teuer", "kosten")),
    ("no_decision", ("no decision", "non responsive", "unresponsive", "no response", "went dark",
                     "status quo", "did nothing", "do nothing", "ghosted", "not interested")),
    ("timing", ("timing", "not now", "wrong time", "bad time", "postponed", "delayed", "next year")),
    ("product_fit", ("product fit", "fit", "feature", "features", "functionality", "requirements",
                     "requirement", "capability", "capabilities", "integration")),
    ("relationship", ("relationship", "trust", "champion left", "contact left")),
    (OTHER, ("other",)),
)  # fmt: skip
# "Lost to Contoso", "Competitor: Contoso", "Went with Contoso (price)": the name after the words.
_NAMED = re.compile(
    r"^(?:lost to|went with|chose|competitor\s*(?:won)?\s*[:\-\u2013\u2014]"
    r"|competition\s*[:\-\u2013\u2014])\s*(?P<name>[^,;:()]+)",
    re.IGNORECASE,
)

# The line `describe(..., english=True)` writes into a CRM's loss-reason field ("Competitor won
# (Contoso): their price"): read back, the reason and the competitor are the plan's again.
_DESCRIBED = re.compile(r"^(?P<label>[^():]+?)\s*\((?P<name>[^()]+)\)\s*(?::|$)")


def _named_competitor(note: str) -> str:
    """The competitor a text names after "lost to"/"went with"/"competitor:", or "" when what
    follows is no name ("lost to a competitor", "lost to budget cuts")."""
    named = _NAMED.match(note.strip())
    if named is None:
        return ""
    name = named.group("name").strip(" .")
    words = _words(name)
    if any(f" {phrase} " in words for _code, phrases in _CRM_WORDS for phrase in phrases):
        return ""
    return name[:MAX_NAME]


def _words(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text).casefold()
    return " " + " ".join(re.sub(r"[^\w]+", " ", folded).split()) + " "


@dataclass(frozen=True, slots=True)
class CrmReason:
    """A CRM's loss reason read onto the plan's list: the code, the competitor, the note."""

    code: str
    competitor: str
    note: str


def map_crm_reason(text: str, codes: Iterable[str]) -> CrmReason:
    """Map a CRM's loss-reason text onto the plan's list (`codes`).

    A text naming one of the list's reasons (by code or label), or saying it in the CRM's usual
    words, gets that reason; a competitor named after "lost to"/"went with"/"competitor:" is
    kept. Anything else is "other". The CRM's text is always kept as the note. No text: no reason.
    """
    note = " ".join(text.split())
    if not note:
        return CrmReason(NOT_GIVEN, "", "")
    listed = tuple(codes)
    exact = code_for(note)
    if exact in listed or exact == OTHER:
        return CrmReason(exact, "", note)
    described = _DESCRIBED.match(note)
    if described is not None and code_for(described.group("label")) in (*listed, OTHER):
        name = " ".join(described.group("name").split())[:MAX_NAME]
        return CrmReason(code_for(described.group("label")), name, note)
    words = _words(note)
    for code in listed:
        if code not in _FIXED_LABELS and _words(code) in words:
            return CrmReason(code, "", note)
    for code, phrases in _CRM_WORDS:
        if code != OTHER and code not in listed:
            continue
        if code == COMPETITOR:
            competitor = _named_competitor(note)
            if competitor or any(f" {phrase} " in words for phrase in phrases):
                return CrmReason(code, competitor, note)
        elif any(f" {phrase} " in words for phrase in phrases):
            return CrmReason(code, "", note)
    return CrmReason(OTHER, "", note)


# The win/loss view ---------------------------------------------------------------------------
OUTCOMES = (FunnelLevel.WON, FunnelLevel.LOST, FunnelLevel.WALKED_AWAY)


@dataclass(frozen=True, slots=True)
class WinLossRow:
    """One reason's (or one competitor's) deals of the quarter, by outcome.

    `key` is the reason's code or the competitor's name as first written ("" for a competitor
    not named); each Totals counts the deals and sums their amounts in the base currency
    (amounts in a currency without a rate in `unconverted`, never added).
    """

    key: str
    won: Totals
    lost: Totals
    walked_away: Totals

    def outcome(self, level: FunnelLevel) -> Totals:
        return {FunnelLevel.WON: self.won, FunnelLevel.LOST: self.lost}.get(level, self.walked_away)

    @property
    def count(self) -> int:
        return self.won.count + self.lost.count + self.walked_away.count


@dataclass(frozen=True, slots=True)
class WinLoss:
    """A quarter's closed deals by reason and by competitor, won, lost and walked away apart.

    `total` sums every deal closed in the quarter; `by_reason` has one row per reason with a
    deal, in the plan's list order, then "other", then "not given", then reasons no longer in
    the list; `by_competitor` one row per competitor named (case and spacing folded), most deals
    first, and one for lost or walked-away deals filed as "competitor won" without a name.
    """

    quarter: Quarter
    currency: str
    total: WinLossRow
    by_reason: tuple[WinLossRow, ...]
    by_competitor: tuple[WinLossRow, ...]
    deals: tuple[ClosedDeal, ...]


class _Rows:
    def __init__(self) -> None:
        self.sums: dict[str, dict[FunnelLevel, CurrencySums]] = {}

    def add(self, key: str, deal: ClosedDeal) -> None:
        outcomes = self.sums.setdefault(key, {level: CurrencySums() for level in OUTCOMES})
        outcomes[deal.level].add(deal.amount, deal.currency, 100)

    def row(self, key: str, currency: str, rates: Rates) -> WinLossRow:
        sums = self.sums.get(key) or {level: CurrencySums() for level in OUTCOMES}
        won, lost, walked = (sums[level].totals(currency, rates) for level in OUTCOMES)
        return WinLossRow(key, won, lost, walked)


def summarise(
    deals: Iterable[ClosedDeal],
    quarter: Quarter,
    codes: Sequence[str],
    currency: str,
    rates: Mapping[str, float],
) -> WinLoss:
    """The win/loss figures of the deals closed in `quarter` (pure: the deals as
    planner.storage.board.load_closed reads them, the plan's list, base currency and rates)."""
    in_quarter = tuple(
        d for d in deals if d.level in OUTCOMES and d.closed_on is not None and quarter.contains(d.closed_on)
    )
    total, reasons, competitors = _Rows(), _Rows(), _Rows()
    names: dict[str, str] = {}
    for deal in in_quarter:
        total.add("", deal)
        reasons.add(deal.reason_code, deal)
        name = " ".join(deal.competitor.split())
        if name:
            folded = name.casefold()
            names.setdefault(folded, name)
            competitors.add(folded, deal)
        elif deal.reason_code == COMPETITOR and deal.level is not FunnelLevel.WON:
            competitors.add("\0", deal)  # filed as "competitor won" with nobody named
    order = [*codes, OTHER, NOT_GIVEN]
    order += sorted((c for c in reasons.sums if c not in order), key=str.casefold)
    by_reason = tuple(reasons.row(c, currency, rates) for c in order if c in reasons.sums)
    by_competitor = sorted(
        (competitors.row(k, currency, rates) for k in competitors.sums),
        key=lambda r: (r.key == "\0", -r.count, r.key),
    )
    return WinLoss(
        quarter,
        currency,
        total.row("", currency, rates),
        by_reason,
        tuple(WinLossRow(names.get(r.key, ""), r.won, r.lost, r.walked_away) for r in by_competitor),
        in_quarter,
    )


def reason_codes(plan: PlanDB) -> tuple[str, ...]:
    """The plan's list of close reasons (the defaults until the seller edits it)."""
    return stored_codes(settings_repo.get_setting(plan, SETTING, None))


def save_reason_codes(plan: PlanDB, codes: Sequence[str]) -> tuple[str, ...]:
    """Store the plan's list (checked, as `check_codes` says); the deals keep their codes."""
    clean = check_codes(codes)
    settings_repo.set_setting(plan, SETTING, list(clean))
    return clean


@dataclass(frozen=True, slots=True)
class WinLossSettings:
    """What the win/loss figures read of a plan besides its deals."""

    codes: tuple[str, ...]
    currency: str
    rates: Mapping[str, float]
    start_month: int  # the fiscal year's first month (planner.calendar)

    def summarise(self, deals: Iterable[ClosedDeal], quarter: Quarter) -> WinLoss:
        return summarise(deals, quarter, self.codes, self.currency, self.rates)

    def quarters(self, deals: Iterable[ClosedDeal]) -> list[Quarter]:
        """The (fiscal) quarters the deals closed in, latest first."""
        found = {quarter_of(d.closed_on, self.start_month) for d in deals if d.closed_on is not None}
        return sorted(found, reverse=True)


def win_loss_settings(plan: PlanDB) -> WinLossSettings:
    """The plan's list of reasons, base currency, rates and fiscal year start."""
    return WinLossSettings(
        reason_codes(plan),
        settings_repo.get_setting(plan, "base_currency", "EUR") or "EUR",
        dict(settings_repo.get_setting(plan, "rates", {}) or {}),
        plan_start_month(plan),
    )


def win_loss(plan: PlanDB, quarter: Quarter) -> WinLoss:
    """The win/loss figures of a plan's deals closed in `quarter` (a fiscal quarter of
    planner.calendar, e.g. `quarter_of(day, plan_start_month(plan))`)."""
    from planner.storage.board import load_closed

    return win_loss_settings(plan).summarise(load_closed(plan), quarter)
