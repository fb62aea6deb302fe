"""Lifecycle facts (renamed, closed to new customers, retired) rendered from the glossary data.

A page never states a lifecycle fact in its own words: it writes
``[[status:term-id]]`` on a line of its own, and the build replaces it with a
notice in the page's language made from ``glossary/terms.yml`` (status, date,
successor, note, official announcement). The same data makes the service
lifecycle page. Everything that comes from data is HTML-escaped here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from html import escape

from wikitools.glossary_data import Glossary, Term
from wikitools.markdown_scan import classify_lines
from wikitools.problems import Problem

STATUS_LINE = re.compile(r"^(?P<indent>[ \t]*)\[\[status:(?P<id>[^\[\]\s|]+)\]\][ \t]*$")

TEXT = {
    "ja": {
        "title": {"renamed": "名称変更", "closed": "新規受付終了", "retired": "提供終了"},
        "renamed": "{name} は {date} に {successor} へ名称が変わりました。",
        "closed_past": "{name} は {date} 以降、新規のお客様には提供されていません。",
        "closed_future": "{name} は {date} に新規のお客様への提供を終了します。",
        "closed_undated": "{name} は新規のお客様には提供されていません（AWS は日付を公表していません）。",
        "undated": "日付の公表なし",
        "retired_past": "{name} は {date} に提供を終了しました。",
        "retired_future": "{name} は {date} に提供を終了します。",
        "successor": "後継・移行先: {successor}。",
        "source": "公式の告知",
        "all": "サービスのライフサイクル一覧",
        "english": "（英語）",
    },
    "en": {
        "title": {"renamed": "Renamed", "closed": "Closed to new customers", "retired": "Retired"},
        "renamed": "{name} was renamed {successor} on {date}.",
        "closed_past": "{name} has not been open to new customers since {date}.",
        "closed_future": "{name} closes to new customers on {date}.",
        "closed_undated": "{name} is no longer open to new customers (AWS published no date).",
        "undated": "no date published",
        "retired_past": "{name} was retired on {date}.",
        "retired_future": "{name} will be retired on {date}.",
        "successor": "Successor or migration path: {successor}.",
        "source": "Official announcement",
        "all": "Service lifecycle overview",
        "english": "",
    },
}
SHOWN_STATUSES = ("closed", "retired")  # a page that mentions such a term must show its status
ADMONITION = {"renamed": "info", "closed": "warning", "retired": "danger"}


@dataclass(frozen=True)
class Links:
    """Relative URLs from the page being rendered."""

    term: Callable[[str], str]  # term id -> its glossary entry
    lifecycle_page: str


def _https(url: str) -> str:
    """Only https:// links leave the data (the schema says so too; this keeps a bad value inert)."""
    return url if url.startswith("https://") else ""


def source_url(term: Term, language: str) -> tuple[str, bool]:
    """The official announcement in this language, else in English; (url, is_english_fallback)."""
    own = _https(term.text[language].status_source)
    if own:
        return own, False
    fallback = _https(term.status_source) or _https(term.text[language].docs_url) or _https(term.docs_url)
    return fallback, language != "en" and bool(fallback)


def _is_future(date: str, today: dt.date) -> bool:
    try:
        return dt.date.fromisoformat(date) > today
    except ValueError:
        return False


def sentence(term: Term, glossary: Glossary, language: str, links: Links, today: dt.date) -> str:
    """The lifecycle fact as one escaped HTML sentence (plus successor), linking the terms."""
    text = TEXT[language]
    name = f'<a href="{escape(links.term(term.id))}">{escape(term.text[language].name)}</a>'
    successor_term = glossary.terms.get(term.successor)
    successor = (
        f'<a href="{escape(links.term(successor_term.id))}">{escape(successor_term.text[language].name)}</a>'
        if successor_term
        else ""
    )
    date = escape(term.status_date)
    if term.status == "renamed":
        return text["renamed"].format(name=name, date=date, successor=successor or "?")
    when = "undated" if not term.status_date else "future" if _is_future(term.status_date, today) else "past"
    out = text[f"{term.status}_{when}"].format(name=name, date=date)
    if successor:
        out += " " + text["successor"].format(successor=successor)
    return out


def render_notice(term: Term, glossary: Glossary, language: str, links: Links, today: dt.date) -> str:
    """The admonition that replaces ``[[status:id]]``: Material's markup, data escaped."""
    text = TEXT[language]
    date = term.status_date or text["undated"]
    title = f"{text['title'][term.status]}（{date}）" if language == "ja" else f"{text['title'][term.status]} ({date})"
    body = sentence(term, glossary, language, links, today)
    note = term.text[language].status_note
    if note:
        body += " " + escape(note)
    url, english = source_url(term, language)
    refs = []
    if url:
        refs.append(f'<a href="{escape(url)}">{text["source"]}{text["english"] if english else ""}</a>')
    refs.append(f'<a href="{escape(links.lifecycle_page)}">{text["all"]}</a>')
    return (
        f'<div class="admonition {ADMONITION[term.status]} lifecycle" data-term="{escape(term.id)}">\n'
        f'<p class="admonition-title">{escape(title)}</p>\n'
        f"<p>{body}</p>\n"
        f'<p class="lifecycle-refs">{" · ".join(refs)}</p>\n'
        "</div>"
    )


def status_refs(markdown: str) -> list[tuple[int, str]]:
    """(1-based line, term id) of every ``[[status:id]]`` line outside code."""
    return [
        (index + 1, match.group("id"))
        for index, line, kind, _ in classify_lines(markdown.split("\n"))
        if kind == "text" and (match := STATUS_LINE.match(line))
    ]


