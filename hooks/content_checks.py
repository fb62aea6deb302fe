"""MkDocs adapter for the pull-request checks: links, translation parity and freshness, content safety.

Per language build it records each page's source and output file, rewrites
links into the other language (MkDocs cannot resolve them) and marks stale
translations so ``overrides/main.html`` shows the banner. Once, after all
languages are built, it runs every check over the sources and the built site
and reports each problem with file, line and fix; ``--strict`` fails on them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from wikitools import adapter
from wikitools.claims import register_problems
from wikitools.content_rules import MAX_REVIEW_AGE_DAYS
from wikitools.corrections import load_corrections, load_notes, render_corrections
from wikitools.data_safety import escape_html, markup_in, scan_data_dir
from wikitools.exams import expand_exam_blocks, load_exams
from wikitools.front_matter import SHOWN_FIELDS
from wikitools.languages import url_prefix
from wikitools.links import (
    SiteIndex,
    markdown_link_problems,
    rewrite_cross_language_links,
    site_file_of,
    source_link_problems,
)
from wikitools.markdown_scan import front_matter_end
from wikitools.nav_check import nav_problems
from wikitools.page_checks import page_source_problems
from wikitools.page_outline import link_label
from wikitools.page_pairs import page_pairs
from wikitools.problems import Problem
from wikitools.source_files import encoding_problem, read_source
from wikitools.translations import read_lock_checked, stale_languages, translation_problems

log = get_plugin_logger("wiki")


class _Build:
    def __init__(self) -> None:
        self.pages: dict[str, tuple[str, Path]] = {}  # site file -> (label, source)
        self.cross: list[tuple[str, str, int, str, str]] = []  # (label, site file, line, target file, fragment)
        self.stale: dict[tuple[str, str], str] = {}  # (language, path) -> language of the newer source
        self.lock: dict | None = {}
        self.undecodable: set[str] = set()  # absolute paths of pages that are not UTF-8
        self.corrections: list = []
        self.exams: list = []
        self.today = dt.date.today()


_build = _Build()


def _root(config: MkDocsConfig) -> Path:
    return adapter.project_root(config)


def _prefixes(config: MkDocsConfig) -> dict[str, str]:
    return {lang.locale: url_prefix(lang.link) for lang in adapter.build_languages(config)}


def _first_line_of(markdown: str, source: str) -> int:
    """File line on which ``markdown`` (the page body MkDocs passes to hooks) starts."""
    body_start = front_matter_end(source)
    lines = source.splitlines()
    first = next((line for line in markdown.splitlines() if line.strip()), "")
    for index in range(body_start, len(lines)):
        if lines[index] == first:
            return index + 1 - next(i for i, line in enumerate(markdown.splitlines()) if line.strip())
    return body_start + 1


@event_priority(-110)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _build
    if adapter.current_language(config) == adapter.default_language(config):
        _build = _Build()
        root = _root(config)
        langs = tuple(_prefixes(config))
        pairs = page_pairs(Path(config.docs_dir), langs)
        _build.lock, lock_problems = read_lock_checked(root, {pair.path for pair in pairs})
        adapter.report(lock_problems, log)  # first: an unusable lock explains any translation problem below
        problems = scan_data_dir(root)
        old_reviews: list[str] = []
        for pair in pairs:
            for lang in stale_languages(pair, _build.lock or {}):
                newer = next(other for other in langs if other != lang)
                _build.stale[(lang, pair.path)] = newer
            label = {lang: Path(config.docs_dir, lang, pair.path).relative_to(root).as_posix() for lang in langs}
            problems += translation_problems(pair, _build.lock, label)
            for lang, file in pair.files.items():
                bad_encoding = encoding_problem(file.read_bytes(), label[lang])
                if bad_encoding:
                    _build.undecodable.add(str(file.resolve()))
                    problems.append(bad_encoding)
                    continue
                found, age = page_source_problems(read_source(file), label[lang], lang, _build.today)
                problems += found
                if age is not None and age > MAX_REVIEW_AGE_DAYS:
                    old_reviews.append(f"{label[lang]} ({age} days)")
        _build.corrections, found = load_corrections(root, langs)
        problems += found
        problems += register_problems(root, langs)[0]
        _build.exams, found = load_exams(root, langs)
        problems += found
        config_text = Path(config.config_file_path).resolve().read_text(encoding="utf-8")
        problems += nav_problems(config_text, config.nav, Path(config.docs_dir), langs)
        if old_reviews:
            log.info("review due (last_reviewed over %d days ago): %s", MAX_REVIEW_AGE_DAYS, ", ".join(old_reviews))
        # Source-only checks are reported now: a later language build that aborts
        # (for example on a missing translation) must not hide them.
        adapter.report(problems, log)
    return config


def _line_containing(source: str, needle: str) -> int:
    return next((number for number, line in enumerate(source.splitlines(), start=1) if needle in line), 1)


@event_priority(-110)
def on_files(files: Files, config: MkDocsConfig) -> Files:
    for file in files.documentation_pages():
        _build.pages[file.dest_uri] = (adapter.source_label(config, file), Path(file.abs_src_path))
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    """A page that is not UTF-8 (already reported) is read lossily, so MkDocs does not stop in a traceback."""
    if str(Path(page.file.abs_src_path).resolve()) in _build.undecodable:
        return read_source(Path(page.file.abs_src_path))
    return None


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    for key in SHOWN_FIELDS:
        # The theme writes these into <title> and <meta> unescaped, and elsewhere with `| e`: escaping
        # every title would show "&#x27;" in the footer. So only a value with markup (already a strict
        # failure, see front_matter_problems) is neutralised, for builds that are not strict.
        value = page.meta.get(key)
        if isinstance(value, str) and markup_in(value):
            page.meta[key] = escape_html(value)
    language = adapter.current_language(config)
    path = adapter.language_path(page.file)
    prefixes = _prefixes(config)
    label = adapter.source_label(config, page.file)
    first_line = _first_line_of(markdown, read_source(Path(page.file.abs_src_path)))

    def url_of(target_language: str, md_path: str) -> str:
        target = site_file_of(prefixes[target_language], md_path)
        return get_relative_url(target[: -len("index.html")], page.url)

    markdown, links = rewrite_cross_language_links(
        markdown, path, language, tuple(prefixes), url_of, first_line=first_line
    )
    for link in links:
        _build.cross.append(
            (
                label,
                page.file.dest_uri,
                link.line,
                site_file_of(prefixes[link.target_language], link.target_path),
                link.fragment,
            )
        )

    def link(target: str) -> tuple[str, str]:
        page_path, _, anchor = target.partition("#")
        url = url_of(language, page_path)
        return (f"{url}#{anchor}" if anchor else url), link_label(Path(config.docs_dir), language, target)

    markdown, unknown = expand_exam_blocks(markdown, _build.exams, language, link)
    source = read_source(Path(page.file.abs_src_path))
    adapter.report(
        [
            Problem(
                label,
                _line_containing(source, block),
                f"'{block}' names no exam or domain in data/exams.yml.",
                "use a code and domain from data/exams.yml.",
                "exams",
            )
            for block in unknown
        ],
        log,
    )
    if page.meta.get("generated") == "corrections":
        notes, _ = load_notes(_root(config))

        def page_url(target: str, anchor: str) -> str:
            url = url_of(language, target)
            return f"{url}#{anchor}" if anchor else url

        markdown += "\n\n" + render_corrections(_build.corrections, notes, language, page_url) + "\n"
    newer = _build.stale.get((language, path))
    if newer:
        page.meta["translation_stale"] = True
        page.meta["translation_source_url"] = get_relative_url(
            site_file_of(prefixes[newer], path)[: -len("index.html")], page.url
        )
    return markdown


@event_priority(-200)
def on_post_build(config: MkDocsConfig) -> None:
    if not adapter.all_languages_built(config):
        return
    site_dir = Path(config.site_dir)
    site = SiteIndex.from_dir(site_dir)
    problems: list[Problem] = []
    prefixes = _prefixes(config)
    for site_file, (label, source) in sorted(_build.pages.items()):
        text = read_source(source)
        problems += source_link_problems(text, label, site_file, site)
        language, _, md_path = label.removeprefix("docs/").partition("/")
        if language in prefixes:
            problems += markdown_link_problems(text, label, md_path, prefixes[language], tuple(prefixes), site)
    for label, _, line, target, fragment in _build.cross:
        if not site.has(target):
            problems.append(
                Problem(
                    label,
                    line,
                    f"link to the other language: no page '{target}'.",
                    "check the path of the translated page.",
                    "links",
                )
            )
        elif fragment and fragment not in site.ids_of(target):
            problems.append(
                Problem(
                    label,
                    line,
                    f"link to the other language: '{target}' has no '#{fragment}'.",
                    "use an anchor that exists in the translated page.",
                    "links",
                )
            )
    adapter.report(problems, log)
