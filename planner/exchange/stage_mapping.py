"""A file's stage values mapped onto the plan's stages: won and lost by name, open ones by probability."""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from planner.exchange.crm import known_probabilities
from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import FunnelLevel, Stage
from planner.stages import open_stages, ordered

# Without a remembered or given mapping, an open stage goes to the plan stage its name is like
# ('Prospecting' -> 'Prospect'), or to the earliest level when its name says deals start there
# ('Lead in'), else to the plan stage whose default probability is nearest the file's probability
# for it (the median of its rows, else the CRM's default for that stage name), else by order.
# Names come before probabilities: a CRM's 'Prospecting' at 20 % is still where deals start.

# Default probabilities of the CRMs' stock pipelines (their profiles), by stage name.
KNOWN_PROBABILITIES: dict[str, int] = known_probabilities()

_WON = re.compile(r"\bwon\b|closedwon|\bwin\b|\bsigned\b|\bbooked\b")
_LOST = re.compile(r"\blost\b|closedlost|\bdead\b")
_WALKED = re.compile(r"walked away|withdrawn|\babandoned\b|disqualified|\bno decision\b")
# Where in a buying process words usually sit, for mapping "by order" when nothing else says.
_ORDER_WORDS: tuple[tuple[re.Pattern[str], int], ...] = (
    (re.compile(r"lead|new|prospect|appointment|contact|inbound|\bidea"), 0),
    (re.compile(r"qualif|engag|discover|demo|meeting|needs|interest"), 1),
    (re.compile(r"evaluat|proposal|present|quote|value|solution|develop|trial|pilot"), 2),
    (re.compile(r"negotiat|commit|contract|decision|verbal|closing|final"), 3),
)


_WORD = re.compile(r"[^\W\d_]+")
_STEM = 5  # letters two words share to be the same word ('Qualification', 'Qualified')
_STARTING = re.compile(r"\bprospect|\blead\b|\blead in\b|\bnew\b|\binbound\b")


def _stems(name: str) -> set[str]:
    return {w[:_STEM] for w in _WORD.findall(name.casefold()) if len(w) >= _STEM}


def similar_stage(name: str, stages: Sequence[Stage]) -> Stage | None:
    """The first open plan stage sharing a word with `name` ('Prospecting' and 'Prospect')."""
    stems = _stems(name)
    return next((s for s in stages if stems & _stems(s.name)), None)


@dataclass(frozen=True, slots=True)
class FileStage:
    """One stage value of the file: how many rows have it and the probability the file gives it."""

    name: str
    rows: int
    probability: float | None = None
    first_seen: int = 0


@dataclass(frozen=True, slots=True)
class StageChoice:
    """Where a file stage goes and why ('same name', 'won', 'probability 25 %', 'by order'...).

    `reason` is in the window's language, except CHOSEN ('chosen'), which the wizard compares.
    """

    stage_id: int
    reason: str


CHOSEN = "chosen"  # the reason of a stage the seller mapped (the wizard shows its own word for it)
# Sources of the "ImportStages" context, translated once per `suggest`.
_REMEMBERED = QT_TRANSLATE_NOOP("ImportStages", "remembered")


def closed_level(name: str) -> FunnelLevel | None:
    """WON, LOST or WALKED_AWAY when a stage name says so ('Closed Won', 'closedlost'), else None."""
    text = name.casefold()
    if _WON.search(text):
        return FunnelLevel.WON
    if _LOST.search(text):
        return FunnelLevel.LOST
    if _WALKED.search(text):
        return FunnelLevel.WALKED_AWAY
    return None


