"""The manager's review round trip: a plan bundle opened read-only, coaching notes out and back in."""

from __future__ import annotations

import datetime as dt
import hmac
import json
import sqlite3
import uuid
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NoReturn, TypeVar

from planner import close_reasons, limits
from planner.exchange import bundle_calls
from planner.exchange.pack import review_token
from planner.exchange.pack_files import write_text_atomic
from planner.exchange.pack_json import FORMAT, VERSION
from planner.i18n import QT_TRANSLATE_NOOP, format_number, plural, translate
from planner.limits import MAX_TEXT, MAX_TITLE
from planner.model import (
    MAX_RATING,
    MIN_RATING,
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    CallPlan,
    Commitment,
    CompetitionKind,
    Competitor,
    ConceptKind,
    Degree,
    ForecastCategory,
    FunnelLevel,
    ManualFlag,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
)
from planner.operations import Change
from planner.stages import StageSpec
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import coaching as coaching_repo
from planner.storage import evidence as evidence_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import pack_queries
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_memory
from planner.validation import check_currency

_T = TypeVar("_T")

# Where the issue is silent, decided here (and tested):
# - A bundle is checked in full before anything is built; the first problem is reported with
#   where it is ("opportunities[3].influences[0].role: 'boss' is not one of ...").
# - Values a bundle may hold but a plan would refuse (a rating of 9) are refused, not guessed.
# - Review notes name the bundle's plan id; a seller's plan takes only notes made for it.
#   A note finds its deal by id (when the CRM id, if any, agrees), else by CRM id; notes about
#   deals no longer in the plan are reported and left out.
# - Importing is one transaction; each note's stable id is remembered, so a second import of
#   the same file adds nothing.

REVIEW_FORMAT = "opportunity-plan-review-notes"
# Version 2 adds coaching items (a note that is also a question or an action with a due date) and
# verdicts on committed deals; version-1 files are still read.
REVIEW_VERSION = 2
REVIEW_BANNER = QT_TRANSLATE_NOOP("Review", "Review mode")
# What a file was expected to be, inside the messages of ReviewError ("{path} is empty, not
# {what}."): sources of the "Review" context, translated where a message is made.
BUNDLE_KIND = QT_TRANSLATE_NOOP("Review", "an Opportunity Planner plan bundle")
NOTES_KIND = QT_TRANSLATE_NOOP("Review", "a review-notes file")


class ReviewError(ValueError):
    """A bundle or notes file that cannot be used; the message says why, for a person.

    The message is in the window's language (planner.i18n.translate); the command line makes it
    inside `i18n.english()`, so its stderr lines stay English.
    """


# ----------------------------------------------------------------------------------------------
# Reading JSON with messages that say where the problem is


