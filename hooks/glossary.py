"""MkDocs adapter for the glossary: linking, glossary pages and the term-coverage gate.

Per language build: scan the sources (usage, variants, ``[[id]]`` references,
with file and line), expand ``[[id]]``, generate the glossary page, and link
first mentions in the rendered HTML. Once, after every language is built:
report all problems (strict builds fail on them) and write the coverage
summary to ``site/glossary-coverage.json``. The logic lives in ``wikitools``.
"""

from __future__ import annotations

import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wikitools.adapter import (
    all_languages_built,
    build_languages,
    current_language,
    default_language,
    language_path,
    report,
    source_label,
)
from wikitools.glossary_coverage import SourcePage, coverage, scan_source
from wikitools.glossary_data import Glossary, load_glossary
from wikitools.glossary_linker import link_terms
from wikitools.glossary_pages import Backlink, render_glossary
from wikitools.languages import url_prefix
from wikitools.links import SiteIndex, generated_link_problems
from wikitools.markdown_scan import replace_explicit_refs
from wikitools.problems import Problem
from wikitools.search_keywords import add_keywords, page_keywords
from wikitools.term_matcher import TermMatcher, forms_for_language

log = get_plugin_logger("wiki")
GLOSSARY_PAGE = "glossary/index.md"


class _Build:
    """What one ``mkdocs build`` (all languages) has learned so far."""

    def __init__(self) -> None:
        self.glossary = Glossary()
        self.problems: list[Problem] = []
        self.matchers: dict[str, TermMatcher] = {}
        self.scans: dict[str, list[SourcePage]] = {}
        self.links: list[tuple[str, str, dict[str, str]]] = []  # (label, site file, href -> text) we wrote


_build = _Build()


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    language = current_language(config)
    if language == default_language(config):  # a new build of all languages starts
        _build = _Build()
        _build.glossary, problems = load_glossary(Path(config.config_file_path).parent)
        report(problems, log)  # now, so a later language build that aborts cannot hide them
    _build.matchers[language] = TermMatcher(forms_for_language(_build.glossary, language))
    return config


@event_priority(-110)  # after the i18n plugin has kept only this language's files
def on_files(files: Files, config: MkDocsConfig) -> Files:
    language = current_language(config)
    scans = []
    for file in files.documentation_pages():
        text = Path(file.abs_src_path).read_text(encoding="utf-8")
        scan, problems = scan_source(
            text, language_path(file), source_label(config, file), _build.matchers[language], _build.glossary
        )
        scans.append(scan)
        _build.problems += problems
    _build.scans[language] = scans
    report(_build.problems, log)
    _build.problems = []
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = current_language(config)
    path = language_path(page.file)
    to_glossary = posixpath.relpath(GLOSSARY_PAGE, posixpath.dirname(path) or ".")

    def render_ref(term_id: str, label: str | None) -> str:
        term = _build.glossary.terms.get(term_id)
        if term is None:  # reported by the source scan with file and line
            return label or term_id
        title = term.text[language].short.replace('"', "'")
        return f'[{label or term.text[language].name}]({to_glossary}#{term_id} "{title}"){{ .glossary-term }}'

    markdown = replace_explicit_refs(markdown, render_ref)
    if path == GLOSSARY_PAGE:
        markdown += "\n\n" + render_glossary(_build.glossary, language, _backlinks(language))
    return markdown


def _backlinks(language: str) -> dict[str, list[Backlink]]:
    links: dict[str, list[Backlink]] = {}
    for scan in sorted(_build.scans.get(language, []), key=lambda s: s.path):
        if scan.path == GLOSSARY_PAGE:
            continue
        target = posixpath.relpath(scan.path, posixpath.dirname(GLOSSARY_PAGE))
        for term_id in sorted(scan.used):
            links.setdefault(term_id, []).append(Backlink(scan.title or scan.path, target))
    return links


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = current_language(config)
    glossary_url = files.get_file_from_path(f"{language}/{GLOSSARY_PAGE}")
    if glossary_url is None or not _build.glossary.terms:
        return html
    base = get_relative_url(glossary_url.url, page.url)
    base = "" if base in (".", "./") else base
    result = link_terms(html, _build.matchers[language], _build.glossary, language, lambda term_id: f"{base}#{term_id}")
    names = {t: _build.glossary.terms[t].text[language].name for t in result.linked}
    _build.links.append(
        (source_label(config, page.file), page.file.dest_uri, {f"{base}#{t}": name for t, name in names.items()})
    )
    return result.html


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not all_languages_built(config):
        return
    summary, problems = coverage(_build.glossary, _build.scans, exclude={GLOSSARY_PAGE})
    site = SiteIndex.from_dir(Path(config.site_dir))
    for label, site_file, hrefs in _build.links:  # the links we wrote must land on an entry
        problems += generated_link_problems(hrefs, label, site_file, site)
    report(problems, log)
    out = Path(config.site_dir) / "glossary-coverage.json"
    out.write_text(json.dumps(summary, ensure_ascii=False, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    _add_search_keywords(config)
    log.info(
        "glossary: %d terms; used ja %d, en %d; orphans ja %d, en %d; variants found %d",
        summary["terms"],
        summary["languages"].get("ja", {}).get("used", 0),
        summary["languages"].get("en", {}).get("used", 0),
        len(summary["languages"].get("ja", {}).get("orphans", [])),
        len(summary["languages"].get("en", {}).get("orphans", [])),
        summary["variants_found"],
    )


def _add_search_keywords(config: MkDocsConfig) -> None:
    """Give each page's search document the synonyms of the glossary terms it uses."""
    index_file = Path(config.site_dir) / "search" / "search_index.json"
    if not index_file.exists() or not _build.glossary.terms:
        return
    prefixes = {lang.locale: url_prefix(lang.link) for lang in build_languages(config)}
    keywords = {}
    for language, scans in _build.scans.items():
        for scan in scans:
            if scan.path == GLOSSARY_PAGE:
                continue
            stem = scan.path[: -len(".md")]
            url = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
            keywords[prefixes[language] + url] = page_keywords(scan.used, _build.glossary, language)
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index_file.write_text(
        json.dumps(add_keywords(index, keywords), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
