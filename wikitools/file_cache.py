"""Results derived from files, kept while the files are unchanged.

``mkdocs serve`` rebuilds both languages after every save and re-imports the
hook files, but ``wikitools`` stays imported: a result kept here lets a data
file or page that did not change skip its parsing and checks on the next
language build and on every rebuild. A file counts as unchanged while its
path, modification time (ns) and size are the same. Cached values are shared:
callers must treat them as read-only (problem lists are copied on the way out).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

Stamp = tuple[str, int, int] | tuple[str, None, None]

# (kind, paths, extra arguments) -> (stamps of the paths, value): one entry per file set, so an
# edited file replaces its entry instead of piling up versions during a long serve session.
_store: dict[Hashable, tuple[tuple[Hashable, ...], Any]] = {}


def stamp(path: Path) -> Stamp:
    """What identifies a version of a file: path, mtime in ns and size (None, None when missing)."""
    try:
        info = path.stat()
    except OSError:
        return (str(path), None, None)
    return (str(path), info.st_mtime_ns, info.st_size)


def cached(kind: str, paths: Iterable[Path], compute: Callable[..., T], *args: Hashable) -> T:
    """``compute(*args)``, or the value it returned last time for the same unchanged ``paths`` and ``args``.

    ``compute`` must depend only on the contents of ``paths`` and on ``args``.
    """
    paths = tuple(paths)
    key = (kind, tuple(str(p) for p in paths), args)
    stamps = tuple(stamp(p) for p in paths)
    hit = _store.get(key)
    if hit is not None and hit[0] == stamps:
        return hit[1]
    value = compute(*args)
    _store[key] = (stamps, value)
    return value


def cached_text(kind: str, text: str, compute: Callable[..., T], *args: Hashable) -> T:
    """``compute(text, *args)``, or its last value for the same ``kind`` and ``args`` if ``text`` is unchanged.

    For checks of text already in memory (a page's source): one entry per ``(kind, args)``.
    """
    key = (kind, "text", args)
    hit = _store.get(key)
    if hit is not None and hit[0] == (text,):
        return hit[1]
    value = compute(text, *args)
    _store[key] = ((text,), value)
    return value


def clear() -> None:
    """Forget everything (tests)."""
    _store.clear()
