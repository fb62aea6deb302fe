"""The source checks of one page (front matter, safety, content rules) and its review age, kept per text.

``mkdocs serve`` rechecks every page after each save; only the edited page's text changed, so
the others reuse their last result (:func:`wikitools.file_cache.cached_text`), problems included.
"""

from __future__ import annotations

import datetime as dt

from wikitools.content_rules import review_age, rule_problems
from wikitools.content_safety import safety_problems
from wikitools.file_cache import cached_text
from wikitools.front_matter import front_matter_problems
from wikitools.problems import Problem


def _check(text: str, label: str, language: str, today: dt.date) -> tuple[tuple[Problem, ...], int | None]:
    problems = front_matter_problems(text, label, today)
    problems += safety_problems(text, label)
    problems += rule_problems(text, label, language)
    return tuple(problems), review_age(text, today)


def page_source_problems(text: str, label: str, language: str, today: dt.date) -> tuple[list[Problem], int | None]:
    """(problems, days since ``last_reviewed`` or None) of the page source ``text`` labelled ``label``."""
    problems, age = cached_text("page_source", text, _check, label, language, today)
    return list(problems), age
