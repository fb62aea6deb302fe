"""What data files may point at inside a page: its title and its explicit heading anchors.

Corrections, claims, exam tasks and questions all name ``page.md#anchor``;
this reads the page source once per call and answers whether the target
exists and how to label a link to it.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from wikitools.markdown_scan import headings, page_title
from wikitools.source_files import read_source

_MARKUP = re.compile(r"[`*_]|\[\[|\]\]")


def page_outline(docs_dir: Path, language: str, page: str) -> tuple[str, dict[str, str]] | None:
    """(title, {anchor: heading text}) of ``docs/<language>/<page>``, or None when it does not exist."""
    file = docs_dir / language / page
    try:
        stat = file.stat()
    except OSError:
        return None
    if not file.is_file():
        return None
    return _outline(str(file), stat.st_mtime_ns, stat.st_size)


@lru_cache(maxsize=4096)
def _outline(path: str, mtime_ns: int, size: int) -> tuple[str, dict[str, str]]:
    """Read once per version of the file: every data source (claims, corrections, exams, questions)
    asks about the same few dozen pages, and ``mkdocs serve`` keeps this module between rebuilds."""
    text = read_source(Path(path))  # a page in another encoding is reported elsewhere; read it lossily here
    return page_title(text), {anchor: _MARKUP.sub("", title) for _, _, title, anchor in headings(text) if anchor}


def page_anchors(docs_dir: Path, language: str, page: str) -> set[str] | None:
    """Explicit heading anchors of a page, or None when the page does not exist."""
    outline = page_outline(docs_dir, language, page)
    return None if outline is None else set(outline[1])


def link_label(docs_dir: Path, language: str, target: str) -> str:
    """ "Page title: section heading" for ``page.md#anchor`` (the path itself when the page is missing)."""
    page, _, anchor = target.partition("#")
    outline = page_outline(docs_dir, language, page)
    if outline is None:
        return target
    title, sections = outline
    if anchor and anchor in sections:
        return f"{title}{'：' if language == 'ja' else ': '}{sections[anchor]}"
    return title
