"""Data never reaches a page as live markup: scan loaded data, escape what is rendered.

Glossary YAML, ``data/`` files and front matter are plain text: every field is
shown escaped (``html.escape``), so a ``<script>`` in a definition reads as the
characters ``<script>`` on the page. Markup in data is still a mistake (or an
attack), so :func:`markup_problems` reports it with ``file:line`` and the
strict build fails; the escaping is the second line of defence for builds
that are not strict. Pure functions: callable for any YAML or JSON structure.

Typical use for a data file::

    from wikitools.data_safety import scan_yaml_file
    problems = scan_yaml_file(root / "data/exams.yml", "data/exams.yml")
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import yaml

from wikitools.file_cache import cached
from wikitools.problems import Problem
from wikitools.source_files import encoding_problem
from wikitools.yaml_lines import error_line, error_reason, line_of, load_with_nodes

# Element names a browser would act on. Placeholders such as "<job name>" are prose: they are
# escaped like everything else but not reported. Custom elements (with a hyphen) and any tag with
# an attribute value (``<x y=...``) are reported too.
HTML_ELEMENTS = frozenset(
    """a abbr address area article aside audio b base bdi bdo blockquote body br button canvas caption cite code
    col colgroup data datalist dd del details dfn dialog div dl dt em embed fieldset figcaption figure footer form
    frame frameset h1 h2 h3 h4 h5 h6 head header hgroup hr html i iframe img input ins kbd label legend li link main
    map mark marquee math menu meta meter nav noscript object ol optgroup option output p param picture portal pre
    progress q rp rt ruby s samp script search section select slot small source span strong style sub summary sup svg
    table tbody td template textarea tfoot th thead time title tr track u ul var video wbr image animate set use
    foreignobject xmp plaintext listing applet basefont bgsound blink center font isindex keygen noembed noframes
    spacer tt""".split()
)
_TAG = re.compile(r"</?([a-zA-Z][a-zA-Z0-9:-]*)(?=[\s/>]|$)([^<>]*)")


def _has_tag(text: str) -> bool:
    for match in _TAG.finditer(text):
        name = match.group(1).lower()
        if name in HTML_ELEMENTS or "-" in name or ":" in name or "=" in match.group(2):
            return True
    return False


# What makes plain text into markup once it lands in HTML or Markdown.
_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"<!--|<!\[CDATA\[|<\?|<!\w", re.IGNORECASE), "an HTML comment or declaration"),
    (re.compile(r"\b(?:javascript|vbscript)\s*:|\bdata:[\w.+-]+/[\w.+-]+[;,]", re.IGNORECASE), "a script or data URL"),
    (re.compile(r"(?:^|[\s\"'/;])on[a-z]+\s*=", re.IGNORECASE), "an event-handler attribute"),
    (re.compile(r"&(?:#\d+|#x[0-9a-f]+|[a-z][a-z0-9]*);", re.IGNORECASE), "an HTML character reference"),
)
_LIST_START = re.compile(r"^(\d*)([-.])")
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_\[\]{}()#+!])")  # Python-Markdown's escapable characters


def markup_in(text: str) -> str | None:
    """What kind of markup ``text`` contains (e.g. "an HTML tag"), or None for plain text."""
    if "<" in text and _has_tag(text):
        return "an HTML tag"
    for pattern, kind in _PATTERNS:
        if pattern.search(text):
            return kind
    return None


def walk_strings(data: Any, path: tuple[Any, ...] = ()) -> Iterator[tuple[tuple[Any, ...], str]]:
    """(path, text) for every string in a loaded YAML/JSON structure, mapping keys included."""
    if isinstance(data, str):
        yield path, data
    elif isinstance(data, dict):
        for key, value in data.items():
            if isinstance(key, str):
                yield (*path, key), key
            yield from walk_strings(value, (*path, key))
    elif isinstance(data, (list, tuple)):
        for index, value in enumerate(data):
            yield from walk_strings(value, (*path, index))


def _label(data: Any, path: tuple[Any, ...]) -> str:
    """A readable path such as "term 'sagemaker' en.short" (list items named by their id when they have one)."""
    parts: list[str] = []
    for step in path:
        if isinstance(step, int) and isinstance(data, list):
            data = data[step]
            item_id = data.get("id") if isinstance(data, dict) else None
            parts.append(f"'{item_id}'" if isinstance(item_id, str) else f"[{step}]")
        else:
            data = data.get(step) if isinstance(data, dict) else None
            parts.append(str(step))
    return " ".join(parts).replace(" [", "[") if parts else "value"


def markup_problems(
    data: Any,
    source: str,
    node: yaml.Node | None = None,
    *,
    line_offset: int = 0,
    check: str = "data",
    allow: frozenset[str] = frozenset(),
) -> list[Problem]:
    """One problem per string in ``data`` that contains markup, with the line from ``node`` when given.

    ``allow`` names fields (the last key of a path) that may hold markup on purpose;
    none do today. ``line_offset`` shifts node lines (front matter starts below ``---``).
    """
    problems = []
    for path, text in walk_strings(data):
        if path and path[-1] in allow:
            continue
        kind = markup_in(text)
        if kind is None:
            continue
        line = line_of(node, list(path)) if node is not None else None
        where = _label(data, path)
        snippet = text if len(text) <= 40 else text[:37] + "..."
        problems.append(
            Problem(
                source,
                line + line_offset if line else None,
                f"{where} contains {kind} ({snippet!r}); data is plain text and is shown escaped.",
                "remove the markup and write plain text (links go in the *_url fields).",
                check,
            )
        )
    return problems


def scan_yaml_text(text: str, source: str, check: str = "data") -> list[Problem]:
    """Parse YAML text and return its syntax error or the markup it contains."""
    try:
        data, node = load_with_nodes(text)
    except yaml.YAMLError as error:
        reason = f"invalid YAML: {error_reason(error)}."
        return [Problem(source, error_line(error), reason, "fix the YAML syntax.", check)]
    return markup_problems(data, source, node, check=check)


def scan_json_text(text: str, source: str, check: str = "data") -> list[Problem]:
    """Parse JSON text and return its syntax error or the markup it contains (no per-value lines)."""
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        return [Problem(source, error.lineno, f"invalid JSON: {error.msg}.", "fix the JSON syntax.", check)]
    return markup_problems(data, source, check=check)


def scan_data_file(path: Path, source: str, check: str = "data") -> list[Problem]:
    """Check one ``.yml``/``.yaml``/``.json`` data file: encoding, syntax and markup. Never raises.

    Kept per version of the file (:mod:`wikitools.file_cache`): ``mkdocs serve`` rechecks on every save.
    """
    return list(cached("scan_data_file", [path], _scan_data_file, path, source, check))


def _scan_data_file(path: Path, source: str, check: str) -> list[Problem]:
    try:
        raw = path.read_bytes()
    except OSError as error:
        return [Problem(source, None, f"cannot read the file ({error.strerror}).", "check the file exists.", check)]
    bad = encoding_problem(raw, source)
    if bad is not None:
        return [bad]
    text = raw.decode("utf-8")
    if path.suffix == ".json":
        return scan_json_text(text, source, check)
    return scan_yaml_text(text, source, check)


def scan_data_dir(root: Path, folder: str = "data") -> list[Problem]:
    """Every YAML and JSON file below ``root/folder`` (absent folder: nothing to check)."""
    base = root / folder
    if not base.is_dir():
        return []
    problems: list[Problem] = []
    for path in sorted(base.rglob("*")):
        if path.is_file() and path.suffix in (".yml", ".yaml", ".json"):
            problems += scan_data_file(path, path.relative_to(root).as_posix())
    return problems


def escape_html(text: Any) -> str:
    """Data text for an HTML context: ``<``, ``>``, ``&`` and quotes become entities."""
    return html.escape(str(text), quote=True)


def escape_markdown(text: Any) -> str:
    """Data text for generated Markdown: one line, HTML-escaped, Markdown syntax characters backslashed.

    Whitespace is collapsed so a value cannot start a code block (a leading tab) or a new block
    (a newline then ``- ``); a leading ``-`` or ``1.`` is escaped so it cannot start a list.
    """
    escaped = _MARKDOWN_SPECIALS.sub(r"\\\1", escape_html(" ".join(str(text).split())))
    return _LIST_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)
