"""A plan full of hostile text for the review-pack tests: markup of every kind, emoji, RTL, long notes."""

from __future__ import annotations

import datetime as dt

from planner.model import (
    AccountDraft,
    Action,
    ActionStatus,
    BuyingInfluence,
    CompetitionKind,
    Competitor,
    Degree,
    ManualFlag,
    Mode,
    Note,
    OpportunityDraft,
    Person,
    Role,
)
from planner.stages import open_stages
from planner.storage import accounts as account_repo
from planner.storage import activities as activity_repo
from planner.storage import opportunities as opportunity_repo
from planner.storage import people as people_repo
from planner.storage import settings as settings_repo
from planner.storage import stages as stage_repo
from planner.storage.db import PlanDB

TODAY = dt.date(2026, 11, 26)
SCRIPT = "<script>alert('x')</script>"
HTML_NAME = f"Acme <b>Bold</b> & Sons {SCRIPT}"
FORMULA_TITLE = '=HYPERLINK("http://evil.example/x","click") rollout'
MARKDOWN_TITLE = "# Heading | pipe *star* _under_ [link](http://evil.example) `code` 1. list"
EMOJI = "Rocket launch 🚀🔥 deal"
RTL = "עסקה גדולה مرحبا بالعالم"
PLUS_PERSON = "+Tom @Baker -Minus"
TAB_NOTE = "\tTabbed =1+1 note"
WORDS_NOTE = ("Coaching matters. " * 560)[:10_000]  # 10,000 characters of words
ONE_WORD = "W" * 10_000  # one 10,000-character word
PRIVATE_NOTE = "PRIVATE-SECRET: the buyer's budget is really 2M"
SHARED_NOTE = "SHARED-NOTE: the customer asked for a pilot"
COACHING_NOTE = "COACHING: meet the economic buyer before you forecast it"
CONTROL = "bell\x07 and null\x00 chars"


def hostile_plan(plan: PlanDB) -> dict[str, int]:
    """Fill an empty plan with deals whose every text is hostile; returns ids by name."""
    columns = open_stages(stage_repo.list_stages(plan))
    ids: dict[str, int] = {}
    with plan.atomic():
        settings_repo.set_setting(plan, "plan_name", f"Plan {SCRIPT} & <i>co</i>")
        settings_repo.set_setting(plan, "seller", "Sam <Seller> ❤")
        settings_repo.set_setting(plan, "base_currency", "EUR")
        parent = account_repo.insert_account(plan, AccountDraft(name=HTML_NAME))
        child = account_repo.insert_account(plan, AccountDraft(name=RTL, parent_id=parent))
        other = account_repo.insert_account(plan, AccountDraft(name="Other account"))
        ids.update(parent=parent, child=child, other=other)
        titles = (FORMULA_TITLE, MARKDOWN_TITLE, EMOJI, RTL + " deal", "Plain deal for another account")
        accounts = (parent, child, parent, child, other)
        for n, (title, account) in enumerate(zip(titles, accounts, strict=True)):
            stage = columns[n % len(columns)]
            deal = opportunity_repo.insert_opportunity(
                plan,
                OpportunityDraft(
                    title=title,
                    account_id=account,
                    stage_id=stage.id,
                    product="@Product =cmd|' /C calc'!A0",
                    quantity=3.0,
                    amount=10_000.0 * (n + 1),
                    close_date=TODAY + dt.timedelta(days=30 * n + 5),
                    next_step=f"-Next {SCRIPT}",
                ),
                stage_entered=TODAY - dt.timedelta(days=10),
                created="2026-09-01T09:00:00+00:00",
            )
            ids[f"deal{n}"] = deal
            opportunity_repo.add_stage_move(
                plan, deal, None, stage.id, commitment_date=None, reason=f"Created {SCRIPT}"
            )
            boss = people_repo.insert_person(plan, Person(0, account, PLUS_PERSON, "CFO <script>"))
            coach = people_repo.insert_person(plan, Person(0, account, RTL, EMOJI))
            people_repo.insert_influence(
                plan,
                BuyingInfluence(
                    0, deal, boss, Role.ECONOMIC, Degree.HIGH, Mode.GROWTH, -4, "=1+1", SCRIPT, "| pipe |"
                ),
            )
            people_repo.insert_influence(
                plan,
                BuyingInfluence(
                    0,
                    deal,
                    coach,
                    Role.COACH,
                    Degree.LOW,
                    Mode.TROUBLE,
                    4,
                    "Win",
                    "Result",
                    TAB_NOTE,
                    covered_by="Sam",
                    last_contact=TODAY,
                    reports_to_id=boss,
                ),
            )
            activity_repo.insert_action(
                plan,
                Action(0, deal, f"Call {SCRIPT}", "=Sam", TODAY, ActionStatus.PLANNED, flag_ref="no-coach"),
            )
            activity_repo.insert_competitor(
                plan, Competitor(0, deal, "[Contoso](http://evil.example)", CompetitionKind.VENDOR)
            )
            activity_repo.insert_manual_flag(plan, ManualFlag(0, deal, False, f"Manual {SCRIPT}"))
        first = ids["deal0"]
        activity_repo.insert_note(plan, Note(0, PRIVATE_NOTE, opportunity_id=first, private=True))
        activity_repo.insert_note(plan, Note(0, SHARED_NOTE, opportunity_id=first, private=False))
        activity_repo.insert_note(plan, Note(0, WORDS_NOTE, opportunity_id=first, private=False))
        activity_repo.insert_note(plan, Note(0, ONE_WORD, opportunity_id=first, private=False))
        activity_repo.insert_note(plan, Note(0, CONTROL, opportunity_id=first, private=False))
        activity_repo.insert_note(
            plan, Note(0, COACHING_NOTE, opportunity_id=first, private=False, author="manager")
        )
        opportunity_repo.add_close_date_change(plan, first, TODAY, TODAY + dt.timedelta(days=5))
    return ids
