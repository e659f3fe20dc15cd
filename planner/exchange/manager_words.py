"""The manager's page in words, the same in every format of the pack (HTML, PDF, Markdown, XLSX, CSV)."""

from __future__ import annotations

from dataclasses import dataclass

from planner import accountability
from planner.close_reasons import describe
from planner.exchange.manager_page import DEFINITIONS, FactRow, FactsSection, ManagerPage
from planner.exchange.manager_trend import TREND_DEFINITION, TrendSection
from planner.exchange.pack import human_date, money_text
from planner.since_review import Closed, SinceReview

TITLE = "Manager's page"
QUARTER_TITLE = "The quarter"
BALANCE_TITLE = "Funnel balance"
NO_DIAGNOSTICS = "No warnings: the funnel is in balance for this quarter."


@dataclass(frozen=True, slots=True)
class ChangeRow:
    """One deal in a list of changes: the deal, its account, what changed in words."""

    deal_id: int
    deal: str
    account: str
    detail: str


@dataclass(frozen=True, slots=True)
class ChangeList:
    """One list of "since the last review" (`key` as in the JSON bundle); `unknown` says why the
    list cannot be known ('' when it can)."""

    key: str
    title: str
    rows: tuple[ChangeRow, ...]
    unknown: str = ""


def _money(value: float | None, currency: str) -> str:
    return money_text(value, currency)


def quarter_rows(page: ManagerPage) -> tuple[FactRow, ...]:
    """Target, won, commit, best case, pipeline, gap and coverage, each with its definition."""
    q = page.quarter
    missing = "no target set"
    coverage = "—" if q.coverage is None else f"{q.coverage:.1f}\u00d7"
    if q.coverage is None and q.target is not None:
        coverage = "— (target reached)"
    return (
        FactRow("Quarter", q.quarter_text),
        FactRow(
            "Target", missing if q.target is None else _money(q.target, q.currency), DEFINITIONS["target"]
        ),
        FactRow("Won", _money(q.won, q.currency), DEFINITIONS["won"]),
        FactRow("Commit", _money(q.commit, q.currency), DEFINITIONS["commit"]),
        FactRow("Best case", _money(q.best_case, q.currency), DEFINITIONS["best_case"]),
        FactRow("Pipeline", _money(q.pipeline, q.currency), DEFINITIONS["pipeline"]),
        FactRow("Gap", missing if q.gap is None else _money(q.gap, q.currency), DEFINITIONS["gap"]),
        FactRow("Coverage", coverage if q.target is not None else missing, DEFINITIONS["coverage"]),
    )


def diagnostic_lines(page: ManagerPage) -> list[tuple[str, str]]:
    """(title, message) of each funnel-balance warning."""
    return [(d.title, d.message) for d in page.diagnostics]


def extra_sections(page: ManagerPage) -> tuple[FactsSection, ...]:
    """The sections other parts of the planner add after the quarter (the last forecast call)."""
    return tuple(s for s in (page.forecast_call,) if s is not None)


TREND_HEADING = "Trend"


def trend_definitions(section: TrendSection) -> list[tuple[str, str]]:
    """(figure, how it is counted) once per kind of figure (the per-stage rows share theirs),
    then the trend's: the legend under the table on paper and in Markdown."""
    seen: dict[str, tuple[str, str]] = {}
    for row in section.rows:
        if row.figure not in seen:
            seen[row.figure] = (accountability.name(row.figure), row.definition)
    return [*seen.values(), (TREND_HEADING, TREND_DEFINITION)]


def since_heading(page: ManagerPage) -> str:
    """'Since the last review (14 Nov 2026)', 'Since 1 Nov 2026', or why there is no list."""
    since = page.since
    if since is None:
        return "Since the last review"
    day = human_date(since.since)
    return f"Since the last review ({day})" if page.since_source == "last_pack" else f"Since {day}"


def since_intro(page: ManagerPage) -> str:
    """How the lists were made: what was compared with what."""
    since = page.since
    if since is None:
        return (
            "No pack has been exported from this plan yet, so there is no last review to compare with."
            " Choose a day in the export dialog (or planner export --since DATE) to list the changes."
        )
    parts = [
        f"Changes made on {human_date(since.since)} or later, up to {human_date(since.today)},"
        " in the whole plan."
    ]
    if since.review_on is not None:
        parts.append(
            "Forecast categories and red flags are compared with the pack exported on"
            f" {human_date(since.review_on)}."
        )
    elif since.snapshot_on is not None:
        parts.append(
            "Forecast categories are compared with the weekly funnel snapshot of"
            f" {human_date(since.snapshot_on)}."
        )
    if since.empty:
        parts.append("Nothing changed.")
    return " ".join(parts)


def _deal_money(value: float | None, currency: str) -> str:
    return money_text(value, currency) if value is not None else "no amount"


def _reason(closed: Closed) -> str:
    # 'Competitor won (Contoso): price': the reason from the plan's list, the competitor, the note.
    text = describe(closed.reason_code, closed.competitor, closed.reason.strip(), english=True)
    return text or "none given"


