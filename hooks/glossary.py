"""MkDocs adapter for the glossary: linking, glossary pages and the term-coverage gate.

Per language build: expand ``[[id]]`` references; link first mentions in each
rendered page and note every term it meets (that is the page's usage, which
feeds backlinks and coverage) and any non-standard variant; then, once every
page of the language is rendered (``on_env``), generate the glossary page with
its backlinks. Once, after every language is built: the coverage gate, the
check of the links we wrote, synonyms for search and
``site/glossary-coverage.json``. The logic lives in ``wikitools``.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wikitools import adapter
from wikitools.data_safety import escape_html, escape_markdown
from wikitools.file_cache import cached_text
from wikitools.glossary_coverage import SourcePage, coverage, page_problems
from wikitools.glossary_data import Glossary, load_glossary
from wikitools.glossary_linker import link_terms
from wikitools.glossary_pages import (
    GLOSSARY_DIR,
    INDEX_PAGE,
    Backlink,
    category_page,
    category_page_problems,
    page_of,
    render_category,
    render_index,
)
from wikitools.languages import url_prefix
from wikitools.lifecycle import (
    Links,
    expand_status_lines,
    glossary_text_problems,
    render_lifecycle_table,
    render_notice,
    status_ref_problems,
    status_refs,
    unshown_status_problems,
)
from wikitools.links import SiteIndex, generated_link_problems
from wikitools.markdown_scan import replace_explicit_refs
from wikitools.search_keywords import add_keywords, page_keywords
from wikitools.source_files import read_source
from wikitools.term_matcher import matcher_for

log = get_plugin_logger("wiki")
LIFECYCLE_PAGE = "lifecycle.md"


def _is_glossary(path: str) -> bool:
    return path.startswith(GLOSSARY_DIR + "/")


def _entry_urls(page: Page, files: Files, language: str) -> dict[str, str]:
    """Relative URL from ``page`` to each glossary page that holds entries (by its docs path)."""
    urls = {}
    for path in map(category_page, _build.glossary.categories):
        file = files.get_file_from_path(f"{language}/{path}")
        if file is not None:
            url = get_relative_url(file.url, page.url)
            urls[path] = "" if url in (".", "./") else url
    return urls


def _term_href(urls: dict[str, str]):
    """term id -> URL of its entry, for a page whose glossary URLs are ``urls`` (None if it has no page)."""

    def href(term_id: str) -> str:
        url = urls.get(page_of(_build.glossary.terms[term_id]))
        return f"{url}#{term_id}" if url is not None else ""

    return href


class _Build:
    """What one ``mkdocs build`` (all languages) has learned so far."""

    def __init__(self) -> None:
        self.glossary = Glossary()
        self.pages: dict[str, list[SourcePage]] = {}  # language -> pages with the terms they use
        self.unknown_refs: dict[str, list[str]] = {}  # source file -> unknown [[ids]]
        self.links: list[tuple[str, str, dict[str, str]]] = []  # (label, site file, href -> text) we wrote
        self.statuses: dict[str, set[str]] = {}  # source file -> term ids whose status the page shows
        self.today = dt.date.today()
        self.generated: set[tuple[str, str]] = set()  # (language, path) of pages made from data


_build = _Build()


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    language = adapter.current_language(config)
    if language == adapter.default_language(config):  # a new build of all languages starts
        _build = _Build()
        _build.glossary, problems = load_glossary(adapter.project_root(config))
        problems += glossary_text_problems(_build.glossary)
        adapter.report(problems, log)  # now, so a later language build that aborts cannot hide them
    _build.pages[language] = []
    return config


def _lifecycle(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Expand ``[[status:id]]`` lines from the data; on the lifecycle page, add the table of every change."""
    language = adapter.current_language(config)
    lifecycle_file = files.get_file_from_path(f"{language}/{LIFECYCLE_PAGE}")
    links = Links(
        term=_term_href(_entry_urls(page, files, language)),
        lifecycle_page=get_relative_url(lifecycle_file.url, page.url) if lifecycle_file else "",
    )
    shown = _build.statuses.setdefault(page.file.abs_src_path, set())

    def render(term_id: str) -> str | None:
        term = _build.glossary.terms.get(term_id)
        if term is None or term.status == "current":
            return None  # left as written; reported by the check below
        shown.add(term_id)
        return render_notice(term, _build.glossary, language, links, _build.today)

    refs = [term_id for _, term_id in status_refs(markdown)]
    markdown = expand_status_lines(markdown, render)
    if page.meta.get("generated") == "lifecycle":
        markdown += "\n\n" + render_lifecycle_table(_build.glossary, language, links) + "\n"
    source = read_source(Path(page.file.abs_src_path))
    label = adapter.source_label(config, page.file)
    adapter.report(status_ref_problems(source, label, refs, _build.glossary), log)
    return markdown


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    language = adapter.current_language(config)
    path = adapter.language_path(page.file)
    markdown = _lifecycle(markdown, page, config, files)

    def render_ref(term_id: str, label: str | None) -> str:
        term = _build.glossary.terms.get(term_id)
        if term is None:
            _build.unknown_refs.setdefault(page.file.abs_src_path, []).append(term_id)
            return label or term_id
        title = escape_html(" ".join(term.text[language].short.split()))  # tooltip: plain text, one line
        text = label or escape_markdown(term.text[language].name)  # a label is page content, checked as such
        target = posixpath.relpath(page_of(term), posixpath.dirname(path) or ".")
        return f'[{text}]({target}#{term_id} "{title}"){{ .glossary-term }}'

    return replace_explicit_refs(markdown, render_ref)


