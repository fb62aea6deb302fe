"""Last-updated dates for pages, from one ``git log`` call.

Material shows ``page.meta.revision_date`` under each page. We read the whole
history once (a per-page ``git log`` would cost one process per page per
language) and fall back to the page's ``last_reviewed`` front matter when git
is missing, the file is not committed yet, or the clone is shallow and so
knows only one commit (every page then gets that commit's date, which is
still a real date of the content).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

_MONTHS_EN = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def parse_git_log(output: str) -> dict[str, str]:
    """Map each path to the newest date in ``git log --format=%x00%cs --name-only`` output."""
    dates: dict[str, str] = {}
    current = ""
    for line in output.splitlines():
        if line.startswith("\x00"):
            current = line[1:].strip()
        elif line.strip() and current:
            dates.setdefault(line.strip(), current)
    return dates


def read_git_dates(repo: Path, subdir: str = "docs") -> dict[str, str]:
    """Newest commit date (YYYY-MM-DD) per file below ``subdir``; empty when git cannot answer."""
    try:
        result = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--no-renames", "--", subdir],
            cwd=repo,
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return {}
    if result.returncode != 0:
        return {}
    return parse_git_log(result.stdout)


def format_date(iso: str, language: str) -> str:
    """Render an ISO date the way readers of ``language`` expect."""
    try:
        day = dt.date.fromisoformat(str(iso))
    except ValueError:
        return str(iso)
    if language == "ja":
        return f"{day.year}年{day.month}月{day.day}日"
    return f"{_MONTHS_EN[day.month - 1]} {day.day}, {day.year}"
