"""The team roll-up: several sellers' plan bundles read together, one row per seller, read-only."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from planner import calendar, limits
from planner.calendar import Quarter
from planner.exchange import bundle_calls
from planner.exchange.pack_json import FORMAT, VERSION
from planner.exchange.review import (
    BUNDLE_KIND,
    CATEGORIES,
    LEVELS,
    REVIEW_FORMAT,
    JsonReader,
    ReviewError,
    check_format,
    load_bundle,
    read_currency,
    read_json,
    read_rates,
)
from planner.forecast import (
    PlanFacts,
    compute,
    coverage_of,
    effective_category,
    gap_to_target,
    remaining_target,
)
from planner.i18n import translate
from planner.model import ForecastCategory, FunnelLevel, Stage
from planner.storage.forecast_data import DealRow

# Where the issue is silent, decided here (and tested):
# - A seller's figures are the bundle's own forecast of the current quarter (the whole plan as
#   the seller's Forecast tab showed it at export). A bundle without one (older, or of a few
#   accounts) is counted from its deals: won is then only what the bundle holds, and its target
#   is unknown (shown as a dash).
# - Amounts are never added across currencies: by default every total is one per currency.
#   The manager may enter rates (one unit of a currency in the currency shown); a currency
#   without a rate still keeps its own total. Quarters are never added together either.
# - A folder opens every *.json file directly in it; review-notes files there (the manager's
#   own saved notes) are skipped, anything else that is not a bundle is refused.
# - Two bundles of one plan: the newer export is the seller's row, the older one is refused.
# - The team window shows the rows at once from this quick read; every bundle is then read in
#   full, as the single review reads it (check_bundle), and one that fails is refused then.

# The largest sum a figure may be: a bundle's sums of up to MAX_AMOUNT per deal.
MAX_SUM = 1e15
# The open funnel levels, in funnel order: what the combined funnel shows.
OPEN_LEVELS: tuple[FunnelLevel, ...] = (
    FunnelLevel.UNIVERSE,
    FunnelLevel.ABOVE,
    FunnelLevel.IN,
    FunnelLevel.BEST_FEW,
)
# The forecast's columns a seller's row and the combined forecast add up.
FIGURE_COLUMNS: tuple[str, ...] = ("won", "commit", "best_case", "pipeline")


@dataclass(frozen=True, slots=True)
class LastCall:
    """A forecast call as the bundle carries it: its figures, not its deals (docs/forecast-calls.md)."""

    quarter: str  # '2026Q4', as the seller's plan names it
    day: dt.date
    commit: float
    best_case: float
    currency: str
    comment: str = ""


@dataclass(frozen=True, slots=True)
class CallAccuracy:
    """Last quarter's last call against what the quarter won (the bundle's outcome of it)."""

    call: LastCall
    won: float

    @property
    def ratio(self) -> float | None:
        """Won / the last called Commit (1.0: the call came true); None with a Commit of 0.

        The Forecast tab's 'Won ÷ Commit' of the quarter's last week with a call, as a ratio
        (planner.forecast_calls.WeekAccuracy.commit_percent / 100)."""
        return self.won / self.call.commit if self.call.commit > 0 else None


@dataclass(frozen=True, slots=True)
class CommittedDeal:
    """An open deal in Commit, closing in the quarter, with the red flags the bundle lists for it."""

    id: int
    name: str
    red_flags: tuple[str, ...]  # the flags' sentences, as the seller's pack wrote them


@dataclass(frozen=True, slots=True)
class LevelTotal:
    """Open deals of one funnel level: how many, and their amounts per currency."""

    level: FunnelLevel
    count: int
    amounts: Mapping[str, float]


@dataclass(frozen=True, slots=True)
class SellerRow:
    """One seller's bundle as the roll-up reads it; amounts in `currency` unless in `unconverted`."""

    path: Path
    plan_id: str
    plan_name: str
    seller: str
    exported_at: str
    quarter: Quarter
    currency: str  # the seller's base currency
    target: float | None
    won: float
    commit: float
    best_case: float
    pipeline: float
    unconverted: Mapping[str, Mapping[str, float]]  # currency without a rate -> column -> amount
    committed: tuple[CommittedDeal, ...]
    funnel: tuple[LevelTotal, ...]
    from_forecast: bool  # False: counted from the bundle's deals (no forecast in the bundle)
    last_call: LastCall | None = None  # the current quarter's last call; None: none in the bundle
    last_quarter: CallAccuracy | None = None  # None: no call for last quarter in the bundle

    @property
    def name(self) -> str:
        """Who the row is: the seller's name, else the plan's."""
        return self.seller or self.plan_name

    @property
    def accuracy_last_quarter(self) -> float | None:
        """Won in last quarter / its last Commit call (1.0: 100 %); None when not known."""
        return None if self.last_quarter is None else self.last_quarter.ratio

    @property
    def open_pipeline(self) -> float:
        return self.commit + self.best_case + self.pipeline

    @property
    def remaining(self) -> float | None:
        """Target - won, never below zero (None without a target)."""
        return remaining_target(self.target, self.won)

    @property
    def gap(self) -> float | None:
        """Target - (won + commit), as the Forecast tab says it."""
        return gap_to_target(self.target, self.won, self.commit)

    @property
    def coverage(self) -> float | None:
        """Open pipeline / remaining target (None without a target, or with it reached)."""
        return coverage_of(self.open_pipeline, self.remaining)

    @property
    def red_flags_on_committed(self) -> int:
        return sum(len(d.red_flags) for d in self.committed)


