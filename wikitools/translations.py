"""Translation parity and freshness between the two languages of each page.

Parity: both languages have the page, with the same heading anchors and the
same number of diagrams and code blocks. Freshness: ``translations.lock.json``
records, per page pair, a hash of each language's body (front matter excluded)
as of the last time the two were in sync. On a normal clone, without history,
the build compares: if one side changed and the other did not, the unchanged
side is a stale translation. ``python -m wikitools.translations mark PATH``
records a pair as in sync again; ``defer PATH`` lets a stale page ship with
its banner instead of failing the build.

Usage::

    python -m wikitools.translations status
    python -m wikitools.translations mark docs/en/sagemaker/train.md [...]
    python -m wikitools.translations mark --all
    python -m wikitools.translations defer docs/en/sagemaker/train.md
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wikitools.markdown_scan import classify_lines, front_matter_end, headings
from wikitools.page_pairs import PagePair, page_pairs
from wikitools.problems import Problem
from wikitools.slugs import slugify

LANGUAGES = ("ja", "en")
LOCK_NAME = "translations.lock.json"


def body_hash(text: str) -> str:
    """Hash of a page without its front matter, so metadata edits do not make translations stale."""
    lines = text.replace("\r\n", "\n").split("\n")
    start = front_matter_end(text)
    body = "\n".join(lines[start:]).strip()
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True)
class Shape:
    """What must match between a page and its translation."""

    anchors: dict[str, int]  # anchor -> line
    diagrams: int
    code_blocks: int


def page_shape(text: str) -> Shape:
    anchors: dict[str, int] = {}
    for line, level, title, explicit in headings(text):
        if level == 1:
            continue
        anchors.setdefault(explicit or slugify(title), line)
    diagrams = code = 0
    start = front_matter_end(text)
    for _, _, kind, info in classify_lines(text.splitlines(), start):
        if kind == "open":
            diagrams += info == "mermaid"
            code += info != "mermaid"
    return Shape(anchors, diagrams, code)


def parity_problems(pair: PagePair, label: dict[str, str]) -> list[Problem]:
    """Problems between the languages of one page pair; ``label`` names each language's file."""
    missing = [lang for lang in LANGUAGES if lang not in pair.files]
    if missing:
        have = next(lang for lang in LANGUAGES if lang in pair.files)
        return [
            Problem(
                label[lang],
                None,
                f"translation missing: {label[have]} has no {lang} version.",
                f"create {label[lang]} with the same headings and anchors.",
                "translation",
            )
            for lang in missing
        ]
    shapes = {lang: page_shape(pair.files[lang].read_text(encoding="utf-8")) for lang in LANGUAGES}
    ja, en = shapes["ja"], shapes["en"]
    problems = []
    for anchor in sorted(set(ja.anchors) ^ set(en.anchors)):
        has, lacks = ("ja", "en") if anchor in ja.anchors else ("en", "ja")
        problems.append(
            Problem(
                label[has],
                shapes[has].anchors[anchor],
                f"heading anchor '#{anchor}' has no counterpart in {label[lacks]}.",
                f"give the matching heading in {label[lacks]} the anchor {{#{anchor}}}.",
                "translation",
            )
        )
    for what, a, b in (("Mermaid diagrams", ja.diagrams, en.diagrams), ("code blocks", ja.code_blocks, en.code_blocks)):
        if a != b:
            problems.append(
                Problem(
                    label["ja"],
                    None,
                    f"{label['ja']} has {a} {what} but {label['en']} has {b}.",
                    "keep the same diagrams and code blocks in both languages.",
                    "translation",
                )
            )
    return problems


def read_lock(root: Path) -> dict[str, Any]:
    path = root / LOCK_NAME
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as error:
        raise ValueError(f"{LOCK_NAME}:{error.lineno}: invalid JSON ({error.msg})") from error
    return data if isinstance(data, dict) else {}


def stale_languages(pair: PagePair, lock: dict[str, Any]) -> list[str]:
    """Languages whose page did not follow a change made in the other language."""
    entry = lock.get(pair.path)
    if not entry or any(lang not in pair.files for lang in LANGUAGES):
        return []
    changed = {lang: body_hash(pair.files[lang].read_text(encoding="utf-8")) != entry.get(lang) for lang in LANGUAGES}
    if all(changed.values()) or not any(changed.values()):
        return []
    return [lang for lang in LANGUAGES if not changed[lang]]


def freshness_problems(pair: PagePair, lock: dict[str, Any], label: dict[str, str]) -> list[Problem]:
    problems = []
    entry = lock.get(pair.path)
    if entry is None and all(lang in pair.files for lang in LANGUAGES):
        problems.append(
            Problem(
                label["en"],
                None,
                "page pair has no entry in translations.lock.json.",
                f"run: python -m wikitools.translations mark {label['en']}",
                "translation",
            )
        )
    for lang in stale_languages(pair, lock):
        other = next(o for o in LANGUAGES if o != lang)
        if entry.get("deferred"):
            continue
        problems.append(
            Problem(
                label[lang],
                None,
                f"stale translation: {label[other]} changed after this page was last synced.",
                f"update {label[lang]} to match, then run: python -m wikitools.translations mark "
                f"{label[lang]} (or 'defer' to ship it with an out-of-date banner).",
                "translation",
            )
        )
    return problems


def _pair_path(arg: str) -> str:
    parts = Path(arg).as_posix().split("/")
    for index, part in enumerate(parts):
        if part in LANGUAGES and index > 0 and parts[index - 1] == "docs":
            return "/".join(parts[index + 1 :])
    return Path(arg).as_posix()


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    if not argv or argv[0] not in ("status", "mark", "defer"):
        print(__doc__)
        return 2
    pairs = {pair.path: pair for pair in page_pairs(root / "docs", LANGUAGES)}
    try:
        lock = read_lock(root)
    except ValueError as error:
        print(error, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    if command == "status":
        for path, pair in pairs.items():
            stale = stale_languages(pair, lock)
            state = "unrecorded" if path not in lock else ("stale: " + ", ".join(stale) if stale else "in sync")
            print(f"{path}: {state}")
        return 0
    targets = list(pairs) if args == ["--all"] else [_pair_path(a) for a in args]
    for path in targets:
        pair = pairs.get(path)
        if pair is None or any(lang not in pair.files for lang in LANGUAGES):
            print(f"{path}: needs a page in every language ({', '.join(LANGUAGES)})", file=sys.stderr)
            return 2
        if command == "mark":
            lock[path] = {lang: body_hash(pair.files[lang].read_text(encoding="utf-8")) for lang in LANGUAGES}
        else:
            lock.setdefault(path, {})["deferred"] = True
        print(f"{command}: {path}")
    (root / LOCK_NAME).write_text(
        json.dumps(dict(sorted(lock.items())), indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
