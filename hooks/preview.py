"""MkDocs adapter for where problems are shown: the preview page, and GitHub's job summary.

``mkdocs serve`` must never stop answering because of a content problem (a
stale translation after a one-sided edit is the most natural first step of a
translation): while serving, the build is not strict, and each page shows its
problems in a visible notice; the terminal lists them too. ``mkdocs build
--strict`` and CI still fail on every one. Under GitHub Actions, after all
languages are built (or the strict build stops), the job summary gets the problem table and the
translation status. The logic lives in ``wikitools.ci_report``. While serving, a page
whose final Markdown is unchanged reuses its last conversion (``wikitools.render_cache``),
and a page whose HTML is unchanged its last search entries (``wikitools.search_cache``).
"""

from __future__ import annotations

import atexit
import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler

from wikitools import adapter, render_cache, search_cache
from wikitools.ci_report import page_notice, summary, touched_pages
from wikitools.page_pairs import page_pairs
from wikitools.translations import LANGUAGES, read_lock_checked, stale_languages

# MkDocs re-imports hooks from a fresh config on every rebuild of ``serve``, but sends
# ``on_startup`` only once: the process environment is what outlives a rebuild.
SERVING = "AWS_ML_WIKI_SERVING"
_summary_registered = False


def on_startup(command: str, dirty: bool) -> None:
    os.environ[SERVING] = "1" if command == "serve" else ""


def _serving() -> bool:
    return os.environ.get(SERVING) == "1"


@event_priority(200)  # before every other hook reports anything
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _summary_registered
    if adapter.current_language(config) == adapter.default_language(config):
        adapter.reported.clear()
        if os.environ.get("GITHUB_STEP_SUMMARY") and not _summary_registered:
            atexit.register(_write_summary, config)
            _summary_registered = True
    if _serving() and config.strict:
        _stop_counting_warnings()
    return config


def _stop_counting_warnings() -> None:
    """Serve-only: MkDocs counts warnings for ``strict`` before ``on_config``; stop that count, so a
    content problem is shown on the page and in the terminal instead of stopping every rebuild."""
    logger = logging.getLogger("mkdocs")
    for handler in list(logger.handlers):
        if isinstance(handler, CountHandler):
            logger.removeHandler(handler)


def on_pre_build(config: MkDocsConfig) -> None:
    """Serve-only: an unchanged page is not parsed for search again (``wikitools.search_cache``)."""
    search = config.plugins.get("material/search")
    if _serving() and search is not None and getattr(search, "search_index", None) is not None:
        search_cache.use_for(search.search_index)


@event_priority(-1000)  # after every other hook: they may all change the Markdown
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Serve-only: an unchanged page is not converted again (``wikitools.render_cache``)."""
    if _serving():
        render_cache.use_for(page)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    if not _serving():
        return output
    label = adapter.source_label(config, page.file)
    notice = page_notice([p for p in adapter.reported if p.file == label])
    marker = '<article class="md-content__inner md-typeset">'
    return output.replace(marker, marker + notice, 1) if notice and marker in output else output


def _write_summary(config: MkDocsConfig) -> None:
    """Runs at exit, so a strict build that aborts half-way still gets its summary."""
    root = adapter.project_root(config)
    lock = read_lock_checked(root)[0] or {}
    pairs = page_pairs(Path(config.docs_dir), LANGUAGES)
    stale = [f"{lang}/{pair.path}" for pair in pairs for lang in stale_languages(pair, lock)]
    deferred = sorted(path for path, entry in lock.items() if isinstance(entry, dict) and entry.get("deferred"))
    base = os.environ.get("GITHUB_BASE_REF", "")
    touched = touched_pages(root, base) if base else []
    text = summary(list(dict.fromkeys(adapter.reported)), stale, deferred, len(pairs) * len(LANGUAGES), touched)
    with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as handle:
        handle.write(text + "\n")
