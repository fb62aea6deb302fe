"""The Python code blocks of the pages, with the file line each starts on.

Code on a page is a promise that it runs: the snippet tests parse every
block, and bind the SageMaker SDK and boto3 calls of each one against the
pinned libraries' real signatures (``tests/snippet_binding.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from wikitools.markdown_scan import classify_lines

PYTHON = ("python", "py", "python3")


@dataclass(frozen=True)
class Snippet:
    file: str  # repository-relative label, e.g. "docs/ja/sagemaker/train.md"
    line: int  # 1-based line of the first code line
    code: str


def python_blocks(text: str, label: str) -> list[Snippet]:
    """Every fenced block whose info string names Python (indentation inside tabs or admonitions removed)."""
    lines = text.splitlines()
    blocks: list[Snippet] = []
    current: list[str] | None = None
    start = indent = 0
    for index, line, kind, info in classify_lines(lines):
        if kind == "open" and info.lstrip(".{").split("}")[0].strip().lower() in PYTHON:
            current, start, indent = [], index + 2, len(line) - len(line.lstrip())
        elif kind == "code" and current is not None:
            current.append(line[indent:] if line[:indent].strip() == "" else line)
        elif kind == "close" and current is not None:
            blocks.append(Snippet(label, start, "\n".join(current) + "\n"))
            current = None
    return blocks


def site_snippets(root: Path) -> list[Snippet]:
    out: list[Snippet] = []
    for file in sorted((root / "docs").rglob("*.md")):
        out += python_blocks(file.read_text(encoding="utf-8"), file.relative_to(root).as_posix())
    return out
