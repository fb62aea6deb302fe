"""Generate the glossary pages of one language from the glossary data.

One page per category holds the entries (``glossary/<category>.md``): a
single page of every entry grew with each term and was the slowest page of
the site on a phone. The front page (``glossary/index.md``) lists the
categories and every term by reading (五十音 rows in Japanese, A–Z in
English) with its one-line definition. Each entry has a stable anchor (its
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
from wikitools.problems import Problem

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
        "count": "{n} 語",
        "paren": "（{}）",
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
        "count": "{n} terms",
        "paren": " ({})",
        "sep": ", ",
    },
}


_SAFE_URL = re.compile(r"https://[^\s<>\"'`]+")

# A term used across a large site would otherwise list hundreds of pages (and make the
# glossary page the slowest page to build); the first ones, in path order, plus a count.
MAX_BACKLINKS = 15
GLOSSARY_DIR = "glossary"
INDEX_PAGE = f"{GLOSSARY_DIR}/index.md"


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


def page_of(term: Term) -> str:
    """The glossary page (docs-relative path in a language folder) that holds a term's entry."""
    return category_page(term.category)


def category_page(category: str) -> str:
    return f"{GLOSSARY_DIR}/{category}.md"


def category_name(glossary: Glossary, category: str, language: str) -> str:
    names = glossary.categories.get(category)
    return str(names.get(language, category)) if isinstance(names, dict) else category


def _href(term: Term, from_category: str | None) -> str:
    """Markdown link target of a term's entry from a glossary page (same page: the anchor only)."""
    return f"#{term.id}" if term.category == from_category else f"{term.category}.md#{term.id}"


def render_index(glossary: Glossary, language: str) -> str:
    """The glossary's front page: the categories, then every term by reading with its one-line definition.

    Each term's line carries the term id as its anchor, so a link to the
    single-page glossary of earlier versions (``glossary/#shard``) still
    lands on the term, one click from its entry.
    """
    labels = LABELS[language]
    terms = sorted(glossary.terms.values(), key=lambda t: (sort_key(t, language), t.id))
    lines: list[str] = [f"## {labels['by_category']} {{#by-category}}", ""]
    for key in glossary.categories:
        count = sum(1 for t in terms if t.category == key)
        if count:
            count_text = labels["paren"].format(labels["count"].format(n=count))
            lines.append(f"- [{_md(category_name(glossary, key, language))}]({key}.md){count_text}")
    lines.append("")

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
            text = term.text[language]
            status = ""
            if term.status != "current":
                status = labels["paren"].format(STATUS_LABELS[language][term.status])
            short = " ".join(_md(text.short).split())
            lines.append(f"- [{_md(text.name)}]({_href(term, None)}){{ #{term.id} }}{status} — {short}")
        lines.append("")
    return "\n".join(lines) + "\n"


def render_category(glossary: Glossary, language: str, category: str, backlinks: dict[str, list[Backlink]]) -> str:
    """The entries of one category, in reading order (五十音 in Japanese, A–Z in English)."""
    terms = sorted(
        (t for t in glossary.terms.values() if t.category == category), key=lambda t: (sort_key(t, language), t.id)
    )
    lines: list[str] = []
    for term in terms:
        lines += _entry(term, glossary, language, backlinks.get(term.id, []))
    return "\n".join(lines) + "\n"


def _doc_link(url: str, label: str) -> str:
    """The official page as a link labelled in the page's language (an unsafe URL stays text)."""
    return f"[{label}](<{url}>)" if _SAFE_URL.fullmatch(url) else f"{label}: {_md(url)}"