@dataclass(frozen=True, slots=True)
class Refusal:
    """A file that is not among the team: which, and why in one line."""

    path: Path
    reason: str


@dataclass(frozen=True, slots=True)
class Conversion:
    """The manager's rates: one unit of each currency in `currency`. None of them: kept apart."""

    currency: str
    rates: Mapping[str, float] = field(default_factory=dict)

    def convert(self, amount: float, currency: str) -> tuple[str, float]:
        """(currency, amount) shown: converted when there is a rate, else as it was."""
        if currency == self.currency:
            return currency, amount
        rate = self.rates.get(currency)
        return (currency, amount) if rate is None else (self.currency, amount * rate)


@dataclass(frozen=True, slots=True)
class CombinedForecast:
    """The team's quarter in one currency: sums over the sellers whose amounts are in it."""

    quarter: Quarter
    currency: str
    sellers: int  # sellers with an amount in this currency
    won: float
    commit: float
    best_case: float
    pipeline: float
    targets: int  # sellers whose target counts here
    target: float | None  # sum of their targets
    remaining: float  # sum of their remaining targets (target - won, never below zero)
    covered: float  # their open pipeline (commit + best case + pipeline)
    committed_won: float  # their won + commit

    @property
    def gap(self) -> float | None:
        """Target - (won + commit) of the sellers with a target."""
        return gap_to_target(self.target, self.committed_won, 0.0)

    @property
    def coverage(self) -> float | None:
        """Open pipeline / remaining target, of the sellers with a target."""
        return coverage_of(self.covered, None if self.target is None else self.remaining)


@dataclass(frozen=True, slots=True)
class Team:
    """Several sellers' bundles: a row each (by name), and the files refused."""

    sellers: tuple[SellerRow, ...]
    refused: tuple[Refusal, ...]

    def without(self, path: Path, reason: str) -> Team:
        """The team with `path`'s seller refused (a full read found the bundle unusable)."""
        return Team(tuple(s for s in self.sellers if s.path != path), (*self.refused, Refusal(path, reason)))

    def combined(self, conversion: Conversion | None = None) -> tuple[CombinedForecast, ...]:
        """The combined forecast: one per quarter and currency (converted where a rate says so)."""
        groups: dict[tuple[Quarter, str], dict[str, Any]] = {}
        for seller in self.sellers:
            seen: set[str] = set()
            own: Mapping[str, float] = {c: getattr(seller, c) for c in FIGURE_COLUMNS}
            parts: list[tuple[str, Mapping[str, float], bool]] = [(seller.currency, own, True)]
            parts += [(currency, columns, False) for currency, columns in seller.unconverted.items()]
            for currency, columns, base in parts:
                for column in FIGURE_COLUMNS:
                    shown, value = _shown(conversion, columns.get(column, 0.0), currency)
                    group = groups.setdefault((seller.quarter, shown), _empty_group())
                    group[column] += value
                    if shown not in seen:
                        seen.add(shown)
                        group["sellers"] += 1
                if base and seller.target is not None:
                    shown, target = _shown(conversion, seller.target, currency)
                    group = groups[(seller.quarter, shown)]
                    won = _shown(conversion, seller.won, currency)[1]
                    commit = _shown(conversion, seller.commit, currency)[1]
                    group["targets"] += 1
                    group["target"] += target
                    group["remaining"] += max(target - won, 0.0)
                    group["covered"] += _shown(conversion, seller.open_pipeline, currency)[1]
                    group["committed_won"] += won + commit
        return tuple(
            CombinedForecast(
                quarter=quarter,
                currency=currency,
                sellers=g["sellers"],
                won=g["won"],
                commit=g["commit"],
                best_case=g["best_case"],
                pipeline=g["pipeline"],
                targets=g["targets"],
                target=g["target"] if g["targets"] else None,
                remaining=g["remaining"],
                covered=g["covered"],
                committed_won=g["committed_won"],
            )
            for (quarter, currency), g in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1]))
        )

    def combined_funnel(self, conversion: Conversion | None = None) -> tuple[LevelTotal, ...]:
        """Open deals of every seller per funnel level, amounts per currency (converted where a
        rate says so); levels no seller has are left out."""
        counts: dict[FunnelLevel, int] = {}
        amounts: dict[FunnelLevel, dict[str, float]] = {}
        for seller in self.sellers:
            for level in seller.funnel:
                counts[level.level] = counts.get(level.level, 0) + level.count
                sums = amounts.setdefault(level.level, {})
                for currency, amount in level.amounts.items():
                    shown, value = _shown(conversion, amount, currency)
                    sums[shown] = sums.get(shown, 0.0) + value
        return tuple(
            LevelTotal(level, counts[level], {c: a for c, a in sorted(amounts[level].items()) if a})
            for level in OPEN_LEVELS
            if level in counts
        )


