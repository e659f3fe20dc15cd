"""The review pack as Markdown for a wiki: the same content as the HTML, every user text escaped."""

from __future__ import annotations

import re
import textwrap
from collections.abc import Sequence
from pathlib import Path

from planner.exchange import manager_words
from planner.exchange.manager_page import FactRow
from planner.exchange.pack import (
    ActionInfo,
    CallPlanInfo,
    DealPack,
    InfluenceInfo,
    Pack,
    TotalsRow,
    concept_words,
    human_date,
    meeting_text,
    met_text,
    money_text,
    position_text,
    private_notes_text,
    rating_text,
    stamp_date,
    status_words,
    strip_controls,
)
from planner.exchange.pack_files import write_text_atomic
from planner.exchange.pack_html import flag_summary
from planner.model import ActionStatus
from planner.red_flags import rule_label

# User text must never turn into markup: what Markdown (CommonMark and GitHub's dialect) reads
# as syntax inside a line is backslash-escaped; <, > and & become entities (no raw HTML); URLs
# lose what makes them automatic links; and a wrapped line never starts a heading, list or quote.
_INLINE = re.compile(r"([\\`*_\[\]|~])")
_AUTOLINK = re.compile(r"(?i)\b(https?|ftp|mailto|file|www)([:.])")
_BLOCK_START = re.compile(r"^(\s*)([#=+\-]|\d+[.)])")
WIDTH = 100  # source lines of prose wrap here (at spaces; a 10,000-letter word stays whole)


