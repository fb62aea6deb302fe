"""``mkdocs serve`` only: a page whose HTML did not change is not parsed for search again.

Material's search plugin parses every page's HTML into index entries on every build,
about 0.8 s of a serve rebuild on this site, although after a one-line edit all pages
but one give exactly the entries they gave last time. :func:`use_for` makes one
``SearchIndex`` reuse, per page URL, the entries of the last parse when everything the
parse reads is the same: the page's HTML, URL, table of contents, its ``search`` front
matter and the index settings. ``mkdocs build`` never uses this.
"""

from __future__ import annotations

import copy
import hashlib
import types
from typing import Any

from wikitools.render_cache import stable

# page URL -> (key, the entries the page added)
_entries: dict[str, tuple[str, list[Any]]] = {}


def _toc_state(toc: Any) -> Any:
    return tuple((item.id, item.title, item.level, _toc_state(item.children)) for item in toc or ())


def entry_key(page: Any, settings: dict[str, Any]) -> str:
    """Digest of everything Material's ``add_entry_from_context`` reads from ``page``."""
    state = (
        page.url,
        page.content or "",
        _toc_state(page.toc),
        stable(page.meta.get("search")),
        stable(page.title),
        stable(settings),
    )
    return hashlib.sha256(repr(state).encode("utf-8")).hexdigest()


def use_for(index: Any) -> None:
    """Make ``index.add_entry_from_context`` reuse the last entries of an unchanged page."""
    original = index.add_entry_from_context
    if getattr(original, "_wiki_cached", False):
        return

    def add_entry_from_context(self: Any, page: Any) -> None:
        key = entry_key(page, self.config)
        hit = _entries.get(page.url)
        if hit is not None and hit[0] == key:
            self.entries.extend(copy.deepcopy(hit[1]))
            return
        before = len(self.entries)
        original(page)
        _entries[page.url] = (key, copy.deepcopy(self.entries[before:]))

    add_entry_from_context._wiki_cached = True  # type: ignore[attr-defined]
    index.add_entry_from_context = types.MethodType(add_entry_from_context, index)


def clear() -> None:
    """Forget every page's entries (tests)."""
    _entries.clear()
