"""Where in a YAML file a value came from, so data problems can say file:line.

PyYAML's loaded data forgets positions; the composed node tree keeps them.
Every loader of YAML data (glossary, front matter, ``data/`` files) uses these
helpers, so a problem found in the loaded structure points at the right line.
"""

from __future__ import annotations

from typing import Any

import yaml

LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it: 10x faster


def line_of(node: yaml.Node | None, path: list[Any] | tuple[Any, ...]) -> int | None:
    """1-based line of the YAML node at ``path`` (list indexes and mapping keys)."""
    line = node.start_mark.line + 1 if node is not None else None
    for step in path:
        if isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        elif isinstance(node, yaml.MappingNode):
            match = next((v for k, v in node.value if getattr(k, "value", None) == str(step)), None)
            if match is None:
                break
            node = match
        else:
            break
        line = node.start_mark.line + 1
    return line


def error_line(error: yaml.YAMLError) -> int | None:
    """1-based line of a YAML error: where the broken construct starts (``title: [unclosed``),
    which is often a line above where the parser noticed it."""
    marks = [getattr(error, name, None) for name in ("context_mark", "problem_mark")]
    lines = [mark.line + 1 for mark in marks if mark is not None]
    return min(lines) if lines else None


def error_reason(error: yaml.YAMLError) -> str:
    return str(getattr(error, "problem", None) or error).strip()


def _bad_value_mark(node: yaml.Node | None) -> yaml.Mark | None:
    """Where a scalar that parses but cannot be built (``2026-13-01``) sits in the node tree."""
    constructor = yaml.SafeLoader("")
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                constructor.construct_object(current, deep=True)
            except (ValueError, TypeError, OverflowError, yaml.YAMLError):
                return current.start_mark
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(reversed(current.value))
        elif isinstance(current, yaml.MappingNode):
            stack.extend(n for pair in reversed(current.value) for n in reversed(pair))
    return None


def load_with_nodes(text: str) -> tuple[Any, yaml.Node | None]:
    """The loaded data and its node tree (for :func:`line_of`); raises only ``yaml.YAMLError``.

    PyYAML raises ``ValueError`` for values that look like dates but are not
    (``last_reviewed: 2026-13-01``); that becomes a ``YAMLError`` with its line.
    """
    node = yaml.compose(text, Loader=LOADER)
    try:
        return yaml.load(text, Loader=LOADER), node
    except (ValueError, TypeError, OverflowError, RecursionError) as error:
        raise yaml.constructor.ConstructorError(
            None, None, f"invalid value ({error})", _bad_value_mark(node)
        ) from error
