"""``mkdocs serve`` only: a page whose final Markdown did not change is not converted again.

Python-Markdown is about a third of a build, and after a one-line edit every other page of
both languages converts to exactly what it did last time. :func:`use_for` makes one page's
``render`` reuse the last result when everything the conversion reads is the same: the Markdown
after every ``on_page_markdown`` hook, the page's source, destination and URL, the site's files
(links resolve against them) and the Markdown and validation settings. It restores all that
``Page.render`` sets, and replays the log messages the conversion wrote, so the terminal shows
the same warnings. Pages that include snippets (``--8<--``) read other files while converting
and are always converted. ``mkdocs build`` never uses this.
"""

from __future__ import annotations

import copy
import hashlib
import logging
import types
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import TableOfContents

SNIPPET = "--8<--"


@dataclass(frozen=True)
class _Rendered:
    key: tuple[str, ...]
    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: frozenset[str] | None
    links_to_anchors: dict[str, dict[str, str]] | None  # target src_uri -> {anchor: original link}
    has_links_to_anchors: bool
    records: tuple[logging.LogRecord, ...]


# page src_uri -> its last conversions: two, as the glossary page is rendered twice per build
_renders: dict[str, list[_Rendered]] = {}
_KEEP = 2


def stable(value: Any) -> Any:
    """A representation of a setting that is the same in every rebuild (no memory addresses)."""
    if isinstance(value, dict):
        return tuple(sorted((str(k), stable(v)) for k, v in value.items()))
    if isinstance(value, list | tuple | set | frozenset):
        items = [stable(v) for v in value]
        return tuple(sorted(items, key=repr)) if isinstance(value, set | frozenset) else tuple(items)
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if callable(value) and hasattr(value, "__qualname__"):
        return ("callable", getattr(value, "__module__", ""), value.__qualname__)
    if hasattr(value, "__dict__"):
        return (type(value).__module__, type(value).__qualname__, stable(vars(value)))
    return repr(value)


def _digest(value: Any) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


def _files_state(files: Files) -> tuple:
    return tuple((f.src_uri, f.dest_uri, f.url, f.inclusion.name) for f in files)


def _config_state(config: MkDocsConfig) -> tuple:
    keys = ("markdown_extensions", "mdx_configs", "use_directory_urls", "validation", "docs_dir")
    return tuple(stable(config[key]) for key in keys)


def render_key(page: Page, config: MkDocsConfig, files: Files) -> tuple[str, ...]:
    """Everything a conversion of ``page`` depends on."""
    return (
        page.markdown or "",
        page.file.src_uri,
        page.file.dest_uri,
        page.file.url,
        _digest(_files_state(files)),  # a few ms per page; Files can be changed in place
        _digest(_config_state(config)),
    )


class _Recorder(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if not any(record is seen for seen in self.records):  # reached both loggers
            self.records.append(record)


def _restore(page: Page, files: Files, hit: _Rendered) -> None:
    page.content = hit.content
    page.toc = copy.deepcopy(hit.toc)
    page._title_from_render = hit.title
    page.present_anchor_ids = set(hit.present_anchor_ids) if hit.present_anchor_ids is not None else None
    if hit.has_links_to_anchors:
        links = hit.links_to_anchors or {}
        page.links_to_anchors = {files.get_file_from_path(uri): dict(v) for uri, v in links.items()}
    for record in hit.records:
        logging.getLogger(record.name).handle(record)


def _render(page: Page, config: MkDocsConfig, files: Files, original: Callable[..., None]) -> None:
    if SNIPPET in (page.markdown or ""):
        original(config, files)
        return
    key = render_key(page, config, files)
    kept = _renders.setdefault(page.file.src_uri, [])
    hit = next((rendered for rendered in kept if rendered.key == key), None)
    if hit is not None:
        _restore(page, files, hit)
        return
    recorder = _Recorder()
    loggers = [logging.getLogger(), logging.getLogger("mkdocs")]  # "mkdocs" may not propagate to the root
    for logger in loggers:
        logger.addHandler(recorder)
    try:
        original(config, files)
    finally:
        for logger in loggers:
            logger.removeHandler(recorder)
    has_links = "links_to_anchors" in vars(page)
    links = page.links_to_anchors if has_links else None
    kept[:] = [
        *kept[-(_KEEP - 1) :],
        _Rendered(
            key=key,
            content=page.content or "",
            toc=copy.deepcopy(page.toc),
            title=page._title_from_render,
            present_anchor_ids=frozenset(page.present_anchor_ids) if page.present_anchor_ids is not None else None,
            links_to_anchors={f.src_uri: dict(v) for f, v in links.items()} if links else links,
            has_links_to_anchors=has_links,
            records=tuple(recorder.records),
        ),
    ]


def use_for(page: Page) -> None:
    """Make ``page.render`` reuse the last conversion of the same inputs (serve mode only)."""
    original = page.render
    if getattr(original, "_wiki_cached", False):
        return

    def render(self: Page, config: MkDocsConfig, files: Files) -> None:
        _render(self, config, files, original)

    render._wiki_cached = True  # type: ignore[attr-defined]
    page.render = types.MethodType(render, page)  # type: ignore[method-assign]


def clear() -> None:
    """Forget every conversion (tests)."""
    _renders.clear()
