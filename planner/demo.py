"""The demo plan: eight accounts and forty deals in every stage, dated relative to today.

It is what a seller sees on first launch, so it shows every feature with plausible data:
stale deals, slipping close dates, premature deals, buying influences of every kind in the
roles the method gives them, the customer's recorded commitments, a planned and a debriefed
call, actions linked to the red flags they remove, and at least one deal for each rule.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

from planner import red_flags
from planner.model import (
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
from planner.storage import evidence
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

# Each account's people by the role they play on its deals, as the method has it: the CFO or a
# business owner releases the money (Economic); IT, procurement and legal screen (Technical);
# the people who run the fleet use it (User); a Coach wants us to win.
_ECONOMIC_PEOPLE = (
    ("Maria Keller", "Chief Financial Officer"),
    ("Carlos Mendes", "Managing Director"),
    ("Ingrid Holm", "Head of Logistics"),
)
_USER_PEOPLE = (
    ("Lena Fischer", "Team Lead, Dispatch"),
    ("Marco Rossi", "Fleet Manager"),
    ("Tom Baker", "Head of Operations"),
)
_TECHNICAL_PEOPLE = (
    ("Aisha Rahman", "IT Architect"),
    ("Jonas Weber", "Procurement Manager"),
    ("Priya Nair", "Data Protection Officer"),
    ("Sofia Costa", "Legal Counsel"),
)
_COACH_PEOPLE = (
    ("Ben Carter", "Project Manager, Operations"),
    ("Nina Schulz", "Business Controller"),
    ("Omar Haddad", "Transport Planner"),
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
_DISTRIBUTION = ((0, 8), (1, 8), (2, 8), (3, 6), (4, 5), (5, 2), (6, 3))

_CLOSE_REASONS = {
    4: "Order received; signed after the pilot",
    5: "Lost to Contoso on price; the economic buyer was never met",
    6: "Walked away: no budget this year and no access to the economic buyer",
}
# Each closed stage's reason from the default list (planner.close_reasons) and competitor.
_CLOSE_CODES = {4: ("product_fit", ""), 5: ("competitor", "Contoso"), 6: ("budget_cut", "")}

# Deals (by their number, 0..39) that show one rule or feature each; the rest follow the patterns.
_SINGLE_THREADED = 4  # a prospect where only the Economic buyer has been met
_NO_NEXT_STEP = (9, 21)  # their one action is done and nothing is planned
_NOT_LINKED = 16  # its action is not linked to the red flag it removes
_POSITIONS = {1: 2, 6: 4, 10: 3, 13: 5, 19: 1, 24: 4, 25: 5, 26: 2, 28: 3}  # current positions
_DECISION_DATE_AGREED = (24, 25, 27, 29)  # Committed deals whose Economic buyer agreed the date
_CALLS = 25  # a Committed deal with a debriefed call and one coming up
_RECENT = {  # deal -> what the customer did, days ago, without a stage move
    8: ("Sent last quarter's late-delivery figures for the business case", 2),
    11: ("Booked the dispatch team for the demo", 5),
    16: ("Shared the IT security questionnaire", 1),
    20: ("Introduced us to the Head of Logistics", 6),
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
        deals: dict[int, int] = {}  # deal number -> opportunity id
        for stage_index, count in _DISTRIBUTION:
            for _ in range(count):
                n = len(deals)
                account_id = account_ids[n % len(account_ids)]
                deals[n] = _deal(
                    plan, rng, today, stages, columns, stage_index, account_id, people[account_id], n
                )
        _evidence(plan, today, stages, deals)
        _link_actions(plan, today, deals)


def _accounts(plan: PlanDB) -> list[int]:
    ids: dict[str, int] = {}
    for name, industry, parent in _ACCOUNTS:
        ids[name] = account_repo.insert_account(
            plan, AccountDraft(name=name, industry=industry, parent_id=ids.get(parent or ""))
        )
    return list(ids.values())


def _people(plan: PlanDB, account_id: int, rng: random.Random) -> list[int]:
    """The account's Economic buyer, User, Technical buyer and Coach, in that order, and one more
    technical screener who is not on its deals."""
    e, u, t, c, extra = rng.sample(range(7), 5)
    technical = t % len(_TECHNICAL_PEOPLE)
    other = (technical + 1 + extra % 3) % len(_TECHNICAL_PEOPLE)  # never the same person
    chosen = (
        _ECONOMIC_PEOPLE[e % len(_ECONOMIC_PEOPLE)],
        _USER_PEOPLE[u % len(_USER_PEOPLE)],
        _TECHNICAL_PEOPLE[technical],
        _COACH_PEOPLE[c % len(_COACH_PEOPLE)],
        _TECHNICAL_PEOPLE[other],
    )
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
) -> int:
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
            last_commit = when  # add_stage_move records it as the customer's commitment too
        previous = target
    last_open = path[-1].id if closed else None
    opportunity_repo.set_stage(plan, opp_id, stage.id, entered=entered, last_open_stage_id=last_open)
    if closed:
        code, competitor = _CLOSE_CODES[stage_index]
        opportunity_repo.set_closed(
            plan, opp_id, close, _CLOSE_REASONS[stage_index], reason_code=code, competitor=competitor
        )
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
    if n in _POSITIONS:
        opportunity_repo.set_position(plan, opp_id, _POSITIONS[n])
    return opp_id


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
        met = not weak and (n != _SINGLE_THREADED or position == 0)
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
    due = today + dt.timedelta(days=rng.randint(-3, 20))
    finished = n in _NO_NEXT_STEP  # done, and nothing planned after it
    activity_repo.insert_action(
        plan,
        Action(
            0,
            opp_id,
            _ACTIONS[n % len(_ACTIONS)],
            who="Sam Seller",
            due=min(due, today - dt.timedelta(days=2)) if finished else due,
            status=ActionStatus.DONE if finished else ActionStatus.PLANNED,
            done_on=today - dt.timedelta(days=2) if finished else None,
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


# The customer's commitments beyond stage moves, and a Green Sheet's two calls ----------------------


def _evidence(plan: PlanDB, today: dt.date, stages: list[Stage], deals: dict[int, int]) -> None:
    """Commitments recorded on days without a move, the Economic buyer's agreed decision date on
    most Committed deals (one from a call's debrief), and a call coming up on the same deal."""
    committed = next(s for s in stages if s.level is FunnelLevel.BEST_FEW)
    decision = red_flags.decision_items(stages)[0]
    for n, (what, days) in _RECENT.items():
        buyer = _person_of(plan, deals[n], Role.USER)
        evidence.insert_commitment(
            plan,
            Commitment(
                0, deals[n], what, today - dt.timedelta(days=days), None, buyer, "Email in the shared inbox"
            ),
        )
    for n in _DECISION_DATE_AGREED:
        if n == _CALLS:
            continue  # recorded by the call's debrief below
        economic = _person_of(plan, deals[n], Role.ECONOMIC)
        evidence.insert_commitment(
            plan,
            Commitment(
                0,
                deals[n],
                decision,
                today - dt.timedelta(days=9 + n % 4),
                committed.id,
                economic,
                "Confirmed by email after the board meeting",
            ),
        )
    _calls(plan, today, deals[_CALLS], committed.id, decision)


def _person_of(plan: PlanDB, opp_id: int, role: Role) -> str:
    """The name of the deal's influence in `role` ('' if none)."""
    for bi in people_repo.list_influences(plan, opp_id):
        if bi.role is role:
            person = people_repo.get_person(plan, bi.person_id)
            return person.name if person else ""
    return ""


def _calls(plan: PlanDB, today: dt.date, opp_id: int, stage_id: int, decision: str) -> None:
    influences = {bi.role: bi.id for bi in people_repo.list_influences(plan, opp_id)}
    held = today - dt.timedelta(days=3)
    call_id = evidence.insert_call_plan(
        plan,
        CallPlan(
            0,
            opp_id,
            dt.datetime.combine(held, dt.time(10, 0)),
            title="Commercial review with the CFO",
            attendees=tuple(influences[r] for r in (Role.ECONOMIC, Role.COACH) if r in influences),
            business_reason="Review the pilot's results against the savings target before the budget",
            giving="Pilot figures: 11 % fewer empty kilometres; the reference from a similar fleet",
            confirmation_questions=("Is the savings target still 8 % this year?",),
            new_information_questions=("Who else signs off a contract of this size?",),
            attitude_questions=("How do you feel about rolling out before peak season?",),
            best_action="Agree the contract and the signature date",
            minimum_action="Name the date the board decides",
            commit_by=held,
            debriefed_on=held,
            debrief_commitment=decision,
            debrief_notes="Signature planned for the month end; legal wants to see the order form first.",
        ),
    )
    evidence.insert_commitment(
        plan,
        Commitment(
            0,
            opp_id,
            decision,
            held,
            stage_id,
            _person_of(plan, opp_id, Role.ECONOMIC),
            "Said so in the commercial review",
            call_id,
        ),
    )
    coming = today + dt.timedelta(days=4)
    evidence.insert_call_plan(
        plan,
        CallPlan(
            0,
            opp_id,
            dt.datetime.combine(coming, dt.time(14, 30)),
            title="Order form walk-through with legal and IT",
            attendees=tuple(influences[r] for r in (Role.TECHNICAL, Role.ECONOMIC) if r in influences),
            business_reason="Clear legal's and IT's questions before the agreed signature date",
            giving="The data-processing agreement and the integration plan",
            confirmation_questions=("Is the signature still planned for the end of the month?",),
            new_information_questions=(
                "Which clauses does legal want to change?",
                "Who in IT approves the integration?",
            ),
            attitude_questions=("What worries you about the switch-over?",),
            best_action="Sign the order form",
            minimum_action="Send us legal's redlines by Friday",
            commit_by=coming + dt.timedelta(days=3),
        ),
    )


# Actions linked to the red flags they remove ------------------------------------------------------

# What a seller plans against each red flag (demo wording: the seller's own, in English).
_AGAINST = {
    red_flags.NO_ECONOMIC_BUYER: "Ask the coach who signs off the budget",
    red_flags.SEVERAL_ECONOMIC_BUYERS: "Find out who has the final say on the budget",
    red_flags.NO_COACH: "Find a coach in the operations team",
    red_flags.UNCOVERED_INFLUENCE: "Meet the person nobody has met yet",
    red_flags.HOSTILE_INFLUENCE: "Ask what the project would have to do for them",
    red_flags.UNRECEPTIVE_ECONOMIC_BUYER: "Show the economic buyer the cost of doing nothing",
    red_flags.UNKNOWN: "Ask the coach how this person sees the project",
    red_flags.NO_WIN_RESULT: "Find out what this person wants to win",
    red_flags.NEW_PLAYER: "Introduce ourselves in the new role",
    red_flags.OBJECTIVE_INCOMPLETE: "Agree the scope and the amount with the customer",
    red_flags.STALE: "Ask for the next meeting with a concrete commitment",
    red_flags.SLIPPING: "Confirm the decision date with the economic buyer",
    red_flags.OVERDUE: "Agree a realistic close date",
    red_flags.PREMATURE: "Confirm the commitments that brought the deal here",
    red_flags.NOT_IN_FUNNEL_YET: "Meet someone who sees the problem we solve",
    red_flags.BEST_FEW_UNCONFIRMED: "Agree the contract and signature date with the economic buyer",
    red_flags.SINGLE_THREADED: "Ask for a meeting with IT and the dispatch team",
    red_flags.EUPHORIC_WITH_RED_FLAGS: "Review the red flags with my manager",
}


def _link_actions(plan: PlanDB, today: dt.date, deals: dict[int, int]) -> None:
    """Link each open deal's planned action to the first red flag it removes; on two deals of three
    also plan an action against each other red flag. The third keep red flags without an action
    (`flag-without-action`), and one deal keeps its action unlinked."""
    found = red_flags.evaluate_plan(plan, today)
    for n, opp_id in deals.items():
        flags = [
            f
            for f in found.get(opp_id, ())
            if not f.is_strength and f.rule in _AGAINST and f.rule != red_flags.MANUAL
        ]
        planned = [a for a in activity_repo.list_actions(plan, opp_id) if a.status is ActionStatus.PLANNED]
        if not flags or not planned or n == _NOT_LINKED:
            continue
        first = planned[0]
        activity_repo.update_action(plan, dataclasses.replace(first, flag_ref=red_flags.flag_ref(flags[0])))
        if n % 3 == 2:
            continue  # the deals with gaps keep some red flags without an action
        for k, flag in enumerate(flags[1:], start=1):
            activity_repo.insert_action(
                plan,
                Action(
                    0,
                    opp_id,
                    _AGAINST[flag.rule],
                    who="Sam Seller",
                    due=(first.due or today) + dt.timedelta(days=3 * k),
                    status=ActionStatus.POSSIBLE if k > 2 else ActionStatus.PLANNED,
                    flag_ref=red_flags.flag_ref(flag),
                ),
            )
