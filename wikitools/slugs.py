"""Heading anchors that stay readable in Japanese.

Python-Markdown's default slugify drops every non-ASCII character, so a
Japanese heading would get an empty or numbered anchor. We keep letters and
digits of every script, fold width and case (NFKC + lower), and turn
everything else into single hyphens. Authors should still give shared
headings explicit ``{#id}`` anchors so both languages link the same way.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

_SEPARATORS = re.compile(r"[^\w]+", re.UNICODE)


def slugify(value: str, separator: str = "-") -> str:
    """Return a stable anchor for ``value``: NFKC-folded, lower-case, punctuation to ``separator``."""
    text = unicodedata.normalize("NFKC", value).strip().lower()
    text = text.replace("_", separator)
    text = _SEPARATORS.sub(separator, text)
    return text.strip(separator)


def slugify_factory() -> Callable[[str, str], str]:
    """Entry point for ``mkdocs.yml`` (``!!python/object/apply``) returning :func:`slugify`."""
    return slugify
