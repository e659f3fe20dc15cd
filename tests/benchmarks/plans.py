"""Synthetic benchmark plans: N open deals with four buying influences each, built once per size."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import random
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

from planner.model import (
    AccountDraft,
    BuyingInfluence,
    Degree,
    Mode,
    OpportunityDraft,
    Person,
    Role,
    Stage,
)
from planner.stages import open_stages
from planner.storage import accounts as account_repo
from planner.storage import migrations
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan

SEED = 20261126
DEALS_PER_ACCOUNT = 20
PEOPLE_PER_ACCOUNT = 6
INFLUENCES_PER_DEAL = 4
# Closed deals come on top of the N open ones: a plan of size N shows N cards on the board.
CLOSED_SHARE = 0.1
# Share of open deals per open stage, in board order.
STAGE_SHARES = (0.35, 0.30, 0.20, 0.15)

_ACCOUNT_WORDS = (
    "Acme", "Northwind", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Contoso", "Fabrikam",
    "Tailspin", "Litware", "Proseware", "Adatum", "Woodgrove", "Lucerne", "Margie", "Fourth Coffee",
    "Wingtip", "Alpine", "Blue Yonder", "Coho", "Humongous", "Trey", "Vanarsdel", "Wide World",
    "Southridge", "Relecloud", "Datum", "Graphic", "Nod", "Hooli", "Pied Piper", "Soylent",
    "Tyrell", "Cyberdyne", "Oscorp", "Massive", "Vandelay", "Kramerica", "Gringotts",
)  # fmt: skip
_ACCOUNT_KINDS = (
    "Logistics", "Manufacturing", "Retail", "Insurance", "Health", "Energy", "Freight", "Bank",
    "Foods", "Pharma", "Telecom", "Municipal Services", "Holdings", "Airlines", "Chemicals",
)  # fmt: skip
_INDUSTRIES = ("Logistics", "Industrial", "Retail", "Financial services", "Healthcare", "Energy")
_PRODUCTS = (
    ("Fleet Telematics", 40_000),
    ("Analytics Suite", 65_000),
    ("Support Plus renewal", 18_000),
    ("Route Optimiser", 52_000),
    ("Data Platform", 120_000),
    ("Warehouse Scanner", 30_000),
    ("Billing Connector", 24_000),
)
_TITLES = ("{p} rollout", "{p} pilot", "{p} expansion", "{p} for {c}", "{p} upgrade", "{p} tender")
_CITIES = ("Berlin", "Lyon", "Leeds", "Porto", "Gdansk", "Malmo", "Bologna", "Ghent", "Graz", "Cork")
_FIRST = ("Maria", "Tom", "Aisha", "Jonas", "Lena", "Carlos", "Priya", "Wei", "Olga", "Sam", "Noor")
_LAST = ("Keller", "Baker", "Rahman", "Weber", "Fischer", "Mendes", "Nair", "Chen", "Novak", "Okafor")
_JOBS = ("CFO", "Head of Operations", "IT Architect", "Procurement Manager", "Team Lead", "VP Sales")
_NEXT_STEPS = (
    "Demo for the dispatch team",
    "Send the business case to the CFO",
    "Security questionnaire back by Friday",
    "Workshop on decision criteria",
    "",
)
_ROLES = (Role.ECONOMIC, Role.USER, Role.TECHNICAL, Role.COACH)
_CLOSED_REASONS = ("Order received", "Lost on price", "No budget this year")


@dataclass(frozen=True, slots=True)
class PlanSpec:
    """What a benchmark plan holds."""

    open_deals: int

    @property
    def closed_deals(self) -> int:
        return round(self.open_deals * CLOSED_SHARE)

    @property
    def deals(self) -> int:
        return self.open_deals + self.closed_deals

    @property
    def accounts(self) -> int:
        return max(1, -(-self.deals // DEALS_PER_ACCOUNT))


def plan_path(folder: Path, open_deals: int) -> Path:
    """Where the plan of one size lives; the name changes with this generator and the schema."""
    digest = hashlib.sha256()
    for source in (Path(__file__), Path(migrations.__file__)):
        digest.update(source.read_bytes())
    return folder / f"bench-{open_deals}-{digest.hexdigest()[:12]}.plan"


def ensure_plan(folder: Path, open_deals: int, *, rebuild: bool = False) -> tuple[Path, float | None]:
    """The path of the plan of this size, built if missing; also the build time (None: cached)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = plan_path(folder, open_deals)
    if path.exists() and not rebuild:
        return path, None
    for stale in folder.glob(f"bench-{open_deals}-*"):  # older shapes, half-built ones, -wal/-shm
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)  # the backups folder opening a plan leaves beside it
        else:
            stale.unlink()
    partial = path.with_suffix(".partial")
    started = time.perf_counter()
    plan = open_plan(partial)
    try:
        populate(plan, PlanSpec(open_deals), dt.date.today())
    finally:
        plan.close()  # the last connection checkpoints the WAL into the file and removes it
    os.replace(partial, path)
    return path, time.perf_counter() - started


