"""Check each page's front matter: valid YAML, the fields CONTRIBUTING requires, plain text.

MkDocs silently drops front matter it cannot parse (the page then ships with
no title or description), so a YAML error here is reported with its line.
Required: ``title`` and ``description`` (non-empty plain text; both end up in
``<title>`` and ``<meta>`` unescaped by the theme) and ``last_reviewed`` (an
ISO date, not in the future).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import yaml

from wikitools.data_safety import markup_problems
from wikitools.problems import Problem
from wikitools.yaml_lines import error_line, error_reason, line_of, load_with_nodes

REQUIRED_TEXT = ("title", "description")
SHOWN_FIELDS = frozenset({"title", "description"})  # values the theme writes into HTML


def _block(text: str) -> tuple[list[str], int] | None:
    """(front matter lines, 1-based line of the closing ---), or None when the page has none."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return lines[1:index], index + 1
    return lines[1:], 0


def front_matter_problems(text: str, label: str, today: dt.date) -> list[Problem]:
    """Problems with the page's front matter, each with file:line; never raises."""

    def problem(line: int | None, message: str, fix: str) -> Problem:
        return Problem(label, line, message, fix, "front-matter")

    block = _block(text)
    if block is None:
        return [
            problem(
                1,
                "the page has no front matter.",
                "start the page with ---, title:, description: and last_reviewed:, then --- (see CONTRIBUTING.md).",
            )
        ]
    lines, closing = block
    if not closing:
        return [problem(1, "the front matter is not closed.", "add a line with --- after the last front matter field.")]
    try:
        meta, node = load_with_nodes("\n".join(lines))
    except yaml.YAMLError as error:
        line = error_line(error)
        return [
            problem(
                line + 1 if line else 1,
                f"invalid front matter YAML: {error_reason(error)}.",
                "fix the YAML at that line (quote values that contain ':', '[', '{' or '#').",
            )
        ]
    if meta is None:
        meta = {}
    if not isinstance(meta, dict):
        return [
            problem(2, "front matter must be a YAML mapping of field: value.", "write one 'field: value' per line.")
        ]

    def line_at(key: str) -> int:
        found = line_of(node, [key])
        return found + 1 if found else 1

    problems: list[Problem] = []
    for key in REQUIRED_TEXT:
        value = meta.get(key)
        if key not in meta:
            problems.append(problem(closing, f"front matter has no '{key}'.", f"add '{key}: ...' to the front matter."))
        elif not isinstance(value, str) or not value.strip():
            problems.append(
                problem(line_at(key), f"'{key}' must be non-empty text.", f"write the {key} as plain text.")
            )
    problems += _date_problems(meta, line_at, problem, today, closing)
    shown = {k: v for k, v in meta.items() if k in SHOWN_FIELDS}
    problems += markup_problems(shown, label, node, line_offset=1, check="front-matter")
    return problems


def _date_problems(meta: dict[str, Any], line_at, problem, today: dt.date, closing: int) -> list[Problem]:
    if "last_reviewed" not in meta:
        return [
            problem(
                closing,
                "front matter has no 'last_reviewed'.",
                "add 'last_reviewed: YYYY-MM-DD' (the day you checked the page against the AWS documentation).",
            )
        ]
    value = meta["last_reviewed"]
    day: dt.date | None = None
    if isinstance(value, dt.datetime):
        day = value.date()
    elif isinstance(value, dt.date):
        day = value
    elif isinstance(value, str):
        try:
            day = dt.date.fromisoformat(value.strip())
        except ValueError:
            day = None
    if day is None:
        return [
            problem(
                line_at("last_reviewed"),
                f"'last_reviewed' is not an ISO date: {str(value)[:40]!r}.",
                "write it as YYYY-MM-DD, e.g. last_reviewed: 2026-11-22.",
            )
        ]
    if day > today:
        return [
            problem(
                line_at("last_reviewed"),
                f"'last_reviewed' {day.isoformat()} is in the future.",
                f"use the date you reviewed the page (today is {today.isoformat()}).",
            )
        ]
    return []
