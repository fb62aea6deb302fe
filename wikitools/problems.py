"""A problem found in the content, reported as "file:line: what is wrong. Fix: what to do".

Every check returns ``Problem`` values instead of raising, so one bad page
never hides the others and a contributor sees every issue in one build.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
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

    def sort_key(self) -> tuple[str, int, str, str, str]:
        """Total order: by file, then line (a problem about the whole file, line None, first)."""
        return (self.file, self.line or 0, self.message, self.fix, self.check)

    def __lt__(self, other: Problem) -> bool:
        return self.sort_key() < other.sort_key()


def unique(problems: list[Problem]) -> list[Problem]:
    """Sorted problems with exact repeats removed (each is reported once)."""
    return sorted(set(problems), key=Problem.sort_key)
