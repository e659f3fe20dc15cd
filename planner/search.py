"""Search everything: deals, accounts, people, actions, notes, call plans and competitors.

One function, `search`, answers the window's search (Ctrl+K) and `planner search`: the same
text gives the same results in both. The seller's text is never FTS5 syntax: it is cut into
words (letters and digits), each quoted and matched as a prefix, all of them required; accents
and case do not matter (the index folds them, see planner.storage.migrations).
"""

from __future__ import annotations

import enum
import unicodedata
from dataclasses import dataclass
from typing import Any

from planner.i18n import QT_TRANSLATE_NOOP, translate
from planner.model import Role
from planner.storage import search_index
from planner.storage.db import PlanDB
from planner.storage.search_index import KIND_SPAN, FoundRow, SearchIndexDamagedError

__all__ = ["Group", "Hit", "Results", "SearchIndexDamagedError", "fts_query", "results_json", "search"]

# Results per group: what a seller scans before typing one more letter.
PER_GROUP = 8
# Matches read from the index per search, newest first; a query matching more is cut there
# (Results.truncated) rather than scored in full: one letter can match most of a large plan.
MATCH_LIMIT = 1000
# Words of a query used, and characters of a word: a pasted page stays one quick search.
MAX_WORDS = 8
MAX_WORD = 64
# Characters of a row's text a result shows (the rest is in the deal it opens).
SHOWN = 160


# Why a search found nothing in a plan whose index cannot be read, in one line for the seller.
DAMAGED = QT_TRANSLATE_NOOP(
    "Search",
    "The plan's search index is damaged, so nothing can be searched. Open the plan in the planner "
    "(not read-only) to rebuild it.",
)


class Group(enum.Enum):
    """What a result is, in the order groups appear when they score the same."""

    DEALS = "deals"
    ACCOUNTS = "accounts"
    PEOPLE = "people"
    ACTIONS = "actions"
    NOTES = "notes"
    COACHING = "coaching"
    CALLS = "calls"
    COMPETITORS = "competitors"

    @property
    def label(self) -> str:
        """'People' in the window's language."""
        return translate("Search", _GROUP_LABELS[self])


_GROUP_LABELS = {
    Group.DEALS: QT_TRANSLATE_NOOP("Search", "Deals"),
    Group.ACCOUNTS: QT_TRANSLATE_NOOP("Search", "Accounts"),
    Group.PEOPLE: QT_TRANSLATE_NOOP("Search", "People and buying influences"),
    Group.ACTIONS: QT_TRANSLATE_NOOP("Search", "Actions"),
    Group.NOTES: QT_TRANSLATE_NOOP("Search", "Notes"),
    Group.COACHING: QT_TRANSLATE_NOOP("Search", "Coaching notes"),
    Group.CALLS: QT_TRANSLATE_NOOP("Search", "Call plans"),
    Group.COMPETITORS: QT_TRANSLATE_NOOP("Search", "Competitors"),
}
_GROUP_ORDER = {group: n for n, group in enumerate(Group)}

# The kinds of rows in the index (migrations.SEARCH_KINDS numbers them).
DEAL, ACCOUNT, PERSON, INFLUENCE, ACTION, NOTE, CALL, COMPETITOR = range(1, 9)
_GROUP_OF_KIND = {
    DEAL: Group.DEALS,
    ACCOUNT: Group.ACCOUNTS,
    PERSON: Group.PEOPLE,
    INFLUENCE: Group.PEOPLE,
    ACTION: Group.ACTIONS,
    NOTE: Group.NOTES,
    CALL: Group.CALLS,
    COMPETITOR: Group.COMPETITORS,
}


@dataclass(frozen=True, slots=True)
class Hit:
    """One result: what it shows, and where it opens.

    `opportunity_id` is the deal it opens (None: an account without deals, a person on none, an
    account's note); `section` and `row_id` name the Blue Sheet row to show (an influence, an
    action, a call plan, a competitor), when there is one.
    """

    group: Group
    title: str
    detail: str
    opportunity_id: int | None
    account_id: int | None
    section: str  # "deal", "account", "influence", "action", "note", "call", "competitor"
    row_id: int
    score: float

    @property
    def key(self) -> tuple[str, int, int | None]:
        """What makes two hits the same result (a person found by name and by influence text)."""
        return (self.section, self.row_id, self.opportunity_id)


@dataclass(frozen=True, slots=True)
class Results:
    """Results grouped by kind, the group with the best result first, best first within each."""

    text: str
    groups: tuple[tuple[Group, tuple[Hit, ...]], ...]
    truncated: bool  # more rows matched than were read: typing more narrows them

    @property
    def hits(self) -> list[Hit]:
        """Every result in the order shown."""
        return [hit for _group, hits in self.groups for hit in hits]


def _is_word_character(char: str) -> bool:
    # What FTS5's unicode61 tokenizer keeps in a word by default: letters, numbers, private use.
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def words(text: str) -> list[str]:
    """The words of a query, as the index cuts text into words (at most MAX_WORDS)."""
    found: list[str] = []
    current: list[str] = []
    for char in unicodedata.normalize("NFC", text) + " ":
        if _is_word_character(char):
            current.append(char)
        elif current:
            found.append("".join(current)[:MAX_WORD])
            current = []
            if len(found) == MAX_WORDS:
                break
    return found