def _empty_group() -> dict[str, Any]:
    return {
        "sellers": 0,
        **dict.fromkeys(FIGURE_COLUMNS, 0.0),
        "targets": 0,
        "target": 0.0,
        "remaining": 0.0,
        "covered": 0.0,
        "committed_won": 0.0,
    }


def _shown(conversion: Conversion | None, amount: float, currency: str) -> tuple[str, float]:
    return (currency, amount) if conversion is None else conversion.convert(amount, currency)


# ----------------------------------------------------------------------------------------------
# Reading the bundles


def bundle_paths(paths: Iterable[Path]) -> list[tuple[Path, bool] | Refusal]:
    """The files to read in the order given: each file as given (with False), each folder's
    *.json files by name (with True), and a Refusal for a path that is neither."""
    found: list[tuple[Path, bool] | Refusal] = []
    for path in paths:
        path = Path(path)
        if path.is_dir():
            files = sorted(p for p in path.iterdir() if p.suffix.casefold() == ".json" and p.is_file())
            if not files:
                reason = translate("Review", "{path} holds no plan bundles (.json files).").format(path=path)
                found.append(Refusal(path, reason))
            found += [(p, True) for p in files]
        elif path.exists():
            found.append((path, False))
        else:
            found.append(Refusal(path, translate("Review", "{path} does not exist.").format(path=path)))
    return found


def load_team(paths: Iterable[Path], *, full: bool = False) -> Team:
    """Read several sellers' bundles (files, or folders of them) for the roll-up.

    A bundle that cannot be used is refused with a one-line reason and the others are read.
    With `full`, every bundle is also read in full as the single review reads it (check_bundle),
    which takes about ten times as long; the window does that after it is painted.
    """
    refused: list[Refusal] = []
    rows: dict[str, SellerRow] = {}
    seen: set[Path] = set()
    for item in bundle_paths(paths):
        if isinstance(item, Refusal):
            refused.append(item)
            continue
        path, in_folder = item
        key = path.resolve()
        if key in seen:
            continue  # named twice (a file and its folder)
        seen.add(key)
        try:
            row = read_seller(path, skip_notes=in_folder)
            if row is not None and full:
                problem = check_bundle(path)
                if problem is not None:
                    raise ReviewError(problem)
        except ReviewError as exc:
            refused.append(Refusal(path, _one_line(str(exc))))
            continue
        if row is None:
            continue
        other = rows.get(row.plan_id)
        if other is not None:
            newer, older = (row, other) if row.exported_at > other.exported_at else (other, row)
            rows[row.plan_id] = newer
            reason = translate("Review", "{file} is an older bundle of the same plan as {newer}.").format(
                file=older.path.name, newer=newer.path.name
            )
            refused.append(Refusal(older.path, reason))
            continue
        rows[row.plan_id] = row
    sellers = sorted(rows.values(), key=lambda s: (s.name.casefold(), s.path.name))
    return Team(tuple(sellers), tuple(refused))


