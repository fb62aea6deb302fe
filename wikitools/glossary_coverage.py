"""Which terms each page uses, the problems found on a page, and the coverage gate.

The term linker reports, per page, the terms it met and any non-standard
variants; ``[[id]]`` expansion reports unknown ids. ``page_problems`` turns
those into file-and-line problems, and ``coverage`` is decided once, over
every language: each term must be used by at least one content page per
language unless it is marked ``reference_only``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wikitools.glossary_data import LANGUAGES, Glossary
from wikitools.markdown_scan import front_matter_end
from wikitools.normalize import fold
from wikitools.problems import Problem
from wikitools.term_matcher import occurrence_pattern


@dataclass
class SourcePage:
    path: str  # path inside the language folder
    label: str  # how problems name the file
    title: str = ""
    used: set[str] = field(default_factory=set)
    variants: int = 0


def line_of(source: str, needle: str, start_line: int = 1, whole_form: bool = False) -> int | None:
    """First line (1-based, from ``start_line``) of ``source`` containing ``needle``, if any.

    With ``whole_form`` the needle must stand as a whole term (クローラ does not
    count inside クローラー), by the same boundary rules as the term matcher.
    """
    pattern = occurrence_pattern(needle) if whole_form else None
    for number, line in enumerate(source.splitlines()[start_line - 1 :], start=start_line):
        found = pattern.search(fold(line)) is not None if pattern else needle in line
        if found:
            return number
    return None


def page_problems(
    source: str,
    label: str,
    variants: list[tuple[str, str, str]],
    unknown_refs: list[str],
    glossary: Glossary,
) -> list[Problem]:
    """File-and-line problems for what the linker and the ``[[id]]`` expansion found on one page.

    The linker works on HTML, so lines are found afterwards in the source; this
    costs a text search only when there is something to report.
    """
    problems: list[Problem] = []
    body = front_matter_end(source) + 1
    for written, term_id, standard in dict.fromkeys(variants):
        problems.append(
            Problem(
                label,
                line_of(source, written, body, whole_form=True),
                f"'{written}' is a non-standard form of '{standard}' (glossary term '{term_id}').",
                f"write '{standard}' (quote a misspelling on purpose in `code`).",
                "glossary",
            )
        )
    for term_id in dict.fromkeys(unknown_refs):
        close = glossary.closest_ids(term_id)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else "add the term to glossary/terms.yml."
        problems.append(
            Problem(
                label,
                line_of(source, f"[[{term_id}", body),
                f"unknown glossary term '[[{term_id}]]'.",
                hint,
                "glossary",
            )
        )
    return problems


def coverage(glossary: Glossary, scans: dict[str, list[SourcePage]]) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    summary: dict[str, Any] = {
        "terms": len(glossary.terms),
        "reference_only": sorted(t.id for t in glossary.terms.values() if t.reference_only),
        "variants_found": sum(p.variants for pages in scans.values() for p in pages),
        "languages": {},
    }
    for language in LANGUAGES:
        pages = scans.get(language, [])
        used = set().union(*(p.used for p in pages)) if pages else set()
        orphans = sorted(t.id for t in glossary.terms.values() if t.id not in used and not t.reference_only)
        summary["languages"][language] = {
            "pages": len(pages),
            "used": len(used & set(glossary.terms)),
            "orphans": orphans,
        }
        for term_id in orphans:
            term = glossary.terms[term_id]
            problems.append(
                Problem(
                    glossary.source,
                    term.line,
                    f"term '{term_id}' ({term.text[language].name}) is not used on any {language} content page.",
                    "mention it on a page where it belongs, or mark it 'reference_only: true'.",
                    "glossary",
                )
            )
    return summary, problems
