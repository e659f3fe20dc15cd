"""A hand-built history for the accountability figures: eight deals with every move dated.

Today is 2026-05-20 (2026Q2 runs); the four quarters shown end with 2026Q2. Calendar quarters,
base currency EUR, 1 USD = 0.5 EUR, no rate for GBP. The default stages: Prospect (P),
Qualified (Q), Evaluating (E), Committed (C, Best Few), Won, Lost, Walked away.

Each deal: closed on, outcome, amount; its stages with the day entered; close-date changes
(old -> new, made on); its Economic buyer.
- D1: 2026-03-01, won, 40,000 EUR; P 01-05, Q 01-15, E 02-04, C 02-14, Won 03-01;
  02-15 -> 03-15 on 02-10 (a slip), 03-15 -> 03-01 on 03-01; covered by Ana.
- D2: 2026-03-21, won, 20,000 USD; P 01-10, Q 01-20, C 02-19, Won 03-21;
  03-10 -> 03-21 on 03-21 (the closing day: no slip); no coverage.
- D3: 2026-02-20, lost, 30,000 EUR; P 01-01, Q 01-11, E 01-31, Lost 02-20;
  02-01 -> 02-28 on 01-20 (a slip); no Economic buyer.
- D4: 2026-02-21, walked away, 5,000 EUR; P 02-01, Walked away 02-21.
- D5: 2026-03-03, lost, no amount; P 01-02, Q 01-12, C 02-01, Lost 03-03; last contact 02-20.
- D6: 2026-04-11, won, 12,000 EUR; P 2025-12-31, C 03-31, Won 04-11;
  04-01 -> 04-30 on 04-02 (a slip); no coverage.
- D7: 2026-06-15, won, 99,999 EUR; P 04-01, Won 06-15 (after today: not counted yet).
- D8: 2025-11-15, lost, 8,000 GBP (no rate); P 2025-10-01, Lost 11-15.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from planner.model import AccountDraft, BuyingInfluence, OpportunityDraft, Person, Role
from planner.storage import accounts as account_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB, open_plan

TODAY = dt.date(2026, 5, 20)

# (title, amount, currency, [(stage, day)...] ending with the closed stage, close-date changes
#  [(old, new, changed on)], Economic buyer: None, "" (no coverage), a name or a last-contact day)
_Deal = tuple[str, float | None, str, list[tuple[str, str]], list[tuple[str, str, str]], str | None]
_DEALS: tuple[_Deal, ...] = (
    (
        "D1",
        40_000.0,
        "EUR",
        [("Prospect", "2026-01-05"), ("Qualified", "2026-01-15"), ("Evaluating", "2026-02-04"),
         ("Committed", "2026-02-14"), ("Won", "2026-03-01")],
        [("2026-02-15", "2026-03-15", "2026-02-10"), ("2026-03-15", "2026-03-01", "2026-03-01")],
        "Ana",
    ),
    (
        "D2",
        20_000.0,
        "USD",
        [("Prospect", "2026-01-10"), ("Qualified", "2026-01-20"), ("Committed", "2026-02-19"),
         ("Won", "2026-03-21")],
        [("2026-03-10", "2026-03-21", "2026-03-21")],
        "",
    ),
    (
        "D3",
        30_000.0,
        "EUR",
        [("Prospect", "2026-01-01"), ("Qualified", "2026-01-11"), ("Evaluating", "2026-01-31"),
         ("Lost", "2026-02-20")],
        [("2026-02-01", "2026-02-28", "2026-01-20")],
        None,
    ),
    ("D4", 5_000.0, "EUR", [("Prospect", "2026-02-01"), ("Walked away", "2026-02-21")], [], None),
    (
        "D5",
        None,
        "EUR",
        [("Prospect", "2026-01-02"), ("Qualified", "2026-01-12"), ("Committed", "2026-02-01"),
         ("Lost", "2026-03-03")],
        [],
        "2026-02-20",
    ),
    (
        "D6",
        12_000.0,
        "EUR",
        [("Prospect", "2025-12-31"), ("Committed", "2026-03-31"), ("Won", "2026-04-11")],
        [("2026-04-01", "2026-04-30", "2026-04-02")],
        "",
    ),
    ("D7", 99_999.0, "EUR", [("Prospect", "2026-04-01"), ("Won", "2026-06-15")], [], None),
    ("D8", 8_000.0, "GBP", [("Prospect", "2025-10-01"), ("Lost", "2025-11-15")], [], None),
)  # fmt: skip


def build_history(plan: PlanDB) -> dict[str, int]:
    """Write the table above into an empty plan; deal title -> id."""
    stages = {s.name: s for s in stage_repo.list_stages(plan)}
    ids: dict[str, int] = {}
    with plan.atomic():
        settings_repo.set_setting(plan, "base_currency", "EUR")
        settings_repo.set_setting(plan, "rates", {"USD": 0.5})
        account_id = account_repo.insert_account(plan, AccountDraft(name="Northwind Logistics"))
        person_id = people_repo.insert_person(plan, Person(0, account_id, "Erika Mustermann", "CFO"))
        for title, amount, currency, history, changes, buyer in _DEALS:
            created = history[0][1]
            closed = dt.date.fromisoformat(history[-1][1])
            draft = OpportunityDraft(
                title=title,
                account_id=account_id,
                stage_id=stages[history[0][0]].id,
                product="Fleet Telematics",
                amount=amount,
                currency=currency,
                close_date=closed,
            )
            deal = opportunity_repo.insert_opportunity(
                plan, draft, stage_entered=closed, created=f"{created}T09:00:00+00:00"
            )
            ids[title] = deal
            previous = None
            for stage_name, day in history:
                opportunity_repo.add_stage_move(
                    plan,
                    deal,
                    previous,
                    stages[stage_name].id,
                    commitment_date=None,
                    reason="Created" if previous is None else "",
                    moved_at=f"{day}T10:00:00+00:00",
                )
                previous = stages[stage_name].id
            last_open = stages[history[-2][0]].id
            assert previous is not None
            opportunity_repo.set_stage(plan, deal, previous, entered=closed, last_open_stage_id=last_open)
            opportunity_repo.set_closed(plan, deal, closed, "Because")
            for old, new, on in changes:
                opportunity_repo.add_close_date_change(
                    plan,
                    deal,
                    dt.date.fromisoformat(old),
                    dt.date.fromisoformat(new),
                    changed_at=f"{on}T08:00:00+00:00",
                )
            if buyer is not None:
                covered, contact = buyer, None
                if buyer[:1].isdigit():
                    covered, contact = "", dt.date.fromisoformat(buyer)
                people_repo.insert_influence(
                    plan,
                    BuyingInfluence(
                        0, deal, person_id, role=Role.ECONOMIC, covered_by=covered, last_contact=contact
                    ),
                )
    return ids


def history_plan(folder: Path) -> Path:
    """The history above in a plan file in `folder`."""
    path = folder / "history.plan"
    plan = open_plan(path)
    try:
        build_history(plan)
    finally:
        plan.close()
    return path