def _link(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Link the terms of one rendered page and note what the page uses."""
    language = adapter.current_language(config)
    urls = _entry_urls(page, files, language)
    if not urls or not _build.glossary.terms:
        return html
    href = _term_href(urls)
    on_glossary = _is_glossary(adapter.language_path(page.file))
    # the same HTML, glossary and URLs link the same way: a serve rebuild reuses the last result
    result, _ = cached_text(
        "glossary-links",
        html,
        _linked,
        language,
        page.file.src_uri,
        tuple(sorted(urls.items())),
        on_glossary,
        id(_build.glossary),
    )
    label = adapter.source_label(config, page.file)
    names = {t: _build.glossary.terms[t].text[language].name for t in result.linked}
    _build.links.append((label, page.file.dest_uri, {href(t): name for t, name in names.items()}))
    unknown = _build.unknown_refs.get(page.file.abs_src_path, [])
    if result.variants or unknown:
        source = read_source(Path(page.file.abs_src_path))
        adapter.report(page_problems(source, label, result.variants, unknown, _build.glossary), log)
    path = adapter.language_path(page.file)
    if not on_glossary and path != LIFECYCLE_PAGE and not page.meta.get("generated"):
        source = read_source(Path(page.file.abs_src_path))
        # shown: a [[status:id]] notice, or a link to the entry, which carries the status badge
        shown = _build.statuses.get(page.file.abs_src_path, set()) | set(result.linked)
        adapter.report(
            unshown_status_problems(source, label, language, set(result.mentioned), shown, _build.glossary), log
        )
    if not on_glossary:
        _build.pages[language].append(
            SourcePage(path, label, page.title or path, set(result.mentioned), len(result.variants))
        )
        if page.meta.get("generated"):  # lifecycle, corrections, practice: used, but no reader's backlink
            _build.generated.add((language, path))
    return result.html


def _linked(html: str, language: str, _src: str, urls: tuple, on_glossary: bool, _glossary_id: int):
    """link_terms for ``_link``; returns the glossary too, so the cache entry keeps its id from being reused."""
    glossary = _build.glossary
    result = link_terms(
        html, matcher_for(glossary, language), glossary, language, _term_href(dict(urls)), tooltips=not on_glossary
    )
    return result, glossary


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if _is_glossary(adapter.language_path(page.file)):
        return html  # rendered in on_env, once every page's usage is known
    return _link(html, page, config, files)


def on_env(env, config: MkDocsConfig, files: Files):
    """Every page of this language is rendered: now generate the glossary pages with their backlinks."""
    language = adapter.current_language(config)
    backlinks = _backlinks(language)
    pages = {
        adapter.language_path(f): f.page
        for f in files.documentation_pages()
        if f.page is not None and f.src_uri.startswith(f"{language}/") and _is_glossary(adapter.language_path(f))
    }
    if not pages:
        return env
    labels = {path: adapter.source_label(config, page.file) for path, page in pages.items()}
    categories = {path: page.meta.get("glossary_category") for path, page in pages.items() if path != INDEX_PAGE}
    titles = {path: page.meta.get("title", "") for path, page in pages.items()}
    adapter.report(category_page_problems(_build.glossary, language, categories, titles, labels), log)
    for path, page in sorted(pages.items()):
        if path == INDEX_PAGE:
            body = render_index(_build.glossary, language)
        elif isinstance(categories.get(path), str) and categories[path] in _build.glossary.categories:
            body = render_category(_build.glossary, language, categories[path], backlinks)
        else:
            continue  # reported above
        page.markdown = (page.markdown or "") + "\n\n" + body
        config._current_page = page  # MkDocs names this page in link warnings from render()
        try:
            page.render(config, files)
        finally:
            config._current_page = None
        page.content = _link(page.content, page, config, files)
    return env


def _backlinks(language: str) -> dict[str, list[Backlink]]:
    links: dict[str, list[Backlink]] = {}
    for source in sorted(_build.pages.get(language, []), key=lambda s: s.path):
        if (language, source.path) in _build.generated:
            continue
        target = posixpath.relpath(source.path, GLOSSARY_DIR)
        for term_id in sorted(source.used):
            links.setdefault(term_id, []).append(Backlink(source.title, target))
    return links


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not adapter.all_languages_built(config):
        return
    summary, problems = coverage(_build.glossary, _build.pages)  # glossary pages are not in pages
    site = SiteIndex.from_dir(Path(config.site_dir))
    for label, site_file, hrefs in _build.links:  # the links we wrote must land on an entry
        problems += generated_link_problems(hrefs, label, site_file, site)
    adapter.report(problems, log)
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
    prefixes = {lang.locale: url_prefix(lang.link) for lang in adapter.build_languages(config)}
    keywords = {}
    for language, pages in _build.pages.items():
        for source in pages:
            stem = source.path[: -len(".md")]
            url = stem[: -len("index")] if stem == "index" or stem.endswith("/index") else stem + "/"
            keywords[prefixes[language] + url] = page_keywords(source.used, _build.glossary, language, source.title)
    index = json.loads(index_file.read_text(encoding="utf-8"))
    index_file.write_text(
        json.dumps(add_keywords(index, keywords), ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
    )