def read_json(path: Path, kind: str, limit: int) -> Any:
    """The parsed JSON of `path`; `kind` is BUNDLE_KIND or NOTES_KIND (what the file should be).

    At most `limit` bytes are read, whatever the file claims to hold (a pipe or a device too).
    """
    path = Path(path)
    what = translate("Review", kind)
    try:
        if path.is_dir():
            raise ReviewError(
                translate("Review", "{path} is a folder, not {what}.").format(path=path, what=what)
            )
        size = path.stat().st_size
        raw = b"" if size > limit else _read_at_most(path, limit + 1)
    except FileNotFoundError:
        raise ReviewError(translate("Review", "{path} does not exist.").format(path=path)) from None
    except OSError as exc:
        raise ReviewError(
            translate("Review", "Cannot read {path}: {error}.").format(path=path, error=exc.strerror or exc)
        ) from exc
    if size > limit or len(raw) > limit:
        raise ReviewError(
            translate("Review", "{path} is larger than {limit} MB, too large to be {what}.").format(
                path=path, what=what, limit=format_number(limit // 1_000_000)
            )
        )
    if not raw.strip():
        raise ReviewError(translate("Review", "{path} is empty, not {what}.").format(path=path, what=what))
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise ReviewError(
            translate("Review", "{path} is not {what}: it is not a text file.").format(path=path, what=what)
        ) from None
    except (ValueError, RecursionError) as exc:
        raise ReviewError(
            translate("Review", "{path} is not {what}: it is not valid JSON ({error}).").format(
                path=path, what=what, error=exc
            )
        ) from None


def _read_at_most(path: Path, size: int) -> bytes:
    with path.open("rb") as handle:
        return handle.read(size)


class JsonReader:
    """Typed access to parsed JSON; every failure names the path of the bad value."""

    def __init__(self, source: Path) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> NoReturn:
        """Refuse the file: `message` (already translated) says what is wrong at `where`."""
        raise ReviewError(
            translate("Review", "{file} cannot be read: {where}: {problem}.").format(
                file=self.source.name, where=where, problem=message
            )
        )

    def obj(self, value: Any, where: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            self.fail(where, translate("Review", "expected an object"))
        return value

    def items(
        self, parent: Mapping[str, Any], key: str, where: str, limit: int | None = None
    ) -> Iterator[tuple[str, dict[str, Any]]]:
        value = parent.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list):
            self.fail(f"{where}{key}", translate("Review", "expected a list"))
        if limit is not None:
            self.bounded(f"{where}{key}", limits.check_count, len(value), limit)
        for n, item in enumerate(value):
            path = f"{where}{key}[{n}]"
            yield path + ".", self.obj(item, path)

    def text(
        self, parent: Mapping[str, Any], key: str, where: str, default: str = "", limit: int = MAX_TEXT
    ) -> str:
        """Text of at most `limit` characters (the limit of the field the window edits)."""
        value = parent.get(key, default)
        if value is None:
            return default
        if not isinstance(value, str):
            self.fail(
                where + key,
                translate("Review", "expected text, found {value}").format(value=json.dumps(value)[:40]),
            )
        return self.bounded(where + key, limits.check_length, value, limit)

    def name(self, parent: Mapping[str, Any], key: str, where: str, default: str = "") -> str:
        """A name, title or short code: at most MAX_TITLE characters."""
        return self.text(parent, key, where, default, MAX_TITLE)

    def opt_text(self, parent: Mapping[str, Any], key: str, where: str) -> str | None:
        value = parent.get(key)
        return None if value is None else self.name(parent, key, where)

    def bounded(self, where: str, check: Callable[..., _T], *args: Any) -> _T:
        """`check(*args)` (a check of planner.limits); its LimitError refuses the file at `where`."""
        try:
            return check(*args)
        except limits.LimitError as exc:
            self.fail(where, str(exc))

    def _whole(self, parent: Mapping[str, Any], key: str, where: str, required: bool) -> int | None:
        value = parent.get(key)
        if value is None:
            if required:
                self.fail(where + key, translate("Review", "missing"))
            return None
        if isinstance(value, bool) or not isinstance(value, int):
            self.fail(
                where + key,
                translate("Review", "expected a whole number, found {value}").format(
                    value=json.dumps(value)[:40]
                ),
            )
        return value

    def integer(
        self, parent: Mapping[str, Any], key: str, where: str, *, required: bool = False
    ) -> int | None:
        """A record id: positive, and within SQLite's 64-bit integers."""
        value = self._whole(parent, key, where, required)
        if value is None:
            return None
        return self.bounded(where + key, limits.check_range, value, 1, limits.MAX_ID)

    def number(
        self, parent: Mapping[str, Any], key: str, where: str, low: float, high: float
    ) -> float | None:
        """A number from `low` to `high` (an amount, a quantity, a rate)."""
        value = parent.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
            self.fail(
                where + key,
                translate("Review", "expected a number, found {value}").format(value=json.dumps(value)[:40]),
            )
        if not low <= value <= high:
            self.fail(
                where + key,
                translate("Review", "{value} is outside {low}..{high}").format(
                    value=json.dumps(value)[:40], low=format_number(low), high=format_number(high)
                ),
            )
        return float(value)

    def boolean(self, parent: Mapping[str, Any], key: str, where: str) -> bool:
        value = parent.get(key, False)
        if value is None:
            return False
        if not isinstance(value, bool):
            self.fail(where + key, translate("Review", "expected true or false"))
        return value

    def date(self, parent: Mapping[str, Any], key: str, where: str) -> dt.date | None:
        value = self.opt_text(parent, key, where)
        if not value:
            return None
        try:
            day = dt.date.fromisoformat(value[:10])
        except ValueError:
            self.fail(
                where + key,
                translate("Review", "“{value}” is not a date like 2026-12-31").format(value=value[:40]),
            )
        return self.bounded(where + key, limits.check_date, day)

    def ranged(self, parent: Mapping[str, Any], key: str, where: str, low: int, high: int) -> int | None:
        """A whole number from `low` to `high` (a probability, a rating, a number of days)."""
        value = self._whole(parent, key, where, False)
        if value is None:
            return None
        return self.bounded(where + key, limits.check_range, value, low, high)

    def choice(
        self, parent: Mapping[str, Any], key: str, where: str, allowed: Sequence[str], default: str
    ) -> str:
        value = self.text(parent, key, where, default) or default
        if value not in allowed:
            self.fail(
                where + key,
                translate("Review", "“{value}” is not one of {allowed}").format(
                    value=value[:40], allowed=", ".join(allowed)
                ),
            )
        return value


def check_format(data: Any, path: Path, expected: str, version: int, kind: str) -> dict[str, Any]:
    """`data` as the top object of a file of `expected` format and at most `version`, or a
    ReviewError that says what the file is instead (the review reader and the team roll-up)."""
    what = translate("Review", kind)
    if not isinstance(data, dict):
        raise ReviewError(
            translate("Review", "{file} is not {what}: it holds JSON of another kind.").format(
                file=path.name, what=what
            )
        )
    found = data.get("format")
    if found != expected:
        if isinstance(found, str):
            raise ReviewError(
                translate("Review", "{file} is not {what} (its format is “{format}”).").format(
                    file=path.name, what=what, format=found[:60]
                )
            )
        raise ReviewError(translate("Review", "{file} is not {what}.").format(file=path.name, what=what))
    number = data.get("version")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise ReviewError(
            translate("Review", "{file} cannot be read: its version is missing or wrong.").format(
                file=path.name
            )
        )
    if number > version:
        raise ReviewError(
            translate(
                "Review",
                "{file} was written by a newer version of Opportunity Planner (format version {number});"
                " update the planner to open it.",
            ).format(file=path.name, number=number)
        )
    return data


# ----------------------------------------------------------------------------------------------
# Plan bundles


@dataclass(frozen=True, slots=True)
class BundleDeal:
    """What a review note needs to name a deal of the bundle."""

    id: int
    external_id: str | None
    name: str
    token: str = ""  # its review token: a note on the deal carries it back to the seller's plan


@dataclass(frozen=True, slots=True)
class Bundle:
    """A plan bundle read and checked; `plan` is its deals in a read-only in-memory plan."""

    path: Path
    plan_id: str
    plan_name: str
    seller: str
    exported_at: str
    includes_private_notes: bool
    scope: str
    deals: Mapping[int, BundleDeal]
    plan: PlanDB = field(compare=False)

    @property
    def banner(self) -> str:
        """What the review window's banner says, in the window's language."""
        if self.includes_private_notes:
            private = translate("Review", "with private notes")
        else:
            private = translate("Review", "without private notes")
        if self.seller:
            text = translate(
                "Review",
                "{mode}: {seller}'s plan “{plan}”, exported {date} ({scope}, {private}). Nothing here can be"
                " changed: add coaching notes, then save them as a file for the seller.",
            )
        else:
            text = translate(
                "Review",
                "{mode}: The plan “{plan}”, exported {date} ({scope}, {private}). Nothing here can be"
                " changed: add coaching notes, then save them as a file for the seller.",
            )
        return text.format(
            mode=translate("Review", REVIEW_BANNER),
            seller=self.seller,
            plan=self.plan_name,
            date=self.exported_at[:10],
            scope=self.scope,
            private=private,
        )


# The values a bundle may hold, as written by pack_json (LEVELS and CATEGORIES: the roll-up too).
LEVELS = tuple(level.value for level in FunnelLevel)
_ROLES = tuple(r.value for r in Role)
_DEGREES = tuple(d.value for d in Degree)
_MODES = tuple(m.value for m in Mode)
_CONCEPTS = (*(k.value for k in ConceptKind), "")
_KINDS = tuple(k.value for k in CompetitionKind)
_STATUSES = tuple(s.value for s in ActionStatus)
CATEGORIES = (*(c.value for c in ForecastCategory), "")
_LEVEL_RANK = {level: n for n, level in enumerate(LEVELS)}


def load_bundle(path: Path) -> Bundle:
    """Read a plan bundle into a read-only in-memory plan; ReviewError when it is not a usable bundle."""
    path = Path(path)
    data = check_format(
        read_json(path, BUNDLE_KIND, limits.MAX_BUNDLE_BYTES), path, FORMAT, VERSION, BUNDLE_KIND
    )
    r = JsonReader(path)
    plan_info = r.obj(data.get("plan"), "plan")
    plan_id = r.name(plan_info, "id", "plan.").strip()
    if not plan_id:
        r.fail("plan.id", translate("Review", "missing"))
    plan = open_memory()
    try:
        deals = _build(plan, data, r)
        settings_repo.set_setting(plan, "plan_id", plan_id)
    except ReviewError:
        plan.close()
        raise
    # A value the schema refuses; OverflowError too, though the limits above should leave none.
    except (sqlite3.Error, ValueError, KeyError, TypeError, OverflowError) as exc:
        plan.close()
        raise ReviewError(
            translate("Review", "{file} cannot be opened for review: {error}.").format(
                file=path.name, error=exc
            )
        ) from exc
    scope = r.obj(data.get("scope") or {}, "scope")
    bundle = Bundle(
        path=path,
        plan_id=plan_id,
        plan_name=r.name(plan_info, "name", "plan.") or path.stem,
        seller=r.name(plan_info, "seller", "plan."),
        exported_at=r.name(data, "exported_at", ""),
        includes_private_notes=r.boolean(data, "includes_private_notes", ""),
        scope=r.text(scope, "description", "scope.") or "All open deals",
        deals=deals,
        plan=plan,
    )
    plan.read_only_reason = bundle.banner
    return bundle


def _build(plan: PlanDB, data: dict[str, Any], r: JsonReader) -> dict[int, BundleDeal]:
    """Check the whole bundle and write it into the (empty, in-memory) plan in one transaction."""
    plan_info = r.obj(data.get("plan"), "plan")
    opportunities = list(r.items(data, "opportunities", ""))
    with plan.atomic():
        settings_repo.set_setting(plan, "plan_name", r.name(plan_info, "name", "plan.") or "Plan")
        settings_repo.set_setting(plan, "seller", r.name(plan_info, "seller", "plan."))
        base = read_currency(r, plan_info, "base_currency", "plan.")
        settings_repo.set_setting(plan, "base_currency", base)
        settings_repo.set_setting(plan, "rates", read_rates(r, plan_info))
        stages = _stages(plan, data, opportunities, r)
        accounts = _accounts(plan, data, opportunities, r)
        deals: dict[int, BundleDeal] = {}
        people: dict[int, int] = {}
        for where, o in opportunities:
            deal = _opportunity(plan, o, where, r, stages, accounts, people)
            if deal.id in deals:
                r.fail(where + "id", translate("Review", "deal {id} appears twice").format(id=deal.id))
            deals[deal.id] = deal
        for where, note in r.items(data, "coaching_notes", ""):
            activity_repo.insert_note(plan, _note(note, where, r, author="manager"))
        bundle_calls.load_calls(plan, data, r)
    return deals


def read_currency(r: JsonReader, parent: Mapping[str, Any], key: str, where: str) -> str:
    """A three-letter currency code (EUR when there is none)."""
    text = r.name(parent, key, where).strip() or "EUR"
    try:
        return check_currency(text)
    except ValueError as exc:
        r.fail(where + key, str(exc).rstrip("."))


def read_rates(r: JsonReader, plan_info: Mapping[str, Any]) -> dict[str, float]:
    """Exchange rates as the currency settings take them: codes, and rates above 0."""
    rates = plan_info.get("rates") or {}
    if not isinstance(rates, dict):
        r.fail("plan.rates", translate("Review", "expected an object"))
    clean: dict[str, float] = {}
    for code in rates:
        key = read_currency(r, {"code": code}, "code", f"plan.rates.{str(code)[:10]}.")
        rate = r.number(rates, code, "plan.rates.", 0, limits.MAX_RATE)
        if rate is not None and rate > 0:
            clean[key] = rate
    return clean


def _stages(
    plan: PlanDB, data: dict[str, Any], opportunities: list[tuple[str, dict[str, Any]]], r: JsonReader
) -> dict[str, int]:
    """The bundle's stages replace the defaults; stages only its deals name are added after them."""
    specs: list[StageSpec] = []
    seen: set[str] = set()
    for where, s in r.items(data, "stages", "", limits.MAX_STAGES):
        name = r.name(s, "name", where).strip()
        if not name:
            r.fail(where + "name", translate("Review", "missing"))
        if name.casefold() in seen:
            r.fail(where + "name", translate("Review", "the stage “{name}” appears twice").format(name=name))
        seen.add(name.casefold())
        exits = s.get("exit_commitments") or []
        if not isinstance(exits, list) or not all(isinstance(e, str) for e in exits):
            r.fail(where + "exit_commitments", translate("Review", "expected a list of texts"))
        r.bounded(where + "exit_commitments", limits.check_count, len(exits), limits.MAX_COMMITMENTS)
        for n, commitment in enumerate(exits):
            r.bounded(f"{where}exit_commitments[{n}]", limits.check_length, commitment, MAX_TITLE)
        # 0 (or none) is "never stale", as in the stage settings.
        stale = r.ranged(s, "stale_after_days", where, 0, limits.MAX_STALE_DAYS)
        specs.append(
            StageSpec(
                name,
                FunnelLevel(r.choice(s, "funnel_level", where, LEVELS, "in")),
                r.ranged(s, "probability", where, 0, limits.MAX_PROBABILITY) or 0,
                stale or None,
                tuple(exits),
            )
        )
    for where, o in opportunities:  # a stage only a deal names (retired since, or no stage list)
        name = r.name(o, "stage", where).strip()
        if name and name.casefold() not in seen:
            seen.add(name.casefold())
            level = FunnelLevel(r.choice(o, "funnel_level", where, LEVELS, "in"))
            probability = r.ranged(o, "probability", where, 0, limits.MAX_PROBABILITY) or 0
            specs.append(StageSpec(name, level, probability, None, ()))
            r.bounded(where + "stage", limits.check_count, len(specs), limits.MAX_STAGES)
    if not data.get("stages"):
        specs.sort(key=lambda s: _LEVEL_RANK[s.level.value])
    for old in stage_repo.list_stages(plan):
        stage_repo.delete_stage(plan, old.id)
    return {spec.name.casefold(): stage_repo.insert_stage(plan, spec, n) for n, spec in enumerate(specs)}


def _accounts(
    plan: PlanDB, data: dict[str, Any], opportunities: list[tuple[str, dict[str, Any]]], r: JsonReader
) -> dict[int, int]:
    """Bundle account id -> plan account id (the same ids), parents linked once all exist."""
    ids: dict[int, int] = {}
    parents: list[tuple[int, int, AccountDraft]] = []
    for where, a in r.items(data, "accounts", ""):
        account_id = r.integer(a, "id", where, required=True)
        assert account_id is not None
        name = r.name(a, "name", where).strip() or f"Account #{account_id}"
        if account_id in ids:
            r.fail(where + "id", translate("Review", "account {id} appears twice").format(id=account_id))
        draft = AccountDraft(name=name, industry=r.name(a, "industry", where))
        ids[account_id] = account_repo.insert_account(
            plan, draft, account_id=account_id, external_id=r.opt_text(a, "external_id", where)
        )
        parent = r.integer(a, "parent_id", where)
        if parent is not None:
            parents.append((account_id, parent, draft))
    for where, o in opportunities:  # accounts a deal names that the list left out
        account_id = r.integer(o, "account_id", where)
        name = r.name(o, "account", where).strip()
        if account_id is not None and account_id not in ids:
            draft = AccountDraft(name=name or f"Account #{account_id}")
            ids[account_id] = account_repo.insert_account(plan, draft, account_id=account_id)
    for account_id, parent, draft in parents:
        if parent in ids and parent != account_id:
            account_repo.update_account(
                plan, account_id, AccountDraft(draft.name, ids[parent], draft.industry, draft.notes)
            )
    return ids


def _opportunity(
    plan: PlanDB,
    o: dict[str, Any],
    where: str,
    r: JsonReader,
    stages: dict[str, int],
    accounts: dict[int, int],
    people: dict[int, int],
) -> BundleDeal:
    deal_id = r.integer(o, "id", where, required=True)
    assert deal_id is not None
    title = r.name(o, "name", where).strip() or f"Deal #{deal_id}"
    stage_id = stages.get(r.name(o, "stage", where).strip().casefold())
    if stage_id is None:
        r.fail(where + "stage", translate("Review", "missing"))
    account_id = r.integer(o, "account_id", where)
    if account_id is not None:
        account_id = accounts.get(account_id)
    stage = stage_repo.get_stage(plan, stage_id)
    probability = r.ranged(o, "probability", where, 0, limits.MAX_PROBABILITY)
    override = None
    if probability is not None and stage is not None and probability != stage.probability:
        override = probability
    category = r.choice(o, "forecast_category", where, CATEGORIES, "")
    amount = r.number(o, "amount", where, 0, limits.MAX_AMOUNT)
    draft = OpportunityDraft(
        title=title,
        account_id=account_id,
        stage_id=stage_id,
        product=r.name(o, "product", where),
        quantity=r.number(o, "quantity", where, 0, limits.MAX_QUANTITY),
        amount=amount,
        currency=read_currency(r, o, "currency", where),
        close_date=r.date(o, "close_date", where),
        probability_override=override,
        forecast_category=ForecastCategory(category) if category else None,
        next_step=r.text(o, "next_step", where),
    )
    created = r.date(o, "created", where)
    entered = r.date(o, "stage_entered", where) or created or dt.date.today()
    opportunity_repo.insert_opportunity(
        plan,
        draft,
        stage_entered=entered,
        opportunity_id=deal_id,
        external_id=r.opt_text(o, "external_id", where),
        created=f"{created.isoformat()}T00:00:00+00:00" if created else None,
    )
    pack_queries.set_position(plan, deal_id, r.ranged(o, "position", where, MIN_RATING, MAX_RATING))
    closed_on = r.date(o, "closed_on", where)
    code, competitor = _close_reason(o, where, r)
    if closed_on is not None or r.text(o, "close_reason", where) or code or competitor:
        opportunity_repo.set_closed(
            plan,
            deal_id,
            closed_on,
            r.text(o, "close_reason", where),
            reason_code=code,
            competitor=competitor,
        )
    snooze = r.date(o, "snooze_until", where)
    if snooze is not None:
        opportunity_repo.set_snooze(plan, deal_id, snooze, r.text(o, "snooze_reason", where))
    # A bundle with commitment records carries every one (those of moves too); an older bundle
    # has only its moves' commitments, which become records as they did in the plan.
    has_records = isinstance(o.get("commitments"), list)
    for w, move in r.items(o, "stage_history", where):
        target = stages.get(r.name(move, "to", w).strip().casefold())
        if target is None:
            r.fail(w + "to", translate("Review", "names no stage of the bundle"))
        source_name = r.opt_text(move, "from", w)
        source = stages.get(source_name.strip().casefold()) if source_name else None
        opportunity_repo.add_stage_move(
            plan,
            deal_id,
            source,
            target,
            commitment_date=r.date(move, "commitment_date", w),
            commitment=r.text(move, "commitment", w),
            reason=r.text(move, "reason", w),
            moved_at=r.name(move, "moved_at", w) or None,
            record_commitment=not has_records,
        )
    # Listed latest first; written oldest first, so that records of one day keep their order.
    for w, c in reversed(list(r.items(o, "commitments", where))):
        day = r.date(c, "committed_on", w)
        what = r.text(c, "what", w).strip()
        if day is None or not what:
            r.fail(w + ("what" if day is not None else "committed_on"), translate("Review", "missing"))
        stage_name = r.opt_text(c, "stage", w)
        evidence_repo.insert_commitment(
            plan,
            Commitment(
                0,
                deal_id,
                what,
                day,
                stage_id=stages.get(stage_name.strip().casefold()) if stage_name else None,
                who=r.text(c, "who", w),
                evidence=r.text(c, "evidence", w),
            ),
        )
    for w, change in r.items(o, "close_date_history", where):
        opportunity_repo.add_close_date_change(
            plan,
            deal_id,
            r.date(change, "old", w),
            r.date(change, "new", w),
            changed_at=r.name(change, "changed_at", w) or None,
        )
    influence_ids = _influences(plan, o, where, r, deal_id, account_id, people)
    # Records get new ids in the review plan: an action's link to one is renamed to match.
    renamed: dict[tuple[str, int], int] = {("influence", old): new for old, new in influence_ids.items()}
    for key, strength in (("red_flags", False), ("strengths", True)):
        for w, f in r.items(o, key, where):
            if r.name(f, "id", w) == "manual":  # the seller's own; the rules' results are computed again
                reason = r.text(f, "reason", w, limit=MAX_TITLE * 2)  # as the Blue Sheet takes it
                new_id = activity_repo.insert_manual_flag(plan, ManualFlag(0, deal_id, strength, reason))
                ref = f.get("ref")
                old_id = ref.get("id") if isinstance(ref, dict) else None
                if type(old_id) is int:
                    renamed[("manual_flag", old_id)] = new_id
    for w, c in r.items(o, "competition", where):
        activity_repo.insert_competitor(
            plan,
            Competitor(
                0,
                deal_id,
                r.name(c, "name", w),
                CompetitionKind(r.choice(c, "kind", w, _KINDS, "vendor")),
                r.text(c, "notes", w),
            ),
        )
    for w, a in r.items(o, "actions", where):
        activity_repo.insert_action(
            plan,
            Action(
                0,
                deal_id,
                r.text(a, "what", w) or "(no description)",
                r.name(a, "who", w),
                r.date(a, "due", w),
                ActionStatus(r.choice(a, "status", w, _STATUSES, "possible")),
                r.date(a, "done_on", w),
                _link(r.text(a, "flag_ref", w), renamed),
            ),
        )
    for w, note in r.items(o, "notes", where):
        activity_repo.insert_note(plan, _note(note, w, r, author="seller", opportunity_id=deal_id))
    for w, note in r.items(o, "coaching_notes", where):
        activity_repo.insert_note(plan, _note(note, w, r, author="manager", opportunity_id=deal_id))
    for w, call in r.items(o, "call_plans", where):  # bundles from before call plans have none
        evidence_repo.insert_call_plan(plan, _call_plan(call, w, r, deal_id, influence_ids))
    return BundleDeal(deal_id, r.opt_text(o, "external_id", where), title, r.name(o, "review_token", where))


def _close_reason(o: Mapping[str, Any], where: str, r: JsonReader) -> tuple[str, str]:
    """The reason's code from the plan's list and the competitor (a bundle written before close
    reasons has neither). A default named by its label reads as its code; any other code is
    the seller's own reason name, kept as written (as text: names are never markup)."""
    raw = r.text(o, "close_reason_code", where, limit=close_reasons.MAX_NAME)
    competitor = r.text(o, "close_competitor", where, limit=close_reasons.MAX_NAME)
    return close_reasons.code_for(raw), " ".join(competitor.split())


def _link(flag_ref: str, renamed: dict[tuple[str, int], int]) -> str:
    """An action's link ("no-coach", "uncovered-influence:influence:12") with the record's new id."""
    parts = flag_ref.split(":")
    if len(parts) == 3 and parts[2].isascii() and parts[2].isdigit():
        new_id = renamed.get((parts[1], int(parts[2])))
        if new_id is not None:
            return f"{parts[0]}:{parts[1]}:{new_id}"
    return flag_ref


def _influences(
    plan: PlanDB,
    o: dict[str, Any],
    where: str,
    r: JsonReader,
    deal_id: int,
    account_id: int | None,
    people: dict[int, int],
) -> dict[int, int]:
    """Write the deal's influences; returns the bundle's influence ids -> the plan's."""
    rows = list(r.items(o, "influences", where))
    owner = account_id if account_id is not None else _no_account(plan)
    # Everyone first (with the names of whom they report to), then the influences. A row
    # without a person id is a person of its own.
    keys: list[int] = []
    for w, bi in rows:
        person = r.integer(bi, "person_id", w)
        key = person if person is not None else -(len(people) + len(keys) + 1)
        keys.append(key)
        if key not in people:
            name = r.name(bi, "name", w).strip() or "Unnamed"
            people[key] = people_repo.insert_person(plan, Person(0, owner, name, r.name(bi, "title", w)))
        boss = r.integer(bi, "reports_to_id", w)
        if boss is not None and boss not in people:
            name = r.name(bi, "reports_to", w).strip() or f"Person #{boss}"
            people[boss] = people_repo.insert_person(plan, Person(0, owner, name))
    taken: dict[int, int] = {}
    ids: dict[int, int] = {}
    for (w, bi), key in zip(rows, keys, strict=True):
        person = people[key]
        bundle_id = r.integer(bi, "id", w)
        if person in taken:
            if bundle_id is not None:
                ids.setdefault(bundle_id, taken[person])
            continue  # one row per person and deal
        boss = r.integer(bi, "reports_to_id", w)
        kind = r.choice(bi, "concept_kind", w, _CONCEPTS, "")
        taken[person] = people_repo.insert_influence(
            plan,
            BuyingInfluence(
                id=0,
                opportunity_id=deal_id,
                person_id=person,
                role=Role(r.choice(bi, "role", w, _ROLES, "unknown")),
                degree=Degree(r.choice(bi, "degree", w, _DEGREES, "unknown")),
                mode=Mode(r.choice(bi, "mode", w, _MODES, "unknown")),
                rating=r.ranged(bi, "rating", w, MIN_RATING, MAX_RATING),
                win=r.text(bi, "win", w),
                result=r.text(bi, "result", w),
                concept=r.text(bi, "concept", w),
                concept_kind=ConceptKind(kind) if kind else None,
                covered_by=r.name(bi, "covered_by", w),
                last_contact=r.date(bi, "last_contact", w),
                new_in_job=r.boolean(bi, "new_in_job", w),
                reports_to_id=people.get(boss) if boss is not None else None,
                evidence=r.text(bi, "evidence", w),
            ),
        )
        if bundle_id is not None:
            ids.setdefault(bundle_id, taken[person])
    return ids


def _texts(parent: Mapping[str, Any], key: str, where: str, r: JsonReader) -> tuple[str, ...]:
    values = parent.get(key) or []
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        r.fail(where + key, translate("Review", "expected a list of texts"))
    return tuple(values)


def _call_plan(
    c: dict[str, Any], where: str, r: JsonReader, deal_id: int, influence_ids: Mapping[int, int]
) -> CallPlan:
    """A Green Sheet of the bundle; its attendees are the deal's influences as written here."""
    moment = r.text(c, "meeting_at", where).strip()
    try:
        meeting_at = dt.datetime.fromisoformat(moment)
    except ValueError:
        r.fail(
            where + "meeting_at",
            translate("Review", "“{value}” is not a date and time like 2026-12-09T14:30").format(
                value=moment[:40]
            ),
        )
    attendees = []
    for w, attendee in r.items(c, "attendees", where):
        influence = influence_ids.get(r.integer(attendee, "influence_id", w) or 0)
        if influence is not None and influence not in attendees:
            attendees.append(influence)
    return CallPlan(
        id=0,
        opportunity_id=deal_id,
        meeting_at=meeting_at.replace(tzinfo=None),
        title=r.text(c, "title", where),
        attendees=tuple(attendees),
        business_reason=r.text(c, "business_reason", where),
        giving=r.text(c, "giving", where),
        confirmation_questions=_texts(c, "confirmation_questions", where, r),
        new_information_questions=_texts(c, "new_information_questions", where, r),
        attitude_questions=_texts(c, "attitude_questions", where, r),
        best_action=r.text(c, "best_action", where),
        minimum_action=r.text(c, "minimum_action", where),
        commit_by=r.date(c, "commit_by", where),
        debriefed_on=r.date(c, "debriefed_on", where),
        debrief_commitment=r.text(c, "debrief_commitment", where),
        debrief_notes=r.text(c, "debrief_notes", where),
    )


def _no_account(plan: PlanDB) -> int:
    """People of a deal without an account belong somewhere: one placeholder account."""
    for account in account_repo.list_accounts(plan):
        if account.name == "(no account)":
            return account.id
    return account_repo.insert_account(plan, AccountDraft(name="(no account)"))


def _note(
    note: dict[str, Any], where: str, r: JsonReader, *, author: str, opportunity_id: int | None = None
) -> Note:
    body = r.text(note, "body", where, limit=limits.MAX_NOTE)
    return Note(
        id=0,
        body=body,
        opportunity_id=opportunity_id,
        private=r.boolean(note, "private", where) if author == "seller" else False,
        author=author,
        created=r.name(note, "created", where),
    )


# ----------------------------------------------------------------------------------------------
# Review notes


@dataclass(frozen=True, slots=True)
class ReviewNote:
    """One coaching note from a review: on a deal, or on the whole plan (deal_id None)."""

    id: str
    body: str
    created: str
    deal_id: int | None = None
    deal_external_id: str | None = None
    deal_name: str = ""
    deal_token: str = ""  # the deal's review token in the bundle (planner.exchange.pack.review_token)
    item: str = ""  # "question" or "action" when the note is also a coaching item (planner.coaching)
    due: dt.date | None = None  # the coaching item's due date


@dataclass(frozen=True, slots=True)
class ReviewVerdict:
    """The manager's verdict on a deal of the bundle: "agree" or "challenge", with a reason."""

    id: str
    verdict: str
    reason: str
    given: str  # when it was given (ISO timestamp, UTC): a later one replaces an earlier one
    deal_id: int
    deal_external_id: str | None = None
    deal_name: str = ""
    deal_token: str = ""


@dataclass(frozen=True, slots=True)
class ReviewNotes:
    """A review's notes, with the plan they are for."""

    plan_id: str
    plan_name: str
    seller: str
    notes: tuple[ReviewNote, ...]
    reviewer: str = ""
    bundle_exported_at: str = ""
    written_at: str = ""
    verdicts: tuple[ReviewVerdict, ...] = ()


def new_note(
    body: str,
    deal: BundleDeal | None,
    now: dt.datetime | None = None,
    *,
    item: str = "",
    due: dt.date | None = None,
) -> ReviewNote:
    """A new coaching note with a fresh stable id; with `item` ("question", "action") also a coaching item."""
    stamp = (now or dt.datetime.now(dt.UTC)).replace(microsecond=0).isoformat()
    if deal is None:
        return ReviewNote(str(uuid.uuid4()), body, stamp, item=item, due=due)
    return ReviewNote(
        str(uuid.uuid4()), body, stamp, deal.id, deal.external_id, deal.name, deal.token, item, due
    )


def new_verdict(verdict: str, reason: str, deal: BundleDeal, now: dt.datetime | None = None) -> ReviewVerdict:
    """A verdict ("agree" or "challenge") on a deal of the bundle, with a fresh stable id."""
    stamp = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC).replace(microsecond=0).isoformat()
    return ReviewVerdict(
        str(uuid.uuid4()), verdict, reason, stamp, deal.id, deal.external_id, deal.name, deal.token
    )


