"""The method's checks (funnel levels, next step, threads, euphoria, links, this week's commitment)
speak German in a German window: their reasons, their short names and the clean-up summary."""

from __future__ import annotations

import dataclasses

from planner import i18n
from planner import red_flags as rf
from planner.model import Mode
from tests.conftest import TODAY
from tests.planner.test_red_flags import (
    CONFIRMED,
    DAY,
    ECONOMIC,
    FIVE_WON,
    TECHNICAL,
    USER,
    best_few,
    committed,
    deal,
    every,
    only_met,
)
from ui import hygiene_view
from ui.blue_sheet import labels
from ui.hygiene_view import translate

NEW_RULES = (
    rf.NOT_IN_FUNNEL_YET,
    rf.BEST_FEW_UNCONFIRMED,
    rf.NO_NEXT_STEP,
    rf.SINGLE_THREADED,
    rf.EUPHORIC_WITH_RED_FLAGS,
    rf.FLAG_WITHOUT_ACTION,
    rf.COMMITMENT_THIS_WEEK,
)


def _firing() -> list[rf.DealFacts]:
    """Deals that raise every new rule, and each wording of it."""
    unreceptive = deal(every(mode=Mode.EVEN_KEEL))
    no_limit = dataclasses.replace(unreceptive.rule, stale_after_days=None)
    short = rf.PlanContext(FIVE_WON.decision_items, rf.NormalCycle(1, 5))  # one day closes too late
    return [
        unreceptive,
        dataclasses.replace(unreceptive, rule=no_limit),
        best_few(),
        best_few(commitments=CONFIRMED, context=FIVE_WON, close_date=TODAY + 45 * DAY),
        best_few(commitments=CONFIRMED, context=short, close_date=TODAY + DAY),
        best_few(context=FIVE_WON, close_date=TODAY + 31 * DAY),
        best_few(context=short, close_date=TODAY + DAY),
        deal(actions=frozenset()),
        deal(actions=frozenset(), next_step="Demo for the dispatch team"),
        deal((ECONOMIC,)),
        deal(only_met(ECONOMIC)),
        deal((ECONOMIC, USER, TECHNICAL), position=4),
        deal((ECONOMIC, USER, TECHNICAL)),
        deal((ECONOMIC, USER), position=5),
        deal(commitments=(committed("Sent the fleet data", 0),)),
        deal(commitments=(committed("Sent the fleet data", 1),)),
        deal(commitments=(committed("Sent the fleet data", 5),)),
    ]


def _reasons() -> list[tuple[str, str]]:
    return [
        (f.rule, f.reason) for facts in _firing() for f in rf.evaluate(facts, TODAY) if f.rule in NEW_RULES
    ]


def test_the_method_checks_speak_german(german: None) -> None:
    found = _reasons()
    assert {rule for rule, _reason in found} == set(NEW_RULES)
    reasons = set(found)
    assert (rf.NO_NEXT_STEP, "Kein nächster Schritt: die Chance hat keine offene Maßnahme") in reasons
    assert (
        rf.SINGLE_THREADED,
        "Nur ein Kontakt: Maria Keller (Wirtschaftlicher Entscheider) ist die einzige Einflussperson",
    ) in reasons
    assert (rf.COMMITMENT_THIS_WEEK, "Der Kunde hat heute zugesagt: „Sent the fleet data“") in reasons
    assert (
        rf.FLAG_WITHOUT_ACTION,
        "Keine offene Maßnahme ist mit dem Warnsignal „Kein Coach bei dieser Chance“ verknüpft",
    ) in reasons
    euphoric = [r for rule, r in found if rule == rf.EUPHORIC_WITH_RED_FLAGS]
    assert euphoric[0].startswith("Aktuelle Einschätzung +4 bei 1 Warnsignal:")
    assert [labels.rule(rule) for rule in NEW_RULES] == [
        "Noch nicht im Trichter",
        "Best Few unbestätigt",
        "Kein nächster Schritt",
        "Nur ein Kontakt",
        "Euphorisch trotz Warnsignalen",
        "Warnsignal ohne Maßnahme",
        "Zusage in dieser Woche",
    ]


def test_every_wording_is_translated(german: None) -> None:
    german_reasons = _reasons()
    with i18n.english():
        english_reasons = _reasons()
    assert len(german_reasons) == len(english_reasons)
    for (rule, de), (_same, en) in zip(german_reasons, english_reasons, strict=True):
        assert de != en, rule
    # The clean-up summary counts the new rules on the list.
    assert translate("HygieneView", hygiene_view.RULE_WORDS[rf.NO_NEXT_STEP]).format(n=2) == (
        "2 ohne nächsten Schritt"
    )
    assert translate("HygieneView", hygiene_view.RULE_WORDS[rf.BEST_FEW_UNCONFIRMED]).format(n=1) == (
        "1 in Best Few unbestätigt"
    )


def test_every_rule_has_a_short_name() -> None:
    for rule in rf.RULE_ORDER:
        assert labels.rule(rule) != rule, rule
