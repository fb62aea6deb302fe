"""Read Markdown sources line by line the way the checks need them.

The checks report file and line, so they look at the source, not the HTML.
``prose_lines`` yields each line with what is not prose blanked out (front
matter, fenced code and Mermaid blocks, HTML comments, inline code, link
URLs), keeping columns and line numbers intact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import yaml

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})\s*")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]|<https?://[^>]+>|https?://\S+")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
# a term id never holds ":"; [[status:id]] and [[exam-…:…]] are block lines of their own
_EXPLICIT_REF = re.compile(r"\[\[([^\[\]|\n:]+?)(?:\|([^\[\]\n]+?))?\]\]")


def front_matter_end(text: str) -> int:
    """0-based index of the first body line (0 when there is no front matter); no YAML parsing."""
    if not text.startswith("---"):
        return 0
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return 0
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            return index + 1
    return 0


def split_front_matter(text: str) -> tuple[dict[str, Any], int, str | None]:
    """Front matter as a dict, the 0-based index of the first body line, and a YAML error if any."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, 0, None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            try:
                meta = yaml.load("\n".join(lines[1:index]), Loader=_LOADER) or {}
            except yaml.YAMLError as error:
                return {}, index + 1, f"invalid front matter: {getattr(error, 'problem', error)}"
            if not isinstance(meta, dict):
                return {}, index + 1, "front matter must be a YAML mapping"
            return meta, index + 1, None
    return {}, 0, None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def classify_lines(lines: list[str], start: int = 0) -> Iterator[tuple[int, str, str, str]]:
    """(0-based index, line, kind, info) for ``lines[start:]``.

    ``kind`` is "text", "open" (a code fence starts; ``info`` is its language,
    e.g. "mermaid"), "code" (inside a fence) or "close". The one place that
    knows how fences nest, for every check that must skip code.
    """
    fence: str | None = None
    for index in range(start, len(lines)):
        line = lines[index]
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
                yield index, line, "close", ""
            else:
                yield index, line, "code", ""
        elif opener:
            fence = opener.group(1)
            yield index, line, "open", line[opener.end() :].strip().split(" ")[0]
        else:
            yield index, line, "text", ""


def body_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) of Markdown text outside front matter and fenced code."""
    for index, line, kind, _ in classify_lines(text.splitlines(), front_matter_end(text)):
        if kind == "text":
            yield index + 1, line


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for prose: code, comments and URLs replaced by spaces."""
    text = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    for number, line in body_lines(text):
        line = _INLINE_CODE.sub(_blank, line)
        yield number, _LINK_TARGET.sub(_blank, line)


def headings(text: str) -> Iterator[tuple[int, int, str, str | None]]:
    """(line, level, title, explicit id or None) for ATX headings outside code blocks."""
    for number, line in prose_lines(text):
        match = re.match(r"^(#{1,6})\s+(.*?)\s*(?:\{\s*#([^\s}]+)[^}]*\})?\s*#*\s*$", line)
        if match:
            yield number, len(match.group(1)), match.group(2).strip(), match.group(3)


def explicit_refs(text: str) -> Iterator[tuple[int, str, str | None]]:
    """(line, term id, label) for every ``[[id]]`` or ``[[id|label]]`` in prose."""
    for number, line in prose_lines(text):
        for match in _EXPLICIT_REF.finditer(line):
            yield number, match.group(1).strip(), match.group(2)


def replace_explicit_refs(markdown: str, render: Callable[[str, str | None], str]) -> str:
    """Replace ``[[id|label]]`` outside code with ``render(id, label)``."""
    lines = markdown.split("\n")
    for index, line, kind, _ in classify_lines(lines):
        if kind == "text" and "[[" in line:
            parts = re.split(r"(`+[^`]*`+)", line)
            lines[index] = "".join(
                part
                if part.startswith("`")
                else _EXPLICIT_REF.sub(lambda m: render(m.group(1).strip(), m.group(2)), part)
                for part in parts
            )
    return "\n".join(lines)


def page_title(text: str) -> str:
    """The front matter title, else the first level-1 heading, else an empty string."""
    meta, _, _ = split_front_matter(text)
    if meta.get("title"):
        return str(meta["title"])
    for _, level, title, _ in headings(text):
        if level == 1:
            return title
    return ""