def file_stages(values: Sequence[tuple[str, int | None]]) -> list[FileStage]:
    """FileStage per distinct value of (stage, probability) pairs, in order of first appearance.

    A stage's probability is the median the file gives it. Only when the file gives none at all,
    and every open stage is a stock Salesforce or HubSpot one, are those CRMs' defaults used:
    mixing defaults with order would scatter a custom pipeline.
    """
    counts: dict[str, int] = {}
    probabilities: dict[str, list[int]] = {}
    for stage, probability in values:
        if not stage:
            continue
        counts[stage] = counts.get(stage, 0) + 1
        if probability is not None:
            probabilities.setdefault(stage, []).append(probability)
    open_names = [s for s in counts if closed_level(s) is None]
    use_defaults = not probabilities and all(s.casefold() in KNOWN_PROBABILITIES for s in open_names)
    result: list[FileStage] = []
    for position, (stage, rows) in enumerate(counts.items()):
        known = probabilities.get(stage)
        typical: float | None = float(statistics.median(known)) if known else None
        if typical is None and use_defaults and stage.casefold() in KNOWN_PROBABILITIES:
            typical = float(KNOWN_PROBABILITIES[stage.casefold()])
        result.append(FileStage(stage, rows, typical, position))
    return result


_UNRANKED = -1.0
_LAST_RANK = 3


def _order_key(stage: FileStage) -> tuple[float, int]:
    text = stage.name.casefold()
    for pattern, rank in _ORDER_WORDS:
        if pattern.search(text):
            return float(rank), stage.first_seen
    return _UNRANKED, stage.first_seen


def suggest(
    stages_in_file: Sequence[FileStage],
    plan_stages: Sequence[Stage],
    remembered: Mapping[str, str] | None = None,
    given: Mapping[str, str] | None = None,
) -> dict[str, StageChoice]:
    """File stage name -> the plan stage it goes to, and why.

    `given` (the seller's choice on the stage page, or --stage-map) and `remembered` (saved per
    source by the last import) name plan stages; names that no longer exist are ignored.
    """
    active = ordered(plan_stages)
    by_name = {s.name.casefold(): s for s in active}
    columns = open_stages(plan_stages)
    result: dict[str, StageChoice] = {}
    by_order: list[FileStage] = []
    same_name = translate("ImportStages", "same name")
    nearest_text = translate(
        "ImportStages", "probability {probability} % is nearest {stage}'s {stage_probability} %"
    )
    like_text = translate("ImportStages", "name like {stage}'s")
    starting_text = translate("ImportStages", "the name says deals start there: {stage}, the earliest level")
    reasons = ((given, CHOSEN), (remembered, translate("ImportStages", _REMEMBERED)))
    for stage in stages_in_file:
        for choices, why in reasons:
            target = by_name.get((choices or {}).get(stage.name, "").casefold())
            if target is not None:
                result[stage.name] = StageChoice(target.id, why)
                break
        else:
            same = by_name.get(stage.name.strip().casefold())
            level = closed_level(stage.name)
            if same is not None:
                result[stage.name] = StageChoice(same.id, same_name)
            elif level is not None and (closing := [s for s in active if s.level == level]):
                result[stage.name] = StageChoice(closing[0].id, level.label.lower())
            elif level is None and (like := similar_stage(stage.name, columns)) is not None:
                result[stage.name] = StageChoice(like.id, like_text.format(stage=like.name))
            elif level is None and columns and _STARTING.search(stage.name.casefold()):
                result[stage.name] = StageChoice(columns[0].id, starting_text.format(stage=columns[0].name))
            elif stage.probability is not None and columns:
                p = stage.probability
                nearest = min(columns, key=lambda s: (abs(s.probability - p), s.position, s.id))
                result[stage.name] = StageChoice(
                    nearest.id,
                    nearest_text.format(
                        probability=f"{p:.0f}", stage=nearest.name, stage_probability=nearest.probability
                    ),
                )
            else:
                by_order.append(stage)
    if by_order and columns:
        by_order_text = translate("ImportStages", "by order")
        by_order.sort(key=_order_key)
        unranked = [s for s in by_order if _order_key(s)[0] == _UNRANKED]
        last = len(columns) - 1
        for stage in by_order:
            rank = _order_key(stage)[0]
            if rank != _UNRANKED:
                # Words say where in a buying process a stage sits: early words go to early columns.
                index = round(rank * last / _LAST_RANK)
            else:
                position = unranked.index(stage)
                index = (
                    position if len(unranked) <= len(columns) else position * len(columns) // len(unranked)
                )
            result[stage.name] = StageChoice(columns[min(index, last)].id, by_order_text)
    return result