def _entry(term: Term, glossary: Glossary, language: str, links: list[Backlink]) -> list[str]:
    labels = LABELS[language]
    text = term.text[language]
    short = _md(text.short)  # whitespace-only data must not become "****", a horizontal rule
    # The entry's body is a block of its own: the page styles and lays out only the entries near
    # the screen (content-visibility in wiki.css), while the headings stay outside it, so the
    # table of contents and links to #term-id find them without rendering the entries.
    out = [f"## {_md(text.name)} {{#{term.id}}}", "", '<div class="glossary-entry" markdown>', ""]
    out += [f"**{short}**" if short else "", "", _md(text.long), ""]
    facts: list[str] = []
    if text.aliases:
        facts.append(f"- {labels['aliases']}: " + labels["sep"].join(_md(a) for a in text.aliases))
    if term.status != "current":
        status = f"{STATUS_LABELS[language][term.status]} ({_md(term.status_date or labels['undated'])})"
        successor = glossary.terms.get(term.successor)
        if successor:
            status += (
                f" — {labels['successor']}: [{_md(successor.text[language].name)}]({_href(successor, term.category)})"
            )
        facts.append(f"- {labels['status']}: {status}")
    docs = text.docs_url or term.docs_url
    english = language != "en" and "/ja_jp/" not in docs and "/jp/" not in docs
    facts.append(f"- {_doc_link(docs, labels['docs'] + (labels['english'] if english else ''))}")
    related = [glossary.terms[r] for r in term.related if r in glossary.terms]
    if related:
        facts.append(
            f"- {labels['related']}: "
            + labels["sep"].join(f"[{_md(r.text[language].name)}]({_href(r, term.category)})" for r in related)
        )
    if links:
        shown = labels["sep"].join(f"[{_md(b.title)}]({b.path})" for b in links[:MAX_BACKLINKS])
        if len(links) > MAX_BACKLINKS:
            shown += labels["sep"] + labels["more"].format(n=len(links) - MAX_BACKLINKS)
        facts.append(f"- {labels['used_in']}: " + shown)
    elif term.reference_only:
        facts.append(f"- {labels['used_in']}: {labels['unused']}")
    return [*out, *facts, "", "</div>", ""]


def category_page_problems(
    glossary: Glossary,
    language: str,
    categories: dict[str, object],
    titles: dict[str, object],
    labels: dict[str, str],
) -> list[Problem]:
    """Each category with terms has exactly one page in the language, named after it and titled as in the data.

    ``categories``: docs path of each glossary page but the index -> its
    ``glossary_category`` front matter; ``titles``: path -> ``title``;
    ``labels``: path -> the file as reported (``docs/ja/glossary/x.md``).
    """
    problems: list[Problem] = []
    used = {t.category for t in glossary.terms.values()}
    for path, category in sorted(categories.items()):
        label = labels.get(path, path)
        if not isinstance(category, str) or category not in glossary.categories:
            known = ", ".join(glossary.categories)
            problems.append(
                Problem(
                    label,
                    1,
                    f"glossary page without a known glossary_category (has {category!r}).",
                    f"set glossary_category: to one of {known} in its front matter, or delete the page.",
                    "glossary",
                )
            )
            continue
        if path != category_page(category):
            problems.append(
                Problem(
                    label,
                    1,
                    f"the page of category {category!r} must be {category_page(category)} (the entries link there).",
                    f"rename the file to docs/{language}/{category_page(category)}.",
                    "glossary",
                )
            )
        name = category_name(glossary, category, language)
        if titles.get(path) != name:
            problems.append(
                Problem(
                    label,
                    1,
                    f"title {titles.get(path)!r} differs from the category's name {name!r} in glossary/categories.yml.",
                    f"set title: {name} (the name lives in glossary/categories.yml; change it there first).",
                    "glossary",
                )
            )
    for category in sorted(used - {c for c in categories.values() if isinstance(c, str)}):
        if category not in glossary.categories:
            continue  # an unknown category on a term is reported with the term
        path = category_page(category)
        problems.append(
            Problem(
                f"docs/{language}/{path}",
                None,
                f"glossary category {category!r} has terms but no page in this language.",
                f"create docs/{language}/{path} with front matter title: {category_name(glossary, category, language)},"
                f" description:, last_reviewed:, glossary: true and glossary_category: {category}"
                " (copy a sibling page).",
                "glossary",
            )
        )
    return problems
