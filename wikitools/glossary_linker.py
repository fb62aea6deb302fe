"""Link the first mention of each term in every section of a rendered page.

Works on the HTML Python-Markdown produced, so Markdown syntax is already
resolved and we only have to know where *not* to link: inside links, code,
headings, Mermaid blocks, admonition titles, scripts and the like. Each
section (the text after a heading) links a term once and, for renamed,
closed or retired terms, adds a small status badge.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from dataclasses import dataclass, field

from wikitools.glossary_data import Glossary, Term
from wikitools.term_matcher import TermMatcher

# Whole elements that never hold linkable prose are passed through as one token (code blocks
# are full of highlighting <span>s); everything else is split into tags and text.
_TOKENS = re.compile(r"(<pre\b.*?</pre>|<svg\b.*?</svg>|<script\b.*?</script>|<!--.*?-->|<[^>]*>)", re.DOTALL | re.I)
_TAG = re.compile(r"<\s*(/)?\s*([a-zA-Z][a-zA-Z0-9-]*)([^>]*?)(/)?\s*>", re.DOTALL)
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)')""")
_ID = re.compile(r"""\bid\s*=\s*(?:"([^"]*)"|'([^']*)')""")

SKIP_TAGS = frozenset(
    "a code pre script style textarea svg math button kbd abbr select option label summary "
    "h1 h2 h3 h4 h5 h6 title head".split()
)
SKIP_CLASSES = frozenset(
    {"admonition-title", "mermaid", "wiki-diagram", "headerlink", "term-status", "glossary-nolink"}
)
VOID_TAGS = frozenset({"br", "img", "hr", "input", "meta", "link", "source", "wbr", "col", "area", "base"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# not linked, but a term written there is still a use of it (and a misspelling there is still found)
MENTION_TAGS = HEADINGS | {"a", "summary"}

STATUS_LABELS = {
    "ja": {"renamed": "名称変更", "closed": "新規受付終了", "retired": "提供終了"},
    "en": {"renamed": "Renamed", "closed": "Closed to new customers", "retired": "Retired"},
}


@dataclass
class LinkResult:
    html: str
    linked: list[str] = field(default_factory=list)  # term ids, in order of first link
    mentioned: set[str] = field(default_factory=set)  # every term met in prose or headings
    variants: list[tuple[str, str, str]] = field(default_factory=list)  # (text as written, term id, standard)


def status_badge(term: Term, glossary: Glossary, language: str) -> str:
    """Small label for a term that is not current, with date and successor in its title."""
    if term.status == "current":
        return ""
    label = STATUS_LABELS[language][term.status]
    detail = f"{label} {term.status_date}".strip()
    successor = glossary.terms.get(term.successor)
    if successor:
        detail += f" → {successor.text[language].name}"
    return (
        f'<span class="term-status term-status--{term.status}" title="{html.escape(detail)}">'
        f"{html.escape(label)}</span>"
    )


def _classes(attrs: str) -> set[str]:
    match = _CLASS.search(attrs)
    return set((match.group(1) or match.group(2) or "").split()) if match else set()


def _opens_skip(name: str, attrs: str) -> bool:
    return name in SKIP_TAGS or bool(_classes(attrs) & SKIP_CLASSES)


def link_terms(
    page_html: str,
    matcher: TermMatcher,
    glossary: Glossary,
    language: str,
    href_for: Callable[[str], str],
    tooltips: bool = True,
) -> LinkResult:
    """Return the page with first mentions linked; ``href_for(term_id)`` gives each link's URL.

    ``tooltips=False`` leaves out the one-line definition in each link's title (the glossary page
    itself shows every definition, and the titles would only add weight)."""
    result = LinkResult(html="")
    out: list[str] = []
    stack: list[tuple[str, bool, bool]] = []  # (tag, skipping, count mentions although skipping)
    linked_here: set[str] = set()
    section_id = ""
    pending_heading_id: str | None = None
    for token in _TOKENS.split(page_html):
        if not token:
            continue
        if token.startswith("<") and token.count("<") > 1 and not token.startswith("<!--"):
            out.append(token)  # a whole code block, inline SVG or script: nothing to link or count
            continue
        if token.startswith("<"):
            out.append(token)
            tag = _TAG.match(token)
            if not tag or token.startswith("<!"):
                continue
            closing, name, attrs, self_closing = tag.group(1), tag.group(2).lower(), tag.group(3), tag.group(4)
            if closing:
                while stack:
                    top, _, _ = stack.pop()
                    if top == name:
                        break
                if name in HEADINGS and pending_heading_id is not None:
                    section_id, pending_heading_id = pending_heading_id, None
                continue
            if name in HEADINGS:
                linked_here = set()
                id_match = _ID.search(attrs)
                pending_heading_id = (id_match.group(1) or id_match.group(2)) if id_match else ""
            if name in VOID_TAGS or self_closing:
                continue
            parent_skips = stack[-1][1] if stack else False
            skipping = parent_skips or _opens_skip(name, attrs)
            opens_mention = name in MENTION_TAGS or "admonition-title" in _classes(attrs)
            mention_only = (stack[-1][2] if parent_skips else opens_mention) if skipping else False
            stack.append((name, skipping, mention_only))
            continue
        if token.isspace():
            out.append(token)
            continue
        if stack and stack[-1][1]:
            if stack[-1][2]:
                _record(token, matcher, result)
            out.append(token)
            continue
        out.append(_link_text(token, matcher, glossary, language, href_for, linked_here, section_id, result, tooltips))
    result.html = "".join(out)
    return result


def _record(text: str, matcher: TermMatcher, result: LinkResult) -> None:
    for match in matcher.find(text):
        _note(text, match, result)


def _note(text, match, result: LinkResult) -> None:
    result.mentioned.add(match.term_id)
    if match.form.is_variant:
        result.variants.append((text[match.start : match.end], match.term_id, match.form.standard))


def _link_text(text, matcher, glossary, language, href_for, linked_here, section_id, result, tooltips=True) -> str:
    pieces: list[str] = []
    cursor = 0
    for match in matcher.find(text):
        _note(text, match, result)
        term_id = match.term_id
        if term_id in linked_here or term_id == section_id or term_id not in glossary.terms:
            continue
        term = glossary.terms[term_id]
        linked_here.add(term_id)
        if term_id not in result.linked:
            result.linked.append(term_id)
        title = f' title="{html.escape(term.text[language].short, quote=True)}"' if tooltips else ""
        pieces.append(text[cursor : match.start])
        pieces.append(
            f'<a class="glossary-term" href="{html.escape(href_for(term_id))}"{title}>'
            f"{text[match.start : match.end]}</a>{status_badge(term, glossary, language)}"
        )
        cursor = match.end
    pieces.append(text[cursor:])
    return "".join(pieces)
