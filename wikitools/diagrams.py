"""Mermaid diagrams in the Markdown sources: find them, and turn what is wrong with them into problems.

Here we find each diagram with its page, number and line, require an
accessible title and description, and word the problems for diagrams that
``wikitools.diagram_render`` could not draw (syntax errors fail the build).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from wikitools.diagram_render import Rendered
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


def normalise_code(code: str) -> str:
    """A diagram's source as both the Markdown scan and the rendered HTML see it (edge whitespace ignored)."""
    return "\n".join(line.rstrip() for line in code.strip("\n").splitlines())


def diagram_problems(diagrams: list[Diagram], results: Mapping[str, Rendered], serving: bool = False) -> list[Problem]:
    """One problem per diagram Mermaid cannot draw, at the line Mermaid names (the fence when it names none)."""
    problems = []
    for diagram in diagrams:
        result = results.get(diagram.code)
        if result is None or result.svg is not None:
            continue
        if result.unrendered:
            if not serving:
                problems.append(
                    Problem(
                        diagram.label,
                        diagram.line,
                        f"diagram {diagram.number} is not in the diagram cache and no Chromium was found to draw it.",
                        "install Debian's chromium (bash scripts/setup.sh --browser) or set CHROMIUM_PATH.",
                        "diagrams",
                    )
                )
            continue
        line = diagram.line + result.line if result.line else diagram.line
        problems.append(
            Problem(
                diagram.label,
                line,
                f"diagram {diagram.number} cannot be drawn by Mermaid: {result.error}",
                "correct the Mermaid syntax on that line (https://mermaid.js.org/intro/syntax-reference.html).",
                "diagrams",
            )
        )
    return problems
