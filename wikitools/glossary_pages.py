"""Generate the glossary page of one language from the glossary data.

Entries are grouped for browsing by reading (五十音 rows in Japanese, A–Z in
English) with a category index on top. Each entry has a stable anchor (its
id), its status, related terms and backlinks to the pages that use it. The
output is Markdown, so MkDocs validates every link it contains.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from wikitools.data_safety import escape_markdown
from wikitools.glossary_data import Glossary, Term
from wikitools.glossary_linker import STATUS_LABELS

_GOJUON_ROWS = (
    ("a", "あ行", "あいうえおぁぃぅぇぉゔ"),
    ("ka", "か行", "かきくけこがぎぐげご"),
    ("sa", "さ行", "さしすせそざじずぜぞ"),
    ("ta", "た行", "たちつてとだぢづでどっ"),
    ("na", "な行", "なにぬねの"),
    ("ha", "は行", "はひふへほばびぶべぼぱぴぷぺぽ"),
    ("ma", "ま行", "まみむめも"),
    ("ya", "や行", "やゆよゃゅょ"),
    ("ra", "ら行", "らりるれろ"),
    ("wa", "わ行", "わをん"),
)

LABELS = {
    "ja": {
        "by_category": "カテゴリ別索引",
        "by_reading": "五十音順",
        "other": "英数字",
        "aliases": "別名・表記",
        "status": "状態",
        "successor": "後継",
        "docs": "公式ドキュメント",
        "english": "（英語）",
        "undated": "日付の公表なし",
        "related": "関連用語",
        "used_in": "この用語を使っているページ",
        "unused": "（参照用の用語です）",
        "more": "ほか {n} ページ",
        "category": "カテゴリ",
        "sep": "、",
    },
    "en": {
        "by_category": "Index by category",
        "by_reading": "A–Z",
        "other": "Other",
        "aliases": "Also written",
        "status": "Status",
        "successor": "Successor",
        "docs": "Official documentation",
        "english": "",
        "undated": "no date published",
        "related": "Related terms",
        "used_in": "Pages that use this term",
        "unused": "(reference-only term)",
        "more": "and {n} more pages",
        "category": "Category",
        "sep": ", ",
    },
}


_SAFE_URL = re.compile(r"https://[^\s<>\"'`]+")

# A term used across a large site would otherwise list hundreds of pages (and make the
# glossary page the slowest page to build); the first ones, in path order, plus a count.
MAX_BACKLINKS = 15


@dataclass(frozen=True)
class Backlink:
    title: str
    path: str  # Markdown path relative to the glossary page, e.g. "../sagemaker/train.md"


def to_hiragana(text: str) -> str:
    return "".join(chr(ord(c) - 0x60) if "\u30a1" <= c <= "\u30f6" else c for c in text)


def sort_key(term: Term, language: str) -> str:
    text = term.text[language]
    key = to_hiragana(text.reading) if language == "ja" and text.reading else text.name
    key = unicodedata.normalize("NFKC", key).casefold()
    for prefix in ("amazon ", "aws "):
        if key.startswith(prefix):
            key = key[len(prefix) :]
    return key


def group_of(term: Term, language: str) -> tuple[str, str]:
    """(anchor suffix, heading) of the browsing group a term belongs to."""
    first = sort_key(term, language)[:1]
    if language == "ja":
        for slug, title, chars in _GOJUON_ROWS:
            if first and first in chars:
                return slug, title
        return "other", LABELS["ja"]["other"]
    if first.isascii() and first.isalpha():
        return first, first.upper()
    return "other", LABELS["en"]["other"]


def _group_order(language: str) -> list[str]:
    if language == "ja":
        return [slug for slug, _, _ in _GOJUON_ROWS] + ["other"]
    return [chr(c) for c in range(ord("a"), ord("z") + 1)] + ["other"]


def _md(text: str) -> str:
    """Glossary data is plain text: escaped for HTML and Markdown alike (wikitools.data_safety)."""
    return escape_markdown(text)


def _url(url: str) -> str:
    """An https:// URL as a Markdown autolink; anything else is shown as escaped text, never linked."""
    return f"<{url}>" if _SAFE_URL.fullmatch(url) else _md(url)