def check_bundle(path: Path) -> str | None:
    """Read a bundle in full, as the review window does: None when it opens, else why not."""
    try:
        load_bundle(path).plan.close()
    except ReviewError as exc:
        return _one_line(str(exc))
    return None


def _one_line(text: str) -> str:
    return " ".join(text.split())


def read_seller(path: Path, *, skip_notes: bool = False) -> SellerRow | None:
    """One bundle's row (None for a review-notes file when `skip_notes`); ReviewError when the
    file is no bundle or a value the roll-up reads is out of bounds."""
    data = read_json(path, BUNDLE_KIND, limits.MAX_BUNDLE_BYTES)
    if skip_notes and isinstance(data, dict) and data.get("format") == REVIEW_FORMAT:
        return None
    data = check_format(data, path, FORMAT, VERSION, BUNDLE_KIND)
    r = JsonReader(path)
    plan_info = r.obj(data.get("plan"), "plan")
    plan_id = r.name(plan_info, "id", "plan.").strip()
    if not plan_id:
        r.fail("plan.id", translate("Review", "missing"))
    base = read_currency(r, plan_info, "base_currency", "plan.")
    rates = read_rates(r, plan_info)
    exported_at = r.name(data, "exported_at", "")
    today = r.date(data, "today", "") or _day(exported_at) or dt.date.today()
    deals = _deals(r, data)
    block = data.get("forecast")
    if block is not None:
        figures = _from_forecast(r, r.obj(block, "forecast"))
    else:
        figures = _from_deals(deals, base, rates, today)
    quarter = figures["quarter"]
    committed = tuple(
        CommittedDeal(d["id"], d["name"], d["flags"])
        for d in deals
        if not d["level"].is_closed
        and d["category"] is ForecastCategory.COMMIT
        and d["close"] is not None
        and quarter.contains(d["close"])
    )
    last_call, last_quarter = _calls(r, data, quarter, today)
    return SellerRow(
        path=path,
        plan_id=plan_id,
        plan_name=r.name(plan_info, "name", "plan.") or path.stem,
        seller=r.name(plan_info, "seller", "plan.").strip(),
        exported_at=exported_at,
        quarter=quarter,
        currency=figures["currency"],
        target=figures["target"],
        won=figures["won"],
        commit=figures["commit"],
        best_case=figures["best_case"],
        pipeline=figures["pipeline"],
        unconverted=figures["unconverted"],
        committed=committed,
        funnel=figures["funnel"],
        from_forecast=block is not None,
        last_call=last_call,
        last_quarter=last_quarter,
    )


