"""Mermaid diagrams in the Markdown sources: find them and check what Python can check.

Syntax is checked by the real Mermaid parser in the browser tests
(``tests/test_diagrams.py``); here we find each diagram with its page, number
and line, and require an accessible title and description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from wikitools.markdown_scan import front_matter_end
from wikitools.problems import Problem

_OPEN = re.compile(r"^(\s*)(`{3,}|~{3,})\s*mermaid\s*$")


@dataclass(frozen=True)
class Diagram:
    label: str  # file the diagram is in
    number: int  # 1-based position on its page
    line: int  # line of the opening fence
    code: str

    @property
    def name(self) -> str:
        return f"{self.label}:{self.line} (diagram {self.number})"


def extract_diagrams(text: str, label: str) -> list[Diagram]:
    diagrams: list[Diagram] = []
    lines = text.splitlines()
    start = front_matter_end(text)
    index = start
    while index < len(lines):
        match = _OPEN.match(lines[index])
        if not match:
            index += 1
            continue
        indent, fence = match.group(1), match.group(2)
        body: list[str] = []
        end = index + 1
        while end < len(lines) and not lines[end].strip().startswith(fence):
            body.append(lines[end][len(indent) :] if lines[end].startswith(indent) else lines[end])
            end += 1
        diagrams.append(Diagram(label, len(diagrams) + 1, index + 1, "\n".join(body)))
        index = end + 1
    return diagrams


def accessibility_problems(diagram: Diagram) -> list[Problem]:
    problems = []
    for keyword in ("accTitle", "accDescr"):
        if not re.search(rf"^\s*{keyword}\s*[:{{]", diagram.code, re.MULTILINE):
            problems.append(
                Problem(
                    diagram.label,
                    diagram.line,
                    f"diagram {diagram.number} has no {keyword}.",
                    f"add '{keyword}: …' after the diagram type line.",
                    "diagrams",
                )
            )
    return problems