def expand_status_lines(markdown: str, render: Callable[[str], str | None]) -> str:
    """Replace each ``[[status:id]]`` line with ``render(id)`` on that same line (kept when it returns None).

    The line must stand alone between blank lines (a Markdown HTML block), as CONTRIBUTING asks.
    """
    lines = markdown.split("\n")
    for index, line, kind, _ in classify_lines(lines):
        match = STATUS_LINE.match(line) if kind == "text" else None
        if match:
            html = render(match.group("id"))
            if html is not None:
                indent = match.group("indent")
                # one line for one line: later checks report source line numbers from this text
                lines[index] = indent + "".join(part.strip() for part in html.split("\n"))
    return "\n".join(lines)


def lifecycle_terms(glossary: Glossary) -> list[Term]:
    """Every term that is not current, newest change first (then by id, so the order is stable)."""
    changed = [t for t in glossary.terms.values() if t.status != "current"]
    return sorted(changed, key=lambda t: (t.status_date, t.id), reverse=True)


PAGE_TEXT = {
    "ja": {
        "headers": ("日付", "サービス・機能", "変更", "後継・移行先", "公式の告知"),
        "empty": "現在、名称変更・新規受付終了・提供終了の記録はありません。",
    },
    "en": {
        "headers": ("Date", "Service or feature", "Change", "Successor", "Announcement"),
        "empty": "There are no renamed, closed or retired services on record.",
    },
}


def render_lifecycle_table(glossary: Glossary, language: str, links: Links) -> str:
    """The lifecycle page's table: one row per change, newest first; HTML with every value escaped."""
    terms = lifecycle_terms(glossary)
    page = PAGE_TEXT[language]
    if not terms:
        return f"<p>{page['empty']}</p>"
    head = "".join(f"<th>{h}</th>" for h in page["headers"])
    rows = []
    for term in terms:
        successor = glossary.terms.get(term.successor)
        successor_cell = "—"
        if successor:
            successor_cell = f'<a href="{escape(links.term(successor.id))}">{escape(successor.text[language].name)}</a>'
        url, english = source_url(term, language)
        source_cell = (
            f'<a href="{escape(url)}">{TEXT[language]["source"]}{TEXT[language]["english"] if english else ""}</a>'
            if url
            else "—"
        )
        note = escape(term.text[language].status_note)
        rows.append(
            f'<tr id="{escape(term.id)}"><td>{escape(term.status_date or TEXT[language]["undated"])}</td>'
            f'<td><a href="{escape(links.term(term.id))}">{escape(term.text[language].name)}</a></td>'
            f"<td><strong>{TEXT[language]['title'][term.status]}</strong>"
            f"{'<br>' + note if note else ''}</td>"
            f"<td>{successor_cell}</td><td>{source_cell}</td></tr>"
        )
    return (
        '<div class="md-typeset__scrollwrap"><div class="md-typeset__table"><table class="lifecycle-table">\n'
        f"<thead><tr>{head}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody></table></div></div>"
    )


def _first_line(source: str, needles: list[str], default: int = 1) -> int:
    folded = [n.casefold() for n in needles if n]
    for number, line in enumerate(source.splitlines(), start=1):
        if any(n in line.casefold() for n in folded):
            return number
    return default


def status_ref_problems(source: str, label: str, refs: list[str], glossary: Glossary) -> list[Problem]:
    """``[[status:id]]`` lines that cannot be shown: an unknown id, or a term that is current."""
    problems = []
    for term_id in refs:
        line = _first_line(source, [f"[[status:{term_id}]]"])
        term = glossary.terms.get(term_id)
        if term is None:
            close = ", ".join(glossary.closest_ids(term_id)) or "an id from glossary/terms.yml"
            problems.append(
                Problem(label, line, f"unknown term '{term_id}' in [[status:…]].", f"use {close}.", "lifecycle")
            )
        elif term.status == "current":
            problems.append(
                Problem(
                    label,
                    line,
                    f"[[status:{term_id}]]: the term is current, there is no lifecycle change to show.",
                    "remove the line, or set status, status_date and successor in glossary/terms.yml.",
                    "lifecycle",
                )
            )
    return problems


def unshown_status_problems(
    source: str, label: str, language: str, mentioned: set[str], shown: set[str], glossary: Glossary
) -> list[Problem]:
    """A closed or retired term that the page mentions without its ``[[status:id]]`` notice."""
    problems = []
    for term_id in sorted(mentioned - shown):
        term = glossary.terms.get(term_id)
        if term is None or term.status not in SHOWN_STATUSES:
            continue
        problems.append(
            Problem(
                label,
                _first_line(source, list(term.text[language].forms)),
                f"'{term.text[language].name}' is {term.status} ({term.status_date or 'no date published'}) "
                "but the page shows neither its notice nor a glossary link with its status badge.",
                f"add a line [[status:{term_id}]] where the page first needs it.",
                "lifecycle",
            )
        )
    return problems


def glossary_text_problems(glossary: Glossary, source: str = "glossary/terms.yml") -> list[Problem]:
    """A term's own texts never retype a lifecycle fact with its date: the status fields hold it once."""
    from wikitools.content_rules import DATE, LIFECYCLE_WORDS

    problems = []
    for term in glossary.terms.values():
        for language, text in term.text.items():
            for field in ("short", "long", "status_note"):
                value = getattr(text, field)
                word, date = LIFECYCLE_WORDS.search(value), DATE.search(value)
                if word and date:
                    problems.append(
                        Problem(
                            source,
                            term.line or None,
                            f"term '{term.id}' {language} {field} states a lifecycle fact with a date "
                            f"('{word.group(0)}' … {date.group(0)}).",
                            "drop the date from the text: status, status_date and successor hold it"
                            " and are shown with the term.",
                            "lifecycle",
                        )
                    )
    return problems
