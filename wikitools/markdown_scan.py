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

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_LINK_TARGET = re.compile(r"\]\([^)]*\)|\]\[[^\]]*\]|<https?://[^>]+>|https?://\S+")
_HTML_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_EXPLICIT_REF = re.compile(r"\[\[([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")


def split_front_matter(text: str) -> tuple[dict[str, Any], int, str | None]:
    """Front matter as a dict, the 0-based index of the first body line, and a YAML error if any."""
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, 0, None
    for index in range(1, len(lines)):
        if lines[index].strip() in ("---", "..."):
            try:
                meta = yaml.safe_load("\n".join(lines[1:index])) or {}
            except yaml.YAMLError as error:
                return {}, index + 1, f"invalid front matter: {getattr(error, 'problem', error)}"
            if not isinstance(meta, dict):
                return {}, index + 1, "front matter must be a YAML mapping"
            return meta, index + 1, None
    return {}, 0, None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """(1-based line number, line) for prose: code, comments and URLs replaced by spaces."""
    _, start, _ = split_front_matter(text)
    text = _HTML_COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    fence: str | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        if number <= start:
            continue
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
            continue
        if opener:
            fence = opener.group(1)
            continue
        line = _INLINE_CODE.sub(_blank, line)
        line = _LINK_TARGET.sub(_blank, line)
        yield number, line


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
    out: list[str] = []
    fence: str | None = None
    for line in markdown.split("\n"):
        opener = _FENCE.match(line)
        if fence:
            if opener and opener.group(1)[0] == fence[0] and len(opener.group(1)) >= len(fence):
                fence = None
        elif opener:
            fence = opener.group(1)
        elif "[[" in line:
            parts = re.split(r"(`+[^`]*`+)", line)
            line = "".join(
                part
                if part.startswith("`")
                else _EXPLICIT_REF.sub(lambda m: render(m.group(1).strip(), m.group(2)), part)
                for part in parts
            )
        out.append(line)
    return "\n".join(out)


def page_title(text: str) -> str:
    """The front matter title, else the first level-1 heading, else an empty string."""
    meta, _, _ = split_front_matter(text)
    if meta.get("title"):
        return str(meta["title"])
    for _, level, title, _ in headings(text):
        if level == 1:
            return title
    return ""
