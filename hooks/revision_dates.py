"""MkDocs adapter: show each page's last-updated date (see ``wikitools.revision_dates``)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from wikitools import adapter
from wikitools.revision_dates import format_date, read_git_dates

_dates: dict[str, str] | None = None


def _git_dates(config: MkDocsConfig) -> dict[str, str]:
    global _dates
    if _dates is None:  # once per process, although every language build calls us
        _dates = read_git_dates(adapter.project_root(config))
    return _dates


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    docs = Path(config.docs_dir).name
    date = _git_dates(config).get(f"{docs}/{page.file.src_path}") or page.meta.get("last_reviewed")
    if date:
        page.meta["revision_date"] = format_date(str(date), config.theme["language"])
    return markdown
