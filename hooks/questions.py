"""MkDocs adapter for the self-check questions: checks once per build, sections on topic pages, practice pages.

The questions are rendered in ``on_page_markdown`` (after the glossary hook's
own ``on_page_markdown``), so the glossary linker links terms in them like
anywhere else. The logic lives in ``wikitools/questions.py``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wikitools import adapter
from wikitools.exams import load_exams, task_codes
from wikitools.glossary_data import load_glossary
from wikitools.markdown_scan import page_title
from wikitools.problems import Problem
from wikitools.questions import (
    Question,
    by_page_of,
    coverage_problems,
    heading_titles,
    insert_section,
    is_topic_page,
    lifecycle_problems,
    load_questions,
    render_practice,
    render_section,
    topic_pages,
)
from wikitools.source_files import read_source
from wikitools.term_matcher import matcher_for

log = get_plugin_logger("wiki")


class _Build:
    def __init__(self) -> None:
        self.questions: list[Question] = []
        self.by_page: dict[str, list[Question]] = {}
        self.exams: list[dict[str, Any]] = []


_build = _Build()


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if adapter.current_language(config) == adapter.default_language(config):
        _build = _Build()
        root = adapter.project_root(config)
        languages = tuple(lang.locale for lang in adapter.build_languages(config))
        exams, exam_problems = load_exams(root, languages)  # exam problems are reported by content_checks
        _build.exams = exams
        _build.questions, problems = load_questions(root, None if exam_problems else task_codes(exams), languages)
        _build.by_page = by_page_of(_build.questions)
        problems += lifecycle_problems(_build.questions, _closed_terms(root, languages))
        problems += coverage_problems(_build.questions, topic_pages(Path(config.docs_dir), languages[0]), languages[0])
        adapter.report(problems, log)  # now: a later language build that aborts must not hide them
    return config


def _closed_terms(root: Path, languages: tuple[str, ...]):
    """closed_terms(text, language) for lifecycle_problems, from the glossary (which reports its own problems)."""
    glossary, _ = load_glossary(root)
    matchers = {lang: matcher_for(glossary, lang) for lang in languages}

    def closed_terms(text: str, language: str) -> list[str]:
        found = {m.term_id for m in matchers[language].find(text)} if language in matchers else set()
        return [
            glossary.terms[t].text[language].name for t in found if glossary.terms[t].status in ("closed", "retired")
        ]

    return closed_terms


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = adapter.current_language(config)
    path = adapter.language_path(page.file)
    docs = Path(config.docs_dir)
    titles: dict[str, dict[str, str]] = {}

    def teach(item: Question) -> tuple[str, str]:
        if item.page not in titles:
            titles[item.page] = heading_titles(docs, language, item.page)
        section = titles[item.page].get(item.anchor, item.anchor)
        if item.page == path:
            return f"#{item.anchor}", section
        target = files.get_file_from_path(f"{language}/{item.page}")
        url = get_relative_url(target.url, page.url) if target else ""
        source = docs / language / item.page
        title = page_title(read_source(source)) if source.is_file() else item.page
        return f"{url}#{item.anchor}", f"{title} › {section}"

    if page.meta.get("generated") == "practice":
        code = str(page.meta.get("exam", ""))
        exam = next((e for e in _build.exams if e["code"] == code), None)
        if exam is None:
            label = adapter.source_label(config, page.file)
            adapter.report(
                [
                    Problem(
                        label,
                        1,
                        f"unknown exam '{code}' in front matter.",
                        "use a code from data/exams.yml.",
                        "questions",
                    )
                ],
                log,
            )
            return markdown
        return markdown.rstrip("\n") + "\n\n" + render_practice(exam, _build.questions, language, teach)
    items = _build.by_page.get(path)
    if items and is_topic_page(path) and not page.meta.get("generated"):
        return insert_section(markdown, render_section(items, language, teach))
    return markdown
