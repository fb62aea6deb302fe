"""Translation parity and freshness between the two languages of each page.

Parity: both languages have the page, with the same heading anchors and the
same number of diagrams and code blocks. Freshness: ``translations.lock.json``
records, per page pair, a hash of each language's body (front matter excluded)
as of the last time the two were in sync. On a normal clone, without history,
the build compares: if one side changed and the other did not, the unchanged
side is a stale translation. ``python -m wikitools.translations mark PATH``
records a pair as in sync again; ``defer PATH`` lets a stale page ship with
its banner instead of failing the build. When *both* languages changed since
the last ``mark`` the pair is in its own state, "both changed": the build says
so until someone checks the two agree and marks them (otherwise freshness
tracking would silently stop for that pair).

The lock holds one page pair per line (comma first, so every line stands on
its own) and ``.gitattributes`` merges it with ``merge=union``: two pull
requests that add neighbouring pages merge without a conflict. A lock that is
not valid JSON (an unresolved conflict) is reported once, first, with its line.

Usage::

    python -m wikitools.translations status
    python -m wikitools.translations mark docs/en/sagemaker/train.md [...]
    python -m wikitools.translations mark --all
    python -m wikitools.translations defer docs/en/sagemaker/train.md
    python -m wikitools.translations prune     (drop entries of renamed or deleted pages)
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from wikitools.file_cache import cached
from wikitools.markdown_scan import classify_lines, front_matter_end, headings
from wikitools.page_pairs import PagePair, page_pairs
from wikitools.problems import Problem
from wikitools.slugs import slugify
from wikitools.source_files import read_source

LANGUAGES = ("ja", "en")
LOCK_NAME = "translations.lock.json"
LOCK_HEADER = '{"//": "one page pair per line: python -m wikitools.translations mark|defer|status"'
_CONFLICT_MARKERS = ("<<<<<<<", "=======", ">>>>>>>", "|||||||")
IN_SYNC, STALE, BOTH_CHANGED, UNRECORDED, INCOMPLETE = "in sync", "stale", "both changed", "unrecorded", "incomplete"


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


def _read_shape(file: Path) -> Shape:
    return page_shape(read_source(file))


def _read_body_hash(file: Path) -> str:
    return body_hash(read_source(file))


def _shape_of(file: Path) -> Shape:
    """Per version of the file: ``mkdocs serve`` compares every pair again after each save."""
    return cached("page_shape", [file], _read_shape, file)


def _body_hash_of(file: Path) -> str:
    return cached("body_hash", [file], _read_body_hash, file)


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
    shapes = {lang: _shape_of(pair.files[lang]) for lang in LANGUAGES}
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


def _lock_problem(line: int | None, message: str, fix: str) -> Problem:
    return Problem(LOCK_NAME, line, message, fix, "translation")


_LOCK_FIX = (
    f"resolve it: keep both sides' page lines (or run: git checkout --theirs {LOCK_NAME}), then re-run "
    "python -m wikitools.translations mark docs/en/<page>.md for the pages you changed."
)


def parse_lock(text: str) -> tuple[dict[str, Any] | None, list[Problem]]:
    """The lock as {page: entry}, or None with ONE problem that names the line when it cannot be used."""
    for number, line in enumerate(text.splitlines(), 1):
        if line.startswith(_CONFLICT_MARKERS):
            return None, [_lock_problem(number, "unresolved merge conflict in the translation lock.", _LOCK_FIX)]
    objects: list[list[tuple[str, Any]]] = []  # key/value pairs of each object; the outermost comes last
    try:
        data = json.loads(text, object_pairs_hook=lambda pairs: (objects.append(pairs), dict(pairs))[1])
    except (json.JSONDecodeError, RecursionError) as error:
        line = getattr(error, "lineno", None)
        reason = getattr(error, "msg", "too deeply nested")
        return None, [_lock_problem(line, f"invalid JSON in the translation lock ({reason}).", _LOCK_FIX)]
    if not isinstance(data, dict):
        return None, [_lock_problem(1, "the translation lock must be a JSON object.", _LOCK_FIX)]
    lock = {k: v for k, v in data.items() if k != "//"}
    problems = []
    keys = [key for key, _ in objects[-1] if key in lock]
    for key in sorted({k for k in keys if keys.count(k) > 1}):
        lines = _entry_lines(text, key)
        problems.append(
            _lock_problem(
                lines[-1] if lines else None,
                f"page '{key}' has more than one entry (lines {', '.join(map(str, lines))}): a merge kept both sides.",
                f"check both languages agree, then run: python -m wikitools.translations mark docs/en/{key}",
            )
        )
    bad = [k for k, v in lock.items() if not isinstance(v, dict)]
    for key in bad:
        problems.append(_lock_problem(None, f"entry for '{key}' is not an object.", f"re-run mark for docs/en/{key}."))
        del lock[key]
    return lock, problems


def _entry_lines(text: str, key: str) -> list[int]:
    """Lines of the lock text that hold ``key``'s entry (one page per line, comma first)."""
    return [n for n, line in enumerate(text.splitlines(), 1) if line.lstrip(",").startswith(json.dumps(key))]


def orphan_entries(lock: dict[str, Any], pages: set[str]) -> list[str]:
    """Entries whose page exists in no language (renamed or deleted): left alone they would
    silently take back a page that reappears under the old name."""
    return sorted(set(lock) - pages)