def notes_for(
    bundle: Bundle,
    notes: Sequence[ReviewNote],
    reviewer: str = "",
    verdicts: Sequence[ReviewVerdict] = (),
) -> ReviewNotes:
    """The notes of a review of `bundle`, ready to save."""
    return ReviewNotes(
        plan_id=bundle.plan_id,
        plan_name=bundle.plan_name,
        seller=bundle.seller,
        notes=tuple(notes),
        reviewer=reviewer,
        bundle_exported_at=bundle.exported_at,
        written_at=dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        verdicts=tuple(verdicts),
    )


def _deal_json(deal_id: int, external_id: str | None, name: str, token: str) -> dict[str, Any]:
    return {"id": deal_id, "external_id": external_id, "name": name, "token": token or None}


def review_notes_json(notes: ReviewNotes) -> str:
    """The notes file's text (resources/schemas/review-notes.schema.json)."""
    data = {
        "format": REVIEW_FORMAT,
        "version": REVIEW_VERSION,
        "written_at": notes.written_at,
        "reviewer": notes.reviewer,
        "bundle_exported_at": notes.bundle_exported_at,
        "plan": {"id": notes.plan_id, "name": notes.plan_name, "seller": notes.seller},
        "notes": [
            {
                "id": n.id,
                "body": n.body,
                "created": n.created,
                "deal": None
                if n.deal_id is None
                else _deal_json(n.deal_id, n.deal_external_id, n.deal_name, n.deal_token),
                "item": {"kind": n.item, "due": n.due.isoformat() if n.due else None} if n.item else None,
            }
            for n in notes.notes
        ],
        "verdicts": [
            {
                "id": v.id,
                "verdict": v.verdict,
                "reason": v.reason,
                "given": v.given,
                "deal": _deal_json(v.deal_id, v.deal_external_id, v.deal_name, v.deal_token),
            }
            for v in notes.verdicts
        ],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


def write_review_notes(notes: ReviewNotes, path: Path) -> Path:
    """Save the notes file atomically (readable by its owner only)."""
    return write_text_atomic(Path(path), review_notes_json(notes))


def read_review_notes(path: Path) -> ReviewNotes:
    """Read a notes file; ReviewError when it is not one (a bundle, another JSON, damaged)."""
    path = Path(path)
    data = read_json(path, NOTES_KIND, limits.MAX_NOTES_FILE_BYTES)
    if isinstance(data, dict) and data.get("format") == FORMAT:
        raise ReviewError(
            translate(
                "Review", "{file} is a plan bundle, not review notes: open it with File → Open for review…"
            ).format(file=path.name)
        )
    data = check_format(data, path, REVIEW_FORMAT, REVIEW_VERSION, NOTES_KIND)
    r = JsonReader(path)
    plan_info = r.obj(data.get("plan"), "plan")
    plan_id = r.name(plan_info, "id", "plan.").strip()
    if not plan_id:
        r.fail("plan.id", translate("Review", "missing"))
    notes: list[ReviewNote] = []
    seen: set[str] = set()
    for where, n in r.items(data, "notes", ""):
        note_id = r.name(n, "id", where).strip()
        if len(note_id) < 8:
            r.fail(where + "id", translate("Review", "missing or too short"))
        if note_id in seen:
            r.fail(where + "id", translate("Review", "appears twice"))
        seen.add(note_id)
        # As long as the review window's editor lets a note be: a longer one is refused, not cut.
        body = r.text(n, "body", where, limit=limits.MAX_NOTE)
        if not body.strip():
            r.fail(where + "body", translate("Review", "empty"))
        item, due = _item(n, where, r)
        deal = n.get("deal")
        if deal is None:
            notes.append(ReviewNote(note_id, body, r.name(n, "created", where), item=item, due=due))
            continue
        deal = r.obj(deal, where + "deal")
        deal_id = r.integer(deal, "id", where + "deal.", required=True)
        notes.append(
            ReviewNote(
                note_id,
                body,
                r.name(n, "created", where),
                deal_id,
                r.opt_text(deal, "external_id", where + "deal."),
                r.name(deal, "name", where + "deal."),
                r.name(deal, "token", where + "deal."),
                item,
                due,
            )
        )
    verdicts: list[ReviewVerdict] = []
    for where, v in r.items(data, "verdicts", ""):
        verdict_id = r.name(v, "id", where).strip()
        if len(verdict_id) < 8:
            r.fail(where + "id", translate("Review", "missing or too short"))
        if verdict_id in seen:
            r.fail(where + "id", translate("Review", "appears twice"))
        seen.add(verdict_id)
        deal = r.obj(v.get("deal"), where + "deal")
        verdicts.append(
            ReviewVerdict(
                verdict_id,
                r.choice(v, "verdict", where, VERDICTS, ""),
                r.text(v, "reason", where),
                _moment(v, "given", where, r),
                r.integer(deal, "id", where + "deal.", required=True) or 0,
                r.opt_text(deal, "external_id", where + "deal."),
                r.name(deal, "name", where + "deal."),
                r.name(deal, "token", where + "deal."),
            )
        )
    return ReviewNotes(
        plan_id=plan_id,
        plan_name=r.name(plan_info, "name", "plan."),
        seller=r.name(plan_info, "seller", "plan."),
        notes=tuple(notes),
        reviewer=r.name(data, "reviewer", ""),
        bundle_exported_at=r.name(data, "bundle_exported_at", ""),
        written_at=r.name(data, "written_at", ""),
        verdicts=tuple(verdicts),
    )


ITEM_KINDS = ("question", "action")
VERDICTS = ("agree", "challenge")


def _item(note: dict[str, Any], where: str, r: JsonReader) -> tuple[str, dt.date | None]:
    """A note's coaching item: its kind ("" for a plain note) and due date."""
    item = note.get("item")
    if item is None:
        return "", None
    item = r.obj(item, where + "item")
    return r.choice(item, "kind", where + "item.", ITEM_KINDS, ""), r.date(item, "due", where + "item.")


def _moment(parent: dict[str, Any], key: str, where: str, r: JsonReader) -> str:
    """A date and time as UTC ISO text, so that later ones compare as later."""
    value = r.name(parent, key, where)
    try:
        moment = dt.datetime.fromisoformat(value)
    except ValueError:
        r.fail(
            where + key,
            translate("Review", "“{value}” is not a date and time like 2026-12-09T14:30").format(
                value=value[:40]
            ),
        )
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=dt.UTC)
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class ImportResult:
    """What importing review notes did."""

    added: int
    already: int
    unmatched: tuple[str, ...]  # names of deals no longer in the plan
    change: Change
    outside: tuple[str, ...] = ()  # per note left out: its deal's name (not in the reviewed bundle)
    items: int = 0  # coaching items added (each on a deal is also one of its actions)
    verdicts: int = 0  # verdicts added or replacing an earlier one

    def summary(self) -> str:
        """One or two sentences for the seller, in the window's language."""
        sentences: list[str] = []
        deals = len(self.change.opportunities)
        if self.added and deals:
            # Both counts in one sentence: each form of the pair is its own source.
            if self.added == 1:
                template = translate("Review", "Added 1 coaching note to 1 deal.")
            else:
                template = plural(
                    deals,
                    translate("Review", "Added {n} coaching notes to 1 deal."),
                    translate("Review", "Added {n} coaching notes to {deals} deals."),
                )
            sentences.append(template.format(n=format_number(self.added), deals=format_number(deals)))
        elif self.added:
            sentences.append(
                plural(
                    self.added,
                    translate("Review", "Added 1 coaching note on the plan."),
                    translate("Review", "Added {n} coaching notes on the plan."),
                ).format(n=format_number(self.added))
            )
        else:
            sentences.append(translate("Review", "No new coaching notes."))
        if self.items:
            sentences.append(
                plural(
                    self.items,
                    translate("Review", "1 is a coaching item: it is in your actions."),
                    translate("Review", "{n} are coaching items: they are in your actions."),
                ).format(n=format_number(self.items))
            )
        if self.verdicts:
            sentences.append(
                plural(
                    self.verdicts,
                    translate("Review", "1 new verdict on a committed deal."),
                    translate("Review", "{n} new verdicts on committed deals."),
                ).format(n=format_number(self.verdicts))
            )
        if self.already:
            sentences.append(
                plural(
                    self.already,
                    translate("Review", "1 was imported before."),
                    translate("Review", "{n} were imported before."),
                ).format(n=format_number(self.already))
            )
        if self.unmatched:
            quoted = translate("Review", "“{name}”")
            names = ", ".join(quoted.format(name=n) for n in self.unmatched[:5])
            names += "…" if len(self.unmatched) > 5 else ""
            sentences.append(
                translate("Review", "{n} left out: their deals are no longer in this plan ({names}).").format(
                    n=format_number(len(self.unmatched)), names=names
                )
            )
        if self.outside:
            quoted = translate("Review", "“{name}”")
            distinct = list(dict.fromkeys(self.outside))
            names = ", ".join(quoted.format(name=n) for n in distinct[:5])
            names += "…" if len(distinct) > 5 else ""
            sentences.append(
                translate(
                    "Review",
                    "{n} left out: their deals were not in the plan bundle these notes answer ({names}).",
                ).format(n=format_number(len(self.outside)), names=names)
            )
        return " ".join(sentences)


