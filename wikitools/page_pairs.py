"""The page pairs: every page of the wiki in each language, by its shared path.

One source of truth for "which pages exist": the files under ``docs/<lang>/``.
The parity and freshness checks and the link checker all start from here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class PagePair:
    path: str  # shared path inside each language folder, e.g. "sagemaker/train.md"
    files: dict[str, Path]  # language -> file (missing languages are absent)


def page_pairs(docs_dir: Path, languages: tuple[str, ...]) -> list[PagePair]:
    paths: dict[str, dict[str, Path]] = {}
    for language in languages:
        root = docs_dir / language
        if not root.is_dir():
            continue
        for file in sorted(root.rglob("*.md")):
            paths.setdefault(file.relative_to(root).as_posix(), {})[language] = file
    return [PagePair(path, files) for path, files in sorted(paths.items())]
