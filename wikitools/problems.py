"""A problem found in the content, reported as "file:line: what is wrong. Fix: what to do".

Every check returns ``Problem`` values instead of raising, so one bad page
never hides the others and a contributor sees every issue in one build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    file: str
    line: int | None
    message: str
    fix: str = ""
    check: str = ""

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        text = f"{where}: {self.message}"
        if self.fix:
            text += f" Fix: {self.fix}"
        return f"[{self.check}] {text}" if self.check else text


def unique(problems: list[Problem]) -> list[Problem]:
    """Sorted problems with exact repeats removed (each is reported once)."""
    return sorted(set(problems), key=lambda p: (p.file, p.line or 0, p.message, p.fix, p.check))
