"""The review pack as one self-contained HTML file; its sections are also the PDF's text."""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from planner import map_look, red_flags
from planner.exchange import manager_words, pack_charts
from planner.exchange.manager_page import FactRow
from planner.exchange.manager_trend import TrendSection
from planner.exchange.pack import (
    ActionInfo,
    CallPlanInfo,
    DealPack,
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
from planner.exchange.pack_charts import Chart
from planner.exchange.pack_files import write_text_atomic
from planner.model import ActionStatus
from planner.red_flags import rule_label

# Both the browser file and the PDF (ui/pack_pdf.py, through Qt's rich-text subset) are made of
# the sections below, so they say the same things in the same words. `Dialect` holds the few
# differences: the browser gets modern CSS and images as data: URIs; Qt gets table attributes
# it understands and a placeholder where it draws each chart itself.

ChartHtml = Callable[[str, Chart], str]


@dataclass(frozen=True, slots=True)
class Dialect:
    """How a section is written: for browsers (qt False) or for QTextDocument (qt True)."""

    qt: bool
    chart_html: ChartHtml


def esc(text: str) -> str:
    """Text made safe inside HTML elements and attributes."""
    return html.escape(strip_controls(text), quote=True)


def _img(key: str, chart: Chart) -> str:
    return (
        f'<img class="chart" src="{pack_charts.svg_data_uri(chart)}" width="{chart.width:.0f}"'
        f' height="{chart.height:.0f}" alt="{esc(chart.title)}">'
    )


BROWSER = Dialect(qt=False, chart_html=_img)


def _table(
    d: Dialect,
    headers: Sequence[tuple[str, int]],
    rows: Sequence[Sequence[str]],
    *,
    numeric: Sequence[int] = (),
    centred: Sequence[int] = (),
    nowrap: Sequence[int] = (),
    css: str = "",
) -> str:
    """A table of already-escaped cells; `headers` are (label, width %); numbers align right."""

    def align(i: int) -> str:
        if i in numeric:
            return ' align="right"' if d.qt else ' class="num"'
        if i in centred:
            return ' align="center"' if d.qt else ' class="centre"'
        if i in nowrap and not d.qt:  # a browser may squeeze a column; paper widths are fixed
            return ' class="nw"'
        return ""

    if d.qt:
        head = "".join(
            f'<th width="{w}%"{align(i)}>{esc(label)}</th>' for i, (label, w) in enumerate(headers)
        )
        body = "".join(
            "<tr>" + "".join(f"<td{align(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>"
            for row in rows
        )
        return (
            f'<table class="{css}" width="100%" cellspacing="0" cellpadding="3">'
            f"<thead><tr>{head}</tr></thead>{body}</table>"
        )
    head = "".join(f'<th scope="col"{align(i)}>{esc(label)}</th>' for i, (label, _w) in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f"<td{align(i)}>{cell}</td>" for i, cell in enumerate(row)) + "</tr>" for row in rows
    )
    table = f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
    return f'<div class="scroll">{table}</div>'


def _facts(d: Dialect, pairs: Sequence[tuple[str, str]], *, wide: bool = False) -> str:
    """Label/value rows (values already escaped); `wide` puts two pairs on a row (paper)."""
    if d.qt:
        if wide:
            cells = [
                f'<td width="17%" class="label">{esc(label)}</td><td class="value" width="33%">{value}</td>'
                for label, value in pairs
            ]
            if len(cells) % 2:
                cells.append('<td width="17%" class="label"></td><td class="value" width="33%"></td>')
            rows = "".join(f"<tr>{cells[i]}{cells[i + 1]}</tr>" for i in range(0, len(cells), 2))
        else:
            rows = "".join(
                f'<tr><td width="22%" class="label">{esc(label)}</td><td class="value">{value}</td></tr>'
                for label, value in pairs
            )
        return f'<table class="facts" width="100%" cellspacing="0" cellpadding="2">{rows}</table>'
    rows = "".join(f'<tr><th scope="row">{esc(label)}</th><td>{value}</td></tr>' for label, value in pairs)
    return f'<table class="facts">{rows}</table>'


def _text(value: str, empty: str = "—", d: Dialect | None = None) -> str:
    """A user's text: escaped; in a browser its direction comes from its first letters."""
    if not value.strip():
        return f'<span class="muted">{esc(empty)}</span>' if empty else ""
    if d is not None and d.qt:
        return esc(value)  # Qt finds each paragraph's direction itself
    return f'<span dir="auto">{esc(value)}</span>'


def _note(body: str, css: str, meta: str, d: Dialect) -> str:
    if d.qt:
        # Qt keeps the line breaks of a pre-wrap paragraph and wraps a 10,000-character word.
        return (
            f'<p class="meta">{esc(meta)}</p><p class="{css}" style="white-space: pre-wrap">{esc(body)}</p>'
        )
    return (
        f'<div class="{css}"><p class="meta">{esc(meta)}</p><p class="body" dir="auto">{esc(body)}</p></div>'
    )


def _h(level: int, text: str, d: Dialect, ident: str = "") -> str:
    anchor = f' id="{ident}"' if ident and not d.qt else ""
    return f"<h{level}{anchor}>{text}</h{level}>"


# ----------------------------------------------------------------------------------------------
# Sections


def _fact_rows(d: Dialect, rows: Sequence[FactRow]) -> str:
    # Figure, value and how it is counted: the definition is on the page, not only in a tooltip.
    return _table(
        d,
        [("Figure", 22), ("Value", 28), ("How it is counted", 50)],
        [
            [esc(r.label), _text(r.value, d=d), f'<span class="muted">{esc(r.definition)}</span>']
            for r in rows
        ],
        numeric=(1,),
    )


def manager_section(pack: Pack, d: Dialect) -> str:
    """The manager's page: the quarter, funnel balance, what changed since the last review, and
    the sections other parts of the planner add."""
    page = pack.manager
    if page is None:
        return ""
    parts = [
        f"<h1>{esc(manager_words.TITLE)}</h1>",
        _h(2, esc(manager_words.QUARTER_TITLE), d),
        _fact_rows(d, manager_words.quarter_rows(page)),
    ]
    for section in manager_words.extra_sections(page):
        parts.append(_h(2, esc(section.title), d))
        parts.append(_fact_rows(d, section.rows))
        if section.note:
            parts.append(f'<p class="muted">{esc(section.note)}</p>')
    parts.append(_h(2, esc(manager_words.BALANCE_TITLE), d))
    lines = manager_words.diagnostic_lines(page)
    if lines:
        items = "".join(f"<li><b>{esc(title)}</b>: {esc(message)}</li>" for title, message in lines)
        parts.append(f'<ul class="flags">{items}</ul>')
    else:
        parts.append(f"<p>{esc(manager_words.NO_DIAGNOSTICS)}</p>")
    parts.append(_h(2, esc(manager_words.since_heading(page)), d))
    parts.append(f'<p class="muted">{esc(manager_words.since_intro(page))}</p>')
    if page.since is not None:
        for change in manager_words.change_lists(page.since):
            parts.append(_h(3, f"{esc(change.title)} ({len(change.rows)})", d))
            if change.unknown:
                parts.append(f'<p class="muted">{esc(change.unknown)}</p>')
            elif not change.rows:
                parts.append('<p class="muted">None.</p>')
            else:
                parts.append(
                    _table(
                        d,
                        [("Deal", 30), ("Account", 20), ("What changed", 50)],
                        [
                            [_text(r.deal, d=d), _text(r.account, d=d), _text(r.detail, d=d)]
                            for r in change.rows
                        ],
                    )
                )
    if page.accountability is not None:
        parts.append(_trend_section(d, page.accountability))
    return "".join(parts)


def _trend_section(d: Dialect, section: TrendSection) -> str:
    """A figure per row, a period per column, then the trend; each definition once, below."""
    periods = len(section.columns)
    first = 22
    trend = 8
    each = (100 - first - trend) // periods
    table = _table(
        d,
        [("Figure", first), *((c, each) for c in section.columns), (manager_words.TREND_HEADING, trend)],
        [[esc(r.label), *(esc(t) for t in r.texts), esc(r.trend_text)] for r in section.rows],
        numeric=tuple(range(1, periods + 1)),
        centred=(periods + 1,),
    )
    definitions = manager_words.trend_definitions(section)
    legend = "".join(f"<li><b>{esc(label)}</b>: {esc(text)}</li>" for label, text in definitions)
    return (
        _h(2, esc(section.title), d)
        + f'<p class="muted">{esc(section.note)}</p>'
        + table
        + _h(3, "How each is counted", d)
        + f'<ul class="definitions">{legend}</ul>'
    )


def cover_section(pack: Pack, d: Dialect) -> str:
    """Who, what, when, the totals and the funnel chart, and the manager's notes on the whole plan."""
    parts = [
        f'<h1 dir="auto">{esc(pack.title)}</h1>',
        _facts(
            d,
            [
                ("Seller", _text(pack.seller, "Not set", d=d)),
                ("Plan", _text(pack.plan_name, d=d)),
                ("Scope", esc(pack.scope_text)),
                (
                    "Exported",
                    esc(human_date(pack.today)) + f' <span class="muted">({esc(_stamp(pack))})</span>',
                ),
                ("Private notes", esc(private_notes_text(pack))),
                ("Red flags", esc(f"{pack.red_flag_count} across {len(pack.deals)} deals")),
            ],
        ),
        _h(2, "Totals", d),
        _totals_table(pack, [pack.totals], d),
        _h(3, "By funnel level", d),
        _totals_table(pack, pack.by_level, d),
        _h(3, "By stage", d),
        _totals_table(pack, pack.by_stage, d),
    ]
    if pack.rates:
        rates = ", ".join(f"1 {c} = {r:g} {pack.base_currency}" for c, r in pack.rates)
        parts.append(f'<p class="muted">Amounts in {esc(pack.base_currency)}; rates used: {esc(rates)}.</p>')
    else:
        parts.append(f'<p class="muted">Amounts in {esc(pack.base_currency)}.</p>')
    summary = flag_summary(pack)
    if summary:
        parts.append(_h(2, "Red flags across the pack", d))
        parts.append(
            _table(
                d,
                [("Red flag", 40), ("Deals", 12), ("For example", 48)],
                [[esc(label), str(count), _text(example, "", d=d)] for label, count, example in summary],
                numeric=(1,),
            )
        )
    parts.append(_h(2, "Funnel summary", d))
    if d.qt:
        parts.append(d.chart_html("funnel", pack_charts.funnel_chart(pack)))
    else:  # two pictures: side by side on a wide screen, one under the other on a phone
        levels, bars = pack_charts.funnel_charts(pack)
        parts.append(
            f'<div class="charts">{d.chart_html("levels", levels)}{d.chart_html("bars", bars)}</div>'
        )
    if pack.coaching_notes:
        parts.append(_h(2, "Manager's coaching notes on the plan", d))
        parts += [
            _note(n.body, "note coaching", f"Manager, {stamp_date(n.created)}", d)
            for n in pack.coaching_notes
        ]
    return "".join(parts)


def flag_summary(pack: Pack) -> list[tuple[str, int, str]]:
    """(red flag, how many deals have it, the first such deal and its account), in the rule order
    of docs/method.md."""
    deals: dict[str, list[str]] = {}
    for deal in pack.deals:
        for rule in dict.fromkeys(f.rule for f in deal.red_flags):
            deals.setdefault(rule, []).append(
                f"{deal.title} ({deal.account})" if deal.account else deal.title
            )
    order = {rule: n for n, rule in enumerate(red_flags.RULE_ORDER)}
    return [
        (rule_label(rule), len(titles), titles[0])
        for rule, titles in sorted(deals.items(), key=lambda item: order.get(item[0], len(order)))
    ]


def _stamp(pack: Pack) -> str:
    return pack.exported_at.strftime("%Y-%m-%d %H:%M UTC")


def _totals_table(pack: Pack, rows: Sequence[TotalsRow], d: Dialect) -> str:
    currency = pack.base_currency
    body = [
        [
            esc(row.label),
            str(row.count),
            esc(money_text(row.amount, currency))
            + "".join(f"<br>+ {esc(money_text(a, c))}" for c, a, _w in row.unconverted),
            esc(money_text(row.weighted, currency))
            + "".join(f"<br>+ {esc(money_text(w, c))}" for c, _a, w in row.unconverted),
        ]
        for row in rows
    ]
    return _table(d, [("", 40), ("Deals", 12), ("Amount", 24), ("Weighted", 24)], body, numeric=(1, 2, 3))


def deals_table_section(pack: Pack, d: Dialect) -> str:
    """One row per deal: stage, close date, amount, probability, slips, stale, last customer
    commitment, red flags, next step."""
    rows = []
    for n, deal in enumerate(pack.deals, start=1):
        title = esc(deal.title)
        if not d.qt:
            title = f'<a href="#deal-{deal.id}">{title}</a>'
        account = f'<br><span class="muted" dir="auto">{esc(deal.account)}</span>' if deal.account else ""
        close = esc(human_date(deal.close_date))
        if deal.overdue:
            close += '<br><span class="flag">overdue</span>'
        rows.append(
            [
                str(n),
                f'<span dir="auto">{title}</span>{account}',
                esc(deal.stage),
                close,
                esc(money_text(deal.amount, deal.currency)),
                f"{deal.probability} %",
                str(deal.slips) if deal.slips else "—",
                f'<span class="flag">{deal.stale_days} d</span>' if deal.stale_days is not None else "—",
                esc(human_date(deal.last_commitment)),
                f'<span class="flag">{len(deal.red_flags)}</span>' if deal.red_flags else "0",
                _text(deal.next_step_text, d=d),
            ]
        )
    headers = [
        ("#", 3),
        ("Deal", 18),
        ("Stage", 9),
        ("Close date", 10),
        ("Amount", 12),
        ("Prob.", 6),
        ("Slips", 5),
        ("Stale", 5),
        ("Last commitment", 12),
        ("Red flags", 5),
        ("Next step", 15),
    ]
    if not rows:
        return _h(2, "All deals", d) + '<p class="muted">No deals in this scope.</p>'
    return _h(2, "All deals", d) + _table(
        d, headers, rows, numeric=(0, 4, 5, 6, 7, 9), nowrap=(2, 3, 8), css="deals"
    )


def deal_section(pack: Pack, deal: DealPack, index: int, d: Dialect) -> str:
    """One deal's Blue Sheet."""
    parts = [
        _h(2, f"{index}. {_text(deal.title, '', d)}", d, f"deal-{deal.id}"),
        f'<p class="subtitle">{esc(_subtitle(deal))}</p>',
        _h(3, "Single Sales Objective and position", d),
        _facts(d, _objective(deal, d), wide=d.qt),
        _h(3, "Buying influences", d),
    ]
    if deal.influences:
        parts.append(_influences_table(deal, d))
        parts.append(_win_results(deal, d))
        chart = pack_charts.influence_map(deal)
        if chart is not None:
            parts.append(_h(3, "Influence map", d))
            parts.append(d.chart_html(f"map-{deal.id}", chart))
            if not d.qt:  # the PDF's map (the Blue Sheet panel's) has its legend inside
                parts.append(f'<p class="muted legend">{esc(map_look.legend_text())}</p>')
    else:
        parts.append('<p class="flag">No buying influences recorded.</p>')
    parts.append(_h(3, "Red flags and strengths", d))
    parts.append(_flags(deal, d))
    parts.append(_h(3, "Competition", d))
    if deal.competitors:
        parts += [
            f"<p>{_text(c.name, '', d)} · {esc(c.kind.label)}"
            + (f": {_text(c.notes, '', d)}" if c.notes.strip() else "")
            + "</p>"
            for c in deal.competitors
        ]
    else:
        parts.append('<p class="muted">None recorded.</p>')
    parts.append(_h(3, "Best action plan", d))
    parts.append(_actions(deal.best_action_plan, d, "No planned actions."))
    if deal.possible_actions:
        parts.append(_h(3, "Possible actions", d))
        parts.append(_actions(deal.possible_actions, d, ""))
    parts.append(_h(3, "Customer commitments", d))
    parts.append(_commitments(deal, d))
    parts.append(_h(3, "Stage history", d))
    parts.append(_stage_history(deal, d))
    parts.append(_h(3, "Close-date history", d))
    if deal.close_date_history:
        parts += [
            f"<p>{esc(stamp_date(c.changed_at))}: {esc(human_date(c.old_date, 'no date'))} →"
            f" {esc(human_date(c.new_date, 'no date'))}"
            + (' <span class="flag">(slip)</span>' if c.is_slip else "")
            + "</p>"
            for c in deal.close_date_history
        ]
    else:
        parts.append('<p class="muted">The close date never changed.</p>')
    if deal.notes:
        parts.append(_h(3, "Seller's notes", d))
        parts += [
            _note(
                n.body,
                "note private" if n.private else "note",
                f"{'Private note' if n.private else 'Note'}, {stamp_date(n.created)}",
                d,
            )
            for n in deal.notes
        ]
    parts.append(_h(3, "Manager's coaching notes", d))
    if deal.coaching_notes:
        parts += [
            _note(n.body, "note coaching", f"Manager, {stamp_date(n.created)}", d)
            for n in deal.coaching_notes
        ]
    else:
        parts.append('<p class="muted">None yet.</p>')
    if deal.coaching_items:
        parts.append(_h(3, "Coaching items", d))
        parts.append(
            "<ul>"
            + "".join(
                f"<li>{esc(i.kind.capitalize())}: {esc(i.text)} ({esc(i.status())})</li>"
                for i in deal.coaching_items
            )
            + "</ul>"
        )
    parts += [call_plan_html(call, d) for call in deal.call_plans]
    parts.append(_h(3, "Timeline", d))
    parts.append(
        "<ul>" + "".join(f"<li>{esc(human_date(e.day))}: {esc(e.text)}</li>" for e in deal.timeline) + "</ul>"
        if deal.timeline
        else '<p class="muted">Nothing recorded yet.</p>'
    )
    return "".join(parts)


def call_plan_html(call: CallPlanInfo, d: Dialect, *, deal: DealPack | None = None) -> str:
    """A Green Sheet: the plan of one meeting and, once held, its debrief.

    In a deal of the pack it is one part, after the Blue Sheet; printed on its own (`deal`
    given) it is a page that first names the deal and its Single Sales Objective.
    """
    name = call.title or "Meeting"
    when = esc(meeting_text(call.meeting_at))
    if deal is None:
        parts = [_h(3, f"Green Sheet: {_text(name, '', d)} · {when}", d, f"call-{call.id}")]

        def part(text: str) -> str:
            return f"<p><b>{esc(text)}</b></p>"

    else:
        parts = [
            f'<h1 dir="auto">Green Sheet: {esc(name)}</h1>',
            f'<p class="subtitle">{esc(_subtitle(deal))}</p>',
            _facts(
                d,
                [
                    ("Deal", _text(deal.title, d=d)),
                    ("Objective", _text(deal.product, "No product", d=d)),
                    ("Amount", esc(money_text(deal.amount, deal.currency))),
                    ("Close date", esc(human_date(deal.close_date, "No close date"))),
                ],
                wide=d.qt,
            ),
        ]

        def part(text: str) -> str:
            return _h(3, esc(text), d)

    attendees = [
        f'<b dir="auto">{esc(a.name)}</b>'
        + (f", {_text(a.title, '', d)}" if a.title.strip() else "")
        + f" · {esc(a.role.label)} · Concept: "
        + _text(concept_words(a.concept, a.concept_kind), "Unknown", d)
        for a in call.attendees
    ]
    parts += [
        part("The meeting"),
        _facts(
            d,
            [
                ("When", when),
                ("Attendees", "<br>".join(attendees) or '<span class="muted">None chosen</span>'),
                ("Valid business reason", _lines(call.business_reason, "Not written", d)),
            ],
        ),
        part("Giving information"),
        _facts(d, [("Unique strengths, information", _lines(call.giving, "Not written", d))]),
        part("Getting information"),
        _table(
            d,
            [("Confirmation questions", 34), ("New-information questions", 33), ("Attitude questions", 33)],
            [
                [
                    _questions(call.confirmation_questions, d),
                    _questions(call.new_information_questions, d),
                    _questions(call.attitude_questions, d),
                ]
            ],
        ),
        part("Getting commitment"),
        _facts(
            d,
            [
                ("Best Action Commitment", _text(call.best_action, "Not written", d)),
                ("Minimum Acceptable Action", _text(call.minimum_action, "Not written", d)),
                ("By", esc(human_date(call.commit_by, "No date"))),
            ],
        ),
        part("Debrief"),
    ]
    if call.debriefed_on is None:
        parts.append('<p class="muted">Not debriefed yet.</p>')
    else:
        parts.append(
            _facts(
                d,
                [
                    ("Debriefed", esc(human_date(call.debriefed_on))),
                    ("The customer committed to", _text(call.debrief_commitment, "No commitment", d)),
                    ("Notes", _lines(call.debrief_notes, "None", d)),
                ],
            )
        )
    return "".join(parts)


def _lines(value: str, empty: str, d: Dialect) -> str:
    """A user's text of several lines: each escaped, the line breaks kept."""
    if not value.strip():
        return _text(value, empty, d)
    return "<br>".join(_text(line, "", d) for line in value.splitlines())


def _questions(questions: Sequence[str], d: Dialect) -> str:
    if not questions:
        return '<span class="muted">None</span>'
    return "<br>".join(f"• {_text(q, '', d)}" for q in questions)


def _subtitle(deal: DealPack) -> str:
    bits = [
        deal.account or "No account",
        f"{deal.stage} ({deal.level.label})",
        money_text(deal.amount, deal.currency),
    ]
    verb = "closed" if not deal.is_open else "closes"
    bits.append(f"{verb} {human_date(deal.closed_on or deal.close_date, 'no date')}")
    return " · ".join(bits)


def _objective(deal: DealPack, d: Dialect) -> list[tuple[str, str]]:
    quantity = "" if deal.quantity is None else f" (quantity {deal.quantity:g})"
    weighted = money_text(deal.weighted, deal.currency)
    source = "set by the seller" if deal.probability_overridden else "stage default"
    pairs = [
        ("Objective", _text(deal.title, d=d)),
        ("Account", _text(deal.account, "No account", d=d)),
        ("Product", _text(deal.product, "No product", d=d) + esc(quantity)),
        ("Amount", esc(money_text(deal.amount, deal.currency))),
        ("Close date", esc(human_date(deal.close_date, "No close date"))),
        ("Stage", esc(f"{deal.stage} ({deal.level.label})") + esc(_since(deal))),
        ("Probability", esc(f"{deal.probability} % ({source}); weighted {weighted}")),
        (
            "Forecast category",
            esc(deal.forecast_category.label if deal.forecast_category else "From the stage"),
        ),
        ("Next step", _text(deal.next_step_text, d=d)),
        ("Current position", _position(deal)),
    ]
    if not deal.is_open:
        pairs.append(("Closed", esc(f"{human_date(deal.closed_on)}: ") + _text(deal.close_text, "", d=d)))
    warnings = status_words(deal)
    if warnings:
        pairs.append(("Warnings", '<span class="flag">' + "<br>".join(esc(w) for w in warnings) + "</span>"))
    if deal.snooze_until:
        pairs.append(
            ("Snoozed", esc(f"until {human_date(deal.snooze_until)}: ") + _text(deal.snooze_reason, "", d=d))
        )
    if deal.external_id:
        pairs.append(("CRM id", _text(deal.external_id, d=d)))
    return pairs


def _position(deal: DealPack) -> str:
    text = esc(position_text(deal.position))
    if deal.position in (5, -5):
        text += ' <span class="flag">(both ends of the scale are warnings)</span>'
    return text


def _since(deal: DealPack) -> str:
    return f", since {human_date(deal.stage_entered)}" if deal.stage_entered else ""


def _influences_table(deal: DealPack, d: Dialect) -> str:
    rows = []
    for bi in deal.influences:
        who = f'<b dir="auto">{esc(bi.name)}</b>'
        if bi.title:
            who += f'<br><span class="muted" dir="auto">{esc(bi.title)}</span>'
        if bi.new_in_job:
            who += '<br><span class="flag">new in the job</span>'
        rating = rating_text(bi.rating)
        css = (
            "flag"
            if bi.rating is not None and bi.rating <= -4
            else ("strength" if (bi.rating or 0) >= 3 else "")
        )
        rows.append(
            [
                who,
                esc(bi.role.label),
                esc(bi.degree.label),
                esc(bi.mode.label),
                f'<span class="{css}">{esc(rating)}</span>' if css else esc(rating),
                _text(met_text(bi), d=d) if bi.covered_by.strip() else '<span class="flag">Nobody</span>',
                _text(bi.reports_to, "", d=d),
            ]
        )
    return _table(
        d,
        [
            ("Person", 21),
            ("Role", 10),
            ("Degree", 9),
            ("Mode", 13),
            ("Rating", 8),
            ("Met by, last", 22),
            ("Reports to", 17),
        ],
        rows,
        centred=(4,),
    )


def _win_results(deal: DealPack, d: Dialect) -> str:
    rows = []
    for bi in deal.influences:
        concept = concept_words(bi.concept, bi.concept_kind)
        rows.append(
            [
                f'<b dir="auto">{esc(bi.name)}</b>',
                _text(bi.result, "Missing", d=d),
                _text(bi.win, "Missing", d=d),
                _text(concept, "Unknown", d=d),
            ]
        )
    return _table(
        d,
        [("Person", 22), ("Result (business)", 26), ("Win (personal)", 26), ("Concept", 26)],
        rows,
        css="win",
    )


def _flags(deal: DealPack, d: Dialect) -> str:
    if not deal.red_flags and not deal.strengths:
        return '<p class="muted">None.</p>'
    items = []
    for f in (*deal.red_flags, *deal.strengths):
        css = "strength" if f.is_strength else "flag"
        items.append(
            f'<li><span class="{css}"><b>{esc(rule_label(f.rule))}</b></span>:'
            f' <span dir="auto">{esc(f.reason)}</span></li>'
        )
    counts = f"{len(deal.red_flags)} red flag{'s' if len(deal.red_flags) != 1 else ''}, " + (
        f"{len(deal.strengths)} strength{'s' if len(deal.strengths) != 1 else ''}"
    )
    return f'<p class="muted">{esc(counts)}</p><ul class="flags">{"".join(items)}</ul>'


def _actions(actions: Sequence[ActionInfo], d: Dialect, empty: str) -> str:
    if not actions:
        return f'<p class="muted">{esc(empty)}</p>' if empty else ""
    rows = [
        [
            esc(a.status.label)
            + (f"<br>{esc(human_date(a.done_on))}" if a.status is ActionStatus.DONE and a.done_on else ""),
            _text(a.what, d=d),
            _text(a.who, d=d),
            esc(human_date(a.due)),
            esc(rule_label(a.flag_ref)) if a.flag_ref else "",
        ]
        for a in actions
    ]
    return _table(d, [("Status", 12), ("What", 40), ("Who", 16), ("When", 14), ("Linked to", 18)], rows)


def _commitments(deal: DealPack, d: Dialect) -> str:
    if not deal.commitments:
        return '<p class="flag">No customer commitment recorded.</p>'
    rows = [
        [
            esc(human_date(c.committed_on)),
            _text(c.what, d=d),
            esc(c.stage) if c.stage else '<span class="muted">Customer\'s words</span>',
            _text(c.who, "", d=d),
            _text(c.evidence, "", d=d),
        ]
        for c in deal.commitments
    ]
    return _table(
        d,
        [("Date", 15), ("What the customer did", 35), ("Checklist of", 14), ("Who", 14), ("Evidence", 22)],
        rows,
    )


def _stage_history(deal: DealPack, d: Dialect) -> str:
    if not deal.stage_history:
        return '<p class="muted">No moves recorded.</p>'
    rows = [
        [
            esc(stamp_date(m.moved_at)),
            esc(f"{m.from_stage} → {m.to_stage}" if m.from_stage else f"Started in {m.to_stage}"),
            _text(m.commitment, "None recorded", d=d)
            + (
                f' <span class="muted">({esc(human_date(m.commitment_date))})</span>'
                if m.commitment_date
                else ""
            ),
            _text(m.reason, "", d=d),
        ]
        for m in deal.stage_history
    ]
    return _table(d, [("Date", 15), ("Move", 25), ("Customer commitment", 35), ("Reason", 25)], rows)


# ----------------------------------------------------------------------------------------------
# The browser file

_CSS = """
:root{color-scheme:light}
*{box-sizing:border-box}
body{margin:0;background:#f6f8fa;color:#1f2328;
font:15px/1.45 "DejaVu Sans",-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif}
main{max-width:1000px;margin:0 auto;padding:16px}
section{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:16px 20px;margin:0 0 20px}
h1{font-size:1.6em;margin:0 0 .4em;overflow-wrap:anywhere}
h2{font-size:1.3em;margin:.2em 0 .3em;overflow-wrap:anywhere}
h3{font-size:1.02em;margin:1.3em 0 .4em;padding-bottom:.2em;border-bottom:1px solid #eaeef2;color:#1f5f9e}
p{margin:.3em 0;overflow-wrap:anywhere}
.subtitle{color:#57606a;margin-bottom:.8em}
table{border-collapse:collapse;width:100%;font-size:.92em}
th,td{text-align:left;vertical-align:top;padding:5px 8px;border-bottom:1px solid #eaeef2;
overflow-wrap:break-word}
th{white-space:nowrap}
thead th{background:#f6f8fa;border-bottom:1px solid #d0d7de;font-weight:600}
.num{text-align:right;white-space:nowrap}
.centre{text-align:center;white-space:nowrap}
table.facts th{width:11em;color:#57606a;font-weight:600}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
table.deals{min-width:760px}
.muted{color:#57606a}
.flag{color:#b42318}
.strength{color:#1a7f37}
ul.flags{margin:.3em 0;padding-left:1.3em}
ul.flags li{margin:.2em 0;overflow-wrap:anywhere}
ul.definitions{margin:.3em 0;padding-left:1.3em;font-size:.9em;color:#57606a}
.note{border-left:3px solid #d0d7de;padding:4px 10px;margin:8px 0;background:#fafbfc}
.note.private{border-color:#bf8700}
.note.coaching{border-color:#1f5f9e;background:#f0f6fc}
.note .meta{font-size:.85em;color:#57606a;margin:0}
.note .body{white-space:pre-wrap;overflow-wrap:anywhere;margin:.2em 0 0}
img.chart{display:block;max-width:100%;height:auto;margin:.5em 0}
.charts{display:flex;flex-wrap:wrap;gap:8px 24px}
.charts img.chart{flex:0 1 342px}
.nw{white-space:nowrap}
footer{color:#57606a;font-size:.85em;text-align:center;padding:8px 0 24px}
a{color:#0b5cad}
@media (max-width:640px){
body{font-size:14px}main{padding:8px}section{padding:12px;border-radius:6px}
table.facts th{width:auto}table.facts th,table.facts td{display:block;border:0;padding:2px 0}
table.facts td{padding-bottom:8px;border-bottom:1px solid #eaeef2}
}
@media print{
body{background:#fff;font-size:10.5pt}main{max-width:none;padding:0}
section{border:0;border-radius:0;padding:0;margin:0 0 14px}
section.deal{break-before:page}
.scroll{overflow:visible}table.deals{min-width:0}
tr,img.chart,.note{break-inside:avoid}
thead{display:table-header-group}
a{color:inherit;text-decoration:none}
}
"""

# The pack must make no request of any kind when opened: the policy says so to the browser too.
_CSP = "default-src 'none'; img-src data:; style-src 'unsafe-inline'"


def render_html(pack: Pack) -> str:
    """The whole pack as one HTML document: inline CSS, images as data: URIs, no scripts."""
    d = BROWSER
    sections = [f'<section class="manager">{manager_section(pack, d)}</section>'] if pack.manager else []
    sections += [
        f'<section class="cover">{cover_section(pack, d)}</section>',
        f'<section class="deals">{deals_table_section(pack, d)}</section>',
    ]
    sections += [
        f'<section class="deal">{deal_section(pack, deal, n, d)}</section>'
        for n, deal in enumerate(pack.deals, start=1)
    ]
    footer = f"{pack.plan_name} · exported {_stamp(pack)} · Opportunity Planner"
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<meta name="referrer" content="no-referrer">'
        f"<title>{esc(pack.title)}</title><style>{_CSS}</style></head>"
        f"<body><main>{''.join(sections)}</main><footer>{esc(footer)}</footer></body></html>\n"
    )


def write_html(pack: Pack, path: Path) -> Path:
    """Write the HTML pack atomically (readable by its owner only)."""
    write_text_atomic(path, render_html(pack))
    return path
