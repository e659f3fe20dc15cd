"""The demo plan: eight accounts and forty deals in every stage, dated relative to today.

It is what a seller sees on first launch, so it shows every feature with plausible data:
stale deals, slipping close dates, premature deals, buying influences of every kind.
"""

from __future__ import annotations

import datetime as dt
import random

from planner.model import (
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Competitor,
    ConceptKind,
    Degree,
    ForecastCategory,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
    Stage,
)
from planner.stages import open_stages
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

DEMO_SEED = 20261126

_ACCOUNTS: tuple[tuple[str, str, str | None], ...] = (
    ("Northwind Group", "Logistics", None),
    ("Northwind Freight", "Logistics", "Northwind Group"),
    ("Acme Manufacturing", "Industrial", None),
    ("Globex Retail", "Retail", None),
    ("Initech Insurance", "Financial services", None),
    ("Umbrella Health", "Healthcare", None),
    ("Stark Energy", "Energy", None),
    ("Wayne Municipal Services", "Public sector", None),
)

_PEOPLE = (
    ("Maria Keller", "Chief Financial Officer"),
    ("Tom Baker", "Head of Operations"),
    ("Aisha Rahman", "IT Architect"),
    ("Jonas Weber", "Procurement Manager"),
    ("Lena Fischer", "Team Lead, Dispatch"),
    ("Carlos Mendes", "VP Sales"),
    ("Priya Nair", "Data Protection Officer"),
)

_PRODUCTS = (
    ("Fleet Telematics", 40_000),
    ("Analytics Suite", 65_000),
    ("Support Plus renewal", 18_000),
    ("Route Optimiser", 52_000),
    ("Data Platform", 120_000),
)

_TITLES = (
    "{product} rollout",
    "{product} pilot",
    "{product} expansion",
    "{product} for the new site",
    "{product} upgrade",
)

# (stage index in default order, how many deals); 40 in all, every stage used.
_DISTRIBUTION = ((0, 8), (1, 8), (2, 8), (3, 6), (4, 4), (5, 3), (6, 3))

_CLOSE_REASONS = {
    4: "Order received; signed after the pilot",
    5: "Lost to Contoso on price; the economic buyer was never met",
    6: "Walked away: no budget this year and no access to the economic buyer",
}


def populate_demo(plan: PlanDB, today: dt.date | None = None) -> None:
    """Fill an empty plan with the demo data, in one transaction."""
    today = today or dt.date.today()
    rng = random.Random(DEMO_SEED)
    stages = stage_repo.list_stages(plan)
    columns = open_stages(stages)
    with plan.atomic():
        settings_repo.set_setting(plan, "plan_name", "Demo plan")
        settings_repo.set_setting(plan, "seller", "Sam Seller")
        settings_repo.set_setting(plan, "is_demo", True)
        settings_repo.set_setting(plan, "base_currency", "EUR")
        settings_repo.set_setting(plan, "rates", {"USD": 0.92, "GBP": 1.17})
        account_ids = _accounts(plan)
        people = {aid: _people(plan, aid, rng) for aid in account_ids}
        deal = 0
        for stage_index, count in _DISTRIBUTION:
            for _ in range(count):
                account_id = account_ids[deal % len(account_ids)]
                _deal(plan, rng, today, stages, columns, stage_index, account_id, people[account_id], deal)
                deal += 1


def _accounts(plan: PlanDB) -> list[int]:
    ids: dict[str, int] = {}
    for name, industry, parent in _ACCOUNTS:
        ids[name] = account_repo.insert_account(
            plan, AccountDraft(name=name, industry=industry, parent_id=ids.get(parent or ""))
        )
    return list(ids.values())


def _people(plan: PlanDB, account_id: int, rng: random.Random) -> list[int]:
    chosen = rng.sample(_PEOPLE, 5)
    return [
        people_repo.insert_person(plan, Person(0, account_id, name, title, email="", phone=""))
        for name, title in chosen
    ]


