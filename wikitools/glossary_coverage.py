"""Which terms each page uses, and the coverage gate over all of them.

The source scan gives file-and-line problems (non-standard variants, unknown
``[[id]]`` references) and the set of terms a page uses, which feeds the
glossary backlinks. ``coverage`` is decided once, over every language: each
term must be used by at least one content page per language unless it is
marked ``reference_only``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

from wikitools.glossary_data import LANGUAGES, Glossary
from wikitools.markdown_scan import explicit_refs, page_title, prose_lines
from wikitools.problems import Problem
from wikitools.term_matcher import TermMatcher


@dataclass
class SourcePage:
    path: str  # path inside the language folder
    label: str  # how problems name the file
    title: str = ""
    used: set[str] = field(default_factory=set)
    variants: int = 0


def scan_source(
    text: str, path: str, label: str, matcher: TermMatcher, glossary: Glossary
) -> tuple[SourcePage, list[Problem]]:
    page = SourcePage(path=path, label=label, title=page_title(text))
    problems: list[Problem] = []
    numbered = list(prose_lines(text))
    starts = []  # offset of each prose line in the joined text (one matcher pass per page)
    offset = 0
    for _, line in numbered:
        starts.append(offset)
        offset += len(line) + 1
    prose = "\n".join(line for _, line in numbered)
    for match in matcher.find(prose):
        page.used.add(match.term_id)
        if match.form.is_variant:
            index = bisect.bisect_right(starts, match.start) - 1
            page.variants += 1
            problems.append(
                Problem(
                    label,
                    numbered[index][0],
                    f"'{prose[match.start : match.end]}' is a non-standard form of '{match.form.standard}' "
                    f"(glossary term '{match.term_id}').",
                    f"write '{match.form.standard}' (quote a misspelling on purpose in `code`).",
                    "glossary",
                )
            )
    for number, term_id, _ in explicit_refs(text):
        if term_id in glossary.terms:
            page.used.add(term_id)
            continue
        close = glossary.closest_ids(term_id)
        hint = f"did you mean {', '.join(repr(c) for c in close)}?" if close else "add the term to glossary/terms.yml."
        problems.append(Problem(label, number, f"unknown glossary term '[[{term_id}]]'.", hint, "glossary"))
    return page, problems


def coverage(
    glossary: Glossary, scans: dict[str, list[SourcePage]], exclude: set[str]
) -> tuple[dict[str, Any], list[Problem]]:
    problems: list[Problem] = []
    summary: dict[str, Any] = {
        "terms": len(glossary.terms),
        "reference_only": sorted(t.id for t in glossary.terms.values() if t.reference_only),
        "variants_found": sum(p.variants for pages in scans.values() for p in pages),
        "languages": {},
    }
    for language in LANGUAGES:
        pages = [p for p in scans.get(language, []) if p.path not in exclude]
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
