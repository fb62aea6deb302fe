"""Turn MkDocs Markdown into what textlint's Markdown parser reads as prose, line for line.

textlint knows CommonMark, not our extensions: an admonition's ``!!! note "…"``
line reads as three exclamation marks and its indented body as a code block,
so the prose inside it would never be checked. ``prepare`` blanks the
extension syntax and dedents the bodies, keeping every line where it was, so
the line numbers textlint reports are the source's.
"""

from __future__ import annotations

import re

_BLOCK_OPENER = re.compile(r"^(?P<indent>\s*)(?:!!!|\?\?\?\+?|===)\s")
_HEADING_ATTRS = re.compile(r"\s*\{[#.][^{}]*\}\s*$")
_INLINE_ATTRS = re.compile(r"\{\s*[.#:][^{}\n]*\}")
_EXPLICIT_REF = re.compile(r"\[\[(?:status:)?([^\[\]|\n]+?)(?:\|([^\[\]\n]+?))?\]\]")
_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_BLOCK_LINE = re.compile(r"^\s*\[\[[a-z-]+:[^\[\]]*\]\]\s*$")  # [[status:id]], [[exam-tasks:…]]: rendered from data


def _ref_text(match: re.Match[str]) -> str:
    return match.group(2) or match.group(1)


def prepare(text: str) -> str:
    """The same document with admonitions, tabs, attribute lists and ``[[term]]`` references made plain."""
    out: list[str] = []
    dedent: list[int] = []  # indent widths of the open container bodies
    fence: str | None = None
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped and dedent:
            indent = len(line) - len(line.lstrip(" "))
            while dedent and indent < dedent[-1]:
                dedent.pop()
        cut = dedent[-1] if dedent else 0
        body = line[cut:] if line[:cut].strip() == "" else line
        if fence is not None:
            out.append(body)
            if body.strip().startswith(fence):
                fence = None
            continue
        match = _FENCE.match(body)
        if match:
            fence = match.group(1)
            out.append(body)
            continue
        if _BLOCK_LINE.match(body):
            out.append("")
            continue
        opener = _BLOCK_OPENER.match(line)
        if opener:
            out.append("")
            dedent.append(len(opener.group("indent")) + 4)
            continue
        body = _HEADING_ATTRS.sub("", body) if body.lstrip().startswith("#") else body
        body = _INLINE_ATTRS.sub("", body)
        out.append(_EXPLICIT_REF.sub(_ref_text, body))
    return "\n".join(out)
