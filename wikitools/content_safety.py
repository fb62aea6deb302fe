"""Raw HTML in pull-request content is limited to a safe allow-list.

Anyone can open a pull request, and Markdown lets raw HTML through, so the
source is checked before it renders: forbidden elements (script, iframe,
object, embed, form, style), event-handler attributes (``on…=``) and
``javascript:``/``data:`` URLs fail the build with file and line. Code blocks
and inline code are not HTML and are not checked.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from wikitools.markdown_scan import body_lines
from wikitools.problems import Problem

ALLOWED_TAGS = frozenset(
    "a abbr b blockquote br caption code dd del details div dl dt em figcaption figure h1 h2 h3 h4 h5 h6 hr i img "
    "ins kbd li mark ol p pre q s samp section small span strong sub summary sup table tbody td tfoot th thead tr u "
    "ul var".split()
)
FORBIDDEN_TAGS = frozenset({"script", "iframe", "object", "embed", "form", "style"})
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_TAG = re.compile(r"<\s*(/?)\s*([a-zA-Z][a-zA-Z0-9-]*)((?:\s[^<>]*)?)/?\s*>")
_EVENT_ATTR = re.compile(r"""(?:^|\s)(on[a-z]+)\s*=""", re.IGNORECASE)
_URL_ATTR = re.compile(r"""(?:href|src|action|formaction|xlink:href)\s*=\s*["']?\s*([^"'\s>]+)""", re.IGNORECASE)
_MD_LINK = re.compile(r"\]\(\s*<?((?:[^()\s>]|\([^()\s]*\))+)")
_BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript)\s*:", re.IGNORECASE)


def html_lines(text: str) -> Iterator[tuple[int, str]]:
    """Lines that Markdown may pass through as HTML: not front matter, fenced code or inline code."""
    for number, line in body_lines(text):
        yield number, _INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)


def safety_problems(text: str, label: str) -> list[Problem]:
    problems = []

    def add(line: int, message: str, fix: str) -> None:
        problems.append(Problem(label, line, message, fix, "safety"))

    for number, line in html_lines(text):
        for tag in _TAG.finditer(line):
            name, attrs = tag.group(2).lower(), tag.group(3) or ""
            if name in FORBIDDEN_TAGS:
                add(
                    number,
                    f"<{name}> is not allowed in content.",
                    "remove it; use Markdown, a Mermaid diagram or an admonition instead.",
                )
            elif name not in ALLOWED_TAGS and not tag.group(1):
                add(
                    number,
                    f"<{name}> is not on the raw-HTML allow-list.",
                    "use Markdown, or write the text in `code` if it is not HTML.",
                )
            for event in _EVENT_ATTR.finditer(attrs):
                add(number, f"event handler attribute '{event.group(1)}' is not allowed.", "remove the attribute.")
            if re.search(r"\bstyle\s*=", attrs, re.IGNORECASE):
                add(number, "inline style attributes are not allowed.", "use a class from the site stylesheet.")
            for url in _URL_ATTR.finditer(attrs):
                if _BAD_SCHEME.match(url.group(1)):
                    add(number, f"unsafe URL '{url.group(1)[:40]}' in raw HTML.", "link to an https:// or site URL.")
        for url in _MD_LINK.finditer(line):
            if _BAD_SCHEME.match(url.group(1)):
                add(number, f"unsafe URL '{url.group(1)[:40]}' in a Markdown link.", "link to an https:// or site URL.")
    return problems