def change_lists(since: SinceReview) -> tuple[ChangeList, ...]:
    """Every list, in the page's order; an empty list is kept (the formats say "none")."""

    def row(deal_id: int, title: str, account: str, detail: str) -> ChangeRow:
        return ChangeRow(deal_id, title, account, detail)

    no_pack = (
        f"Not known: no pack was exported on or before {human_date(since.since)} to compare with"
        " (the plan keeps no history of them; every exported pack remembers them)."
    )
    closed = {
        "won": ("Won", since.won),
        "lost": ("Lost", since.lost),
        "walked_away": ("Walked away", since.walked_away),
    }
    lists = [
        ChangeList(
            "added",
            "Deals added",
            tuple(
                row(
                    a.deal.id,
                    a.deal.title,
                    a.deal.account,
                    f"{'Reopened' if a.reopened else 'New'}, now in {a.deal.stage};"
                    f" {_deal_money(a.deal.amount, a.deal.currency)}",
                )
                for a in since.added
            ),
        ),
        ChangeList(
            "advanced",
            "Advanced",
            tuple(
                row(
                    c.deal.id,
                    c.deal.title,
                    c.deal.account,
                    f"{c.from_stage} → {c.to_stage}; customer commitment: "
                    + ("; ".join(c.commitments) if c.commitments else "none recorded"),
                )
                for c in since.advanced
            ),
        ),
        ChangeList(
            "moved_back",
            "Moved back",
            tuple(
                row(c.deal.id, c.deal.title, c.deal.account, f"{c.from_stage} → {c.to_stage}")
                for c in since.moved_back
            ),
        ),
        ChangeList(
            "pushed",
            "Pushed (close date later)",
            tuple(
                row(
                    p.deal.id,
                    p.deal.title,
                    p.deal.account,
                    f"{human_date(p.old)} → {human_date(p.new, 'no date')}",
                )
                for p in since.pushed
            ),
        ),
        ChangeList(
            "amounts",
            "Amount changed",
            tuple(
                row(
                    a.deal.id,
                    a.deal.title,
                    a.deal.account,
                    f"{_deal_money(a.old_amount, a.old_currency)}"
                    f" → {_deal_money(a.new_amount, a.new_currency)}",
                )
                for a in since.amounts
            ),
        ),
        ChangeList(
            "categories",
            "Forecast category changed",
            tuple(
                row(c.deal.id, c.deal.title, c.deal.account, f"{c.old.label} → {c.new.label}")
                for c in since.categories
            ),
            ""
            if since.categories_known
            else "Not known: no pack or weekly snapshot on or before"
            f" {human_date(since.since)} to compare with.",
        ),
    ]
    for key, (title, items) in closed.items():
        lists.append(
            ChangeList(
                key,
                title,
                tuple(
                    row(
                        c.deal.id,
                        c.deal.title,
                        c.deal.account,
                        f"{human_date(c.closed_on)}; {_deal_money(c.deal.amount, c.deal.currency)};"
                        f" reason: {_reason(c)}",
                    )
                    for c in items
                ),
            )
        )
    for key, title, flags in (
        ("flags_raised", "Red flags raised", since.flags_raised),
        ("flags_resolved", "Red flags resolved", since.flags_resolved),
    ):
        lists.append(
            ChangeList(
                key,
                title,
                tuple(row(f.deal.id, f.deal.title, f.deal.account, f"{f.label}: {f.reason}") for f in flags),
                "" if since.flags_known else no_pack,
            )
        )
    return tuple(lists)


# The page as one table (the CSV file beside the deals, the workbook's first sheet).
TABLE_COLUMNS: tuple[str, ...] = (
    "Section",
    "Item",
    "Deal id",
    "Account",
    "Value or what changed",
    "How it is counted",
)
TableRow = tuple[str, str, int | None, str, str, str]


def table_rows(page: ManagerPage) -> list[TableRow]:
    """Every line of the page as (section, item, deal id, account, value, definition)."""
    rows: list[TableRow] = [
        (QUARTER_TITLE, r.label, None, "", r.value, r.definition) for r in quarter_rows(page)
    ]
    for section in extra_sections(page):
        rows += [(section.title, r.label, None, "", r.value, r.definition) for r in section.rows]
    lines = diagnostic_lines(page)
    rows += [(BALANCE_TITLE, title, None, "", message, "") for title, message in lines] or [
        (BALANCE_TITLE, "", None, "", NO_DIAGNOSTICS, "")
    ]
    heading = since_heading(page)
    rows.append((heading, "", None, "", since_intro(page), ""))
    if page.since is not None:
        for change in change_lists(page.since):
            title = f"{heading}: {change.title}"
            if change.unknown or not change.rows:
                rows.append((title, "", None, "", change.unknown or "None.", ""))
            rows += [(title, r.deal, r.deal_id, r.account, r.detail, "") for r in change.rows]
    if page.accountability is not None:
        rows += trend_table_rows(page.accountability)
    return rows


def trend_table_rows(section: TrendSection) -> list[TableRow]:
    """The section in the page's one table: a line per figure and period, then its trend."""
    rows: list[TableRow] = [(section.title, "", None, "", section.note, "")]
    for r in section.rows:
        rows += [
            (section.title, f"{r.label}, {period}", None, "", text, r.definition)
            for period, text in zip(section.columns, r.texts, strict=True)
        ]
        trend = f"{r.label}, {TREND_HEADING.lower()}"
        rows.append((section.title, trend, None, "", r.trend_text, TREND_DEFINITION))
    return rows