def import_review_notes(plan: PlanDB, notes: ReviewNotes) -> ImportResult:
    """Attach the notes to their deals as manager notes; the seller's own data is not touched.

    Raises ReviewError when the notes are for another plan (nothing is written then).
    """
    mine = pack_queries.plan_id(plan)
    if notes.plan_id != mine:
        if notes.plan_name:
            text = translate(
                "Review",
                "These review notes are for “{plan}” (plan id {id}…), not for this plan. Open the plan"
                " they were written for and import them there. Nothing was imported.",
            )
        else:
            text = translate(
                "Review",
                "These review notes are for another plan (plan id {id}…), not for this plan. Open the"
                " plan they were written for and import them there. Nothing was imported.",
            )
        raise ReviewError(text.format(plan=notes.plan_name, id=notes.plan_id[:8]))
    known = pack_queries.imported_review_note_ids(plan)
    key = pack_queries.review_key(plan)
    on_deals: list[ReviewNote | ReviewVerdict] = [*notes.notes, *notes.verdicts]
    ids = [n.deal_id for n in on_deals if n.deal_id is not None]
    external = pack_queries.deal_external_ids(plan, ids)
    crm_ids = [n.deal_external_id for n in on_deals if n.deal_external_id]
    by_crm = pack_queries.deal_ids_by_external_id(plan, crm_ids)
    wanted: list[pack_queries.ManagerNote] = []
    items: list[coaching_repo.NewItem] = []
    unmatched: list[str] = []
    outside: list[str] = []
    already = 0

    def target_of(note: ReviewNote | ReviewVerdict) -> int | None:
        """The seller's deal the note or verdict is on; None (and why, noted) when there is none."""
        name = note.deal_name or translate("Review", "deal {id}").format(id=note.deal_id)
        if not _in_bundle(key, notes, note):
            outside.append(name)
            return None
        if note.deal_id in external and (
            not note.deal_external_id or external[note.deal_id] in (None, note.deal_external_id)
        ):
            return note.deal_id
        if note.deal_external_id and note.deal_external_id in by_crm:
            return by_crm[note.deal_external_id]
        unmatched.append(name)
        return None

    for note in notes.notes:
        if note.id in known:
            already += 1
            continue
        target: int | None = None
        if note.deal_id is not None:
            target = target_of(note)
            if target is None:
                continue
        wanted.append(pack_queries.ManagerNote(note.id, target, note.body, note.created))
        if note.item:
            items.append(
                coaching_repo.NewItem(
                    note.id,
                    target,
                    note.item,
                    note.body,
                    note.due,
                    notes.reviewer,
                    note.created,
                    _action_text(note),
                )
            )
    verdicts = [(target, verdict) for verdict in notes.verdicts if (target := target_of(verdict)) is not None]
    with plan.atomic():  # notes, items and verdicts: all of them, or nothing
        added = pack_queries.add_manager_notes(plan, wanted)
        new_items = coaching_repo.add_items(plan, items)
        given = [
            target
            for target, v in verdicts
            if coaching_repo.put_verdict(
                plan, coaching_repo.VerdictRow(target, "", v.id, v.verdict, v.reason, notes.reviewer, v.given)
            )
        ]
    touched = frozenset(
        {n.opportunity_id for n in added if n.opportunity_id is not None}
        | {i.opportunity_id for i in new_items if i.opportunity_id is not None}
        | set(given)
    )
    return ImportResult(
        added=len(added),
        already=already + len(wanted) - len(added),
        unmatched=tuple(dict.fromkeys(unmatched)),
        change=Change(opportunities=touched),
        outside=tuple(outside),
        items=len(new_items),
        verdicts=len(given),
    )


def _action_text(note: ReviewNote) -> str:
    """What the deal's action says: a question reads as one to answer (within an action's length)."""
    if note.item == "question":
        text = translate("Review", "Answer your manager's question: {question}").format(question=note.body)
    else:
        text = note.body
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _in_bundle(key: bytes | None, notes: ReviewNotes, note: ReviewNote | ReviewVerdict) -> bool:
    """Whether the note's deal (its id and CRM id) was in the bundle the notes answer: its token is
    the one this plan made for it (a notes file without tokens reaches no deal)."""
    if key is None or note.deal_id is None or not note.deal_token:
        return False
    expected = review_token(key, notes.plan_id, notes.bundle_exported_at, note.deal_id, note.deal_external_id)
    return hmac.compare_digest(expected, note.deal_token)