def fts_query(text: str) -> str | None:
    """The FTS5 query for what a seller typed: every word quoted, as a prefix; None for no word.

    Quoting makes `NEAR`, `OR`, `-`, `:` and `(` plain words; a word never holds a quote. A
    word of one letter matches that word only, not as a prefix: every word starting with `c`
    is most of a large plan, and merging their lists costs more than a keystroke may (200 ms at
    100,000 deals); from the second letter on, a prefix narrows quickly.
    """
    found = words(text)
    if not found:
        return None
    return " ".join(f'"{word}"*' if len(word) > 1 else f'"{word}"' for word in found)


def _one_line(text: str) -> str:
    line = " ".join(text.split())
    return line if len(line) <= SHOWN else line[: SHOWN - 1] + "…"


def _context(*parts: str) -> str:
    return " · ".join(_one_line(part) for part in parts if part.strip())


def _role(value: str) -> str:
    try:
        return Role(value).label
    except ValueError:
        return value  # a person's job title when they are on no deal


def _hit(kind: int, row: FoundRow, score: float) -> Hit:
    group = _GROUP_OF_KIND[kind]
    title, detail = _one_line(row.title), _context(row.deal, row.account)
    section, row_id = "deal", row.row_id
    if kind == DEAL:
        detail = _context(row.account, row.extra)
    elif kind == ACCOUNT:
        section, detail = "account", _context(row.extra)
    elif kind in (PERSON, INFLUENCE):
        section, row_id = "influence", row.influence_id or 0
        if row.opportunity_id is None:
            section, row_id = "person", row.row_id
        detail = _context(_role(row.extra), row.deal, row.account)
    elif kind == ACTION:
        section = "action"
    elif kind == NOTE:
        section = "note"
        group = Group.COACHING if row.manager else Group.NOTES
        detail = _context(row.deal, row.account, row.extra)
    elif kind == CALL:
        section = "call"
        title = title or translate("Search", "Meeting")
        detail = _context(row.deal, row.account, row.extra[:10])
    elif kind == COMPETITOR:
        section = "competitor"
    return Hit(group, title, detail, row.opportunity_id, row.account_id, section, row_id, score)


def search(plan: PlanDB, text: str, *, per_group: int = PER_GROUP) -> Results:
    """What the plan holds that matches `text`, grouped by kind, best first.

    Never raises for any text. Raises SearchIndexDamagedError when the plan's index cannot be read
    (planner.storage.search_index.rebuild repairs it in a plan that may be written).
    """
    query = fts_query(text)
    if query is None:
        return Results(text, (), False)
    if not plan.read_only and search_index.has_queued(plan):
        # Changes another writer committed without replaying them (planner.storage.migrations).
        with plan.atomic():
            pass
    try:
        found = search_index.matches(plan, query, MATCH_LIMIT + 1)
    except SearchIndexDamagedError:
        raise
    except Exception:
        # A word FTS5 still reads as more than one (a letter newer than its Unicode tables):
        # nothing found rather than an error.
        return Results(text, (), False)
    truncated = len(found) > MATCH_LIMIT
    scores: dict[int, dict[int, float]] = {}
    for rowid, score in found[:MATCH_LIMIT]:
        kind, row_id = rowid % KIND_SPAN, rowid // KIND_SPAN
        if kind in _GROUP_OF_KIND:
            scores.setdefault(kind, {})[row_id] = float(score)
    by_group: dict[Group, dict[tuple[str, int, int | None], Hit]] = {}
    for kind, rows in scores.items():
        # The best per_group of each kind, a few more for hidden notes and people on many deals.
        best = sorted(rows, key=lambda row_id: (rows[row_id], -row_id))[: per_group * 2]
        for row in search_index.found_rows(plan, kind, best):
            hit = _hit(kind, row, rows[row.row_id])
            kept = by_group.setdefault(hit.group, {})
            if hit.key not in kept or hit.score < kept[hit.key].score:
                kept[hit.key] = hit
    groups = []
    for group, kept in by_group.items():
        ordered = sorted(kept.values(), key=lambda h: (h.score, -(h.opportunity_id or 0), -h.row_id))
        groups.append((group, tuple(ordered[:per_group])))
    groups.sort(key=lambda item: (item[1][0].score, _GROUP_ORDER[item[0]]))
    return Results(text, tuple(groups), truncated)


def results_json(results: Results) -> dict[str, Any]:
    """The results as `planner search --json` prints them."""
    return {
        "query": results.text,
        "truncated": results.truncated,
        "groups": [
            {
                "group": group.value,
                "label": group.label,
                "results": [
                    {
                        "title": hit.title,
                        "detail": hit.detail,
                        "opportunity_id": hit.opportunity_id,
                        "account_id": hit.account_id,
                        "section": hit.section,
                        "row_id": hit.row_id,
                    }
                    for hit in hits
                ],
            }
            for group, hits in results.groups
        ],
    }