def read_lock_checked(root: Path, pages: set[str] | None = None) -> tuple[dict[str, Any] | None, list[Problem]]:
    """Read ``translations.lock.json`` below ``root``; never raises (None: unusable, see the problem).

    Given the site's ``pages`` (page pair paths), entries of pages that no longer exist are
    problems too, each with its line."""
    path = root / LOCK_NAME
    if not path.exists():
        return {}, []
    text = read_source(path)
    lock, problems = parse_lock(text)
    if lock is not None and pages is not None:
        for key in orphan_entries(lock, pages):
            lines = _entry_lines(text, key)
            problems.append(
                _lock_problem(
                    lines[0] if lines else None,
                    f"entry for '{key}', a page that no longer exists (renamed or deleted).",
                    "run: python -m wikitools.translations prune",
                )
            )
    return lock, problems


def format_lock(lock: dict[str, Any]) -> str:
    """One page pair per line, comma first, sorted: neighbouring additions never touch the same line."""
    lines = [LOCK_HEADER]
    for path, entry in sorted(lock.items()):
        lines.append("," + json.dumps(path, ensure_ascii=False) + ": " + json.dumps(entry, ensure_ascii=False))
    return "\n".join([*lines, "}"]) + "\n"


def freshness_state(pair: PagePair, lock: dict[str, Any]) -> tuple[str, list[str]]:
    """(state, stale languages): in sync, stale, both changed, unrecorded or incomplete."""
    if any(lang not in pair.files for lang in LANGUAGES):
        return INCOMPLETE, []
    entry = lock.get(pair.path)
    if not entry:
        return UNRECORDED, []
    changed = {lang: _body_hash_of(pair.files[lang]) != entry.get(lang) for lang in LANGUAGES}
    if all(changed.values()):
        return BOTH_CHANGED, []
    if not any(changed.values()):
        return IN_SYNC, []
    return STALE, [lang for lang in LANGUAGES if not changed[lang]]


def stale_languages(pair: PagePair, lock: dict[str, Any]) -> list[str]:
    """Languages whose page did not follow a change made in the other language."""
    return freshness_state(pair, lock)[1]


def freshness_problems(pair: PagePair, lock: dict[str, Any] | None, label: dict[str, str]) -> list[Problem]:
    """Stale, both-changed and unrecorded pairs; nothing when the lock is unusable (reported once, first)."""
    if lock is None:
        return []
    problems = []
    entry = lock.get(pair.path)
    state, stale = freshness_state(pair, lock)
    if state == BOTH_CHANGED and not entry.get("deferred"):
        problems.append(
            Problem(
                label["en"],
                None,
                f"both languages changed since the pair was last marked in sync ({label['ja']} and {label['en']}); "
                "freshness is not tracked for it until you mark it.",
                f"check that the two pages say the same, then run: python -m wikitools.translations mark {label['en']}",
                "translation",
            )
        )
    if state == UNRECORDED:
        problems.append(
            Problem(
                label["en"],
                None,
                "page pair has no entry in translations.lock.json.",
                f"run: python -m wikitools.translations mark {label['en']}",
                "translation",
            )
        )
    for lang in stale:
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


def translation_problems(pair: PagePair, lock: dict[str, Any] | None, label: dict[str, str]) -> list[Problem]:
    """Parity and freshness of one page pair."""
    return parity_problems(pair, label) + freshness_problems(pair, lock, label)


def _pair_path(arg: str) -> str:
    parts = Path(arg).as_posix().split("/")
    for index, part in enumerate(parts):
        if part in LANGUAGES and index > 0 and parts[index - 1] == "docs":
            return "/".join(parts[index + 1 :])
    return Path(arg).as_posix()


def main(argv: list[str], root: Path | None = None) -> int:
    root = root or Path.cwd()
    if not argv or argv[0] not in ("status", "mark", "defer", "prune"):
        print(__doc__)
        return 2
    pairs = {pair.path: pair for pair in page_pairs(root / "docs", LANGUAGES)}
    lock, problems = read_lock_checked(root, set(pairs))
    if lock is None:
        for problem in problems:
            print(problem, file=sys.stderr)
        return 2
    command, args = argv[0], argv[1:]
    if command == "prune":
        for path in orphan_entries(lock, set(pairs)):
            del lock[path]
            print(f"prune: {path}")
        (root / LOCK_NAME).write_text(format_lock(lock), encoding="utf-8")
        return 0
    if command == "status":
        for path, pair in pairs.items():
            state, stale = freshness_state(pair, lock)
            detail = {STALE: "stale: " + ", ".join(stale), BOTH_CHANGED: "both changed: check they agree, then mark"}
            deferred = " (deferred)" if lock.get(path, {}).get("deferred") else ""
            print(f"{path}: {detail.get(state, state)}{deferred}")
        for problem in problems:
            print(problem, file=sys.stderr)
        return 0
    targets = list(pairs) if args == ["--all"] else [_pair_path(a) for a in args]
    for path in targets:
        pair = pairs.get(path)
        if pair is None or any(lang not in pair.files for lang in LANGUAGES):
            print(f"{path}: needs a page in every language ({', '.join(LANGUAGES)})", file=sys.stderr)
            return 2
        if command == "mark":
            lock[path] = {lang: body_hash(read_source(pair.files[lang])) for lang in LANGUAGES}
        else:
            lock.setdefault(path, {})["deferred"] = True
        print(f"{command}: {path}")
    (root / LOCK_NAME).write_text(format_lock(lock), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