def render_glossary(glossary: Glossary, language: str, backlinks: dict[str, list[Backlink]]) -> str:
    labels = LABELS[language]
    terms = sorted(glossary.terms.values(), key=lambda t: (sort_key(t, language), t.id))
    lines: list[str] = []

    lines += [f"## {labels['by_category']} {{#by-category}}", ""]
    for key, names in glossary.categories.items():
        members = [t for t in terms if t.category == key]
        if not members:
            continue
        links = labels["sep"].join(f"[{_md(t.text[language].name)}](#{t.id})" for t in members)
        name = names.get(language, key) if isinstance(names, dict) else key
        lines += [f"**{_md(str(name))}**", ":   " + links, ""]

    groups: dict[str, list[Term]] = {}
    titles: dict[str, str] = {}
    for term in terms:
        slug, title = group_of(term, language)
        groups.setdefault(slug, []).append(term)
        titles[slug] = title
    order = [g for g in _group_order(language) if g in groups]
    lines += [
        f"## {labels['by_reading']} {{#by-reading}}",
        "",
        '<div class="glossary-index">' + " ".join(f'<a href="#group-{g}">{titles[g]}</a>' for g in order) + "</div>",
        "",
    ]

    for slug in order:
        lines += [f"### {titles[slug]} {{#group-{slug}}}", ""]
        for term in groups[slug]:
            lines += _entry(term, glossary, language, backlinks.get(term.id, []))
    return "\n".join(lines) + "\n"


def _doc_link(url: str, label: str) -> str:
    """The official page as a link labelled in the page's language (an unsafe URL stays text)."""
    return f"[{label}](<{url}>)" if _SAFE_URL.fullmatch(url) else f"{label}: {_md(url)}"


def _entry(term: Term, glossary: Glossary, language: str, links: list[Backlink]) -> list[str]:
    labels = LABELS[language]
    text = term.text[language]
    short = _md(text.short)  # whitespace-only data must not become "****", a horizontal rule
    out = [f"#### {_md(text.name)} {{#{term.id}}}", "", f"**{short}**" if short else "", "", _md(text.long), ""]
    facts: list[str] = []
    names = glossary.categories.get(term.category)
    category = str(names.get(language, term.category)) if isinstance(names, dict) else term.category
    facts.append(f"- {labels['category']}: {_md(category)}")
    if text.aliases:
        facts.append(f"- {labels['aliases']}: " + labels["sep"].join(_md(a) for a in text.aliases))
    if term.status != "current":
        status = f"{STATUS_LABELS[language][term.status]} ({_md(term.status_date or labels['undated'])})"
        successor = glossary.terms.get(term.successor)
        if successor:
            status += f" — {labels['successor']}: [{_md(successor.text[language].name)}](#{successor.id})"
        facts.append(f"- {labels['status']}: {status}")
    docs = text.docs_url or term.docs_url
    english = language != "en" and "/ja_jp/" not in docs and "/jp/" not in docs
    facts.append(f"- {_doc_link(docs, labels['docs'] + (labels['english'] if english else ''))}")
    related = [glossary.terms[r] for r in term.related if r in glossary.terms]
    if related:
        facts.append(
            f"- {labels['related']}: " + labels["sep"].join(f"[{_md(r.text[language].name)}](#{r.id})" for r in related)
        )
    if links:
        shown = labels["sep"].join(f"[{_md(b.title)}]({b.path})" for b in links[:MAX_BACKLINKS])
        if len(links) > MAX_BACKLINKS:
            shown += labels["sep"] + labels["more"].format(n=len(links) - MAX_BACKLINKS)
        facts.append(f"- {labels['used_in']}: " + shown)
    elif term.reference_only:
        facts.append(f"- {labels['used_in']}: {labels['unused']}")
    return [*out, *facts, ""]
