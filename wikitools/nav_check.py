"""The navigation in mkdocs.yml names pages that exist in every language, reported with its line.

MkDocs' own message names the path as the i18n plugin rewrote it
(``ja/sagemaker/x.md``), which leads contributors to write that form into the
nav, where it is wrong: nav entries are paths inside the language folders.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from wikitools.problems import Problem


def nav_paths(nav: Any) -> Iterator[str]:
    """Every local page path in a nav structure (titles and external links skipped)."""
    if isinstance(nav, str):
        if not nav.startswith(("http://", "https://", "/")):
            yield nav
    elif isinstance(nav, list):
        for item in nav:
            yield from nav_paths(item)
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from nav_paths(value)


def nav_problems(config_text: str, nav: Any, docs_dir: Path, languages: tuple[str, ...]) -> list[Problem]:
    lines = config_text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.startswith("nav:")), 0)
    problems = []
    for path in dict.fromkeys(nav_paths(nav)):
        line = next((i + 1 for i in range(start, len(lines)) if path in lines[i]), start + 1)
        first = path.split("/", 1)[0]
        for language in languages:
            if (docs_dir / language / path).is_file():
                continue
            if first in languages:
                fix = (
                    f"write '{path.split('/', 1)[-1]}': nav paths are inside the language folders, without '{first}/'."
                )
            else:
                fix = f"create docs/{language}/{path} (every page exists in each language) or correct the entry."
            problems.append(
                Problem("mkdocs.yml", line, f"nav entry '{path}' has no page docs/{language}/{path}.", fix, "nav")
            )
    return problems