def populate(plan: PlanDB, spec: PlanSpec, today: dt.date) -> None:
    """Fill an empty plan, in one transaction, through the repository functions."""
    rng = random.Random(SEED + spec.open_deals)
    stages = stage_repo.list_stages(plan)
    columns = open_stages(stages)
    closed = [s for s in stages if s.is_closed]
    with plan.atomic():
        settings_repo.set_setting(plan, "plan_name", f"Benchmark plan ({spec.open_deals:,} open deals)")
        settings_repo.set_setting(plan, "base_currency", "EUR")
        settings_repo.set_setting(plan, "rates", {"USD": 0.92, "GBP": 1.17})
        accounts: list[tuple[int, list[int]]] = []
        for n in range(spec.accounts):
            account_id = account_repo.insert_account(plan, _account(n, rng))
            people = [
                people_repo.insert_person(plan, _person(account_id, n * PEOPLE_PER_ACCOUNT + k, rng))
                for k in range(PEOPLE_PER_ACCOUNT)
            ]
            accounts.append((account_id, people))
        for n in range(spec.deals):
            if n < spec.open_deals:
                stage = columns[_stage_index(n, spec.open_deals)]
            else:
                stage = closed[n % len(closed)]
            account_id, people = accounts[rng.randrange(len(accounts))]
            _deal(plan, rng, today, n, stage, columns, account_id, people)


def _stage_index(n: int, total: int) -> int:
    # Deterministic spread over the open stages by STAGE_SHARES, interleaved rather than blocked.
    position = (n * 7919) % total / total
    bound = 0.0
    for index, share in enumerate(STAGE_SHARES):
        bound += share
        if position < bound:
            return index
    return len(STAGE_SHARES) - 1


def _account(n: int, rng: random.Random) -> AccountDraft:
    word = _ACCOUNT_WORDS[n % len(_ACCOUNT_WORDS)]
    kind = _ACCOUNT_KINDS[(n // len(_ACCOUNT_WORDS)) % len(_ACCOUNT_KINDS)]
    series = n // (len(_ACCOUNT_WORDS) * len(_ACCOUNT_KINDS))
    name = f"{word} {kind}" + (f" {series + 1}" if series else "")
    return AccountDraft(name=name, industry=rng.choice(_INDUSTRIES))


def _person(account_id: int, n: int, rng: random.Random) -> Person:
    name = f"{_FIRST[n % len(_FIRST)]} {_LAST[(n // len(_FIRST)) % len(_LAST)]}"
    return Person(0, account_id, name, rng.choice(_JOBS))


def _deal(
    plan: PlanDB,
    rng: random.Random,
    today: dt.date,
    n: int,
    stage: Stage,
    columns: list[Stage],
    account_id: int,
    people: list[int],
) -> None:
    product, base = _PRODUCTS[n % len(_PRODUCTS)]
    title = _TITLES[(n // len(_PRODUCTS)) % len(_TITLES)].format(p=product, c=_CITIES[n % len(_CITIES)])
    created = today - dt.timedelta(days=rng.randint(30, 400))
    close = today + dt.timedelta(days=rng.randint(-30, 365))
    if stage.is_closed:
        close = today - dt.timedelta(days=rng.randint(1, 120))
    first = columns[0]
    entered = created if stage.id == first.id else created + (today - created) // 2
    draft = OpportunityDraft(
        title=title,
        account_id=account_id,
        stage_id=stage.id,
        product=product,
        quantity=float(rng.choice((1, 5, 10, 25, 50))),
        amount=float(round(base * rng.uniform(0.5, 2.5), -3)),
        currency="USD" if n % 9 == 4 else ("GBP" if n % 11 == 7 else "EUR"),
        close_date=close,
        next_step=_NEXT_STEPS[n % len(_NEXT_STEPS)],
    )
    stamp = f"{created}T09:00:00+00:00"
    opp_id = opportunity_repo.insert_opportunity(plan, draft, stage_entered=entered, created=stamp)
    opportunity_repo.add_stage_move(
        plan, opp_id, None, first.id, commitment_date=None, reason="Created", moved_at=stamp
    )
    if stage.id != first.id:
        opportunity_repo.add_stage_move(
            plan,
            opp_id,
            first.id,
            stage.id,
            commitment_date=entered,
            commitment=first.exit_commitments[0] if first.exit_commitments else "",
            moved_at=f"{entered}T10:00:00+00:00",
        )
    if stage.is_closed:
        opportunity_repo.set_stage(plan, opp_id, stage.id, entered=entered, last_open_stage_id=first.id)
        opportunity_repo.set_closed(plan, opp_id, close, _CLOSED_REASONS[n % len(_CLOSED_REASONS)])
    if n % 4 == 1:
        # Close-date history: one slip, every third of these a second one.
        slips = 2 if n % 12 == 1 else 1
        for k in range(slips, 0, -1):
            old = close - dt.timedelta(days=21 * k)
            new = close - dt.timedelta(days=21 * (k - 1))
            when = today - dt.timedelta(days=7 * k)
            opportunity_repo.add_close_date_change(
                plan, opp_id, old, new, changed_at=f"{when}T08:00:00+00:00"
            )
    offset = n % PEOPLE_PER_ACCOUNT
    chosen = [people[(offset + k) % len(people)] for k in range(INFLUENCES_PER_DEAL)]
    for person_id, role in zip(chosen, _ROLES, strict=True):
        people_repo.insert_influence(
            plan,
            BuyingInfluence(
                id=0,
                opportunity_id=opp_id,
                person_id=person_id,
                role=role,
                degree=rng.choice((Degree.HIGH, Degree.MEDIUM, Degree.LOW)),
                mode=rng.choice((Mode.GROWTH, Mode.TROUBLE, Mode.EVEN_KEEL, Mode.OVERCONFIDENT)),
                rating=rng.choice((-2, 0, 1, 3, None)),
                concept="Cut late deliveries before peak season",
                last_contact=today - dt.timedelta(days=rng.randint(0, 60)),
            ),
        )