def _deal(
    plan: PlanDB,
    rng: random.Random,
    today: dt.date,
    stages: list[Stage],
    columns: list[Stage],
    stage_index: int,
    account_id: int,
    people: list[int],
    n: int,
) -> None:
    stage = stages[stage_index]
    product, base = _PRODUCTS[n % len(_PRODUCTS)]
    currency = "USD" if n % 9 == 4 else ("GBP" if n % 11 == 7 else "EUR")
    amount = float(round(base * rng.uniform(0.5, 2.5), -3))
    closed = stage.is_closed
    created = today - dt.timedelta(days=rng.randint(40, 160))
    if stage_index == 0:
        created = today - dt.timedelta(days=rng.randint(3, 25))  # prospects are young
    close = today + dt.timedelta(days=rng.randint(6, 120))
    if closed:
        close = today - dt.timedelta(days=rng.randint(3, 60))
    elif n % 13 == 5:
        close = today - dt.timedelta(days=rng.randint(2, 15))  # overdue
    draft = OpportunityDraft(
        title=_TITLES[n % len(_TITLES)].format(product=product),
        account_id=account_id,
        stage_id=stage.id,
        product=product,
        quantity=float(rng.choice((1, 5, 10, 25, 50, 120))),
        amount=amount,
        currency=currency,
        close_date=close,
        forecast_category=ForecastCategory.COMMIT if stage_index == 3 else None,
        next_step=rng.choice(
            (
                "Demo for the dispatch team",
                "Send the business case to the CFO",
                "Security questionnaire back by Friday",
                "Workshop on decision criteria",
                "Confirm signature date with procurement",
                "",
            )
        ),
    )
    stale = n % 5 == 2 and not closed
    if stale and stage_index == 0:
        created = today - dt.timedelta(days=rng.randint(45, 80))
    premature = n % 7 == 3 and stage_index in (1, 2, 3)
    # The history walks the deal from the first stage to where it is now.
    path = columns[: min(stage_index, len(columns) - 1) + 1] if not closed else columns
    moves = [*path[1:], *([stage] if closed else [])]
    # Most deals had their last customer commitment recently; every fifth has gone stale.
    last_move = today - dt.timedelta(days=rng.randint(40, 70) if stale else rng.randint(2, 12))
    span = max((last_move - created).days, len(moves))
    last_commit = created
    entered = created
    opp_id = opportunity_repo.insert_opportunity(
        plan, draft, stage_entered=created, created=f"{created}T09:00:00+00:00"
    )
    opportunity_repo.add_stage_move(
        plan,
        opp_id,
        None,
        path[0].id,
        commitment_date=None,
        reason="Created",
        moved_at=f"{created}T09:00:00+00:00",
    )
    previous = path[0]
    for i, target in enumerate(moves, start=1):
        when = created + dt.timedelta(days=span * i // len(moves))
        entered = when
        no_evidence = premature and i == len(path) - 1
        # The customer made every commitment that leaves the stage (Premature reads each one).
        commitment = "" if no_evidence else "; ".join(previous.exit_commitments)
        reason = ""
        if closed and target is stage:
            reason = _CLOSE_REASONS[stage_index]
            commitment = stage.exit_commitments[0] if stage_index == 4 else ""
        opportunity_repo.add_stage_move(
            plan,
            opp_id,
            previous.id,
            target.id,
            commitment_date=None if no_evidence or not commitment else when,
            commitment=commitment,
            reason=reason,
            moved_at=f"{when}T10:00:00+00:00",
        )
        if commitment:
            last_commit = when
        previous = target
    last_open = path[-1].id if closed else None
    opportunity_repo.set_stage(plan, opp_id, stage.id, entered=entered, last_open_stage_id=last_open)
    if closed:
        opportunity_repo.set_closed(plan, opp_id, close, _CLOSE_REASONS[stage_index])
    if n % 4 == 1 and not closed and stage_index > 0:
        # Slips: the close date was pushed out twice.
        first = close - dt.timedelta(days=45)
        second = close - dt.timedelta(days=20)
        opportunity_repo.add_close_date_change(
            plan, opp_id, first, second, changed_at=f"{today - dt.timedelta(days=30)}T08:00:00+00:00"
        )
        opportunity_repo.add_close_date_change(
            plan, opp_id, second, close, changed_at=f"{today - dt.timedelta(days=8)}T08:00:00+00:00"
        )
    _influences(plan, rng, today, opp_id, people, n, last_commit)
    _extras(plan, rng, today, opp_id, n)


_WINS = (
    "Recognition for a smooth rollout",
    "A promotion case built on the savings",
    "Fewer late-night escalations",
    "Credit with the board for hitting the cost target",
)
_RESULTS = {
    Role.ECONOMIC: "Payback within a year",
    Role.USER: "Fewer late deliveries",
    Role.TECHNICAL: "One integration instead of three",
    Role.COACH: "The project lands in their team",
    Role.UNKNOWN: "",
}
_CONCEPTS = {
    Role.ECONOMIC: ("Cut logistics cost by 8 % this year", ConceptKind.ACCOMPLISH),
    Role.USER: ("Stop missing delivery windows in peak season", ConceptKind.FIX),
    Role.TECHNICAL: ("Avoid another system to maintain", ConceptKind.AVOID),
    Role.COACH: ("Show the new process works", ConceptKind.ACCOMPLISH),
    Role.UNKNOWN: ("", None),
}


def _influences(
    plan: PlanDB, rng: random.Random, today: dt.date, opp_id: int, people: list[int], n: int, last: dt.date
) -> None:
    """Most deals have a well-kept Blue Sheet; some show the classic gaps the rules flag."""
    roles = [Role.ECONOMIC, Role.USER, Role.TECHNICAL, Role.COACH]
    gaps = n % 3 == 2  # about a third of the deals carry one or two gaps
    if n % 6 == 5:
        roles.remove(Role.COACH)  # a classic gap: nobody guides us
    if n % 10 == 7:
        roles[0] = Role.UNKNOWN  # the economic buyer is not identified
    for position, (person_id, role) in enumerate(zip(people, roles, strict=False)):
        weak = gaps and position == 1 + n % 3
        mode = (
            Mode.GROWTH if role is Role.ECONOMIC else rng.choice((Mode.GROWTH, Mode.TROUBLE, Mode.EVEN_KEEL))
        )
        if role is Role.ECONOMIC and n % 8 == 6:
            mode = Mode.OVERCONFIDENT
        rating: int | None = {Role.COACH: 4, Role.ECONOMIC: 2}.get(role, rng.choice((0, 1, 2, 3)))
        if weak:
            rating = rng.choice((-4, None))
        met = not weak
        concept, kind = _CONCEPTS[role]
        people_repo.insert_influence(
            plan,
            BuyingInfluence(
                id=0,
                opportunity_id=opp_id,
                person_id=person_id,
                role=role,
                degree=Degree.HIGH
                if role is Role.ECONOMIC
                else rng.choice((Degree.HIGH, Degree.MEDIUM, Degree.LOW)),
                mode=Mode.UNKNOWN if weak else mode,
                rating=rating,
                win="" if weak else _WINS[(n + position) % len(_WINS)],
                result=_RESULTS[role],
                concept=concept,
                concept_kind=kind,
                covered_by="Sam Seller" if met else "",
                last_contact=(min(last, today) - dt.timedelta(days=rng.randint(0, 6))) if met else None,
                new_in_job=n % 12 == 4 and position == 2,
                reports_to_id=people[0] if person_id != people[0] else None,
                evidence="Said so in the discovery call" if met else "",
            ),
        )


_ACTIONS = (
    "Ask the coach to introduce us to the economic buyer",
    "Workshop on decision criteria with IT",
    "Send the business case to the CFO",
    "Reference call with a similar customer",
    "Security questionnaire back to procurement",
    "Agree the signature date with procurement",
)


def _extras(plan: PlanDB, rng: random.Random, today: dt.date, opp_id: int, n: int) -> None:
    activity_repo.insert_action(
        plan,
        Action(
            0,
            opp_id,
            _ACTIONS[n % len(_ACTIONS)],
            who="Sam Seller",
            due=today + dt.timedelta(days=rng.randint(-3, 20)),
            status=ActionStatus.PLANNED,
            flag_ref="no-economic-buyer" if n % 10 == 7 else "",
        ),
    )
    if n % 3 == 0:
        activity_repo.insert_action(
            plan,
            Action(
                0,
                opp_id,
                "Send reference story from a similar customer",
                who="Sam Seller",
                due=today - dt.timedelta(days=5),
                status=ActionStatus.DONE,
                done_on=today - dt.timedelta(days=4),
            ),
        )
    activity_repo.insert_competitor(
        plan,
        Competitor(
            0,
            opp_id,
            "Contoso" if n % 2 else "Do nothing",
            kind=(CompetitionKind.VENDOR if n % 2 else CompetitionKind.DO_NOTHING),
        ),
    )
    activity_repo.insert_note(
        plan,
        Note(
            0,
            "Budget is approved for the first half; the CFO wants a payback under a year.",
            opportunity_id=opp_id,
            private=n % 2 == 0,
        ),
    )