def _day(stamp: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(stamp[:10])
    except ValueError:
        return None


def _deals(r: JsonReader, data: Mapping[str, Any]) -> list[dict[str, Any]]:
    """What the roll-up reads of each deal, checked as the full read checks it."""
    deals: list[dict[str, Any]] = []
    for where, o in r.items(data, "opportunities", ""):
        level = FunnelLevel(r.choice(o, "funnel_level", where, LEVELS, "in"))
        chosen = r.choice(o, "forecast_category", where, CATEGORIES, "")
        flags = tuple(r.text(f, "reason", w) or r.name(f, "id", w) for w, f in r.items(o, "red_flags", where))
        deals.append(
            {
                "id": r.integer(o, "id", where, required=True),
                "name": r.name(o, "name", where).strip(),
                "level": level,
                "category": effective_category(level, ForecastCategory(chosen) if chosen else None),
                "chosen": chosen or None,
                "amount": r.number(o, "amount", where, 0, limits.MAX_AMOUNT),
                "currency": read_currency(r, o, "currency", where),
                "probability": r.ranged(o, "probability", where, 0, limits.MAX_PROBABILITY),
                "close": r.date(o, "close_date", where),
                "closed_on": r.date(o, "closed_on", where),
                "flags": flags,
            }
        )
    return deals


Span = tuple[str, str]  # a quarter's first and last day, ISO


def _calls(
    r: JsonReader, data: Mapping[str, Any], quarter: Quarter, today: dt.date
) -> tuple[LastCall | None, CallAccuracy | None]:
    """The current quarter's last call, and last quarter's last call with what it won, from the
    bundle's `forecast_calls` (planner.exchange.bundle_calls), checked as the full read checks
    them. Only the calls' figures are read, never their deals: the quick read stays quick."""
    section = data.get("forecast_calls")
    if section is None:
        return None, None  # a bundle from before forecast calls
    section = r.obj(section, "forecast_calls")
    last: dict[Span, tuple[tuple[str, str, int], LastCall]] = {}
    for n, (where, call) in enumerate(r.items(section, "calls", "forecast_calls.", bundle_calls.MAX_CALLS)):
        span = bundle_calls._quarter_dates(r, call, where)
        day = r.date(call, "called_on", where)
        if day is None:
            r.fail(where + "called_on", translate("Review", "missing"))
        found = LastCall(
            quarter=r.name(call, "quarter", where),
            day=day,
            commit=r.number(call, "commit", where, 0, limits.MAX_AMOUNT) or 0.0,
            best_case=r.number(call, "best_case", where, 0, limits.MAX_AMOUNT) or 0.0,
            currency=r.name(call, "currency", where) or "EUR",
            comment=r.text(call, "comment", where),
        )
        # Oldest first in the bundle; the day, then the moment it was recorded, decide.
        key = (day.isoformat(), r.name(call, "recorded_at", where), n)
        if span not in last or key > last[span][0]:
            last[span] = (key, found)
    won: dict[Span, tuple[str, float]] = {}
    for where, item in r.items(section, "outcomes", "forecast_calls.", 12):
        currency = r.name(item, "currency", where) or "EUR"
        amount = r.number(item, "won", where, 0, limits.MAX_AMOUNT * 1000) or 0.0
        won[bundle_calls._quarter_dates(r, item, where)] = (currency, amount)
    # The seller's quarters are those of their calls (their fiscal year): the one holding the
    # export's day is the current one, else the row's own quarter.
    iso = today.isoformat()
    spans = sorted({*last, *won})
    current = next(
        ((a, b) for a, b in spans if a <= iso <= b), (quarter.start.isoformat(), quarter.end.isoformat())
    )
    before = (dt.date.fromisoformat(current[0]) - dt.timedelta(days=1)).isoformat()
    previous = next((s for s in spans if s[1] == before), None)
    accuracy = None
    if previous is not None and previous in last and previous in won:
        final = last[previous][1]
        currency, amount = won[previous]
        if currency == final.currency:  # never compared across currencies
            accuracy = CallAccuracy(final, amount)
    return (last[current][1] if current in last else None), accuracy


def _figures_entry(r: JsonReader, parent: Mapping[str, Any], key: str, where: str) -> float:
    return r.number(parent, key, where, 0, MAX_SUM) or 0.0


def _from_forecast(r: JsonReader, f: Mapping[str, Any]) -> dict[str, Any]:
    """The figures of the bundle's own forecast (planner.exchange.pack_json.forecast)."""
    where = "forecast."
    start_month = r.ranged(f, "fiscal_year_start_month", where, 1, 12) or 1
    text = r.name(f, "quarter", where)
    try:
        quarter = calendar.parse_quarter(text, start_month)
    except ValueError:
        r.fail(
            where + "quarter",
            translate("Review", "“{value}” is not a quarter like 2026Q4").format(value=text[:40]),
        )
    total = r.obj(f.get("total"), where + "total")
    apart = r.obj(total.get("unconverted") or {}, where + "total.unconverted")
    unconverted: dict[str, dict[str, float]] = {}
    for code, columns in apart.items():
        at = f"{where}total.unconverted.{str(code)[:10]}"
        currency = read_currency(r, {"code": code}, "code", at + ".")
        columns = r.obj(columns, at)
        unconverted[currency] = {
            c: _figures_entry(r, columns, c, at + ".") for c in FIGURE_COLUMNS if c in columns
        }
    funnel: list[LevelTotal] = []
    for w, level in r.items(f, "funnel", where, len(FunnelLevel)):
        name = FunnelLevel(r.choice(level, "level", w, LEVELS, "in"))
        currency = read_currency(r, f, "base_currency", where)
        amounts = {currency: _figures_entry(r, level, "amount", w)}
        for code, amount in r.obj(level.get("unconverted") or {}, w + "unconverted").items():
            other = read_currency(r, {"code": code}, "code", f"{w}unconverted.{str(code)[:10]}.")
            amounts[other] = amounts.get(other, 0.0) + _figures_entry(
                r, {"a": amount}, "a", f"{w}unconverted."
            )
        count = r.ranged(level, "count", w, 0, limits.MAX_ID) or 0
        funnel.append(LevelTotal(name, count, {c: a for c, a in amounts.items() if a or c == currency}))
    return {
        "quarter": quarter,
        "currency": read_currency(r, f, "base_currency", where),
        "target": r.number(f, "target", where, 0, MAX_SUM),
        **{c: _figures_entry(r, total, c, where + "total.") for c in FIGURE_COLUMNS},
        "unconverted": unconverted,
        "funnel": tuple(
            sorted(funnel, key=lambda t: OPEN_LEVELS.index(t.level) if t.level in OPEN_LEVELS else 9)
        ),
    }


def _from_deals(
    deals: Sequence[Mapping[str, Any]], base: str, rates: Mapping[str, float], today: dt.date
) -> dict[str, Any]:
    """The figures counted from the bundle's deals by the forecast's own rules (planner.forecast):
    one stage per funnel level, each deal at the probability the bundle gives it."""
    stages = {n: Stage(n, level.value, level, n, 0, None) for n, level in enumerate(FunnelLevel)}
    ids = {stage.level: n for n, stage in stages.items()}
    rows = [
        DealRow(
            id=d["id"],
            title=d["name"],
            account_id=None,
            stage_id=ids[d["level"]],
            amount=d["amount"],
            currency=d["currency"],
            close_date=d["close"].isoformat() if d["close"] else None,
            closed_on=d["closed_on"].isoformat() if d["closed_on"] else None,
            probability_override=d["probability"] or 0,
            forecast_category=d["chosen"],
            stage_entered=None,
            product="",
            quantity=None,
        )
        for d in deals
    ]
    facts = PlanFacts(rows, stages, base, dict(rates), {}, 1, frozenset())
    forecast = compute(facts, calendar.quarter_of(today), today)
    total = forecast.total
    unconverted = {
        c: {k: v for k, v in cols.items() if k in FIGURE_COLUMNS} for c, cols in total.unconverted().items()
    }
    funnel = tuple(
        LevelTotal(
            f.level,
            f.totals.count,
            {base: f.totals.amount, **{c: a for c, (a, _w) in f.totals.unconverted.items()}},
        )
        for f in forecast.levels
        if f.level in OPEN_LEVELS
    )
    return {
        "quarter": forecast.quarter,
        "currency": base,
        "target": None,
        **{c: total.value(c) for c in FIGURE_COLUMNS},
        "unconverted": unconverted,
        "funnel": funnel,
    }


# ----------------------------------------------------------------------------------------------
# The roll-up as data (`planner review --json`)


def _call_json(call: LastCall | None) -> dict[str, Any] | None:
    if call is None:
        return None
    return {
        "quarter": call.quarter,
        "day": call.day.isoformat(),
        "commit": call.commit,
        "best_case": call.best_case,
        "currency": call.currency,
        "comment": call.comment,
    }


def team_json(team: Team, conversion: Conversion | None = None) -> dict[str, Any]:
    """The roll-up as plain JSON values: rows, combined forecast and funnel, refusals."""
    return {
        "conversion": None
        if conversion is None
        else {"currency": conversion.currency, "rates": dict(conversion.rates)},
        "sellers": [
            {
                "file": str(s.path),
                "plan_id": s.plan_id,
                "plan": s.plan_name,
                "seller": s.seller,
                "exported_at": s.exported_at,
                "quarter": s.quarter.label,
                "currency": s.currency,
                "target": s.target,
                **{c: getattr(s, c) for c in FIGURE_COLUMNS},
                "gap": s.gap,
                "coverage": s.coverage,
                "unconverted": {c: dict(cols) for c, cols in s.unconverted.items()},
                "committed_deals": len(s.committed),
                "red_flags_on_committed": s.red_flags_on_committed,
                "last_call": _call_json(s.last_call),
                "accuracy_last_quarter": s.accuracy_last_quarter,
                "last_quarter": None
                if s.last_quarter is None
                else {"call": _call_json(s.last_quarter.call), "won": s.last_quarter.won},
                "from_forecast": s.from_forecast,
            }
            for s in team.sellers
        ],
        "combined": [
            {
                "quarter": c.quarter.label,
                "currency": c.currency,
                "sellers": c.sellers,
                **{k: getattr(c, k) for k in FIGURE_COLUMNS},
                "target": c.target,
                "sellers_with_target": c.targets,
                "gap": c.gap,
                "coverage": c.coverage,
            }
            for c in team.combined(conversion)
        ],
        "funnel": [
            {"level": t.level.value, "count": t.count, "amounts": dict(t.amounts)}
            for t in team.combined_funnel(conversion)
        ],
        "refused": [{"file": str(f.path), "reason": f.reason} for f in team.refused],
    }