def md(text: str) -> str:
    """One line of user text, escaped for Markdown (line breaks become spaces)."""
    text = " ".join(strip_controls(text).split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _AUTOLINK.sub(r"\1\\\2", _INLINE.sub(r"\\\1", text))
    return _block_safe(text)


def _block_safe(line: str) -> str:
    """Escape what would make a line a heading, list item or setext underline."""

    def escape(match: re.Match[str]) -> str:
        mark = match.group(2)
        # "1." becomes "1\." (a backslash before a digit is no escape); "#" becomes "\#".
        return match.group(1) + (mark[:-1] + "\\" + mark[-1] if mark[0].isdigit() else "\\" + mark)

    return _BLOCK_START.sub(escape, line, count=1)


def md_cell(text: str, empty: str = "—") -> str:
    """User text for a table cell: escaped, its line breaks kept as <br>."""
    lines = [md(line) for line in strip_controls(text).splitlines() if line.strip()]
    return "<br>".join(lines) if lines else empty


def md_paragraphs(text: str, prefix: str = "") -> list[str]:
    """Multi-line user text as Markdown lines: escaped, wrapped, hard breaks where the text had them."""
    out: list[str] = []
    lines = strip_controls(text).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for n, line in enumerate(lines):
        if not line.strip():
            out.append(prefix.rstrip())  # a blank line: a new paragraph
            continue
        indent = len(line) - len(line.lstrip(" "))
        escaped = "\u00a0" * indent + md(line)  # leading spaces must not make a code block
        wrapped = textwrap.wrap(
            escaped, WIDTH, break_long_words=False, break_on_hyphens=False, drop_whitespace=True
        ) or [escaped]
        following = n + 1 < len(lines) and lines[n + 1].strip()
        if following:
            wrapped[-1] += "\\"  # CommonMark's hard line break
        out += [prefix + _block_safe(w) for w in wrapped]
    return out


def _table(headers: Sequence[str], rows: Sequence[Sequence[str]], right: Sequence[int] = ()) -> list[str]:
    line = "| " + " | ".join(headers) + " |"
    rule = "|" + "|".join("---:" if i in right else "---" for i in range(len(headers))) + "|"
    return [line, rule, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _totals(pack: Pack, rows: Sequence[TotalsRow]) -> list[str]:
    c = pack.base_currency
    return _table(
        ["", "Deals", "Amount", "Weighted"],
        [
            [
                md(row.label),
                str(row.count),
                md(money_text(row.amount, c))
                + "".join(f"<br>\\+ {md(money_text(a, cur))}" for cur, a, _w in row.unconverted),
                md(money_text(row.weighted, c))
                + "".join(f"<br>\\+ {md(money_text(w, cur))}" for cur, _a, w in row.unconverted),
            ]
            for row in rows
        ],
        right=(1, 2, 3),
    )


def _facts(rows: Sequence[FactRow]) -> list[str]:
    return _table(
        ["Figure", "Value", "How it is counted"],
        [[md(r.label), md_cell(r.value), md_cell(r.definition, "")] for r in rows],
        right=(1,),
    )


def manager_page(pack: Pack) -> list[str]:
    """The manager's page (planner.exchange.manager_words), first in the document."""
    page = pack.manager
    if page is None:
        return []
    out = [f"## {md(manager_words.TITLE)}", "", f"### {md(manager_words.QUARTER_TITLE)}", ""]
    out += _facts(manager_words.quarter_rows(page))
    for section in manager_words.extra_sections(page):
        out += [f"### {md(section.title)}", "", *_facts(section.rows)]
        if section.note:
            out += [md(section.note), ""]
    out += [f"### {md(manager_words.BALANCE_TITLE)}", ""]
    lines = manager_words.diagnostic_lines(page)
    out += [f"- **{md(title)}**: {md(message)}" for title, message in lines] or [
        md(manager_words.NO_DIAGNOSTICS)
    ]
    out += ["", f"### {md(manager_words.since_heading(page))}", "", md(manager_words.since_intro(page)), ""]
    if page.since is not None:
        for change in manager_words.change_lists(page.since):
            out += [f"#### {md(change.title)} ({len(change.rows)})", ""]
            if change.unknown:
                out += [md(change.unknown), ""]
            elif not change.rows:
                out += ["None.", ""]
            else:
                out += _table(
                    ["Deal", "Account", "What changed"],
                    [[md_cell(r.deal), md_cell(r.account), md_cell(r.detail)] for r in change.rows],
                )
    trend = page.accountability
    if trend is not None:
        out += [f"### {md(trend.title)}", "", md(trend.note), ""]
        out += _table(
            ["Figure", *(md(c) for c in trend.columns), manager_words.TREND_HEADING],
            [[md_cell(r.label), *(md(t) for t in r.texts), md(r.trend_text)] for r in trend.rows],
            right=tuple(range(1, len(trend.columns) + 1)),
        )
        out += ["#### How each is counted", ""]
        out += [f"- **{md(label)}**: {md(text)}" for label, text in manager_words.trend_definitions(trend)]
        out += [""]
    return out


def render_markdown(pack: Pack) -> str:
    """The whole pack as one Markdown document."""
    out = [f"# {md(pack.title)}", ""]
    out += manager_page(pack)
    if pack.manager is not None:
        out += ["## About this pack", ""]
    out += _table(
        ["", ""],
        [
            ["**Seller**", md_cell(pack.seller, "Not set")],
            ["**Plan**", md_cell(pack.plan_name)],
            ["**Scope**", md(pack.scope_text)],
            ["**Exported**", md(f"{human_date(pack.today)} ({pack.exported_at:%Y-%m-%d %H:%M} UTC)")],
            ["**Private notes**", md(private_notes_text(pack))],
            ["**Red flags**", md(f"{pack.red_flag_count} across {len(pack.deals)} deals")],
        ],
    )
    summary = flag_summary(pack)
    if summary:
        out += ["## Red flags across the pack", ""]
        out += _table(
            ["Red flag", "Deals", "For example"],
            [[md(label), str(count), md_cell(example)] for label, count, example in summary],
            right=(1,),
        )
    out += ["## Totals", "", *_totals(pack, [pack.totals])]
    out += ["### By funnel level", "", *_totals(pack, pack.by_level)]
    out += ["### By stage", "", *_totals(pack, pack.by_stage)]
    rates = ", ".join(f"1 {c} = {r:g} {pack.base_currency}" for c, r in pack.rates)
    out += [md(f"Amounts in {pack.base_currency}" + (f"; rates used: {rates}." if rates else ".")), ""]
    if pack.coaching_notes:
        out += ["## Manager's coaching notes on the plan", ""]
        for note in pack.coaching_notes:
            out += [f"*Manager, {md(stamp_date(note.created))}*", "", *md_paragraphs(note.body, "> "), ""]
    out += ["## All deals", ""]
    if pack.deals:
        out += _table(
            [
                "#",
                "Deal",
                "Account",
                "Stage",
                "Close date",
                "Amount",
                "Prob.",
                "Slips",
                "Stale",
                "Last commitment",
                "Red flags",
                "Next step",
            ],
            [
                [
                    str(n),
                    md_cell(d.title),
                    md_cell(d.account),
                    md(d.stage),
                    md(human_date(d.close_date)) + (" (overdue)" if d.overdue else ""),
                    md(money_text(d.amount, d.currency)),
                    f"{d.probability} %",
                    str(d.slips) if d.slips else "—",
                    f"{d.stale_days} d" if d.stale_days is not None else "—",
                    md(human_date(d.last_commitment)),
                    str(len(d.red_flags)),
                    md_cell(d.next_step_text),
                ]
                for n, d in enumerate(pack.deals, start=1)
            ],
            right=(0, 5, 6, 7, 8, 10),
        )
    else:
        out += ["No deals in this scope.", ""]
    for n, deal in enumerate(pack.deals, start=1):
        out += _deal(deal, n)
    out.append(md(f"{pack.plan_name} · exported {pack.exported_at:%Y-%m-%d %H:%M} UTC · Opportunity Planner"))
    return "\n".join(out) + "\n"


def _deal(deal: DealPack, n: int) -> list[str]:
    verb = "closes" if deal.is_open else "closed"
    subtitle = " · ".join(
        [
            deal.account or "No account",
            f"{deal.stage} ({deal.level.label})",
            money_text(deal.amount, deal.currency),
            f"{verb} {human_date(deal.closed_on or deal.close_date, 'no date')}",
        ]
    )
    source = "set by the seller" if deal.probability_overridden else "stage default"
    out = [
        f"## {n}. {md(deal.title)}",
        "",
        f"*{md(subtitle)}*",
        "",
        "### Single Sales Objective and position",
        "",
    ]
    facts = [
        ("Objective", md(deal.title)),
        ("Account", md(deal.account) or "No account"),
        (
            "Product",
            (md(deal.product) or "No product")
            + (f" (quantity {deal.quantity:g})" if deal.quantity is not None else ""),
        ),
        ("Amount", md(money_text(deal.amount, deal.currency))),
        ("Close date", md(human_date(deal.close_date, "No close date"))),
        (
            "Stage",
            md(
                f"{deal.stage} ({deal.level.label})"
                + (f", since {human_date(deal.stage_entered)}" if deal.stage_entered else "")
            ),
        ),
        (
            "Probability",
            md(f"{deal.probability} % ({source}); weighted {money_text(deal.weighted, deal.currency)}"),
        ),
        (
            "Forecast category",
            md(deal.forecast_category.label if deal.forecast_category else "From the stage"),
        ),
        ("Next step", md(deal.next_step_text) or "—"),
        ("Current position", md(position_text(deal.position))),
    ]
    if not deal.is_open:
        facts.append(("Closed", md(f"{human_date(deal.closed_on)}: {deal.close_text}")))
    warnings = status_words(deal)
    if warnings:
        facts.append(("Warnings", md("; ".join(warnings))))
    if deal.external_id:
        facts.append(("CRM id", md(deal.external_id)))
    out += [f"- **{label}:** {value}" for label, value in facts] + [""]
    out += ["### Buying influences", ""]
    if deal.influences:
        out += _table(
            ["Person", "Title", "Role", "Degree", "Mode", "Rating", "Met by, last", "Reports to"],
            [
                [
                    md_cell(bi.name) + (" (new in the job)" if bi.new_in_job else ""),
                    md_cell(bi.title, ""),
                    bi.role.label,
                    bi.degree.label,
                    bi.mode.label,
                    rating_text(bi.rating),
                    md_cell(met_text(bi)),
                    md_cell(bi.reports_to, ""),
                ]
                for bi in deal.influences
            ],
            right=(5,),
        )
        out += _table(
            ["Person", "Result (business)", "Win (personal)", "Concept"],
            [
                [
                    md_cell(bi.name),
                    md_cell(bi.result, "Missing"),
                    md_cell(bi.win, "Missing"),
                    md_cell(_concept(bi), "Unknown"),
                ]
                for bi in deal.influences
            ],
        )
        out += ["### Influence map", "", *_tree(deal.influences), ""]
    else:
        out += ["No buying influences recorded.", ""]
    out += ["### Red flags and strengths", ""]
    items = [f"- **{md(rule_label(f.rule))}** (red flag): {md(f.reason)}" for f in deal.red_flags]
    items += [f"- **{md(rule_label(f.rule))}** (strength): {md(f.reason)}" for f in deal.strengths]
    out += (items or ["None."]) + [""]
    out += ["### Competition", ""]
    out += [
        f"- {md(c.name)} · {c.kind.label}" + (f": {md(c.notes)}" if c.notes.strip() else "")
        for c in deal.competitors
    ] or ["None recorded."]
    out += ["", "### Best action plan", "", *_actions(deal.best_action_plan, "No planned actions.")]
    if deal.possible_actions:
        out += ["### Possible actions", "", *_actions(deal.possible_actions, "")]
    out += ["### Customer commitments", ""]
    if deal.commitments:
        out += _table(
            ["Date", "What the customer did", "Checklist of", "Who", "Evidence"],
            [
                [
                    md(human_date(c.committed_on)),
                    md_cell(c.what),
                    md_cell(c.stage, "Customer's words"),
                    md_cell(c.who, ""),
                    md_cell(c.evidence, ""),
                ]
                for c in deal.commitments
            ],
        )
    else:
        out += ["No customer commitment recorded.", ""]
    out += ["### Stage history", ""]
    if deal.stage_history:
        out += _table(
            ["Date", "Move", "Customer commitment", "Reason"],
            [
                [
                    md(stamp_date(m.moved_at)),
                    md(f"{m.from_stage} → {m.to_stage}" if m.from_stage else f"Started in {m.to_stage}"),
                    md_cell(m.commitment, "None recorded")
                    + (f" ({md(human_date(m.commitment_date))})" if m.commitment_date else ""),
                    md_cell(m.reason, ""),
                ]
                for m in deal.stage_history
            ],
        )
    else:
        out += ["No moves recorded.", ""]
    out += ["### Close-date history", ""]
    out += [
        f"- {md(stamp_date(c.changed_at))}: {md(human_date(c.old_date, 'no date'))} → "
        f"{md(human_date(c.new_date, 'no date'))}" + (" (slip)" if c.is_slip else "")
        for c in deal.close_date_history
    ] or ["The close date never changed."]
    out.append("")
    if deal.notes:
        out += ["### Seller's notes", ""]
        for note in deal.notes:
            kind = "Private note" if note.private else "Note"
            out += [f"*{kind}, {md(stamp_date(note.created))}*", "", *md_paragraphs(note.body, "> "), ""]
    out += ["### Manager's coaching notes", ""]
    for note in deal.coaching_notes:
        out += [f"*Manager, {md(stamp_date(note.created))}*", "", *md_paragraphs(note.body, "> "), ""]
    if not deal.coaching_notes:
        out += ["None yet.", ""]
    if deal.coaching_items:
        out += ["### Coaching items", ""]
        out += [f"- {i.kind.capitalize()}: {md(i.text)} ({md(i.status())})" for i in deal.coaching_items]
        out.append("")
    for call in deal.call_plans:
        out += _call_plan(call)
    out += ["### Timeline", ""]
    out += [f"- {md(human_date(e.day))}: {md(e.text)}" for e in deal.timeline] or ["Nothing recorded yet."]
    out.append("")
    return out


def _call_plan(call: CallPlanInfo) -> list[str]:
    """A Green Sheet after its deal's Blue Sheet: the meeting's plan and its debrief."""
    out = [f"### Green Sheet: {md(call.title or 'Meeting')} · {md(meeting_text(call.meeting_at))}", ""]
    attendees = [
        f"**{md(a.name)}**"
        + (f", {md(a.title)}" if a.title.strip() else "")
        + f" · {a.role.label} · Concept: "
        + md_cell(concept_words(a.concept, a.concept_kind), "Unknown")
        for a in call.attendees
    ]
    out += _table(
        ["", ""],
        [
            ["**Attendees**", "<br>".join(attendees) or "None chosen"],
            ["**Valid business reason**", md_cell(call.business_reason, "Not written")],
            ["**Unique strengths, information**", md_cell(call.giving, "Not written")],
        ],
    )
    for label, questions in (
        ("Confirmation questions", call.confirmation_questions),
        ("New-information questions", call.new_information_questions),
        ("Attitude questions", call.attitude_questions),
    ):
        out += [f"*{label}*", "", *([f"- {md(q)}" for q in questions] or ["None."]), ""]
    rows = [
        ["**Best Action Commitment**", md_cell(call.best_action, "Not written")],
        ["**Minimum Acceptable Action**", md_cell(call.minimum_action, "Not written")],
        ["**By**", md(human_date(call.commit_by, "No date"))],
    ]
    if call.debriefed_on is None:
        rows.append(["**Debrief**", "Not debriefed yet."])
    else:
        rows += [
            ["**Debriefed**", md(human_date(call.debriefed_on))],
            ["**The customer committed to**", md_cell(call.debrief_commitment, "No commitment")],
            ["**Debrief notes**", md_cell(call.debrief_notes, "None")],
        ]
    return out + _table(["", ""], rows)


def _concept(bi: InfluenceInfo) -> str:
    return concept_words(bi.concept, bi.concept_kind)


def _actions(actions: Sequence[ActionInfo], empty: str) -> list[str]:
    if not actions:
        return [empty, ""] if empty else []
    return _table(
        ["Status", "What", "Who", "When", "Red flag or strength"],
        [
            [
                a.status.label
                + (f" {md(human_date(a.done_on))}" if a.status is ActionStatus.DONE and a.done_on else ""),
                md_cell(a.what),
                md_cell(a.who),
                md(human_date(a.due)),
                md(rule_label(a.flag_ref)) if a.flag_ref else "",
            ]
            for a in actions
        ],
    )


def _tree(influences: Sequence[InfluenceInfo]) -> list[str]:
    """Who reports to whom, as a nested list (a wiki shows no picture from a plain Markdown file)."""
    on_deal = {bi.person_id for bi in influences}
    children: dict[int | None, list[InfluenceInfo]] = {}
    for bi in influences:
        boss = bi.reports_to_id if bi.reports_to_id in on_deal and bi.reports_to_id != bi.person_id else None
        children.setdefault(boss, []).append(bi)
    lines: list[str] = []
    seen: set[int] = set()

    def walk(bi: InfluenceInfo, depth: int) -> None:
        if bi.person_id in seen:
            return
        seen.add(bi.person_id)
        outside = (
            f", reports to {md(bi.reports_to)}" if bi.reports_to and bi.reports_to_id not in on_deal else ""
        )
        lines.append(
            f"{'  ' * depth}- **{md(bi.name)}** ({bi.role.label}, {bi.mode.label},"
            f" rated {rating_text(bi.rating)}{outside})"
        )
        for child in children.get(bi.person_id, ()):
            walk(child, depth + 1)

    for root in children.get(None, ()):
        walk(root, 0)
    for bi in influences:
        walk(bi, 0)  # a reports-to cycle: what is left
    return lines


def write_markdown(pack: Pack, path: Path) -> Path:
    """Write the Markdown pack atomically (readable by its owner only)."""
    return write_text_atomic(path, render_markdown(pack))
