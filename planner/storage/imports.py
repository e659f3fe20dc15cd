"""The SQL of a CRM import: what the plan already holds, and one transaction writing a whole batch."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.stage_moves import CLOSING, REOPENING, move_bookkeeping
from planner.storage import opportunities as opportunity_repo
from planner.storage import settings as settings_repo
from planner.storage.convert import from_date, now_stamp, to_date
from planner.storage.db import PlanDB

# What to write is decided in planner.exchange; this module only reads the plan for matching and
# writes a batch, all of it or nothing. Stage and close-date changes of existing deals go through
# the opportunity repository, so they land in the histories like the seller's own moves.

# Existing accounts and people, or ones this batch creates (by key), or none.
AccountLink = int | str | None
PersonLink = int | str
DealLink = int | str
Progress = Callable[[int, int], None]

# The per-deal record of what the last import of a source wrote (see planner.exchange.merge).
STATE_KEY = "import.state.{source}"
# Columns an import may set on an existing deal. Everything else on a deal (position, snooze,
# close reason, Blue Sheet tables) is the seller's and never written here. The probability
# override is the CRM's only while the seller has not set their own (planner.exchange.import_plan).
UPDATABLE = frozenset(
    {
        "title",
        "account_id",
        "product",
        "quantity",
        "amount",
        "currency",
        "next_step",
        "forecast_category",
        "probability_override",
        "external_id",
        "source",
    }
)
_PROGRESS_EVERY = 200
# Columns an import sets for its own matching, not news on the deal's timeline.
_BOOKKEEPING = frozenset({"external_id", "source"})
_CREATED = json.dumps(["created"])


@dataclass(frozen=True, slots=True)
class ExistingDeal:
    """A deal as the importer compares it with a file row."""

    id: int
    title: str
    account_id: int | None
    stage_id: int
    product: str
    quantity: float | None
    amount: float | None
    currency: str
    close_date: dt.date | None
    forecast_category: str | None
    next_step: str
    external_id: str | None
    source: str | None
    last_open_stage_id: int | None
    probability_override: int | None = None


@dataclass(frozen=True, slots=True)
class ExistingAccount:
    """An account as the importer matches it: by source and id, else by name."""

    id: int
    name: str
    parent_id: int | None
    industry: str
    external_id: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class ExistingPerson:
    """A person as the importer matches contacts: by source and id, else by account and name."""

    id: int
    account_id: int
    name: str
    external_id: str | None
    source: str | None


@dataclass(frozen=True, slots=True)
class PlanIndex:
    """What an import of one source compares its rows with (read once, no writes)."""

    deals: tuple[ExistingDeal, ...]
    accounts: tuple[ExistingAccount, ...]
    people: tuple[ExistingPerson, ...]
    influences: frozenset[tuple[int, int]]
    products: tuple[str, ...]
    state: dict[int, dict[str, Any]]


_DEALS_SQL = (
    "SELECT id, title, account_id, stage_id, product, quantity, amount, currency, close_date,"
    " forecast_category, next_step, external_id, source, last_open_stage_id, probability_override"
    " FROM opportunity"
    " WHERE source = ? OR external_id IS NULL ORDER BY id"
)


def load_index(plan: PlanDB, source: str) -> PlanIndex:
    """The deals of `source` and those without an external id, every account, person and influence."""
    deals = tuple(
        ExistingDeal(
            r[0],
            r[1],
            r[2],
            r[3],
            r[4],
            r[5],
            r[6],
            r[7],
            to_date(r[8]),
            r[9],
            r[10],
            r[11],
            r[12],
            r[13],
            r[14],
        )
        for r in plan.query(_DEALS_SQL, [source])
    )
    accounts = tuple(
        ExistingAccount(*r)
        for r in plan.query("SELECT id, name, parent_id, industry, external_id, source FROM account")
    )
    people = tuple(
        ExistingPerson(*r)
        for r in plan.query("SELECT id, account_id, name, external_id, source FROM person ORDER BY id")
    )
    influences = frozenset(
        (r[0], r[1]) for r in plan.query("SELECT opportunity_id, person_id FROM buying_influence")
    )
    products = tuple(
        r[0] for r in plan.query("SELECT DISTINCT product FROM opportunity WHERE product != '' ORDER BY id")
    )
    return PlanIndex(deals, accounts, people, influences, products, load_state(plan, source))


def load_state(plan: PlanDB, source: str) -> dict[int, dict[str, Any]]:
    """Per deal id: the CRM values the last import of `source` wrote."""
    raw = settings_repo.get_setting(plan, STATE_KEY.format(source=source), {})
    if not isinstance(raw, dict):
        return {}
    return {int(k): v for k, v in raw.items() if str(k).isdigit() and isinstance(v, dict)}


def deals_of_source(plan: PlanDB, source: str) -> list[tuple[int, str, str, dt.date | None, str]]:
    """(id, external id, stage name, close date, next step) of every deal imported from `source`."""
    rows = plan.query(
        "SELECT o.id, o.external_id, s.name, o.close_date, o.next_step FROM opportunity o"
        " JOIN stage s ON s.id = o.stage_id WHERE o.source = ? AND o.external_id IS NOT NULL ORDER BY o.id",
        [source],
    )
    return [(r[0], r[1], r[2], to_date(r[3]), r[4]) for r in rows]


@dataclass(frozen=True, slots=True)
class NewAccount:
    """An account to create; `parent` may name another account of the same batch."""

    key: str
    name: str
    industry: str = ""
    external_id: str | None = None
    source: str | None = None
    parent: AccountLink = None


@dataclass(frozen=True, slots=True)
class AccountFill:
    """Blanks of an existing account the file fills (None: leave as it is)."""

    account_id: int
    parent: AccountLink = None
    industry: str | None = None
    external_id: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class NewPerson:
    """A contact to create at an account."""

    key: str
    account: AccountLink
    name: str
    title: str = ""
    email: str = ""
    phone: str = ""
    external_id: str | None = None
    source: str | None = None


@dataclass(frozen=True, slots=True)
class StageStep:
    """One row of stage history to write (an import's own or one from OpportunityHistory)."""

    from_stage_id: int | None
    to_stage_id: int
    moved_at: str
    reason: str


@dataclass(frozen=True, slots=True)
class CloseDateStep:
    """One row of close-date history to write."""

    old_date: dt.date | None
    new_date: dt.date | None
    changed_at: str


@dataclass(frozen=True, slots=True)
class NewDeal:
    """A deal to create, with the history it starts with."""

    key: str
    title: str
    account: AccountLink
    stage_id: int
    product: str = ""
    quantity: float | None = None
    amount: float | None = None
    currency: str = "EUR"
    close_date: dt.date | None = None
    forecast_category: str | None = None
    next_step: str = ""
    created: str = ""
    probability_override: int | None = None
    stage_entered: dt.date | None = None
    closed_on: dt.date | None = None
    close_reason: str = ""
    close_reason_code: str = ""  # planner.close_reasons: the CRM's loss reason on the plan's list
    close_competitor: str = ""
    last_open_stage_id: int | None = None
    external_id: str | None = None
    source: str | None = None
    moves: tuple[StageStep, ...] = ()
    close_dates: tuple[CloseDateStep, ...] = ()


@dataclass(frozen=True, slots=True)
class StageChange:
    """A stage change of an existing deal coming from the CRM."""

    from_stage_id: int
    to_stage_id: int
    reason: str
    closing: bool = False
    reopening: bool = False
    closed_on: dt.date | None = None
    close_reason: str = ""
    close_reason_code: str = ""
    close_competitor: str = ""


@dataclass(frozen=True, slots=True)
class DealUpdate:
    """CRM-owned columns of an existing deal to change (`fields` keys are in UPDATABLE)."""

    opportunity_id: int
    fields: Mapping[str, Any] = field(default_factory=dict)
    stage: StageChange | None = None
    close_date: tuple[dt.date | None, dt.date | None] | None = None  # (old, new)


@dataclass(frozen=True, slots=True)
class NewInfluence:
    """A buying influence to add (role, nothing else: the rest is the seller's to fill in)."""

    deal: DealLink
    person: PersonLink
    role: str


@dataclass(frozen=True, slots=True)
class ImportBatch:
    """Everything one import writes."""

    source: str
    accounts: tuple[NewAccount, ...] = ()
    account_fills: tuple[AccountFill, ...] = ()
    people: tuple[NewPerson, ...] = ()
    deals: tuple[NewDeal, ...] = ()
    updates: tuple[DealUpdate, ...] = ()
    influences: tuple[NewInfluence, ...] = ()
    state: Mapping[DealLink, Mapping[str, Any]] = field(default_factory=dict)
    settings: Mapping[str, Any] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return (
            len(self.accounts)
            + len(self.account_fills)
            + len(self.people)
            + len(self.deals)
            + len(self.updates)
            + len(self.influences)
        )


@dataclass(frozen=True, slots=True)
class Written:
    """The ids the batch gave to what it created."""

    deals: dict[str, int]
    accounts: dict[str, int]
    people: dict[str, int]


class _Ticker:
    """Calls `progress` every few hundred writes; the callback may raise to cancel (rollback)."""

    def __init__(self, total: int, progress: Progress | None) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress

    def tick(self) -> None:
        self.done += 1
        if self.progress is not None and self.done % _PROGRESS_EVERY == 0:
            self.progress(self.done, self.total)


def write_import(
    plan: PlanDB, batch: ImportBatch, today: dt.date, progress: Progress | None = None
) -> Written:
    """Write `batch` in one transaction: all of it, or (on any error or cancel) nothing."""
    ticker = _Ticker(batch.size, progress)
    stamp = now_stamp()
    with plan.atomic():
        accounts = _write_accounts(plan, batch, stamp, ticker)
        people = _write_people(plan, batch, accounts, ticker)
        deals = _write_deals(plan, batch, accounts, today, stamp, ticker)
        for update in batch.updates:
            _write_update(plan, update, accounts, today, batch.source, stamp)
            ticker.tick()
        _write_influences(plan, batch, deals, people, ticker)
        _write_state(plan, batch, deals, accounts)
        for key, value in batch.settings.items():
            settings_repo.set_setting(plan, key, value)
    if progress is not None:
        progress(ticker.total, ticker.total)
    return Written(deals, accounts, people)


def _account_id(link: AccountLink, created: Mapping[str, int]) -> int | None:
    if isinstance(link, str):
        return created[link]
    return link


def _write_accounts(plan: PlanDB, batch: ImportBatch, stamp: str, ticker: _Ticker) -> dict[str, int]:
    created: dict[str, int] = {}
    for account in batch.accounts:
        cursor = plan.execute(
            "INSERT INTO account (name, industry, external_id, source, created, updated)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            [account.name, account.industry, account.external_id, account.source, stamp, stamp],
        )
        assert cursor.lastrowid is not None
        created[account.key] = cursor.lastrowid
        ticker.tick()
    # Parents once every account exists: a subsidiary may come before its parent in the file.
    for account in batch.accounts:
        if account.parent is not None:
            plan.execute(
                "UPDATE account SET parent_id = ? WHERE id = ?",
                [_account_id(account.parent, created), created[account.key]],
            )
    for fill in batch.account_fills:
        assignments: dict[str, Any] = {}
        if fill.parent is not None:
            assignments["parent_id"] = _account_id(fill.parent, created)
        if fill.industry is not None:
            assignments["industry"] = fill.industry
        if fill.external_id is not None:
            assignments["external_id"] = fill.external_id
            assignments["source"] = fill.source
        if assignments:
            sets = ", ".join(f"{column} = ?" for column in assignments)
            plan.execute(
                f"UPDATE account SET {sets}, updated = ? WHERE id = ?",
                [*assignments.values(), stamp, fill.account_id],
            )
        ticker.tick()
    return created


def _write_people(
    plan: PlanDB, batch: ImportBatch, accounts: Mapping[str, int], ticker: _Ticker
) -> dict[str, int]:
    created: dict[str, int] = {}
    for person in batch.people:
        cursor = plan.execute(
            "INSERT INTO person (account_id, name, title, email, phone, external_id, source)"
            " VALUES (?, ?, ?, ?, ?, ?, ?)",
            [
                _account_id(person.account, accounts),
                person.name,
                person.title,
                person.email,
                person.phone,
                person.external_id,
                person.source,
            ],
        )
        assert cursor.lastrowid is not None
        created[person.key] = cursor.lastrowid
        ticker.tick()
    return created


_INSERT_DEAL = (
    "INSERT INTO opportunity (title, account_id, stage_id, product, quantity, amount, currency,"
    " close_date, forecast_category, next_step, stage_entered, closed_on, close_reason,"
    " last_open_stage_id, created, updated, external_id, source, probability_override,"
    " close_reason_code, close_competitor)"
    " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
)


def _write_deals(
    plan: PlanDB,
    batch: ImportBatch,
    accounts: Mapping[str, int],
    today: dt.date,
    stamp: str,
    ticker: _Ticker,
) -> dict[str, int]:
    # Plain statements, not the repository's one-savepoint-per-call inserts: a first import
    # creates thousands of deals, and the whole batch is one transaction anyway.
    created: dict[str, int] = {}
    moves: list[tuple[Any, ...]] = []
    slips: list[tuple[Any, ...]] = []
    imported: list[tuple[Any, ...]] = []
    for deal in batch.deals:
        cursor = plan.execute(
            _INSERT_DEAL,
            [
                deal.title,
                _account_id(deal.account, accounts),
                deal.stage_id,
                deal.product,
                deal.quantity,
                deal.amount,
                deal.currency,
                from_date(deal.close_date),
                deal.forecast_category,
                deal.next_step,
                from_date(deal.stage_entered or today),
                from_date(deal.closed_on),
                deal.close_reason,
                deal.last_open_stage_id,
                deal.created or stamp,
                stamp,
                deal.external_id,
                deal.source,
                deal.probability_override,
                deal.close_reason_code,
                deal.close_competitor,
            ],
        )
        new_id = cursor.lastrowid
        assert new_id is not None
        created[deal.key] = new_id
        moves.extend((new_id, m.from_stage_id, m.to_stage_id, m.moved_at, m.reason) for m in deal.moves)
        slips.extend(
            (new_id, from_date(c.old_date), from_date(c.new_date), c.changed_at) for c in deal.close_dates
        )
        imported.append((new_id, batch.source, stamp, _CREATED))
        ticker.tick()
    plan.conn.executemany(
        "INSERT INTO stage_history (opportunity_id, from_stage_id, to_stage_id, moved_at, reason)"
        " VALUES (?, ?, ?, ?, ?)",
        moves,
    )
    plan.conn.executemany(
        "INSERT INTO close_date_history (opportunity_id, old_date, new_date, changed_at) VALUES (?, ?, ?, ?)",
        slips,
    )
    plan.conn.executemany(
        "INSERT INTO import_change (opportunity_id, source, changed_at, fields) VALUES (?, ?, ?, ?)",
        imported,
    )
    return created


def _write_update(
    plan: PlanDB,
    update: DealUpdate,
    accounts: Mapping[str, int],
    today: dt.date,
    source: str,
    stamp: str,
) -> None:
    values = dict(update.fields)
    unknown = values.keys() - UPDATABLE
    if unknown:
        raise ValueError(f"an import may not write {sorted(unknown)}")
    if "account_id" in values:
        values["account_id"] = _account_id(values["account_id"], accounts)
    # The deal's timeline says what this import changed; the amount has its own history.
    written = sorted(values.keys() - _BOOKKEEPING)
    if update.close_date is not None:
        written.append("close_date")
    if update.stage is not None:
        written.append("stage")
    if written:
        plan.execute(
            "INSERT INTO import_change (opportunity_id, source, changed_at, fields) VALUES (?, ?, ?, ?)",
            [update.opportunity_id, source, stamp, json.dumps(written)],
        )
    if "amount" in values or "currency" in values:
        before = plan.query("SELECT amount, currency FROM opportunity WHERE id = ?", [update.opportunity_id])
        was = (before[0][0], before[0][1])
        now = (values.get("amount", was[0]), values.get("currency", was[1]))
        if now != was:
            opportunity_repo.add_amount_change(
                plan, update.opportunity_id, was, now, source=source, changed_at=stamp
            )
    if values:
        sets = ", ".join(f"{column} = ?" for column in values)
        plan.execute(
            f"UPDATE opportunity SET {sets}, updated = ? WHERE id = ?",
            [*values.values(), now_stamp(), update.opportunity_id],
        )
    if update.close_date is not None:
        old, new = update.close_date
        opportunity_repo.set_close_date(plan, update.opportunity_id, old, new)
    change = update.stage
    if change is not None:
        current = plan.query(
            "SELECT last_open_stage_id FROM opportunity WHERE id = ?", [update.opportunity_id]
        )
        # The import plan knows whether the move closes or reopens; the rest is any other move's.
        kind = CLOSING if change.closing else REOPENING if change.reopening else "move"
        opportunity_repo.write_stage_move(
            plan,
            move_bookkeeping(
                update.opportunity_id,
                change.from_stage_id,
                change.to_stage_id,
                kind,
                last_open_stage_id=current[0][0],
                today=today,
                reason=change.reason,
                closed_on=change.closed_on,
                close_reason=change.close_reason,
                close_code=change.close_reason_code,
                close_competitor=change.close_competitor,
            ),
        )


def _write_influences(
    plan: PlanDB,
    batch: ImportBatch,
    deals: Mapping[str, int],
    people: Mapping[str, int],
    ticker: _Ticker,
) -> None:
    for influence in batch.influences:
        deal_id = deals[influence.deal] if isinstance(influence.deal, str) else influence.deal
        person_id = people[influence.person] if isinstance(influence.person, str) else influence.person
        # OR IGNORE: the seller may have added the same person meanwhile; theirs stays as it is.
        plan.execute(
            "INSERT OR IGNORE INTO buying_influence (opportunity_id, person_id, role) VALUES (?, ?, ?)",
            [deal_id, person_id, influence.role],
        )
        ticker.tick()


def _write_state(
    plan: PlanDB, batch: ImportBatch, deals: Mapping[str, int], accounts: Mapping[str, int]
) -> None:
    if not batch.state:
        return
    state = load_state(plan, batch.source)
    for link, entry in batch.state.items():
        deal_id = deals[link] if isinstance(link, str) else link
        record = dict(entry)
        if isinstance(record.get("account_id"), str):
            record["account_id"] = accounts[record["account_id"]]  # an account this batch created
        state[deal_id] = {**state.get(deal_id, {}), **record}
    # Deals deleted since the last import take their record with them.
    existing = {r[0] for r in plan.query("SELECT id FROM opportunity WHERE source = ?", [batch.source])}
    kept = {str(k): v for k, v in sorted(state.items()) if k in existing}
    settings_repo.set_setting(plan, STATE_KEY.format(source=batch.source), kept)
